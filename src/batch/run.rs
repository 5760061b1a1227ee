//! Running the pipeline over many pages: one ordered parallel driver, used by the
//! folder runs ([`run_tree`], [`run_tree_jsonl`]) and the JSON Lines stream
//! ([`super::run_stream`]); reading a page file within the page limit.

use std::collections::{HashMap, VecDeque};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use super::atomic::{remove_stale_temporaries, write_atomic};
use super::record::{Done, Identity, Pages, Record, Resume};
use super::side;
use super::summary::{Failure, Summary, Tally};
use super::walk::{Walk, recognise};
use crate::Pipeline;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Page;
use crate::ocr::Ocr;
use crate::write::{OutputFormat, json};

/// Pages in flight at most: taken from the input but not yet handed to the sink, so
/// memory is bounded by this many pages and their results, whatever the input's size.
const WINDOW: usize = 128;

/// Results handed to the sink at a time, at least (all that are ready in order, at most
/// [`WINDOW`]; the last batch may be smaller): a stream is written and flushed in
/// batches of this many pages or more.
const BATCH: usize = 64;

/// The one parallel driver: runs `work` on `items` on the current rayon pool and hands
/// the results to `sink` in input order, in batches of [`BATCH`] or more, whatever the
/// number of threads. There is no barrier between batches: the calling thread takes
/// items, receives results and runs `sink` while the pool works on the next items,
/// keeping at most [`WINDOW`] items in flight (so a slow page holds back the output,
/// not the other threads). `sink`'s first error ends the run (the items already in
/// flight finish, unwritten). Called from a thread of the pool (a library user inside
/// `ThreadPool::install`), the calling thread works on the items too while it waits.
pub(crate) fn ordered<I, R, E>(
    items: impl IntoIterator<Item = I>,
    work: impl Fn(I) -> R + Sync + Send,
    mut sink: impl FnMut(Vec<R>) -> std::result::Result<(), E>,
) -> std::result::Result<(), E>
where
    I: Send,
    R: Send,
{
    let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    let work = &work;
    let mut items = items.into_iter();
    rayon::in_place_scope_fifo(|scope| {
        // Items 0..next are taken; results 0..done are handed on; `ready[k]` is the
        // result of item done + k once it has come back.
        let (mut next, mut done) = (0usize, 0usize);
        let mut ready: VecDeque<Option<R>> = VecDeque::new();
        let mut batch: Vec<R> = Vec::with_capacity(BATCH);
        let mut exhausted = false;
        loop {
            // Results waiting in `batch` count as in flight: at most WINDOW in all.
            while !exhausted && next - (done - batch.len()) < WINDOW {
                match items.next() {
                    Some(item) => {
                        let (tx, i) = (tx.clone(), next);
                        // A panic is sent back and resumed on the calling thread (rather
                        // than leave it waiting); the receiver outlives the scope.
                        scope.spawn_fifo(move |_| {
                            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
                            let _ = tx.send((i, r));
                        });
                        ready.push_back(None);
                        next += 1;
                    }
                    None => exhausted = true,
                }
            }
            if done == next {
                return if batch.is_empty() { Ok(()) } else { sink(batch) };
            }
            let (i, r) = receive(&rx);
            ready[i - done] = Some(r.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            while let Some(Some(_)) = ready.front() {
                batch.extend(ready.pop_front().flatten());
                done += 1;
            }
            if batch.len() >= BATCH || (exhausted && done == next && !batch.is_empty()) {
                sink(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))?;
            }
        }
    })
}

/// The next result of [`ordered`]'s workers. On a thread of the pool, the thread runs
/// pending work while it waits instead of blocking (a pool of one thread would wait
/// for itself).
fn receive<R>(rx: &mpsc::Receiver<R>) -> R {
    if rayon::current_thread_index().is_none() {
        return rx.recv().expect("a worker of ordered() sends every result");
    }
    loop {
        match rx.try_recv() {
            Ok(r) => return r,
            Err(mpsc::TryRecvError::Disconnected) => panic!("a worker of ordered() sends every result"),
            Err(mpsc::TryRecvError::Empty) => {
                if rayon::yield_now() != Some(rayon::Yield::Executed) {
                    if let Ok(r) = rx.recv_timeout(std::time::Duration::from_millis(1)) {
                        return r;
                    }
                }
            }
        }
    }
}

