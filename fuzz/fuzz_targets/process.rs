//! Fuzz target: one page of arbitrary bytes through `Pipeline::process_bytes` (and,
//! when the bytes are UTF-8, through `Pipeline::process`). Never a panic; a decode
//! error or a refusal is the only failure; every text page written keeps every Han
//! character and digit of its input and has sane line spans (tests/common). The same
//! bytes also go through the default pipeline, which reads PaddleOCR box pages too:
//! there only the absence of panics and a page that serializes are checked.

#![no_main]

use std::sync::LazyLock;

use banmian::{ErrorKind, InputFormat, Options, Pipeline, Punct};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fn text_pipeline(punct: Punct) -> Pipeline {
    Pipeline::new(Options::default().punct(punct).input_format(InputFormat::Text)).expect("pipeline")
}

static NORMALIZE: LazyLock<Pipeline> = LazyLock::new(|| text_pipeline(Punct::Normalize));
static KEEP: LazyLock<Pipeline> = LazyLock::new(|| text_pipeline(Punct::Keep));
static AUTO: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Options::default()).expect("pipeline"));

fuzz_target!(|data: &[u8]| {
    // The first byte picks the punctuation mode, so both are explored.
    let pipeline: &Pipeline = if data.first().is_some_and(|b| b & 1 == 1) { &KEEP } else { &NORMALIZE };
    match pipeline.process_bytes("fuzz", data) {
        Ok(page) => {
            let text = banmian::read::decode::decode(data).expect("decoded once, decodes again").text;
            common::assert_sane(&text, &page);
            serde_json::to_vec(&page).expect("a page serializes");
        }
        Err(e) => assert!(
            matches!(e.kind(), ErrorKind::Decode(_) | ErrorKind::TooLarge { .. } | ErrorKind::TooManyLines { .. }),
            "unexpected error {e}"
        ),
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let page = pipeline.process("fuzz", s);
        common::assert_sane(s, &page);
    }
    if let Ok(page) = AUTO.process_bytes("fuzz", data) {
        serde_json::to_vec(&page).expect("a page serializes");
    }
});
