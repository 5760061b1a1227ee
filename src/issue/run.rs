//! Issues from a folder, an archive or a JSON Lines stream, and the `--issue` command
//! line (CONTRACT.md): `banmian --issue DIR` (one issue to stdout),
//! `banmian --issue ARCHIVE -o OUT` (one `OUT/<relative path of the issue>.issue.json`
//! per issue: an issue is the nearest folder holding pages, or with `--issue-key REGEX`
//! the first capture group of the regex on each page's relative path), `--issue
//! --input-jsonl` (lines grouped by their `issue` key, one issue object per line, in
//! order of first appearance), and `--format text|markdown|ninjs` for the joined
//! stories. Issues and the pages of each are processed in parallel (rayon); the output
//! is the same whatever the number of threads. A page that cannot be read is an
//! `errors` entry of its issue and makes the exit status 1; it never loses the issue.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use regex::Regex;
use serde::Deserialize;

use super::{Issue, PageInput, as_page, build, to_json, to_json_line};
use crate::batch;
use crate::error::Result;
use crate::write::OutputFormat;
use crate::{InputFormat, Pipeline};

/// Exit status: every page read.
pub const EXIT_OK: i32 = 0;
/// Exit status: some page or line could not be read (its issue is still written).
pub const EXIT_FAILED: i32 = 1;
/// Exit status: usage error.
pub const EXIT_USAGE: i32 = 2;

/// The pages of one issue of an archive: its key (the relative path of its folder, or
/// the `--issue-key` capture) and its pages' paths relative to the archive root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The issue's `source`: the folder's relative path (`/`-separated), or the key.
    pub key: String,
    /// Page paths relative to the root, in walk order.
    pub pages: Vec<PathBuf>,
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Groups page paths (relative to the archive root) into issues, in order of first
/// appearance: by `key`'s first capture group matched against each `/`-separated
/// relative path, or else by the folder holding the page (`""` for the root itself).
/// Returns the groups and the pages `key` does not match (or matches without a
/// first group).
pub fn group(pages: &[PathBuf], key: Option<&Regex>) -> (Vec<Group>, Vec<PathBuf>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut unmatched = Vec::new();
    for rel in pages {
        let k = match key {
            Some(re) => match re.captures(&slash(rel)).and_then(|c| c.get(1)) {
                Some(m) => m.as_str().to_string(),
                None => {
                    unmatched.push(rel.clone());
                    continue;
                }
            },
            None => rel.parent().map(slash).unwrap_or_default(),
        };
        let i = *index.entry(k.clone()).or_insert_with(|| {
            groups.push(Group { key: k, pages: Vec::new() });
            groups.len() - 1
        });
        groups[i].pages.push(rel.clone());
    }
    (groups, unmatched)
}

/// Reads and processes the pages of one issue in parallel and builds the issue.
/// `source` is the issue's `source`; each page's source is its path relative to `root`.
pub fn process_group(pipeline: &Pipeline, root: &Path, source: &str, pages: &[PathBuf]) -> Issue {
    let inputs: Vec<PageInput> = pages
        .par_iter()
        .map(|rel| {
            let (_, page) = batch::process_file(pipeline, root, rel);
            PageInput { source: slash(rel), page: page.map_err(|e| e.to_string()) }
        })
        .collect();
    build(source, inputs)
}

/// The file an issue is written to: `out/<key>.issue.<extension>`, only the key's
/// normal path components kept (so it stays inside `out`); a key with none (the
/// archive root itself) is written as `fallback`.
pub fn output_path(out: &Path, key: &str, fallback: &str, format: OutputFormat) -> PathBuf {
    let mut p = out.to_path_buf();
    let mut any = false;
    for c in Path::new(key).components() {
        if let Component::Normal(n) = c {
            p.push(n);
            any = true;
        }
    }
    if !any {
        p.push(if fallback.is_empty() { "issue" } else { fallback });
    }
    let mut name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".issue.");
    name.push(format.extension());
    p.set_file_name(name);
    p
}

/// The issue in `format`: the issue object (json), or its joined stories ([`as_page`])
/// in a reading format or ninjs. Errors: serializing failed.
pub fn render(issue: &Issue, format: OutputFormat) -> Result<Vec<u8>> {
    match format {
        OutputFormat::Json => to_json(issue),
        other => other.render(&as_page(issue)),
    }
}

/// The issue as one JSON Lines line (json: the issue object; ninjs: the stories' array);
/// `None` for the reading formats.
pub fn render_line(issue: &Issue, format: OutputFormat) -> Option<Result<Vec<u8>>> {
    match format {
        OutputFormat::Json => Some(to_json_line(issue)),
        other => other.line(&as_page(issue)),
    }
}

