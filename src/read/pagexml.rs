//! PAGE XML (PRImA's Page Analysis and Ground truth Elements, 2010 to 2019 schemas):
//! what OCR-D, Transkribus, eScriptorium, Aletheia and NewsEye write, read into a page
//! of boxes.
//!
//! The format is the PAGE content schema (<https://github.com/PRImA-Research-Lab/PAGE-XML>,
//! `pagecontent.xsd`; the versions differ in namespace,
//! `http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15` and so on, and
//! elements are matched by local name):
//!
//! ```text
//! <PcGts><Page imageWidth="3508" imageHeight="4961">
//!  <TextRegion id="r1" type="heading"><Coords points="…"/>
//!   <TextLine id="l1"><Coords points="532,127 2970,127 2970,233 532,233"/>
//!    <Word id="w1">…<TextEquiv><Unicode>Word</Unicode></TextEquiv></Word>
//!    <TextEquiv><Unicode>The line's text</Unicode></TextEquiv>
//! ```
//!
//! Each `TextLine` becomes one box ([`super::boxes::OcrBox`]) of its `Coords`
//! polygon (the `points` attribute, or, in the 2010 schema, `Point` children with `x`
//! and `y`), in pixels of the page image, named by its `id`. Its text is its own
//! `TextEquiv` (the one with the lowest `index` when there are several), or else its
//! `Word`s' joined (a space only between Latin letters or digits); its confidence the
//! `TextEquiv`'s `conf`. A `TextRegion` with no `TextLine` is one box of its own
//! `TextEquiv` and `Coords`. Boxes are numbered 0, 1, … in document order of the lines
//! that have text; each carries its `TextRegion`'s `type` (heading, paragraph,
//! caption, header, footer, page-number, …) as its `label` (evidence:
//! [`OcrBox::hint`]). The `ReadingOrder` and `readingDirection` are not used yet: the
//! geometry recovers the reading order from the boxes as for any box page. A page
//! is recognised by its root element `PcGts`.

use roxmltree::{Document, Node};

use super::boxes::{BoxPage, OcrBox, Unit};
use super::words;
use crate::error::{Error, ErrorKind, Result};

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "PAGE XML", message })
}

/// True when `prefix` (the start of a file) opens a `PcGts` root element.
pub fn sniff(prefix: &[u8]) -> bool {
    super::xml::root_is(prefix, b"PcGts")
}

/// Reads `bytes` as a PAGE page if they open a `PcGts` element ([`sniff`];
/// `Ok(None)` otherwise); errors as [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    super::xml::detect(bytes, sniff, parse)
}

fn named(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name
}

/// Reads `bytes` as a PAGE page. Errors ([`ErrorKind::Input`]; the position gives the
/// line and the message the line and column): not UTF-8, not well-formed XML, a root
/// element that is not `PcGts`, no `Page`, `Coords` that are not points of finite
/// numbers.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    let text = super::xml::text(bytes).map_err(bad)?;
    let doc = Document::parse(text).map_err(|e| super::xml::syntax(e, bad))?;
    let root = doc.root_element();
    if root.tag_name().name() != "PcGts" {
        return Err(bad(format!("the root element is <{}>, not <PcGts>", root.tag_name().name())).with_line(1));
    }
    let Some(page) = root.children().find(|n| named(n, "Page")) else { return Err(bad("no Page element".into())) };
    let size = |name: &str| page.attribute(name).and_then(|v| v.trim().parse::<f64>().ok()).filter(|v| v.is_finite());
    let given = size("imageWidth").zip(size("imageHeight"));
    let mut boxes = Vec::new();
    for region in page.descendants().filter(|n| named(n, "TextRegion")) {
        let lines: Vec<Node> = region.children().filter(|n| named(n, "TextLine")).collect();
        let label = region.attribute("type");
        if lines.is_empty() {
            push(&doc, region, label, &mut boxes)?;
        }
        for line in lines {
            push(&doc, line, label, &mut boxes)?;
        }
    }
    let (width, height) = words::page_size(given, &boxes);
    Ok(BoxPage { boxes, width, height, unit: Unit::Px })
}

