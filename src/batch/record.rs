//! The record of a folder run, `OUT/.banmian/run.json` (CONTRACT.md, "Command line"):
//! banmian's version, the schema versions it writes, the options that shape an output
//! and the input format; and the log of the files it processed,
//! `OUT/.banmian/pages.jsonl` ([`Pages`]). `--resume` keeps a page's outputs only when
//! the record matches this run (see [`Record::prepare`]) and the log shows the input and
//! every output unchanged (size and CRC-32, [`Identity`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use crate::Options;
use crate::error::{Error, Result};
use crate::write::OutputFormat;

/// Where a folder run keeps its record, relative to the output folder. The walk never
/// reads it as a page (it is a hidden folder, and the output folder is not walked).
pub const RECORD_PATH: &str = ".banmian/run.json";

/// The schema tag of the record.
pub const RECORD_SCHEMA: &str = "banmian.run/1";

/// What a folder run records in `OUT/.banmian/run.json`: what decides the bytes of its
/// outputs. Two runs with equal records write the same output for the same page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`RECORD_SCHEMA`].
    pub schema: String,
    /// banmian's version (`Cargo.toml`).
    pub version: String,
    /// The schema versions of what the run writes: [`crate::SCHEMA`] and
    /// [`super::ERROR_SCHEMA`].
    pub schemas: Vec<String>,
    /// `--punct`: `normalize` or `keep`.
    pub punct: String,
    /// `--lookalikes`: `repair` or `keep`. (A record written before the option existed
    /// has none, and differs: its outputs had no look-alike repair.)
    #[serde(default)]
    pub lookalikes: String,
    /// `--convert`: the OpenCC configuration name, or null.
    pub convert: Option<String>,
    /// `--convert-dict`: the file as given, or null. (Its content is not recorded: an
    /// edited dictionary needs a run without `--resume`.)
    pub convert_dict: Option<PathBuf>,
    /// `--input-format`: how pages are read, `auto` (each page by content: the OCR
    /// engine's format is found per page) or one format's name, which names its engine.
    pub input_format: String,
    /// `--format`: the output format's name.
    pub format: String,
    /// `--split articles`: true when the run writes one file per article.
    pub split: bool,
    /// `--ocr`: the OCR engine page images went through ([`crate::ocr::Ocr::describe`]:
    /// its version, model and settings); absent (not written) in a run without `--ocr`,
    /// so such a run's record is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<String>,
}

/// What [`Record::prepare`] decided about the outputs already in `OUT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resume {
    /// `--resume` may keep the outputs the log ([`Pages`]) shows unchanged. (`since`,
    /// the time this run's record was first written, is no longer compared: file times
    /// are not trusted.)
    Keep {
        /// When this run's record was first written.
        since: SystemTime,
    },
    /// Every page is redone: not `--resume`, or the record differs (the fields that
    /// differ, or why there is none), which a `--resume` run says once.
    RedoAll {
        /// Why, when `--resume` was asked for: `"convert: null → \"s2t\""`, or
        /// `"no record"`. `None` without `--resume`.
        reason: Option<String>,
    },
}

impl Record {
    /// The record of a run with `options`, writing `format`, `split` by article or not.
    pub fn new(options: &Options, format: OutputFormat, split: bool) -> Record {
        Record {
            schema: RECORD_SCHEMA.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            schemas: vec![crate::SCHEMA.into(), super::ERROR_SCHEMA.into()],
            punct: options.punct.name().into(),
            lookalikes: options.lookalikes.name().into(),
            convert: options.convert.map(|c| c.name().to_string()),
            convert_dict: options.convert_dict.clone(),
            input_format: options.input_format.name().into(),
            format: format.name().into(),
            split,
            ocr: None,
        }
    }

    /// The record with `ocr` ([`Record::ocr`]): the OCR engine of a run with `--ocr`.
    pub fn with_ocr(mut self, ocr: Option<String>) -> Record {
        self.ocr = ocr;
        self
    }

    /// The fields of `self` that differ from `old`, as `name: old → new` (JSON values).
    pub fn differences(&self, old: &serde_json::Value) -> Vec<String> {
        let new = serde_json::to_value(self).unwrap_or_default();
        let (Some(new), Some(old_map)) = (new.as_object(), old.as_object()) else {
            return vec!["the record is not a JSON object".into()];
        };
        new.iter()
            .filter(|(k, v)| old_map.get(*k) != Some(*v))
            .map(|(k, v)| format!("{k}: {} → {v}", old_map.get(k).map_or_else(|| "absent".to_string(), |o| o.to_string())))
            .collect()
    }

