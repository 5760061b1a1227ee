//! Files that hold several pages (CONTRACT.md, "Command line"): one page object per
//! page — JSON Lines on stdout, `OUT/<relative path>.p<N>.json` in folder mode (N from
//! 1), `source` `<relative path>#p<N>` — for MinerU documents, multi-page hOCR and ALTO,
//! PaddleOCR 2.x lists of pages, Surya files of several results and marker documents.
//! The texts are written here.

use std::fs;
use std::path::Path;
use std::process::Command;

use banmian::{Options, Pipeline};
use serde_json::Value;

fn banmian() -> Command {
    Command::new(env!("CARGO_BIN_EXE_banmian"))
}

/// A MinerU 0.10 `middle.json` page (the reader's shape) with one title line and one text line.
fn mineru_page(idx: usize, head: &str, body: &str) -> String {
    format!(
        r#"{{"page_idx": {idx}, "page_size": [595.32, 842.04], "para_blocks": [
        {{"type": "title", "bbox": [64, 95, 400, 113], "index": 0, "lines": [{{"bbox": [64, 96, 400, 112],
          "spans": [{{"bbox": [64, 96, 400, 112], "score": 0.99, "content": "{head}", "type": "text"}}]}}]}},
        {{"type": "text", "bbox": [64, 130, 530, 146], "index": 1, "lines": [{{"bbox": [64, 130, 530, 146],
          "spans": [{{"bbox": [64, 130, 530, 146], "score": 0.98, "content": "{body}", "type": "text"}}]}}]}}],
        "discarded_blocks": []}}"#
    )
}

const HEADS: [&str; 2] = ["全市秋粮收购进度过九成", "新图书馆今日投入使用"];
const BODIES: [&str; 2] =
    ["本报讯（记者 王立）市粮食局昨日说，今年秋粮收购进展顺利。", "本报讯 位于城东的新图书馆今天正式开馆，藏书三十万册。"];

fn middle_json() -> String {
    let pages: Vec<String> = (0..2).map(|i| mineru_page(i, HEADS[i], BODIES[i])).collect();
    format!(r#"{{"pdf_info": [{}], "_parse_type": "ocr", "_version_name": "0.10.6"}}"#, pages.join(", "))
}

/// hOCR with one `ocr_page` per headline/body pair.
fn hocr() -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n");
    for i in 0..2 {
        s += &format!(
            "<div class='ocr_page' id='page_{n}' title='image \"p{n}.png\"; bbox 0 0 1000 1400; ppageno {i}'>\n\
             <span class='ocr_line' id='line_{n}_1' title='bbox 60 100 700 150'><span class='ocrx_word' title='bbox 60 100 700 150; x_wconf 95'>{}</span></span>\n\
             <span class='ocr_line' id='line_{n}_2' title='bbox 60 200 940 230'><span class='ocrx_word' title='bbox 60 200 940 230; x_wconf 93'>{}</span></span>\n\
             </div>\n",
            HEADS[i],
            BODIES[i],
            n = i + 1
        );
    }
    s + "</body></html>\n"
}

/// ALTO v4 with one `Page` per headline/body pair.
fn alto() -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">\n\
         <Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout>\n",
    );
    for i in 0..2 {
        s += &format!(
            "<Page ID=\"p{i}\" WIDTH=\"1000\" HEIGHT=\"1400\"><PrintSpace><TextBlock>\n\
             <TextLine ID=\"l{i}a\" HPOS=\"60\" VPOS=\"100\" WIDTH=\"640\" HEIGHT=\"50\"><String CONTENT=\"{}\" HPOS=\"60\" VPOS=\"100\" WIDTH=\"640\" HEIGHT=\"50\" WC=\"0.95\"/></TextLine>\n\
             <TextLine ID=\"l{i}b\" HPOS=\"60\" VPOS=\"200\" WIDTH=\"880\" HEIGHT=\"30\"><String CONTENT=\"{}\" HPOS=\"60\" VPOS=\"200\" WIDTH=\"880\" HEIGHT=\"30\" WC=\"0.93\"/></TextLine>\n\
             </TextBlock></PrintSpace></Page>\n",
            HEADS[i], BODIES[i]
        );
    }
    s + "</Layout></alto>\n"
}

/// The checks on one page object: its source, headline and body text.
fn check(page: &Value, source: &str, i: usize) {
    assert_eq!(page["source"], source);
    assert_eq!(page["articles"][0]["headline"], HEADS[i], "{source}");
    let text = page["articles"][0]["text"].as_str().unwrap();
    let body = BODIES[i].split_once("）").map_or(BODIES[i], |(_, b)| b).trim_start_matches("本报讯 ");
    assert!(text.contains(body), "{source}: {text}");
}

