//! A page of OCR boxes, whatever engine read it: the boxes, their text and their
//! geometry. The box readers ([`super::paddleocr`], ...) fill it; the geometry
//! (`geometry`) reads it. It makes no layout decision.

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Page, Removed, RemovedReason, Warning, WarningKind};

/// An axis-aligned rectangle in page pixels; `x0 <= x1`, `y0 <= y1`, y grows downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Rect {
    /// Width in pixels.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height in pixels.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// Vertical centre.
    pub fn cy(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect { x0: self.x0.min(other.x0), y0: self.y0.min(other.y0), x1: self.x1.max(other.x1), y1: self.y1.max(other.y1) }
    }

    /// Length of the overlap of the two x ranges (0 when they do not overlap).
    pub fn x_overlap(&self, other: &Rect) -> f64 {
        (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0)
    }

    /// `[x0, y0, x1, y1]` rounded outwards to whole pixels, as written in `bbox`.
    pub fn round_out(&self) -> [i64; 4] {
        [self.x0.floor() as i64, self.y0.floor() as i64, self.x1.ceil() as i64, self.y1.ceil() as i64]
    }
}

/// One OCR result: the recognized text of one detected line and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrBox {
    /// 0-based number of the format's text line (the position in PaddleOCR's
    /// `ocr_results`; each reader documents its numbering): what `boxes` in the output
    /// refers to. Several boxes share a number when a reader cut one line in pieces.
    pub index: usize,
    /// The recognized text, trimmed of white space at both ends.
    pub text: String,
    /// The detected polygon in the page's unit, as given (clockwise from top-left for PaddleOCR).
    pub points: Vec<[f64; 2]>,
    /// The axis-aligned rectangle around `points`.
    pub rect: Rect,
    /// The format's own name for the line (hOCR `id`, ALTO `ID`), when it gives one.
    pub id: Option<String>,
    /// The engine's confidence in the text, 0..=1 (the mean over the line's words for
    /// formats that score words), when it gives one.
    pub confidence: Option<f64>,
    /// The format's own label for the region the line belongs to, verbatim (MinerU block
    /// `type`, PP-Structure `block_label`, dots.ocr `category`, marker `block_type`, PAGE
    /// `TextRegion@type`), when it gives one: evidence, not truth ([`OcrBox::hint`]).
    pub label: Option<String>,
    /// The format itself dropped the line from its text (MinerU `discarded_blocks`): it
    /// goes to the page's `removed` with reason `discarded_by_source` and its `label`,
    /// and the geometry does not see it.
    pub discarded: bool,
}

impl OcrBox {
    /// Builds a box from its polygon (`index` and `text` as the fields say; `points` in
    /// the page's unit, at least one). Errors: [`ErrorKind::InvalidBox`] when `points` is
    /// empty or holds a number that is not finite (its `bbox` would be meaningless).
    ///
    /// ```
    /// use banmian::read::boxes::OcrBox;
    ///
    /// let b = OcrBox::new(0, " 会议举行 ", vec![[10.0, 20.0], [110.0, 20.0], [110.0, 50.0], [10.0, 50.0]]).unwrap();
    /// assert_eq!((b.text.as_str(), b.rect.x1, b.rect.y1), ("会议举行", 110.0, 50.0));
    /// assert!(OcrBox::new(1, "无框", vec![]).is_err());
    /// ```
    pub fn new(index: usize, text: &str, points: Vec<[f64; 2]>) -> Result<OcrBox> {
        if points.is_empty() {
            return Err(Error::new(ErrorKind::InvalidBox(format!("box {index} has no points"))));
        }
        if let Some([x, y]) = points.iter().find(|[x, y]| !x.is_finite() || !y.is_finite()) {
            return Err(Error::new(ErrorKind::InvalidBox(format!("box {index} has a point that is not two finite numbers ({x}, {y})"))));
        }
        Ok(OcrBox::unchecked(index, text, points))
    }

    /// [`OcrBox::new`] for points a reader has already checked (at least one, finite).
    pub(crate) fn unchecked(index: usize, text: &str, points: Vec<[f64; 2]>) -> OcrBox {
        let mut rect = Rect { x0: f64::INFINITY, y0: f64::INFINITY, x1: f64::NEG_INFINITY, y1: f64::NEG_INFINITY };
        for [x, y] in &points {
            rect = rect.union(&Rect { x0: *x, y0: *y, x1: *x, y1: *y });
        }
        OcrBox {
            index,
            text: crate::rules::chars::trim(text).to_string(),
            points,
            rect,
            id: None,
            confidence: None,
            label: None,
            discarded: false,
        }
    }

    /// A box from an axis-aligned rectangle (its four corners clockwise from the top-left).
    pub fn from_rect(index: usize, text: &str, r: Rect) -> OcrBox {
        OcrBox::unchecked(index, text, vec![[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1]])
    }

