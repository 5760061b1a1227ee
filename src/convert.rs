//! Traditional/Simplified script conversion, compatible with OpenCC.
//!
//! This module owns the conversion stage's backend. Configurations are named as
//! OpenCC names them (`s2t`, `t2s`, `s2tw`, `tw2s`, `s2hk`, `hk2s`, `s2twp`, `tw2sp`,
//! `t2tw`, `t2hk`, `tw2t`, `hk2t`).
//!
//! The backend is chosen at build time, with one API:
//! - default (feature `ferrous-opencc`): ferrous-opencc 0.4.0, pure Rust, OpenCC's
//!   dictionaries built in; needs no system library;
//! - feature `system-opencc`: the system's OpenCC library (1.1.x; Debian:
//!   `apt-get install pkg-config libopencc-dev`) through opencc-rust 1.1.19. When both
//!   features are on, the system library is used.
//!
//! A [`Converter`] is built once per configuration and is `Send + Sync`, so one
//! instance serves every rayon worker. Conversion changes characters and phrases
//! only: punctuation width is [`crate::punct`]'s business.

use std::fmt;
use std::str::FromStr;

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
/// either way. A `Converter` is `Send + Sync` with both backends (checked at compile
/// time below), so one instance, built once per configuration, serves every rayon
/// worker: [`crate::Pipeline`] builds it in `Pipeline::new` and its workers share it
/// by reference.
pub struct Converter {
    config: Config,
    inner: backend::Inner,
}

// Both backends must give a converter that threads can share.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Converter>();
};

impl fmt::Debug for Converter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Converter").field("config", &self.config).field("backend", &Self::BACKEND).finish()
    }
}

impl Converter {
    /// Name of the backend this build converts with: `"ferrous-opencc"` (default) or
    /// `"system-opencc"` (cargo feature `system-opencc`).
    pub const BACKEND: &'static str = backend::NAME;

    /// Builds the converter. Errors: [`ErrorKind::Convert`] if the backend cannot load
    /// the configuration (with the system backend: OpenCC's data files, e.g.
    /// `/usr/share/opencc/t2s.json`, are missing).
    pub fn new(config: Config) -> Result<Converter> {
        let inner =
            backend::Inner::open(config).map_err(|e| Error::new(ErrorKind::Convert(format!("{config} ({}): {e}", Self::BACKEND))))?;
        Ok(Converter { config, inner })
    }

    /// The configuration it converts with.
    pub fn config(&self) -> Config {
        self.config
    }

    /// Converts `text`. Any `&str` is accepted, NUL bytes included (they are passed
    /// through unchanged); never panics.
    pub fn convert(&self, text: &str) -> String {
        self.inner.convert(text)
    }
}

#[cfg(not(any(feature = "ferrous-opencc", feature = "system-opencc")))]
compile_error!("banmian needs a script conversion backend: the default feature `ferrous-opencc`, or `system-opencc`");

/// The pure-Rust backend: ferrous-opencc, OpenCC's dictionaries built in.
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
        let expected = if cfg!(feature = "system-opencc") { "system-opencc" } else { "ferrous-opencc" };
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
