//! Linking jumps across the pages of an issue.
//!
//! Every `continued_on` jump (下转第五版) of a page article is matched with an article
//! on the page it names. Each candidate gets a [`Score`], a weighted sum of four
//! signals, each in 0..=1:
//! - **marker** ([`W_MARKER`]): the candidate's `continued_from` jump names the source's
//!   page (1), has an unreadable page (0.6), is missing ([`NO_MARKER`]), or names
//!   another page (0);
//! - **headline** ([`W_HEADLINE`]): the candidate's headline is the source's repeated,
//!   or made of its key terms (the larger of the similarity and the share of the
//!   candidate headline's character bigrams found in the source's headline group); a
//!   candidate with no headline of its own scores [`NO_HEADLINE`];
//! - **terms** ([`W_TERMS`]): names, places and other terms shared by both parts: the
//!   cosine of their tf-idf vectors of Han character bigrams (the
//!   inverse document frequency taken over the articles that can take part in a link:
//!   those with a jump and those on a page a jump names) over [`TERMS_FULL`];
//! - **continuity** ([`W_CONTINUITY`]): half for a source whose text ends
//!   mid-sentence, half for a candidate that starts like a continuation (no byline or
//!   dateline of its own, or a 接上 phrase).
//!
//! A candidate that prints a headline of its own unrelated to the source's head group
//! and shares no terms with it ([`HEADLINE_MISMATCH`], [`TERMS_MISMATCH`]) is another
//! story, and no candidate whatever its marker and continuity.
//!
//! Besides the `continued_on` jumps, a 下转 marker the page read into the head group of
//! the next article (its short last line taken for a headline, or the bracketed marker
//! for a rubric), or left over just below it ([`misplaced_markers`]), is followed for
//! the article it ends, which is
//! then taken to end mid-sentence; such links are made after those of the jumps the
//! page read in place, from the parts still free, and write no `target` on the source
//! side (the marker is in no `jumps` list).
//!
//! Candidates at or above [`LINK_THRESHOLD`] are taken best first over the whole
//! issue, each source linked once and each candidate used once (so two stories
//! continued onto one page each get their own part); a source whose two best free
//! candidates are within [`AMBIGUITY_MARGIN`] stays open as `ambiguous`, a link that
//! would close a loop as `cycle`. The weights and the threshold were set on the
//! committed harness issues (`evaluation/issues`), never on ../shared/realpages.
//! A source left open whose candidate another source took gets it when the taker has
//! another free candidate over the threshold (`give_way`: two links rather than one).
//! A continuation that no 下转 reached then looks back on the page its 上接 names for a
//! part that goes on nowhere, at a higher threshold ([`REVERSE_THRESHOLD`]). Last, a
//! source still open takes the article on the named page shaped like a continuation
//! whose 上接 was lost (no marker, no credit, no headline or the story's repeated one)
//! at [`LOST_MARKER_THRESHOLD`] (`link_lost_markers`).

use std::cell::OnceCell;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::number::{PageNumber, label_section};
use super::{PartRef, Unlinked, UnlinkedReason};
use crate::eval::{fold, similarity};
use crate::model::{Article, Jump, JumpDirection, Page};
use crate::rules::chars::{ends_sentence, is_han};
use crate::rules::lexicon::table::{CONTINUATION_OPENERS, JUMP_ON_VERBS};

/// Weight of the marker signal (a 上接 marker naming the source's page).
pub const W_MARKER: f64 = 0.35;
/// Weight of the headline signal (the repeated headline or its key terms).
pub const W_HEADLINE: f64 = 0.2;
/// Weight of the shared-terms signal (names and places in both parts).
pub const W_TERMS: f64 = 0.25;
/// Weight of the continuity signal (cut sentence, continuation without credit).
pub const W_CONTINUITY: f64 = 0.2;
/// The tf-idf cosine at which the shared-terms signal is full: two parts of one story
/// printed apart share a few names and terms, not their wording, so a small cosine is
/// already telling. Set on the harness (`evaluation/issues`): 0.1, 0.15 and 0.2 link
/// within three links of each other there, 0.2 with the best precision.
pub const TERMS_FULL: f64 = 0.2;
/// The marker signal of a candidate with no `continued_from` jump (its marker may have
/// been lost to OCR).
pub const NO_MARKER: f64 = 0.3;
/// The marker signal of a `continued_from` jump whose page could not be read.
pub const UNREAD_MARKER: f64 = 0.6;
/// The headline signal of a candidate without a headline (many continuations print none).
pub const NO_HEADLINE: f64 = 0.5;
/// Least score of a link. A continuation with its marker, no headline and no credit of
/// its own scores 0.35 + 0.2 × 0.5 + 0.2 × 0.5 = 0.55 before any shared term: enough; a
/// story that merely shares the topic and key terms of the headline, with its own
/// credit and no marker, stays below.
pub const LINK_THRESHOLD: f64 = 0.5;
/// Least score of a link found from the continuation's side, whose source printed no
/// 下转 marker (the second pass, `link_back`): the 上接 marker alone gives 0.35, so the rest must come
/// from a repeated headline, shared terms and a cut sentence.
pub const REVERSE_THRESHOLD: f64 = 0.75;
/// A candidate that prints a headline sharing less than this with the source's head
/// group ([`headline_signal`]), and shares less than [`TERMS_MISMATCH`] of its terms,
/// is another story: its marker and a cut sentence alone do not link it.
pub const HEADLINE_MISMATCH: f64 = 0.15;
/// See [`HEADLINE_MISMATCH`]: the terms signal (over [`TERMS_FULL`]) below which two
/// parts share no names or terms to speak of.
pub const TERMS_MISMATCH: f64 = 0.2;
/// The most input lines between the end of an article and a leftover line holding a
/// 下转 marker for the marker to be taken as that article's: the line after it, or after
/// one or two blank lines (box input: the next boxes).
pub const MISPLACED_GAP: usize = 3;
/// Least score of a link to a continuation shaped like one whose 上接 marker was lost
/// (the last pass, `link_lost_markers`): with no marker, no headline and no credit a
/// part scores 0.105 + 0.1 + 0.1 = 0.305 before anything ties it to the source; the
/// rest must come from a cut sentence at the source (0.1), shared terms or the
/// repeated headline. Set on the harness (`evaluation/issues`): its four text
/// continuations of this kind score 0.41 to 0.48.
pub const LOST_MARKER_THRESHOLD: f64 = 0.4;
/// Two candidates of one source closer than this are a tie: the jump stays open as
/// `ambiguous` unless one of them is clearly taken by another source.
pub const AMBIGUITY_MARGIN: f64 = 0.02;