/// What the `--issue` command line asks for.
#[derive(Debug, Clone)]
pub struct Args {
    /// The folder (or `-`/a file with `input_jsonl`).
    pub input: PathBuf,
    /// `-o`: the output folder of an archive run (without it, one issue to stdout), or
    /// the file of an `--input-jsonl` run (default stdout).
    pub output: Option<PathBuf>,
    /// `--issue-key REGEX`.
    pub key: Option<String>,
    /// `--input-jsonl`.
    pub input_jsonl: bool,
    /// `--format`.
    pub format: OutputFormat,
    /// `--input-format`: how the walk chooses pages.
    pub input_format: InputFormat,
    /// `--hidden`.
    pub hidden: bool,
    /// `--quiet`: no summary.
    pub quiet: bool,
}

/// Runs `banmian --issue ...`; returns the exit status ([`EXIT_OK`], [`EXIT_FAILED`],
/// [`EXIT_USAGE`]). Errors are printed on stderr, each naming its file or line.
pub fn command(pipeline: &Pipeline, args: &Args) -> i32 {
    let key = match args.key.as_deref().map(Regex::new).transpose() {
        Ok(k) => k,
        Err(e) => {
            eprintln!("banmian: --issue-key: {e}");
            return EXIT_USAGE;
        }
    };
    if key.as_ref().is_some_and(|k| k.captures_len() < 2) {
        eprintln!("banmian: --issue-key needs a capture group: the issue is its first group (e.g. '^(\\d{{4}}/\\d\\d/\\d\\d)/')");
        return EXIT_USAGE;
    }
    let result = if args.input_jsonl {
        if key.is_some() {
            eprintln!("banmian: --issue-key groups files; --input-jsonl lines are grouped by their \"issue\" key");
            return EXIT_USAGE;
        }
        if !args.format.has_line() {
            eprintln!("banmian: --issue --input-jsonl writes json or ninjs, not --format {}", args.format.name());
            return EXIT_USAGE;
        }
        stream(pipeline, args)
    } else if !args.input.is_dir() {
        eprintln!("banmian: --issue {}: not a folder of pages", args.input.display());
        return if args.input.exists() { EXIT_USAGE } else { EXIT_FAILED };
    } else if args.output.as_ref().is_some_and(|o| o.as_os_str() != "-") || key.is_some() {
        archive(pipeline, args, key.as_ref())
    } else {
        one(pipeline, args)
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("banmian: {e}");
            EXIT_FAILED
        }
    }
}

fn walk(args: &Args) -> batch::Walk {
    let exclude = args.output.as_deref().filter(|o| o.is_dir());
    let walk = batch::walk_format(&args.input, args.hidden, exclude, args.input_format);
    for p in &walk.problems {
        eprintln!("banmian: {p}");
    }
    walk
}

fn dir_name(p: &Path) -> String {
    p.canonicalize().ok().and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned())).unwrap_or_else(|| slash(p))
}

fn report(issue: &Issue) {
    for e in &issue.errors {
        eprintln!("banmian: {}: {}", issue.source, e.error);
    }
}

fn summary(args: &Args, issues: &[Issue]) {
    if args.quiet {
        return;
    }
    let pages: usize = issues.iter().map(|i| i.pages.len() + i.errors.len()).sum();
    let errors: usize = issues.iter().map(|i| i.errors.len()).sum();
    let stories: usize = issues.iter().map(|i| i.articles.len()).sum();
    let links: usize = issues.iter().flat_map(|i| &i.articles).map(|a| a.links.len()).sum();
    let open: usize = issues.iter().map(|i| i.unlinked.len()).sum();
    let n = |n: usize, one: &str, many: &str| batch::count(n as u64, one, many);
    eprintln!(
        "banmian: {}, {} ({errors} failed), {}, {} linked, {open} open",
        n(issues.len(), "issue", "issues"),
        n(pages, "page", "pages"),
        n(stories, "article", "articles"),
        n(links, "jump", "jumps"),
    );
}

/// `--issue DIR` without `-o`: every page under DIR is one issue, written to stdout.
fn one(pipeline: &Pipeline, args: &Args) -> io::Result<i32> {
    let w = walk(args);
    let issue = process_group(pipeline, &args.input, &dir_name(&args.input), &w.pages);
    report(&issue);
    let bytes = render(&issue, args.format).map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    out.write_all(&bytes)?;
    out.flush()?;
    summary(args, std::slice::from_ref(&issue));
    Ok(if issue.errors.is_empty() && w.problems.is_empty() { EXIT_OK } else { EXIT_FAILED })
}

