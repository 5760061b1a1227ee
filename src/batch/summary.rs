//! The run's counts, written by `--summary-json`.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::Page;

use super::walk::Walk;

/// A failed page: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The input file (or `stdin:LINE` for a JSONL stream).
    pub source: String,
    /// The error, as printed.
    pub message: String,
}

/// A file a folder run did not take as a page: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedFile {
    /// The file, relative to the input root.
    pub source: String,
    /// Why it is not a page (what it looks like, or its extension), as a phrase.
    pub reason: String,
}

/// Counts for a run; written by `--summary-json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Pages found.
    pub pages: u64,
    /// Pages processed and written.
    pub processed: u64,
    /// Pages skipped by `--resume` because their outputs were up to date: the input and
    /// every output are still what the run that wrote them recorded
    /// (`OUT/.banmian/pages.jsonl`). A file of several pages counts each page.
    pub up_to_date: u64,
    /// Pages that failed.
    pub failed: u64,
    /// Files that are not pages, skipped.
    pub skipped_files: u64,
    /// Articles in the processed pages.
    pub articles: u64,
    /// `removed` entries in the processed pages.
    pub removed: u64,
    /// Warnings (page and article) in the processed pages.
    pub warnings: u64,
    /// Input bytes processed.
    pub bytes: u64,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Pages processed per second.
    pub pages_per_second: f64,
    /// Input megabytes (10^6 bytes) processed per second.
    pub mb_per_second: f64,
    /// What failed, in input order.
    pub failures: Vec<Failure>,
    /// Why a `--resume` folder run redid every page (the options recorded in
    /// `OUT/.banmian/run.json` differ from this run's, or there is no record), or null.
    pub redone: Option<String>,
    /// Folders and links that could not be walked (symlink loops, permissions):
    /// reported, but not page failures.
    pub problems: Vec<Failure>,
    /// The files counted in `skipped_files`, in walk order, with the reason.
    #[serde(default)]
    pub skipped: Vec<SkippedFile>,
    /// Articles in the pages kept by `--resume` (`up_to_date`), as the run that wrote
    /// them counted; `articles` + `up_to_date_articles` is the folder's total.
    #[serde(default)]
    pub up_to_date_articles: u64,
    /// `removed` entries in the pages kept by `--resume`.
    #[serde(default)]
    pub up_to_date_removed: u64,
    /// Warnings (page and article) in the pages kept by `--resume`.
    #[serde(default)]
    pub up_to_date_warnings: u64,
    /// Hidden files and folders (names starting with a dot) the walk did not read
    /// (`--hidden` reads them); a hidden folder counts once.
    #[serde(default)]
    pub hidden_skipped: u64,
    /// Temporary files (`.banmian-XXXXXX.tmp`) a killed run left in the output folder,
    /// removed before this run wrote anything.
    #[serde(default)]
    pub temporaries_removed: u64,
}

/// `n` and the noun, singular for 1 (`1 page`, `2 pages`, `0 pages`): `many` is the
/// plural form (English plurals of banmian's nouns are not all `+s`: `1 entry`).
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the summary counts of a file's pages: a result waiting for its turn in the
/// batch's window holds this rather than the pages themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Pages (more than one for a file of several pages).
    pub pages: u64,
    /// Articles in them.
    pub articles: u64,
    /// Texts in their `removed`.
    pub removed: u64,
    /// Warnings, the pages' and their articles'.
    pub warnings: u64,
}

impl Tally {
    /// The tally of `pages`.
    pub(crate) fn of(pages: &[Page]) -> Tally {
        Tally {
            pages: pages.len() as u64,
            articles: pages.iter().map(|p| p.articles.len() as u64).sum(),
            removed: pages.iter().map(|p| p.removed.len() as u64).sum(),
            warnings: pages.iter().map(|p| (p.warnings.len() + p.articles.iter().map(|a| a.warnings.len()).sum::<usize>()) as u64).sum(),
        }
    }
}

impl Summary {
    pub(crate) fn for_walk(walk: &Walk) -> Summary {
        Summary {
            pages: walk.pages.len() as u64,
            skipped_files: walk.skipped.len() as u64,
            hidden_skipped: walk.hidden.len() as u64,
            skipped: walk.skipped.iter().map(|s| SkippedFile { source: s.path.display().to_string(), reason: s.reason.clone() }).collect(),
            problems: walk
                .problems
                .iter()
                .map(|e| Failure {
                    source: e.position().path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                    message: e.to_string(),
                })
                .collect(),
            ..Summary::default()
        }
    }

    /// Records one processed page of `bytes` input bytes (for callers that process
    /// pages themselves, such as a one-page run).
    pub fn record_one(&mut self, page: &Page, bytes: u64) {
        self.pages += 1;
        self.count(page, bytes);
    }

    pub(crate) fn count(&mut self, page: &Page, bytes: u64) {
        self.count_pages(Tally::of(std::slice::from_ref(page)), bytes);
    }

    /// Records the pages of one file of `bytes` input bytes, by their [`Tally`]: each
    /// page processed, and a file of several pages adds its pages after the first to
    /// `pages` (which the walk set to its count of files).
    pub(crate) fn count_pages(&mut self, t: Tally, bytes: u64) {
        self.pages += t.pages.saturating_sub(1);
        self.processed += t.pages;
        if t.pages > 0 {
            self.bytes += bytes;
        }
        self.articles += t.articles;
        self.removed += t.removed;
        self.warnings += t.warnings;
    }

    pub(crate) fn fail(&mut self, source: String, e: &Error) {
        self.failed += 1;
        self.failures.push(Failure { source, message: e.to_string() });
    }

