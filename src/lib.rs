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
//! Script conversion is OpenCC's, through [`Converter`] (built once by
//! [`Pipeline::new`] for [`Options::convert`], or on its own):
//!
//! ```
//! use banmian::{Config, Converter};
//!
//! let t2s = Converter::new(Config::T2s).unwrap();
//! assert_eq!(t2s.convert("本報訊（記者 陳大文）特區政府昨日公布"), "本报讯（记者 陈大文）特区政府昨日公布");
//! let s2tw: Config = "s2tw".parse().unwrap();
//! assert_eq!(Converter::new(s2tw).unwrap().convert("这是报纸"), "這是報紙");
//! ```
//!
//! The code is laid out by role; each folder says what it owns:
//! - [`read`] (the input seam): one table of formats ([`read::FORMATS`]: name,
//!   extensions, how to recognise the content, how to read it) turning bytes into
//!   text ([`read::decode`]: UTF-8, UTF-16, GB18030, Big5) or a page of OCR boxes
//!   ([`read::boxes`], from PaddleOCR JSON, Tesseract TSV, hOCR, ALTO or PAGE XML);
//! - `lines`: the numbered printed lines every reader feeds to the stages, with their
//!   hints and the page's measurements;
//! - `geometry`: OCR boxes to printed lines in reading order, with the boxes each line
//!   came from (the provenance, which the pipeline attaches to the page);
//! - `stages` (private), in order: classify what each line is, assemble broken lines
//!   into blocks, segment blocks into articles, dedup, normalize (white space,
//!   punctuation, script through [`convert`]), warn about what looks damaged;
//! - `rules` (private): answers about Chinese newspaper text (characters, numbering,
//!   bylines, headlines, jumps, furniture, punctuation), importing no stage;
//! - [`write`](mod@write) (the output seam): one [`write::OutputFormat`] per output, one file each;
//! - [`batch`]: many pages: the tree walk (asking [`read::FORMATS`]), one ordered
//!   parallel driver for folders and JSON Lines streams, atomic writes, the summary;
//! - [`issue`]: a whole issue (`banmian.issue/1`): pages numbered and ordered, jumps
//!   linked across pages by score, stories joined, the `--issue` command line;
//! - `model` and `error`: the [`Page`] contract, serialized with serde, and [`Error`],
//!   both re-exported here.
//!
//! With the `internals` feature (for benches and tests) `lines`, `geometry`, `stages`
//! and `rules` are public too; they are not part of the stable API.

#![warn(missing_docs)]

