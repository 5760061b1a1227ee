//! Scoring one page: banmian's output [`Page`] against its [`Gold`].
//!
//! The definitions are those of `evaluation/README.md` ("banmian eval") and of issue 12;
//! each function names the one it implements. Text is compared after [`fold`], the fold
//! of `../shared/tools/check_gold.py`, and similarity is [`similarity`]: one minus the
//! Levenshtein distance over chars divided by the longer length.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::{Gold, GoldArticle, GoldLine};
use crate::model::{Article, Page};

/// Headline-group similarity at or above which an output article may be the gold
/// article (issue 12: "folded-equal or at least 0.9 similar").
pub const HEADLINE_SIMILARITY: f64 = 0.9;

/// Body similarity at or above which a headline match counts as found (issue 12).
pub const BODY_SIMILARITY: f64 = 0.5;

/// Body similarity counted in [`PageScore::bodies_0_9`]: a body "0.9 similar".
pub const GOOD_BODY: f64 = 0.9;

/// The fields scored by folded exact match, in the order they are reported.
pub const FIELDS: [&str; 8] = ["kicker", "headline", "subheadline", "rubric", "byline", "dateline", "authors", "jumps"];

/// check_gold.py's fold: white space removed (Python's `\s`: Unicode white space and
/// U+001C..U+001F) and the full-width `，；：！？（）` mapped to ASCII `,;:!?()`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !(c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(c)))
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '！' => '!',
            '？' => '?',
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// [`fold`] of an optional field; `None` stays `None`.
fn fold_opt(s: Option<&str>) -> Option<String> {
    s.map(fold)
}

/// Levenshtein distance between two sequences (of chars, or of line ids; insertions, deletions and
/// substitutions of one char each cost 1). Myers' bit-vector algorithm in 64-row
/// blocks (G. Myers, "A fast bit-vector algorithm for approximate string matching
/// based on dynamic programming", J. ACM 46(3), 1999, §4 and its global-distance
/// variant): O(⌈m/64⌉·n) time and O(⌈m/64⌉·σ) memory for lengths m ≤ n and σ
/// distinct chars in the shorter sequence, so two 10,000-char bodies take about 1.6
/// million word steps.
pub fn levenshtein<T: Copy + Eq + std::hash::Hash>(a: &[T], b: &[T]) -> usize {
    let (p, t) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let m = p.len();
    if m == 0 {
        return t.len();
    }
    let blocks = m.div_ceil(64);
    // Peq[c]: bit i of block w set where p[64w + i] == c.
    let mut peq: FxHashMap<T, Vec<u64>> = FxHashMap::default();
    for (i, &c) in p.iter().enumerate() {
        peq.entry(c).or_insert_with(|| vec![0; blocks])[i / 64] |= 1 << (i % 64);
    }
    let zero = vec![0u64; blocks];
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    let last = 1u64 << ((m - 1) % 64);
    let mut score = m;
    for c in t {
        let eqs = peq.get(c).unwrap_or(&zero);
        // Horizontal delta entering the top of the block: +1 on row 0 (D[0][j] = j).
        let mut hin: i8 = 1;
        for w in 0..blocks {
            let (p_v, m_v) = (pv[w], mv[w]);
            let mut eq = eqs[w];
            let xv = eq | m_v;
            if hin < 0 {
                eq |= 1;
            }
            let xh = ((eq & p_v).wrapping_add(p_v) ^ p_v) | eq;
            let mut ph = m_v | !(xh | p_v);
            let mut mh = p_v & xh;
            let high = if w + 1 == blocks { last } else { 1 << 63 };
            let hout: i8 = if ph & high != 0 {
                1
            } else if mh & high != 0 {
                -1
            } else {
                0
            };
            ph <<= 1;
            mh <<= 1;
            if hin < 0 {
                mh |= 1;
            } else if hin > 0 {
                ph |= 1;
            }
            pv[w] = mh | !(xv | ph);
            mv[w] = ph & xv;
            hin = hout;
        }
        score = (score as isize + hin as isize) as usize;
    }
    score
}

/// 1 − [`levenshtein`] / the longer length, over chars: 1.0 for equal texts (two
/// empty texts included), 0.0 for texts with nothing in common. Not folded: callers
/// fold first.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    similarity_chars(&a, &b)
}

