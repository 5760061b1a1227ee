//! Surya OCR JSON (`surya_ocr`'s `results.json`) read into boxes.
//!
//! The shape follows Surya's result models (`VikParuchuri/surya`, `surya/recognition/
//! schema.py`: `OCRResult {text_lines, image_bbox}`, `TextLine {polygon, bbox, text,
//! confidence, …}`) and its command line, which writes one list of page results per
//! input file name:
//!
//! ```json
//! {"page": [{"text_lines": [{"text": "全市秋粮收获进度过九成", "confidence": 0.97,
//!                            "polygon": [[180, 80], [820, 80], [820, 140], [180, 140]],
//!                            "bbox": [180, 80, 820, 140]}],
//!            "image_bbox": [0, 0, 1000, 1400]}]}
//! ```
//!
//! A bare `OCRResult` object is read too. Each text line is one box, its `polygon` (or,
//! without one, its `bbox`) in image pixels, `confidence` 0–1 its score; boxes are
//! numbered 0, 1, … in `text_lines` order, not a reading order the geometry trusts.
//! The page size is `image_bbox`'s right and bottom edges, else the extent of the
//! boxes. A file of several pages (several names, or a list of several results) is
//! read page by page by [`pages`] ([`super::read_pages`]: one page object per page,
//! `#p<N>`, in the order of the names and of each list); [`parse`], one page, refuses
//! it with the number of pages. A page is recognised by content: an object
//! with `text_lines`, or whose first member is a list of such objects. No real sample
//! was available: the fixture follows the models.

use serde_json::Value;

use super::boxes::{BoxPage, OcrBox, Unit};
use super::paddleocr::{read_points, read_rect, short};
use crate::error::{Error, ErrorKind, Result};

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "Surya", message })
}

fn is_result(v: &Value) -> bool {
    v.get("text_lines").is_some_and(Value::is_array)
}

/// The page results: the object itself, or every result listed under its members.
fn results(v: &Value) -> Option<Vec<&Value>> {
    if is_result(v) {
        return Some(vec![v]);
    }
    let m = v.as_object()?;
    let first = m.values().next()?.as_array()?;
    if !first.first().is_some_and(is_result) {
        return None;
    }
    Some(m.values().filter_map(Value::as_array).flatten().collect())
}

/// Whether a whole file is a Surya result: it parses as one (see the module
/// documentation), or it fails to parse and names `text_lines` and `polygon`.
pub fn sniff(bytes: &[u8]) -> bool {
    match super::json::value(bytes) {
        Some(v) => results(&v).is_some(),
        None => super::json::names(bytes, &["\"text_lines\"", "\"polygon\""]),
    }
}

/// Reads `bytes` as a Surya page if they are one (`Ok(None)` otherwise); errors as
/// [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    match super::json::value(bytes) {
        Some(v) if results(&v).is_some() => from_value(&v).map(Some),
        _ => Ok(None),
    }
}

/// Reads `bytes` as a Surya page. Errors ([`ErrorKind::Input`]): not JSON (with line
/// and column), no `text_lines`, several pages, a line without `text` or without a
/// `polygon` of `[x, y]` points or a `bbox` `[x0, y0, x1, y1]` of finite numbers.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    from_value(&super::json::parse(bytes, bad)?)
}

fn from_value(v: &Value) -> Result<BoxPage> {
    let mut pages = all_pages(v)?;
    if pages.len() > 1 {
        return Err(bad(format!(
            "{} pages in one file: read it page by page (surya::pages; the command line writes one page object per page)",
            pages.len()
        )));
    }
    pages.pop().ok_or_else(|| bad("no text_lines".into()))
}

/// Reads every page of a Surya file: each result, in the order of the file's names and
/// of each name's list. Errors: those of [`parse`] but the number of pages (a line's
/// error names its page, `page 1: text_lines[3] …`, when there are several).
pub fn pages(bytes: &[u8]) -> Result<Vec<BoxPage>> {
    all_pages(&super::json::parse(bytes, bad)?)
}

