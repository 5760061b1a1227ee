//! Running the pipeline over many pages: one ordered parallel driver, used by the
//! folder runs ([`run_tree`], [`run_tree_jsonl`]) and the JSON Lines stream
//! ([`super::run_stream`]); reading a page file within the page limit.

use std::collections::VecDeque;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use super::atomic::{remove_stale_temporaries, write_atomic};
use super::record::{Record, Resume};
use super::summary::{Failure, Summary};
use super::walk::Walk;
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

/// True when `output` exists and is at least as new as `input`.
pub fn up_to_date(input: &Path, output: &Path) -> bool {
    let m = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((m(input), m(output)), (Some(i), Some(o)) if o >= i)
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
/// with [`read_limited`]. Errors: [`ErrorKind::TooLarge`], [`ErrorKind::Io`], with
/// the path.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let read = fs::File::open(path).map_err(Error::from).and_then(|mut f| match f.metadata() {
        Ok(m) if m.is_file() && m.len() > limit => Err(Error::new(ErrorKind::TooLarge { size: m.len(), limit })),
        _ => read_limited(&mut f, limit),
    });
    read.map_err(|e| e.with_path(path))
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
        Ok(bytes) => (bytes.len() as u64, pipeline.process_pages(&source, &bytes).map_err(|e| e.with_path(&path))),
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
/// `out/.banmian/run.json` ([`super::Record`]); with `resume`, an output newer than its
/// page is left alone when the record matches this run and the output is not older
/// than the record; when the record differs every page is redone, and
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

/// Writes a page split by article into `dir` ([`crate::write::split::files`]), each
/// file atomically, the leftovers file last (so a folder with it is complete); files
/// of `format`'s extension an earlier run left there and this one did not write (an
/// article count that changed) are removed. Errors: [`ErrorKind::JsonOutput`],
/// [`ErrorKind::Io`] with the path.
pub fn write_split(dir: &Path, page: &Page, format: OutputFormat) -> Result<()> {
    let files = crate::write::split::files(page, format)?;
    for (name, bytes) in &files {
        write_atomic(&dir.join(name), bytes)?;
    }
    let suffix = format!(".{}", format.extension());
    let written: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let ours = name.split_once('-').is_some_and(|(nn, _)| !nn.is_empty() && nn.bytes().all(|b| b.is_ascii_digit()));
            if ours && name.ends_with(&suffix) && !written.contains(&name.as_str()) {
                fs::remove_file(e.path()).map_err(|err| Error::from(err).with_path(e.path()))?;
            }
        }
    }
    Ok(())
}

/// Processes every page under `root` split by article (`--split articles`): the files
/// of [`write_split`] in `out/<rel>/`. With `resume`, a page whose leftovers file is
/// newer than the page is left alone. Otherwise as [`run_tree_as`].
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
/// record names the engine ([`Record::ocr`]); with `resume` and a matching record, an
/// OCR file at least as new as its image and as the record is read again instead of
/// running the engine. An engine failing on one image fails that page only.
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
        let marker = format!("{}.{}", crate::write::split::LEFTOVERS, format.extension());
        let dest = |rel: &Path| split_dir(out, rel).join(&marker);
        let write = |dest: &Path, page: &Page| write_split(dest.parent().unwrap_or(out), page, format);
        run_tree_with(&ctx, walk, (&record, resume), tick, &dest, &write)
    } else {
        let dest = |rel: &Path| output_path_as(out, rel, format);
        let write = |dest: &Path, page: &Page| write_atomic(dest, &format.render(page)?);
        run_tree_with(&ctx, walk, (&record, resume), tick, &dest, &write)
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

impl Run<'_> {
    /// Processes the file at `rel`: an image through the OCR engine when the run has one
    /// (its kept output reused when `reuse` says so), any other file as
    /// [`process_file_pages`]. Returns the bytes read (the image's size for a scan) and
    /// the pages (several for a multi-page file or TIFF).
    fn pages(&self, rel: &Path, reuse: &dyn Fn(&Path, &Path) -> bool) -> (u64, Result<Vec<Page>>) {
        let Some((ocr, scan_pipeline)) = self.scans.filter(|_| crate::ocr::is_image(rel)) else {
            return process_file_pages(self.pipeline, self.root, rel);
        };
        let image = self.root.join(rel);
        let size = fs::metadata(&image).map_or(0, |m| m.len());
        let kept = ocr_output_path(self.out, rel, ocr.engine());
        let text = if reuse(&image, &kept) {
            read_file_limited(&kept, self.pipeline.options().max_page_bytes)
        } else {
            ocr.recognise(&image).and_then(|bytes| {
                write_atomic(&kept, &bytes)?;
                Ok(bytes)
            })
        };
        let source = rel.to_string_lossy().replace('\\', "/");
        (size, text.and_then(|bytes| scan_pipeline.process_pages(&source, &bytes).map_err(|e| e.with_path(&kept))))
    }
}

