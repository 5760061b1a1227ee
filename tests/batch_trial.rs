//! What the new-user trial of 2026-11-30 and review found in folder runs (issue 15, "take
//! a folder of scans end to end"), each pinned by the command that showed it: `--resume`
//! trusting file times, `--split` leaving another format's files (and removing files it
//! did not write), a folder of hidden entries giving no hint, the summary after
//! `--resume`, I/O errors that do not say which side failed, size flags, "1 lines", and
//! the temporary files of a killed run.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

use serde_json::Value;

const SEED: &str = include_str!("../corpus/01_seed.md");
const BYLINES: &str = include_str!("../corpus/05_bylines.md");
const JUMPS: &str = include_str!("../corpus/04_jumps.md");

fn banmian() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
}

fn run(args: &[&str]) -> Output {
    banmian().args(args).stdin(Stdio::null()).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

/// Sets a file's modification time to `t`.
fn set_mtime(path: &Path, t: SystemTime) {
    fs::File::options().write(true).open(path).unwrap().set_modified(t).unwrap();
}

/// A folder `pages/` of two pages; returns it and the output folder beside it.
fn pages(dir: &Path) -> (PathBuf, PathBuf) {
    let root = dir.join("pages");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("01.md"), SEED).unwrap();
    fs::write(root.join("05.md"), BYLINES).unwrap();
    (root, dir.join("out"))
}

/// A page given a new text but an old time (a file copied with its time kept, a clock
/// put right) is redone by `--resume`: it kept the old output, as its time said the
/// output was newer.
#[test]
fn resume_redoes_a_changed_page_whose_time_is_older() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out) = pages(dir.path());
    let s = dir.path().join("s.json");
    let args = [root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--resume", "-q", "--summary-json", s.to_str().unwrap()];
    assert_eq!(run(&args).status.code(), Some(0));
    fs::write(root.join("05.md"), JUMPS).unwrap();
    set_mtime(&root.join("05.md"), SystemTime::UNIX_EPOCH + Duration::from_secs(946_684_800));
    assert_eq!(run(&args).status.code(), Some(0));
    let summary = json(&s);
    assert_eq!((summary["processed"].as_u64(), summary["up_to_date"].as_u64()), (Some(1), Some(1)), "{summary}");
    let fresh = banmian().arg(root.join("05.md")).output().unwrap().stdout;
    assert_eq!(fs::read(out.join("05.md.json")).unwrap(), fresh, "the output is the changed page's");
}

/// An output put back from a backup (an older run's, with a new time) is not what this
/// page gives: `--resume` redoes it rather than keep it because it is newer.
#[test]
fn resume_redoes_an_output_restored_from_an_older_run() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out) = pages(dir.path());
    let args = [root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--resume", "-q"];
    assert_eq!(run(&args).status.code(), Some(0));
    let old = fs::read(out.join("01.md.json")).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    fs::write(root.join("01.md"), JUMPS).unwrap();
    assert_eq!(run(&args).status.code(), Some(0));
    let new = fs::read(out.join("01.md.json")).unwrap();
    assert_ne!(old, new);
    // The backup is put back: newer than the page and than the run's record.
    std::thread::sleep(Duration::from_millis(20));
    fs::write(out.join("01.md.json"), &old).unwrap();
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--resume"]);
    assert!(stderr(&o).contains("2 pages: 1 processed, 1 up to date"), "{}", stderr(&o));
    assert_eq!(fs::read(out.join("01.md.json")).unwrap(), new);
    // Unchanged input and output: kept, and the summary counts the kept page's articles.
    let s = dir.path().join("s.json");
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--resume", "--summary-json", s.to_str().unwrap()]);
    let summary = json(&s);
    assert_eq!((summary["processed"].as_u64(), summary["up_to_date"].as_u64()), (Some(0), Some(2)));
    let articles: u64 = ["01.md.json", "05.md.json"].iter().map(|f| json(&out.join(f))["articles"].as_array().unwrap().len() as u64).sum();
    assert_eq!((summary["articles"].as_u64(), summary["up_to_date_articles"].as_u64()), (Some(0), Some(articles)), "{summary}");
    assert!(stderr(&o).contains(&format!("(up to date: {articles} articles, ")), "{}", stderr(&o));
}

