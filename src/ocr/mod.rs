//! Scans in: page images through a real OCR engine (`--ocr`), in a folder run.
//!
//! Two engines, each run with one thread per process (`-j` processes at a time):
//!
//! - [`Engine::Tesseract`]: the `tesseract` program (Tesseract 5; Debian `tesseract-ocr`
//!   and the `tesseract-ocr-<lang>` models), called once per image as
//!   `tesseract IMAGE stdout -l LANG --psm 3 [--dpi N] hocr` with `OMP_THREAD_LIMIT=1`
//!   (`--dpi` from `--ocr-dpi`, [`Ocr::with_dpi`]); its hOCR is read by
//!   [`crate::read::hocr`]. The program is `$BANMIAN_TESSERACT`, else `tesseract`
//!   on the `PATH`.
//! - [`Engine::Rapidocr`]: RapidOCR (PyPI `rapidocr`, PP-OCR ONNX models, onnxruntime with
//!   one intra-op and one inter-op thread; the text-line angle classifier off: the worker's
//!   `OPTIONS`, which the evaluation harness shares) through `evaluation/rapidocr_worker.py`
//!   (built into the binary; requirements pinned beside it in `evaluation/requirements.txt`), one
//!   long-lived Python process per worker thread, fed one image path per line; its
//!   PaddleOCR page JSON is read by [`crate::read::paddleocr`]. The Python is
//!   `$BANMIAN_PYTHON`, else `python3` on the `PATH`.
//!
//! [`Ocr::new`] checks that the engine (and for Tesseract each model of `--ocr-lang`) is
//! installed before any page is read: a missing one is an error saying how to install it.
//! The folder run ([`crate::batch::run_tree_ocr`]) keeps each image's OCR output as
//! `OUT/<relative path>.hocr` or `.rapidocr.json` and records [`Ocr::describe`] in
//! `OUT/.banmian/run.json`, so `--resume` reads the kept file instead of running OCR again.

use std::cell::RefCell;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use crate::error::{Error, ErrorKind, Result};
use crate::read::InputFormat;

/// Extensions of the page images an OCR engine reads, lower case (compared
/// case-insensitively): PNG, JPEG, TIFF.
pub const IMAGES: &[&str] = &["png", "jpg", "jpeg", "tif", "tiff"];

/// The RapidOCR worker script (`evaluation/rapidocr_worker.py`), run with `python -c`.
const RAPIDOCR_WORKER: &str = include_str!("../../evaluation/rapidocr_worker.py");

/// Tesseract's page segmentation mode: 3, fully automatic (the mode the evaluation set's
/// Tesseract pages were made with, `evaluation/ocr.py`).
const TESSERACT_PSM: &str = "3";

/// The resolutions `--ocr-dpi` accepts, dots per inch: Tesseract's own bounds for a
/// resolution it is given (below 70 it falls back to its estimate).
pub const DPI_RANGE: std::ops::RangeInclusive<u32> = 70..=2400;

/// The default `--ocr-lang`: Tesseract's Simplified Chinese model.
pub const DEFAULT_LANG: &str = "chi_sim";

/// Which OCR engine `--ocr` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Tesseract 5, read as hOCR.
    Tesseract,
    /// RapidOCR (PP-OCR models on onnxruntime), read as PaddleOCR page JSON.
    Rapidocr,
}

impl Engine {
    /// Its name on the command line: `tesseract`, `rapidocr`.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Tesseract => "tesseract",
            Engine::Rapidocr => "rapidocr",
        }
    }

    /// The extension of the OCR output kept beside the page's output: `hocr`,
    /// `rapidocr.json`.
    pub fn extension(self) -> &'static str {
        match self {
            Engine::Tesseract => "hocr",
            Engine::Rapidocr => "rapidocr.json",
        }
    }

    /// The input format its output is read as: [`InputFormat::Hocr`],
    /// [`InputFormat::Paddleocr`].
    pub fn input_format(self) -> InputFormat {
        match self {
            Engine::Tesseract => InputFormat::Hocr,
            Engine::Rapidocr => InputFormat::Paddleocr,
        }
    }
}

/// An installed OCR engine, checked by [`Ocr::new`].
#[derive(Debug, Clone)]
pub struct Ocr {
    engine: Engine,
    /// `-l` for Tesseract (`chi_sim`, `chi_tra+chi_sim`, ...); unused by RapidOCR.
    lang: String,
    /// The program run: `tesseract`, or the Python that runs the worker.
    program: PathBuf,
    /// What the engine says of its version: `tesseract 5.3.0`, `rapidocr 3.10.0, onnxruntime
    /// 1.31.1, Global.use_cls=False` (RapidOCR's line names the worker's options too).
    version: String,
    /// The scans' resolution given to Tesseract (`--dpi`), dots per inch; `None`: Tesseract
    /// takes the image's own, or estimates it when the image records none.
    dpi: Option<u32>,
}

