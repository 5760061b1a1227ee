//! Command-line arguments and the three input modes (one page, a tree, a JSONL
//! stream), with the progress bar, summary and exit status. Exit status: 0 when every
//! page was processed, 1 when some page failed (all others still written), 2 for a
//! usage error.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use banmian::batch::{self, Summary};
use banmian::{Config, Error, ErrorKind, InputFormat, Options, OutputFormat, Pipeline, Punct, write};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

/// Turns OCR'd Chinese newspaper pages into structured article JSON (schema banmian.page/1).
#[derive(Debug, Clone, Parser)]
#[command(name = "banmian", version, about, long_about = None, after_help = "Subcommands: `banmian eval SET [--floor FILE] [--json FILE]` scores banmian against an evaluation set (see `banmian eval --help`); `banmian view PAGE.json|INPUT [--input PAGE] [--image SCAN] -o page.html` writes a page viewer (see `banmian view --help`).")]
struct Args {
    /// A page file, a folder of pages, or `-` for stdin (the default).
    input: Option<PathBuf>,

    /// Output: the folder for a folder input (required then); a file for one page or
    /// for --jsonl (default: stdout).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,

    /// Write one page object per line (JSON Lines) instead of one file per page.
    #[arg(long)]
    jsonl: bool,

    /// Read one {"id": ..., "text": ...} page per line from the input (stdin by default)
    /// and write one page object per line, in the same order.
    #[arg(long)]
    input_jsonl: bool,

    /// How pages are read: `auto` by content (each input format in turn, text when none
    /// recognises the bytes), or one input format by name (a folder's files with its
    /// extensions). The formats are listed in the README.
    #[arg(long, value_name = "INPUT_FORMAT", default_value = "auto", value_parser = input_formats())]
    input_format: InputFormat,

    /// How each page is written (the files take the format's extension: .json, .txt,
    /// .md, .ninjs.json). --jsonl and --input-jsonl take json and ninjs only.
    #[arg(long = "format", visible_alias = "output-format", value_name = "FORMAT", default_value = "json", value_parser = output_formats())]
    output_format: OutputFormat,

    /// `articles`: one file per article, OUT/<relative path>/<NN>-<slug>.<ext>, plus
    /// leftovers.<ext> (needs -o DIR; not with --jsonl or --input-jsonl).
    #[arg(long, value_enum, value_name = "HOW")]
    split: Option<SplitArg>,

    /// Punctuation next to Chinese text: `normalize` to full width (GB/T 15834-2011) or `keep` as printed.
    #[arg(long, value_enum, default_value_t = PunctArg::Normalize)]
    punct: PunctArg,

    /// Convert the script with an OpenCC configuration: s2t, t2s, s2tw, tw2s, s2hk, hk2s,
    /// s2twp, tw2sp, t2tw, t2hk, tw2t, hk2t. Default: no conversion.
    #[arg(long, value_name = "CONFIG", value_parser = parse_config)]
    convert: Option<Config>,

    /// With --convert: your own conversion pairs, one `from<TAB>to` a line, which win over the built-in tables.
    #[arg(long, value_name = "FILE")]
    convert_dict: Option<PathBuf>,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,

    /// Skip pages whose output file is newer than the page (folder input).
    #[arg(long)]
    resume: bool,

    /// Also read hidden files and folders (names starting with a dot).
    #[arg(long)]
    hidden: bool,

    /// No progress bar and no summary on stderr (errors are still reported).
    #[arg(short, long)]
    quiet: bool,

    /// Write the run's summary as JSON to this file.
    #[arg(long, value_name = "FILE")]
    summary_json: Option<PathBuf>,

    /// Refuse pages larger than this many bytes (a page file, stdin, or the text of a
    /// JSONL line, whose line may be twice as long); a refused page is reported with its
    /// file and size, and the others go on. Default: 64 MiB.
    #[arg(long, value_name = "BYTES", default_value_t = banmian::DEFAULT_MAX_PAGE_BYTES)]
    max_page_bytes: u64,

    /// Refuse pages of more than this many lines (each line costs memory however
    /// short it is). Default: 2097152.
    #[arg(long, value_name = "LINES", default_value_t = banmian::DEFAULT_MAX_PAGE_LINES)]
    max_page_lines: u64,

    /// Issue mode (issue object banmian.issue/1, articles stitched across their jumps):
    /// `--issue DIR` writes one issue to stdout; `--issue ARCHIVE -o OUT` one
    /// OUT/<issue>.issue.json per issue (the nearest folder holding pages, or --issue-key);
    /// with --input-jsonl, lines are grouped by their "issue" key.
    #[arg(long)]
    issue: bool,

    /// With --issue: the issue of a page is the first capture group of this regex
    /// matched against its relative path, e.g. '^(\d{4}/\d\d/\d\d)/'.
    #[arg(long, value_name = "REGEX", requires = "issue")]
    issue_key: Option<String>,
}