    /// Reads the record in `out`, compares it with `self`, and writes `self` there when
    /// it differs or is missing, before any page is written: a run killed half way
    /// leaves a record newer than the old outputs, so a later `--resume` still redoes
    /// them. A matching record is left as it is, its time being when these options were
    /// first used in `out`. A missing record in a folder that holds nothing else (a
    /// first run) is no reason to say anything. Errors: [`crate::ErrorKind::Io`] when the
    /// record cannot be written (the output folder is not writable), with its path.
    pub fn prepare(&self, out: &Path, resume: bool) -> Result<Resume> {
        let path = out.join(RECORD_PATH);
        let old: Option<serde_json::Value> = fs::read(&path).ok().and_then(|b| serde_json::from_slice(&b).ok());
        // A folder with nothing in it (a first run) has nothing to redo, and no reason.
        let empty = fs::read_dir(out).map_or(true, |mut d| d.all(|e| e.is_ok_and(|e| e.file_name() == ".banmian")));
        if old.is_none() && empty {
            self.write(&path)?;
            return Ok(Resume::RedoAll { reason: None });
        }
        let diff = match &old {
            Some(old) => self.differences(old),
            None => vec!["no record of the run that wrote them".into()],
        };
        if diff.is_empty() {
            let since = fs::metadata(&path).and_then(|m| m.modified()).map_err(|e| super::side::output(&path, e))?;
            if resume {
                return Ok(Resume::Keep { since });
            }
            return Ok(Resume::RedoAll { reason: None });
        }
        self.write(&path)?;
        Ok(Resume::RedoAll { reason: resume.then(|| diff.join(", ")) })
    }

    /// Writes the record, pretty JSON, to `path` atomically.
    fn write(&self, path: &Path) -> Result<()> {
        let mut json = serde_json::to_vec_pretty(self)?;
        json.push(b'\n');
        write_atomic(path, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    #[test]
    fn a_changed_option_is_named_and_redoes_every_page() {
        let dir = tempfile::tempdir().unwrap();
        let plain = Record::new(&Options::default(), OutputFormat::Json, false);
        // A first run into an empty folder: nothing to say.
        let first = tempfile::tempdir().unwrap();
        assert_eq!(plain.prepare(first.path(), true).unwrap(), Resume::RedoAll { reason: None });
        assert!(first.path().join(RECORD_PATH).is_file());
        // Outputs of a run that left no record: redone, and why.
        fs::write(dir.path().join("01.md.json"), "{}").unwrap();
        assert_eq!(
            plain.prepare(dir.path(), true).unwrap(),
            Resume::RedoAll { reason: Some("no record of the run that wrote them".into()) }
        );
        let written: serde_json::Value = serde_json::from_slice(&fs::read(dir.path().join(RECORD_PATH)).unwrap()).unwrap();
        assert_eq!(written["schemas"], serde_json::json!(["banmian.page/1", "banmian.error/1"]));
        assert_eq!((written["punct"].as_str(), written["input_format"].as_str()), (Some("normalize"), Some("auto")));
        assert!(matches!(plain.prepare(dir.path(), true).unwrap(), Resume::Keep { .. }));
        assert_eq!(plain.prepare(dir.path(), false).unwrap(), Resume::RedoAll { reason: None });
        let s2t = Record::new(&Options::default().convert(Some("s2t".parse::<Config>().unwrap())), OutputFormat::Json, false);
        assert_eq!(s2t.prepare(dir.path(), true).unwrap(), Resume::RedoAll { reason: Some("convert: null → \"s2t\"".into()) });
        assert!(matches!(s2t.prepare(dir.path(), true).unwrap(), Resume::Keep { .. }));
    }
}

/// Where a folder run keeps, for each input file it processed, what identifies the
/// input and the outputs it wrote from it ([`Done`]), one JSON object a line, relative
/// to the output folder. `--resume` keeps a page's outputs only when its input and
/// every output are still what this log says, whatever the files' times.
pub const PAGES_PATH: &str = ".banmian/pages.jsonl";

/// What identifies a file's content: its size and the CRC-32 (IEEE) of its bytes. Not
/// a defence against someone forging a file; a change made by an editor, a copy or a
/// restore of another version shows (a CRC-32 misses a random change one time in 2^32,
/// and only when the size is unchanged too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// Size in bytes.
    pub size: u64,
    /// CRC-32 (IEEE 802.3) of the bytes.
    pub crc32: u32,
}

impl Identity {
    /// The identity of `bytes`.
    pub fn of(bytes: &[u8]) -> Identity {
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        Identity { size: bytes.len() as u64, crc32: crc.sum() }
    }

