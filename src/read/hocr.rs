//! hOCR: the HTML page Tesseract (`tesseract page.png out hocr`), OCRopus, Kraken and
//! others write, read into a page of boxes.
//!
//! The format is the hOCR 1.2 specification (<http://kba.github.io/hocr-spec/1.2/>):
//! XHTML whose elements carry an OCR class and a `title` of properties:
//!
//! ```text
//! <div class='ocr_page' id='page_1' title='image "p.png"; bbox 0 0 1654 2339; ppageno 0'>
//!  <div class='ocr_carea' …> <p class='ocr_par' …>
//!   <span class='ocr_line' id='line_1_1' title="bbox 89 53 377 76; baseline -0.003 -3">
//!    <span class='ocrx_word' id='word_1_4' title='bbox 89 53 130 74; x_wconf 96'>滨江</span>
//! ```
//!
//! The page's `bbox` is its size in pixels. Each text line — an element of class
//! `ocr_line`, `ocrx_line`, `ocr_caption`, `ocr_header`, `ocr_footer` or
//! `ocr_textfloat` (Tesseract writes the last four for lines it takes for captions,
//! headers and floating text) — becomes one box ([`super::boxes::OcrBox`]) made from
//! its `ocrx_word` elements as the word-line builder (`read/words.rs`) says (their text is all the text
//! inside them; `x_wconf` 0–100 is the score), named by the line's `id`; a line with no
//! word element is one word of its own text and `bbox`. Boxes are numbered 0, 1, … in
//! document order of the lines that have text. The areas and paragraphs (`ocr_carea`,
//! `ocr_par`) are not used: on a newspaper page Tesseract's areas often run across
//! columns, and the geometry recovers the reading order from the boxes as for any box
//! page. A page is recognised by an element of class `ocr_page`. A file of several
//! `ocr_page` elements is read page by page by [`pages`] (the command line writes one page
//! object per page); [`parse`], one page, refuses it.

use roxmltree::{Document, Node};

use super::boxes::{BoxPage, Rect, Unit};
use super::words::{self, WordLine};
use crate::error::{Error, ErrorKind, Result};

/// Classes of the elements that are one text line.
const LINE_CLASSES: &[&str] = &["ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_footer", "ocr_textfloat"];

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "hOCR", message })
}

/// True when `prefix` (the start of a file) looks like hOCR: markup naming the
/// `ocr_page` class, or an `ocr-system` / `ocr-capabilities` meta element.
pub fn sniff(prefix: &[u8]) -> bool {
    let t = super::xml::strip_bom(prefix);
    t.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
        && [&b"ocr_page"[..], b"ocr-system", b"ocr-capabilities"].iter().any(|k| memchr::memmem::find(t, k).is_some())
}

/// Reads `bytes` as an hOCR page if they look like one ([`sniff`]; `Ok(None)`
/// otherwise); errors as [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    super::xml::detect(bytes, sniff, parse)
}

/// Reads `bytes` as a one-page hOCR file. Errors ([`ErrorKind::Input`]; the position
/// gives the line and the message the line and column): those of [`pages`], and more
/// than one `ocr_page` element (read such a file with [`pages`]).
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    super::xml::one_page(pages(bytes)?, |n| bad(format!("{n} pages (ocr_page elements) in one file: read it page by page (hocr::pages)")))
}

/// Reads every page (`ocr_page` element) of an hOCR file, in document order. Errors
/// ([`ErrorKind::Input`]; the position gives the line and the message the line and
/// column): not UTF-8, not well-formed XML, no `ocr_page` element, a `bbox` that is
/// not four numbers or has a negative size.
pub fn pages(bytes: &[u8]) -> Result<Vec<BoxPage>> {
    let doc = super::xml::document(bytes, true, bad)?;
    let pages: Vec<Node> = doc.descendants().filter(|n| has_class(n, &["ocr_page"])).collect();
    if pages.is_empty() {
        return Err(bad("no element of class ocr_page".into()));
    }
    pages.into_iter().map(|page| read_page(&doc, page)).collect()
}

/// One `ocr_page` element's boxes and size.
fn read_page(doc: &Document, page: Node) -> Result<BoxPage> {
    let given = bbox(doc, page)?.map(|r| (r.x1, r.y1));
    let mut lines = Vec::new();
    collect_lines(doc, page, &mut lines)?;
    let boxes = words::boxes(&lines);
    let (width, height) = words::page_size(given, &boxes);
    Ok(BoxPage { boxes, width, height, unit: Unit::Px })
}

