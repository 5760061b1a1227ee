//! OCR box input: PaddleOCR page JSON read into boxes.
//!
//! This module owns the input format and the geometry of one box, and makes no layout
//! decision (reading order is `geometry`'s). The format is what
//! PaddleOCR's PP-OCR text detection and recognition write for one page image:
//!
//! ```json
//! {"ocr_results": [{"text": "谈当前运动的十四个问题",
//!                   "box": [[320, 943], [2305, 943], [2305, 1111], [320, 1111]]}],
//!  "dimensions": {"height": 3982, "width": 2854}}
//! ```
//!
//! One result per detected text line, in the engine's order (roughly top to bottom
//! across the whole page, so not reading order). `box` is the detected quadrilateral,
//! points clockwise from the top-left corner of the text, in page pixels; it may be
//! rotated a little on a skewed scan. Any number of points from two up is accepted
//! (two points are two opposite corners), as are extra fields (`score`, ...), a
//! missing or `null` `text` (read as empty) and a missing `dimensions` (taken from the
//! boxes). A page is recognized by content: a JSON object with an `ocr_results` member.

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

/// A cheap look at the start of a file (a few KiB are enough): true when it opens a
/// JSON object and names `ocr_results`. Used to pick `.json` files when walking a
/// tree; [`detect`] decides for good.
pub fn sniff(prefix: &[u8]) -> bool {
    let t = strip_bom(prefix);
    let first = t.iter().find(|b| !b.is_ascii_whitespace());
    first == Some(&b'{') && t.windows(13).any(|w| w == b"\"ocr_results\"")
}

/// Reads `bytes` as a box page if they are one: `Ok(None)` when they are not a JSON
/// object with an `ocr_results` member (so they are text), `Ok(Some(page))` when they
/// are, and an error ([`ErrorKind::BoxPage`]) when they are such an object whose
/// content is malformed.
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    let t = strip_bom(bytes);
    if t.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Ok(None);
    }
    let Ok(value) = serde_json::from_slice::<Value>(t) else { return Ok(None) };
    if value.get("ocr_results").is_none() {
        return Ok(None);
    }
    from_value(value).map(Some)
}

/// Reads `bytes` as a box page. Errors ([`ErrorKind::BoxPage`]): not JSON (the
/// position gives the line and byte of the syntax error), no `ocr_results` array, a
/// result whose `box` is not a list of at least two `[x, y]` points of finite numbers.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    let value: Value = serde_json::from_slice(strip_bom(bytes))
        .map_err(|e| bad(format!("not JSON: {e}")).with_line(e.line() as u64).with_byte(e.column().saturating_sub(1) as u64))?;
    from_value(value)
}

fn from_value(value: Value) -> Result<BoxPage> {
    if !value.is_object() {
        return Err(bad("the page is not a JSON object".into()));
    }
    let raw: RawPage = serde_json::from_value(value).map_err(|e| bad(format!("{e}")))?;
    let mut boxes = Vec::with_capacity(raw.ocr_results.len());
    for (i, r) in raw.ocr_results.into_iter().enumerate() {
        let points = read_points(&r.points).ok_or_else(|| {
            bad(format!("ocr_results[{i}].box must be a list of at least two [x, y] points of finite numbers, not {}", short(&r.points)))
        })?;
        boxes.push(OcrBox::unchecked(i, r.text.as_deref().unwrap_or(""), points));
    }
    let (width, height) = match raw.dimensions {
        Some(d) if d.width.is_finite() && d.height.is_finite() && d.width > 0.0 && d.height > 0.0 => (d.width, d.height),
        _ => (boxes.iter().map(|b| b.rect.x1).fold(0.0, f64::max), boxes.iter().map(|b| b.rect.y1).fold(0.0, f64::max)),
    };
    Ok(BoxPage { boxes, width, height, unit: Unit::Px })
}

fn read_points(v: &Value) -> Option<Vec<[f64; 2]>> {
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
fn short(v: &Value) -> String {
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
}
