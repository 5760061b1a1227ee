//! Step 5: the role hints of printed lines (heading levels, bold, indentation,
//! whether a line fills its column, margin furniture).

use super::*;

/// Size ratio of a line to the body line height.
pub(super) fn ratio(l: &PrintedLine, m: Metrics) -> f64 {
    l.thickness / m.line_height
}

/// A line thick enough for a heading: at least 1.55 `H`, at most 40 characters.
pub(super) fn is_heading_size(l: &PrintedLine, m: Metrics) -> bool {
    !l.vertical && ratio(l, m) >= HEADING_RATIO && em(&l.text) <= HEADING_MAX_EM
}

/// What the roles stage knows of each line besides the line itself.
pub(super) struct Context {
    /// The leaf (a column, or a band of one) each line was read from.
    pub(super) leaf: Vec<usize>,
    /// The column group of each line (see [`column_groups`]).
    pub(super) group: Vec<usize>,
    /// The columns on either side of every column cut made on the page.
    pub(super) grid: Vec<Gap>,
    /// Median width of body lines.
    pub(super) column_width: f64,
    /// Whether the line is the first line of a leaf that opens a band.
    pub(super) opens_band: Vec<bool>,
}

/// Column groups: the lines of a leaf are one group, and a leaf of one line continues
/// the group before it when that line stands in the group's column right under it (a
/// column whose wide leading cut it into bands of one line): within two line heights
/// under the group's last line, and either ending at the group's right end and
/// starting within four and a half characters of its left end (a full line, indented
/// or under an indented one), or starting at its left end and ending at or before its
/// right end (a short line).
pub(super) fn column_groups(lines: &[PrintedLine], leaf_of: &[usize], m: Metrics) -> Vec<usize> {
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
                    let full = (l.x1 - x1).abs() <= FILL_SLACK * p && (l.x0 - x0).abs() <= CONTINUES_INDENT * p;
                    let short = (l.x0 - x0).abs() <= COLUMN_EDGE_SLACK * p && l.x1 <= x1 + FILL_SLACK * p;
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
pub(super) fn neighbours(lines: &[PrintedLine], ctx: &Context, i: usize, m: Metrics) -> Vec<usize> {
    let same = |k: usize| !lines[k].vertical && !is_heading_size(&lines[k], m);
    let mut near: Vec<usize> = (0..i).rev().take_while(|&k| ctx.group[k] == ctx.group[i]).filter(|&k| same(k)).take(NEIGHBOURS).collect();
    near.extend((i + 1..lines.len()).take_while(|&k| ctx.group[k] == ctx.group[i]).filter(|&k| same(k)).take(NEIGHBOURS));
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
/// - At least 1.55 `H` thick and at most 40 characters: a heading (ranked later).
/// - 1.2 local heights up to a heading, at most 24 characters, no full stop, not spanning its
///   column: a heading when it is the first line of a band of a region wider than
///   one and a half columns (or of one of the articles side by side that a row of
///   headlines heads) and either two lines or more follow it in its leaf (本报启事
///   over a notice) or it is [`CUT_HEADING_RATIO`] thick (the cut took it off the
///   lines under it), bold otherwise (a subhead, a byline set larger).
/// - Body-sized, right after a heading-sized line, flush with it and across a gutter
///   (see [`under_heading_across`]): a heading (a subheadline).
/// - Otherwise: indentation (whole characters from the left edge) and whether it
///   fills the column (right end within 0.8 `P` of the right edge), when three lines
///   or more give the edges.
///
/// Returns which lines are headings.
pub(super) fn assign_roles(lines: &mut [PrintedLine], ctx: &Context, m: Metrics) -> Vec<bool> {
    let mut heading = vec![false; lines.len()];
    for i in 0..lines.len() {
        if lines[i].vertical {
            continue;
        }
        if is_heading_size(&lines[i], m) {
            heading[i] = true;
            continue;
        }
        if i > 0 && under_heading_across(&lines[i - 1], &lines[i], ctx, m) {
            heading[i] = true;
            continue;
        }
        let near = neighbours(lines, ctx, i, m);
        let local_h = if near.len() >= 2 { median(near.iter().map(|&k| lines[k].thickness).collect()).unwrap_or(m.line_height) } else { m.line_height };
        let refs: Vec<usize> = std::iter::once(i).chain(near.iter().copied()).filter(|&k| lines[k].thickness < LOCAL_BODY_RATIO * local_h).collect();
        // The end of a part split at a gap is an estimate: only its other end counts.
        let mut lefts: Vec<f64> = refs.iter().filter(|&&k| !starts_at_gap(&lines[k])).map(|&k| lines[k].rect.x0).collect();
        let mut rights: Vec<f64> = refs.iter().filter(|&&k| !ends_at_gap(&lines[k])).map(|&k| lines[k].rect.x1).collect();
        let edges = if refs.len() >= MIN_EDGE_LINES && lefts.len() >= 2 && rights.len() >= 2 {
            lefts.sort_by(f64::total_cmp);
            rights.sort_by(|a, b| b.total_cmp(a));
            Some((lefts[(lefts.len() / EDGE_RANK).min(2)], rights[(rights.len() / EDGE_RANK).min(2)]))
        } else if lines[i].thickness < LOCAL_BODY_RATIO * local_h {
            grid_edges(lines, &refs, ctx, m)
        } else {
            None
        };
        let heads_its_leaf = (i + 1..lines.len()).take_while(|&k| ctx.leaf[k] == ctx.leaf[i]).count() >= 2;
        let l = &mut lines[i];
        let spans = edges.is_some_and(|(left, right)| l.rect.x0 <= left + 0.5 * m.pitch && l.rect.x1 >= right - FILL_SLACK * m.pitch);
        if l.thickness >= LOCAL_BODY_RATIO * local_h && ratio(l, m) >= SUBHEAD_MIN_RATIO && em(&l.text) <= SUBHEAD_MAX_EM && !l.text.contains('。') && !spans {
            // A line thick enough for the XY-cut to cut it off as a heading is cut
            // off from the lines under it, so it heads no leaf of its own.
            if ctx.opens_band[i] && (heads_its_leaf || ratio(l, m) >= CUT_HEADING_RATIO) {
                heading[i] = true;
            } else {
                l.bold = true;
            }
            continue;
        }
        if let Some((left, right)) = edges {
            let chars = ((l.rect.x0 - left) / m.pitch + INDENT_ROUNDING).floor().clamp(0.0, MAX_INDENT_CHARS) as usize;
            l.indent = if starts_at_gap(l) { 0 } else { 2 * chars };
            l.fills_column = Some(right - l.rect.x1 < FILL_SLACK * m.pitch);
        }
        if ends_at_gap(l) {
            // The detector merged the line with the next column's because its text ran
            // to the gap: it fills its column.
            l.fills_column = Some(true);
        }
    }
    heading
}

/// Whether `l`, read right after the heading-sized line `head`, is a display line set
/// under it across a gutter: it starts flush with the heading (within a character),
/// stands at most [`KICKER_GAP`] `H` under it, is wider than a column by a character
/// or more (no body line is: it would cross the gutter), holds at most
/// [`HEADING_MAX_EM`] characters (local 人民日报 RapidOCR h014: 28) and no clause mark,
/// and is no part of a box split at
/// a gap (eval rapidocr h014: 三支巡回医疗队两个月走遍十一个乡镇, body-sized, under
/// a two-line headline over two columns, read as the first paragraph).
pub(super) fn under_heading_across(head: &PrintedLine, l: &PrintedLine, ctx: &Context, m: Metrics) -> bool {
    !l.vertical
        && is_heading_size(head, m)
        && !starts_at_gap(l)
        && !ends_at_gap(l)
        && (l.rect.x0 - head.rect.x0).abs() <= m.pitch
        && l.rect.y0 >= head.rect.cy()
        && l.rect.y0 - head.rect.y1 <= KICKER_GAP * m.line_height
        && l.rect.width() >= ctx.column_width + m.pitch
        && em(&l.text) <= HEADING_MAX_EM
        && !l.text.contains(['。', '，', '；', '、', '：'])
}

/// The edges of a column too short to give its own (fewer than three lines: an
/// article's last lines alone in a column) from the page's column grid: the left edge
/// is the right side of a gap at most four and a half characters left of the lines
/// `refs`, the right edge the left side of a gap at or right of their right end within
/// one column width (or of the gap their right end is in, at most [`OVERHANG_MAX`] `P`
/// past it, when the line reaching furthest ends in a mark: a closing mark hanging into
/// the gutter; local 人民日报 RapidOCR h012); a missing edge is one column width from
/// the other (the first or last column of a region). `None` when neither gap is there.
pub(super) fn grid_edges(lines: &[PrintedLine], refs: &[usize], ctx: &Context, m: Metrics) -> Option<(f64, f64)> {
    let x0 = refs.iter().map(|&k| lines[k].rect.x0).fold(f64::INFINITY, f64::min);
    let x1 = refs.iter().map(|&k| lines[k].rect.x1).fold(f64::NEG_INFINITY, f64::max);
    let left = ctx.grid.iter().map(|g| g.right).filter(|&r| r <= x0 + COLUMN_EDGE_SLACK * m.pitch && x0 - r <= CONTINUES_INDENT * m.pitch).fold(f64::NEG_INFINITY, f64::max);
    // The line reaching furthest right may end inside the gap past it when it ends in a
    // mark: a closing mark hanging into the gutter.
    let hangs = refs
        .iter()
        .max_by(|&&a, &&b| lines[a].rect.x1.total_cmp(&lines[b].rect.x1))
        .is_some_and(|&k| lines[k].text.chars().next_back().is_some_and(crate::rules::chars::is_cjk_punct));
    let right = ctx
        .grid
        .iter()
        .filter(|g| g.left >= x1 - FILL_SLACK * m.pitch || (hangs && g.left < x1 && x1 <= g.right + OVERHANG_MAX * m.pitch))
        .map(|g| g.left)
        .filter(|&l| l - x0 <= ctx.column_width + FILL_SLACK * m.pitch)
        .fold(f64::INFINITY, f64::min);
    match (left.is_finite(), right.is_finite()) {
        (true, true) => Some((left, right)),
        (true, false) => Some((left, left + ctx.column_width)),
        (false, true) => Some((right - ctx.column_width, right)),
        (false, false) => None,
    }
}

/// The line's left end is at a column gap where a box was split.
pub(super) fn starts_at_gap(l: &PrintedLine) -> bool {
    l.pieces.first().is_some_and(|p| p.cut_left)
}

/// The line's right end is at a column gap where a box was split.
pub(super) fn ends_at_gap(l: &PrintedLine) -> bool {
    l.pieces.last().is_some_and(|p| p.cut_right)
}

/// Heading levels by rank of thickness among the page's headings: level 1 for the
/// thickest, a new level wherever a heading is 15% thinner than the thickest of the
/// level above.
pub(super) fn rank_headings(lines: &mut [PrintedLine], heading: &[bool]) {
    let mut sizes: Vec<f64> = (0..lines.len()).filter(|&i| heading[i]).map(|i| lines[i].thickness).collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    let mut tops: Vec<f64> = Vec::new();
    for s in sizes {
        if tops.last().is_none_or(|&t| s < LEVEL_STEP * t) {
            tops.push(s);
        }
    }
    for i in (0..lines.len()).filter(|&i| heading[i]) {
        let level = tops.iter().filter(|&&t| lines[i].thickness < LEVEL_STEP * t).count() + 1;
        lines[i].heading = Some(level.min(MAX_HEADING_LEVEL) as u8);
    }
}

/// Uses the region labels a format gives ([`crate::read::boxes::OcrBox::hint`]: MinerU,
/// PP-Structure, PAGE, dots.ocr, marker) as evidence beside size and position. `hints`
/// gives each box index's hint (`None` when its boxes disagree); a line takes a hint
/// when every piece of it has that hint. A line labelled *furniture* (a running head,
/// a footer, a page number) is page furniture ([`PrintedLine::margin`]) whatever its
/// size: not a heading, not bold. *Heading* labels change nothing: on
/// `../shared/realpages/formats` a heading label read as a heading candidate (a heading
/// from 1.42 `H`, a bold line under it) made a person's name in MinerU's front matter
/// the headline of a new article and joined a marker section header to the paragraph
/// over it. *Caption* labels go on to the text stages ([`caption_labels`]), which
/// weigh them against the line's text and size.
pub(super) fn apply_hints(lines: &mut [PrintedLine], heading: &mut [bool], hints: &std::collections::HashMap<usize, Option<LayoutHint>>) {
    for (i, l) in lines.iter_mut().enumerate() {
        if hinted(l, hints, LayoutHint::Furniture) {
            l.margin = true;
            l.bold = false;
            l.heading = None;
            heading[i] = false;
        }
    }
}

/// Marks the lines every piece of which comes from a box its format labelled a caption
/// ([`LayoutHint::Caption`]; `hints` as for [`apply_hints`]): [`PrintedLine::caption_label`],
/// evidence the text stages weigh (`stages::classify`). Run once the lines are joined,
/// so that a line joined from a labelled and an unlabelled box is not marked.
pub(super) fn caption_labels(lines: &mut [PrintedLine], hints: &std::collections::HashMap<usize, Option<LayoutHint>>) {
    for l in lines.iter_mut() {
        l.caption_label = hinted(l, hints, LayoutHint::Caption);
    }
}

/// Whether every piece of `l` (one at least) has the hint `hint` in `hints`.
fn hinted(l: &PrintedLine, hints: &std::collections::HashMap<usize, Option<LayoutHint>>, hint: LayoutHint) -> bool {
    !l.pieces.is_empty() && l.pieces.iter().all(|p| hints.get(&p.box_index).copied().flatten() == Some(hint))
}
