//! Stage 4: classified lines to units (blocks in the making), broken lines joined.
//!
//! This module owns joining: a paragraph hard-wrapped at the column width, and a
//! paragraph broken by a blank line in the middle of a word, are joined back without
//! inserting spaces between CJK characters. Two real paragraphs are never joined: a
//! line that ends a sentence and is short of the column width, a line followed by an
//! indented line, a Markdown hard break, or a numbered or credited next line ends its
//! paragraph. It also takes jump markers out of the joined text, and merges an issuing
//! body and the date under it into one signature.

use crate::stages::limits::*;
use crate::rules::BlockFacts;
use crate::rules::byline::Credit;
use crate::lines::Layout;
use crate::rules::numbering::{brief_item, editor_note};
use crate::stages::classify::{Role, photo_noise};
use crate::rules::furniture::{Facts, quotation_label};
use crate::rules::jump;
use crate::lines::Line;
use crate::model::Jump;
use crate::rules::lexicon::table::{CLOSING_FORMULAS, ORG_SUFFIXES, WIRE_AGENCIES};
use crate::rules::chars::{PrintedDate, ends_sentence, find_date};

/// What a unit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitKind {
    /// A headline, kicker, subheadline or subhead candidate.
    Display,
    /// A paragraph of article text (possibly starting with a credit).
    Body,
    /// 图片说明.
    Caption,
    /// 落款: issuing body and/or date after a body.
    Signature(Option<PrintedDate>),
    /// A credit line.
    Credit(Box<Credit>),
    /// A printed date line.
    DateLine(PrintedDate),
    /// Jump markers alone.
    Jump,
    /// Page furniture or front matter.
    Furniture(Facts),
    /// Not text.
    Noise,
    /// A line printed twice: the copy not kept ([`Role::Repeat`]).
    Repeat,
}

/// A block in the making.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// What it is.
    pub kind: UnitKind,
    /// Its text: lines joined, Markdown markers and jump markers removed.
    pub text: String,
    /// The text as printed (lines joined with "\n"), for `removed`.
    pub printed: String,
    /// 1-based input line span.
    pub lines: [usize; 2],
    /// Markdown heading level of its first line.
    pub heading: Option<u8>,
    /// Whole-line bold.
    pub bold: bool,
    /// Markdown quote.
    pub quote: bool,
    /// List bullet.
    pub bullet: bool,
    /// Jump markers taken out of it.
    pub jumps: Vec<Jump>,
    /// A blank line stood before it.
    pub after_blank: bool,
    /// Two or more blank lines stood before it on a page whose paragraphs are one
    /// blank line apart ([`article_gaps`]): the wider gap a page sets between articles.
    pub after_gap: bool,
    /// A display line of a hard-wrapped text page wider than the body column
    /// ([`Line::exceeds`]): set across columns, a headline rather than a subhead.
    pub wide: bool,
    /// A display line with a blank line before it on a page whose paragraphs follow one
    /// another with no blank line between them ([`tight_paragraphs`]): set apart as the
    /// page sets a headline apart, not as it sets a paragraph or a subhead.
    pub set_apart: bool,
    /// A display line under a photo: a line of photo noise ([`photo_noise`]) stands above
    /// it, with at most blank lines between. A one-column page sets a photo over an
    /// article's title, not over a subhead (issue 13, local 人民日报 Tesseract text).
    pub under_photo: bool,
    /// Its facts record ([`BlockFacts`]: leading credit, list number), read once from `text`
    /// when it is complete, for the units whose text becomes a block (bodies, captions,
    /// signatures, display and date lines; empty for the others); a unit that is its one
    /// line's text takes the record that line read ([`Line::facts`]); the block made from
    /// the unit takes it over.
    pub facts: BlockFacts,
}

impl Unit {
    fn from_line(kind: UnitKind, line: &Line, after_blank: bool) -> Unit {
        Unit {
            kind,
            text: line.text.clone(),
            printed: line.text.clone(),
            lines: [line.no, line.no],
            heading: line.heading,
            bold: line.bold,
            quote: line.quote,
            bullet: line.bullet,
            jumps: Vec::new(),
            after_blank,
            after_gap: false,
            wide: false,
            set_apart: false,
            under_photo: false,
            facts: BlockFacts::default(),
        }
    }
}

