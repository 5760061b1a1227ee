//! Text lines rebuilt from word boxes: what Tesseract's TSV, hOCR and ALTO give.
//!
//! Tesseract writes a box per word (a Chinese "word" is a run of one or a few
//! characters) inside a box per text line. A line's box ([`OcrBox`]) is made from its
//! words: their texts joined in the given order, a space only between two words ending
//! and starting with a Latin letter or digit (there is none between Han characters),
//! and the rectangle of their boxes. Its confidence is the mean of the words' scores
//! (0..=1), when they have one. A line whose words have no text gives no box.
//!
//! On newspaper pages Tesseract's lines run across the column gutters (one "line"
//! holds a row of every column of a module), so a line is cut into several boxes
//! between two of its words where the gap is wide ([`GAP_SPLIT`]), over a gutter of
//! the whole page, or over an empty run the lines around it share ([`boxes`]). The
//! test of the lines around a gap is local (within 5 line heights: about three lines
//! each way), so the skew of a scan matters little: tilted by 2°, a gutter moves 0.17
//! line heights between the furthest lines it compares (the tests tilt a page by
//! 0.46°, the committed set's pages by up to 0.59°).

use super::boxes::{OcrBox, Rect, median};

/// One word: its text, its box, the engine's score in 0..=1 when it gives one.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    rect: Rect,
    confidence: Option<f64>,
}

/// A text line being gathered from its words.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordLine {
    /// The format's name for the line (hOCR `id`, ALTO `ID`).
    pub id: Option<String>,
    words: Vec<Word>,
    /// The format's own box of the line (hOCR `bbox`, ALTO `HPOS`/`VPOS`/`WIDTH`/`HEIGHT`,
    /// TSV level 4), when it gives one.
    rect: Option<Rect>,
}

impl WordLine {
    /// An empty line named `id`.
    pub fn new(id: Option<String>) -> WordLine {
        WordLine { id, words: Vec::new(), rect: None }
    }

    /// The line with the format's own box of it (`None`: the format gives none).
    /// Tesseract's line box is tight around the line's ink, where its word boxes are
    /// often padded well above and below (a 26 px glyph in a 40–44 px word box on the
    /// 申報 pages): the line's height and its pieces' top and bottom are kept within it.
    pub fn with_rect(mut self, rect: Option<Rect>) -> WordLine {
        self.rect = rect;
        self
    }

    /// Adds a word; one with only white space is skipped.
    pub fn push(&mut self, text: &str, rect: Rect, confidence: Option<f64>) {
        let text = text.trim();
        if !text.is_empty() {
            self.words.push(Word { text: text.to_string(), rect, confidence });
        }
    }

    /// The median height of the line's words, at most the height of the line's own
    /// box when it has one of positive height (0 when it has no word with a finite
    /// height). Capped because Tesseract pads every word box of some body lines (44 px
    /// words on a 26 px line on the 申報 pages): such a line, measured by its words,
    /// looked the size of the headline above it, and its gutters cut the headline.
    fn height(&self) -> f64 {
        let words = median(self.words.iter().map(|w| w.rect.height()).filter(|h| h.is_finite()).collect()).unwrap_or(0.0);
        match self.rect {
            Some(r) if r.height() > 0.0 => words.min(r.height()),
            _ => words,
        }
    }

    /// The line's pieces: its words (in the given order) cut before each word `k` for
    /// which `cut(k)` holds. Each piece's text, rectangle and mean confidence; none when
    /// the line has no word.
    fn pieces(&self, cut: impl Fn(usize) -> bool) -> Vec<(String, Rect, Option<f64>)> {
        let mut out = Vec::new();
        let mut start = 0;
        for k in 1..=self.words.len() {
            if k == self.words.len() || cut(k) {
                out.push(join(&self.words[start..k], self.rect));
                start = k;
            }
        }
        out
    }
}

/// A line is cut into two boxes where two of its words are further apart than this
/// many times its median word height: Tesseract's lines run across column gaps on
/// newspaper pages.
pub(crate) const GAP_SPLIT: f64 = 1.5;

/// A narrower gap is cut when it is over a gutter of the page and at least this many
/// times the line's median word height wide.
pub(crate) const GUTTER_GAP: f64 = 0.3;

/// Words at most this many median word heights wide count towards the page's gutters
/// (wider ones are often misread boxes that run over a gutter).
const GUTTER_WORD_WIDTH: f64 = 3.0;

/// A gutter is a run of x at most this share of the median word cover of the text
/// columns, between two runs of more ...
const GUTTER_COVER: f64 = 0.25;

/// ... at least this many median word heights wide.
const GUTTER_WIDTH: f64 = 0.5;

