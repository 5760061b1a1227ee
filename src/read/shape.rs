//! What a file that is no page of [`super::FORMATS`] looks like, so that it is
//! refused (or skipped in a folder) with a message rather than read as text.
//!
//! Issue 11: a JSON, XML, HTML or PDF file of a shape banmian does not read used to
//! come out as one article of markup. [`shape`] recognises such files by parsing them
//! (serde_json for JSON, roxmltree for XML), never by a window of their first bytes:
//! a file is JSON when it parses wholly as a JSON object or array, XML when it parses
//! wholly as XML, HTML when it opens with `<!DOCTYPE html` or `<html` (HTML need not be
//! well-formed XML), PDF when it starts with `%PDF-`, an image when its magic bytes say PNG,
//! JPEG, TIFF, GIF or WebP. A JSON object whose `schema`
//! names `banmian.…` is banmian's own output. Anything else is text.

use serde_json::Value;

use super::xml::strip_bom;

/// What a file that no format reads looks like; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// banmian's own output: a JSON object (or a first JSON Lines object) whose
    /// `schema` is this string (`banmian.page/1`, `banmian.issue/1`, …).
    Banmian(String),
    /// JSON of another shape: what the top level is (`an object with keys "a", "b"`).
    Json(String),
    /// Well-formed XML whose root element has this (local) name.
    Xml(String),
    /// An HTML document that is not hOCR.
    Html,
    /// A PDF file (`%PDF-`).
    Pdf,
    /// MinerU's `model.json` (its layout model's detections, one entry per page, this
    /// many): not read; its `middle.json` or `content_list.json` is.
    MineruModel(usize),
    /// A page image: its format's name (`PNG`, `JPEG`, `TIFF`, `GIF`, `WebP`), told by
    /// its magic bytes (the `image` crate's `guess_format`).
    Image(&'static str),
}

impl Shape {
    /// What the file looks like, as a phrase (`banmian's own output (banmian.page/1)`,
    /// `JSON (an object with keys "a", "b") of a shape banmian does not read`, …).
    pub fn describe(&self) -> String {
        match self {
            Shape::Banmian(schema) => format!("banmian's own output ({schema}), not an input page"),
            Shape::Json(what) => format!("JSON ({what}) of a shape banmian does not read"),
            Shape::Xml(root) => format!("XML (root element <{root}>) of a shape banmian does not read"),
            Shape::Html => "an HTML document that is not hOCR".into(),
            Shape::Pdf => "a PDF file".into(),
            Shape::Image(format) => format!("a {format} image"),
            Shape::MineruModel(n) => format!("MinerU's model.json (layout detections of {n} page{})", if *n == 1 { "" } else { "s" }),
        }
    }

    /// What to do about it, as a sentence.
    pub fn advice(&self) -> String {
        let formats: Vec<&str> = super::FORMATS.iter().filter(|f| f.detect.is_some()).map(|f| f.name).collect();
        match self {
            Shape::Banmian(_) => "give banmian the page it was made from".into(),
            Shape::Pdf | Shape::Image(_) => "run OCR or a layout tool on it first and give banmian that tool's output".into(),
            Shape::MineruModel(_) => super::mineru::MODEL_ADVICE.into(),
            _ => format!(
                "banmian reads text, Markdown and the box formats {}; run OCR first, name a format with \
                 --input-format NAME, or give --input-format text to read the file as text anyway",
                formats.join(", ")
            ),
        }
    }

    /// The refusal message: what it looks like and what to do.
    pub fn message(&self) -> String {
        format!("looks like {}: {}", self.describe(), self.advice())
    }
}

/// What `bytes` look like when they are JSON, XML, HTML or PDF (see the module
/// documentation); `None` for anything else (text).
pub fn shape(bytes: &[u8]) -> Option<Shape> {
    let t = strip_bom(bytes);
    if t.starts_with(b"%PDF-") {
        return Some(Shape::Pdf);
    }
    // Only formats whose magic bytes cannot open a text page (not PNM's `P1`, nor BMP's `BM`).
    use image::ImageFormat as F;
    match image::guess_format(t) {
        Ok(F::Png) => return Some(Shape::Image("PNG")),
        Ok(F::Jpeg) => return Some(Shape::Image("JPEG")),
        Ok(F::Tiff) => return Some(Shape::Image("TIFF")),
        Ok(F::Gif) => return Some(Shape::Image("GIF")),
        Ok(F::WebP) => return Some(Shape::Image("WebP")),
        _ => {}
    }
    let t = t.trim_ascii_start();
    match t.first()? {
        b'{' | b'[' => json(t),
        b'<' => markup(t),
        _ => None,
    }
}