/// Declares modules that are private, or public (hidden) with the `internals` feature.
macro_rules! internal {
    ($($(#[$m:meta])* $name:ident;)*) => {$(
        $(#[$m])*
        #[cfg(feature = "internals")]
        #[doc(hidden)]
        pub mod $name;
        $(#[$m])*
        #[cfg(not(feature = "internals"))]
        #[allow(dead_code, unreachable_pub)]
        mod $name;
    )*};
}

pub mod batch;
pub mod convert;
mod error;
pub mod eval;
pub mod issue;
mod model;
pub mod ocr;
pub mod read;
pub mod write;
internal! {
    geometry;
    lines;
    rules;
    stages;
}

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use convert::{Config, Converter, Overrides};
pub use error::{Error, ErrorKind, Position, Result};
pub use model::{
    Article, Author, Block, BlockKind, BlockRef, CreditFor, Head, HeadRole, Jump, JumpDirection, Page, PageInfo, Provenance, Removed,
    RemovedReason, SCHEMA, Warning, WarningKind,
};
pub use read::InputFormat;
pub use write::OutputFormat;

use read::Input;
use read::boxes::{BoxPage, Rect};
use stages::{assemble, classify, dedup, normalize, segment};

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

/// Whether OCR look-alike characters are repaired ([`WarningKind::Lookalike`]).
///
/// Off by default, as script conversion is: the contract keeps every printed character
/// (CONTRACT.md, "Text the pipeline writes"), and the repair loads jieba's dictionary
/// (about 0.1 s and 35 MB once per process, and 14% more instructions a byte).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lookalikes {
    /// A character the OCR misread as its look-alike is put back when word
    /// frequencies say so (昨夭 → 昨天, 己经 → 已经; the rule and its source are in
    /// banmian's `rules::lookalike`), in article heads and blocks; each repair gets a
    /// `lookalike` warning naming the printed and the repaired word
    /// (`--lookalikes repair`).
    Repair,
    /// Characters are left as printed (`--lookalikes keep`, the default).
    #[default]
    Keep,
}

impl Punct {
    /// Every value, the default first, in the order the command line lists them.
    pub const ALL: &'static [Punct] = &[Punct::Normalize, Punct::Keep];

    /// The name `--punct`, the Python `punct=` keyword and the run record use:
    /// `normalize` or `keep`.
    pub fn name(self) -> &'static str {
        match self {
            Punct::Normalize => "normalize",
            Punct::Keep => "keep",
        }
    }
}

impl std::str::FromStr for Punct {
    type Err = Error;

    /// Reads a name of [`Punct::ALL`]. Errors: [`ErrorKind::Io`] naming the values,
    /// for an unknown name.
    fn from_str(s: &str) -> Result<Punct> {
        by_name("punct", s, Punct::ALL, |p| p.name())
    }
}

impl Lookalikes {
    /// Every value, the default first, in the order the command line lists them.
    pub const ALL: &'static [Lookalikes] = &[Lookalikes::Keep, Lookalikes::Repair];

    /// The name `--lookalikes`, `banmian eval --lookalikes`, the Python `lookalikes=`
    /// keyword and the run record use: `repair` or `keep`.
    pub fn name(self) -> &'static str {
        match self {
            Lookalikes::Repair => "repair",
            Lookalikes::Keep => "keep",
        }
    }
}

impl std::str::FromStr for Lookalikes {
    type Err = Error;

    /// Reads a name of [`Lookalikes::ALL`]. Errors: [`ErrorKind::Io`] naming the
    /// values, for an unknown name.
    fn from_str(s: &str) -> Result<Lookalikes> {
        by_name("lookalikes value", s, Lookalikes::ALL, |l| l.name())
    }
}

/// The value of `all` whose `name` is `s`; for an unknown name, an [`ErrorKind::Io`]
/// (`InvalidInput`) error "unknown {what} \"s\": one of a, b, ...". The one reading
/// of every option named on the command line, in `banmian eval` and in the Python
/// binding ([`Punct`], [`Lookalikes`], [`OutputFormat`]).
pub(crate) fn by_name<T: Copy>(what: &str, s: &str, all: &[T], name: impl Fn(T) -> &'static str) -> Result<T> {
    all.iter().copied().find(|v| name(*v) == s).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
        let msg = format!("unknown {what} {s:?}: one of {}", names.join(", "));
        Error::new(ErrorKind::Io(std::io::Error::new(std::io::ErrorKind::InvalidInput, msg)))
    })
}

/// The pipeline's options: the same as the command line's. Non-exhaustive, so that
/// an option can be added without breaking callers: start from
/// [`Options::default`] and set fields (`o.punct = Punct::Keep`) or chain the setters
/// of the same names.
///
/// ```
/// use banmian::{Options, Punct};
///
/// let o = Options::default().punct(Punct::Keep).max_page_bytes(1 << 20);
/// assert_eq!((o.punct, o.max_page_bytes), (Punct::Keep, 1 << 20));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Punctuation width repair (`--punct`).
    pub punct: Punct,
    /// Look-alike character repair (`--lookalikes`).
    pub lookalikes: Lookalikes,
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
            lookalikes: Lookalikes::Keep,
            convert: None,
            convert_dict: None,
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
            max_page_lines: DEFAULT_MAX_PAGE_LINES,
            input_format: InputFormat::Auto,
        }
    }
}

