//! The line-level JSON box formats of the input seam (issue 15): one page of two
//! columns, written by hand as a line detector would box it (a box per column line),
//! in PaddleOCR's page wrapper, PaddleOCR 2.x and 3.x, PP-StructureV3, Umi-OCR, Surya
//! and dots.ocr, reads by content into the same articles; scores under 0.5 flag a
//! block `low_confidence` (dots.ocr gives none); shuffling the lines of a format
//! with no reading order (Umi's `data`) changes no article.

use banmian::{InputFormat, Options, Page, Pipeline, read};
use serde_json::{Value, json};

const HEADLINE: &str = "全市秋粮收获进度过九成";
/// Body rows, 18 characters each: the left column's, then the right column's.
const BODY: &str = "记者从市农业农村局获悉，截至昨日，全市秋粮已收获百分之九十二，进度同比快两个百分点。\
各地抢抓晴好天气，加快机收进度，确保颗粒归仓。今年秋粮播种面积稳中有增，多数地区光温水条件匹配较好，\
大部分作物长势好于上年。市农业农村局要求各地加强烘干仓储设施调度，防止因天气原因造成损失。\
据介绍，今年全市新建烘干中心十二处，新增日烘干能力三千吨，基本满足抢收需要。";

/// The page's lines, `(text, [x0, y0, x1, y1], score)`, in a detector's order: the
/// headline, then row by row across the page (left line, right line).
fn lines() -> Vec<(String, [u32; 4], f64)> {
    let chars: Vec<char> = BODY.chars().collect();
    let per_row = 18;
    let rows = chars.len().div_ceil(per_row).div_ceil(2);
    let mut out = vec![(HEADLINE.to_string(), [180, 80, 180 + 58 * 11, 138], 0.99)];
    for r in 0..rows {
        let y = 200 + 36 * r as u32;
        for (col, x0) in [(0, 60u32), (1, 540)] {
            let text: String = chars.iter().skip((col * rows + r) * per_row).take(per_row).collect();
            if !text.is_empty() {
                let x1 = x0 + 22 * text.chars().count() as u32;
                out.push((text, [x0, y, x1, y + 22], 0.95));
            }
        }
    }
    out
}

fn quad(b: &[u32; 4]) -> Value {
    json!([[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]])
}

/// The page in each format: `(name, bytes)`.
fn formats(lines: &[(String, [u32; 4], f64)]) -> Vec<(&'static str, String)> {
    let wrapper = json!({"ocr_results": lines.iter().map(|(t, b, s)| json!({"text": t, "box": quad(b), "score": s})).collect::<Vec<_>>(),
                         "dimensions": {"width": 1000, "height": 1400}});
    let v2 = json!([lines.iter().map(|(t, b, s)| json!([quad(b), [t, s]])).collect::<Vec<_>>()]);
    let ocr3 = json!({
        "input_path": "p.png", "page_index": null,
        "rec_texts": lines.iter().map(|l| &l.0).collect::<Vec<_>>(),
        "rec_scores": lines.iter().map(|l| l.2).collect::<Vec<_>>(),
        "rec_polys": lines.iter().map(|l| quad(&l.1)).collect::<Vec<_>>(),
        "rec_boxes": lines.iter().map(|l| l.1).collect::<Vec<_>>(),
    });
    let structure = json!({"input_path": "p.png", "width": 1000, "height": 1400,
        "parsing_res_list": [{"block_label": "doc_title", "block_content": HEADLINE, "block_bbox": lines[0].1, "block_order": 1}],
        "overall_ocr_res": ocr3});
    let umi = json!({"code": 100, "data": lines.iter().map(|(t, b, s)| json!({"text": t, "score": s, "box": quad(b), "end": "\n"})).collect::<Vec<_>>(),
                     "time": 0.5, "timestamp": 1.0});
    let surya = json!({"p": [{"image_bbox": [0, 0, 1000, 1400], "languages": ["zh"],
        "text_lines": lines.iter().map(|(t, b, s)| json!({"text": t, "confidence": s, "polygon": quad(b), "bbox": b})).collect::<Vec<_>>()}]});
    let dots = json!(
        lines
            .iter()
            .enumerate()
            .map(|(i, (t, b, _))| json!({"bbox": b, "category": if i == 0 { "Title" } else { "Text" }, "text": t}))
            .collect::<Vec<_>>()
    );
    vec![
        ("paddleocr", wrapper.to_string()),
        ("paddleocr", v2.to_string()),
        ("paddleocr", ocr3.to_string()),
        ("ppstructure", structure.to_string()),
        ("umi", umi.to_string()),
        ("surya", surya.to_string()),
        ("dots", dots.to_string()),
    ]
}

