//! The page viewer: one self-contained HTML file (no server, no network, nothing from a
//! CDN) showing how banmian read a page. A box page (blocks with `bbox`) is drawn to
//! scale as an SVG, each block's box in its article's colour with its role as a label
//! (the headline group's fields and credits where the article's `heads` place them,
//! then the blocks' kinds: paragraph, caption, ...),
//! `removed` and `leftovers` in grey, over the scan when one is given; a text page is
//! shown as its input lines, each coloured by the article that holds it (grey for
//! removed and leftover lines). The articles' texts are listed beside the page;
//! clicking an article (in the list or on the page) gives exactly its boxes or lines
//! the class `hl`. The page records its load time in `data-load-ms` on `<body>`.
//!
//! Size: about 300 bytes per box plus the texts (a 200-box page is well under 1 MB
//! without its image; a test checks it).

use std::fmt::Write as _;

use crate::model::{Block, BlockKind, Page};

/// What the viewer shows besides the page object.
#[derive(Debug, Clone, Default)]
pub struct ViewOptions {
    /// The input text (a text page's lines, numbered from 1), to show the lines by article.
    pub input: Option<String>,
    /// The page size `[width, height]` in the unit of the boxes (the contract's
    /// `page.width`/`height`); else the extent of the boxes.
    pub page_size: Option<[f64; 2]>,
    /// A scan to draw under the boxes.
    pub image: Option<Image>,
    /// Warnings to show at the top of the page (a scan whose size differs from the page's, ...).
    pub warnings: Vec<String>,
}

/// An embedded scan: its media type (`image/png`, `image/jpeg`), bytes and pixel size.
#[derive(Debug, Clone)]
pub struct Image {
    /// `image/png` or `image/jpeg`.
    pub media_type: &'static str,
    /// The encoded image, as embedded.
    pub bytes: Vec<u8>,
    /// `[width, height]` in pixels of the scan as given (before any scaling down), the
    /// size to compare with the page's proportions.
    pub size: [u32; 2],
}

/// The longest side, in pixels, of a scan embedded as it is. A larger scan is scaled
/// down to this side before it is embedded: a viewer is read on a screen, and a 600 dpi
/// broadsheet (about 9,000 × 13,000 pixels) would make a 100 MB page.
pub const MAX_EMBED_SIDE: u32 = 3000;

/// Why a scan cannot be embedded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmbedError {
    /// Not an image format the viewer reads (PNG, JPEG, TIFF).
    #[error("not a PNG, JPEG or TIFF image{}", .0.map(|f| format!(" (a {f:?} file)")).unwrap_or_default())]
    Unsupported(Option<image::ImageFormat>),
    /// The file says it is PNG, JPEG or TIFF but cannot be decoded or re-encoded.
    #[error("cannot read the image: {0}")]
    Decode(#[from] image::ImageError),
}

/// Reads a scan for the viewer (the `image` crate's PNG, JPEG and TIFF decoders).
///
/// A PNG or JPEG whose longer side is at most [`MAX_EMBED_SIDE`] pixels is embedded byte
/// for byte. A TIFF (which browsers do not draw), or a larger PNG or JPEG, is decoded,
/// scaled down (keeping its proportions, triangle filter) so its longer side is at most
/// [`MAX_EMBED_SIDE`], and re-encoded as PNG (lossless: grey scans stay grey, 8 bits); the
/// second value then says what was done (`"TIFF 5000 × 7000 px re-encoded as PNG 2143 ×
/// 3000 px"`), for the viewer to show.
///
/// # Errors
/// [`EmbedError::Unsupported`] for any other content, [`EmbedError::Decode`] for a
/// damaged image or one over the `image` crate's default memory limit (512 MiB).
pub fn embed_image(bytes: &[u8]) -> Result<(Image, Option<String>), EmbedError> {
    embed_within(bytes, MAX_EMBED_SIDE)
}

/// [`embed_image`] with `max_side` for [`MAX_EMBED_SIDE`].
fn embed_within(bytes: &[u8], max_side: u32) -> Result<(Image, Option<String>), EmbedError> {
    use image::{ImageFormat, ImageReader};
    let reader = || ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format();
    let format = reader().map_err(image::ImageError::IoError)?.format();
    let name = match format {
        Some(ImageFormat::Png) => "PNG",
        Some(ImageFormat::Jpeg) => "JPEG",
        Some(ImageFormat::Tiff) => "TIFF",
        other => return Err(EmbedError::Unsupported(other)),
    };
    let (w, h) = reader().map_err(image::ImageError::IoError)?.into_dimensions()?;
    let size = [w, h];
    if name != "TIFF" && w.max(h) <= max_side {
        let media_type = if name == "PNG" { "image/png" } else { "image/jpeg" };
        return Ok((Image { media_type, bytes: bytes.to_vec(), size }, None));
    }
    let mut img = reader().map_err(image::ImageError::IoError)?.decode()?;
    if w.max(h) > max_side {
        img = img.resize(max_side, max_side, image::imageops::FilterType::Triangle);
    }
    let img = if img.color().has_color() {
        image::DynamicImage::ImageRgb8(img.to_rgb8())
    } else {
        image::DynamicImage::ImageLuma8(img.to_luma8())
    };
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)?;
    let note = format!("{name} {w} × {h} px re-encoded as PNG {} × {} px", img.width(), img.height());
    Ok((Image { media_type: "image/png", bytes: out, size }, Some(note)))
}

