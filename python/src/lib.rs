//! Python bindings of banmian: `import banmian`.
//!
//! One class, [`Pipeline`], built once with the command line's options and used for
//! one page (`process`, `process_bytes`) or many in parallel (`process_many`, on a
//! rayon pool, output in input order). A page comes back as the contract's page
//! object (`banmian.page/1`, `../shared/CONTRACT.md`): the one-line JSON string the
//! command line's `--jsonl` writes (without the newline) with `as_json=True`, made
//! by serde_json in the worker threads, or the `dict` that `orjson.loads` (or, without
//! orjson, the standard library's `json.loads`) reads from it.
//! The GIL is released while Rust works (`Python::detach`): other Python threads
//! run meanwhile.
//!
//! Errors are Python exceptions under `banmian.BanmianError` (a `ValueError`), one
//! per kind of `banmian::ErrorKind`, carrying the position (`source`, `line`,
//! `byte`). This crate uses only banmian's stable API: `Pipeline`, `Options`,
//! `Punct`, `InputFormat`, `Config`, `Error`, `ErrorKind`, `Page`.

use std::sync::{Arc, Mutex};

use banmian::{Config, Error, ErrorKind, InputFormat, Lookalikes, Options, Page, Punct};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PySlice, PyString, PyTuple};

pyo3::create_exception!(banmian, BanmianError, PyValueError, "Base of banmian's errors (a ValueError).");
pyo3::create_exception!(
    banmian,
    DecodeError,
    BanmianError,
    "Bytes that no encoding banmian reads explains, or a str with a lone surrogate; `byte` is the offset."
);
pyo3::create_exception!(banmian, TooLarge, BanmianError, "A page over `max_page_bytes` (attributes `size` and `limit`, bytes).");
pyo3::create_exception!(banmian, TooManyLines, BanmianError, "A page over `max_page_lines` (attributes `lines` and `limit`).");
pyo3::create_exception!(banmian, BoxPageError, BanmianError, "Bytes read as PaddleOCR page JSON that are not such a page.");
pyo3::create_exception!(banmian, ConvertError, BanmianError, "An unknown or unavailable script-conversion configuration.");

/// Pages per round of parallel work in `process_many`, per thread, and at the least
/// (the command line's stream takes 256 a round): enough to keep every thread busy
/// and the hand-overs between threads few, few enough that a long iterable is never
/// held whole.
const CHUNK_PER_THREAD: usize = 64;
const CHUNK_MIN: usize = 256;

/// Turns a banmian error into the Python exception of its kind, with `source`,
/// `line`, `byte` (each `None` when unknown) and the kind's own numbers.
fn to_py_err(py: Python<'_>, source: &str, e: &Error) -> PyErr {
    let pos = e.position();
    let mut at = source.to_string();
    if let Some(line) = pos.line {
        at.push_str(&format!(", line {line}"));
    }
    if let Some(byte) = pos.byte {
        at.push_str(&format!(", byte {byte}"));
    }
    let message = format!("{at}: {}", e.kind());
    let err = match e.kind() {
        ErrorKind::Decode(_) => DecodeError::new_err(message),
        ErrorKind::TooLarge { .. } => TooLarge::new_err(message),
        ErrorKind::TooManyLines { .. } => TooManyLines::new_err(message),
        ErrorKind::BoxPage(_) => BoxPageError::new_err(message),
        ErrorKind::Convert(_) => ConvertError::new_err(message),
        _ => BanmianError::new_err(message),
    };
    let value = err.value(py);
    let set = |name: &str, v: Option<u64>| {
        let _ = value.setattr(name, v);
    };
    let _ = value.setattr("source", source);
    set("line", pos.line);
    set("byte", pos.byte);
    match e.kind() {
        ErrorKind::TooLarge { size, limit } => {
            set("size", Some(*size));
            set("limit", Some(*limit));
        }
        ErrorKind::TooManyLines { lines, limit } => {
            set("lines", Some(*lines));
            set("limit", Some(*limit));
        }
        // Bytes: the offset is `byte`; `offset` is the index in a str (see `utf8`).
        ErrorKind::Decode(_) => set("offset", None),
        _ => {}
    }
    err
}

