//! Step 3, last: columns whose every line the detector merged across their gutter,
//! cut at the page's column grid.

use super::*;

impl Cutter {
    /// Leaves whose every line is two columns' lines merged by the detector: with no
    /// line of either column left whole, no valley shows the gutter inside the leaf,
    /// so the XY-cut read the two columns row by row. The page's column grid (the gaps
    /// of the column cuts made anywhere on the page) still shows it. A leaf is cut
    /// there when:
    /// - it holds at least [`GRID_MERGED_MIN_LINES`] pieces, each a horizontal body line
    ///   that may be split ([`Cutter::splittable`]);
    /// - one gap of the grid, made by at least [`GRID_MERGED_MIN_CUTS`] column cuts
    ///   (gaps within a `P` of each other count as one), lies inside every piece, each
    ///   holding at least [`GRID_MERGED_REACH`] `P` on either side of it;
    /// - each piece is at least [`GRID_MERGED_EXCESS`] `P` wider than its text set
    ///   solid at the grid column's pitch (a merged box holds the gutter's blank; a
    ///   line set across two columns' measure does not). The quotation marks “ ” ‘ ’
    ///   count a full character here, as Chinese type sets them;
    /// - a column of another leaf stands beside it: a body line wholly left or right of
    ///   it overlapping its height. A lead set across the whole text width in larger
    ///   type (a tabloid of `../shared/realpages/bha25-tabloids`) has none; the
    ///   pitch of a grid gap's column is too rough an estimate of that type's to tell
    ///   it apart by width alone.
    ///
    /// Each piece is split at the gap as a merged box is ([`split`], with a
    /// `split_box` warning), and the leaf becomes two, the left column's lines read
    /// first. Source: local 人民日报 RapidOCR h012 #0 (two columns of a four-column
    /// article, each of their two lines one box; the other articles of the page give
    /// the grid), read row by row before (body 0.763).
    pub(super) fn merged_columns(&mut self) {
        let p = self.m.pitch;
        let gaps = self.gaps.clone();
        let seen = |g: &Gap| gaps.iter().filter(|o| ((o.left + o.right) - (g.left + g.right)).abs() / 2.0 <= p).count();
        let h = self.m.line_height;
        let leaves = std::mem::take(&mut self.leaves);
        // Every body line of the page, with the leaf it is in.
        let body: Vec<(usize, Rect)> =
            leaves.iter().enumerate().flat_map(|(k, l)| l.pieces.iter().filter(|q| is_body_like(q, h)).map(move |q| (k, q.rect))).collect();
        for (k, leaf) in leaves.into_iter().enumerate() {
            let Some(Rect { x0, y0, x1, y1 }) = leaf.pieces.iter().map(|q| q.rect).reduce(|a, b| a.union(&b)) else {
                self.leaves.push(leaf);
                continue;
            };
            let beside = body.iter().any(|&(j, r)| j != k && (r.x1 <= x0 || r.x0 >= x1) && r.y1.min(y1) - r.y0.max(y0) >= r.height() / 2.0);
            let candidate = beside
                && leaf.pieces.len() >= GRID_MERGED_MIN_LINES
                && leaf.pieces.iter().all(|q| self.splittable(q) && !q.heading_sized(h));
            let gap = candidate
                .then(|| {
                    gaps.iter().copied().find(|g| {
                        seen(g) >= GRID_MERGED_MIN_CUTS
                            && leaf.pieces.iter().all(|q| {
                                let pitch = g.pitch.unwrap_or(p);
                                q.rect.x0 <= g.left - GRID_MERGED_REACH * pitch
                                    && q.rect.x1 >= g.right + GRID_MERGED_REACH * pitch
                                    && q.rect.width() - set_solid(&q.text) * pitch >= GRID_MERGED_EXCESS * pitch
                            })
                    })
                })
                .flatten();
            let Some(gap) = gap else {
                self.leaves.push(leaf);
                continue;
            };
            let parts: Option<Vec<(Piece, Piece)>> = leaf.pieces.iter().map(|q| split(q, gap)).collect();
            let Some(parts) = parts else {
                self.leaves.push(leaf);
                continue;
            };
            let (mut lefts, mut rights) = (Vec::new(), Vec::new());
            for (l, r) in parts {
                self.warnings.push(split_warning(&l, &r, (gap.left + gap.right) / 2.0));
                lefts.push(l);
                rights.push(r);
            }
            self.leaves.push(Leaf { pieces: lefts, ends_band: false, opens_band: leaf.opens_band });
            self.leaves.push(Leaf { pieces: rights, ends_band: leaf.ends_band, opens_band: false });
        }
    }
}

/// The width of `text` set solid, in characters: [`em`], with the quotation marks
/// “ ” ‘ ’ a full character each (Chinese type sets them so; `char_width` counts them
/// half).
fn set_solid(text: &str) -> f64 {
    text.chars().map(|c| if matches!(c, '“' | '”' | '‘' | '’') { 1.0 } else { char_width(c) as f64 / 2.0 }).sum()
}
