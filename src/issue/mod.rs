//! A whole issue: the pages of one printed issue, their articles stitched across
//! their jumps (`../shared/CONTRACT.md`, "One issue in, one issue object out",
//! schema `banmian.issue/1`).
//!
//! Every page goes through the page [`Pipeline`](crate::Pipeline) unchanged; this
//! module reads only the page objects it returns (page numbers and labels, articles'
//! headlines, bylines, jumps and blocks). In order:
//! - [`number`]: each page's printed number and section (furniture, else the file
//!   name, else the order), the pages sorted, and the issue-level warnings
//!   (`page_number_conflict`, `duplicate_page_number`, `missing_page`, `too_many_pages`);
//! - [`link`]: every `continued_on` jump matched with a part on the page it names, by
//!   a score ([`link::LINK_THRESHOLD`]), or left open with its reason;
//! - [`join`]: the linked parts joined into one [`IssueArticle`] each, as a reader
//!   reads them;
//! - [`run`]: grouping the pages of an archive into issues, processing issues in
//!   parallel, and the `--issue` command line.
//!
//! ```
//! use banmian::issue::{self, PageInput};
//! use banmian::{Options, Pipeline};
//!
//! let p = Pipeline::new(Options::default()).unwrap();
//! let one = "第1版\n\n## 全市春运工作部署会召开\n\n本报讯（记者 李华）11日，全市春运工作部署会召开，会议要求（下转第五版）\n";
//! let five = "第5版\n\n## 全市春运工作部署会召开\n\n（上接第一版）各部门做好安全保障工作。\n";
//! let pages = vec![
//!     PageInput::new("01.txt", Ok(p.process("01.txt", one))),
//!     PageInput::new("05.txt", Ok(p.process("05.txt", five))),
//! ];
//! let issue = issue::build("2021-01-13", pages);
//! assert_eq!(issue.articles.len(), 1);
//! let story = &issue.articles[0];
//! assert_eq!(story.text, "11日，全市春运工作部署会召开，会议要求各部门做好安全保障工作。");
//! assert_eq!(story.parts.len(), 2);
//! assert!(story.links[0].score >= issue::link::LINK_THRESHOLD);
//! ```

pub mod join;
pub mod link;
pub mod number;
pub mod run;

use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::model::{Article, Author, BlockKind, Jump, Page, Warning};

/// The schema tag written in every issue object.
pub const ISSUE_SCHEMA: &str = "banmian.issue/1";

/// One page of an issue as read: its source (relative path, or JSONL id) and the page
/// object, or the error that kept it from being read (which becomes an `errors` entry).
#[derive(Debug, Clone)]
pub struct PageInput {
    /// Relative path of the page (`2021/01/13/05.txt`), or its JSONL id.
    pub source: String,
    /// The page, or the error message (naming the file).
    pub page: Result<Page, String>,
}

impl PageInput {
    /// A page input from its source and what reading it gave.
    pub fn new(source: &str, page: Result<Page, String>) -> PageInput {
        PageInput { source: source.to_string(), page }
    }
}

/// One issue: `{"schema","source","date","pages","articles","unlinked","errors","warnings"}`.
///
/// Serialized by hand (see [`Issue::serialize`]) so that the pages are written exactly
/// as page objects, each linked jump with its `target`. Not deserializable as a whole:
/// read the JSON with serde_json, or `pages` as [`Page`]s (an unknown `target` is
/// ignored).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Always [`ISSUE_SCHEMA`].
    pub schema: String,
    /// The issue's relative path, the folder's name, or the issue key.
    pub source: String,
    /// ISO 8601 date of the issue: the date most of its pages print (the first such
    /// date on a tie), or `None`.
    pub date: Option<String>,
    /// The readable pages, in page order ([`number::order`]).
    pub pages: Vec<Page>,
    /// `targets[p][a][j]`: where jump `j` of article `a` of page `p` was linked to (the
    /// other part's page index and article), or `None`; written into the pages as `target`.
    pub targets: Vec<Vec<Vec<Option<PartRef>>>>,
    /// The stories: every page article is in exactly one.
    pub articles: Vec<IssueArticle>,
    /// The jumps left open, with the reason.
    pub unlinked: Vec<Unlinked>,
    /// The pages that could not be read.
    pub errors: Vec<IssueError>,
    /// Issue-level warnings.
    pub warnings: Vec<IssueWarning>,
}