fn similarity_chars(a: &[char], b: &[char]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f64 / longer as f64
}

/// Normalized edit distance of two id sequences: [`levenshtein`] over ids divided by
/// the longer length, 0.0 for two empty sequences (OmniDocBench's reading-order
/// measure; lower is better).
pub fn sequence_distance(gold: &[usize], got: &[usize]) -> f64 {
    let longer = gold.len().max(got.len());
    if longer == 0 {
        return 0.0;
    }
    levenshtein(gold, got) as f64 / longer as f64
}

/// Pairwise F1 of two clusterings of the same items (`gold[i]` and `got[i]` are the
/// clusters of item i; `None` in `got` is an item in no output article, a cluster of
/// its own). A pair of items is positive when both are in one cluster; precision and
/// recall are over output and gold positive pairs. When neither side has a positive
/// pair the F1 is 1.0 if both say so and 0.0 otherwise.
pub fn pairwise_f1(gold: &[usize], got: &[Option<usize>]) -> f64 {
    fn pairs(n: u64) -> u64 {
        n * n.saturating_sub(1) / 2
    }
    let mut g: FxHashMap<usize, u64> = FxHashMap::default();
    let mut o: FxHashMap<usize, u64> = FxHashMap::default();
    let mut both: FxHashMap<(usize, usize), u64> = FxHashMap::default();
    for (&gc, oc) in gold.iter().zip(got) {
        *g.entry(gc).or_default() += 1;
        if let Some(oc) = *oc {
            *o.entry(oc).or_default() += 1;
            *both.entry((gc, oc)).or_default() += 1;
        }
    }
    let gp: u64 = g.values().map(|&n| pairs(n)).sum();
    let op: u64 = o.values().map(|&n| pairs(n)).sum();
    let tp: u64 = both.values().map(|&n| pairs(n)).sum();
    if gp == 0 && op == 0 {
        return 1.0;
    }
    if tp == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / op as f64, tp as f64 / gp as f64);
    2.0 * p * r / (p + r)
}

/// How one gold article was scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleScore {
    /// The gold article's `headline`.
    pub headline: String,
    /// The output article it was matched with (`id`), or `null` when the page has none.
    pub matched: Option<usize>,
    /// Found (issue 12): the match's headline group is folded-equal or ≥ 0.9 similar to
    /// the gold's and its body ≥ 0.5 similar.
    pub found: bool,
    /// Similarity of the folded headline groups (kicker + headline + subheadline).
    pub headline_similarity: f64,
    /// Similarity of the folded bodies; 0.0 when the page has no article.
    pub body_similarity: f64,
    /// Similarity of the folded output body to the folded `oracle`; `null` without one.
    pub layout_similarity: Option<f64>,
    /// The fields of [`FIELDS`] that match (folded exact; all false when not found).
    pub fields: Vec<&'static str>,
}

/// How one page was scored: counts and sums, so that kinds add pages up exactly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageScore {
    /// Gold articles.
    pub articles: usize,
    /// Output articles.
    pub output_articles: usize,
    /// Gold articles found.
    pub found: usize,
    /// Gold articles whose match's body is ≥ 0.9 similar.
    pub bodies_0_9: usize,
    /// Per field of [`FIELDS`], how many gold articles match it.
    pub fields: [usize; 8],
    /// Sum over gold articles of `body_similarity`.
    pub body_similarity_sum: f64,
    /// Gold articles with an `oracle`.
    pub oracles: usize,
    /// Sum over those of `layout_similarity`.
    pub layout_similarity_sum: f64,
    /// Reading order: normalized edit distance between the gold line ids in order
    /// and the output's sequence of them; `null` when the gold has no `order`.
    pub reading_order: Option<f64>,
    /// Pairwise F1 of the gold line ids' articles, gold vs output; `null` without `order`.
    pub assignment_f1: Option<f64>,
    /// Each gold article, in gold order.
    pub details: Vec<ArticleScore>,
}

/// The folded headline group: kicker, headline and subheadline concatenated.
fn group(kicker: Option<&str>, headline: Option<&str>, subheadline: Option<&str>) -> String {
    [kicker, headline, subheadline].into_iter().flatten().map(fold).collect()
}

/// One output article prepared for comparison.
struct Out {
    group: Vec<char>,
    group_folded: String,
    body: Vec<char>,
}

