//! Throughput of every pipeline stage, of the whole pipeline, and of the floor, on
//! the generated corpus (see `common/mod.rs`; `BANMIAN_BENCH_SMALL=1` for a quick
//! run). Every benchmark reads the whole corpus once per iteration and reports
//! `Throughput::Bytes` of the input text it stands for, so all figures compare with
//! the floor; a report with the ratios is printed at the end.
//!
//! Groups: `floor` (UTF-8 validation and a walk over every char and line), `decode`,
//! `lines` (splitting, Markdown markers), `classify`, `assemble`, `segment`,
//! `dedup`, `normalize` (white space and punctuation), `warn`, `json`, `pipeline`
//! (`Pipeline::process`, `process_bytes` with decoding, `process_json` with
//! serialization), and `convert` (t2s on a Traditional copy of the first fifth of the
//! corpus: the converter alone on the page text, the pipeline with `--convert t2s`,
//! and the floor on that text).

mod common;

use std::hint::black_box;

use banmian::lines::Layout;
use banmian::lines::Line;
use banmian::stages::classify::Role;
use banmian::stages::{assemble, classify, dedup, normalize, segment, warn};
use banmian::{Config, Converter, Options, Page, Pipeline, lines};
use common::{BenchPage, Group, floor};
use criterion::Criterion;

/// The pipeline's stages up to each point, for every page.
struct Staged {
    lines: Vec<Vec<Line>>,
    roles: Vec<(Vec<Role>, Layout)>,
    units: Vec<Vec<assemble::Unit>>,
    segmented: Vec<Page>,
    deduped: Vec<Page>,
    repaired: Vec<Page>,
    finished: Vec<Page>,
}

fn stage(pages: &[BenchPage], pipeline: &Pipeline) -> Staged {
    let lines: Vec<Vec<Line>> = pages.iter().map(|p| lines::split(&p.text)).collect();
    let roles: Vec<(Vec<Role>, Layout)> = lines.iter().map(|l| classify::classify(l)).collect();
    let units: Vec<Vec<assemble::Unit>> = lines.iter().zip(&roles).map(|(l, (r, layout))| assemble::assemble(l, r, *layout)).collect();
    let segmented: Vec<Page> = units.iter().zip(&roles).map(|(u, (_, layout))| segment::segment(u.clone(), *layout)).collect();
    let mut deduped = segmented.clone();
    deduped.iter_mut().for_each(dedup::remove_duplicates);
    let mut repaired = deduped.clone();
    repaired.iter_mut().for_each(|p| normalize::repair(p, normalize::Repair { punct: true, lookalikes: true, convert: None }));
    let finished = pages.iter().map(|p| pipeline.process(&p.name, &p.text)).collect();
    Staged { lines, roles, units, segmented, deduped, repaired, finished }
}