/// The output file for the page at `rel` (relative to the input root):
/// `out/<rel>.json`, as [`output_path_as`] with [`OutputFormat::Json`].
pub fn output_path(out: &Path, rel: &Path) -> PathBuf {
    output_path_as(out, rel, OutputFormat::Json)
}

/// The output file for the page at `rel` (relative to the input root) in `format`:
/// `out/<rel>.<extension>`. Only normal components of `rel` are kept, so whatever the
/// input names (`..`, absolute paths, drive prefixes), the result stays inside `out`.
pub fn output_path_as(out: &Path, rel: &Path, format: OutputFormat) -> PathBuf {
    let mut p = split_dir(out, rel);
    let mut name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".");
    name.push(format.extension());
    p.set_file_name(name);
    p
}

/// Reads a whole page from `input`, but never more than `limit` bytes into memory:
/// past the limit the rest is read and counted, not kept, and the result is
/// [`ErrorKind::TooLarge`] with the input's real size. Errors: [`ErrorKind::Io`].
pub fn read_limited(input: &mut dyn io::Read, limit: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let read = (&mut *input).take(limit.saturating_add(1)).read_to_end(&mut bytes)? as u64;
    if read > limit {
        drop(bytes);
        let rest = io::copy(input, &mut io::sink())?;
        return Err(Error::new(ErrorKind::TooLarge { size: read + rest, limit }));
    }
    Ok(bytes)
}

/// Reads a page file of at most `limit` bytes. A regular file over the limit is
/// refused by its size, without being read; anything else (a pipe, a device) is read
/// with [`read_limited`]. Errors: [`ErrorKind::TooLarge`], [`ErrorKind::Io`] (`<path>:
/// cannot read the input: …`, and a broken link says so), with the path.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let mut f = fs::File::open(path).map_err(|e| side::input(path, e))?;
    match f.metadata() {
        Ok(m) if m.is_file() && m.len() > limit => Err(Error::new(ErrorKind::TooLarge { size: m.len(), limit }).with_path(path)),
        // A file of known size is read into a buffer of that size, in as few reads as
        // it takes (a file that grew meanwhile still stops at the limit).
        Ok(m) if m.is_file() => {
            let mut bytes = Vec::with_capacity(m.len() as usize + 1);
            match (&mut f).take(limit.saturating_add(1)).read_to_end(&mut bytes) {
                Ok(n) if n as u64 > limit => Err(Error::new(ErrorKind::TooLarge { size: n as u64, limit }).with_path(path)),
                Ok(_) => Ok(bytes),
                Err(e) => Err(side::input(path, e)),
            }
        }
        _ => read_limited(&mut f, limit).map_err(|e| match e.into_kind() {
            ErrorKind::Io(io) => side::input(path, io),
            kind => Error::new(kind).with_path(path),
        }),
    }
}

/// Reads and processes one page file; the error names the file. A file over the
/// pipeline's `max_page_bytes` is refused (see [`read_file_limited`]).
pub fn process_file(pipeline: &Pipeline, root: &Path, rel: &Path) -> (u64, Result<Page>) {
    let path = root.join(rel);
    let source = rel.to_string_lossy().replace('\\', "/");
    match read_file_limited(&path, pipeline.options().max_page_bytes) {
        Ok(bytes) => (bytes.len() as u64, pipeline.process_bytes(&source, &bytes).map_err(|e| e.with_path(&path))),
        Err(e) => (0, Err(e)),
    }
}

/// Reads and processes one file that may hold several pages
/// ([`Pipeline::process_pages`]: a MinerU document, a multi-page hOCR or ALTO file), one
/// page object per page; the error names the file. Otherwise as [`process_file`].
pub fn process_file_pages(pipeline: &Pipeline, root: &Path, rel: &Path) -> (u64, Result<Vec<Page>>) {
    let path = root.join(rel);
    let source = rel.to_string_lossy().replace('\\', "/");
    match read_file_limited(&path, pipeline.options().max_page_bytes) {
        Ok(bytes) => (bytes.len() as u64, pipeline.process_pages_owned(&source, bytes).map_err(|e| e.with_path(&path))),
        Err(e) => (0, Err(e)),
    }
}

