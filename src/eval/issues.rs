//! `banmian eval` on a set of whole issues (issue 17): linking precision and recall
//! beside the baseline that links by the 上接 page alone, and the joined stories'
//! similarity to the printed ones.
//!
//! The set (made by `evaluation/make_issues.py`, see evaluation/README.md "Issues"):
//!
//! ```text
//! SET/manifest.json
//! SET/<kind>/<id>/<NN>.<ext>             the issue's pages
//! SET/<kind>/<id>.issuegold.json         its gold (banmian.issuegold/1)
//! ```
//!
//! A set is an issue set when a kind folder (or the folder itself) holds an
//! `*.issuegold.json`. Each issue's pages go through the page pipeline and
//! [`crate::issue::build`]; each output page article is mapped to the gold part it
//! overlaps most (input lines on text pages, boxes on box pages). A predicted link
//! (consecutive parts of an output story) is correct when it maps to part k and part
//! k + 1 of one gold story. **Joined similarity**: for each gold story of two parts or
//! more whose parts were each read ≥ [`GOOD_PART`] similar to their gold halves, the
//! similarity of the output story holding its first part to the printed story.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{fold, read_file, similarity};
use crate::Pipeline;
use crate::issue::{self, PageInput, PartRef, link, number};

/// The schema tag of the issue report (`--json`).
pub const SCHEMA: &str = "banmian.evalissues/1";
/// The schema tag of an issue gold.
pub const GOLD_SCHEMA: &str = "banmian.issuegold/1";
/// A gold story counts in the joined similarity when each of its parts was read at
/// least this similar to its gold half (issue 17's condition).
pub const GOOD_PART: f64 = 0.98;
/// The metrics an issue floor may name (all minimums).
pub const METRICS: [&str; 4] = ["link_precision", "link_recall", "read_recall", "joined_similarity"];

/// An issue's gold.
#[derive(Debug, Clone, Deserialize)]
pub struct IssueGold {
    /// Must be [`GOLD_SCHEMA`].
    pub schema: String,
    /// The pages, by file name.
    pub pages: Vec<GoldPage>,
    /// Every story printed in the issue.
    pub stories: Vec<GoldStory>,
}

/// A page of an issue gold.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPage {
    /// File name in the issue's folder.
    pub file: String,
    /// Printed page number.
    pub number: u32,
}

/// A story of an issue gold.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldStory {
    /// Its printed headline.
    pub headline: String,
    /// The story as read, blocks joined by "\n".
    pub body: String,
    /// True for a same-topic distractor.
    #[serde(default)]
    pub distractor: bool,
    /// Its parts in reading order.
    pub parts: Vec<GoldPart>,
}

/// A part of a gold story.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPart {
    /// The page's file name.
    pub file: String,
    /// Text pages: 1-based `[first, last]` input lines.
    pub lines: Option<[usize; 2]>,
    /// Box pages: 0-based box indexes.
    pub boxes: Option<Vec<usize>>,
    /// The part's body as printed.
    pub body: String,
}

/// Scores of one issue.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IssueScore {
    /// Pages read.
    pub pages: usize,
    /// Gold links (parts − 1 over stories).
    pub gold_links: usize,
    /// Links banmian made.
    pub predicted_links: usize,
    /// Of those, correct.
    pub correct_links: usize,
    /// Links the 上接-page baseline made.
    pub baseline_links: usize,
    /// Of those, correct.
    pub baseline_correct: usize,
    /// Gold links whose two parts the page pipeline read right (each ≥ [`GOOD_PART`]
    /// similar to its gold half): the links linking alone answers for.
    pub read_links: usize,
    /// Of those, linked correctly.
    pub read_correct: usize,
    /// Gold stories of two parts or more.
    pub jumped_stories: usize,
    /// Of those, whose parts were each read ≥ [`GOOD_PART`] similar.
    pub qualified_stories: usize,
    /// Sum of the joined similarity over the qualified stories.
    pub joined_similarity_sum: f64,
    /// Sum of the joined similarity over all jumped stories.
    pub joined_similarity_all_sum: f64,
}

impl IssueScore {
    fn add(&mut self, o: &IssueScore) {
        self.pages += o.pages;
        self.gold_links += o.gold_links;
        self.predicted_links += o.predicted_links;
        self.correct_links += o.correct_links;
        self.baseline_links += o.baseline_links;
        self.baseline_correct += o.baseline_correct;
        self.read_links += o.read_links;
        self.read_correct += o.read_correct;
        self.jumped_stories += o.jumped_stories;
        self.qualified_stories += o.qualified_stories;
        self.joined_similarity_sum += o.joined_similarity_sum;
        self.joined_similarity_all_sum += o.joined_similarity_all_sum;
    }
}

