//! Many pages: a directory tree to an output tree, and JSON Lines streams.
//!
//! This module owns running the pipeline over many pages without ever losing one:
//! walking an input tree (recursive, sorted, deterministic; `.txt`, `.md`,
//! `.markdown` pages, and `.json` PaddleOCR box pages; other files skipped and
//! counted; hidden files skipped unless asked; symlink loops and unreadable folders
//! reported, not fatal), writing each page atomically to `OUT/<relative path>.json`
//! (a temporary file in the same folder, then a rename, so an interrupted run never
//! leaves half a page), output paths that cannot leave `OUT`, `--resume` (pages whose
//! output is newer than the input are skipped), pages in parallel on rayon in bounded
//! chunks (memory is bounded by the pages in flight, and JSON Lines output keeps input
//! order), and the run's [`Summary`]. One bad page is reported in the summary and
//! never stops the batch.

use std::fs;
use std::io::{self, BufRead, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::model::Page;
use crate::{InputFormat, Pipeline};

/// File extensions read as pages (compared case-insensitively).
pub const PAGE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Pages processed in parallel before their results are written, for ordered output.
const CHUNK: usize = 256;

/// What [`walk`] found under a root.
#[derive(Debug, Default)]
pub struct Walk {
    /// Page files, relative to the root, sorted.
    pub pages: Vec<PathBuf>,
    /// Files that are not pages (images, PDFs, other files), relative to the root.
    pub skipped: Vec<PathBuf>,
    /// Folders or links that could not be read (symlink loops, permissions).
    pub problems: Vec<Error>,
}

/// True when `path` has a page extension.
pub fn is_page(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| PAGE_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| n.starts_with('.') && !n.starts_with(".."))
}

/// Bytes read from the start of a `.json` file to tell a box page ([`crate::boxes::sniff`]).
const SNIFF_BYTES: u64 = 4096;

/// True when `path` names a `.json` file.
fn is_json(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// True when the file at `path` opens as a PaddleOCR page.
fn opens_as_box_page(path: &Path) -> bool {
    let mut prefix = Vec::new();
    fs::File::open(path).and_then(|f| f.take(SNIFF_BYTES).read_to_end(&mut prefix)).is_ok()
        && crate::boxes::sniff(&prefix)
}

/// Walks `root` recursively (following links, with loop detection), in sorted order:
/// text pages only, as [`walk_format`] with [`InputFormat::Text`]. `exclude` is a
/// folder not to enter: the output folder, when it lies inside `root`.
pub fn walk(root: &Path, hidden: bool, exclude: Option<&Path>) -> Walk {
    walk_format(root, hidden, exclude, InputFormat::Text)
}

/// Walks `root` like [`walk`], choosing pages by `format`: text pages for
/// [`InputFormat::Text`]; `.json` files for [`InputFormat::Paddleocr`]; both for
/// [`InputFormat::Auto`], a `.json` file being a page when its first 4 KiB open a JSON
/// object naming `ocr_results` (so the outputs of an earlier run are not read back).
pub fn walk_format(root: &Path, hidden: bool, exclude: Option<&Path>, format: InputFormat) -> Walk {
    let mut w = Walk::default();
    let excluded = exclude.and_then(|p| fs::canonicalize(p).ok());
    let it = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    let keep = |e: &walkdir::DirEntry| {
        (hidden || !is_hidden(e))
            && !(e.file_type().is_dir() && excluded.as_ref().is_some_and(|x| fs::canonicalize(e.path()).is_ok_and(|p| &p == x)))
    };
    for entry in it.filter_entry(keep) {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf();
                let page = match format {
                    InputFormat::Text => is_page(&rel),
                    InputFormat::Paddleocr => is_json(&rel),
                    InputFormat::Auto => is_page(&rel) || (is_json(&rel) && opens_as_box_page(e.path())),
                };
                if page {
                    w.pages.push(rel);
                } else {
                    w.skipped.push(rel);
                }
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                if e.loop_ancestor().is_none() && is_link && is_page(&path) {
                    // A page whose link is broken: a page that fails, named in the summary.
                    w.pages.push(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
                    continue;
                }
                let msg = if e.loop_ancestor().is_some() { format!("symlink loop: {e}") } else { e.to_string() };
                w.problems.push(Error::new(ErrorKind::Io(io::Error::other(msg))).with_path(path));
            }
        }
    }
    w
}

