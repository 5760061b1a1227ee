//! Measuring tools for `benches/compare.sh` (see `benches/README.md`):
//!
//! - `measure floor PATH...`: the floor a whole run is compared with. Every file (a
//!   PATH or the files under a folder PATH, in name order) is read, validated as UTF-8
//!   and walked line by line and char by char once (`common::floor`, the floor of
//!   `cargo bench --bench stages`). Prints files, bytes, lines and chars.
//! - `measure t2s PATH...`: the converter alone: every file read and converted t2s
//!   by banmian's converter, nothing else. Prints files, bytes in and out.
//! - `measure pages [--runs R] FILE...`: each page processed as the CLI does
//!   (`Pipeline::process_bytes`, then its JSON Lines line), once to warm up (patterns
//!   compiled, tables loaded) and then `R` times (default 3) in `measured`, whose best
//!   wall time is printed with the page's bytes. Under callgrind,
//!   `--toggle-collect='*measured*'` counts the instructions of one page alone
//!   (with `--runs 1`), without the process's start and the one-time compilation.
//!
//! Nothing is written but the figures on stdout.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use banmian::{Config, Converter, Options, Pipeline};

/// The files of `paths`: a file as it is, a folder's files (recursively) in name order.
fn files(paths: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        let p = Path::new(p);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .into_iter()
                .map(|e| e.expect("readable folder"))
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p.to_path_buf());
        }
    }
    out
}

/// One page through the pipeline and the JSON Lines writer: the work measured.
#[inline(never)]
fn measured(pipeline: &Pipeline, name: &str, bytes: &[u8]) -> usize {
    let page = pipeline.process_bytes(name, bytes).expect("a bench page is read");
    banmian::write::json::line(&page).expect("serializes").len()
}

/// The same, once, before measuring (not counted under `--toggle-collect='*measured*'`).
#[inline(never)]
fn warm(pipeline: &Pipeline, name: &str, bytes: &[u8]) -> usize {
    let page = pipeline.process_bytes(name, bytes).expect("a bench page is read");
    banmian::write::json::line(&page).expect("serializes").len()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((mode, rest)) = args.split_first() else {
        eprintln!("usage: measure floor|t2s|pages [--runs R] PATH...");
        std::process::exit(2);
    };
    match mode.as_str() {
        "floor" => {
            let (mut n, mut bytes, mut lines, mut chars, mut mix) = (0usize, 0usize, 0usize, 0usize, 0u32);
            for f in files(rest) {
                let b = std::fs::read(&f).expect("readable file");
                let (l, c, m) = common::floor(&b);
                n += 1;
                bytes += b.len();
                lines += l;
                chars += c;
                mix ^= m;
            }
            println!("floor: {n} files, {bytes} bytes, {lines} lines, {chars} chars (mix {mix:x})");
        }
        "t2s" => {
            let t2s = Converter::new(Config::T2s).expect("t2s converter");
            let (mut n, mut bytes, mut out) = (0usize, 0usize, 0usize);
            for f in files(rest) {
                let b = std::fs::read(&f).expect("readable file");
                let text = std::str::from_utf8(&b).expect("UTF-8");
                out += black_box(t2s.convert(text)).len();
                n += 1;
                bytes += b.len();
            }
            println!("t2s: {n} files, {bytes} bytes in, {out} bytes out");
        }
        "pages" => {
            let (runs, rest) = match rest {
                [flag, r, more @ ..] if flag == "--runs" => (r.parse::<usize>().expect("--runs N"), more),
                _ => (3, rest),
            };
            let pipeline = Pipeline::new(Options::default().max_page_bytes(u64::MAX).max_page_lines(u64::MAX)).expect("pipeline");
            for f in files(rest) {
                let b = std::fs::read(&f).expect("readable file");
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("page").to_string();
                black_box(warm(&pipeline, &name, &b));
                let mut best = Duration::MAX;
                for _ in 0..runs.max(1) {
                    let s = Instant::now();
                    black_box(measured(&pipeline, &name, black_box(&b)));
                    best = best.min(s.elapsed());
                }
                println!("{}\t{}\t{}", f.display(), b.len(), best.as_nanos());
            }
        }
        other => {
            eprintln!("measure: unknown mode {other}; floor, t2s or pages");
            std::process::exit(2);
        }
    }
}