    /// The identity of the file at `path`, read in pieces (not held in memory).
    /// Errors: the file cannot be read.
    pub fn of_file(path: &Path) -> std::io::Result<Identity> {
        use std::io::Read;
        let mut f = fs::File::open(path)?;
        let (mut crc, mut buf, mut size) = (flate2::Crc::new(), vec![0u8; 1 << 16], 0u64);
        loop {
            match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    crc.update(&buf[..n]);
                    size += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Identity { size, crc32: crc.sum() })
    }
}

/// One line of [`PAGES_PATH`]: an input file a run processed, and what it wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    /// The input file, relative to the input root (as the walk names it).
    pub source: PathBuf,
    /// The input's identity when it was read.
    pub input: Identity,
    /// Every file written from it, relative to the output folder, with its identity:
    /// the page's output (or outputs, `.p<N>`, for a file of several pages, or the
    /// `--split` folder's files) and, for a scan, the kept OCR output.
    pub outputs: Vec<(PathBuf, Identity)>,
    /// Page objects the file gave, and their articles, `removed` entries and warnings
    /// (page and article), so that a resumed run's summary counts the pages it kept.
    pub pages: u64,
    /// Articles in those pages.
    pub articles: u64,
    /// `removed` entries in those pages.
    pub removed: u64,
    /// Warnings (page and article) in those pages.
    pub warnings: u64,
}

/// The log of [`Done`] entries of an output folder: what an earlier run with the same
/// record wrote ([`Pages::earlier`]), and the file new entries are appended to.
#[derive(Debug, Default)]
pub struct Pages {
    pub(super) earlier: std::collections::HashMap<PathBuf, Done>,
    /// False when a run that keeps found no log (outputs of a banmian before the log).
    pub(super) found: bool,
    file: Option<fs::File>,
}

impl Pages {
    /// Opens the log in `out`: with `keep` (a `--resume` run whose record matched),
    /// the entries already there, the last one of each input winning, are kept and
    /// written back compacted; otherwise the log starts empty. A line cut short by a
    /// killed run is passed over. Errors: [`crate::ErrorKind::Io`] naming the log, as
    /// an output.
    pub fn open(out: &Path, keep: bool) -> Result<Pages> {
        let path = out.join(PAGES_PATH);
        let mut earlier = std::collections::HashMap::new();
        let mut found = !keep;
        if keep {
            if let Ok(bytes) = fs::read(&path) {
                found = true;
                for line in bytes.split(|&b| b == b'\n') {
                    if let Ok(d) = serde_json::from_slice::<Done>(line) {
                        earlier.insert(d.source.clone(), d);
                    }
                }
            }
        }
        let mut sorted: Vec<&Done> = earlier.values().collect();
        sorted.sort_by(|a, b| a.source.cmp(&b.source));
        let mut text = Vec::new();
        for d in sorted {
            if let Ok(line) = serde_json::to_vec(d) {
                text.extend(line);
                text.push(b'\n');
            }
        }
        write_atomic(&path, &text)?;
        let file = fs::OpenOptions::new().append(true).open(&path).map_err(|e| super::side::output(&path, e))?;
        Ok(Pages { earlier, found, file: Some(file) })
    }

    /// The entry an earlier run left for `source`, if any.
    pub fn earlier(&self, source: &Path) -> Option<&Done> {
        self.earlier.get(source)
    }

    /// Appends `done` to the log (one line, written at once). Errors:
    /// [`crate::ErrorKind::Io`], [`crate::ErrorKind::JsonOutput`].
    pub fn append(&mut self, done: &Done) -> Result<()> {
        use std::io::Write;
        let mut line = serde_json::to_vec(done)?;
        line.push(b'\n');
        match &mut self.file {
            Some(f) => f.write_all(&line).map_err(Error::from),
            None => Ok(()),
        }
    }
}