/// A page article of the issue: `{"page": 0, "article": 3}`, `page` an index into the
/// issue's `pages` (not the printed number), `article` the article's `id` on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartRef {
    /// Index into the issue's `pages`.
    pub page: usize,
    /// Index into that page's `articles`.
    pub article: usize,
}

/// A link between two parts of a story: `{"from": 0, "to": 1, "score": 0.93}`,
/// `from` and `to` indexes into the story's `parts`, `score` in 0..=1 (rounded to
/// three decimals), never below [`link::LINK_THRESHOLD`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The part whose `continued_on` jump was followed.
    pub from: usize,
    /// The part it continues on.
    pub to: usize,
    /// How sure the link is, 0 to 1 ([`link::score`]).
    pub score: f64,
}

/// One story of the issue: the page article fields for the whole story, its parts in
/// reading order, and the links that joined them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueArticle {
    /// 0-based position in the issue (stories in the order of their first part).
    pub id: usize,
    /// 引题 of the first part that has one.
    pub kicker: Option<String>,
    /// 主题 of the first part that has one (a continuation's repeated headline is not used
    /// when the first part has its own).
    pub headline: Option<String>,
    /// 副题 of the first part that has one.
    pub subheadline: Option<String>,
    /// 栏目 of the first part that has one.
    pub rubric: Option<String>,
    /// The credit line of the first part that has one.
    pub byline: Option<String>,
    /// The dateline of the first part that has one.
    pub dateline: Option<String>,
    /// The people credited by every part, in order, each name once.
    pub authors: Vec<Author>,
    /// Where the headline group and credits were read: the heads of the part that gives
    /// the headline (the first part with one, else the first part); their `lines` and
    /// `boxes` are on that part's page.
    #[serde(default)]
    pub heads: Vec<crate::model::Head>,
    /// The date of the first part that states one.
    pub date: Option<String>,
    /// The body in reading order, across parts.
    pub blocks: Vec<IssueBlock>,
    /// The `text` of every block joined with `"\n"`.
    pub text: String,
    /// The parts' warnings (block indexes into `blocks`), without the truncation
    /// warnings a link explains.
    pub warnings: Vec<Warning>,
    /// The page articles of the story, in reading order.
    pub parts: Vec<PartRef>,
    /// The links between consecutive parts.
    pub links: Vec<Link>,
}

/// A block of a story: the page block's `kind` and `text`, the `part` it came from,
/// and `lines` (with `boxes`, `bbox`, `ids` for box input); a block joined across a
/// jump has `from` instead of `lines`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueBlock {
    /// What the block is.
    pub kind: BlockKind,
    /// The text (a sentence cut by a jump joined without a gap).
    pub text: String,
    /// Index into the story's `parts` of the part it came from (the first, when joined).
    pub part: usize,
    /// 1-based input lines on its page, as in the page block; absent when joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<[usize; 2]>,
    /// A block joined across a jump: each piece's part and lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Vec<BlockFrom>>,
    /// OCR box input only: the page block's `boxes`, `bbox` and `ids` (its
    /// [`crate::Provenance`], written as this object's keys); empty when joined.
    #[serde(flatten)]
    pub provenance: crate::Provenance,
}

/// One piece of a block joined across a jump: `{"part": 0, "lines": [40, 41]}` (and the
/// piece's `boxes` for box input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockFrom {
    /// Index into the story's `parts`.
    pub part: usize,
    /// 1-based input lines on that part's page.
    pub lines: [usize; 2],
    /// OCR box input only: the piece's boxes on its page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boxes: Option<Vec<usize>>,
}

