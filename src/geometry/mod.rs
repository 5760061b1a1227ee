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
//!    lines' rectangle, with the heading columns on a vertical page, grown by 1.5
//!    `H`: border debris), holds neither a Han character nor only digits, or is
//!    thinner than body text and over eight times as wide as thick per character (a
//!    rule read as a character), is page noise,
//!    for `removed` with reason `noise`; so is a box of at most six characters read
//!    with a confidence under 0.3 (an ornament or photo the engine read as text),
//!    and, on a horizontal page, a box lying inside an upright heading box at least
//!    twice as thick (part of the heading's ink read again: `ghosts`); so is a box of
//!    at most twelve characters, no Han and half of them digits or more, under 0.4 `H`
//!    thick (a box rule read as `21117T17`).
//!    On a horizontal page, a heading box whose right end runs into the next heading
//!    of its row and repeats that heading's first characters loses the repeat (see
//!    `trim_overlapping_heads`).
//! 3. **XY-cut.** The other boxes are cut recursively into regions; a region that is
//!    one row, or that no cut divides, is a leaf. At each level, in this order:
//!    - *Lanes.* At x gaps no box is over, a lane of vertical text is cut off from the
//!      horizontal text beside it.
//!    Here a *heading* is a horizontal line at least 1.42 `H` thick (headlines set
//!    1.48–1.53 `H` are common on RapidOCR pages; no other line of the evaluation sets
//!    is over 1.3 `H`), not the part of a line split at a gap.
//!    - *Side by side.* When no wider band gap than the one under the headlines cuts
//!      the region (or it is cut only at headings, by gaps narrower than a band gap: a
//!      headline wrapped in its own column beside an article that ends beside it),
//!      articles side by side are cut apart before any band cut, so that
//!      a row of headlines stays over its bodies: when each column starts with a
//!      heading (columns whose text runs on into the next one, its last line full
//!      with no sentence mark, under a heading of the same size and height, are one
//!      article: its headline printed in pieces; so are two headings of one size less
//!      than half their thickness apart, neither wrapped over more lines in its column),
//!      or when two headings or more (set apart: of closer ones, those of one size, under
//!      half their thickness apart and neither wrapped in its column, are one headline in
//!      pieces; a headline wrapped in its own column stands apart from the next) top the
//!      region, each taking the columns from the previous one's to
//!      the gap that centres it over them (a heading set flush left with its first
//!      column, ending two characters or more short of the column group it stands in,
//!      takes every column up to the next heading's). The row of headings may stand under a row
//!      of short lines (a kicker, a rubric: at most two in each column, each at most
//!      24 characters), each over its own article.
//!    - *Bands.* The region is cut at its widest gaps across its whole width (gaps at
//!      least the normal line gap plus 0.3 `H`, or any gap under or over a
//!      heading that no body line beside runs on across, but not a gap under which
//!      the text only goes on with one column of the text over it, whose last line
//!      there is full with no sentence mark, or which it lies inside (its body lines
//!      over it start at most 4.5 `P` left of it and end at most a `P` right of it):
//!      a photo inside the column; of those, the ones at least
//!      0.8 times the widest, narrower ones being cut deeper down: first between
//!      stacked articles, then under a headline, a rule, a photo). Bands are read top
//!      to bottom.
//!    - *Columns.* The region is cut at the valleys of its x-projection, which counts
//!      at each x the boxes over it (each narrowed by 0.3 `P` at both ends, for the
//!      padding around the glyphs and a little skew). A valley no box is over is a
//!      cut. A valley some boxes cross is a cut when it is a gutter (at most 4 `P`
//!      wide: wider, it is blank space inside one column, as between a short last
//!      line and a jump marker under full-width lines) and every crossing box is a body line
//!      (at most 1.5 `H` thick, six characters or more, not a headline, not a display
//!      line flush under a heading and wider than a column: a subheadline) with a body
//!      line of each column within five line heights of it, and either they are at
//!      most a third of the body lines on either side (at least four each), or, in
//!      short columns, at most one more than those and each holds most of a line left
//!      of the gap, within the two columns' outer edges (on the left, an indentation
//!      further out when the gutter is open and the box's text has a space). Such a box holds two columns'
//!      lines merged by the detector: it is **split** at the gap (at the median right
//!      end of the left column's lines near it and left end of the right column's),
//!      its characters shared out in proportion to the widths on either side (a line
//!      does not start with a closing mark nor end with an opening one; of two
//!      boundaries about as near, the one giving the left part as many characters as
//!      the left column's pitch says), with a `split_box` warning; a side that would
//!      get fewer than two characters gets none (a stray character). Columns are read
//!      left to right, except that a run of columns holding only vertical text is read
//!      right to left. A valley is a cut, too, when each box crossing it is a body line
//!      that reaches at most half a character past it into a body line of the other
//!      column beside it (a closing mark hanging into the gutter): it is read with its
//!      own column.
//!
//!    Last, the gaps of all column cuts are the page's *column grid*: a body line
//!    that sticks out of its leaf across a gap of the grid (the leaf's other lines end
//!    at the gap) is split there too, its part past the gap read right after the leaf
//!    (an article's last line alone in its column, merged with the line beside it).
//! 4. **Lines.** In a leaf, boxes whose heights overlap by half are one printed line,
//!    read left to right (a space where the gap is wider than 0.8 `P`); lines are read
//!    top to bottom, vertical boxes right to left.
//! 5. **Roles.** A line at least 1.55 `H` thick and at most 40 characters long is a
//!    heading; heading levels are ranks of thickness on the page (a new level where a
//!    heading is 15% thinner than the thickest of the level above), so the headline
//!    outranks the subheadline. Other horizontal lines are measured against their
//!    column (the lines of their leaf, and the one-line leaves right under it in the
//!    same column: a column whose wide leading cut it into bands): the local height is
//!    the median thickness of the lines near them, the local edges the left and right
//!    ends of those that are body-sized, a rank or two in (so that a stray line
//!    sticking out does not move them, and a skewed or warped scan does not read as
//!    indentation; the end of a part split at a gap is only an estimate and does not
//!    count). A line 1.2 local heights thick up to a heading, of at most 24 characters with no full
//!    stop, that does not span its column, is a heading when it opens a band of a
//!    region wider than one and a half columns (or one of the articles side by side
//!    under a row of headlines) and either heads the lines under it (本报启事 over a
//!    notice) or is 1.42 `H` thick (cut off from them as a heading), and bold
//!    otherwise (a subhead, a byline set larger). A body-sized line read right after
//!    a heading, flush with it and at most 0.6 `H` under it, wider than a column (it
//!    crosses a gutter), of at most 40 characters with no clause mark, is a heading
//!    too (a subheadline: `roles::under_heading_across`). The others
//!    get their indentation (whole characters from the left edge) and whether they fill
//!    the column (their right end within 0.8 `P` of the right edge; a left part of a
//!    split box always does). A column of fewer than three lines takes its edges from
//!    the column grid, or leaves them unknown. On a page set horizontally (at most a
//!    quarter of the lines vertical), body-sized vertical text is a masthead's side
//!    column (issue number, date, publisher): page furniture.
//!    A front page's **masthead** (a heading of a few Han characters at the top, half
//!    again as thick as the page's other headings, with lines printed under it) and those
//!    lines (publisher, issue line, date) are page furniture, read first; the quotation
//!    box beside it (毛主席语录, 最高指示) is read next, as quote lines ([`masthead`]).
//!    Elsewhere, a line that is a quotation label alone and the lines after it to the
//!    end of their band are quote lines too, the label no heading ([`quotebox`]).
//!    Last, a heading line that fills the columns it stands over (85%; or, in a stack of
//!    three heading lines or more of one size in one column, is as wide as the widest
//!    within a character: a headline wrapped in a narrow column), holds no space
//!    and ends in no sentence mark, with a heading of the same size (within 10%) right
//!    under it and within its sides, merely wraps there: the two are one printed line,
//!    joined without a space (`join_wrapped_headings`); a rest of three characters or
//!    fewer may be measured up to a fifth thicker (a short box is padded), and the
//!    joined line is as thick as its longer part. A deck of display lines stacked in one
//!    column, of one type size by their advance per character (within 7%) and thickness
//!    (within 15%), takes one heading level (`decks::level_decks`: a padded box no longer splits a
//!    headline into kicker, headline and subheadline). Then a short line ending the text
//!    above it, followed by a heading it does not stand over (a quote box's wrapped
//!    attribution), is joined to that text (`join_tails_over_headings`), on pages set
//!    either way; and in a quotation box, its sentence's last two to four Han
//!    characters wrapped alone onto a line under it join it (`join_quote_tails`), so
//!    that they are not read as the quote's credit.
//!
//! A page **set vertically** (at least half its characters in vertical boxes: 直排) is
//! measured over its vertical boxes and read by [`vertical`] instead of steps 3–5:
//! tiers top to bottom, columns right to left, one printed line per column.
//!
//! Last on a page set horizontally, **pieces** inside a column: a run of body lines in
//! one column (each under the one before it in reading order) is measured by its median
//! line gap, and a gap at least 1.5 `H` wider than that, over an indented line, under a
//! line ending with a stop, parts two pieces of text (a continuation printed with no
//! headline and its 上接 lost, under another article in the same column; issue 17): the
//! line under it [`PrintedLine::opens_piece`], which the text stages take as the page's
//! article gap. Only gaps across a whole region cut bands, so such a gap inside one
//! column of several cut nothing before.
//!
//! The lines are numbered 1, 2, … in reading order: these are the `lines` of blocks,
//! articles and `removed` for box input. Noise boxes are numbered after the last line,
//! in input order.

