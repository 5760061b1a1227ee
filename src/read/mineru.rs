//! MinerU (magic-pdf) output read into pages: `middle.json` into boxes,
//! `content_list.json` into boxes (2.x, with `bbox`) or Markdown text (0.x, without).
//!
//! Shapes (MinerU docs, "output files": `middle.json`, `content_list.json`; checked on
//! MinerU 0.10.6 OCR-mode output):
//!
//! - `middle.json`: `{"pdf_info": [page…], "_parse_type": "ocr", "_version_name": "…"}`,
//!   a page `{"page_idx": 0, "page_size": [595.32, 842.04], "para_blocks": [block…],
//!   "discarded_blocks": [block…], …}` in **PDF points**; a block `{"type": "title" |
//!   "text" | "list" | "image" | "table" | …, "bbox": [x0, y0, x1, y1], "lines": [{"bbox",
//!   "spans": [{"bbox", "content", "score", "type"}]}], "index": 3}`, an image or table
//!   block holding its parts in `blocks` (`image_body`, `image_caption`, `table_body`,
//!   `table_caption`, `table_footnote`). Each line is one box: its `bbox`, the
//!   `content` of its spans joined, the mean span `score` as confidence. Boxes are
//!   numbered 0, 1, … over the lines of `para_blocks` (in MinerU's order, its reading
//!   order, which the geometry takes as no more than evidence), then of
//!   `discarded_blocks` (headers, footers, side notes MinerU dropped: marked
//!   [`OcrBox::discarded`], so the pipeline puts each line in `removed` with reason
//!   `discarded_by_source` and the block's `type` as `label`, and the geometry does not
//!   see them). Each line's `label` is its block's `type` (`title`, `text`,
//!   `image_caption`, …; for a part of an image or table block, the part's). Spans with no `content` (an image, a table's HTML body) are not text
//!   and are not read; their captions and footnotes are. `page.unit` is `pt`.
//! - `content_list.json`: `[{"type": "text", "text": "…", "text_level": 1, "page_idx": 0,
//!   "bbox": [x0, y0, x1, y1]}, …]` in reading order; `type` `text`, `equation`, `image`
//!   (`img_caption` / `image_caption`, `img_footnote` / `image_footnote` lists), `table`
//!   (`table_caption`, `table_footnote`; the HTML `table_body` is not read). With `bbox`
//!   on every item that has text (MinerU 2.x: 0–1000 of the page; `page.unit`
//!   `permille`, page 1000 × 1000), a text item is one box, unlabelled. An image or
//!   table item's `bbox` is the picture's and its captions and footnotes have none: each
//!   non-blank one is a box of its own, labelled as what it is (`image_caption`,
//!   `table_caption`, `image_footnote`, `table_footnote`: the part names of
//!   `middle.json`, so a caption is a `caption` block as it is there), placed just under
//!   the picture, as wide as it and one line tall each, captions then footnotes (the
//!   line's height is the smallest text item's, the format giving no other). These
//!   places are the reader's, not MinerU's: `provenance.bbox` of such a block is where
//!   the reader put it. Boxes are numbered 0, 1, … in list order, an item's captions and
//!   footnotes one number each; no box has an `id`. Without `bbox` (0.x), the page is
//!   Markdown text: a `text_level` N item a level-N heading, every other text its own
//!   paragraph, captions and footnotes paragraphs where they stand, unlabelled (Markdown
//!   carries no label, so a caption there is a caption only if its words say so).
//!
//! A file holding several pages (several `pdf_info` entries, several `page_idx`
//! values) is read page by page by [`pages`] ([`super::read_pages`]; the command line
//! writes one page object per page, `OUT/<rel>.p<N>.json`, `source` `<rel>#p<N>`);
//! [`parse`], one page, refuses it with the number of pages. A file is recognised by content: an object with a `pdf_info`
//! list, or a list whose first item is an object with `type` and `page_idx`.

