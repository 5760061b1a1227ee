//! Conformance: every page in `corpus/` against its hand-made answer in
//! `tests/gold/<stem>.gold.json`, compared field by field as `check_gold.py` does
//! (white space and ASCII/full-width punctuation folded; line spans exact). A gold
//! file is data: adding a page and its answer adds a test case.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use banmian::eval::fold;
use banmian::{Options, Page, Pipeline};
use serde_json::Value;

fn fold_opt(v: Option<&str>) -> Option<String> {
    v.map(fold)
}

fn cases() -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in fs::read_dir("tests/gold").expect("tests/gold") {
        let gold = entry.expect("entry").path();
        let Some(name) = gold.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(stem) = name.strip_suffix(".gold.json") else { continue };
        let page = fs::read_dir("corpus")
            .expect("corpus")
            .map(|e| e.expect("entry").path())
            .find(|p| p.file_stem().and_then(|s| s.to_str()) == Some(stem))
            .unwrap_or_else(|| panic!("no corpus page for {name}"));
        out.push((page, gold));
    }
    out.sort();
    out
}

/// Compares one page with its gold; returns the failed checks.
fn check(page: &Page, gold: &Value) -> Vec<String> {
    let mut fails = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            fails.push(what);
        }
    };
    let golds = gold["articles"].as_array().expect("articles");
    expect(page.articles.len() == golds.len(), format!("article count {} != {}", page.articles.len(), golds.len()));
    let by_head: HashMap<Option<String>, &banmian::Article> = page.articles.iter().map(|a| (fold_opt(a.headline.as_deref()), a)).collect();
    for (i, g) in golds.iter().enumerate() {
        let Some(a) = by_head.get(&fold_opt(g["headline"].as_str())) else {
            expect(false, format!("a{i}: headline {:?} not found", g["headline"]));
            continue;
        };
        let fields =
            [("kicker", &a.kicker), ("subheadline", &a.subheadline), ("dateline", &a.dateline), ("byline", &a.byline), ("date", &a.date)];
        for (k, got) in fields {
            expect(fold_opt(got.as_deref()) == fold_opt(g[k].as_str()), format!("a{i} {k}: {got:?} != {:?}", g[k]));
        }
        if let Some(r) = g["rubric"].as_str() {
            expect(fold_opt(a.rubric.as_deref()) == Some(fold(r)), format!("a{i} rubric: {:?} != {r:?}", a.rubric));
        }
        let want: Vec<&str> = g["authors"].as_array().expect("authors").iter().map(|x| x["name"].as_str().unwrap_or("")).collect();
        let got: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
        expect(got == want, format!("a{i} authors {got:?} != {want:?}"));
        for (wa, ga) in g["authors"].as_array().expect("authors").iter().zip(&a.authors) {
            if let Some(role) = wa["role"].as_str() {
                expect(ga.role.as_deref() == Some(role), format!("a{i} role of {}: {:?}", ga.name, ga.role));
            }
            if let Some(org) = wa["org"].as_str().filter(|o| *o != "本报") {
                expect(fold_opt(ga.org.as_deref()) == Some(fold(org)), format!("a{i} org of {}: {:?}", ga.name, ga.org));
            }
        }
        let gb = g["blocks"].as_array().expect("blocks");
        let kinds: Vec<String> = a.blocks.iter().map(|b| serde_json::to_value(b.kind).unwrap().as_str().unwrap().to_string()).collect();
        let want_kinds: Vec<&str> = gb.iter().map(|b| b["kind"].as_str().unwrap_or("")).collect();
        expect(kinds == want_kinds, format!("a{i} block kinds {kinds:?} != {want_kinds:?}"));
        for (j, wb) in gb.iter().enumerate() {
            let got = a.blocks.get(j).map(|b| fold(&b.text));
            expect(got.as_deref() == Some(fold(wb["text"].as_str().unwrap_or("")).as_str()), format!("a{i} block {j} text: {got:?}"));
            let want_lines: Vec<usize> = wb["lines"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect();
            let got_lines = a.blocks.get(j).map(|b| b.lines.to_vec());
            expect(got_lines.as_deref() == Some(want_lines.as_slice()), format!("a{i} block {j} lines {got_lines:?} != {want_lines:?}"));
        }
        let want_jumps: Vec<(String, Option<u64>)> =
            g["jumps"].as_array().unwrap().iter().map(|j| (j["direction"].as_str().unwrap().to_string(), j["page"].as_u64())).collect();
        let got_jumps: Vec<(String, Option<u64>)> = a
            .jumps
            .iter()
            .map(|j| (serde_json::to_value(j.direction).unwrap().as_str().unwrap().to_string(), j.page.map(u64::from)))
            .collect();
        expect(got_jumps == want_jumps, format!("a{i} jumps {got_jumps:?} != {want_jumps:?}"));
        let joined = a.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
        expect(a.text == joined, format!("a{i} text is not the blocks joined"));
        if let (Some(block), Some(kind)) = (g["expect_warning_block"].as_u64(), g["expect_warning_kind"].as_str()) {
            let found =
                a.warnings.iter().any(|w| w.block == Some(block as usize) && serde_json::to_value(w.kind).unwrap().as_str() == Some(kind));
            expect(found, format!("a{i} warning {kind} on block {block}: {:?}", a.warnings));
        }
    }
    if let Some(marker) = gold["duplicate_paragraph_marker"].as_str() {
        let holders: Vec<usize> = page
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.blocks.iter().any(|b| fold(&b.text).contains(marker)))
            .map(|(i, _)| i)
            .collect();
        let want = gold["duplicate_kept_in_article"].as_u64().unwrap() as usize;
        expect(holders == vec![want], format!("duplicate kept in {holders:?}, want [{want}]"));
        let lines: Vec<usize> = gold["removed_duplicate_lines"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect();
        expect(
            page.removed.iter().any(|r| fold(&r.text).contains(marker) && r.lines.to_vec() == lines),
            format!("no removed copy at lines {lines:?}"),
        );
    }
    if let Some(r) = gold["leftover_or_rubric"].as_str() {
        let r = fold(r);
        let kept = page.leftovers.iter().any(|b| fold(&b.text) == r)
            || page.articles.iter().any(|a| a.rubric.as_deref().map(fold) == Some(r.clone()));
        let in_body = page.articles.iter().any(|a| a.blocks.iter().any(|b| fold(&b.text).contains(&r)));
        expect(kept && !in_body, format!("trailing rubric {r:?} not kept apart"));
    }
    for s in gold["leftovers_contain"].as_array().into_iter().flatten() {
        let s = fold(s.as_str().unwrap());
        expect(page.leftovers.iter().any(|b| fold(&b.text).contains(&s)), format!("leftovers lack {s:?}"));
    }
    if let Some(p) = gold["page"].as_object() {
        let got = serde_json::to_value(&page.page).unwrap();
        for (k, v) in p {
            expect(&got[k] == v, format!("page {k}: {} != {v}", got[k]));
        }
    }
    fails
}