/// True when the element's `class` holds one of `classes`.
fn has_class(n: &Node, classes: &[&str]) -> bool {
    n.is_element() && n.attribute("class").is_some_and(|c| c.split_ascii_whitespace().any(|c| classes.contains(&c)))
}

/// A `title` property's value: `bbox 1 2 3 4; x_wconf 96` has `x_wconf` "96".
fn property<'a>(n: &Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attribute("title")?.split(';').find_map(|p| {
        let p = p.trim();
        p.strip_prefix(name).filter(|rest| rest.starts_with(|c: char| c.is_ascii_whitespace())).map(str::trim)
    })
}

/// The element's `bbox`; `None` when it has none. Errors: a `bbox` that is not four
/// numbers, or a negative size.
fn bbox(doc: &Document, n: Node) -> Result<Option<Rect>> {
    let Some(v) = property(&n, "bbox") else { return Ok(None) };
    let fail = |m: String| bad(format!("{m} in the bbox of element {}", describe(&n))).with_line(super::xml::line_of(doc, n));
    let nums: Vec<f64> = v.split_ascii_whitespace().filter_map(|x| x.parse().ok()).collect();
    match nums.as_slice() {
        [x0, y0, x1, y1] if v.split_ascii_whitespace().count() == 4 => words::rect_from_corners(*x0, *y0, *x1, *y1).map(Some).map_err(fail),
        _ => Err(fail(format!("{v:?} is not four numbers"))),
    }
}

/// `<span id='line_1_1'>` for a message.
fn describe(n: &Node) -> String {
    match n.attribute("id") {
        Some(id) => format!("<{} id='{id}'>", n.tag_name().name()),
        None => format!("<{}>", n.tag_name().name()),
    }
}

/// All the text under a node.
fn text_of(n: Node) -> String {
    n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect()
}

