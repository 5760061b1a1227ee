//! An 8-page issue against its pages one by one (issue 17's target: the issue costs at
//! most 1.2× the sum of its pages), on one thread: `pages` runs
//! `Pipeline::process_bytes` on each page in turn; `issue` does the same and then
//! `banmian::issue::build` (ordering, linking, joining). Both on the committed harness
//! issue `evaluation/issues/issue-box/i11` (8 box pages) and its text twin
//! (`issue-text/i11`). Throughput in bytes of input. The report at the end prints
//! issue / pages per input kind from the least of 40 interleaved runs of each.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use banmian::issue::{self, PageInput};
use banmian::{Options, Pipeline};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn pages(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir).expect("harness issue").flatten().map(|e| e.path()).collect();
    files.sort();
    files.into_iter().map(|f| (f.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&f).expect("page"))).collect()
}

fn one_by_one(p: &Pipeline, pages: &[(String, Vec<u8>)]) -> Vec<PageInput> {
    pages.iter().map(|(n, b)| PageInput::new(n, p.process_bytes(n, b).map_err(|e| e.to_string()))).collect()
}

fn bench(c: &mut Criterion) {
    let p = Pipeline::new(Options::default()).expect("pipeline");
    let mut ratios = Vec::new();
    for kind in ["issue-box", "issue-text"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("evaluation/issues").join(kind).join("i11");
        let pages = pages(&dir);
        assert_eq!(pages.len(), 8, "{} holds 8 pages", dir.display());
        let bytes: u64 = pages.iter().map(|(_, b)| b.len() as u64).sum();
        let mut g = c.benchmark_group(format!("issue8/{kind}"));
        g.throughput(Throughput::Bytes(bytes))
            .sample_size(10)
            .measurement_time(Duration::from_secs(2))
            .warm_up_time(Duration::from_millis(500));
        g.bench_function("pages", |b| b.iter(|| one_by_one(&p, &pages)));
        g.bench_function("issue", |b| b.iter(|| issue::build("i11", one_by_one(&p, &pages))));
        g.finish();
        // For the report: the two interleaved, the least of 40 runs each (on a machine
        // shared with other work, Criterion's means swing by tens of per cent; the
        // minimum is the steadier figure).
        let (mut t_pages, mut t_issue) = (f64::MAX, f64::MAX);
        for _ in 0..40 {
            let start = Instant::now();
            drop(one_by_one(&p, &pages));
            t_pages = t_pages.min(start.elapsed().as_secs_f64());
            let start = Instant::now();
            drop(issue::build("i11", one_by_one(&p, &pages)));
            t_issue = t_issue.min(start.elapsed().as_secs_f64());
        }
        ratios.push((kind, t_pages, t_issue));
    }
    for (kind, a, b) in ratios {
        eprintln!("issue8/{kind} (least of 40): pages {:.2} ms, issue {:.2} ms: issue / pages = {:.3}", a * 1e3, b * 1e3, b / a);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