/// One kind's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueKindReport {
    /// Kind folder name (`issue-text`, `issue-box`) or `overall`.
    pub kind: String,
    /// Issues scored.
    pub issues: usize,
    /// The summed counts.
    pub counts: IssueScore,
    /// correct / predicted links (`null` when none was predicted).
    pub link_precision: Option<f64>,
    /// correct / gold links.
    pub link_recall: Option<f64>,
    /// correct / gold links over the links whose parts were read right.
    pub read_recall: Option<f64>,
    /// The baseline's precision.
    pub baseline_precision: Option<f64>,
    /// The baseline's recall.
    pub baseline_recall: Option<f64>,
    /// Mean joined similarity over the qualified stories.
    pub joined_similarity: Option<f64>,
    /// Mean joined similarity over every jumped story.
    pub joined_similarity_all: Option<f64>,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

impl IssueKindReport {
    fn new(kind: &str, issues: usize, c: IssueScore) -> IssueKindReport {
        IssueKindReport {
            kind: kind.to_string(),
            issues,
            link_precision: ratio(c.correct_links, c.predicted_links),
            link_recall: ratio(c.correct_links, c.gold_links),
            read_recall: ratio(c.read_correct, c.read_links),
            baseline_precision: ratio(c.baseline_correct, c.baseline_links),
            baseline_recall: ratio(c.baseline_correct, c.gold_links),
            joined_similarity: (c.qualified_stories > 0).then(|| c.joined_similarity_sum / c.qualified_stories as f64),
            joined_similarity_all: (c.jumped_stories > 0).then(|| c.joined_similarity_all_sum / c.jumped_stories as f64),
            counts: c,
        }
    }

    /// A metric of [`METRICS`] by name.
    pub fn metric(&self, name: &str) -> Option<f64> {
        match name {
            "link_precision" => self.link_precision,
            "link_recall" => self.link_recall,
            "read_recall" => self.read_recall,
            "joined_similarity" => self.joined_similarity,
            _ => None,
        }
    }
}

/// A metric below its floor: `(kind, metric, value, bound)`; `value` is `None` when
/// nothing was scored.
pub type Below = (String, String, Option<f64>, f64);

/// One issue of the set and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueEntry {
    /// Kind folder.
    pub kind: String,
    /// Issue id (folder name).
    pub id: String,
    /// The scores, or `null` on error.
    pub score: Option<IssueScore>,
    /// The error, naming the file.
    pub error: Option<String>,
}

/// The report (`banmian.evalissues/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueReport {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// banmian's version.
    pub version: &'static str,
    /// The SET argument as given.
    pub set: String,
    /// The set's manifest.json, as is.
    pub manifest: Option<serde_json::Value>,
    /// Per kind, sorted by name.
    pub kinds: Vec<IssueKindReport>,
    /// All kinds pooled.
    pub overall: IssueKindReport,
    /// Per issue, in kind then id order.
    pub issues: Vec<IssueEntry>,
}

/// True when `set` is an issue set: it, or a kind folder in it, holds an `*.issuegold.json`.
pub fn is_issue_set(set: &Path) -> bool {
    let has = |d: &Path| fs::read_dir(d).is_ok_and(|r| r.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".issuegold.json")));
    has(set) || fs::read_dir(set).is_ok_and(|r| r.flatten().any(|e| e.path().is_dir() && has(&e.path())))
}

/// The issues of a set: (kind, id, gold path, pages folder), sorted.
fn walk(set: &Path) -> Vec<(String, String, PathBuf, PathBuf)> {
    let mut kinds: Vec<(String, PathBuf)> = Vec::new();
    let name = |p: &Path| p.canonicalize().ok().and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned())).unwrap_or_default();
    let holds = |d: &Path| fs::read_dir(d).is_ok_and(|r| r.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".issuegold.json")));
    if holds(set) {
        kinds.push((name(set), set.to_path_buf()));
    } else if let Ok(r) = fs::read_dir(set) {
        for e in r.flatten() {
            if e.path().is_dir() && !e.file_name().to_string_lossy().starts_with('.') {
                kinds.push((e.file_name().to_string_lossy().into_owned(), e.path()));
            }
        }
    }
    let mut out = Vec::new();
    for (kind, dir) in kinds {
        let Ok(r) = fs::read_dir(&dir) else { continue };
        for e in r.flatten() {
            let f = e.file_name().to_string_lossy().into_owned();
            if let Some(id) = f.strip_suffix(".issuegold.json") {
                out.push((kind.clone(), id.to_string(), e.path(), dir.join(id)));
            }
        }
    }
    out.sort();
    out
}

