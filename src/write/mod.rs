//! The output seam: every format banmian writes a page in, one file each.
//!
//! This module owns turning a finished [`Page`] into bytes. Each format is one
//! variant of [`OutputFormat`] and one file beside this one; the batch and the command
//! line (`--format`) ask the enum (its name, its file extension, its renderer, its
//! JSON Lines line, its files per article), never a format's module, so a new output
//! format is one file and one variant. A JSON Lines stream (`--jsonl`,
//! `--input-jsonl`) takes the formats that have a line ([`OutputFormat::line`]: json
//! and ninjs); `--split articles` writes [`split`]'s files.
//!
//! | Format | `--format` | Extension | What |
//! |---|---|---|---|
//! | [`OutputFormat::Json`] ([`json`]) | `json` | `.json` | the page contract, pretty-printed |
//! | [`OutputFormat::Text`] ([`text`]) | `text` | `.txt` | the articles as plain text (a reading view) |
//! | [`OutputFormat::Markdown`] ([`markdown`]) | `markdown` | `.md` | the articles as Markdown banmian reads back (a reading view) |
//! | [`OutputFormat::Ninjs`] ([`ninjs`]) | `ninjs` | `.ninjs.json` | IPTC ninjs 3.1, an array of one object per article |
//!
//! The page viewer (`banmian view`) is [`view`]: one self-contained HTML file per page.

use std::str::FromStr;

use crate::error::{Error, Result};
use crate::model::Page;

mod compact;
pub mod json;
pub mod markdown;
pub mod ninjs;
pub mod split;
pub mod text;
pub mod view;

/// How a page is written (`--output-format`). Non-exhaustive: formats are added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// The page contract (`banmian.page/1`) as pretty-printed JSON.
    #[default]
    Json,
    /// Plain text for reading ([`text`]): articles, then leftovers.
    Text,
    /// Markdown for reading, in a syntax banmian reads back ([`markdown`]).
    Markdown,
    /// IPTC ninjs 3.1, one object per article ([`ninjs`]).
    Ninjs,
}

impl OutputFormat {
    /// Every output format, in the order `--help` lists them.
    pub const ALL: &[OutputFormat] = &[OutputFormat::Json, OutputFormat::Text, OutputFormat::Markdown, OutputFormat::Ninjs];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Text => "text",
            OutputFormat::Markdown => "markdown",
            OutputFormat::Ninjs => "ninjs",
        }
    }

    /// The extension of its files, without the dot: a page `a/01.txt` is written to
    /// `OUT/a/01.txt.<extension>`.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Text => "txt",
            OutputFormat::Markdown => "md",
            OutputFormat::Ninjs => "ninjs.json",
        }
    }

    /// The page in this format, ending in a line feed. Errors:
    /// [`ErrorKind::JsonOutput`](crate::ErrorKind::JsonOutput) when serializing fails.
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
            OutputFormat::Markdown => Ok(markdown::render(page)),
            OutputFormat::Ninjs => ninjs::pretty(page),
        }
    }

    /// The page as one JSON Lines line (`--jsonl`, `--input-jsonl`), for the formats
    /// that have one: json (the page object) and ninjs (the page's array of ninjs
    /// objects); `None` for the reading views, which the command line refuses with
    /// `--jsonl` (a usage error). Errors: [`ErrorKind::JsonOutput`](crate::ErrorKind::JsonOutput).
    ///
    /// ```
    /// use banmian::{Options, OutputFormat, Pipeline};
    ///
    /// let page = Pipeline::new(Options::default()).unwrap().process("a", "## 会议举行\n\n会议举行。\n");
    /// assert!(OutputFormat::Ninjs.line(&page).unwrap().unwrap().starts_with(b"[{\"uri\":\"urn:banmian:a#0\""));
    /// assert!(OutputFormat::Markdown.line(&page).is_none());
    /// ```
    pub fn line(self, page: &Page) -> Option<Result<Vec<u8>>> {
        match self {
            OutputFormat::Json => Some(json::line(page)),
            OutputFormat::Ninjs => Some(ninjs::line(page)),
            OutputFormat::Text | OutputFormat::Markdown => None,
        }
    }

    /// True for the formats [`OutputFormat::line`] writes (json, ninjs).
    pub fn has_line(self) -> bool {
        matches!(self, OutputFormat::Json | OutputFormat::Ninjs)
    }
}

impl FromStr for OutputFormat {
    type Err = Error;

    /// Reads a name of [`OutputFormat::ALL`]. Errors: [`ErrorKind::Io`](crate::ErrorKind::Io) naming the
    /// formats, for an unknown name.
    fn from_str(s: &str) -> Result<OutputFormat> {
        crate::by_name("output format", s, OutputFormat::ALL, OutputFormat::name)
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
        let exts: Vec<&str> = OutputFormat::ALL.iter().map(|f| f.extension()).collect();
        assert_eq!(exts, ["json", "txt", "md", "ninjs.json"]);
        let lines: Vec<bool> = OutputFormat::ALL.iter().map(|f| f.has_line()).collect();
        assert_eq!(lines, [true, false, false, true]);
    }
}
