//! `banmian view`: the page viewer's command line (the HTML is
//! `banmian::write::view`). `banmian view PAGE.json [--input PAGE] [--image SCAN] -o
//! page.html` shows a page object banmian wrote; `banmian view INPUT ...` processes
//! the input first. Exit status: 0 written, 1 an input that cannot be read or is not
//! a `banmian.page/1` object, 2 a usage error.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use banmian::write::view::{self, ViewOptions};
use banmian::{Options, Page, Pipeline, batch};
use clap::Parser;

/// Writes one self-contained HTML file showing how banmian read a page.
#[derive(Debug, Parser)]
#[command(name = "banmian view")]
struct ViewArgs {
    /// A page object banmian wrote (`"schema": "banmian.page/1"`), or an input page to process.
    page: PathBuf,
    /// The input the page object was made from (its lines are shown for a text page).
    #[arg(long, value_name = "PAGE")]
    input: Option<PathBuf>,
    /// A scan of the page to draw under the boxes: PNG or JPEG (TIFF is refused: convert it first).
    #[arg(long, value_name = "SCAN")]
    image: Option<PathBuf>,
    /// The HTML file to write (`-` or none: stdout).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `banmian view` with `argv` (its first item is `view`); returns the exit status.
pub fn run(argv: Vec<OsString>) -> i32 {
    let args = match ViewArgs::try_parse_from(argv) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match view_page(&args) {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("banmian view: {msg}");
            1
        }
    }
}

fn read(p: &Path) -> Result<Vec<u8>, String> {
    batch::read_file_limited(p, banmian::DEFAULT_MAX_PAGE_BYTES).map_err(|e| e.to_string())
}

fn view_page(args: &ViewArgs) -> Result<(), String> {
    let bytes = read(&args.page)?;
    let pipeline = Pipeline::new(Options::default()).map_err(|e| e.to_string())?;
    let mut opts = ViewOptions::default();
    let value: Option<serde_json::Value> = serde_json::from_slice(&bytes).ok();
    let schema = value.as_ref().and_then(|v| v.get("schema")).and_then(|s| s.as_str()).map(str::to_string);
    let page: Page = match (&value, schema) {
        (Some(v), Some(s)) if s.starts_with("banmian.") => {
            if s != banmian::SCHEMA {
                return Err(format!("{}: a {s} object; banmian view reads {} page objects", args.page.display(), banmian::SCHEMA));
            }
            let size = |k: &str| v["page"].get(k).and_then(|x| x.as_f64());
            if let (Some(w), Some(h)) = (size("width"), size("height")) {
                opts.page_size = Some([w, h]);
            }
            serde_json::from_value(v.clone()).map_err(|e| format!("{}: not a {} page object: {e}", args.page.display(), banmian::SCHEMA))?
        }
        _ => {
            let name = args.page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let page = pipeline.process_bytes(&name, &bytes).map_err(|e| e.with_path(&args.page).to_string())?;
            if args.input.is_none() {
                opts.input = Some(banmian::read::decode::decode(&bytes).map_err(|e| e.with_path(&args.page).to_string())?.text);
            }
            page
        }
    };
    if let Some(input) = &args.input {
        opts.input = Some(banmian::read::decode::decode(&read(input)?).map_err(|e| e.with_path(input).to_string())?.text);
    }
    if let Some(img) = &args.image {
        let bytes = std::fs::read(img).map_err(|e| format!("{}: {e}", img.display()))?;
        let (image, note) = view::embed_image(&bytes).map_err(|e| format!("{}: {e}", img.display()))?;
        let size = image.size;
        if let Some(note) = note {
            eprintln!("banmian view: {}: {note}", img.display());
        }
        if let Some([w, h]) = opts.page_size {
            let (rw, rh) = (f64::from(size[0]) / w, f64::from(size[1]) / h);
            if (rw - rh).abs() > 0.02 * rw.max(rh) {
                opts.warnings.push(format!(
                    "the image is {} × {} pixels, not in the page's proportions ({w} × {h}): the boxes may not sit on the text",
                    size[0], size[1]
                ));
            }
        }
        opts.image = Some(image);
    }
    let html = view::html(&page, &opts);
    match &args.output {
        Some(p) if p.as_os_str() != "-" => batch::write_atomic(p, html.as_bytes()).map_err(|e| e.to_string()),
        _ => {
            use std::io::Write;
            std::io::stdout().write_all(html.as_bytes()).map_err(|e| e.to_string())
        }
    }
}
