//! Reading order from OCR boxes: the layout of a page recovered from box geometry.
//!
//! This module owns turning the boxes of one page ([`crate::read::boxes`]) into printed
//! lines in reading order, with the hints the text stages need (heading level, bold,
//! indentation, whether the line fills its column), and the provenance of every line
//! (which boxes, where). The text stages then run on those lines as on any page
//! ([`crate::Pipeline::process_boxes`]), and the pipeline writes the provenance
//! it returns into the page. The steps:
//!
//! 1. **Measure.** A box is *vertical* when it is at least 1.5 times taller than
//!    wide and holds two characters or more; its *thickness* is the shorter side of
//!    its (possibly rotated) quadrilateral. Over horizontal boxes of four characters
//!    or more (over all boxes when those are fewer than a fifth: a page read character
//!    by character): the body line height `H` is the median thickness, the character
//!    pitch `P` the median advance per character (a Han character counts 1, others
//!    ½), and the line gap the median space between a body line and the next under it.
//! 2. **Noise.** A box of at most three characters that is tiny (thinner than 0.55
//!    `H`: the ornaments of column rules), lies outside the text area (the body
//!    lines' rectangle grown by 1.5 `H`: border debris), or holds neither a Han
//!    character nor only digits, is page noise, for `removed` with reason `noise`.
//! 3. **XY-cut.** The other boxes are cut recursively into regions; a region that is
//!    one row, or that no cut divides, is a leaf. At each level, in this order:
//!    - *Lanes.* At x gaps no box is over, a lane of vertical text is cut off from the
//!      horizontal text beside it.
//!    - *Side by side.* When no wider band gap than the one under the headlines cuts
//!      the region, articles side by side are cut apart before any band cut, so that
//!      a row of headlines stays over its bodies: when each column starts with a
//!      heading, or when two headings or more (set apart: closer ones are one headline
//!      in pieces) top the region, each taking the columns from the previous one's to
//!      the gap that centres it over them.
//!    - *Bands.* The region is cut at its widest gaps across its whole width (gaps at
//!      least the normal line gap plus 0.3 `H`, or a quarter `H` under or over a
//!      heading that no body line beside runs on across; of those, the ones at least
//!      0.8 times the widest, narrower ones being cut deeper down: first between
//!      stacked articles, then under a headline, a rule, a photo). Bands are read top
//!      to bottom.
//!    - *Columns.* The region is cut at the valleys of its x-projection, which counts
//!      at each x the boxes over it (each narrowed by 0.3 `P` at both ends, for the
//!      padding around the glyphs and a little skew). A valley no box is over is a
//!      cut. A valley some boxes cross is a cut when every crossing box is a body line
//!      (at most 1.5 `H` thick, six characters or more, not a headline) with a body
//!      line of each column within five line heights of it, and either they are at
//!      most a third of the body lines on either side (at least four each), or, in
//!      short columns, at most one more than those and each holds most of a line left
//!      of the gap, within the two columns' outer edges. Such a box holds two columns'
//!      lines merged by the detector: it is **split** at the gap (at the median right
//!      end of the left column's lines near it and left end of the right column's),
//!      its characters shared out in proportion to the widths on either side (a line
//!      does not start with a closing mark nor end with an opening one; of two
//!      boundaries about as near, the one giving the left part as many characters as
//!      the left column's pitch says), with a `split_box` warning; a side that would
//!      get fewer than two characters gets none (a stray character). Columns are read
//!      left to right, except that a run of columns holding only vertical text is read
//!      right to left.
//!
//!    Last, the gaps of all column cuts are the page's *column grid*: a body line
//!    that sticks out of its leaf across a gap of the grid (the leaf's other lines end
//!    at the gap) is split there too, its part past the gap read right after the leaf
//!    (an article's last line alone in its column, merged with the line beside it).
//! 4. **Lines.** In a leaf, boxes whose heights overlap by half are one printed line,
//!    read left to right (a space where the gap is wider than 0.8 `P`); lines are read
//!    top to bottom, vertical boxes right to left.
//! 5. **Roles.** A line at least 1.6 `H` thick and at most 40 characters long is a
//!    heading; heading levels are ranks of thickness on the page (a new level where a
//!    heading is 15% thinner than the thickest of the level above), so the headline
//!    outranks the subheadline. Other horizontal lines are measured against their
//!    column (the lines of their leaf, and the one-line leaves right under it in the
//!    same column: a column whose wide leading cut it into bands): the local height is
//!    the median thickness of the lines near them, the local edges the left and right
//!    ends of those that are body-sized, a rank or two in (so that a stray line
//!    sticking out does not move them, and a skewed or warped scan does not read as
//!    indentation; the end of a part split at a gap is only an estimate and does not
//!    count). A line 1.2–1.6 local heights thick, of at most 24 characters with no full
//!    stop, that does not span its column, is a heading when it opens a band of a
//!    region wider than one and a half columns and heads the lines under it (本报启事
//!    over a notice), and bold otherwise (a subhead, a byline set larger). The others
//!    get their indentation (whole characters from the left edge) and whether they fill
//!    the column (their right end within 0.8 `P` of the right edge; a left part of a
//!    split box always does). A column of fewer than three lines takes its edges from
//!    the column grid, or leaves them unknown. On a page set horizontally (at most a
//!    quarter of the lines vertical), body-sized vertical text is a masthead's side
//!    column (issue number, date, publisher): page furniture.
//!
//! The lines are numbered 1, 2, … in reading order: these are the `lines` of blocks,
//! articles and `removed` for box input. Noise boxes are numbered after the last line,
//! in input order.

use crate::read::boxes::{BoxPage, Rect};
use crate::lines::Layout;
use crate::lines::Line;
use crate::model::{Warning, WarningKind};
use crate::rules::chars::{char_width, is_closer, is_han, is_opener};

/// The layout the text stages are run with on recovered lines: no page-wide column
/// width (each line says whether it fills its column), heading levels are ranks of
/// box height so they carry information, and lines are not soft-wrapped Markdown.
pub const LAYOUT: Layout = Layout { column_width: None, levels_informative: true, soft_wrap: false };

/// Deepest recursion of the XY-cut; a region deeper than this is a leaf.
const MAX_DEPTH: usize = 256;

/// What the geometry measured about the page, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Median thickness of body lines (`H`).
    pub line_height: f64,
    /// Median advance of one Han character along a body line (`P`).
    pub pitch: f64,
    /// Median gap between a body line and the next one under it; negative when boxes overlap.
    pub line_gap: f64,
}

/// A box, or the part of a box on one side of a column gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// 0-based index of the box in the input's `ocr_results`.
    pub box_index: usize,
    /// Its text.
    pub text: String,
    /// Where it is (for a part, the part's share of the box).
    pub rect: Rect,
    /// Thickness across the text (the shorter side of the box), pixels.
    pub thickness: f64,
    /// Vertical text (a tall narrow box of two characters or more).
    pub vertical: bool,
    /// Its left end is at a column gap where its box was split (so it is estimated).
    pub cut_left: bool,
    /// Its right end is at a column gap where its box was split (so it is estimated).
    pub cut_right: bool,
}

impl Piece {
    fn em(&self) -> f64 {
        em(&self.text)
    }

    fn chars(&self) -> usize {
        self.text.chars().count()
    }

