//! A folder of an archive, as it comes: nested folders, GB18030 and UTF-16 pages, an
//! empty file, random bytes named .txt, a PNG, a symlink loop, odd file names. The
//! batch must process every page it can, report the rest, write nothing outside OUT,
//! write the same bytes whatever the thread count, resume, and never leave half a page.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn banmian() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
}

const SEED: &str = include_str!("../corpus/01_seed.md");
const BYLINES: &str = include_str!("../corpus/05_bylines.md");

/// Builds the archive folder; returns its root.
fn archive(dir: &Path) -> PathBuf {
    let root = dir.join("archive");
    fs::create_dir_all(root.join("2021/01/13")).unwrap();
    fs::create_dir_all(root.join("2021/03/05")).unwrap();
    fs::create_dir_all(root.join("scans")).unwrap();
    fs::write(root.join("2021/01/13/01.md"), SEED).unwrap();
    fs::write(root.join("2021/03/05/03.md"), BYLINES).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(SEED);
    fs::write(root.join("2021/01/13/01-gb18030.txt"), &gb).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in SEED.replace('\n', "\r\n").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(root.join("2021/01/13/01-utf16.txt"), &utf16).unwrap();
    fs::write(root.join("2021/empty.txt"), b"").unwrap();
    let noise: Vec<u8> = (0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 11) as u8).collect();
    fs::write(root.join("2021/noise.txt"), noise).unwrap();
    fs::write(root.join("scans/01.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(root.join("scans/01.pdf"), b"%PDF-1.4\n").unwrap();
    fs::write(root.join("第 3 版 要闻.txt"), "## 标题在此\n\n本报讯（记者 王强）正文一段。\n").unwrap();
    fs::write(root.join("..odd.txt"), "## 点开头的文件\n\n正文。\n").unwrap();
    fs::write(root.join(".hidden.txt"), "## 隐藏文件\n\n正文。\n").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", root.join("2021/loop")).unwrap();
        std::os::unix::fs::symlink("/nonexistent/page.md", root.join("2021/dangling.md")).unwrap();
    }
    root
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walk(dir);
    v.sort();
    v
}

/// Every file under `dir`, not following symlinks.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if e.file_type().unwrap().is_symlink() {
            continue;
        }
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn run(args: &[&str]) -> std::process::Output {
    banmian().args(args).stdin(Stdio::null()).output().unwrap()
}

#[test]
fn archive_tree_is_processed_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let out = dir.path().join("out");
    let summary = dir.path().join("summary.json");
    let r = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "-j", "2", "--summary-json", summary.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "random bytes fail the run: {stderr}");
    assert!(stderr.contains("noise.txt") && stderr.contains("byte"), "{stderr}");

    let rel: Vec<String> = files_under(&out).iter().map(|p| p.strip_prefix(&out).unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(
        rel,
        [
            "..odd.txt.json",
            ".banmian/pages.jsonl",
            ".banmian/run.json",
            "2021/01/13/01-gb18030.txt.json",
            "2021/01/13/01-utf16.txt.json",
            "2021/01/13/01.md.json",
            "2021/03/05/03.md.json",
            "2021/empty.txt.json",
            "第 3 版 要闻.txt.json",
        ]
    );

    let page = |name: &str| -> Value { serde_json::from_slice(&fs::read(out.join(name)).unwrap()).unwrap() };
    let utf8 = page("2021/01/13/01.md.json");
    assert_eq!(utf8["source"], "2021/01/13/01.md");
    assert_eq!(utf8["articles"].as_array().unwrap().len(), 7);
    assert!(utf8["warnings"].as_array().unwrap().is_empty());
    for (name, enc) in [("2021/01/13/01-gb18030.txt.json", "gb18030"), ("2021/01/13/01-utf16.txt.json", "UTF-16LE")] {
        let p = page(name);
        assert_eq!(p["articles"], utf8["articles"], "{name} reads as the UTF-8 page does");
        assert_eq!(p["warnings"][0]["kind"], "encoding");
        assert!(p["warnings"][0]["message"].as_str().unwrap().contains(enc), "{}", p["warnings"][0]);
    }
    assert_eq!(page("2021/empty.txt.json")["warnings"][0]["kind"], "empty_page");
    assert_eq!(page("第 3 版 要闻.txt.json")["articles"][0]["authors"][0]["name"], "王强");
    assert_eq!(page("2021/03/05/03.md.json")["page"]["number"], 3);

    let s: Value = serde_json::from_slice(&fs::read(&summary).unwrap()).unwrap();
    assert_eq!(s["pages"], 9);
    assert_eq!(s["processed"], 7);
    assert_eq!(s["failed"], 2, "random bytes and a broken link: {s}");
    assert!(stderr.contains("dangling.md"), "{stderr}");
    assert_eq!(s["skipped_files"], 2, "the PNG and the PDF");
    assert_eq!(s["failures"][0]["source"].as_str().unwrap(), root.join("2021/dangling.md").to_str().unwrap());
    assert_eq!(s["failures"][1]["source"].as_str().unwrap(), root.join("2021/noise.txt").to_str().unwrap());
    assert!(s["problems"].as_array().unwrap().iter().any(|p| p["message"].as_str().unwrap().contains("loop")), "{s}");
    let articles: u64 =
        rel.iter().filter(|r| !r.starts_with(".banmian/")).map(|r| page(r)["articles"].as_array().unwrap().len() as u64).sum();
    assert_eq!(s["articles"], articles);

    // Nothing was written outside OUT: the archive holds only what we put there.
    let mut inputs: Vec<String> =
        files_under(&root).iter().map(|p| p.strip_prefix(&root).unwrap().to_string_lossy().into_owned()).collect();
    inputs.sort();
    assert_eq!(inputs.len(), 11);
    let top: Vec<String> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    let mut top = top;
    top.sort();
    assert_eq!(top, ["archive", "out", "summary.json"]);
}