/// The four signals of a candidate link and their weighted sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// The 上接 marker signal.
    pub marker: f64,
    /// The headline signal.
    pub headline: f64,
    /// The shared-terms signal.
    pub terms: f64,
    /// The sentence-continuity signal.
    pub continuity: f64,
    /// `W_MARKER × marker + W_HEADLINE × headline + W_TERMS × terms + W_CONTINUITY × continuity`.
    pub total: f64,
}

/// One story's parts in reading order, and the score of each link (`scores[k]` links
/// `parts[k]` to `parts[k + 1]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    /// The page articles, in reading order.
    pub parts: Vec<PartRef>,
    /// The link scores, one fewer than the parts.
    pub scores: Vec<f64>,
}

/// What [`link`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// Every page article in exactly one chain, chains in the order of their first part.
    pub chains: Vec<Chain>,
    /// `targets[p][a][j]`: the other part of a linked jump.
    pub targets: Vec<Vec<Vec<Option<PartRef>>>>,
    /// The jumps left open.
    pub unlinked: Vec<Unlinked>,
}

/// A term of the shared-terms signal: two Han characters in a row, `c << 32 | next`
/// (single characters were tried too: the same links within a few, at twice the cost).
type Term = u64;

/// Tf-idf vectors of Han character bigrams of the articles that can take part in a link
/// (idf = ln(N / df) over them, so a term in every one weighs nothing), normalized;
/// each a list sorted by term, so that a cosine is one merge.
struct Terms {
    /// Every vector, one after the other.
    weights: Vec<(Term, f64)>,
    /// `spans[page][article]`: where the article's vector is in `weights` (empty for an
    /// article that takes part in no link).
    spans: Vec<Vec<std::ops::Range<usize>>>,
}

/// Appends to `out` the terms of the head group and text of `a` read as one text (the
/// bigrams of the Han characters in a row, other characters skipped), each once with its
/// count, sorted by term; `all` is scratch space.
fn terms_of(a: &Article, all: &mut Vec<Term>, out: &mut Vec<(Term, f64)>) {
    all.clear();
    let mut prev: Option<u64> = None;
    for piece in [&a.kicker, &a.headline, &a.subheadline].into_iter().filter_map(|f| f.as_deref()).chain([a.text.as_str()]) {
        for c in piece.chars().filter(|c| is_han(*c)) {
            let c = u64::from(c);
            if let Some(p) = prev {
                all.push(p << 32 | c);
            }
            prev = Some(c);
        }
    }
    all.sort_unstable();
    let start = out.len();
    for &t in all.iter() {
        match out[start..].last_mut() {
            Some((last, n)) if *last == t => *n += 1.0,
            _ => out.push((t, 1.0)),
        }
    }
}