    /// Vertical extent used for band cuts and rows: the box's thickness around its
    /// centre (a slightly rotated box's rectangle is taller than its text), or the
    /// rectangle for vertical text.
    fn y_extent(&self) -> (f64, f64) {
        if self.vertical {
            (self.rect.y0, self.rect.y1)
        } else {
            let half = self.thickness.min(self.rect.height()) / 2.0;
            (self.rect.cy() - half, self.rect.cy() + half)
        }
    }
}

/// Width of a text in Han characters: wide characters count 1, others ½.
fn em(text: &str) -> f64 {
    text.chars().map(|c| char_width(c) as f64 / 2.0).sum()
}

/// One printed line in reading order, with its role hints and provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedLine {
    /// The text of its pieces, left to right.
    pub text: String,
    /// The pieces it was read from.
    pub pieces: Vec<Piece>,
    /// The union of the pieces' rectangles.
    pub rect: Rect,
    /// The thickest piece's thickness, pixels.
    pub thickness: f64,
    /// Vertical text.
    pub vertical: bool,
    /// Heading level (1 = the thickest headings on the page), for headline lines.
    pub heading: Option<u8>,
    /// A subhead-sized line (bold in Markdown terms).
    pub bold: bool,
    /// Indentation from the column's left edge, in display columns (a Han character is 2).
    pub indent: usize,
    /// Whether it runs to the column's right edge; `None` when the column has too few
    /// lines to tell.
    pub fills_column: Option<bool>,
    /// The last line of a band (a horizontal cut follows).
    pub ends_band: bool,
    /// Page furniture by its geometry: body-sized vertical text on a page set
    /// horizontally (a masthead's side column: issue number, date, publisher).
    pub margin: bool,
}

impl PrintedLine {
    /// The line as the text stages read it, numbered `no`.
    pub fn to_line(&self, no: usize) -> Line {
        Line {
            no,
            text: self.text.clone(),
            heading: self.heading,
            bold: self.bold,
            hard_break: self.ends_band,
            indent: self.indent,
            fills_column: self.fills_column,
            margin: self.margin,
            ..Line::default()
        }
    }
}

/// A page's recovered reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The printed lines in reading order; line `i` (0-based) is input line `i + 1`.
    pub lines: Vec<PrintedLine>,
    /// Boxes taken for page noise, in input order.
    pub noise: Vec<Piece>,
    /// One `split_box` warning per box split between two columns.
    pub warnings: Vec<Warning>,
    /// What was measured.
    pub metrics: Metrics,
}

impl Recovered {
    /// The printed lines as numbered text lines, for the text stages.
    pub fn text_lines(&self) -> Vec<Line> {
        self.lines.iter().enumerate().map(|(i, l)| l.to_line(i + 1)).collect()
    }

    /// The boxes (ascending, each once) and the union rectangle of lines `first..=last`
    /// (1-based); `None` when the span holds no line.
    pub fn provenance(&self, lines: [usize; 2]) -> Option<(Vec<usize>, Rect)> {
        self.provenance_where(lines, |_| true)
    }

    /// [`Recovered::provenance`] of the lines `keep` accepts.
    pub fn provenance_where(&self, lines: [usize; 2], keep: impl Fn(usize) -> bool) -> Option<(Vec<usize>, Rect)> {
        let first = lines[0].max(1);
        let last = lines[1].min(self.lines.len());
        let mut boxes = Vec::new();
        let mut rect: Option<Rect> = None;
        for no in (first..=last).filter(|&no| keep(no)) {
            for p in &self.lines[no - 1].pieces {
                boxes.push(p.box_index);
                rect = Some(rect.map_or(p.rect, |r| r.union(&p.rect)));
            }
        }
        boxes.sort_unstable();
        boxes.dedup();
        rect.map(|r| (boxes, r))
    }
}

