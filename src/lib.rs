//! banmian (版面, "the page") turns the OCR output of a scanned Chinese newspaper page
//! into clean, structured articles.
//!
//! An OCR or layout tool gives a flat, damaged text: headlines mixed with bodies,
//! kickers mistaken for headlines, bylines glued to the first paragraph, jump markers
//! inside sentences, paragraphs broken in the middle of a word, blocks printed twice,
//! half-width punctuation in Chinese text. banmian recovers the layout (kicker 引题,
//! headline 主题, subheadline 副题, rubric 栏目, byline and dateline, subheads, captions,
//! signatures, jumps), repairs the text, and returns a [`Page`] that serializes to the
//! page contract (`banmian.page/1`).
//!
//! ```
//! use banmian::{Options, Pipeline};
//!
//! let pipeline = Pipeline::new(Options::default()).unwrap();
//! let page = pipeline.process("2021-01-13/01.txt", "\
//! ## 市十五届人大常委会第三十六次会议举行
//!
//! 赵铭主持会议
//!
//! 本报讯(记者 尹明)12日,市十五届人大常委会第三十六次会议举行。(下转第五版)
//! ");
//! let a = &page.articles[0];
//! assert_eq!(a.headline.as_deref(), Some("市十五届人大常委会第三十六次会议举行"));
//! assert_eq!(a.subheadline.as_deref(), Some("赵铭主持会议"));
//! assert_eq!(a.byline.as_deref(), Some("本报讯（记者 尹明）"));
//! assert_eq!(a.authors[0].name, "尹明");
//! assert_eq!(a.text, "12日，市十五届人大常委会第三十六次会议举行。");
//! assert_eq!(a.jumps[0].page, Some(5));
//! let json = serde_json::to_string(&page).unwrap();
//! assert!(json.starts_with(r#"{"schema":"banmian.page/1","source":"2021-01-13/01.txt""#));
//! ```
//!
//! The stages, in order, each in its own module:
//! 1. [`decode`]: bytes to text (UTF-8, UTF-16, GB18030, Big5);
//! 2. [`lines`]: numbered lines, Markdown markers stripped but remembered;
//! 3. [`classify`]: what each line is (display, body, credit, furniture, …);
//! 4. [`assemble`]: broken lines joined into blocks, jump markers taken out;
//! 5. [`segment`]: blocks into articles, headline groups read by [`headline`],
//!    credits by [`byline`];
//! 6. [`dedup`]: duplicate and near-duplicate blocks removed;
//! 7. [`normalize`]: white space, punctuation ([`punct`]) and script ([`convert`]);
//! 8. [`warn`]: what looks damaged;
//! 9. the [`Page`] itself, serialized with serde.
//!
//! OCR boxes (PaddleOCR page JSON, read by [`boxes`]) take another way in: their
//! reading order and role hints are recovered from geometry by [`reading_order`], and
//! the printed lines it recovers go through stages 3 to 9 like the lines of a text page
//! ([`Pipeline::process_boxes`]).

#![warn(missing_docs)]

pub mod assemble;
pub mod batch;
pub mod boxes;
pub mod byline;
pub mod classify;
pub mod convert;
pub mod decode;
pub mod dedup;
pub mod error;
pub mod furniture;
pub mod headline;
pub mod jump;
pub mod lines;
pub mod model;
pub mod normalize;
pub mod punct;
pub mod reading_order;
pub mod segment;
pub mod text;
pub mod warn;

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use convert::{Config, Converter, Overrides};
pub use error::{Error, ErrorKind, Position, Result};
pub use model::{
    Article, Author, Block, BlockKind, BlockRef, Jump, JumpDirection, Page, PageInfo, Removed, RemovedReason, SCHEMA, Warning,
    WarningKind,
};

/// Default largest page accepted, in bytes (64 MiB). A page over the limit is refused
/// with [`ErrorKind::TooLarge`] rather than processed: by [`Pipeline::process_bytes`],
/// [`Pipeline::process_checked`], and by the readers in [`batch`], which stop reading
/// a file, stdin or JSON Lines line at the limit, so an oversized input never sits in
/// memory. Processing a page takes up to about 15 times its size in memory at its
/// peak (measured figures in the README).
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// Default largest number of lines accepted in a page (2,097,152). Each line costs
/// some hundreds of bytes while a page is processed, whatever its length, so the byte
/// limit alone does not bound memory for a page of very short lines; a page over this
/// limit is refused with [`ErrorKind::TooManyLines`]. A printed page has a few
/// thousand lines.
pub const DEFAULT_MAX_PAGE_LINES: u64 = 1 << 21;