/// The relative path page `n` (from 1) of the file at `rel` is written under when the
/// file holds several pages: `<rel>.p<n>`, so that its output is `OUT/<rel>.p<n>.json`
/// (CONTRACT.md) and its `--split articles` folder `OUT/<rel>.p<n>/`.
pub fn page_path(rel: &Path, n: usize) -> PathBuf {
    let mut name = rel.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".p{n}"));
    rel.with_file_name(name)
}

/// Processes every page under `root` into `out/<rel>.json`, as [`run_tree_as`] with
/// [`OutputFormat::Json`].
pub fn run_tree(pipeline: &Pipeline, root: &Path, walk: &Walk, out: &Path, resume: bool, tick: &(dyn Fn(u64) + Sync)) -> Summary {
    run_tree_as(pipeline, root, walk, out, OutputFormat::Json, resume, tick)
}

/// Processes every page under `root` into `out/<rel>.<extension>` in `format`, in
/// parallel on the current rayon pool, each file written atomically. `tick` is called
/// once per page with its byte count, for a progress bar. The run is recorded in
/// `out/.banmian/run.json` ([`super::Record`]) and each file in
/// `out/.banmian/pages.jsonl` ([`super::Pages`]); with `resume` and a matching record, a
/// file whose input and outputs are as that log says is left alone (and counted in
/// [`Summary::up_to_date`]); when the record differs every page is redone, and
/// [`Summary::redone`] says why. Temporary files a killed run left in `out` are
/// removed first.
pub fn run_tree_as(
    pipeline: &Pipeline,
    root: &Path,
    walk: &Walk,
    out: &Path,
    format: OutputFormat,
    resume: bool,
    tick: &(dyn Fn(u64) + Sync),
) -> Summary {
    run_tree_ocr(pipeline, root, walk, out, (format, false), resume, None, tick)
}

/// `out/<rel>`, keeping only the normal components of `rel` (`page` when there is
/// none), so that whatever the input names (`..`, absolute paths, drive prefixes) the
/// result stays inside `out`: the folder `--split articles` writes a page's files in,
/// and the stem of [`output_path_as`].
pub fn split_dir(out: &Path, rel: &Path) -> PathBuf {
    let mut p = out.to_path_buf();
    let mut any = false;
    for c in rel.components() {
        if let Component::Normal(n) = c {
            p.push(n);
            any = true;
        }
    }
    if !any {
        p.push("page");
    }
    p
}

/// The file in a `--split articles` folder that lists the files banmian wrote there,
/// with their [`Identity`] (JSON, `{"schema": "banmian.split/1", "files": [[name,
/// {"size", "crc32"}], …]}`): a rerun removes a file of that list it did not write
/// again (fewer articles, another `--format`), and only while its content is still what
/// banmian wrote, so a file banmian did not write, or one edited since, is never
/// removed. Hidden (its name starts with a dot), so a walk does not take it as a page.
pub const SPLIT_RECORD: &str = ".banmian-split.json";

/// The schema tag of [`SPLIT_RECORD`].
const SPLIT_SCHEMA: &str = "banmian.split/1";

/// The content of [`SPLIT_RECORD`].
#[derive(serde::Serialize, serde::Deserialize)]
struct SplitRecord {
    schema: String,
    files: Vec<(String, Identity)>,
}

/// Writes a page split by article into `dir` ([`crate::write::split::files`]), each
/// file atomically, the leftovers file last (so a folder with it is complete), then
/// [`SPLIT_RECORD`]; the files the folder's earlier record lists that this run did not
/// write (an article count or `--format` that changed) are removed when they still hold
/// what banmian wrote. A folder written before banmian kept this record has nothing
/// removed. Returns the files written (not the record) with their identity. Errors:
/// [`ErrorKind::JsonOutput`], [`ErrorKind::Io`] with the path, as the output.
pub fn write_split(dir: &Path, page: &Page, format: OutputFormat) -> Result<Vec<(PathBuf, Identity)>> {
    let files = crate::write::split::files(page, format)?;
    let record = dir.join(SPLIT_RECORD);
    let earlier: Vec<(String, Identity)> =
        fs::read(&record).ok().and_then(|b| serde_json::from_slice::<SplitRecord>(&b).ok()).map(|r| r.files).unwrap_or_default();
    let mut written = Vec::with_capacity(files.len());
    for (name, bytes) in &files {
        write_atomic(&dir.join(name), bytes)?;
        written.push((name.clone(), Identity::of(bytes)));
    }
    for (name, id) in &earlier {
        // A plain file name of this folder, as banmian writes them, and no longer written.
        let plain = Path::new(name).components().count() == 1 && !name.starts_with('.') && !name.contains(['/', '\\']);
        if !plain || written.iter().any(|(n, _)| n == name) {
            continue;
        }
        let path = dir.join(name);
        if Identity::of_file(&path).is_ok_and(|now| now == *id) {
            fs::remove_file(&path).map_err(|e| side::output(&path, e))?;
        }
    }
    let mut json = serde_json::to_vec(&SplitRecord { schema: SPLIT_SCHEMA.into(), files: written.clone() })?;
    json.push(b'\n');
    write_atomic(&record, &json)?;
    Ok(written.into_iter().map(|(n, id)| (dir.join(n), id)).collect())
}