/// Scores one page. Matching: each gold article is matched with the output article
/// whose headline group passes the headline test (folded-equal or ≥ 0.9 similar) and,
/// among those, has the most similar body; when none passes, with the output article
/// whose body is most similar (ties: the first). One output article may be the match
/// of several gold articles. Fields are compared on found articles only.
pub fn score_page(gold: &Gold, page: &Page) -> PageScore {
    score_page_with(gold, page, None)
}

/// [`score_page`] for a box page with the boxes of each output line
/// (`line_boxes[no - 1]` for line `no`, in the order the reader recovered them, as
/// the geometry's recovered lines, `geometry::Recovered::lines`, gives them), so that reading order
/// inside a block is scored too.
pub fn score_page_with(gold: &Gold, page: &Page, line_boxes: Option<&[Vec<usize>]>) -> PageScore {
    let outs: Vec<Out> = page
        .articles
        .iter()
        .map(|a| {
            let g = group(a.kicker.as_deref(), a.headline.as_deref(), a.subheadline.as_deref());
            Out { group: g.chars().collect(), group_folded: g, body: fold(&a.text).chars().collect() }
        })
        .collect();
    let mut score = PageScore {
        articles: gold.articles.len(),
        output_articles: page.articles.len(),
        found: 0,
        bodies_0_9: 0,
        fields: [0; 8],
        body_similarity_sum: 0.0,
        oracles: 0,
        layout_similarity_sum: 0.0,
        reading_order: None,
        assignment_f1: None,
        details: Vec::with_capacity(gold.articles.len()),
    };
    for g in &gold.articles {
        let detail = score_article(g, &outs, page);
        score.found += usize::from(detail.found);
        score.bodies_0_9 += usize::from(detail.body_similarity >= GOOD_BODY);
        score.body_similarity_sum += detail.body_similarity;
        if let Some(l) = detail.layout_similarity {
            score.oracles += 1;
            score.layout_similarity_sum += l;
        }
        for (i, f) in FIELDS.iter().enumerate() {
            score.fields[i] += usize::from(detail.fields.contains(f));
        }
        score.details.push(detail);
    }
    if !gold.order.is_empty() {
        let (order, assignment) = order_scores(&gold.order, page, line_boxes);
        score.reading_order = Some(order);
        score.assignment_f1 = Some(assignment);
    }
    score
}

fn score_article(g: &GoldArticle, outs: &[Out], page: &Page) -> ArticleScore {
    let gg = group(g.kicker.as_deref(), Some(&g.headline), g.subheadline.as_deref());
    let gg_chars: Vec<char> = gg.chars().collect();
    let body_text: String = g.blocks.iter().map(|b| fold(&b.text)).collect();
    let body: Vec<char> = body_text.chars().collect();
    // (headline passes, body similarity, headline similarity, index): best by the first two.
    let mut best: Option<(bool, f64, f64, usize)> = None;
    for (i, o) in outs.iter().enumerate() {
        let hs = similarity_chars(&gg_chars, &o.group);
        let head_ok = o.group_folded == gg || hs >= HEADLINE_SIMILARITY;
        // A body cannot be more similar than its length allows: skip the distance
        // when even that bound would not beat the best so far.
        if let Some((bh, bs, _, _)) = best {
            let bound = body.len().min(o.body.len()) as f64 / body.len().max(o.body.len()).max(1) as f64;
            if (bh && !head_ok) || (bh == head_ok && bound <= bs) {
                continue;
            }
        }
        let bs = similarity_chars(&body, &o.body);
        let better = match best {
            None => true,
            Some((bh, bbs, _, _)) => (head_ok && !bh) || (head_ok == bh && bs > bbs),
        };
        if better {
            best = Some((head_ok, bs, hs, i));
        }
    }
    let Some((head_ok, body_similarity, headline_similarity, i)) = best else {
        return ArticleScore {
            headline: g.headline.clone(),
            matched: None,
            found: false,
            headline_similarity: 0.0,
            body_similarity: 0.0,
            layout_similarity: g.oracle.as_ref().map(|o| if fold(o).is_empty() { 1.0 } else { 0.0 }),
            fields: Vec::new(),
        };
    };
    let a = &page.articles[i];
    let found = head_ok && body_similarity >= BODY_SIMILARITY;
    let layout_similarity = g.oracle.as_ref().map(|o| similarity_chars(&fold(o).chars().collect::<Vec<_>>(), &outs[i].body));
    let fields = if found { FIELDS.iter().copied().filter(|f| field_matches(f, g, a)).collect() } else { Vec::new() };
    ArticleScore { headline: g.headline.clone(), matched: Some(i), found, headline_similarity, body_similarity, layout_similarity, fields }
}