    /// One line for stderr naming the first `few` skipped files with their reasons
    /// (`3 files skipped: a.png (an image …); b.json (…); and 1 more, listed by
    /// --summary-json`); `None` when none was skipped.
    pub fn skipped_note(&self, few: usize) -> Option<String> {
        if self.skipped.is_empty() {
            return None;
        }
        let named: Vec<String> = self.skipped.iter().take(few).map(|s| format!("{} ({})", s.source, s.reason)).collect();
        let more = self.skipped.len().saturating_sub(few);
        let tail = if more > 0 { format!("; and {more} more, listed by --summary-json") } else { String::new() };
        Some(format!("{} skipped: {}{tail}", count(self.skipped.len() as u64, "file", "files"), named.join("; ")))
    }

    /// One line for stderr when the walk found no page but passed over hidden files or
    /// folders (a folder whose only entries are hidden): says so, and that `--hidden`
    /// reads them; `None` otherwise.
    pub fn hidden_note(&self) -> Option<String> {
        (self.pages == 0 && self.hidden_skipped > 0).then(|| {
            let n = self.hidden_skipped;
            format!(
                "no page found: {} (names starting with a dot) {} not read; --hidden reads {}",
                count(n, "hidden file or folder", "hidden files and folders"),
                if n == 1 { "was" } else { "were" },
                if n == 1 { "it" } else { "them" }
            )
        })
    }

    /// The run's counts in one line for stderr (`3 pages: 2 processed, 1 up to date, 0
    /// failed; …`), each noun singular or plural as its number asks. After `--resume`,
    /// the pages kept are counted too: their articles, `removed` entries and warnings
    /// are given apart, as `up to date: …`.
    pub fn line(&self) -> String {
        let mut s = format!(
            "{}: {} processed, {} up to date, {} failed; {}, {} removed, {}",
            count(self.pages, "page", "pages"),
            self.processed,
            self.up_to_date,
            self.failed,
            count(self.articles, "article", "articles"),
            self.removed,
            count(self.warnings, "warning", "warnings"),
        );
        if self.up_to_date > 0 {
            s += &format!(
                " (up to date: {}, {} removed, {})",
                count(self.up_to_date_articles, "article", "articles"),
                self.up_to_date_removed,
                count(self.up_to_date_warnings, "warning", "warnings")
            );
        }
        s += &format!("; {} skipped", count(self.skipped_files, "other file", "other files"));
        if self.hidden_skipped > 0 {
            s += &format!(" and {} not read (--hidden)", count(self.hidden_skipped, "hidden entry", "hidden entries"));
        }
        if self.temporaries_removed > 0 {
            s += &format!(
                "; {} a killed run left removed",
                count(self.temporaries_removed, "temporary file (.banmian-*.tmp)", "temporary files (.banmian-*.tmp)")
            );
        }
        s + &format!("; {:.2} s, {:.1} pages/s, {:.2} MB/s", self.seconds, self.pages_per_second, self.mb_per_second)
    }

    /// Records `done`'s pages, kept by `--resume` without being read again.
    pub(crate) fn keep(&mut self, done: &super::record::Done) {
        self.pages += done.pages.saturating_sub(1);
        self.up_to_date += done.pages;
        self.up_to_date_articles += done.articles;
        self.up_to_date_removed += done.removed;
        self.up_to_date_warnings += done.warnings;
    }

    /// Skips a file of [`Walk::candidates`] found not to be a page when read: it leaves
    /// the pages and joins `skipped`, in walk order.
    pub(crate) fn skip(&mut self, rel: &std::path::Path, reason: String) {
        self.pages = self.pages.saturating_sub(1);
        self.skipped_files += 1;
        let at = self.skipped.partition_point(|s| std::path::Path::new(&s.source) < rel);
        self.skipped.insert(at, SkippedFile { source: rel.display().to_string(), reason });
    }

    pub(crate) fn time(&mut self, start: Instant) {
        self.seconds = start.elapsed().as_secs_f64();
        if self.seconds > 0.0 {
            self.pages_per_second = self.processed as f64 / self.seconds;
            self.mb_per_second = self.bytes as f64 / 1e6 / self.seconds;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_agree_with_their_numbers() {
        let one = Summary { pages: 1, processed: 1, articles: 1, warnings: 1, skipped_files: 1, hidden_skipped: 1, ..Summary::default() };
        let line = one.line();
        assert!(
            line.starts_with("1 page: 1 processed, 0 up to date, 0 failed; 1 article, 0 removed, 1 warning; 1 other file skipped and 1 hidden entry not read (--hidden); "),
            "{line}"
        );
        let two = Summary { pages: 2, processed: 0, up_to_date: 2, up_to_date_articles: 5, skipped_files: 2, ..Summary::default() };
        assert!(
            two.line().starts_with(
                "2 pages: 0 processed, 2 up to date, 0 failed; 0 articles, 0 removed, 0 warnings (up to date: 5 articles, 0 removed, 0 warnings); 2 other files skipped; "
            ),
            "{}",
            two.line()
        );
        assert_eq!(count(1, "entry", "entries"), "1 entry");
        assert_eq!(count(0, "entry", "entries"), "0 entries");
    }

    #[test]
    fn a_folder_of_hidden_entries_says_so() {
        let s = Summary { hidden_skipped: 2, ..Summary::default() };
        assert_eq!(
            s.hidden_note().as_deref(),
            Some("no page found: 2 hidden files and folders (names starting with a dot) were not read; --hidden reads them")
        );
        assert_eq!(Summary { pages: 1, hidden_skipped: 2, ..Summary::default() }.hidden_note(), None);
    }
}
