//! The page contract's objects (`docs/contract.md`, a copy of `../shared/CONTRACT.md`;
//! schema `banmian.page/1`, `docs/schema/page.schema.json`).
//!
//! This module owns the serde types a page is written as, and nothing else: every
//! object of the contract is here, field names are the contract's, and every type
//! is both `Serialize` and `Deserialize` so that an embedding program can read the
//! outputs back. Fields are declared in the order the contract lists them, which is
//! the order they are written in.

use serde::{Deserialize, Serialize};

/// The schema tag written in every page object.
pub const SCHEMA: &str = "banmian.page/1";

/// One input page, recovered: `{"schema","source","page","articles","leftovers","removed","warnings"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Path relative to the input root, `"-"` for stdin, or the id of a JSONL input line.
    pub source: String,
    /// What the page furniture says about the page itself.
    pub page: PageInfo,
    /// The articles in reading order; `id` is the position in this list.
    pub articles: Vec<Article>,
    /// Text that belongs to no article: page furniture, orphan rubrics and slogans.
    pub leftovers: Vec<Block>,
    /// Everything cleanup took out of the text, with the reason.
    pub removed: Vec<Removed>,
    /// Page-level warnings (encoding, ...).
    pub warnings: Vec<Warning>,
}

/// Page number, printed label and date, from page furniture ("第3版", "2021年1月13日 星期三")
/// or Markdown front matter. Each field is `null` when the page does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    /// Page number as an integer: "第3版" → 3, "第五版" → 5, "A4版" → 4.
    pub number: Option<u32>,
    /// The page label as printed, normalized: "第3版", "A4版".
    pub label: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`) of the issue.
    pub date: Option<String>,
    /// OCR box input only: the page width in `unit`, rounded up. Absent for text input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u64>,
    /// OCR box input only: the page height in `unit`, rounded up. Absent for text input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u64>,
    /// OCR box input only: the unit of `width`, `height` and every `bbox` of the page:
    /// `px` (pixels), `mm10` (tenths of a millimetre) or `inch1200` (1/1200 inch), as
    /// the input gives them (ALTO's `MeasurementUnit`). Absent for text input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Where a piece of the page was printed, for OCR box input: the boxes it was made
/// from, their union and the names of their lines. Shared by [`Article`], [`Head`],
/// [`Block`] and [`Removed`], and written inside each (serde `flatten`: the keys
/// `"boxes"`, `"bbox"`, `"ids"` of that object, each absent, not `null`, when empty), so
/// the JSON is as if the fields were the object's own. All empty for text input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// 0-based indices into the input's `ocr_results` of the boxes it was made from,
    /// ascending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boxes: Option<Vec<usize>>,
    /// The union of those boxes (of the part of a box that was split between two
    /// columns), `[x0, y0, x1, y1]` in `page.unit`, rounded outwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[i64; 4]>,
    /// For a format that names its lines (hOCR, ALTO, PAGE): the names of the lines of
    /// `boxes`, in the same order (a line's name once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<String>>,
}

/// Declares an article object: `id`, then the head fields every article object of the
/// contract has, in the contract's order (`kicker`, `headline`, `subheadline`, `rubric`,
/// `byline`, `dateline`, `authors`, `heads`: declared and documented once, here), then
/// the struct's own fields. The page's [`Article`] and the issue's story
/// ([`IssueArticle`](crate::issue::IssueArticle)) are both declared with it, so their
/// head fields (names, types, serde attributes, order, hence their JSON) cannot drift
/// apart, while each keeps its plain fields (`article.headline`).
macro_rules! article_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(#[$id_meta:meta])*
            pub id: usize,
            ..head_fields,
            $($rest:tt)*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(#[$id_meta])*
            pub id: usize,
            /// 引题, the line above the headline.
            pub kicker: Option<String>,
            /// 主题; a headline set on several lines is joined with one space.
            pub headline: Option<String>,
            /// 副题, the line(s) under the headline.
            pub subheadline: Option<String>,
            /// 栏目, a column or series label printed with the article.
            pub rubric: Option<String>,
            /// The credit line as printed, normalized: "本报讯（记者 尹明）".
            pub byline: Option<String>,
            /// Source/place/date part of the credit ("本报讯", "新华社北京1月12日电") or a printed
            /// issue date ("2021年1月12日"); both, joined with one space, when the article
            /// prints both ("本报讯 2021年1月12日").
            pub dateline: Option<String>,
            /// The people credited, in printed order.
            pub authors: Vec<$crate::model::Author>,
            /// Where the headline group and the credits were read, in line order: one [`Head`]
            /// per role and printed place (a kicker, a headline set on two lines is one head
            /// spanning both, a byline, a date line, ...). Empty for an article with neither.
            ///
            /// [`Head`]: crate::model::Head
            #[serde(default)]
            pub heads: Vec<$crate::model::Head>,
            $($rest)*
        }
    };
}
pub(crate) use article_object;

article_object! {
    /// One article: headline group, credit, body and the jumps that continue it elsewhere.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Article {
        /// 0-based position on the page.
        pub id: usize,
        ..head_fields,
        /// ISO 8601 date the article states for itself, when a full date can be known.
        pub date: Option<String>,
        /// The body in reading order.
        pub blocks: Vec<Block>,
        /// The `text` of every block joined with `"\n"`.
        pub text: String,
        /// Jump markers found in (and taken out of) the body.
        pub jumps: Vec<Jump>,
        /// What looks damaged in this article; `block` indexes `blocks`.
        pub warnings: Vec<Warning>,
        /// 1-based input line span `[first, last]` of everything the article was made from.
        pub lines: [usize; 2],
        /// OCR box input only: where everything the article was made from was printed; its
        /// keys are this object's (see [`Provenance`]).
        #[serde(flatten)]
        pub provenance: Provenance,
    }
}

impl Article {
    /// True when the article holds no text at all: no headline-group field, byline,
    /// dateline, block or jump. Only such an article may be dropped from a page
    /// without losing input text.
    pub fn is_empty(&self) -> bool {
        [&self.kicker, &self.headline, &self.subheadline, &self.rubric, &self.byline, &self.dateline].iter().all(|f| f.is_none())
            && self.blocks.is_empty()
            && self.jumps.is_empty()
    }
}

/// What a person is credited for, where the page says so: `"text"` (文/) or `"photo"`
/// (图/, 圖/).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditFor {
    /// The text (文/).
    Text,
    /// The photographs (图/, 圖/).
    Photo,
}

/// One credited person: `{"name","role","org","credit"}` (docs/contract.md, `authors`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The name as printed, without spaces inside a Han name.
    pub name: String,
    /// The printed title: 记者, 通讯员, 实习生, 特约记者, 摄影, ...; `null` when none is printed.
    pub role: Option<String>,
    /// The organisation printed before the title: "本报", "新华社", "黑龙江日报" (book-title marks dropped).
    pub org: Option<String>,
    /// What the person is credited for: 文/ (text) or 图/ (photo) before the role or the
    /// name ("文/本报记者 樊思远 图/本报记者 储晓光"); `null` when the page does not say
    /// (the contract lists the key on every author).
    #[serde(default)]
    pub credit: Option<CreditFor>,
}

/// Which field of the article a [`Head`] was read into. Serialized in snake case, as the
/// contract names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadRole {
    /// 引题 ([`Article::kicker`]).
    Kicker,
    /// 主题 ([`Article::headline`]).
    Headline,
    /// 副题 ([`Article::subheadline`]).
    Subheadline,
    /// 栏目 ([`Article::rubric`]).
    Rubric,
    /// A credit line ([`Article::byline`], with its authors and any dateline it holds).
    Byline,
    /// A printed date line or a credit that is a dateline only ("本报讯"), read into
    /// [`Article::dateline`].
    Dateline,
}

/// Where one part of an article's headline group or credit was read:
/// `{"role","lines"}`, plus `boxes`, `bbox` (and `ids`) for box input, as for [`Block`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// The article field the lines were read into.
    pub role: HeadRole,
    /// 1-based input lines `[first, last]` (for box input, the printed lines in
    /// recovered reading order, as for [`Block::lines`]).
    pub lines: [usize; 2],
    /// OCR box input only: where it was printed (the head's: of its lines); its keys are this
    /// object's (see [`Provenance`]).
    #[serde(flatten)]
    pub provenance: Provenance,
}

impl Head {
    /// A head with no box provenance (text input, or before the geometry's is attached).
    pub fn new(role: HeadRole, lines: [usize; 2]) -> Head {
        Head { role, lines, provenance: Provenance::default() }
    }
}

/// What a block is. Serialized in snake case, as the contract names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Body text.
    Paragraph,
    /// 小标题: a bold or short title line inside a body.
    Subhead,
    /// A short numbered item (一、 （一） 1.); long numbered paragraphs stay paragraphs.
    ListItem,
    /// 图片说明: "图为…", "…（新华社记者 张三 摄）".
    Caption,
    /// 落款: issuing body and date at the end of a notice.
    Signature,
    /// A block quotation (Markdown `>` that is not a credit line).
    Quote,
    /// 编者按, 编后: an editor's note, labelled so ("编者按：…").
    EditorNote,
    /// One item of a news-in-brief column (简讯), opened by ★ or △.
    Brief,
    /// Page header or footer; only in `leftovers`.
    Furniture,
    /// A column label or slogan that belongs to no article; only in `leftovers`.
    Rubric,
}

/// A piece of text with its kind and its 1-based input line span: `{"kind","text","lines"}`.
///
/// Besides the contract's fields a block carries its facts record (what the rules read
/// at the start of its text: leading credit, list number; `rules::BlockFacts`), a
/// crate-private field that is never serialized and that equality ignores. So a block is
/// made with [`Block::new`] (which reads the facts of its text) and its public fields,
/// not with a struct literal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The repaired text.
    pub text: String,
    /// 1-based input lines `[first, last]` the block was made from; a paragraph joined
    /// from several lines spans all of them. For OCR box input, the lines are the
    /// printed lines in recovered reading order (see `geometry`).
    pub lines: [usize; 2],
    /// OCR box input only: where it was printed (the block's); its keys are this
    /// object's (see [`Provenance`]).
    #[serde(flatten)]
    pub provenance: Provenance,
    /// The facts record of `text` (not part of the contract: never written, empty when
    /// read back from JSON).
    #[serde(skip)]
    pub(crate) facts: crate::rules::BlockFacts,
}

impl Block {
    /// A block with no box provenance (text input). Reads the facts of `text` (its
    /// leading credit and list number).
    pub fn new(kind: BlockKind, text: String, lines: [usize; 2]) -> Block {
        let facts = crate::rules::BlockFacts::read(&text);
        Block::with_facts(kind, text, lines, facts)
    }

    /// A block whose facts were already read from `text` (by the stage that made it).
    pub(crate) fn with_facts(kind: BlockKind, text: String, lines: [usize; 2], facts: crate::rules::BlockFacts) -> Block {
        Block { kind, text, lines, provenance: Provenance::default(), facts }
    }

    /// Reads the facts again after `text` was rewritten.
    pub(crate) fn refresh_facts(&mut self) {
        self.facts = crate::rules::BlockFacts::read(&self.text);
    }
}

/// Equality of the contract's fields: the facts are derived from `text`.
impl PartialEq for Block {
    fn eq(&self, other: &Block) -> bool {
        let Block { kind, text, lines, provenance, facts: _ } = self;
        *kind == other.kind && *text == other.text && *lines == other.lines && *provenance == other.provenance
    }
}

impl Eq for Block {}

/// Why cleanup took a piece of text out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedReason {
    /// The same text is kept elsewhere on the page.
    Duplicate,
    /// Nearly the same text (a few OCR character errors apart) is kept elsewhere.
    NearDuplicate,
    /// Not text: image references, border garbage, empty markup.
    Noise,
    /// The input format itself dropped it from its text (MinerU's `discarded_blocks`:
    /// running heads, footers, page numbers, side notes); its `label` says what the
    /// source called it.
    DiscardedBySource,
}

/// Text that cleanup took out: `{"reason","text","lines","duplicate_of"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Why it was taken out.
    pub reason: RemovedReason,
    /// The text as it was printed (before punctuation repair and conversion).
    pub text: String,
    /// 1-based input line span.
    pub lines: [usize; 2],
    /// Where the kept copy is, for duplicates; `null` otherwise.
    pub duplicate_of: Option<BlockRef>,
    /// OCR box input only: where it was printed (the removed text's); its keys are this
    /// object's (see [`Provenance`]).
    #[serde(flatten)]
    pub provenance: Provenance,
    /// For `discarded_by_source`: the source's own label for what it discarded (MinerU's
    /// block `type`, e.g. `discarded`, `header`, `footer`, `page_number`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Removed {
    /// A removed text with no box provenance (text input).
    pub fn new(reason: RemovedReason, text: String, lines: [usize; 2], duplicate_of: Option<BlockRef>) -> Removed {
        Removed { reason, text, lines, duplicate_of, provenance: Provenance::default(), label: None }
    }
}

