//! OpenCC conformance: runs OpenCC's own conversion test cases through the backend
//! this build converts with ([`banmian::Converter::BACKEND`]) and prints the pass count
//! per configuration.
//!
//! ```text
//! cargo run --release --example opencc_conformance [-- [TESTCASES.json] [--failures] [--min-percent P]]
//! cargo run --release --example opencc_conformance --features system-opencc
//! ```
//!
//! The test cases are OpenCC's `test/testcases/testcases.json`, shape
//! `{"cases": [{"id", "input", "expected": {CONFIG: OUTPUT, ...}}]}`, read by default
//! from `../shared/opencc-testcases/testcases.json` beside the crate (see its
//! PROVENANCE.md). They are OpenCC 1.4's expectations: the default `builtin` backend
//! (OpenCC 1.4.2's tables) passes them all, backends on older dictionaries only part
//! of them. Without `--min-percent` this reports and does not gate; with it, any
//! configuration passing fewer than P percent of its cases makes the run fail (exit
//! 1). When the file is absent the runner says so and exits 0; a file that cannot be
//! read as test cases is an error (exit 1). Configurations banmian does not offer
//! (jp2t, t2jp, s2hkp, hk2sp) are listed as skipped. `--failures` prints every
//! failing case.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use banmian::{Config, Converter};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    input: String,
    expected: BTreeMap<String, String>,
}

fn main() -> ExitCode {
    let mut path = None;
    let mut show_failures = false;
    let mut min_percent: Option<f64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--failures" => show_failures = true,
            "--min-percent" => match args.next().and_then(|p| p.parse().ok()) {
                Some(p) => min_percent = Some(p),
                None => {
                    eprintln!("opencc conformance: --min-percent takes a number");
                    return ExitCode::FAILURE;
                }
            },
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path = path.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/opencc-testcases/testcases.json"));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            println!("opencc conformance: skipped: no test cases at {} ({e})", path.display());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("opencc conformance: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let cases: Cases = match serde_json::from_str(&text) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("opencc conformance: {}: not OpenCC test cases: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };

    // Config name → (passed, total); unsupported names → case count.
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    let mut converters: BTreeMap<&str, Converter> = BTreeMap::new();
    for case in &cases.cases {
        for (name, expected) in &case.expected {
            let Ok(config) = name.parse::<Config>() else {
                *skipped.entry(name.as_str()).or_default() += 1;
                continue;
            };
            let converter = match converters.get(config.name()) {
                Some(c) => c,
                None => match Converter::new(config) {
                    Ok(c) => converters.entry(config.name()).or_insert(c),
                    Err(e) => {
                        eprintln!("opencc conformance: {e}");
                        return ExitCode::FAILURE;
                    }
                },
            };
            let got = converter.convert(&case.input);
            let entry = counts.entry(config.name()).or_default();
            entry.1 += 1;
            if &got == expected {
                entry.0 += 1;
            } else if show_failures {
                println!("FAIL {name} {}: {:?}\n  expected {expected:?}\n  got      {got:?}", case.id, case.input);
            }
        }
    }

    println!("opencc conformance, backend {}, {} ({} cases)", Converter::BACKEND, path.display(), cases.cases.len());
    let (mut passed, mut total) = (0, 0);
    let mut below = Vec::new();
    let percent = |p: usize, t: usize| if t == 0 { 100.0 } else { 100.0 * p as f64 / t as f64 };
    for config in Config::ALL {
        if let Some(&(p, t)) = counts.get(config.name()) {
            println!("  {:<6} {p:>3} / {t:<3} passed ({:.1}%)", config.name(), percent(p, t));
            passed += p;
            total += t;
            if min_percent.is_some_and(|m| percent(p, t) < m) {
                below.push(config.name());
            }
        }
    }
    println!("  {:<6} {passed:>3} / {total:<3} passed ({:.1}%)", "all", percent(passed, total));
    for (name, n) in &skipped {
        println!("  {name:<6} skipped: not a banmian configuration ({n} expectations)");
    }
    if let (Some(m), false) = (min_percent, below.is_empty()) {
        eprintln!("opencc conformance: below {m}%: {}", below.join(", "));
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