/// Groups classified lines into units, joining broken paragraphs.
pub fn assemble(lines: &[Line], roles: &[Role], layout: Layout) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut blank_before = false;
    let gaps = article_gaps(lines);
    let tight = tight_paragraphs(lines, roles, layout);
    // Blank lines since the last text line.
    let mut blanks = 0usize;
    // The last line that was not blank was photo noise.
    let mut photo_above = false;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let after_gap = gaps && blanks >= 2;
        let under_photo = std::mem::replace(&mut photo_above, false);
        if let Some((k, credit)) = split_dispatch(lines, roles, i) {
            let text = credit.byline.clone();
            let mut u = Unit::from_line(UnitKind::Credit(Box::new(credit)), line, blank_before);
            u.text = text;
            u.printed.push('\n');
            u.printed.push_str(&lines[k].text);
            u.lines[1] = lines[k].no;
            units.push(Unit { after_gap, ..u });
            blank_before = false;
            blanks = 0;
            i = k + 1;
            continue;
        }
        let unit = match &roles[i] {
            Role::Blank | Role::Markup => {
                photo_above = under_photo;
                blank_before = true;
                // A line of Markdown syntax alone ("###") is no blank line.
                blanks += usize::from(roles[i] == Role::Blank);
                i += 1;
                continue;
            }
            Role::FrontMatter(f) | Role::Furniture(f) => Unit::from_line(UnitKind::Furniture(f.clone()), line, blank_before),
            Role::Image | Role::Noise => {
                photo_above = roles[i] == Role::Noise && photo_noise(&line.text);
                Unit::from_line(UnitKind::Noise, line, blank_before)
            }
            Role::Repeat => {
                units.push(Unit::from_line(UnitKind::Repeat, line, blank_before));
                i += 1;
                continue;
            }
            Role::Jump => {
                let mut u = Unit::from_line(UnitKind::Jump, line, blank_before);
                let (rest, jumps) = jump::extract(&line.text);
                u.text = rest;
                u.jumps = jumps;
                u
            }
            Role::Credit(c, citation) => {
                if let Some(r) = citation {
                    let facts = crate::rules::furniture::read(&line.text[r.clone()], false).unwrap_or_default();
                    let mut f = Unit::from_line(UnitKind::Furniture(facts), line, blank_before);
                    f.text = line.text[r.clone()].to_string();
                    f.printed = f.text.clone();
                    units.push(f);
                }
                let mut u = Unit::from_line(UnitKind::Credit(c.clone()), line, blank_before);
                u.text = c.byline.clone();
                u
            }
            Role::DateLine(d) => Unit::from_line(UnitKind::DateLine(*d), line, blank_before),
            Role::Caption => {
                // A caption wrapped over two lines or more is one caption: an open line
                // goes on in the text line right under it. Not for OCR box lines, which
                // have no blank lines to end a caption (the geometry groups them). A line
                // its layout tool labelled a caption goes on only in the next labelled one
                // of its band ([`Line::caption_label`]).
                let mut u = Unit::from_line(UnitKind::Caption, line, blank_before);
                let mut k = i + 1;
                let goes_on = |k: usize| match line.caption_label {
                    true => lines[k].caption_label && roles[k] == Role::Caption && !lines[k - 1].hard_break,
                    false => line.fills_column.is_none() && matches!(roles[k], Role::Caption | Role::Body | Role::Display),
                };
                while k < lines.len()
                    && goes_on(k)
                    && !ends_sentence(&u.text)
                    && lines[k].facts().credit.is_none()
                {
                    join_into(&mut u.text, &lines[k].text);
                    u.printed.push('\n');
                    u.printed.push_str(&lines[k].text);
                    u.lines[1] = lines[k].no;
                    k += 1;
                }
                units.push(Unit { after_gap, ..u });
                blank_before = false;
                blanks = 0;
                i = k;
                continue;
            }
            Role::Display => Unit {
                wide: line.exceeds(layout.column_width, OVER_COLUMN),
                set_apart: tight && blank_before,
                under_photo,
                ..Unit::from_line(UnitKind::Display, line, blank_before)
            },
            Role::Body => {
                let (unit, next, repeats) = paragraph(lines, roles, i, layout, blank_before, gaps);
                units.push(Unit { after_gap, ..unit });
                units.extend(repeats.into_iter().map(|k| Unit::from_line(UnitKind::Repeat, &lines[k], false)));
                blank_before = false;
                blanks = 0;
                i = next;
                continue;
            }
        };
        units.push(Unit { after_gap, ..unit });
        blank_before = false;
        blanks = 0;
        i += 1;
    }
    merge_signatures(&mut units);
    for u in &mut units {
        if matches!(u.kind, UnitKind::Body | UnitKind::Caption | UnitKind::Signature(_) | UnitKind::Display | UnitKind::DateLine(_)) {
            // A unit that is its one line's text, as printed, has that line's facts, read
            // once (classify asked the line's credit already).
            let line = (u.lines[0] == u.lines[1]).then(|| u.lines[0].checked_sub(1).and_then(|i| lines.get(i))).flatten();
            u.facts = match line.filter(|l| l.no == u.lines[0] && l.text == u.text) {
                Some(l) => l.facts().clone(),
                None => BlockFacts::read(&u.text),
            };
        }
    }
    units
}