/// How punctuation is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Punct {
    /// Half-width `,;:!?()` next to Chinese become full width (GB/T 15834-2011).
    #[default]
    Normalize,
    /// Punctuation is left as printed (`--punct keep`).
    Keep,
}

/// Which reader a page of bytes goes to (`--input-format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By content: bytes that parse as a JSON object with an `ocr_results` member are
    /// PaddleOCR page JSON, anything else is text.
    #[default]
    Auto,
    /// Text or Markdown, whatever the bytes hold.
    Text,
    /// PaddleOCR page JSON ([`boxes`]); anything else is an error.
    Paddleocr,
}

/// The pipeline's options: the same as the command line's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Punctuation width repair (`--punct`).
    pub punct: Punct,
    /// Script conversion, by OpenCC configuration (`--convert`); `None` leaves the
    /// script as printed.
    pub convert: Option<Config>,
    /// The user's conversion pairs (`--convert-dict FILE`, [`convert::Overrides`]), used with `convert`.
    pub convert_dict: Option<std::path::PathBuf>,
    /// Largest page accepted, in bytes (`--max-page-bytes`; default
    /// [`DEFAULT_MAX_PAGE_BYTES`]). Checked by [`Pipeline::process_bytes`] and
    /// [`Pipeline::process_checked`], not by [`Pipeline::process`].
    pub max_page_bytes: u64,
    /// Largest number of lines accepted in a page (`--max-page-lines`; default
    /// [`DEFAULT_MAX_PAGE_LINES`]). Checked where `max_page_bytes` is.
    pub max_page_lines: u64,
    /// How [`Pipeline::process_bytes`] reads a page (`--input-format`).
    pub input_format: InputFormat,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            punct: Punct::Normalize,
            convert: None,
            convert_dict: None,
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
            max_page_lines: DEFAULT_MAX_PAGE_LINES,
            input_format: InputFormat::Auto,
        }
    }
}

/// A configured pipeline. Build once and share: it is `Send + Sync`, and the script
/// converter it holds is built once.
#[derive(Debug)]
pub struct Pipeline {
    options: Options,
    converter: Option<Converter>,
}

impl Pipeline {
    /// Builds a pipeline. Errors: [`ErrorKind::Convert`] when the conversion
    /// configuration cannot be loaded.
    pub fn new(options: Options) -> Result<Pipeline> {
        let converter = convert::from_options(options.convert, options.convert_dict.as_deref())?;
        Ok(Pipeline { options, converter })
    }

    /// The options it was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Processes one page of text. `source` is written to the page's `source` field
    /// (a path relative to the input root, `-` for stdin, or a JSONL id). Never fails:
    /// whatever the text, a page comes back. It does not check `max_page_bytes` and
    /// `max_page_lines`; [`Pipeline::process_checked`] does.
    pub fn process(&self, source: &str, text: &str) -> Page {
        // The lines are dropped once assembled: the later stages' peak memory does not
        // hold them.
        let (units, layout) = {
            let lines = lines::split(text);
            let layout = classify::measure(&lines);
            (units(&lines, layout), layout)
        };
        let mut page = self.run_units(units, layout);
        if text.trim_matches(crate::text::is_space).is_empty() {
            page.warnings.push(empty_page());
        }
        finish(&mut page, source);
        page
    }

    /// Processes one page already split into numbered lines whose layout is known
    /// (stages 3 to 9), as [`Pipeline::process_boxes`] does with the lines it recovers
    /// from OCR boxes. `lines[i].no` are the numbers written in `lines` fields.
    pub fn process_lines(&self, source: &str, lines: &[lines::Line], layout: classify::Layout) -> Page {
        let mut page = self.run(lines, layout);
        finish(&mut page, source);
        page
    }

    /// Processes one page of OCR boxes: the reading order and role hints are recovered
    /// from geometry by [`reading_order`], the lines go through the same stages as a
    /// text page, and blocks, articles and `removed` texts get the boxes they came from
    /// (`boxes`, `bbox`). Never fails.
    pub fn process_boxes(&self, source: &str, boxes: &boxes::BoxPage) -> Page {
        let recovered = reading_order::recover(boxes);
        let mut page = self.run(&recovered.text_lines(), reading_order::LAYOUT);
        recovered.annotate(&mut page);
        if recovered.lines.is_empty() && recovered.noise.is_empty() {
            page.warnings.push(empty_page());
        }
        finish(&mut page, source);
        page
    }

