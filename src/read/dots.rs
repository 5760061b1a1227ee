//! dots.ocr layout JSON (one page's list of layout cells) read into boxes.
//!
//! The shape is what dots.ocr's layout-and-text prompt asks for and its parser writes
//! per page (`rednote-hilab/dots.ocr`, README "Output" and `dots_ocr/utils/prompts.py`,
//! `prompt_layout_all_en`): a JSON list of cells in reading order,
//!
//! ```json
//! [{"bbox": [180, 80, 820, 140], "category": "Title", "text": "全市秋粮收获进度过九成"},
//!  {"bbox": [60, 200, 456, 420], "category": "Text", "text": "记者从市农业农村局获悉……"},
//!  {"bbox": [540, 200, 936, 420], "category": "Picture"}]
//! ```
//!
//! `bbox` in image pixels; `category` one of `Caption`, `Footnote`, `Formula`,
//! `List-item`, `Page-footer`, `Page-header`, `Picture`, `Section-header`, `Table`,
//! `Text`, `Title`. Each cell with text is one box, numbered by its position in the
//! list (a `Picture` has no text and gives no box). A `Table`'s text is HTML: its text
//! nodes are read, joined with spaces, when it parses as XML (roxmltree), else the
//! text is kept as given. Formulas keep their LaTeX. Cells are blocks, not lines; each
//! box's `label` is its `category` (evidence: [`OcrBox::hint`]); the list's order is
//! evidence the geometry does not take yet. The page
//! size is the extent of the cells. A page is recognised by content: a JSON list whose
//! first item is an object with `bbox` and `category`. No real sample was available:
//! the fixture follows the documentation.

use serde_json::Value;

use super::boxes::{BoxPage, OcrBox, Unit};
use super::paddleocr::{read_rect, short};
use crate::error::{Error, ErrorKind, Result};

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "dots.ocr", message })
}

fn is_dots(v: &Value) -> bool {
    v.as_array().and_then(|a| a.first()).is_some_and(|c| c.get("bbox").is_some() && c.get("category").is_some())
}

/// Whether a whole file is a dots.ocr page: it parses as one (see the module
/// documentation).
pub fn sniff(bytes: &[u8]) -> bool {
    super::json::value(bytes).is_some_and(|v| is_dots(&v))
}

/// Reads `bytes` as a dots.ocr page if they are one (`Ok(None)` otherwise); errors as
/// [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    match super::json::value(bytes) {
        Some(v) if is_dots(&v) => from_value(&v).map(Some),
        _ => Ok(None),
    }
}

/// Reads `bytes` as a dots.ocr page. Errors ([`ErrorKind::Input`]): not JSON (with
/// line and column), not a list, a cell with text whose `bbox` is not `[x0, y0, x1,
/// y1]` of finite numbers.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    from_value(&super::json::parse(bytes, bad)?)
}

/// The text nodes of an HTML table joined with spaces; `None` when it does not parse.
fn table_text(html: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(html).ok()?;
    let words: Vec<&str> =
        doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).map(str::trim).filter(|t| !t.is_empty()).collect();
    Some(words.join(" "))
}

fn from_value(v: &Value) -> Result<BoxPage> {
    let cells = v.as_array().ok_or_else(|| bad("the page is not a JSON list of cells".into()))?;
    let mut boxes = Vec::with_capacity(cells.len());
    for (i, c) in cells.iter().enumerate() {
        let Some(text) = c.get("text").and_then(Value::as_str) else { continue };
        let points = c.get("bbox").and_then(read_rect).ok_or_else(|| {
            bad(format!("cell {i}: bbox must be [x0, y0, x1, y1] of finite numbers, not {}", c.get("bbox").map(short).unwrap_or_default()))
        })?;
        let category = c.get("category").and_then(Value::as_str);
        let text = match category {
            Some("Table") => table_text(text).unwrap_or_else(|| text.to_string()),
            _ => text.to_string(),
        };
        let mut b = OcrBox::unchecked(i, &text, points);
        b.label = category.map(str::to_string);
        boxes.push(b);
    }
    let (width, height) = (boxes.iter().map(|b| b.rect.x1).fold(0.0, f64::max), boxes.iter().map(|b| b.rect.y1).fold(0.0, f64::max));
    Ok(BoxPage { boxes, width, height, unit: Unit::Px })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    /// In the shape of dots.ocr's layout output (cells written here).
    const PAGE: &str = r#"[{"bbox": [180, 80, 820, 140], "category": "Title", "text": "全市秋粮收获进度过九成"},
        {"bbox": [540, 200, 936, 420], "category": "Picture"},
        {"bbox": [60, 200, 456, 230], "category": "Text", "text": "记者从市农业农村局获悉"},
        {"bbox": [60, 440, 456, 520], "category": "Table", "text": "<table><tr><td>地区</td><td>进度</td></tr><tr><td>东区</td><td>92%</td></tr></table>"}]"#;

    #[test]
    fn reads_cells_with_text_and_table_text() {
        let p = detect(PAGE.as_bytes()).unwrap().expect("recognised");
        let got: Vec<(usize, &str)> = p.boxes.iter().map(|b| (b.index, b.text.as_str())).collect();
        assert_eq!(got, [(0, "全市秋粮收获进度过九成"), (2, "记者从市农业农村局获悉"), (3, "地区 进度 东区 92%")]);
        assert_eq!(p.boxes[1].rect, Rect { x0: 60.0, y0: 200.0, x1: 456.0, y1: 230.0 });
        assert_eq!((p.width, p.height), (820.0, 520.0));
        assert_eq!(p.boxes.iter().map(|b| b.label.as_deref().unwrap()).collect::<Vec<_>>(), ["Title", "Text", "Table"]);
        assert!(sniff(PAGE.as_bytes()));
        assert!(detect(br#"[{"bbox": [1, 2, 3, 4]}]"#).unwrap().is_none());
        let e = detect(br#"[{"bbox": [3, 2, 1, 4], "category": "Text", "text": "a"}]"#).unwrap_err();
        assert!(e.to_string().contains("cell 0: bbox must be"), "{e}");
    }
}
