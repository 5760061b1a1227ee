//! A deck of heading lines set in one type size: one heading level.
//!
//! Heading levels are ranks of thickness on the page (`roles::rank_headings`), and a
//! line under [`HEADING_RATIO`] `H` is at most bold. Both read one box's thickness,
//! which the detector pads by a few pixels more or less from box to box. Where a paper
//! sets a headline as a deck of lines of one size (申報: three phrases of 8 to 10
//! characters one under another, all one headline in the golds), one padded box moves the level
//! cut (local 申報 rapidocr h008: 66, 67, 69 px lines and a 77 px line of the same size
//! made kicker + headline, or headline + subheadline) or leaves a line under the heading
//! ratio (h009, h013: a 51 px line among 55–58 px ones read bold, then subheadline).
//! The advance per character is a steadier measure of type size (62.1–63.4 px over those
//! six h008 lines), and a kicker or subheadline set a size down differs in it more than
//! in thickness (committed rapidocr: kickers and subheadlines 0.42–0.80 of their
//! headline's thickness, 0.38–0.65 of its advance; local 人民日报 0.53 and 0.76, 0.46 and
//! 0.60).

use super::params::{DECK_GAP, DECK_SAME_PITCH, LEVEL_STEP};
use super::{PrintedLine, em};

/// Gives a deck of heading lines of one type size one heading level. A deck is a run
/// of lines in reading order, each a display line (a heading, or bold), horizontal, no
/// page furniture or quote, with no space in its text (phrases set apart on one line
/// measure no pitch), none of its pieces the estimated part of a split box, each under
/// the one before it (its top under the other's middle, at most [`DECK_GAP`] of the
/// thicker's thickness under it, their spans overlapping). Around each heading line of
/// a deck (the reference), the lines before and after it whose advance per character
/// is within [`DECK_SAME_PITCH`] of the reference's and whose thickness is at least
/// [`LEVEL_STEP`] of the thicker of the two are the same size as it; those contiguous
/// with the reference all take the highest level (the smallest number) among them, and
/// a bold one becomes a heading. A line of another size stops the run: a kicker or
/// subheadline set a size down keeps its level.
pub(super) fn level_decks(lines: &mut [PrintedLine]) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].heading.is_none() || pitch(&lines[i]).is_none() {
            i += 1;
            continue;
        }
        let same = |k: usize| pitch(&lines[k]).is_some_and(|p| same_size(&lines[i], p, &lines[k]));
        let mut first = i;
        while first > 0 && stacked(&lines[first - 1], &lines[first]) && same(first - 1) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < lines.len() && stacked(&lines[last], &lines[last + 1]) && same(last + 1) {
            last += 1;
        }
        if last > first {
            let level = lines[first..=last].iter().filter_map(|l| l.heading).min();
            for l in &mut lines[first..=last] {
                l.heading = level;
                l.bold = false;
            }
        }
        i = last + 1;
    }
}

/// Advance per character (pixels per em) of a display line: its pieces' widths over
/// their characters; `None` for a line that is no display line of a deck (see
/// [`level_decks`]).
fn pitch(l: &PrintedLine) -> Option<f64> {
    let display = (l.heading.is_some() || l.bold) && !l.vertical && !l.margin && !l.quote;
    if !display || l.text.contains(crate::rules::chars::is_space) || l.pieces.iter().any(|p| p.cut_left || p.cut_right) {
        return None;
    }
    let ems: f64 = l.pieces.iter().map(|p| em(&p.text)).sum();
    let width: f64 = l.pieces.iter().map(|p| p.rect.width()).sum();
    (ems > 0.0).then(|| width / ems)
}

/// Whether line `b` has `reference`'s type size: advance per character `b_pitch`
/// within [`DECK_SAME_PITCH`] of the reference's, thickness at least [`LEVEL_STEP`] of
/// the thicker of the two.
fn same_size(reference: &PrintedLine, b_pitch: f64, b: &PrintedLine) -> bool {
    let Some(r_pitch) = pitch(reference) else {
        return false;
    };
    r_pitch.min(b_pitch) >= DECK_SAME_PITCH * r_pitch.max(b_pitch) && reference.thickness.min(b.thickness) >= LEVEL_STEP * reference.thickness.max(b.thickness)
}

/// Whether `b` stands under `a` as the next line of its deck: its top under `a`'s
/// middle, at most [`DECK_GAP`] of the thicker's thickness under `a`, their spans
/// overlapping.
fn stacked(a: &PrintedLine, b: &PrintedLine) -> bool {
    b.rect.y0 >= a.rect.cy() && b.rect.y0 - a.rect.y1 <= DECK_GAP * a.thickness.max(b.thickness) && a.rect.x_overlap(&b.rect) > 0.0
}