/// The output file for the page at `rel` (relative to the input root):
/// `out/<rel>.json`. Only normal components of `rel` are kept, so whatever the input
/// names (`..`, absolute paths, drive prefixes), the result stays inside `out`.
pub fn output_path(out: &Path, rel: &Path) -> PathBuf {
    let mut p = out.to_path_buf();
    let mut any = false;
    for c in rel.components() {
        if let Component::Normal(n) = c {
            p.push(n);
            any = true;
        }
    }
    if !any {
        p.push("page");
    }
    let mut name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".json");
    p.set_file_name(name);
    p
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a
/// rename over `path`, so a reader (or a killed run) never sees half a page. It does
/// not fsync: atomic against a killed process, not against a power cut (an fsync per
/// page would cost more than processing it). Creates missing parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |e: io::Error| Error::from(e).with_path(path);
    fs::create_dir_all(dir).map_err(io)?;
    let mut tmp = tempfile::Builder::new().prefix(TMP_PREFIX).suffix(".tmp").tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// True when `output` exists and is at least as new as `input`.
pub fn up_to_date(input: &Path, output: &Path) -> bool {
    let m = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((m(input), m(output)), (Some(i), Some(o)) if o >= i)
}

/// A failed page: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The input file (or `stdin:LINE` for a JSONL stream).
    pub source: String,
    /// The error, as printed.
    pub message: String,
}

/// Counts for a run; written by `--summary-json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Pages found.
    pub pages: u64,
    /// Pages processed and written.
    pub processed: u64,
    /// Pages skipped by `--resume` because their output was up to date.
    pub up_to_date: u64,
    /// Pages that failed.
    pub failed: u64,
    /// Files that are not pages, skipped.
    pub skipped_files: u64,
    /// Articles in the processed pages.
    pub articles: u64,
    /// `removed` entries in the processed pages.
    pub removed: u64,
    /// Warnings (page and article) in the processed pages.
    pub warnings: u64,
    /// Input bytes processed.
    pub bytes: u64,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Pages processed per second.
    pub pages_per_second: f64,
    /// Input megabytes (10^6 bytes) processed per second.
    pub mb_per_second: f64,
    /// What failed, in input order.
    pub failures: Vec<Failure>,
    /// Folders and links that could not be walked (symlink loops, permissions):
    /// reported, but not page failures.
    pub problems: Vec<Failure>,
}

impl Summary {
    fn for_walk(walk: &Walk) -> Summary {
        Summary {
            pages: walk.pages.len() as u64,
            skipped_files: walk.skipped.len() as u64,
            problems: walk
                .problems
                .iter()
                .map(|e| Failure {
                    source: e.position().path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                    message: e.to_string(),
                })
                .collect(),
            ..Summary::default()
        }
    }

    /// Records one processed page of `bytes` input bytes (for callers that process
    /// pages themselves, such as a one-page run).
    pub fn record_one(&mut self, page: &Page, bytes: u64) {
        self.pages += 1;
        self.count(page, bytes);
    }

    fn count(&mut self, page: &Page, bytes: u64) {
        self.processed += 1;
        self.bytes += bytes;
        self.articles += page.articles.len() as u64;
        self.removed += page.removed.len() as u64;
        self.warnings += (page.warnings.len() + page.articles.iter().map(|a| a.warnings.len()).sum::<usize>()) as u64;
    }

    fn fail(&mut self, source: String, e: &Error) {
        self.failed += 1;
        self.failures.push(Failure { source, message: e.to_string() });
    }

    fn time(&mut self, start: Instant) {
        self.seconds = start.elapsed().as_secs_f64();
        if self.seconds > 0.0 {
            self.pages_per_second = self.processed as f64 / self.seconds;
            self.mb_per_second = self.bytes as f64 / 1e6 / self.seconds;
        }
    }

    /// Exit status for the run: 0 when every page was processed, 1 when some failed.
    pub fn exit_code(&self) -> i32 {
        i32::from(self.failed > 0)
    }
}

