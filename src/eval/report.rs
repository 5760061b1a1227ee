//! The eval report: the table per kind and overall, the `banmian.eval/1` JSON, and
//! the floor (`evaluation/floor.json`) it is checked against.
//!
//! Aggregation over the pages of a kind: `found_rate`, `body_similarity`,
//! `bodies_0_9`, `layout_similarity` and the field accuracies are over gold
//! articles (every gold article of every scored page weighs the same; a missing
//! article counts as not found, body 0, fields wrong); `reading_order` and
//! `assignment_f1` are means over the pages whose gold has an `order` (each page
//! weighs the same, as in OmniDocBench). `overall` pools every scored page of every
//! kind. A value is `null` when nothing was there to score.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::score::{FIELDS, PageScore};
use super::{Outcome, SetPage};

/// The schema tag of the report.
pub const SCHEMA: &str = "banmian.eval/1";

/// The schema tag of a floor file.
pub const FLOOR_SCHEMA: &str = "banmian.evalfloor/1";

/// The metrics a floor may name, as [`KindReport::metric`] reads them. All are
/// minimums except `reading_order`, a maximum (lower is better).
pub const METRICS: [&str; 14] = [
    "found_rate",
    "body_similarity",
    "bodies_0_9",
    "layout_similarity",
    "reading_order",
    "assignment_f1",
    "kicker",
    "headline",
    "subheadline",
    "rubric",
    "byline",
    "dateline",
    "authors",
    "jumps",
];

/// The whole report, written as `banmian.eval/1` JSON by `--json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// banmian's version (Cargo package version).
    pub version: &'static str,
    /// The set folder as given on the command line.
    pub set: String,
    /// The set's `manifest.json` as is, or `null` when it has none.
    pub manifest: Option<Value>,
    /// One entry per kind folder, sorted by name.
    pub kinds: Vec<KindReport>,
    /// Every scored page of every kind pooled (`kind` is `"overall"`).
    pub overall: KindReport,
    /// One entry per page, in kind then id order.
    pub pages: Vec<PageReport>,
    /// Files that could not be read (each message names its file); exit status 1.
    pub errors: Vec<FileError>,
    /// The floor check, when `--floor` was given.
    pub floor: Option<FloorCheck>,
}

/// A file eval could not read or parse.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileError {
    /// The message, naming the file.
    pub error: String,
}

/// Scores of one kind (or of all, `overall`). Rates and similarities are in 0..=1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindReport {
    /// The kind folder's name, or `"overall"`.
    pub kind: String,
    /// `"scored"`, or `"not_read_yet"` when none of its pages is in a format banmian reads.
    pub status: &'static str,
    /// Pages found (gold files).
    pub pages: usize,
    /// Pages run and scored.
    pub scored: usize,
    /// Pages in a format banmian does not read yet.
    pub not_read_yet: usize,
    /// Pages whose files could not be read.
    pub errors: usize,
    /// Gold articles on the scored pages.
    pub articles: usize,
    /// Articles banmian wrote for the scored pages.
    pub output_articles: usize,
    /// Gold articles found.
    pub found: usize,
    /// `found / articles`.
    pub found_rate: Option<f64>,
    /// Mean over gold articles of the body similarity of its match (0 when none).
    pub body_similarity: Option<f64>,
    /// Share of gold articles whose match's body is at least 0.9 similar.
    pub bodies_0_9: Option<f64>,
    /// Mean over gold articles with an `oracle` of the output body's similarity to it.
    pub layout_similarity: Option<f64>,
    /// Mean over pages with an `order` of the reading-order distance (lower is better).
    pub reading_order: Option<f64>,
    /// Mean over pages with an `order` of the pairwise block-to-article F1.
    pub assignment_f1: Option<f64>,
    /// Field accuracy: share of gold articles whose field matches (folded exact).
    pub fields: Fields,
}

