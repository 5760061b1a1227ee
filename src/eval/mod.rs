//! `banmian eval`: scores banmian against an evaluation set of pages with known answers.
//!
//! A set is a folder laid out as `evaluation/README.md` and issue 12 describe:
//!
//! ```text
//! SET/manifest.json                    how the set was made (copied into the report as is)
//! SET/<kind>/<id>.<ext>[.gz]           an input page as banmian reads it
//! SET/<kind>/<id>.gold.json[.gz]       its gold ([`Gold`])
//! ```
//!
//! A page is a gold file and the one other file of its kind folder named `<id>.<ext>`
//! (optionally gzip-compressed, `.gz`). Inputs with an extension of the input
//! seam's table ([`reads_extension`]: text, Markdown, PaddleOCR JSON, Tesseract TSV) are run through the pipeline in-process
//! ([`Pipeline::process_bytes`], default [`crate::Options`]); a kind whose inputs are
//! in another format (hOCR, ALTO) is reported as "not read yet" and is not a
//! failure. Pages are run in parallel (rayon); the report is the same whatever the
//! number of threads. Scoring is in [`score`], the table, the `banmian.eval/1` JSON
//! and the floor in [`report`], the subcommand in [`command`].

pub mod command;
pub mod issues;
pub mod report;
pub mod score;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::Pipeline;
pub use report::{Floor, KindReport, Report};
pub use score::{PageScore, fold, similarity};

/// True when banmian reads files with this extension (lower case, no dot, after a
/// `.gz` is taken off): some row of the input seam's table ([`crate::read::FORMATS`])
/// lists it. A kind whose inputs have another extension is "not read yet".
pub fn reads_extension(ext: &str) -> bool {
    crate::read::FORMATS.iter().any(|f| f.extensions.contains(&ext))
}

/// Largest file (gold or input, after decompression) eval reads, in bytes: the
/// pipeline's own default page limit ([`crate::DEFAULT_MAX_PAGE_BYTES`]).
pub const MAX_FILE_BYTES: u64 = crate::DEFAULT_MAX_PAGE_BYTES;

/// A gold file (`banmian.evalgold/1`, which extends the seed gold format of
/// `../shared/gold/seed.gold.json` by adding fields). Only what eval scores is read;
/// other fields are allowed and ignored, and every field but `articles` may be absent.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Gold {
    /// `"banmian.evalgold/1"`; absent in a seed-format gold.
    #[serde(default)]
    pub schema: Option<String>,
    /// The articles, in gold reading order.
    pub articles: Vec<GoldArticle>,
    /// Every printed line of the page that belongs to a gold article, in gold reading
    /// order; the gold line id of an entry is its index. Empty: reading order and
    /// assignment are not scored for the page.
    #[serde(default)]
    pub order: Vec<GoldLine>,
}

/// One gold article: the clean text as printed.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldArticle {
    /// 引题.
    pub kicker: Option<String>,
    /// 主题.
    pub headline: String,
    /// 副题.
    pub subheadline: Option<String>,
    /// 栏目.
    pub rubric: Option<String>,
    /// The credit line.
    pub byline: Option<String>,
    /// The source/place/date part of the credit.
    pub dateline: Option<String>,
    /// The people credited.
    pub authors: Vec<GoldAuthor>,
    /// Jump markers.
    pub jumps: Vec<GoldJump>,
    /// The body; its texts, folded and concatenated, are the gold body.
    pub blocks: Vec<GoldBlock>,
    /// The body as the engine read it (its lines of this article's body blocks, in
    /// gold order, joined by the contract's rules); `null` where not made.
    pub oracle: Option<String>,
}

/// A credited person in a gold.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldAuthor {
    /// The name.
    pub name: String,
    /// The printed title, or `null`.
    pub role: Option<String>,
    /// The organisation, or `null`.
    pub org: Option<String>,
}

/// A jump marker in a gold.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldJump {
    /// `continued_on` or `continued_from`.
    pub direction: String,
    /// The page pointed at, or `null`.
    pub page: Option<u32>,
}

/// A body block in a gold.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldBlock {
    /// `paragraph`, `subhead`, `caption`, ... (not scored by eval).
    pub kind: String,
    /// The clean text.
    pub text: String,
}

/// One printed line of the page in gold reading order.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldLine {
    /// The gold article (index into `articles`) the line belongs to.
    pub article: usize,
    /// `headline`, `body`, `byline`, ... (not scored by eval).
    pub role: Option<String>,
    /// Text pages: the 1-based input line numbers holding the printed line.
    pub lines: Vec<usize>,
    /// Box pages: the 0-based box indexes (document order) holding the printed line.
    pub boxes: Vec<usize>,
}

/// One page of a set, as found by [`walk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetPage {
    /// The kind folder's name.
    pub kind: String,
    /// The page id: the gold file's name without `.gold.json[.gz]`.
    pub id: String,
    /// The gold file.
    pub gold: PathBuf,
    /// The input file: `Ok`, or why none could be picked (none, or several).
    pub input: Result<PathBuf, String>,
}

impl SetPage {
    /// True when the input's extension is one banmian reads ([`reads_extension`]).
    pub fn is_read(&self) -> bool {
        match &self.input {
            Ok(p) => extension(p).is_some_and(|e| reads_extension(&e)),
            Err(_) => true,
        }
    }
}

/// The extension of a file name, lower case, after a `.gz` is taken off.
fn extension(p: &Path) -> Option<String> {
    let name = p.file_name()?.to_string_lossy().to_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').map(|(_, e)| e.to_string())
}

/// The id of a gold file name, or `None` when it is not one.
fn gold_id(name: &str) -> Option<&str> {
    name.strip_suffix(".gold.json.gz").or_else(|| name.strip_suffix(".gold.json"))
}