/// Folded exact match of one field. `authors` follows check_gold.py: the names in
/// order, each gold `role` when given, each gold `org` when given and not 本报;
/// `jumps`: the `(direction, page)` pairs in order.
fn field_matches(field: &str, g: &GoldArticle, a: &Article) -> bool {
    let eq = |x: Option<&str>, y: Option<&str>| fold_opt(x) == fold_opt(y);
    match field {
        "kicker" => eq(g.kicker.as_deref(), a.kicker.as_deref()),
        "headline" => eq(Some(&g.headline), a.headline.as_deref()),
        "subheadline" => eq(g.subheadline.as_deref(), a.subheadline.as_deref()),
        "rubric" => eq(g.rubric.as_deref(), a.rubric.as_deref()),
        "byline" => eq(g.byline.as_deref(), a.byline.as_deref()),
        "dateline" => eq(g.dateline.as_deref(), a.dateline.as_deref()),
        "authors" => {
            g.authors.len() == a.authors.len()
                && g.authors.iter().zip(&a.authors).all(|(ga, oa)| {
                    fold(&ga.name) == fold(&oa.name)
                        && ga.role.as_ref().is_none_or(|r| Some(r) == oa.role.as_ref())
                        && ga.org.as_deref().filter(|o| *o != "本报").is_none_or(|o| Some(fold(o)) == fold_opt(oa.org.as_deref()))
                })
        }
        "jumps" => {
            g.jumps.len() == a.jumps.len()
                && g.jumps.iter().zip(&a.jumps).all(|(gj, oj)| {
                    let dir = match oj.direction {
                        crate::model::JumpDirection::ContinuedOn => "continued_on",
                        crate::model::JumpDirection::ContinuedFrom => "continued_from",
                    };
                    gj.direction == dir && gj.page == oj.page
                })
        }
        _ => false,
    }
}

/// The input units (1-based line numbers of a text page, or 0-based box indexes of a
/// box page) of one output article, in the order the output gives them: its head
/// lines first, then each block's lines in block order, then its other lines (jump
/// markers, credits printed after the body). A head or other line is a line inside
/// the article's `lines` span that no block, leftover or removed entry of the page
/// holds (`taken`). On a box page with `line_boxes` (the boxes of each output line, in
/// the order the reader recovered them) each line stands for its boxes; without it, a
/// block stands for its `boxes` field (ascending, so the order inside a block is lost)
/// and the heads for the article's other `boxes`.
fn article_units(a: &Article, taken: &FxHashSet<usize>, boxes: bool, line_boxes: Option<&[Vec<usize>]>) -> Vec<usize> {
    if boxes && line_boxes.is_none() {
        let blocks: Vec<usize> = a.blocks.iter().flat_map(|b| b.provenance.boxes.iter().flatten().copied()).collect();
        let in_blocks: FxHashSet<usize> = blocks.iter().copied().collect();
        let first = blocks.iter().min().copied().unwrap_or(usize::MAX);
        let (head, tail): (Vec<usize>, Vec<usize>) =
            a.provenance.boxes.iter().flatten().copied().filter(|u| !in_blocks.contains(u)).partition(|&u| u < first);
        return head.into_iter().chain(blocks).chain(tail).collect();
    }
    let blocks: Vec<usize> = a.blocks.iter().flat_map(|b| b.lines[0]..=b.lines[1]).collect();
    let first = blocks.iter().min().copied().unwrap_or(usize::MAX);
    let (head, tail): (Vec<usize>, Vec<usize>) = (a.lines[0]..=a.lines[1]).filter(|u| !taken.contains(u)).partition(|&u| u < first);
    let lines = head.into_iter().chain(blocks).chain(tail);
    match line_boxes {
        Some(map) if boxes => lines.flat_map(|no| map.get(no.wrapping_sub(1)).into_iter().flatten().copied()).collect(),
        _ => lines.collect(),
    }
}

