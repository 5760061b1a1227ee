//! What the XML readers (hOCR, ALTO) share: the bytes as a document, syntax errors with
//! their line and column, an element's line, the one page of a one-page file. Parsing is roxmltree's.

use roxmltree::{Document, Node};

use super::boxes::BoxPage;
use crate::error::{Error, Result};

/// The bytes without a UTF-8 byte order mark.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The bytes as UTF-8 text. Errors: a message giving the first bad byte.
pub(crate) fn text(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(strip_bom(bytes)).map_err(|e| format!("not UTF-8 at byte {}", e.valid_up_to()))
}

/// A roxmltree syntax error as the format's error (`bad`), at its line and column.
pub(crate) fn syntax(e: roxmltree::Error, bad: fn(String) -> Error) -> Error {
    let pos = e.pos();
    bad(format!("not well-formed XML at line {}, column {}: {e}", pos.row, pos.col)).with_line(u64::from(pos.row))
}

/// The 1-based line where an element starts.
pub(crate) fn line_of(doc: &Document, n: Node) -> u64 {
    u64::from(doc.text_pos_at(n.range().start).row)
}

/// True when `prefix` (the start of a file) opens, after the XML declaration, comments,
/// processing instructions and a DOCTYPE, an element whose local name is `local`
/// (`<alto …>`, `<x:alto …>`).
pub(crate) fn root_is(prefix: &[u8], local: &[u8]) -> bool {
    let mut t = strip_bom(prefix);
    loop {
        t = t.trim_ascii_start();
        let close: &[u8] = if t.starts_with(b"<?") {
            b"?>"
        } else if t.starts_with(b"<!--") {
            b"-->"
        } else if t.starts_with(b"<!DOCTYPE") {
            b">"
        } else {
            break;
        };
        match memchr::memmem::find(t, close) {
            Some(i) => t = &t[i + close.len()..],
            None => return false,
        }
    }
    let Some(rest) = t.strip_prefix(b"<") else { return false };
    let name_end = rest.iter().position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/').unwrap_or(rest.len());
    let name = &rest[..name_end];
    let found = name.rsplit(|b| *b == b':').next().unwrap_or(name);
    found == local && name_end < rest.len()
}

/// `parse(bytes)` when `sniff` accepts them, `Ok(None)` otherwise: the `detect` of an
/// XML format.
pub(crate) fn detect(bytes: &[u8], sniff: fn(&[u8]) -> bool, parse: fn(&[u8]) -> Result<BoxPage>) -> Result<Option<BoxPage>> {
    if sniff(bytes) { parse(bytes).map(Some) } else { Ok(None) }
}

/// `bytes` parsed as an XML document by roxmltree, a DOCTYPE allowed or not
/// (`allow_dtd`: an XHTML hOCR file has one). Errors, as the format's error (`bad`):
/// not UTF-8 ([`text`]), not well-formed ([`syntax`], with its line).
pub(crate) fn document(bytes: &[u8], allow_dtd: bool, bad: fn(String) -> Error) -> Result<Document<'_>> {
    let text = text(bytes).map_err(bad)?;
    let opt = roxmltree::ParsingOptions { allow_dtd, ..roxmltree::ParsingOptions::default() };
    Document::parse_with_options(text, opt).map_err(|e| syntax(e, bad))
}

/// The one page of `pages` (all of a file's, read by the format's `pages`). Errors: more
/// than one, as `many(n)` (the format's message, naming its `pages` reader).
pub(crate) fn one_page(mut pages: Vec<BoxPage>, many: impl FnOnce(usize) -> Error) -> Result<BoxPage> {
    match pages.pop() {
        Some(page) if pages.is_empty() => Ok(page),
        _ => Err(many(pages.len() + 1)),
    }
}