/// Where a batch writes.
#[derive(Debug, Clone)]
pub enum Target {
    /// One JSON file per page under this folder.
    Tree(PathBuf),
    /// One line per page, in input order, to this writer (see [`run_tree_jsonl`]).
    Lines,
}

/// Serializes a page as the contract's JSON: pretty (per-page files, one page on
/// stdout) or one line (JSON Lines).
pub fn to_json(page: &Page, pretty: bool) -> Result<Vec<u8>> {
    let mut v = if pretty { serde_json::to_vec_pretty(page)? } else { serde_json::to_vec(page)? };
    v.push(b'\n');
    Ok(v)
}

/// Reads a whole page from `input`, but never more than `limit` bytes into memory:
/// past the limit the rest is read and counted, not kept, and the result is
/// [`ErrorKind::TooLarge`] with the input's real size. Errors: [`ErrorKind::Io`].
pub fn read_limited(input: &mut dyn io::Read, limit: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let read = (&mut *input).take(limit.saturating_add(1)).read_to_end(&mut bytes)? as u64;
    if read > limit {
        drop(bytes);
        let rest = io::copy(input, &mut io::sink())?;
        return Err(Error::new(ErrorKind::TooLarge { size: read + rest, limit }));
    }
    Ok(bytes)
}

/// Reads a page file of at most `limit` bytes. A regular file over the limit is
/// refused by its size, without being read; anything else (a pipe, a device) is read
/// with [`read_limited`]. Errors: [`ErrorKind::TooLarge`], [`ErrorKind::Io`], with
/// the path.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let read = fs::File::open(path).map_err(Error::from).and_then(|mut f| match f.metadata() {
        Ok(m) if m.is_file() && m.len() > limit => Err(Error::new(ErrorKind::TooLarge { size: m.len(), limit })),
        _ => read_limited(&mut f, limit),
    });
    read.map_err(|e| e.with_path(path))
}

/// Reads and processes one page file; the error names the file. A file over the
/// pipeline's `max_page_bytes` is refused (see [`read_file_limited`]).
pub fn process_file(pipeline: &Pipeline, root: &Path, rel: &Path) -> (u64, Result<Page>) {
    let path = root.join(rel);
    let source = rel.to_string_lossy().replace('\\', "/");
    match read_file_limited(&path, pipeline.options().max_page_bytes) {
        Ok(bytes) => (bytes.len() as u64, pipeline.process_bytes(&source, &bytes).map_err(|e| e.with_path(&path))),
        Err(e) => (0, Err(e)),
    }
}

/// Prefix of the temporary files [`write_atomic`] writes before renaming.
const TMP_PREFIX: &str = ".banmian-";

