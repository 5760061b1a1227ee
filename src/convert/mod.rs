//! Traditional/Simplified script conversion, compatible with OpenCC.
//!
//! This module owns the conversion stage's backend. Configurations are named as
//! OpenCC names them (`s2t`, `t2s`, `s2tw`, `tw2s`, `s2hk`, `hk2s`, `s2twp`, `tw2sp`,
//! `t2tw`, `t2hk`, `tw2t`, `hk2t`).
//!
//! The backend is chosen at build time, with one API:
//! - default (no feature): `builtin`, banmian's own engine over OpenCC 1.4.2's
//!   dictionaries and configurations, vendored in `src/convert/opencc/`
//!   (Apache-2.0, see the NOTICE there) and applied as OpenCC 1.4 applies them
//!   (normalization, maximum-match segmentation, conversion chain: see
//!   `src/convert/tables.rs`).
//!   It passes every one of OpenCC 1.4's own test cases for the twelve
//!   configurations (examples/opencc_conformance.rs) and needs no system library;
//! - feature `ferrous-opencc`: ferrous-opencc 0.4.0 (pure Rust, OpenCC 1.3-era
//!   dictionaries built in);
//! - feature `system-opencc`: the system's OpenCC library (1.1.x; Debian:
//!   `apt-get install pkg-config libopencc-dev`) through opencc-rust 1.1.19.
//!
//! When several features are on, `system-opencc` wins over `ferrous-opencc`, which
//! wins over the built-in engine.
//!
//! [`Overrides`] (`--convert-dict FILE`) are the user's own `from → to` pairs, an
//! archive's place and person names, say; they win over the backend's tables with
//! any backend.
//!
//! A [`Converter`] is built once per configuration and is `Send + Sync`, so one
//! instance serves every rayon worker. Conversion changes characters and phrases
//! only: punctuation width is the repair stage's business (GB/T 15834 rules in `rules::punct`).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::error::{Error, ErrorKind, Result};

/// An OpenCC configuration, by its OpenCC name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Config {
    /// Simplified → Traditional (OpenCC standard).
    S2t,
    /// Traditional → Simplified.
    T2s,
    /// Simplified → Traditional (Taiwan).
    S2tw,
    /// Traditional (Taiwan) → Simplified.
    Tw2s,
    /// Simplified → Traditional (Hong Kong).
    S2hk,
    /// Traditional (Hong Kong) → Simplified.
    Hk2s,
    /// Simplified → Traditional (Taiwan) with Taiwanese phrases.
    S2twp,
    /// Traditional (Taiwan) with Taiwanese phrases → Simplified.
    Tw2sp,
    /// Traditional (OpenCC standard) → Taiwan variants.
    T2tw,
    /// Traditional (OpenCC standard) → Hong Kong variants.
    T2hk,
    /// Taiwan variants → Traditional (OpenCC standard).
    Tw2t,
    /// Hong Kong variants → Traditional (OpenCC standard).
    Hk2t,
}

impl Config {
    /// Every configuration, in OpenCC's order.
    pub const ALL: [Config; 12] = [
        Config::S2t,
        Config::T2s,
        Config::S2tw,
        Config::Tw2s,
        Config::S2hk,
        Config::Hk2s,
        Config::S2twp,
        Config::Tw2sp,
        Config::T2tw,
        Config::T2hk,
        Config::Tw2t,
        Config::Hk2t,
    ];

    /// The OpenCC name: "s2t", "t2s", ...
    pub fn name(self) -> &'static str {
        match self {
            Config::S2t => "s2t",
            Config::T2s => "t2s",
            Config::S2tw => "s2tw",
            Config::Tw2s => "tw2s",
            Config::S2hk => "s2hk",
            Config::Hk2s => "hk2s",
            Config::S2twp => "s2twp",
            Config::Tw2sp => "tw2sp",
            Config::T2tw => "t2tw",
            Config::T2hk => "t2hk",
            Config::Tw2t => "tw2t",
            Config::Hk2t => "hk2t",
        }
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Config {
    type Err = Error;

    /// Reads an OpenCC name, with or without `.json` ("t2s", "t2s.json").
    fn from_str(s: &str) -> Result<Config> {
        let s = s.trim().trim_end_matches(".json").to_ascii_lowercase();
        Config::ALL.into_iter().find(|c| c.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Config::ALL.iter().map(|c| c.name()).collect();
            Error::new(ErrorKind::Convert(format!("unknown configuration {s:?}; one of {}", names.join(", "))))
        })
    }
}