/// A dispatch tag the OCR split over two lines (issue 13, 申報): line `i` is nothing but
/// a dispatch's opening, the paper's own ([`OWN_DISPATCH`](crate::rules::byline::OWN_DISPATCH)) or a wire agency
/// ([`WIRE_AGENCIES`]), and the next text line (blank lines between allowed) completes
/// it: a place and 電 / 电, a date possibly ("九江電", "南京五日電"), no credit of its own.
/// Returns that line's index and the one dispatch credit the two make.
fn split_dispatch(lines: &[Line], roles: &[Role], i: usize) -> Option<(usize, Credit)> {
    let head = crate::rules::chars::trim(&lines[i].text);
    if roles[i] != Role::Display || !(crate::rules::byline::OWN_DISPATCH.contains(&head) || WIRE_AGENCIES.contains(&head)) {
        return None;
    }
    let k = (i + 1..lines.len()).find(|&k| !matches!(roles[k], Role::Blank | Role::Markup))?;
    let tail = crate::rules::chars::trim(&lines[k].text);
    if !matches!(roles[k], Role::Display | Role::Body) || !tail.ends_with(['電', '电']) || lines[k].facts().credit.is_some() {
        return None;
    }
    let joined = format!("{head}{tail}");
    let c = crate::rules::byline::leading(&joined)?;
    (c.len == joined.len() && c.authors.is_empty() && c.dateline.is_some()).then_some((k, c))
}

/// Whether a page sets its articles apart by a wider gap than its paragraphs: text
/// lines are parted both by one blank line and by two or more (the way a text layer or
/// a plain-text export spaces a page of several articles; issue 13).
fn article_gaps(lines: &[Line]) -> bool {
    let (mut single, mut wide) = (false, false);
    let mut run = 0usize;
    let mut seen_text = false;
    for l in lines {
        if l.markup_only {
            continue;
        }
        if l.text.is_empty() {
            run += 1;
            continue;
        }
        if seen_text {
            single |= run == 1;
            wide |= run >= 2;
        }
        seen_text = true;
        run = 0;
    }
    single && wide
}

/// Whether a page's paragraphs follow one another with no blank line between them (a
/// text layer or an OCR tool's plain export of a page of several articles, where only
/// the headlines are set apart by blank lines; issue 13): more paragraph ends run straight
/// on into the next paragraph than stand over a blank line, and at least
/// [`TIGHT_MIN_ENDS`] do. A paragraph end is a body line that ends a sentence and, on a
/// hard-wrapped page, is short of the column width (a full line ending a sentence may be
/// the wrap's, inside its paragraph).
fn tight_paragraphs(lines: &[Line], roles: &[Role], layout: Layout) -> bool {
    let (mut straight, mut over_blank) = (0usize, 0usize);
    for i in 0..lines.len().saturating_sub(1) {
        if roles[i] != Role::Body || lines[i].fills_column.is_some() || lines[i].is_full(layout.column_width, FULL_SLACK) || !ends_sentence(&lines[i].text) {
            continue;
        }
        match roles[i + 1] {
            Role::Body => straight += 1,
            Role::Blank => over_blank += 1,
            _ => {}
        }
    }
    straight >= TIGHT_MIN_ENDS && straight > over_blank
}