impl Options {
    /// Sets [`Options::punct`].
    ///
    /// ```
    /// use banmian::{Options, Pipeline, Punct};
    ///
    /// let p = Pipeline::new(Options::default().punct(Punct::Keep)).unwrap();
    /// let page = p.process("-", "## 会议举行\n\n本报讯 他说,会议今天举行。\n");
    /// assert_eq!(page.articles[0].text, "他说,会议今天举行。");
    /// ```
    pub fn punct(mut self, punct: Punct) -> Options {
        self.punct = punct;
        self
    }

    /// Sets [`Options::lookalikes`].
    ///
    /// ```
    /// use banmian::{Lookalikes, Options, Pipeline};
    ///
    /// let page = "## 会议举行\n\n本报讯 会议昨夭举行。\n";
    /// let kept = Pipeline::new(Options::default()).unwrap();
    /// assert_eq!(kept.process("-", page).articles[0].text, "会议昨夭举行。");
    /// let repaired = Pipeline::new(Options::default().lookalikes(Lookalikes::Repair)).unwrap();
    /// assert_eq!(repaired.process("-", page).articles[0].text, "会议昨天举行。");
    /// ```
    pub fn lookalikes(mut self, lookalikes: Lookalikes) -> Options {
        self.lookalikes = lookalikes;
        self
    }

    /// Sets [`Options::convert`].
    ///
    /// ```
    /// use banmian::{Config, Options, Pipeline};
    ///
    /// let p = Pipeline::new(Options::default().convert(Some(Config::T2s))).unwrap();
    /// assert_eq!(p.process("-", "這是報紙。").articles[0].text, "这是报纸。");
    /// ```
    pub fn convert(mut self, convert: Option<Config>) -> Options {
        self.convert = convert;
        self
    }

    /// Sets [`Options::convert_dict`]: a file of `from<TAB>to` pairs that win over
    /// the built-in tables when [`Options::convert`] is set ([`Overrides::from_tsv_file`]
    /// gives the format and the errors, which [`Pipeline::new`] returns).
    ///
    /// ```
    /// use banmian::{Config, ErrorKind, Options, Pipeline};
    ///
    /// let o = Options::default().convert(Some(Config::T2s)).convert_dict(Some("no/such/dict.tsv".into()));
    /// assert!(matches!(Pipeline::new(o).unwrap_err().kind(), ErrorKind::Io(_)));
    /// ```
    pub fn convert_dict(mut self, convert_dict: Option<std::path::PathBuf>) -> Options {
        self.convert_dict = convert_dict;
        self
    }

    /// Sets [`Options::max_page_bytes`].
    ///
    /// ```
    /// use banmian::{ErrorKind, Options, Pipeline};
    ///
    /// let p = Pipeline::new(Options::default().max_page_bytes(4)).unwrap();
    /// let e = p.process_bytes("p.txt", "本报讯".as_bytes()).unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::TooLarge { size: 9, limit: 4 }));
    /// ```
    pub fn max_page_bytes(mut self, bytes: u64) -> Options {
        self.max_page_bytes = bytes;
        self
    }

    /// Sets [`Options::max_page_lines`].
    ///
    /// ```
    /// use banmian::{ErrorKind, Options, Pipeline};
    ///
    /// let p = Pipeline::new(Options::default().max_page_lines(2)).unwrap();
    /// let e = p.process_checked("p.txt", "一\n二\n三\n").unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::TooManyLines { lines: 3, limit: 2 }));
    /// ```
    pub fn max_page_lines(mut self, lines: u64) -> Options {
        self.max_page_lines = lines;
        self
    }

    /// Sets [`Options::input_format`].
    ///
    /// ```
    /// use banmian::{ErrorKind, InputFormat, Options, Pipeline};
    ///
    /// let p = Pipeline::new(Options::default().input_format(InputFormat::Paddleocr)).unwrap();
    /// let e = p.process_bytes("p.json", "本报讯".as_bytes()).unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::BoxPage(_)));
    /// ```
    pub fn input_format(mut self, format: InputFormat) -> Options {
        self.input_format = format;
        self
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
        let mut page = self.run_units(units, layout, true);
        if text.trim_matches(rules::chars::is_space).is_empty() {
            page.warnings.push(empty_page());
        }
        finish(&mut page, source);
        page
    }