/// The colour of article `k`: hues spread by the golden angle.
fn colour(k: usize) -> String {
    format!("hsl({:.0},70%,42%)", (k as f64 * 137.508) % 360.0)
}

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

fn kind_name(k: BlockKind) -> String {
    serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// One thing drawn: its box, the article it belongs to (`None`: removed or leftover), its label.
struct Item {
    bbox: [i64; 4],
    article: Option<usize>,
    label: String,
    boxes: Vec<usize>,
}

fn items(page: &Page) -> Vec<Item> {
    let mut v = Vec::new();
    let block = |b: &Block, article: Option<usize>| {
        b.provenance.bbox.map(|bbox| Item {
            bbox,
            article,
            label: kind_name(b.kind),
            boxes: b.provenance.boxes.clone().unwrap_or_default(),
        })
    };
    for a in &page.articles {
        // The headline group and credits where `heads` says they were read, labelled with their role.
        v.extend(a.heads.iter().filter_map(|h| {
            let label = serde_json::to_value(h.role).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            h.provenance.bbox.map(|bbox| Item { bbox, article: Some(a.id), label, boxes: h.provenance.boxes.clone().unwrap_or_default() })
        }));
        v.extend(a.blocks.iter().filter_map(|b| block(b, Some(a.id))));
    }
    v.extend(page.leftovers.iter().filter_map(|b| block(b, None)));
    for r in &page.removed {
        if let Some(bbox) = r.provenance.bbox {
            let label = format!(
                "removed: {}",
                serde_json::to_value(r.reason).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
            );
            v.push(Item { bbox, article: None, label, boxes: r.provenance.boxes.clone().unwrap_or_default() });
        }
    }
    v
}

/// The viewer's HTML for `page`. Deterministic: the same page and options give the same bytes.
///
/// ```
/// use banmian::{Options, Pipeline, write::view};
///
/// let p = Pipeline::new(Options::default()).unwrap();
/// let input = "## 会议举行\n\n本报讯 会议举行。\n";
/// let page = p.process("01.txt", input);
/// let html = view::html(&page, &view::ViewOptions { input: Some(input.into()), ..Default::default() });
/// assert!(html.starts_with("<!DOCTYPE html>") && html.contains(r#"<li class="article" data-article="0""#));
/// assert!(!html.contains("http://") && !html.contains("https://"));
/// ```
pub fn html(page: &Page, opts: &ViewOptions) -> String {
    let mut h = String::new();
    let title = esc(&page.source);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>banmian: {title}</title>\n<style>{STYLE}</style></head>\n<body data-articles=\"{}\">\n<header><b>{title}</b> {}, {}, {} removed</header>\n",
        page.articles.len(),
        crate::batch::count(page.articles.len() as u64, "article", "articles"),
        crate::batch::count(page.leftovers.len() as u64, "leftover", "leftovers"),
        page.removed.len()
    );
    for w in &opts.warnings {
        let _ = writeln!(h, "<p class=\"warning\">{}</p>", esc(w));
    }
    h.push_str("<main><section id=\"page\">\n");
    let drawn = items(page);
    if !drawn.is_empty() {
        svg(&mut h, page, &drawn, opts);
    } else if let Some(input) = &opts.input {
        text_lines(&mut h, page, input);
    } else {
        h.push_str("<p class=\"warning\">no boxes and no input text: give the page's input (--input) to see its lines</p>\n");
    }
    h.push_str("</section>\n<section id=\"articles\"><ol start=\"0\">\n");
    for a in &page.articles {
        let _ = write!(h, "<li class=\"article\" data-article=\"{}\" style=\"border-color:{}\">", a.id, colour(a.id));
        for (role, v) in [
            ("kicker", &a.kicker),
            ("headline", &a.headline),
            ("subheadline", &a.subheadline),
            ("rubric", &a.rubric),
            ("byline", &a.byline),
        ] {
            if let Some(v) = v {
                let _ = write!(h, "<div class=\"{role}\"><small>{role}</small> {}</div>", esc(v));
            }
        }
        for b in &a.blocks {
            let _ = write!(h, "<p class=\"block {0}\"><small>{0}</small> {1}</p>", kind_name(b.kind), esc(&b.text));
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
    if !page.leftovers.is_empty() {
        h.push_str("<h3>leftovers</h3>\n");
        for b in &page.leftovers {
            let _ = writeln!(h, "<p class=\"leftover\"><small>{}</small> {}</p>", kind_name(b.kind), esc(&b.text));
        }
    }
    if !page.removed.is_empty() {
        h.push_str("<h3>removed</h3>\n");
        for r in &page.removed {
            let reason = serde_json::to_value(r.reason).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            let _ = writeln!(h, "<p class=\"removed\"><small>{reason}</small> {}</p>", esc(&r.text));
        }
    }
    h.push_str("</section></main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body></html>\n");
    h
}

fn svg(h: &mut String, page: &Page, drawn: &[Item], opts: &ViewOptions) {
    let [w, ht] = opts.page_size.unwrap_or_else(|| {
        let x = drawn.iter().map(|i| i.bbox[2]).max().unwrap_or(1).max(1) as f64;
        let y = drawn.iter().map(|i| i.bbox[3]).max().unwrap_or(1).max(1) as f64;
        [x, y]
    });
    let font = (w / 120.0).max(1.0);
    let _ = writeln!(h, "<svg id=\"boxes\" viewBox=\"0 0 {w} {ht}\" preserveAspectRatio=\"xMidYMin meet\">");
    if let Some(img) = &opts.image {
        let _ = writeln!(
            h,
            "<image x=\"0\" y=\"0\" width=\"{w}\" height=\"{ht}\" preserveAspectRatio=\"none\" href=\"data:{};base64,{}\"/>",
            img.media_type,
            base64(&img.bytes)
        );
    }
    for it in drawn {
        let [x0, y0, x1, y1] = it.bbox;
        let (class, stroke, art) = match it.article {
            Some(k) => ("box", colour(k), format!(" data-article=\"{k}\"")),
            None => ("box grey", "#999".to_string(), String::new()),
        };
        let boxes = it.boxes.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
        let _ = writeln!(
            h,
            "<g class=\"{class}\"{art} data-boxes=\"{boxes}\"><rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" stroke=\"{stroke}\"/><text x=\"{x0}\" y=\"{y0}\" font-size=\"{font}\" fill=\"{stroke}\">{}</text></g>",
            x1 - x0,
            y1 - y0,
            esc(&it.label)
        );
    }
    // A page object without `heads` (written before they were): the headline group's
    // role labels go at the top of the article's box.
    for a in page.articles.iter().filter(|a| a.heads.is_empty()) {
        if let Some([x0, y0, _, _]) = a.provenance.bbox {
            let roles: Vec<&str> = [
                ("kicker", &a.kicker),
                ("headline", &a.headline),
                ("subheadline", &a.subheadline),
                ("byline", &a.byline),
                ("dateline", &a.dateline),
            ]
            .into_iter()
            .filter_map(|(r, v)| v.as_ref().map(|_| r))
            .collect();
            if !roles.is_empty() {
                let _ = writeln!(
                    h,
                    "<text class=\"heads\" x=\"{x0}\" y=\"{}\" font-size=\"{font}\" fill=\"{}\">{}</text>",
                    y0 as f64 - font * 0.2,
                    colour(a.id),
                    roles.join(" · ")
                );
            }
        }
    }
    let _ = writeln!(h, "</svg>\n<p class=\"scale\">{} ({w} × {ht})</p>", page.page.label.as_deref().map(esc).unwrap_or_default());
}

fn text_lines(h: &mut String, page: &Page, input: &str) {
    let mut owner: Vec<Option<String>> = vec![None; input.lines().count() + 1];
    let mut mark = |lines: [usize; 2], v: String| {
        for n in lines[0]..=lines[1].min(owner.len().saturating_sub(1)) {
            owner[n] = Some(v.clone());
        }
    };
    for r in &page.removed {
        mark(r.lines, "removed".into());
    }
    for b in &page.leftovers {
        mark(b.lines, "leftover".into());
    }
    for a in &page.articles {
        // The article's whole span: its headline group and credit lines as well as its blocks.
        mark(a.lines, a.id.to_string());
    }
    h.push_str("<ol id=\"lines\">\n");
    for (i, l) in input.lines().enumerate() {
        let n = i + 1;
        match owner[n].as_deref() {
            Some(k @ ("removed" | "leftover")) => {
                let _ = writeln!(h, "<li class=\"line grey {k}\">{}</li>", esc(l));
            }
            Some(k) => {
                let c = colour(k.parse().unwrap_or(0));
                let _ = writeln!(h, "<li class=\"line\" data-article=\"{k}\" style=\"border-color:{c}\">{}</li>", esc(l));
            }
            None => {
                let _ = writeln!(h, "<li class=\"line\">{}</li>", esc(l));
            }
        }
    }
    h.push_str("</ol>\n");
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            o.push(if i <= c.len() { A[(n >> shift & 63) as usize] as char } else { '=' });
        }
    }
    o
}