/// The UTF-8 of a `str`, or `DecodeError` naming the offset of its first lone
/// surrogate (a `str` Python holds but UTF-8 cannot: `"\ud800"`): `offset`, the
/// index in the `str`, and `byte`, the UTF-8 offset of the valid text before it.
fn utf8<'a>(s: &'a Bound<'_, PyString>, source: &str) -> PyResult<&'a str> {
    s.to_str().map_err(|e| {
        let py = s.py();
        let start: Option<usize> = e.value(py).getattr("start").and_then(|v| v.extract()).ok();
        let Some(start) = start else { return e };
        let slice = |a: usize, b: usize| s.as_any().get_item(PySlice::new(py, a as isize, b as isize, 1));
        let byte = slice(0, start).and_then(|p| Ok(p.cast::<PyString>()?.to_str()?.len())).unwrap_or(0);
        let code: u32 = slice(start, start + 1)
            .and_then(|c| c.call_method1("encode", ("utf-16-le", "surrogatepass")))
            .and_then(|b| Ok(b.cast::<PyBytes>()?.as_bytes().to_vec()))
            .map(|b| b.get(..2).map_or(0, |b| u32::from(u16::from_le_bytes([b[0], b[1]]))))
            .unwrap_or(0);
        let err = DecodeError::new_err(format!(
            "{source}: the str has a lone surrogate U+{code:04X} at offset {start} (byte {byte} of its UTF-8); it is not text"
        ));
        let value = err.value(py);
        let _ = value.setattr("source", source);
        let _ = value.setattr("line", py.None());
        let _ = value.setattr("byte", byte);
        let _ = value.setattr("offset", start);
        err
    })
}

/// One page handed to Rust: text or bytes, borrowed from a live Python object or
/// copied from a mutable one (bytearray).
enum Input<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
    OwnedBytes(Vec<u8>),
}

/// A page processed into its `--jsonl` line, or the error in its place.
type Outcome = Result<String, Error>;

/// Processes one page into the one-line JSON the command line's `--jsonl` writes
/// (without the newline); in the worker threads, without the GIL.
fn run(pipeline: &banmian::Pipeline, source: &str, input: &Input<'_>) -> Outcome {
    let page: Page = match input {
        Input::Text(t) => pipeline.process_checked(source, t)?,
        Input::Bytes(b) => pipeline.process_bytes(source, b)?,
        Input::OwnedBytes(b) => pipeline.process_bytes(source, b)?,
    };
    Ok(serde_json::to_string(&page)?)
}

/// What Python gets for a page: its JSON string (`as_json`), or the dict `orjson.loads`
/// (or `json.loads`) reads from it, which is by construction the contract's object (lists
/// for arrays, keys in the contract's order); or the page's exception.
fn to_py(py: Python<'_>, source: &str, outcome: Outcome, as_json: bool) -> PyResult<Py<PyAny>> {
    let json = outcome.map_err(|e| to_py_err(py, source, &e))?;
    if as_json {
        return Ok(PyString::new(py, &json).into_any().unbind());
    }
    // orjson (a dependency of the package) reads the UTF-8 bytes straight into the same
    // objects `json.loads` builds (dict, list, str, int, float, None; keys in order), in
    // about half the time; the standard library's `json.loads` stands in without it.
    let (loads, bytes) = JSON_LOADS.get_or_try_init(py, || match py.import("orjson") {
        Ok(m) => m.getattr("loads").map(|f| (f.unbind(), true)),
        Err(_) => py.import("json")?.getattr("loads").map(|f| (f.unbind(), false)),
    })?;
    if *bytes { Ok(loads.call1(py, (PyBytes::new(py, json.as_bytes()),))?) } else { Ok(loads.call1(py, (PyString::new(py, &json),))?) }
}

/// The `loads` in use, and whether it takes bytes (orjson) or a `str` (`json`).
static JSON_LOADS: PyOnceLock<(Py<PyAny>, bool)> = PyOnceLock::new();

/// `s` read by the library's `FromStr` (`Punct`, `Lookalikes`); a ValueError naming
/// the keyword and the `names` it takes otherwise.
fn parse_named<T: std::str::FromStr>(keyword: &str, s: &str, names: impl Iterator<Item = &'static str>) -> PyResult<T> {
    s.parse::<T>().map_err(|_| {
        let names: Vec<String> = names.map(|n| format!("{n:?}")).collect();
        PyValueError::new_err(format!("{keyword} must be {}, not {s:?}", names.join(" or ")))
    })
}