/// No gutter is found where the median cover is under this many words (a page of a
/// line or two says nothing about columns).
const GUTTER_MIN_COVER: f64 = 3.0;

/// The most bins the page's word cover is counted in (a page of absurd coordinates
/// gets coarser bins, never a huge allocation).
const MAX_BINS: f64 = 100_000.0;

/// A display line (a headline, a kicker) is one whose words are nearly all big: the
/// lower quartile of its word heights is at least this many times the page's median
/// word height (a line holding a row of body text beside a headline is not one). A
/// display line is not cut over a page gutter: a headline runs over the columns of its
/// module, and the gaps between its phrases or spaced-out letters often lie over their
/// gutters (山城老街整建 店家盼人潮回流 came out as two articles' headlines). It is
/// still cut where a gap is wider than [`GAP_SPLIT`] of its height or shared by lines
/// of its own size. Measured (Tesseract hOCR, against cutting display lines over page
/// gutters as other lines): committed set found 43.0 → 49.5 %, local 申報 body
/// 65.0 → 69.2 % and order 0.126 → 0.102, local 人民日报 found 26.4 → 30.2 %.
const DISPLAY_HEIGHT: f64 = 1.5;

/// The page's column gutters, `(x0, x1)`: x ranges that the words of many lines leave
/// empty between columns of text. The words (of lines the reader gives, whatever
/// their extent) are counted over x; a gutter is a run of bins covered by at most
/// [`GUTTER_COVER`] of the median cover of covered bins, with more cover on both
/// sides, at least [`GUTTER_WIDTH`] median word heights wide; none when the median
/// cover is under [`GUTTER_MIN_COVER`].
fn gutters(lines: &[WordLine]) -> Vec<(f64, f64)> {
    let words: Vec<&Word> = lines.iter().flat_map(|l| &l.words).collect();
    let Some(h) = median(words.iter().map(|w| w.rect.height()).filter(|h| h.is_finite()).collect()).filter(|h| *h > 0.0) else {
        return Vec::new();
    };
    let narrow: Vec<&Rect> = words.iter().map(|w| &w.rect).filter(|r| r.width() <= GUTTER_WORD_WIDTH * h).collect();
    let (Some(lo), Some(hi)) = (narrow.iter().map(|r| r.x0).reduce(f64::min), narrow.iter().map(|r| r.x1).reduce(f64::max)) else {
        return Vec::new();
    };
    let bin = (h / 8.0).max((hi - lo) / MAX_BINS).max(f64::MIN_POSITIVE);
    let n = ((hi - lo) / bin).ceil() as usize + 1;
    let mut delta = vec![0i64; n + 1];
    for r in &narrow {
        let (a, b) = (((r.x0 - lo) / bin) as usize, (((r.x1 - lo) / bin) as usize).min(n - 1));
        delta[a] += 1;
        delta[b + 1] -= 1;
    }
    let mut cover = Vec::with_capacity(n);
    let mut c = 0i64;
    for d in &delta[..n] {
        c += d;
        cover.push(c as f64);
    }
    let Some(typical) = median(cover.iter().copied().filter(|c| c.is_finite() && *c > 0.0).collect()).filter(|t| *t >= GUTTER_MIN_COVER)
    else {
        return Vec::new();
    };
    let low = GUTTER_COVER * typical;
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        if cover[k] > low {
            k += 1;
            continue;
        }
        let start = k;
        while k < n && cover[k] <= low {
            k += 1;
        }
        let inside = start > 0 && k < n;
        if inside && (k - start) as f64 * bin >= GUTTER_WIDTH * h {
            out.push((lo + start as f64 * bin, lo + k as f64 * bin));
        }
    }
    out
}

/// Words joined into one piece: text, rectangle (the words' x extent; for a piece wider
/// than tall, their median top and bottom, kept within the top and bottom of `line`,
/// the line's own box, when that leaves a positive height), mean confidence.
fn join(words: &[Word], line: Option<Rect>) -> (String, Rect, Option<f64>) {
    let mut text = String::new();
    let mut rect = words[0].rect;
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    for w in words {
        if latin(text.chars().next_back()) && latin(w.text.chars().next()) {
            text.push(' ');
        }
        text.push_str(&w.text);
        rect = rect.union(&w.rect);
    }
    // A horizontal piece's top and bottom are its words' median top and bottom, not
    // their union: Tesseract's word boxes on newspaper pages often reach well above
    // or below the line (a 74-pixel box among 48-pixel ones), and the union made a
    // line's box overlap the lines above and below it, so that the geometry could not
    // tell a headline from the body under it (measured: Tesseract found 35.5 → 43.0 %
    // on the committed set).
    if rect.width() >= rect.height()
        && let (Some(y0), Some(y1)) = (median(words.iter().map(|w| w.rect.y0).collect()), median(words.iter().map(|w| w.rect.y1).collect()))
        && y0 < y1
    {
        rect.y0 = y0;
        rect.y1 = y1;
    }
    // The median still overshoots where most of a line's word boxes are padded (the
    // 申報 pages): Tesseract's line box does not (see [`WordLine::with_rect`]).
    // Measured (Tesseract hOCR, this and the capped line height against neither):
    // local 申報 body 58.5 → 69.2 %, committed found 45.2 → 49.5 %, local 人民日报
    // found 20.8 → 30.2 %.
    if let Some(l) = line
        && rect.width() >= rect.height()
        && rect.y0.max(l.y0) < rect.y1.min(l.y1)
    {
        (rect.y0, rect.y1) = (rect.y0.max(l.y0), rect.y1.min(l.y1));
    }
    let scores: Vec<f64> = words.iter().filter_map(|w| w.confidence).collect();
    let confidence = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    (text, rect, confidence)
}

