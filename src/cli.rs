//! Command-line arguments and the three input modes (one page, a tree, a JSONL
//! stream), with the progress bar, summary and exit status. Exit status: 0 when every
//! page was processed, 1 when some page failed (all others still written), 2 for a
//! usage error.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use banmian::batch::{self, Summary};
use banmian::{Config, Error, ErrorKind, InputFormat, Lookalikes, Options, OutputFormat, Pipeline, Punct, write};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

/// Turns OCR'd Chinese newspaper pages into structured article JSON (schema banmian.page/1).
#[derive(Debug, Clone, Parser)]
#[command(name = "banmian", version = VERSION, about, long_about = None, after_help = "Subcommands: `banmian eval SET [--floor FILE] [--json FILE]` scores banmian against an evaluation set (see `banmian eval --help`); `banmian view PAGE.json|INPUT [--input PAGE] [--image SCAN] -o page.html` writes a page viewer (see `banmian view --help`).")]
struct Args {
    /// A page file, a folder of pages, or `-` for stdin (the default). Several files and
    /// folders (a shell glob: `dir/*.txt`) are one run: each page's output is
    /// OUT/<its path relative to the inputs' longest common folder>.json (needs -o DIR or --jsonl).
    inputs: Vec<PathBuf>,

    /// Output: the folder for a folder input or several inputs (required then); a file
    /// for one page or for --jsonl (default: stdout); for one page, an existing folder or
    /// a path ending in `/` gets DIR/<page name>.json.
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
    #[arg(long = "format", visible_alias = "output-format", value_name = "FORMAT", default_value = "json", value_parser = named::<OutputFormat>(OutputFormat::ALL.iter().map(|f| f.name())))]
    output_format: OutputFormat,

    /// `articles`: one file per article, OUT/<relative path>/<NN>-<slug>.<ext>, plus
    /// leftovers.<ext> (needs -o DIR; not with --jsonl or --input-jsonl).
    #[arg(long, value_enum, value_name = "HOW")]
    split: Option<SplitArg>,

    /// Punctuation next to Chinese text: `normalize` to full width (GB/T 15834-2011) or `keep` as printed.
    #[arg(long, default_value = "normalize", value_parser = named::<Punct>(Punct::ALL.iter().map(|p| p.name())))]
    punct: Punct,
    /// OCR look-alike characters (昨夭, 己经): `repair` from word frequencies, each repair
    /// named in a `lookalike` warning, or `keep` as printed (the default).
    #[arg(long, default_value = "keep", value_parser = named::<Lookalikes>(Lookalikes::ALL.iter().map(|l| l.name())))]
    lookalikes: Lookalikes,

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

    /// Skip pages whose input and outputs are unchanged since the run that wrote them
    /// (size and CRC-32, recorded in OUT/.banmian/pages.jsonl; folder input).
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
    /// file and size, and the others go on. A number of bytes above 0, or with a unit: K,
    /// M, G or KiB, MiB, GiB (powers of 1024: 64M is 64 MiB), KB, MB, GB (powers of 1000:
    /// 10MB is 10,000,000). Default: 64 MiB.
    #[arg(long, value_name = "BYTES", default_value_t = banmian::DEFAULT_MAX_PAGE_BYTES, value_parser = parse_size)]
    max_page_bytes: u64,

    /// Refuse pages of more than this many lines (each line costs memory however
    /// short it is). Default: 2097152.
    #[arg(long, value_name = "LINES", default_value_t = banmian::DEFAULT_MAX_PAGE_LINES, value_parser = parse_lines)]
    max_page_lines: u64,

    /// In a folder run (-o DIR), read page images (PNG, JPEG, TIFF) with an OCR engine:
    /// `tesseract` (the tesseract program, read as hOCR) or `rapidocr` (RapidOCR in Python,
    /// read as PaddleOCR JSON). The engine's output is kept as OUT/<relative path>.hocr or
    /// .rapidocr.json, which --resume reuses. Without --ocr, images are skipped.
    #[arg(long, value_enum, value_name = "ENGINE")]
    ocr: Option<OcrArg>,