/// Joins the paragraph starting at line `start`; returns it and the index after it.
/// `gaps`: the page parts its articles by two blank lines or more ([`article_gaps`]),
/// which no broken paragraph is joined across.
/// The third value: the lines of [`Role::Repeat`] copies passed over inside the paragraph.
fn paragraph(lines: &[Line], roles: &[Role], start: usize, layout: Layout, after_blank: bool, gaps: bool) -> (Unit, usize, Vec<usize>) {
    let first = &lines[start];
    let mut text = first.text.clone();
    let mut printed = first.text.clone();
    let mut last = start;
    let mut j = start + 1;
    let mut repeats = Vec::new();
    loop {
        let mut k = j;
        while k < lines.len() && matches!(roles[k], Role::Blank | Role::Markup | Role::Repeat) {
            k += 1;
        }
        // Copies passed over count as neither text nor a blank line.
        let skipped = roles[j.min(k)..k].iter().filter(|r| **r == Role::Repeat).count();
        if k >= lines.len() || roles[k] != Role::Body || (gaps && roles[last + 1..k].iter().filter(|r| **r == Role::Blank).count() >= 2) {
            break;
        }
        if !should_join(&lines[last], &text, &lines[k], k > last + 1 + skipped, layout) {
            break;
        }
        repeats.extend((last + 1..k).filter(|&r| roles[r] == Role::Repeat));
        join_into(&mut text, &lines[k].text);
        printed.push('\n');
        printed.push_str(&lines[k].text);
        last = k;
        j = k + 1;
    }
    let mut unit = Unit::from_line(UnitKind::Body, first, after_blank);
    unit.lines = [first.no, lines[last].no];
    let (clean, jumps) = jump::extract(&text);
    unit.text = clean;
    unit.printed = printed;
    unit.jumps = jumps;
    if unit.text.is_empty() {
        unit.kind = UnitKind::Jump;
    }
    (unit, last + 1, repeats)
}

/// Whether `next` continues the paragraph whose last line is `prev` (`so_far` is the
/// paragraph's text up to here), given a blank line between them or not.
fn should_join(prev: &Line, so_far: &str, next: &Line, blank_between: bool, layout: Layout) -> bool {
    if next.bullet || prev.bullet || next.quote != prev.quote {
        return false;
    }
    // A quotation box's label (最高指示) is a block of its own, blank line or not.
    if next.quote && (quotation_label(&prev.text) || quotation_label(&next.text)) {
        return false;
    }
    // A brief item (★…) or an editor's note (编者按：…) opens a block of its own.
    let facts = next.facts();
    if facts.number.is_some() || facts.credit.is_some() || brief_item(&next.text) || editor_note(&next.text) {
        return false;
    }
    if jump::find(&next.text).first().is_some_and(|f| f.range.start == 0 && f.jump.direction == crate::model::JumpDirection::ContinuedFrom) {
        return false;
    }
    let open = !ends_sentence(&prev.text);
    if prev.hard_break && !open {
        return false;
    }
    if blank_between {
        // A paragraph broken by a blank line in the middle of a word or sentence.
        // At least 16 characters; counted no further, since `so_far` grows with
        // every joined line (counting it all was quadratic in the paragraph).
        let long = so_far.chars().nth(BROKEN_MIN_CHARS - 1).is_some();
        return open && long && next.indent == 0 && continues(&next.text);
    }
    // A credit cut inside its bracket by the wrap ("本报雪岭11月5日电（记者" / " 霍云帆）…"):
    // the space the cut left before the name is no paragraph indent.
    let cut_bracket = next.indent < MIN_INDENT && unclosed(&prev.text);
    if next.indent > 0 && !cut_bracket && (next.indent > prev.indent || prev.indent == 0 && !open) {
        return false;
    }
    // One paragraph a line (no column width to wrap at; not box lines, whose layout
    // has informative levels): an indented line starts a paragraph even after a
    // comma, a misread 。.
    if layout.column_width.is_none() && !layout.levels_informative && prev.fills_column.is_none() && !layout.soft_wrap && next.indent >= MIN_INDENT {
        return false;
    }
    if prev.fills_column.is_some() || layout.column_width.is_some() {
        // Hard-wrapped: a line that ends a sentence ends the paragraph unless it fills
        // the column; an open line (kinsoku may leave it a character or two short)
        // goes on. The geometry of OCR boxes says which lines fill their column.
        open || prev.is_full(layout.column_width, 0)
    } else {
        open || layout.soft_wrap
    }
}

/// True when a line opens a bracket (round, tortoise shell, lenticular, square) it
/// does not close.
fn unclosed(text: &str) -> bool {
    let (mut open, mut close) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '（' | '(' | '〔' | '【' | '[' => open += 1,
            '）' | ')' | '〕' | '】' | ']' => close += 1,
            _ => {}
        }
    }
    open > close
}

/// True when a text can be the continuation of a broken sentence: it does not open
/// with something that starts a paragraph of its own (a numbered item, a credit).
fn continues(text: &str) -> bool {
    let c = text.chars().next().unwrap_or(' ');
    !(crate::rules::chars::is_opener(c) && c != '“' && c != '‘' && c != '《' && c != '「')
}