/// Adds the box of a `TextLine` (or a region without lines) when it has text and
/// `Coords`, labelled with its region's `type`.
fn push(doc: &Document, n: Node, label: Option<&str>, out: &mut Vec<OcrBox>) -> Result<()> {
    let (text, conf) = match text_equiv(n) {
        Some(t) => t,
        None => (words_text(n), None),
    };
    if text.trim().is_empty() {
        return Ok(());
    }
    let Some(coords) = n.children().find(|c| named(c, "Coords")) else { return Ok(()) };
    let points = points(doc, coords)?;
    if points.is_empty() {
        return Ok(());
    }
    let mut b = OcrBox::unchecked(out.last().map_or(0, |l: &OcrBox| l.index + 1), &text, points);
    b.id = n.attribute("id").map(str::to_string);
    b.confidence = conf.map(|c| c.clamp(0.0, 1.0));
    b.label = label.map(str::to_string);
    out.push(b);
    Ok(())
}

/// The element's own `TextEquiv` (lowest `index` first): its `Unicode` text and `conf`.
fn text_equiv(n: Node) -> Option<(String, Option<f64>)> {
    let best = n
        .children()
        .filter(|c| named(c, "TextEquiv"))
        .min_by_key(|e| e.attribute("index").and_then(|i| i.parse::<i64>().ok()).unwrap_or(i64::MAX))?;
    let unicode = best.children().find(|c| named(c, "Unicode"))?;
    let text: String = unicode.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect();
    let conf = best.attribute("conf").and_then(|c| c.parse::<f64>().ok()).filter(|c| c.is_finite());
    Some((text, conf))
}