/// Han character bigrams of a text (two Han characters side by side), sorted, each once
/// (for the headline signal).
fn bigrams(s: &str) -> Vec<[char; 2]> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev
            && is_han(p)
            && is_han(c)
        {
            out.push([p, c]);
        }
        prev = Some(c);
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl Terms {
    /// The vectors of the articles that can take part in a link (those with a jump, and
    /// every article on a page some jump names), idf over them.
    fn new(pages: &[Page], numbers: &[PageNumber]) -> Terms {
        let mut named = vec![false; pages.len()];
        for (p, page) in pages.iter().enumerate() {
            for j in page.articles.iter().flat_map(|a| &a.jumps) {
                for q in target_pages(numbers, p, j.page, &j.label) {
                    named[q] = true;
                }
            }
        }
        let (mut all, mut weights, mut docs) = (Vec::new(), Vec::new(), 0);
        let spans: Vec<Vec<std::ops::Range<usize>>> = pages
            .iter()
            .enumerate()
            .map(|(p, page)| {
                page.articles
                    .iter()
                    .map(|art| {
                        let start = weights.len();
                        if named[p] || !art.jumps.is_empty() {
                            docs += 1;
                            terms_of(art, &mut all, &mut weights);
                        }
                        start..weights.len()
                    })
                    .collect()
            })
            .collect();
        // Document frequencies: each term numbered once (`ids[k]` the number of
        // `weights[k]`'s term), `df[id]` the number of vectors holding it.
        let mut number: HashMap<Term, u32> = HashMap::with_capacity_and_hasher(weights.len(), Default::default());
        let mut df: Vec<u32> = Vec::new();
        let ids: Vec<u32> = weights
            .iter()
            .map(|(t, _)| {
                let id = *number.entry(*t).or_insert_with(|| {
                    df.push(0);
                    (df.len() - 1) as u32
                });
                df[id as usize] += 1;
                id
            })
            .collect();
        // idf by document frequency, computed once per frequency. A term in every vector
        // weighs 0 and adds nothing to a norm or a cosine.
        let n = docs.max(1);
        let idf: Vec<f64> = (0..=n).map(|d| if d == 0 { 0.0 } else { (n as f64 / d as f64).ln() }).collect();
        for ((_, w), id) in weights.iter_mut().zip(&ids) {
            *w *= idf[(df[*id as usize] as usize).min(n)];
        }
        for span in spans.iter().flatten() {
            let tf = &mut weights[span.clone()];
            let norm = tf.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                tf.iter_mut().for_each(|(_, w)| *w /= norm);
            }
        }
        Terms { weights, spans }
    }

    /// The cosine of the two articles' vectors over [`TERMS_FULL`], at most 1.
    fn shared(&self, a: PartRef, b: PartRef) -> f64 {
        let get = |r: PartRef| self.spans.get(r.page).and_then(|p| p.get(r.article)).map(|s| &self.weights[s.clone()]);
        let (Some(va), Some(vb)) = (get(a), get(b)) else { return 0.0 };
        let (mut i, mut j, mut cos) = (0, 0, 0.0);
        while i < va.len() && j < vb.len() {
            match va[i].0.cmp(&vb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    cos += va[i].1 * vb[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (cos / TERMS_FULL).clamp(0.0, 1.0)
    }
}

/// What the headline and continuity signals read of an article as the source of a
/// link, taken once per article (a source is scored against several candidates).
struct SourceFacts {
    /// It prints a kicker, headline or subheadline.
    has_group: bool,
    /// The head group (kicker, headline, subheadline), folded ([`fold`]).
    group: String,
    /// Its chars, sorted (for the bound of [`headline_value`]).
    group_chars: Vec<char>,
    /// Han bigrams of `group` ([`bigrams`]).
    group_bigrams: Vec<[char; 2]>,
    /// The headline, folded ("" when none).
    headline: String,
    /// Its chars, sorted.
    headline_chars: Vec<char>,
    /// The headline has four Han characters or more (a short repeated headline that a
    /// candidate's full headline may begin).
    long_headline: bool,
    /// The last block's text ends mid-sentence.
    ends_mid: bool,
}

/// What the headline and continuity signals read of an article as a candidate
/// continuation, taken once per article (a candidate is scored against several sources).
struct CandidateFacts {
    /// Its own headline folded: the headline, or the subheadline when the headline holds
    /// a 下转 marker; `None` when it has none (or it folds to nothing).
    own: Option<String>,
    /// The chars of `own`, sorted.
    own_chars: Vec<char>,
    /// Han bigrams of `own`.
    own_bigrams: Vec<[char; 2]>,
    /// It starts like a continuation: no byline or dateline of its own, or a 接上 phrase.
    starts_mid: bool,
}

impl SourceFacts {
    fn of(a: &Article) -> SourceFacts {
        // The fold works char by char: the head group's fold is its fields' folds put together.
        let [kicker, headline, subheadline] = [&a.kicker, &a.headline, &a.subheadline].map(|f| f.as_deref().map(fold));
        let group = [&kicker, &headline, &subheadline].into_iter().flatten().map(String::as_str).collect::<String>();
        let headline = headline.unwrap_or_default();
        SourceFacts {
            has_group: [&a.kicker, &a.headline, &a.subheadline].iter().any(|f| f.as_deref().is_some_and(|f| !f.is_empty())),
            group_chars: sorted_chars(&group),
            group_bigrams: bigrams(&group),
            headline_chars: sorted_chars(&headline),
            long_headline: headline.chars().filter(|c| is_han(*c)).count() >= 4,
            group,
            headline,
            ends_mid: a.blocks.last().is_some_and(|bl| !bl.text.trim().is_empty() && !ends_sentence(bl.text.trim())),
        }
    }
}

impl CandidateFacts {
    fn of(a: &Article) -> CandidateFacts {
        let own = match a.headline.as_deref() {
            Some(h) if continued_on_in(h).is_some() => a.subheadline.as_deref(),
            h => h,
        }
        .map(fold)
        .filter(|h| !h.is_empty());
        let first = a.blocks.first().map_or("", |bl| bl.text.trim());
        CandidateFacts {
            own_chars: own.as_deref().map(sorted_chars).unwrap_or_default(),
            own_bigrams: own.as_deref().map(bigrams).unwrap_or_default(),
            own,
            starts_mid: (a.byline.is_none() && a.dateline.is_none()) || CONTINUATION_OPENERS.iter().any(|o| first.starts_with(o)),
        }
    }
}

/// The headline signal: how far `b`'s headline repeats `a`'s headline group (1 as well
/// when `b`'s headline begins with `a`'s, of four Han characters or more: the short
/// headline a chain's middle part repeats). A headline holding a 下转 marker is the
/// misread last line of the story above ([`misplaced_markers`]): `b`'s subheadline
/// stands for it then.
#[cfg(test)]
fn headline_signal(a: &Article, b: &Article) -> f64 {
    headline_value(&SourceFacts::of(a), &CandidateFacts::of(b))
}

/// The chars of a text, sorted.
fn sorted_chars(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().collect();
    v.sort_unstable();
    v
}

/// How many chars two sorted char lists share, each char counted as often as both hold it.
fn common(a: &[char], b: &[char]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// [`headline_signal`] on the articles' facts: the largest of the share of `b`'s
/// headline bigrams found in `a`'s head group and the similarity of `b`'s headline to
/// `a`'s headline and to its head group. A similarity is computed only when its bound
/// could raise the largest so far: an edit script of two texts of `m` and `n` chars
/// that share `k` chars (as multisets) costs at least `max(m, n) - k`, so the
/// similarity is at most `1 - (max(m, n) - k) / max(m, n)`. The value is the same as
/// computing all three.
fn headline_value(a: &SourceFacts, b: &CandidateFacts) -> f64 {
    let Some(hb) = b.own.as_deref() else { return NO_HEADLINE };
    if a.group.is_empty() {
        return 0.0;
    }
    // A short repeated headline on the source (the middle part of a chain) that the
    // candidate's headline starts with.
    if a.long_headline && hb.starts_with(a.headline.as_str()) {
        return 1.0;
    }
    let mut best = if b.own_bigrams.is_empty() {
        0.0
    } else {
        b.own_bigrams.iter().filter(|g| a.group_bigrams.binary_search(g).is_ok()).count() as f64 / b.own_bigrams.len() as f64
    };
    let group_too = a.group != a.headline;
    for (h, chars) in
        [(a.headline.as_str(), &a.headline_chars), (a.group.as_str(), &a.group_chars)].into_iter().take(1 + usize::from(group_too))
    {
        let longer = chars.len().max(b.own_chars.len());
        let bound = 1.0 - (longer - common(chars, &b.own_chars)) as f64 / longer as f64;
        if bound > best {
            best = best.max(similarity(hb, h));
        }
    }
    best
}

/// The marker signal: does `b` say it continues from page `from`?
fn marker_signal(from: &PageNumber, b: &Article) -> f64 {
    let mut best: Option<f64> = None;
    for j in b.jumps.iter().filter(|j| j.direction == JumpDirection::ContinuedFrom) {
        let s = match j.page {
            Some(n) if n == from.number && label_section(&j.label).is_none_or(|s| Some(s) == from.section) => 1.0,
            Some(_) => 0.0,
            None => UNREAD_MARKER,
        };
        best = Some(best.map_or(s, |b: f64| b.max(s)));
    }
    best.unwrap_or(NO_MARKER)
}

/// What linking reads, taken once per issue: the pages, their numbers, the term vectors
/// and each article's facts as a source and as a candidate (each computed when first
/// asked for).
struct Ctx<'a> {
    pages: &'a [Page],
    numbers: &'a [PageNumber],
    terms: Terms,
    facts: Vec<Vec<(OnceCell<SourceFacts>, OnceCell<CandidateFacts>)>>,
}

impl<'a> Ctx<'a> {
    fn new(pages: &'a [Page], numbers: &'a [PageNumber]) -> Ctx<'a> {
        let facts = pages.iter().map(|p| p.articles.iter().map(|_| (OnceCell::new(), OnceCell::new())).collect()).collect();
        Ctx { pages, numbers, terms: Terms::new(pages, numbers), facts }
    }

    fn source(&self, r: PartRef) -> &SourceFacts {
        self.facts[r.page][r.article].0.get_or_init(|| SourceFacts::of(art(self.pages, r)))
    }

    fn candidate(&self, r: PartRef) -> &CandidateFacts {
        self.facts[r.page][r.article].1.get_or_init(|| CandidateFacts::of(art(self.pages, r)))
    }

    /// Scores `dst` (on a page the jump names) as the continuation of `src`; `cut`:
    /// `src`'s last line and 下转 marker were read into the next article's head group
    /// ([`misplaced_markers`]).
    fn score(&self, src: PartRef, cut: bool, dst: PartRef) -> Score {
        let (fa, fb) = (self.source(src), self.candidate(dst));
        let marker = marker_signal(&self.numbers[src.page], art(self.pages, dst));
        let headline = headline_value(fa, fb);
        let shared = self.terms.shared(src, dst);
        let continuity = 0.5 * f64::from(u8::from(cut || fa.ends_mid)) + 0.5 * f64::from(u8::from(fb.starts_mid));
        let total = W_MARKER * marker + W_HEADLINE * headline + W_TERMS * shared + W_CONTINUITY * continuity;
        Score { marker, headline, terms: shared, continuity, total }
    }
}

/// Scores every article of `pages` as a continuation of article `src`: `(candidate,
/// score)` for the articles on the pages its first `continued_on` jump names, in page
/// and article order. For tests and diagnostics; [`link`] uses the same scores.
pub fn score(pages: &[Page], numbers: &[PageNumber], src: PartRef) -> Vec<(PartRef, Score)> {
    let a = &pages[src.page].articles[src.article];
    let Some(j) = a.jumps.iter().position(|j| j.direction == JumpDirection::ContinuedOn) else { return Vec::new() };
    let ctx = Ctx::new(pages, numbers);
    candidates(pages, numbers, src, &a.jumps[j]).into_iter().map(|dst| (dst, ctx.score(src, false, dst))).collect()
}

fn art(pages: &[Page], r: PartRef) -> &Article {
    &pages[r.page].articles[r.article]
}

/// The pages a jump of page `from` names: its number, in the jump's section, else in
/// the source page's section, else in any; every other page when the number could not
/// be read.
pub fn target_pages(numbers: &[PageNumber], from: usize, page: Option<u32>, label: &str) -> Vec<usize> {
    let Some(n) = page else { return (0..numbers.len()).filter(|&i| i != from).collect() };
    let with = |pred: &dyn Fn(&PageNumber) -> bool| -> Vec<usize> {
        (0..numbers.len()).filter(|&i| numbers[i].number == n && pred(&numbers[i])).collect()
    };
    match label_section(label) {
        Some(s) => with(&|p| p.section == Some(s)),
        None => {
            let same = with(&|p| p.section == numbers[from].section);
            if same.is_empty() { with(&|_| true) } else { same }
        }
    }
}

/// The candidate articles of `src`'s `continued_on` jump: every article on the pages it
/// names, but `src` itself.
fn candidates(pages: &[Page], numbers: &[PageNumber], src: PartRef, jump: &Jump) -> Vec<PartRef> {
    target_pages(numbers, src.page, jump.page, &jump.label)
        .into_iter()
        .flat_map(|p| (0..pages[p].articles.len()).map(move |a| PartRef { page: p, article: a }))
        .filter(|&r| r != src)
        .collect()
}

/// The `continued_on` markers a page read into an article's head group (kicker,
/// headline, subheadline or rubric: "氣象署預報員指出，颱（下轉第5版）", or the bracketed
/// "下转第四版" alone as a rubric), each given to the article before it on the page
/// when that one has no `continued_on` jump of its own: the short last line of a
/// paragraph that ends in its story's 下转 marker is easily read as the next story's
/// first head line. The same for such a line left over (an orphan rubric or furniture):
/// given to the article ending at most [`MISPLACED_GAP`] lines above it. Keyed by the
/// article the marker ends.
pub fn misplaced_markers(pages: &[Page]) -> HashMap<PartRef, Jump> {
    let mut out = HashMap::default();
    for (p, page) in pages.iter().enumerate() {
        for (a, pair) in page.articles.windows(2).enumerate() {
            let (before, x) = (&pair[0], &pair[1]);
            if before.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedOn) {
                continue;
            }
            let found =
                [&x.kicker, &x.headline, &x.subheadline, &x.rubric].into_iter().filter_map(|f| f.as_deref()).find_map(continued_on_in);
            if let Some(jump) = found {
                out.insert(PartRef { page: p, article: a }, jump);
            }
        }
        // The line read as a leftover (an orphan rubric or furniture): the article that
        // ends just above it.
        for left in &page.leftovers {
            let Some(jump) = continued_on_in(&left.text) else { continue };
            let above = page
                .articles
                .iter()
                .enumerate()
                .filter(|(_, x)| x.lines[1] < left.lines[0] && left.lines[0] - x.lines[1] <= MISPLACED_GAP)
                .max_by_key(|(_, x)| x.lines[1]);
            if let Some((a, x)) = above
                && !x.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedOn)
            {
                out.entry(PartRef { page: p, article: a }).or_insert(jump);
            }
        }
    }
    out
}