/// True when `path` has the extension of a page image ([`IMAGES`]).
pub fn is_image(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| IMAGES.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn failure(message: String) -> Error {
    Error::new(ErrorKind::Io(io::Error::other(message)))
}

/// The program of an engine: the environment variable `var` when set, else `default`.
fn program(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).filter(|v| !v.is_empty()).map_or_else(|| PathBuf::from(default), PathBuf::from)
}

impl Ocr {
    /// Finds `engine` and checks it can run: for Tesseract, `tesseract --version` and that
    /// `--list-langs` holds every model of `lang` (names joined by `+`); for RapidOCR,
    /// that the Python imports `rapidocr` (the worker's `--version`). Errors
    /// ([`ErrorKind::Io`]): the program is not installed, a model is missing, RapidOCR
    /// cannot be imported — each message says how to install what is missing.
    pub fn new(engine: Engine, lang: &str) -> Result<Ocr> {
        match engine {
            Engine::Tesseract => Ocr::tesseract(lang),
            Engine::Rapidocr => Ocr::rapidocr(),
        }
    }

    fn tesseract(lang: &str) -> Result<Ocr> {
        let program = program("BANMIAN_TESSERACT", "tesseract");
        let install = "install it with `apt-get install tesseract-ocr tesseract-ocr-chi-sim` (Debian, Ubuntu) or `brew install tesseract tesseract-lang` (macOS), or name the program with BANMIAN_TESSERACT";
        let run = |arg: &str| {
            Command::new(&program)
                .arg(arg)
                .stdin(Stdio::null())
                .output()
                .map_err(|e| failure(format!("--ocr tesseract: cannot run the OCR engine `{}` ({e}): {install}", program.display())))
        };
        let v = run("--version")?;
        let text = String::from_utf8_lossy(&v.stdout).into_owned() + &String::from_utf8_lossy(&v.stderr);
        let version = text.lines().next().unwrap_or_default().trim().to_string();
        if !v.status.success() || !version.starts_with("tesseract") {
            return Err(failure(format!("--ocr tesseract: `{} --version` did not answer as Tesseract: {install}", program.display())));
        }
        let listed = run("--list-langs")?;
        let langs = String::from_utf8_lossy(&listed.stdout).into_owned();
        let have: Vec<&str> = langs.lines().skip(1).map(str::trim).collect();
        for l in lang.split('+') {
            if l.is_empty() || !have.contains(&l) {
                return Err(failure(format!(
                    "--ocr-lang {lang}: Tesseract has no model `{l}` (it has {}): install it with `apt-get install tesseract-ocr-{}` (Debian, Ubuntu) or `brew install tesseract-lang` (macOS)",
                    have.join(", "),
                    l.replace('_', "-")
                )));
            }
        }
        Ok(Ocr { engine: Engine::Tesseract, lang: lang.to_string(), program, version, dpi: None })
    }

    fn rapidocr() -> Result<Ocr> {
        let program = program("BANMIAN_PYTHON", "python3");
        let install = "install it with `python3 -m pip install -r evaluation/requirements.txt` (pinned: rapidocr 3.10.0, onnxruntime 1.31.1), or name the Python that has it with BANMIAN_PYTHON";
        let out = Command::new(&program).args(["-c", RAPIDOCR_WORKER, "--version"]).stdin(Stdio::null()).output().map_err(|e| {
            failure(format!("--ocr rapidocr: cannot run Python `{}` ({e}): install Python 3, then RapidOCR: {install}", program.display()))
        })?;
        if !out.status.success() {
            let why = String::from_utf8_lossy(&out.stderr);
            let why = why.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("no message");
            return Err(failure(format!("--ocr rapidocr: RapidOCR does not run in `{}` ({why}): {install}", program.display())));
        }
        let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Ok(Ocr { engine: Engine::Rapidocr, lang: String::new(), program, version, dpi: None })
    }

    /// The engine.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The engine told the scans' resolution, `dpi` dots per inch (`--ocr-dpi`; Tesseract
    /// only, passed as `--dpi`; RapidOCR ignores it). Tesseract otherwise reads it from the
    /// image, or estimates it from the text when the image records none, and the estimate
    /// can be far off: 335 for the evaluation set's 200 dpi newspaper pages. Told 200, banmian
    /// found 63.4 % of the committed set's articles in the hOCR instead of 52.7 %, and
    /// layout rose 73.0 → 84.0 % (`evaluation/ocr.py`, `tesseract_options`). The caller
    /// keeps `dpi` within [`DPI_RANGE`].
    pub fn with_dpi(mut self, dpi: Option<u32>) -> Ocr {
        self.dpi = dpi;
        self
    }

