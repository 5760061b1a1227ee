//! OCR box input: PaddleOCR's outputs read into boxes — the page JSON wrapper, the raw
//! 2.x result list and the 3.x `save_to_json` file.
//!
//! This module owns the input format and the geometry of one box, and makes no layout
//! decision (reading order is `geometry`'s). Three shapes are read, all in page pixels,
//! one box per detected text line in the engine's order (roughly top to bottom across
//! the whole page, so not reading order); boxes are numbered 0, 1, … in that order:
//!
//! - The page wrapper (banmian's corpus, RapidOCR scripts):
//!
//!   ```json
//!   {"ocr_results": [{"text": "谈当前运动的十四个问题",
//!                     "box": [[320, 943], [2305, 943], [2305, 1111], [320, 1111]]}],
//!    "dimensions": {"height": 3982, "width": 2854}}
//!   ```
//!
//!   `box` is the detected quadrilateral, points clockwise from the top-left corner of
//!   the text; it may be rotated a little on a skewed scan. Any number of points from
//!   two up is accepted (two points are two opposite corners), as are extra fields, a
//!   `score` (0–1, kept as the confidence), a missing or `null` `text` (read as empty)
//!   and a missing `dimensions` (taken from the boxes).
//! - PaddleOCR 2.x `ocr.ocr(img)` as `json.dump` writes it: `[[box, [text, score]], …]`
//!   for one image, or that list inside a list of pages (`[[[box, [text, score]], …]]`,
//!   a page with no text being `null`), `box` four `[x, y]` points (PaddleOCR 2.x
//!   quickstart, "Python script": `result = ocr.ocr(img_path, cls=True)`, one list per
//!   page). A list of several pages is read page by page by [`pages`]
//!   ([`super::read_pages`]: one page object per page, `#p<N>`); [`parse`], one page,
//!   refuses it with the number of pages.
//! - PaddleOCR 3.x `res.save_to_json()` (PaddleOCR 3.x docs, "General OCR pipeline",
//!   output description): an object with `rec_texts` (strings), `rec_polys` (one
//!   polygon of `[x, y]` points per text) or else `rec_boxes` (`[x0, y0, x1, y1]` per
//!   text), and `rec_scores` (0–1); the same object under a `res` member (as `print()`
//!   shows it) is read too. The file gives no page size: it is taken from the boxes.
//!
//! A page is recognised by content: a JSON object with `ocr_results`, a JSON object
//! with `rec_texts` (or `res.rec_texts`), or a JSON array whose first item is a 2.x
//! line or a list of them (or `null`).

use serde::Deserialize;
use serde_json::Value;

use super::boxes::{BoxPage, OcrBox, Unit};
use crate::error::{Error, ErrorKind, Result};

#[derive(Deserialize)]
struct RawPage {
    ocr_results: Vec<RawResult>,
    #[serde(default)]
    dimensions: Option<RawDimensions>,
}

#[derive(Deserialize)]
struct RawResult {
    #[serde(default)]
    text: Option<String>,
    #[serde(rename = "box")]
    points: Value,
    #[serde(default)]
    score: Option<f64>,
}

#[derive(Deserialize)]
struct RawDimensions {
    height: f64,
    width: f64,
}

fn bad(message: String) -> Error {
    Error::new(ErrorKind::BoxPage(message))
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Whether a whole file is a PaddleOCR output, to pick `.json` files when walking a
/// tree: it parses as one of the shapes of the module documentation (wherever their
/// members sit in the file), or it opens a JSON object, fails to parse and names
/// `"ocr_results"` or `"rec_texts"` (a broken page, whose error [`parse`] reports).
pub fn sniff(bytes: &[u8]) -> bool {
    match super::json::value(bytes) {
        Some(v) => shape(&v).is_some(),
        None => {
            let t = strip_bom(bytes);
            t.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
                && [&b"\"ocr_results\""[..], b"\"rec_texts\""].iter().any(|k| memchr::memmem::find(t, k).is_some())
        }
    }
}

/// Which PaddleOCR output a JSON value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `{"ocr_results": …}`
    Wrapper,
    /// `[[box, [text, score]], …]` or a list of such pages.
    V2,
    /// `{"rec_texts": …}` or `{"res": {"rec_texts": …}}`.
    V3,
}

