//! The output seam: every format banmian writes a page in, one file each.
//!
//! This module owns turning a finished [`Page`] into bytes. Each format is one
//! variant of [`OutputFormat`] and one file beside this one; the batch and the command
//! line (`--output-format`) ask the enum (its name, its file extension, its renderer),
//! never a format's module, so a new output format is one file and one variant. A
//! JSON Lines stream (`--jsonl`, `--input-jsonl`) is always [`json::line`]s.
//!
//! | Format | `--output-format` | Extension | What |
//! |---|---|---|---|
//! | [`OutputFormat::Json`] ([`json`]) | `json` | `.json` | the page contract, pretty-printed |
//! | [`OutputFormat::Text`] ([`text`]) | `text` | `.txt` | the articles as plain text |

use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};
use crate::model::Page;

pub mod json;
pub mod text;

/// How a page is written (`--output-format`). Non-exhaustive: formats are added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// The page contract (`banmian.page/1`) as pretty-printed JSON.
    #[default]
    Json,
    /// Plain text for reading ([`text`]): articles only.
    Text,
}

impl OutputFormat {
    /// Every output format, in the order `--help` lists them.
    pub const ALL: &[OutputFormat] = &[OutputFormat::Json, OutputFormat::Text];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Text => "text",
        }
    }

    /// The extension of its files, without the dot: a page `a/01.txt` is written to
    /// `OUT/a/01.txt.<extension>`.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Text => "txt",
        }
    }

    /// The page in this format, ending in a line feed. Errors:
    /// [`ErrorKind::JsonOutput`] when serializing fails.
    ///
    /// ```
    /// use banmian::{Options, OutputFormat, Pipeline};
    ///
    /// let page = Pipeline::new(Options::default()).unwrap().process("01.txt", "会议举行。");
    /// let bytes = OutputFormat::Json.render(&page).unwrap();
    /// assert!(bytes.starts_with(b"{\n  \"schema\": \"banmian.page/1\""));
    /// ```
    pub fn render(self, page: &Page) -> Result<Vec<u8>> {
        match self {
            OutputFormat::Json => json::pretty(page),
            OutputFormat::Text => Ok(text::render(page)),
        }
    }
}

impl FromStr for OutputFormat {
    type Err = Error;

    /// Reads a name of [`OutputFormat::ALL`]. Errors: [`ErrorKind::Io`] naming the
    /// formats, for an unknown name.
    fn from_str(s: &str) -> Result<OutputFormat> {
        OutputFormat::ALL.iter().copied().find(|f| f.name() == s).ok_or_else(|| {
            let names: Vec<&str> = OutputFormat::ALL.iter().map(|f| f.name()).collect();
            let msg = format!("unknown output format {s:?}: one of {}", names.join(", "));
            Error::new(ErrorKind::Io(std::io::Error::new(std::io::ErrorKind::InvalidInput, msg)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for f in OutputFormat::ALL {
            assert_eq!(f.name().parse::<OutputFormat>().unwrap(), *f);
            assert!(!f.extension().is_empty() && !f.extension().starts_with('.'));
        }
        assert!("ninjs-nope".parse::<OutputFormat>().is_err());
    }
}
