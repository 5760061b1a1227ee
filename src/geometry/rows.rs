//! Step 4: the boxes of a leaf into printed lines.

use super::*;

/// Groups a leaf's pieces into printed lines: horizontal pieces whose vertical extents
/// overlap by half the thinner one, and that do not overlap in x, are one line; lines
/// top to bottom, then vertical pieces right to left.
pub(super) fn rows(pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut horizontal: Vec<&Piece> = pieces.iter().filter(|p| !p.vertical).collect();
    horizontal.sort_by(|a, b| a.rect.cy().total_cmp(&b.rect.cy()));
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    for p in horizontal {
        let (t, b) = p.y_extent();
        let joins = rows.last().is_some_and(|row| {
            row.iter().all(|q| {
                let (qt, qb) = q.y_extent();
                let overlap = b.min(qb) - t.max(qt);
                overlap >= 0.5 * (b - t).min(qb - qt) && p.rect.x_overlap(&q.rect) <= ROW_X_OVERLAP * p.rect.width().min(q.rect.width())
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

pub(super) fn printed_line(mut row: Vec<Piece>, m: Metrics) -> PrintedLine {
    row.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
    let mut text = String::new();
    for (i, p) in row.iter().enumerate() {
        if i > 0 {
            let gap = p.rect.x0 - row[i - 1].rect.x1;
            let latin = text.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
                && p.text.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            if gap >= SPACE_GAP * m.pitch || latin {
                text.push(' ');
            }
        }
        text.push_str(&p.text);
    }
    let rect = row.iter().map(|p| p.rect).reduce(|a, b| a.union(&b)).expect("a row is not empty");
    let thickness = row.iter().map(|p| p.thickness).fold(0.0, f64::max);
    let vertical = row.iter().all(|p| p.vertical);
    PrintedLine::bare(text, row, rect, thickness, vertical)
}

impl PrintedLine {
    /// A printed line with no role hints yet (no heading, not bold, no indentation,
    /// column fill unknown).
    pub(super) fn bare(text: String, pieces: Vec<Piece>, rect: Rect, thickness: f64, vertical: bool) -> PrintedLine {
        PrintedLine {
            text,
            pieces,
            rect,
            thickness,
            vertical,
            heading: None,
            bold: false,
            indent: 0,
            fills_column: None,
            ends_band: false,
            margin: false,
            caption_label: false,
            quote: false,
            opens_piece: false,
        }
    }
}

/// Marks the lines that open a piece of text inside their column
/// ([`PrintedLine::opens_piece`]). A column's run is a sequence of body lines (not
/// headings, subheads, vertical, margin or quote lines) in reading order, each under
/// the one before it (its middle below that one's bottom) and overlapping it in x; its
/// line spacing is the median gap between its lines ([`PIECE_MIN_GAPS`] or more; the
/// page's line gap otherwise). A line of a run opens a piece when the gap over it is at
/// least [`PIECE_GAP`] `H` wider than that, it is indented ([`PIECE_MIN_INDENT`]
/// display columns or more) and the line over it ends a sentence with a stop (not a
/// bracketed label alone: 【评论员文章】 over its commentary is its rubric).
pub(super) fn piece_gaps(lines: &mut [PrintedLine], m: Metrics) {
    let h = m.line_height;
    let body = |l: &PrintedLine| !l.vertical && l.heading.is_none() && !l.bold && !l.margin && !l.quote && l.thickness < CUT_HEADING_RATIO * h;
    let gap = |a: &PrintedLine, b: &PrintedLine| b.rect.y0 - a.rect.y1;
    // Line `i` goes on the run of line `i - 1`.
    let links: Vec<bool> = (0..lines.len())
        .map(|i| {
            i > 0 && {
                let (a, b) = (&lines[i - 1], &lines[i]);
                body(a) && body(b) && b.rect.cy() > a.rect.y1 && a.rect.x_overlap(&b.rect) > 0.0
            }
        })
        .collect();
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len() && links[end] {
            end += 1;
        }
        let gaps: Vec<f64> = (start + 1..end).map(|i| gap(&lines[i - 1], &lines[i])).collect();
        let spacing = if gaps.len() >= PIECE_MIN_GAPS { median(gaps.clone()).unwrap_or(m.line_gap) } else { m.line_gap };
        for (k, g) in gaps.into_iter().enumerate() {
            let i = start + 1 + k;
            if g >= spacing + PIECE_GAP * h && lines[i].indent >= PIECE_MIN_INDENT && ends_with_stop(&lines[i - 1].text) {
                lines[i].opens_piece = true;
            }
        }
        start = end;
    }
}

/// Whether a line ends with a terminal mark (。！？…), closing quotes or brackets after
/// it allowed.
fn ends_with_stop(text: &str) -> bool {
    use crate::rules::chars::{is_closer, is_terminal};
    text.trim_end().trim_end_matches(is_closer).chars().next_back().is_some_and(is_terminal)
}