/// `--input-format`'s values: the names in the table of input formats.
fn input_formats() -> impl TypedValueParser<Value = InputFormat> {
    PossibleValuesParser::new(InputFormat::names()).try_map(|s| s.parse::<InputFormat>().map_err(|e| e.to_string()))
}

/// `--output-format`'s values: the names of the output formats.
fn output_formats() -> impl TypedValueParser<Value = OutputFormat> {
    PossibleValuesParser::new(OutputFormat::ALL.iter().map(|f| f.name())).try_map(|s| s.parse::<OutputFormat>().map_err(|e| e.to_string()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SplitArg {
    Articles,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PunctArg {
    Normalize,
    Keep,
}

fn parse_config(s: &str) -> Result<Config, String> {
    s.parse::<Config>().map_err(|e| match e.into_kind() {
        ErrorKind::Convert(m) => m,
        other => other.to_string(),
    })
}

/// Most worker threads `-j` accepts: more only costs memory and scheduling.
const MAX_THREADS: usize = 1024;

/// Runs the command; returns the exit status.
pub fn run() -> i32 {
    // Subcommands (CONTRACT.md): `banmian eval ...` and `banmian view ...` when `eval`
    // or `view` is the first argument.
    let argv: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    for sub in ["eval", "view"] {
        if argv.first().is_some_and(|a| a == sub) {
            if Path::new(sub).exists() {
                eprintln!(
                    "banmian: `{sub}` reads two ways here: the subcommand `banmian {sub}`, or the path ./{sub} (write `banmian ./{sub}` for the path)"
                );
                return 2;
            }
            return if sub == "eval" { banmian::eval::command::run(argv) } else { crate::view::run(argv) };
        }
    }
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if (args.jsonl || args.input_jsonl) && !args.output_format.has_line() {
        let flag = if args.jsonl { "--jsonl" } else { "--input-jsonl" };
        eprintln!("banmian: {flag} writes json or ninjs, not --format {}", args.output_format.name());
        return 2;
    }
    if args.split.is_some() {
        if args.jsonl || args.input_jsonl {
            eprintln!("banmian: --split articles writes files, not JSON Lines (--jsonl, --input-jsonl)");
            return 2;
        }
        if args.output.as_ref().is_none_or(|o| o.as_os_str() == "-") {
            eprintln!("banmian: --split articles needs -o DIR");
            return 2;
        }
    }
    if let Some(n) = args.threads {
        if !(1..=MAX_THREADS).contains(&n) {
            eprintln!("banmian: -j takes 1 to {MAX_THREADS} threads, not {n}");
            return 2;
        }
        if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(n).build_global() {
            eprintln!("banmian: cannot start {n} threads: {e}");
            return 2;
        }
    }
    let options = Options::default()
        .punct(match args.punct {
            PunctArg::Normalize => Punct::Normalize,
            PunctArg::Keep => Punct::Keep,
        })
        .convert(args.convert)
        .convert_dict(args.convert_dict.clone())
        .max_page_bytes(args.max_page_bytes)
        .max_page_lines(args.max_page_lines)
        .input_format(args.input_format);
    let pipeline = match Pipeline::new(options) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("banmian: {e}");
            return 2;
        }
    };
    let input = args.input.clone().unwrap_or_else(|| PathBuf::from("-"));
    if args.issue {
        if args.split.is_some() || args.jsonl || args.resume {
            eprintln!("banmian: --issue writes issue objects: not with --split, --jsonl or --resume");
            return 2;
        }
        return banmian::issue::run::command(
            &pipeline,
            &banmian::issue::run::Args {
                input,
                output: args.output.clone(),
                key: args.issue_key.clone(),
                input_jsonl: args.input_jsonl,
                format: args.output_format,
                input_format: args.input_format,
                hidden: args.hidden,
                quiet: args.quiet,
            },
        );
    }
    let result = if args.input_jsonl {
        stream(&pipeline, &args, &input)
    } else if input.as_os_str() == "-" {
        one_page(&pipeline, &args, None)
    } else if input.is_dir() {
        tree(&pipeline, &args, &input)
    } else if input.exists() {
        one_page(&pipeline, &args, Some(&input))
    } else {
        eprintln!("banmian: {}: no such file or folder", input.display());
        return 1;
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("banmian: {e}");
            1
        }
    }
}

/// The output file (`-o FILE`) or stdout. The error names the file.
fn open_output(args: &Args) -> Result<Box<dyn Write>, Error> {
    Ok(match &args.output {
        Some(p) if p.as_os_str() != "-" => Box::new(BufWriter::new(File::create(p).map_err(|e| Error::from(e).with_path(p))?)),
        _ => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

fn one_page(pipeline: &Pipeline, args: &Args, path: Option<&Path>) -> io::Result<i32> {
    // Never more than --max-page-bytes in memory: a larger page is refused by its size.
    let limit = pipeline.options().max_page_bytes;
    let read = match path {
        Some(p) => batch::read_file_limited(p, limit),
        None => batch::read_limited(&mut io::stdin().lock(), limit),
    };
    let source = match path {
        Some(p) => p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
        None => "-".to_string(),
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            eprintln!("banmian: {}", e.with_path(path.unwrap_or(Path::new("-"))));
            return Ok(1);
        }
    };
    let page = match pipeline.process_bytes(&source, &bytes) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("banmian: {}", e.with_path(path.unwrap_or(Path::new("-"))));
            return Ok(1);
        }
    };
    if let (Some(SplitArg::Articles), Some(out)) = (args.split, &args.output) {
        let dir = batch::split_dir(out, Path::new(&source));
        if let Err(e) = batch::write_split(&dir, &page, args.output_format) {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
        let mut summary = Summary::default();
        summary.record_one(&page, bytes.len() as u64);
        return finish(&Args { quiet: true, ..args.clone() }, &summary);
    }
    let rendered = if args.jsonl {
        args.output_format.line(&page).unwrap_or_else(|| write::json::line(&page))
    } else {
        args.output_format.render(&page)
    };
    let json = rendered.map_err(io::Error::other)?;
    let mut w = match open_output(args) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
    };
    w.write_all(&json)?;
    w.flush()?;
    let mut summary = Summary::default();
    summary.record_one(&page, bytes.len() as u64);
    finish(&Args { quiet: true, ..args.clone() }, &summary)
}

fn progress(args: &Args, len: u64) -> ProgressBar {
    if args.quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {msg}  ETA {eta}").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn tree(pipeline: &Pipeline, args: &Args, root: &Path) -> io::Result<i32> {
    let exclude = if args.jsonl { None } else { args.output.as_deref() };
    let walk = batch::walk_format(root, args.hidden, exclude, pipeline.options().input_format);
    for p in &walk.problems {
        eprintln!("banmian: {p}");
    }
    let bar = progress(args, walk.pages.len() as u64);
    let started = std::time::Instant::now();
    let bytes = std::sync::atomic::AtomicU64::new(0);
    let tick = |b: u64| {
        let total = bytes.fetch_add(b, std::sync::atomic::Ordering::Relaxed) + b;
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        bar.inc(1);
        bar.set_message(format!("{:.1} pages/s  {:.1} MB/s", bar.position() as f64 / secs, total as f64 / 1e6 / secs));
    };
    let summary = if args.jsonl {
        let mut w = match open_output(args) {
            Ok(w) => w,
            Err(e) => {
                eprintln!("banmian: {e}");
                return Ok(1);
            }
        };
        batch::run_tree_jsonl_as(pipeline, root, &walk, &mut w, args.output_format, &tick)?
    } else {
        let Some(out) = &args.output else {
            bar.finish_and_clear();
            eprintln!("banmian: a folder input needs -o OUT (or --jsonl)");
            return Ok(2);
        };
        if out.exists() && !out.is_dir() {
            bar.finish_and_clear();
            eprintln!("banmian: -o {}: exists and is not a folder", out.display());
            return Ok(2);
        }
        match args.split {
            Some(SplitArg::Articles) => batch::run_tree_split(pipeline, root, &walk, out, args.output_format, args.resume, &tick),
            None => batch::run_tree_as(pipeline, root, &walk, out, args.output_format, args.resume, &tick),
        }
    };
    bar.finish_and_clear();
    for f in &summary.failures {
        eprintln!("banmian: {}", f.message);
    }
    finish(args, &summary)
}

fn stream(pipeline: &Pipeline, args: &Args, input: &Path) -> io::Result<i32> {
    let (name, mut reader): (String, Box<dyn io::BufRead>) = if input.as_os_str() == "-" {
        ("stdin".into(), Box::new(BufReader::new(io::stdin().lock())))
    } else {
        match File::open(input) {
            Ok(f) => (input.display().to_string(), Box::new(BufReader::new(f))),
            Err(e) => {
                eprintln!("banmian: {}", Error::from(e).with_path(input));
                return Ok(1);
            }
        }
    };
    let mut w = match open_output(args) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
    };
    let summary = batch::run_stream_as(pipeline, &mut reader, &mut w, &name, args.output_format)?;
    for f in &summary.failures {
        eprintln!("banmian: {}", f.message);
    }
    finish(args, &summary)
}

fn finish(args: &Args, summary: &Summary) -> io::Result<i32> {
    if !args.quiet {
        eprintln!(
            "banmian: {} pages: {} processed, {} up to date, {} failed; {} articles, {} removed, {} warnings; {} other files skipped; {:.2} s, {:.1} pages/s, {:.2} MB/s",
            summary.pages,
            summary.processed,
            summary.up_to_date,
            summary.failed,
            summary.articles,
            summary.removed,
            summary.warnings,
            summary.skipped_files,
            summary.seconds,
            summary.pages_per_second,
            summary.mb_per_second
        );
    }
    if let Some(p) = &args.summary_json {
        let json = serde_json::to_vec_pretty(summary).map_err(io::Error::other)?;
        if let Err(e) = batch::write_atomic(p, &json) {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
    }
    // Exit status: 0 when every page was processed, 1 when some failed.
    Ok(i32::from(summary.failed > 0))
}