/// The text of a line's `Word`s, joined.
fn words_text(n: Node) -> String {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out = String::new();
    for w in n.children().filter(|c| named(c, "Word")) {
        let Some((t, _)) = text_equiv(w) else { continue };
        let t = t.trim();
        if latin(out.chars().next_back()) && latin(t.chars().next()) {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// The points of a `Coords` element: its `points` attribute (`x,y x,y …`) or its
/// `Point` children. Errors: a point that is not two finite numbers.
fn points(doc: &Document, coords: Node) -> Result<Vec<[f64; 2]>> {
    let fail = |what: &str| bad(format!("Coords with {what}")).with_line(super::xml::line_of(doc, coords));
    let num = |v: &str| v.trim().parse::<f64>().ok().filter(|x| x.is_finite());
    let mut out = Vec::new();
    if let Some(list) = coords.attribute("points") {
        for p in list.split_ascii_whitespace() {
            let (x, y) = p.split_once(',').ok_or_else(|| fail(&format!("a point {p:?} that is not x,y")))?;
            match (num(x), num(y)) {
                (Some(x), Some(y)) => out.push([x, y]),
                _ => return Err(fail(&format!("a point {p:?} that is not two numbers"))),
            }
        }
    } else {
        for p in coords.children().filter(|c| named(c, "Point")) {
            match (p.attribute("x").and_then(num), p.attribute("y").and_then(num)) {
                (Some(x), Some(y)) => out.push([x, y]),
                _ => return Err(fail("a Point that is not two numbers")),
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    /// A PAGE 2019 page: a heading region with a line, a paragraph region with a line
    /// given only by its words, a caption region with no lines, an image region.
    const PAGE_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
  <Metadata><Creator>hand</Creator></Metadata>
  <Page imageFilename="p.png" imageWidth="1000" imageHeight="1400">
    <ReadingOrder><OrderedGroup id="g0"><RegionRefIndexed regionRef="r1" index="0"/></OrderedGroup></ReadingOrder>
    <TextRegion id="r1" type="heading">
      <Coords points="100,100 400,100 400,140 100,140"/>
      <TextLine id="l1">
        <Coords points="100,100 400,100 400,140 100,140"/>
        <TextEquiv index="2" conf="0.5"><Unicode>会议举仃</Unicode></TextEquiv>
        <TextEquiv index="1" conf="0.9"><Unicode>会议举行</Unicode></TextEquiv>
      </TextLine>
    </TextRegion>
    <TextRegion id="r2" type="paragraph">
      <Coords points="100,150 500,150 500,190 100,190"/>
      <TextLine id="l2">
        <Coords><Point x="100" y="150"/><Point x="500" y="150"/><Point x="500" y="190"/><Point x="100" y="190"/></Coords>
        <Word id="w1"><Coords points="100,150 280,150 280,190 100,190"/><TextEquiv><Unicode>People's</Unicode></TextEquiv></Word>
        <Word id="w2"><Coords points="300,150 500,150 500,190 300,190"/><TextEquiv><Unicode>Daily</Unicode></TextEquiv></Word>
      </TextLine>
    </TextRegion>
    <ImageRegion id="i1"><Coords points="100,300 900,300 900,900 100,900"/></ImageRegion>
    <TextRegion id="r3" type="caption">
      <Coords points="100,910 700,910 700,950 100,950"/>
      <TextEquiv><Unicode>图为会场</Unicode></TextEquiv>
    </TextRegion>
  </Page>
</PcGts>
"#;

    #[test]
    fn text_lines_become_boxes_of_their_coords_and_text() {
        let p = parse(PAGE_XML.as_bytes()).unwrap();
        assert_eq!((p.width, p.height), (1000.0, 1400.0));
        let texts: Vec<&str> = p.boxes.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["会议举行", "People's Daily", "图为会场"]);
        let ids: Vec<&str> = p.boxes.iter().filter_map(|b| b.id.as_deref()).collect();
        assert_eq!(ids, ["l1", "l2", "r3"]);
        assert_eq!(p.boxes[1].rect, Rect { x0: 100.0, y0: 150.0, x1: 500.0, y1: 190.0 });
        assert_eq!((p.boxes[0].confidence, p.boxes[2].index), (Some(0.9), 2));
        use crate::read::boxes::LayoutHint;
        let hints: Vec<(Option<&str>, Option<LayoutHint>)> = p.boxes.iter().map(|b| (b.label.as_deref(), b.hint())).collect();
        assert_eq!(
            hints,
            [(Some("heading"), Some(LayoutHint::Heading)), (Some("paragraph"), None), (Some("caption"), Some(LayoutHint::Caption))]
        );
        assert!(sniff(PAGE_XML.as_bytes()) && !sniff(b"<alto>"));
        assert!(detect(b"<alto/>").unwrap().is_none());
    }

    #[test]
    fn bad_input_is_an_error_naming_line_and_column() {
        let e = parse(PAGE_XML.replace("<Point x=\"500\" y=\"150\"/>", "<Point x=\"5OO\" y=\"150\"/>").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("not a PAGE XML page: Coords with a Point that is not two numbers"), "{e}");
        assert_eq!(e.position().line, Some(17));
        let e = parse(PAGE_XML.replace("400,100 400,140", "400;100 400,140").as_bytes()).unwrap_err();
        assert!(e.to_string().contains("a point \"400;100\" that is not x,y"), "{e}");
        let e = parse(
            PAGE_XML
                .replace("</TextLine>\n    </TextRegion>\n    <TextRegion id=\"r2\"", "</TextRegion>\n    <TextRegion id=\"r2\"")
                .as_bytes(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("not well-formed XML at line 12, column"), "{e}");
        assert!(parse(b"<PcGts/>").unwrap_err().to_string().contains("no Page"));
        assert!(parse(b"<alto/>").unwrap_err().to_string().contains("not <PcGts>"));
    }

    #[test]
    fn the_pipeline_reads_it_by_content() {
        use crate::{Options, Pipeline};
        let page = Pipeline::new(Options::default()).unwrap().process_bytes("p.xml", PAGE_XML.as_bytes()).unwrap();
        let all: Vec<&str> = page.articles.iter().flat_map(|a| a.blocks.iter().map(|b| b.text.as_str())).collect();
        assert!(all.contains(&"图为会场"), "{all:?}");
        let ids: Vec<String> = page.articles.iter().flat_map(|a| a.provenance.ids.clone().unwrap_or_default()).collect();
        assert!(ids.contains(&"r3".to_string()), "{ids:?}");
    }
}