/// Why a jump stayed open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnlinkedReason {
    /// The page the jump names is not among the issue's readable pages (or the jump's
    /// page could not be read).
    #[serde(rename = "page not in issue")]
    PageNotInIssue,
    /// A `continued_on` jump: no part on the named page scored at least [`link::LINK_THRESHOLD`].
    #[serde(rename = "no continuation found")]
    NoContinuationFound,
    /// A `continued_from` jump: no part on the named page was linked to it.
    #[serde(rename = "no source found")]
    NoSourceFound,
    /// Two candidates scored within [`link::AMBIGUITY_MARGIN`] of each other.
    #[serde(rename = "ambiguous")]
    Ambiguous,
    /// The link would have closed a cycle of jumps.
    #[serde(rename = "cycle")]
    Cycle,
}

/// A jump left open: `{"page": 0, "article": 2, "jump": 0, "reason": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlinked {
    /// Index into the issue's `pages`.
    pub page: usize,
    /// The article on that page.
    pub article: usize,
    /// Index into the article's `jumps`.
    pub jump: usize,
    /// Why it was not linked.
    pub reason: UnlinkedReason,
}

/// A page that could not be read: `{"source": "2021/01/13/05.txt", "error": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueError {
    /// The page's source.
    pub source: String,
    /// What went wrong, as printed.
    pub error: String,
}

/// What an issue-level warning is about. Serialized in snake case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueWarningKind {
    /// A page's furniture and its file name give different page numbers (the
    /// furniture's is used).
    PageNumberConflict,
    /// Two pages have the same section and number.
    DuplicatePageNumber,
    /// Numbers are missing between the first and last page of a section.
    MissingPage,
    /// More pages than [`number::MAX_ISSUE_PAGES`]: probably not one issue (all are
    /// still processed and linked).
    TooManyPages,
}

/// An issue-level warning: `{"kind","block": null,"message","pages"}` (`pages`: the page
/// indexes concerned; `block` is always null, kept for the shape of a page warning).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueWarning {
    /// What it is about.
    pub kind: IssueWarningKind,
    /// Always `None`.
    pub block: Option<usize>,
    /// A sentence for people.
    pub message: String,
    /// Indexes into `pages` of the pages concerned.
    pub pages: Vec<usize>,
}

/// Builds the issue object from its pages (in any order): orders and numbers them,
/// links the jumps, joins the stories. Pages that could not be read become `errors`.
/// `source` is written as the issue's `source`. Never fails.
pub fn build(source: &str, inputs: Vec<PageInput>) -> Issue {
    let mut errors = Vec::new();
    let mut read = Vec::new();
    for input in inputs {
        match input.page {
            Ok(page) => read.push((input.source, page)),
            Err(error) => errors.push(IssueError { source: input.source, error }),
        }
    }
    let numbered = number::order(read);
    let linked = link::link(&numbered.pages, &numbered.numbers);
    let articles = join::join(&numbered.pages, &linked.chains);
    let date = issue_date(&numbered.pages);
    Issue {
        schema: ISSUE_SCHEMA.to_string(),
        source: source.to_string(),
        date,
        pages: numbered.pages,
        targets: linked.targets,
        articles,
        unlinked: linked.unlinked,
        errors,
        warnings: numbered.warnings,
    }
}

