//! Writes the benchmark corpus (see `benches/common/mod.rs`) to a folder, for
//! `benches/compare.sh` and for profiling: `OUT/pages/NNNNNN.{md,txt}` (one file per
//! page), `OUT/pages.jsonl` (one `{"id","text"}` line per page), `OUT/all.txt` (every
//! page, concatenated) and, with `--traditional`, `OUT/trad.txt` and
//! `OUT/trad.jsonl` (the same text converted s2t, as a t2s user has it), and the
//! page-size sweep of `benches/scaling.rs` as `OUT/sweep/{distinct,duplicates,repeated}_{1,10,100}x.md`.
//!
//! Usage: `cargo run --release --example bench_corpus -- OUT [--traditional]`, with
//! `BANMIAN_BENCH_MB` / `BANMIAN_BENCH_SMALL` as for the benches.

#[path = "../benches/common/mod.rs"]
mod common;

use std::fs;
use std::io::Write;
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: bench_corpus OUT [--traditional]"));
    let traditional = args.any(|a| a == "--traditional");
    let pages = common::corpus();
    fs::create_dir_all(out.join("pages"))?;
    let mut all = fs::File::create(out.join("all.txt"))?;
    let mut jsonl = std::io::BufWriter::new(fs::File::create(out.join("pages.jsonl"))?);
    for p in &pages {
        fs::write(out.join("pages").join(&p.name), &p.text)?;
        all.write_all(p.text.as_bytes())?;
        all.write_all(b"\n")?;
        serde_json::to_writer(&mut jsonl, &serde_json::json!({"id": p.name, "text": p.text}))?;
        jsonl.write_all(b"\n")?;
    }
    jsonl.flush()?;
    let pool = common::Pool::load();
    fs::create_dir_all(out.join("sweep"))?;
    let one = pool.sized(1);
    for n in [1, 10, 100] {
        fs::write(out.join("sweep").join(format!("distinct_{n}x.md")), pool.sized(n))?;
        fs::write(out.join("sweep").join(format!("duplicates_{n}x.md")), pool.sized_duplicates(n))?;
        fs::write(out.join("sweep").join(format!("repeated_{n}x.md")), vec![one.as_str(); n].join("\n"))?;
    }
    if traditional {
        let s2t = banmian::Converter::new(banmian::Config::S2t).expect("s2t converter");
        let mut all = fs::File::create(out.join("trad.txt"))?;
        let mut jsonl = std::io::BufWriter::new(fs::File::create(out.join("trad.jsonl"))?);
        for p in &pages {
            let t = s2t.convert(&p.text);
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