/// Field accuracies, each the share of gold articles whose field matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Fields {
    /// 引题.
    pub kicker: Option<f64>,
    /// 主题.
    pub headline: Option<f64>,
    /// 副题.
    pub subheadline: Option<f64>,
    /// 栏目.
    pub rubric: Option<f64>,
    /// The credit line.
    pub byline: Option<f64>,
    /// The dateline.
    pub dateline: Option<f64>,
    /// Names in order, with the gold's roles and orgs (check_gold.py's rule).
    pub authors: Option<f64>,
    /// `(direction, page)` of each jump in order.
    pub jumps: Option<f64>,
}

impl Fields {
    fn get(&self, i: usize) -> Option<f64> {
        [self.kicker, self.headline, self.subheadline, self.rubric, self.byline, self.dateline, self.authors, self.jumps][i]
    }
}

/// One page of the set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageReport {
    /// Kind folder.
    pub kind: String,
    /// Page id.
    pub id: String,
    /// `"scored"`, `"not_read_yet"` or `"error"`.
    pub status: &'static str,
    /// The error, for `"error"`.
    pub error: Option<String>,
    /// The scores, for `"scored"`.
    pub score: Option<PageScore>,
}

/// Sums over pages, turned into a [`KindReport`].
#[derive(Default)]
struct Acc {
    pages: usize,
    scored: usize,
    not_read_yet: usize,
    errors: usize,
    articles: usize,
    output_articles: usize,
    found: usize,
    bodies_0_9: usize,
    fields: [usize; 8],
    body: f64,
    oracles: usize,
    layout: f64,
    ordered: usize,
    order: f64,
    f1: f64,
}

impl Acc {
    fn add(&mut self, outcome: &Outcome) {
        self.pages += 1;
        match outcome {
            Outcome::NotReadYet => self.not_read_yet += 1,
            Outcome::Error(_) => self.errors += 1,
            Outcome::Scored(s) => {
                self.scored += 1;
                self.articles += s.articles;
                self.output_articles += s.output_articles;
                self.found += s.found;
                self.bodies_0_9 += s.bodies_0_9;
                for (a, b) in self.fields.iter_mut().zip(s.fields) {
                    *a += b;
                }
                self.body += s.body_similarity_sum;
                self.oracles += s.oracles;
                self.layout += s.layout_similarity_sum;
                if let (Some(o), Some(f)) = (s.reading_order, s.assignment_f1) {
                    self.ordered += 1;
                    self.order += o;
                    self.f1 += f;
                }
            }
        }
    }

    fn report(&self, kind: &str) -> KindReport {
        let per = |x: f64, n: usize| (n > 0).then(|| x / n as f64);
        let field = |i: usize| per(self.fields[i] as f64, self.articles);
        KindReport {
            kind: kind.to_string(),
            status: if self.scored == 0 && self.not_read_yet > 0 { "not_read_yet" } else { "scored" },
            pages: self.pages,
            scored: self.scored,
            not_read_yet: self.not_read_yet,
            errors: self.errors,
            articles: self.articles,
            output_articles: self.output_articles,
            found: self.found,
            found_rate: per(self.found as f64, self.articles),
            body_similarity: per(self.body, self.articles),
            bodies_0_9: per(self.bodies_0_9 as f64, self.articles),
            layout_similarity: per(self.layout, self.oracles),
            reading_order: per(self.order, self.ordered),
            assignment_f1: per(self.f1, self.ordered),
            fields: Fields {
                kicker: field(0),
                headline: field(1),
                subheadline: field(2),
                rubric: field(3),
                byline: field(4),
                dateline: field(5),
                authors: field(6),
                jumps: field(7),
            },
        }
    }
}

impl KindReport {
    /// The value of a floor metric ([`METRICS`]); `None` for an unknown name or a
    /// `null` value.
    pub fn metric(&self, name: &str) -> Option<f64> {
        match name {
            "found_rate" => self.found_rate,
            "body_similarity" => self.body_similarity,
            "bodies_0_9" => self.bodies_0_9,
            "layout_similarity" => self.layout_similarity,
            "reading_order" => self.reading_order,
            "assignment_f1" => self.assignment_f1,
            f => FIELDS.iter().position(|x| *x == f).and_then(|i| self.fields.get(i)),
        }
    }
}

