//! Walking an input tree: recursive, sorted, deterministic; pages chosen by the table
//! of input formats ([`crate::read::FORMATS`]), other files skipped and named with the
//! reason;
//! hidden files skipped unless asked; symlink loops and unreadable folders reported,
//! not fatal.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::read::{FORMATS, Format, InputFormat, shape};

/// What [`walk`] found under a root.
#[derive(Debug, Default)]
pub struct Walk {
    /// Page files, relative to the root, sorted.
    pub pages: Vec<PathBuf>,
    /// Files that are not pages (images, PDFs, other files, banmian's own outputs),
    /// relative to the root, sorted, each with the reason.
    pub skipped: Vec<Skipped>,
    /// Folders or links that could not be read (symlink loops, permissions).
    pub problems: Vec<Error>,
    /// Hidden files and folders (names starting with a dot) not read, relative to the
    /// root, in walk order; a hidden folder is one entry (its content is not walked).
    /// Empty when the walk read hidden entries.
    pub hidden: Vec<PathBuf>,
    /// Pages of [`Walk::pages`] taken by their extension alone whose content must still
    /// be recognised ([`recognise`]) when the run reads them: the files of a format that
    /// sniffs (`.json`, `.xml`, `.html`, …) found by [`walk_lazy`], which reads no file.
    /// A run reads each once, and one not recognised is skipped, named with the reason,
    /// as the walk would have skipped it. Empty for [`walk_format`].
    pub candidates: BTreeSet<PathBuf>,
}

impl Walk {
    /// For a run with `--ocr`: the page images ([`crate::ocr::is_image`]: PNG, JPEG,
    /// TIFF) the walk skipped become pages, the pages staying sorted. Returns how many.
    pub fn take_images(&mut self) -> usize {
        let (images, rest): (Vec<Skipped>, Vec<Skipped>) =
            std::mem::take(&mut self.skipped).into_iter().partition(|s| crate::ocr::is_image(&s.path));
        self.skipped = rest;
        let n = images.len();
        self.pages.extend(images.into_iter().map(|s| s.path));
        self.pages.sort();
        n
    }
}

/// A file the walk did not take as a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file (or, for the output folder inside the input folder, that folder),
    /// relative to the root.
    pub path: PathBuf,
    /// Why, as a phrase: `an image (.png): banmian reads OCR output; run OCR first`,
    /// `banmian's own output (banmian.page/1), not an input page`, …
    pub reason: String,
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
/// format that sniffs (a `.json` file) being a page when its whole content is
/// recognised as that format ([`Format::sniff`]: a PaddleOCR page parses as a JSON
/// object with `ocr_results`, so the outputs of an earlier run are not read back).
/// Every other file is in [`Walk::skipped`] with the reason: what it looks like
/// ([`shape`]), or its extension.
pub fn walk_format(root: &Path, hidden: bool, exclude: Option<&Path>, format: InputFormat) -> Walk {
    walk_impl(root, hidden, exclude, format, false)
}

/// Walks `root` like [`walk_format`] but reads no file: a file with the extension of a
/// format that sniffs only (`.json`, `.xml`, `.html`, …) is a page in
/// [`Walk::candidates`], which the run recognises when it reads the file, so that each
/// file is read once (the walk of [`walk_format`] reads such a file whole to recognise
/// it, and the run reads it again).
pub fn walk_lazy(root: &Path, hidden: bool, exclude: Option<&Path>, format: InputFormat) -> Walk {
    walk_impl(root, hidden, exclude, format, true)
}

