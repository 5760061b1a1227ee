//! Fuzz target: the JSON Lines input reader. Arbitrary bytes go to
//! `batch::parse_input_line` (as one line) and to `batch::run_stream` (as a stream):
//! never a panic, every input page gives one output line (a page object, or an error
//! line counted as failed), and the counts add up.

#![no_main]

use std::sync::LazyLock;

use banmian::batch::{parse_input_line, run_stream};
use banmian::{Options, Pipeline};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Options::default()).expect("pipeline"));

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = parse_input_line(s);
    }
    let mut out = Vec::new();
    let summary = run_stream(&PIPELINE, &mut &data[..], &mut out, "fuzz").expect("writing to a Vec cannot fail");
    assert_eq!(summary.processed + summary.failed, summary.pages, "{summary:?}");
    assert_eq!(summary.failures.len() as u64, summary.failed);
    // One output line per input page, in order: a page object, or an error line in
    // place of a line that is not a page.
    let lines: Vec<&[u8]> = out.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len() as u64, summary.pages);
    let mut errors = 0;
    for l in lines {
        let v: serde_json::Value = serde_json::from_slice(l).expect("each output line is JSON");
        match v["schema"].as_str() {
            Some("banmian.page/1") => {}
            Some("banmian.error/1") => errors += 1,
            other => panic!("unexpected schema {other:?}"),
        }
    }
    assert_eq!(errors, summary.failed);
});