/// A name of the command line's `--input-format` (`InputFormat::names`: auto, text,
/// paddleocr, mineru, ..., hocr, alto, page).
fn parse_input_format(s: &str) -> PyResult<InputFormat> {
    s.parse::<InputFormat>()
        .map_err(|_| PyValueError::new_err(format!("input_format must be one of {}, not {s:?}", InputFormat::names().join(", "))))
}

/// `bytes` borrowed, `bytearray` copied (it may change while Rust reads it),
/// anything else a TypeError.
fn bytes_input<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Input<'a>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        Ok(Input::Bytes(b.as_bytes()))
    } else if let Ok(b) = obj.cast::<PyByteArray>() {
        Ok(Input::OwnedBytes(b.to_vec()))
    } else {
        Err(PyTypeError::new_err(format!("{what} must be bytes or bytearray, not {}", type_name(obj))))
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// A page of `process_many`'s iterable, split into its source and its content
/// (still the Python object, kept alive while Rust reads it).
fn split_item<'py>(item: Bound<'py, PyAny>, index: usize) -> PyResult<(String, Bound<'py, PyAny>)> {
    if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() || item.is_instance_of::<PyByteArray>() {
        return Ok((index.to_string(), item));
    }
    if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() == 2 {
            return Ok((t.get_item(0)?.str()?.to_string(), t.get_item(1)?));
        }
    }
    if let Ok(d) = item.cast::<PyDict>() {
        let id = d.get_item("id")?;
        let text = match d.get_item("text")? {
            Some(t) => Some(t),
            None => d.get_item("bytes")?,
        };
        if let Some(content) = text {
            let source = match id {
                Some(id) => id.str()?.to_string(),
                None => index.to_string(),
            };
            return Ok((source, content));
        }
    }
    Err(PyTypeError::new_err(format!(
        "page {index}: expected str, bytes, a (source, str | bytes) pair or a {{\"id\", \"text\" | \"bytes\"}} dict, not {}",
        type_name(&item)
    )))
}

/// A banmian pipeline, built once with the command line's options; thread-safe.
///
/// `Pipeline(convert=None, punct="normalize", input_format="auto",
/// max_page_bytes=None, max_page_lines=None, lookalikes="keep")`: `convert` an OpenCC
/// configuration name ("t2s", "s2t", "hk2s", ...); `punct` "normalize" or "keep";
/// `lookalikes` "keep" (characters as printed) or "repair" (OCR look-alike characters
/// put back from word frequencies, each named in a `lookalike` warning, as
/// `--lookalikes repair`);
/// `input_format` for `process_bytes`: "auto" or a name of `--input-format`; the limits as
/// `--max-page-bytes` and `--max-page-lines` (`None`: the command line's
/// defaults, 64 MiB and 2,097,152 lines). Errors: `ValueError` for a bad option,
/// `banmian.ConvertError` for an unknown configuration.
#[pyclass(module = "banmian", frozen)]
struct Pipeline {
    inner: Arc<banmian::Pipeline>,
    /// The rayon pool of the last `threads=N` asked for, kept for the next call.
    pool: Mutex<Option<(usize, Arc<rayon::ThreadPool>)>>,
    options: (Option<String>, String, String, u64, u64, String),
}