/// The date most pages print (first on a tie), or `None`.
fn issue_date(pages: &[Page]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for d in pages.iter().filter_map(|p| p.page.date.as_deref()) {
        match counts.iter_mut().find(|(x, _)| *x == d) {
            Some((_, n)) => *n += 1,
            None => counts.push((d, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(d, _)| d.to_string())
}

impl Issue {
    /// The story (index into `articles`) that holds page article `part`.
    pub fn story_of(&self, part: PartRef) -> Option<usize> {
        self.articles.iter().position(|a| a.parts.contains(&part))
    }
}

impl Serialize for Issue {
    /// The contract's field order; each page as its page object with `target` added
    /// to every linked jump.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Issue", 8)?;
        st.serialize_field("schema", &self.schema)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("date", &self.date)?;
        let pages: Vec<PageOut<'_>> = self
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| PageOut { page, targets: self.targets.get(i).map_or(&[], |t| t.as_slice()) })
            .collect();
        st.serialize_field("pages", &pages)?;
        st.serialize_field("articles", &self.articles)?;
        st.serialize_field("unlinked", &self.unlinked)?;
        st.serialize_field("errors", &self.errors)?;
        st.serialize_field("warnings", &self.warnings)?;
        st.end()
    }
}

/// A page written as its page object, with `target` in its linked jumps.
pub(crate) struct PageOut<'a> {
    pub(crate) page: &'a Page,
    pub(crate) targets: &'a [Vec<Option<PartRef>>],
}

impl Serialize for PageOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.page;
        let mut st = s.serialize_struct("Page", 7)?;
        st.serialize_field("schema", &p.schema)?;
        st.serialize_field("source", &p.source)?;
        st.serialize_field("page", &p.page)?;
        let articles: Vec<ArticleOut<'_>> = p
            .articles
            .iter()
            .enumerate()
            .map(|(i, article)| ArticleOut { article, targets: self.targets.get(i).map_or(&[], |t| t.as_slice()) })
            .collect();
        st.serialize_field("articles", &articles)?;
        st.serialize_field("leftovers", &p.leftovers)?;
        st.serialize_field("removed", &p.removed)?;
        st.serialize_field("warnings", &p.warnings)?;
        st.end()
    }
}

/// An article written as in its page object, with `target` in its linked jumps. The
/// fields are [`Article`]'s in its order (a test checks that an article without targets
/// is written byte for byte as the page writes it).
struct ArticleOut<'a> {
    article: &'a Article,
    targets: &'a [Option<PartRef>],
}

/// A jump with its `target`.
#[derive(Serialize)]
struct JumpOut<'a> {
    #[serde(flatten)]
    jump: &'a Jump,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<PartRef>,
}

impl Serialize for ArticleOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.article;
        let mut st = s.serialize_struct("Article", 18)?;
        st.serialize_field("id", &a.id)?;
        st.serialize_field("kicker", &a.kicker)?;
        st.serialize_field("headline", &a.headline)?;
        st.serialize_field("subheadline", &a.subheadline)?;
        st.serialize_field("rubric", &a.rubric)?;
        st.serialize_field("byline", &a.byline)?;
        st.serialize_field("dateline", &a.dateline)?;
        st.serialize_field("authors", &a.authors)?;
        st.serialize_field("heads", &a.heads)?;
        st.serialize_field("date", &a.date)?;
        st.serialize_field("blocks", &a.blocks)?;
        st.serialize_field("text", &a.text)?;
        let jumps: Vec<JumpOut<'_>> =
            a.jumps.iter().enumerate().map(|(j, jump)| JumpOut { jump, target: self.targets.get(j).copied().flatten() }).collect();
        st.serialize_field("jumps", &jumps)?;
        st.serialize_field("warnings", &a.warnings)?;
        st.serialize_field("lines", &a.lines)?;
        if let Some(b) = &a.provenance.boxes {
            st.serialize_field("boxes", b)?;
        }
        if let Some(b) = &a.provenance.bbox {
            st.serialize_field("bbox", b)?;
        }
        if let Some(b) = &a.provenance.ids {
            st.serialize_field("ids", b)?;
        }
        st.end()
    }
}

/// The pretty JSON of one issue object, ending in a line feed. Errors: serde_json's
/// (not expected for these types).
pub fn to_json(issue: &Issue) -> crate::Result<Vec<u8>> {
    let mut v = serde_json::to_vec_pretty(issue)?;
    v.push(b'\n');
    Ok(v)
}

/// One issue object as one JSON Lines line, ending in a line feed.
pub fn to_json_line(issue: &Issue) -> crate::Result<Vec<u8>> {
    let mut v = serde_json::to_vec(issue)?;
    v.push(b'\n');
    Ok(v)
}

