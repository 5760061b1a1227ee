//! Walking an input tree: recursive, sorted, deterministic; pages chosen by the table
//! of input formats ([`crate::read::FORMATS`]), other files skipped and counted;
//! hidden files skipped unless asked; symlink loops and unreadable folders reported,
//! not fatal.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::read::{FORMATS, Format, InputFormat, SNIFF_BYTES};

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

/// Walks `root` recursively (following links, with loop detection), in sorted order:
/// text pages only, as [`walk_format`] with [`InputFormat::Text`]. `exclude` is a
/// folder not to enter: the output folder, when it lies inside `root`.
pub fn walk(root: &Path, hidden: bool, exclude: Option<&Path>) -> Walk {
    walk_format(root, hidden, exclude, InputFormat::Text)
}

/// Walks `root` like [`walk`], choosing pages by `format`, as the table of formats
/// ([`FORMATS`]) says: for a named format, the files with its extensions; for
/// [`InputFormat::Auto`], the files with the extensions of any format, a file of a
/// format that sniffs (a `.json` file) being a page when its first
/// [`SNIFF_BYTES`](crate::read::SNIFF_BYTES) open as that format (a PaddleOCR page
/// names `ocr_results`, so the outputs of an earlier run are not read back).
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
                let page = is_page_file(&rel, e.path(), format);
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

/// True when `path` has the extension of a format whose extension alone makes a page
/// (a row of [`FORMATS`] with no `sniff`: text, `.txt`, `.md`, `.markdown`), compared
/// case-insensitively.
pub fn is_page(path: &Path) -> bool {
    FORMATS.iter().any(|f| f.sniff.is_none() && has_extension(path, f))
}

fn has_extension(path: &Path, f: &Format) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| f.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| n.starts_with('.') && !n.starts_with(".."))
}

/// True when the start of the file at `path` passes `sniff`.
fn sniffs(path: &Path, sniff: fn(&[u8]) -> bool) -> bool {
    let mut prefix = Vec::new();
    fs::File::open(path).and_then(|f| f.take(SNIFF_BYTES).read_to_end(&mut prefix)).is_ok() && sniff(&prefix)
}

/// Whether the file at `rel` (found at `path`) is a page for `format`: a file with one
/// of that format's extensions; for [`InputFormat::Auto`], a file with the extension
/// of any format that, if the format has a `sniff`, opens as that format.
fn is_page_file(rel: &Path, path: &Path, format: InputFormat) -> bool {
    match crate::read::format(format) {
        Some(f) => has_extension(rel, f),
        None => FORMATS.iter().any(|f| has_extension(rel, f) && f.sniff.is_none_or(|s| sniffs(path, s))),
    }
}