impl Pipeline {
    fn pool(&self, threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
        let mut cached = self.pool.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((n, pool)) = cached.as_ref() {
            if *n == threads {
                return Ok(pool.clone());
            }
        }
        let pool = Arc::new(
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("banmian-{i}"))
                .build()
                .map_err(|e| PyValueError::new_err(e.to_string()))?,
        );
        *cached = Some((threads, pool.clone()));
        Ok(pool)
    }
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (convert=None, punct="normalize", input_format="auto", max_page_bytes=None, max_page_lines=None, lookalikes="keep"))]
    fn new(
        py: Python<'_>,
        convert: Option<&str>,
        punct: &str,
        input_format: &str,
        max_page_bytes: Option<u64>,
        max_page_lines: Option<u64>,
        lookalikes: &str,
    ) -> PyResult<Pipeline> {
        let mut o = Options::default();
        o.punct = parse_named("punct", punct, Punct::ALL.iter().map(|p| p.name()))?;
        o.lookalikes = parse_named("lookalikes", lookalikes, Lookalikes::ALL.iter().map(|l| l.name()))?;
        o.input_format = parse_input_format(input_format)?;
        if let Some(n) = max_page_bytes {
            o.max_page_bytes = n;
        }
        if let Some(n) = max_page_lines {
            o.max_page_lines = n;
        }
        let (max_page_bytes, max_page_lines) = (o.max_page_bytes, o.max_page_lines);
        o.convert = match convert {
            None => None,
            Some(name) => Some(name.parse::<Config>().map_err(|e| to_py_err(py, "convert", &e))?),
        };
        // Building a converter loads its dictionaries: without the GIL.
        let inner = py.detach(|| banmian::Pipeline::new(o)).map_err(|e| to_py_err(py, "Pipeline", &e))?;
        Ok(Pipeline {
            inner: Arc::new(inner),
            pool: Mutex::new(None),
            options: (
                convert.map(str::to_string),
                punct.to_string(),
                input_format.to_string(),
                max_page_bytes,
                max_page_lines,
                lookalikes.to_string(),
            ),
        })
    }

    /// Processes one page of text (a `str`) as `banmian --input-jsonl` does a line's
    /// text; `source` goes to the page's `source` field. Returns the page as a dict,
    /// or with `as_json=True` as the one-line JSON `--jsonl` writes. Errors:
    /// `banmian.TooLarge` over `max_page_bytes` (UTF-8 bytes), `banmian.TooManyLines`,
    /// `banmian.DecodeError` for a str with a lone surrogate (its `offset`),
    /// `TypeError` for anything but a str.
    #[pyo3(signature = (text, source="-", *, as_json=false))]
    fn process(&self, py: Python<'_>, text: &Bound<'_, PyAny>, source: &str, as_json: bool) -> PyResult<Py<PyAny>> {
        let s = text
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err(format!("text must be str, not {} (bytes go to process_bytes)", type_name(text))))?;
        let input = Input::Text(utf8(s, source)?);
        let outcome = py.detach(|| run(&self.inner, source, &input));
        to_py(py, source, outcome, as_json)
    }

    /// Decodes and processes one page of bytes as `banmian FILE` does (UTF-8,
    /// UTF-16 with BOM, GB18030, Big5; PaddleOCR page JSON as `input_format` says).
    /// Returns a dict, or with `as_json=True` a JSON string. Errors:
    /// `banmian.DecodeError` (with `byte`), `banmian.TooLarge`,
    /// `banmian.TooManyLines`, `banmian.BoxPageError`; `TypeError` for anything but
    /// bytes or bytearray.
    #[pyo3(signature = (data, source="-", *, as_json=false))]
    fn process_bytes(&self, py: Python<'_>, data: &Bound<'_, PyAny>, source: &str, as_json: bool) -> PyResult<Py<PyAny>> {
        let input = bytes_input(data, "data")?;
        let outcome = py.detach(|| run(&self.inner, source, &input));
        to_py(py, source, outcome, as_json)
    }

    /// Processes many pages in parallel on `threads` threads (default: one per
    /// core) and returns a list in input order. An item is a `str` (text) or `bytes`
    /// (decoded as by `process_bytes`), whose source is its index; or a
    /// `(source, str | bytes)` pair; or a dict `{"id": ..., "text": str}` (a
    /// `--input-jsonl` line) or `{"id": ..., "bytes": bytes}`. The iterable is read
    /// in rounds of 64 pages per thread (256 at the least), never whole; while the workers process a
    /// round, the previous one is turned into Python objects. `errors="raise"` raises the
    /// first failed page's exception (in input order); `errors="return"` puts the
    /// exception object in that page's place and goes on.
    #[pyo3(signature = (pages, *, threads=None, as_json=false, errors="raise"))]
    fn process_many(
        &self,
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        threads: Option<usize>,
        as_json: bool,
        errors: &str,
    ) -> PyResult<Py<PyList>> {
        let keep_errors = match errors {
            "raise" => false,
            "return" => true,
            _ => return Err(PyValueError::new_err(format!("errors must be \"raise\" or \"return\", not {errors:?}"))),
        };
        let pool = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => Some(self.pool(n)?),
            None => None,
        };
        let width = threads.unwrap_or_else(rayon::current_num_threads);
        let chunk = (CHUNK_PER_THREAD * width).max(CHUNK_MIN);
        let out = PyList::empty(py);
        let mut iter = pages.try_iter()?;
        let mut index = 0usize;
        let inner = &self.inner;
        let pool = pool.as_deref();
        // Two rounds in flight: while the workers process round k+1 (without the
        // GIL), this thread turns round k's JSON into Python objects. One feeder
        // thread hands the rounds to the pool one after the other, so that a round
        // is done before the next one starts.
        let (to_feeder, work) = std::sync::mpsc::channel::<(Vec<Option<Owned>>, Vec<String>)>();
        let (to_main, done) = std::sync::mpsc::channel::<Vec<Option<Outcome>>>();
        std::thread::scope(|scope| -> PyResult<()> {
            scope.spawn(move || {
                for (inputs, sources) in work {
                    let job = || -> Vec<Option<Outcome>> {
                        use rayon::prelude::*;
                        inputs
                            .par_iter()
                            .zip(sources.par_iter())
                            .map(|(input, source)| input.as_ref().map(|i| run(inner, source, &i.as_input())))
                            .collect()
                    };
                    let outcomes = match pool {
                        Some(pool) => pool.install(job),
                        None => job(),
                    };
                    if to_main.send(outcomes).is_err() {
                        break;
                    }
                }
            });
            // `to_feeder` is dropped when this closure returns, on every path: the
            // feeder then stops, and the scope waits for it.
            let to_feeder = to_feeder;
            // Only this thread receives; the Mutex makes the receiver Sync for `detach`.
            let done = Mutex::new(done);
            let mut pending: std::collections::VecDeque<Round> = std::collections::VecDeque::new();
            let finish_oldest = |pending: &mut std::collections::VecDeque<Round>| -> PyResult<()> {
                let round = pending.pop_front().expect("a round in flight");
                let outcomes =
                    py.detach(|| done.lock().unwrap_or_else(|e| e.into_inner()).recv()).expect("the feeder sends one result a round");
                without_gc(py, !as_json, || finish_round(py, &out, round, outcomes, as_json, keep_errors))
            };
            loop {
                match read_round(&mut iter, chunk, &mut index) {
                    Ok(round) if round.sources.is_empty() => {
                        while !pending.is_empty() {
                            finish_oldest(&mut pending)?;
                        }
                        return Ok(());
                    }
                    Ok(mut round) => {
                        let inputs = std::mem::take(&mut round.work);
                        to_feeder.send((inputs, round.sources.clone())).expect("the feeder runs until the sender is dropped");
                        pending.push_back(round);
                        if pending.len() == 2 {
                            finish_oldest(&mut pending)?;
                        }
                    }
                    Err(e) => {
                        // Earlier pages' errors come first.
                        while !pending.is_empty() {
                            finish_oldest(&mut pending)?;
                        }
                        return Err(e);
                    }
                }
            }
        })?;
        Ok(out.unbind())
    }

    fn __repr__(&self) -> String {
        let (convert, punct, input_format, bytes, lines, lookalikes) = &self.options;
        let convert = convert.as_ref().map_or("None".to_string(), |c| format!("{c:?}"));
        format!(
            "banmian.Pipeline(convert={convert}, punct={punct:?}, input_format={input_format:?}, max_page_bytes={bytes}, max_page_lines={lines}, lookalikes={lookalikes:?})"
        )
    }
}