impl Report {
    /// Builds the report from the pages and their outcomes (same order).
    pub fn build(set: &Path, manifest: Option<Value>, pages: &[SetPage], outcomes: Vec<Outcome>) -> Report {
        let mut kinds: BTreeMap<&str, Acc> = BTreeMap::new();
        let mut overall = Acc::default();
        let mut errors = Vec::new();
        let mut page_reports = Vec::with_capacity(pages.len());
        for (p, o) in pages.iter().zip(outcomes) {
            kinds.entry(&p.kind).or_default().add(&o);
            if !matches!(o, Outcome::NotReadYet) {
                overall.add(&o);
            }
            let (status, error, score) = match o {
                Outcome::Scored(s) => ("scored", None, Some(s)),
                Outcome::NotReadYet => ("not_read_yet", None, None),
                Outcome::Error(e) => {
                    errors.push(FileError { error: e.clone() });
                    ("error", Some(e), None)
                }
            };
            page_reports.push(PageReport { kind: p.kind.clone(), id: p.id.clone(), status, error, score });
        }
        Report {
            schema: SCHEMA,
            version: env!("CARGO_PKG_VERSION"),
            set: set.display().to_string(),
            manifest,
            kinds: kinds.iter().map(|(k, a)| a.report(k)).collect(),
            overall: overall.report("overall"),
            pages: page_reports,
            errors,
            floor: None,
        }
    }

    /// The kind's report (`"overall"` included).
    pub fn kind(&self, kind: &str) -> Option<&KindReport> {
        if kind == "overall" { Some(&self.overall) } else { self.kinds.iter().find(|k| k.kind == kind) }
    }

    /// The table printed by `banmian eval`: one row per kind and `overall`, scores
    /// then field accuracies, values as percentages (reading order as a distance
    /// in 0..1), `-` for nothing to score, and "not read yet" for such kinds.
    pub fn table(&self) -> String {
        let pct = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{:.1}", v * 100.0));
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<20} {:>5} {:>8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "kind",
            "pages",
            "articles",
            "found",
            "body",
            "body90",
            "layout",
            "order",
            "F1",
            "kicker",
            "head",
            "subhd",
            "rubric",
            "byline",
            "dateln",
            "author",
            "jumps"
        );
        for k in self.kinds.iter().chain(std::iter::once(&self.overall)) {
            if k.status == "not_read_yet" {
                let _ = writeln!(s, "{:<20} {:>5} not read yet", k.kind, k.pages);
                continue;
            }
            let order = k.reading_order.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"));
            let _ = write!(
                s,
                "{:<20} {:>5} {:>8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}  ",
                k.kind,
                k.scored,
                k.articles,
                pct(k.found_rate),
                pct(k.body_similarity),
                pct(k.bodies_0_9),
                pct(k.layout_similarity),
                order,
                pct(k.assignment_f1)
            );
            for i in 0..FIELDS.len() {
                let _ = write!(s, " {:>6}", pct(k.fields.get(i)));
            }
            s.push('\n');
            if k.errors > 0 {
                let _ = writeln!(s, "{:<20} {:>5} unreadable", "", k.errors);
            }
        }
        s
    }
}

/// Kinds reported but not targeted (issue 12: Tesseract text of multi-column pages
/// interleaves its columns); [`Report::floor_at`] leaves them out.
pub const NOT_TARGETED: [&str; 1] = ["tesseract-multicol"];

/// The metrics [`Report::floor_at`] writes: the page-level scores; field accuracies
/// are reported but not gated.
pub const FLOOR_METRICS: [&str; 6] = ["found_rate", "body_similarity", "bodies_0_9", "layout_similarity", "reading_order", "assignment_f1"];