#[test]
fn each_page_of_a_multi_page_file_is_one_page_object() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir_all(root.join("docs")).unwrap();
    let files = [("docs/report_middle.json", middle_json()), ("docs/scan.hocr", hocr()), ("docs/scan.alto.xml", alto())];
    for (name, text) in &files {
        fs::write(root.join(name), text).unwrap();
    }
    fs::write(root.join("one.md"), "## 单页\n\n本报讯 正文一段。\n").unwrap();
    // One file to stdout: JSON Lines, page by page.
    for (name, _) in &files {
        let o = banmian().arg(root.join(name)).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        let lines: Vec<Value> = String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2, "{name}");
        let file = Path::new(name).file_name().unwrap().to_string_lossy();
        for (i, page) in lines.iter().enumerate() {
            check(page, &format!("{file}#p{}", i + 1), i);
        }
    }
    // A folder: OUT/<rel>.p<N>.json; a one-page file keeps OUT/<rel>.json.
    let out = dir.path().join("out");
    let o = banmian().arg(&root).arg("-o").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("7 pages: 7 processed, 0 up to date, 0 failed"), "{err}");
    for (name, _) in &files {
        assert!(!out.join(format!("{name}.json")).exists(), "{name}: no one-page output");
        for n in 1..=2 {
            let page: Value = serde_json::from_slice(&fs::read(out.join(format!("{name}.p{n}.json"))).unwrap()).unwrap();
            check(&page, &format!("{name}#p{n}"), n - 1);
        }
    }
    assert!(out.join("one.md.json").is_file());
    // --resume: a file whose pages are all written is up to date; each page counts.
    let o = banmian().arg(&root).arg("-o").arg(&out).arg("--resume").output().unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("7 pages: 0 processed, 7 up to date"), "{}", String::from_utf8_lossy(&o.stderr));
    // --jsonl over the folder: one line per page, in walk order.
    let o = banmian().arg(&root).arg("--jsonl").output().unwrap();
    let sources: Vec<String> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].as_str().unwrap().to_string())
        .collect();
    let want = ["docs/report_middle.json#p1", "docs/report_middle.json#p2", "docs/scan.alto.xml#p1", "docs/scan.alto.xml#p2"];
    assert_eq!(sources[..4], want);
    assert_eq!(sources[4..], ["docs/scan.hocr#p1", "docs/scan.hocr#p2", "one.md"]);
}

#[test]
fn the_library_reads_page_by_page_and_one_page_as_before() {
    let p = Pipeline::new(Options::default()).unwrap();
    let pages = p.process_pages("m.json", middle_json().as_bytes()).unwrap();
    let heads: Vec<Option<&str>> = pages.iter().map(|pg| pg.articles[0].headline.as_deref()).collect();
    assert_eq!(heads, [Some(HEADS[0]), Some(HEADS[1])]);
    assert_eq!((pages[0].source.as_str(), pages[1].page.unit.as_deref()), ("m.json#p1", Some("pt")));
    // The one-page reader still refuses a file of several pages, saying how to read it.
    let e = p.process_bytes("m.json", middle_json().as_bytes()).unwrap_err().to_string();
    assert!(e.contains("2 pages in one file: read it page by page"), "{e}");
    // A one-page file: the same page as process_bytes, its source unchanged.
    let one = format!(r#"{{"pdf_info": [{}]}}"#, mineru_page(0, HEADS[0], BODIES[0]));
    let pages = p.process_pages("one.json", one.as_bytes()).unwrap();
    assert_eq!(pages, vec![p.process_bytes("one.json", one.as_bytes()).unwrap()]);
    // Named formats read every page too.
    let named = Pipeline::new(Options::default().input_format("hocr".parse().unwrap())).unwrap();
    assert_eq!(named.process_pages("s.hocr", hocr().as_bytes()).unwrap().len(), 2);
}

/// A PaddleOCR 2.x list of pages, a Surya file of two names, a marker document of two
/// `Page`s: each a headline/body pair per page, in the shapes their readers document.
fn json_multipage() -> [(&'static str, String); 3] {
    let quad = |x0: u32, y0: u32, x1: u32, y1: u32| format!("[[{x0}, {y0}], [{x1}, {y0}], [{x1}, {y1}], [{x0}, {y1}]]");
    let paddle: Vec<String> = (0..2)
        .map(|i| {
            format!(r#"[[{}, ["{}", 0.98]], [{}, ["{}", 0.97]]]"#, quad(60, 100, 700, 150), HEADS[i], quad(60, 200, 940, 230), BODIES[i])
        })
        .collect();
    let surya: Vec<String> = (0..2)
        .map(|i| {
            format!(
                r#""p{i}": [{{"image_bbox": [0, 0, 1000, 1400], "text_lines": [{{"text": "{}", "confidence": 0.98, "polygon": {}}},
                {{"text": "{}", "confidence": 0.97, "polygon": {}}}]}}]"#,
                HEADS[i],
                quad(60, 100, 700, 150),
                BODIES[i],
                quad(60, 200, 940, 230)
            )
        })
        .collect();
    let marker: Vec<String> = (0..2)
        .map(|i| {
            format!(
                r#"{{"id": "/page/{i}/Page/0", "block_type": "Page", "bbox": [0, 0, 1000, 1400], "children": [
                {{"id": "/page/{i}/SectionHeader/1", "block_type": "SectionHeader", "html": "<h1>{}</h1>", "polygon": {}}},
                {{"id": "/page/{i}/Text/2", "block_type": "Text", "html": "<p>{}</p>", "polygon": {}}}]}}"#,
                HEADS[i],
                quad(60, 100, 700, 150),
                BODIES[i],
                quad(60, 200, 940, 230)
            )
        })
        .collect();
    [
        ("paddle2.json", format!("[{}]", paddle.join(", "))),
        ("surya.json", format!("{{{}}}", surya.join(", "))),
        ("marker.json", format!(r#"{{"block_type": "Document", "children": [{}]}}"#, marker.join(", "))),
    ]
}

#[test]
fn paddleocr_page_lists_surya_and_marker_files_give_one_page_object_per_page() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in json_multipage() {
        let path = dir.path().join(name);
        fs::write(&path, &text).unwrap();
        let o = banmian().arg(&path).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        let lines: Vec<Value> = String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2, "{name}");
        for (i, page) in lines.iter().enumerate() {
            check(page, &format!("{name}#p{}", i + 1), i);
        }
        // The one-page reader refuses it, naming the count and how to read it.
        let e = Pipeline::new(Options::default()).unwrap().process_bytes(name, text.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("2 pages") && e.contains("read it page by page"), "{name}: {e}");
    }
}
