//! The input seam: every format banmian reads, in one table.
//!
//! This module owns telling what a page of bytes is and reading it into one of the
//! two things the pipeline runs on ([`Input`]): text, or a page of OCR boxes
//! ([`boxes::BoxPage`]). Each format is one row of [`FORMATS`] (its name, its file
//! extensions, a cheap look at the start of a file, how to recognise and how to read
//! the whole content) and one file beside this one. The tree walk
//! ([`crate::batch::walk_format`]), the command line (`--input-format`) and
//! [`crate::Pipeline::process_bytes`] ask the table, never a format's module, so a new
//! format is one file and one row.
//!
//! | Format | `--input-format` | Extensions | Recognised by content |
//! |---|---|---|---|
//! | PaddleOCR page JSON, 2.x result list, 3.x `save_to_json` ([`paddleocr`]; a 2.x list of pages: [`read_pages`]) | `paddleocr` | `.json` | a JSON object with `ocr_results` or `rec_texts`; an array of `[box, [text, score]]` |
//! | MinerU `middle.json`, `content_list.json` ([`mineru`]; several pages: [`read_pages`]) | `mineru` | `.json` | a JSON object with `pdf_info`; an array of `{type, page_idx}` |
//! | PP-StructureV3 / PaddleX JSON ([`ppstructure`]) | `ppstructure` | `.json` | a JSON object with `parsing_res_list` and `overall_ocr_res` |
//! | Umi-OCR JSON ([`umi`]) | `umi` | `.json` | a JSON object with `code` and `data[{text, box}]` |
//! | Surya OCR JSON ([`surya`]; several pages: [`read_pages`]) | `surya` | `.json` | a JSON object with `text_lines`, or a list of them per file name |
//! | dots.ocr layout JSON ([`dots`]) | `dots` | `.json` | a JSON array of `{bbox, category, text}` cells |
//! | marker JSON ([`marker`]; several pages: [`read_pages`]) | `marker` | `.json` | a JSON object with `block_type` `Document` and `children` |
//! | Tesseract TSV ([`tsv`]) | `tesseract` | `.tsv` | the TSV header (`level`, `page_num`, …) |
//! | hOCR ([`hocr`]) | `hocr` | `.hocr`, `.html`, `.htm` | markup naming `ocr_page` (or hOCR's `ocr-system` meta) |
//! | ALTO XML v1–v4 ([`alto`]) | `alto` | `.xml`, `.alto` | the root element `alto` |
//! | PAGE XML 2010–2019 ([`pagexml`]) | `page` | `.xml` | the root element `PcGts` |
//! | Text or Markdown ([`decode`]) | `text` | `.txt`, `.md`, `.markdown` | anything else |
//!
//! What no row recognises and is not text is refused (by content, [`InputFormat::Auto`]
//! only): a file that parses wholly as JSON or XML, an HTML document, a PDF, or
//! banmian's own output ([`shape`]); a folder run skips such files and names them with
//! the reason. `--input-format text` reads anything as text.

use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};

pub mod alto;
pub mod boxes;
pub mod decode;
pub mod dots;
pub mod hocr;
mod json;
pub mod marker;
pub mod mineru;
pub mod paddleocr;
pub mod pagexml;
pub mod ppstructure;
pub mod shape;
pub mod surya;
pub mod tsv;
pub mod umi;
mod words;
mod xml;

/// Which reader a page of bytes goes to (`--input-format`): by content, or one row
/// of [`FORMATS`]. Non-exhaustive: formats are added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputFormat {
    /// By content: the first format of [`FORMATS`] that recognises the bytes (a JSON
    /// object with an `ocr_results` member is PaddleOCR page JSON), text otherwise.
    #[default]
    Auto,
    /// Text or Markdown, whatever the bytes hold.
    Text,
    /// PaddleOCR page JSON ([`paddleocr`]); anything else is an error.
    Paddleocr,
    /// MinerU `middle.json` or `content_list.json` ([`mineru`]); anything else is an error.
    Mineru,
    /// PP-StructureV3 / PaddleX layout parsing JSON ([`ppstructure`]); anything else is an error.
    Ppstructure,
    /// Umi-OCR JSON ([`umi`]); anything else is an error.
    Umi,
    /// Surya OCR JSON ([`surya`]); anything else is an error.
    Surya,
    /// dots.ocr layout JSON ([`dots`]); anything else is an error.
    Dots,
    /// marker JSON ([`marker`]); anything else is an error.
    Marker,
    /// Tesseract TSV ([`tsv`]); anything else is an error.
    Tesseract,
    /// hOCR ([`hocr`]); anything else is an error.
    Hocr,
    /// ALTO XML ([`alto`]); anything else is an error.
    Alto,
    /// PAGE XML ([`pagexml`]); anything else is an error.
    Page,
}