fn process(bytes: &str, format: InputFormat) -> Page {
    Pipeline::new(Options::default().input_format(format)).unwrap().process_bytes("p.json", bytes.as_bytes()).unwrap()
}

/// The articles without their box indexes: headline and body text.
fn articles(page: &Page) -> Vec<(Option<String>, String)> {
    page.articles.iter().map(|a| (a.headline.clone(), a.text.clone())).collect()
}

#[test]
fn every_json_format_reads_the_same_page_by_content_and_by_name() {
    let lines = lines();
    let all = formats(&lines);
    let reference = process(&all[0].1, InputFormat::Auto);
    assert_eq!(reference.articles.len(), 1, "{:?}", articles(&reference));
    assert_eq!(reference.articles[0].headline.as_deref(), Some(HEADLINE));
    assert_eq!(reference.articles[0].text, BODY);
    for (name, bytes) in &all {
        let format: InputFormat = name.parse().unwrap();
        for f in [InputFormat::Auto, format] {
            let page = process(bytes, f);
            assert_eq!(articles(&page), articles(&reference), "{name} ({f:?})");
            assert_eq!(
                page.articles[0].blocks[0].provenance.boxes, reference.articles[0].blocks[0].provenance.boxes,
                "{name}: same line numbers"
            );
            assert_eq!(page.page.unit.as_deref(), Some("px"), "{name}");
        }
        match read::read(InputFormat::Auto, bytes.as_bytes()).unwrap() {
            read::Input::Boxes(p) => assert_eq!(p.boxes.len(), lines.len(), "{name}"),
            read::Input::Text(_) => panic!("{name} read as text"),
        }
    }
    // A page of another format named wrongly is an error, not a guess.
    assert!(
        Pipeline::new(Options::default().input_format("umi".parse().unwrap())).unwrap().process_bytes("p", all[5].1.as_bytes()).is_err()
    );
}

#[test]
fn shuffling_umi_lines_changes_no_article() {
    let lines = lines();
    let reference = articles(&process(&formats(&lines)[4].1, InputFormat::Auto));
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..3 {
        let mut shuffled = lines.clone();
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        assert_ne!(shuffled, lines);
        assert_eq!(articles(&process(&formats(&shuffled)[4].1, InputFormat::Auto)), reference);
    }
}

#[test]
fn low_confidence_blocks_are_kept_and_flagged() {
    let mut lines = lines();
    for l in lines.iter_mut().skip(1) {
        l.2 = 0.3;
    }
    for (name, bytes) in formats(&lines).into_iter().filter(|(name, _)| *name != "dots") {
        let page = process(&bytes, InputFormat::Auto);
        let a = &page.articles[0];
        assert_eq!(a.text, BODY, "{name}: kept");
        let flagged: Vec<(Option<usize>, &str)> =
            a.warnings.iter().filter(|w| w.kind == banmian::WarningKind::LowConfidence).map(|w| (w.block, w.message.as_str())).collect();
        let n = lines.len() - 1;
        let msg = format!("the block's OCR confidence 0.30 (mean over {n} lines) is under 0.5: check its text against the scan");
        assert_eq!(flagged, [(Some(0), msg.as_str())], "{name}");
    }
    // The same page with good scores has no such warning.
    let page = process(&formats(&self::lines())[0].1, InputFormat::Auto);
    assert!(page.articles[0].warnings.iter().all(|w| w.kind != banmian::WarningKind::LowConfidence));
}