use serde_json::Value;

use super::boxes::{BoxPage, OcrBox, Unit};
use super::decode;
use super::paddleocr::short;
use crate::error::{Error, ErrorKind, Result};

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "MinerU", message })
}

/// Which MinerU file a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Middle,
    ContentList,
}

fn kind(v: &Value) -> Option<Kind> {
    if v.get("pdf_info").is_some_and(Value::is_array) {
        return Some(Kind::Middle);
    }
    let first = v.as_array()?.first()?;
    (first.get("type").is_some() && first.get("page_idx").is_some()).then_some(Kind::ContentList)
}

/// Whether a JSON value is MinerU's `model.json`: a list whose first item is an object
/// with `layout_dets` and `page_info` (its layout model's detections per page, in
/// 200-dpi pixels, with no text for most categories and no reading order). It is not
/// read: [`MODEL_ADVICE`] says what to give instead.
pub(crate) fn is_model(v: &Value) -> bool {
    v.as_array().and_then(|a| a.first()).is_some_and(|p| p.get("layout_dets").is_some() && p.get("page_info").is_some())
}

/// What to give banmian instead of MinerU's `model.json`.
pub(crate) const MODEL_ADVICE: &str =
    "give banmian the middle.json (or content_list.json) MinerU wrote beside it, which holds the text in reading order";

/// One page of a MinerU file: boxes (`middle.json`, 2.x `content_list.json`) or
/// Markdown text (0.x `content_list.json`).
#[derive(Debug, Clone, PartialEq)]
pub enum MinerPage {
    /// A page of boxes.
    Boxes(BoxPage),
    /// A page as Markdown text.
    Markdown(String),
}

/// Whether a whole file is MinerU output: it parses as one (see the module
/// documentation), or it fails to parse and names `pdf_info`.
pub fn sniff(bytes: &[u8]) -> bool {
    match super::json::value(bytes) {
        Some(v) => kind(&v).is_some(),
        None => super::json::names(bytes, &["\"pdf_info\""]),
    }
}

/// Reads every page of a MinerU file, in `page_idx` order. Errors
/// ([`ErrorKind::Input`]): not JSON (with line and column), not a MinerU file (its
/// `model.json` is named, with what to give instead), a `bbox` that is not four finite numbers with `x0 <= x1`, `y0 <= y1`, a `page_size`
/// that is not two positive numbers.
pub fn pages(bytes: &[u8]) -> Result<Vec<MinerPage>> {
    let v = super::json::parse(bytes, bad)?;
    match kind(&v) {
        Some(Kind::Middle) => middle(&v),
        Some(Kind::ContentList) => content_list(&v),
        None if is_model(&v) => Err(bad(format!("this is MinerU's model.json (layout detections), which is not read: {MODEL_ADVICE}"))),
        None => Err(bad("neither middle.json (an object with pdf_info) nor content_list.json (a list of {type, page_idx})".into())),
    }
}

/// Reads `bytes` as a one-page MinerU file if they are MinerU output (`Ok(None)`
/// otherwise); errors as [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<super::Input>> {
    match super::json::value(bytes) {
        Some(v) if kind(&v).is_some() => parse(bytes).map(Some),
        _ => Ok(None),
    }
}

/// Reads `bytes` as a one-page MinerU file. Errors: those of [`pages`]; a file of
/// several pages ([`ErrorKind::Input`], naming how many).
pub fn parse(bytes: &[u8]) -> Result<super::Input> {
    let mut pages = pages(bytes)?;
    if pages.len() > 1 {
        return Err(bad(format!(
            "{} pages in one file: read it page by page (mineru::pages; the command line writes one page object per page)",
            pages.len()
        )));
    }
    match pages.pop() {
        Some(MinerPage::Boxes(p)) => Ok(super::Input::Boxes(p)),
        Some(MinerPage::Markdown(t)) => decode::decode(t.as_bytes()).map(super::Input::Text),
        None => Ok(super::Input::Boxes(BoxPage { boxes: Vec::new(), width: 0.0, height: 0.0, unit: Unit::Pt })),
    }
}

