//! Pages set vertically (直排): tiers top to bottom, columns right to left.
//!
//! A page is *set vertically* when at least half its characters are in vertical boxes
//! (RapidOCR and PaddleOCR give one tall box per printed column). Such a page is cut
//! recursively, like the XY-cut of horizontal pages but the other way round:
//!
//! - a region holding no vertical box is a leaf read as horizontal rows (the
//!   furniture line, a horizontal headline over vertical text);
//! - a region that is one column (its boxes' centre lines, narrowed, overlap in x) is
//!   a leaf: one printed line, its boxes top to bottom (a column the detector cut in
//!   two is one line again; a gap of a character or more is a space: a headline in
//!   two pieces), unless a gap of two characters or more stacks two elements in it;
//! - otherwise it is cut at every gap across its whole width (tiers, and the
//!   furniture over them), the bands read top to bottom;
//! - a region no such gap cuts is cut at the gaps between its columns, read right to
//!   left.
//!
//! Roles: a column at least 1.3 `H` thick (`H`, the median thickness of the page's
//! vertical body columns) is a heading; the others are measured against the body
//! columns of their tier near them (five each side): a column starting a character or
//! more below their top is indented (a paragraph's first column), and it fills its
//! column when it ends within 0.8 `P` of their bottom. Vertical presentation forms of
//! punctuation (︐︒︵︶﹁﹂…) are read as the forms set horizontally (，。（）「」…).

use super::*;

/// Whether the page is set vertically: at least half its characters in vertical boxes.
pub(super) fn is_vertical_page(pieces: &[Piece]) -> bool {
    let (v, all) = pieces.iter().fold((0usize, 0usize), |(v, all), p| {
        let n = p.chars();
        (v + if p.vertical { n } else { 0 }, all + n)
    });
    all > 0 && v as f64 >= VERTICAL_PAGE_SHARE * all as f64
}

/// The horizontal form of a vertical presentation form of punctuation (Unicode's
/// CJK Compatibility Forms and Vertical Forms blocks, U+FE10–FE19 and U+FE30–FE48),
/// or the character itself.
pub fn horizontal_form(c: char) -> char {
    match c {
        '︐' => '，',
        '︑' => '、',
        '︒' => '。',
        '︓' => '：',
        '︔' => '；',
        '︕' => '！',
        '︖' => '？',
        '︗' => '〖',
        '︘' => '〗',
        '︙' => '…',
        '︰' => '‥',
        '︱' => '—',
        '︵' => '（',
        '︶' => '）',
        '︷' => '｛',
        '︸' => '｝',
        '︹' => '〔',
        '︺' => '〕',
        '︻' => '【',
        '︼' => '】',
        '︽' => '《',
        '︾' => '》',
        '︿' => '〈',
        '﹀' => '〉',
        '﹁' => '「',
        '﹂' => '」',
        '﹃' => '『',
        '﹄' => '』',
        '﹇' => '［',
        '﹈' => '］',
        other => other,
    }
}

/// A leaf of the vertical cut, with the tier it belongs to.
struct VLeaf {
    pieces: Vec<Piece>,
    /// A column of vertical text (or a character standing in one), not horizontal rows.
    column: bool,
    tier: usize,
    ends_band: bool,
}

struct VCutter {
    m: Metrics,
    leaves: Vec<VLeaf>,
    tiers: usize,
}

/// The x extent of a piece for the column cut: a vertical box's thickness around its
/// centre (a slightly rotated box's rectangle is wider than its column), narrowed at
/// each side; another box's rectangle, narrowed the same way.
fn x_extent(p: &Piece) -> (f64, f64) {
    let w = if p.vertical { p.thickness.min(p.rect.width()) } else { p.rect.width() };
    let half = w * (0.5 - VERTICAL_PADDING);
    (p.rect.cx() - half, p.rect.cx() + half)
}