/// A narrower gap, at least [`GUTTER_GAP`] line heights wide, is also cut when the
/// lines around it leave the same place empty: of the line and its neighbours that
/// run across the gap's middle ([`Neighbourhood`]), at least this many ...
const SUPPORT_LINES: usize = 3;

/// ... have, at the gap's middle, an empty run overlapping the gap over at least this
/// many line heights, counting the line's own gap, for the median of them (the upper
/// median). Inside a column of Chinese text set on a grid, the gaps between
/// characters line up from line to line too, but Tesseract's ink-tight word boxes
/// leave them under 0.6 heights in most lines (a narrow glyph or a punctuation mark
/// widens one line's gap, rarely its neighbours' at the same place); a gutter is at
/// least one em (the committed set's pages print 1.2 em) in every line that crosses
/// it. Measured on `evaluation/set`'s 24 Tesseract pages against RapidOCR's
/// per-column boxes of the same images: 0.8 kept the most true column cuts for the
/// fewest cuts inside a column.
const SUPPORT_FREE: f64 = 0.8;

/// ... and the lowest quarter of them (the element `len / 4` once sorted: the least
/// of three) at least this many: nearly every line around a gutter leaves it empty,
/// where gaps inside a column that line up by chance (over characters Tesseract
/// dropped on a noisy scan) have a neighbour or two running through them. Measured
/// against RapidOCR's per-column boxes on the committed set and the local 人民日报 and
/// 申報 sets (a cut is true where the words on its two sides fall in two different
/// RapidOCR boxes): without it, 124 of the cuts the lines around a gap made were true
/// and 95 inside a column; with it, 95 true and 37 inside a column.
const SUPPORT_FLOOR: f64 = 0.5;

/// Neighbours are the lines whose centre is at most this many line heights above or
/// below the line's (about three lines of body text each way).
const NEIGHBOUR_SPAN: f64 = 5.0;

/// ... whose median word height is within this ratio of the line's either way (body
/// lines, not a headline above the columns) ...
const NEIGHBOUR_HEIGHT_RATIO: f64 = 1.43;

/// ... and whose words run at least this many line heights past the gap's middle on
/// both sides.
const NEIGHBOUR_REACH: f64 = 0.5;

/// At most this many lines are looked at on each side of a line (a page of 10^6
/// words on one row stays linear).
const NEIGHBOUR_LOOK: usize = 24;

/// A gap that the first pass cut is evidence for its neighbours' gaps when it is at
/// most this many line heights wide (a gutter, not the end of a paragraph's last line
/// or an indented first line, whose gap runs far into a column) ...
const EVIDENCE_GAP: f64 = 2.5;

/// ... and a gap of at least [`GUTTER_GAP`] heights is cut when this many neighbours
/// were cut over a gap overlapping it: Tesseract often glues a punctuation mark of the
/// next column onto a word, which narrows that line's gap under [`SUPPORT_FREE`].
const PROPAGATE_LINES: usize = 2;

/// One line's words as the neighbour test sees them.
struct Extent {
    /// The words' x ranges, by left edge.
    spans: Vec<(f64, f64)>,
    /// `reach[k]`: the right-most right edge of `spans[..=k]`.
    reach: Vec<f64>,
    /// The median word height.
    height: f64,
    /// The median of the words' vertical centres.
    cy: f64,
}

impl Extent {
    fn of(line: &WordLine) -> Extent {
        let mut spans: Vec<(f64, f64)> = line.words.iter().map(|w| (w.rect.x0, w.rect.x1)).collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let reach = spans
            .iter()
            .scan(f64::NEG_INFINITY, |m, s| {
                *m = m.max(s.1);
                Some(*m)
            })
            .collect();
        let cy = median(line.words.iter().map(|w| w.rect.cy()).collect()).unwrap_or(f64::NAN);
        Extent { spans, reach, height: line.height(), cy }
    }