fn append(py: Python<'_>, out: &Bound<'_, PyList>, source: &str, outcome: Outcome, as_json: bool, keep_errors: bool) -> PyResult<()> {
    match to_py(py, source, outcome, as_json) {
        Ok(v) => out.append(v),
        Err(e) if keep_errors => out.append(e.into_value(py)),
        Err(e) => Err(e),
    }
}

/// A page's content copied out of its Python object, for a worker thread.
enum Owned {
    Text(String),
    Bytes(Vec<u8>),
}

impl Owned {
    fn as_input(&self) -> Input<'_> {
        match self {
            Owned::Text(t) => Input::Text(t),
            Owned::Bytes(b) => Input::Bytes(b),
        }
    }
}

/// One round of `process_many`: each page's source, and its content for the workers
/// or the exception it raised before they saw it (`errors="return"`).
struct Round {
    sources: Vec<String>,
    work: Vec<Option<Owned>>,
    early: Vec<Option<PyErr>>,
}

/// Reads up to `chunk` pages from the iterable. The iterable's own exception is
/// returned; a page's (a TypeError, a lone surrogate) is kept in `early`, to be
/// raised or returned in its place.
fn read_round(iter: &mut Bound<'_, pyo3::types::PyIterator>, chunk: usize, index: &mut usize) -> PyResult<Round> {
    let mut round = Round { sources: Vec::with_capacity(chunk), work: Vec::with_capacity(chunk), early: Vec::with_capacity(chunk) };
    for item in iter.by_ref().take(chunk) {
        // The iterable's own exception stops here; a page's is kept for its place.
        let item = item?;
        let page = split_item(item, *index).map(|(source, obj)| {
            let owned = match obj.cast::<PyString>() {
                Ok(s) => utf8(s, &source).map(|t| Owned::Text(t.to_string())),
                Err(_) => bytes_input(&obj, &format!("page {source:?}")).map(|i| match i {
                    Input::Text(t) => Owned::Text(t.to_string()),
                    Input::Bytes(b) => Owned::Bytes(b.to_vec()),
                    Input::OwnedBytes(b) => Owned::Bytes(b),
                }),
            };
            (source, owned)
        });
        let (source, owned) = match page {
            Ok((source, owned)) => (source, owned),
            Err(e) => (index.to_string(), Err(e)),
        };
        *index += 1;
        match owned {
            Ok(o) => {
                round.work.push(Some(o));
                round.early.push(None);
            }
            Err(e) => {
                round.work.push(None);
                round.early.push(Some(e));
            }
        }
        round.sources.push(source);
    }
    Ok(round)
}