/// A reference to one block of one article: `{"article": 2, "block": 0}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRef {
    /// Index into `articles`.
    pub article: usize,
    /// Index into that article's `blocks`.
    pub block: usize,
}

/// Which way a jump points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JumpDirection {
    /// 下转第五版: the article goes on elsewhere.
    ContinuedOn,
    /// 上接第一版: the article began elsewhere.
    ContinuedFrom,
}

/// A jump marker: `{"direction","page","label","text"}`, and `"target"` once an issue run linked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jump {
    /// Which way it points.
    pub direction: JumpDirection,
    /// The page number pointed at ("第五版" → 5, "A4版" → 4), `null` if it cannot be read.
    pub page: Option<u32>,
    /// The page as printed: "第五版", "A4版".
    pub label: String,
    /// The marker without brackets: "下转第五版".
    pub text: String,
    /// Issue runs only (CONTRACT.md, Article `jumps`): the page article the jump was
    /// linked to, `{"page": 4, "article": 3}` (`page` an index into the issue's `pages`);
    /// `None`, and not written, in a page run and for a jump left open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<crate::issue::PartRef>,
}

/// What kind of damage a warning reports. Serialized in snake case; unknown kinds
/// read back as [`WarningKind::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// The block starts in the middle of a sentence (a closing quote with no opening one, ...).
    TruncatedStart,
    /// The article's last block ends in the middle of a sentence and no jump says where it goes on.
    TruncatedEnd,
    /// Numbered items skip a number (一、 then 三、).
    NumberingGap,
    /// Opening and closing quotation marks do not pair up.
    UnbalancedQuotes,
    /// The input was not UTF-8; the message names the encoding.
    Encoding,
    /// The page has no text at all (an empty or blank file).
    EmptyPage,
    /// OCR box input: one box held the text of two columns and was split at the column
    /// gap, its characters shared out by width; the message names the box.
    SplitBox,
    /// OCR box input: the engine's mean confidence over the lines of a block is below
    /// [`crate::read::boxes::LOW_CONFIDENCE`]; the block is kept, the message gives the
    /// score.
    LowConfidence,
    /// An OCR look-alike character was repaired from word evidence
    /// ([`crate::Lookalikes`]): the message names the printed word, the repaired one
    /// and the field or the block's lines (`line 12: printed 昨夭, repaired 昨天`).
    Lookalike,
    /// Any kind this version does not know.
    #[serde(other)]
    Other,
}

/// A warning: `{"kind","block","message"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What kind of damage.
    pub kind: WarningKind,
    /// Index of the block concerned in the article's `blocks`, or `null`.
    pub block: Option<usize>,
    /// A sentence for people.
    pub message: String,
}
