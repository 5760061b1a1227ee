//! The benchmark corpus and the throughput report, shared by the bench files and by
//! `examples/bench_corpus.rs` (which writes the same corpus to disk for
//! `benches/compare.sh`).
//!
//! The corpus is generated at start from the hand-written pages in `corpus/`,
//! deterministically (a fixed seed, no clock, no system randomness): every run and
//! every machine gets the same bytes. Each page of `corpus/` is cut into a header
//! (page furniture before the first article) and sections (one article each: its
//! headline group and body). Generated pages are, by a seeded draw:
//! - a `corpus/` page as it is (20%);
//! - a header and 3 to 8 sections drawn from every page, so Markdown and plain-text
//!   articles are mixed on one page (45%);
//! - the same with body paragraphs remixed: a paragraph keeps its first sentence
//!   (and so its credit) and gets one to four sentences drawn from the whole corpus
//!   (20%);
//! - a page with many duplicates: paragraphs printed twice in one article, copied
//!   into the next article, and near copies with one character changed (10%);
//! - a large page of 15 to 30 sections (5%).
//!
//! One page in twenty has CRLF line ends. The default corpus is at least 50 MB
//! (`BANMIAN_BENCH_MB` sets another size in MB); `BANMIAN_BENCH_SMALL=1` makes a
//! 2 MB corpus for quick runs.
//!
//! The report: every measurement made through [`Group::bench`] is recorded, and
//! [`print_report`] prints, after Criterion's own output, each benchmark's median
//! throughput and its ratio to the floor measured in the same run.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};

/// Seed of every draw.
const SEED: u64 = 0x6261_6e6d_6961_6e01; // "banmian" 1

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator with a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    /// An element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// One generated page.
#[derive(Clone)]
pub struct BenchPage {
    /// A file name: `NNNNNN.md` or `NNNNNN.txt`.
    pub name: String,
    /// The page text (UTF-8).
    pub text: String,
}

/// The `corpus/` pages cut into pieces to recombine.
pub struct Pool {
    /// Every `corpus/` page as it is, with its extension.
    pages: Vec<(String, String)>,
    /// Page headers (furniture before the first article); may be empty strings.
    headers: Vec<String>,
    /// Sections: one article each, as text lines.
    sections: Vec<Vec<String>>,
    /// Sentences from body paragraphs, for remixing.
    sentences: Vec<String>,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn is_heading(line: &str) -> bool {
    let t = line.trim_start_matches('#');
    t.len() < line.len() && !t.trim().is_empty()
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['。', '！', '？', '”', '）'])
}

/// A short line that can be a headline on a page without Markdown headings.
fn plain_head(line: &str) -> bool {
    let t = line.trim_end();
    !t.is_empty() && !t.starts_with(['　', ' ', '\t']) && t.chars().count() <= 30 && !ends_sentence(t)
}

impl Pool {
    /// Reads `corpus/` and cuts its pages. Panics when `corpus/` cannot be read: the
    /// benches run from the repository.
    pub fn load() -> Pool {
        let mut names: Vec<PathBuf> =
            std::fs::read_dir(corpus_dir()).expect("corpus/ next to Cargo.toml").map(|e| e.expect("corpus entry").path()).collect();
        names.sort();
        let mut pool = Pool { pages: Vec::new(), headers: Vec::new(), sections: Vec::new(), sentences: Vec::new() };
        for path in names {
            let text = std::fs::read_to_string(&path).expect("corpus page is UTF-8");
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt").to_string();
            pool.cut(&text);
            pool.pages.push((ext, text));
        }
        pool
    }