/// A floor file (`evaluation/floor.json`, schema [`FLOOR_SCHEMA`]): per kind (or
/// `overall`) the least value of each named metric ([`METRICS`]), the most for
/// `reading_order`. Other top-level members are allowed and ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Floor {
    /// Must be [`FLOOR_SCHEMA`].
    pub schema: String,
    /// Where the figures came from, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Kind → metric → bound.
    pub kinds: BTreeMap<String, BTreeMap<String, f64>>,
}

impl Floor {
    /// Parses a floor file. Errors: not JSON of this shape, another schema, or a
    /// metric not in [`METRICS`] (the message names it).
    pub fn parse(bytes: &[u8]) -> Result<Floor, String> {
        let floor: Floor = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if floor.schema != FLOOR_SCHEMA {
            return Err(format!("schema is {:?}, not {FLOOR_SCHEMA:?}", floor.schema));
        }
        for (kind, metrics) in &floor.kinds {
            for m in metrics.keys() {
                if !METRICS.contains(&m.as_str()) {
                    return Err(format!("kind {kind:?}: unknown metric {m:?} (known: {})", METRICS.join(", ")));
                }
            }
        }
        Ok(floor)
    }
}

impl Report {
    /// A floor at this report's figures less `margin` (more, for `reading_order`),
    /// rounded outwards to hundredths and kept in 0..=1: for every scored kind with gold
    /// articles but those of [`NOT_TARGETED`], and `overall`, each metric of
    /// [`FLOOR_METRICS`] that has a value. What `banmian eval SET --write-floor FILE`
    /// writes; the committed floor is raised this way, never lowered.
    pub fn floor_at(&self, margin: f64) -> Floor {
        let mut kinds = BTreeMap::new();
        for k in self.kinds.iter().chain(std::iter::once(&self.overall)) {
            if k.scored == 0 || k.articles == 0 || NOT_TARGETED.contains(&k.kind.as_str()) {
                continue;
            }
            let mut metrics = BTreeMap::new();
            for m in FLOOR_METRICS {
                if let Some(v) = k.metric(m) {
                    let bound = if m == "reading_order" {
                        (((v + margin) * 100.0 - 1e-9).ceil() / 100.0).min(1.0)
                    } else {
                        (((v - margin) * 100.0 + 1e-9).floor() / 100.0).max(0.0)
                    };
                    metrics.insert(m.to_string(), bound);
                }
            }
            kinds.insert(k.kind.clone(), metrics);
        }
        Floor { schema: FLOOR_SCHEMA.to_string(), note: None, kinds }
    }
}

/// The floor check written into the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FloorCheck {
    /// The floor file as given.
    pub file: String,
    /// True when no metric is below its floor.
    pub passed: bool,
    /// Each metric below its floor (above it, for `reading_order`).
    pub below: Vec<Below>,
}

/// One metric that fell below its floor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Below {
    /// Kind (or `overall`).
    pub kind: String,
    /// Metric name ([`METRICS`]).
    pub metric: String,
    /// Its value; `null` when the kind has no scored page or nothing to score.
    pub value: Option<f64>,
    /// The floor (the ceiling, for `reading_order`).
    pub floor: f64,
}

impl Report {
    /// Checks the report against a floor and records the result in `self.floor`;
    /// returns true when it passed. A kind of the floor with no scored page, or a
    /// metric with nothing to score, is below its floor: a floor is never passed by
    /// having nothing to measure.
    pub fn check_floor(&mut self, floor: &Floor, file: &str) -> bool {
        let mut below = Vec::new();
        for (kind, metrics) in &floor.kinds {
            for (metric, &bound) in metrics {
                let value = self.kind(kind).filter(|k| k.scored > 0).and_then(|k| k.metric(metric));
                let ok = match value {
                    None => false,
                    Some(v) if metric == "reading_order" => v <= bound,
                    Some(v) => v >= bound,
                };
                if !ok {
                    below.push(Below { kind: kind.clone(), metric: metric.clone(), value, floor: bound });
                }
            }
        }
        let passed = below.is_empty();
        self.floor = Some(FloorCheck { file: file.to_string(), passed, below });
        passed
    }
}
