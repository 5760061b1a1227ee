//! What a new user hits in the first hour (issue 11): output permissions, `--resume`
//! after an option change, several inputs and shell globs, `-o DIR/`, size suffixes,
//! an unwritable output folder, `--summary-json` into a missing folder, `--punct keep`
//! bylines, `--version`, JSON Lines errors in plain words, the random-bytes message,
//! the summary's input bytes, the library's box constructors and messages. Each test
//! names the case it pins.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use banmian::read::boxes::{BoxPage, OcrBox, Unit};
use banmian::{ErrorKind, Options, Pipeline};
use serde_json::Value;

const SEED: &str = include_str!("../corpus/01_seed.md");
const BYLINES: &str = include_str!("../corpus/05_bylines.md");

fn banmian() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
}

fn run(args: &[&str]) -> Output {
    banmian().args(args).stdin(Stdio::null()).output().unwrap()
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    banmian().current_dir(dir).args(args).stdin(Stdio::null()).output().unwrap()
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = banmian().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // A usage error exits before reading stdin: a broken pipe then is no failure.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

/// A folder `pages/` of two pages.
fn pages(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("pages");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("01.md"), SEED).unwrap();
    fs::write(root.join("05.md"), BYLINES).unwrap();
    root
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Folder outputs, the summary and the run's record get the mode of a new file under
/// the umask (they were 0600 whatever the umask, the temporary file's mode).
#[cfg(unix)]
#[test]
fn outputs_get_the_mode_the_umask_gives() {
    let dir = tempfile::tempdir().unwrap();
    let root = pages(dir.path());
    for (umask, want) in [("022", 0o644), ("027", 0o640)] {
        let out = dir.path().join(format!("out{umask}"));
        let summary = dir.path().join(format!("summary{umask}.json"));
        let cmd = format!("umask {umask}; exec \"$0\" \"$1\" -o \"$2\" -q --summary-json \"$3\"",);
        let o = Command::new("sh")
            .args(["-c", &cmd, env!("CARGO_BIN_EXE_banmian"), root.to_str().unwrap(), out.to_str().unwrap(), summary.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        for f in [out.join("01.md.json"), out.join("05.md.json"), summary.clone(), out.join(".banmian/run.json")] {
            assert_eq!(mode(&f), want, "{} under umask {umask}", f.display());
        }
    }
}

/// `--resume` after `--convert s2t` was added redoes every page (it kept the
/// Simplified outputs, "2 up to date"), says so once, and records the new options.
#[test]
fn resume_redoes_every_page_when_the_options_differ() {
    let dir = tempfile::tempdir().unwrap();
    let root = pages(dir.path());
    let out = dir.path().join("out");
    let summary = dir.path().join("s.json");
    let (r, o, s) = (root.to_str().unwrap(), out.to_str().unwrap(), summary.to_str().unwrap());
    assert_eq!(run(&[r, "-o", o, "-q"]).status.code(), Some(0));
    let record = json(&out.join(".banmian/run.json"));
    assert_eq!(record["schema"], "banmian.run/1");
    assert_eq!(record["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(record["schemas"], serde_json::json!([banmian::SCHEMA, banmian::batch::ERROR_SCHEMA]));
    assert_eq!((record["convert"].clone(), record["input_format"].clone()), (Value::Null, Value::from("auto")));

    // The same options: both pages up to date, nothing said.
    let same = run(&[r, "-o", o, "--resume", "--summary-json", s]);
    assert_eq!(json(&summary)["up_to_date"], 2);
    assert!(!stderr(&same).contains("redone"), "{}", stderr(&same));

    let changed = run(&[r, "-o", o, "--resume", "--convert", "s2t", "--summary-json", s]);
    let err = stderr(&changed);
    assert_eq!(changed.status.code(), Some(0), "{err}");
    assert_eq!(err.matches("every page is redone").count(), 1, "{err}");
    assert!(err.contains(r#"convert: null → "s2t""#), "{err}");
    let sum = json(&summary);
    assert_eq!((sum["up_to_date"].as_u64(), sum["processed"].as_u64()), (Some(0), Some(2)), "{sum}");
    assert!(sum["redone"].as_str().unwrap().contains("convert"), "{sum}");
    let headline = json(&out.join("01.md.json"))["articles"][0]["headline"].as_str().unwrap().to_string();
    assert!(headline.starts_with("突出重點 嚴格管理"), "converted: {headline}");
    assert_eq!(json(&out.join(".banmian/run.json"))["convert"], "s2t");

    // And again with s2t: up to date.
    run(&[r, "-o", o, "--resume", "--convert", "s2t", "--summary-json", s]);
    assert_eq!(json(&summary)["up_to_date"], 2);
}

/// `banmian a/*.md b/*.md -o out`: each output is the input's path relative to the
/// inputs' longest common folder; the same folder's files sit at the top.
#[test]
fn several_inputs_are_named_by_their_longest_common_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("a")).unwrap();
    fs::create_dir_all(d.join("b/c")).unwrap();
    fs::write(d.join("a/x.md"), SEED).unwrap();
    fs::write(d.join("a/y.md"), BYLINES).unwrap();
    fs::write(d.join("b/c/z.md"), BYLINES).unwrap();

    let o = run_in(d, &["a/x.md", "a/y.md", "-o", "one", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&d.join("one/x.md.json"))["source"], "x.md");
    assert!(d.join("one/y.md.json").is_file());

    let o = run_in(d, &["a/x.md", "b", "-o", "two", "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&d.join("two/a/x.md.json"))["source"], "a/x.md");
    assert_eq!(json(&d.join("two/b/c/z.md.json"))["source"], "b/c/z.md");

    let o = run_in(d, &["a/y.md", "a/x.md", "--jsonl", "-q"]);
    let sources: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].as_str().unwrap().into())
        .collect();
    assert_eq!(sources, ["y.md", "x.md"], "in the order given");
}

/// Two inputs that map to one output, or several pages with nowhere to go, are usage
/// errors before any work.
#[test]
fn several_inputs_refuse_collisions_and_a_missing_output_before_work() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("a")).unwrap();
    fs::write(d.join("a/x.md"), SEED).unwrap();
    fs::write(d.join("a/y.md"), SEED).unwrap();
    let o = run_in(d, &["a/x.md", "a", "-o", "out"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("x.md.json"), "{}", stderr(&o));
    assert!(!d.join("out").exists(), "nothing was written");
    let o = run_in(d, &["a/x.md", "a/y.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--jsonl") && o.stdout.is_empty(), "{}", stderr(&o));
}

/// `-o DIR/` for one page writes `DIR/<name>.json` (it wrote a file named `DIR`, or
/// failed); so does an existing folder.
#[test]
fn one_page_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("p.md"), SEED).unwrap();
    let o = run_in(d, &["p.md", "-o", "new/"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&d.join("new/p.md.json"))["source"], "p.md");
    fs::create_dir(d.join("there")).unwrap();
    let o = run_in(d, &["p.md", "-o", "there", "--format", "text"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::read_to_string(d.join("there/p.md.txt")).unwrap().contains("本报讯"));
}

/// `--max-page-bytes 1K` is 1024 bytes, `64M` 64 MiB as `--help` writes it; a bare
/// number is bytes.
#[test]
fn size_suffixes_are_powers_of_1024() {
    let page = format!("{SEED}{}", "。".repeat(400));
    assert!(page.len() > 1024);
    for (arg, limit) in [("1K", 1024), ("1KiB", 1024), ("1k", 1024), ("1024", 1024)] {
        let o = run_with_stdin(&["--max-page-bytes", arg], page.as_bytes());
        assert_eq!(o.status.code(), Some(1), "{arg}");
        assert!(stderr(&o).contains(&format!("over the limit of {limit} bytes (see --max-page-bytes)")), "{arg}: {}", stderr(&o));
    }
    for arg in ["64M", "64MiB", "1G", "1GiB"] {
        assert_eq!(run_with_stdin(&["--max-page-bytes", arg], page.as_bytes()).status.code(), Some(0), "{arg}");
    }
    let o = run_with_stdin(&["--max-page-bytes", "5X"], page.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("KiB"), "{}", stderr(&o));
}

/// An output folder that cannot be made fails at once, with one message (it failed
/// once per page, after all the work).
#[test]
fn an_unwritable_output_folder_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = pages(dir.path());
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let out = file.join("out");
    let o = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("banmian: cannot write the output folder -o ") && err.contains("a-file"), "{err}");
}

/// `--summary-json` into a missing folder is an error before any work (it made the
/// folder).
#[test]
fn summary_json_into_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope/s.json");
    let o = run(&["corpus/01_seed.md", "--summary-json", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no folder") && o.stdout.is_empty(), "{}", stderr(&o));
    assert!(!dir.path().join("nope").exists());
}

#[test]
fn version_names_the_schema_versions() {
    let o = run(&["--version"]);
    let v = String::from_utf8(o.stdout).unwrap();
    assert!(v.starts_with(&format!("banmian {}", env!("CARGO_PKG_VERSION"))), "{v}");
    assert!(v.contains(banmian::SCHEMA) && v.contains(banmian::batch::ERROR_SCHEMA) && v.contains(banmian::issue::ISSUE_SCHEMA), "{v}");
}

/// JSON Lines input errors say what is wrong in plain words (they said "invalid type:
/// integer `5`, expected a string at line 1 column 16").
#[test]
fn json_lines_errors_are_plain_words() {
    let input = "{\"id\": 1}\n{\"id\": 1, \"text\": 5}\n[1, 2]\n{\"id\": 1, \"text\": \"a\",\n{\"id\": null, \"text\": \"a\"}\n";
    let o = run_with_stdin(&["--input-jsonl", "-q"], input.as_bytes());
    let errors: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["error"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        errors,
        [
            r#"stdin, line 1: bad JSON Lines input line: no "text" in the object; each line is {"id": ..., "text": ...}"#,
            r#"stdin, line 2: bad JSON Lines input line: "text" must be a string, not a number (5)"#,
            r#"stdin, line 3: bad JSON Lines input line: the line is an array, not an object {"id": ..., "text": ...}"#,
            r#"stdin, line 4, byte 21: bad JSON Lines input line: the line ends before the JSON does; each line is one object {"id": ..., "text": ...}"#,
            r#"stdin, line 5: bad JSON Lines input line: "id" must be a string or a number, not null"#,
        ]
    );
    for e in &errors {
        assert!(!e.contains('`') && !e.contains("expected") && !e.contains("column"), "{e}");
    }
}

/// Random bytes: the encodings are named once (they were named twice, one list
/// lacking Big5).
#[test]
fn random_bytes_name_the_encodings_once() {
    let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let o = run_with_stdin(&[], &noise);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(err.matches("GB18030").count(), 1, "{err}");
    assert!(err.contains("Big5"), "{err}");
}

/// In an `--input-jsonl` run the summary's `bytes` are the input's (they were the
/// output's, which overstated MB/s).
#[test]
fn jsonl_summary_counts_input_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.json");
    let line = |id: u32, text: &str| serde_json::json!({"id": id, "text": text}).to_string() + "\n";
    let input = line(1, SEED) + &line(2, BYLINES);
    let o = run_with_stdin(&["--input-jsonl", "--summary-json", s.to_str().unwrap()], input.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.len() > input.len(), "the output is the larger");
    assert_eq!(json(&s)["bytes"].as_u64(), Some(input.len() as u64));
}

/// `OcrBox::new` with no points is an error (it gave a box of infinite extent and
/// absurd `bbox` values); `BoxPage::new` computes the page size.
#[test]
fn library_boxes_are_checked_and_sized() {
    let e = OcrBox::new(3, "会议", vec![]).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::InvalidBox(_)), "{e}");
    assert_eq!(e.to_string(), "not a usable OCR box: box 3 has no points");
    assert!(OcrBox::new(0, "x", vec![[f64::NAN, 1.0]]).is_err());
    let b = |i: usize, t: &str, y: f64| OcrBox::new(i, t, vec![[100.0, y], [900.0, y], [900.0, y + 40.0], [100.0, y + 40.0]]).unwrap();
    let page = BoxPage::new(vec![b(0, "会议举行", 100.0), b(1, "本报讯 会议今天举行。", 200.0)], Unit::Px);
    assert_eq!((page.width, page.height), (900.0, 240.0));
    let out = Pipeline::new(Options::default()).unwrap().process_boxes("p.json", &page);
    assert_eq!((out.page.width, out.page.height, out.page.unit.as_deref()), (Some(900), Some(240), Some("px")));
    assert_eq!(out.articles[0].provenance.bbox, Some([100, 100, 900, 240]));
}

