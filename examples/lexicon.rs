//! Writes the generated table of cue words (`src/rules/lexicon/table.rs`) to stdout:
//! the source lists of `src/rules/lexicon/mod.rs` with their forms under OpenCC
//! `s2t`, `s2hk` and `s2tw`, through banmian's default backend.
//!
//! Usage: `cargo run --example lexicon > src/rules/lexicon/table.rs`

use banmian::rules::lexicon::{VARIANTS, generate};
use banmian::{Config, Converter};

fn main() {
    let converters: Vec<(Config, Converter)> = VARIANTS.iter().map(|&c| (c, Converter::new(c).expect("OpenCC configuration"))).collect();
    let convert = |config: Config, w: &str| converters.iter().find(|(c, _)| *c == config).expect("a converter per variant").1.convert(w);
    print!("{}", generate(&convert));
}