/// The first `continued_on` marker in a text (the marker pattern is tried only on a text
/// holding one of [`JUMP_ON_VERBS`]: this runs on every candidate's headline).
fn continued_on_in(text: &str) -> Option<Jump> {
    // A text holding a verb holds its first char: one pass over the text turns most away.
    static FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut v: Vec<char> = JUMP_ON_VERBS.iter().filter_map(|v| v.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    if !text.chars().any(|c| FIRST.contains(&c)) || !JUMP_ON_VERBS.iter().any(|v| text.contains(v)) {
        return None;
    }
    crate::rules::jump::find(text).into_iter().map(|f| f.jump).find(|j| j.direction == JumpDirection::ContinuedOn)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refused {
    Ambiguous,
    Cycle,
}

struct Cand {
    src: PartRef,
    jump: usize,
    dst: PartRef,
    score: f64,
}

/// Links the jumps of an issue's pages (in page order, `numbers[i]` the number of
/// `pages[i]`). Every page article ends in exactly one chain.
pub fn link(pages: &[Page], numbers: &[PageNumber]) -> Linked {
    let ctx = Ctx::new(pages, numbers);
    let mut cands: Vec<Cand> = Vec::new();
    // The sources: each article's first continued_on jump (a chain goes on from a part once).
    let mut no_page: HashSet<(PartRef, usize)> = HashSet::default();
    // And the markers the page read into the next article's head group, for the article
    // they end (with no jump index: they are in no `jumps` list).
    let misplaced = misplaced_markers(pages);
    // The candidates shaped like a continuation whose 上接 marker was lost, for the last pass.
    let mut lost: Vec<Cand> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for (a, article) in page.articles.iter().enumerate() {
            let src = PartRef { page: p, article: a };
            let (j, jump, cut) = match article.jumps.iter().position(|j| j.direction == JumpDirection::ContinuedOn) {
                Some(j) => (j, &article.jumps[j], false),
                None => match misplaced.get(&src) {
                    Some(jump) => (NO_JUMP, jump, true),
                    None => continue,
                },
            };
            let dsts = candidates(pages, numbers, src, jump);
            let has_group = ctx.source(src).has_group;
            if dsts.is_empty() && j != NO_JUMP {
                no_page.insert((src, j));
            }
            for dst in dsts {
                let s = ctx.score(src, cut, dst);
                let other_story = has_group && s.headline < HEADLINE_MISMATCH && s.terms < TERMS_MISMATCH;
                if s.total >= LINK_THRESHOLD && !other_story {
                    cands.push(Cand { src, jump: j, dst, score: s.total });
                }
                if s.total >= LOST_MARKER_THRESHOLD && lost_marker_shape(&ctx, dst, &s) {
                    lost.push(Cand { src, jump: j, dst, score: s.total });
                }
            }
        }
    }
    // The jumps the page read first, best first; then the misplaced markers, which take
    // only what is left.
    cands.sort_by(|x, y| {
        (x.jump == NO_JUMP).cmp(&(y.jump == NO_JUMP)).then(y.score.total_cmp(&x.score)).then(x.src.cmp(&y.src)).then(x.dst.cmp(&y.dst))
    });
    let mut out: HashMap<PartRef, (PartRef, usize, f64)> = HashMap::default();
    let mut inc: HashMap<PartRef, PartRef> = HashMap::default();
    let mut refused: HashMap<PartRef, Refused> = HashMap::default();
    let mut cycle_dst: HashSet<PartRef> = HashSet::default();
    for c in &cands {
        if out.contains_key(&c.src) || refused.contains_key(&c.src) || inc.contains_key(&c.dst) {
            continue;
        }
        // Another free candidate of this source about as good, which no other free
        // source claims clearly better: a tie this source cannot break.
        let tie = cands.iter().any(|o| {
            o.src == c.src
                && o.dst != c.dst
                && !inc.contains_key(&o.dst)
                && o.score >= c.score - AMBIGUITY_MARGIN
                && !cands.iter().any(|x| {
                    x.dst == o.dst
                        && x.src != c.src
                        && !out.contains_key(&x.src)
                        && !refused.contains_key(&x.src)
                        && x.score > o.score + AMBIGUITY_MARGIN
                })
        });
        if tie {
            refused.insert(c.src, Refused::Ambiguous);
            continue;
        }
        if closes_loop(&out, c.src, c.dst) {
            refused.insert(c.src, Refused::Cycle);
            cycle_dst.insert(c.dst);
            continue;
        }
        out.insert(c.src, (c.dst, c.jump, c.score));
        inc.insert(c.dst, c.src);
    }
    give_way(&cands, (&mut out, &mut inc), &refused);
    link_back(&ctx, &misplaced, (&mut out, &mut inc), &refused);
    link_lost_markers(&mut lost, (&mut out, &mut inc), &refused);
    // Targets and open jumps.
    let mut targets: Vec<Vec<Vec<Option<PartRef>>>> =
        pages.iter().map(|p| p.articles.iter().map(|a| vec![None; a.jumps.len()]).collect()).collect();
    let mut unlinked = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for (a, article) in page.articles.iter().enumerate() {
            let me = PartRef { page: p, article: a };
            // The continued_from jump that receives the incoming link: the one naming the
            // source's page, else the first.
            let from_jump = inc.get(&me).and_then(|src| {
                let n = &numbers[src.page];
                let froms = || article.jumps.iter().enumerate().filter(|(_, j)| j.direction == JumpDirection::ContinuedFrom);
                froms().find(|(_, j)| j.page == Some(n.number)).or_else(|| froms().next()).map(|(k, _)| k)
            });
            for (k, jump) in article.jumps.iter().enumerate() {
                let linked = match jump.direction {
                    JumpDirection::ContinuedOn => out.get(&me).filter(|(_, j, _)| *j == k).map(|(d, _, _)| *d),
                    JumpDirection::ContinuedFrom => (from_jump == Some(k)).then(|| inc.get(&me).copied()).flatten(),
                };
                if let Some(t) = linked {
                    targets[p][a][k] = Some(t);
                    continue;
                }
                let reason = match jump.direction {
                    JumpDirection::ContinuedOn if no_page.contains(&(me, k)) => UnlinkedReason::PageNotInIssue,
                    JumpDirection::ContinuedOn => match refused.get(&me) {
                        Some(Refused::Ambiguous) => UnlinkedReason::Ambiguous,
                        Some(Refused::Cycle) => UnlinkedReason::Cycle,
                        None => UnlinkedReason::NoContinuationFound,
                    },
                    JumpDirection::ContinuedFrom => {
                        if jump.page.is_some() && target_pages(numbers, p, jump.page, &jump.label).is_empty() {
                            UnlinkedReason::PageNotInIssue
                        } else if cycle_dst.contains(&me) && !inc.contains_key(&me) {
                            UnlinkedReason::Cycle
                        } else {
                            UnlinkedReason::NoSourceFound
                        }
                    }
                };
                unlinked.push(Unlinked { page: p, article: a, jump: k, reason });
            }
        }
    }
    // Chains from every part that nothing links to, in page order.
    let mut chains = Vec::new();
    let mut seen: HashSet<PartRef> = HashSet::default();
    for (p, page) in pages.iter().enumerate() {
        for a in 0..page.articles.len() {
            let start = PartRef { page: p, article: a };
            if inc.contains_key(&start) || seen.contains(&start) {
                continue;
            }
            let mut chain = Chain { parts: vec![start], scores: Vec::new() };
            seen.insert(start);
            let mut at = start;
            while let Some((next, _, s)) = out.get(&at) {
                if !seen.insert(*next) {
                    break;
                }
                chain.parts.push(*next);
                chain.scores.push(round3(*s));
                at = *next;
            }
            chains.push(chain);
        }
    }
    // A part only reachable inside a loop cannot happen (loops are refused); kept whole anyway.
    for (p, page) in pages.iter().enumerate() {
        for a in 0..page.articles.len() {
            let r = PartRef { page: p, article: a };
            if seen.insert(r) {
                chains.push(Chain { parts: vec![r], scores: Vec::new() });
            }
        }
    }
    Linked { chains, targets, unlinked }
}