#[test]
fn an_output_folder_inside_the_input_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pages");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("01.md"), SEED).unwrap();
    let out = root.join("out");
    for _ in 0..2 {
        let r = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"]);
        assert_eq!(r.status.code(), Some(0));
    }
    // Give the output a page extension: it must still not be read as input.
    fs::write(out.join("notes.txt"), "## 不是输入\n\n正文。\n").unwrap();
    run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet"]);
    // 01.md.json, notes.txt and the run's records, .banmian/run.json and pages.jsonl.
    assert_eq!(files_under(&out).len(), 4, "{:?}", files_under(&out));
    assert!(!out.join("out").exists());
}

#[test]
fn hidden_files_are_read_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let out = dir.path().join("out");
    run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--hidden", "--quiet"]);
    assert!(out.join(".hidden.txt.json").exists());
}

#[test]
fn output_is_byte_identical_for_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let (a, b) = (dir.path().join("j1"), dir.path().join("j2"));
    run(&[root.to_str().unwrap(), "-o", a.to_str().unwrap(), "-j", "1", "--quiet"]);
    run(&[root.to_str().unwrap(), "-o", b.to_str().unwrap(), "-j", "2", "--quiet"]);
    let (fa, fb) = (files_under(&a), files_under(&b));
    assert_eq!(fa.len(), fb.len());
    assert_eq!(fa.len(), 9, "7 pages, .banmian/run.json and .banmian/pages.jsonl");
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(x.strip_prefix(&a).unwrap(), y.strip_prefix(&b).unwrap());
        assert_eq!(fs::read(x).unwrap(), fs::read(y).unwrap(), "{}", x.display());
    }
    let j1 = run(&[root.to_str().unwrap(), "--jsonl", "-j", "1", "--quiet"]);
    let j2 = run(&[root.to_str().unwrap(), "--jsonl", "-j", "2", "--quiet"]);
    assert_eq!(j1.stdout, j2.stdout);
    assert_eq!(String::from_utf8(j1.stdout).unwrap().lines().count(), 7);
}

#[test]
fn resume_skips_pages_whose_output_is_newer() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let out = dir.path().join("out");
    let summary = dir.path().join("s.json");
    let args = [root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--resume", "--quiet", "--summary-json", summary.to_str().unwrap()];
    run(&args);
    let read = || -> Value { serde_json::from_slice(&fs::read(&summary).unwrap()).unwrap() };
    assert_eq!((read()["processed"].as_u64(), read()["up_to_date"].as_u64()), (Some(7), Some(0)));
    // Touch one page: make it newer than its output.
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(root.join("2021/03/05/03.md"), BYLINES.replace("本报讯", "本报讯 ")).unwrap();
    run(&args);
    let s = read();
    assert_eq!((s["processed"].as_u64(), s["up_to_date"].as_u64(), s["failed"].as_u64()), (Some(1), Some(6), Some(2)));
}

#[test]
fn a_killed_run_leaves_no_partial_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("big");
    for d in 0..8 {
        fs::create_dir_all(root.join(format!("{d:02}"))).unwrap();
        for p in 0..100 {
            let text = if p % 2 == 0 { SEED } else { BYLINES };
            fs::write(root.join(format!("{d:02}/{p:03}.md")), text).unwrap();
        }
    }
    let out = dir.path().join("out");
    let mut child = banmian()
        .args([root.to_str().unwrap(), "-o", out.to_str().unwrap(), "-j", "2", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it has written something, then kill it mid-run.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline && (!out.exists() || walk(&out).len() < 10) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let written = walk(&out);
    assert!(written.len() < 800, "killed before the end");
    for p in &written {
        let name = p.file_name().unwrap().to_string_lossy();
        if name.ends_with(".json") {
            let v: Value = serde_json::from_slice(&fs::read(p).unwrap()).unwrap_or_else(|e| panic!("partial {}: {e}", p.display()));
            let record = p.parent().is_some_and(|d| d.ends_with(".banmian"));
            assert_eq!(v["schema"], if record { "banmian.run/1" } else { "banmian.page/1" });
        } else if name != "pages.jsonl" {
            assert!(name.starts_with(".banmian-") && name.ends_with(".tmp"), "unexpected {name}");
        }
    }
    // The next run finishes the job and clears what the killed one left.
    let r = run(&[root.to_str().unwrap(), "-o", out.to_str().unwrap(), "--resume", "--quiet"]);
    assert_eq!(r.status.code(), Some(0));
    let done = walk(&out);
    assert_eq!(done.len(), 802, "800 pages, .banmian/run.json and .banmian/pages.jsonl");
    assert!(done.iter().all(|p| p.extension().is_some_and(|e| e == "json") || p.ends_with(".banmian/pages.jsonl")));
}
