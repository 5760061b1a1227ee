//! Fuzz target: arbitrary bytes through the marker reader (`banmian::read::marker::pages`)
//! and, when they read, each page of boxes through the pipeline. Never a panic: the
//! reader gives pages or an `Input` error; each page read goes through
//! `Pipeline::process_boxes` and serializes. Seeds: the reader's test pages.

#![no_main]

use std::sync::LazyLock;

use banmian::{ErrorKind, Options, Pipeline};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Options::default()).expect("pipeline"));

fuzz_target!(|data: &[u8]| {
    match banmian::read::marker::pages(data) {
        Ok(pages) => {
            for page in pages {
                let out = PIPELINE.process_boxes("fuzz", &page);
                serde_json::to_vec(&out).expect("a page serializes");
            }
        }
        Err(e) => assert!(matches!(e.kind(), ErrorKind::Input { .. }), "unexpected error {e}"),
    }
});