mod decks;
mod gutter;
mod masthead;
mod measure;
pub mod params;
mod quotebox;
mod roles;
mod rows;
pub mod vertical;
mod xycut;

use masthead::*;
use measure::*;
use params::*;
use quotebox::*;
use roles::*;
use rows::*;
use xycut::*;

use crate::read::boxes::{BoxPage, LayoutHint, Rect, median};
use crate::lines::Layout;
use crate::lines::Line;
use crate::model::{Warning, WarningKind};
use crate::rules::chars::{char_width, is_closer, is_han, is_opener};

/// The layout the text stages are run with on recovered lines: no page-wide column
/// width (each line says whether it fills its column), heading levels are ranks of
/// box height so they carry information, and lines are not soft-wrapped Markdown.
pub const LAYOUT: Layout = Layout { column_width: None, levels_informative: true, soft_wrap: false };

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

    /// Set across and at least [`CUT_HEADING_RATIO`] line heights `h` thick: the size of
    /// a heading, as the band cut and the column rules read it.
    fn heading_sized(&self, h: f64) -> bool {
        !self.vertical && self.thickness >= CUT_HEADING_RATIO * h
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
    /// horizontally (a masthead's side column: issue number, date, publisher); or by
    /// its format's label (a header, footer or page number region, see
    /// [`crate::read::boxes::OcrBox::hint`]).
    pub margin: bool,
    /// Every piece of it comes from a box its format labelled a caption
    /// ([`crate::read::boxes::LayoutHint::Caption`]; set by `roles::caption_labels`
    /// once the lines are joined): [`Line::caption_label`] for the text stages.
    pub caption_label: bool,
    /// A line of a quotation box set beside the masthead (毛主席语录, 最高指示 in the
    /// ear of a front page; see [`masthead`]): a `quote` block for the text stages.
    pub quote: bool,
    /// Opens a new piece of text inside its column: an indented body line under a body
    /// line of the same column that ends a sentence, over a gap at least
    /// [`params::PIECE_GAP`] `H` wider than the column's median line gap (a
    /// continuation printed with no headline and no 上接 under another article); on a
    /// page set vertically, a heading column opening a tier under text of the tier above
    /// (see `vertical::tier_heads`). The text stages take it as the page's article gap.
    pub opens_piece: bool,
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
            caption_label: self.caption_label,
            quote: self.quote,
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
            let thickness = a.min(c).max(MIN_THICKNESS);
            let chars = b.text.chars().count();
            let vertical = chars >= 2 && b.rect.height() >= VERTICAL_ASPECT * b.rect.width() && a.max(c) >= VERTICAL_ASPECT * thickness;
            Piece { box_index: b.index, text: b.text.clone(), rect: b.rect, thickness, vertical, cut_left: false, cut_right: false }
        })
        .collect();
    let vertical_page = vertical::is_vertical_page(&pieces);
    let (line_height, pitch) = measure(&pieces, vertical_page);
    let area = text_area(&pieces, line_height, vertical_page);
    // Each piece's box confidence (the pieces are the boxes with text, in order).
    let confidence = page.boxes.iter().filter(|b| !b.text.is_empty()).map(|b| b.confidence);
    let ghost = if vertical_page { vec![false; pieces.len()] } else { ghosts(&pieces, line_height) };
    let (noise, text): (Vec<_>, Vec<_>) = pieces
        .into_iter()
        .zip(confidence)
        .zip(ghost)
        .partition(|((p, c), g)| *g || is_noise(p, line_height, area.as_ref(), vertical_page) || is_unread(p, *c));
    let noise: Vec<Piece> = noise.into_iter().map(|((p, _), _)| p).collect();
    let mut text: Vec<Piece> = text.into_iter().map(|((p, _), _)| p).collect();
    let metrics = Metrics { line_height, pitch, line_gap: line_gap(&text, line_height) };
    if !vertical_page {
        trim_overlapping_heads(&mut text, line_height);
    }
    if vertical_page {
        return Recovered { lines: vertical::read(text, metrics), noise, warnings: Vec::new(), metrics };
    }
    let column_width = median(text.iter().filter(|p| is_body_like(p, line_height)).map(|p| p.rect.width()).collect());
    let mut cutter = Cutter { m: metrics, gaps: Vec::new(), column_width: column_width.unwrap_or(f64::INFINITY), leaves: Vec::new(), warnings: Vec::new() };
    cutter.order(text, 0, true);
    cutter.protrusions();
    cutter.merged_columns();
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
    let mut heading = assign_roles(&mut lines, &ctx, metrics);
    let hints = layout_hints(page);
    apply_hints(&mut lines, &mut heading, &hints);
    mastheads(&mut lines, &mut heading, metrics);
    labelled_quotes(&mut lines, &mut heading, metrics);
    rank_headings(&mut lines, &heading);
    join_wrapped_headings(&mut lines, &ctx.grid, metrics);
    decks::level_decks(&mut lines);
    kickers_over_headings(&mut lines, metrics);
    join_tails_over_headings(&mut lines, metrics);
    join_quote_tails(&mut lines, metrics);
    piece_gaps(&mut lines, metrics);
    caption_labels(&mut lines, &hints);
    let vertical = lines.iter().filter(|l| l.vertical).count();
    if vertical * MARGIN_VERTICAL_SHARE <= lines.len() {
        for l in lines.iter_mut().filter(|l| l.vertical && !l.quote && ratio(l, metrics) < HEADING_RATIO) {
            l.margin = true;
        }
    }
    Recovered { lines, noise, warnings: cutter.warnings, metrics }
}

/// Trims side-by-side heading boxes that overlap: where a heading box's right end
/// reaches into the next heading box of its row (its vertical extent overlapping by
/// [`OVERLAP_HEADS_ROW`]) and its last `k` characters repeat that box's first `k` (`k`
/// the overlap in the left box's character widths, rounded, at least 1), the detector
/// gave those characters to both: they are dropped from the left box, whose right end
/// moves back by `k` character widths (to no further than the right box's left end).
/// Seen on RapidOCR pages with two headlines set close side by side: the merged box
/// left no gap for the side-by-side cut, and both articles were lost.
fn trim_overlapping_heads(text: &mut [Piece], line_height: f64) {
    let head = |p: &Piece| p.heading_sized(line_height) && p.chars() >= 2;
    for a in 0..text.len() {
        if !head(&text[a]) {
            continue;
        }
        for b in 0..text.len() {
            let (l, r) = (&text[a], &text[b]);
            if a == b || !head(r) || !(l.rect.x0 < r.rect.x0 && r.rect.x0 < l.rect.x1 && l.rect.x1 < r.rect.x1) {
                continue;
            }
            let ((ly0, ly1), (ry0, ry1)) = (l.y_extent(), r.y_extent());
            if ly1.min(ry1) - ly0.max(ry0) < OVERLAP_HEADS_ROW * l.thickness.min(r.thickness) {
                continue;
            }
            let n = l.chars();
            let char_width = l.rect.width() / n as f64;
            let k = ((l.rect.x1 - r.rect.x0) / char_width).round().max(1.0) as usize;
            let tail: String = l.text.chars().skip(n.saturating_sub(k)).collect();
            if k >= n || !r.text.starts_with(&tail) {
                continue;
            }
            let x1 = (l.rect.x1 - k as f64 * char_width).min(r.rect.x0);
            let l = &mut text[a];
            l.text = l.text.chars().take(n - k).collect();
            l.rect.x1 = x1;
            break;
        }
    }
}