/// Finds the pages of a set: every kind folder (sorted by name), every gold in it
/// (sorted by id) with its input. A folder that itself holds golds is one kind folder,
/// the kind named after the folder (`banmian eval evaluation/set/plain` scores the
/// `plain` kind alone). Hidden files and folders are skipped, as are files that are not
/// golds or inputs of one. Errors: the set folder, or a kind folder, cannot be read
/// (the error names it).
pub fn walk(root: &Path) -> Result<Vec<SetPage>, String> {
    let list = |dir: &Path| -> Result<Vec<(String, PathBuf)>, String> {
        let mut v = Vec::new();
        for e in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let e = e.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') {
                v.push((name, e.path()));
            }
        }
        v.sort();
        Ok(v)
    };
    let top = list(root)?;
    if top.iter().any(|(name, _)| gold_id(name).is_some()) {
        let kind = root.canonicalize().ok().and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
        return Ok(kind_pages(kind.as_deref().unwrap_or("set"), &top));
    }
    let mut pages = Vec::new();
    for (kind, dir) in top {
        if dir.is_dir() {
            pages.extend(kind_pages(&kind, &list(&dir)?));
        }
    }
    Ok(pages)
}

/// The pages of one kind folder, from its sorted, non-hidden `files` (name, path).
fn kind_pages(kind: &str, files: &[(String, PathBuf)]) -> Vec<SetPage> {
    let mut pages = Vec::new();
    for (name, gold) in files {
        let Some(id) = gold_id(name) else { continue };
        let prefix = format!("{id}.");
        let inputs: Vec<&PathBuf> =
            files.iter().filter(|(n, p)| n.starts_with(&prefix) && gold_id(n).is_none() && p.is_file()).map(|(_, p)| p).collect();
        let input = match inputs.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(format!("{}: no input file {id}.* beside the gold", gold.display())),
            many => Err(format!(
                "{}: several inputs for one gold: {}",
                gold.display(),
                many.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            )),
        };
        pages.push(SetPage { kind: kind.to_string(), id: id.to_string(), gold: gold.clone(), input });
    }
    pages
}

/// Reads a file whole, gunzipping it when its name ends `.gz`; at most
/// [`MAX_FILE_BYTES`] after decompression. Errors name the file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let err = |e: std::io::Error| format!("{}: {e}", path.display());
    let file = fs::File::open(path).map_err(err)?;
    let mut reader: Box<dyn Read> =
        if path.extension().is_some_and(|e| e == "gz") { Box::new(flate2::read::MultiGzDecoder::new(file)) } else { Box::new(file) };
    let mut bytes = Vec::new();
    reader.by_ref().take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("{}: larger than {MAX_FILE_BYTES} bytes", path.display()));
    }
    Ok(bytes)
}

/// Reads and parses a gold file. Errors name the file.
pub fn read_gold(path: &Path) -> Result<Gold, String> {
    let bytes = read_file(path)?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: not a gold file: {e}", path.display()))
}

/// What became of one page.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Run and scored.
    Scored(PageScore),
    /// Its input format is not read by banmian yet.
    NotReadYet,
    /// A file could not be read or parsed (the message names it).
    Error(String),
}

/// Runs one page through the pipeline and scores it.
pub fn evaluate_page(pipeline: &Pipeline, page: &SetPage) -> Outcome {
    if !page.is_read() {
        return Outcome::NotReadYet;
    }
    let input = match &page.input {
        Ok(p) => p,
        Err(e) => return Outcome::Error(e.clone()),
    };
    let gold = match read_gold(&page.gold) {
        Ok(g) => g,
        Err(e) => return Outcome::Error(e),
    };
    let bytes = match read_file(input) {
        Ok(b) => b,
        Err(e) => return Outcome::Error(e),
    };
    let name = input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let source = format!("{}/{}", page.kind, name.strip_suffix(".gz").unwrap_or(&name));
    // A box page: the boxes of each of the page's printed lines, as the pipeline's
    // geometry recovered them in the same run.
    match pipeline.process_bytes_recovered(&source, &bytes) {
        Ok((out, recovered)) => {
            let line_boxes: Option<Vec<Vec<usize>>> =
                recovered.map(|r| r.lines.iter().map(|l| l.pieces.iter().map(|p| p.box_index).collect()).collect());
            Outcome::Scored(score::score_page_with(&gold, &out, line_boxes.as_deref()))
        }
        Err(e) => Outcome::Error(e.with_path(input).to_string()),
    }
}

/// Walks a set, runs and scores every page in parallel, and builds the report (in
/// page order, whatever the threads). `set` is written into the report as given.
/// Errors: the set or one of its kind folders cannot be read, or it holds no page.
pub fn evaluate(pipeline: &Pipeline, set: &Path) -> Result<Report, String> {
    if !set.is_dir() {
        return Err(format!("{}: not a folder", set.display()));
    }
    let pages = walk(set)?;
    if pages.is_empty() {
        return Err(format!("{}: no pages (no <id>.gold.json[.gz] in it, nor in a kind folder of it)", set.display()));
    }
    let outcomes: Vec<Outcome> = pages.par_iter().map(|p| evaluate_page(pipeline, p)).collect();
    let manifest = set.join("manifest.json");
    let manifest = match fs::read(&manifest) {
        Ok(b) => Some(serde_json::from_slice(&b).map_err(|e| format!("{}: {e}", manifest.display()))),
        Err(_) => None,
    };
    let (manifest, manifest_error) = match manifest {
        Some(Ok(v)) => (Some(v), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let mut report = Report::build(set, manifest, &pages, outcomes);
    if let Some(e) = manifest_error {
        report.errors.push(report::FileError { error: e });
    }
    Ok(report)
}
