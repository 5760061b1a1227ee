//! Invariants every page banmian writes must satisfy, whatever the input: shared by
//! the property tests, the pathological pages and the fuzz targets (which include
//! this file by path), so that all three check the same things the same way.
//!
//! - Nothing is lost: every Han character and every digit (ASCII or full width) of the
//!   input is found in the output's texts, counted as a multiset, the way
//!   `shared/tools/check_gold.py` counts Han characters: article kicker, headline,
//!   subheadline, rubric, byline, dateline, blocks, jump texts, leftovers, removed.
//! - Spans are sane: every `lines` is `[first, last]` with `1 <= first <= last <=` the
//!   input's line count; blocks of an article are in input order.
//! - `duplicate_of` points at a block that exists.

#![allow(dead_code)]

use std::collections::HashMap;

use banmian::{BlockKind, Page, WarningKind};

/// The characters that must survive: Han ideographs and digits.
pub fn counted(c: char) -> bool {
    banmian::rules::chars::is_han(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Every output text that carries input characters, as `check_gold.py` lists them.
pub fn output_texts(page: &Page) -> Vec<&str> {
    let mut out = Vec::new();
    for a in &page.articles {
        for f in [&a.kicker, &a.headline, &a.subheadline, &a.rubric, &a.byline, &a.dateline].into_iter().flatten() {
            out.push(f.as_str());
        }
        out.extend(a.blocks.iter().map(|b| b.text.as_str()));
        out.extend(a.jumps.iter().map(|j| j.text.as_str()));
    }
    out.extend(page.leftovers.iter().map(|b| b.text.as_str()));
    out.extend(page.removed.iter().map(|r| r.text.as_str()));
    out
}

/// The characters the look-alike repair replaced, as printed: each `lookalike` warning
/// names its printed and repaired word ("line 3: printed 昨夭, repaired 昨天"), and the
/// contract counts the printed characters as kept.
pub fn lookalike_printed(page: &Page) -> String {
    let words = page.articles.iter().flat_map(|a| &a.warnings).filter(|w| w.kind == WarningKind::Lookalike).filter_map(|w| {
        let (_, m) = w.message.split_once(": printed ")?;
        m.split_once(", repaired ")
    });
    words.flat_map(|(p, r)| p.chars().zip(r.chars()).filter(|(a, b)| a != b).map(|(a, _)| a)).collect()
}

fn tally<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for t in texts {
        for c in t.chars().filter(|c| counted(*c)) {
            *m.entry(c).or_default() += 1;
        }
    }
    m
}

/// The Han characters and digits of `input` missing from `page` (multiset
/// difference), sorted; empty when nothing was lost.
pub fn lost(input: &str, page: &Page) -> Vec<char> {
    let replaced = lookalike_printed(page);
    let have = tally(output_texts(page).into_iter().chain([replaced.as_str()]));
    let want = tally([input]);
    let mut missing: Vec<char> =
        want.into_iter().flat_map(|(c, n)| std::iter::repeat_n(c, n.saturating_sub(have.get(&c).copied().unwrap_or(0)))).collect();
    missing.sort_unstable();
    missing
}

/// Lines in `text` as banmian numbers them: LF, CRLF and CR each end a line, and a
/// last line without a line end counts.
pub fn line_count(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !text.is_empty() && !matches!(b[b.len() - 1], b'\n' | b'\r') {
        n += 1;
    }
    n
}

/// Every problem with the page's spans and references, as sentences; empty when sane.
pub fn span_problems(page: &Page, lines: usize) -> Vec<String> {
    let mut bad = Vec::new();
    let mut check = |what: String, l: [usize; 2]| {
        if !(1 <= l[0] && l[0] <= l[1] && l[1] <= lines) {
            bad.push(format!("{what}: lines {l:?} not within 1..={lines}"));
        }
    };
    for (ai, a) in page.articles.iter().enumerate() {
        check(format!("article {ai}"), a.lines);
        for (bi, b) in a.blocks.iter().enumerate() {
            check(format!("article {ai} block {bi}"), b.lines);
        }
    }
    for (i, b) in page.leftovers.iter().enumerate() {
        check(format!("leftover {i}"), b.lines);
    }
    for (i, r) in page.removed.iter().enumerate() {
        check(format!("removed {i}"), r.lines);
    }
    for (ai, a) in page.articles.iter().enumerate() {
        if a.id != ai {
            bad.push(format!("article {ai} has id {}", a.id));
        }
        for (bi, w) in a.blocks.windows(2).enumerate() {
            if w[1].lines[0] < w[0].lines[0] {
                bad.push(format!(
                    "article {ai}: block {} (lines {:?}) comes before block {bi} (lines {:?})",
                    bi + 1,
                    w[1].lines,
                    w[0].lines
                ));
            }
        }
        for b in &a.blocks {
            if !(a.lines[0] <= b.lines[0] && b.lines[1] <= a.lines[1]) {
                bad.push(format!("article {ai} (lines {:?}) does not span its block at {:?}", a.lines, b.lines));
            }
        }
        let joined = a.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
        if a.text != joined {
            bad.push(format!("article {ai}: text is not its blocks joined"));
        }
    }
    for (i, r) in page.removed.iter().enumerate() {
        if let Some(d) = r.duplicate_of {
            if page.articles.get(d.article).and_then(|a| a.blocks.get(d.block)).is_none() {
                bad.push(format!("removed {i}: duplicate_of {d:?} does not exist"));
            }
        }
    }
    bad
}

fn json(page: &Page) -> String {
    serde_json::to_string(page).unwrap_or_else(|e| format!("<{e}>"))
}

/// Panics with a readable report when `page`, made from `input`, breaks an invariant.
pub fn assert_sane(input: &str, page: &Page) {
    let lost = lost(input, page);
    assert!(
        lost.is_empty(),
        "lost {} characters: {:?}\ninput: {input:?}\npage: {}",
        lost.len(),
        lost.iter().take(40).collect::<String>(),
        json(page)
    );
    let bad = span_problems(page, line_count(input));
    assert!(bad.is_empty(), "{}\ninput: {input:?}\npage: {}", bad.join("\n"), json(page));
}

/// A front page opened by a quotation box: its first article has no headline, no
/// credit and no authors, and holds exactly `quotes` as quote blocks; the next article
/// is headed `next`.
#[track_caller]
pub fn assert_quotation_opens(page: &Page, quotes: &[&str], next: &str) {
    let first = &page.articles[0];
    assert_eq!((first.headline.as_deref(), first.byline.as_deref()), (None, None));
    assert!(first.authors.is_empty(), "{:?}", first.authors);
    let blocks: Vec<(&BlockKind, &str)> = first.blocks.iter().map(|b| (&b.kind, b.text.as_str())).collect();
    let want: Vec<(&BlockKind, &str)> = quotes.iter().map(|q| (&BlockKind::Quote, *q)).collect();
    assert_eq!(blocks, want);
    assert_eq!(page.articles[1].headline.as_deref(), Some(next));
}

/// A PaddleOCR page JSON line: `text` in the upright box `[x0, y0]`–`[x1, y1]` (pixels),
/// read with confidence 0.95.
pub fn paddle_box(text: &str, x0: i64, y0: i64, x1: i64, y1: i64) -> serde_json::Value {
    serde_json::json!({"text": text, "box": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], "score": 0.95})
}