fn shape(v: &Value) -> Option<Shape> {
    match v {
        Value::Object(m) if m.contains_key("ocr_results") => Some(Shape::Wrapper),
        Value::Object(_) if v3_object(v).is_some() => Some(Shape::V3),
        Value::Array(items) => match items.first()? {
            first if v2_line(first).is_some() => Some(Shape::V2),
            Value::Null => Some(Shape::V2),
            Value::Array(page) if page.first().is_none_or(|l| v2_line(l).is_some()) => Some(Shape::V2),
            _ => None,
        },
        _ => None,
    }
}

/// The object holding `rec_texts`: `v` or `v.res`.
fn v3_object(v: &Value) -> Option<&serde_json::Map<String, Value>> {
    let m = v.as_object()?;
    if m.contains_key("rec_texts") {
        return Some(m);
    }
    m.get("res")?.as_object().filter(|r| r.contains_key("rec_texts"))
}

/// A 2.x line's points, text and score.
type V2Line<'a> = (Vec<[f64; 2]>, &'a str, Option<f64>);

/// A 2.x line `[box, [text, score]]`: its points, text and score.
fn v2_line(v: &Value) -> Option<V2Line<'_>> {
    let [points, rec] = v.as_array()?.as_slice() else { return None };
    let rec = rec.as_array()?;
    let text = rec.first()?.as_str()?;
    Some((read_points(points)?, text, rec.get(1).and_then(Value::as_f64)))
}

/// Reads `bytes` as a box page if they are one: `Ok(None)` when they are not a
/// PaddleOCR output of a shape the module documentation lists (so they are something
/// else), `Ok(Some(page))` when they are, and an error ([`ErrorKind::BoxPage`]) when
/// they are one whose content is malformed.
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    let Some(value) = super::json::value(bytes) else { return Ok(None) };
    match shape(&value) {
        Some(s) => from_value(value, s).map(Some),
        None => Ok(None),
    }
}

/// Reads `bytes` as a box page. Errors ([`ErrorKind::BoxPage`]): not JSON (the
/// position gives the line and byte of the syntax error), none of the shapes of the
/// module documentation, a box that is not a list of at least two `[x, y]` points of
/// finite numbers, `rec_texts` and `rec_polys`/`rec_boxes`/`rec_scores` of different
/// lengths, a 2.x list of several pages.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    let value: Value = serde_json::from_slice(strip_bom(bytes))
        .map_err(|e| bad(format!("not JSON: {e}")).with_line(e.line() as u64).with_byte(e.column().saturating_sub(1) as u64))?;
    let Some(s) = shape(&value) else {
        let what = if value.is_object() {
            "the page object has no ocr_results or rec_texts"
        } else {
            "the page is not a JSON object or a PaddleOCR 2.x result list"
        };
        return Err(bad(what.into()));
    };
    from_value(value, s)
}

fn from_value(value: Value, shape: Shape) -> Result<BoxPage> {
    match shape {
        Shape::Wrapper => wrapper(value),
        Shape::V2 => v2(&value),
        Shape::V3 => v3(v3_object(&value).expect("shape V3 has rec_texts"), ""),
    }
}

/// A page of boxes whose size is the extent of its boxes.
fn sized_by_boxes(boxes: Vec<OcrBox>) -> BoxPage {
    let (width, height) = (boxes.iter().map(|b| b.rect.x1).fold(0.0, f64::max), boxes.iter().map(|b| b.rect.y1).fold(0.0, f64::max));
    BoxPage { boxes, width, height, unit: Unit::Px }
}

fn wrapper(value: Value) -> Result<BoxPage> {
    let raw: RawPage = serde_json::from_value(value).map_err(|e| bad(format!("{e}")))?;
    let mut boxes = Vec::with_capacity(raw.ocr_results.len());
    for (i, r) in raw.ocr_results.into_iter().enumerate() {
        let points = read_points(&r.points).ok_or_else(|| {
            bad(format!("ocr_results[{i}].box must be a list of at least two [x, y] points of finite numbers, not {}", short(&r.points)))
        })?;
        let mut b = OcrBox::unchecked(i, r.text.as_deref().unwrap_or(""), points);
        b.confidence = r.score.filter(|s| s.is_finite());
        boxes.push(b);
    }
    let mut page = sized_by_boxes(boxes);
    if let Some(d) = raw.dimensions.filter(|d| d.width.is_finite() && d.height.is_finite() && d.width > 0.0 && d.height > 0.0) {
        (page.width, page.height) = (d.width, d.height);
    }
    Ok(page)
}

fn v2(value: &Value) -> Result<BoxPage> {
    let mut pages = v2_pages(value)?;
    if pages.len() > 1 {
        return Err(bad(format!(
            "a PaddleOCR 2.x list of {} pages: read it page by page (paddleocr::pages; the command line writes one page object per page)",
            pages.len()
        )));
    }
    Ok(pages.pop().unwrap_or_else(|| sized_by_boxes(Vec::new())))
}

