//! Writes the benchmark corpus (see `benches/common/mod.rs`) to a folder, for
//! `benches/compare.sh` and for profiling:
//! - `OUT/pages/NNNNNN.{md,txt}` (one file per page), `OUT/pages.jsonl` (one
//!   `{"id","text"}` line per page), `OUT/all.txt` (every page, concatenated);
//! - `OUT/wrapped/NNNNNN.txt` and `OUT/wrapped.txt`: the same pages plain and
//!   hard-wrapped at 12 to 30 characters a line (`common::hard_wrapped`);
//! - the page-size sweep of `benches/scaling.rs` as
//!   `OUT/sweep/{distinct,duplicates,repeated}_{1,10,100}x.md`;
//! - pages of 1 MB or more for the per-page memory peak, `OUT/large/`: distinct
//!   text (200× the sweep's page), many duplicates (100×), one page repeated 200
//!   times, and distinct text hard-wrapped;
//! - the pathological pages of `tests/pages` at the larger size of
//!   `benches/pathological.rs`, `OUT/pathological/NAME.txt`;
//! - with `--traditional`, `OUT/trad.txt`, `OUT/trad.jsonl` and `OUT/trad/NNNNNN.*`
//!   (the same text converted s2t, as a t2s user has it).
//!
//! With `--pages-only`, only `OUT/pages/` and `OUT/pages.jsonl` are written (for the
//! 10,000-page memory run of `compare.sh`).
//!
//! Usage: `cargo run --release --example bench_corpus -- OUT [--traditional] [--pages-only]`, with
//! `BANMIAN_BENCH_MB` / `BANMIAN_BENCH_SMALL` as for the benches. The bytes are the
//! same on every machine; `benches/README.md` gives the hashes of the corpus frozen
//! for the speed work.

#[path = "../benches/common/mod.rs"]
mod common;
#[path = "../tests/pages/mod.rs"]
mod pages;

use std::fs;
use std::io::Write;
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: bench_corpus OUT [--traditional] [--pages-only]"));
    let rest: Vec<String> = args.collect();
    let traditional = rest.iter().any(|a| a == "--traditional");
    let pages_only = rest.iter().any(|a| a == "--pages-only");
    let pages = common::corpus();
    fs::create_dir_all(out.join("pages"))?;
    let mut jsonl = std::io::BufWriter::new(fs::File::create(out.join("pages.jsonl"))?);
    let (mut all, mut wrapped) = (Vec::new(), Vec::new());
    if !pages_only {
        fs::create_dir_all(out.join("wrapped"))?;
    }
    for (i, p) in pages.iter().enumerate() {
        fs::write(out.join("pages").join(&p.name), &p.text)?;
        serde_json::to_writer(&mut jsonl, &serde_json::json!({"id": p.name, "text": p.text}))?;
        jsonl.write_all(b"\n")?;
        if pages_only {
            continue;
        }
        all.write_all(p.text.as_bytes())?;
        all.write_all(b"\n")?;
        let w = common::hard_wrapped(&p.text, common::wrap_width(i));
        fs::write(out.join("wrapped").join(format!("{:06}.txt", i)), &w)?;
        wrapped.write_all(w.as_bytes())?;
        wrapped.write_all(b"\n")?;
    }
    jsonl.flush()?;
    if pages_only {
        eprintln!("{} pages, {} bytes of text, in {}", pages.len(), common::total_bytes(&pages), out.display());
        return Ok(());
    }
    fs::write(out.join("all.txt"), &all)?;
    fs::write(out.join("wrapped.txt"), &wrapped)?;
    let pool = common::Pool::load();
    fs::create_dir_all(out.join("sweep"))?;
    let one = pool.sized(1);
    for n in [1, 10, 100] {
        fs::write(out.join("sweep").join(format!("distinct_{n}x.md")), pool.sized(n))?;
        fs::write(out.join("sweep").join(format!("duplicates_{n}x.md")), pool.sized_duplicates(n))?;
        fs::write(out.join("sweep").join(format!("repeated_{n}x.md")), vec![one.as_str(); n].join("\n"))?;
    }
    fs::create_dir_all(out.join("large"))?;
    let distinct = pool.sized(200);
    fs::write(out.join("large").join("distinct_200x.md"), &distinct)?;
    fs::write(out.join("large").join("duplicates_100x.md"), pool.sized_duplicates(100))?;
    fs::write(out.join("large").join("repeated_200x.md"), vec![one.as_str(); 200].join("\n"))?;
    fs::write(out.join("large").join("wrapped_200x.txt"), common::hard_wrapped(&distinct, 20))?;
    fs::create_dir_all(out.join("pathological"))?;
    type Build = fn(usize) -> String;
    let cases: [(&str, Build, usize); 7] = [
        ("long_line", |n| pages::long_line(n).0, 8_000_000),
        ("one_character_lines", pages::one_character_lines, 200_000),
        ("copies", pages::copies, 8_000),
        ("headlines", pages::headlines, 8_000),
        ("article_printed_twice", pages::article_printed_twice, 2_000),
        ("only_punctuation", pages::only_punctuation, 20_000),
        ("nested_parentheses", pages::nested_parentheses, 200_000),
    ];
    for (name, build, n) in cases {
        fs::write(out.join("pathological").join(format!("{name}.txt")), build(n))?;
    }
    if traditional {
        let s2t = banmian::Converter::new(banmian::Config::S2t).expect("s2t converter");
        fs::create_dir_all(out.join("trad"))?;
        let mut all = fs::File::create(out.join("trad.txt"))?;
        let mut jsonl = std::io::BufWriter::new(fs::File::create(out.join("trad.jsonl"))?);
        for p in &pages {
            let t = s2t.convert(&p.text);
            fs::write(out.join("trad").join(&p.name), &t)?;
            all.write_all(t.as_bytes())?;
            all.write_all(b"\n")?;
            serde_json::to_writer(&mut jsonl, &serde_json::json!({"id": p.name, "text": t}))?;
            jsonl.write_all(b"\n")?;
        }
        jsonl.flush()?;
    }
    eprintln!("{} pages, {} bytes of text, in {}", pages.len(), common::total_bytes(&pages), out.display());
    Ok(())
}
