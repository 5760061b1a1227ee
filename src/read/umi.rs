//! Umi-OCR JSON (the desktop and HTTP front end over PaddleOCR and RapidOCR) read into
//! boxes.
//!
//! The shape is Umi-OCR's documented OCR result (`hiroi-sora/Umi-OCR`,
//! `docs/http/api_ocr.md`, "返回值" / return value), one object per image:
//!
//! ```json
//! {"code": 100,
//!  "data": [{"text": "全市秋粮收获进度过九成", "score": 0.998,
//!            "box": [[180, 80], [820, 80], [820, 140], [180, 140]], "end": "\n"}],
//!  "score": 0.998, "time": 0.52, "timestamp": 1711449650.12}
//! ```
//!
//! `code` 100 is success: each `data` item is one text line, `box` its four corners
//! clockwise from the top-left in image pixels, `score` (0–1) its confidence; boxes are
//! numbered 0, 1, … in `data` order, which has no reading order (the geometry recovers
//! it). `end` (the separator Umi's own layout put after the line) is not used. `code`
//! 101 means no text was found: an empty page. Any other code is Umi's error, whose
//! message (`data`, a string) is reported. The page size is the extent of the boxes.
//! A page is recognised by content: a JSON object with a numeric `code` and a `data`
//! list of objects with `text` and `box` (or `code` 101 and a `timestamp`). No real
//! sample was available: the fixture follows the documentation.

use serde_json::Value;

use super::boxes::{BoxPage, OcrBox, Unit};
use crate::error::{Error, ErrorKind, Result};

/// Umi-OCR's code for success.
const SUCCESS: i64 = 100;
/// Umi-OCR's code for "no text found in the image".
const NO_TEXT: i64 = 101;

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "Umi-OCR", message })
}

fn is_umi(v: &Value) -> bool {
    let Some(code) = v.get("code").and_then(Value::as_i64) else { return false };
    match v.get("data") {
        Some(Value::Array(items)) => items.first().is_some_and(|i| i.get("text").is_some() && i.get("box").is_some()),
        Some(Value::String(_)) => code != SUCCESS && v.get("timestamp").is_some(),
        _ => false,
    }
}

/// Whether a whole file is an Umi-OCR result: it parses as one (see the module
/// documentation), or it fails to parse and names `code`, `data` and `box`.
pub fn sniff(bytes: &[u8]) -> bool {
    match super::json::value(bytes) {
        Some(v) => is_umi(&v),
        None => super::json::names(bytes, &["\"code\"", "\"data\"", "\"box\""]),
    }
}

/// Reads `bytes` as an Umi-OCR page if they are one (`Ok(None)` otherwise); errors as
/// [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    match super::json::value(bytes) {
        Some(v) if is_umi(&v) => from_value(&v).map(Some),
        _ => Ok(None),
    }
}

/// Reads `bytes` as an Umi-OCR page. Errors ([`ErrorKind::Input`]): not JSON (with
/// line and column), no numeric `code`, a code other than 100 and 101 (with Umi's
/// message), `data` not a list, an item without `text` or whose `box` is not at least
/// two `[x, y]` points of finite numbers.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    from_value(&super::json::parse(bytes, bad)?)
}

fn from_value(v: &Value) -> Result<BoxPage> {
    let code = v.get("code").and_then(Value::as_i64).ok_or_else(|| bad("no numeric code".into()))?;
    let data = v.get("data");
    if code == NO_TEXT {
        return Ok(BoxPage { boxes: Vec::new(), width: 0.0, height: 0.0, unit: Unit::Px });
    }
    if code != SUCCESS {
        let msg = data.and_then(Value::as_str).unwrap_or("");
        return Err(bad(format!("Umi-OCR reported code {code}: {msg}")));
    }
    let items = data.and_then(Value::as_array).ok_or_else(|| bad("data is not a list".into()))?;
    let mut boxes = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let text = item.get("text").and_then(Value::as_str).ok_or_else(|| bad(format!("data[{i}] has no text")))?;
        let points = item.get("box").and_then(super::paddleocr::read_points).ok_or_else(|| {
            bad(format!(
                "data[{i}].box must be a list of at least two [x, y] points of finite numbers, not {}",
                item.get("box").map(super::paddleocr::short).unwrap_or_default()
            ))
        })?;
        let mut b = OcrBox::unchecked(i, text, points);
        b.confidence = item.get("score").and_then(Value::as_f64).filter(|s| s.is_finite());
        boxes.push(b);
    }
    let (width, height) = (boxes.iter().map(|b| b.rect.x1).fold(0.0, f64::max), boxes.iter().map(|b| b.rect.y1).fold(0.0, f64::max));
    Ok(BoxPage { boxes, width, height, unit: Unit::Px })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    /// In the shape of `docs/http/api_ocr.md`'s return value.
    const PAGE: &str = r#"{"code": 100, "data": [
        {"text": "全市秋粮收获进度过九成", "score": 0.998, "box": [[180, 80], [820, 80], [820, 140], [180, 140]], "end": "\n"},
        {"text": "记者从市农业农村局获悉", "score": 0.42, "box": [[60, 200], [456, 200], [456, 230], [60, 230]], "end": ""}],
        "score": 0.71, "time": 0.52, "timestamp": 1711449650.12}"#;

    #[test]
    fn reads_lines_scores_and_codes() {
        let p = detect(PAGE.as_bytes()).unwrap().expect("recognised");
        assert_eq!(p.boxes.len(), 2);
        assert_eq!(p.boxes[0].text, "全市秋粮收获进度过九成");
        assert_eq!(p.boxes[1].rect, Rect { x0: 60.0, y0: 200.0, x1: 456.0, y1: 230.0 });
        assert_eq!(p.boxes[1].confidence, Some(0.42));
        assert_eq!((p.width, p.height), (820.0, 230.0));
        assert!(sniff(PAGE.as_bytes()));
        let none = br#"{"code": 101, "data": "[Message] No text found in image.", "time": 0.1, "timestamp": 1.0}"#;
        assert!(detect(none).unwrap().unwrap().boxes.is_empty());
        let e = detect(br#"{"code": 203, "data": "[Error] Image decode failed.", "timestamp": 1.0}"#).unwrap_err();
        assert_eq!(e.to_string(), "not an Umi-OCR page: Umi-OCR reported code 203: [Error] Image decode failed.");
        assert!(detect(br#"{"code": 0, "data": [1, 2]}"#).unwrap().is_none(), "a web API answer of another shape");
        let e = parse(br#"{"code": 100, "data": [{"text": "a", "box": [[1, 2]]}]}"#).unwrap_err();
        assert!(e.to_string().contains("data[0].box must be"), "{e}");
    }
}