    /// Processes one page of OCR boxes: the reading order and role hints are recovered
    /// from geometry, the lines go through the same stages as a text page, and blocks,
    /// articles and `removed` texts get the boxes they came from (`boxes`, `bbox`). Boxes
    /// the format itself discarded ([`read::boxes::OcrBox::discarded`]) skip the geometry
    /// and go to `removed` with reason `discarded_by_source` and their `label`.
    /// Never fails.
    pub fn process_boxes(&self, source: &str, boxes: &BoxPage) -> Page {
        self.process_boxes_recovered(source, boxes).0
    }

    /// [`Pipeline::process_boxes`], and the printed lines the geometry recovered (the
    /// boxes behind each line of the page's text), which `eval` maps to gold lines.
    fn process_boxes_recovered(&self, source: &str, boxes: &BoxPage) -> (Page, geometry::Recovered) {
        let kept = read::boxes::without_discarded(boxes);
        let recovered = geometry::recover(kept.as_ref().unwrap_or(boxes));
        let mut units = units(&recovered.text_lines(), geometry::LAYOUT);
        // A piece of text the geometry set apart inside its column opens an article
        // as the page's article gap does on a text page.
        for u in &mut units {
            u.after_gap |= recovered.lines.get(u.lines[0].wrapping_sub(1)).is_some_and(|l| l.opens_piece);
        }
        let mut page = self.run_units(units, geometry::LAYOUT, false);
        attach_provenance(&recovered, &mut page);
        read::boxes::attach_discarded(boxes, recovered.lines.len() + recovered.noise.len(), &mut page);
        attach_ids_and_size(boxes, &mut page);
        read::boxes::flag_low_confidence(boxes, &mut page);
        if recovered.lines.is_empty() && recovered.noise.is_empty() {
            page.warnings.push(empty_page());
        }
        finish(&mut page, source);
        (page, recovered)
    }

