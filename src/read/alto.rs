//! ALTO XML (v1 to v4): what Tesseract (`tesseract page.png out alto`), ABBYY
//! FineReader, Transkribus and library digitization pipelines write, read into a page of
//! boxes.
//!
//! The format is the Library of Congress ALTO schema (<https://www.loc.gov/standards/alto/>;
//! versions 2, 3 and 4 differ in namespace, `http://www.loc.gov/standards/alto/ns-v3#`
//! and so on, not in the elements read here, which are matched by local name):
//!
//! ```text
//! <alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">
//!  <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
//!  <Layout><Page WIDTH="1654" HEIGHT="2339"><PrintSpace>
//!   <TextBlock ID="block_0"><TextLine ID="line_0" HPOS="89" VPOS="53" WIDTH="288" HEIGHT="23">
//!    <String CONTENT="滨江" HPOS="89" VPOS="53" WIDTH="41" HEIGHT="21" WC="0.96"/><SP/>
//! ```
//!
//! Each `TextLine` becomes one box ([`super::boxes::OcrBox`]) made from its `String`
//! elements as the word-line builder (`read/words.rs`) says (`CONTENT` is the text, `WC` 0–1 the score; a
//! `HYP` element's `CONTENT`, the hyphen at a line end, is kept as text; `SP` is not
//! text; one with no `CONTENT` is skipped), named by the line's `ID`. A `String` without `HPOS`/`VPOS` takes its line's
//! box. Boxes are numbered 0, 1, … in document order of the lines that have text.
//! Coordinates are kept in the file's `MeasurementUnit` (`pixel`, `mm10` or `inch1200`;
//! `pixel` when there is none). `Page` `WIDTH` and `HEIGHT` are the page size. Blocks
//! (`ComposedBlock`, `TextBlock`) are not used: the geometry recovers the reading order
//! from the boxes as for any box page. A page is recognised by its root element `alto`.
//! A file of several `Page` elements is read page by page by [`pages`] (the command line
//! writes one page object per page); [`parse`], one page, refuses it.

use roxmltree::{Document, Node};

use super::boxes::{BoxPage, Rect, Unit};
use super::words::{self, WordLine};
use crate::error::{Error, ErrorKind, Result};

/// The units `MeasurementUnit` may name.
const UNITS: &[(&str, Unit)] = &[("pixel", Unit::Px), ("mm10", Unit::Mm10), ("inch1200", Unit::Inch1200)];

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "ALTO", message })
}

/// True when `prefix` (the start of a file) opens an `alto` root element (after the
/// XML declaration, comments and processing instructions).
pub fn sniff(prefix: &[u8]) -> bool {
    super::xml::root_is(prefix, b"alto")
}

/// Reads `bytes` as an ALTO page if they open an `alto` element ([`sniff`];
/// `Ok(None)` otherwise); errors as [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    super::xml::detect(bytes, sniff, parse)
}

/// Reads `bytes` as an ALTO page. Errors ([`ErrorKind::Input`]; the position gives
/// the line and the message the line and column): not UTF-8, not well-formed XML, a
/// root element that is not `alto`, an unknown `MeasurementUnit`, no `Page` or more
/// than one (read such a file with [`pages`]), a position or size that is not a number,
/// a negative size, a `String` with no position in a line with none.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    super::xml::one_page(pages(bytes)?, |n| bad(format!("{n} Page elements in one file: read it page by page (alto::pages)")))
}

/// Reads every `Page` of an ALTO file, in document order, all in the file's
/// `MeasurementUnit`. Errors: as [`parse`], but several pages are read.
pub fn pages(bytes: &[u8]) -> Result<Vec<BoxPage>> {
    let doc = super::xml::document(bytes, false, bad)?;
    let root = doc.root_element();
    if root.tag_name().name() != "alto" {
        return Err(bad(format!("the root element is <{}>, not <alto>", root.tag_name().name())).with_line(1));
    }
    let named = |n: &Node, name: &str| n.is_element() && n.tag_name().name() == name;
    let mut unit = Unit::Px;
    if let Some(u) = root.descendants().find(|n| named(n, "MeasurementUnit")) {
        let name = u.text().unwrap_or("").trim();
        match UNITS.iter().find(|(n, _)| *n == name) {
            Some((_, known)) => unit = *known,
            None => {
                let at = super::xml::line_of(&doc, u);
                let names: Vec<&str> = UNITS.iter().map(|(n, _)| *n).collect();
                return Err(bad(format!("unknown MeasurementUnit {name:?} (one of {})", names.join(", "))).with_line(at));
            }
        }
    }
    let pages: Vec<Node> = root.descendants().filter(|n| named(n, "Page")).collect();
    if pages.is_empty() {
        return Err(bad("no Page element".into()));
    }
    pages.into_iter().map(|page| read_page(&doc, page, unit)).collect()
}