/// Processes every page under `root` split by article (`--split articles`): the files
/// of [`write_split`] in `out/<rel>/`. With `resume`, a page whose input and files are
/// unchanged is left alone. Otherwise as [`run_tree_as`].
pub fn run_tree_split(
    pipeline: &Pipeline,
    root: &Path,
    walk: &Walk,
    out: &Path,
    format: OutputFormat,
    resume: bool,
    tick: &(dyn Fn(u64) + Sync),
) -> Summary {
    run_tree_ocr(pipeline, root, walk, out, (format, true), resume, None, tick)
}

/// Processes every page under `root` as [`run_tree_as`] (`split` false) or
/// [`run_tree_split`] (`split` true), the page images among `walk.pages` (see
/// [`super::Walk::take_images`]) going through `ocr` first (`--ocr`): the engine's output
/// is written to `out/<rel>.hocr` or `out/<rel>.rapidocr.json` ([`ocr_output_path`]) and
/// read as that format, the page's `source` staying the image's relative path. The
/// record names the engine ([`Record::ocr`]); with `resume` and a matching record, the
/// OCR file kept from the same image (the image's size and CRC-32 as logged), and still
/// as it was written, is read again instead of running the engine. An engine failing on
/// one image fails that page only.
#[allow(clippy::too_many_arguments)]
pub fn run_tree_ocr(
    pipeline: &Pipeline,
    root: &Path,
    walk: &Walk,
    out: &Path,
    (format, split): (OutputFormat, bool),
    resume: bool,
    ocr: Option<&Ocr>,
    tick: &(dyn Fn(u64) + Sync),
) -> Summary {
    let record = Record::new(pipeline.options(), format, split).with_ocr(ocr.map(Ocr::describe));
    let scans = match ocr.map(|o| Pipeline::new(pipeline.options().clone().input_format(o.engine().input_format())).map(|p| (o, p))) {
        Some(Err(e)) => {
            let mut summary = Summary::for_walk(walk);
            summary.problems.push(Failure { source: out.display().to_string(), message: e.to_string() });
            return summary;
        }
        Some(Ok(s)) => Some(s),
        None => None,
    };
    let ctx = Run { pipeline, root, out, scans: scans.as_ref().map(|(o, p)| (*o, p)) };
    if split {
        let write = |rel: &Path, page: &Page| write_split(&split_dir(out, rel), page, format);
        run_tree_with(&ctx, walk, (&record, resume), tick, &write)
    } else {
        let write = |rel: &Path, page: &Page| -> Result<Vec<(PathBuf, Identity)>> {
            let (dest, bytes) = (output_path_as(out, rel, format), format.render(page)?);
            write_atomic(&dest, &bytes)?;
            Ok(vec![(dest, Identity::of(&bytes))])
        };
        run_tree_with(&ctx, walk, (&record, resume), tick, &write)
    }
}

/// Where a folder run keeps the OCR output of the image at `rel`:
/// `out/<rel>.<engine's extension>` (`out/scans/01.png.hocr`), inside `out` as
/// [`split_dir`] makes sure.
pub fn ocr_output_path(out: &Path, rel: &Path, engine: crate::ocr::Engine) -> PathBuf {
    let mut p = split_dir(out, rel);
    let mut name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".");
    name.push(engine.extension());
    p.set_file_name(name);
    p
}

/// What a folder run's pages are read with: the pipeline, the input and output roots,
/// and for `--ocr` the engine and the pipeline reading its output.
struct Run<'a> {
    pipeline: &'a Pipeline,
    root: &'a Path,
    out: &'a Path,
    scans: Option<(&'a Ocr, &'a Pipeline)>,
}