    /// Cuts a page into its header and sections: a section starts at a paragraph
    /// (lines between blank lines) that opens with a Markdown heading (on pages with
    /// headings) or with a short unpunctuated line after a paragraph that ended a
    /// sentence (on pages without).
    fn cut(&mut self, text: &str) {
        let mut paras: Vec<Vec<String>> = vec![Vec::new()];
        for line in text.lines() {
            if line.trim().is_empty() {
                if !paras.last().expect("one").is_empty() {
                    paras.push(Vec::new());
                }
            } else {
                paras.last_mut().expect("one").push(line.to_string());
            }
        }
        paras.retain(|p| !p.is_empty());
        let markdown = text.lines().any(is_heading);
        let mut header: Vec<String> = Vec::new();
        let mut current: Option<Vec<String>> = None;
        let mut prev_head = false;
        let mut prev_ended = true;
        for p in paras {
            let head = if markdown { is_heading(&p[0]) } else { plain_head(&p[0]) && prev_ended };
            if head && !prev_head {
                if let Some(s) = current.take() {
                    self.sections.push(s);
                }
                current = Some(Vec::new());
            }
            prev_head = head;
            prev_ended = p.last().is_some_and(|l| ends_sentence(l));
            for l in &p {
                if l.chars().count() > 40 && !is_heading(l) {
                    let mut parts = split_sentences(l);
                    if parts.len() > 1 {
                        parts.remove(0);
                        self.sentences.extend(parts);
                    }
                }
            }
            let target = current.as_mut().unwrap_or(&mut header);
            target.extend(p);
            target.push(String::new());
        }
        if let Some(s) = current {
            self.sections.push(s);
        }
        self.headers.push(header.join("\n"));
    }

    /// A remixed copy of a section: each one-line paragraph keeps its first sentence
    /// and gets one to four sentences drawn from the corpus.
    fn remix(&self, rng: &mut Rng, section: &[String]) -> Vec<String> {
        section
            .iter()
            .map(|l| {
                if l.chars().count() <= 40 || is_heading(l) {
                    return l.clone();
                }
                let mut out = split_sentences(l).swap_remove(0);
                for _ in 0..rng.range(1, 4) {
                    out.push_str(rng.pick::<String>(&self.sentences));
                }
                out
            })
            .collect()
    }

    /// A section with duplicates: every other body paragraph printed twice, one near
    /// copy (one character changed), and `carry` (a paragraph of the previous
    /// section) copied in. Returns it and a paragraph to carry into the next one.
    fn with_duplicates(&self, rng: &mut Rng, section: &[String], carry: Option<&str>) -> (Vec<String>, Option<String>) {
        let mut out = Vec::new();
        let mut next_carry = None;
        let mut k = 0;
        for l in section {
            out.push(l.clone());
            if l.chars().count() > 40 && !is_heading(l) {
                k += 1;
                out.push(String::new());
                if k % 2 == 1 {
                    out.push(l.clone());
                } else {
                    out.push(near_copy(rng, l));
                }
                next_carry.get_or_insert_with(|| l.clone());
            }
        }
        if let Some(c) = carry {
            out.push(String::new());
            out.push(c.to_string());
        }
        (out, next_carry)
    }

    /// A page of `sections` sections drawn at random, remixed or not, with a header.
    fn drawn(&self, rng: &mut Rng, sections: usize, remix: bool) -> String {
        let mut parts = vec![rng.pick(&self.headers).clone()];
        for _ in 0..sections {
            let s = rng.pick(&self.sections);
            let s = if remix { self.remix(rng, s) } else { s.clone() };
            parts.push(s.join("\n"));
        }
        parts.join("\n")
    }

    fn duplicated(&self, rng: &mut Rng, sections: usize) -> String {
        let mut parts = vec![rng.pick(&self.headers).clone()];
        let mut carry: Option<String> = None;
        for _ in 0..sections {
            let s = rng.pick(&self.sections);
            let s = self.remix(rng, s);
            let (s, c) = self.with_duplicates(rng, &s, carry.as_deref());
            carry = c;
            parts.push(s.join("\n"));
        }
        parts.join("\n")
    }

    /// Generates pages until their text adds up to at least `bytes`.
    pub fn generate(&self, bytes: usize) -> Vec<BenchPage> {
        let mut rng = Rng::new(SEED);
        let mut pages = Vec::new();
        let mut total = 0;
        while total < bytes {
            let roll = rng.range(0, 99);
            let (ext, mut text) = match roll {
                0..=19 => {
                    let (ext, text) = rng.pick(&self.pages);
                    (ext.clone(), text.clone())
                }
                20..=64 => ("md".to_string(), self.drawn(&mut rng, 3 + (roll % 6), false)),
                65..=84 => ("md".to_string(), self.drawn(&mut rng, 3 + (roll % 6), true)),
                85..=94 => ("md".to_string(), self.duplicated(&mut rng, 3 + (roll % 4))),
                _ => ("md".to_string(), self.drawn(&mut rng, 15 + (roll % 16), roll % 2 == 0)),
            };
            if rng.chance(5) {
                text = text.replace('\n', "\r\n");
            }
            total += text.len();
            pages.push(BenchPage { name: format!("{:06}.{ext}", pages.len()), text });
        }
        pages
    }