/// An error from `process_bytes`, which knows no path, prints no `<input>:`, and names
/// the limit as the library's option, not as a command-line flag.
#[test]
fn library_errors_name_no_placeholder_and_no_flag() {
    let p = Pipeline::new(Options::default().max_page_bytes(10)).unwrap();
    let e = p.process_bytes("p.md", SEED.as_bytes()).unwrap_err();
    assert_eq!(e.to_string(), format!("page is {} bytes, over the limit of 10 bytes (max_page_bytes)", SEED.len()));
    let mut out = Vec::new();
    // A line longer than twice the limit plus 64 KiB.
    let line = serde_json::json!({"id": 1, "text": "x".repeat(70_000)}).to_string();
    banmian::batch::run_stream(&p, &mut line.as_bytes(), &mut out, "stdin").unwrap();
    let err: Value = serde_json::from_slice(&out).unwrap();
    assert!(err["error"].as_str().unwrap().contains("twice max_page_bytes"), "{err}");
    assert!(!err["error"].as_str().unwrap().contains("--"), "{err}");
}

/// The README's folder examples show the names banmian really writes: the main job's
/// `out/01_seed.md.json`, a tree's `out/2021/01.txt.json` and `.md`, a glob's
/// `out/01.txt.json`, and `--version`'s line.
#[test]
fn readme_examples_name_real_outputs() {
    let readme = fs::read_to_string("README.md").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = d.join("out");
    assert_eq!(run(&["corpus", "-o", out.to_str().unwrap(), "-q"]).status.code(), Some(0));
    assert!(readme.lines().nth(3).unwrap().contains("out/01_seed.md.json") && out.join("01_seed.md.json").is_file());

    fs::create_dir_all(d.join("archive/2021")).unwrap();
    fs::write(d.join("archive/2021/01.txt"), SEED).unwrap();
    run_in(d, &["archive/", "-o", "tree/", "-q"]);
    run_in(d, &["archive/", "-o", "md/", "--format", "markdown", "-q"]);
    let glob = run_in(d, &["archive/2021/01.txt", "archive/", "-o", "glob/", "-q"]);
    assert_eq!(glob.status.code(), Some(2), "the same page twice");
    fs::write(d.join("archive/2021/02.txt"), BYLINES).unwrap();
    run_in(d, &["archive/2021/01.txt", "archive/2021/02.txt", "-o", "glob/", "-q"]);
    for (claim, file) in [
        ("archive/2021/01.txt → out/2021/01.txt.json", "tree/2021/01.txt.json"),
        ("archive/2021/01.txt → out/2021/01.txt.md", "md/2021/01.txt.md"),
        ("(out/01.txt.json)", "glob/01.txt.json"),
    ] {
        assert!(readme.contains(claim), "{claim}");
        assert!(d.join(file).is_file(), "{file}");
    }
    let version = String::from_utf8(run(&["--version"]).stdout).unwrap();
    assert!(readme.contains(&format!("banmian --version                          # {}", version.trim())), "{version}");
}

/// New-user trial (2026-11-30): `--resume` with `--jsonl` or with one page was ignored
/// without a word.
#[test]
fn resume_outside_a_folder_run_says_it_does_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.txt");
    fs::write(&page, SEED).unwrap();
    let out = dir.path().join("p.json");
    for extra in [&[][..], &["--jsonl"][..]] {
        let mut a = vec![page.to_str().unwrap(), "--resume", "-o", out.to_str().unwrap()];
        a.extend_from_slice(extra);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("--resume applies to a folder run written to -o DIR"), "{extra:?}: {err}");
    }
}
