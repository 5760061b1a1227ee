//! Throughput of the pathological pages of `tests/pathological.rs`, each at two sizes
//! four times apart: equal throughput (bytes per second) at both sizes means the cost
//! is linear in the page; a quadratic stage would show a fourfold drop.
//!
//! `cargo bench --bench pathological`

use std::hint::black_box;

use banmian::{Options, Pipeline};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

#[path = "../tests/pages/mod.rs"]
mod pages;

fn pathological(c: &mut Criterion) {
    let pipeline = Pipeline::new(Options::default().max_page_bytes(u64::MAX)).expect("pipeline");
    type Build = fn(usize) -> String;
    let cases: [(&str, Build, usize); 7] = [
        ("long_line", |n| pages::long_line(n).0, 2_000_000),
        ("one_character_lines", pages::one_character_lines, 50_000),
        ("copies", pages::copies, 2_000),
        ("headlines", pages::headlines, 2_000),
        ("article_printed_twice", pages::article_printed_twice, 500),
        ("only_punctuation", pages::only_punctuation, 5_000),
        ("nested_parentheses", pages::nested_parentheses, 50_000),
    ];
    for (name, build, n) in cases {
        let mut group = c.benchmark_group(format!("pathological/{name}"));
        group.sample_size(10);
        for size in [n, 4 * n] {
            let text = build(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| pipeline.process("page.txt", black_box(text)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);