fn walk_impl(root: &Path, hidden: bool, exclude: Option<&Path>, format: InputFormat, lazy: bool) -> Walk {
    let mut w = Walk::default();
    let excluded = exclude.and_then(|p| fs::canonicalize(p).ok());
    // The folders are read in the order the file system gives, and the lists are sorted
    // at the end: walkdir's `sort_by_file_name` reads each folder's entries whole and
    // sorts them, 10,000 entries with their full paths held at once, freed after the
    // walk but left in the heap of the thread that made them for the rest of the run
    // (issue 19: peak RSS grew with the count of files). Sorting the relative paths gives
    // the same order: `Path`'s order compares component by component, as the sorted
    // walk visits folders, each by its entries' names.
    let it = walkdir::WalkDir::new(root).follow_links(true).into_iter();
    let mut hidden_seen = Vec::new();
    let keep = |e: &walkdir::DirEntry| {
        if !hidden && is_hidden(e) {
            hidden_seen.push(e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf());
            return false;
        }
        !(e.file_type().is_dir() && excluded.as_ref().is_some_and(|x| fs::canonicalize(e.path()).is_ok_and(|p| &p == x)))
    };
    for entry in it.filter_entry(keep) {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf();
                if lazy && needs_content(&rel, format) {
                    w.candidates.insert(rel.clone());
                    w.pages.push(rel);
                    continue;
                }
                match is_page_file(&rel, e.path(), format) {
                    Ok(()) => w.pages.push(rel),
                    Err(reason) => w.skipped.push(Skipped { path: rel, reason }),
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
                let msg = match (e.loop_ancestor(), e.io_error()) {
                    (Some(_), _) => format!("cannot read the input: symlink loop: {e}"),
                    (None, Some(io)) => format!("cannot read the input: {io}"),
                    (None, None) => format!("cannot read the input: {e}"),
                };
                w.problems.push(Error::new(ErrorKind::Io(io::Error::other(msg))).with_path(path));
            }
        }
    }
    w.pages.sort();
    w.pages.shrink_to_fit();
    w.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    w.problems.sort_by(|a, b| a.position().path.cmp(&b.position().path));
    hidden_seen.sort();
    w.hidden = hidden_seen;
    // The output folder inside the input folder is not entered (it holds outputs, which
    // are not pages): it is named, so that a page put there is not lost without a word.
    if let (Some(x), Ok(r)) = (&excluded, fs::canonicalize(root)) {
        if x != &r && x.starts_with(&r) && (hidden || !x.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))) {
            let rel = x.strip_prefix(&r).unwrap_or(x).to_path_buf();
            w.skipped.push(Skipped {
                path: rel,
                reason: "the output folder (-o): not read as input; pages kept there are left out".to_string(),
            });
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

/// Extensions of page images and of PDF files, lower case: skipped with advice to run
/// OCR first.
const IMAGES: &[&str] = &["png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif", "webp", "jp2"];

/// Whether the file at `rel` (found at `path`) is a page for `format`: a file with one
/// of that format's extensions; for [`InputFormat::Auto`], a file with the extension
/// of any format that, if the format has a `sniff`, is recognised as that format.
/// `Err` gives the reason it is skipped.
fn is_page_file(rel: &Path, path: &Path, format: InputFormat) -> Result<(), String> {
    if let Some(f) = crate::read::format(format) {
        return if has_extension(rel, f) {
            Ok(())
        } else {
            Err(format!("not a .{} file, as --input-format {} reads", f.extensions.join(" or ."), f.name))
        };
    }
    let rows: Vec<&Format> = FORMATS.iter().filter(|f| has_extension(rel, f)).collect();
    if rows.is_empty() {
        let ext = rel.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        return Err(match ext.as_deref() {
            Some(e) if IMAGES.contains(&e) => format!("an image (.{e}): banmian reads OCR output; run OCR first"),
            Some("pdf") => "a PDF file (.pdf): run OCR or a layout tool first".into(),
            Some(e) => format!("not a page extension (.{e})"),
            None => "no extension".into(),
        });
    }
    if rows.iter().any(|f| f.sniff.is_none()) {
        return Ok(());
    }
    // A file that cannot be read is a page, so that its error is reported.
    let Ok(bytes) = fs::read(path) else { return Ok(()) };
    recognise(rel, &bytes)
}

/// True when, for `format`, whether the file at `rel` is a page depends on its content:
/// [`InputFormat::Auto`] and an extension that only formats that sniff have.
fn needs_content(rel: &Path, format: InputFormat) -> bool {
    if crate::read::format(format).is_some() {
        return false;
    }
    let rows: Vec<&Format> = FORMATS.iter().filter(|f| has_extension(rel, f)).collect();
    !rows.is_empty() && rows.iter().all(|f| f.sniff.is_some())
}

/// Whether `bytes`, the content of the file at `rel` (a file of [`Walk::candidates`]),
/// are a page: recognised by a format with the file's extension ([`Format::sniff`], the
/// read seam). `Err` gives the reason the file is skipped: what it looks like
/// ([`shape`]), or which formats it is not.
pub fn recognise(rel: &Path, bytes: &[u8]) -> Result<(), String> {
    let rows: Vec<&Format> = FORMATS.iter().filter(|f| has_extension(rel, f)).collect();
    if rows.is_empty() || rows.iter().any(|f| f.sniff.is_none_or(|s| s(bytes))) {
        return Ok(());
    }
    Err(match shape::shape(bytes) {
        Some(s) => s.describe(),
        None => format!("not a {} page", rows.iter().map(|f| f.name).collect::<Vec<_>>().join(" or ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lazy walk reads no file: a `.json` file is a candidate, recognised when the
    /// run reads it, where the eager walk read it to skip it.
    #[test]
    fn a_lazy_walk_reads_no_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("01.md"), "本报讯").unwrap();
        fs::write(dir.path().join("02.json"), r#"{"title": "not a page"}"#).unwrap();
        fs::write(dir.path().join(".03.md"), "本报讯").unwrap();
        let eager = walk_format(dir.path(), false, None, InputFormat::Auto);
        assert_eq!(eager.pages, [PathBuf::from("01.md")]);
        assert_eq!(eager.skipped.len(), 1);
        assert_eq!(eager.hidden, [PathBuf::from(".03.md")]);
        let lazy = walk_lazy(dir.path(), false, None, InputFormat::Auto);
        assert_eq!(lazy.pages, [PathBuf::from("01.md"), PathBuf::from("02.json")]);
        assert_eq!(lazy.candidates.iter().collect::<Vec<_>>(), [Path::new("02.json")]);
        assert!(lazy.skipped.is_empty());
        assert_eq!(recognise(Path::new("02.json"), &fs::read(dir.path().join("02.json")).unwrap()), Err(eager.skipped[0].reason.clone()));
        assert_eq!(recognise(Path::new("01.md"), b"anything"), Ok(()));
        // A named format reads by extension: nothing is a candidate.
        assert!(walk_lazy(dir.path(), true, None, InputFormat::Text).candidates.is_empty());
    }
}