fn bbox(v: Option<&Value>, at: &str) -> Result<Option<Vec<[f64; 2]>>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(b) => super::paddleocr::read_rect(b)
            .map(Some)
            .ok_or_else(|| bad(format!("{at}.bbox must be [x0, y0, x1, y1] of finite numbers, not {}", short(b)))),
    }
}

fn middle(v: &Value) -> Result<Vec<MinerPage>> {
    let infos = v.get("pdf_info").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut out = Vec::with_capacity(infos.len());
    for (p, info) in infos.iter().enumerate() {
        let at = format!("pdf_info[{p}]");
        let size: Option<Vec<f64>> = info.get("page_size").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_f64).collect());
        let (width, height) = match size.as_deref() {
            Some([w, h]) if w.is_finite() && h.is_finite() && *w > 0.0 && *h > 0.0 => (*w, *h),
            _ => return Err(bad(format!("{at}.page_size must be [width, height] in points"))),
        };
        let mut boxes = Vec::new();
        for key in ["para_blocks", "discarded_blocks"] {
            let first = boxes.len();
            for (b, block) in info.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
                block_lines(block, &format!("{at}.{key}[{b}]"), &mut boxes)?;
            }
            if key == "discarded_blocks" {
                boxes[first..].iter_mut().for_each(|b| b.discarded = true);
            }
        }
        out.push(MinerPage::Boxes(BoxPage { boxes, width, height, unit: Unit::Pt }));
    }
    Ok(out)
}

/// The lines of a block (and of its parts, for image and table blocks) as boxes.
fn block_lines(block: &Value, at: &str, boxes: &mut Vec<OcrBox>) -> Result<()> {
    for (l, line) in block.get("lines").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
        let spans = line.get("spans").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        let texts: Vec<&str> = spans.iter().filter_map(|s| s.get("content").and_then(Value::as_str)).collect();
        if texts.is_empty() {
            continue; // an image or a table body: no text
        }
        let line_at = format!("{at}.lines[{l}]");
        let Some(points) = bbox(line.get("bbox"), &line_at)? else {
            return Err(bad(format!("{line_at} has no bbox")));
        };
        let mut b = OcrBox::unchecked(boxes.len(), &texts.concat(), points);
        b.label = block.get("type").and_then(Value::as_str).map(str::to_string);
        let scores: Vec<f64> = spans.iter().filter_map(|s| s.get("score").and_then(Value::as_f64)).filter(|s| s.is_finite()).collect();
        b.confidence = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
        boxes.push(b);
    }
    for (k, part) in block.get("blocks").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
        block_lines(part, &format!("{at}.blocks[{k}]"), boxes)?;
    }
    Ok(())
}

/// The lists of a content list item that hold captions and footnotes, each with the
/// label its boxes get (the part names of `middle.json`; `img_…` is MinerU 0.x's
/// spelling of `image_…`), in the order they are read.
const PARTS: [(&str, &str); 6] = [
    ("img_caption", "image_caption"),
    ("image_caption", "image_caption"),
    ("table_caption", "table_caption"),
    ("img_footnote", "image_footnote"),
    ("image_footnote", "image_footnote"),
    ("table_footnote", "table_footnote"),
];

/// The texts of a content list item with their labels: its `text` (no label), or its
/// captions and footnotes (each labelled as what it is, see [`PARTS`]), blank ones left out.
fn item_texts(item: &Value) -> Vec<(String, Option<&'static str>)> {
    if let Some(t) = item.get("text").and_then(Value::as_str) {
        return vec![(t.to_string(), None)];
    }
    PARTS
        .iter()
        .filter_map(|(key, label)| item.get(*key).and_then(Value::as_array).map(|a| (a, *label)))
        .flat_map(|(a, label)| {
            a.iter().filter_map(Value::as_str).filter(|t| !t.trim().is_empty()).map(move |t| (t.to_string(), Some(label)))
        })
        .collect()
}