/// True when linking `src` on to `dst` would close a loop: following the links from
/// `dst` comes back to `src`.
fn closes_loop(out: &HashMap<PartRef, (PartRef, usize, f64)>, src: PartRef, dst: PartRef) -> bool {
    let mut at = dst;
    loop {
        if at == src {
            return true;
        }
        match out.get(&at) {
            Some((next, _, _)) => at = *next,
            None => return false,
        }
    }
}

/// A source left open whose candidate another source took gets it when the taker has a
/// free candidate of its own at or above [`LINK_THRESHOLD`]: the taker moves to that one
/// (its best), so that both jumps are linked rather than one. Two stories continued onto
/// one page, one of them under its short repeated headline with its 上接 marker lost:
/// best first, the other story's source may take the continuation whose marker names
/// its page, and the story whose part has no marker left would stay open. Sources in
/// best-first order; no loop.
fn give_way(cands: &[Cand], (out, inc): (&mut Outgoing, &mut HashMap<PartRef, PartRef>), refused: &HashMap<PartRef, Refused>) {
    for c in cands {
        if out.contains_key(&c.src) || refused.contains_key(&c.src) {
            continue;
        }
        let Some(&taker) = inc.get(&c.dst) else { continue };
        let Some(&(_, _, taken)) = out.get(&taker) else { continue };
        let Some(alt) = cands.iter().find(|o| o.src == taker && o.dst != c.dst && !inc.contains_key(&o.dst)) else { continue };
        if c.score + alt.score <= taken {
            continue;
        }
        let before = out.remove(&taker);
        if closes_loop(out, c.src, c.dst) || closes_loop(out, alt.src, alt.dst) || (c.dst == alt.src && alt.dst == c.src) {
            if let Some(b) = before {
                out.insert(taker, b);
            }
            continue;
        }
        out.insert(c.src, (c.dst, c.jump, c.score));
        inc.insert(c.dst, c.src);
        if closes_loop(out, alt.src, alt.dst) {
            // The two new links together would close a loop: back as it was.
            out.remove(&c.src);
            if let Some(b) = before {
                out.insert(taker, b);
            }
            inc.insert(c.dst, taker);
            continue;
        }
        out.insert(alt.src, (alt.dst, alt.jump, alt.score));
        inc.insert(alt.dst, alt.src);
    }
}

