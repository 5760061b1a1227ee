//! The page contract as JSON: pretty (a file per page, one page on stdout) or one
//! line (JSON Lines).

use crate::error::Result;
use crate::model::Page;

/// The page as pretty-printed JSON, ending in a line feed. Errors:
/// [`crate::ErrorKind::JsonOutput`].
pub fn pretty(page: &Page) -> Result<Vec<u8>> {
    let mut v = serde_json::to_vec_pretty(page)?;
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
    let mut v = serde_json::to_vec(page)?;
    v.push(b'\n');
    Ok(v)
}