/// Writes one page object, whose relative path is given (the file's, or `<rel>.p<N>`
/// for a file of several pages), and returns the files written with their identity.
type WritePage<'a> = dyn Fn(&Path, &Page) -> Result<Vec<(PathBuf, Identity)>> + Sync + 'a;

/// What became of one input file of a folder run.
enum Outcome {
    /// `--resume` kept its outputs: the input and every output are as recorded.
    Kept(Done),
    /// A file of [`Walk::candidates`] that is not a page, with the reason.
    NotPage(String),
    /// Read (this many bytes; an image's size for a scan) and processed: what to record
    /// (its pages' counts with it; the pages are written and dropped by then), or the
    /// error.
    Read(u64, Result<Done>),
}

impl Run<'_> {
    /// Reads the file at `rel` once, and unless `earlier` (the entries of
    /// [`super::PAGES_PATH`] a `--resume` run may keep) shows its input and outputs
    /// unchanged, processes it and writes its pages with `write`. An image of a run with
    /// an OCR engine goes through the engine first, unless the OCR output kept from
    /// the same image is still as recorded.
    fn file(&self, rel: &Path, walk: &Walk, earlier: &HashMap<PathBuf, Done>, write: &WritePage) -> Outcome {
        let path = self.root.join(rel);
        let limit = self.pipeline.options().max_page_bytes;
        let before = earlier.get(rel);
        let intact = |d: &Done| {
            !d.outputs.is_empty() && d.outputs.iter().all(|(p, id)| Identity::of_file(&self.out.join(p)).is_ok_and(|now| now == *id))
        };
        let (input, bytes, pipeline, ocr_kept) = match self.scans.filter(|_| crate::ocr::is_image(rel)) {
            Some((ocr, scan_pipeline)) => {
                let input = match Identity::of_file(&path) {
                    Ok(id) => id,
                    Err(e) => return Outcome::Read(0, Err(side::input(&path, e))),
                };
                if let Some(d) = before.filter(|d| d.input == input && intact(d)) {
                    return Outcome::Kept(d.clone());
                }
                let kept = ocr_output_path(self.out, rel, ocr.engine());
                let kept_rel = kept.strip_prefix(self.out).unwrap_or(&kept);
                let reuse = before
                    .filter(|d| d.input == input)
                    .and_then(|d| d.outputs.iter().find(|(p, _)| p == kept_rel))
                    .is_some_and(|(_, id)| Identity::of_file(&kept).is_ok_and(|now| now == *id));
                let text = if reuse {
                    read_file_limited(&kept, limit)
                } else {
                    ocr.recognise(&path).and_then(|bytes| {
                        write_atomic(&kept, &bytes)?;
                        Ok(bytes)
                    })
                };
                match text {
                    Ok(b) => {
                        let id = Identity::of(&b);
                        (input, b, scan_pipeline, Some((kept, id)))
                    }
                    Err(e) => return Outcome::Read(input.size, Err(e)),
                }
            }
            None => {
                let bytes = match read_file_limited(&path, limit) {
                    Ok(b) => b,
                    Err(e) => return Outcome::Read(0, Err(e)),
                };
                if walk.candidates.contains(rel) {
                    if let Err(reason) = recognise(rel, &bytes) {
                        return Outcome::NotPage(reason);
                    }
                }
                let input = Identity::of(&bytes);
                if let Some(d) = before.filter(|d| d.input == input && intact(d)) {
                    return Outcome::Kept(d.clone());
                }
                (input, bytes, self.pipeline, None)
            }
        };
        let source = rel.to_string_lossy().replace('\\', "/");
        let read_from = ocr_kept.as_ref().map_or(path.as_path(), |(k, _)| k.as_path());
        let result = pipeline.process_pages_owned(&source, bytes).map_err(|e| e.with_path(read_from));
        let result = result.and_then(|pages| {
            let mut outputs = Vec::new();
            match pages.as_slice() {
                [page] => outputs.extend(write(rel, page)?),
                // A file of several pages writes its first page last.
                _ => {
                    for (i, page) in pages.iter().enumerate().rev() {
                        outputs.extend(write(&page_path(rel, i + 1), page)?);
                    }
                }
            }
            outputs.extend(ocr_kept);
            let outputs = outputs.into_iter().map(|(p, id)| (p.strip_prefix(self.out).map(Path::to_path_buf).unwrap_or(p), id)).collect();
            let tally = Tally::of(&pages);
            Ok(Done {
                source: rel.to_path_buf(),
                input,
                outputs,
                pages: tally.pages,
                articles: tally.articles,
                removed: tally.removed,
                warnings: tally.warnings,
            })
        });
        Outcome::Read(input.size, result)
    }
}

