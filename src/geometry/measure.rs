//! Steps 1 and 2: measuring the page (body line height `H`, pitch `P`, line gap)
//! and telling page noise.

use super::*;

/// Body line height and character pitch over horizontal boxes of four characters or
/// more (vertical ones on a page set vertically; over all boxes when those are fewer
/// than a fifth of them: a page read character by character).
pub(super) fn measure(pieces: &[Piece], vertical_page: bool) -> (f64, f64) {
    let body: Vec<&Piece> = pieces.iter().filter(|p| p.vertical == vertical_page && p.chars() >= MIN_BODY_CHARS).collect();
    let pool: Vec<&Piece> = if body.len() * CHAR_BY_CHAR_SHARE < pieces.len() || body.is_empty() { pieces.iter().collect() } else { body };
    let h = median(pool.iter().map(|p| p.thickness).collect()).unwrap_or(1.0).max(MIN_MEASURE);
    let pitch = median(
        pool.iter()
            .filter(|p| p.em() > 0.0)
            .map(|p| (if p.vertical { p.rect.height() } else { p.rect.width() }) / p.em())
            .collect(),
    )
    .unwrap_or(h)
    .max(MIN_MEASURE);
    (h, pitch)
}

pub(super) fn is_body_like(p: &Piece, h: f64) -> bool {
    !p.vertical && p.chars() >= MIN_BODY_CHARS && p.thickness >= BODY_MIN_RATIO * h && p.thickness <= BODY_MAX_RATIO * h
}

/// The rectangle of the body lines, grown by one and a half line heights (room for a
/// short last line under the last body line). On a page set vertically, the heading
/// columns count as body lines too (any vertical box of four characters or more at
/// least [`BODY_MIN_RATIO`] `H` thick): a headline column often stands right of the
/// body's first column, on the page's edge, and a short author name under it was taken
/// for debris outside the area (local 申報 vertical v002).
pub(super) fn text_area(pieces: &[Piece], h: f64, vertical_page: bool) -> Option<Rect> {
    let body = |p: &&Piece| {
        if vertical_page {
            p.vertical && p.chars() >= MIN_BODY_CHARS && p.thickness >= BODY_MIN_RATIO * h
        } else {
            is_body_like(p, h)
        }
    };
    let r = pieces.iter().filter(body).map(|p| p.rect).reduce(|a, b| a.union(&b))?;
    let g = TEXT_AREA_MARGIN * h;
    Some(Rect { x0: r.x0 - g, y0: r.y0 - g, x1: r.x1 + g, y1: r.y1 + g })
}

/// A short box is page noise when it is tiny, outside the text area, or holds neither
/// a Han character nor only digits; on a page set vertically a box of CJK punctuation
/// alone in the text area is the last of a paragraph's column (。 run over), not noise.
pub(super) fn is_noise(p: &Piece, h: f64, area: Option<&Rect>, vertical_page: bool) -> bool {
    if is_rule_debris(p, h) {
        return true;
    }
    if p.chars() > NOISE_MAX_CHARS {
        return false;
    }
    let tiny = p.thickness < NOISE_TINY * h;
    let outside = area.is_some_and(|a| p.rect.cx() < a.x0 || p.rect.cx() > a.x1 || p.rect.cy() < a.y0 || p.rect.cy() > a.y1);
    let run_over_mark = vertical_page && p.text.chars().all(crate::rules::chars::is_cjk_punct);
    let wordless = !(p.text.chars().any(is_han) || p.text.chars().all(|c| c.is_ascii_digit()) || run_over_mark);
    tiny || outside || wordless || is_rule_read_as_text(p, h)
}

/// A horizontal box of at most [`DEBRIS_MAX_CHARS`] characters, none of them Han and at
/// least half of them digits, less than [`DEBRIS_RATIO`] `H` thick: a box rule or border
/// the engine read as a run of digits and strokes (a tabloid of
/// `../shared/realpages/bha25-tabloids`: `21117T17`, 0.3 `H`, the bottom rule of a
/// quotation box, was glued to the quotation's last line). Words are kept: a layout
/// format's one-line section title (`Abstract`) is as thin beside its paragraph blocks.
fn is_rule_debris(p: &Piece, h: f64) -> bool {
    let digits = p.text.chars().filter(char::is_ascii_digit).count();
    !p.vertical && p.chars() <= DEBRIS_MAX_CHARS && p.thickness < DEBRIS_RATIO * h && !p.text.chars().any(is_han) && 2 * digits >= p.chars()
}