/// The issue's stories as one page object, for the reading formats (`--issue --format
/// text|markdown|ninjs`): `source` is the issue's, `page.date` its date, `articles` the
/// joined stories (each block with the lines of its first piece), `leftovers` every
/// page's leftovers in page order; `removed` is empty (the reading views leave it out).
pub fn as_page(issue: &Issue) -> Page {
    let articles = issue
        .articles
        .iter()
        .map(|s| {
            let blocks: Vec<crate::model::Block> = s
                .blocks
                .iter()
                .map(|b| {
                    let lines = b.lines.or_else(|| b.from.as_ref().and_then(|f| f.first()).map(|f| f.lines)).unwrap_or([0, 0]);
                    crate::model::Block::new(b.kind, b.text.clone(), lines)
                })
                .collect();
            let first =
                s.parts.first().and_then(|p| issue.pages.get(p.page)).and_then(|p| s.parts.first().and_then(|r| p.articles.get(r.article)));
            // Only the jumps that stayed open are the story's.
            let jumps = s
                .parts
                .iter()
                .flat_map(|r| {
                    let page = &issue.pages[r.page];
                    let targets = issue.targets.get(r.page).and_then(|t| t.get(r.article));
                    page.articles[r.article]
                        .jumps
                        .iter()
                        .enumerate()
                        .filter(move |(j, _)| targets.and_then(|t| t.get(*j)).copied().flatten().is_none())
                        .map(|(_, jump)| jump.clone())
                })
                .collect();
            Article {
                id: s.id,
                kicker: s.kicker.clone(),
                headline: s.headline.clone(),
                subheadline: s.subheadline.clone(),
                rubric: s.rubric.clone(),
                byline: s.byline.clone(),
                dateline: s.dateline.clone(),
                authors: s.authors.clone(),
                heads: first.map(|a| a.heads.clone()).unwrap_or_default(),
                date: s.date.clone(),
                blocks,
                text: s.text.clone(),
                jumps,
                warnings: s.warnings.clone(),
                lines: first.map_or([0, 0], |a| a.lines),
                provenance: Default::default(),
            }
        })
        .collect();
    Page {
        schema: crate::SCHEMA.to_string(),
        source: issue.source.clone(),
        page: crate::PageInfo { date: issue.date.clone(), ..Default::default() },
        articles,
        leftovers: issue.pages.iter().flat_map(|p| p.leftovers.iter().cloned()).collect(),
        removed: Vec::new(),
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Pipeline};

    #[test]
    fn a_page_without_targets_is_written_as_the_page_writes_it() {
        let p = Pipeline::new(Options::default()).unwrap();
        let page =
            p.process("01.txt", "第1版\n\n## 会议举行\n\n本报讯（记者 尹明）12日，会议举行。（下转第五版）\n\n## 另一条\n\n正文。\n");
        let out = serde_json::to_string(&PageOut { page: &page, targets: &[] }).unwrap();
        assert_eq!(out, serde_json::to_string(&page).unwrap());
        let boxes = r#"{"ocr_results": [{"text": "会议举行。", "box": [[0, 0], [500, 0], [500, 50], [0, 50]]}]}"#;
        let page = p.process_bytes("02.json", boxes.as_bytes()).unwrap();
        let out = serde_json::to_string(&PageOut { page: &page, targets: &[] }).unwrap();
        assert_eq!(out, serde_json::to_string(&page).unwrap());
    }

    #[test]
    fn a_linked_jump_is_written_with_its_target() {
        let p = Pipeline::new(Options::default()).unwrap();
        let page = p.process("01.txt", "## 会议举行\n\n本报讯（记者 尹明）12日，会议举行。（下转第五版）\n");
        let targets = vec![vec![Some(PartRef { page: 1, article: 0 })]];
        let out = serde_json::to_string(&PageOut { page: &page, targets: &targets }).unwrap();
        assert!(out.contains(r#""text":"下转第五版","target":{"page":1,"article":0}}"#), "{out}");
    }
}