    /// The options that decide Tesseract's output besides `-l`: `--psm 3`, and `--dpi N`
    /// when a resolution is given (the same list as the harness's
    /// `evaluation/ocr.py::tesseract_options`).
    fn tesseract_options(&self) -> Vec<String> {
        let mut options = vec!["--psm".to_string(), TESSERACT_PSM.to_string()];
        if let Some(dpi) = self.dpi {
            options.extend(["--dpi".to_string(), dpi.to_string()]);
        }
        options
    }

    /// What the run record keeps of the engine (`OUT/.banmian/run.json`, `ocr`): its
    /// version and what decides its output, e.g. `tesseract 5.3.0 -l chi_sim --psm 3 hocr`
    /// (`... --psm 3 --dpi 200 hocr` with a resolution)
    /// or `rapidocr 3.10.0, onnxruntime 1.31.1, Global.use_cls=False`. A run with another
    /// engine, version, options or language redoes every page, OCR included.
    pub fn describe(&self) -> String {
        match self.engine {
            Engine::Tesseract => format!("{} -l {} {} hocr", self.version, self.lang, self.tesseract_options().join(" ")),
            Engine::Rapidocr => self.version.clone(),
        }
    }

    /// Runs the engine on the image at `image`; returns its output (hOCR, or PaddleOCR
    /// page JSON). Errors ([`ErrorKind::Io`], with the image's path): the engine failed on
    /// the image (its message), or the RapidOCR worker died.
    pub fn recognise(&self, image: &Path) -> Result<Vec<u8>> {
        let result = match self.engine {
            Engine::Tesseract => self.run_tesseract(image),
            Engine::Rapidocr => self.run_rapidocr(image),
        };
        result.map_err(|e| e.with_path(image))
    }

    fn run_tesseract(&self, image: &Path) -> Result<Vec<u8>> {
        let out = Command::new(&self.program)
            .arg(image)
            .args(["stdout", "-l", &self.lang])
            .args(self.tesseract_options())
            .arg("hocr")
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::null())
            .output()?;
        if !out.status.success() || out.stdout.is_empty() {
            let why = String::from_utf8_lossy(&out.stderr);
            return Err(failure(format!("tesseract failed ({}): {}", out.status, why.trim())));
        }
        Ok(out.stdout)
    }

    fn run_rapidocr(&self, image: &Path) -> Result<Vec<u8>> {
        WORKER.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.as_ref().is_none_or(|w| w.program != self.program) {
                *slot = Some(Worker::start(&self.program)?);
            }
            let Some(worker) = slot.as_mut() else { unreachable!("the worker was just started") };
            let answer = worker.ask(image);
            if answer.is_err() {
                // A dead worker is started again for the next image.
                *slot = None;
            }
            let line = answer?;
            let value: serde_json::Value = serde_json::from_slice(&line)?;
            if let Some(e) = value.get("error") {
                return Err(failure(format!("RapidOCR failed: {}", e.as_str().unwrap_or_default())));
            }
            Ok(line)
        })
    }
}

/// A RapidOCR worker process (`evaluation/rapidocr_worker.py`) of one thread.
struct Worker {
    program: PathBuf,
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

thread_local! {
    /// This thread's RapidOCR worker, started at its first image and kept for the run.
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

impl Worker {
    fn start(program: &Path) -> Result<Worker> {
        let mut child = Command::new(program)
            .args(["-c", RAPIDOCR_WORKER])
            .env("OMP_NUM_THREADS", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(failure("the RapidOCR worker has no pipes".into()));
        };
        Ok(Worker { program: program.to_path_buf(), child, stdin, stdout: BufReader::new(stdout) })
    }

    /// Sends one image path, returns the worker's answer line.
    fn ask(&mut self, image: &Path) -> Result<Vec<u8>> {
        let path = std::path::absolute(image)?;
        let mut request = serde_json::to_vec(&path.to_string_lossy())?;
        request.push(b'\n');
        self.stdin.write_all(&request)?;
        self.stdin.flush()?;
        let mut line = Vec::new();
        if self.stdout.read_until(b'\n', &mut line)? == 0 {
            let status = self.child.try_wait().ok().flatten().map_or_else(|| "no answer".to_string(), |s| s.to_string());
            return Err(failure(format!("the RapidOCR worker ended ({status})")));
        }
        Ok(line)
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // The worker holds no state worth a clean exit; wait so that no zombie is left.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_by_extension() {
        assert!(is_image(Path::new("a/01.PNG")) && is_image(Path::new("b.tif")) && is_image(Path::new("c.jpeg")));
        assert!(!is_image(Path::new("a/01.png.hocr")) && !is_image(Path::new("x.pdf")) && !is_image(Path::new("png")));
        assert_eq!((Engine::Tesseract.extension(), Engine::Rapidocr.extension()), ("hocr", "rapidocr.json"));
        assert_eq!(Engine::Rapidocr.input_format(), InputFormat::Paddleocr);
    }
}
