//! Text lines rebuilt from word boxes: what Tesseract's TSV, hOCR and ALTO give.
//!
//! Tesseract writes a box per word (a Chinese "word" is a run of one or a few
//! characters) inside a box per text line. A line's box ([`OcrBox`]) is made from its
//! words: their texts joined in the given order, a space only between two words ending
//! and starting with a Latin letter or digit (there is none between Han characters),
//! and the rectangle of their boxes. Its confidence is the mean of the words' scores
//! (0..=1), when they have one. A line whose words have no text gives no box.

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
}

impl WordLine {
    /// An empty line named `id`.
    pub fn new(id: Option<String>) -> WordLine {
        WordLine { id, words: Vec::new() }
    }

    /// Adds a word; one with only white space is skipped.
    pub fn push(&mut self, text: &str, rect: Rect, confidence: Option<f64>) {
        let text = text.trim();
        if !text.is_empty() {
            self.words.push(Word { text: text.to_string(), rect, confidence });
        }
    }

    /// The line's pieces: its words cut where two words (in the given order) are
    /// further apart than [`GAP_SPLIT`] median word heights, or where the gap between
    /// them, at least [`GUTTER_GAP`] of that height wide, is over one of the page's
    /// `gutters`. Each piece's text, rectangle and mean confidence; none when the line
    /// has no word.
    fn pieces(&self, gutters: &[(f64, f64)]) -> Vec<(String, Rect, Option<f64>)> {
        let height = median(self.words.iter().map(|w| w.rect.height()).filter(|h| h.is_finite()).collect()).unwrap_or(0.0);
        let cut_between = |a: &Word, b: &Word| {
            let gap = b.rect.x0 - a.rect.x1;
            height > 0.0
                && (gap > GAP_SPLIT * height
                    || (gap >= GUTTER_GAP * height && gutters.iter().any(|(g0, g1)| *g0 < b.rect.x0 && *g1 > a.rect.x1)))
        };
        let mut out = Vec::new();
        let mut start = 0;
        for k in 1..=self.words.len() {
            if k == self.words.len() || cut_between(&self.words[k - 1], &self.words[k]) {
                out.push(join(&self.words[start..k]));
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

/// Words joined into one piece: text, rectangle, mean confidence.
fn join(words: &[Word]) -> (String, Rect, Option<f64>) {
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
    let scores: Vec<f64> = words.iter().filter_map(|w| w.confidence).collect();
    let confidence = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    (text, rect, confidence)
}

/// The boxes of `lines`: each line with words is numbered 0, 1, … in the given order
/// (the `boxes` of the output), and gives one box per piece ([`GAP_SPLIT`]), the
/// pieces of a line sharing its number and `id`.
pub(crate) fn boxes(lines: &[WordLine]) -> Vec<OcrBox> {
    let gutters = gutters(lines);
    lines
        .iter()
        .map(|l| (l.id.as_ref(), l.pieces(&gutters)))
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
        assert_eq!(out[0].rect, r(0.0, 0.0, 90.0, 22.0));
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