/// The layout hint of each box index of the page ([`crate::read::boxes::OcrBox::hint`]),
/// `None` where the boxes sharing an index (the pieces a reader cut a line into)
/// disagree. Empty for formats that label nothing.
fn layout_hints(page: &BoxPage) -> std::collections::HashMap<usize, Option<LayoutHint>> {
    let mut hints: std::collections::HashMap<usize, Option<LayoutHint>> = std::collections::HashMap::new();
    for b in page.boxes.iter().filter(|b| b.label.is_some()) {
        let h = b.hint();
        hints.entry(b.index).and_modify(|e| if *e != h { *e = None }).or_insert(h);
    }
    hints
}

/// Joins a heading line that wraps onto the next into one printed line (no space: the
/// contract's rule for a wrap). A heading line wraps when it is full ([`WRAP_FILL`] of
/// the span between the column gaps of `grid` on either side of it, or the text's
/// edges; or, in a stack of [`WRAP_STACK`] heading lines or more of one size each
/// under the one before, as wide as the widest of them within a character, the two
/// joined at most [`HEADING_MAX_EM`] long), holds no space (phrases set apart are lines on purpose) and ends in no
/// sentence mark, and the next line is a heading of the same size ([`WRAP_SAME_SIZE`];
/// its level may differ, the levels being cut at 15% steps from the page's thickest;
/// a rest of at most [`WRAP_SHORT_REST`] characters may be measured up to a fifth
/// thicker, [`WRAP_SHORT_SAME_SIZE`]),
/// within its sides (a character of slack) and at most [`WRAP_GAP`] under it.
fn join_wrapped_headings(lines: &mut Vec<PrintedLine>, grid: &[Gap], m: Metrics) {
    let (Some(left), Some(right)) = (
        lines.iter().map(|l| l.rect.x0).min_by(f64::total_cmp),
        lines.iter().map(|l| l.rect.x1).max_by(f64::total_cmp),
    ) else {
        return;
    };
    let full = |l: &PrintedLine| {
        let from = grid.iter().map(|g| g.right).filter(|&x| x <= l.rect.x0 + m.pitch).fold(left, f64::max);
        let to = grid.iter().map(|g| g.left).filter(|&x| x >= l.rect.x1 - m.pitch).fold(right, f64::min);
        l.rect.width() >= WRAP_FILL * (to - from)
    };
    // A stack of WRAP_STACK heading lines or more set in one column: a line as wide as
    // its widest (within a character) fills its column, whatever the grid says.
    let stacked = |k: usize| {
        let (a, b) = (&lines[k], &lines[k + 1]);
        a.heading.is_some() && b.heading.is_some() && a.thickness.min(b.thickness) >= WRAP_SAME_SIZE * a.thickness.max(b.thickness) && b.rect.y0 - a.rect.y1 <= WRAP_GAP * a.thickness && a.rect.x_overlap(&b.rect) > 0.0
    };
    let mut fills_stack = vec![false; lines.len()];
    let mut first = 0;
    while first < lines.len() {
        let mut last = first;
        while last + 1 < lines.len() && stacked(last) {
            last += 1;
        }
        if last - first + 1 >= WRAP_STACK {
            let widest = lines[first..=last].iter().map(|l| l.rect.width()).fold(0.0, f64::max);
            for k in first..=last {
                fills_stack[k] = lines[k].rect.width() >= widest - lines[k].thickness;
            }
        }
        first = last + 1;
    }
    let mut i = 0;
    while i + 1 < lines.len() {
        let (a, b) = (&lines[i], &lines[i + 1]);
        let fills_stack_a = fills_stack[i] && em(&a.text) + em(&b.text) <= HEADING_MAX_EM;
        let wraps = a.heading.is_some()
            && b.heading.is_some()
            && (a.thickness.min(b.thickness) >= WRAP_SAME_SIZE * a.thickness.max(b.thickness)
                || (b.text.chars().count() <= WRAP_SHORT_REST && a.thickness >= WRAP_SHORT_SAME_SIZE * b.thickness))
            && !a.vertical
            && !b.vertical
            && !a.text.contains(crate::rules::chars::is_space)
            && !a.text.ends_with(['。', '！', '？', '!', '?', '：', ':'])
            && b.rect.y0 - a.rect.y1 <= WRAP_GAP * a.thickness
            && b.rect.x0 >= a.rect.x0 - m.pitch
            && b.rect.x1 <= a.rect.x1 + m.pitch
            && (full(a) || fills_stack_a);
        if !wraps {
            i += 1;
            continue;
        }
        let b = lines.remove(i + 1);
        // The joined line ends as its lower part does.
        fills_stack[i] = fills_stack.remove(i + 1);
        let a = &mut lines[i];
        a.text.push_str(&b.text);
        a.pieces.extend(b.pieces);
        a.rect = a.rect.union(&b.rect);
        // The longer part's thickness: a short box is padded thicker.
        if b.text.chars().count() > a.text.chars().count() {
            a.thickness = b.thickness;
        }
        a.ends_band = b.ends_band;
    }
}

/// Marks a kicker standing over its headline as a display line (bold, no indentation,
/// column fill unknown): a horizontal line that is not a heading, of at most
/// [`SUBHEAD_MAX_EM`] characters with no full stop, not in round brackets (a source
/// note: （团工组来） under a poem on a real 1976 tabloid), read right before a heading, at
/// most [`KICKER_GAP`] line heights over it and within its sides (a character of
/// slack). Measured against its column it could look like an indented body line (eval
/// rapidocr h018: 十二國港務官員學者與會, centred over 港口城市論壇, was taken as the
/// last paragraph of the article before).
fn kickers_over_headings(lines: &mut [PrintedLine], m: Metrics) {
    for i in 0..lines.len().saturating_sub(1) {
        let (a, b) = (&lines[i], &lines[i + 1]);
        let kicker = b.heading.is_some()
            && a.heading.is_none()
            && !a.vertical
            && !b.vertical
            && !a.margin
            && em(&a.text) <= SUBHEAD_MAX_EM
            && !a.text.contains(['。', '；'])
            && !a.text.starts_with(['（', '('])
            && b.rect.y0 - a.rect.y1 <= KICKER_GAP * m.line_height
            && b.rect.y0 >= a.rect.cy()
            && a.rect.x0 >= b.rect.x0 - m.pitch
            && a.rect.x1 <= b.rect.x1 + m.pitch;
        if kicker {
            let a = &mut lines[i];
            a.bold = true;
            a.indent = 0;
            a.fills_column = None;
        }
    }
}

/// Joins a short line that ends the text above it to that text's last line, when the
/// next line read is a heading the short line does not stand over: otherwise the text
/// stages, seeing a short display line right before a heading, make it the next
/// article's kicker. The short line (not a heading, not bold, not furniture, at most
/// [`SUBHEAD_MAX_EM`] characters with no clause or sentence mark, not filling its
/// column: a line the stages would read as text anyway is left as it is) follows a
/// text line (one holding a clause or sentence mark, or filling its column) set the
/// same way, at most [`TAIL_GAP`] line heights after it and within its sides (starting
/// within [`CONTINUES_INDENT`] characters of its start, ending at most a character past
/// its end): a quote box's last line wrapped under it, its attribution.
///
/// - Horizontal lines: the short line is under the text line, and was not made a
///   kicker by [`kickers_over_headings`] (eval rapidocr h012: 「…競爭力。」 /
///   港務公司董事長沈立群, the next article's headline 1.6 `H` under it; h024: 爭力。」——港務公
///   / 司董事長沈立群 at the foot of a column, the headline in another column).
/// - Vertical columns (直排): the short column is left of the text column, nearer to it
///   than to the heading column left of it, or the heading is in another tier (eval
///   vertical v005: —港務公司董事長沈立群 touching its quote's column, 9 px right of the
///   next headline; a kicker touches its headline).
///
/// The two are joined without a space (a wrap, the contract's rule; with one between
/// two words of a script that spaces them, as on `../shared/realpages/formats`'
/// English PAGE sample), the joined line taking the short line's column fill and band
/// end.
pub(super) fn join_tails_over_headings(lines: &mut Vec<PrintedLine>, m: Metrics) {
    let plain = |l: &PrintedLine| l.heading.is_none() && !l.bold && !l.margin;
    let text_line = |l: &PrintedLine| plain(l) && (l.fills_column == Some(true) || l.text.contains(['。', '，', '；', '、', '！', '？']));
    let mut i = 1;
    while i + 1 < lines.len() {
        let (p, t, h) = (&lines[i - 1], &lines[i], &lines[i + 1]);
        let short = plain(t) && em(&t.text) <= SUBHEAD_MAX_EM && !t.text.contains(['。', '，', '；', '！', '？']) && t.fills_column != Some(true);
        let set_alike = p.vertical == t.vertical && t.vertical == h.vertical;
        let follows = if t.vertical {
            let gap = p.rect.x0 - t.rect.x1;
            let other_tier = h.rect.y0 >= t.rect.y1;
            t.rect.x1 <= p.rect.cx()
                && gap <= TAIL_GAP * m.line_height
                && (other_tier || gap < t.rect.x0 - h.rect.x1)
                && (t.rect.y0 - p.rect.y0).abs() <= CONTINUES_INDENT * m.pitch
                && t.rect.y1 <= p.rect.y1 + m.pitch
        } else {
            under_as_rest(p, t, m)
        };
        if !(h.heading.is_some() && set_alike && short && text_line(p) && follows) {
            i += 1;
            continue;
        }
        join_to_previous(lines, i);
    }
}

