//! marker JSON (`marker_single --output_format json`) read into pages of boxes.
//!
//! The shape is marker's JSON renderer (`VikParuchuri/marker`, `marker/renderers/json.py`:
//! `JSONOutput {children, block_type: "Document", metadata}`, `JSONBlockOutput {id,
//! block_type, html, polygon, bbox, children, section_hierarchy, images}`; README,
//! "JSON" output), checked on marker's own example `data/examples/json/multicolcnn.json`:
//!
//! ```json
//! {"block_type": "Document", "children": [
//!   {"id": "/page/0/Page/12", "block_type": "Page", "bbox": [0, 0, 612, 792],
//!    "polygon": [[0, 0], [612, 0], [612, 792], [0, 792]],
//!    "html": "<content-ref src='/page/0/SectionHeader/0'></content-ref>…",
//!    "children": [
//!      {"id": "/page/0/SectionHeader/0", "block_type": "SectionHeader",
//!       "html": "<h1>全市秋粮收获进度过九成</h1>", "polygon": [[…]], "bbox": […]},
//!      {"id": "/page/0/FigureGroup/5", "block_type": "FigureGroup",
//!       "html": "<content-ref src='/page/0/Figure/3'></content-ref>…", "children": […]}]}]}
//! ```
//!
//! Each `Page` child of the document is one page, its size the right and bottom edges
//! of its `bbox` (else its `polygon`, else the extent of its blocks), in the PDF's
//! points (`page.unit` `pt`; for an image input, marker's page is the image, one point
//! per pixel). marker's JSON stops at blocks (no line boxes): each block with text is
//! one box, its `polygon` (else `bbox`), its text the text nodes of its `html`
//! (`<content-ref>` elements skipped; a space between table cells, list items,
//! paragraphs and lines; white space runs made one space; `<math>` keeps its LaTeX),
//! its `id` the block's `id`, its `label` the `block_type`. A block whose `html` holds
//! only `<content-ref>`s (a `Page`, a `FigureGroup`, `TableGroup`, `ListGroup`, …) is
//! read through its `children`; a block with text of its own (a `Table`, whose
//! `TableCell` children repeat it) is one box and its children are not read. Blocks
//! with no text (`Picture`, `Figure`) give no box. Boxes are numbered 0, 1, … per page
//! in the document's order (marker's reading order, which the geometry takes as no
//! more than evidence). `html` that is not well-formed as XML (roxmltree) is read with
//! its tags dropped and the common entities decoded.
//!
//! A file of several pages is read page by page by [`pages`] ([`super::read_pages`]:
//! one page object per page, `#p<N>`); [`parse`], one page, refuses it with the number
//! of pages. A file is recognised by content: a JSON object whose `block_type` is
//! `Document` and which has a `children` list.

use serde_json::Value;

use super::boxes::{BoxPage, OcrBox, Unit};
use super::paddleocr::{read_points, read_rect, short};
use crate::error::{Error, ErrorKind, Result};

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "marker", message })
}

fn is_marker(v: &Value) -> bool {
    v.get("block_type").and_then(Value::as_str) == Some("Document") && v.get("children").is_some_and(Value::is_array)
}

/// Whether a whole file is marker JSON: it parses as one (see the module
/// documentation), or it fails to parse and names `block_type`, `Document` and
/// `children`.
pub fn sniff(bytes: &[u8]) -> bool {
    match super::json::value(bytes) {
        Some(v) => is_marker(&v),
        None => super::json::names(bytes, &["\"block_type\"", "\"Document\"", "\"children\""]),
    }
}

/// Reads `bytes` as a one-page marker file if they are marker JSON (`Ok(None)`
/// otherwise); errors as [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    match super::json::value(bytes) {
        Some(v) if is_marker(&v) => one(from_value(&v)?).map(Some),
        _ => Ok(None),
    }
}

/// Reads `bytes` as a one-page marker file. Errors: those of [`pages`]; a file of
/// several pages ([`ErrorKind::Input`], naming how many).
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    one(pages(bytes)?)
}

/// Reads every page of a marker file, in document order. Errors
/// ([`ErrorKind::Input`]): not JSON (with line and column), not a marker document, a
/// block with text whose `polygon` is not a list of `[x, y]` points and whose `bbox`
/// is not `[x0, y0, x1, y1]` of finite numbers with `x0 <= x1`, `y0 <= y1`.
pub fn pages(bytes: &[u8]) -> Result<Vec<BoxPage>> {
    from_value(&super::json::parse(bytes, bad)?)
}

