//! Step 3: the XY-cut of the boxes into leaves (lanes, side-by-side articles,
//! bands, columns), splitting boxes that span two columns, and the column grid.

use super::*;

pub(super) struct Leaf {
    pub(super) pieces: Vec<Piece>,
    /// A band cut follows it.
    pub(super) ends_band: bool,
    /// It begins a band of a region wider than one and a half columns.
    pub(super) opens_band: bool,
}

pub(super) struct Cutter {
    pub(super) m: Metrics,
    /// The columns on either side of every column cut made on the page.
    pub(super) gaps: Vec<Gap>,
    /// Median width of body lines: a column's width, roughly.
    pub(super) column_width: f64,
    pub(super) leaves: Vec<Leaf>,
    pub(super) warnings: Vec<Warning>,
}

/// Reverses each run of adjacent columns that hold only vertical text: vertical text
/// is read right to left.
pub(super) fn right_to_left_runs(columns: &mut [Vec<Piece>]) {
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
pub(super) struct Columns {
    /// The columns, in reading order.
    pub(super) groups: Vec<Vec<Piece>>,
    /// One `split_box` warning per box split at a cut.
    pub(super) warnings: Vec<Warning>,
    /// The columns on either side of each cut.
    pub(super) gaps: Vec<Gap>,
}

/// The warning for a box split at a column gap at `x`.
pub(super) fn split_warning(left: &Piece, right: &Piece, x: f64) -> Warning {
    Warning {
        kind: WarningKind::SplitBox,
        block: None,
        message: format!("box {} spans two columns: split at x {x:.0} into “{}” and “{}”", left.box_index, left.text, right.text),
    }
}

/// The columns on either side of a column cut: where the left one ends and the right
/// one starts, and the pitch of the left one's lines (pixels).
#[derive(Debug, Clone, Copy)]
pub(super) struct Gap {
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) pitch: Option<f64>,
}

/// A column cut: the valley `[xa, xb]` of the narrowed projection.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cut {
    pub(super) xa: f64,
    pub(super) xb: f64,
}