/// `--split articles` after a `--format` change removes the files of the other format
/// it wrote; a file of the folder banmian did not write (named like an article file) is
/// never removed, whatever the run.
#[test]
fn split_removes_only_what_it_wrote_whatever_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("04.md"), JUMPS).unwrap();
    let out = dir.path().join("out");
    let split = |format: &str| {
        let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--split", "articles", "--format", format, "-q"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    };
    let folder = out.join("04.md");
    let names = || -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        v.sort();
        v.retain(|n| !n.starts_with('.'));
        v
    };
    split("markdown");
    let md = names();
    assert!(md.len() > 2 && md.iter().all(|n| n.ends_with(".md")), "{md:?}");
    // Files the user keeps there, named as banmian names its files.
    fs::write(folder.join("99-mine.md"), "mine").unwrap();
    fs::write(folder.join("98-mine.txt"), "mine").unwrap();
    split("markdown");
    assert!(folder.join("99-mine.md").exists(), "a file banmian did not write is kept");
    split("text");
    let text = names();
    assert!(text.iter().all(|n| n.ends_with(".txt") || n == "99-mine.md"), "no markdown file banmian wrote is left: {text:?}");
    assert!(text.contains(&"99-mine.md".to_string()) && text.contains(&"98-mine.txt".to_string()), "{text:?}");
    assert_eq!(text.len(), md.len() + 2, "{text:?}");
}

/// A folder whose only entries are hidden says that none was read, and how to read them.
#[test]
fn a_folder_of_hidden_entries_says_how_to_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir_all(root.join(".drafts")).unwrap();
    fs::write(root.join(".01.md"), SEED).unwrap();
    fs::write(root.join(".drafts/02.md"), SEED).unwrap();
    let out = dir.path().join("out");
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("no page found: 2 hidden files and folders (names starting with a dot) were not read; --hidden reads them"),
        "{err}"
    );
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--hidden"]);
    assert!(stderr(&o).contains("2 pages: 2 processed"), "{}", stderr(&o));
}

/// Every I/O error of a run names its path and whether banmian could not read an input
/// or could not write an output; a broken link says so.
#[cfg(unix)]
#[test]
fn io_errors_name_the_path_and_its_side() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir_all(root.join("2021")).unwrap();
    fs::write(root.join("2021/01.md"), SEED).unwrap();
    std::os::unix::fs::symlink("/nonexistent/02.md", root.join("02.md")).unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    // A file where the page's output folder must go.
    fs::write(out.join("2021"), "in the way").unwrap();
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}: cannot write the output: ", out.join("2021/01.md.json").display())), "{err}");
    assert!(
        err.contains(&format!("{}: cannot read the input (a broken link to /nonexistent/02.md): ", root.join("02.md").display())),
        "{err}"
    );
    // One page to an output file that cannot be created.
    let o = run(&[root.join("2021/01.md").to_str().unwrap(), "-o", out.join("2021/x.json").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("{}: cannot write the output: ", out.join("2021/x.json").display())), "{}", stderr(&o));
}