    /// How much of `(g0, g1)` this line leaves empty around x `m` (the gap's middle):
    /// `None` when the line does not run [`NEIGHBOUR_REACH`] heights (`h`) past `m` on
    /// both sides, unless it ends within that distance of `g0` (or starts within it of
    /// `g1`: a column's shorter line, whose text stops at the gutter); 0 when a word
    /// covers `m`.
    fn free_at(&self, g0: f64, g1: f64, h: f64) -> Option<f64> {
        let m = (g0 + g1) / 2.0;
        let (first, last) = (self.spans.first()?.0, *self.reach.last()?);
        if last <= m || first >= m {
            // A line that ends (or starts) at the gap's edge is the end of a column's
            // shorter line: its text stops where the gap begins.
            let (edge, free) = if last <= m { ((last - g0).abs(), g1 - g0.max(last)) } else { ((first - g1).abs(), g1.min(first) - g0) };
            return (edge <= NEIGHBOUR_REACH * h).then_some(free.max(0.0));
        }
        if !(first < m - NEIGHBOUR_REACH * h && last > m + NEIGHBOUR_REACH * h) {
            return None;
        }
        let k = self.spans.partition_point(|s| s.0 < m);
        let left = self.reach[k - 1];
        if left > m {
            return Some(0.0);
        }
        let right = self.spans.get(k).map_or(f64::INFINITY, |s| s.0);
        Some((g1.min(right) - g0.max(left)).max(0.0))
    }
}

/// The lines of a page sorted by their vertical centres, for the neighbour test of
/// [`SUPPORT_LINES`].
struct Neighbourhood {
    extents: Vec<Extent>,
    /// Line numbers (into `extents`) by vertical centre.
    by_y: Vec<usize>,
    /// `rank[i]`: the position of line `i` in `by_y`.
    rank: Vec<usize>,
}

impl Neighbourhood {
    fn new(lines: &[WordLine]) -> Neighbourhood {
        let extents: Vec<Extent> = lines.iter().map(Extent::of).collect();
        let mut by_y: Vec<usize> = (0..extents.len()).collect();
        by_y.sort_by(|&a, &b| extents[a].cy.total_cmp(&extents[b].cy));
        let mut rank = vec![0; by_y.len()];
        for (r, &i) in by_y.iter().enumerate() {
            rank[i] = r;
        }
        Neighbourhood { extents, by_y, rank }
    }

    /// The neighbours of line `i`: lines within [`NEIGHBOUR_SPAN`] of its height above
    /// and below, at most [`NEIGHBOUR_LOOK`] each way.
    fn around(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let me = &self.extents[i];
        let r = self.rank[i];
        let near = move |j: &&usize| (self.extents[**j].cy - me.cy).abs() <= NEIGHBOUR_SPAN * me.height;
        let above = self.by_y[..r].iter().rev().take(NEIGHBOUR_LOOK).take_while(near);
        let below = self.by_y[r + 1..].iter().take(NEIGHBOUR_LOOK).take_while(near);
        above.chain(below).copied()
    }

    /// True when at least [`PROPAGATE_LINES`] neighbours of line `i` were cut, by the
    /// first pass, over a gap (of `evidence`) overlapping `(g0, g1)`.
    fn shares_cut(&self, i: usize, g0: f64, g1: f64, evidence: &[Vec<(f64, f64)>]) -> bool {
        let me = &self.extents[i];
        if !(me.height > 0.0 && me.cy.is_finite()) {
            return false;
        }
        self.around(i).filter(|&j| self.alike(i, j) && evidence[j].iter().any(|(a, b)| a.max(g0) < b.min(g1))).count() >= PROPAGATE_LINES
    }

    /// True when lines `i` and `j` are of one size: median word heights within
    /// [`NEIGHBOUR_HEIGHT_RATIO`] of each other either way.
    fn alike(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.extents[i].height, self.extents[j].height);
        a > 0.0 && b > 0.0 && a <= NEIGHBOUR_HEIGHT_RATIO * b && b <= NEIGHBOUR_HEIGHT_RATIO * a
    }

    /// True when the gap `(g0, g1)` of line `i` is over an empty run its neighbours
    /// share ([`SUPPORT_LINES`], [`SUPPORT_FREE`]).
    fn supports(&self, i: usize, g0: f64, g1: f64) -> bool {
        let me = &self.extents[i];
        let h = me.height;
        if !(h > 0.0 && me.cy.is_finite()) {
            return false;
        }
        let mut free = vec![g1 - g0];
        for j in self.around(i).filter(|&j| self.alike(i, j)) {
            free.extend(self.extents[j].free_at(g0, g1, h));
        }
        free.sort_by(f64::total_cmp);
        free.len() >= SUPPORT_LINES && free[free.len() / 2] >= SUPPORT_FREE * h && free[free.len() / 4] >= SUPPORT_FLOOR * h
    }
}