/// Appends a continuation line: no space between CJK text or inside a number cut by
/// the wrap ("2" / "000年"), one space between two Latin words, and a hyphen at the
/// line end kept as is.
pub(crate) fn join_into(text: &mut String, next: &str) {
    let a = text.chars().next_back().unwrap_or(' ');
    let b = next.chars().next().unwrap_or(' ');
    if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
        text.push(' ');
    }
    text.push_str(next);
}

fn org_like(text: &str) -> bool {
    let t = crate::rules::chars::trim(text);
    let n = t.chars().count();
    (2..=ORG_MAX_CHARS).contains(&n) && ORG_SUFFIXES.iter().any(|s| t.ends_with(s)) && !t.contains(['，', '。', ' '])
}

/// A signer's name and a closing formula of [`CLOSING_FORMULAS`] after a space: "上海市商會 啟",
/// "甲某某 谨启". The name is at most [`ORG_MAX_CHARS`] characters with no sentence
/// punctuation (a sentence ending in 启 is not a signature).
fn closed_by_formula(text: &str) -> bool {
    let t = crate::rules::chars::trim(text);
    let Some((signer, formula)) = t.rsplit_once(crate::rules::chars::is_space) else { return false };
    let signer = crate::rules::chars::trim(signer);
    let n = signer.chars().count();
    CLOSING_FORMULAS.contains(&formula) && (2..=ORG_MAX_CHARS).contains(&n) && !signer.contains(['，', '。', '：', ',', '.'])
}

/// One Han character alone on a line after body text: a commentator's pen name (默),
/// never a rubric or a headline (a column label is a word of two characters or more).
fn pen_name(text: &str) -> bool {
    let mut c = crate::rules::chars::trim(text).chars();
    c.next().is_some_and(crate::rules::chars::is_han) && c.next().is_none()
}