    /// The page-size sweep: a page of `5 × n` remixed sections (distinct text).
    pub fn sized(&self, n: usize) -> String {
        let mut rng = Rng::new(SEED ^ 0x5157);
        let mut parts = vec![self.headers[0].clone()];
        for _ in 0..5 * n {
            let s = rng.pick(&self.sections);
            let s = self.remix(&mut rng, s);
            parts.push(s.join("\n"));
        }
        parts.join("\n")
    }

    /// The page-size sweep with many duplicate paragraphs: `5 × n` sections, each
    /// with paragraphs printed twice, near copies and a copy from the section before.
    pub fn sized_duplicates(&self, n: usize) -> String {
        let mut rng = Rng::new(SEED ^ 0xD0B);
        self.duplicated(&mut rng, 5 * n)
    }
}

/// A plain hard-wrapped copy of a page, as OCR of a narrow column gives it: the
/// Markdown markers taken off (`#` headings, `**` bold) and every line longer than
/// `width` characters cut into lines of `width` characters (the last one shorter);
/// blank lines and indentation kept, CRLF pages keep CRLF.
pub fn hard_wrapped(text: &str, width: usize) -> String {
    let crlf = text.contains("\r\n");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let t = line.trim_start_matches('#');
        let line = if t.len() < line.len() { t.trim_start() } else { line };
        let line = line.replace("**", "");
        let chars: Vec<char> = line.chars().collect();
        if chars.is_empty() {
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
        for piece in chars.chunks(width.max(1)) {
            out.extend(piece);
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
    }
    out
}

/// The column width, in characters, of the hard-wrapped copy of the `i`-th page:
/// 12 to 30, as newspaper columns are.
pub fn wrap_width(i: usize) -> usize {
    12 + (i * 7) % 19
}

/// The floor: the cheapest pass any pipeline over this text must make. UTF-8
/// validation, then every line and every char of it read once. Returns the lines,
/// the chars and a mix of the chars (so that the walk is not optimized away).
/// Panics on bytes that are not UTF-8 (the corpus is).
pub fn floor(bytes: &[u8]) -> (usize, usize, u32) {
    let text = std::str::from_utf8(bytes).expect("the corpus is UTF-8");
    let (mut lines, mut chars, mut mix) = (0usize, 0usize, 0u32);
    for line in text.lines() {
        lines += 1;
        for c in line.chars() {
            chars += 1;
            mix ^= c as u32;
        }
    }
    (lines, chars, mix)
}

/// Splits after 。！？ (and a closing quote right after one).
fn split_sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        if matches!(c, '。' | '！' | '？') {
            if let Some(&q) = chars.peek() {
                if matches!(q, '”' | '」') {
                    cur.push(q);
                    chars.next();
                }
            }
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The line with one Han character replaced (an OCR misreading).
fn near_copy(rng: &mut Rng, line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let han: Vec<usize> = (0..chars.len()).filter(|&i| ('\u{4E00}'..='\u{9FFF}').contains(&chars[i])).collect();
    if han.is_empty() {
        return line.to_string();
    }
    let at = *rng.pick(&han);
    let mut out = chars;
    out[at] = if out[at] == '丁' { '了' } else { '丁' };
    out.into_iter().collect()
}

/// Corpus size in bytes: `BANMIAN_BENCH_SMALL=1` → 2 MB; `BANMIAN_BENCH_MB=N` → N MB;
/// default 50 MB.
pub fn corpus_bytes() -> usize {
    if std::env::var("BANMIAN_BENCH_SMALL").is_ok_and(|v| !v.is_empty() && v != "0") {
        return 2_000_000;
    }
    let mb = std::env::var("BANMIAN_BENCH_MB").ok().and_then(|v| v.parse::<usize>().ok()).unwrap_or(50);
    mb * 1_000_000
}

/// The benchmark corpus at [`corpus_bytes`].
pub fn corpus() -> Vec<BenchPage> {
    Pool::load().generate(corpus_bytes())
}

/// Total text bytes of pages.
pub fn total_bytes(pages: &[BenchPage]) -> u64 {
    pages.iter().map(|p| p.text.len() as u64).sum()
}

/// A Criterion group that records what it measures for [`print_report`].
pub struct Group<'a> {
    inner: BenchmarkGroup<'a, WallTime>,
    name: String,
}

impl<'a> Group<'a> {
    /// Opens a group. `long`: inputs take a good part of a second (the whole corpus),
    /// so samples are flat, 10 of them.
    pub fn new(c: &'a mut Criterion, name: &str, long: bool) -> Group<'a> {
        let mut inner = c.benchmark_group(name);
        if long {
            inner
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(5));
        }
        Group { inner, name: name.to_string() }
    }

    /// The Criterion group, to change its settings.
    pub fn inner(&mut self) -> &mut BenchmarkGroup<'a, WallTime> {
        &mut self.inner
    }

    /// Benchmarks `routine` on a fresh input from `setup` (not timed; the output is
    /// dropped outside the timing too), with `Throughput::Bytes(bytes)`, and records the
    /// time per iteration as `group/name`.
    pub fn bench<I, O>(&mut self, name: &str, bytes: u64, mut setup: impl FnMut() -> I, mut routine: impl FnMut(I) -> O) {
        self.inner.throughput(Throughput::Bytes(bytes));
        let key = format!("{}/{name}", self.name);
        self.inner.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let input = setup();
                    let start = Instant::now();
                    let out = routine(black_box(input));
                    total += start.elapsed();
                    drop(black_box(out));
                }
                let mut r = RECORDS.lock().expect("records");
                let e = r.entry(key.clone()).or_insert((bytes, Vec::new()));
                e.1.push(total / iters.max(1) as u32);
                total
            })
        });
    }

    /// Closes the group.
    pub fn finish(self) {
        self.inner.finish();
    }
}

