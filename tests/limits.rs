//! The page size limit (`Options::max_page_bytes`, `--max-page-bytes`): a page over it
//! is refused with an error naming the file and both sizes, without being held in
//! memory, and a batch goes on with the other pages (exit status 1 at the end).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use banmian::batch::{self, Summary};
use banmian::{ErrorKind, Options, Pipeline};

const PAGE: &str = "## 市十五届人大常委会第三十六次会议举行\n\n本报讯（记者 尹明）12日，会议举行。\n";

fn limited(limit: u64) -> Pipeline {
    Pipeline::new(Options::default().max_page_bytes(limit)).expect("pipeline")
}

fn too_large(e: &banmian::Error) -> Option<(u64, u64)> {
    match e.kind() {
        ErrorKind::TooLarge { size, limit } => Some((*size, *limit)),
        _ => None,
    }
}

#[test]
fn process_bytes_refuses_a_page_over_the_limit_and_takes_one_at_it() {
    let n = PAGE.len() as u64;
    let err = limited(n - 1).process_bytes("p.md", PAGE.as_bytes()).expect_err("one byte over");
    assert_eq!(too_large(&err), Some((n, n - 1)));
    assert_eq!(err.to_string(), format!("page is {n} bytes, over the limit of {} bytes (max_page_bytes)", n - 1));
    assert_eq!(
        err.with_path("a/p.md").to_string(),
        format!("a/p.md: page is {n} bytes, over the limit of {} bytes (max_page_bytes)", n - 1)
    );
    let page = limited(n).process_bytes("p.md", PAGE.as_bytes()).expect("exactly at the limit");
    assert_eq!(page.articles[0].headline.as_deref(), Some("市十五届人大常委会第三十六次会议举行"));
}

#[test]
fn process_checked_applies_the_limit_that_process_does_not() {
    let n = PAGE.len() as u64;
    let p = limited(10);
    assert_eq!(too_large(&p.process_checked("p.md", PAGE).expect_err("over")), Some((n, 10)));
    assert_eq!(p.process("p.md", PAGE), limited(n).process_checked("p.md", PAGE).expect("at the limit"));
}

fn lines_limited(limit: u64) -> Pipeline {
    Pipeline::new(Options::default().max_page_lines(limit)).expect("pipeline")
}

#[test]
fn a_page_over_the_line_limit_is_refused_and_one_at_it_is_not() {
    // PAGE has 3 lines (a blank one between); CR and CRLF end lines as LF does.
    let err = lines_limited(2).process_bytes("p.md", PAGE.as_bytes()).expect_err("3 lines over 2");
    assert!(matches!(err.kind(), ErrorKind::TooManyLines { lines: 3, limit: 2 }), "{err}");
    assert_eq!(err.to_string(), "page has 3 lines, over the limit of 2 lines (max_page_lines)");
    assert!(lines_limited(3).process_bytes("p.md", PAGE.as_bytes()).is_ok());
    let crlf = "a\r\nb\rc\n\n";
    assert!(matches!(
        lines_limited(3).process_checked("p.md", crlf).expect_err("4 lines").kind(),
        ErrorKind::TooManyLines { lines: 4, limit: 3 }
    ));
    assert!(lines_limited(4).process_checked("p.md", crlf).is_ok());
    // UTF-16: lines are counted in the decoded text.
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(PAGE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert!(matches!(
        lines_limited(2).process_bytes("p.md", &utf16).expect_err("3 lines").kind(),
        ErrorKind::TooManyLines { lines: 3, limit: 2 }
    ));
}

#[test]
fn read_limited_reports_the_real_size_without_keeping_the_page() {
    let data = vec![b'x'; 10_000];
    let err = batch::read_limited(&mut &data[..], 100).expect_err("over");
    assert_eq!(too_large(&err), Some((10_000, 100)));
    assert_eq!(batch::read_limited(&mut &data[..], 10_000).expect("at the limit").len(), 10_000);
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_size_with_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "本".repeat(1000)).expect("write");
    let err = batch::read_file_limited(&path, 2999).expect_err("3000 bytes");
    assert_eq!(too_large(&err), Some((3000, 2999)));
    assert_eq!(err.position().path.as_deref(), Some(path.as_path()));
}

fn jsonl(texts: &[&str]) -> Vec<u8> {
    let mut v = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        serde_json::to_writer(&mut v, &serde_json::json!({"id": i, "text": t})).expect("json");
        v.push(b'\n');
    }
    v
}