/// Whether horizontal line `t` stands under `p` as the rest of its text: its top under
/// `p`'s middle and at most [`TAIL_GAP`] line heights under `p`, starting within
/// [`CONTINUES_INDENT`] characters of `p`'s start and ending at most a character past
/// its end.
fn under_as_rest(p: &PrintedLine, t: &PrintedLine, m: Metrics) -> bool {
    t.rect.y0 >= p.rect.cy()
        && t.rect.y0 - p.rect.y1 <= TAIL_GAP * m.line_height
        && (t.rect.x0 - p.rect.x0).abs() <= CONTINUES_INDENT * m.pitch
        && t.rect.x1 <= p.rect.x1 + m.pitch
}

/// Joins line `i` to line `i - 1`: without a space (a wrap, the contract's rule), with
/// one between two words of a script that spaces them; the joined line takes line
/// `i`'s column fill and band end.
fn join_to_previous(lines: &mut Vec<PrintedLine>, i: usize) {
    let t = lines.remove(i);
    let p = &mut lines[i - 1];
    let cjk = |c: Option<char>| c.is_some_and(crate::rules::chars::is_cjk);
    if !cjk(p.text.chars().next_back()) && !cjk(t.text.chars().next()) {
        p.text.push(' ');
    }
    p.text.push_str(&t.text);
    p.pieces.extend(t.pieces);
    p.rect = p.rect.union(&t.rect);
    p.fills_column = t.fills_column;
    p.ends_band = t.ends_band;
}

