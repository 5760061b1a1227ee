//! How throughput scales: with threads on the batch path, and with page size.
//!
//! Groups:
//! - `batch`: `banmian::batch::run_stream` (the `--input-jsonl` path: JSON Lines in,
//!   pages processed on rayon in chunks, JSON Lines out to a sink) over the first
//!   quarter of the generated corpus (see `common/mod.rs`), in a rayon pool of 1
//!   thread, 2 threads, and every core when the machine has more.
//! - `page_size`: `Pipeline::process` on one page of 1×, 10× and 100× a page of five
//!   articles, three ways: distinct text (`distinct`), many duplicate paragraphs
//!   (`duplicates`: paragraphs printed twice, near copies, copies in the next
//!   article), and the 1× page printed over and over (`repeated`).
//!
//! The report at the end gives the 2-thread speed-up and, for each sweep, the cost of
//! the 10× and 100× pages as a multiple of the 1× page (linear: 10 and 100).

mod common;

use std::io::Cursor;

use banmian::{Options, Pipeline, batch};
use common::{Group, Pool};
use criterion::Criterion;

/// Builds a page from a size parameter.
type PageOfSize<'a> = Box<dyn Fn(usize) -> String + 'a>;

fn batch_group(c: &mut Criterion, pipeline: &Pipeline, threads: &[usize]) {
    let pages = common::corpus();
    let quarter = &pages[..pages.len().div_ceil(4)];
    let bytes = common::total_bytes(quarter);
    let mut jsonl = Vec::new();
    for p in quarter {
        serde_json::to_writer(&mut jsonl, &serde_json::json!({"id": p.name, "text": p.text})).expect("serializes");
        jsonl.push(b'\n');
    }
    eprintln!("batch: {} pages, {:.1} MB of text", quarter.len(), bytes as f64 / 1e6);
    let mut g = Group::new(c, "batch", true);
    for &n in threads {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build().expect("thread pool");
        g.bench(
            &format!("run_stream_{n}t"),
            bytes,
            || (),
            |()| {
                pool.install(|| {
                    batch::run_stream(pipeline, &mut Cursor::new(&jsonl), &mut std::io::sink(), "bench").expect("runs").processed
                })
            },
        );
    }
    g.finish();
}

fn page_size_group(c: &mut Criterion, pipeline: &Pipeline) {
    let pool = Pool::load();
    let one = pool.sized(1);
    let sweeps: [(&str, PageOfSize); 3] = [
        ("distinct", Box::new(|n| pool.sized(n))),
        ("duplicates", Box::new(|n| pool.sized_duplicates(n))),
        ("repeated", Box::new(|n| vec![one.as_str(); n].join("\n"))),
    ];
    let mut g = Group::new(c, "page_size", false);
    g.inner().sample_size(10);
    for (name, make) in &sweeps {
        for n in [1, 10, 100] {
            let page = make(n);
            g.bench(&format!("{name}_{n}x"), page.len() as u64, || (), |()| pipeline.process("page", &page).articles.len());
        }
    }
    g.finish();
}

fn print_scaling(threads: &[usize]) {
    println!("\nscaling report (medians)");
    if let Some((_, one)) = common::median("batch/run_stream_1t") {
        for &n in threads.iter().filter(|&&n| n > 1) {
            if let Some((_, t)) = common::median(&format!("batch/run_stream_{n}t")) {
                println!("batch: {n} threads are {:.2}x one thread", one.as_secs_f64() / t.as_secs_f64());
            }
        }
    }
    for name in ["distinct", "duplicates", "repeated"] {
        let Some((b1, t1)) = common::median(&format!("page_size/{name}_1x")) else { continue };
        let mut line = format!("page_size/{name}: 1x = {b1} bytes");
        for n in [10, 100] {
            if let Some((b, t)) = common::median(&format!("page_size/{name}_{n}x")) {
                line.push_str(&format!(
                    "; {n}x = {:.1}x the bytes, {:.1}x the time",
                    b as f64 / b1 as f64,
                    t.as_secs_f64() / t1.as_secs_f64()
                ));
            }
        }
        println!("{line}");
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let pipeline = Pipeline::new(Options::default()).expect("default pipeline");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut threads = vec![1, 2];
    if cores > 2 {
        threads.push(cores);
    }
    page_size_group(&mut c, &pipeline);
    batch_group(&mut c, &pipeline, &threads);
    c.final_summary();
    common::print_report(None);
    print_scaling(&threads);
}
