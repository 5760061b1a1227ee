//! JSON Lines streams: one `{"id","text"}` page per input line, one page object (or
//! an error object) per output line, in input order.

use std::io::{self, BufRead, Write};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::run::ordered;
use super::summary::{Summary, Tally};
use crate::Pipeline;
use crate::error::{Error, ErrorKind, Result};
use crate::write::{OutputFormat, json};

/// One JSONL input line: `{"id": ..., "text": ...}`; `id` may be a string or a number.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct InputLine {
    /// The page id, written to `source`.
    pub id: serde_json::Value,
    /// The page text.
    pub text: String,
}

/// Reads one JSONL input line. Errors: [`ErrorKind::JsonInput`] when it is not an
/// object with a string or number `id` and a string `text`, in plain words ("not JSON:
/// the line ends before the JSON does", "\"text\" must be a string, not a number"), with
/// the byte offset of a JSON syntax error.
pub fn parse_input_line(line: &str) -> Result<(String, String)> {
    let bad = |m: String| Error::new(ErrorKind::JsonInput(m));
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Eof => "the line ends before the JSON does".to_string(),
            _ => "not valid JSON".to_string(),
        };
        bad(format!("{what}; each line is one object {SHAPE}")).with_byte(e.column().saturating_sub(1) as u64)
    })?;
    let Some(o) = v.as_object() else {
        return Err(bad(format!("the line is {}, not an object {SHAPE}", json_kind(&v))));
    };
    let field = |k: &str| o.get(k).ok_or_else(|| bad(format!("no \"{k}\" in the object; each line is {SHAPE}")));
    let id = match field("id")? {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        other => return Err(bad(format!("\"id\" must be a string or a number, not {}", json_kind(other)))),
    };
    match field("text")? {
        serde_json::Value::String(t) => Ok((id, t.clone())),
        other => Err(bad(format!("\"text\" must be a string, not {}", json_kind(other)))),
    }
}

/// The shape of a JSON Lines input line, as error messages write it.
const SHAPE: &str = r#"{"id": ..., "text": ...}"#;

/// A JSON value's kind in plain words, with the value when it is short: `a number (5)`.
fn json_kind(v: &serde_json::Value) -> String {
    let kind = match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "true or false",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    };
    match v {
        serde_json::Value::Bool(_) | serde_json::Value::Number(_) => format!("{kind} ({v})"),
        serde_json::Value::String(t) if t.chars().count() <= 20 => format!("{kind} ({v})"),
        _ => kind.to_string(),
    }
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
///
/// ```
/// use banmian::{Options, Pipeline, batch};
///
/// let p = Pipeline::new(Options::default()).unwrap();
/// let input = "{\"id\": 1, \"text\": \"会议举行。\"}\nnot json\n";
/// let mut out = Vec::new();
/// let summary = batch::run_stream(&p, &mut input.as_bytes(), &mut out, "stdin").unwrap();
/// let out = String::from_utf8(out).unwrap();
/// let lines: Vec<&str> = out.lines().collect();
/// assert!(lines[0].starts_with(r#"{"schema":"banmian.page/1","source":"1""#));
/// assert!(lines[1].starts_with(r#"{"schema":"banmian.error/1","source":"stdin:2","line":2"#));
/// assert_eq!((summary.processed, summary.failed), (1, 1));
/// ```
pub fn run_stream(pipeline: &Pipeline, input: &mut dyn BufRead, w: &mut dyn Write, name: &str) -> io::Result<Summary> {
    run_stream_as(pipeline, input, w, name, OutputFormat::Json)
}

/// As [`run_stream`], each page's line in `format` ([`OutputFormat::line`]: a json
/// page object, or a ninjs array; error lines stay [`ErrorLine`]s). A format with no
/// line (text, markdown) is [`io::ErrorKind::InvalidInput`], before any line is read.
pub fn run_stream_as(
    pipeline: &Pipeline,
    input: &mut dyn BufRead,
    w: &mut dyn Write,
    name: &str,
    format: OutputFormat,
) -> io::Result<Summary> {
    if !format.has_line() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("--input-jsonl takes json or ninjs, not {}", format.name())));
    }
    let start = Instant::now();
    let mut summary = Summary::default();
    let lines = InputLines { input, cap: max_line_bytes(pipeline.options().max_page_bytes), lineno: 0, eof: false };
    let work = |(n, line): (u64, Result<String>)| {
        let r = line.and_then(|l| {
            let (id, text) = parse_input_line(l.trim_end())?;
            let page = pipeline.process_checked(&id, &text)?;
            let json = format.line(&page).unwrap_or_else(|| json::line(&page))?;
            // The page is dropped here: the result waits in the window with its line
            // and its counts only.
            Ok((Tally::of(std::slice::from_ref(&page)), json, l.len() as u64))
        });
        (n, r)
    };
    ordered(lines, work, |results| {
        summary.pages += results.len() as u64;
        for (n, r) in results {
            match r {
                Ok((tally, json, input_bytes)) => {
                    w.write_all(&json)?;
                    summary.count_pages(tally, input_bytes);
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
        w.flush()
    })?;
    summary.time(start);
    Ok(summary)
}

/// The numbered, non-blank lines of a JSON Lines input, each kept up to `cap` bytes
/// (a longer line is an error in its place); ends after the first read error.
struct InputLines<'a> {
    input: &'a mut dyn BufRead,
    cap: u64,
    lineno: u64,
    eof: bool,
}

impl Iterator for InputLines<'_> {
    type Item = (u64, Result<String>);

    fn next(&mut self) -> Option<Self::Item> {
        while !self.eof {
            let mut buf = Vec::new();
            match read_line_capped(self.input, &mut buf, self.cap) {
                Ok(0) => self.eof = true,
                Ok(len) => {
                    self.lineno += 1;
                    if len > self.cap {
                        let cap = self.cap;
                        let msg = format!("line is {len} bytes, over the limit of {cap} bytes (twice max_page_bytes, plus 64 KiB)");
                        return Some((self.lineno, Err(Error::new(ErrorKind::JsonInput(msg)))));
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let text = String::from_utf8(buf).map_err(|e| {
                        Error::from(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                        ))
                    });
                    return Some((self.lineno, text));
                }
                Err(e) => {
                    self.lineno += 1;
                    self.eof = true;
                    // The position (the stream's name, this line) is added by the caller.
                    let e = io::Error::new(e.kind(), format!("cannot read the input: {e}"));
                    return Some((self.lineno, Err(Error::from(e))));
                }
            }
        }
        None
    }
}
