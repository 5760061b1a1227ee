//! The command line as the contract describes it: one page from a file or stdin to
//! stdout, a folder to `-o OUT`, `--jsonl`, `--input-jsonl`, `--punct keep`, errors
//! and exit statuses. Each test names the case it pins.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn banmian() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = banmian().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

const PAGE: &str = "## 市十五届人大常委会第三十六次会议举行\n\n孙喆作关于提请审议副市长等任免议案的说明 赵铭主持会议\n\n本报讯(记者 尹明)12日,市十五届人大常委会第三十六次会议举行。(下转第五版)\n";

#[test]
fn file_argument_writes_one_page_object_to_stdout() {
    let out = banmian().arg("corpus/01_seed.md").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page["schema"], "banmian.page/1");
    assert_eq!(page["source"], "01_seed.md");
    assert_eq!(page["articles"].as_array().unwrap().len(), 7);
    assert_eq!(page["articles"][6]["jumps"][0]["text"], "下转第五版");
}

#[test]
fn stdin_is_read_with_no_argument_and_with_dash() {
    for args in [&[][..], &["-"][..]] {
        let out = run_with_stdin(args, PAGE.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let page: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(page["source"], "-");
        let a = &page["articles"][0];
        assert_eq!(a["byline"], "本报讯（记者 尹明）");
        assert_eq!(a["subheadline"], "孙喆作关于提请审议副市长等任免议案的说明 赵铭主持会议");
        assert_eq!(a["text"], "12日，市十五届人大常委会第三十六次会议举行。");
        assert_eq!(a["jumps"][0]["page"], 5);
        assert_eq!(a["lines"], serde_json::json!([1, 5]));
    }
}

#[test]
fn punct_keep_leaves_half_width_marks() {
    let out = run_with_stdin(&["--punct", "keep"], PAGE.as_bytes());
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page["articles"][0]["text"], "12日,市十五届人大常委会第三十六次会议举行。");
    // The byline too is as printed (half-width brackets), its reading unchanged.
    assert_eq!(page["articles"][0]["byline"], "本报讯(记者 尹明)");
    assert_eq!(page["articles"][0]["authors"][0]["name"], "尹明");
}

#[test]
fn jsonl_output_is_one_line_per_page_in_input_order() {
    let out = banmian().args(["corpus", "--jsonl", "-j", "2", "--quiet"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let sources: Vec<String> =
        text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].as_str().unwrap().to_string()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert_eq!(sources.len(), std::fs::read_dir("corpus").unwrap().count());
}

#[test]
fn input_jsonl_keeps_order_and_reports_a_bad_line_by_number() {
    let input = format!(
        "{}\nthis is not json\n{}\n\n{}\n",
        serde_json::json!({"id": "p1", "text": PAGE}),
        serde_json::json!({"id": 2, "text": "## 标题\n\n正文一段。"}),
        serde_json::json!({"id": "p3", "text": ""}),
    );
    let out = run_with_stdin(&["--input-jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a bad line makes the run exit 1");
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = lines.iter().map(|p| p["source"].as_str().unwrap()).collect();
    assert_eq!(ids, ["p1", "stdin:2", "2", "p3"], "an error line keeps the output aligned with the input");
    assert_eq!(lines[1]["schema"], "banmian.error/1");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["articles"][0]["headline"], "标题");
    assert_eq!(lines[3]["warnings"][0]["kind"], "empty_page");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("stdin, line 2"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let out = banmian().args(["--punct", "sometimes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = banmian().args(["--convert", "x2y", "corpus/01_seed.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown configuration"));
    let out = banmian().arg("corpus").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a folder needs -o or --jsonl");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let out = banmian().args(["corpus", "-o", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "-o must be a folder for a folder input");
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a folder"));
    for j in ["0", "100000"] {
        let out = banmian().args(["-j", j, "corpus/01_seed.md"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "-j {j}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("-j takes 1 to 1024 threads"));
    }
}

#[test]
fn missing_input_and_unwritable_output_are_errors_naming_the_file() {
    let out = banmian().arg("no/such/page.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/page.txt"));
    let out = banmian().args(["corpus/01_seed.md", "-o", "/nonexistent/dir/x.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dir/x.json"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn summary_json_is_written_for_one_page_too() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.json");
    let out = banmian().args(["corpus/01_seed.md", "--summary-json", s.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&std::fs::read(&s).unwrap()).unwrap();
    assert_eq!((v["pages"].as_u64(), v["processed"].as_u64(), v["articles"].as_u64()), (Some(1), Some(1), Some(7)));
    assert!(out.stderr.is_empty(), "one page prints no summary line");
}

#[test]
fn undecodable_file_is_an_error_naming_the_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("noise.txt");
    let bytes: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&p, bytes).unwrap();
    let out = banmian().arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("noise.txt") && err.contains("byte "), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn closed_stdout_ends_quietly() {
    // Far more output than a pipe buffer holds, so the writer meets a closed pipe.
    let line = serde_json::json!({"id": "p", "text": PAGE}).to_string();
    let input: String = std::iter::repeat_n(format!("{line}\n"), 5000).collect();
    let mut child =
        banmian().args(["--input-jsonl", "--quiet"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    assert_eq!(&first, b"{\"schema\":\"banmi");
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