/// The boxes of one page of a 2.x content list. A text item is one box at its `bbox`.
/// An image or table item's `bbox` is the picture's, and its captions and footnotes
/// have none: each becomes a box of its own, labelled, stacked just under the picture
/// (as wide as it, one line tall each, in [`PARTS`] order), so the reading order goes
/// picture, captions, footnotes. A line's height is the smallest `bbox` height of the
/// page's text items (the nearest thing to one printed line the format gives), or
/// [`LINE`] on a page without text items.
fn boxed_page(page: &[(usize, &Value)]) -> Result<Vec<OcrBox>> {
    let mut boxes = Vec::new();
    let mut line = f64::INFINITY;
    for (i, item) in page {
        if item.get("text").is_some_and(Value::is_string)
            && let Some(points) = bbox(item.get("bbox"), &format!("item {i}"))?
        {
            let ys = points.iter().map(|p| p[1]);
            let h = ys.clone().fold(f64::NEG_INFINITY, f64::max) - ys.fold(f64::INFINITY, f64::min);
            if h > 0.0 {
                line = line.min(h);
            }
        }
    }
    let line = if line.is_finite() { line } else { LINE };
    for (i, item) in page {
        let texts = item_texts(item);
        if texts.is_empty() {
            continue;
        }
        let Some(points) = bbox(item.get("bbox"), &format!("item {i}"))? else {
            return Err(bad(format!("item {i} has text but no bbox, where the other items have one")));
        };
        for (k, (text, label)) in texts.iter().enumerate() {
            let mut b = match label {
                None => OcrBox::unchecked(boxes.len(), text, points.clone()),
                Some(_) => {
                    let (x0, x1) = points.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| (a.min(p[0]), b.max(p[0])));
                    let top = points.iter().map(|p| p[1]).fold(f64::NEG_INFINITY, f64::max) + k as f64 * line;
                    OcrBox::unchecked(boxes.len(), text, vec![[x0, top], [x1, top], [x1, top + line], [x0, top + line]])
                }
            };
            b.label = label.map(str::to_string);
            boxes.push(b);
        }
    }
    Ok(boxes)
}

fn content_list(v: &Value) -> Result<Vec<MinerPage>> {
    let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut by_page: std::collections::BTreeMap<u64, Vec<(usize, &Value)>> = std::collections::BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let page = item.get("page_idx").and_then(Value::as_u64).ok_or_else(|| bad(format!("item {i} has no page_idx")))?;
        by_page.entry(page).or_default().push((i, item));
    }
    let boxed = items.iter().all(|i| item_texts(i).is_empty() || i.get("bbox").is_some_and(|b| !b.is_null()));
    let mut out = Vec::with_capacity(by_page.len());
    for page in by_page.values() {
        if boxed {
            let boxes = boxed_page(page)?;
            out.push(MinerPage::Boxes(BoxPage { boxes, width: PERMILLE, height: PERMILLE, unit: Unit::Permille }));
        } else {
            let mut md = String::new();
            for (_, item) in page {
                let level = item.get("text_level").and_then(Value::as_u64).unwrap_or(0).min(6) as usize;
                for (t, _) in item_texts(item) {
                    let t = t.trim();
                    if t.is_empty() {
                        continue;
                    }
                    if level > 0 {
                        md.push_str(&"#".repeat(level));
                        md.push(' ');
                    }
                    md.push_str(t);
                    md.push_str("\n\n");
                }
            }
            out.push(MinerPage::Markdown(md));
        }
    }
    Ok(out)
}

/// The page's extent in MinerU 2.x `content_list.json` coordinates (0–1000).
const PERMILLE: f64 = 1000.0;