    /// The size of the box along and across its top edge, `(along, across)` in pixels:
    /// for a four-point box the mean lengths of its top and bottom edges and of its
    /// left and right edges, which a slight rotation does not inflate as it does the
    /// axis-aligned rectangle; for other polygons the rectangle's width and height.
    pub fn size(&self) -> (f64, f64) {
        match self.points.as_slice() {
            [p0, p1, p2, p3] => {
                let d = |a: &[f64; 2], b: &[f64; 2]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
                ((d(p0, p1) + d(p3, p2)) / 2.0, (d(p0, p3) + d(p1, p2)) / 2.0)
            }
            _ => (self.rect.width(), self.rect.height()),
        }
    }
}

/// What a format's region label suggests a line is ([`OcrBox::hint`]): evidence for
/// the geometry's role hints, never a decision (layout models mislabel newspaper
/// regions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LayoutHint {
    /// A running head, footer or page number: page furniture.
    Furniture,
    /// A figure's or table's caption.
    Caption,
    /// A title or section heading: a heading candidate.
    Heading,
}

impl OcrBox {
    /// What the line's `label` suggests, for every format that labels regions; `None`
    /// for body text, other kinds (tables, figures, formulas, lists, footnotes, side
    /// notes) and lines with no label. Labels are compared case-insensitively with
    /// `-`, `_` and spaces dropped. The vocabularies:
    ///
    /// | hint | MinerU block `type` | PP-StructureV3 `block_label` | PAGE `TextRegion@type` | dots.ocr `category` | marker `block_type` |
    /// |---|---|---|---|---|---|
    /// | furniture | `header`, `footer`, `page_number` | `header`, `footer`, `number` | `header`, `footer`, `page-number` | `Page-header`, `Page-footer` | `PageHeader`, `PageFooter` |
    /// | caption | `image_caption`, `table_caption` | `figure_title`, `table_title`, `chart_title` | `caption` | `Caption` | `Caption` |
    /// | heading | `title` | `doc_title`, `paragraph_title` | `heading` | `Title`, `Section-header` | `SectionHeader`, `Title` |
    ///
    /// Sources: MinerU `magic_pdf` / `mineru` block types (`BlockType`), PaddleX
    /// PP-StructureV3 layout labels (`PP-StructureV3.md`), the PAGE 2019 schema's
    /// `TextTypeSimpleType`, dots.ocr's layout prompt, marker's `BlockTypes`.
    ///
    /// ```
    /// use banmian::read::boxes::{LayoutHint, OcrBox};
    ///
    /// let mut b = OcrBox::new(0, "第 3 版", vec![[0.0, 0.0], [10.0, 10.0]]).unwrap();
    /// b.label = Some("Page-footer".into());
    /// assert_eq!(b.hint(), Some(LayoutHint::Furniture));
    /// b.label = Some("paragraph_title".into());
    /// assert_eq!(b.hint(), Some(LayoutHint::Heading));
    /// b.label = Some("text".into());
    /// assert_eq!(b.hint(), None);
    /// ```
    pub fn hint(&self) -> Option<LayoutHint> {
        let label: String = self.label.as_deref()?.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).flat_map(char::to_lowercase).collect();
        match label.as_str() {
            "header" | "footer" | "pagenumber" | "number" | "pageheader" | "pagefooter" => Some(LayoutHint::Furniture),
            "caption" | "imagecaption" | "tablecaption" | "figuretitle" | "tabletitle" | "charttitle" => Some(LayoutHint::Caption),
            "title" | "doctitle" | "paragraphtitle" | "heading" | "sectionheader" => Some(LayoutHint::Heading),
            _ => None,
        }
    }
}

/// The unit of a page's coordinates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unit {
    /// Pixels of the page image.
    #[default]
    Px,
    /// Tenths of a millimetre (ALTO `mm10`).
    Mm10,
    /// 1/1200 inch (ALTO `inch1200`).
    Inch1200,
    /// PDF points, 1/72 inch (MinerU `middle.json`).
    Pt,
    /// Thousandths of the page's width and height (MinerU 2.x `content_list.json`).
    Permille,
}

impl Unit {
    /// Its name in the page object's `page.unit`: `px`, `mm10`, `inch1200`, `pt`,
    /// `permille`.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Px => "px",
            Unit::Mm10 => "mm10",
            Unit::Inch1200 => "inch1200",
            Unit::Pt => "pt",
            Unit::Permille => "permille",
        }
    }
}

/// One page of OCR boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxPage {
    /// The boxes in input order, those with no text included.
    pub boxes: Vec<OcrBox>,
    /// Page width in `unit` (the format's page size, or the right-most box edge).
    pub width: f64,
    /// Page height in `unit` (the format's page size, or the lowest box edge).
    pub height: f64,
    /// The unit of every coordinate of the page (pixels but for ALTO in `mm10` or
    /// `inch1200`, MinerU in `pt` or `permille`).
    pub unit: Unit,
}