/// One `Page` element's boxes and size, in `unit`.
fn read_page(doc: &Document, page: Node, unit: Unit) -> Result<BoxPage> {
    let named = |n: &Node, name: &str| n.is_element() && n.tag_name().name() == name;
    let given = match (number(doc, page, "WIDTH")?, number(doc, page, "HEIGHT")?) {
        (Some(w), Some(h)) => Some((w, h)),
        _ => None,
    };
    let mut lines = Vec::new();
    for line in page.descendants().filter(|n| named(n, "TextLine")) {
        let line_rect = rect(doc, line)?;
        let mut out = WordLine::new(line.attribute("ID").map(str::to_string)).with_rect(line_rect);
        for s in line.children().filter(|n| named(n, "String") || named(n, "HYP")) {
            let content = s.attribute("CONTENT").unwrap_or("");
            if content.trim().is_empty() {
                continue;
            }
            let r = match (rect(doc, s)?, line_rect) {
                (Some(r), _) | (None, Some(r)) => r,
                (None, None) => {
                    let at = super::xml::line_of(doc, s);
                    return Err(bad(format!("a <{}> with no HPOS and VPOS in a TextLine with none", s.tag_name().name())).with_line(at));
                }
            };
            let wc = number(doc, s, "WC")?.map(|c| c.clamp(0.0, 1.0));
            out.push(content, r, wc);
        }
        lines.push(out);
    }
    let boxes = words::boxes(&lines);
    let (width, height) = words::page_size(given, &boxes);
    Ok(BoxPage { boxes, width, height, unit })
}

/// An attribute as a finite number; `None` when absent. Errors: present but not one.
fn number(doc: &Document, n: Node, name: &str) -> Result<Option<f64>> {
    let Some(v) = n.attribute(name) else { return Ok(None) };
    match v.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(Some(x)),
        _ => Err(bad(format!("{name}={v:?} of <{}> is not a number", n.tag_name().name())).with_line(super::xml::line_of(doc, n))),
    }
}