    /// Stages 3 to 8 on numbered lines.
    fn run(&self, lines: &[lines::Line], layout: classify::Layout) -> Page {
        self.run_units(units(lines, layout), layout)
    }

    /// Stages 5 to 8 on assembled units.
    fn run_units(&self, units: Vec<assemble::Unit>, layout: classify::Layout) -> Page {
        let mut page = segment::segment(units, layout);
        dedup::remove_duplicates(&mut page);
        normalize::repair(
            &mut page,
            normalize::Repair { punct: self.options.punct == Punct::Normalize, convert: self.converter.as_ref() },
        );
        warn::check(&mut page);
        page
    }

    /// [`Pipeline::process`], refusing a text over `max_page_bytes` (its UTF-8
    /// length) with [`ErrorKind::TooLarge`] or over `max_page_lines` with
    /// [`ErrorKind::TooManyLines`], as [`Pipeline::process_bytes`] does: for callers
    /// that take text from elsewhere (a JSON Lines stream) and want the same limits as
    /// for files.
    pub fn process_checked(&self, source: &str, text: &str) -> Result<Page> {
        self.check_size(text.len() as u64)?;
        self.check_lines(text)?;
        Ok(self.process(source, text))
    }

    /// Refuses a text of more than `max_page_lines` lines.
    fn check_lines(&self, text: &str) -> Result<()> {
        let (lines, limit) = (lines::count(text) as u64, self.options.max_page_lines);
        if lines > limit {
            return Err(Error::new(ErrorKind::TooManyLines { lines, limit }));
        }
        Ok(())
    }

    /// Refuses a page of `size` bytes over `max_page_bytes`.
    fn check_size(&self, size: u64) -> Result<()> {
        let limit = self.options.max_page_bytes;
        if size > limit {
            return Err(Error::new(ErrorKind::TooLarge { size, limit }));
        }
        Ok(())
    }

    /// Decodes and processes one page of bytes: PaddleOCR page JSON ([`boxes`]) when
    /// the options' [`InputFormat`] says so or, by default, when the bytes are such a
    /// page, otherwise text (UTF-8, UTF-16, GB18030 or Big5; see [`decode`]). Errors:
    /// [`ErrorKind::TooLarge`] over `max_page_bytes` (before decoding),
    /// [`ErrorKind::Decode`] when no encoding explains the bytes (with the byte offset),
    /// [`ErrorKind::TooManyLines`] over `max_page_lines`, [`ErrorKind::BoxPage`] for a
    /// malformed box page. The error's position has no path: the caller knows it and
    /// adds it.
    pub fn process_bytes(&self, source: &str, bytes: &[u8]) -> Result<Page> {
        self.check_size(bytes.len() as u64)?;
        match self.options.input_format {
            InputFormat::Text => {}
            InputFormat::Paddleocr => return Ok(self.process_boxes(source, &boxes::parse(bytes)?)),
            InputFormat::Auto => {
                if let Some(page) = boxes::detect(bytes)? {
                    return Ok(self.process_boxes(source, &page));
                }
            }
        }
        let decoded = decode::decode(bytes)?;
        self.check_lines(&decoded.text)?;
        let mut page = self.process(source, &decoded.text);
        page.warnings.splice(0..0, decoded.warnings);
        Ok(page)
    }
}

fn empty_page() -> Warning {
    Warning { kind: WarningKind::EmptyPage, block: None, message: "the page has no text".into() }
}

/// Stages 3 and 4: the lines classified and joined into units (their roles are
/// dropped here).
fn units(lines: &[lines::Line], layout: classify::Layout) -> Vec<assemble::Unit> {
    let roles = classify::classify_with(lines, layout);
    assemble::assemble(lines, &roles, layout)
}

/// Numbers the articles and fills the derived fields (`id`, `text`, `source`).
fn finish(page: &mut Page, source: &str) {
    page.source = source.to_string();
    for (i, a) in page.articles.iter_mut().enumerate() {
        a.id = i;
        a.text = a.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
    }
}