#[test]
fn a_stream_refuses_an_oversized_line_or_page_and_goes_on() {
    let limit = PAGE.len() as u64;
    let big = PAGE.repeat(2);
    // Line 2 holds a page over the limit; line 3 is longer than any line may be.
    let huge = "中".repeat(30_000);
    let input = jsonl(&[PAGE, &big, &huge, PAGE]);
    let mut out = Vec::new();
    let summary: Summary = batch::run_stream(&limited(limit), &mut &input[..], &mut out, "stdin").expect("run");
    assert_eq!((summary.pages, summary.processed, summary.failed), (4, 2, 2));
    assert_eq!(summary.failures[0].source, "stdin:2");
    assert_eq!(
        summary.failures[0].message,
        format!("stdin, line 2: page is {} bytes, over the limit of {limit} bytes (max_page_bytes)", big.len())
    );
    assert_eq!(summary.failures[1].source, "stdin:3");
    let line3 = huge.len() + r#"{"id":2,"text":""}"#.len() + 1;
    assert_eq!(batch::max_line_bytes(limit), 2 * limit + 65536);
    assert_eq!(
        summary.failures[1].message,
        format!(
            "stdin, line 3: bad JSON Lines input line: line is {line3} bytes, over the limit of {} bytes (twice max_page_bytes, plus 64 KiB)",
            batch::max_line_bytes(limit)
        )
    );
    // Output line N answers input line N: a page, or an error line in its place.
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out).expect("utf-8").lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    let shape: Vec<(String, String)> = lines.iter().map(|v| (v["schema"].to_string(), v["source"].to_string())).collect();
    assert_eq!(
        shape,
        [
            ("\"banmian.page/1\"".to_string(), "\"0\"".to_string()),
            ("\"banmian.error/1\"".to_string(), "\"stdin:2\"".to_string()),
            ("\"banmian.error/1\"".to_string(), "\"stdin:3\"".to_string()),
            ("\"banmian.page/1\"".to_string(), "\"3\"".to_string()),
        ]
    );
    assert_eq!(lines[1]["error"], summary.failures[0].message.as_str());
}

#[test]
fn a_tree_refuses_the_big_page_and_writes_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (root, out) = (dir.path().join("in"), dir.path().join("out"));
    std::fs::create_dir(&root).expect("mkdir");
    std::fs::write(root.join("big.txt"), PAGE.repeat(3)).expect("write");
    std::fs::write(root.join("small.txt"), PAGE).expect("write");
    let walk = batch::walk(&root, false, None);
    let summary = batch::run_tree(&limited(PAGE.len() as u64), &root, &walk, &out, false, &|_| {});
    assert_eq!((summary.processed, summary.failed), (1, 1));
    assert!(summary.failures[0].message.starts_with(&format!("{}: page is {} bytes", root.join("big.txt").display(), 3 * PAGE.len())));
    assert!(out.join("small.txt.json").is_file());
    assert!(!out.join("big.txt.json").exists());
}

fn banmian(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run banmian");
    child.stdin.take().expect("stdin").write_all(stdin).expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn cli_refuses_a_page_file_over_the_limit_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, PAGE).expect("write");
    let p = path.to_str().expect("utf-8 path");
    let o = banmian(&[p, "--max-page-bytes", "100"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert_eq!(stderr(&o), format!("banmian: {p}: page is {} bytes, over the limit of 100 bytes (see --max-page-bytes)\n", PAGE.len()));
    let o = banmian(&[p, "--max-page-bytes", &PAGE.len().to_string()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn cli_refuses_stdin_over_the_limit() {
    let o = banmian(&["--max-page-bytes", "100"], PAGE.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), format!("banmian: -: page is {} bytes, over the limit of 100 bytes (see --max-page-bytes)\n", PAGE.len()));
}

#[test]
fn cli_batch_goes_on_past_a_page_over_the_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (root, out) = (dir.path().join("in"), dir.path().join("out"));
    std::fs::create_dir(&root).expect("mkdir");
    std::fs::write(root.join("a.txt"), PAGE).expect("write");
    std::fs::write(root.join("b.txt"), PAGE.repeat(10)).expect("write");
    std::fs::write(root.join("c.txt"), PAGE).expect("write");
    let limit = (PAGE.len() * 2).to_string();
    let o = banmian(&[root.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8"), "--max-page-bytes", &limit, "-j", "2"], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "banmian: {}: page is {} bytes, over the limit of {limit} bytes",
            root.join("b.txt").display(),
            PAGE.len() * 10
        )),
        "{err}"
    );
    assert!(err.contains("3 pages: 2 processed, 0 up to date, 1 failed"), "{err}");
    assert!(Path::new(&out.join("a.txt.json")).is_file() && out.join("c.txt.json").is_file());
    assert!(!out.join("b.txt.json").exists());
}

#[test]
fn cli_stream_goes_on_past_a_line_over_the_limit() {
    let input = jsonl(&[PAGE, &PAGE.repeat(3), PAGE]);
    let o = banmian(&["--input-jsonl", "--max-page-bytes", &PAGE.len().to_string(), "--quiet"], &input);
    assert_eq!(o.status.code(), Some(1));
    let schemas: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["schema"].to_string())
        .collect();
    assert_eq!(schemas, ["\"banmian.page/1\"", "\"banmian.error/1\"", "\"banmian.page/1\""]);
    assert_eq!(
        stderr(&o),
        format!(
            "banmian: stdin, line 2: page is {} bytes, over the limit of {} bytes (see --max-page-bytes)\n",
            3 * PAGE.len(),
            PAGE.len()
        )
    );
}

#[test]
fn cli_refuses_a_page_over_the_line_limit_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tall.txt");
    std::fs::write(&path, "中\n".repeat(1000)).expect("write");
    let p = path.to_str().expect("utf-8 path");
    let o = banmian(&[p, "--max-page-lines", "999"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), format!("banmian: {p}: page has 1000 lines, over the limit of 999 lines (see --max-page-lines)\n"));
    assert_eq!(banmian(&[p, "--max-page-lines", "1000"], b"").status.code(), Some(0));
}
