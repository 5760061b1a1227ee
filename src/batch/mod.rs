//! Many pages: a directory tree to an output tree, and JSON Lines streams.
//!
//! This module owns running the pipeline over many pages without ever losing one:
//! walking an input tree ([`walk`]: recursive, sorted, deterministic; the pages are
//! the files the table of input formats, [`crate::read::FORMATS`], takes; other files
//! skipped and counted; hidden files skipped unless asked; symlink loops and
//! unreadable folders reported, not fatal), writing each page atomically
//! ([`write_atomic`]) to `OUT/<relative path>.<extension of the output format>`,
//! output paths that cannot leave `OUT`, the run's record `OUT/.banmian/run.json` and
//! `--resume` (with a matching record, a file whose input and outputs are unchanged
//! since the run that wrote them, by size and CRC-32 logged in
//! `OUT/.banmian/pages.jsonl`, is skipped; see [`Record`] and [`Pages`]; file times
//! are not trusted), each file read once (see [`walk_lazy`]), pages in parallel on rayon by one ordered driver with
//! a bounded window of pages in flight and no barrier between batches (memory is
//! bounded by the pages in flight, and JSON Lines output keeps input order), and the
//! run's [`Summary`]. One bad page is reported in the summary and
//! never stops the batch.

mod atomic;
mod record;
mod run;
mod side;
mod stream;
mod summary;
mod walk;

pub use atomic::{remove_stale_temporaries, writable_folder, write_atomic};
pub use record::{Done, Identity, PAGES_PATH, Pages, RECORD_PATH, RECORD_SCHEMA, Record, Resume};
pub use run::{
    SPLIT_RECORD, ocr_output_path, output_path, output_path_as, page_path, process_file, process_file_pages, read_file_limited,
    read_limited, run_tree, run_tree_as, run_tree_jsonl, run_tree_jsonl_as, run_tree_ocr, run_tree_split, split_dir, write_split,
};
pub use side::{input as input_error, output as output_error};
pub use stream::{ERROR_SCHEMA, ErrorLine, InputLine, max_line_bytes, parse_input_line, run_stream, run_stream_as};
pub use summary::{Failure, SkippedFile, Summary, count};
pub use walk::{Skipped, Walk, is_page, recognise, walk, walk_format, walk_lazy};

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn output_paths_stay_inside_out() {
        let out = Path::new("/out");
        assert_eq!(output_path(out, Path::new("2021/01.txt")), Path::new("/out/2021/01.txt.json"));
        assert_eq!(output_path(out, Path::new("../../etc/passwd")), Path::new("/out/etc/passwd.json"));
        assert_eq!(output_path(out, Path::new("/abs/p.md")), Path::new("/out/abs/p.md.json"));
        assert_eq!(output_path(out, Path::new("..odd.txt")), Path::new("/out/..odd.txt.json"));
        assert_eq!(output_path(out, Path::new("..")), Path::new("/out/page.json"));
    }

    #[test]
    fn input_lines() {
        assert_eq!(parse_input_line(r#"{"id": 7, "text": "本报讯"}"#).unwrap(), ("7".into(), "本报讯".into()));
        assert_eq!(parse_input_line(r#"{"id":"a/b","text":""}"#).unwrap().0, "a/b");
        assert!(parse_input_line(r#"{"id": null, "text": "x"}"#).is_err());
        assert!(parse_input_line("not json").is_err());
    }
}
