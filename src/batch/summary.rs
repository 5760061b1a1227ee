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
    /// Pages skipped by `--resume` because their output was up to date.
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
}

impl Summary {
    pub(crate) fn for_walk(walk: &Walk) -> Summary {
        Summary {
            pages: walk.pages.len() as u64,
            skipped_files: walk.skipped.len() as u64,
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
        self.processed += 1;
        self.bytes += bytes;
        self.articles += page.articles.len() as u64;
        self.removed += page.removed.len() as u64;
        self.warnings += (page.warnings.len() + page.articles.iter().map(|a| a.warnings.len()).sum::<usize>()) as u64;
    }

    /// Records the pages of one file of `bytes` input bytes: each page processed, and a
    /// file of several pages adds its pages after the first to `pages` (which the walk set
    /// to its count of files).
    pub(crate) fn count_pages(&mut self, pages: &[Page], bytes: u64) {
        self.pages += pages.len().saturating_sub(1) as u64;
        for (i, page) in pages.iter().enumerate() {
            self.count(page, if i == 0 { bytes } else { 0 });
        }
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
        let n = self.skipped.len();
        Some(format!("{n} file{} skipped: {}{tail}", if n == 1 { "" } else { "s" }, named.join("; ")))
    }

    pub(crate) fn time(&mut self, start: Instant) {
        self.seconds = start.elapsed().as_secs_f64();
        if self.seconds > 0.0 {
            self.pages_per_second = self.processed as f64 / self.seconds;
            self.mb_per_second = self.bytes as f64 / 1e6 / self.seconds;
        }
    }
}