/// What a reader gives the pipeline.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Decoded text (a text or Markdown page).
    Text(decode::Decoded),
    /// A page of OCR boxes, whose reading order the geometry recovers.
    Boxes(boxes::BoxPage),
}

/// Recognises and reads a whole page: `Ok(None)` when the bytes are not the format.
pub type Detect = fn(&[u8]) -> Result<Option<Input>>;

/// One input format: a row of [`FORMATS`].
#[derive(Debug, Clone, Copy)]
pub struct Format {
    /// Which [`InputFormat`] names it.
    pub format: InputFormat,
    /// Its name on the command line (`--input-format NAME`).
    pub name: &'static str,
    /// File extensions of its pages in a folder, lower case, without the dot
    /// (compared case-insensitively).
    pub extensions: &'static [&'static str],
    /// Recognises the whole content of a file with one of `extensions`, when the
    /// extension alone does not make a page (a `.json` file may be anything): only
    /// files it accepts are pages. It parses (JSON) or reads the markup's root element
    /// and classes (XML), never a window of the first bytes, and also accepts a file
    /// that names the format's mark but is malformed, so that its error is reported
    /// rather than the file skipped. `None`: every file with one of the extensions is
    /// a page.
    pub sniff: Option<fn(&[u8]) -> bool>,
    /// Recognises and reads the whole content, for [`InputFormat::Auto`]: `Ok(None)`
    /// when the bytes are not this format, an error when they are but are malformed.
    /// `None` for the fallback format (text), which takes whatever no other row does.
    pub detect: Option<Detect>,
    /// Reads the bytes as this format (`--input-format NAME`); an error when they are not.
    pub read: fn(&[u8]) -> Result<Input>,
}

/// Every input format, in the order [`InputFormat::Auto`] tries them; the fallback
/// (text, with no `detect`) last.
pub const FORMATS: &[Format] = &[
    Format {
        format: InputFormat::Paddleocr,
        name: "paddleocr",
        extensions: &["json"],
        sniff: Some(paddleocr::sniff),
        detect: Some(|b| Ok(paddleocr::detect(b)?.map(Input::Boxes))),
        read: |b| paddleocr::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Mineru,
        name: "mineru",
        extensions: &["json"],
        sniff: Some(mineru::sniff),
        detect: Some(mineru::detect),
        read: mineru::parse,
    },
    Format {
        format: InputFormat::Ppstructure,
        name: "ppstructure",
        extensions: &["json"],
        sniff: Some(ppstructure::sniff),
        detect: Some(|b| Ok(ppstructure::detect(b)?.map(Input::Boxes))),
        read: |b| ppstructure::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Umi,
        name: "umi",
        extensions: &["json"],
        sniff: Some(umi::sniff),
        detect: Some(|b| Ok(umi::detect(b)?.map(Input::Boxes))),
        read: |b| umi::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Surya,
        name: "surya",
        extensions: &["json"],
        sniff: Some(surya::sniff),
        detect: Some(|b| Ok(surya::detect(b)?.map(Input::Boxes))),
        read: |b| surya::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Dots,
        name: "dots",
        extensions: &["json"],
        sniff: Some(dots::sniff),
        detect: Some(|b| Ok(dots::detect(b)?.map(Input::Boxes))),
        read: |b| dots::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Marker,
        name: "marker",
        extensions: &["json"],
        sniff: Some(marker::sniff),
        detect: Some(|b| Ok(marker::detect(b)?.map(Input::Boxes))),
        read: |b| marker::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Tesseract,
        name: "tesseract",
        extensions: &["tsv"],
        sniff: Some(tsv::sniff),
        detect: Some(|b| Ok(tsv::detect(b)?.map(Input::Boxes))),
        read: |b| tsv::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Hocr,
        name: "hocr",
        extensions: &["hocr", "html", "htm"],
        sniff: Some(hocr::sniff),
        detect: Some(|b| Ok(hocr::detect(b)?.map(Input::Boxes))),
        read: |b| hocr::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Alto,
        name: "alto",
        extensions: &["xml", "alto"],
        sniff: Some(alto::sniff),
        detect: Some(|b| Ok(alto::detect(b)?.map(Input::Boxes))),
        read: |b| alto::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Page,
        name: "page",
        extensions: &["xml"],
        sniff: Some(pagexml::sniff),
        detect: Some(|b| Ok(pagexml::detect(b)?.map(Input::Boxes))),
        read: |b| pagexml::parse(b).map(Input::Boxes),
    },
    Format {
        format: InputFormat::Text,
        name: "text",
        extensions: &["txt", "md", "markdown"],
        sniff: None,
        detect: None,
        read: |b| decode::decode(b).map(Input::Text),
    },
];