#[test]
fn every_corpus_page_matches_its_gold() {
    let pipeline = Pipeline::new(Options::default()).unwrap();
    let cases = cases();
    assert!(cases.len() >= 13, "expected the seed and twelve written pages, found {}", cases.len());
    let mut report = Vec::new();
    for (page_path, gold_path) in &cases {
        let bytes = fs::read(page_path).unwrap();
        let page = pipeline.process_bytes(&page_path.display().to_string(), &bytes).unwrap();
        let gold: Value = serde_json::from_slice(&fs::read(gold_path).unwrap()).unwrap();
        for f in check(&page, &gold) {
            report.push(format!("{}: {f}", page_path.display()));
        }
    }
    assert!(report.is_empty(), "{} failed checks:\n{}", report.len(), report.join("\n"));
}

#[test]
fn no_han_character_is_lost_on_any_corpus_page() {
    let pipeline = Pipeline::new(Options::default()).unwrap();
    for (page_path, _) in cases() {
        let text = fs::read_to_string(&page_path).unwrap();
        let page = pipeline.process("x", &text);
        let mut have: HashMap<char, i64> = HashMap::new();
        let mut add = |s: &str, sign: i64| {
            for c in s.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)) {
                *have.entry(c).or_default() += sign;
            }
        };
        add(&text, 1);
        for a in &page.articles {
            for f in [&a.kicker, &a.headline, &a.subheadline, &a.rubric, &a.byline, &a.dateline].into_iter().flatten() {
                add(f, -1);
            }
            for b in &a.blocks {
                add(&b.text, -1);
            }
            for j in &a.jumps {
                add(&j.text, -1);
            }
        }
        for b in &page.leftovers {
            add(&b.text, -1);
        }
        for r in &page.removed {
            add(&r.text, -1);
        }
        let lost: Vec<(char, i64)> = have.into_iter().filter(|(_, n)| *n > 0).collect();
        assert!(lost.is_empty(), "{}: lost {lost:?}", page_path.display());
    }
}

#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn the_seed_is_the_shared_gold_page() {
    // corpus/01_seed.md is the real page the gold answers; keep them in step.
    let shared = Path::new(env!("BANMIAN_SHARED_DIR")).join("gold/seed.txt");
    assert_eq!(fs::read(shared).unwrap(), fs::read("corpus/01_seed.md").unwrap());
}