/// Groups of pieces whose extents (by `extent`) overlap, in ascending order of extent,
/// cut where the gap between them is wider than `min_gap`.
fn projection_groups(pieces: &[Piece], extent: impl Fn(&Piece) -> (f64, f64), min_gap: f64) -> Vec<Vec<Piece>> {
    let mut idx: Vec<usize> = (0..pieces.len()).collect();
    idx.sort_by(|&a, &b| extent(&pieces[a]).0.total_cmp(&extent(&pieces[b]).0));
    let mut groups: Vec<Vec<Piece>> = Vec::new();
    let mut end = f64::NEG_INFINITY;
    for i in idx {
        let (a, b) = extent(&pieces[i]);
        match groups.last_mut() {
            Some(g) if a - end <= min_gap => g.push(pieces[i].clone()),
            _ => groups.push(vec![pieces[i].clone()]),
        }
        end = end.max(b);
    }
    groups
}

impl VCutter {
    /// The bands a region falls into at gaps across its width wider than `min_gap`.
    /// Heading columns (set larger, they may run past the body columns of their tier
    /// into the gap under it) do not bridge a gap: each joins the band its top is in
    /// (or the nearest).
    fn bands(&self, pieces: &[Piece], one_column: bool, min_gap: f64) -> Vec<Vec<Piece>> {
        let y = |p: &Piece| (p.rect.y0, p.rect.y1);
        let head = |p: &Piece| !one_column && p.vertical && p.thickness.min(p.rect.width()) >= VERTICAL_HEADING_RATIO * self.m.line_height;
        let (heads, rest): (Vec<Piece>, Vec<Piece>) = pieces.iter().cloned().partition(|p| head(p));
        if heads.is_empty() || rest.is_empty() {
            return projection_groups(pieces, y, min_gap);
        }
        let mut bands = projection_groups(&rest, y, min_gap);
        let spans: Vec<(f64, f64)> = bands
            .iter()
            .map(|b| (b.iter().map(|p| p.rect.y0).fold(f64::INFINITY, f64::min), b.iter().map(|p| p.rect.y1).fold(f64::NEG_INFINITY, f64::max)))
            .collect();
        for h in heads {
            let top = h.rect.y0;
            let distance = |&(a, b): &(f64, f64)| if top < a { a - top } else if top > b { top - b } else { 0.0 };
            let k = (0..spans.len()).min_by(|&i, &j| distance(&spans[i]).total_cmp(&distance(&spans[j]))).unwrap_or(0);
            bands[k].push(h);
        }
        bands
    }

    /// Orders a region into leaves; `in_columns`: it was cut from a region of vertical
    /// columns (so a lone character in it stands in a column).
    fn order(&mut self, pieces: Vec<Piece>, depth: usize, tier: usize, in_columns: bool) {
        let horizontal = |p: &Piece| !p.vertical && (p.chars() >= 2 || !in_columns);
        if pieces.len() <= 1 || depth >= MAX_DEPTH || pieces.iter().all(horizontal) {
            let column = !pieces.iter().all(horizontal);
            self.leaves.push(VLeaf { pieces, column, tier, ends_band: false });
            return;
        }
        let columns = projection_groups(&pieces, x_extent, 0.0);
        let one_column = columns.len() == 1;
        let min_gap = if one_column { STACKED_GAP * self.m.pitch } else { TIER_GAP * self.m.pitch };
        let bands = self.bands(&pieces, one_column, min_gap);
        if bands.len() > 1 {
            let n = bands.len();
            for (i, band) in bands.into_iter().enumerate() {
                self.tiers += 1;
                let t = self.tiers;
                self.order(band, depth + 1, t, false);
                if i + 1 < n {
                    if let Some(l) = self.leaves.last_mut() {
                        l.ends_band = true;
                    }
                }
            }
            return;
        }
        if one_column {
            self.leaves.push(VLeaf { pieces, column: true, tier, ends_band: false });
            return;
        }
        for column in columns.into_iter().rev() {
            self.order(column, depth + 1, tier, true);
        }
    }
}