/// Joins the last few characters of a quotation box's sentence, wrapped onto a line of
/// their own, to the quote line above them: otherwise the text stages read a line of
/// two to four Han characters in a quote as its credit (a name). Both lines are
/// horizontal `quote` lines (the box beside a masthead, see [`masthead`]); the short
/// one holds at most [`QUOTE_TAIL_MAX_EM`] characters, all Han (no mark, no dash of an
/// attribution ——毛泽东, no OCR debris of the box's rule), stands under the other as the rest of its text
/// (see `under_as_rest`), and neither is a quotation label
/// ([`crate::rules::furniture::quotation_label`]: 毛主席语录 labels the box, it
/// does not end a sentence); the line above ends no sentence. Seen on a real tabloid
/// front page of `../shared/realpages` (the box's last verse wrapped, its last two
/// characters under it).
pub(super) fn join_quote_tails(lines: &mut Vec<PrintedLine>, m: Metrics) {
    use crate::rules::furniture::quotation_label;
    let mut i = 1;
    while i < lines.len() {
        let (p, t) = (&lines[i - 1], &lines[i]);
        let tail = p.quote
            && t.quote
            && !p.vertical
            && !t.vertical
            && em(&t.text) <= QUOTE_TAIL_MAX_EM
            && t.text.chars().all(crate::rules::chars::is_han)
            && !crate::rules::chars::ends_sentence(&p.text)
            && under_as_rest(p, t, m)
            && !quotation_label(&t.text)
            && !quotation_label(&p.text);
        if tail {
            join_to_previous(lines, i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::OcrBox;

    fn bx(index: usize, text: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> OcrBox {
        OcrBox::new(index, text, vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]).unwrap()
    }

    fn page(boxes: Vec<OcrBox>) -> BoxPage {
        BoxPage { boxes, width: 1000.0, height: 1000.0, unit: Default::default() }
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

    /// `head` (box 0) over [`two_columns`] (boxes 1 on).
    fn under_headline(head: OcrBox) -> Vec<OcrBox> {
        let mut boxes = vec![head];
        for mut b in two_columns() {
            b.index += 1;
            boxes.push(b);
        }
        boxes
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
    fn full_width_lines_over_blank_space_in_their_column_are_not_split() {
        // One column of 32-character lines: a paragraph's short last line at the left
        // and a jump marker at the right leave a valley of 16 characters between them,
        // which the full lines cross. It is no gutter: the lines stay whole.
        let full = |i: usize, text: &str, y: f64| bx(i, text, 100.0, y, 700.0, y + 20.0);
        let boxes = vec![
            full(0, "东湖新区今年新建的十二所学校已全部开学，两万名学生走进新课堂，其", 100.0),
            bx(1, "中一半来自城郊。", 100.0, 130.0, 260.0, 150.0),
            full(2, "区教育局表示，明年还将新建小学五所、初中三所，以缓解城郊学位紧张", 160.0),
            bx(3, "（下转第三版）", 560.0, 190.0, 700.0, 210.0),
        ];
        let r = recover(&page(boxes));
        assert_eq!(
            texts(&r),
            [
                "东湖新区今年新建的十二所学校已全部开学，两万名学生走进新课堂，其",
                "中一半来自城郊。",
                "区教育局表示，明年还将新建小学五所、初中三所，以缓解城郊学位紧张",
                "（下转第三版）"
            ]
        );
        assert!(r.warnings.iter().all(|w| w.kind != WarningKind::SplitBox));
    }

    #[test]
    fn a_box_merged_across_the_gutter_beside_an_indented_first_line_is_split() {
        // An article's two columns of two lines; the left column's first line opens a
        // paragraph (two characters in), and the detector merged the second lines of
        // both columns into one box, which starts at the column's edge, left of every
        // other line of the left column.
        let boxes = vec![
            bx(0, "晨雾散尽，湖面", 140.0, 100.0, 300.0, 120.0),
            bx(1, "船队、两千余名桨手齐", 330.0, 100.0, 530.0, 120.0),
            bx(2, "上的船桨已排成一列， 划，岸边掌声不断。", 100.0, 130.0, 530.0, 150.0),
        ];
        let r = recover(&page(boxes));
        assert_eq!(texts(&r), ["晨雾散尽，湖面", "上的船桨已排成一列，", "船队、两千余名桨手齐", "划，岸边掌声不断。"]);
        assert_eq!(r.warnings.iter().filter(|w| w.kind == WarningKind::SplitBox).count(), 1);
    }

    #[test]
    fn a_two_line_column_whose_last_mark_hangs_into_the_gutter_takes_its_edges_from_the_grid() {
        // Under the page's two columns, a headline over an article of two columns of two
        // lines: the left column's first line opens a paragraph (two characters in), its
        // second squeezes in a pause mark hanging into the gutter (local 人民日报 RapidOCR
        // h012: the first line, read as not filling its column, became the subheadline).
        let mut boxes = two_columns();
        let n = boxes.len();
        boxes.extend([
            bx(n, "湖畔书屋的新时代记忆", 100.0, 400.0, 460.0, 440.0),
            bx(n + 1, "去年秋天，村里的老", 140.0, 460.0, 300.0, 480.0),
            bx(n + 2, "槐树下开了一间书屋，藏书、", 100.0, 490.0, 340.0, 510.0),
            bx(n + 3, "借书的人从早到晚不断", 350.0, 460.0, 550.0, 480.0),
            bx(n + 4, "孩子们最爱来这里。", 350.0, 490.0, 530.0, 510.0),
        ]);
        let r = recover(&page(boxes));
        let line = |t: &str| r.lines.iter().find(|l| l.text == t).unwrap_or_else(|| panic!("{:?}", texts(&r)));
        assert_eq!(line("湖畔书屋的新时代记忆").heading, Some(1));
        let first = line("去年秋天，村里的老");
        assert_eq!((first.indent, first.fills_column), (4, Some(true)));
        assert_eq!(line("槐树下开了一间书屋，藏书、").fills_column, Some(true));
    }

    #[test]
    fn a_headline_stacked_in_its_column_beside_a_headline_in_two_close_pieces_heads_its_own_column() {
        // Left: a headline wrapped over three lines of its narrow column, its body under
        // it. Right: an article whose headline is printed in two pieces a few pixels
        // apart over its two columns, all of it ending beside the left headline's last
        // line. Each headline heads its own text.
        let mut boxes = vec![
            bx(0, "春耕备耕忙", 100.0, 100.0, 300.0, 142.0),
            bx(1, "田野绿意浓", 100.0, 144.0, 300.0, 184.0),
            bx(2, "新机具上阵", 100.0, 186.0, 300.0, 226.0),
            bx(3, "稳就业", 340.0, 100.0, 460.0, 138.0),
            bx(4, "促发展", 466.0, 100.0, 586.0, 138.0),
        ];
        let right = ["本市今年新增城镇就业", "岗位两万余个，其中高", "校毕业生占四成以上，", "创业补贴惠及三千余户", "小微企业，带动就业近", "万人，全年目标可期。"];
        for (k, t) in right.iter().enumerate() {
            let (x, y) = (if k < 3 { 340.0 } else { 570.0 }, 140.0 + 30.0 * (k % 3) as f64);
            boxes.push(bx(boxes.len(), t, x, y, x + 200.0, y + 20.0));
        }
        let left = ["清明前后，东乡各村的", "田间地头一派繁忙。新", "添的插秧机和无人机成", "了春耕主力，农户说今", "年的活儿轻松多了。"];
        for (k, t) in left.iter().enumerate() {
            let y = 240.0 + 30.0 * k as f64;
            boxes.push(bx(boxes.len(), t, 100.0, y, if k == 4 { 280.0 } else { 300.0 }, y + 20.0));
        }
        let r = recover(&page(boxes));
        let mut want = vec!["春耕备耕忙田野绿意浓新机具上阵"];
        want.extend(left);
        want.push("稳就业促发展");
        want.extend(right);
        assert_eq!(texts(&r), want);
        assert_eq!(r.lines[0].heading, Some(1));
        assert_eq!(r.lines[6].heading, Some(1));
    }

    #[test]
    fn a_headline_wrapped_over_three_lines_narrower_than_its_column_is_one_line() {
        // A headline of five-character lines set in a column whose body lines are wider:
        // no line fills 85% of the column, but the stack of three lines of one width is a
        // wrap; two lines of one width stay two (phrases set apart).
        let body = ["清明前后，东乡各村的田间", "地头一派繁忙。新添的插秧", "机和无人机成了春耕主力，", "农户说今年的活儿轻松多了"];
        let page_of = |heads: &[&str]| {
            let mut boxes: Vec<OcrBox> = heads.iter().enumerate().map(|(k, t)| bx(k, t, 100.0, 100.0 + 42.0 * k as f64, 300.0, 140.0 + 42.0 * k as f64)).collect();
            let top = 110.0 + 42.0 * heads.len() as f64;
            for (k, t) in body.iter().enumerate() {
                let y = top + 30.0 * k as f64;
                boxes.push(bx(boxes.len(), t, 100.0, y, 340.0, y + 20.0));
            }
            recover(&page(boxes))
        };
        let r = page_of(&["春耕备耕忙", "田野绿意浓", "新机具上阵"]);
        assert_eq!(texts(&r)[0], "春耕备耕忙田野绿意浓新机具上阵");
        assert_eq!(texts(&r)[1], body[0]);
        let r = page_of(&["春耕备耕忙", "田野绿意浓"]);
        assert_eq!(&texts(&r)[..2], ["春耕备耕忙", "田野绿意浓"]);
    }

    #[test]
    fn a_long_subheadline_flush_under_its_headline_across_two_gutters_is_not_split() {
        // A headline over an article of three columns, and under it, flush left and set
        // a little larger than the body, a 30-character subheadline across two of the
        // columns' gutters. It is no merged box: it stays one line, a heading.
        let sub = "关于推进城乡公共服务均等化和县域基础设施建设的若干意见解读";
        let mut boxes = vec![bx(0, "城乡一体向前走", 100.0, 100.0, 400.0, 140.0), bx(1, sub, 100.0, 144.0, 700.0, 168.0)];
        for (c, side) in ["甲", "乙", "丙"].iter().enumerate() {
            for (row, n) in ROWS[..6].iter().enumerate() {
                let (x, y) = (100.0 + 230.0 * c as f64, 180.0 + 30.0 * row as f64);
                boxes.push(bx(boxes.len(), &format!("{side}栏第{n}行的正文内容"), x, y, x + 200.0, y + 20.0));
            }
        }
        let r = recover(&page(boxes));
        let mut want = vec!["城乡一体向前走".to_string(), sub.to_string()];
        want.extend(["甲", "乙", "丙"].iter().flat_map(|side| ROWS[..6].iter().map(move |n| format!("{side}栏第{n}行的正文内容"))));
        assert_eq!(texts(&r), want);
        assert!(r.lines[1].heading.is_some());
        assert!(r.warnings.iter().all(|w| w.kind != WarningKind::SplitBox));
    }

    #[test]
    fn a_line_whose_closing_mark_hangs_into_the_gutter_does_not_keep_short_columns_together() {
        // Two columns of three lines; the left column's last line squeezes in an
        // eleventh character, a full stop hanging into the gutter up to the right
        // column's first glyph (a quarter character past its narrowed start).
        let mut boxes: Vec<OcrBox> = two_columns().into_iter().take(6).collect();
        boxes[4] = bx(4, "左栏第三行的正文内容。", 100.0, 160.0, 347.0, 180.0);
        let r = recover(&page(boxes));
        let want: Vec<String> = ["左", "右"]
            .iter()
            .flat_map(|side| ROWS[..3].iter().map(move |n| format!("{side}栏第{n}行的正文内容")))
            .map(|t| if t == "左栏第三行的正文内容" { format!("{t}。") } else { t })
            .collect();
        assert_eq!(texts(&r), want);
        assert!(r.warnings.iter().all(|w| w.kind != WarningKind::SplitBox));
    }

    #[test]
    fn a_body_sized_line_flush_under_a_headline_and_across_the_gutter_is_a_heading() {
        // A body-sized subheadline set flush left under its headline, wider than a
        // column: it crosses the gutter, which no body line does.
        let mut boxes = under_headline(bx(0, "山区小学用上新式图书馆", 100.0, 20.0, 530.0, 60.0));
        boxes.insert(1, bx(1, "三个乡镇两个月建成十二个阅览室", 102.0, 64.0, 402.0, 84.0));
        for (i, b) in boxes.iter_mut().enumerate() {
            b.index = i;
        }
        let r = recover(&page(boxes.clone()));
        assert_eq!(texts(&r)[..3], ["山区小学用上新式图书馆", "三个乡镇两个月建成十二个阅览室", "左栏第一行的正文内容"]);
        assert_eq!(r.lines[0].heading, Some(1));
        assert_eq!(r.lines[1].heading, Some(2));
        // Set in its column (no wider than a column), it is body text.
        boxes[1] = bx(1, "三个乡镇建成阅览室", 102.0, 64.0, 282.0, 84.0);
        let r = recover(&page(boxes.clone()));
        assert_eq!(r.lines[1].text, "三个乡镇建成阅览室");
        assert_eq!(r.lines[1].heading, None);
        // With a clause mark, it is a body line (a box merged across the gutter).
        boxes[1] = bx(1, "三个乡镇两个月，建成十二个阅览室", 102.0, 64.0, 422.0, 84.0);
        let r = recover(&page(boxes));
        assert!(r.lines.iter().all(|l| l.heading.is_none() || l.text == "山区小学用上新式图书馆"));
    }

    #[test]
    fn a_headline_across_columns_cuts_a_band_and_ranks_first() {
        let r = recover(&page(under_headline(bx(0, "标题横跨两栏", 150.0, 20.0, 450.0, 70.0))));
        assert_eq!(r.lines[0].text, "标题横跨两栏");
        assert_eq!(r.lines[0].heading, Some(1));
        assert!(r.lines[0].ends_band);
        assert_eq!(r.lines[1].text, "左栏第一行的正文内容");
        assert_eq!(r.lines[9].text, "右栏第一行的正文内容");
    }

    /// Fault kind: a headline whose box nearly touches the first body line (boxes as tall
    /// as the line pitch) was not cut off, so the columns under it were read as rows.
    #[test]
    fn a_headline_touching_the_body_still_cuts_a_band() {
        let r = recover(&page(under_headline(bx(0, "标题横跨两栏", 150.0, 48.0, 450.0, 98.0))));
        assert_eq!(r.lines[0].text, "标题横跨两栏");
        assert!(r.lines[0].ends_band);
        assert_eq!(r.lines[1].text, "左栏第一行的正文内容");
        assert_eq!(r.lines[2].text, "左栏第二行的正文内容");
        assert_eq!(r.lines[9].text, "右栏第一行的正文内容");
    }

    /// Fault kind: a headline set 1.55–1.6 body sizes (RapidOCR's headline boxes: a
    /// tenth of them under 1.56 `H`) was read as a body line and split at the column gap.
    #[test]
    fn a_headline_one_and_a_half_body_sizes_is_a_heading_and_not_split() {
        let r = recover(&page(under_headline(bx(0, "标题横跨两栏一二三", 150.0, 40.0, 450.0, 71.5))));
        assert_eq!(r.lines[0].text, "标题横跨两栏一二三");
        assert_eq!(r.lines[0].heading, Some(1));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.lines[1].text, "左栏第一行的正文内容");
    }

    /// Fault kind (issue 14; eval rapidocr h014 冰雪季旅游/预订量同比/增长四成, h022
    /// 改訂行車時/刻): a headline set in one column that merely wraps came out as
    /// headline + subheadline (or a rubric over a headline) joined with a space. A full
    /// heading line and the same-size rest right under it are one printed line; two
    /// lines centred with room to spare over two columns stay two.
    #[test]
    fn a_heading_wrapping_in_its_column_is_one_line_and_lines_set_apart_stay_two() {
        let mut boxes = under_headline(bx(0, "改订行车时", 100.0, 8.0, 300.0, 48.0));
        boxes.push(bx(boxes.len(), "刻表公布", 120.0, 50.0, 280.0, 89.0));
        let r = recover(&page(boxes));
        assert_eq!(r.lines[0].text, "改订行车时刻表公布");
        assert_eq!(r.lines[0].heading, Some(1));
        assert_eq!(r.lines[0].pieces.iter().map(|p| p.box_index).collect::<Vec<_>>(), vec![0, 17]);
        assert_eq!(r.lines[1].text, "左栏第一行的正文内容");

        let mut boxes = under_headline(bx(0, "汛前完成河流清淤", 155.0, 8.0, 475.0, 48.0));
        boxes.push(bx(boxes.len(), "确保安全度汛", 195.0, 50.0, 435.0, 89.0));
        let r = recover(&page(boxes));
        assert_eq!(texts(&r)[..3], ["汛前完成河流清淤", "确保安全度汛", "左栏第一行的正文内容"]);

        // A column label the headline opened, its end wrapped alone: the short box is
        // padded thicker (local 人民日报 rapidocr: 业） 81 px under a 67 px line).
        let mut boxes = under_headline(bx(0, "写在标题里（栏目名", 100.0, 8.0, 490.0, 48.0));
        boxes.push(bx(boxes.len(), "称）", 100.0, 50.0, 180.0, 98.0));
        let r = recover(&page(boxes));
        assert_eq!(texts(&r)[..2], ["写在标题里（栏目名称）", "左栏第一行的正文内容"]);
        // Thicker than the padding explains: a line of its own.
        let mut boxes = under_headline(bx(0, "写在标题里（栏目名", 100.0, 8.0, 490.0, 48.0));
        boxes.push(bx(boxes.len(), "称）", 100.0, 50.0, 180.0, 110.0));
        let r = recover(&page(boxes));
        assert_eq!(texts(&r)[..2], ["写在标题里（栏目名", "称）"]);
    }

    /// Fault kind (issue 14; eval rapidocr h021, h018, h020: headlines set 1.48–1.53
    /// `H`): a headline under the heading size whose box touches the first body line
    /// (a slight skew) was not cut off the two columns under it, so it was split at the
    /// column gap and the columns were read as rows.
    #[test]
    fn a_headline_one_and_a_half_body_sizes_touching_the_columns_is_cut_off() {
        let r = recover(&page(under_headline(bx(0, "标题横跨两栏", 150.0, 70.0, 450.0, 99.6))));
        assert_eq!(r.lines[0].text, "标题横跨两栏");
        assert!(r.lines[0].ends_band);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.lines[1].text, "左栏第一行的正文内容");
        assert_eq!(r.lines[2].text, "左栏第二行的正文内容");
        assert_eq!(r.lines[9].text, "右栏第一行的正文内容");
    }

    /// Fault kind (issue 14; eval rapidocr h021 颱風外圍環流 / 市府推動老屋耐震補強):
    /// two articles side by side under headlines set 1.5 `H` (under the heading size)
    /// came out as one article, the second headline a subhead of the first.
    #[test]
    fn side_by_side_headlines_one_and_a_half_body_sizes_each_head_their_column() {
        let mut boxes = vec![bx(0, "左边的标题", 130.0, 60.0, 270.0, 90.0), bx(1, "右边的标题", 360.0, 60.0, 500.0, 90.0)];
        for mut b in two_columns() {
            b.index += 2;
            boxes.push(b);
        }
        // The left article ends with its column.
        boxes[16].text = "左栏第八行正文完。".into();
        let r = recover(&page(boxes));
        let t = texts(&r);
        assert_eq!(t[0], "左边的标题");
        assert_eq!(t[1], "左栏第一行的正文内容");
        assert_eq!(t[9], "右边的标题");
        assert_eq!(t[10], "右栏第一行的正文内容");
        assert!(r.lines[0].heading.is_some() && r.lines[9].heading.is_some(), "{:?}", r.lines.iter().map(|l| l.heading).collect::<Vec<_>>());
        assert!(!r.lines[0].bold && !r.lines[9].bold);
    }

    /// Fault kind (issue 14; eval rapidocr h023 擦亮生态底色 / 守好群众“钱袋子”): two
    /// articles side by side, a kicker over one headline and a rubric over the other,
    /// were read as one: kicker and rubric one line, the headlines one line, then both
    /// articles' columns.
    #[test]
    fn side_by_side_headlines_under_a_kicker_and_a_rubric_each_head_their_column() {
        let mut boxes = vec![
            bx(0, "左边的引题文字", 100.0, 0.0, 240.0, 20.0),
            bx(1, "【评论】", 330.0, 0.0, 410.0, 20.0),
            bx(2, "左边的标题", 130.0, 40.0, 270.0, 80.0),
            bx(3, "右边的标题", 360.0, 40.0, 500.0, 80.0),
        ];
        for mut b in two_columns() {
            b.index += 4;
            boxes.push(b);
        }
        let r = recover(&page(boxes));
        let t = texts(&r);
        assert_eq!(t[..3], ["左边的引题文字", "左边的标题", "左栏第一行的正文内容"]);
        assert_eq!(t[10..13], ["【评论】", "右边的标题", "右栏第一行的正文内容"]);
        assert!(r.lines[1].heading.is_some() && r.lines[11].heading.is_some());
    }

    /// Fault kind (issue 14; eval rapidocr h018 十二國港務官員學者與會 over 港口城市論壇):
    /// a kicker centred over its headline read as an indented body line, so the text
    /// stage took it for the last paragraph of the article before. A source note in
    /// round brackets over a heading stays a plain line.
    #[test]
    fn a_kicker_over_its_headline_is_a_display_line() {
        let mut boxes = under_headline(bx(0, "标题横跨两栏", 150.0, 40.0, 450.0, 80.0));
        boxes.push(bx(boxes.len(), "引题在标题上", 180.0, 10.0, 300.0, 30.0));
        let r = recover(&page(boxes));
        assert_eq!(texts(&r)[..3], ["引题在标题上", "标题横跨两栏", "左栏第一行的正文内容"]);
        assert!(r.lines[0].bold);
        assert_eq!((r.lines[0].indent, r.lines[0].fills_column), (0, None));
        assert!(!r.lines[2].bold);

        let mut boxes = under_headline(bx(0, "标题横跨两栏", 150.0, 40.0, 450.0, 80.0));
        boxes.push(bx(boxes.len(), "（某某组来稿）", 180.0, 10.0, 320.0, 30.0));
        let r = recover(&page(boxes));
        assert_eq!(texts(&r)[..2], ["（某某组来稿）", "标题横跨两栏"]);
        assert!(!r.lines[0].bold);
    }

    /// A quote box's last line wrapped under it at the foot of a column (its attribution),
    /// with the next article's headline well under it, is that text's tail, joined to
    /// it without a space: not a short display line the text stages would make the
    /// headline's kicker. Set apart from the text (two line heights), it stays a line.
    #[test]
    fn a_short_line_ending_the_text_above_a_headline_is_joined_to_that_text() {
        let build = |tail_y: f64| {
            let mut boxes = two_columns();
            boxes.push(bx(boxes.len(), "「引语写在框里。」", 340.0, 340.0, 520.0, 360.0));
            boxes.push(bx(boxes.len(), "某公司董事长某某", 340.0, tail_y, 500.0, tail_y + 20.0));
            boxes.push(bx(boxes.len(), "下一篇的标题在此", 150.0, 440.0, 450.0, 480.0));
            boxes.push(bx(boxes.len(), "下一篇正文第一行的内容", 100.0, 500.0, 300.0, 520.0));
            boxes.push(bx(boxes.len(), "下一篇正文第二行的内容", 100.0, 530.0, 300.0, 550.0));
            recover(&page(boxes))
        };
        let r = build(370.0);
        let t = texts(&r);
        let head = t.iter().position(|&x| x == "下一篇的标题在此").expect("the headline is a line");
        assert_eq!(t[head - 1], "「引语写在框里。」某公司董事长某某");
        assert_eq!(r.lines[head - 1].pieces.len(), 2);
        assert!(r.lines[head].heading.is_some());
        assert!(!t.contains(&"某公司董事长某某"));

        let r = build(400.0);
        let t = texts(&r);
        let head = t.iter().position(|&x| x == "下一篇的标题在此").expect("the headline is a line");
        assert_eq!(t[head - 2..head], ["「引语写在框里。」", "某公司董事长某某"]);
    }

    /// The same on a page set vertically (eval vertical v005): the attribution's column
    /// touching its quote's, further from the next headline's column, is joined to the
    /// quote; two characters away from the quote it stays a column of its own.
    #[test]
    fn a_short_column_ending_the_text_before_a_headline_column_is_joined_to_that_text() {
        let build = |tail_x: f64| {
            let mut boxes = vec![bx(0, "第一篇的标题", 560.0, 100.0, 590.0, 280.0)];
            for (k, x) in [530.0, 505.0, 480.0, 455.0, 430.0].into_iter().enumerate() {
                boxes.push(bx(boxes.len(), &format!("第一篇正文第{}列的内容", ROWS[k]), x, 100.0, x + 20.0, 300.0));
            }
            boxes.push(bx(boxes.len(), "「引语写在框里。」", 405.0, 110.0, 425.0, 290.0));
            boxes.push(bx(boxes.len(), "某公司董事长某某", tail_x, 100.0, tail_x + 20.0, 260.0));
            boxes.push(bx(boxes.len(), "第二篇的标题", 330.0, 100.0, 360.0, 280.0));
            for (k, x) in [300.0, 275.0, 250.0, 225.0].into_iter().enumerate() {
                boxes.push(bx(boxes.len(), &format!("第二篇正文第{}列的内容", ROWS[k]), x, 100.0, x + 20.0, 300.0));
            }
            recover(&page(boxes))
        };
        let r = build(380.0);
        let t = texts(&r);
        let head = t.iter().position(|&x| x == "第二篇的标题").unwrap_or_else(|| panic!("{t:?}"));
        assert_eq!(t[head - 1], "「引语写在框里。」某公司董事长某某");
        assert!(r.lines[head].heading.is_some());

        let r = build(365.0);
        let t = texts(&r);
        let head = t.iter().position(|&x| x == "第二篇的标题").unwrap_or_else(|| panic!("{t:?}"));
        assert_eq!(t[head - 2..head], ["「引语写在框里。」", "某公司董事长某某"]);
    }

    /// Fault kind (issue 14; eval rapidocr h022): a body-sized subheadline centred right
    /// under its headline, across the column gap under it, was read inside a column
    /// (after the second column's lines); it is cut off with its headline.
    #[test]
    fn a_subheadline_centred_under_its_headline_is_cut_off_with_it() {
        let mut boxes = under_headline(bx(0, "标题横跨两栏", 150.0, 20.0, 450.0, 60.0));
        boxes.push(bx(boxes.len(), "副题居中在下", 220.0, 70.0, 380.0, 90.0));
        let r = recover(&page(boxes));
        assert_eq!(texts(&r)[..3], ["标题横跨两栏", "副题居中在下", "左栏第一行的正文内容"]);
    }

    /// Labels as evidence (issue 15): a running head set large over the page, labelled
    /// `header` by the layout tool (PAGE, marker PageHeader, PP-Structure), is page
    /// furniture, not the page's first headline; without the label it is a heading.
    /// A footer-labelled body-sized line is furniture too; a heading label alone makes
    /// no heading (see `apply_hints`).
    #[test]
    fn a_line_labelled_header_or_footer_is_furniture_whatever_its_size() {
        let build = |label: Option<&str>| {
            let mut boxes = under_headline(bx(0, "标题横跨两栏", 150.0, 60.0, 450.0, 100.0));
            let mut head = bx(boxes.len(), "经济日报要闻版", 100.0, 5.0, 380.0, 45.0);
            head.label = label.map(String::from);
            boxes.push(head);
            let mut foot = bx(boxes.len(), "第三版责任编辑某某", 100.0, 400.0, 300.0, 420.0);
            foot.label = label.map(|_| "Page-footer".to_string());
            boxes.push(foot);
            recover(&page(boxes))
        };
        let r = build(Some("header"));
        let head = r.lines.iter().find(|l| l.text == "经济日报要闻版").unwrap();
        assert!(head.margin && head.heading.is_none() && !head.bold);
        assert_eq!(r.lines.iter().find(|l| l.text == "标题横跨两栏").unwrap().heading, Some(1));
        assert!(r.lines.iter().find(|l| l.text == "第三版责任编辑某某").unwrap().margin);
        let r = build(None);
        let head = r.lines.iter().find(|l| l.text == "经济日报要闻版").unwrap();
        assert!(!head.margin && head.heading == Some(1));
        assert!(!r.lines.iter().find(|l| l.text == "第三版责任编辑某某").unwrap().margin);
        let r = build(Some("title"));
        let head = r.lines.iter().find(|l| l.text == "经济日报要闻版").unwrap();
        assert!(!head.margin && head.heading == Some(1));
    }

    /// Fault kind (issue 14; eval rapidocr h014 两岸青年共话乡村振兴 over three of four
    /// columns, set flush left, 海外华文媒体代表走进滨江 over the fourth): a headline set
    /// flush left was taken as centred over its columns, so its third column went to
    /// the article beside it.
    #[test]
    fn a_flush_left_headline_takes_the_columns_up_to_the_next_headline() {
        let mut boxes = vec![bx(0, "左边的长标题文字", 100.0, 50.0, 450.0, 90.0), bx(1, "右边的标题", 800.0, 50.0, 980.0, 90.0)];
        for (row, n) in ROWS.iter().enumerate() {
            let y = 100.0 + 30.0 * row as f64;
            for (c, name) in ["甲", "乙", "丙", "丁"].iter().enumerate() {
                let x = 100.0 + 230.0 * c as f64;
                boxes.push(bx(boxes.len(), &format!("{name}栏第{n}行的正文内容"), x, y, x + 200.0, y + 20.0));
            }
        }
        let r = recover(&page(boxes));
        let t = texts(&r);
        assert_eq!(t[0], "左边的长标题文字");
        assert_eq!(t[1], "甲栏第一行的正文内容");
        assert_eq!(t[9], "乙栏第一行的正文内容");
        assert_eq!(t[17], "丙栏第一行的正文内容");
        assert_eq!(t[25], "右边的标题");
        assert_eq!(t[26], "丁栏第一行的正文内容");
    }

    /// Fault kind (case b11, issue 14): a headline printed in two pieces with a wide
    /// gap, one over each column of its article, became two articles. The text of the
    /// left column runs on into the right one (its last line is full and ends in no
    /// sentence mark), so the pieces are one headline, set apart by a space.
    #[test]
    fn a_headline_in_two_pieces_over_one_articles_columns_is_one_line() {
        let mut boxes = vec![bx(0, "压实责任", 130.0, 50.0, 250.0, 90.0), bx(1, "消除隐患", 380.0, 50.0, 500.0, 90.0)];
        for mut b in two_columns() {
            b.index += 2;
            boxes.push(b);
        }
        let r = recover(&page(boxes));
        let t = texts(&r);
        assert_eq!(t[0], "压实责任 消除隐患");
        assert_eq!(t[1], "左栏第一行的正文内容");
        assert_eq!(t[9], "右栏第一行的正文内容");
        assert_eq!(r.lines[0].heading, Some(1));
        assert!(r.lines[1..].iter().all(|l| l.heading.is_none()));
    }

    /// Fault kind (case b4, issue 14): a photo inside the left column sent reading to
    /// the right column mid-sentence and back. The left column's line over the photo is
    /// full and ends in no sentence mark, and only that column goes on under it: the
    /// gap is no band gap.
    #[test]
    fn a_photo_inside_a_column_does_not_send_reading_to_the_next_column() {
        let mut boxes = under_headline(bx(0, "标题横跨两栏", 150.0, 20.0, 450.0, 70.0));
        boxes.push(bx(boxes.len(), "左栏照片下的正文内容", 100.0, 500.0, 300.0, 520.0));
        boxes.push(bx(boxes.len(), "左栏照片下第二行完。", 100.0, 530.0, 300.0, 550.0));
        let r = recover(&page(boxes));
        let t = texts(&r);
        assert_eq!(t[8], "左栏第八行的正文内容");
        assert_eq!(t[9], "左栏照片下的正文内容");
        assert_eq!(t[10], "左栏照片下第二行完。");
        assert_eq!(t[11], "右栏第一行的正文内容");
    }

    /// Fault kinds (issue 14; eval rapidocr h020 一条老街的“新生”, h018): a paragraph
    /// ends over a photo inside its column, and the column's caption (h018: alone, at
    /// the column's foot) and last paragraph (h020) go on under the photo, while the
    /// article beside it ends higher up. The gap over
    /// the photo ran across the page, so the text under it was a band of its own and
    /// was read with the last article over it (the one beside). The text under the gap
    /// lies inside the column over it, so it goes on with that column, whether or not
    /// the line over the photo ends a sentence.
    #[test]
    fn text_under_a_photo_after_a_paragraph_end_goes_on_with_its_column() {
        let mut boxes = vec![bx(0, "左边文章标题", 120.0, 20.0, 280.0, 60.0), bx(1, "右边文章标题", 350.0, 20.0, 510.0, 60.0)];
        for (row, n) in ROWS.iter().enumerate() {
            let y = 100.0 + 30.0 * row as f64;
            let (text, x1) = if row == 7 { ("左栏第八行完。".to_string(), 240.0) } else { (format!("左栏第{n}行的正文内容"), 300.0) };
            boxes.push(bx(boxes.len(), &text, 100.0, y, x1, y + 20.0));
            if row < 4 {
                boxes.push(bx(boxes.len(), &format!("右栏第{n}行的正文内容"), 330.0, y, 530.0, y + 20.0));
            }
        }
        boxes.push(bx(boxes.len(), "照片里的人在走访老人。", 100.0, 500.0, 310.0, 520.0));
        // the caption alone at the foot of the column (eval rapidocr h018)
        let r = recover(&page(boxes.clone()));
        let t = texts(&r);
        assert_eq!(t[8..10], ["左栏第八行完。", "照片里的人在走访老人。"], "{t:?}");
        assert_eq!(t[10], "右边文章标题", "{t:?}");
        // the caption and the column's last paragraph under the photo (eval rapidocr h020)
        boxes.push(bx(boxes.len(), "左栏照片下的正文内容", 100.0, 540.0, 300.0, 560.0));
        boxes.push(bx(boxes.len(), "照片下第二行完。", 100.0, 570.0, 260.0, 590.0));
        let r = recover(&page(boxes));
        let t = texts(&r);
        assert_eq!(t[8], "左栏第八行完。", "{t:?}");
        assert_eq!(t[9..12], ["照片里的人在走访老人。", "左栏照片下的正文内容", "照片下第二行完。"], "{t:?}");
        assert_eq!(t[12], "右边文章标题", "{t:?}");
        assert_eq!(t.len(), 17);
    }

    /// Fault kind (issue 14; eval rapidocr h017 一条老街的“新生”): in a three-column
    /// article, the first column's paragraph break (a little more than the line gap)
    /// lined up with the end of the short middle column, and the right column, with a
    /// photo at its top, had no text there: the break ran across the article and was
    /// cut as a band gap, so the middle column was read between the first column's two
    /// paragraphs. A gap under which no heading follows and the same column's text goes
    /// on within a line height is a paragraph break, no band gap.
    #[test]
    fn a_paragraph_break_in_line_with_a_short_columns_end_is_no_band_gap() {
        let mut boxes = vec![bx(0, "三栏文章的标题", 300.0, 20.0, 560.0, 60.0)];
        let row = |boxes: &mut Vec<OcrBox>, text: &str, x0: f64, y: f64, x1: f64| {
            let i = boxes.len();
            boxes.push(bx(i, text, x0, y, x1, y + 20.0));
        };
        for (k, n) in ROWS[..4].iter().enumerate() {
            let y = 100.0 + 30.0 * k as f64;
            let (text, x1) = if k == 3 { ("甲栏第一段完。".to_string(), 240.0) } else { (format!("甲栏第{n}行的正文内容"), 300.0) };
            row(&mut boxes, &text, 100.0, y, x1);
            row(&mut boxes, &format!("乙栏第{n}行的正文内容"), 330.0, y, 530.0);
        }
        // the first column's second paragraph 17 under the first (0.85 `H`; the line gap is 10)
        for (k, n) in ROWS[4..].iter().enumerate() {
            let y = 227.0 + 30.0 * k as f64;
            row(&mut boxes, &format!("甲栏第{n}行的正文内容"), if k == 0 { 140.0 } else { 100.0 }, y, 300.0);
        }
        // the right column: a photo from 100 to 300, then its caption and text
        row(&mut boxes, "照片说明文字在这里。", 560.0, 310.0, 760.0);
        row(&mut boxes, "丙栏照片下的正文内容", 560.0, 340.0, 760.0);
        row(&mut boxes, "丙栏照片下第二行完。", 560.0, 370.0, 760.0);
        let r = recover(&page(boxes));
        let t = texts(&r);
        assert_eq!(t[4], "甲栏第一段完。", "{t:?}");
        assert_eq!(t[5], "甲栏第五行的正文内容", "{t:?}");
        assert_eq!(t[9], "乙栏第一行的正文内容", "{t:?}");
        assert_eq!(t[13..], ["照片说明文字在这里。", "丙栏照片下的正文内容", "丙栏照片下第二行完。"], "{t:?}");
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

    /// Fault kind (issue 14; eval rapidocr h020 “小巷总理”的一全 / 全市中小学…): the
    /// detector's box for a headline ran into the next headline of its row and read its
    /// first character too. The repeat is trimmed; boxes that overlap without a repeat,
    /// or that are not one row, or body lines, are left as they are.
    #[test]
    fn a_heading_box_repeating_the_next_headings_first_character_is_trimmed() {
        let piece = |text: &str, x0: f64, y0: f64, x1: f64, thickness: f64| Piece {
            box_index: 0,
            text: text.into(),
            rect: Rect { x0, y0, x1, y1: y0 + thickness },
            thickness,
            vertical: false,
            cut_left: false,
            cut_right: false,
        };
        let trimmed = |left: &str, right: &str, right_y0: f64, thickness: f64| {
            let mut v = vec![piece(left, 576.0, 100.0, 1024.0, thickness), piece(right, 990.0, right_y0, 1566.0, thickness)];
            trim_overlapping_heads(&mut v, 40.0);
            (v[0].text.clone(), v[0].rect.x1)
        };
        assert_eq!(trimmed("山村小学的一新", "新建乡村公路通车了", 100.0, 64.0), ("山村小学的一".to_string(), 960.0));
        assert_eq!(trimmed("山村小学的一天", "新建乡村公路通车了", 100.0, 64.0), ("山村小学的一天".to_string(), 1024.0));
        assert_eq!(trimmed("山村小学的一新", "新建乡村公路通车了", 140.0, 64.0), ("山村小学的一新".to_string(), 1024.0));
        assert_eq!(trimmed("山村小学的一新", "新建乡村公路通车了", 100.0, 40.0), ("山村小学的一新".to_string(), 1024.0));
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