/// `--issue ARCHIVE -o OUT`: one file per issue, issues in parallel.
fn archive(pipeline: &Pipeline, args: &Args, key: Option<&Regex>) -> io::Result<i32> {
    let Some(out) = args.output.as_ref().filter(|o| o.as_os_str() != "-") else {
        eprintln!("banmian: --issue-key needs -o OUT (a folder)");
        return Ok(EXIT_USAGE);
    };
    if out.exists() && !out.is_dir() {
        eprintln!("banmian: -o {}: exists and is not a folder", out.display());
        return Ok(EXIT_USAGE);
    }
    let w = walk(args);
    let (groups, unmatched) = group(&w.pages, key);
    for u in &unmatched {
        eprintln!("banmian: {}: --issue-key does not match its path; not in any issue", slash(u));
    }
    let root_name = dir_name(&args.input);
    let issues: Vec<Issue> = groups
        .par_iter()
        .map(|g| {
            let source = if g.key.is_empty() { root_name.clone() } else { g.key.clone() };
            process_group(pipeline, &args.input, &source, &g.pages)
        })
        .collect();
    let mut failed = !unmatched.is_empty() || !w.problems.is_empty();
    for (g, issue) in groups.iter().zip(&issues) {
        report(issue);
        failed |= !issue.errors.is_empty();
        let path = output_path(out, &g.key, &root_name, args.format);
        let written = render(issue, args.format).map_err(|e| e.to_string()).and_then(|b| {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            batch::write_atomic(&path, &b).map_err(|e| e.to_string())
        });
        if let Err(e) = written {
            eprintln!("banmian: {e}");
            failed = true;
        }
    }
    summary(args, &issues);
    Ok(if failed { EXIT_FAILED } else { EXIT_OK })
}

/// One `--issue --input-jsonl` line: a page of an issue.
#[derive(Debug, Deserialize)]
struct IssueLine {
    id: serde_json::Value,
    text: String,
    issue: serde_json::Value,
}

fn key_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `--issue --input-jsonl`: lines grouped by `issue`, one issue object per output line.
fn stream(pipeline: &Pipeline, args: &Args) -> io::Result<i32> {
    let (name, reader): (String, Box<dyn BufRead>) = if args.input.as_os_str() == "-" {
        ("stdin".into(), Box::new(io::BufReader::new(io::stdin().lock())))
    } else {
        match std::fs::File::open(&args.input) {
            Ok(f) => (slash(&args.input), Box::new(io::BufReader::new(f))),
            Err(e) => {
                eprintln!("banmian: {}: {e}", args.input.display());
                return Ok(EXIT_FAILED);
            }
        }
    };
    let mut failed = false;
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: std::result::Result<IssueLine, String> = serde_json::from_str(&line).map_err(|e| e.to_string());
        let (id, text, issue) = match parsed.and_then(|l| {
            let id = key_string(&l.id).ok_or("\"id\" must be a string or a number")?;
            let issue = key_string(&l.issue).ok_or("\"issue\" must be a string or a number")?;
            Ok((id, l.text, issue))
        }) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("banmian: {name}:{}: not an {{\"id\", \"text\", \"issue\"}} line: {e}", n + 1);
                failed = true;
                continue;
            }
        };
        let i = *index.entry(issue.clone()).or_insert_with(|| {
            groups.push((issue, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push((id, text));
    }
    let issues: Vec<Issue> = groups
        .par_iter()
        .map(|(key, pages)| {
            let inputs: Vec<PageInput> = pages
                .par_iter()
                .map(|(id, text)| PageInput {
                    source: id.clone(),
                    page: pipeline.process_checked(id, text).map_err(|e| format!("{id}: {e}")),
                })
                .collect();
            build(key, inputs)
        })
        .collect();
    let mut w: Box<dyn Write> = match &args.output {
        Some(p) if p.as_os_str() != "-" => match std::fs::File::create(p) {
            Ok(f) => Box::new(io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("banmian: {}: {e}", p.display());
                return Ok(EXIT_FAILED);
            }
        },
        _ => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    for issue in &issues {
        report(issue);
        failed |= !issue.errors.is_empty();
        if let Some(bytes) = render_line(issue, args.format) {
            w.write_all(&bytes.map_err(io::Error::other)?)?;
        }
    }
    w.flush()?;
    summary(args, &issues);
    Ok(if failed { EXIT_FAILED } else { EXIT_OK })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_group_by_folder_or_key() {
        let pages: Vec<PathBuf> =
            ["2021/01/13/A/01.txt", "2021/01/13/B/01.txt", "2021/01/14/01.txt", "top.txt"].iter().map(PathBuf::from).collect();
        let (g, u) = group(&pages, None);
        assert_eq!(g.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["2021/01/13/A", "2021/01/13/B", "2021/01/14", ""]);
        assert!(u.is_empty());
        let re = Regex::new(r"^(\d{4}/\d\d/\d\d)/").unwrap();
        let (g, u) = group(&pages, Some(&re));
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].key, "2021/01/13");
        assert_eq!(g[0].pages.len(), 2);
        assert_eq!(u, vec![PathBuf::from("top.txt")]);
    }

    #[test]
    fn output_paths_stay_inside_out() {
        let o = Path::new("/out");
        assert_eq!(output_path(o, "2021/01/13", "arch", OutputFormat::Json), Path::new("/out/2021/01/13.issue.json"));
        assert_eq!(output_path(o, "", "arch", OutputFormat::Text), Path::new("/out/arch.issue.txt"));
        assert_eq!(output_path(o, "../../etc", "arch", OutputFormat::Ninjs), Path::new("/out/etc.issue.ninjs.json"));
    }
}