/// The row of `format`; `None` for [`InputFormat::Auto`].
pub fn format(format: InputFormat) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.format == format)
}

/// The fallback format: the row with no `detect` (text).
fn fallback() -> &'static Format {
    FORMATS.iter().find(|f| f.detect.is_none()).expect("FORMATS has a fallback row")
}

/// Reads one page of bytes as `format` says: the named row's reader, or for
/// [`InputFormat::Auto`] the first row whose `detect` recognises the bytes, the
/// fallback's reader otherwise. Errors: those of the reader; for
/// [`InputFormat::Auto`], [`ErrorKind::Unread`] when no row recognises bytes that
/// parse wholly as JSON, XML or HTML, or that start `%PDF-`, or that are banmian's
/// own output ([`shape`]): such a file is refused, not read as text.
pub fn read(format: InputFormat, bytes: &[u8]) -> Result<Input> {
    if let Some(f) = self::format(format) {
        return (f.read)(bytes);
    }
    for f in FORMATS {
        if let Some(detect) = f.detect {
            if let Some(input) = detect(bytes)? {
                return Ok(input);
            }
        }
    }
    undetected(bytes)
}

/// Bytes no row's `detect` recognised: refused when they have a known shape
/// ([`shape`]), else read by the fallback (text).
fn undetected(bytes: &[u8]) -> Result<Input> {
    if let Some(shape) = shape::shape(bytes) {
        return Err(Error::new(ErrorKind::Unread(shape.message())));
    }
    (fallback().read)(bytes)
}

/// Reads a file that may hold several pages (CONTRACT.md: "An input file that holds
/// several pages ... gives one page object per page"), as [`read`] chooses the format:
/// a MinerU file ([`mineru::pages`], one per `page_idx`), hOCR ([`hocr::pages`], one per
/// `ocr_page`), ALTO ([`alto::pages`], one per `Page`), marker ([`marker::pages`],
/// one per `Page` block), a PaddleOCR 2.x list of pages ([`paddleocr::pages`]) and a
/// Surya file of several results ([`surya::pages`]) give each of their pages, in
/// order; every other format one page. Never empty: a MinerU file with no page is one
/// empty page ([`mineru::parse`]). Errors: those of [`read`] and of the readers named.
pub fn read_pages(format: InputFormat, bytes: &[u8]) -> Result<Vec<Input>> {
    let chosen = match format {
        InputFormat::Auto => FORMATS.iter().find_map(|f| match f.detect.map(|d| d(bytes)) {
            Some(Ok(Some(input))) => Some(Ok((f.format, Some(input)))),
            // A file of several pages is refused by its one-page reader.
            Some(Err(_)) if f.sniff.is_some_and(|s| s(bytes)) && several(f.format).is_some() => Some(Ok((f.format, None))),
            Some(Err(e)) => Some(Err(e)),
            _ => None,
        }),
        named => Some(Ok((named, None))),
    };
    match chosen.transpose()? {
        Some((_, Some(input))) => Ok(vec![input]),
        Some((f, None)) => match several(f) {
            Some(pages) => pages(bytes),
            None => read(f, bytes).map(|p| vec![p]),
        },
        None => undetected(bytes).map(|p| vec![p]),
    }
}

