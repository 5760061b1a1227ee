//! Script conversion throughput, in input bytes per second, single thread.
//!
//! - `convert/t2s` and `convert/hk2s`: the converter alone on the Traditional corpus
//!   pages (corpus/12_traditional.md and corpus/14_traditional_tw.txt, repeated to
//!   about 64 KiB), one line at a time as the pipeline converts one field at a time;
//! - `convert/s2t`: the same on the Simplified corpus pages 02–11;
//! - `pipeline/none` and `pipeline/t2s`: a whole page through the pipeline without and
//!   with conversion, to show what `--convert` adds.
//!
//! Run: `cargo bench --bench convert` (the backend is the build's:
//! add `--no-default-features --features system-opencc` for the system library).

use std::hint::black_box;
use std::path::Path;

use banmian::{Config, Converter, Options, Pipeline};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus(names: &[&str]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    names.iter().map(|n| std::fs::read_to_string(dir.join(n)).unwrap_or_else(|e| panic!("corpus/{n}: {e}"))).collect::<Vec<_>>().join("\n")
}

fn repeated(text: &str, bytes: usize) -> String {
    text.repeat(bytes.div_ceil(text.len()))
}

const TRADITIONAL: &[&str] = &["12_traditional.md", "14_traditional_tw.txt"];
const SIMPLIFIED: &[&str] = &[
    "02_plain_hardwrap.txt",
    "03_all_h1.md",
    "04_jumps.md",
    "05_bylines.md",
    "06_duplicates.md",
    "07_ocr_spaces.txt",
    "08_notice.md",
    "09_captions_subheads.md",
    "10_furniture.txt",
    "11_truncated.md",
];

fn converters(c: &mut Criterion) {
    let traditional = repeated(&corpus(TRADITIONAL), 64 * 1024);
    let simplified = repeated(&corpus(SIMPLIFIED), 64 * 1024);
    let mut group = c.benchmark_group(format!("convert {}", Converter::BACKEND));
    for (config, text) in [(Config::T2s, &traditional), (Config::Hk2s, &traditional), (Config::S2t, &simplified)] {
        let converter = Converter::new(config).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        group.throughput(Throughput::Bytes(lines.iter().map(|l| l.len() as u64).sum()));
        group.bench_function(config.name(), |b| b.iter(|| lines.iter().map(|l| converter.convert(black_box(l)).len()).sum::<usize>()));
    }
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let page = corpus(&["12_traditional.md"]);
    let mut group = c.benchmark_group(format!("pipeline {}", Converter::BACKEND));
    group.throughput(Throughput::Bytes(page.len() as u64));
    for (name, convert) in [("none", None), ("t2s", Some(Config::T2s))] {
        let p = Pipeline::new(Options::default().convert(convert)).unwrap();
        group.bench_function(name, |b| b.iter(|| p.process("12_traditional.md", black_box(&page))));
    }
    group.finish();
}

criterion_group!(benches, converters, pipeline);
criterion_main!(benches);