/// The folder run: `write` writes a page's files; `record` is compared with and
/// written to `out/.banmian/run.json` ([`Record::prepare`]), and each file processed is
/// logged in `out/.banmian/pages.jsonl` ([`Pages`]), which `--resume` compares.
fn run_tree_with(run: &Run, walk: &Walk, (record, resume): (&Record, bool), tick: &(dyn Fn(u64) + Sync), write: &WritePage) -> Summary {
    let (root, out) = (run.root, run.out);
    let start = Instant::now();
    let removed = remove_stale_temporaries(out);
    let mut summary = Summary::for_walk(walk);
    summary.temporaries_removed = removed as u64;
    let keep = match record.prepare(out, resume) {
        Ok(Resume::Keep { .. }) => true,
        Ok(Resume::RedoAll { reason }) => {
            summary.redone = reason;
            false
        }
        Err(e) => {
            summary.problems.push(Failure { source: out.display().to_string(), message: e.to_string() });
            false
        }
    };
    let mut log = Pages::open(out, keep).unwrap_or_else(|e| {
        summary.problems.push(Failure { source: out.join(super::PAGES_PATH).display().to_string(), message: e.to_string() });
        Pages::default()
    });
    let earlier = std::mem::take(&mut log.earlier);
    if !log.found {
        summary.redone = Some(format!("no {} (what the pages were made from) in the output folder", super::PAGES_PATH));
    }
    let work = |rel: &PathBuf| {
        let outcome = run.file(rel, walk, &earlier, write);
        tick(if let Outcome::Read(bytes, _) = &outcome { *bytes } else { 0 });
        (rel.clone(), outcome)
    };
    let mut log_failed = false;
    let sink = |results: Vec<(PathBuf, Outcome)>| {
        for (rel, outcome) in results {
            match outcome {
                Outcome::Kept(done) => summary.keep(&done),
                Outcome::NotPage(reason) => summary.skip(&rel, reason),
                Outcome::Read(bytes, Ok(done)) => {
                    summary.count_pages(
                        Tally { pages: done.pages, articles: done.articles, removed: done.removed, warnings: done.warnings },
                        bytes,
                    );
                    if let Err(e) = log.append(&done) {
                        if !std::mem::replace(&mut log_failed, true) {
                            summary
                                .problems
                                .push(Failure { source: out.join(super::PAGES_PATH).display().to_string(), message: e.to_string() });
                        }
                    }
                }
                Outcome::Read(_, Err(e)) => summary.fail(root.join(rel).display().to_string(), &e),
            }
        }
        Ok::<(), std::convert::Infallible>(())
    };
    let Ok(()) = ordered(&walk.pages, work, sink);
    summary.time(start);
    summary
}

/// Processes every page under `root` and writes one JSON line per page to `w`, in
/// input order whatever the number of threads. Failed pages are reported in the
/// summary and write no line. A write error (a closed pipe) ends the run and is returned.
pub fn run_tree_jsonl(
    pipeline: &Pipeline,
    root: &Path,
    walk: &Walk,
    w: &mut dyn Write,
    tick: &(dyn Fn(u64) + Sync),
) -> io::Result<Summary> {
    run_tree_jsonl_as(pipeline, root, walk, w, OutputFormat::Json, tick)
}