impl Cutter {
    /// Orders a region into leaves. `opens_band`: the region begins a band of a wider
    /// region (or the page).
    pub(super) fn order(&mut self, pieces: Vec<Piece>, depth: usize, opens_band: bool) {
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
        let heads_only = |band: &Vec<Piece>| band.iter().all(|p| p.heading_sized(self.m.line_height));
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
        // (Under a row of kickers or rubrics, each over its own article, too.)
        // (Or when the region is cut only at headings and a headline wrapped in its own
        // column tops it: beside an article that ends beside it, it was cut off from its
        // body under it; local 人民日报 RapidOCR h014.)
        if bands.iter().take(2).any(heads_only) || (self.cut_at_headings_only(&bands) && self.wrapped_head_on_top(&pieces)) {
            if let Ok(columns) = self.columns(pieces.clone()) {
                if self.territories(&columns.groups).is_some() {
                    self.take_columns(columns, depth, opens_band);
                    return;
                }
            }
        }
        let x0 = pieces.iter().map(|p| p.rect.x0).fold(f64::INFINITY, f64::min);
        let x1 = pieces.iter().map(|p| p.rect.x1).fold(f64::NEG_INFINITY, f64::max);
        let wide = x1 - x0 >= SIDE_BY_SIDE_WIDTH * self.column_width;
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
    pub(super) fn take_columns(&mut self, columns: Columns, depth: usize, opens_band: bool) {
        // Articles side by side each open a band: their headlines head them.
        let (groups, side_by_side) = match self.territories(&columns.groups) {
            Some(t) => (t, true),
            None => (columns.groups, false),
        };
        self.warnings.extend(columns.warnings);
        self.gaps.extend(columns.gaps);
        for (i, g) in groups.into_iter().enumerate() {
            self.order(g, depth + 1, side_by_side || (opens_band && i == 0));
        }
    }

    /// Cuts a region into bands at the widest horizontal gaps across its whole width:
    /// of the gaps at least the normal line gap plus 0.3 `H` wide (any gap under
    /// or over a heading, or under a subheadline centred right under one — a short line
    /// with no clause mark, at most [`KICKER_GAP`] under it and [`SUB_NARROWER`]
    /// narrower —, unless body lines beside it run on across the gap at their
    /// usual spacing), those at least 0.8
    /// times the widest (narrower ones are cut deeper in the recursion, so that the
    /// gaps between stacked articles are cut before the gap under a headline); `None`
    /// when there is no such gap.
    pub(super) fn bands(&self, pieces: &[Piece]) -> Option<Vec<Vec<Piece>>> {
        let h = self.m.line_height;
        let threshold = self.band_threshold();
        let mut idx: Vec<usize> = (0..pieces.len()).collect();
        idx.sort_by(|&a, &b| pieces[a].y_extent().0.total_cmp(&pieces[b].y_extent().0));
        let is_head = |p: &Piece| p.heading_sized(h);
        // A short line centred right under a heading, narrower than it, with no clause
        // mark, is its subheadline (eval rapidocr h022: 皖北淮水暴漲 災民數十萬, body-sized,
        // across a column gap under 各地災況 賑務會撥款急賑): it goes with the heading.
        let heads: Vec<&Piece> = pieces.iter().filter(|p| is_head(p)).collect();
        let under_head = |p: &Piece| {
            !p.vertical
                && p.em() <= SUBHEAD_MAX_EM
                && !p.text.contains(['。', '，', '；', '、'])
                && heads.iter().any(|q| {
                    (p.rect.cx() - q.rect.cx()).abs() <= self.m.pitch
                        && p.rect.width() + SUB_NARROWER * self.m.pitch <= q.rect.width()
                        && p.y_extent().0 >= q.rect.cy()
                        && p.y_extent().0 - q.y_extent().1 <= KICKER_GAP * h
                })
        };
        let is_heading: Vec<bool> = pieces.iter().map(|p| is_head(p) || (!heads.is_empty() && (under_head(p) || self.flush_under(p, &heads)))).collect();
        let heading = |i: usize| is_heading[i];
        // The top of the first piece that is not a heading from each position on.
        let mut body_top_from = vec![f64::INFINITY; idx.len() + 1];
        for k in (0..idx.len()).rev() {
            let p = &pieces[idx[k]];
            body_top_from[k] = if heading(idx[k]) { body_top_from[k + 1] } else { p.y_extent().0 };
        }
        // (position in idx where a band starts, gap above it)
        let mut gaps: Vec<(usize, f64)> = Vec::new();
        let mut bottom = f64::NEG_INFINITY;
        let mut body_bottom = f64::NEG_INFINITY;
        let mut lowest = 0;
        for (k, &i) in idx.iter().enumerate() {
            let (top, bot) = pieces[i].y_extent();
            // Under or over a heading any gap is a cut (headings are not spaced
            // like body lines), unless body lines beside the heading run on across it
            // at their usual spacing.
            let at_heading = k > 0
                && (heading(lowest) || heading(i))
                && body_top_from[k] - body_bottom >= threshold;
            if k > 0 && (top - bottom >= threshold || (at_heading && top - bottom >= HEADING_BAND_GAP * h)) {
                gaps.push((k, top - bottom));
            }
            if bot > bottom {
                bottom = bot;
                lowest = i;
            }
            if !heading(i) {
                body_bottom = body_bottom.max(bot);
            }
        }
        // A gap under which the text only goes on with one column of the text over it
        // (a photo inside the column) is no band gap.
        let ends: Vec<usize> = gaps.iter().skip(1).map(|g| g.0).chain(std::iter::once(idx.len())).collect();
        let take = |from: usize, to: usize| idx[from..to].iter().map(|&i| &pieces[i]).collect::<Vec<&Piece>>();
        // (The text over the gap is gathered only when the text under it is narrow.)
        let keep = |g: &(usize, f64), end: usize| {
            let lower = take(g.0, end);
            (!self.narrow_headless(&lower) || !self.goes_on_under(&take(0, g.0), &lower)) && !self.paragraph_break(&take(0, g.0), &lower, g.1)
        };
        let gaps: Vec<(usize, f64)> = gaps.iter().zip(ends).filter(|(g, end)| keep(g, *end)).map(|(g, _)| *g).collect();
        let widest = gaps.iter().map(|g| g.1).fold(0.0, f64::max);
        let starts: Vec<usize> = gaps.iter().filter(|g| g.1 >= BAND_WIDEST_SHARE * widest).map(|g| g.0).collect();
        if starts.is_empty() {
            return None;
        }
        let mut bands: Vec<Vec<Piece>> = vec![Vec::new(); starts.len() + 1];
        for (k, &i) in idx.iter().enumerate() {
            bands[starts.partition_point(|&st| st <= k)].push(pieces[i].clone());
        }
        Some(bands)
    }

    /// The narrowest gap across a region that is a band gap by its width alone (not
    /// for standing under or over a heading), pixels: the normal line gap plus
    /// [`BAND_GAP_OVER_LINE_GAP`] `H`, at least [`BAND_GAP_MIN`] `H`.
    fn band_threshold(&self) -> f64 {
        let h = self.m.line_height;
        (self.m.line_gap + BAND_GAP_OVER_LINE_GAP * h).max(BAND_GAP_MIN * h)
    }

    /// Whether every gap between consecutive `bands` is narrower than
    /// [`Cutter::band_threshold`]: they were cut only under or over headings, as under a
    /// headline set in its own column beside another article (no row of headlines alone
    /// over the region's columns).
    fn cut_at_headings_only(&self, bands: &[Vec<Piece>]) -> bool {
        let threshold = self.band_threshold();
        bands.windows(2).all(|w| {
            let bottom = w[0].iter().map(|p| p.y_extent().1).fold(f64::NEG_INFINITY, f64::max);
            let top = w[1].iter().map(|p| p.y_extent().0).fold(f64::INFINITY, f64::min);
            top - bottom < threshold
        })
    }

    /// Whether `p` is a display line set flush under one of the headings `heads`: it
    /// starts within a character of the heading's start, stands at most [`KICKER_GAP`]
    /// `H` under it, is wider than a column by a character (a body line would cross a
    /// gutter), holds at most [`HEADING_MAX_EM`] characters and no clause mark: a
    /// subheadline across the columns, neither a band of body text nor two columns'
    /// lines merged (local 人民日报 RapidOCR h014: 28 characters under a headline,
    /// split at a gutter as a merged box).
    pub(super) fn flush_under(&self, p: &Piece, heads: &[&Piece]) -> bool {
        !p.vertical
            && p.em() <= HEADING_MAX_EM
            && p.rect.width() >= self.column_width + self.m.pitch
            && !p.text.contains(['。', '，', '；', '、', '：'])
            && heads.iter().any(|q| {
                !std::ptr::eq(*q, p)
                    && (p.rect.x0 - q.rect.x0).abs() <= self.m.pitch
                    && p.y_extent().0 >= q.rect.cy()
                    && p.y_extent().0 - q.y_extent().1 <= KICKER_GAP * self.m.line_height
            })
    }

    /// Whether a headline wrapped in its own column tops the region: a heading within a
    /// line height of the region's top, no wider than a column and a character, stacked
    /// over another heading ([`Cutter::stacked`]).
    fn wrapped_head_on_top(&self, pieces: &[Piece]) -> bool {
        let h = self.m.line_height;
        let top = pieces.iter().map(|p| p.y_extent().0).fold(f64::INFINITY, f64::min);
        pieces.iter().any(|p| {
            p.heading_sized(h)
                && p.y_extent().0 <= top + h
                && p.rect.width() <= self.column_width + self.m.pitch
                && self.stacked(pieces, p)
        })
    }

    /// Whether `band` is no wider than one and a half columns and holds no heading nor
    /// vertical text (what may go on under a photo inside a column).
    pub(super) fn narrow_headless(&self, band: &[&Piece]) -> bool {
        let (x0, x1) = span(band);
        x1 - x0 < SIDE_BY_SIDE_WIDTH * self.column_width && band.iter().all(|q| !q.vertical && q.thickness < CUT_HEADING_RATIO * self.m.line_height)
    }

    /// Whether band `lower` only goes on with one column of band `upper`, over a gap
    /// (a photo set inside that column): `lower` is narrower than `upper` and holds no
    /// heading, and the lowest line of `upper` over `lower`'s first line fills the same
    /// column (within four and a half characters of its left end, a character of its
    /// right end) and ends in no sentence mark, so its text runs on under the gap
    /// (case b4), or starts there and `lower` lies inside the column (`inside_column`).
    pub(super) fn goes_on_under(&self, upper: &[&Piece], lower: &[&Piece]) -> bool {
        let (h, p) = (self.m.line_height, self.m.pitch);
        let ((ux0, ux1), (lx0, lx1)) = (span(upper), span(lower));
        if !self.narrow_headless(lower) || ux1 - ux0 < SIDE_BY_SIDE_WIDTH * self.column_width {
            return false;
        }
        let over = upper.iter().filter(|q| !q.vertical && q.rect.x0 < lx1 && q.rect.x1 > lx0).max_by(|a, b| a.y_extent().1.total_cmp(&b.y_extent().1));
        over.is_some_and(|l| {
            l.thickness < CUT_HEADING_RATIO * h
                && l.rect.x0 <= lx0 + CONTINUES_INDENT * p
                && l.rect.x0 >= lx0 - CONTINUES_INDENT * p
                && ((l.rect.x1 - lx1).abs() <= p && !crate::rules::chars::ends_sentence(&l.text) || self.inside_column(upper, lower))
        })
    }

    /// Whether a gap `gap` tall between `upper` and `lower` is a paragraph break inside a
    /// column, no band gap: at most [`PARAGRAPH_BREAK_MAX`] `H`, no heading nor vertical
    /// text in `lower`, and `lower`'s first line starts a paragraph (indented at least
    /// [`PARAGRAPH_INDENT_MIN`] `P`) inside a column of `upper` (`inside_column`) whose
    /// lowest line, at most as far over it, ends a sentence. Eval rapidocr h017: a paragraph
    /// break in the first column lined up with the end of the short middle column, and
    /// the right column had a photo there.
    fn paragraph_break(&self, upper: &[&Piece], lower: &[&Piece], gap: f64) -> bool {
        let h = self.m.line_height;
        let body = |q: &&&Piece| !q.vertical && q.thickness < CUT_HEADING_RATIO * h;
        if gap > PARAGRAPH_BREAK_MAX * h || !lower.iter().all(|q| body(&q)) {
            return false;
        }
        let Some(first) = lower.iter().min_by(|a, b| a.y_extent().0.total_cmp(&b.y_extent().0)) else {
            return false;
        };
        let column: Vec<&Piece> = upper.iter().filter(body).filter(|q| q.rect.x0 < first.rect.x1 && q.rect.x1 > first.rect.x0).copied().collect();
        let Some(last) = column.iter().max_by(|a, b| a.y_extent().1.total_cmp(&b.y_extent().1)) else {
            return false;
        };
        first.y_extent().0 - last.y_extent().1 <= PARAGRAPH_BREAK_MAX * h
            && crate::rules::chars::ends_sentence(&last.text)
            && first.rect.x0 - span(&column).0 >= PARAGRAPH_INDENT_MIN * self.m.pitch
            && self.inside_column(upper, &[*first])
    }

    /// Whether `lower` lies inside one column of `upper`: the body lines of `upper` over
    /// it (those it overlaps across) start no more than four and a half characters left
    /// of it and end no more than a character right of it, and it starts and ends within
    /// a character of their span. So a paragraph that ends over a photo inside its column
    /// and the caption and text under the photo go on in that column (eval rapidocr h020,
    /// h018: the article beside ended higher up, and the gap over the photo ran across
    /// the page), even when the line over the photo ends a sentence.
    fn inside_column(&self, upper: &[&Piece], lower: &[&Piece]) -> bool {
        let p = self.m.pitch;
        let (lx0, lx1) = span(lower);
        let column: Vec<&Piece> = upper
            .iter()
            .filter(|q| !q.vertical && q.thickness < CUT_HEADING_RATIO * self.m.line_height && q.rect.x0 < lx1 && q.rect.x1 > lx0)
            .copied()
            .collect();
        if column.is_empty() || column.iter().any(|q| q.rect.x0 < lx0 - CONTINUES_INDENT * p || q.rect.x1 > lx1 + p) {
            return false;
        }
        let (cx0, cx1) = span(&column);
        lx0 >= cx0 - p && lx1 <= cx1 + p
    }

    /// The groups a region falls into at the x gaps no box is over (boxes narrowed as
    /// for the projection), left to right, as indices into `pieces`.
    pub(super) fn clean_groups(&self, pieces: &[Piece]) -> Vec<Vec<usize>> {
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
    pub(super) fn lanes(&self, pieces: &[Piece]) -> Option<Vec<Vec<Piece>>> {
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
    /// to the gap nearest to the right end that centres the heading over them (a heading
    /// set flush left with the first of them, within a character, and ending at least
    /// [`FLUSH_LEFT_SHORT`] characters short of its own column group's right end: up to
    /// the next heading's column; one that fills its column may be centred). `None`
    /// with fewer than two such headings.
    pub(super) fn territories(&self, columns: &[Vec<Piece>]) -> Option<Vec<Vec<Piece>>> {
        let h = self.m.line_height;
        // The parts of a line split at a gap are one line, not two headings.
        let heading = |p: &Piece| p.heading_sized(h) && !p.cut_left && !p.cut_right && p.em() <= HEADING_MAX_EM;
        let headed = |g: &Vec<Piece>| g.iter().min_by(|a, b| a.y_extent().0.total_cmp(&b.y_extent().0)).is_some_and(heading);
        if columns.len() >= 2 && columns.iter().all(headed) {
            // One headline printed in pieces, one over each column, when the text runs on
            // from a column into the next (see [`Cutter::runs_on`]).
            let mut out: Vec<Vec<Piece>> = vec![columns[0].clone()];
            for w in columns.windows(2) {
                let top = |g: &Vec<Piece>| g.iter().min_by(|a, b| a.y_extent().0.total_cmp(&b.y_extent().0)).cloned();
                let pieces = top(&w[0]).zip(top(&w[1])).is_some_and(|(a, b)| b.rect.x0 - a.rect.x1 < HEADS_APART * a.thickness.min(b.thickness) && self.one_headline(&w[0], &a, &w[1], &b));
                if pieces || self.runs_on(&w[0], &w[1]) {
                    out.last_mut().expect("starts with one").extend(w[1].iter().cloned());
                } else {
                    out.push(w[1].clone());
                }
            }
            return (out.len() >= 2).then_some(out);
        }
        let top = columns.iter().flatten().map(|p| p.y_extent().0).fold(f64::INFINITY, f64::min);
        // The headings' top row may stand under short lines (a kicker, a rubric), at
        // most two in each column.
        let heads_top = columns.iter().flatten().filter(|p| heading(p)).map(|p| p.y_extent().0).fold(f64::INFINITY, f64::min);
        let over = |g: &Vec<Piece>| {
            let above: Vec<&Piece> = g.iter().filter(|p| p.y_extent().1 <= heads_top + h && !heading(p)).collect();
            above.len() <= KICKERS_OVER_HEADS && above.iter().all(|p| p.em() <= SUBHEAD_MAX_EM)
        };
        let top = if heads_top > top + h && columns.iter().all(over) { heads_top } else { top };
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
        // (first column, last column, extent) of each headline: headings closer than
        // HEADS_APART are one headline in pieces when [`Cutter::one_headline`] says so,
        // and two headlines when either is wrapped in its own column (stacked over more
        // of its lines, no wider than a column and a character); otherwise the row is
        // not read as side by side (a real leaflet of `../shared/realpages/bha21-leaflets`:
        // a wide two-line title beside the end of its first line).
        let mut groups: Vec<(usize, usize, Rect)> = vec![(heads[0].0, heads[0].0, heads[0].1.rect)];
        for w in heads.windows(2) {
            let ((ca, a), (cb, b)) = (w[0], w[1]);
            if ca == cb {
                return None;
            }
            if b.rect.x0 - a.rect.x1 < HEADS_APART * a.thickness.min(b.thickness) {
                if self.one_headline(&columns[ca], a, &columns[cb], b) {
                    let last = groups.last_mut().expect("starts with one");
                    last.1 = cb;
                    last.2 = last.2.union(&b.rect);
                    continue;
                }
                // A headline wrapped in its own narrow column (no wider than a column)
                // stands apart; a wide headline over a second line is one headline group.
                let wrapped = |g: &[Piece], q: &Piece| self.stacked(g, q) && q.rect.width() <= self.column_width + self.m.pitch;
                if !wrapped(&columns[ca], a) && !wrapped(&columns[cb], b) {
                    return None;
                }
            }
            groups.push((cb, cb, b.rect));
        }
        if groups.len() < 2 {
            return None;
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
        for (k, &(_, own, head)) in groups.iter().enumerate() {
            let end = match groups.get(k + 1) {
                None => columns.len() - 1,
                // A headline set flush left over its columns (not centred) runs on to
                // the next headline's column.
                Some(&(next, _, _)) if (head.x0 - bounds[start].0).abs() <= self.m.pitch && head.x1 < bounds[own].1 - FLUSH_LEFT_SHORT * self.m.pitch => next - 1,
                Some(&(next, _, _)) => {
                    let want = 2.0 * head.cx() - bounds[start].0;
                    (own..next).min_by(|&a, &b| (bounds[a].1 - want).abs().total_cmp(&(bounds[b].1 - want).abs())).unwrap_or(own)
                }
            };
            out.push(columns[start..=end].iter().flatten().cloned().collect());
            start = end + 1;
        }
        Some(out)
    }

    /// Whether the headings `a` (at the top of column `ca`) and `b` (of `cb`, right of
    /// it), close side by side, are one headline printed in pieces: less than
    /// [`HEADLINE_PIECES_GAP`] of their thickness apart, set the same size
    /// ([`WRAP_SAME_SIZE`]), their tops within a line height, neither stacked over
    /// more of its lines ([`Cutter::stacked`]). Local 人民日报 RapidOCR h014 (two phrases
    /// 8 px apart over one article's columns) and 申報 h011 (the boxes of two phrases
    /// overlapping); a headline wrapped in its narrow column, close to the next
    /// article's, is stacked.
    fn one_headline(&self, ca: &[Piece], a: &Piece, cb: &[Piece], b: &Piece) -> bool {
        b.rect.x0 - a.rect.x1 < HEADLINE_PIECES_GAP * a.thickness.min(b.thickness)
            && a.thickness.min(b.thickness) >= WRAP_SAME_SIZE * a.thickness.max(b.thickness)
            && (a.y_extent().0 - b.y_extent().0).abs() <= self.m.line_height
            && !self.stacked(ca, a)
            && !self.stacked(cb, b)
    }

    /// Whether heading `head` of column `g` stands over another heading of it, at most
    /// [`KICKER_GAP`] `H` under it and overlapping it across: a headline wrapped over
    /// lines in its column.
    fn stacked(&self, g: &[Piece], head: &Piece) -> bool {
        let h = self.m.line_height;
        g.iter().any(|q| {
            q.heading_sized(h)
                && q.y_extent().0 >= head.rect.cy()
                && q.y_extent().0 - head.y_extent().1 <= KICKER_GAP * h
                && q.rect.x_overlap(&head.rect) > 0.0
        })
    }

    /// Whether the text of column `a` runs on into column `b`, both headed by a heading
    /// (so their headings are one headline in pieces, not two articles side by side):
    /// the headings are the same size (within 10%) and their tops within a line height,
    /// and `a`'s lowest line fills its column (from within four and a half characters of
    /// its left edge to within a character of its right edge) and ends in no sentence
    /// mark (case b11: 压实责任 / 消除隐患 over one article's two columns).
    pub(super) fn runs_on(&self, a: &[Piece], b: &[Piece]) -> bool {
        let (h, p) = (self.m.line_height, self.m.pitch);
        let top = |g: &[Piece]| g.iter().min_by(|x, y| x.y_extent().0.total_cmp(&y.y_extent().0)).cloned();
        let (Some(ha), Some(hb)) = (top(a), top(b)) else { return false };
        let same = ha.thickness.min(hb.thickness) >= WRAP_SAME_SIZE * ha.thickness.max(hb.thickness) && (ha.y_extent().0 - hb.y_extent().0).abs() <= h;
        let body: Vec<&Piece> = a.iter().filter(|q| q.box_index != ha.box_index && !q.vertical).collect();
        let (Some(x0), Some(x1)) = (
            body.iter().map(|q| q.rect.x0).min_by(f64::total_cmp),
            body.iter().map(|q| q.rect.x1).max_by(f64::total_cmp),
        ) else {
            return false;
        };
        let last = body.iter().max_by(|x, y| x.y_extent().1.total_cmp(&y.y_extent().1));
        same && last.is_some_and(|l| l.rect.x0 <= x0 + CONTINUES_INDENT * p && l.rect.x1 >= x1 - p && !crate::rules::chars::ends_sentence(&l.text))
    }

    /// The x extents of the pieces narrowed at both ends (see [`Cutter::shrink`]).
    pub(super) fn narrowed(&self, pieces: &[Piece]) -> Vec<(f64, f64)> {
        pieces
            .iter()
            .map(|p| {
                let s = self.shrink(p);
                (p.rect.x0 + s, (p.rect.x1 - s).max(p.rect.x0 + s))
            })
            .collect()
    }

    /// The narrowing of a piece's x extent at each end for the projection.
    pub(super) fn shrink(&self, p: &Piece) -> f64 {
        if p.vertical { VERTICAL_PADDING * p.rect.width() } else { (GLYPH_PADDING * self.m.pitch).min(GLYPH_PADDING_MAX * p.rect.width()) }
    }


    /// Lines sticking out of their column across a gap of the page's column grid (the
    /// gaps of the column cuts made anywhere on the page): a body line of a leaf whose
    /// other lines, two or more, end at the gap and none crosses it, that reaches one
    /// and a half characters past the gap, is a line merged with the first line of a
    /// column that has no other (an article's last line alone in its column). It is
    /// split at the gap, and the parts past it make a leaf read right after.
    pub(super) fn protrusions(&mut self) {
        let (p, h) = (self.m.pitch, self.m.line_height);
        let gaps = self.gaps.clone();
        let leaves = std::mem::take(&mut self.leaves);
        for mut leaf in leaves {
            let mut spill: Vec<Piece> = Vec::new();
            for &gap in &gaps {
                let (gl, gr) = (gap.left, gap.right);
                let body = |q: &Piece| !q.vertical && q.thickness <= SPLIT_BODY_RATIO * h;
                let crossing: Vec<usize> = (0..leaf.pieces.len()).filter(|&i| leaf.pieces[i].rect.x0 < gl && leaf.pieces[i].rect.x1 > gr).collect();
                let ending = leaf.pieces.iter().filter(|q| body(q) && q.rect.x1 <= gl + 0.5 * p && q.rect.x1 >= gl - GAP_REACH * p).count();
                if crossing.len() != 1 || ending < 2 {
                    continue;
                }
                let c = crossing[0];
                let q = &leaf.pieces[c];
                if !(body(q) && q.rect.x0 < gl - 2.0 * p && q.rect.x1 >= gr + GAP_REACH * p) {
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

    pub(super) fn splittable(&self, p: &Piece) -> bool {
        !p.vertical && p.em() >= SPLIT_MIN_EM && p.thickness <= SPLIT_BODY_RATIO * self.m.line_height
    }

    /// Whether the pieces over the valley segment `[xa, xb]` are body lines of the
    /// columns on either side merged into one box: the segment is a gutter (at most
    /// [`MERGED_MAX_VALLEY`] `P` wide), each piece is splittable and has a body
    /// line of each column within five line heights of it, and either they are at most
    /// a third of the body lines on either side, of which there are at least four, or
    /// (short columns) they are at most one more than the body lines on either side and
    /// each holds most of a line left of the gap (0.6 times the median body line that
    /// does not cross) and at least a character right of it, within the outer edges of
    /// the two columns (on the left, up to [`MAX_INDENT_CHARS`] further out when the
    /// gutter is open, the left lines ending [`MERGED_MIN_GUTTER`] `P` or more before
    /// the right ones start, and each crossing box's text holds a space, the engine's own
    /// gap: the left column's other lines may all open paragraphs, as
    /// the first line of a two-line column does when its second is merged with the line
    /// beside it; local 人民日报 RapidOCR h007).
    pub(super) fn merged_across(&self, pieces: &[Piece], ext: &[(f64, f64)], xa: f64, xb: f64) -> bool {
        if xb - xa > MERGED_MAX_VALLEY * self.m.pitch {
            return false;
        }
        let h = self.m.line_height;
        let body = |i: usize| is_body_like(&pieces[i], h);
        let left: Vec<usize> = (0..pieces.len()).filter(|&i| ext[i].1 <= xa && body(i)).collect();
        let right: Vec<usize> = (0..pieces.len()).filter(|&i| ext[i].0 >= xb && body(i)).collect();
        let crossing: Vec<usize> = (0..pieces.len()).filter(|&i| ext[i].0 < xb && ext[i].1 > xa).collect();
        let side = left.len().min(right.len());
        let beside = |c: usize, side: &[usize]| {
            side.iter().any(|&k| (pieces[k].rect.cy() - pieces[c].rect.cy()).abs() <= MERGED_NEAR * h && pieces[k].rect.x_overlap(&pieces[c].rect) > 0.0)
        };
        if side == 0 || !crossing.iter().all(|&c| self.splittable(&pieces[c]) && beside(c, &left) && beside(c, &right)) {
            return false;
        }
        let heads: Vec<&Piece> = pieces.iter().filter(|q| q.heading_sized(h)).collect();
        if crossing.iter().any(|&c| self.flush_under(&pieces[c], &heads)) {
            return false;
        }
        if side >= MERGED_MIN_SIDE && crossing.len() * MERGED_SHARE <= side {
            return true;
        }
        let width = median(left.iter().chain(right.iter()).map(|&i| pieces[i].rect.width()).collect()).unwrap_or(f64::INFINITY);
        let x0 = left.iter().map(|&i| pieces[i].rect.x0).fold(f64::INFINITY, f64::min);
        let x1 = right.iter().map(|&i| pieces[i].rect.x1).fold(f64::NEG_INFINITY, f64::max);
        let p = self.m.pitch;
        // An open gutter: the left column's lines end half a character or more before the
        // right column's start (Tesseract's pieces of one line split at a word space abut).
        let gutter = right.iter().map(|&i| pieces[i].rect.x0).fold(f64::INFINITY, f64::min) - left.iter().map(|&i| pieces[i].rect.x1).fold(f64::NEG_INFINITY, f64::max);
        // (And the engine itself saw a gap in each crossing box: a word space at a
        // gutter; one column's full lines beside a line read in two pieces at a word
        // space have none, local 人民日报 Tesseract h002.)
        let spaced = crossing.iter().all(|&c| pieces[c].text.contains(crate::rules::chars::is_space));
        let indent = if gutter >= MERGED_MIN_GUTTER * p && spaced { MAX_INDENT_CHARS * p } else { 0.0 };
        crossing.len() <= side + 1
            && crossing.iter().all(|&c| {
                let r = &pieces[c].rect;
                xa - ext[c].0 >= MERGED_LEFT_SHARE * width
                    && ext[c].1 - xb >= p
                    && r.x0 >= x0 - COLUMN_EDGE_SLACK * p - indent
                    && r.x1 <= x1 + FILL_SLACK * p
            })
    }

    /// Whether every piece over the valley segment `[xa, xb]` is a body line of one
    /// side that only overhangs a body line of the other side beside it (within
    /// [`MERGED_NEAR`] `H`), by at most [`OVERHANG_MAX`] `P` (narrowed extents): a
    /// closing mark hanging into the gutter, no character of the other column. Such a
    /// line is read with its own column (by its centre).
    pub(super) fn overhanging(&self, pieces: &[Piece], ext: &[(f64, f64)], xa: f64, xb: f64) -> bool {
        let reach = OVERHANG_MAX * self.m.pitch;
        let h = self.m.line_height;
        let beside = |c: usize, on_right: bool| {
            (0..pieces.len()).any(|k| {
                is_body_like(&pieces[k], h)
                    && if on_right { ext[k].0 >= xb } else { ext[k].1 <= xa }
                    && (pieces[k].rect.cy() - pieces[c].rect.cy()).abs() <= MERGED_NEAR * h
                    && pieces[k].rect.x_overlap(&pieces[c].rect) > 0.0
            })
        };
        (0..pieces.len()).filter(|&i| ext[i].0 < xb && ext[i].1 > xa).all(|i| {
            is_body_like(&pieces[i], h)
                && ((ext[i].0 < xa && ext[i].1 <= xb + reach && beside(i, true)) || (ext[i].1 > xb && ext[i].0 >= xa - reach && beside(i, false)))
        })
    }

    /// The columns on either side of a cut (next to the piece `c` to be split, if
    /// any), from the lines within six line heights of `c`: the median right end of the
    /// left column's lines that end at the gap (within 1.5 `P`), the median left end of
    /// the right column's lines that start there (the narrowed valley's ends widened
    /// back by 0.3 `P` when there are none), and the pitch of the left column's lines
    /// (their median width per Han character).
    pub(super) fn gap_edges(&self, pieces: &[Piece], ext: &[(f64, f64)], c: Option<&Piece>, cut: Cut) -> Gap {
        let (p, h) = (self.m.pitch, self.m.line_height);
        let near = |i: usize| c.is_none_or(|c| (pieces[i].rect.cy() - c.rect.cy()).abs() <= GAP_EDGE_NEAR * h) && !pieces[i].vertical;
        let ending: Vec<usize> = (0..pieces.len()).filter(|&i| near(i) && ext[i].1 <= cut.xa && ext[i].1 >= cut.xa - GAP_REACH * p).collect();
        let starts: Vec<f64> = (0..pieces.len()).filter(|&i| near(i) && ext[i].0 >= cut.xb && ext[i].0 <= cut.xb + GAP_REACH * p).map(|i| pieces[i].rect.x0).collect();
        let s = GLYPH_PADDING * p;
        Gap {
            left: median(ending.iter().map(|&i| pieces[i].rect.x1).collect()).unwrap_or(cut.xa + s),
            right: median(starts).unwrap_or(cut.xb - s),
            pitch: median(ending.iter().filter(|&&i| pieces[i].em() > 0.0).map(|&i| pieces[i].rect.width() / pieces[i].em()).collect()),
        }
    }

    /// Cuts a region into columns at the valleys of its x-projection (see the module
    /// doc), splitting merged boxes; gives the pieces back when there is no valley.
    pub(super) fn columns(&self, pieces: Vec<Piece>) -> Result<Columns, Vec<Piece>> {
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
            if crossing == 0 || (crossing <= left.min(right) + 1 && (self.overhanging(&pieces, &ext, xa, xb) || self.merged_across(&pieces, &ext, xa, xb))) {
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

/// The left and right ends of the pieces (infinite when there are none).
pub(super) fn span(pieces: &[&Piece]) -> (f64, f64) {
    let x0 = pieces.iter().map(|q| q.rect.x0).fold(f64::INFINITY, f64::min);
    let x1 = pieces.iter().map(|q| q.rect.x1).fold(f64::NEG_INFINITY, f64::max);
    (x0, x1)
}

/// True when every piece shares one horizontal band (their vertical extents overlap).
pub(super) fn one_row(pieces: &[Piece]) -> bool {
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
pub(super) fn split(p: &Piece, gap: Gap) -> Option<(Piece, Piece)> {
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
        let fill = gap.pitch.map_or(0.0, |pitch| FILL_WEIGHT * (acc - wl / pitch).abs().min(2.0));
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