    /// With --ocr tesseract: the model(s), e.g. chi_sim, chi_tra, chi_sim_vert, chi_tra_vert,
    /// or several joined by `+`.
    #[arg(long, value_name = "LANG", default_value = banmian::ocr::DEFAULT_LANG)]
    ocr_lang: String,

    /// With --ocr tesseract: the scans' resolution in dots per inch (70 to 2400), passed to
    /// Tesseract as --dpi. Without it Tesseract takes the image's own, or estimates it from
    /// the text when the image records none, which can be far off (335 for 200 dpi
    /// newspaper pages, whose hOCR then reads much worse).
    #[arg(long, value_name = "DPI", value_parser = clap::value_parser!(u32).range(i64::from(*banmian::ocr::DPI_RANGE.start())..=i64::from(*banmian::ocr::DPI_RANGE.end())))]
    ocr_dpi: Option<u32>,

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OcrArg {
    Tesseract,
    Rapidocr,
}

/// `--version`: banmian's version and the schema versions it writes (a test checks
/// them against [`banmian::SCHEMA`] and [`banmian::batch::ERROR_SCHEMA`]).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (writes banmian.page/1, banmian.issue/1, banmian.error/1)");

/// A size in bytes, more than 0: a bare number, or a number with a unit, as a user
/// types it, case-insensitive, with or without a space: `K`, `M`, `G` and `KiB`, `MiB`,
/// `GiB` are powers of 1024 (as `--help` writes "64 MiB"; `10M` and `10MiB` are
/// 10,485,760), `KB`, `MB`, `GB` powers of 1000 (`10MB` is 10,000,000), as GNU
/// coreutils read them. 0 is refused: it would refuse every page.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, suffix) = t.split_at(digits);
    let units = "a number of bytes, optionally with a unit: K, M, G or KiB, MiB, GiB (powers of 1024), KB, MB, GB (powers of 1000)";
    let unit: u64 = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        _ => return Err(format!("`{s}`: {units}")),
    };
    let n: u64 = number.parse().map_err(|_| format!("`{s}`: {units}"))?;
    if n == 0 {
        return Err(format!("`{s}`: 0 bytes would refuse every page; give a size above 0 (default 64M)"));
    }
    n.checked_mul(unit).ok_or_else(|| format!("`{s}` is more bytes than banmian can count"))
}