/// One column's pieces as a printed line: top to bottom, a space where the gap is a
/// character or more (SPACE_GAP `P`).
fn column_line(mut pieces: Vec<Piece>, m: Metrics) -> PrintedLine {
    pieces.sort_by(|a, b| a.rect.y0.total_cmp(&b.rect.y0));
    let mut text = String::new();
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 && p.rect.y0 - pieces[i - 1].rect.y1 >= SPACE_GAP * m.pitch {
            text.push(' ');
        }
        text.push_str(&p.text);
    }
    let rect = pieces.iter().map(|p| p.rect).reduce(|a, b| a.union(&b)).expect("a column is not empty");
    let thickness = pieces.iter().map(|p| p.thickness.min(p.rect.width())).fold(0.0, f64::max);
    PrintedLine::bare(text, pieces, rect, thickness, true)
}

/// The printed lines of a page set vertically, in reading order, with their roles.
pub(super) fn read(mut text: Vec<Piece>, m: Metrics) -> Vec<PrintedLine> {
    for p in &mut text {
        if p.text.chars().any(|c| horizontal_form(c) != c) {
            p.text = p.text.chars().map(horizontal_form).collect();
        }
    }
    let mut cutter = VCutter { m, leaves: Vec::new(), tiers: 0 };
    cutter.order(text, 0, 0, false);
    let mut lines: Vec<PrintedLine> = Vec::new();
    let mut tier_of: Vec<usize> = Vec::new();
    for leaf in cutter.leaves {
        let n = lines.len();
        if leaf.column {
            lines.push(column_line(leaf.pieces, m));
        } else {
            lines.extend(rows(&leaf.pieces).into_iter().map(|row| printed_line(row, m)));
        }
        tier_of.extend(std::iter::repeat_n(leaf.tier, lines.len() - n));
        if leaf.ends_band {
            if let Some(l) = lines.last_mut() {
                l.ends_band = true;
            }
        }
    }
    let heading: Vec<bool> =
        lines.iter().map(|l| l.vertical && l.thickness >= VERTICAL_HEADING_RATIO * m.line_height && em(&l.text) <= HEADING_MAX_EM).collect();
    let body = |k: usize| lines[k].vertical && !heading[k] && lines[k].chars() >= MIN_BODY_CHARS;
    let mut roles = Vec::with_capacity(lines.len());
    for i in 0..lines.len() {
        if !lines[i].vertical || heading[i] {
            roles.push(None);
            continue;
        }
        let same = |k: &usize| tier_of[*k] == tier_of[i] && body(*k);
        let mut near: Vec<usize> = (0..i).rev().filter(same).take(NEIGHBOURS).collect();
        near.extend((i + 1..lines.len()).filter(same).take(NEIGHBOURS));
        if body(i) {
            near.push(i);
        }
        if near.len() < MIN_EDGE_LINES {
            roles.push(None);
            continue;
        }
        let mut tops: Vec<f64> = near.iter().map(|&k| lines[k].rect.y0).collect();
        let mut bottoms: Vec<f64> = near.iter().map(|&k| lines[k].rect.y1).collect();
        tops.sort_by(f64::total_cmp);
        bottoms.sort_by(|a, b| b.total_cmp(a));
        let rank = (near.len() / EDGE_RANK).min(2);
        roles.push(Some((tops[rank], bottoms[rank])));
    }
    for (l, edges) in lines.iter_mut().zip(roles) {
        if let Some((top, bottom)) = edges {
            let chars = ((l.rect.y0 - top) / m.pitch + INDENT_ROUNDING).floor().clamp(0.0, MAX_INDENT_CHARS) as usize;
            l.indent = 2 * chars;
            l.fills_column = Some(bottom - l.rect.y1 < FILL_SLACK * m.pitch);
        }
    }
    let (mut lines, heading, tier_of) = join_wrapped_heads(lines, heading, &tier_of, m);
    tier_heads(&mut lines, &heading, &tier_of);
    let (mut lines, heading) = join_run_over_marks(lines, heading, &tier_of);
    rank_headings(&mut lines, &heading);
    join_tails_over_headings(&mut lines, m);
    lines
}

/// A heading column that opens a tier under the text of another one opens a piece
/// ([`PrintedLine::opens_piece`]): the tier's gap across the page parts the articles,
/// so a short column ending the tier above is no kicker of that heading (local 申報
/// vertical v007: a brief's short last column in a 要聞 column, read right before the
/// next tier's headline, became its kicker). A kicker stands beside its headline, in
/// its tier.
fn tier_heads(lines: &mut [PrintedLine], heading: &[bool], tier_of: &[usize]) {
    for i in 1..lines.len() {
        if heading[i] && lines[i].vertical && tier_of[i] != tier_of[i - 1] && lines[i - 1].vertical && !heading[i - 1] {
            lines[i].opens_piece = true;
        }
    }
}