fn one(mut pages: Vec<BoxPage>) -> Result<BoxPage> {
    if pages.len() > 1 {
        return Err(bad(format!(
            "{} pages in one file: read it page by page (marker::pages; the command line writes one page object per page)",
            pages.len()
        )));
    }
    Ok(pages.pop().unwrap_or_else(|| BoxPage::new(Vec::new(), Unit::Pt)))
}

fn from_value(v: &Value) -> Result<Vec<BoxPage>> {
    if !is_marker(v) {
        return Err(bad("not a marker document: an object with block_type \"Document\" and a children list".into()));
    }
    let children = v.get("children").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut out = Vec::with_capacity(children.len());
    for (p, page) in children.iter().enumerate() {
        let at = format!("children[{p}]");
        let mut boxes = Vec::new();
        for (b, block) in page.get("children").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
            read_block(block, &format!("{at}.children[{b}]"), &mut boxes)?;
        }
        let size = page.get("bbox").and_then(read_rect).or_else(|| page.get("polygon").and_then(read_points));
        let mut out_page = BoxPage::new(boxes, Unit::Pt);
        if let Some(points) = size {
            let (x1, y1) = points.iter().fold((0.0f64, 0.0f64), |(x, y), [px, py]| (x.max(*px), y.max(*py)));
            if x1 > 0.0 && y1 > 0.0 {
                (out_page.width, out_page.height) = (x1.max(out_page.width), y1.max(out_page.height));
            }
        }
        out.push(out_page);
    }
    Ok(out)
}

/// One block: a box when its `html` has text of its own, else its children.
fn read_block(block: &Value, at: &str, boxes: &mut Vec<OcrBox>) -> Result<()> {
    let html = block.get("html").and_then(Value::as_str).unwrap_or_default();
    let text = html_text(html);
    if text.is_empty() {
        for (k, child) in block.get("children").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
            read_block(child, &format!("{at}.children[{k}]"), boxes)?;
        }
        return Ok(());
    }
    let points = block.get("polygon").and_then(read_points).or_else(|| block.get("bbox").and_then(read_rect)).ok_or_else(|| {
        let given = block.get("polygon").or_else(|| block.get("bbox")).map(short).unwrap_or_else(|| "nothing".into());
        bad(format!("{at}: a block with text needs a polygon of [x, y] points or a bbox [x0, y0, x1, y1], not {given}"))
    })?;
    let mut b = OcrBox::unchecked(boxes.len(), &text, points);
    b.id = block.get("id").and_then(Value::as_str).map(str::to_string);
    b.label = block.get("block_type").and_then(Value::as_str).map(str::to_string);
    boxes.push(b);
    Ok(())
}

/// Elements after which a space separates the text that follows (cells, items,
/// paragraphs, lines, headings).
const BREAKS: &[&str] = &["br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "ul", "ol", "table"];

/// The text of a block's HTML: its text nodes outside `<content-ref>`, with a space
/// after the elements of [`BREAKS`], white space runs made one space, trimmed.
fn html_text(html: &str) -> String {
    if html.trim().is_empty() {
        return String::new();
    }
    let wrapped = format!("<div>{html}</div>");
    let mut raw = String::new();
    match roxmltree::Document::parse(&wrapped) {
        Ok(doc) => collect(doc.root_element(), &mut raw),
        Err(_) => strip_tags(html, &mut raw),
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect(node: roxmltree::Node, out: &mut String) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
        } else if child.is_element() {
            let name = child.tag_name().name();
            if name == "content-ref" {
                continue;
            }
            collect(child, out);
            if BREAKS.contains(&name) {
                out.push(' ');
            }
        }
    }
}