/// A candidate shaped like a continuation whose 上接 marker was lost: no
/// `continued_from` jump at all, no byline or dateline of its own, and either no
/// headline or one that repeats the source's ([`headline_signal`] 1: the short repeated
/// headline).
fn lost_marker_shape(ctx: &Ctx, dst: PartRef, s: &Score) -> bool {
    let b = art(ctx.pages, dst);
    b.byline.is_none()
        && b.dateline.is_none()
        && !b.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedFrom)
        && (ctx.candidate(dst).own.is_none() || s.headline >= 1.0)
}

/// The last pass, for the 上接 markers OCR lost: a source still open takes the free
/// article on the page its jump names that is shaped like a continuation with its
/// marker lost ([`lost_marker_shape`]) and scores at least [`LOST_MARKER_THRESHOLD`],
/// best first over the issue, each part once; not when another such article of the
/// same source is within [`AMBIGUITY_MARGIN`]; no loop. On a page, the article with
/// no headline (or the story's repeated headline), no credit and no marker of its own
/// is a continuation whose source is elsewhere: the source's jump names the page.
fn link_lost_markers(lost: &mut [Cand], (out, inc): (&mut Outgoing, &mut HashMap<PartRef, PartRef>), refused: &HashMap<PartRef, Refused>) {
    lost.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.src.cmp(&y.src)).then(x.dst.cmp(&y.dst)));
    for c in lost.iter() {
        if out.contains_key(&c.src) || refused.contains_key(&c.src) || inc.contains_key(&c.dst) {
            continue;
        }
        let tie =
            lost.iter().any(|o| o.src == c.src && o.dst != c.dst && !inc.contains_key(&o.dst) && o.score >= c.score - AMBIGUITY_MARGIN);
        if tie || closes_loop(out, c.src, c.dst) {
            continue;
        }
        out.insert(c.src, (c.dst, c.jump, c.score));
        inc.insert(c.dst, c.src);
    }
}

/// The links made so far, by source: `(continuation, jump index or NO_JUMP, score)`.
type Outgoing = HashMap<PartRef, (PartRef, usize, f64)>;

/// The source index of a link made from its continuation's side (`link_back`): the
/// source has no `continued_on` jump.
const NO_JUMP: usize = usize::MAX;

/// The second pass: a continuation that no source reached (its source's 下转 marker was
/// lost, or read into another article) looks back on the page its 上接 names for an
/// article that goes on nowhere (no `continued_on` jump, no link out); the best at or
/// above [`REVERSE_THRESHOLD`] is taken, best first over the issue, each part once, no
/// tie within [`AMBIGUITY_MARGIN`], no loop.
fn link_back(
    ctx: &Ctx,
    misplaced: &HashMap<PartRef, Jump>,
    (out, inc): (&mut Outgoing, &mut HashMap<PartRef, PartRef>),
    refused: &HashMap<PartRef, Refused>,
) {
    let (pages, numbers) = (ctx.pages, ctx.numbers);
    let mut back: Vec<Cand> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for (a, article) in page.articles.iter().enumerate() {
            let dst = PartRef { page: p, article: a };
            if inc.contains_key(&dst) {
                continue;
            }
            let Some(jump) = article.jumps.iter().find(|j| j.direction == JumpDirection::ContinuedFrom && j.page.is_some()) else {
                continue;
            };
            for q in target_pages(numbers, p, jump.page, &jump.label) {
                for (b, source) in pages[q].articles.iter().enumerate() {
                    let src = PartRef { page: q, article: b };
                    if src == dst
                        || out.contains_key(&src)
                        || refused.contains_key(&src)
                        || source.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedOn)
                    {
                        continue;
                    }
                    let s = ctx.score(src, misplaced.contains_key(&src), dst).total;
                    if s >= REVERSE_THRESHOLD {
                        back.push(Cand { src, jump: NO_JUMP, dst, score: s });
                    }
                }
            }
        }
    }
    back.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.dst.cmp(&y.dst)).then(x.src.cmp(&y.src)));
    for c in &back {
        if out.contains_key(&c.src) || inc.contains_key(&c.dst) {
            continue;
        }
        let tie =
            back.iter().any(|o| o.dst == c.dst && o.src != c.src && !out.contains_key(&o.src) && o.score >= c.score - AMBIGUITY_MARGIN);
        if tie {
            continue;
        }
        if !closes_loop(out, c.src, c.dst) {
            out.insert(c.src, (c.dst, NO_JUMP, c.score));
            inc.insert(c.dst, c.src);
        }
    }
}

