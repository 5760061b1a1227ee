//! PP-StructureV3 / PaddleX layout parsing `save_to_json` output read into boxes.
//!
//! The file (PaddleOCR 3.x docs, `docs/version3.x/pipeline_usage/PP-StructureV3.md`,
//! "output description") is one object per page image:
//!
//! ```json
//! {"input_path": "page.png", "page_index": null, "width": 1654, "height": 2339,
//!  "parsing_res_list": [{"block_label": "doc_title", "block_content": "…",
//!                        "block_bbox": [133, 35, 1520, 98], "block_id": 0, "block_order": 1}],
//!  "overall_ocr_res": {"rec_texts": ["…"], "rec_polys": [[[133, 35], …]], "rec_scores": [0.99],
//!                      "rec_boxes": [[133, 35, 1520, 98]]}}
//! ```
//!
//! The text lines of `overall_ocr_res` are the boxes, read as PaddleOCR 3.x OCR
//! ([`super::paddleocr`]: `rec_texts`, `rec_polys` or `rec_boxes`, `rec_scores`),
//! numbered 0, 1, … in their order; the page size is `width` × `height` when given,
//! else the extent of the boxes, in pixels. `parsing_res_list` (the blocks, their
//! labels and `block_order`) is not used as text: its blocks repeat the lines' text.
//! Each line's `label` is the `block_label` of the smallest block whose `block_bbox`
//! holds the line's centre (evidence: [`super::boxes::OcrBox::hint`]); the blocks'
//! order is evidence the geometry does not take yet (upstream order is often wrong on
//! newspaper pages); the reading order is recovered from the
//! lines as for any box page. A page is recognised by content: a JSON object with
//! `parsing_res_list` and `overall_ocr_res`. No real sample was available: the
//! fixture follows the documentation.

use serde_json::Value;

use super::boxes::{BoxPage, OcrBox, Rect};
use crate::error::{Error, ErrorKind, Result};

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "PP-StructureV3", message })
}

fn is_structure(v: &Value) -> bool {
    v.get("parsing_res_list").is_some() && v.get("overall_ocr_res").is_some()
}

/// Whether a whole file is a PP-StructureV3 result: it parses as a JSON object with
/// `parsing_res_list` and `overall_ocr_res`, or it fails to parse and names both.
pub fn sniff(bytes: &[u8]) -> bool {
    match super::json::value(bytes) {
        Some(v) => is_structure(&v),
        None => super::json::names(bytes, &["\"parsing_res_list\"", "\"overall_ocr_res\""]),
    }
}

/// Reads `bytes` as a PP-StructureV3 page if they are one (`Ok(None)` otherwise);
/// errors as [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    match super::json::value(bytes) {
        Some(v) if is_structure(&v) => from_value(&v).map(Some),
        _ => Ok(None),
    }
}

/// Reads `bytes` as a PP-StructureV3 page. Errors ([`ErrorKind::Input`]): not JSON
/// (with line and column), no `overall_ocr_res` object; those of a 3.x OCR result in
/// it ([`ErrorKind::BoxPage`], naming `overall_ocr_res.rec_…`).
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    from_value(&super::json::parse(bytes, bad)?)
}

fn from_value(v: &Value) -> Result<BoxPage> {
    let ocr = v.get("overall_ocr_res").and_then(Value::as_object).ok_or_else(|| bad("no overall_ocr_res object".into()))?;
    let mut page = super::paddleocr::v3(ocr, "overall_ocr_res.")?;
    let size = |k: &str| v.get(k).and_then(Value::as_f64).filter(|x| x.is_finite() && *x > 0.0);
    if let (Some(w), Some(h)) = (size("width"), size("height")) {
        (page.width, page.height) = (w, h);
    }
    let blocks: Vec<(Rect, &str)> = v
        .get("parsing_res_list")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|b| {
            let label = b.get("block_label")?.as_str()?;
            let r = super::paddleocr::read_rect(b.get("block_bbox")?)?;
            Some((OcrBox::unchecked(0, "", r).rect, label))
        })
        .collect();
    for b in &mut page.boxes {
        let (cx, cy) = (b.rect.cx(), b.rect.cy());
        b.label = blocks
            .iter()
            .filter(|(r, _)| r.x0 <= cx && cx <= r.x1 && r.y0 <= cy && cy <= r.y1)
            .min_by(|(a, _), (b, _)| (a.width() * a.height()).total_cmp(&(b.width() * b.height())))
            .map(|(_, label)| label.to_string());
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    /// In the shape of the PP-StructureV3 output description (members cut to a few).
    const PAGE: &str = r#"{"input_path": "p1.png", "page_index": null, "width": 1000, "height": 1400,
      "model_settings": {"use_doc_preprocessor": false},
      "parsing_res_list": [
        {"block_label": "doc_title", "block_content": "全市秋粮收获进度过九成", "block_bbox": [180, 80, 820, 140], "block_id": 0, "block_order": 1},
        {"block_label": "text", "block_content": "记者从市农业农村局获悉", "block_bbox": [60, 200, 456, 230], "block_id": 1, "block_order": 2}],
      "overall_ocr_res": {"rec_texts": ["全市秋粮收获进度过九成", "记者从市农业农村局获悉"],
        "rec_scores": [0.998, 0.61],
        "rec_polys": [[[180, 80], [820, 80], [820, 140], [180, 140]], [[60, 200], [456, 200], [456, 230], [60, 230]]],
        "rec_boxes": [[180, 80, 820, 140], [60, 200, 456, 230]]}}"#;

    #[test]
    fn reads_the_overall_ocr_lines_and_the_page_size() {
        let p = detect(PAGE.as_bytes()).unwrap().expect("recognised");
        assert_eq!((p.width, p.height), (1000.0, 1400.0));
        assert_eq!(p.boxes.len(), 2);
        assert_eq!(p.boxes[1].text, "记者从市农业农村局获悉");
        assert_eq!(p.boxes[1].rect, Rect { x0: 60.0, y0: 200.0, x1: 456.0, y1: 230.0 });
        assert_eq!(p.boxes[1].confidence, Some(0.61));
        assert_eq!((p.boxes[0].label.as_deref(), p.boxes[1].label.as_deref()), (Some("doc_title"), Some("text")));
        assert!(sniff(PAGE.as_bytes()));
        assert!(detect(br#"{"rec_texts": []}"#).unwrap().is_none());
        let e = parse(br#"{"parsing_res_list": [], "overall_ocr_res": {"rec_texts": ["a"]}}"#).unwrap_err();
        assert!(e.to_string().contains("overall_ocr_res.rec_texts has no rec_polys or rec_boxes"), "{e}");
        let e = parse(b"{\"parsing_res_list\": [\n,]}").unwrap_err();
        assert_eq!(e.position().line, Some(2), "{e}");
    }
}