/// HTML that is not well-formed XML: the text outside tags, a space for each tag,
/// the entities `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&apos;` `&nbsp;` decoded.
fn strip_tags(html: &str, out: &mut String) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
    }
    out.push_str(rest);
    for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
        if out.contains(entity) {
            *out = out.replace(entity, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    /// Two pages in the shape of marker's JSON renderer (text written here).
    const DOC: &str = r#"{"block_type": "Document", "children": [
      {"id": "/page/0/Page/9", "block_type": "Page", "bbox": [0, 0, 612, 792], "polygon": [[0, 0], [612, 0], [612, 792], [0, 792]],
       "html": "<content-ref src='/page/0/PageHeader/0'></content-ref><content-ref src='/page/0/SectionHeader/1'></content-ref>",
       "children": [
        {"id": "/page/0/PageHeader/0", "block_type": "PageHeader", "html": "<p>2024年9月1日 星期日</p>", "polygon": [[40, 20], [200, 20], [200, 32], [40, 32]]},
        {"id": "/page/0/SectionHeader/1", "block_type": "SectionHeader", "html": "<h1>全市秋粮收获<i>进度</i>过九成</h1>",
         "polygon": [[60, 60], [550, 60], [550, 90], [60, 90]], "bbox": [60, 60, 550, 90], "section_hierarchy": {"1": "/page/0/SectionHeader/1"}},
        {"id": "/page/0/Text/2", "block_type": "Text", "html": "<p block-type=\"Text\">本报讯　记者从市农业农村局获悉，\n截至目前。</p>",
         "bbox": [60, 100, 300, 300]},
        {"id": "/page/0/FigureGroup/5", "block_type": "FigureGroup", "html": "<content-ref src='/page/0/Figure/3'></content-ref><content-ref src='/page/0/Caption/4'></content-ref>",
         "polygon": [[320, 100], [550, 100], [550, 300], [320, 300]], "children": [
          {"id": "/page/0/Figure/3", "block_type": "Figure", "html": "", "polygon": [[320, 100], [550, 100], [550, 280], [320, 280]]},
          {"id": "/page/0/Caption/4", "block_type": "Caption", "html": "<p>收割机在田间作业 &amp; 晾晒</p>", "polygon": [[320, 284], [550, 284], [550, 300], [320, 300]]}]},
        {"id": "/page/0/Table/6", "block_type": "Table", "html": "<table><tr><th>地区</th><th>进度</th></tr><tr><td>东区</td><td>92%</td></tr></table>",
         "polygon": [[60, 320], [300, 320], [300, 380], [60, 380]], "children": [
          {"id": "/page/0/TableCell/7", "block_type": "TableCell", "html": "<th>地区</th>", "polygon": [[60, 320], [100, 320], [100, 340], [60, 340]]}]}]},
      {"id": "/page/1/Page/3", "block_type": "Page", "bbox": [0, 0, 612, 792], "html": "", "children": [
        {"id": "/page/1/Text/0", "block_type": "Text", "html": "<p>第二页<br>正文</p>", "polygon": [[60, 60], [300, 60], [300, 90], [60, 90]]}]}]}"#;

    #[test]
    fn reads_pages_of_blocks_with_text_ids_and_labels() {
        let p = pages(DOC.as_bytes()).unwrap();
        assert_eq!(p.len(), 2);
        let got: Vec<(usize, &str, &str, &str)> =
            p[0].boxes.iter().map(|b| (b.index, b.text.as_str(), b.id.as_deref().unwrap(), b.label.as_deref().unwrap())).collect();
        assert_eq!(
            got,
            [
                (0, "2024年9月1日 星期日", "/page/0/PageHeader/0", "PageHeader"),
                (1, "全市秋粮收获进度过九成", "/page/0/SectionHeader/1", "SectionHeader"),
                (2, "本报讯 记者从市农业农村局获悉， 截至目前。", "/page/0/Text/2", "Text"),
                (3, "收割机在田间作业 & 晾晒", "/page/0/Caption/4", "Caption"),
                (4, "地区 进度 东区 92%", "/page/0/Table/6", "Table"),
            ]
        );
        assert_eq!(p[0].boxes[2].rect, Rect { x0: 60.0, y0: 100.0, x1: 300.0, y1: 300.0 }, "bbox without a polygon");
        assert_eq!((p[0].width, p[0].height, p[0].unit), (612.0, 792.0, Unit::Pt));
        assert_eq!(p[1].boxes[0].text, "第二页 正文", "<br> parses as XML only as <br/>: read with its tags dropped");
        assert!(sniff(DOC.as_bytes()));
        let e = parse(DOC.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("2 pages in one file"), "{e}");
        assert!(detect(br#"{"block_type": "Page", "children": []}"#).unwrap().is_none());
    }

    #[test]
    fn a_block_with_text_and_no_box_is_an_error_naming_it() {
        let doc = r#"{"block_type": "Document", "children": [{"block_type": "Page", "children": [
            {"block_type": "Text", "html": "<p>字</p>"}, {"block_type": "Text", "html": "<p>字</p>", "bbox": [5, 0, 1, 1]}]}]}"#;
        let e = parse(doc.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("children[0].children[0]: a block with text needs a polygon"), "{e}");
        let e = parse(br#"{"block_type": "Document", "children": [}"#).unwrap_err();
        assert!(e.to_string().contains("not JSON"), "{e}");
        let one = r#"{"block_type": "Document", "children": [{"block_type": "Page", "children": [
            {"block_type": "Text", "html": "<p>字</p>", "bbox": [0, 0, 10, 10]}]}]}"#;
        let p = detect(one.as_bytes()).unwrap().unwrap();
        assert_eq!((p.boxes.len(), p.width, p.height), (1, 10.0, 10.0), "no page size: the extent of the blocks");
    }
}