/// An issuing body (a display line naming an organisation) directly followed by a
/// date line, or a date line alone, after body text, is a signature.
fn merge_signatures(units: &mut Vec<Unit>) {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let in_body = |out: &[Unit]| {
        out.iter().rev().find(|u| !matches!(u.kind, UnitKind::Furniture(_) | UnitKind::Noise)).is_some_and(|u| {
            matches!(u.kind, UnitKind::Body | UnitKind::Caption | UnitKind::Jump | UnitKind::Signature(_))
        })
    };
    // Whether body text follows each unit: a pen name closes an article, so no body
    // comes after it (a one-character line inside a body is a fragment of the text).
    // One pass from the end, so a long run of furniture or noise is not walked again
    // for each of its units.
    let mut body_after = vec![false; units.len()];
    let mut next_is_body = false;
    for (i, u) in units.iter().enumerate().rev() {
        body_after[i] = next_is_body;
        if !matches!(u.kind, UnitKind::Furniture(_) | UnitKind::Noise) {
            next_is_body = matches!(u.kind, UnitKind::Body | UnitKind::Caption);
        }
    }
    for (i, u) in units.drain(..).enumerate() {
        match u.kind {
            UnitKind::DateLine(d) => {
                let org_above = out.last().is_some_and(|p| p.kind == UnitKind::Display && org_like(&p.text) && p.lines[1] + 1 >= u.lines[0].saturating_sub(1));
                if org_above {
                    let mut org = out.pop().expect("checked above");
                    let body_before = in_body(&out);
                    if body_before {
                        org.kind = UnitKind::Signature(Some(d));
                        org.text = format!("{} {}", org.text, u.text);
                        org.printed = format!("{}\n{}", org.printed, u.printed);
                        org.lines[1] = u.lines[1];
                        out.push(org);
                        continue;
                    }
                    out.push(org);
                    out.push(u);
                } else if in_body(&out) {
                    out.push(Unit { kind: UnitKind::Signature(Some(d)), ..u });
                } else {
                    out.push(u);
                }
            }
            UnitKind::Display if in_body(&out) => {
                // "哈尔滨市疾病预防控制中心 2021年1月12日" on one line.
                let signed = find_date(&u.text).filter(|(d, r)| d.year.is_some() && r.end == u.text.len() && org_like(&u.text[..r.start]));
                match signed {
                    Some((d, _)) => out.push(Unit { kind: UnitKind::Signature(Some(d)), ..u }),
                    // "上海市商會 啟": a signer and a closing formula; "默": a commentator's
                    // one-character pen name closing a 時評.
                    None if closed_by_formula(&u.text) || (pen_name(&u.text) && !body_after[i]) => {
                        out.push(Unit { kind: UnitKind::Signature(None), ..u })
                    }
                    None => out.push(u),
                }
            }
            _ => out.push(u),
        }
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::classify::classify;
    use crate::lines::split;

    fn units(text: &str) -> Vec<Unit> {
        let lines = split(text);
        let (roles, layout) = classify(&lines);
        assemble(&lines, &roles, layout)
    }

    #[test]
    fn blank_line_in_the_middle_of_a_word_is_joined() {
        let u = units("为实现全程网办、全区通办，将行政服务大厅的“专窗”整\n\n合成“综窗”，并引入第三方专业管理公司。\n\n运行”的政务服务。");
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].text, "为实现全程网办、全区通办，将行政服务大厅的“专窗”整合成“综窗”，并引入第三方专业管理公司。");
        assert_eq!(u[0].lines, [1, 3]);
        assert_eq!(u[1].lines, [5, 5]);
    }

    #[test]
    fn hard_wrapped_paragraphs_join_but_never_across_a_sentence_end() {
        let page = "　　市委、市政府高度重视，第一时间召开疫情领\n导小组会议，科学部署，精准实施各项防控措\n施。现将有关情况通报如下，请广大市民周知\n并相互转告。\n　　截至1月12日20:30，已追踪排查该病例在\n哈密切接触者34人。\n目前，对所有追踪到的密切接触者已全部采\n取集中隔离医学观察措施。";
        let u = units(page);
        let texts: Vec<&str> = u.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, vec![
            "市委、市政府高度重视，第一时间召开疫情领导小组会议，科学部署，精准实施各项防控措施。现将有关情况通报如下，请广大市民周知并相互转告。",
            "截至1月12日20:30，已追踪排查该病例在哈密切接触者34人。",
            "目前，对所有追踪到的密切接触者已全部采取集中隔离医学观察措施。",
        ]);
        assert_eq!(u[0].lines, [1, 4]);
    }

    #[test]
    fn a_number_cut_by_the_wrap_joins_without_a_space() {
        // Hard-wrapped at 38 columns (Han = 2); the number 2000 and the decimal 1.9 are cut.
        let page = "　　今年全市计划投入资金九亿元，对建成于2\n000年以前的一百二十个小区实施提档升\n级改造，改造面积同比增长百分之十二点1.\n9%，惠及居民四万余户，受到欢迎。\n　　各区在改造小区设立了现场服务站，施\n工方案、资金来源和工期安排全部上墙。\n";
        let u = units(page);
        assert_eq!(u.len(), 2, "{u:?}");
        assert_eq!(u[0].text, "今年全市计划投入资金九亿元，对建成于2000年以前的一百二十个小区实施提档升级改造，改造面积同比增长百分之十二点1.9%，惠及居民四万余户，受到欢迎。");
        assert_eq!(u[1].lines, [5, 6]);
    }

    #[test]
    fn a_jump_marker_cut_by_the_wrap_is_still_read() {
        let u = units("## 会议召开\n\n本报讯（记者 王明）对工作进行部署。（下转\n第五版）\n");
        let body = u.iter().find(|u| u.kind == UnitKind::Body).unwrap();
        assert_eq!(body.text, "本报讯（记者 王明）对工作进行部署。");
        assert_eq!(body.jumps[0].page, Some(5));
        assert!(u.iter().all(|u| !matches!(u.kind, UnitKind::Furniture(_))));
    }

    #[test]
    fn signature_merges_body_and_date() {
        let u = units("对隐瞒不报发生疫情的，将依法依规严肃处理。\n\n哈尔滨市疾病预防控制中心  \n2021年1月12日\n");
        assert_eq!(u.len(), 2);
        assert_eq!(u[1].kind, UnitKind::Signature(Some(PrintedDate { year: Some(2021), month: 1, day: 12 })));
        assert_eq!(u[1].text, "哈尔滨市疾病预防控制中心 2021年1月12日");
        assert_eq!(u[1].lines, [3, 4]);
    }

    #[test]
    fn jump_marker_taken_out_of_a_paragraph() {
        let u = units("就近受理百姓各项服务需求。(下转第五版)");
        assert_eq!(u[0].text, "就近受理百姓各项服务需求。");
        assert_eq!(u[0].jumps[0].page, Some(5));
    }
}