fn stages(c: &mut Criterion) {
    let pages = common::corpus();
    let bytes = common::total_bytes(&pages);
    eprintln!("corpus: {} pages, {:.1} MB", pages.len(), bytes as f64 / 1e6);
    let raw: Vec<Vec<u8>> = pages.iter().map(|p| p.text.as_bytes().to_vec()).collect();
    let pipeline = Pipeline::new(Options::default()).expect("default pipeline");

    let mut g = Group::new(c, "floor", true);
    g.bench("utf8_chars_lines", bytes, || (), |()| raw.iter().map(|b| floor(b).1).sum::<usize>());
    g.finish();

    let mut g = Group::new(c, "decode", true);
    g.bench("utf8", bytes, || (), |()| raw.iter().map(|b| banmian::read::decode::decode(b).expect("decodes").text.len()).sum::<usize>());
    let gb: Vec<Vec<u8>> = pages.iter().map(|p| encoding_rs::GB18030.encode(&p.text).0.into_owned()).collect();
    let gb_bytes = gb.iter().map(|b| b.len() as u64).sum();
    g.bench(
        "gb18030",
        gb_bytes,
        || (),
        |()| gb.iter().map(|b| banmian::read::decode::decode(b).expect("decodes").text.len()).sum::<usize>(),
    );
    drop(gb);
    g.finish();

    let s = stage(&pages, &pipeline);
    let mut g = Group::new(c, "stage", true);
    g.bench("lines", bytes, || (), |()| pages.iter().map(|p| lines::split(&p.text)).collect::<Vec<_>>());
    g.bench("classify", bytes, || (), |()| s.lines.iter().map(|l| classify::classify(l)).collect::<Vec<_>>());
    g.bench(
        "assemble",
        bytes,
        || (),
        |()| s.lines.iter().zip(&s.roles).map(|(l, (r, layout))| assemble::assemble(l, r, *layout)).collect::<Vec<_>>(),
    );
    g.bench(
        "segment",
        bytes,
        || s.units.clone(),
        |units| units.into_iter().zip(&s.roles).map(|(u, (_, layout))| segment::segment(u, *layout)).collect::<Vec<_>>(),
    );
    g.bench(
        "dedup",
        bytes,
        || s.segmented.clone(),
        |mut ps| {
            ps.iter_mut().for_each(dedup::remove_duplicates);
            ps
        },
    );
    g.bench(
        "normalize",
        bytes,
        || s.deduped.clone(),
        |mut ps| {
            ps.iter_mut().for_each(|p| normalize::repair(p, normalize::Repair { punct: true, lookalikes: true, convert: None }));
            ps
        },
    );
    g.bench(
        "warn",
        bytes,
        || s.repaired.clone(),
        |mut ps| {
            ps.iter_mut().for_each(warn::check);
            ps
        },
    );
    g.bench("json", bytes, || (), |()| s.finished.iter().map(|p| serde_json::to_vec(p).expect("serializes").len()).sum::<usize>());
    g.bench(
        "json_pretty",
        bytes,
        || (),
        |()| s.finished.iter().map(|p| serde_json::to_vec_pretty(p).expect("serializes").len()).sum::<usize>(),
    );
    g.finish();
    drop(s);

    let mut g = Group::new(c, "pipeline", true);
    g.bench("process", bytes, || (), |()| pages.iter().map(|p| pipeline.process(&p.name, &p.text).articles.len()).sum::<usize>());
    g.bench(
        "process_bytes",
        bytes,
        || (),
        |()| raw.iter().map(|b| pipeline.process_bytes("page", b).expect("processes").articles.len()).sum::<usize>(),
    );
    g.bench(
        "process_json",
        bytes,
        || (),
        |()| pages.iter().map(|p| serde_json::to_vec(&pipeline.process(&p.name, &p.text)).expect("serializes").len()).sum::<usize>(),
    );
    g.finish();

    // Conversion: a Traditional copy of the first fifth of the corpus (conversion is
    // slow; a fifth keeps the group's run short), as a t2s user has it.
    let s2t = Converter::new(Config::S2t).expect("s2t");
    let trad: Vec<String> = pages[..pages.len().div_ceil(5)].iter().map(|p| s2t.convert(&p.text)).collect();
    let trad_bytes: u64 = trad.iter().map(|t| t.len() as u64).sum();
    let t2s = Converter::new(Config::T2s).expect("t2s");
    let converting = Pipeline::new(Options::default().convert(Some(Config::T2s))).expect("t2s pipeline");
    let mut g = Group::new(c, "convert", true);
    g.bench("t2s_converter_alone", trad_bytes, || (), |()| trad.iter().map(|t| t2s.convert(t).len()).sum::<usize>());
    g.bench("t2s_pipeline", trad_bytes, || (), |()| trad.iter().map(|t| converting.process("page", t).articles.len()).sum::<usize>());
    g.bench("t2s_floor", trad_bytes, || (), |()| trad.iter().map(|t| floor(t.as_bytes()).1).sum::<usize>());
    g.finish();
    black_box(&trad);
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    stages(&mut c);
    c.final_summary();
    common::print_report(Some("floor/utf8_chars_lines"));
}