/// A file a folder run read: its bytes, and its pages or the error.
type Done = (u64, Result<Vec<Page>>);

/// The folder run: `dest` names a page's output file (the one `resume` compares),
/// `write` writes the page there; `record` is compared with and written to
/// `out/.banmian/run.json` ([`Record::prepare`]).
fn run_tree_with(
    run: &Run,
    walk: &Walk,
    (record, resume): (&Record, bool),
    tick: &(dyn Fn(u64) + Sync),
    dest: &(dyn Fn(&Path) -> PathBuf + Sync),
    write: &(dyn Fn(&Path, &Page) -> Result<()> + Sync),
) -> Summary {
    let (root, out) = (run.root, run.out);
    let start = Instant::now();
    remove_stale_temporaries(out);
    let mut summary = Summary::for_walk(walk);
    let since = match record.prepare(out, resume) {
        Ok(Resume::Keep { since }) => Some(since),
        Ok(Resume::RedoAll { reason }) => {
            summary.redone = reason;
            None
        }
        Err(e) => {
            summary.problems.push(Failure { source: out.display().to_string(), message: e.to_string() });
            None
        }
    };
    let kept = |input: &Path, dest: &Path| {
        since.is_some_and(|since| up_to_date(input, dest) && fs::metadata(dest).and_then(|m| m.modified()).is_ok_and(|t| t >= since))
    };
    let work = |rel: &PathBuf| {
        let file = dest(rel);
        // A file of several pages writes its first page last: when that is kept, all are.
        if kept(&root.join(rel), &file) || kept(&root.join(rel), &dest(&page_path(rel, 1))) {
            tick(0);
            return (rel.clone(), None);
        }
        let (bytes, result) = run.pages(rel, &kept);
        let result = result.and_then(|pages: Vec<Page>| {
            match pages.as_slice() {
                [page] => write(&file, page)?,
                _ => {
                    for (i, page) in pages.iter().enumerate().rev() {
                        write(&dest(&page_path(rel, i + 1)), page)?;
                    }
                }
            }
            Ok(pages)
        });
        tick(bytes);
        (rel.clone(), Some((bytes, result)))
    };
    let sink = |results: Vec<(PathBuf, Option<Done>)>| {
        for (rel, r) in results {
            match r {
                None => summary.up_to_date += 1,
                Some((bytes, Ok(pages))) => summary.count_pages(&pages, bytes),
                Some((_, Err(e))) => summary.fail(root.join(rel).display().to_string(), &e),
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
        let (bytes, r) = process_file_pages(pipeline, root, rel);
        tick(bytes);
        let lines = |pages: Vec<Page>| -> Result<(Vec<u8>, Vec<Page>)> {
            let mut all = Vec::new();
            for page in &pages {
                all.extend(format.line(page).unwrap_or_else(|| json::line(page))?);
            }
            Ok((all, pages))
        };
        (rel.clone(), bytes, r.and_then(lines))
    };
    ordered(&walk.pages, work, |results| {
        for (rel, bytes, r) in results {
            match r {
                Ok((line, pages)) => {
                    w.write_all(&line)?;
                    summary.count_pages(&pages, bytes);
                }
                Err(e) => summary.fail(root.join(rel).display().to_string(), &e),
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