/// The gold part (story, part) an output article overlaps most on its page, if any.
fn map_part(gold: &IssueGold, file: &str, a: &crate::Article) -> Option<(usize, usize)> {
    let mut best: Option<((usize, usize), usize)> = None;
    for (s, story) in gold.stories.iter().enumerate() {
        for (k, part) in story.parts.iter().enumerate().filter(|(_, p)| p.file == file) {
            let overlap = match (&part.boxes, &a.provenance.boxes, part.lines) {
                (Some(gb), Some(ab), _) => ab.iter().filter(|b| gb.contains(b)).count(),
                (_, _, Some([f, l])) => {
                    let (af, al) = (a.lines[0].max(f), a.lines[1].min(l));
                    if al >= af { al - af + 1 } else { 0 }
                }
                _ => 0,
            };
            if overlap > 0 && best.is_none_or(|(_, o)| overlap > o) {
                best = Some(((s, k), overlap));
            }
        }
    }
    best.map(|(r, _)| r)
}

/// Runs and scores one issue. Errors name the file.
pub fn score_issue(pipeline: &Pipeline, gold_path: &Path, dir: &Path) -> Result<IssueScore, String> {
    let gold: IssueGold =
        serde_json::from_slice(&read_file(gold_path)?).map_err(|e| format!("{}: not an issue gold: {e}", gold_path.display()))?;
    if gold.schema != GOLD_SCHEMA {
        return Err(format!("{}: schema {:?}, not {GOLD_SCHEMA}", gold_path.display(), gold.schema));
    }
    let inputs: Vec<PageInput> = gold
        .pages
        .par_iter()
        .map(|p| {
            let path = dir.join(&p.file);
            let page = read_file(&path).and_then(|b| pipeline.process_bytes(&p.file, &b).map_err(|e| e.with_path(&path).to_string()));
            PageInput { source: p.file.clone(), page }
        })
        .collect();
    if let Some(e) = inputs.iter().find_map(|i| i.page.as_ref().err()) {
        return Err(e.clone());
    }
    let ordered = number::order(inputs.iter().filter_map(|i| i.page.as_ref().ok().map(|p| (i.source.clone(), p.clone()))).collect());
    let baseline = link::baseline(&ordered.pages, &ordered.numbers);
    let built = issue::build(&gold.pages.first().map(|p| p.file.clone()).unwrap_or_default(), inputs);
    let map = |r: PartRef| -> Option<(usize, usize)> {
        let page = built.pages.get(r.page)?;
        map_part(&gold, &page.source, page.articles.get(r.article)?)
    };
    let correct = |a: PartRef, b: PartRef| matches!((map(a), map(b)), (Some((s1, k1)), Some((s2, k2))) if s1 == s2 && k2 == k1 + 1);
    let mut sc = IssueScore { pages: built.pages.len(), ..IssueScore::default() };
    sc.gold_links = gold.stories.iter().map(|s| s.parts.len().saturating_sub(1)).sum();
    for story in &built.articles {
        for w in story.parts.windows(2) {
            sc.predicted_links += 1;
            sc.correct_links += usize::from(correct(w[0], w[1]));
        }
    }
    // The baseline's pages are in the same order as the issue's (one sort).
    sc.baseline_links = baseline.len();
    sc.baseline_correct = baseline.iter().filter(|(a, b)| correct(*a, *b)).count();
    // Joined stories.
    let mut found: BTreeMap<(usize, usize), (PartRef, f64)> = BTreeMap::new();
    for (p, page) in built.pages.iter().enumerate() {
        for (a, art) in page.articles.iter().enumerate() {
            let r = PartRef { page: p, article: a };
            if let Some((s, k)) = map(r) {
                let sim = similarity(&fold(&art.text), &fold(&gold.stories[s].parts[k].body));
                if found.get(&(s, k)).is_none_or(|(_, best)| sim > *best) {
                    found.insert((s, k), (r, sim));
                }
            }
        }
    }
    let mut predicted: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for story in &built.articles {
        for w in story.parts.windows(2) {
            if let (Some(a), Some(b)) = (map(w[0]), map(w[1])) {
                predicted.push((a, b));
            }
        }
    }
    let read = |s: usize, k: usize| found.get(&(s, k)).is_some_and(|(_, sim)| *sim >= GOOD_PART);
    for (s, story) in gold.stories.iter().enumerate() {
        for k in 0..story.parts.len().saturating_sub(1) {
            if read(s, k) && read(s, k + 1) {
                sc.read_links += 1;
                sc.read_correct += usize::from(predicted.contains(&((s, k), (s, k + 1))));
            }
        }
    }
    for (s, story) in gold.stories.iter().enumerate().filter(|(_, s)| s.parts.len() > 1) {
        sc.jumped_stories += 1;
        let joined = found
            .get(&(s, 0))
            .and_then(|(r, _)| built.story_of(*r))
            .map_or(0.0, |i| similarity(&fold(&built.articles[i].text), &fold(&story.body)));
        sc.joined_similarity_all_sum += joined;
        let qualified = (0..story.parts.len()).all(|k| read(s, k));
        if qualified {
            sc.qualified_stories += 1;
            sc.joined_similarity_sum += joined;
        }
    }
    Ok(sc)
}

