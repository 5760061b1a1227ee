//! Page numbers and page order of an issue (CONTRACT.md: "Page numbers come from the
//! furniture (第5版, A5), else the file name (05.txt, A05.md, p5.json), else the order; a
//! section letter (A5, B5) makes a different page"), and the issue-level warnings they
//! give.

use std::sync::LazyLock;

use regex::Regex;

use super::{IssueWarning, IssueWarningKind};
use crate::model::Page;

/// More pages than this in one issue gives a `too_many_pages` warning: the largest
/// dailies print about 100 to 200 pages on their biggest days (a Sunday edition with
/// its supplements), so 200 is generous for one issue.
pub const MAX_ISSUE_PAGES: usize = 200;

/// Most missing page numbers listed one by one in a `missing_page` warning's message;
/// more are summarized by their count.
const MAX_LISTED_MISSING: usize = 20;

/// Where a page's number came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberSource {
    /// The page furniture (`page.number`).
    Furniture,
    /// The file name (05.txt, A05.md, p5.json).
    FileName,
    /// Neither: the page's position among the issue's pages (1-based).
    Order,
}

/// A page's printed number and section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageNumber {
    /// The page number.
    pub number: u32,
    /// The section letter, upper case (`A` for A5), or `None`.
    pub section: Option<char>,
    /// Where the number came from.
    pub from: NumberSource,
}

/// The pages of an issue in page order, their numbers, and the warnings.
#[derive(Debug, Clone)]
pub struct Numbered {
    /// The pages, sorted by section (none first) and number, ties in input order.
    pub pages: Vec<Page>,
    /// `numbers[i]` is the number of `pages[i]`.
    pub numbers: Vec<PageNumber>,
    /// `page_number_conflict`, `duplicate_page_number`, `missing_page`, `too_many_pages`.
    pub warnings: Vec<IssueWarning>,
}

/// `p5`, `page05`, `pg_5` (the section-less forms with a prefix word).
static PREFIXED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(?:p|pg|page)[_-]?0*(\d{1,4})$").expect("page file name"));
/// `A05`, `b-3`: a section letter and a number.
static SECTIONED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-Za-z])[_-]?0*(\d{1,4})$").expect("section file name"));
/// A name ending in a number: `05`, `rmrb-2021-01-13-05`.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[^0-9])0*(\d{1,4})$").expect("trailing number"));

/// The number (and section) a page's file name gives: the name without its extensions
/// (`05.txt.gz` → `05`) read as `p5`/`page05`, `A05`, or a trailing number; the
/// section, when the name gives none, from a parent folder named by one letter
/// (`2021/01/13/B/01.txt` → B1). `None` when the name holds no number.
pub fn from_file_name(source: &str) -> Option<(u32, Option<char>)> {
    let mut parts = source.rsplit('/');
    let name = parts.next()?;
    let stem = name.split('.').next().unwrap_or(name);
    let folder_section = parts.next().and_then(|f| {
        let mut c = f.chars();
        match (c.next(), c.next()) {
            (Some(l), None) if l.is_ascii_alphabetic() => Some(l.to_ascii_uppercase()),
            _ => None,
        }
    });
    let num = |s: &str| s.parse::<u32>().ok();
    if let Some(c) = PREFIXED.captures(stem) {
        return Some((num(&c[1])?, folder_section));
    }
    if let Some(c) = SECTIONED.captures(stem) {
        let letter = c[1].chars().next().map(|l| l.to_ascii_uppercase());
        return Some((num(&c[2])?, letter));
    }
    TRAILING.captures(stem).and_then(|c| num(&c[1])).map(|n| (n, folder_section))
}

/// The section letter of a printed page label or jump label ("A4版" → A), or `None`.
pub fn label_section(label: &str) -> Option<char> {
    let c = label.trim_start_matches('第').chars().next()?;
    let c = match c {
        'Ａ'..='Ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'A' as u32)?,
        'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'A' as u32)?,
        _ => c,
    };
    c.is_ascii_alphabetic().then(|| c.to_ascii_uppercase())
}