/// Per-iteration times recorded by [`Group::bench`], by "group/name", with the bytes
/// each iteration reads.
static RECORDS: Mutex<BTreeMap<String, (u64, Vec<Duration>)>> = Mutex::new(BTreeMap::new());

/// The median recorded time per iteration of a benchmark, with its bytes.
pub fn median(key: &str) -> Option<(u64, Duration)> {
    let r = RECORDS.lock().expect("records");
    let (bytes, times) = r.get(key)?;
    let mut t = times.clone();
    t.sort();
    Some((*bytes, t[t.len() / 2]))
}

/// MB/s (10^6 bytes per second).
pub fn mb_per_s(bytes: u64, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64()
}

/// Prints every recorded benchmark's median throughput, and its ratio to `floor`
/// (a recorded key) when that was measured.
pub fn print_report(floor: Option<&str>) {
    let keys: Vec<String> = RECORDS.lock().expect("records").keys().cloned().collect();
    if keys.is_empty() {
        return;
    }
    let floor_tp = floor.and_then(median).map(|(b, t)| mb_per_s(b, t));
    println!("\nbanmian throughput report (median of the recorded iterations; MB = 10^6 bytes of input text)");
    match (floor, floor_tp) {
        (Some(f), Some(tp)) => println!("floor ({f}): {tp:.1} MB/s"),
        (Some(f), None) => println!("floor ({f}) not measured in this run: no ratios"),
        (None, _) => {}
    }
    println!("{:<44} {:>12} {:>12} {:>10}", "benchmark", "time/iter", "MB/s", "of floor");
    for k in keys {
        let Some((b, t)) = median(&k) else { continue };
        let tp = mb_per_s(b, t);
        let ratio = floor_tp.map_or("-".to_string(), |f| format!("{:.1}%", 100.0 * tp / f));
        println!("{k:<44} {:>12} {tp:>12.1} {ratio:>10}", format!("{:.2?}", t));
    }
}