/// As [`run_tree_jsonl`], each line in `format` ([`OutputFormat::line`]: a json page
/// object, or a ninjs array). A format with no line (text, markdown) is
/// [`io::ErrorKind::InvalidInput`], before any page is read.
pub fn run_tree_jsonl_as(
    pipeline: &Pipeline,
    root: &Path,
    walk: &Walk,
    w: &mut dyn Write,
    format: OutputFormat,
    tick: &(dyn Fn(u64) + Sync),
) -> io::Result<Summary> {
    if !format.has_line() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("--jsonl takes json or ninjs, not {}", format.name())));
    }
    let start = Instant::now();
    let mut summary = Summary::for_walk(walk);
    let work = |rel: &PathBuf| {
        let path = root.join(rel);
        let read = read_file_limited(&path, pipeline.options().max_page_bytes);
        // A candidate of a lazy walk is recognised from the bytes read for the run.
        if let Some(reason) = read.as_ref().ok().filter(|_| walk.candidates.contains(rel)).and_then(|b| recognise(rel, b).err()) {
            tick(0);
            return (rel.clone(), 0, Err(Err(reason)));
        }
        let (bytes, r) = match read {
            Ok(b) => {
                let source = rel.to_string_lossy().replace('\\', "/");
                (b.len() as u64, pipeline.process_pages_owned(&source, b).map_err(|e| e.with_path(&path)))
            }
            Err(e) => (0, Err(e)),
        };
        tick(bytes);
        let lines = |pages: Vec<Page>| -> Result<(Vec<u8>, Tally)> {
            let mut all = Vec::new();
            for page in &pages {
                all.extend(format.line(page).unwrap_or_else(|| json::line(page))?);
            }
            Ok((all, Tally::of(&pages)))
        };
        (rel.clone(), bytes, r.and_then(lines).map_err(Ok))
    };
    ordered(&walk.pages, work, |results| {
        for (rel, bytes, r) in results {
            match r {
                Ok((line, tally)) => {
                    w.write_all(&line)?;
                    summary.count_pages(tally, bytes);
                }
                Err(Ok(e)) => summary.fail(root.join(rel).display().to_string(), &e),
                Err(Err(reason)) => summary.skip(&rel, reason),
            }
        }
        Ok::<(), io::Error>(())
    })?;
    w.flush()?;
    summary.time(start);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Work whose cost falls unevenly (every 37th item slow), so results come back out
    /// of order and the window fills behind a slow item.
    fn uneven(i: usize) -> usize {
        if i % 37 == 0 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        i * 3
    }

    fn run_in(threads: usize, caller_in_pool: bool, n: usize) -> (Vec<usize>, Vec<usize>) {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
        let mut out = Vec::new();
        let mut batches = Vec::new();
        let mut go = || {
            ordered(0..n, uneven, |b: Vec<usize>| {
                batches.push(b.len());
                out.extend(b);
                Ok::<(), ()>(())
            })
            .expect("no sink error")
        };
        // Outside a pool, `ordered` runs on the global pool and the calling thread only
        // takes items and receives results.
        if caller_in_pool {
            pool.install(go)
        } else {
            go()
        }
        (out, batches)
    }

    #[test]
    fn ordered_keeps_input_order_in_batches_whatever_the_threads() {
        let want: Vec<usize> = (0..1000).map(|i| i * 3).collect();
        for threads in [1, 2, 4] {
            for in_pool in [true, false] {
                let (out, batches) = run_in(threads, in_pool, 1000);
                assert_eq!(out, want, "{threads} threads, caller in pool: {in_pool}");
                let (last, full) = batches.split_last().expect("a batch");
                assert!(full.iter().all(|&b| (BATCH..=WINDOW).contains(&b)) && (1..=WINDOW).contains(last), "{batches:?}");
                assert_eq!(batches.iter().sum::<usize>(), 1000);
            }
        }
        assert_eq!(run_in(1, true, 0).0, Vec::<usize>::new());
    }

    #[test]
    fn ordered_stops_at_the_sinks_first_error() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
        let (mut seen, mut calls_after_error) = (0, 0);
        let r = pool.install(|| {
            ordered(
                0..100_000usize,
                |i| i,
                |b: Vec<usize>| {
                    if seen >= 2 * BATCH {
                        calls_after_error += 1;
                    }
                    seen += b.len();
                    if seen >= 2 * BATCH { Err(seen) } else { Ok(()) }
                },
            )
        });
        // Batches hold BATCH to WINDOW results, as many as were ready: the first error
        // comes once 2 × BATCH results are out, within one window more.
        let Err(at) = r else { panic!("the sink's error is returned: {r:?}") };
        assert!((2 * BATCH..2 * BATCH + WINDOW).contains(&at), "{at}");
        assert_eq!(calls_after_error, 0, "the sink is not called after its error");
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pool.install(|| ordered(0..50usize, |i| if i == 20 { panic!("page 20") } else { i }, |_: Vec<usize>| Ok::<(), ()>(())))
        }));
        assert!(r.is_err());
    }
}
