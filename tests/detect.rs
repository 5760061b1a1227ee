//! Issue 11's detection items: a file of a shape banmian does not read (JSON, XML,
//! HTML, PDF) is refused with what it looks like and what to do, not read as one
//! article of markup; banmian's own outputs are skipped and named; `--input-format
//! text` still reads anything; a folder run names every skipped file with its reason
//! (stderr and `--summary-json`); pages are recognised by parsing the whole file.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn banmian(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banmian")).args(args).current_dir(cwd).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const PAGE: &str = "## 全市秋粮收获进度过九成\n\n本报讯（记者 王强）记者从市农业农村局获悉，截至昨日，全市秋粮已收获百分之九十二。\n";

#[test]
fn json_xml_html_and_pdf_of_other_shapes_are_refused_saying_what_they_look_like() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str, &str); 5] = [
        ("other.json", r#"{"pages": [{"lines": ["全市秋粮收获进度过九成"]}]}"#, r#"looks like JSON (an object with keys "pages")"#),
        ("raw.txt", r#"[{"text": "全市秋粮", "x": 3}]"#, "looks like JSON (an array of 1 items)"),
        ("doc.xml", "<?xml version=\"1.0\"?>\n<doc><p>全市秋粮收获进度过九成</p></doc>\n", "looks like XML (root element <doc>)"),
        (
            "page.html",
            "<!DOCTYPE html>\n<html><body><p>全市秋粮收获进度过九成</p></body></html>\n",
            "looks like an HTML document that is not hOCR",
        ),
        ("scan.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n(全市秋粮) Tj\n", "looks like a PDF file: run OCR"),
    ];
    for (name, content, says) in cases {
        fs::write(dir.path().join(name), content).unwrap();
        let o = banmian(&[name], dir.path());
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(o.stdout.is_empty(), "{name}: no page object is written");
        assert!(err.contains(name) && err.contains("not a page banmian reads") && err.contains(says), "{name}: {err}");
        if !name.ends_with(".pdf") {
            assert!(err.contains("--input-format text") && err.contains("hocr"), "{name} says what to do: {err}");
        }
        // --input-format text still reads it, as text.
        let o = banmian(&["--input-format", "text", name], dir.path());
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let page: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(page["schema"], "banmian.page/1");
        assert!(String::from_utf8_lossy(&o.stdout).contains("全市秋粮"), "{page}");
    }
}

#[test]
fn banmian_output_given_back_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("p.txt"), PAGE).unwrap();
    let o = banmian(&["p.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    fs::write(dir.path().join("p.txt.json"), &o.stdout).unwrap();
    let o = banmian(&["p.txt.json"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("p.txt.json") && err.contains("banmian's own output (banmian.page/1)"), "{err}");
}

#[test]
fn a_folder_run_names_skipped_files_and_finds_pages_by_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("01.txt"), PAGE).unwrap();
    // A PaddleOCR page whose `ocr_results` sits after 8 KiB of other members.
    let meta = "x".repeat(8192);
    let late = format!(
        r#"{{"meta": "{meta}", "dimensions": {{"width": 1000, "height": 800}},
            "ocr_results": [{{"text": "全市秋粮收获进度过九成", "box": [[100, 50], [900, 50], [900, 110], [100, 110]]}}]}}"#
    );
    fs::write(root.join("02.json"), late).unwrap();
    fs::write(root.join("sub/config.json"), r#"{"model": "x", "threads": 4}"#).unwrap();
    fs::write(root.join("sub/scan.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = dir.path().join("out");
    let o = banmian(&["in", "-o", "out", "--summary-json", "s.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The outputs of the first run, then read back from inside the input folder.
    fs::copy(out.join("01.txt.json"), root.join("sub/01.txt.json")).unwrap();
    let page: Value = serde_json::from_slice(&fs::read(out.join("02.json.json")).unwrap()).unwrap();
    assert_eq!(page["page"]["width"], 1000, "the late ocr_results page is read as a box page: {page}");
    assert_eq!(page["leftovers"][0]["text"], "全市秋粮收获进度过九成", "{page}");

    let o = banmian(&["in", "-o", "out2", "--summary-json", "s2.json"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s: Value = serde_json::from_slice(&fs::read(dir.path().join("s2.json")).unwrap()).unwrap();
    assert_eq!(s["pages"], 2, "{s}");
    assert_eq!(s["skipped_files"], 3, "{s}");
    let skipped: Vec<(&str, &str)> =
        s["skipped"].as_array().unwrap().iter().map(|k| (k["source"].as_str().unwrap(), k["reason"].as_str().unwrap())).collect();
    assert_eq!(
        skipped,
        [
            ("sub/01.txt.json", "banmian's own output (banmian.page/1), not an input page"),
            ("sub/config.json", r#"JSON (an object with keys "model", "threads") of a shape banmian does not read"#),
            ("sub/scan.png", "an image (.png): banmian reads OCR output; run OCR first"),
        ]
    );
    let err = stderr(&o);
    assert!(err.contains("3 files skipped: sub/01.txt.json (banmian's own output"), "{err}");
    assert!(err.contains("sub/scan.png (an image (.png)"), "{err}");
}