fn all_pages(v: &Value) -> Result<Vec<BoxPage>> {
    let results = results(v).ok_or_else(|| bad("no text_lines".into()))?;
    let several = results.len() > 1;
    results.iter().enumerate().map(|(p, r)| page(r, &if several { format!("page {p}: ") } else { String::new() })).collect()
}

fn page(page: &Value, at: &str) -> Result<BoxPage> {
    let lines = page.get("text_lines").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut boxes = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let text = l.get("text").and_then(Value::as_str).ok_or_else(|| bad(format!("{at}text_lines[{i}] has no text")))?;
        let points =
            l.get("polygon").and_then(read_points).or_else(|| l.get("bbox").and_then(read_rect)).ok_or_else(|| {
                bad(format!("{at}text_lines[{i}] has no polygon of [x, y] points or bbox [x0, y0, x1, y1]: {}", short(l)))
            })?;
        let mut b = OcrBox::unchecked(i, text, points);
        b.confidence = l.get("confidence").and_then(Value::as_f64).filter(|s| s.is_finite());
        boxes.push(b);
    }
    let extent = (boxes.iter().map(|b| b.rect.x1).fold(0.0, f64::max), boxes.iter().map(|b| b.rect.y1).fold(0.0, f64::max));
    let (width, height) = match page.get("image_bbox").and_then(read_rect).as_deref() {
        Some([_, [x1, y1]]) if *x1 > 0.0 && *y1 > 0.0 => (*x1, *y1),
        _ => extent,
    };
    Ok(BoxPage { boxes, width, height, unit: Unit::Px })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    /// In the shape of Surya's `OCRResult` / `TextLine` models as `surya_ocr` writes them.
    const PAGE: &str = r#"{"p1": [{"languages": ["zh"], "image_bbox": [0.0, 0.0, 1000.0, 1400.0], "text_lines": [
        {"text": "全市秋粮收获进度过九成", "confidence": 0.97, "polygon": [[180, 80], [820, 80], [820, 140], [180, 140]], "bbox": [180, 80, 820, 140]},
        {"text": "记者从市农业农村局获悉", "confidence": 0.55, "bbox": [60, 200, 456, 230]}]}]}"#;

    #[test]
    fn reads_text_lines_polygons_and_image_size() {
        let p = detect(PAGE.as_bytes()).unwrap().expect("recognised");
        assert_eq!((p.width, p.height), (1000.0, 1400.0));
        assert_eq!(p.boxes[0].text, "全市秋粮收获进度过九成");
        assert_eq!(p.boxes[1].rect, Rect { x0: 60.0, y0: 200.0, x1: 456.0, y1: 230.0 }, "bbox when there is no polygon");
        assert_eq!(p.boxes[1].confidence, Some(0.55));
        assert!(sniff(PAGE.as_bytes()));
        let bare: Value = serde_json::from_str::<Value>(PAGE).unwrap()["p1"][0].clone();
        assert_eq!(detect(bare.to_string().as_bytes()).unwrap().unwrap().boxes.len(), 2);
        let two = format!(r#"{{"p1": [{bare}, {bare}]}}"#);
        let e = detect(two.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("2 pages in one file"), "{e}");
        let p = pages(two.as_bytes()).unwrap();
        assert_eq!((p.len(), p[1].boxes[1].text.as_str(), p[1].height), (2, "记者从市农业农村局获悉", 1400.0));
        let e = pages(format!(r#"{{"p1": [{bare}], "p2": [{{"text_lines": [{{"text": "字"}}]}}]}}"#).as_bytes()).unwrap_err();
        assert!(e.to_string().contains("page 1: text_lines[0] has no polygon"), "{e}");
        assert!(detect(br#"{"p1": [{"lines": []}]}"#).unwrap().is_none());
    }
}