/// Gathers the text lines under `n` in document order.
fn collect_lines(doc: &Document, n: Node, out: &mut Vec<WordLine>) -> Result<()> {
    for child in n.children().filter(Node::is_element) {
        if !has_class(&child, LINE_CLASSES) {
            collect_lines(doc, child, out)?;
            continue;
        }
        let mut line = WordLine::new(child.attribute("id").map(str::to_string)).with_rect(bbox(doc, child)?);
        let word_nodes: Vec<Node> = child.descendants().filter(|d| has_class(d, &["ocrx_word"])).collect();
        if word_nodes.is_empty() {
            if let Some(r) = bbox(doc, child)? {
                line.push(&text_of(child), r, None);
            }
        }
        for w in word_nodes {
            let Some(r) = bbox(doc, w)? else { continue };
            let conf =
                property(&w, "x_wconf").and_then(|c| c.parse::<f64>().ok()).filter(|c| c.is_finite()).map(|c| (c / 100.0).clamp(0.0, 1.0));
            line.push(&text_of(w), r, conf);
        }
        out.push(line);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page in Tesseract 5's shape: a header area with one line, an area of two
    /// lines (one with a word in `<strong>`), a caption line, a photo.
    pub(crate) const PAGE_HOCR: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head><title></title>
  <meta name='ocr-system' content='tesseract 5.3.0' />
 </head>
 <body>
  <div class='ocr_page' id='page_1' title='image "p.png"; bbox 0 0 1000 1400; ppageno 0'>
   <div class='ocr_carea' id='block_1_1' title="bbox 100 100 400 140">
    <p class='ocr_par' id='par_1_1' lang='chi_sim' title="bbox 100 100 400 140">
     <span class='ocr_line' id='line_1_1' title="bbox 100 100 400 140; baseline 0 -3">
      <span class='ocrx_word' id='word_1_1' title='bbox 100 100 180 140; x_wconf 96'>会议</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 190 102 400 140; x_wconf 90'>举行&amp;。</span>
     </span>
    </p>
   </div>
   <div class='ocr_carea' id='block_1_2' title="bbox 100 150 500 240">
    <p class='ocr_par' id='par_1_2' lang='eng' title="bbox 100 150 500 240">
     <span class='ocr_line' id='line_1_2' title="bbox 100 150 500 190">
      <span class='ocrx_word' id='word_1_3' title='bbox 100 150 280 190; x_wconf 91'><strong>People's</strong></span>
      <span class='ocrx_word' id='word_1_4' title='bbox 300 150 500 190; x_wconf 89'>Daily</span>
     </span>
     <span class='ocr_line' id='line_1_3' title="bbox 100 200 500 240">
      <span class='ocrx_word' id='word_1_5' title='bbox 100 200 500 240; x_wconf 95'> </span>
     </span>
    </p>
   </div>
   <div class='ocr_photo' id='block_1_3' title="bbox 100 300 900 900"></div>
   <div class='ocr_carea' id='block_1_4' title="bbox 100 910 700 950">
    <p class='ocr_par' id='par_1_3' title="bbox 100 910 700 950">
     <span class='ocr_caption' id='line_1_4' title="bbox 100 910 700 950">
      <span class='ocrx_word' id='word_1_6' title='bbox 100 910 700 950; x_wconf 40'>图为会场</span>
     </span>
    </p>
   </div>
  </div>
 </body>
</html>
"#;

    #[test]
    fn lines_become_boxes_of_their_words_with_ids_and_scores() {
        let p = parse(PAGE_HOCR.as_bytes()).unwrap();
        assert_eq!((p.width, p.height), (1000.0, 1400.0));
        let texts: Vec<&str> = p.boxes.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["会议举行&。", "People's Daily", "图为会场"]);
        let ids: Vec<&str> = p.boxes.iter().filter_map(|b| b.id.as_deref()).collect();
        assert_eq!(ids, ["line_1_1", "line_1_2", "line_1_4"]);
        // The words' x extent and their median top and bottom (tops 100 and 102: of
        // two, the second).
        assert_eq!(p.boxes[0].rect, Rect { x0: 100.0, y0: 102.0, x1: 400.0, y1: 140.0 });
        assert_eq!(p.boxes[2].index, 2);
        assert!((p.boxes[0].confidence.unwrap() - 0.93).abs() < 1e-9);
        assert!((p.boxes[2].confidence.unwrap() - 0.40).abs() < 1e-9);
        assert!(sniff(PAGE_HOCR.as_bytes()));
        assert!(detect(b"<html><body>hello</body></html>").unwrap().is_none());
    }

    #[test]
    fn a_line_without_words_is_its_own_text() {
        let page = r#"<html><body><div class="ocr_page" title="bbox 0 0 500 500">
            <span class="ocr_line" id="l1" title="bbox 10 10 200 40">本报讯</span></div></body></html>"#;
        let p = parse(page.as_bytes()).unwrap();
        assert_eq!(p.boxes.len(), 1);
        assert_eq!((p.boxes[0].text.as_str(), p.boxes[0].id.as_deref()), ("本报讯", Some("l1")));
        assert_eq!(p.boxes[0].confidence, None);
    }

    #[test]
    fn bad_input_is_an_error_naming_line_and_column() {
        let e = parse(PAGE_HOCR.replace("</p>\n   </div>\n   <div class='ocr_photo'", "</div>\n   <div class='ocr_photo'").as_bytes())
            .unwrap_err();
        assert_eq!(e.position().line, Some(27), "{e}");
        assert!(e.to_string().contains("not an hOCR page: not well-formed XML at line 27, column"), "{e}");
        let e = parse(PAGE_HOCR.replace("bbox 190 102 400 140", "bbox 190 102 40 140").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("a box of negative size (190 102 40 140) in the bbox of element <span id='word_1_2'>"), "{e}");
        assert_eq!(e.position().line, Some(14));
        let e = parse(PAGE_HOCR.replace("bbox 100 150 280 190", "bbox 100 150 x 190").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("is not four numbers"), "{e}");
        let two = PAGE_HOCR.replace(
            "<div class='ocr_carea' id='block_1_4'",
            "</div><div class='ocr_page' title='bbox 0 0 9 9'><div class='ocr_carea' id='block_1_4'",
        );
        assert!(parse(two.as_bytes()).unwrap_err().to_string().contains("2 pages"));
        assert!(parse(b"<html/>").unwrap_err().to_string().contains("no element of class ocr_page"));
        assert!(parse(b"\xff<html/>").unwrap_err().to_string().contains("UTF-8"));
    }

    #[test]
    fn the_pipeline_reads_it_by_content() {
        use crate::{Options, Pipeline};
        let page = Pipeline::new(Options::default()).unwrap().process_bytes("p.hocr", PAGE_HOCR.as_bytes()).unwrap();
        let a = &page.articles[0];
        assert_eq!(a.blocks[0].text, "会议举行&。");
        assert_eq!(a.blocks[0].provenance.boxes, Some(vec![0]));
        assert_eq!(a.blocks[0].provenance.ids, Some(vec!["line_1_1".to_string()]));
        assert_eq!((page.page.width, page.page.height, page.page.unit.as_deref()), (Some(1000), Some(1400), Some("px")));
    }
}
