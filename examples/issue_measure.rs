//! What the issue path adds to its pages, for profiling issue 17's Criterion target
//! (`cargo bench --bench issue`). `issue_measure DIR [RUNS]` reads the pages of one
//! issue folder and processes them once to warm up (patterns compiled). Then, `RUNS`
//! times (one by default), it processes them one by one (`measured_pages`) and builds
//! the issue from a fresh copy (`measured_build`: `issue::build`, and dropping the
//! issue with its pages). It prints the least and the mean time of each and their ratios. Under
//! callgrind, `--toggle-collect='*measured_build*'` (or `'*measured_pages*'`) counts
//! the instructions of one build alone (`benches/README.md`).

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use banmian::issue::{self, PageInput};
use banmian::{Options, Pipeline};

fn pages(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    files.into_iter().map(|f| (f.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&f).unwrap())).collect()
}

fn one_by_one(p: &Pipeline, pages: &[(String, Vec<u8>)]) -> Vec<PageInput> {
    pages.iter().map(|(n, b)| PageInput::new(n, p.process_bytes(n, b).map_err(|e| e.to_string()))).collect()
}

#[inline(never)]
fn measured_pages(p: &Pipeline, pages: &[(String, Vec<u8>)]) {
    drop(black_box(one_by_one(p, pages)));
}

#[inline(never)]
fn measured_build(inputs: Vec<PageInput>) {
    drop(black_box(issue::build("i11", inputs)));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = Path::new(&args[1]);
    let runs: usize = args.get(2).map_or(1, |s| s.parse().unwrap());
    let p = Pipeline::new(Options::default()).unwrap();
    let pages = pages(dir);
    drop(issue::build("w", one_by_one(&p, &pages)));
    let (mut tp, mut tb) = (f64::MAX, f64::MAX);
    let (mut sp, mut sb) = (0.0, 0.0);
    for _ in 0..runs {
        let s = Instant::now();
        measured_pages(&p, &pages);
        let t = s.elapsed().as_secs_f64();
        (tp, sp) = (tp.min(t), sp + t);
        let inputs = one_by_one(&p, &pages);
        let s = Instant::now();
        measured_build(inputs);
        let t = s.elapsed().as_secs_f64();
        (tb, sb) = (tb.min(t), sb + t);
    }
    let n = runs.max(1) as f64;
    println!("least: pages {:.3} ms, build {:.3} ms, build/pages {:.3}", tp * 1e3, tb * 1e3, tb / tp);
    println!("mean:  pages {:.3} ms, build {:.3} ms, build/pages {:.3}", sp / n * 1e3, sb / n * 1e3, sb / sp);
}