/// Scores every issue of an issue set, in parallel (the report does not depend on the
/// number of threads). Errors: the set is not a folder or holds no issue.
pub fn evaluate(pipeline: &Pipeline, set: &Path) -> Result<IssueReport, String> {
    let issues = walk(set);
    if issues.is_empty() {
        return Err(format!("{}: no issues (no <id>.issuegold.json)", set.display()));
    }
    let results: Vec<Result<IssueScore, String>> = issues.par_iter().map(|(_, _, g, d)| score_issue(pipeline, g, d)).collect();
    let mut per_kind: BTreeMap<String, (usize, IssueScore)> = BTreeMap::new();
    let mut all = IssueScore::default();
    let mut n_all = 0;
    let mut entries = Vec::new();
    for ((kind, id, _, _), r) in issues.iter().zip(results) {
        match r {
            Ok(sc) => {
                let e = per_kind.entry(kind.clone()).or_default();
                e.0 += 1;
                e.1.add(&sc);
                all.add(&sc);
                n_all += 1;
                entries.push(IssueEntry { kind: kind.clone(), id: id.clone(), score: Some(sc), error: None });
            }
            Err(e) => entries.push(IssueEntry { kind: kind.clone(), id: id.clone(), score: None, error: Some(e) }),
        }
    }
    let manifest = fs::read(set.join("manifest.json")).ok().and_then(|b| serde_json::from_slice(&b).ok());
    Ok(IssueReport {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        set: set.display().to_string(),
        manifest,
        kinds: per_kind.into_iter().map(|(k, (n, c))| IssueKindReport::new(&k, n, c)).collect(),
        overall: IssueKindReport::new("overall", n_all, all),
        issues: entries,
    })
}

impl IssueReport {
    /// The table: one row per kind and `overall`, percentages.
    pub fn table(&self) -> String {
        let pct = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |v| format!("{:.1}", v * 100.0));
        let mut s = format!(
            "{:<12} {:>6} {:>5} {:>5} {:>6} {:>7} {:>6} {:>6} {:>9} {:>9} {:>9} {:>7} {:>6} {:>6}\n",
            "kind",
            "issues",
            "pages",
            "jumps",
            "linked",
            "correct",
            "prec",
            "recall",
            "read_rec",
            "base_prec",
            "base_rec",
            "stories",
            "joined",
            "all"
        );
        for k in self.kinds.iter().chain(std::iter::once(&self.overall)) {
            let c = &k.counts;
            s.push_str(&format!(
                "{:<12} {:>6} {:>5} {:>5} {:>6} {:>7} {:>6} {:>6} {:>9} {:>9} {:>9} {:>7} {:>6} {:>6}\n",
                k.kind,
                k.issues,
                c.pages,
                c.gold_links,
                c.predicted_links,
                c.correct_links,
                pct(k.link_precision),
                pct(k.link_recall),
                format!("{}/{}", k.counts.read_correct, k.counts.read_links),
                pct(k.baseline_precision),
                pct(k.baseline_recall),
                format!("{}/{}", c.qualified_stories, c.jumped_stories),
                pct(k.joined_similarity),
                pct(k.joined_similarity_all)
            ));
        }
        s
    }

    /// The metrics below `floor` (`banmian.evalfloor/1` with [`METRICS`]): `(kind,
    /// metric, value, bound)`. Errors: the floor is not of that shape or names another metric.
    pub fn below(&self, floor: &[u8]) -> Result<Vec<Below>, String> {
        #[derive(Deserialize)]
        struct F {
            schema: String,
            kinds: BTreeMap<String, BTreeMap<String, f64>>,
        }
        let f: F = serde_json::from_slice(floor).map_err(|e| e.to_string())?;
        if f.schema != super::report::FLOOR_SCHEMA {
            return Err(format!("schema {:?}, not {}", f.schema, super::report::FLOOR_SCHEMA));
        }
        let mut below = Vec::new();
        for (kind, metrics) in &f.kinds {
            let k = self.kinds.iter().chain(std::iter::once(&self.overall)).find(|k| &k.kind == kind);
            for (m, bound) in metrics {
                if !METRICS.contains(&m.as_str()) {
                    return Err(format!("unknown metric {m:?} (an issue floor names {})", METRICS.join(", ")));
                }
                let v = k.and_then(|k| k.metric(m));
                if v.is_none_or(|v| v < *bound) {
                    below.push((kind.clone(), m.clone(), v, *bound));
                }
            }
        }
        Ok(below)
    }
}
