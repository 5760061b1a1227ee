//! Traditional/Simplified script conversion, compatible with OpenCC.
//!
//! This module owns the conversion stage's backend. Configurations are named as
//! OpenCC names them (`s2t`, `t2s`, `s2tw`, `tw2s`, `s2hk`, `hk2s`, `s2twp`, `tw2sp`,
//! `t2tw`, `t2hk`, `tw2t`, `hk2t`). The default backend is ferrous-opencc (pure Rust,
//! OpenCC's dictionaries built in); it needs no system library. A [`Converter`] is
//! built once per configuration and is `Send + Sync`, so one instance serves every
//! rayon worker. Conversion changes characters and phrases only: punctuation width is
//! [`crate::punct`]'s business.

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
        Config::S2t, Config::T2s, Config::S2tw, Config::Tw2s, Config::S2hk, Config::Hk2s,
        Config::S2twp, Config::Tw2sp, Config::T2tw, Config::T2hk, Config::Tw2t, Config::Hk2t,
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
pub struct Converter {
    config: Config,
    inner: ferrous_opencc::OpenCC,
}

impl fmt::Debug for Converter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Converter").field("config", &self.config).field("backend", &Self::BACKEND).finish()
    }
}

impl Converter {
    /// Name of the backend this build converts with.
    pub const BACKEND: &'static str = "ferrous-opencc";

    /// Builds the converter. Errors: [`ErrorKind::Convert`] if the backend cannot load
    /// the configuration.
    pub fn new(config: Config) -> Result<Converter> {
        let builtin = ferrous_opencc::config::BuiltinConfig::from_filename(&format!("{}.json", config.name()))
            .map_err(|e| Error::new(ErrorKind::Convert(format!("{config}: {e}"))))?;
        let inner = ferrous_opencc::OpenCC::from_config(builtin).map_err(|e| Error::new(ErrorKind::Convert(format!("{config}: {e}"))))?;
        Ok(Converter { config, inner })
    }

    /// The configuration it converts with.
    pub fn config(&self) -> Config {
        self.config
    }

    /// Converts `text`.
    pub fn convert(&self, text: &str) -> String {
        self.inner.convert(text)
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
}