/// One caption line's height in 2.x `content_list.json` coordinates (permille of the
/// page) on a page with no text item to measure it from: about 12 pt on an A4 page (842 pt).
const LINE: f64 = 14.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Input;
    use crate::read::boxes::Rect;

    /// One page of `middle.json` in MinerU 0.10's shape (text written here).
    const MIDDLE: &str = r#"{"pdf_info": [{"page_idx": 0, "page_size": [595.32, 842.04],
      "para_blocks": [
        {"type": "title", "bbox": [64, 95, 300, 113], "index": 0, "lines": [{"bbox": [64, 96, 300, 112],
          "spans": [{"bbox": [64, 96, 200, 112], "score": 0.99, "content": "全市秋粮", "type": "text"},
                    {"bbox": [200, 96, 300, 112], "score": 0.97, "content": "进度过九成", "type": "text"}]}]},
        {"type": "image", "bbox": [25, 295, 186, 388], "index": 2, "blocks": [
          {"type": "image_body", "bbox": [25, 295, 186, 388], "lines": [{"bbox": [25, 295, 186, 388],
            "spans": [{"bbox": [25, 295, 186, 388], "score": 0.9, "type": "image", "image_path": "a.jpg"}]}]},
          {"type": "image_caption", "bbox": [23, 390, 120, 400], "lines": [{"bbox": [23, 390, 120, 400],
            "spans": [{"bbox": [23, 390, 120, 400], "score": 0.8, "content": "收割机在田间作业", "type": "text"}]}]}]}],
      "discarded_blocks": [{"type": "discarded", "bbox": [389, 809, 560, 820], "lines": [{"bbox": [388, 809, 559, 820],
          "spans": [{"bbox": [388, 809, 559, 820], "score": 1.0, "content": "第 1 页", "type": "text"}]}]}]}],
      "_parse_type": "ocr", "_version_name": "0.10.6"}"#;

    #[test]
    fn reads_middle_json_lines_in_points() {
        let Input::Boxes(p) = detect(MIDDLE.as_bytes()).unwrap().expect("recognised") else { panic!("boxes") };
        assert_eq!((p.width, p.height, p.unit), (595.32, 842.04, Unit::Pt));
        let texts: Vec<&str> = p.boxes.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["全市秋粮进度过九成", "收割机在田间作业", "第 1 页"]);
        assert_eq!(p.boxes[0].rect, Rect { x0: 64.0, y0: 96.0, x1: 300.0, y1: 112.0 });
        assert_eq!(p.boxes[0].confidence, Some(0.98));
        assert_eq!(p.boxes[2].index, 2);
        let labels: Vec<(&str, bool)> = p.boxes.iter().map(|b| (b.label.as_deref().unwrap(), b.discarded)).collect();
        assert_eq!(labels, [("title", false), ("image_caption", false), ("discarded", true)]);
        assert!(sniff(MIDDLE.as_bytes()));
        let two = MIDDLE.replacen("\"pdf_info\": [", "\"pdf_info\": [{\"page_idx\": 1, \"page_size\": [10, 10]}, ", 1);
        assert_eq!(pages(two.as_bytes()).unwrap().len(), 2);
        let e = parse(two.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("2 pages in one file"), "{e}");
        let e = parse(MIDDLE.replacen("[64, 96, 300, 112]", "[300, 96, 64, 112]", 1).as_bytes()).unwrap_err();
        assert!(e.to_string().contains("pdf_info[0].para_blocks[0].lines[0].bbox must be"), "{e}");
    }

    #[test]
    fn discarded_blocks_go_to_removed_with_their_label_not_to_the_articles() {
        let page = crate::Pipeline::new(crate::Options::default()).unwrap().process_bytes("middle.json", MIDDLE.as_bytes()).unwrap();
        let discarded: Vec<_> = page.removed.iter().filter(|r| r.reason == crate::RemovedReason::DiscardedBySource).collect();
        assert_eq!(discarded.len(), 1, "{:?}", page.removed);
        let r = discarded[0];
        assert_eq!(
            (r.text.as_str(), r.label.as_deref(), r.provenance.boxes.as_deref(), r.provenance.bbox),
            ("第 1 页", Some("discarded"), Some(&[2][..]), Some([388, 809, 559, 820]))
        );
        let json = serde_json::to_value(&page).unwrap();
        let kept: String = json["articles"].to_string() + &json["leftovers"].to_string();
        assert!(!kept.contains("第 1 页"), "{kept}");
        assert!(kept.contains("全市秋粮进度过九成"));
        let r = &json["removed"].as_array().unwrap().iter().find(|r| r["reason"] == "discarded_by_source").unwrap();
        assert_eq!(r["label"], "discarded");
        let max_line = page.articles.iter().map(|a| a.lines[1]).chain(page.leftovers.iter().map(|b| b.lines[1])).max().unwrap();
        assert!(discarded[0].lines[0] > max_line, "numbered after the page's lines");
    }

    #[test]
    fn model_json_is_refused_naming_what_to_give_instead() {
        let model = r#"[{"layout_dets": [{"category_id": 15, "poly": [0, 0, 9, 0, 9, 9, 0, 9], "score": 1.0, "text": "字"}], "page_info": {"page_no": 0, "width": 1654, "height": 2339}}]"#.as_bytes();
        assert!(detect(model).unwrap().is_none(), "not read by content");
        let e = crate::read::read(crate::InputFormat::Auto, model).unwrap_err();
        assert!(e.to_string().contains("MinerU's model.json (layout detections of 1 page): give banmian the middle.json"), "{e}");
        let e = parse(model).unwrap_err();
        assert!(e.to_string().contains("this is MinerU's model.json"), "{e}");
    }

    #[test]
    fn reads_content_lists_with_and_without_boxes() {
        let old = r#"[{"type": "text", "text": "全市秋粮收获进度过九成", "text_level": 1, "page_idx": 0},
            {"type": "text", "text": "本报讯 记者从市农业农村局获悉。", "page_idx": 0},
            {"type": "image", "img_path": "a.jpg", "img_caption": ["收割机在田间作业"], "page_idx": 0},
            {"type": "table", "table_body": "<table><tr><td>1</td></tr></table>", "table_caption": ["表1 进度"], "page_idx": 0}]"#;
        let Input::Text(d) = detect(old.as_bytes()).unwrap().unwrap() else { panic!("text") };
        assert_eq!(d.text, "# 全市秋粮收获进度过九成\n\n本报讯 记者从市农业农村局获悉。\n\n收割机在田间作业\n\n表1 进度\n\n");
        let new = r#"[{"type": "text", "text": "全市秋粮收获进度过九成", "text_level": 1, "bbox": [62, 40, 938, 70], "page_idx": 0},
            {"type": "image", "img_path": "a.jpg", "image_caption": [], "bbox": [62, 80, 500, 300], "page_idx": 0},
            {"type": "text", "text": "本报讯 记者从市农业农村局获悉。", "bbox": [62, 310, 480, 330], "page_idx": 0}]"#;
        let Input::Boxes(p) = detect(new.as_bytes()).unwrap().unwrap() else { panic!("boxes") };
        assert_eq!((p.width, p.height, p.unit), (1000.0, 1000.0, Unit::Permille));
        assert_eq!(p.boxes.len(), 2, "the image has no text");
        assert_eq!(p.boxes[1].text, "本报讯 记者从市农业农村局获悉。");
        assert_eq!(p.boxes[1].rect, Rect { x0: 62.0, y0: 310.0, x1: 480.0, y1: 330.0 });
        let two = old.replacen("\"page_idx\": 0}]", "\"page_idx\": 3}]", 1);
        assert!(parse(two.as_bytes()).unwrap_err().to_string().contains("2 pages in one file"));
        assert!(detect(br#"[{"type": "x"}]"#).unwrap().is_none());
    }

    /// One page of a MinerU 2.x `content_list.json` (text written here): a headline, body
    /// lines one item each, a photo with a caption (no caption word in it) and a
    /// footnote, a table with a caption, more body.
    const CONTENT_LIST_2X: &str = r#"[
        {"type": "text", "text": "山区小学新添图书室", "text_level": 1, "bbox": [100, 60, 700, 90], "page_idx": 0},
        {"type": "text", "text": "本报讯 村里的孩子们今年秋天", "bbox": [100, 110, 600, 124], "page_idx": 0},
        {"type": "text", "text": "有了自己的图书室，书架上摆满", "bbox": [100, 128, 600, 142], "page_idx": 0},
        {"type": "text", "text": "了新书，每天放学都有人来借。", "bbox": [100, 146, 600, 160], "page_idx": 0},
        {"type": "image", "img_path": "p.jpg", "image_caption": ["孩子们在书架前挑选新书"], "image_footnote": ["张三供图"], "bbox": [100, 180, 600, 400], "page_idx": 0},
        {"type": "table", "img_path": "t.jpg", "table_caption": ["", "表1 藏书分类"], "table_footnote": [], "table_body": "<table><tr><td>1</td></tr></table>", "bbox": [100, 460, 600, 560], "page_idx": 0},
        {"type": "text", "text": "图书室由村委会腾出的两间旧屋", "bbox": [100, 600, 600, 614], "page_idx": 0},
        {"type": "text", "text": "改建而成，周末也向村民开放。", "bbox": [100, 618, 600, 632], "page_idx": 0}]"#;

    #[test]
    fn content_list_2x_captions_and_footnotes_are_labelled_boxes_under_their_picture() {
        let Input::Boxes(p) = detect(CONTENT_LIST_2X.as_bytes()).unwrap().unwrap() else { panic!("boxes") };
        let read: Vec<(usize, &str, Option<&str>)> = p.boxes.iter().map(|b| (b.index, b.text.as_str(), b.label.as_deref())).collect();
        assert_eq!(
            read[4..8],
            [
                (4, "孩子们在书架前挑选新书", Some("image_caption")),
                (5, "张三供图", Some("image_footnote")),
                (6, "表1 藏书分类", Some("table_caption")),
                (7, "图书室由村委会腾出的两间旧屋", None)
            ]
        );
        assert_eq!(p.boxes.len(), 9, "the blank table caption is no box");
        // As wide as the picture, one line (14, the smallest text item) tall each, stacked under it.
        assert_eq!(p.boxes[4].rect, Rect { x0: 100.0, y0: 400.0, x1: 600.0, y1: 414.0 });
        assert_eq!(p.boxes[5].rect, Rect { x0: 100.0, y0: 414.0, x1: 600.0, y1: 428.0 });
        assert_eq!(p.boxes[6].rect, Rect { x0: 100.0, y0: 560.0, x1: 600.0, y1: 574.0 });
        assert!(p.boxes.iter().all(|b| b.id.is_none()));
        // Through the pipeline the labelled caption is a caption block of its own.
        let page = crate::Pipeline::new(crate::Options::default())
            .unwrap()
            .process_bytes("content_list.json", CONTENT_LIST_2X.as_bytes())
            .unwrap();
        let blocks: Vec<(crate::BlockKind, &str)> =
            page.articles.iter().flat_map(|a| a.blocks.iter().map(|b| (b.kind, b.text.as_str()))).collect();
        let captions: Vec<&str> = blocks.iter().filter(|(k, _)| *k == crate::BlockKind::Caption).map(|(_, t)| *t).collect();
        assert!(captions.contains(&"孩子们在书架前挑选新书"), "{blocks:?}");
    }
}