/// Recovers the reading order of a page of boxes. Boxes with no text are left out.
pub fn recover(page: &BoxPage) -> Recovered {
    let pieces: Vec<Piece> = page
        .boxes
        .iter()
        .filter(|b| !b.text.is_empty())
        .map(|b| {
            let (a, c) = b.size();
            let thickness = a.min(c).max(1e-6);
            let chars = b.text.chars().count();
            let vertical = chars >= 2 && b.rect.height() >= 1.5 * b.rect.width() && a.max(c) >= 1.5 * thickness;
            Piece { box_index: b.index, text: b.text.clone(), rect: b.rect, thickness, vertical, cut_left: false, cut_right: false }
        })
        .collect();
    let (line_height, pitch) = measure(&pieces);
    let area = text_area(&pieces, line_height);
    let (noise, text): (Vec<Piece>, Vec<Piece>) =
        pieces.into_iter().partition(|p| is_noise(p, line_height, area.as_ref()));
    let metrics = Metrics { line_height, pitch, line_gap: line_gap(&text, line_height) };
    let column_width = median(text.iter().filter(|p| is_body_like(p, line_height)).map(|p| p.rect.width()).collect());
    let mut cutter = Cutter { m: metrics, gaps: Vec::new(), column_width: column_width.unwrap_or(f64::INFINITY), leaves: Vec::new(), warnings: Vec::new() };
    cutter.order(text, 0, true);
    cutter.protrusions();
    let mut lines = Vec::new();
    let mut leaf_of = Vec::new();
    let mut opens_band = Vec::new();
    for (k, leaf) in cutter.leaves.iter().enumerate() {
        for (r, row) in rows(&leaf.pieces).into_iter().enumerate() {
            lines.push(printed_line(row, metrics));
            leaf_of.push(k);
            opens_band.push(leaf.opens_band && r == 0);
        }
        if leaf.ends_band {
            if let Some(l) = lines.last_mut() {
                l.ends_band = true;
            }
        }
    }
    let ctx = Context {
        group: column_groups(&lines, &leaf_of, metrics),
        leaf: leaf_of,
        opens_band,
        grid: cutter.gaps.clone(),
        column_width: cutter.column_width,
    };
    let heading = assign_roles(&mut lines, &ctx, metrics);
    rank_headings(&mut lines, &heading);
    let vertical = lines.iter().filter(|l| l.vertical).count();
    if vertical * 4 <= lines.len() {
        for l in lines.iter_mut().filter(|l| l.vertical && ratio(l, metrics) < 1.6) {
            l.margin = true;
        }
    }
    Recovered { lines, noise, warnings: cutter.warnings, metrics }
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

/// Body line height and character pitch over horizontal boxes of four characters or
/// more (over all boxes when those are fewer than a fifth of them: a page read
/// character by character).
fn measure(pieces: &[Piece]) -> (f64, f64) {
    let body: Vec<&Piece> = pieces.iter().filter(|p| !p.vertical && p.chars() >= 4).collect();
    let pool: Vec<&Piece> = if body.len() * 5 < pieces.len() || body.is_empty() { pieces.iter().collect() } else { body };
    let h = median(pool.iter().map(|p| p.thickness).collect()).unwrap_or(1.0).max(1e-3);
    let pitch = median(
        pool.iter()
            .filter(|p| p.em() > 0.0)
            .map(|p| (if p.vertical { p.rect.height() } else { p.rect.width() }) / p.em())
            .collect(),
    )
    .unwrap_or(h)
    .max(1e-3);
    (h, pitch)
}

fn is_body_like(p: &Piece, h: f64) -> bool {
    !p.vertical && p.chars() >= 4 && p.thickness >= 0.7 * h && p.thickness <= 1.4 * h
}

/// The rectangle of the body lines, grown by one and a half line heights (room for a
/// short last line under the last body line).
fn text_area(pieces: &[Piece], h: f64) -> Option<Rect> {
    let r = pieces.iter().filter(|p| is_body_like(p, h)).map(|p| p.rect).reduce(|a, b| a.union(&b))?;
    let g = 1.5 * h;
    Some(Rect { x0: r.x0 - g, y0: r.y0 - g, x1: r.x1 + g, y1: r.y1 + g })
}

fn is_noise(p: &Piece, h: f64, area: Option<&Rect>) -> bool {
    if p.chars() > 3 {
        return false;
    }
    let tiny = p.thickness < 0.55 * h;
    let outside = area.is_some_and(|a| p.rect.cx() < a.x0 || p.rect.cx() > a.x1 || p.rect.cy() < a.y0 || p.rect.cy() > a.y1);
    let wordless = !p.text.chars().any(is_han) && !p.text.chars().all(|c| c.is_ascii_digit());
    tiny || outside || wordless
}

/// Median gap between a body line and the nearest body line under it that overlaps it
/// by half its width (within 2.5 line heights).
fn line_gap(pieces: &[Piece], h: f64) -> f64 {
    let mut body: Vec<&Piece> = pieces.iter().filter(|p| is_body_like(p, h)).collect();
    body.sort_by(|a, b| a.rect.cy().total_cmp(&b.rect.cy()));
    let mut gaps = Vec::new();
    for (i, a) in body.iter().enumerate() {
        let below = body[i + 1..]
            .iter()
            .take_while(|b| b.rect.cy() - a.rect.cy() <= 2.5 * h)
            .find(|b| b.rect.cy() > a.rect.cy() + 0.5 * h && a.rect.x_overlap(&b.rect) >= 0.5 * a.rect.width().min(b.rect.width()));
        if let Some(b) = below {
            gaps.push(b.y_extent().0 - a.y_extent().1);
        }
    }
    median(gaps).unwrap_or(0.25 * h)
}

struct Leaf {
    pieces: Vec<Piece>,
    /// A band cut follows it.
    ends_band: bool,
    /// It begins a band of a region wider than one and a half columns.
    opens_band: bool,
}

struct Cutter {
    m: Metrics,
    /// The columns on either side of every column cut made on the page.
    gaps: Vec<Gap>,
    /// Median width of body lines: a column's width, roughly.
    column_width: f64,
    leaves: Vec<Leaf>,
    warnings: Vec<Warning>,
}

/// Reverses each run of adjacent columns that hold only vertical text: vertical text
/// is read right to left.
fn right_to_left_runs(columns: &mut [Vec<Piece>]) {
    let mut k = 0;
    while k < columns.len() {
        let mut end = k;
        while end < columns.len() && columns[end].iter().all(|p| p.vertical) {
            end += 1;
        }
        columns[k..end].reverse();
        k = end.max(k + 1);
    }
}

/// A region cut into columns, with what the cut found.
struct Columns {
    /// The columns, in reading order.
    groups: Vec<Vec<Piece>>,
    /// One `split_box` warning per box split at a cut.
    warnings: Vec<Warning>,
    /// The columns on either side of each cut.
    gaps: Vec<Gap>,
}

/// The warning for a box split at a column gap at `x`.
fn split_warning(left: &Piece, right: &Piece, x: f64) -> Warning {
    Warning {
        kind: WarningKind::SplitBox,
        block: None,
        message: format!("box {} spans two columns: split at x {x:.0} into “{}” and “{}”", left.box_index, left.text, right.text),
    }
}

/// The columns on either side of a column cut: where the left one ends and the right
/// one starts, and the pitch of the left one's lines (pixels).
#[derive(Debug, Clone, Copy)]
struct Gap {
    left: f64,
    right: f64,
    pitch: Option<f64>,
}

/// A column cut: the valley `[xa, xb]` of the narrowed projection.
#[derive(Debug, Clone, Copy)]
struct Cut {
    xa: f64,
    xb: f64,
}

impl Cutter {
    /// Orders a region into leaves. `opens_band`: the region begins a band of a wider
    /// region (or the page).
    fn order(&mut self, pieces: Vec<Piece>, depth: usize, opens_band: bool) {
        if pieces.len() <= 1 || depth >= MAX_DEPTH || one_row(&pieces) {
            self.leaves.push(Leaf { pieces, ends_band: false, opens_band });
            return;
        }
        if let Some(columns) = self.lanes(&pieces) {
            for (i, c) in columns.into_iter().enumerate() {
                self.order(c, depth + 1, opens_band && i == 0);
            }
            return;
        }
        let heads_only = |band: &Vec<Piece>| band.iter().all(|p| !p.vertical && p.thickness >= 1.6 * self.m.line_height);
        let Some(bands) = self.bands(&pieces) else {
            // No band to cut: columns, grouped under side-by-side headlines if any.
            match self.columns(pieces) {
                Ok(columns) => self.take_columns(columns, depth, opens_band),
                Err(pieces) => self.leaves.push(Leaf { pieces, ends_band: false, opens_band }),
            }
            return;
        };
        // Articles side by side, unless wider gaps than the one under their headlines
        // cut the region first (stacked sections).
        if heads_only(&bands[0]) {
            if let Ok(columns) = self.columns(pieces.clone()) {
                if self.territories(&columns.groups).is_some() {
                    self.take_columns(columns, depth, opens_band);
                    return;
                }
            }
        }
        let x0 = pieces.iter().map(|p| p.rect.x0).fold(f64::INFINITY, f64::min);
        let x1 = pieces.iter().map(|p| p.rect.x1).fold(f64::NEG_INFINITY, f64::max);
        let wide = x1 - x0 >= 1.5 * self.column_width;
        let n = bands.len();
        for (i, band) in bands.into_iter().enumerate() {
            self.order(band, depth + 1, if i == 0 { opens_band } else { wide });
            if i + 1 < n {
                if let Some(l) = self.leaves.last_mut() {
                    l.ends_band = true;
                }
            }
        }
    }

    /// Orders the columns a region was cut into, grouped under side-by-side headlines
    /// when there are (see [`Cutter::territories`]), keeping their warnings and gaps.
    fn take_columns(&mut self, columns: Columns, depth: usize, opens_band: bool) {
        let groups = self.territories(&columns.groups).unwrap_or(columns.groups);
        self.warnings.extend(columns.warnings);
        self.gaps.extend(columns.gaps);
        for (i, g) in groups.into_iter().enumerate() {
            self.order(g, depth + 1, opens_band && i == 0);
        }
    }

    /// Cuts a region into bands at the widest horizontal gaps across its whole width:
    /// of the gaps at least the normal line gap plus 0.3 `H` wide (a quarter `H` under
    /// or over a heading, unless body lines beside it run on across the gap at their
    /// usual spacing), those at least 0.8
    /// times the widest (narrower ones are cut deeper in the recursion, so that the
    /// gaps between stacked articles are cut before the gap under a headline); `None`
    /// when there is no such gap.
    fn bands(&self, pieces: &[Piece]) -> Option<Vec<Vec<Piece>>> {
        let h = self.m.line_height;
        let threshold = (self.m.line_gap + 0.3 * h).max(0.15 * h);
        let mut idx: Vec<usize> = (0..pieces.len()).collect();
        idx.sort_by(|&a, &b| pieces[a].y_extent().0.total_cmp(&pieces[b].y_extent().0));
        let heading = |p: &Piece| !p.vertical && p.thickness >= 1.6 * h;
        // The top of the first piece that is not a heading from each position on.
        let mut body_top_from = vec![f64::INFINITY; idx.len() + 1];
        for k in (0..idx.len()).rev() {
            let p = &pieces[idx[k]];
            body_top_from[k] = if heading(p) { body_top_from[k + 1] } else { p.y_extent().0 };
        }
        // (position in idx where a band starts, gap above it)
        let mut gaps: Vec<(usize, f64)> = Vec::new();
        let mut bottom = f64::NEG_INFINITY;
        let mut body_bottom = f64::NEG_INFINITY;
        let mut lowest = 0;
        for (k, &i) in idx.iter().enumerate() {
            let (top, bot) = pieces[i].y_extent();
            // Under or over a heading a quarter line is a gap (headings are not spaced
            // like body lines), unless body lines beside the heading run on across it
            // at their usual spacing.
            let at_heading = k > 0
                && (heading(&pieces[lowest]) || heading(&pieces[i]))
                && body_top_from[k] - body_bottom >= threshold;
            if k > 0 && (top - bottom >= threshold || (at_heading && top - bottom >= 0.25 * h)) {
                gaps.push((k, top - bottom));
            }
            if bot > bottom {
                bottom = bot;
                lowest = i;
            }
            if !heading(&pieces[i]) {
                body_bottom = body_bottom.max(bot);
            }
        }
        let widest = gaps.iter().map(|g| g.1).fold(0.0, f64::max);
        let starts: Vec<usize> = gaps.iter().filter(|g| g.1 >= 0.8 * widest).map(|g| g.0).collect();
        if starts.is_empty() {
            return None;
        }
        let mut bands: Vec<Vec<Piece>> = vec![Vec::new(); starts.len() + 1];
        for (k, &i) in idx.iter().enumerate() {
            bands[starts.partition_point(|&st| st <= k)].push(pieces[i].clone());
        }
        Some(bands)
    }

    /// The groups a region falls into at the x gaps no box is over (boxes narrowed as
    /// for the projection), left to right, as indices into `pieces`.
    fn clean_groups(&self, pieces: &[Piece]) -> Vec<Vec<usize>> {
        let ext = self.narrowed(pieces);
        let mut idx: Vec<usize> = (0..pieces.len()).collect();
        idx.sort_by(|&a, &b| ext[a].0.total_cmp(&ext[b].0));
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut right = f64::NEG_INFINITY;
        for i in idx {
            if groups.is_empty() || ext[i].0 >= right {
                groups.push(Vec::new());
            }
            groups.last_mut().expect("pushed above").push(i);
            right = right.max(ext[i].1);
        }
        groups
    }

    /// Lanes of vertical text (a masthead's side column) cut off, at x gaps no box is
    /// over, from the horizontal text beside them, before any band cut, so that the
    /// lane does not keep the text beside it from being cut into bands. `None` when
    /// there is no such lane.
    fn lanes(&self, pieces: &[Piece]) -> Option<Vec<Vec<Piece>>> {
        let groups = self.clean_groups(pieces);
        if groups.len() < 2 {
            return None;
        }
        let take = |gs: Vec<Vec<usize>>| gs.into_iter().map(|g| g.into_iter().map(|i| pieces[i].clone()).collect()).collect();
        let lane = |g: &Vec<usize>| g.iter().all(|&i| pieces[i].vertical);
        if !groups.iter().any(lane) || groups.iter().all(lane) {
            return None;
        }
        // Horizontal groups next to each other stay together.
        let mut merged: Vec<Vec<usize>> = Vec::new();
        for g in groups {
            match merged.last_mut() {
                Some(last) if !lane(&g) && !lane(last) => last.extend(g),
                _ => merged.push(g),
            }
        }
        let mut merged: Vec<Vec<Piece>> = take(merged);
        right_to_left_runs(&mut merged);
        Some(merged)
    }

    /// Articles side by side, given the columns a region falls into: when every column
    /// starts with a heading, the columns; otherwise, under a row of headlines each
    /// centred over its own columns, the headings at the top of the region (within a
    /// line height of its top, at least one and a half heading heights apart: closer
    /// ones are one headline) each take the columns from the end of the previous one's
    /// to the gap nearest to the right end that centres the heading over them. `None`
    /// with fewer than two such headings.
    fn territories(&self, columns: &[Vec<Piece>]) -> Option<Vec<Vec<Piece>>> {
        let h = self.m.line_height;
        let heading = |p: &Piece| !p.vertical && p.thickness >= 1.6 * h && p.em() <= 40.0;
        let headed = |g: &Vec<Piece>| g.iter().min_by(|a, b| a.y_extent().0.total_cmp(&b.y_extent().0)).is_some_and(heading);
        if columns.len() >= 2 && columns.iter().all(headed) {
            return Some(columns.to_vec());
        }
        let top = columns.iter().flatten().map(|p| p.y_extent().0).fold(f64::INFINITY, f64::min);
        // (column, piece) of the headings in the top row, left to right.
        let mut heads: Vec<(usize, &Piece)> = columns
            .iter()
            .enumerate()
            .flat_map(|(c, g)| g.iter().map(move |p| (c, p)))
            .filter(|(_, p)| heading(p) && p.y_extent().0 <= top + h)
            .collect();
        heads.sort_by(|a, b| a.1.rect.x0.total_cmp(&b.1.rect.x0));
        if heads.len() < 2 {
            return None;
        }
        for w in heads.windows(2) {
            let ((ca, a), (cb, b)) = (w[0], w[1]);
            if ca == cb || b.rect.x0 - a.rect.x1 < 1.5 * a.thickness.min(b.thickness) {
                return None;
            }
        }
        let bounds: Vec<(f64, f64)> = columns
            .iter()
            .map(|g| {
                let x0 = g.iter().map(|p| p.rect.x0).fold(f64::INFINITY, f64::min);
                let x1 = g.iter().map(|p| p.rect.x1).fold(f64::NEG_INFINITY, f64::max);
                (x0, x1)
            })
            .collect();
        let mut out: Vec<Vec<Piece>> = Vec::new();
        let mut start = 0;
        for (k, &(own, head)) in heads.iter().enumerate() {
            let end = match heads.get(k + 1) {
                None => columns.len() - 1,
                Some(&(next, _)) => {
                    let want = 2.0 * head.rect.cx() - bounds[start].0;
                    (own..next).min_by(|&a, &b| (bounds[a].1 - want).abs().total_cmp(&(bounds[b].1 - want).abs())).unwrap_or(own)
                }
            };
            out.push(columns[start..=end].iter().flatten().cloned().collect());
            start = end + 1;
        }
        Some(out)
    }

    /// The x extents of the pieces narrowed at both ends (see [`Cutter::shrink`]).
    fn narrowed(&self, pieces: &[Piece]) -> Vec<(f64, f64)> {
        pieces
            .iter()
            .map(|p| {
                let s = self.shrink(p);
                (p.rect.x0 + s, (p.rect.x1 - s).max(p.rect.x0 + s))
            })
            .collect()
    }

    /// The narrowing of a piece's x extent at each end for the projection.
    fn shrink(&self, p: &Piece) -> f64 {
        if p.vertical { 0.1 * p.rect.width() } else { (0.3 * self.m.pitch).min(0.25 * p.rect.width()) }
    }


    /// Lines sticking out of their column across a gap of the page's column grid (the
    /// gaps of the column cuts made anywhere on the page): a body line of a leaf whose
    /// other lines, two or more, end at the gap and none crosses it, that reaches one
    /// and a half characters past the gap, is a line merged with the first line of a
    /// column that has no other (an article's last line alone in its column). It is
    /// split at the gap, and the parts past it make a leaf read right after.
    fn protrusions(&mut self) {
        let (p, h) = (self.m.pitch, self.m.line_height);
        let gaps = self.gaps.clone();
        let leaves = std::mem::take(&mut self.leaves);
        for mut leaf in leaves {
            let mut spill: Vec<Piece> = Vec::new();
            for &gap in &gaps {
                let (gl, gr) = (gap.left, gap.right);
                let body = |q: &Piece| !q.vertical && q.thickness <= 1.5 * h;
                let crossing: Vec<usize> = (0..leaf.pieces.len()).filter(|&i| leaf.pieces[i].rect.x0 < gl && leaf.pieces[i].rect.x1 > gr).collect();
                let ending = leaf.pieces.iter().filter(|q| body(q) && q.rect.x1 <= gl + 0.5 * p && q.rect.x1 >= gl - 1.5 * p).count();
                if crossing.len() != 1 || ending < 2 {
                    continue;
                }
                let c = crossing[0];
                let q = &leaf.pieces[c];
                if !(body(q) && q.rect.x0 < gl - 2.0 * p && q.rect.x1 >= gr + 1.5 * p) {
                    continue;
                }
                if let Some((left, right)) = split(q, gap) {
                    self.warnings.push(split_warning(&left, &right, (gl + gr) / 2.0));
                    leaf.pieces[c] = left;
                    spill.push(right);
                }
            }
            let ends_band = leaf.ends_band;
            if spill.is_empty() {
                self.leaves.push(leaf);
            } else {
                leaf.ends_band = false;
                self.leaves.push(leaf);
                self.leaves.push(Leaf { pieces: spill, ends_band, opens_band: false });
            }
        }
    }

    fn splittable(&self, p: &Piece) -> bool {
        !p.vertical && p.em() >= 6.0 && p.thickness <= 1.5 * self.m.line_height
    }

    /// Whether the pieces over the valley segment `[xa, xb]` are body lines of the
    /// columns on either side merged into one box: each is splittable and has a body
    /// line of each column within five line heights of it, and either they are at most
    /// a third of the body lines on either side, of which there are at least four, or
    /// (short columns) they are at most one more than the body lines on either side and
    /// each holds most of a line left of the gap (0.6 times the median body line that
    /// does not cross) and at least a character right of it, within the outer edges of
    /// the two columns.
    fn merged_across(&self, pieces: &[Piece], ext: &[(f64, f64)], xa: f64, xb: f64) -> bool {
        let h = self.m.line_height;
        let body = |i: usize| is_body_like(&pieces[i], h);
        let left: Vec<usize> = (0..pieces.len()).filter(|&i| ext[i].1 <= xa && body(i)).collect();
        let right: Vec<usize> = (0..pieces.len()).filter(|&i| ext[i].0 >= xb && body(i)).collect();
        let crossing: Vec<usize> = (0..pieces.len()).filter(|&i| ext[i].0 < xb && ext[i].1 > xa).collect();
        let side = left.len().min(right.len());
        let beside = |c: usize, side: &[usize]| {
            side.iter().any(|&k| (pieces[k].rect.cy() - pieces[c].rect.cy()).abs() <= 5.0 * h && pieces[k].rect.x_overlap(&pieces[c].rect) > 0.0)
        };
        if side == 0 || !crossing.iter().all(|&c| self.splittable(&pieces[c]) && beside(c, &left) && beside(c, &right)) {
            return false;
        }
        if side >= 4 && crossing.len() * 3 <= side {
            return true;
        }
        let width = median(left.iter().chain(right.iter()).map(|&i| pieces[i].rect.width()).collect()).unwrap_or(f64::INFINITY);
        let x0 = left.iter().map(|&i| pieces[i].rect.x0).fold(f64::INFINITY, f64::min);
        let x1 = right.iter().map(|&i| pieces[i].rect.x1).fold(f64::NEG_INFINITY, f64::max);
        let p = self.m.pitch;
        crossing.len() <= side + 1
            && crossing.iter().all(|&c| {
                let r = &pieces[c].rect;
                xa - ext[c].0 >= 0.6 * width && ext[c].1 - xb >= p && r.x0 >= x0 - 0.6 * p && r.x1 <= x1 + 0.8 * p
            })
    }

    /// The columns on either side of a cut (next to the piece `c` to be split, if
    /// any), from the lines within six line heights of `c`: the median right end of the
    /// left column's lines that end at the gap (within 1.5 `P`), the median left end of
    /// the right column's lines that start there (the narrowed valley's ends widened
    /// back by 0.3 `P` when there are none), and the pitch of the left column's lines
    /// (their median width per Han character).
    fn gap_edges(&self, pieces: &[Piece], ext: &[(f64, f64)], c: Option<&Piece>, cut: Cut) -> Gap {
        let (p, h) = (self.m.pitch, self.m.line_height);
        let near = |i: usize| c.is_none_or(|c| (pieces[i].rect.cy() - c.rect.cy()).abs() <= 6.0 * h) && !pieces[i].vertical;
        let ending: Vec<usize> = (0..pieces.len()).filter(|&i| near(i) && ext[i].1 <= cut.xa && ext[i].1 >= cut.xa - 1.5 * p).collect();
        let starts: Vec<f64> = (0..pieces.len()).filter(|&i| near(i) && ext[i].0 >= cut.xb && ext[i].0 <= cut.xb + 1.5 * p).map(|i| pieces[i].rect.x0).collect();
        let s = 0.3 * p;
        Gap {
            left: median(ending.iter().map(|&i| pieces[i].rect.x1).collect()).unwrap_or(cut.xa + s),
            right: median(starts).unwrap_or(cut.xb - s),
            pitch: median(ending.iter().filter(|&&i| pieces[i].em() > 0.0).map(|&i| pieces[i].rect.width() / pieces[i].em()).collect()),
        }
    }

    /// Cuts a region into columns at the valleys of its x-projection (see the module
    /// doc), splitting merged boxes; gives the pieces back when there is no valley.
    fn columns(&self, pieces: Vec<Piece>) -> Result<Columns, Vec<Piece>> {
        let ext = self.narrowed(&pieces);
        let mut starts: Vec<f64> = ext.iter().map(|e| e.0).collect();
        let mut ends: Vec<f64> = ext.iter().map(|e| e.1).collect();
        starts.sort_by(f64::total_cmp);
        ends.sort_by(f64::total_cmp);
        let mut xs: Vec<f64> = starts.iter().chain(ends.iter()).copied().collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup();
        let n = pieces.len();
        // (segment index, crossing count) of valid valley segments.
        let mut valid: Vec<(usize, usize)> = Vec::new();
        for j in 0..xs.len().saturating_sub(1) {
            let (xa, xb) = (xs[j], xs[j + 1]);
            let left = ends.partition_point(|&e| e <= xa);
            let right = n - starts.partition_point(|&s| s < xb);
            if left == 0 || right == 0 || left + right > n {
                continue;
            }
            let crossing = n - left - right;
            // Cheap necessary condition first: merged boxes are few beside the columns.
            if crossing == 0 || (crossing <= left.min(right) + 1 && self.merged_across(&pieces, &ext, xa, xb)) {
                valid.push((j, crossing));
            }
        }
        if valid.is_empty() {
            return Err(pieces);
        }
        // One cut per run of adjacent valid segments: the one with fewest crossings, widest on a tie.
        let mut cuts: Vec<Cut> = Vec::new();
        let mut k = 0;
        while k < valid.len() {
            let mut end = k;
            while end + 1 < valid.len() && valid[end + 1].0 == valid[end].0 + 1 {
                end += 1;
            }
            let best = valid[k..=end]
                .iter()
                .min_by(|a, b| a.1.cmp(&b.1).then((xs[b.0 + 1] - xs[b.0]).total_cmp(&(xs[a.0 + 1] - xs[a.0]))))
                .expect("a run is not empty");
            cuts.push(Cut { xa: xs[best.0], xb: xs[best.0 + 1] });
            k = end + 1;
        }
        // The column edges at each cut, for the page's column grid.
        let gaps: Vec<Gap> = cuts.iter().map(|&c| self.gap_edges(&pieces, &ext, None, c)).collect();
        // Where each crossing piece is split: the cut, and the edges of the columns on
        // either side next to it.
        let plans: Vec<Vec<(usize, Gap)>> = (0..n)
            .map(|i| {
                (0..cuts.len())
                    .filter(|&c| ext[i].0 < cuts[c].xb && ext[i].1 > cuts[c].xa)
                    .map(|c| (c, self.gap_edges(&pieces, &ext, Some(&pieces[i]), cuts[c])))
                    .collect()
            })
            .collect();
        let mut columns: Vec<Vec<Piece>> = vec![Vec::new(); cuts.len() + 1];
        let mut warnings = Vec::new();
        for ((p, e), plan) in pieces.into_iter().zip(ext).zip(plans) {
            if plan.is_empty() {
                let centre = (e.0 + e.1) / 2.0;
                let col = cuts.iter().filter(|c| (c.xa + c.xb) / 2.0 <= centre).count();
                columns[col].push(p);
                continue;
            }
            let mut rest = p;
            let mut col = plan[0].0;
            for (c, gap) in plan {
                match split(&rest, gap) {
                    Some((left, right)) => {
                        warnings.push(split_warning(&left, &right, (cuts[c].xa + cuts[c].xb) / 2.0));
                        columns[c].push(left);
                        rest = right;
                        col = c + 1;
                    }
                    None => col = c + usize::from(rest.rect.cx() > (cuts[c].xa + cuts[c].xb) / 2.0),
                }
            }
            columns[col].push(rest);
        }
        columns.retain(|c| !c.is_empty());
        if columns.len() < 2 {
            return Err(columns.into_iter().flatten().collect());
        }

        right_to_left_runs(&mut columns);
        Ok(Columns { groups: columns, warnings, gaps })
    }
}

/// True when every piece shares one horizontal band (their vertical extents overlap).
fn one_row(pieces: &[Piece]) -> bool {
    let top = pieces.iter().map(|p| p.y_extent().0).fold(f64::NEG_INFINITY, f64::max);
    let bottom = pieces.iter().map(|p| p.y_extent().1).fold(f64::INFINITY, f64::min);
    pieces.iter().all(|p| !p.vertical) && top < bottom
}

/// Splits a piece between the columns on either side of a gap: the characters are
/// shared out in proportion to the widths on each side (a Han character counting twice
/// a Latin one), at the nearest boundary that does not start a line with a closing
/// mark or end one with an opening mark (a character further at most); of two
/// boundaries about as near (a line squeezing in a closing mark holds a character
/// more than its width says), the one that gives the left part as many characters as
/// its width holds at the pitch of the left column's lines. `None` when one side would get fewer than two characters (a stray
/// character is not a column's line).
fn split(p: &Piece, gap: Gap) -> Option<(Piece, Piece)> {
    let (left_edge, right_edge) = (gap.left, gap.right);
    let wl = (left_edge - p.rect.x0).max(0.0);
    let wr = (p.rect.x1 - right_edge).max(0.0);
    if wl <= 0.0 || wr <= 0.0 {
        return None;
    }
    let chars: Vec<char> = p.text.chars().collect();
    let target = em(&p.text) * wl / (wl + wr);
    let mut acc = 0.0;
    let mut best = (f64::INFINITY, 0);
    for (i, c) in chars.iter().enumerate().take(chars.len().saturating_sub(1)) {
        acc += char_width(*c) as f64 / 2.0;
        // Line-breaking rules: a line does not start with a closing mark nor end with
        // an opening one, so such a boundary costs a character more.
        let next = chars[i + 1];
        let kinsoku = is_closer(next) || matches!(next, '，' | '、' | '。' | '；' | '：' | '！' | '？' | ',' | '.') || is_opener(*c);
        let fill = gap.pitch.map_or(0.0, |pitch| 0.25 * (acc - wl / pitch).abs().min(2.0));
        let d = (acc - target).abs() + if kinsoku { 1.0 } else { 0.0 } + fill;
        if d < best.0 {
            best = (d, i + 1);
        }
    }
    let at = best.1;
    if at == 0 || at >= chars.len() {
        return None;
    }
    if at < 2 || chars.len() - at < 2 {
        return None;
    }
    let left_text: String = chars[..at].iter().collect();
    let right_text: String = chars[at..].iter().collect();
    let (lt, rt) = (crate::rules::chars::trim(&left_text), crate::rules::chars::trim(&right_text));
    if lt.is_empty() || rt.is_empty() {
        return None;
    }
    let left = Piece { text: lt.to_string(), rect: Rect { x1: left_edge.min(p.rect.x1), ..p.rect }, cut_right: true, ..p.clone() };
    let right = Piece { text: rt.to_string(), rect: Rect { x0: right_edge.max(p.rect.x0), ..p.rect }, cut_left: true, ..p.clone() };
    Some((left, right))
}

/// Groups a leaf's pieces into printed lines: horizontal pieces whose vertical extents
/// overlap by half the thinner one, and that do not overlap in x, are one line; lines
/// top to bottom, then vertical pieces right to left.
fn rows(pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut horizontal: Vec<&Piece> = pieces.iter().filter(|p| !p.vertical).collect();
    horizontal.sort_by(|a, b| a.rect.cy().total_cmp(&b.rect.cy()));
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    for p in horizontal {
        let (t, b) = p.y_extent();
        let joins = rows.last().is_some_and(|row| {
            row.iter().all(|q| {
                let (qt, qb) = q.y_extent();
                let overlap = b.min(qb) - t.max(qt);
                overlap >= 0.5 * (b - t).min(qb - qt) && p.rect.x_overlap(&q.rect) <= 0.3 * p.rect.width().min(q.rect.width())
            })
        });
        match rows.last_mut() {
            Some(row) if joins => row.push(p.clone()),
            _ => rows.push(vec![p.clone()]),
        }
    }
    let mut vertical: Vec<&Piece> = pieces.iter().filter(|p| p.vertical).collect();
    vertical.sort_by(|a, b| b.rect.cx().total_cmp(&a.rect.cx()));
    rows.extend(vertical.into_iter().map(|p| vec![p.clone()]));
    rows
}

fn printed_line(mut row: Vec<Piece>, m: Metrics) -> PrintedLine {
    row.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
    let mut text = String::new();
    for (i, p) in row.iter().enumerate() {
        if i > 0 {
            let gap = p.rect.x0 - row[i - 1].rect.x1;
            let latin = text.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
                && p.text.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            if gap >= 0.8 * m.pitch || latin {
                text.push(' ');
            }
        }
        text.push_str(&p.text);
    }
    let rect = row.iter().map(|p| p.rect).reduce(|a, b| a.union(&b)).expect("a row is not empty");
    let thickness = row.iter().map(|p| p.thickness).fold(0.0, f64::max);
    let vertical = row.iter().all(|p| p.vertical);
    PrintedLine {
        text,
        pieces: row,
        rect,
        thickness,
        vertical,
        heading: None,
        bold: false,
        indent: 0,
        fills_column: None,
        ends_band: false,
        margin: false,
    }
}

/// Size ratio of a line to the body line height.
fn ratio(l: &PrintedLine, m: Metrics) -> f64 {
    l.thickness / m.line_height
}

/// A line thick enough for a heading: at least 1.6 `H`, at most 40 characters.
fn is_heading_size(l: &PrintedLine, m: Metrics) -> bool {
    !l.vertical && ratio(l, m) >= 1.6 && em(&l.text) <= 40.0
}

/// What the roles stage knows of each line besides the line itself.
struct Context {
    /// The leaf (a column, or a band of one) each line was read from.
    leaf: Vec<usize>,
    /// The column group of each line (see [`column_groups`]).
    group: Vec<usize>,
    /// The columns on either side of every column cut made on the page.
    grid: Vec<Gap>,
    /// Median width of body lines.
    column_width: f64,
    /// Whether the line is the first line of a leaf that opens a band.
    opens_band: Vec<bool>,
}

/// Column groups: the lines of a leaf are one group, and a leaf of one line continues
/// the group before it when that line stands in the group's column right under it (a
/// column whose wide leading cut it into bands of one line): within two line heights
/// under the group's last line, and either ending at the group's right end and
/// starting within four and a half characters of its left end (a full line, indented
/// or under an indented one), or starting at its left end and ending at or before its
/// right end (a short line).
fn column_groups(lines: &[PrintedLine], leaf_of: &[usize], m: Metrics) -> Vec<usize> {
    let (p, h) = (m.pitch, m.line_height);
    let mut group = vec![0; lines.len()];
    let mut g = 0;
    // The running group's left and right ends and lowest line's bottom.
    let mut extent: Option<(f64, f64, f64)> = None;
    for i in 0..lines.len() {
        let l = &lines[i].rect;
        let new_leaf = i > 0 && leaf_of[i] != leaf_of[i - 1];
        if new_leaf {
            let single = leaf_of.get(i + 1) != Some(&leaf_of[i]);
            let continues = single
                && !lines[i].vertical
                && extent.is_some_and(|(x0, x1, bottom)| {
                    let under = l.y0 >= bottom - 0.5 * h && l.y0 - bottom <= 2.0 * h;
                    let full = (l.x1 - x1).abs() <= 0.8 * p && (l.x0 - x0).abs() <= 4.5 * p;
                    let short = (l.x0 - x0).abs() <= 0.6 * p && l.x1 <= x1 + 0.8 * p;
                    under && (full || short)
                });
            if !continues {
                g += 1;
                extent = None;
            }
        }
        group[i] = g;
        if !lines[i].vertical {
            extent = Some(match extent {
                Some((x0, x1, _)) => (x0.min(l.x0), x1.max(l.x1), l.y1),
                None => (l.x0, l.x1, l.y1),
            });
        }
    }
    group
}

/// The lines of line `i`'s column group near it (up to five on each side), excluding
/// vertical and heading-sized lines and `i` itself.
fn neighbours(lines: &[PrintedLine], ctx: &Context, i: usize, m: Metrics) -> Vec<usize> {
    let same = |k: usize| !lines[k].vertical && !is_heading_size(&lines[k], m);
    let mut near: Vec<usize> = (0..i).rev().take_while(|&k| ctx.group[k] == ctx.group[i]).filter(|&k| same(k)).take(5).collect();
    near.extend((i + 1..lines.len()).take_while(|&k| ctx.group[k] == ctx.group[i]).filter(|&k| same(k)).take(5));
    near
}

/// Roles from size and position, line by line, against the line's column: its local
/// line height (the median thickness of its neighbours, see [`neighbours`]; the page's
/// where there are fewer than two) and its local edges, from those neighbours and
/// itself that are body-sized (under 1.2 local heights): of their left and right ends
/// (not counting an end at a gap where a box was split, which is only estimated), the
/// `k`-th smallest and largest, `k` growing with their number (1 for up to seven, 3
/// from twelve), so that a stray line sticking out does not move them.
///
/// - At least 1.6 `H` thick and at most 40 characters: a heading (ranked later).
/// - 1.2–1.6 local heights, at most 24 characters, no full stop, not spanning its
///   column: a heading when it is the first line of a band of a region wider than
///   one and a half columns and two lines or more follow it in its leaf (本报启事 over
///   a notice), bold otherwise (a subhead, a byline set larger).
/// - Otherwise: indentation (whole characters from the left edge) and whether it
///   fills the column (right end within 0.8 `P` of the right edge), when three lines
///   or more give the edges.
///
/// Returns which lines are headings.
fn assign_roles(lines: &mut [PrintedLine], ctx: &Context, m: Metrics) -> Vec<bool> {
    let mut heading = vec![false; lines.len()];
    for i in 0..lines.len() {
        if lines[i].vertical {
            continue;
        }
        if is_heading_size(&lines[i], m) {
            heading[i] = true;
            continue;
        }
        let near = neighbours(lines, ctx, i, m);
        let local_h = if near.len() >= 2 { median(near.iter().map(|&k| lines[k].thickness).collect()).unwrap_or(m.line_height) } else { m.line_height };
        let refs: Vec<usize> = std::iter::once(i).chain(near.iter().copied()).filter(|&k| lines[k].thickness < 1.2 * local_h).collect();
        // The end of a part split at a gap is an estimate: only its other end counts.
        let mut lefts: Vec<f64> = refs.iter().filter(|&&k| !starts_at_gap(&lines[k])).map(|&k| lines[k].rect.x0).collect();
        let mut rights: Vec<f64> = refs.iter().filter(|&&k| !ends_at_gap(&lines[k])).map(|&k| lines[k].rect.x1).collect();
        let edges = if refs.len() >= 3 && lefts.len() >= 2 && rights.len() >= 2 {
            lefts.sort_by(f64::total_cmp);
            rights.sort_by(|a, b| b.total_cmp(a));
            Some((lefts[(lefts.len() / 4).min(2)], rights[(rights.len() / 4).min(2)]))
        } else if lines[i].thickness < 1.2 * local_h {
            grid_edges(lines, &refs, ctx, m)
        } else {
            None
        };
        let heads_its_leaf = (i + 1..lines.len()).take_while(|&k| ctx.leaf[k] == ctx.leaf[i]).count() >= 2;
        let l = &mut lines[i];
        let spans = edges.is_some_and(|(left, right)| l.rect.x0 <= left + 0.5 * m.pitch && l.rect.x1 >= right - 0.8 * m.pitch);
        if l.thickness >= 1.2 * local_h && ratio(l, m) >= 1.1 && em(&l.text) <= 24.0 && !l.text.contains('。') && !spans {
            if ctx.opens_band[i] && heads_its_leaf {
                heading[i] = true;
            } else {
                l.bold = true;
            }
            continue;
        }
        if let Some((left, right)) = edges {
            let chars = ((l.rect.x0 - left) / m.pitch + 0.35).floor().clamp(0.0, 4.0) as usize;
            l.indent = if starts_at_gap(l) { 0 } else { 2 * chars };
            l.fills_column = Some(right - l.rect.x1 < 0.8 * m.pitch);
        }
        if ends_at_gap(l) {
            // The detector merged the line with the next column's because its text ran
            // to the gap: it fills its column.
            l.fills_column = Some(true);
        }
    }
    heading
}

/// The edges of a column too short to give its own (fewer than three lines: an
/// article's last lines alone in a column) from the page's column grid: the left edge
/// is the right side of a gap at most four and a half characters left of the lines
/// `refs`, the right edge the left side of a gap at or right of their right end within
/// one column width; a missing edge is one column width from the other (the first or
/// last column of a region). `None` when neither gap is there.
fn grid_edges(lines: &[PrintedLine], refs: &[usize], ctx: &Context, m: Metrics) -> Option<(f64, f64)> {
    let x0 = refs.iter().map(|&k| lines[k].rect.x0).fold(f64::INFINITY, f64::min);
    let x1 = refs.iter().map(|&k| lines[k].rect.x1).fold(f64::NEG_INFINITY, f64::max);
    let left = ctx.grid.iter().map(|g| g.right).filter(|&r| r <= x0 + 0.6 * m.pitch && x0 - r <= 4.5 * m.pitch).fold(f64::NEG_INFINITY, f64::max);
    let right = ctx
        .grid
        .iter()
        .map(|g| g.left)
        .filter(|&l| l >= x1 - 0.8 * m.pitch && l - x0 <= ctx.column_width + 0.8 * m.pitch)
        .fold(f64::INFINITY, f64::min);
    match (left.is_finite(), right.is_finite()) {
        (true, true) => Some((left, right)),
        (true, false) => Some((left, left + ctx.column_width)),
        (false, true) => Some((right - ctx.column_width, right)),
        (false, false) => None,
    }
}

/// The line's left end is at a column gap where a box was split.
fn starts_at_gap(l: &PrintedLine) -> bool {
    l.pieces.first().is_some_and(|p| p.cut_left)
}

/// The line's right end is at a column gap where a box was split.
fn ends_at_gap(l: &PrintedLine) -> bool {
    l.pieces.last().is_some_and(|p| p.cut_right)
}

/// Heading levels by rank of thickness among the page's headings: level 1 for the
/// thickest, a new level wherever a heading is 15% thinner than the thickest of the
/// level above.
fn rank_headings(lines: &mut [PrintedLine], heading: &[bool]) {
    let mut sizes: Vec<f64> = (0..lines.len()).filter(|&i| heading[i]).map(|i| lines[i].thickness).collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    let mut tops: Vec<f64> = Vec::new();
    for s in sizes {
        if tops.last().is_none_or(|&t| s < 0.85 * t) {
            tops.push(s);
        }
    }
    for i in (0..lines.len()).filter(|&i| heading[i]) {
        let level = tops.iter().filter(|&&t| lines[i].thickness < 0.85 * t).count() + 1;
        lines[i].heading = Some(level.min(6) as u8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::OcrBox;

    fn bx(index: usize, text: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> OcrBox {
        OcrBox::new(index, text, vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    }

    fn page(boxes: Vec<OcrBox>) -> BoxPage {
        BoxPage { boxes, width: 1000.0, height: 1000.0 }
    }

    fn texts(r: &Recovered) -> Vec<&str> {
        r.lines.iter().map(|l| l.text.as_str()).collect()
    }

    const ROWS: [&str; 8] = ["一", "二", "三", "四", "五", "六", "七", "八"];

    /// Two columns of eight 10-character lines (pitch 20, line height 20, 30 apart),
    /// interleaved as a detector emits them.
    fn two_columns() -> Vec<OcrBox> {
        let mut v = Vec::new();
        for (row, n) in ROWS.iter().enumerate() {
            let y = 100.0 + 30.0 * row as f64;
            v.push(bx(v.len(), &format!("左栏第{n}行的正文内容"), 100.0, y, 300.0, y + 20.0));
            v.push(bx(v.len(), &format!("右栏第{n}行的正文内容"), 330.0, y, 530.0, y + 20.0));
        }
        v
    }

    #[test]
    fn interleaved_columns_are_read_column_by_column() {
        let r = recover(&page(two_columns()));
        let want: Vec<String> =
            ["左", "右"].iter().flat_map(|side| ROWS.iter().map(move |n| format!("{side}栏第{n}行的正文内容"))).collect();
        assert_eq!(texts(&r), want);
        assert_eq!(r.metrics.line_height, 20.0);
        assert_eq!(r.metrics.pitch, 20.0);
        assert_eq!(r.metrics.line_gap, 10.0);
    }

    #[test]
    fn a_box_across_two_columns_is_split_at_the_gap() {
        let mut boxes = two_columns();
        // Row 三 of both columns detected as one box.
        boxes[4] = bx(4, "左栏第三行的正文内容右栏第三行的正文内容", 100.0, 160.0, 530.0, 180.0);
        boxes.remove(5);
        for (i, b) in boxes.iter_mut().enumerate() {
            b.index = i;
        }
        let r = recover(&page(boxes));
        assert_eq!(texts(&r)[2], "左栏第三行的正文内容");
        assert_eq!(texts(&r)[10], "右栏第三行的正文内容");
        assert_eq!(r.lines[2].pieces[0].box_index, 4);
        assert_eq!(r.lines[10].pieces[0].box_index, 4);
        assert_eq!(r.lines[2].pieces[0].rect, Rect { x0: 100.0, y0: 160.0, x1: 300.0, y1: 180.0 });
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.warnings[0].kind, WarningKind::SplitBox);
    }

    #[test]
    fn a_headline_across_columns_cuts_a_band_and_ranks_first() {
        let mut boxes = vec![bx(0, "标题横跨两栏", 150.0, 20.0, 450.0, 70.0)];
        for mut b in two_columns() {
            b.index += 1;
            boxes.push(b);
        }
        let r = recover(&page(boxes));
        assert_eq!(r.lines[0].text, "标题横跨两栏");
        assert_eq!(r.lines[0].heading, Some(1));
        assert!(r.lines[0].ends_band);
        assert_eq!(r.lines[1].text, "左栏第一行的正文内容");
        assert_eq!(r.lines[9].text, "右栏第一行的正文内容");
    }

    #[test]
    fn vertical_text_is_read_right_to_left_and_border_debris_is_noise() {
        let mut boxes = vec![
            bx(0, "一九六八年", 900.0, 100.0, 920.0, 200.0),
            bx(1, "第四十五号", 930.0, 100.0, 950.0, 200.0),
            bx(2, "福", 5.0, 990.0, 10.0, 995.0),
        ];
        for mut b in two_columns() {
            b.index += 3;
            boxes.push(b);
        }
        let r = recover(&page(boxes));
        let t = texts(&r);
        let first = t.iter().position(|s| *s == "第四十五号").unwrap_or_else(|| panic!("{t:?}"));
        assert_eq!(t[first + 1], "一九六八年");
        assert_eq!(r.noise.len(), 1);
        assert_eq!(r.noise[0].box_index, 2);
    }

    #[test]
    fn indentation_and_column_fill_come_from_the_column_edges() {
        let boxes = vec![
            bx(0, "　第一段首行缩进两字", 140.0, 100.0, 300.0, 120.0),
            bx(1, "第一段第二行正文内容", 100.0, 130.0, 300.0, 150.0),
            bx(2, "第一段完。", 100.0, 160.0, 200.0, 180.0),
            bx(3, "第二段首行缩进两字", 140.0, 190.0, 300.0, 210.0),
            bx(4, "第二段第二行正文内容", 100.0, 220.0, 300.0, 240.0),
        ];
        let r = recover(&page(boxes));
        let got: Vec<(usize, Option<bool>)> = r.lines.iter().map(|l| (l.indent, l.fills_column)).collect();
        assert_eq!(got, vec![(4, Some(true)), (0, Some(true)), (0, Some(false)), (4, Some(true)), (0, Some(true))]);
    }
}