/// Reads every page of a file.
type ReadPages = fn(&[u8]) -> Result<Vec<Input>>;

/// The reader of every page of a format that holds several, for [`read_pages`].
fn several(format: InputFormat) -> Option<ReadPages> {
    match format {
        InputFormat::Mineru => Some(|b| {
            let pages = mineru::pages(b)?;
            if pages.is_empty() {
                return mineru::parse(b).map(|p| vec![p]);
            }
            pages
                .into_iter()
                .map(|p| match p {
                    mineru::MinerPage::Boxes(p) => Ok(Input::Boxes(p)),
                    mineru::MinerPage::Markdown(t) => decode::decode(t.as_bytes()).map(Input::Text),
                })
                .collect()
        }),
        InputFormat::Hocr => Some(|b| Ok(hocr::pages(b)?.into_iter().map(Input::Boxes).collect())),
        InputFormat::Alto => Some(|b| Ok(alto::pages(b)?.into_iter().map(Input::Boxes).collect())),
        InputFormat::Marker => Some(|b| Ok(marker::pages(b)?.into_iter().map(Input::Boxes).collect())),
        InputFormat::Paddleocr => Some(|b| Ok(paddleocr::pages(b)?.into_iter().map(Input::Boxes).collect())),
        InputFormat::Surya => Some(|b| Ok(surya::pages(b)?.into_iter().map(Input::Boxes).collect())),
        _ => None,
    }
}

impl InputFormat {
    /// Its name on the command line: `auto`, or the row's name.
    pub fn name(self) -> &'static str {
        format(self).map_or("auto", |f| f.name)
    }

    /// The names `--input-format` accepts: `auto`, the fallback's (`text`), then the
    /// other rows', in table order.
    pub fn names() -> Vec<&'static str> {
        let others = FORMATS.iter().filter(|f| f.detect.is_some()).map(|f| f.name);
        ["auto", fallback().name].into_iter().chain(others).collect()
    }
}

impl FromStr for InputFormat {
    type Err = Error;

    /// Reads a name of [`InputFormat::names`]. Errors: [`ErrorKind::Io`] naming the
    /// formats, for an unknown name.
    fn from_str(s: &str) -> Result<InputFormat> {
        if s == "auto" {
            return Ok(InputFormat::Auto);
        }
        FORMATS.iter().find(|f| f.name == s).map(|f| f.format).ok_or_else(|| {
            let msg = format!("unknown input format {s:?}: one of {}", InputFormat::names().join(", "));
            Error::new(ErrorKind::Io(std::io::Error::new(std::io::ErrorKind::InvalidInput, msg)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_format_has_one_row_and_names_round_trip() {
        for f in FORMATS {
            assert_eq!(FORMATS.iter().filter(|g| g.format == f.format).count(), 1, "{}", f.name);
            assert_eq!(f.name.parse::<InputFormat>().unwrap(), f.format);
            assert_eq!(f.format.name(), f.name);
        }
        assert_eq!(FORMATS.iter().filter(|f| f.detect.is_none()).count(), 1, "one fallback");
        assert_eq!(fallback().format, InputFormat::Text);
        assert!("hocr-nope".parse::<InputFormat>().is_err());
    }

    #[test]
    fn auto_reads_by_content() {
        let json = br#"{"ocr_results": [{"text": "x", "box": [[0, 0], [10, 10]]}]}"#;
        assert!(matches!(read(InputFormat::Auto, json).unwrap(), Input::Boxes(_)));
        let e = read(InputFormat::Auto, b"{\"a\": 1}").unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Unread(_)), "{e}");
        assert!(matches!(read(InputFormat::Text, b"{\"a\": 1}").unwrap(), Input::Text(_)));
        assert!(matches!(read(InputFormat::Auto, "{编者按} 正文".as_bytes()).unwrap(), Input::Text(_)));
        assert!(matches!(read(InputFormat::Text, json).unwrap(), Input::Text(_)));
        assert!(read(InputFormat::Paddleocr, b"text").is_err());
    }
}
