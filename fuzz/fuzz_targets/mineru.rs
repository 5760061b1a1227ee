//! Fuzz target: arbitrary bytes through the MinerU reader (`banmian::read::mineru::pages`)
//! and, when they read, every page through the pipeline (boxes through
//! `Pipeline::process_boxes`, Markdown through `Pipeline::process`). Never a panic: the
//! reader gives pages or an `Input` error; every page serializes. Seeds: the reader's
//! test pages.

#![no_main]

use std::sync::LazyLock;

use banmian::read::mineru::{self, MinerPage};
use banmian::{ErrorKind, Options, Pipeline};
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Options::default()).expect("pipeline"));

fuzz_target!(|data: &[u8]| {
    match mineru::pages(data) {
        Ok(pages) => {
            for p in pages {
                let out = match p {
                    MinerPage::Boxes(b) => PIPELINE.process_boxes("fuzz", &b),
                    MinerPage::Markdown(md) => PIPELINE.process("fuzz", &md),
                };
                serde_json::to_vec(&out).expect("a page serializes");
            }
        }
        Err(e) => assert!(matches!(e.kind(), ErrorKind::Input { .. }), "unexpected error {e}"),
    }
});
