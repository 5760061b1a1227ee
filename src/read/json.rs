//! What the JSON readers share: the bytes as a JSON value, syntax errors with their
//! line and column, a look for member names in a file that does not parse. Parsing is
//! serde_json's.

use serde_json::Value;

use crate::error::{Error, Result};

/// The bytes (after a UTF-8 byte order mark) as a JSON value, when they open a JSON
/// object or array and parse wholly; `None` otherwise.
pub(crate) fn value(bytes: &[u8]) -> Option<Value> {
    let t = super::xml::strip_bom(bytes);
    match t.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') => serde_json::from_slice(t).ok(),
        _ => None,
    }
}

/// The bytes as a JSON value. Errors: the format's error (`bad`) for a syntax error,
/// at its line, the message giving line and column.
pub(crate) fn parse(bytes: &[u8], bad: fn(String) -> Error) -> Result<Value> {
    serde_json::from_slice(super::xml::strip_bom(bytes))
        .map_err(|e| bad(format!("not JSON: {e}")).with_line(e.line() as u64).with_byte(e.column().saturating_sub(1) as u64))
}

/// True when the bytes open a JSON object and contain every one of `keys` (quoted
/// member names, `"\"text_lines\""`): a broken file of a format, whose error its
/// reader should report rather than the walk skip it.
pub(crate) fn names(bytes: &[u8], keys: &[&str]) -> bool {
    let t = super::xml::strip_bom(bytes);
    t.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') && keys.iter().all(|k| memchr::memmem::find(t, k.as_bytes()).is_some())
}