    /// Stages 5 to 8 on assembled units; `text`: the units come from a text page (not
    /// from OCR boxes, where a sentence printed twice has two places).
    fn run_units(&self, units: Vec<assemble::Unit>, layout: lines::Layout, text: bool) -> Page {
        let mut page = segment::segment_from(units, layout, text);
        dedup::remove_duplicates(&mut page);
        if text {
            dedup::remove_repeated_sentences(&mut page);
        }
        normalize::repair(
            &mut page,
            normalize::Repair {
                punct: self.options.punct == Punct::Normalize,
                lookalikes: self.options.lookalikes == Lookalikes::Repair,
                convert: self.converter.as_ref(),
            },
        );
        stages::warn::check(&mut page);
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

    /// Decodes and processes one page of bytes, read by the format the options'
    /// [`InputFormat`] names or, by default, by the first format of [`read::FORMATS`]
    /// that recognises the content (text, in UTF-8, UTF-16, GB18030 or Big5, when none
    /// does; see [`read::decode`]). Errors: [`ErrorKind::TooLarge`] over
    /// `max_page_bytes` (before decoding), [`ErrorKind::Decode`] when no encoding
    /// explains the bytes (with the byte offset), [`ErrorKind::TooManyLines`] over
    /// `max_page_lines`, [`ErrorKind::BoxPage`] for a malformed box page. The error's
    /// position has no path: the caller knows it and adds it.
    ///
    /// ```
    /// use banmian::{ErrorKind, Options, Pipeline};
    ///
    /// let p = Pipeline::new(Options::default()).unwrap();
    /// // GB18030 bytes of "本报讯（记者 尹明）12日，会议举行。"
    /// let (gb, _, _) = encoding_rs::GB18030.encode("本报讯（记者 尹明）12日，会议举行。");
    /// let page = p.process_bytes("01.txt", &gb).unwrap();
    /// assert_eq!(page.articles[0].authors[0].name, "尹明");
    /// // A PaddleOCR page is recognised by its content.
    /// let json = r#"{"ocr_results": [{"text": "会议举行。", "box": [[0, 0], [500, 0], [500, 50], [0, 50]]}]}"#;
    /// let page = p.process_bytes("01.json", json.as_bytes()).unwrap();
    /// assert_eq!(page.articles[0].provenance.boxes, Some(vec![0]));
    /// // Bytes that are no text are refused, with the offset of the first bad byte.
    /// let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    /// let e = p.process_bytes("bad.txt", &noise).unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::Decode(_)) && e.position().byte.is_some(), "{e}");
    /// ```
    pub fn process_bytes(&self, source: &str, bytes: &[u8]) -> Result<Page> {
        self.process_bytes_recovered(source, bytes).map(|(page, _)| page)
    }

    /// [`Pipeline::process_bytes`], and for a box page the printed lines the geometry
    /// recovered (see [`Pipeline::process_boxes_recovered`]); `None` for a text page.
    pub(crate) fn process_bytes_recovered(&self, source: &str, bytes: &[u8]) -> Result<(Page, Option<geometry::Recovered>)> {
        self.check_size(bytes.len() as u64)?;
        match read::read(self.options.input_format, bytes)? {
            Input::Boxes(page) => {
                let (page, recovered) = self.process_boxes_recovered(source, &page);
                Ok((page, Some(recovered)))
            }
            Input::Text(decoded) => {
                self.check_lines(&decoded.text)?;
                let mut page = self.process(source, &decoded.text);
                page.warnings.splice(0..0, decoded.warnings);
                Ok((page, None))
            }
        }
    }
}

impl Pipeline {
    /// Decodes and processes a file that may hold several pages (a MinerU document, a
    /// multi-page hOCR or ALTO file; [`read::read_pages`]): one page object per page, in
    /// order. With several, page N's `source` is `<source>#p<N>` (N from 1, CONTRACT.md);
    /// with one it is `source`, and the page is the one [`Pipeline::process_bytes`] gives.
    /// Errors: as [`Pipeline::process_bytes`]; the first page that fails fails the file.
    pub fn process_pages(&self, source: &str, bytes: &[u8]) -> Result<Vec<Page>> {
        self.check_size(bytes.len() as u64)?;
        let inputs = read::read_pages(self.options.input_format, bytes)?;
        self.process_inputs(source, inputs)
    }

    /// [`Pipeline::process_pages`] taking the bytes, which are dropped as soon as they
    /// are read (decoded, or parsed into boxes), before the stages run: the peak memory
    /// of a page then holds its text once, not its bytes as well. For callers that read
    /// a file to process it and need the bytes no longer (the batch, the command line).
    /// Errors: as [`Pipeline::process_pages`].
    ///
    /// ```
    /// use banmian::{Options, Pipeline};
    ///
    /// let p = Pipeline::new(Options::default()).unwrap();
    /// let pages = p.process_pages_owned("01.txt", "## 会议举行\n\n会议举行。\n".as_bytes().to_vec()).unwrap();
    /// assert_eq!(pages[0].articles[0].headline.as_deref(), Some("会议举行"));
    /// ```
    pub fn process_pages_owned(&self, source: &str, bytes: Vec<u8>) -> Result<Vec<Page>> {
        self.check_size(bytes.len() as u64)?;
        let inputs = read::read_pages(self.options.input_format, &bytes)?;
        drop(bytes);
        self.process_inputs(source, inputs)
    }

