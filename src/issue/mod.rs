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

use serde::{Deserialize, Serialize};

use crate::model::{Article, BlockKind, Page, Warning};

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

/// One issue: `{"schema","source","date","pages","articles","unlinked","errors","warnings"}`,
/// in that order. The pages are written as page objects, each linked jump with its
/// [`Jump::target`](crate::model::Jump::target) (the only field an issue run adds to a page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// Always [`ISSUE_SCHEMA`].
    pub schema: String,
    /// The issue's relative path, the folder's name, or the issue key.
    pub source: String,
    /// ISO 8601 date of the issue: the date most of its pages print (the first such
    /// date on a tie), or `None`.
    pub date: Option<String>,
    /// The readable pages, in page order ([`number::order`]); every linked jump has its
    /// `target` (the other part's page index and article), every other jump none.
    pub pages: Vec<Page>,
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

crate::model::article_object! {
    /// One story of the issue: the page article fields for the whole story, its parts in
    /// reading order, and the links that joined them. Its head fields are the page
    /// article's ([`Article`]), taken from its parts: `kicker`, `headline`, `subheadline`
    /// and `heads` from the first part with a headline (else the first part; a
    /// continuation's repeated headline is not used when the first part has its own, and
    /// the heads' `lines` and `boxes` are on that part's page); `rubric`, `byline` and
    /// `dateline` from the first part that has one; `authors`: every part's, in order,
    /// each name once.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct IssueArticle {
        /// 0-based position in the issue (stories in the order of their first part).
        pub id: usize,
        ..head_fields,
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
    let mut numbered = number::order(read);
    let linked = link::link(&numbered.pages, &numbered.numbers);
    let articles = join::join(&numbered.pages, &linked.chains);
    let date = issue_date(&numbered.pages);
    for (p, page) in numbered.pages.iter_mut().enumerate() {
        for (a, article) in page.articles.iter_mut().enumerate() {
            for (j, jump) in article.jumps.iter_mut().enumerate() {
                jump.target = linked.targets.get(p).and_then(|t| t.get(a)).and_then(|t| t.get(j)).copied().flatten();
            }
        }
    }
    Issue {
        schema: ISSUE_SCHEMA.to_string(),
        source: source.to_string(),
        date,
        pages: numbered.pages,
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
                .flat_map(|r| issue.pages[r.page].articles[r.article].jumps.iter().filter(|j| j.target.is_none()).cloned())
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
    fn an_issue_page_is_its_page_object_plus_the_targets_of_linked_jumps() {
        let p = Pipeline::new(Options::default()).unwrap();
        let one =
            "第1版\n\n## 会议举行\n\n本报讯（记者 尹明）12日，会议举行，会议要求（下转第五版）\n\n## 另一条\n\n正文。（下转第九版）\n";
        let five = "第5版\n\n## 会议举行\n\n（上接第一版）各部门做好工作。\n";
        let pages = [p.process("01.txt", one), p.process("05.txt", five)];
        // A page run writes no target.
        for page in &pages {
            assert!(!serde_json::to_string(page).unwrap().contains("target"));
        }
        let issue = build("i", pages.iter().zip(["01.txt", "05.txt"]).map(|(pg, s)| PageInput::new(s, Ok(pg.clone()))).collect());
        let linked = &issue.pages[0].articles[0].jumps[0];
        assert_eq!(linked.target, Some(PartRef { page: 1, article: 0 }));
        assert_eq!(issue.pages[1].articles[0].jumps[0].target, Some(PartRef { page: 0, article: 0 }));
        // The jump to a missing page stays open, with no target written.
        assert_eq!(issue.pages[0].articles[1].jumps[0].target, None);
        let json = serde_json::to_string(&issue).unwrap();
        assert!(json.contains(r#""text":"下转第五版","target":{"page":1,"article":0}}"#), "{json}");
        assert!(json.contains(r#""text":"下转第九版"}"#), "{json}");
        // Without the targets, each issue page is the page object byte for byte.
        for (mut page, orig) in issue.pages.clone().into_iter().zip(&pages) {
            page.articles.iter_mut().flat_map(|a| a.jumps.iter_mut()).for_each(|j| j.target = None);
            assert_eq!(serde_json::to_string(&page).unwrap(), serde_json::to_string(orig).unwrap());
        }
        // The issue object reads back as itself.
        let back: Issue = serde_json::from_str(&json).unwrap();
        assert_eq!(back, issue);
    }
}