fn json(t: &[u8]) -> Option<Shape> {
    match serde_json::from_slice::<Value>(t) {
        Ok(v) => Some(json_shape(&v)),
        Err(_) => {
            // JSON Lines of banmian's pages (`--jsonl` output) is banmian's too: the first
            // line decides.
            let first = t.split(|b| *b == b'\n').next()?;
            let v: Value = serde_json::from_slice(first).ok()?;
            match json_shape(&v) {
                s @ Shape::Banmian(_) => Some(s),
                _ => None,
            }
        }
    }
}

fn json_shape(v: &Value) -> Shape {
    match v {
        Value::Object(m) => match m.get("schema").and_then(Value::as_str) {
            Some(s) if s.starts_with("banmian.") => Shape::Banmian(s.to_string()),
            _ => {
                let mut keys: Vec<String> = m.keys().take(4).map(|k| format!("{k:?}")).collect();
                if m.len() > 4 {
                    keys.push("…".into());
                }
                if keys.is_empty() {
                    Shape::Json("an empty object".into())
                } else {
                    Shape::Json(format!("an object with keys {}", keys.join(", ")))
                }
            }
        },
        Value::Array(a) if super::mineru::is_model(v) => Shape::MineruModel(a.len()),
        Value::Array(a) => Shape::Json(format!("an array of {} items", a.len())),
        _ => Shape::Json("a bare value".into()),
    }
}

fn markup(t: &[u8]) -> Option<Shape> {
    let head = &t[..t.len().min(64)];
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Some(Shape::Html);
    }
    let text = std::str::from_utf8(t).ok()?;
    let opt = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let doc = roxmltree::Document::parse_with_options(text, opt).ok()?;
    let root = doc.root_element().tag_name().name();
    Some(if root.eq_ignore_ascii_case("html") { Shape::Html } else { Shape::Xml(root.to_string()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_json_xml_html_pdf_and_banmian_outputs_from_text() {
        assert_eq!(shape(br#"{"schema": "banmian.page/1", "articles": []}"#), Some(Shape::Banmian("banmian.page/1".into())));
        assert_eq!(
            shape(b"{\"schema\":\"banmian.page/1\"}\n{\"schema\":\"banmian.page/1\"}\n"),
            Some(Shape::Banmian("banmian.page/1".into())),
            "JSON Lines output"
        );
        assert_eq!(shape(br#"{"a": 1, "b": [2]}"#), Some(Shape::Json(r#"an object with keys "a", "b""#.into())));
        assert_eq!(shape(b"[[1, 2], 3]"), Some(Shape::Json("an array of 2 items".into())));
        assert_eq!(shape(b"<?xml version=\"1.0\"?>\n<x:doc xmlns:x=\"u\"><p/></x:doc>"), Some(Shape::Xml("doc".into())));
        assert_eq!(shape(b"<!DOCTYPE html>\n<p>unclosed"), Some(Shape::Html));
        assert_eq!(shape(b"%PDF-1.4\n1 0 obj"), Some(Shape::Pdf));
        assert_eq!(shape(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(Shape::Image("PNG")));
        assert_eq!(shape(b"II*\0\x08\0\0\0"), Some(Shape::Image("TIFF")));
        assert_eq!(shape(b"\xff\xd8\xff\xe0\0\x10JFIF"), Some(Shape::Image("JPEG")));
        assert_eq!(shape("P1 版 要闻\nBM 公司".as_bytes()), None, "text that opens like PNM or BMP stays text");
        // Text, including text that merely starts like JSON or markup.
        assert_eq!(shape("## 标题\n正文".as_bytes()), None);
        assert_eq!(shape("{编者按} 正文".as_bytes()), None);
        assert_eq!(shape("<第一版> 要闻".as_bytes()), None);
        assert_eq!(shape("2021".as_bytes()), None, "a bare number is text");
        assert!(Shape::Pdf.message().contains("run OCR"), "{}", Shape::Pdf.message());
        assert!(Shape::Html.message().contains("--input-format text"));
        let model = br#"[{"layout_dets": [{"category_id": 1, "poly": [0, 0, 1, 0, 1, 1, 0, 1], "score": 0.9}], "page_info": {"page_no": 0, "width": 1654, "height": 2339}}]"#;
        assert_eq!(shape(model), Some(Shape::MineruModel(1)));
        assert_eq!(
            Shape::MineruModel(4).message(),
            "looks like MinerU's model.json (layout detections of 4 pages): give banmian the middle.json (or \
             content_list.json) MinerU wrote beside it, which holds the text in reading order"
        );
    }
}