/// The element's box from `HPOS`, `VPOS`, `WIDTH`, `HEIGHT` (a missing size is 0);
/// `None` without `HPOS` and `VPOS`. Errors: a number that is not one, a negative size.
fn rect(doc: &Document, n: Node) -> Result<Option<Rect>> {
    let (Some(x), Some(y)) = (number(doc, n, "HPOS")?, number(doc, n, "VPOS")?) else { return Ok(None) };
    let w = number(doc, n, "WIDTH")?.unwrap_or(0.0);
    let h = number(doc, n, "HEIGHT")?.unwrap_or(0.0);
    words::rect_from_size(x, y, w, h).map(Some).map_err(|m| {
        bad(format!("{m} in <{}{}>", n.tag_name().name(), n.attribute("ID").map(|id| format!(" ID=\"{id}\"")).unwrap_or_default()))
            .with_line(super::xml::line_of(doc, n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page in Tesseract 5's ALTO v3 shape: two lines, a graphical element, a
    /// line of Latin words with a hyphen at its end.
    const PAGE_ALTO: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#" xmlns:xlink="http://www.w3.org/1999/xlink">
	<Description>
		<MeasurementUnit>pixel</MeasurementUnit>
	</Description>
	<Layout>
		<Page WIDTH="1000" HEIGHT="1400" PHYSICAL_IMG_NR="0" ID="page_0">
			<PrintSpace HPOS="0" VPOS="0" WIDTH="1000" HEIGHT="1400">
				<ComposedBlock ID="cblock_0" HPOS="100" VPOS="100" WIDTH="400" HEIGHT="90">
					<TextBlock ID="block_0" HPOS="100" VPOS="100" WIDTH="400" HEIGHT="90">
						<TextLine ID="line_0" HPOS="100" VPOS="100" WIDTH="300" HEIGHT="40">
							<String ID="string_0" HPOS="100" VPOS="100" WIDTH="80" HEIGHT="40" WC="0.96" CONTENT="会议"/><SP WIDTH="10" VPOS="100" HPOS="180"/>
							<String ID="string_1" HPOS="190" VPOS="102" WIDTH="210" HEIGHT="38" WC="0.90" CONTENT="举行。"/>
						</TextLine>
						<TextLine ID="line_1" HPOS="100" VPOS="150" WIDTH="400" HEIGHT="40">
							<String ID="string_2" HPOS="100" VPOS="150" WIDTH="180" HEIGHT="40" WC="0.91" CONTENT="People's"/><SP/>
							<String ID="string_3" HPOS="300" VPOS="150" WIDTH="150" HEIGHT="40" WC="0.89" CONTENT="Dai" SUBS_TYPE="HypPart1" SUBS_CONTENT="Daily"/>
							<HYP CONTENT="-"/>
						</TextLine>
					</TextBlock>
				</ComposedBlock>
				<GraphicalElement ID="cblock_1" HPOS="380" VPOS="55" WIDTH="19" HEIGHT="4"></GraphicalElement >
				<TextBlock ID="block_1"><TextLine ID="line_2"><String CONTENT=" "/></TextLine></TextBlock>
			</PrintSpace>
		</Page>
	</Layout>
</alto>
"#;

    #[test]
    fn text_lines_become_boxes_of_their_strings() {
        let p = parse(PAGE_ALTO.as_bytes()).unwrap();
        assert_eq!((p.width, p.height), (1000.0, 1400.0));
        let texts: Vec<&str> = p.boxes.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["会议举行。", "People's Dai-"]);
        // The words' x extent and their median top and bottom (tops 100 and 102: of
        // two, the second).
        assert_eq!(p.boxes[0].rect, Rect { x0: 100.0, y0: 102.0, x1: 400.0, y1: 140.0 });
        // The HYP has no position: it takes its line's box.
        assert_eq!(p.boxes[1].rect, Rect { x0: 100.0, y0: 150.0, x1: 500.0, y1: 190.0 });
        assert_eq!((p.boxes[0].id.as_deref(), p.boxes[1].id.as_deref()), (Some("line_0"), Some("line_1")));
        assert!((p.boxes[0].confidence.unwrap() - 0.93).abs() < 1e-9);
        assert!(sniff(PAGE_ALTO.as_bytes()));
        assert!(sniff(b"<!-- x --><alto:alto xmlns:alto='x'>") && !sniff(b"<altogether/>") && !sniff(b"<PcGts>"));
        assert!(detect(b"<PcGts/>").unwrap().is_none());
    }

    #[test]
    fn v2_and_v4_namespaces_and_other_units_read_alike() {
        for ns in ["http://www.loc.gov/standards/alto/ns-v2#", "http://www.loc.gov/standards/alto/ns-v4#"] {
            let page = PAGE_ALTO.replace("http://www.loc.gov/standards/alto/ns-v3#", ns).replace(">pixel<", ">mm10<");
            let p = parse(page.as_bytes()).unwrap();
            assert_eq!((p.boxes.len(), p.unit), (2, Unit::Mm10), "{ns}");
            assert_eq!(p.boxes[0].text, "会议举行。");
        }
    }

    #[test]
    fn bad_input_is_an_error_naming_line_and_column() {
        let e = parse(PAGE_ALTO.replace("</TextBlock>\n\t\t\t\t</ComposedBlock>", "</ComposedBlock>").as_bytes()).unwrap_err();
        assert_eq!(e.position().line, Some(20), "{e}");
        assert!(e.to_string().contains("not an ALTO page: not well-formed XML at line 20, column"), "{e}");
        let e = parse(PAGE_ALTO.replace(">pixel<", ">furlong<").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("unknown MeasurementUnit \"furlong\""), "{e}");
        assert_eq!(e.position().line, Some(4));
        let e = parse(PAGE_ALTO.replace("WIDTH=\"210\"", "WIDTH=\"-210\"").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("negative size (190 102 -20 140) in <String ID=\"string_1\">"), "{e}");
        assert_eq!(e.position().line, Some(13));
        let e = parse(PAGE_ALTO.replace("WC=\"0.90\"", "WC=\"high\"").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("WC=\"high\" of <String> is not a number"), "{e}");
        let e = parse(PAGE_ALTO.replace("<String CONTENT=\" \"/>", "<String CONTENT=\"x\"/>").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("no HPOS and VPOS"), "{e}");
        let two = PAGE_ALTO.replace("</Page>", "</Page><Page WIDTH=\"9\" HEIGHT=\"9\"/>");
        assert!(parse(two.as_bytes()).unwrap_err().to_string().contains("2 Page elements"));
        assert!(parse(b"<PcGts/>").unwrap_err().to_string().contains("not <alto>"));
    }

    #[test]
    fn the_pipeline_reads_it_by_content() {
        use crate::{Options, Pipeline};
        let page = Pipeline::new(Options::default()).unwrap().process_bytes("p.xml", PAGE_ALTO.as_bytes()).unwrap();
        assert_eq!(page.articles[0].blocks[0].text, "会议举行。");
        assert_eq!(page.articles[0].blocks[0].provenance.boxes, Some(vec![0]));
        assert_eq!(page.articles[0].blocks[0].provenance.ids, Some(vec!["line_0".to_string()]));
        let mm =
            Pipeline::new(Options::default()).unwrap().process_bytes("p.xml", PAGE_ALTO.replace(">pixel<", ">mm10<").as_bytes()).unwrap();
        assert_eq!((mm.page.width, mm.page.unit.as_deref()), (Some(1000), Some("mm10")));
    }
}