const STYLE: &str = "body{font-family:sans-serif;margin:0}header{padding:6px 10px;background:#eee}main{display:flex;gap:12px;padding:8px}\
#page{flex:1 1 55%;min-width:0}#articles{flex:1 1 45%;max-height:95vh;overflow:auto}svg{width:100%;height:auto;border:1px solid #ccc}\
rect{fill:none;pointer-events:all;cursor:pointer;stroke-width:0.25%;vector-effect:non-scaling-stroke}g.box rect{stroke-width:2px}g.grey rect{stroke-dasharray:4 3}\
g.hl rect{stroke-width:5px;fill:rgba(255,220,0,.25)}.article{border-left:6px solid;margin:0 0 10px;padding:4px 8px;cursor:pointer}\
.article.hl{background:#fff6c0}.line{border-left:6px solid transparent;padding-left:6px;white-space:pre-wrap;cursor:pointer}\
.line.grey{color:#999}.line.hl{background:#fff6c0}small{color:#888}.headline{font-size:1.2em;font-weight:bold}\
.leftover,.removed{color:#888}.warning{color:#a00;font-weight:bold;padding:0 10px}";

const SCRIPT: &str = r#"
(function () {
  function pick(k) {
    document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
    document.querySelectorAll('[data-article="' + k + '"]').forEach(function (e) { e.classList.add('hl'); });
  }
  document.querySelectorAll('[data-article]').forEach(function (e) {
    e.addEventListener('click', function () { pick(e.getAttribute('data-article')); });
  });
  window.banmianPick = pick;
  // Milliseconds from the start of navigation to the end of this script.
  document.body.setAttribute('data-load-ms', performance.now().toFixed(1));
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let v: Vec<String> = ["", "f", "fo", "foo", "foob", "fooba", "foobar"].iter().map(|s| base64(s.as_bytes())).collect();
        assert_eq!(v, ["", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"]);
    }

    fn encoded(img: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn small_png_and_jpeg_are_embedded_byte_for_byte() {
        for (format, media) in [(image::ImageFormat::Png, "image/png"), (image::ImageFormat::Jpeg, "image/jpeg")] {
            let bytes = encoded(image::DynamicImage::new_rgb8(640, 480), format);
            let (img, note) = embed_image(&bytes).unwrap();
            assert_eq!((img.media_type, img.size, note), (media, [640, 480], None));
            assert_eq!(img.bytes, bytes);
        }
    }

    #[test]
    fn tiff_is_re_encoded_as_png_at_its_size() {
        let bytes = encoded(image::DynamicImage::new_luma8(300, 200), image::ImageFormat::Tiff);
        let (img, note) = embed_image(&bytes).unwrap();
        assert_eq!((img.media_type, img.size), ("image/png", [300, 200]));
        assert_eq!(note.as_deref(), Some("TIFF 300 × 200 px re-encoded as PNG 300 × 200 px"));
        let back = image::load_from_memory(&img.bytes).unwrap();
        assert_eq!((back.width(), back.height()), (300, 200));
    }

    #[test]
    fn large_scan_is_scaled_down_keeping_proportions() {
        let bytes = encoded(image::DynamicImage::new_luma8(400, 200), image::ImageFormat::Png);
        let (img, note) = embed_within(&bytes, 100).unwrap();
        assert_eq!((img.media_type, img.size), ("image/png", [400, 200]), "size stays the scan's own");
        let back = image::load_from_memory(&img.bytes).unwrap();
        assert_eq!((back.width(), back.height()), (100, 50));
        assert_eq!(note.as_deref(), Some("PNG 400 × 200 px re-encoded as PNG 100 × 50 px"));
        assert_eq!(embed_within(&bytes, 400).unwrap().1, None, "at the limit: as it is");
    }

    #[test]
    fn other_content_is_refused_by_name() {
        assert!(matches!(embed_image(b"GIF89a\x01\0\x01\0"), Err(EmbedError::Unsupported(Some(image::ImageFormat::Gif)))));
        assert!(matches!(embed_image(b"plain text"), Err(EmbedError::Unsupported(None))));
        assert!(matches!(embed_image(b"II*\0 broken tiff"), Err(EmbedError::Decode(_))));
    }
}
