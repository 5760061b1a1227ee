//! The page contract as JSON: pretty (a file per page, one page on stdout) or one
//! line (JSON Lines).

use crate::error::Result;
use crate::model::Page;

/// The page as pretty-printed JSON, ending in a line feed. Errors:
/// [`crate::ErrorKind::JsonOutput`].
pub fn pretty(page: &Page) -> Result<Vec<u8>> {
    let mut v = Vec::with_capacity(size_hint(page) * 3 / 2);
    serde_json::to_writer_pretty(&mut v, page)?;
    v.push(b'\n');
    Ok(v)
}

/// The page as one line of JSON Lines, ending in a line feed. Errors:
/// [`crate::ErrorKind::JsonOutput`].
///
/// ```
/// use banmian::{Options, Pipeline, write};
///
/// let p = Pipeline::new(Options::default()).unwrap();
/// let mut stream = Vec::new();
/// for (id, text) in [("a", "会议举行。"), ("b", "本报讯（记者 尹明）")] {
///     stream.extend(write::json::line(&p.process(id, text)).unwrap());
/// }
/// let lines: Vec<serde_json::Value> =
///     stream.split(|b| *b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
/// assert_eq!((lines[0]["source"].as_str(), lines[1]["source"].as_str()), (Some("a"), Some("b")));
/// ```
pub fn line(page: &Page) -> Result<Vec<u8>> {
    let mut v = Vec::with_capacity(size_hint(page));
    // serde_json's bytes, with a faster string escape (`compact`).
    super::compact::to_vec(&mut v, page)?;
    v.push(b'\n');
    Ok(v)
}

/// About the size of the page's JSON line, in bytes, from the texts it holds: each
/// article's text is written twice (its blocks and `text`), every other text once,
/// and each block, head and removed text takes some 64 bytes of keys and numbers. The
/// buffer is made this large at once rather than grown by doubling (copies, and up to
/// twice the memory at the end); a page whose JSON is larger grows it as before.
fn size_hint(page: &Page) -> usize {
    let articles: usize =
        page.articles.iter().map(|a| 2 * a.text.len() + 64 * (a.blocks.len() + a.heads.len() + a.authors.len() + a.jumps.len() + 4)).sum();
    let leftovers: usize = page.leftovers.iter().map(|b| b.text.len() + 64).sum();
    let removed: usize = page.removed.iter().map(|r| r.text.len() + 96).sum();
    let warnings: usize = page.warnings.iter().map(|w| w.message.len() + 64).sum();
    256 + page.source.len() + articles + leftovers + removed + warnings
}