/// The boxes of `lines`: each line with words is numbered 0, 1, … in the given order
/// (the `boxes` of the output), and gives one box per piece, the pieces of a line
/// sharing its number and `id`. A line is cut between two words (in the given order)
/// further apart than [`GAP_SPLIT`] of its height ([`WordLine::height`]); or at least
/// [`GUTTER_GAP`] apart and over one of the page's gutters (the x ranges the words of
/// the whole page leave empty) or over an empty run the lines around it share
/// ([`SUPPORT_LINES`]): Tesseract's lines run across the column gutters of newspaper
/// pages, and the gutter of a short module shows only in the few lines around it. A
/// display line ([`DISPLAY_HEIGHT`]) is not cut over a page gutter.
pub(crate) fn boxes(lines: &[WordLine]) -> Vec<OcrBox> {
    let gutters = gutters(lines);
    let near = Neighbourhood::new(lines);
    let page_height = median(lines.iter().flat_map(|l| &l.words).map(|w| w.rect.height()).filter(|h| h.is_finite() && *h > 0.0).collect());
    // Once a line: a line of many words is not sorted again at each of its gaps.
    let display: Vec<bool> = lines
        .iter()
        .map(|l| {
            let mut hs: Vec<f64> = l.words.iter().map(|w| w.rect.height()).filter(|h| h.is_finite()).collect();
            hs.sort_by(f64::total_cmp);
            page_height.is_some_and(|p| hs.get(hs.len() / 4).is_some_and(|q| *q >= DISPLAY_HEIGHT * p))
        })
        .collect();
    let first: Vec<Vec<bool>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let height = near.extents[i].height;
            (0..l.words.len())
                .map(|k| {
                    if k == 0 || height <= 0.0 {
                        return false;
                    }
                    let (a, b) = (&l.words[k - 1].rect, &l.words[k].rect);
                    let gap = b.x0 - a.x1;
                    gap > GAP_SPLIT * height
                        || (gap >= GUTTER_GAP * height
                            && ((!display[i] && gutters.iter().any(|(g0, g1)| *g0 < b.x0 && *g1 > a.x1)) || near.supports(i, a.x1, b.x0)))
                })
                .collect()
        })
        .collect();
    let evidence: Vec<Vec<(f64, f64)>> = lines
        .iter()
        .zip(&first)
        .enumerate()
        .map(|(i, (l, cuts))| {
            let h = near.extents[i].height;
            (1..l.words.len())
                .filter(|&k| cuts[k])
                .map(|k| (l.words[k - 1].rect.x1, l.words[k].rect.x0))
                .filter(|(a, b)| b - a <= EVIDENCE_GAP * h)
                .collect()
        })
        .collect();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let height = near.extents[i].height;
            let cut = |k: usize| {
                first[i][k] || {
                    let (a, b) = (&l.words[k - 1].rect, &l.words[k].rect);
                    height > 0.0 && b.x0 - a.x1 >= GUTTER_GAP * height && near.shares_cut(i, a.x1, b.x0, &evidence)
                }
            };
            (l.id.as_ref(), l.pieces(cut))
        })
        .filter(|(_, pieces)| !pieces.is_empty())
        .enumerate()
        .flat_map(|(k, (id, pieces))| {
            pieces.into_iter().map(move |(text, rect, confidence)| {
                let mut b = OcrBox::from_rect(k, &text, rect);
                b.id = id.cloned();
                b.confidence = confidence;
                b
            })
        })
        .collect()
}

/// A rectangle from a left, top, width and height, refusing non-finite numbers and
/// negative sizes (the message says which).
pub(crate) fn rect_from_size(left: f64, top: f64, width: f64, height: f64) -> Result<Rect, String> {
    rect_from_corners(left, top, left + width, top + height)
}

/// A rectangle from two corners, refusing non-finite numbers and a right or bottom
/// edge before the left or top (the message says which).
pub(crate) fn rect_from_corners(x0: f64, y0: f64, x1: f64, y1: f64) -> Result<Rect, String> {
    if ![x0, y0, x1, y1].iter().all(|v| v.is_finite()) {
        return Err(format!("a box that is not four finite numbers ({x0} {y0} {x1} {y1})"));
    }
    if x1 < x0 || y1 < y0 {
        return Err(format!("a box of negative size ({x0} {y0} {x1} {y1})"));
    }
    Ok(Rect { x0, y0, x1, y1 })
}

