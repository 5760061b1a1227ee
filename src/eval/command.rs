//! The `banmian eval SET [--floor FILE] [--json FILE] [--write-floor FILE] [--lookalikes repair|keep] [-j N]`
//! subcommand.
//!
//! Prints the table ([`Report::table`]) on stdout, then the floor check; names every
//! unreadable file on stderr. Exit status: 0 when every page was read and no metric is
//! below the floor (or no floor was given), 3 when some metric is below the floor, 1
//! when some file could not be read (the rest are still scored, and the floor is still
//! checked and reported; 1 wins over 3), 2 for a usage error (bad arguments, or a floor
//! file that cannot be read or is not a floor).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use super::evaluate;
use super::report::Floor;
use crate::{Lookalikes, Options, Pipeline};

/// Scores banmian against an evaluation set (pages with known answers): a table per input
/// kind, `banmian.eval/1` JSON, and a floor check (see evaluation/README.md).
#[derive(Debug, Parser)]
#[command(name = "banmian eval", version, about, long_about = None)]
struct Args {
    /// The set folder: SET/<kind>/<id>.<ext>[.gz] beside SET/<kind>/<id>.gold.json[.gz]; or one
    /// kind folder, scored as the kind it is named after.
    set: PathBuf,

    /// A floor file (banmian.evalfloor/1): exit 3 when a metric falls below it.
    #[arg(long, value_name = "FILE")]
    floor: Option<PathBuf>,

    /// Write the report as banmian.eval/1 JSON to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,

    /// Write a floor at this run's figures less one point (banmian.evalfloor/1) to this
    /// file: how evaluation/floor.json is made and raised.
    #[arg(long, value_name = "FILE")]
    write_floor: Option<PathBuf>,

    /// Score with OCR look-alike characters `repair`ed (as `banmian --lookalikes repair`)
    /// or `keep` as printed (the default, as banmian's own).
    #[arg(long, value_name = "repair|keep", default_value = "keep", value_parser = lookalikes())]
    lookalikes: Lookalikes,

    /// Worker threads (default: one per core). The report is the same whatever the number.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,
}

/// `--lookalikes`' values, read by [`Lookalikes`]' `FromStr` as `banmian --lookalikes` reads them.
fn lookalikes() -> impl TypedValueParser<Value = Lookalikes> {
    PossibleValuesParser::new(Lookalikes::ALL.iter().map(|l| l.name())).try_map(|s| s.parse::<Lookalikes>().map_err(|e| e.to_string()))
}

/// What `--write-floor` takes off each figure: one point, the spread issue 12 allows
/// between a regenerated set and the committed one.
pub const FLOOR_MARGIN: f64 = 0.01;

/// Exit status: every page read, at or above the floor.
pub const EXIT_OK: i32 = 0;
/// Exit status: some file could not be read.
pub const EXIT_UNREADABLE: i32 = 1;
/// Exit status: usage error.
pub const EXIT_USAGE: i32 = 2;
/// Exit status: some metric below the floor.
pub const EXIT_BELOW_FLOOR: i32 = 3;

/// Runs `banmian eval`; `args` are the arguments after the program name, starting
/// with `eval`. Returns the exit status.
pub fn run<I: IntoIterator<Item = OsString>>(args: I) -> i32 {
    let args = match Args::try_parse_from(args) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    if super::issues::is_issue_set(&args.set) {
        return run_issues(&args);
    }
    let (floor, mut report) = match scored(&args, Floor::parse, evaluate) {
        Ok(x) => x,
        Err(status) => return status,
    };
    for e in &report.errors {
        eprintln!("banmian eval: {}", e.error);
    }
    print!("{}", report.table());
    let passed = match &floor {
        Some((p, f)) => {
            let passed = report.check_floor(f, &p.display().to_string());
            if let Some(check) = &report.floor {
                if passed {
                    println!("floor {}: passed", p.display());
                } else {
                    println!("floor {}: {} below", p.display(), check.below.len());
                    for b in &check.below {
                        let value = b.value.map_or_else(|| "nothing scored".to_string(), |v| format!("{v:.4}"));
                        let (rel, word) = if b.metric == "reading_order" { (">", "ceiling") } else { ("<", "floor") };
                        println!("  {} {}: {value} {rel} {word} {}", b.kind, b.metric, b.floor);
                    }
                }
            }
            passed
        }
        _ => true,
    };
    if let Err(status) = json(&args, &report) {
        return status;
    }
    if let Some(p) = &args.write_floor {
        let mut floor = report.floor_at(FLOOR_MARGIN);
        floor.note = Some(format!(
            "written by `banmian eval {} --write-floor` (banmian {}): each figure less {FLOOR_MARGIN}, reading_order a ceiling",
            args.set.display(),
            env!("CARGO_PKG_VERSION")
        ));
        if let Err(e) = write_json(p, &floor) {
            eprintln!("banmian eval: --write-floor {}: {e}", p.display());
            return EXIT_UNREADABLE;
        }
    }
    status(!report.errors.is_empty(), passed)
}