/// Reading order (normalized edit distance of gold line id sequences) and pairwise
/// assignment F1 for one page; see [`PageScore::reading_order`] and [`article_units`].
fn order_scores(order: &[GoldLine], page: &Page, line_boxes: Option<&[Vec<usize>]>) -> (f64, f64) {
    let boxes = order.iter().any(|l| !l.boxes.is_empty());
    let mut unit_to_id: FxHashMap<usize, usize> = FxHashMap::default();
    for (id, l) in order.iter().enumerate() {
        for &u in if boxes { &l.boxes } else { &l.lines } {
            unit_to_id.entry(u).or_insert(id);
        }
    }
    // The output lines some block, leftover or removed entry holds.
    let mut taken = FxHashSet::default();
    let spans = page
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.lines))
        .chain(page.leftovers.iter().map(|b| b.lines))
        .chain(page.removed.iter().map(|r| r.lines));
    for [first, last] in spans {
        taken.extend(first..=last);
    }
    let mut seen = vec![None; order.len()];
    let mut sequence = Vec::new();
    for (ai, a) in page.articles.iter().enumerate() {
        for u in article_units(a, &taken, boxes, line_boxes) {
            if let Some(&id) = unit_to_id.get(&u)
                && seen[id].is_none()
            {
                seen[id] = Some(ai);
                sequence.push(id);
            }
        }
    }
    let gold_sequence: Vec<usize> = (0..order.len()).collect();
    let gold_articles: Vec<usize> = order.iter().map(|l| l.article).collect();
    (sequence_distance(&gold_sequence, &sequence), pairwise_f1(&gold_articles, &seen))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dp(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn known_distances() {
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars(""), &chars("新华社")), 3);
        assert_eq!(levenshtein(&chars("本报讯记者尹明"), &chars("本报讯记者尹朋")), 1);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("abcd", "abce"), 0.75);
    }

    #[test]
    fn fold_is_check_gold_fold() {
        assert_eq!(fold(" 本报讯（记者 尹明）\n12日，举行：是！？；\u{3000}"), "本报讯(记者尹明)12日,举行:是!?;");
    }

    #[test]
    fn long_texts_cross_block_boundaries() {
        // 200 and 190 chars: four blocks; known distance from the plain DP.
        let a: Vec<char> = (0..200).map(|i| char::from_u32(0x4E00 + (i * 7 % 13) as u32).unwrap()).collect();
        let mut b = a.clone();
        b.drain(60..70);
        b[150] = 'x';
        assert_eq!(levenshtein(&a, &b), dp(&a, &b));
        assert_eq!(levenshtein(&a, &b), 11);
    }

    #[test]
    fn pairwise_f1_of_a_known_split() {
        // Gold: one article of 4 lines (6 pairs). Output: split 2 + 2 (2 pairs, both right).
        let f1 = pairwise_f1(&[0, 0, 0, 0], &[Some(0), Some(0), Some(1), Some(1)]);
        let (p, r) = (1.0, 2.0 / 6.0);
        assert!((f1 - 2.0 * p * r / (p + r)).abs() < 1e-12, "{f1}");
        assert_eq!(pairwise_f1(&[0, 0, 1, 1], &[Some(5), Some(5), Some(6), Some(6)]), 1.0);
        assert_eq!(pairwise_f1(&[0, 1], &[None, None]), 1.0);
        assert_eq!(pairwise_f1(&[0, 0], &[None, None]), 0.0);
    }

    #[test]
    fn sequence_distance_of_a_swapped_pair() {
        assert_eq!(sequence_distance(&[0, 1, 2, 3], &[0, 2, 1, 3]), 0.5);
        assert_eq!(sequence_distance(&[0, 1, 2, 3], &[0, 1, 2, 3]), 0.0);
        assert_eq!(sequence_distance(&[0, 1, 2, 3], &[]), 1.0);
        assert_eq!(sequence_distance(&[70000, 1], &[1, 70000]), 1.0);
    }

    proptest! {
        #[test]
        fn bit_vector_distance_equals_the_dynamic_programme(a in "[a-d本报]{0,150}", b in "[a-d本报]{0,150}") {
            let (a, b) = (chars(&a), chars(&b));
            prop_assert_eq!(levenshtein(&a, &b), dp(&a, &b));
        }
    }
}
