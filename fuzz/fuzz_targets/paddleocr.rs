//! Fuzz target: arbitrary bytes through the paddleocr reader (`banmian::read::paddleocr::parse`)
//! and, when they read, the page of boxes through the pipeline. Never a panic: the
//! reader gives a page or its error; a page read goes through
//! `Pipeline::process_boxes` and serializes. Seeds: the reader's test pages.

#![no_main]

use std::sync::LazyLock;

use banmian::{ErrorKind, Options, Pipeline};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Options::default()).expect("pipeline"));

fuzz_target!(|data: &[u8]| {
    match banmian::read::paddleocr::parse(data) {
        Ok(page) => {
            let out = PIPELINE.process_boxes("fuzz", &page);
            serde_json::to_vec(&out).expect("a page serializes");
        }
        Err(e) => assert!(matches!(e.kind(), ErrorKind::BoxPage(_)), "unexpected error {e}"),
    }
});