/// What [`scored`] gives: the `--floor` file (its path, and what the set kind made of
/// its bytes), when given, and the set's report.
type Scored<'a, F, R> = (Option<(&'a std::path::Path, F)>, R);

/// The set-up both kinds of set share: the `--floor` file read and made sense of by
/// `floor` (before the set is scored, so a bad floor fails at once), the pipeline, and
/// the set scored by `evaluate` on `-j` threads. `Err` is the exit status, the reason
/// said on stderr.
fn scored<F, R: Send>(
    args: &Args,
    floor: impl FnOnce(&[u8]) -> Result<F, String>,
    evaluate: impl FnOnce(&Pipeline, &std::path::Path) -> Result<R, String> + Send,
) -> Result<Scored<'_, F, R>, i32> {
    let floor = match &args.floor {
        None => None,
        Some(p) => match std::fs::read(p).map_err(|e| e.to_string()).and_then(|b| floor(&b)) {
            Ok(f) => Some((p.as_path(), f)),
            Err(e) => {
                eprintln!("banmian eval: --floor {}: {e}", p.display());
                return Err(EXIT_USAGE);
            }
        },
    };
    let lookalikes = args.lookalikes;
    let pipeline = Pipeline::new(Options::default().lookalikes(lookalikes)).map_err(|e| {
        eprintln!("banmian eval: {e}");
        EXIT_USAGE
    })?;
    match with_threads(args.threads, || evaluate(&pipeline, &args.set)) {
        None => Err(EXIT_USAGE),
        Some(Ok(r)) => Ok((floor, r)),
        Some(Err(e)) => {
            eprintln!("banmian eval: {e}");
            Err(EXIT_UNREADABLE)
        }
    }
}

/// Writes `--json`, when asked for; `Err` is the exit status.
fn json<T: serde::Serialize>(args: &Args, report: &T) -> Result<(), i32> {
    if let Some(p) = &args.json
        && let Err(e) = write_json(p, report)
    {
        eprintln!("banmian eval: --json {}: {e}", p.display());
        return Err(EXIT_UNREADABLE);
    }
    Ok(())
}

/// The exit status of a run (see the module doc): unreadable files win over the floor.
fn status(unreadable: bool, passed: bool) -> i32 {
    if unreadable {
        EXIT_UNREADABLE
    } else if !passed {
        EXIT_BELOW_FLOOR
    } else {
        EXIT_OK
    }
}

/// Runs `f` on a rayon pool of `threads` threads (the global pool when `None`); `None`
/// when the pool cannot be started (said on stderr).
fn with_threads<T: Send>(threads: Option<u16>, f: impl FnOnce() -> T + Send) -> Option<T> {
    match threads {
        None => Some(f()),
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n.into()).build() {
            Ok(pool) => Some(pool.install(f)),
            Err(e) => {
                eprintln!("banmian eval: cannot start {n} threads: {e}");
                None
            }
        },
    }
}

/// Writes a value as pretty JSON with a final newline.
fn write_json<T: serde::Serialize>(path: &std::path::Path, value: &T) -> Result<(), String> {
    let mut json = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
    json.push(b'\n');
    std::fs::write(path, json).map_err(|e| e.to_string())
}

/// `banmian eval` on an issue set ([`super::issues`]): the linking table, `--json`, and
/// `--floor` with the issue metrics (`--write-floor` is not offered for issue sets).
fn run_issues(args: &Args) -> i32 {
    if args.write_floor.is_some() {
        eprintln!("banmian eval: --write-floor is for page sets; an issue floor is written by hand (evaluation/README.md, Issues)");
        return EXIT_USAGE;
    }
    let (floor, report) = match scored(args, |b| Ok(b.to_vec()), super::issues::evaluate) {
        Ok(x) => x,
        Err(status) => return status,
    };
    let mut unreadable = false;
    for e in report.issues.iter().filter_map(|i| i.error.as_ref()) {
        eprintln!("banmian eval: {e}");
        unreadable = true;
    }
    print!("{}", report.table());
    let mut passed = true;
    if let Some((p, bytes)) = &floor {
        match report.below(bytes) {
            Ok(below) if below.is_empty() => println!("floor {}: passed", p.display()),
            Ok(below) => {
                passed = false;
                println!("floor {}: {} below", p.display(), below.len());
                for (kind, metric, value, bound) in below {
                    let value = value.map_or_else(|| "nothing scored".to_string(), |v| format!("{v:.4}"));
                    println!("  {kind} {metric}: {value} < floor {bound}");
                }
            }
            Err(e) => {
                eprintln!("banmian eval: --floor {}: {e}", p.display());
                return EXIT_USAGE;
            }
        }
    }
    if let Err(status) = json(args, &report) {
        return status;
    }
    status(unreadable, passed)
}