/// `--max-page-bytes` takes the units a user types: `10MB` (10^6), `10M`, `10MiB`
/// (2^20), `512k`; 0 would refuse every page and is a usage error that says so.
/// `--max-page-lines 0` likewise.
#[test]
fn size_flags_take_the_units_a_user_types_and_refuse_zero() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.md");
    let text = format!("{SEED}{}", "。".repeat(400));
    fs::write(&page, &text).unwrap();
    assert!(text.len() > 1000 && text.len() < 512 * 1024);
    let p = page.to_str().unwrap();
    for (arg, limit) in [("1KB", 1000), ("1kb", 1000), ("1 KB", 1000), ("1K", 1024)] {
        let o = run(&[p, "--max-page-bytes", arg]);
        assert_eq!(o.status.code(), Some(1), "{arg}: {}", stderr(&o));
        assert!(stderr(&o).contains(&format!("over the limit of {limit} bytes")), "{arg}: {}", stderr(&o));
    }
    for arg in ["10MB", "10M", "10MiB", "512k", "1GB"] {
        assert_eq!(run(&[p, "--max-page-bytes", arg]).status.code(), Some(0), "{arg}");
    }
    for (flag, arg) in [("--max-page-bytes", "0"), ("--max-page-bytes", "0MB"), ("--max-page-lines", "0")] {
        let o = run(&[p, flag, arg]);
        assert_eq!(o.status.code(), Some(2), "{flag} {arg}");
        assert!(stderr(&o).contains("would refuse every page"), "{flag} {arg}: {}", stderr(&o));
    }
}

/// Counts agree with their nouns: "1 page", "1 article", "over the limit of 1 line",
/// never "1 lines".
#[test]
fn one_is_singular() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("01.md"), "## 会议举行\n\n本报讯 会议举行。\n").unwrap();
    fs::write(root.join("notes.doc"), "x").unwrap();
    let o = run(&[root.to_str().unwrap(), "-o", dir.path().join("out").to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("1 page: 1 processed, 0 up to date, 0 failed; 1 article, 0 removed, 0 warnings; 1 other file skipped;"), "{err}");
    let o = run(&[root.join("01.md").to_str().unwrap(), "--max-page-lines", "1"]);
    assert!(stderr(&o).contains("over the limit of 1 line (see --max-page-lines)"), "{}", stderr(&o));
}

/// The temporary files a killed run left (`.banmian-XXXXXX.tmp`) are removed by the
/// next run in that folder, which says so; a file only named like one is kept.
#[test]
fn a_later_run_removes_its_own_stale_temporaries_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out) = pages(dir.path());
    assert_eq!(run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "-q"]).status.code(), Some(0));
    fs::write(out.join(".banmian-a1B2c3.tmp"), "half a page").unwrap();
    fs::write(out.join(".banmian-notes.tmp"), "a user's notes").unwrap();
    let s = dir.path().join("s.json");
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--summary-json", s.to_str().unwrap()]);
    assert!(!out.join(".banmian-a1B2c3.tmp").exists());
    assert!(out.join(".banmian-notes.tmp").exists());
    assert!(stderr(&o).contains("; 1 temporary file (.banmian-*.tmp) a killed run left removed;"), "{}", stderr(&o));
    assert_eq!(json(&s)["temporaries_removed"], 1);
}

/// A `.json` file of the folder that is no page is read once, by the run, and skipped
/// with the reason, as the walk skipped it when it read every such file itself.
#[test]
fn a_json_file_that_is_no_page_is_skipped_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out) = pages(dir.path());
    fs::write(root.join("02.json"), r#"{"title": "not a page"}"#).unwrap();
    fs::copy("evaluation/set/rapidocr/h024.json", root.join("03.json")).unwrap();
    let s = dir.path().join("s.json");
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--summary-json", s.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let summary = json(&s);
    assert_eq!((summary["pages"].as_u64(), summary["processed"].as_u64(), summary["skipped_files"].as_u64()), (Some(3), Some(3), Some(1)));
    assert_eq!(summary["skipped"][0]["source"], "02.json");
    assert!(summary["skipped"][0]["reason"].as_str().unwrap().starts_with("JSON ("), "{summary}");
    assert!(out.join("03.json.json").is_file() && !out.join("02.json.json").exists());
    // The same under --jsonl.
    let o = run(&[root.to_str().unwrap(), "--jsonl", "--summary-json", s.to_str().unwrap()]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 3);
    assert_eq!(json(&s)["skipped"][0]["source"], "02.json");
}