/// A short horizontal box thinner than body text ([`BODY_MIN_RATIO`] `H`) and far
/// wider than its characters can be ([`RULE_WIDTH`] thicknesses per character): a
/// rule or border the engine read as a character.
fn is_rule_read_as_text(p: &Piece, h: f64) -> bool {
    !p.vertical && p.thickness < BODY_MIN_RATIO * h && p.rect.width() > RULE_WIDTH * p.thickness * p.chars().max(1) as f64
}

/// A box the engine all but failed to read: at most [`UNREAD_MAX_CHARS`] characters,
/// read with a confidence under [`UNREAD_CONFIDENCE`]. Tesseract, told a page's true
/// resolution, reads photos, ornaments and rules as short runs of wrong characters
/// (committed page h015: `本生二3一`, mean confidence 0.14), and such runs became kickers
/// and subheadlines.
pub(super) fn is_unread(p: &Piece, confidence: Option<f64>) -> bool {
    p.chars() <= UNREAD_MAX_CHARS && confidence.is_some_and(|c| c < UNREAD_CONFIDENCE)
}

/// A horizontal box lying inside a horizontal heading box (at least
/// [`CUT_HEADING_RATIO`] `H` thick) at least [`GHOST_HOST_RATIO`] times as thick as
/// it: [`GHOST_OVERLAP`] of its area or more within the heading's box. The engine read
/// part of the heading's ink a second time as a thin line of wrong characters
/// (Tesseract on the committed page h004: the top half of a 51 px headline read again as
/// a 21 px line of ten wrong characters, which became the kicker). Printed text is not
/// set inside a heading line twice its size.
///
/// The heading's box must be upright (its rectangle at most [`GHOST_UPRIGHT`] times its
/// thickness: the rectangle of a tilted box covers the lines above and below it, as
/// PaddleOCR's boxes of a skewed leaflet scan in bha21-leaflets, 156 px rectangles of
/// 92 px lines) and set its characters about square (an advance per em of at most
/// [`GHOST_HOST_PITCH`] thicknesses: a box made thick by one tall garbage word is no
/// heading, as Tesseract's `ee結構` on the committed page h024, 62 px thick for 86 px
/// per em, over a real body line). Only on pages set across (a run of digits set across
/// inside a vertical column is text). Returns one flag per piece of `pieces`.
pub(super) fn ghosts(pieces: &[Piece], h: f64) -> Vec<bool> {
    let host = |q: &&Piece| {
        let upright = q.rect.height() <= GHOST_UPRIGHT * q.thickness;
        let square = q.em() > 0.0 && q.rect.width() / q.em() <= GHOST_HOST_PITCH * q.thickness;
        q.heading_sized(h) && upright && square
    };
    let heads: Vec<&Piece> = pieces.iter().filter(host).collect();
    pieces
        .iter()
        .map(|p| {
            let area = p.rect.width() * p.rect.height();
            !p.vertical
                && area > 0.0
                && heads.iter().any(|q| {
                    let y_overlap = (p.rect.y1.min(q.rect.y1) - p.rect.y0.max(q.rect.y0)).max(0.0);
                    q.thickness >= GHOST_HOST_RATIO * p.thickness && p.rect.x_overlap(&q.rect) * y_overlap >= GHOST_OVERLAP * area
                })
        })
        .collect()
}

/// Median gap between a body line and the nearest body line under it that overlaps it
/// by half its width (within 2.5 line heights).
pub(super) fn line_gap(pieces: &[Piece], h: f64) -> f64 {
    let mut body: Vec<&Piece> = pieces.iter().filter(|p| is_body_like(p, h)).collect();
    body.sort_by(|a, b| a.rect.cy().total_cmp(&b.rect.cy()));
    let mut gaps = Vec::new();
    for (i, a) in body.iter().enumerate() {
        let below = body[i + 1..]
            .iter()
            .take_while(|b| b.rect.cy() - a.rect.cy() <= LINE_GAP_REACH * h)
            .find(|b| b.rect.cy() > a.rect.cy() + 0.5 * h && a.rect.x_overlap(&b.rect) >= 0.5 * a.rect.width().min(b.rect.width()));
        if let Some(b) = below {
            gaps.push(b.y_extent().0 - a.y_extent().1);
        }
    }
    median(gaps).unwrap_or(DEFAULT_LINE_GAP * h)
}