    /// The pages of a file, read: page N's `source` as [`Pipeline::process_pages`] says.
    fn process_inputs(&self, source: &str, inputs: Vec<Input>) -> Result<Vec<Page>> {
        let several = inputs.len() > 1;
        let name = |i: usize| if several { format!("{source}#p{}", i + 1) } else { source.to_string() };
        inputs
            .into_iter()
            .enumerate()
            .map(|(i, input)| match input {
                Input::Boxes(page) => Ok(self.process_boxes(&name(i), &page)),
                Input::Text(decoded) => {
                    self.check_lines(&decoded.text)?;
                    let mut page = self.process(&name(i), &decoded.text);
                    page.warnings.splice(0..0, decoded.warnings);
                    Ok(page)
                }
            })
            .collect()
    }
}

fn empty_page() -> Warning {
    Warning { kind: WarningKind::EmptyPage, block: None, message: "the page has no text".into() }
}

/// Stages 3 and 4: the lines classified and joined into units (their roles are
/// dropped here).
fn units(lines: &[lines::Line], layout: lines::Layout) -> Vec<assemble::Unit> {
    let roles = classify::classify_with(lines, layout);
    assemble::assemble(lines, &roles, layout)
}

/// Writes the provenance the geometry recovered into a page made from
/// [`geometry::Recovered::text_lines`]: `boxes` and `bbox` of every block, head, leftover
/// and removed text, and of every article (the lines of its span that are not
/// leftovers); the noise boxes into `removed` (numbered after the last line); the
/// split warnings into the page's warnings.
fn attach_provenance(recovered: &geometry::Recovered, page: &mut Page) {
    let set = |at: &mut Provenance, p: Option<(Vec<usize>, Rect)>| {
        if let Some((b, r)) = p {
            at.boxes = Some(b);
            at.bbox = Some(r.round_out());
        }
    };
    let count = recovered.lines.len();
    let mut leftover_lines = vec![false; count + 1];
    for b in &mut page.leftovers {
        set(&mut b.provenance, recovered.provenance(b.lines));
        let last = b.lines[1].min(count);
        if b.lines[0] <= last {
            leftover_lines[b.lines[0]..=last].fill(true);
        }
    }
    for a in &mut page.articles {
        for b in &mut a.blocks {
            set(&mut b.provenance, recovered.provenance(b.lines));
        }
        for h in &mut a.heads {
            set(&mut h.provenance, recovered.provenance(h.lines));
        }
        set(&mut a.provenance, recovered.provenance_where(a.lines, |no| !leftover_lines[no]));
    }
    for r in &mut page.removed {
        set(&mut r.provenance, recovered.provenance(r.lines));
    }
    for (k, p) in recovered.noise.iter().enumerate() {
        let no = count + k + 1;
        let mut r = Removed::new(RemovedReason::Noise, p.text.clone(), [no, no], None);
        r.provenance.boxes = Some(vec![p.box_index]);
        r.provenance.bbox = Some(p.rect.round_out());
        page.removed.push(r);
    }
    page.warnings.extend(recovered.warnings.iter().cloned());
}

/// For box pages whose format names its lines (hOCR, ALTO, PAGE): `ids` beside every
/// `boxes`, the names of those lines (in `boxes` order, each once); and the page's
/// `width`, `height` (rounded up) and `unit`.
fn attach_ids_and_size(input: &BoxPage, page: &mut Page) {
    page.page.width = Some(input.width.max(0.0).ceil() as u64);
    page.page.height = Some(input.height.max(0.0).ceil() as u64);
    page.page.unit = Some(input.unit.name().to_string());
    let mut names: Vec<Option<&str>> = Vec::new();
    for b in &input.boxes {
        if names.len() <= b.index {
            names.resize(b.index + 1, None);
        }
        if names[b.index].is_none() {
            names[b.index] = b.id.as_deref();
        }
    }
    if names.iter().all(Option::is_none) {
        return;
    }
    let ids = |at: &mut Provenance| {
        let list: Vec<String> = at.boxes.iter().flatten().filter_map(|&k| names.get(k).copied().flatten()).map(str::to_string).collect();
        at.ids = (!list.is_empty()).then_some(list);
    };
    for b in &mut page.leftovers {
        ids(&mut b.provenance);
    }
    for a in &mut page.articles {
        for b in &mut a.blocks {
            ids(&mut b.provenance);
        }
        for h in &mut a.heads {
            ids(&mut h.provenance);
        }
        ids(&mut a.provenance);
    }
    for r in &mut page.removed {
        ids(&mut r.provenance);
    }
}

/// Numbers the articles and fills the derived fields (`id`, `text`, `source`).
fn finish(page: &mut Page, source: &str) {
    page.source = source.to_string();
    for (i, a) in page.articles.iter_mut().enumerate() {
        a.id = i;
        a.text = a.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
    }
}
