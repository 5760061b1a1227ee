//! Errors, and where in the input they happened.
//!
//! This module owns banmian's one error type. Like rust-csv's, it is a boxed,
//! non-exhaustive kind (`Error(Box<ErrorKind>)`, one pointer wide on the happy path)
//! and every error carries a [`Position`]: the file, line and byte offset of the fault,
//! as far as they are known. Its `Display` names the file first, so a batch report can
//! print it as it is.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in the input an error happened. Each part is `None` when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    /// The input file, `-` for stdin.
    pub path: Option<PathBuf>,
    /// 1-based line number (of a page, or of a JSONL stream).
    pub line: Option<u64>,
    /// 0-based byte offset in the file or line.
    pub byte: Option<u64>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(p) = &self.path {
            parts.push(p.display().to_string());
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if let Some(b) = self.byte {
            parts.push(format!("byte {b}"));
        }
        if parts.is_empty() { f.write_str("<input>") } else { f.write_str(&parts.join(", ")) }
    }
}

/// What went wrong. New kinds may be added in minor versions.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The bytes are not text in any encoding banmian reads (UTF-8, UTF-16, GB18030,
    /// Big5), or are binary data; the message says which, naming the encodings once.
    /// `byte` in the position is the first offending byte.
    #[error("{0}")]
    Decode(String),
    /// The page is larger than the configured limit (bytes): `Options::max_page_bytes`,
    /// named so in the message (the command line writes its flag, `--max-page-bytes`).
    #[error("page is {size} bytes, over the limit of {limit} {} (max_page_bytes)", if *limit == 1 { "byte" } else { "bytes" })]
    TooLarge {
        /// Size of the page in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The page has more lines than the configured limit: `Options::max_page_lines`,
    /// named so in the message (the command line writes `--max-page-lines`).
    #[error("page has {lines} lines, over the limit of {limit} {} (max_page_lines)", if *limit == 1 { "line" } else { "lines" })]
    TooManyLines {
        /// Lines in the page (LF, CRLF and CR each end one).
        lines: u64,
        /// The limit in lines.
        limit: u64,
    },
    /// A JSONL input line is not a `{"id": ..., "text": ...}` object; the message says
    /// what is wrong in plain words (JSON's own type names: object, string, number).
    #[error("bad JSON Lines input line: {0}")]
    JsonInput(String),
    /// Writing JSON failed.
    #[error("cannot write JSON: {0}")]
    JsonOutput(#[from] serde_json::Error),
    /// An unknown or unavailable script-conversion configuration.
    #[error("script conversion: {0}")]
    Convert(String),
    /// A page read as PaddleOCR page JSON (by content or `--input-format paddleocr`) is
    /// not one: not JSON, no `ocr_results`, or a box that is not a list of `[x, y]`
    /// points. `line` and `byte` in the position locate a JSON syntax error.
    #[error("not a PaddleOCR page: {0}")]
    BoxPage(String),
    /// An OCR box built by a library caller ([`crate::read::boxes::OcrBox::new`]) that
    /// has no points, or a point that is not finite.
    #[error("not a usable OCR box: {0}")]
    InvalidBox(String),
    /// A page read as one of the formats of [`crate::read::FORMATS`] (by content or
    /// `--input-format NAME`) is not one; the message says what is wrong, the position
    /// where. (PaddleOCR pages report [`ErrorKind::BoxPage`].)
    #[error("not {} {format} page: {message}", indefinite_article(format))]
    Input {
        /// The format's name as printed (`Tesseract TSV`).
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A file that no format of [`crate::read::FORMATS`] reads and that is not text
    /// either: JSON, XML or HTML of another shape, a PDF, or banmian's own output
    /// ([`crate::read::shape`]). The message says what it looks like and what to do
    /// (`--input-format text` reads it as text anyway).
    #[error("not a page banmian reads: {0}")]
    Unread(String),
}

/// banmian's error: a boxed [`ErrorKind`] with the [`Position`] of the fault.
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    position: Position,
}

/// `Result` with banmian's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of `kind` at an unknown position.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner { kind, position: Position::default() }))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Consumes the error, returning its kind.
    pub fn into_kind(self) -> ErrorKind {
        self.0.kind
    }

    /// Where it went wrong.
    pub fn position(&self) -> &Position {
        &self.0.position
    }

    /// Sets the file the error belongs to (keeps line and byte).
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Error {
        self.0.position.path = Some(path.as_ref().to_path_buf());
        self
    }

    /// Sets the 1-based line number.
    pub fn with_line(mut self, line: u64) -> Error {
        self.0.position.line = Some(line);
        self
    }

    /// Sets the 0-based byte offset.
    pub fn with_byte(mut self, byte: u64) -> Error {
        self.0.position.byte = Some(byte);
        self
    }
}

/// `<position>: <kind>`, or the kind alone when no part of the position is known (an
/// error from [`crate::Pipeline::process_bytes`] before the caller adds the path).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.position == Position::default() {
            return write!(f, "{}", self.0.kind);
        }
        write!(f, "{}: {}", self.0.position, self.0.kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ErrorKind::Io(e) => Some(e),
            ErrorKind::JsonOutput(e) => Some(e),
            _ => None,
        }
    }
}

impl<E: Into<ErrorKind>> From<E> for Error {
    fn from(e: E) -> Error {
        Error::new(e.into())
    }
}

/// "an" before a format name said with a vowel sound first (ALTO, hOCR, Umi-OCR), else "a"
/// (PaddleOCR, PAGE, Tesseract TSV, MinerU).
fn indefinite_article(name: &str) -> &'static str {
    if name.starts_with(['A', 'E', 'I', 'O', 'U', 'h']) { "an" } else { "a" }
}
