//! Runs the look-alike repair (`rules::lookalike`) over the article texts of gold
//! files and prints every repair it would make: on clean gold text each one is a
//! false repair. Measurement tool of issue 13 (the look-alike repair's safety).
//!
//! `cargo run --release --example lookalike_scan -- FILE_OR_DIR...`
//! reads every `*.gold.json` under the arguments (banmian's `evalgold` golds and the
//! seed gold: `articles[].{kicker,headline,subheadline,blocks[].text}`) and every
//! `*.lines.txt` (one text a line), each distinct text once, and prints `file<TAB>printed<TAB>repaired` per repair, then a count.

use std::collections::HashSet;

use banmian::rules::lookalike;

fn texts(v: &serde_json::Value, out: &mut Vec<String>) {
    let Some(arts) = v.get("articles").and_then(|a| a.as_array()) else { return };
    for a in arts {
        for k in ["kicker", "headline", "subheadline"] {
            if let Some(s) = a.get(k).and_then(|s| s.as_str()) {
                out.push(s.to_string());
            }
        }
        for b in a.get("blocks").and_then(|b| b.as_array()).into_iter().flatten() {
            if let Some(s) = b.get("text").and_then(|s| s.as_str()) {
                out.push(s.to_string());
            }
        }
    }
}

fn main() {
    let mut seen = HashSet::new();
    let (mut chars, mut repairs) = (0usize, 0usize);
    for arg in std::env::args().skip(1) {
        for e in walkdir::WalkDir::new(&arg).sort_by_file_name() {
            let Ok(e) = e else { continue };
            let p = e.path();
            let name = p.to_string_lossy();
            let mut ts = Vec::new();
            if name.ends_with(".gold.json") {
                let Ok(v) = std::fs::read_to_string(p).map(|s| serde_json::from_str::<serde_json::Value>(&s)) else { continue };
                let Ok(v) = v else { continue };
                texts(&v, &mut ts);
            } else if name.ends_with(".lines.txt") {
                // Clean text from elsewhere, one text a line.
                let Ok(s) = std::fs::read_to_string(p) else { continue };
                ts.extend(s.lines().map(str::to_string));
            } else {
                continue;
            }
            for t in ts {
                if !seen.insert(t.clone()) {
                    continue;
                }
                chars += t.chars().count();
                for f in lookalike::repair(&t).map(|r| r.1).unwrap_or_default() {
                    repairs += 1;
                    println!("{}\t{}\t{}", p.display(), f.printed, f.repaired);
                }
            }
        }
    }
    println!("{} distinct texts, {chars} characters, {repairs} repairs", seen.len());
}