/// Numbers and sorts the pages (`(source, page)` in input order) and gives the
/// issue-level warnings. The section of a page is its furniture label's letter, else its
/// file name's.
pub fn order(pages: Vec<(String, Page)>) -> Numbered {
    let mut warnings = Vec::new();
    let count = pages.len();
    let mut numbered: Vec<(usize, PageNumber, Page)> = Vec::with_capacity(count);
    let mut conflicts: Vec<(usize, String)> = Vec::new();
    for (i, (source, page)) in pages.into_iter().enumerate() {
        let named = from_file_name(&source);
        let label_sec = page.page.label.as_deref().and_then(label_section);
        let n = match (page.page.number, named) {
            (Some(n), named) => {
                let section = label_sec.or(named.and_then(|(_, s)| s));
                if let Some((f, _)) = named
                    && f != n
                {
                    conflicts.push((i, format!("{source}: the furniture says page {n}, the file name page {f}; {n} is used")));
                }
                PageNumber { number: n, section, from: NumberSource::Furniture }
            }
            (None, Some((n, s))) => PageNumber { number: n, section: s, from: NumberSource::FileName },
            (None, None) => PageNumber { number: u32::try_from(i + 1).unwrap_or(u32::MAX), section: None, from: NumberSource::Order },
        };
        numbered.push((i, n, page));
    }
    numbered.sort_by_key(|a| (a.1.section, a.1.number, a.0));
    // Input position → page index, for the warnings found before sorting.
    let mut index_of = vec![0; count];
    for (k, (i, _, _)) in numbered.iter().enumerate() {
        index_of[*i] = k;
    }
    for (i, message) in conflicts {
        warnings.push(IssueWarning { kind: IssueWarningKind::PageNumberConflict, block: None, message, pages: vec![index_of[i]] });
    }
    let (numbers, pages): (Vec<PageNumber>, Vec<Page>) = numbered.into_iter().map(|(_, n, p)| (n, p)).unzip();
    // Same section and number twice.
    let mut k = 0;
    while k < numbers.len() {
        let same: Vec<usize> = (k..numbers.len())
            .take_while(|&j| numbers[j].section == numbers[k].section && numbers[j].number == numbers[k].number)
            .collect();
        if same.len() > 1 {
            let sources: Vec<&str> = same.iter().map(|&j| pages[j].source.as_str()).collect();
            warnings.push(IssueWarning {
                kind: IssueWarningKind::DuplicatePageNumber,
                block: None,
                message: format!("page {} is given {} times: {}", display(&numbers[k]), same.len(), sources.join(", ")),
                pages: same.clone(),
            });
        }
        k += same.len();
    }
    // Gaps from page 1 (or the section's first page) to the section's last.
    let mut start = 0;
    while start < numbers.len() {
        let end = (start..numbers.len()).find(|&j| numbers[j].section != numbers[start].section).unwrap_or(numbers.len());
        let present: Vec<u32> = numbers[start..end].iter().map(|n| n.number).collect();
        let last = present.iter().copied().max().unwrap_or(0);
        let missing: Vec<u32> = (1..last).filter(|n| present.binary_search(n).is_err()).collect();
        if !missing.is_empty() {
            let sec = numbers[start].section.map(String::from).unwrap_or_default();
            let listed: Vec<String> = missing.iter().take(MAX_LISTED_MISSING).map(|n| format!("{sec}{n}")).collect();
            let more = if missing.len() > MAX_LISTED_MISSING {
                format!(" and {} more", missing.len() - MAX_LISTED_MISSING)
            } else {
                String::new()
            };
            warnings.push(IssueWarning {
                kind: IssueWarningKind::MissingPage,
                block: None,
                message: format!(
                    "page{} {}{more} missing (the issue goes to {sec}{last})",
                    if missing.len() > 1 { "s" } else { "" },
                    listed.join(", ")
                ),
                pages: Vec::new(),
            });
        }
        start = end;
    }
    if pages.len() > MAX_ISSUE_PAGES {
        warnings.push(IssueWarning {
            kind: IssueWarningKind::TooManyPages,
            block: None,
            message: format!(
                "{} pages in one issue (more than {MAX_ISSUE_PAGES}): is it one issue? --issue-key groups pages into issues",
                pages.len()
            ),
            pages: Vec::new(),
        });
    }
    Numbered { pages, numbers, warnings }
}

/// "A5" or "5".
pub fn display(n: &PageNumber) -> String {
    format!("{}{}", n.section.map(String::from).unwrap_or_default(), n.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_numbers_and_sections() {
        assert_eq!(from_file_name("2021/01/13/05.txt"), Some((5, None)));
        assert_eq!(from_file_name("A05.md"), Some((5, Some('A'))));
        assert_eq!(from_file_name("pages/p5.json"), Some((5, None)));
        assert_eq!(from_file_name("b/p5.json"), Some((5, Some('B'))));
        assert_eq!(from_file_name("page12.txt.gz"), Some((12, None)));
        assert_eq!(from_file_name("2021/01/13/B/01.txt"), Some((1, Some('B'))));
        assert_eq!(from_file_name("rmrb-2021-01-13-07.txt"), Some((7, None)));
        assert_eq!(from_file_name("front.txt"), None);
    }

    #[test]
    fn labels_give_sections() {
        assert_eq!(label_section("A4版"), Some('A'));
        assert_eq!(label_section("Ｂ3版"), Some('B'));
        assert_eq!(label_section("第五版"), None);
        assert_eq!(label_section("第3版"), None);
    }
}
