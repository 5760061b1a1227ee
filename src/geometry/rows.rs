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
            quote: false,
        }
    }
}