/// Joins a column of punctuation alone (a 。 or 」 run over from a full column: no
/// column starts with one) to the body column before it in its tier. The joined line
/// ends where the mark's column does, so it no longer fills its column.
fn join_run_over_marks(lines: Vec<PrintedLine>, heading: Vec<bool>, tier_of: &[usize]) -> (Vec<PrintedLine>, Vec<bool>) {
    let mut out: Vec<PrintedLine> = Vec::with_capacity(lines.len());
    let mut out_heading: Vec<bool> = Vec::with_capacity(lines.len());
    for (i, l) in lines.into_iter().enumerate() {
        let marks = l.vertical && !l.text.is_empty() && l.text.chars().all(crate::rules::chars::is_cjk_punct);
        let after_body = i > 0 && tier_of[i - 1] == tier_of[i] && out_heading.last() == Some(&false) && out.last().is_some_and(|p| p.vertical);
        if marks && after_body {
            let prev = out.last_mut().expect("a previous line");
            prev.text.push_str(&l.text);
            prev.pieces.extend(l.pieces);
            prev.rect = prev.rect.union(&l.rect);
            prev.fills_column = Some(l.fills_column.unwrap_or(false));
            prev.ends_band |= l.ends_band;
            continue;
        }
        out.push(l);
        out_heading.push(heading[i]);
    }
    (out, out_heading)
}

/// Joins a heading column with the next when the heading merely wraps into it: both
/// heading columns of one tier set in one size (the thinner at least 0.85 of the
/// thicker), side by side (the next starting within a character of the first's top),
/// the first running down at least to its tier's body columns' bottom (a full
/// column). The wrap takes no space.
fn join_wrapped_heads(lines: Vec<PrintedLine>, heading: Vec<bool>, tier_of: &[usize], m: Metrics) -> (Vec<PrintedLine>, Vec<bool>, Vec<usize>) {
    let bottom_of = |t: usize| {
        let mut ends: Vec<f64> =
            (0..lines.len()).filter(|&k| tier_of[k] == t && lines[k].vertical && !heading[k] && lines[k].chars() >= MIN_BODY_CHARS).map(|k| lines[k].rect.y1).collect();
        ends.sort_by(|a, b| b.total_cmp(a));
        ends.get((ends.len() / EDGE_RANK).min(2)).copied()
    };
    let mut out: Vec<PrintedLine> = Vec::with_capacity(lines.len());
    let mut out_heading: Vec<bool> = Vec::with_capacity(lines.len());
    let mut out_tier: Vec<usize> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let wraps = i > 0 && heading[i] && out_heading.last() == Some(&true) && out_tier.last() == Some(&tier_of[i]) && {
            let prev = out.last().expect("a previous line");
            let (thin, thick) = if l.thickness < prev.thickness { (l.thickness, prev.thickness) } else { (prev.thickness, l.thickness) };
            thin >= LEVEL_STEP * thick
                && (l.rect.y0 - prev.rect.y0).abs() <= m.pitch
                && l.rect.x1 <= prev.rect.x0 + 0.5 * thin
                && bottom_of(tier_of[i]).is_some_and(|b| prev.rect.y1 >= b - FILL_SLACK * m.pitch)
        };
        if wraps {
            let prev = out.last_mut().expect("a previous line");
            prev.text.push_str(&l.text);
            prev.pieces.extend(l.pieces.iter().cloned());
            prev.rect = prev.rect.union(&l.rect);
            prev.thickness = prev.thickness.max(l.thickness);
            prev.ends_band |= l.ends_band;
            continue;
        }
        out.push(l.clone());
        out_heading.push(heading[i]);
        out_tier.push(tier_of[i]);
    }
    (out, out_heading, out_tier)
}

impl PrintedLine {
    fn chars(&self) -> usize {
        self.text.chars().count()
    }
}