/// `--max-page-lines`: a number of lines above 0 (0 would refuse every page).
fn parse_lines(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(0) => Err(format!("`{s}`: 0 lines would refuse every page; give a number above 0")),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}`: a number of lines")),
    }
}

/// `--input-format`'s values: the names in the table of input formats.
fn input_formats() -> impl TypedValueParser<Value = InputFormat> {
    named(InputFormat::names())
}

/// The values of an option read by the library's `FromStr` (`--format`, `--punct`,
/// `--lookalikes`, `--input-format`): `names` listed in the help, each parsed by `T`.
fn named<T>(names: impl IntoIterator<Item = &'static str>) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr<Err = Error> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(names).try_map(|s| s.parse::<T>().map_err(|e| e.to_string()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SplitArg {
    Articles,
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
    if args.ocr.is_some() && (args.jsonl || args.input_jsonl || args.inputs.iter().all(|i| !i.is_dir()) || args.output.is_none()) {
        eprintln!("banmian: --ocr reads the page images of a folder run: banmian DIR -o OUT --ocr ENGINE");
        return 2;
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
        .punct(args.punct)
        .lookalikes(args.lookalikes)
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
    if let Some(p) = &args.summary_json {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !dir.is_dir() {
            eprintln!("banmian: --summary-json {}: no folder {}", p.display(), dir.display());
            return 2;
        }
    }
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    if args.issue {
        if args.split.is_some() || args.jsonl || args.resume || args.ocr.is_some() {
            eprintln!("banmian: --issue writes issue objects: not with --split, --jsonl, --resume or --ocr");
            return 2;
        }
        if inputs.len() > 1 {
            eprintln!("banmian: --issue reads one folder, archive or stream, not {} inputs", inputs.len());
            return 2;
        }
        return banmian::issue::run::command(
            &pipeline,
            &banmian::issue::run::Args {
                input: inputs[0].clone(),
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
    if inputs.len() > 1 {
        if args.input_jsonl {
            eprintln!("banmian: --input-jsonl reads one input (a file or stdin), not {}", inputs.len());
            return 2;
        }
        if args.resume && args.jsonl && !args.quiet {
            eprintln!(
                "banmian: --resume applies to a folder run written to -o DIR, not to one page or a JSON Lines run: every page is processed"
            );
        }
        return match several(&pipeline, &args, &inputs) {
            Ok(code) => code,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                eprintln!("banmian: {e}");
                1
            }
        };
    }
    let input = inputs[0].clone();
    if args.resume && (args.jsonl || args.input_jsonl || !input.is_dir()) && !args.quiet {
        eprintln!(
            "banmian: --resume applies to a folder run written to -o DIR, not to one page or a JSON Lines run: every page is processed"
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

/// For one page: the file `-o DIR/` names, `DIR/<page name>.<extension>`, when `-o`
/// is an existing folder or ends in `/` (not with --jsonl, whose -o is the stream's file).
fn output_in_folder(args: &Args, source: &str) -> Option<PathBuf> {
    let out = args.output.as_ref().filter(|o| o.as_os_str() != "-" && !args.jsonl)?;
    let folder = out.is_dir() || out.to_string_lossy().ends_with(['/', std::path::MAIN_SEPARATOR]);
    folder.then(|| batch::output_path_as(out, Path::new(source), args.output_format))
}

/// An error writing the output (`-o FILE`, or stdout): named as the output, its
/// [`io::ErrorKind`] kept (a closed pipe still ends the run quietly).
fn writing(args: &Args) -> impl Fn(io::Error) -> io::Error + '_ {
    move |e| {
        let name = args.output.as_deref().filter(|o| o.as_os_str() != "-").unwrap_or(Path::new("stdout"));
        io::Error::new(e.kind(), batch::output_error(name, e).to_string())
    }
}

/// The output file (`-o FILE`) or stdout. The error names the file.
fn open_output(args: &Args) -> Result<Box<dyn Write>, Error> {
    Ok(match &args.output {
        Some(p) if p.as_os_str() != "-" => Box::new(BufWriter::new(File::create(p).map_err(|e| batch::output_error(p, e))?)),
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
            eprintln!("banmian: {}", flags(e.with_path(path.unwrap_or(Path::new("-")))));
            return Ok(1);
        }
    };
    let size = bytes.len() as u64;
    let mut pages = match pipeline.process_pages_owned(&source, bytes) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("banmian: {}", flags(e.with_path(path.unwrap_or(Path::new("-")))));
            return Ok(1);
        }
    };
    if pages.len() > 1 {
        return one_file_pages(args, &source, &pages, size);
    }
    let Some(page) = pages.pop() else { return Ok(1) };
    if let (Some(SplitArg::Articles), Some(out)) = (args.split, &args.output) {
        let dir = batch::split_dir(out, Path::new(&source));
        if let Err(e) = batch::write_split(&dir, &page, args.output_format) {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
        let mut summary = Summary::default();
        summary.record_one(&page, size);
        return finish(&Args { quiet: true, ..args.clone() }, &summary);
    }
    let rendered = if args.jsonl {
        args.output_format.line(&page).unwrap_or_else(|| write::json::line(&page))
    } else {
        args.output_format.render(&page)
    };
    let json = rendered.map_err(io::Error::other)?;
    if let Some(file) = output_in_folder(args, &source) {
        if let Err(e) = batch::write_atomic(&file, &json) {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
        let mut summary = Summary::default();
        summary.record_one(&page, size);
        return finish(&Args { quiet: true, ..args.clone() }, &summary);
    }
    let mut w = match open_output(args) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
    };
    w.write_all(&json).and_then(|()| w.flush()).map_err(writing(args))?;
    let mut summary = Summary::default();
    summary.record_one(&page, size);
    finish(&Args { quiet: true, ..args.clone() }, &summary)
}

/// A file of several pages (CONTRACT.md): one page object per page, as JSON Lines on
/// stdout or `-o FILE`; with `-o DIR/`, `DIR/<name>.p<N>.<ext>`; with `--split articles`,
/// the folders `OUT/<name>.p<N>/`.
fn one_file_pages(args: &Args, source: &str, pages: &[banmian::Page], bytes: u64) -> io::Result<i32> {
    let mut summary = Summary::default();
    let paged = |n: usize| batch::page_path(Path::new(source), n);
    let out = args.output.as_ref().filter(|o| o.as_os_str() != "-" && !args.jsonl);
    let folder = out.filter(|o| args.split.is_some() || o.is_dir() || o.to_string_lossy().ends_with(['/', std::path::MAIN_SEPARATOR]));
    let mut w = if folder.is_some() { None } else { Some(open_output(args).map_err(io::Error::other)?) };
    for (i, page) in pages.iter().enumerate() {
        let written = match (folder, &mut w) {
            (Some(out), _) if args.split.is_some() => {
                batch::write_split(&batch::split_dir(out, &paged(i + 1)), page, args.output_format).map(drop)
            }
            (Some(out), _) => args
                .output_format
                .render(page)
                .and_then(|b| batch::write_atomic(&batch::output_path_as(out, &paged(i + 1), args.output_format), &b)),
            (None, Some(w)) => args
                .output_format
                .line(page)
                .unwrap_or_else(|| write::json::line(page))
                .and_then(|l| Ok(w.write_all(&l).map_err(writing(args))?)),
            (None, None) => Ok(()),
        };
        if let Err(e) = written {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
        summary.record_one(page, if i == 0 { bytes } else { 0 });
    }
    if let Some(w) = &mut w {
        w.flush().map_err(writing(args))?;
    }
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
    if let Some(out) = exclude {
        if std::fs::canonicalize(out).is_ok_and(|o| std::fs::canonicalize(root).is_ok_and(|r| r == o)) {
            eprintln!("banmian: {}: the output folder (-o) is the input folder; write the outputs to another folder", out.display());
            return Ok(2);
        }
    }
    let mut walk = batch::walk_lazy(root, args.hidden, exclude, pipeline.options().input_format);
    if args.ocr.is_some() {
        walk.take_images();
    }
    run_walk(pipeline, args, root, &walk)
}

/// Several inputs (`banmian dir/*.txt -o out`): one run over their pages, each named by
/// its path relative to the inputs' longest common folder (a folder input's pages under
/// the folder's own name). Exit 2 before any work when the pages need -o DIR or
/// --jsonl, or when two pages would be written to one output.
fn several(pipeline: &Pipeline, args: &Args, inputs: &[PathBuf]) -> io::Result<i32> {
    if inputs.iter().any(|i| i.as_os_str() == "-") {
        eprintln!("banmian: `-` (stdin) is read alone, not as one of several inputs");
        return Ok(2);
    }
    if !args.jsonl && args.output.as_ref().is_none_or(|o| o.as_os_str() == "-") {
        eprintln!("banmian: {} inputs give several pages: write them to a folder with -o DIR, or as JSON Lines with --jsonl", inputs.len());
        return Ok(2);
    }
    let mut full = Vec::with_capacity(inputs.len());
    for i in inputs {
        match std::fs::canonicalize(i) {
            Ok(p) => full.push(p),
            Err(e) => {
                eprintln!("banmian: {}", batch::input_error(i, e));
                return Ok(1);
            }
        }
    }
    let anchors: Vec<&Path> = full.iter().map(|p| if p.is_dir() { p.as_path() } else { p.parent().unwrap_or(p) }).collect();
    let root = common_folder(&anchors);
    let exclude = if args.jsonl { None } else { args.output.as_deref() };
    let mut walk = batch::Walk::default();
    for p in &full {
        let rel = p.strip_prefix(&root).unwrap_or(p).to_path_buf();
        if p.is_dir() {
            let w = batch::walk_lazy(p, args.hidden, exclude, pipeline.options().input_format);
            walk.pages.extend(w.pages.iter().map(|r| rel.join(r)));
            walk.candidates.extend(w.candidates.iter().map(|r| rel.join(r)));
            walk.hidden.extend(w.hidden.iter().map(|r| rel.join(r)));
            walk.skipped.extend(w.skipped.into_iter().map(|s| batch::Skipped { path: rel.join(&s.path), ..s }));
            walk.problems.extend(w.problems);
        } else {
            walk.pages.push(rel);
        }
    }
    if args.ocr.is_some() {
        walk.take_images();
    }
    let mut seen = std::collections::HashMap::new();
    for rel in &walk.pages {
        let dest = match (&args.output, args.split) {
            _ if args.jsonl => rel.clone(),
            (Some(out), Some(SplitArg::Articles)) => batch::split_dir(out, rel),
            (Some(out), None) => batch::output_path_as(out, rel, args.output_format),
            (None, _) => rel.clone(),
        };
        if let Some(first) = seen.insert(dest.clone(), rel) {
            let what = if args.jsonl { "the same page".to_string() } else { format!("both written to {}", dest.display()) };
            eprintln!("banmian: {} and {} are {what}; nothing was done", root.join(first).display(), root.join(rel).display());
            return Ok(2);
        }
    }
    run_walk(pipeline, args, &root, &walk)
}

/// The longest folder that holds every one of `paths` (absolute paths).
fn common_folder(paths: &[&Path]) -> PathBuf {
    let mut common: Vec<std::path::Component> = paths.first().map(|p| p.components().collect()).unwrap_or_default();
    for p in &paths[1..] {
        let n = common.iter().zip(p.components()).take_while(|(a, b)| **a == *b).count();
        common.truncate(n);
    }
    common.iter().collect()
}

/// A folder run over `walk`'s pages under `root`: to `-o OUT` or as JSON Lines.
fn run_walk(pipeline: &Pipeline, args: &Args, root: &Path, walk: &batch::Walk) -> io::Result<i32> {
    for p in &walk.problems {
        eprintln!("banmian: {p}");
    }
    let engine = args.ocr.map(|e| if e == OcrArg::Tesseract { banmian::ocr::Engine::Tesseract } else { banmian::ocr::Engine::Rapidocr });
    let ocr = match engine.map(|e| banmian::ocr::Ocr::new(e, &args.ocr_lang).map(|o| o.with_dpi(args.ocr_dpi))).transpose() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("banmian: {e}");
            return Ok(1);
        }
    };
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
        batch::run_tree_jsonl_as(pipeline, root, walk, &mut w, args.output_format, &tick).map_err(writing(args))?
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
        // One message now, not one per page after all the work.
        if let Err(e) = batch::writable_folder(out) {
            bar.finish_and_clear();
            eprintln!("banmian: cannot write the output folder -o {}: {}", out.display(), e.kind());
            return Ok(1);
        }
        let split = args.split == Some(SplitArg::Articles);
        batch::run_tree_ocr(pipeline, root, walk, out, (args.output_format, split), args.resume, ocr.as_ref(), &tick)
    };
    bar.finish_and_clear();
    if let (Some(why), Some(out), false) = (&summary.redone, &args.output, args.quiet) {
        eprintln!("banmian: --resume: every page is redone, as {} was written by another run ({why})", out.display());
    }
    for f in &summary.failures {
        eprintln!("banmian: {}", flags(&f.message));
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
                eprintln!("banmian: {}", batch::input_error(input, e));
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
    let summary = batch::run_stream_as(pipeline, &mut reader, &mut w, &name, args.output_format).map_err(writing(args))?;
    for f in &summary.failures {
        eprintln!("banmian: {}", flags(&f.message));
    }
    finish(args, &summary)
}

/// A library message with the command line's flags: the library names its options
/// (`max_page_bytes`), the command line the flags that set them (`--max-page-bytes`).
fn flags(message: impl ToString) -> String {
    message
        .to_string()
        .replace("(max_page_bytes)", "(see --max-page-bytes)")
        .replace("(max_page_lines)", "(see --max-page-lines)")
        .replace("twice max_page_bytes", "twice --max-page-bytes")
}

fn finish(args: &Args, summary: &Summary) -> io::Result<i32> {
    if !args.quiet {
        if let Some(note) = summary.skipped_note(3) {
            eprintln!("banmian: {note}");
        }
        if let Some(note) = summary.hidden_note() {
            eprintln!("banmian: {note}");
        }
        eprintln!("banmian: {}", summary.line());
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