/// Runs `f` with Python's cyclic garbage collector paused when `pause` (and it was
/// running): a round's pages are thousands of new dicts and lists, none in a cycle,
/// and each collection they would set off walks every object still alive, the pages
/// of the rounds before included. Measured on the JSON of 2,800 corpus pages (12 MB),
/// `json.loads` took 0.09-0.11 s of CPU with the collector paused and 0.16-0.60 s
/// with it running.
fn without_gc<T>(py: Python<'_>, pause: bool, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    if !pause {
        return f();
    }
    let gc = py.import("gc")?;
    let was_enabled: bool = gc.call_method0("isenabled")?.extract()?;
    if was_enabled {
        gc.call_method0("disable")?;
    }
    let result = f();
    if was_enabled {
        gc.call_method0("enable")?;
    }
    result
}

/// Appends a round's pages (or exceptions) to `out`, in input order.
fn finish_round(
    py: Python<'_>,
    out: &Bound<'_, PyList>,
    round: Round,
    outcomes: Vec<Option<Outcome>>,
    as_json: bool,
    keep_errors: bool,
) -> PyResult<()> {
    for ((outcome, early), source) in outcomes.into_iter().zip(round.early).zip(&round.sources) {
        match (outcome, early) {
            (Some(o), _) => append(py, out, source, o, as_json, keep_errors)?,
            (None, Some(e)) if keep_errors && e.is_instance_of::<BanmianError>(py) => out.append(e.into_value(py))?,
            (None, Some(e)) => return Err(e),
            (None, None) => unreachable!("a page is either processed or failed early"),
        }
    }
    Ok(())
}

/// banmian (版面): OCR output of Chinese newspaper pages to structured articles.
#[pymodule]
fn _banmian(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Pipeline>()?;
    m.add("BanmianError", py.get_type::<BanmianError>())?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("TooLarge", py.get_type::<TooLarge>())?;
    m.add("TooManyLines", py.get_type::<TooManyLines>())?;
    m.add("BoxPageError", py.get_type::<BoxPageError>())?;
    m.add("ConvertError", py.get_type::<ConvertError>())?;
    let defaults = Options::default();
    m.add("DEFAULT_MAX_PAGE_BYTES", defaults.max_page_bytes)?;
    m.add("DEFAULT_MAX_PAGE_LINES", defaults.max_page_lines)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
