//! `banmian eval`'s similarity (Myers' bit-vector Levenshtein over chars), in bytes of
//! the two texts per second, single thread: two bodies of 1,000 and 10,000 Han chars
//! (the corpus pages' text, the second a damaged copy of the first: a tenth of the
//! chars changed, dropped or doubled).
//!
//! Run: `cargo bench --bench eval`.

use std::hint::black_box;
use std::path::Path;

use banmian::eval::similarity;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The Han chars of the corpus pages, repeated to `n` chars.
fn han(n: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let text: String = names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let chars: Vec<char> = text.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect();
    chars.iter().cycle().take(n).collect()
}

/// Every tenth char changed, dropped or doubled, in turn.
fn damaged(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        match (i % 10 == 0, i / 10 % 3) {
            (true, 0) => out.push('口'),
            (true, 1) => {}
            (true, _) => {
                out.push(c);
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("eval similarity");
    for n in [1_000, 10_000] {
        let a = han(n);
        let b = damaged(&a);
        group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
        group.bench_function(format!("{n} chars"), |bench| bench.iter(|| similarity(black_box(&a), black_box(&b))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