/// The pages of a 2.x result: one page for a list of lines, else one per item of the
/// list of pages (`null` an empty page). Errors name the page when there are several.
fn v2_pages(value: &Value) -> Result<Vec<BoxPage>> {
    let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
    if items.first().is_some_and(|f| v2_line(f).is_some()) {
        return Ok(vec![v2_page(items, "")?]);
    }
    let several = items.len() > 1;
    let mut pages = Vec::with_capacity(items.len());
    for (p, page) in items.iter().enumerate() {
        let at = if several { format!("page {p}: ") } else { String::new() };
        match page {
            Value::Null => pages.push(sized_by_boxes(Vec::new())),
            Value::Array(lines) => pages.push(v2_page(lines, &at)?),
            other => return Err(bad(format!("{at}not a list of PaddleOCR 2.x lines or null: {}", short(other)))),
        }
    }
    Ok(pages)
}

fn v2_page(lines: &[Value], at: &str) -> Result<BoxPage> {
    let mut boxes = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let (points, text, score) =
            v2_line(l).ok_or_else(|| bad(format!("{at}item {i} is not a PaddleOCR 2.x line [box, [text, score]]: {}", short(l))))?;
        let mut b = OcrBox::unchecked(i, text, points);
        b.confidence = score.filter(|s| s.is_finite());
        boxes.push(b);
    }
    Ok(sized_by_boxes(boxes))
}

/// Reads every page of a PaddleOCR file: each page of a 2.x list of pages
/// (`[[[box, [text, score]], …], null, …]`, `null` an empty page), in order; one page
/// for every other shape. Errors: those of [`parse`] but the number of pages (a
/// line's error names its page, `page 2: item 5 …`, when there are several).
pub fn pages(bytes: &[u8]) -> Result<Vec<BoxPage>> {
    let value: Value = serde_json::from_slice(strip_bom(bytes))
        .map_err(|e| bad(format!("not JSON: {e}")).with_line(e.line() as u64).with_byte(e.column().saturating_sub(1) as u64))?;
    match shape(&value) {
        Some(Shape::V2) => v2_pages(&value),
        Some(s) => from_value(value, s).map(|p| vec![p]),
        None => parse(bytes).map(|p| vec![p]),
    }
}

/// Reads a 3.x OCR result object (`rec_texts`, `rec_polys` or `rec_boxes`,
/// `rec_scores`); `at` names where it sits in the file for errors (`` or
/// `overall_ocr_res.`). Used by PP-StructureV3 too.
pub(crate) fn v3(m: &serde_json::Map<String, Value>, at: &str) -> Result<BoxPage> {
    let texts = m.get("rec_texts").and_then(Value::as_array).ok_or_else(|| bad(format!("{at}rec_texts must be a list of strings")))?;
    let n = texts.len();
    let list = |key: &str| -> Result<Option<&Vec<Value>>> {
        match m.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(a)) if a.len() == n => Ok(Some(a)),
            Some(v) => Err(bad(format!("{at}{key} must be a list of {n} items, one per rec_texts item, not {}", short(v)))),
        }
    };
    let polys = list("rec_polys")?;
    let rects = list("rec_boxes")?;
    let scores = list("rec_scores")?;
    if polys.is_none() && rects.is_none() && n > 0 {
        return Err(bad(format!("{at}rec_texts has no rec_polys or rec_boxes")));
    }
    let mut boxes = Vec::with_capacity(n);
    for (i, t) in texts.iter().enumerate() {
        let text = t.as_str().ok_or_else(|| bad(format!("{at}rec_texts[{i}] is not a string: {}", short(t))))?;
        let points = match (polys, rects) {
            (Some(p), _) => read_points(&p[i]),
            (None, Some(r)) => read_rect(&r[i]),
            (None, None) => None,
        }
        .ok_or_else(|| {
            let (key, v) = polys.map_or(("rec_boxes", rects.map(|r| &r[i])), |p| ("rec_polys", Some(&p[i])));
            bad(format!(
                "{at}{key}[{i}] must be [x, y] points or [x0, y0, x1, y1] of finite numbers, not {}",
                v.map(short).unwrap_or_default()
            ))
        })?;
        let mut b = OcrBox::unchecked(i, text, points);
        b.confidence = scores.and_then(|s| s[i].as_f64()).filter(|s| s.is_finite());
        boxes.push(b);
    }
    Ok(sized_by_boxes(boxes))
}

