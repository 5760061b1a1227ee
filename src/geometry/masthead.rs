//! The masthead of a front page and what is printed around it: the paper's name in a
//! few huge characters, the furniture under it (publisher, issue line, date) and a
//! quotation box in the ear beside it.

use super::*;

/// Finds a masthead and makes it page furniture with what is printed under it, and
/// marks a quotation box beside it as a quote; the furniture is then read first and
/// the box next (a stable sort), so that the lines of the box, interleaved with the
/// furniture row by row or cut into columns with the text under it, are read in one run.
/// `heading` is the heading flag of each line (as [`assign_roles`] gives it), cleared
/// for what becomes furniture or quote.
///
/// - **Masthead:** a heading line (or several: the detector may read the name in
///   single characters) of at most [`MASTHEAD_MAX_EM`] Han characters and nothing
///   else, spaces not counted (local 人民日报 Tesseract h009: a photo read as 局/尿和）),
///   starting in the top [`MASTHEAD_TOP`] of the text, at least [`MASTHEAD_RATIO`] times
///   as thick as the thickest other heading (a page with no other heading has no
///   masthead told apart: a brief page's title 财 贸 动 态 stays its headline).
/// - **Its furniture:** every other line inside the masthead's sides (a character of
///   slack), starting under its middle and ending at most [`MASTHEAD_DEPTH`] masthead
///   thicknesses under it and over the first heading of [`HEADING_RATIO`] or more
///   under it: the publisher, the issue line (第9期 本期6版, 第四期), the date, the
///   创刊 line. Reading what they say (`page.date`) is the furniture rules' job. A
///   name with no such line under it is not told apart (a leaflet's 最高指示 over its
///   quotation, `../shared/realpages/bha21-leaflets`).
/// - **The quotation box beside it:** the lines wholly left or right of the masthead,
///   those starting over its bottom, and, top down, each line starting at most
///   [`EAR_GAP`] line heights under the box so far and overlapping it across, over
///   the same bound: a front page's ear (毛主席语录, 最高指示 and the quotation), a
///   `quote` block in the contract's kinds, not an article with a headline. A side
///   holding a horizontal line of [`HEADING_RATIO`] or more holds an article (its
///   headline), and is left as it is.
///
/// Source: the tabloid front pages of `../shared/realpages/bha25-tabloids` (1966–1976),
/// where each of these became an article's headline or kicker.
pub(super) fn mastheads(lines: &mut Vec<PrintedLine>, heading: &mut Vec<bool>, m: Metrics) {
    let (Some(top), Some(bottom)) = (
        lines.iter().map(|l| l.rect.y0).min_by(f64::total_cmp),
        lines.iter().map(|l| l.rect.y1).max_by(f64::total_cmp),
    ) else {
        return;
    };
    let short = |i: usize| {
        let l = &lines[i];
        let name: String = l.text.chars().filter(|&c| !crate::rules::chars::is_space(c)).collect();
        heading[i]
            && !l.vertical
            && name.chars().all(is_han)
            && em(&name) <= MASTHEAD_MAX_EM
            && l.rect.y0 <= top + MASTHEAD_TOP * (bottom - top)
    };
    let Some(reference) = (0..lines.len()).filter(|&i| heading[i] && !short(i)).map(|i| lines[i].thickness).max_by(f64::total_cmp) else {
        return;
    };
    let names: Vec<usize> = (0..lines.len()).filter(|&i| short(i) && lines[i].thickness >= MASTHEAD_RATIO * reference).collect();
    let Some(name) = names.iter().map(|&i| lines[i].rect).reduce(|a, b| a.union(&b)) else {
        return;
    };
    let thickest = names.iter().map(|&i| lines[i].thickness).fold(0.0, f64::max);
    let under = |l: &PrintedLine| l.rect.y0 >= name.y1 - m.line_height && l.rect.x_overlap(&name) > 0.0;
    let floor = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| !names.contains(&i) && ratio(l, m) >= HEADING_RATIO && !l.vertical && under(l))
        .map(|(_, l)| l.rect.y0)
        .fold(name.y1 + MASTHEAD_DEPTH * thickest, f64::min);
    let mut furniture: Vec<bool> = (0..lines.len()).map(|i| names.contains(&i)).collect();
    for (i, l) in lines.iter().enumerate() {
        if l.rect.x0 >= name.x0 - m.pitch && l.rect.x1 <= name.x1 + m.pitch && l.rect.y0 >= name.cy() && l.rect.y1 <= floor {
            furniture[i] = true;
        }
    }
    // A name with nothing printed under it is a display label (最高指示 over a
    // quotation: a leaflet of `../shared/realpages/bha21-leaflets`), not a masthead.
    if furniture.iter().filter(|&&f| f).count() == names.len() {
        return;
    }
    // The ear: lines wholly beside the masthead, chained down from its height.
    let beside = |l: &PrintedLine| (l.rect.x1 <= name.x0 || l.rect.x0 >= name.x1) && l.rect.y1 <= floor;
    for side in [true, false] {
        let on_side = |l: &PrintedLine| beside(l) && (l.rect.x1 <= name.x0) == side;
        let mut ear: Option<Rect> = None;
        let mut members = Vec::new();
        let mut order: Vec<usize> = (0..lines.len()).filter(|&i| !furniture[i] && on_side(&lines[i])).collect();
        order.sort_by(|&a, &b| lines[a].rect.y0.total_cmp(&lines[b].rect.y0));
        for i in order {
            let r = lines[i].rect;
            let joins = r.y0 <= name.y1 || ear.is_some_and(|e| r.y0 <= e.y1 + EAR_GAP * m.line_height && r.x_overlap(&e) > 0.0);
            if joins {
                ear = Some(ear.map_or(r, |e| e.union(&r)));
                members.push(i);
            }
        }
        // A headline beside the masthead: an article, not a quotation box.
        if members.iter().any(|&i| !lines[i].vertical && ratio(&lines[i], m) >= HEADING_RATIO) {
            continue;
        }
        for i in members {
            let l = &mut lines[i];
            l.quote = true;
            l.margin = false;
            l.heading = None;
            l.bold = false;
            heading[i] = false;
        }
    }
    for (i, l) in lines.iter_mut().enumerate().filter(|(i, _)| furniture[*i]) {
        l.margin = true;
        l.heading = None;
        l.bold = false;
        l.quote = false;
        heading[i] = false;
    }
    // The furniture first, then the quotation box, each in its order; then the rest.
    let mut taken: Vec<(u8, PrintedLine, bool)> = lines
        .drain(..)
        .zip(heading.drain(..))
        .enumerate()
        .map(|(i, (l, h))| (if furniture[i] { 0 } else if l.quote { 1 } else { 2 }, l, h))
        .collect();
    taken.sort_by_key(|(rank, _, _)| *rank);
    for (_, l, h) in taken {
        lines.push(l);
        heading.push(h);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::OcrBox;

    fn bx(v: &mut Vec<OcrBox>, text: &str, x0: f64, y0: f64, x1: f64, y1: f64) {
        v.push(OcrBox::new(v.len(), text, vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]).unwrap());
    }

    const QUOTE: [&str; 4] = ["一切工作都要从实际出", "发，要同群众商量，要", "把群众的意见集中起来", "再到群众中去坚持下去"];

    /// A tabloid front page (invented text; `H` = `P` = 40): a masthead of four
    /// characters `name_thickness` thick at the top, its publisher, issue line and date
    /// under it (when `furniture`), a quotation box left of it (its label, four lines
    /// of quotation, interleaved in input order with the furniture), a headline 2 `H`
    /// thick and two columns of body under it.
    fn front_page(name_thickness: f64, furniture: bool, ear_head: bool) -> BoxPage {
        let mut v = Vec::new();
        bx(&mut v, "星火快讯", 700.0, 40.0, 1500.0, 40.0 + name_thickness);
        bx(&mut v, "毛主席语录", 230.0, 60.0, 430.0, 110.0);
        for (k, q) in QUOTE.iter().enumerate() {
            let y = 120.0 + 50.0 * k as f64;
            if ear_head && k == 0 {
                bx(&mut v, "农机修配厂", 100.0, y, 500.0, y + 80.0);
                continue;
            }
            bx(&mut v, q, 100.0, y, 500.0, y + 40.0);
            if furniture && k == 3 {
                bx(&mut v, "星火公社革命委员会编印", 800.0, 260.0, 1240.0, 300.0);
                bx(&mut v, "第七期本期两版", 800.0, 310.0, 1080.0, 350.0);
                bx(&mut v, "一九七零年三月八日", 800.0, 360.0, 1160.0, 400.0);
            }
        }
        bx(&mut v, "全社春耕生产全面展开", 300.0, 520.0, 1300.0, 600.0);
        for row in 0..8 {
            let y = 640.0 + 50.0 * row as f64;
            bx(&mut v, "各大队抓紧时间修好农具积好肥料，", 100.0, y, 700.0, y + 40.0);
            bx(&mut v, "社员们起早贪黑把秧田整得平平整整", 800.0, y, 1400.0, y + 40.0);
        }
        BoxPage { boxes: v, width: 1600.0, height: 1200.0, unit: Default::default() }
    }

    fn texts(r: &Recovered) -> Vec<&str> {
        r.lines.iter().map(|l| l.text.as_str()).collect()
    }

    fn quotes(r: &Recovered) -> Vec<&str> {
        r.lines.iter().filter(|l| l.quote).map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn a_masthead_and_its_furniture_are_read_first_as_furniture_and_the_box_beside_it_as_a_quote() {
        let r = recover(&front_page(200.0, true, false));
        let furniture: Vec<&str> = r.lines.iter().filter(|l| l.margin).map(|l| l.text.as_str()).collect();
        assert_eq!(furniture, ["星火快讯", "星火公社革命委员会编印", "第七期本期两版", "一九七零年三月八日"]);
        assert_eq!(&texts(&r)[..4], &furniture[..]);
        let quote: Vec<&str> = r.lines.iter().filter(|l| l.quote).map(|l| l.text.as_str()).collect();
        assert_eq!(quote, ["毛主席语录", QUOTE[0], QUOTE[1], QUOTE[2], QUOTE[3]]);
        assert_eq!(&texts(&r)[4..9], &quote[..]);
        assert!(r.lines[..9].iter().all(|l| l.heading.is_none() && !l.bold));
        assert_eq!(r.lines[9].text, "全社春耕生产全面展开");
        assert_eq!(r.lines[9].heading, Some(1));
        assert!(r.lines[10..].iter().all(|l| !l.margin && !l.quote));
        assert_eq!(r.lines.len(), 26);
    }

    #[test]
    fn a_short_top_heading_not_half_again_as_thick_as_the_headline_is_no_masthead() {
        // 110 px: 1.375 times the 80 px headline.
        let r = recover(&front_page(110.0, true, false));
        assert!(r.lines.iter().all(|l| !l.margin));
        // The box is still a quote under its label (`quotebox`), read where it stands.
        assert_eq!(quotes(&r), ["毛主席语录", QUOTE[0], QUOTE[1], QUOTE[2], QUOTE[3]]);
        let name = r.lines.iter().find(|l| l.text == "星火快讯").unwrap();
        assert_eq!(name.heading, Some(1));
    }

    #[test]
    fn a_huge_label_with_nothing_printed_under_it_is_no_masthead() {
        let r = recover(&front_page(200.0, false, false));
        assert!(r.lines.iter().all(|l| !l.margin));
        assert_eq!(quotes(&r), ["毛主席语录", QUOTE[0], QUOTE[1], QUOTE[2], QUOTE[3]]);
        assert_eq!(r.lines.iter().find(|l| l.text == "星火快讯").unwrap().heading, Some(1));
    }

    #[test]
    fn a_headline_beside_the_masthead_is_no_quotation_box() {
        let r = recover(&front_page(200.0, true, true));
        assert_eq!(r.lines.iter().filter(|l| l.margin).count(), 4);
        assert!(r.lines.iter().all(|l| !l.quote));
        assert!(r.lines.iter().find(|l| l.text == "农机修配厂").unwrap().heading.is_some());
    }
}