/// A script converter for one configuration; build once, share across threads.
///
/// The backend is chosen at build time (see the module doc); the API is the same
/// either way. A `Converter` is `Send + Sync` with every backend (checked at compile
/// time below), so one instance, built once per configuration, serves every rayon
/// worker: [`crate::Pipeline`] builds it in `Pipeline::new` and its workers share it
/// by reference.
pub struct Converter {
    config: Config,
    inner: backend::Inner,
    overrides: Option<OverrideMatcher>,
}

// Every backend must give a converter that threads can share.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Converter>();
};

impl fmt::Debug for Converter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Converter")
            .field("config", &self.config)
            .field("backend", &Self::BACKEND)
            .field("overrides", &self.overrides.as_ref().map_or(0, |o| o.values.len()))
            .finish()
    }
}

impl Converter {
    /// Name of the backend this build converts with: `"builtin"` (default, OpenCC
    /// 1.4.2's tables), `"ferrous-opencc"` or `"system-opencc"` (cargo features).
    pub const BACKEND: &'static str = backend::NAME;

    /// Builds the converter. Errors: [`ErrorKind::Convert`] if the backend cannot load
    /// the configuration (with the system backend: OpenCC's data files, e.g.
    /// `/usr/share/opencc/t2s.json`, are missing).
    pub fn new(config: Config) -> Result<Converter> {
        let inner =
            backend::Inner::open(config).map_err(|e| Error::new(ErrorKind::Convert(format!("{config} ({}): {e}", Self::BACKEND))))?;
        Ok(Converter { config, inner, overrides: None })
    }

    /// Builds the converter with the user's `overrides`, which win over the
    /// backend's tables (see [`Overrides`]). Errors: as [`Converter::new`].
    pub fn with_overrides(config: Config, overrides: Overrides) -> Result<Converter> {
        let mut converter = Converter::new(config)?;
        converter.overrides =
            OverrideMatcher::new(overrides).map_err(|e| Error::new(ErrorKind::Convert(format!("conversion dictionary: {e}"))))?;
        Ok(converter)
    }

    /// The configuration it converts with.
    pub fn config(&self) -> Config {
        self.config
    }

    /// Converts `text`. Any `&str` is accepted, NUL bytes included (they are passed
    /// through unchanged); never panics.
    ///
    /// ```
    /// use banmian::{Config, Converter};
    ///
    /// let c = Converter::new(Config::T2s).unwrap();
    /// assert_eq!(c.convert("這是報紙，\0照登。"), "这是报纸，\0照登。");
    /// ```
    pub fn convert(&self, text: &str) -> String {
        let Some(overrides) = &self.overrides else { return self.inner.convert(text) };
        let mut out = String::with_capacity(text.len() + text.len() / 5);
        let mut copied = 0;
        for m in overrides.automaton.find_iter(text) {
            if m.start() > copied {
                out.push_str(&self.inner.convert(&text[copied..m.start()]));
            }
            out.push_str(&overrides.values[m.pattern().as_usize()]);
            copied = m.end();
        }
        if copied < text.len() {
            out.push_str(&self.inner.convert(&text[copied..]));
        }
        out
    }
}

/// Builds the pipeline's converter from its options: `None` without a
/// configuration. Errors: [`ErrorKind::Convert`] for a dictionary file without a
/// configuration to use it with or a bad dictionary file (naming it, see
/// [`Overrides::from_tsv_file`]), or as [`Converter::new`].
pub(crate) fn from_options(config: Option<Config>, dict: Option<&Path>) -> Result<Option<Converter>> {
    match (config, dict) {
        (None, None) => Ok(None),
        (None, Some(path)) => Err(Error::new(ErrorKind::Convert("--convert-dict needs --convert CONFIG".into())).with_path(path)),
        (Some(config), None) => Converter::new(config).map(Some),
        (Some(config), Some(path)) => Converter::with_overrides(config, Overrides::from_tsv_file(path)?).map(Some),
    }
}

