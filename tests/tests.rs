//! The integration tests, in one test binary (each binary links the library and its
//! dependencies again; one keeps `cargo test` short). One module per area; run one
//! with `cargo test --test tests <module>::`, e.g. `cargo test --test tests gold::`.

mod common;
mod pages;

mod accuracy_text;
mod ad_lines;
mod batch;
mod batch_trial;
mod boxes;
mod caption_labels;
mod cli;
mod column_gaps;
mod convert;
mod detect;
mod eval;
mod fields9;
mod first_hour;
mod formats;
mod ghost_lines;
mod gold;
mod heads;
mod issue;
mod jsonformats;
mod limits;
mod lookalikes;
mod markdown_bodies;
mod mastheads;
mod multipage;
mod outputs;
mod overlapping_heads;
mod page_dates;
mod pathological;
mod properties;
mod realpages;
mod regressions;
mod rubrics;
mod running_heads;
mod sbbox9;
mod sbtext9;
mod scans;
mod schema;
mod shenbao_text;
mod tabloid9;
mod title_cues;
mod vertical;