/// A score rounded to three decimals, as written.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The baseline the evaluation compares with: each `continued_on` jump linked to the
/// first article, on the first page it names, whose `continued_from` jump names the
/// source's page number; nothing else is looked at. Returns `(source, continuation)` pairs.
pub fn baseline(pages: &[Page], numbers: &[PageNumber]) -> Vec<(PartRef, PartRef)> {
    let mut links = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for (a, article) in page.articles.iter().enumerate() {
            let Some(jump) = article.jumps.iter().find(|j| j.direction == JumpDirection::ContinuedOn) else { continue };
            let found = target_pages(numbers, p, jump.page, &jump.label).into_iter().find_map(|q| {
                pages[q]
                    .articles
                    .iter()
                    .position(|b| b.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedFrom && j.page == Some(numbers[p].number)))
                    .map(|b| PartRef { page: q, article: b })
            });
            if let Some(dst) = found
                && dst != (PartRef { page: p, article: a })
            {
                links.push((PartRef { page: p, article: a }, dst));
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind};

    fn article(id: usize, headline: &str, body: &str, jumps: Vec<Jump>) -> Article {
        Article {
            id,
            headline: Some(headline.to_string()),
            blocks: vec![Block::new(BlockKind::Paragraph, body.to_string(), [id * 10 + 1, id * 10 + 2])],
            text: body.to_string(),
            jumps,
            lines: [id * 10 + 1, id * 10 + 2],
            ..Article::default()
        }
    }

    fn jump(direction: JumpDirection, page: u32, label: &str) -> Jump {
        let verb = if direction == JumpDirection::ContinuedOn { "下转" } else { "上接" };
        Jump { direction, page: Some(page), label: label.to_string(), text: format!("{verb}{label}"), target: None }
    }

    fn page(number: u32, articles: Vec<Article>) -> Page {
        Page {
            schema: crate::SCHEMA.to_string(),
            source: format!("{number:02}.txt"),
            page: crate::PageInfo { number: Some(number), ..Default::default() },
            articles,
            leftovers: Vec::new(),
            removed: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Page 1: the nursing-home story's last line and its 下转 were read as the next
    /// article's headline ("…说，明（下转第二版）"); page 2: its continuation. Built by
    /// hand, so that the test does not depend on how the page pipeline segments.
    fn misplaced_pages(next_headline: &str) -> Vec<Page> {
        let mut next = article(1, "公共数据开放平台上线运行", "市公共数据开放平台日前上线运行，首批开放数据集三百二十个。", Vec::new());
        next.kicker = Some(next_headline.to_string());
        vec![
            page(
                1,
                vec![
                    article(0, "长照据点增至三百处", "卫生局昨天表示，全市社区长照据点已增至三百处，每周服务长者逾一万人次。", Vec::new()),
                    next,
                ],
            ),
            page(
                2,
                vec![
                    article(0, "冬季运动会开幕", "第十届全市冬季运动会昨日开幕，三千名运动员参赛。", Vec::new()),
                    // A bare continuation: no repeated headline, few shared terms.
                    Article {
                        headline: None,
                        ..article(1, "", "年将再新增五十处，志愿者增至两千人。", vec![jump(JumpDirection::ContinuedFrom, 1, "第一版")])
                    },
                ],
            ),
        ]
    }

    fn numbers(pages: &[Page]) -> Vec<PageNumber> {
        pages
            .iter()
            .map(|p| PageNumber { number: p.page.number.unwrap(), section: None, from: super::super::number::NumberSource::Furniture })
            .collect()
    }

    #[test]
    fn a_marker_read_into_the_next_headline_is_followed_for_the_article_it_ends() {
        for misplaced in ["卫生局长叶惠君说，明（下转第二版）", "下转第二版"] {
            let pages = misplaced_pages(misplaced);
            let found = misplaced_markers(&pages);
            assert_eq!(found.len(), 1, "{misplaced}");
            let j = &found[&PartRef { page: 0, article: 0 }];
            assert_eq!((j.direction, j.page, j.label.as_str()), (JumpDirection::ContinuedOn, Some(2), "第二版"));
            let linked = link(&pages, &numbers(&pages));
            let chain = linked.chains.iter().find(|c| c.parts.len() == 2).expect("a linked story");
            assert_eq!(chain.parts, [PartRef { page: 0, article: 0 }, PartRef { page: 1, article: 1 }]);
            // Found from the source's side: the back-link pass alone (0.75) would not
            // take this bare continuation; the cut last line counts as a cut sentence.
            let n = numbers(&pages);
            let s = Ctx::new(&pages, &n).score(chain.parts[0], true, chain.parts[1]);
            assert_eq!(s.continuity, 1.0);
            assert!(chain.scores[0] >= LINK_THRESHOLD && chain.scores[0] < REVERSE_THRESHOLD, "{}", chain.scores[0]);
            // The continuation's 上接 carries its target; the source has no jump to carry one.
            assert_eq!(linked.targets[1][1][0], Some(PartRef { page: 0, article: 0 }));
            assert!(linked.unlinked.is_empty(), "{:?}", linked.unlinked);
        }
    }

    #[test]
    fn a_marker_left_over_below_an_article_is_followed_for_it() {
        let mut pages = misplaced_pages("公共数据");
        // Article 0 spans lines 1-2; the cut line with its marker is line 4, a leftover.
        let line = |n: usize| Block::new(BlockKind::Rubric, "卫生局长叶惠君说，明（下转第二版）".to_string(), [n, n]);
        pages[0].leftovers.push(line(4));
        let found = misplaced_markers(&pages);
        assert_eq!(found.keys().copied().collect::<Vec<_>>(), [PartRef { page: 0, article: 0 }]);
        let linked = link(&pages, &numbers(&pages));
        assert!(linked.chains.iter().any(|c| c.parts == [PartRef { page: 0, article: 0 }, PartRef { page: 1, article: 1 }]));
        // Too far below the article (more than MISPLACED_GAP lines): nobody's.
        pages[0].leftovers = vec![line(2 + MISPLACED_GAP + 1)];
        assert!(misplaced_markers(&pages).is_empty());
    }

    #[test]
    fn a_candidate_headline_holding_a_marker_gives_way_to_its_subheadline() {
        let a = article(0, "社区微更新解决停车难", "", Vec::new());
        let mut b = article(1, "近年来，沿江各县区累计（下转第4版）", "", Vec::new());
        // Not its own headline: as a candidate without one.
        assert_eq!(headline_signal(&a, &b), NO_HEADLINE);
        b.subheadline = Some("社区微更新解决停车难".to_string());
        assert_eq!(headline_signal(&a, &b), 1.0);
        // A headline without a marker is the candidate's own, whatever its subheadline.
        b.headline = Some("冬季运动会开幕".to_string());
        assert!(headline_signal(&a, &b) < HEADLINE_MISMATCH);
    }

    #[test]
    fn a_short_repeated_headline_on_the_source_matches_the_full_one_it_begins() {
        let a = article(0, "“小巷总理", "", Vec::new());
        let b = article(1, "“小巷总理”的一天", "", Vec::new());
        assert_eq!(headline_signal(&a, &b), 1.0);
        // Only the start counts, and only from four Han characters on.
        assert!(headline_signal(&a, &article(1, "社区里的“小巷总理”", "", Vec::new())) < 1.0);
        assert!(headline_signal(&article(0, "小巷", "", Vec::new()), &b) < 1.0);
    }

    #[test]
    fn a_marker_is_not_moved_to_an_article_that_has_its_own() {
        let mut pages = misplaced_pages("卫生局长叶惠君说，明（下转第二版）");
        pages[0].articles[0].jumps.push(jump(JumpDirection::ContinuedOn, 9, "第九版"));
        assert!(misplaced_markers(&pages).is_empty());
        // Nor is a headline without a marker, nor the first article's head group.
        let mut pages = misplaced_pages("卫生局长叶惠君说");
        assert!(misplaced_markers(&pages).is_empty());
        pages[0].articles[0].kicker = Some("（下转第二版）".to_string());
        assert!(misplaced_markers(&pages).is_empty());
    }

    #[test]
    fn a_candidate_with_its_own_unrelated_headline_and_no_shared_terms_is_another_story() {
        let pages = vec![
            page(
                1,
                vec![article(
                    0,
                    "长照据点增至三百处",
                    "卫生局昨天表示，全市社区长照据点已增至三百处，每周服务",
                    vec![jump(JumpDirection::ContinuedOn, 2, "第二版")],
                )],
            ),
            page(
                2,
                vec![article(
                    0,
                    "冬季运动会开幕",
                    "三千名运动员参赛，比赛持续一周。",
                    vec![jump(JumpDirection::ContinuedFrom, 1, "第一版")],
                )],
            ),
        ];
        let n = numbers(&pages);
        // Marker and continuity alone are over the threshold ...
        let scores = score(&pages, &n, PartRef { page: 0, article: 0 });
        let s = scores[0].1;
        assert_eq!((s.marker, s.headline, s.terms, s.continuity), (1.0, 0.0, 0.0, 1.0));
        assert!(s.total >= LINK_THRESHOLD);
        // ... but the candidate's own headline says it is another story.
        let linked = link(&pages, &n);
        assert_eq!(linked.chains.len(), 2);
        let reasons: Vec<UnlinkedReason> = linked.unlinked.iter().map(|u| u.reason).collect();
        assert_eq!(reasons, [UnlinkedReason::NoContinuationFound, UnlinkedReason::NoSourceFound]);
    }

    /// Page 1: a story cut mid-sentence, 下转第二版; page 2: another story with its own
    /// headline and credit, and `bare`, the continuation as printed with its 上接 lost.
    fn lost_marker_pages(ending: &str, bare: Article) -> Vec<Page> {
        let mut other = article(0, "冬季运动会开幕", "第十届全市冬季运动会昨日开幕。", Vec::new());
        other.byline = Some("本报记者 甲某".to_string());
        vec![
            page(1, vec![article(0, "公共数据开放平台上线运行", ending, vec![jump(JumpDirection::ContinuedOn, 2, "第二版")])]),
            page(2, vec![other, bare]),
        ]
    }

    fn bare(body: &str) -> Article {
        Article { headline: None, ..article(1, "", body, Vec::new()) }
    }

    #[test]
    fn a_continuation_whose_marker_was_lost_is_found_by_its_shape() {
        let cut = "市公共数据开放平台日前上线运行，首批开放数据集三百二十个，企业和个人";
        let pages = lost_marker_pages(cut, bare("注册后即可免费下载使用。"));
        let n = numbers(&pages);
        let (src, dst) = (PartRef { page: 0, article: 0 }, PartRef { page: 1, article: 1 });
        // No marker (0.3), no headline (0.5), no shared term, both ends cut: under the
        // threshold of the first pass, over that of the last.
        let s = Ctx::new(&pages, &n).score(src, false, dst);
        assert_eq!((s.marker, s.headline, s.terms, s.continuity), (NO_MARKER, NO_HEADLINE, 0.0, 1.0));
        assert!(s.total >= LOST_MARKER_THRESHOLD && s.total < LINK_THRESHOLD, "{}", s.total);
        let linked = link(&pages, &n);
        assert!(linked.chains.iter().any(|c| c.parts == [src, dst]), "{:?}", linked.chains);
        assert_eq!(linked.targets[0][0][0], Some(dst));
        assert!(linked.unlinked.is_empty(), "{:?}", linked.unlinked);
        // Not a part with a credit of its own, nor one whose 上接 names another page.
        let mut credited = bare("注册后即可免费下载使用。");
        credited.byline = Some("本报记者 乙某".to_string());
        let mut elsewhere = bare("注册后即可免费下载使用。");
        elsewhere.jumps = vec![jump(JumpDirection::ContinuedFrom, 9, "第九版")];
        for b in [credited, elsewhere] {
            let pages = lost_marker_pages(cut, b);
            let linked = link(&pages, &numbers(&pages));
            assert_eq!(linked.chains.len(), 3, "{:?}", linked.chains);
            assert_eq!(linked.unlinked[0].reason, UnlinkedReason::NoContinuationFound);
        }
        // Nor, below the threshold, a bare part after a source that ends its sentence and
        // shares no term with it (0.305).
        let pages = lost_marker_pages("市公共数据开放平台日前上线运行，首批开放数据集三百二十个。", bare("注册后即可免费下载使用。"));
        let linked = link(&pages, &numbers(&pages));
        assert_eq!(linked.chains.len(), 3, "{:?}", linked.chains);
    }

    #[test]
    fn a_source_gives_way_to_one_that_has_no_other_candidate() {
        let pages = vec![
            page(
                3,
                vec![
                    article(0, "颱風外圍環流", "非必要不要前往山區及海邊。", vec![jump(JumpDirection::ContinuedOn, 4, "第四版")]),
                    article(
                        1,
                        "社区微更新解决停车难",
                        "东篱小区新增车位一百八十个，居民",
                        vec![jump(JumpDirection::ContinuedOn, 4, "第四版")],
                    ),
                ],
            ),
            page(
                4,
                vec![
                    // The typhoon story's continuation, its 上接 read; the parking story's
                    // under its short repeated headline, its 上接 lost.
                    Article {
                        headline: None,
                        ..article(0, "", "气象署预报员指出，明天清晨通过海峡。", vec![jump(JumpDirection::ContinuedFrom, 3, "第三版")])
                    },
                    article(1, "社区微更新", "“大家的事大家商量着办。”业委会主任说。", Vec::new()),
                ],
            ),
        ];
        let n = numbers(&pages);
        let ctx = Ctx::new(&pages, &n);
        let [typhoon, parking, marked, repeated] = [(0, 0), (0, 1), (1, 0), (1, 1)].map(|(page, article)| PartRef { page, article });
        // Best first, the parking story would take the marked continuation: it ends
        // mid-sentence, the typhoon story does not.
        let (p_marked, t_marked, p_repeated) =
            (ctx.score(parking, false, marked).total, ctx.score(typhoon, false, marked).total, ctx.score(parking, false, repeated).total);
        assert!(p_marked > t_marked && t_marked >= LINK_THRESHOLD && p_repeated >= LINK_THRESHOLD, "{p_marked} {t_marked} {p_repeated}");
        let linked = link(&pages, &n);
        assert!(linked.chains.iter().any(|c| c.parts == [typhoon, marked]), "{:?}", linked.chains);
        assert!(linked.chains.iter().any(|c| c.parts == [parking, repeated]), "{:?}", linked.chains);
        assert!(linked.unlinked.is_empty(), "{:?}", linked.unlinked);
    }
}