/// The user's own conversion pairs, for the words an archive needs converted its
/// own way (place and person names, a paper's house style).
///
/// A pair maps text as printed (`from`) to the text wanted (`to`), whatever the
/// configuration's chain would make of it. Overrides win over the built-in tables:
/// the converter first finds, left to right, the longest `from` starting at each
/// position (leftmost-longest matching); the text between the matches goes to the
/// backend as usual, and no built-in phrase reaches across a match. A later pair
/// with the same `from` replaces an earlier one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pairs: Vec<(String, String)>,
}

impl Overrides {
    /// No pairs.
    pub fn new() -> Overrides {
        Overrides::default()
    }

    /// Adds the pair `from → to`, replacing any earlier pair with the same `from`.
    /// Errors: [`ErrorKind::Convert`] if `from` is empty.
    pub fn insert(&mut self, from: impl Into<String>, to: impl Into<String>) -> Result<()> {
        let (from, to) = (from.into(), to.into());
        if from.is_empty() {
            return Err(Error::new(ErrorKind::Convert("an override with nothing to replace (empty `from`)".into())));
        }
        match self.pairs.iter_mut().find(|(f, _)| *f == from) {
            Some(pair) => pair.1 = to,
            None => self.pairs.push((from, to)),
        }
        Ok(())
    }

    /// Reads pairs from text: one `from<TAB>to` a line; empty lines and lines
    /// starting with `#` are skipped; a `\r` before the line end is dropped; `to` may
    /// be empty (the text is deleted). Errors: [`ErrorKind::Convert`] with the
    /// 1-based line number for a line without a tab or with an empty `from`.
    pub fn from_tsv(text: &str) -> Result<Overrides> {
        let mut overrides = Overrides::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let lineno = i as u64 + 1;
            let Some((from, to)) = line.split_once('\t') else {
                return Err(Error::new(ErrorKind::Convert(format!("conversion dictionary: not `from<TAB>to`: {line:?}"))).with_line(lineno));
            };
            overrides.insert(from, to).map_err(|e| e.with_line(lineno))?;
        }
        Ok(overrides)
    }

    /// Reads pairs from a UTF-8 file in [`Overrides::from_tsv`]'s format (a leading
    /// BOM is skipped). Errors name the file: [`ErrorKind::Io`] when it cannot be
    /// read, [`ErrorKind::Convert`] when it is not UTF-8 or has a bad line.
    pub fn from_tsv_file(path: impl AsRef<Path>) -> Result<Overrides> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::from(e).with_path(path))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::new(ErrorKind::Convert("conversion dictionary is not UTF-8".into()))
                .with_path(path)
                .with_byte(e.utf8_error().valid_up_to() as u64)
        })?;
        Overrides::from_tsv(text.strip_prefix('\u{feff}').unwrap_or(&text)).map_err(|e| e.with_path(path))
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// No pairs?
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// Overrides compiled for matching.
struct OverrideMatcher {
    automaton: AhoCorasick,
    values: Vec<String>,
}

impl OverrideMatcher {
    /// `None` for no pairs; an error only if aho-corasick refuses the patterns (too
    /// many for its state identifiers).
    fn new(overrides: Overrides) -> std::result::Result<Option<OverrideMatcher>, aho_corasick::BuildError> {
        if overrides.is_empty() {
            return Ok(None);
        }
        let (froms, values): (Vec<String>, Vec<String>) = overrides.pairs.into_iter().unzip();
        let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&froms)?;
        Ok(Some(OverrideMatcher { automaton, values }))
    }
}

#[cfg(not(any(feature = "ferrous-opencc", feature = "system-opencc")))]
mod tables;

/// The default backend: banmian's own engine over OpenCC 1.4.2's tables.
#[cfg(not(any(feature = "ferrous-opencc", feature = "system-opencc")))]
mod backend {
    use super::Config;
    use super::tables::Plan;

    pub(super) const NAME: &str = "builtin";