/// Removes temporary files left under `out` by a run that was killed before it could
/// rename them (a killed process runs no destructors). Returns how many were removed.
pub fn remove_stale_temporaries(out: &Path) -> usize {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_type().is_file()
                && e.file_name().to_str().is_some_and(|n| n.starts_with(TMP_PREFIX) && n.ends_with(".tmp"))
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Processes every page under `root` into `out/<rel>.json`, in parallel on the
/// current rayon pool. `tick` is called once per page with its byte count, for a
/// progress bar. With `resume`, up-to-date outputs are left alone. Temporary files a
/// killed run left in `out` are removed first.
pub fn run_tree(pipeline: &Pipeline, root: &Path, walk: &Walk, out: &Path, resume: bool, tick: &(dyn Fn(u64) + Sync)) -> Summary {
    let start = Instant::now();
    remove_stale_temporaries(out);
    let mut summary = Summary::for_walk(walk);
    for chunk in walk.pages.chunks(CHUNK) {
        let results: Vec<(PathBuf, Option<(u64, Result<Page>)>)> = chunk
            .par_iter()
            .map(|rel| {
                let dest = output_path(out, rel);
                if resume && up_to_date(&root.join(rel), &dest) {
                    tick(0);
                    return (rel.clone(), None);
                }
                let (bytes, result) = process_file(pipeline, root, rel);
                let result = result.and_then(|page| {
                    write_atomic(&dest, &to_json(&page, true)?)?;
                    Ok(page)
                });
                tick(bytes);
                (rel.clone(), Some((bytes, result)))
            })
            .collect();
        for (rel, r) in results {
            match r {
                None => summary.up_to_date += 1,
                Some((bytes, Ok(page))) => summary.count(&page, bytes),
                Some((_, Err(e))) => summary.fail(root.join(&rel).display().to_string(), &e),
            }
        }
    }
    summary.time(start);
    summary
}

/// Processes every page under `root` and writes one JSON line per page to `w`, in
/// input order whatever the number of threads. Failed pages are reported in the
/// summary and write no line. A write error (a closed pipe) ends the run and is returned.
pub fn run_tree_jsonl(
    pipeline: &Pipeline,
    root: &Path,
    walk: &Walk,
    w: &mut dyn Write,
    tick: &(dyn Fn(u64) + Sync),
) -> io::Result<Summary> {
    let start = Instant::now();
    let mut summary = Summary::for_walk(walk);
    for chunk in walk.pages.chunks(CHUNK) {
        let results: Vec<(u64, Result<Vec<u8>>, Option<Page>)> = chunk
            .par_iter()
            .map(|rel| {
                let (bytes, r) = process_file(pipeline, root, rel);
                tick(bytes);
                match r {
                    Ok(page) => (bytes, to_json(&page, false), Some(page)),
                    Err(e) => (bytes, Err(e), None),
                }
            })
            .collect();
        for (rel, (bytes, json, page)) in chunk.iter().zip(results) {
            match (json, page) {
                (Ok(line), Some(page)) => {
                    w.write_all(&line)?;
                    summary.count(&page, bytes);
                }
                (Err(e), _) => summary.fail(root.join(rel).display().to_string(), &e),
                (Ok(_), None) => {}
            }
        }
    }
    w.flush()?;
    summary.time(start);
    Ok(summary)
}

/// One JSONL input line: `{"id": ..., "text": ...}`; `id` may be a string or a number.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct InputLine {
    /// The page id, written to `source`.
    pub id: serde_json::Value,
    /// The page text.
    pub text: String,
}

/// Reads one JSONL input line. Errors: [`ErrorKind::JsonInput`] when it is not an
/// object with a string or number `id` and a string `text`.
pub fn parse_input_line(line: &str) -> Result<(String, String)> {
    let v: InputLine = serde_json::from_str(line).map_err(|e| Error::new(ErrorKind::JsonInput(e.to_string())).with_byte(e.column().saturating_sub(1) as u64))?;
    let id = match v.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => return Err(Error::new(ErrorKind::JsonInput(format!("\"id\" must be a string or a number, not {other}")))),
    };
    Ok((id, v.text))
}

/// The schema tag of an error line in a JSON Lines stream.
pub const ERROR_SCHEMA: &str = "banmian.error/1";

/// What a stream writes in place of a page for an input line it cannot read, so that
/// output line N still answers input line N: `{"schema":"banmian.error/1","source",
/// "line","error"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorLine {
    /// Always [`ERROR_SCHEMA`].
    pub schema: std::borrow::Cow<'static, str>,
    /// `<input name>:<line>`, e.g. `stdin:2`.
    pub source: String,
    /// 1-based input line number.
    pub line: u64,
    /// The error, as printed.
    pub error: String,
}

/// Room in a JSON Lines input line for the id and the JSON around the page text.
const LINE_SLACK: u64 = 64 * 1024;

/// Largest JSON Lines input line read, for a page limit of `limit` bytes: twice the
/// limit (JSON may escape every character of the page: `\u4e2d` is 6 bytes for the 3
/// of 中 in UTF-8) plus 64 KiB for the id and the keys. The page text it holds must
/// still be within the limit.
pub fn max_line_bytes(limit: u64) -> u64 {
    limit.saturating_mul(2).saturating_add(LINE_SLACK)
}

/// Reads one line (up to and including `\n`) into `buf`, keeping at most `cap` bytes:
/// the rest of a longer line is read and dropped. Returns the line's full length
/// (0 at the end of the input).
fn read_line_capped(input: &mut dyn BufRead, buf: &mut Vec<u8>, cap: u64) -> io::Result<u64> {
    let mut total = 0u64;
    loop {
        let (done, used) = {
            let chunk = match input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(total);
            }
            let (done, used) = match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, chunk.len()),
            };
            let room = cap.saturating_sub(buf.len() as u64).min(used as u64) as usize;
            buf.extend_from_slice(&chunk[..room]);
            (done, used)
        };
        input.consume(used);
        total += used as u64;
        if done {
            return Ok(total);
        }
    }
}