impl BoxPage {
    /// A page of `boxes` in `unit` whose size is computed: the right-most and lowest box
    /// edges (0 for a page of no boxes), as the readers do for a format that gives no
    /// page size. Set `width` and `height` afterwards when the size is known.
    ///
    /// ```
    /// use banmian::read::boxes::{BoxPage, OcrBox, Unit};
    ///
    /// let b = |i, x0: f64, y0: f64, x1: f64, y1: f64| OcrBox::new(i, "字", vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]).unwrap();
    /// let page = BoxPage::new(vec![b(0, 0.0, 0.0, 500.0, 40.0), b(1, 20.0, 60.0, 480.0, 100.5)], Unit::Px);
    /// assert_eq!((page.width, page.height), (500.0, 100.5));
    /// ```
    pub fn new(boxes: Vec<OcrBox>, unit: Unit) -> BoxPage {
        let (width, height) = super::words::page_size(None, &boxes);
        BoxPage { boxes, width, height, unit }
    }
}

/// The upper median of `v` (its element `len / 2` once sorted by [`f64::total_cmp`],
/// so a NaN sorts last); `None` when `v` is empty. The one median of the box path:
/// the readers' word lines and the geometry's measurements.
pub(crate) fn median(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied()
}

/// The mean OCR confidence (0–1) under which a block of an article is flagged
/// `low_confidence` (kept, with a warning): 0.5, PaddleOCR's own default `drop_score`
/// (`tools/infer/utility.py`, `--drop_score 0.5`: results scored under it are dropped by
/// the engine's end-to-end script), so a line PaddleOCR itself would discard is
/// flagged. Scores of other engines are read on the same 0–1 scale (hOCR `x_wconf` and
/// TSV `conf` divided by 100).
pub const LOW_CONFIDENCE: f64 = 0.5;

/// Adds a `low_confidence` warning to each article for each of its blocks whose lines'
/// mean confidence (over the boxes it was made from that carry one) is under
/// [`LOW_CONFIDENCE`], and a page warning for each such leftover. Blocks of boxes
/// with no confidence are not flagged.
pub(crate) fn flag_low_confidence(input: &BoxPage, page: &mut Page) {
    let mut by_index: Vec<Vec<f64>> = Vec::new();
    for b in &input.boxes {
        if let Some(c) = b.confidence {
            if by_index.len() <= b.index {
                by_index.resize(b.index + 1, Vec::new());
            }
            by_index[b.index].push(c);
        }
    }
    if by_index.is_empty() {
        return;
    }
    let mean = |boxes: &Option<Vec<usize>>| -> Option<(f64, usize)> {
        let scores: Vec<f64> = boxes.as_ref()?.iter().filter_map(|&k| by_index.get(k)).flatten().copied().collect();
        (!scores.is_empty()).then(|| (scores.iter().sum::<f64>() / scores.len() as f64, boxes.as_ref().map_or(0, Vec::len)))
    };
    let message = |m: f64, n: usize, what: &str| {
        format!(
            "{what} OCR confidence {m:.2} (mean over {n} line{}) is under {LOW_CONFIDENCE}: check its text against the scan",
            if n == 1 { "" } else { "s" }
        )
    };
    for a in &mut page.articles {
        for (i, b) in a.blocks.iter().enumerate() {
            if let Some((m, n)) = mean(&b.provenance.boxes).filter(|(m, _)| *m < LOW_CONFIDENCE) {
                a.warnings.push(Warning { kind: WarningKind::LowConfidence, block: Some(i), message: message(m, n, "the block's") });
            }
        }
    }
    for (i, b) in page.leftovers.iter().enumerate() {
        if let Some((m, n)) = mean(&b.provenance.boxes).filter(|(m, _)| *m < LOW_CONFIDENCE) {
            let what = format!("leftover {i}'s");
            page.warnings.push(Warning { kind: WarningKind::LowConfidence, block: None, message: message(m, n, &what) });
        }
    }
}

/// The page without the boxes its format discarded ([`OcrBox::discarded`]), for the
/// geometry; `None` when it discarded none (use the page as it is).
pub(crate) fn without_discarded(input: &BoxPage) -> Option<BoxPage> {
    if !input.boxes.iter().any(|b| b.discarded) {
        return None;
    }
    let boxes = input.boxes.iter().filter(|b| !b.discarded).cloned().collect();
    Some(BoxPage { boxes, width: input.width, height: input.height, unit: input.unit })
}

/// Adds to the page's `removed` one entry per box its format discarded, in input
/// order: reason `discarded_by_source`, its text, its box (`boxes`, `bbox`), its
/// `label`; `lines` numbered after the page's other `after` lines (the geometry's
/// printed lines and noise boxes), one each, as noise boxes are.
pub(crate) fn attach_discarded(input: &BoxPage, after: usize, page: &mut Page) {
    for (k, b) in input.boxes.iter().filter(|b| b.discarded).enumerate() {
        let no = after + k + 1;
        let mut r = Removed::new(RemovedReason::DiscardedBySource, b.text.clone(), [no, no], None);
        r.provenance.boxes = Some(vec![b.index]);
        r.provenance.bbox = Some(b.rect.round_out());
        r.label = b.label.clone();
        page.removed.push(r);
    }
}