    /// A shared, immutable plan: built once per configuration for the process.
    pub(super) struct Inner(&'static Plan);

    impl Inner {
        pub(super) fn open(config: Config) -> Result<Inner, String> {
            Plan::get(config).map(Inner).map_err(|e| format!("OpenCC {} tables: {e}", super::tables::OPENCC_VERSION))
        }

        pub(super) fn convert(&self, text: &str) -> String {
            self.0.convert(text)
        }
    }
}

/// The pure-Rust ferrous-opencc backend, its own (OpenCC 1.3-era) dictionaries built in.
#[cfg(all(feature = "ferrous-opencc", not(feature = "system-opencc")))]
mod backend {
    use super::Config;

    pub(super) const NAME: &str = "ferrous-opencc";

    /// ferrous-opencc's converter is plain data (dictionaries read only after
    /// construction), `Send + Sync` by itself.
    pub(super) struct Inner(ferrous_opencc::OpenCC);

    impl Inner {
        pub(super) fn open(config: Config) -> Result<Inner, String> {
            let builtin =
                ferrous_opencc::config::BuiltinConfig::from_filename(&format!("{}.json", config.name())).map_err(|e| e.to_string())?;
            ferrous_opencc::OpenCC::from_config(builtin).map(Inner).map_err(|e| e.to_string())
        }

        pub(super) fn convert(&self, text: &str) -> String {
            self.0.convert(text)
        }
    }
}

/// The system backend: the system's OpenCC library (1.1.x) through opencc-rust.
#[cfg(feature = "system-opencc")]
mod backend {
    use super::Config;

    pub(super) const NAME: &str = "system-opencc";

    /// opencc-rust's handle is `Send + Sync` by its own `unsafe impl`: it wraps an
    /// OpenCC `SimpleConverter`, whose `Convert` is a `const` method reading
    /// dictionaries that are immutable once loaded (OpenCC's SimpleConverter.cpp).
    /// The one piece of shared mutable state in OpenCC's C API, its last-error string,
    /// is written only when opening a configuration fails (done once, before any
    /// sharing) or when conversion throws, which it does not on valid UTF-8 (what a
    /// `&str` is).
    pub(super) struct Inner(opencc_rust::OpenCC);

    impl Inner {
        pub(super) fn open(config: Config) -> Result<Inner, String> {
            opencc_rust::OpenCC::new(format!("{}.json", config.name()))
                .map(Inner)
                .map_err(|e| format!("{e} (are the system OpenCC's data files installed? Debian: package libopencc-data)"))
        }

        /// opencc-rust hands the text to C as a NUL-terminated string and panics on a
        /// NUL byte inside it, so the text is converted piece by piece between NULs,
        /// which are kept as they are.
        pub(super) fn convert(&self, text: &str) -> String {
            if !text.contains('\0') {
                return self.one(text);
            }
            text.split('\0').map(|piece| self.one(piece)).collect::<Vec<_>>().join("\0")
        }

        fn one(&self, piece: &str) -> String {
            if piece.is_empty() { String::new() } else { self.0.convert(piece) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for c in Config::ALL {
            assert_eq!(c.name().parse::<Config>().unwrap(), c);
        }
        assert_eq!("T2S.json".parse::<Config>().unwrap(), Config::T2s);
        assert!("x2y".parse::<Config>().is_err());
    }

    #[test]
    fn every_configuration_builds_with_the_built_backend() {
        for c in Config::ALL {
            let conv = Converter::new(c).unwrap_or_else(|e| panic!("{c} with {}: {e}", Converter::BACKEND));
            assert_eq!(conv.config(), c);
        }
        let expected = if cfg!(feature = "system-opencc") {
            "system-opencc"
        } else if cfg!(feature = "ferrous-opencc") {
            "ferrous-opencc"
        } else {
            "builtin"
        };
        assert_eq!(Converter::BACKEND, expected);
    }

    #[test]
    fn nul_bytes_pass_through_conversion() {
        let t2s = Converter::new(Config::T2s).unwrap();
        assert_eq!(t2s.convert("記者\0報道\0"), "记者\0报道\0");
        assert_eq!(t2s.convert("\0"), "\0");
        assert_eq!(t2s.convert(""), "");
    }
}