/// Runs a JSON Lines stream: one `{"id","text"}` page per input line, one page object
/// per output line, in the same order. Blank lines are passed over. A line that is not
/// a page gets an [`ErrorLine`] in its place (so the output stays aligned with the
/// input, as `rdd.pipe` expects) and is counted as failed: a line that is not JSON of
/// that shape, a line over [`max_line_bytes`] ([`ErrorKind::JsonInput`]; such a line is
/// never held in memory), a page text over the pipeline's limits
/// ([`ErrorKind::TooLarge`]). A write error (a closed pipe) ends the run and is returned.
pub fn run_stream(pipeline: &Pipeline, input: &mut dyn BufRead, w: &mut dyn Write, name: &str) -> io::Result<Summary> {
    let start = Instant::now();
    let mut summary = Summary::default();
    let mut lineno = 0u64;
    let mut eof = false;
    let limit = pipeline.options().max_page_bytes;
    let cap = max_line_bytes(limit);
    while !eof {
        let mut batch: Vec<(u64, Result<String>)> = Vec::with_capacity(CHUNK);
        while batch.len() < CHUNK {
            let mut buf = Vec::new();
            match read_line_capped(input, &mut buf, cap) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(len) => {
                    lineno += 1;
                    if len > cap {
                        let msg = format!("line is {len} bytes, over the limit of {cap} bytes (twice --max-page-bytes, plus 64 KiB)");
                        batch.push((lineno, Err(Error::new(ErrorKind::JsonInput(msg)))));
                        continue;
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let text = String::from_utf8(buf).map_err(|e| {
                        Error::from(io::Error::new(io::ErrorKind::InvalidData, format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to())))
                    });
                    batch.push((lineno, text));
                }
                Err(e) => {
                    lineno += 1;
                    batch.push((lineno, Err(Error::from(e))));
                    eof = true;
                }
            }
        }
        summary.pages += batch.len() as u64;
        let results: Vec<(u64, u64, Result<(Page, Vec<u8>)>)> = batch
            .into_par_iter()
            .map(|(n, line)| {
                let r = line.and_then(|l| parse_input_line(l.trim_end())).and_then(|(id, text)| {
                    let page = pipeline.process_checked(&id, &text)?;
                    let json = to_json(&page, false)?;
                    Ok((page, json))
                });
                (n, 0, r)
            })
            .collect();
        for (n, _, r) in results {
            match r {
                Ok((page, json)) => {
                    w.write_all(&json)?;
                    summary.count(&page, json.len() as u64);
                }
                Err(e) => {
                    let e = e.with_path(name).with_line(n);
                    let line = ErrorLine { schema: ERROR_SCHEMA.into(), source: format!("{name}:{n}"), line: n, error: e.to_string() };
                    let mut json = serde_json::to_vec(&line).map_err(io::Error::other)?;
                    json.push(b'\n');
                    w.write_all(&json)?;
                    summary.fail(line.source, &e);
                }
            }
        }
        w.flush()?;
    }
    summary.time(start);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_stay_inside_out() {
        let out = Path::new("/out");
        assert_eq!(output_path(out, Path::new("2021/01.txt")), Path::new("/out/2021/01.txt.json"));
        assert_eq!(output_path(out, Path::new("../../etc/passwd")), Path::new("/out/etc/passwd.json"));
        assert_eq!(output_path(out, Path::new("/abs/p.md")), Path::new("/out/abs/p.md.json"));
        assert_eq!(output_path(out, Path::new("..odd.txt")), Path::new("/out/..odd.txt.json"));
        assert_eq!(output_path(out, Path::new("..")), Path::new("/out/page.json"));
    }

    #[test]
    fn input_lines() {
        assert_eq!(parse_input_line(r#"{"id": 7, "text": "本报讯"}"#).unwrap(), ("7".into(), "本报讯".into()));
        assert_eq!(parse_input_line(r#"{"id":"a/b","text":""}"#).unwrap().0, "a/b");
        assert!(parse_input_line(r#"{"id": null, "text": "x"}"#).is_err());
        assert!(parse_input_line("not json").is_err());
    }
}