/// `[x0, y0, x1, y1]` of finite numbers with `x0 <= x1`, `y0 <= y1`, as its two corners.
pub(crate) fn read_rect(v: &Value) -> Option<Vec<[f64; 2]>> {
    let a: Vec<f64> = v.as_array()?.iter().map(Value::as_f64).collect::<Option<_>>()?;
    match a.as_slice() {
        [x0, y0, x1, y1] if a.iter().all(|x| x.is_finite()) && x0 <= x1 && y0 <= y1 => Some(vec![[*x0, *y0], [*x1, *y1]]),
        _ => None,
    }
}

pub(crate) fn read_points(v: &Value) -> Option<Vec<[f64; 2]>> {
    let arr = v.as_array()?;
    let mut out = Vec::with_capacity(arr.len());
    for p in arr {
        match p.as_array()?.as_slice() {
            [x, y] => {
                let (x, y) = (x.as_f64()?, y.as_f64()?);
                if !(x.is_finite() && y.is_finite()) {
                    return None;
                }
                out.push([x, y]);
            }
            _ => return None,
        }
    }
    (out.len() >= 2).then_some(out)
}

/// A JSON value cut short for an error message.
pub(crate) fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    const PAGE: &str = r#"{"ocr_results":[{"text":" 最高指示 ","box":[[991,225],[1531,225],[1531,317],[991,317]]},
        {"text":"拼死的斗争","box":[[375,431],[2144,441],[2144,501],[375,491]],"score":0.98}],
        "dimensions":{"height":3549,"width":2509}}"#;

    #[test]
    fn reads_text_points_rect_and_dimensions() {
        let p = parse(PAGE.as_bytes()).unwrap();
        assert_eq!((p.width, p.height), (2509.0, 3549.0));
        assert_eq!(p.boxes.len(), 2);
        assert_eq!(p.boxes[0].text, "最高指示");
        assert_eq!(p.boxes[1].index, 1);
        assert_eq!(p.boxes[1].rect, Rect { x0: 375.0, y0: 431.0, x1: 2144.0, y1: 501.0 });
        // The rotated box is 60 px thick, though its rectangle is 70 px high.
        let (along, across) = p.boxes[1].size();
        assert!((across - 60.0).abs() < 1e-9, "{across}");
        assert!((along - 1769.03).abs() < 0.01, "{along}");
    }

    #[test]
    fn detect_tells_box_pages_from_text() {
        assert!(detect(PAGE.as_bytes()).unwrap().is_some());
        assert!(detect("## 标题\n正文".as_bytes()).unwrap().is_none());
        assert!(detect(br#"{"id": 1, "text": "x"}"#).unwrap().is_none());
        assert!(detect(b"{not json").unwrap().is_none());
        assert!(sniff(PAGE.as_bytes()));
        assert!(!sniff(br#"{"schema":"banmian.page/1"}"#));
    }

    #[test]
    fn malformed_box_is_an_error_naming_the_result() {
        let e = detect(br#"{"ocr_results":[{"text":"a","box":[[1,2],[3]]}]}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not a PaddleOCR page: ocr_results[0].box must be a list of at least two [x, y] points of finite numbers, not [[1,2],[3]]"
        );
        let e = parse(b"{\"ocr_results\": [\n  oops]}").unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::BoxPage(_)), "{e}");
        assert_eq!(e.position().line, Some(2));
        assert!(parse(br#"{"dimensions":{}}"#).is_err());
        assert!(parse(b"[1, 2]").is_err());
    }

    #[test]
    fn missing_dimensions_come_from_the_boxes() {
        let p = parse(br#"{"ocr_results":[{"text":null,"box":[[10,20],[30,40]]}]}"#).unwrap();
        assert_eq!((p.width, p.height), (30.0, 40.0));
        assert_eq!(p.boxes[0].text, "");
    }

    /// PaddleOCR 2.x `ocr.ocr(img)` dumped with `json.dump`, in the shape of the 2.x
    /// quickstart's printed result (one list per page; tuples become lists).
    const V2: &str = r#"[[[[[28.0, 37.0], [302.0, 39.0], [302.0, 72.0], [27.0, 70.0]], ["纯臻营养护发素", 0.9966]],
        [[[26.0, 81.0], [172.0, 83.0], [172.0, 104.0], [25.0, 101.0]], ["产品信息/参数", 0.9858]]]]"#;

    /// PaddleOCR 3.x `save_to_json` in the shape of the 3.x "General OCR pipeline"
    /// output description (members cut to those read, plus two that are not).
    const V3: &str = r#"{"input_path": "general_ocr_002.png", "page_index": null,
        "model_settings": {"use_doc_preprocessor": false, "use_textline_orientation": false},
        "rec_texts": ["登机牌", "BOARDING PASS"], "rec_scores": [0.9991, 0.9876],
        "rec_polys": [[[129, 42], [281, 42], [281, 77], [129, 77]], [[343, 41], [574, 41], [574, 79], [343, 79]]],
        "rec_boxes": [[129, 42, 281, 77], [343, 41, 574, 79]]}"#;

    #[test]
    fn reads_paddleocr_2x_result_lists() {
        for text in [V2.to_string(), V2[1..V2.len() - 1].to_string()] {
            let p = detect(text.as_bytes()).unwrap().expect("a 2.x list is recognised");
            assert_eq!(p.boxes.len(), 2);
            assert_eq!(p.boxes[0].text, "纯臻营养护发素");
            assert_eq!(p.boxes[1].rect, Rect { x0: 25.0, y0: 81.0, x1: 172.0, y1: 104.0 });
            assert_eq!(p.boxes[1].confidence, Some(0.9858));
            assert_eq!((p.width, p.height), (302.0, 104.0));
            assert!(sniff(text.as_bytes()));
        }
        assert!(detect(b"[null]").unwrap().unwrap().boxes.is_empty(), "an empty page");
        let two = format!("[{}, {}]", &V2[1..V2.len() - 1], &V2[1..V2.len() - 1]);
        let e = detect(two.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("a PaddleOCR 2.x list of 2 pages: read it page by page"), "{e}");
        let three = format!("[{}, null, {}]", &V2[1..V2.len() - 1], &V2[1..V2.len() - 1]);
        let p = pages(three.as_bytes()).unwrap();
        assert_eq!(p.iter().map(|p| p.boxes.len()).collect::<Vec<_>>(), [2, 0, 2], "null is an empty page");
        assert_eq!(p[2].boxes[1].rect, Rect { x0: 25.0, y0: 81.0, x1: 172.0, y1: 104.0 });
        let e = pages(format!("[{}, [[[0, 0], [5, 5]], 7]]", &V2[1..V2.len() - 1]).as_bytes()).unwrap_err();
        assert!(e.to_string().contains("page 1: item 0 is not a PaddleOCR 2.x line"), "{e}");
        assert_eq!(pages(V3.as_bytes()).unwrap().len(), 1, "other shapes are one page");
        assert!(detect(b"[[1, 2], [3, 4]]").unwrap().is_none(), "a list of numbers is not a 2.x result");
        let e = detect(br#"[[[[0, 0], [5, 5]], ["a", 0.9]], [[0, 0], "b"]]"#).unwrap_err();
        assert!(e.to_string().contains("item 1 is not a PaddleOCR 2.x line"), "{e}");
    }

    #[test]
    fn reads_paddleocr_3x_save_to_json() {
        let p = detect(V3.as_bytes()).unwrap().expect("a 3.x result is recognised");
        assert_eq!(p.boxes.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), ["登机牌", "BOARDING PASS"]);
        assert_eq!(p.boxes[1].rect, Rect { x0: 343.0, y0: 41.0, x1: 574.0, y1: 79.0 });
        assert_eq!(p.boxes[0].confidence, Some(0.9991));
        assert_eq!((p.width, p.height), (574.0, 79.0));
        // Under `res`, and with rec_boxes only.
        let v: Value = serde_json::from_str(V3).unwrap();
        let mut only_boxes = v.clone();
        only_boxes.as_object_mut().unwrap().remove("rec_polys");
        let wrapped = serde_json::json!({"res": only_boxes}).to_string();
        let q = detect(wrapped.as_bytes()).unwrap().unwrap();
        assert_eq!(q.boxes[1].rect, p.boxes[1].rect);
        assert!(sniff(wrapped.as_bytes()));
        let e = parse(br#"{"rec_texts": ["a", "b"], "rec_boxes": [[0, 0, 5, 5]]}"#).unwrap_err();
        assert!(e.to_string().contains("rec_boxes must be a list of 2 items, one per rec_texts item"), "{e}");
        let e = parse(br#"{"rec_texts": ["a"], "rec_boxes": [[5, 0, 0, 5]]}"#).unwrap_err();
        assert!(e.to_string().contains("rec_boxes[0] must be"), "{e}");
    }
}