/// The page size: the given one when positive, grown to hold every box.
pub(crate) fn page_size(given: Option<(f64, f64)>, boxes: &[OcrBox]) -> (f64, f64) {
    let (mut w, mut h) = given.filter(|(w, h)| *w > 0.0 && *h > 0.0).unwrap_or((0.0, 0.0));
    for b in boxes {
        (w, h) = (w.max(b.rect.x1), h.max(b.rect.y1));
    }
    (w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    #[test]
    fn words_join_without_spaces_between_han_and_with_them_between_latin() {
        let mut a = WordLine::new(Some("line_1".into()));
        a.push("会议", r(0.0, 0.0, 40.0, 20.0), Some(0.9));
        a.push(" 举行 ", r(45.0, 2.0, 90.0, 22.0), Some(0.7));
        let mut b = WordLine::new(None);
        b.push("People's", r(0.0, 30.0, 80.0, 50.0), None);
        b.push("Daily", r(90.0, 30.0, 140.0, 50.0), None);
        let mut empty = WordLine::new(Some("line_3".into()));
        empty.push("  ", r(0.0, 60.0, 10.0, 70.0), Some(0.1));
        let out = boxes(&[a, empty, b]);
        assert_eq!(out.len(), 2);
        assert_eq!((out[0].text.as_str(), out[1].text.as_str()), ("会议举行", "People's Daily"));
        // The words' x extent, and their median top and bottom (of two, the second).
        assert_eq!(out[0].rect, r(0.0, 2.0, 90.0, 22.0));
        assert_eq!((out[0].id.as_deref(), out[1].index), (Some("line_1"), 1));
        assert!((out[0].confidence.unwrap() - 0.8).abs() < 1e-9);
        assert_eq!(out[1].confidence, None);
    }

    /// Lines of a page of two columns (x 0–400 and 440–840, words 20 high, each
    /// character a word 20 wide with 2 between) that Tesseract read across both.
    fn two_column_lines(rows: usize, left: &str, right: &str) -> Vec<WordLine> {
        (0..rows)
            .map(|row| {
                let y = 30.0 * row as f64;
                let mut l = WordLine::new(Some(format!("line_{row}")));
                for (x0, text) in [(0.0, left), (440.0, right)] {
                    for (k, c) in text.chars().enumerate() {
                        let x = x0 + 22.0 * k as f64;
                        l.push(&c.to_string(), r(x, y, x + 20.0, y + 20.0), None);
                    }
                }
                l
            })
            .collect()
    }

    #[test]
    fn lines_across_a_column_gutter_are_cut_there_keeping_their_number() {
        // The gutter is 40 wide, two word heights: cut by the gap alone.
        let out = boxes(&two_column_lines(3, "左栏正文左栏正文左栏正文左栏正文左栏", "右栏正文右栏正文右栏正文右栏正文右栏"));
        assert_eq!(out.len(), 6);
        assert_eq!(
            (out[0].text.as_str(), out[1].text.as_str()),
            ("左栏正文左栏正文左栏正文左栏正文左栏", "右栏正文右栏正文右栏正文右栏正文右栏")
        );
        assert_eq!((out[0].index, out[1].index, out[2].index), (0, 0, 1));
        assert_eq!(out[1].id.as_deref(), Some("line_0"));
        assert_eq!(out[1].rect.x0, 440.0);
        // A narrower gap (12, 0.6 word heights) over the page's gutter is cut too...
        let mut lines = two_column_lines(6, "左栏正文左栏正文左栏正文左栏正文左栏", "右栏正文右栏正文右栏正文右栏正文右栏");
        for l in &mut lines {
            for w in &mut l.words {
                if w.rect.x0 >= 440.0 {
                    (w.rect.x0, w.rect.x1) = (w.rect.x0 - 28.0, w.rect.x1 - 28.0);
                }
            }
        }
        assert_eq!(gutters(&lines).len(), 1);
        assert_eq!(boxes(&lines).len(), 12);
        // ... but not the same gap in a single line with no gutter under it.
        let one = boxes(&lines[..1]);
        assert_eq!(one.len(), 1, "{one:?}");
    }

    /// A headline line (words 40 high, 40 wide) over the page of
    /// [`two_column_lines`] whose gutter is narrowed to 18 px (x 394–412): two
    /// phrases, each letter `pitch` px from the next, the second starting at x 422 so
    /// that the gap between them (from x 400) lies over the gutter.
    fn headline_over(pitch: f64, first: &str, second: &str) -> WordLine {
        let mut l = WordLine::new(Some("head".into()));
        let n = first.chars().count() as f64;
        for (x0, text) in [(400.0 - (n - 1.0) * pitch - 40.0, first), (422.0, second)] {
            for (k, c) in text.chars().enumerate() {
                let x = x0 + pitch * k as f64;
                l.push(&c.to_string(), r(x, -60.0, x + 40.0, -20.0), None);
            }
        }
        l
    }

    #[test]
    fn a_headline_over_a_gutter_stays_one_box_unless_a_gap_is_wide() {
        let mut body = two_column_lines(6, "左栏正文左栏正文左栏正文左栏正文左栏", "右栏正文右栏正文右栏正文右栏正文右栏");
        for l in &mut body {
            for w in &mut l.words {
                if w.rect.x0 >= 440.0 {
                    (w.rect.x0, w.rect.x1) = (w.rect.x0 - 28.0, w.rect.x1 - 28.0);
                }
            }
        }
        // Letters 16 px apart (0.4 heights), the phrases 22 px (0.55), over the gutter.
        let mut page = vec![headline_over(56.0, "山城老街整建", "店家盼人潮回流")];
        page.extend(body.iter().cloned());
        let out = boxes(&page);
        assert_eq!(out.len(), 13, "{out:?}");
        assert_eq!(out[0].text, "山城老街整建店家盼人潮回流");
        assert_eq!((out[0].rect.x0, out[0].rect.x1), (80.0, 798.0));
        // The body lines under it are still cut at the gutter (12 px, 0.6 of their height).
        assert_eq!((out[1].text.as_str(), out[1].rect.x1), ("左栏正文左栏正文左栏正文左栏正文左栏", 394.0));
        // Spaced as widely between its letters as at the gutter (22 px), it stays one
        // box too: a display line is not cut over a page gutter.
        let mut page = vec![headline_over(62.0, "山城老街整建", "店家盼人潮回流")];
        page.extend(body.iter().cloned());
        let out = boxes(&page);
        assert_eq!(out.len(), 13, "{out:?}");
        assert_eq!(out[0].text, "山城老街整建店家盼人潮回流");
        // A gap wider than GAP_SPLIT of its height (70 px, 1.75 heights) is cut.
        let mut wide = headline_over(56.0, "山城老街整建", "店家盼人潮回流");
        for w in &mut wide.words {
            if w.rect.x0 >= 422.0 {
                (w.rect.x0, w.rect.x1) = (w.rect.x0 + 48.0, w.rect.x1 + 48.0);
            }
        }
        let mut page = vec![wide];
        page.extend(body);
        let out = boxes(&page);
        assert_eq!(out.len(), 14, "{out:?}");
        assert_eq!((out[0].text.as_str(), out[1].text.as_str()), ("山城老街整建", "店家盼人潮回流"));
    }

    #[test]
    fn a_word_box_reaching_into_the_next_line_does_not_stretch_the_line() {
        let mut l = WordLine::new(None);
        for (k, c) in "市府推動老屋".chars().enumerate() {
            let x = 22.0 * k as f64;
            // The fourth word's box reaches 25 px below the line, into the next one.
            let bottom = if k == 3 { 45.0 } else { 20.0 };
            l.push(&c.to_string(), r(x, 0.0, x + 20.0, bottom), None);
        }
        let out = boxes(&[l]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rect, r(0.0, 0.0, 130.0, 20.0));
        // A vertical line (words stacked) keeps the union of its words.
        let mut v = WordLine::new(None);
        for k in 0..4 {
            let y = 22.0 * k as f64;
            v.push("字", r(0.0, y, 20.0, y + 20.0 + if k == 1 { 9.0 } else { 0.0 }), None);
        }
        assert_eq!(boxes(&[v])[0].rect, r(0.0, 0.0, 20.0, 86.0));
    }

    #[test]
    fn a_line_box_bounds_its_pieces_and_caps_its_height() {
        // Every word box padded 10 px above and below a 20 px line box.
        let padded = |rect: Option<Rect>| {
            let mut l = WordLine::new(None).with_rect(rect);
            for k in 0..6 {
                let x = 22.0 * k as f64;
                l.push("字", r(x, -10.0, x + 20.0, 30.0), None);
            }
            l
        };
        let line = Some(r(0.0, 0.0, 130.0, 20.0));
        assert_eq!(boxes(&[padded(line)])[0].rect, r(0.0, 0.0, 130.0, 20.0));
        assert_eq!((padded(line).height(), padded(None).height()), (20.0, 40.0));
        // Without a line box, or with one that leaves no height, the words' median.
        assert_eq!(boxes(&[padded(None)])[0].rect, r(0.0, -10.0, 130.0, 30.0));
        assert_eq!(boxes(&[padded(Some(r(0.0, 40.0, 130.0, 60.0)))])[0].rect, r(0.0, -10.0, 130.0, 30.0));
    }

    /// One column of `rows` lines of 18 characters (20 px wide at a 22 px pitch, 20
    /// high, lines 30 apart); in the lines of `narrow`, the ninth character is a mark
    /// 4 px wide, which leaves an 18 px gap (0.9 heights) after it.
    fn one_column(rows: usize, narrow: &[usize]) -> Vec<WordLine> {
        (0..rows)
            .map(|row| {
                let y = 30.0 * row as f64;
                let mut l = WordLine::new(None);
                for k in 0..18 {
                    let x = 22.0 * k as f64;
                    let w = if k == 8 && narrow.contains(&row) { 4.0 } else { 20.0 };
                    l.push(if w < 20.0 { "，" } else { "文" }, r(x, y, x + w, y + 20.0), None);
                }
                l
            })
            .collect()
    }

    #[test]
    fn gaps_that_line_up_in_two_lines_of_a_column_are_not_cut() {
        // Lines 1 and 2 have a 0.9-height gap at the same place; the lines around them
        // run through it.
        let out = boxes(&one_column(6, &[1, 2]));
        assert_eq!(out.len(), 6, "{out:?}");
        assert!(out.iter().all(|b| b.text.chars().count() == 18));
        // Line 1's neighbours (0, 2, 3) leave 0, 0.9 and 0 heights there: the median
        // of the four (with its own gap) is 0.9, but the lowest quarter is 0.
        let near = Neighbourhood::new(&one_column(6, &[1, 2]));
        assert!(!near.supports(1, 8.0 * 22.0 + 4.0, 9.0 * 22.0));
        // Where every line around it leaves the gap, it is a gutter: cut in each line.
        let all = one_column(6, &[0, 1, 2, 3, 4, 5]);
        assert!(Neighbourhood::new(&all).supports(2, 8.0 * 22.0 + 4.0, 9.0 * 22.0));
        assert_eq!(boxes(&all).len(), 12);
    }

    #[test]
    fn a_page_of_many_lines_on_one_row_looks_at_a_bounded_neighbourhood() {
        // 20,000 lines of three words on the same row, each gap 1.2 heights wide: each
        // line's gap is tested against [`NEIGHBOUR_LOOK`] lines each way (not 20,000),
        // and every line is cut twice.
        let lines: Vec<WordLine> = (0..20_000)
            .map(|_| {
                let mut l = WordLine::new(None);
                for x in [0.0, 44.0, 88.0] {
                    l.push("字", r(x, 0.0, x + 20.0, 20.0), None);
                }
                l
            })
            .collect();
        let near = Neighbourhood::new(&lines);
        assert_eq!(near.around(0).count(), NEIGHBOUR_LOOK);
        assert_eq!(near.around(10_000).count(), 2 * NEIGHBOUR_LOOK);
        assert!((0..lines.len()).all(|i| near.supports(i, 20.0, 44.0) && !near.supports(i, 20.0, 21.0)));
        let out = boxes(&lines);
        assert_eq!(out.len(), 60_000);
        assert_eq!((out[3].index, out[3].rect.x0), (1, 0.0));
    }

    #[test]
    fn a_display_line_of_many_words_is_measured_once() {
        // 50,000 words 40 high in one line (gaps of 12 px, 0.3 heights: each is
        // tested), far above 500 lines of 101 words 20 high: the page's median word
        // height is 20, so the long line is a display line. It stays one box.
        let mut big = WordLine::new(None);
        for k in 0..50_000 {
            let x = 52.0 * k as f64;
            big.push("字", r(x, 0.0, x + 40.0, 40.0), None);
        }
        let mut lines = vec![big];
        for row in 0..500 {
            let y = 1000.0 + 30.0 * row as f64;
            let mut l = WordLine::new(None);
            for k in 0..101 {
                let x = 22.0 * k as f64;
                l.push("文", r(x, y, x + 20.0, y + 20.0), None);
            }
            lines.push(l);
        }
        let out = boxes(&lines);
        assert_eq!(out.len(), 501);
        assert_eq!((out[0].text.chars().count(), out[0].rect.x1), (50_000, 52.0 * 49_999.0 + 40.0));
    }

    #[test]
    fn bad_rectangles_are_refused() {
        assert!(rect_from_size(1.0, 2.0, -3.0, 4.0).unwrap_err().contains("negative size"));
        assert!(rect_from_corners(f64::NAN, 0.0, 1.0, 1.0).unwrap_err().contains("finite"));
        assert_eq!(rect_from_size(1.0, 2.0, 3.0, 4.0).unwrap(), r(1.0, 2.0, 4.0, 6.0));
        let b = [OcrBox::from_rect(0, "x", r(0.0, 0.0, 120.0, 50.0))];
        assert_eq!(page_size(Some((100.0, 100.0)), &b), (120.0, 100.0));
        assert_eq!(page_size(Some((0.0, 100.0)), &b), (120.0, 50.0));
    }
}
