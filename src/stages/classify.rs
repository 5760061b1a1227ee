//! Stage 3: what each line is.
//!
//! This module owns the per-line decision: blank, markup, front matter, image, noise,
//! page furniture, a jump marker alone, a credit line, a printed date line, a caption,
//! a display line (a headline or subhead candidate) or body text. It also measures
//! the page: the column width of hard-wrapped plain text (one input line per printed
//! line), and whether the page's Markdown heading levels carry information (more than
//! one level is used). Which display lines form a headline group, and which are
//! subheads, is decided later by [`crate::stages::segment`].

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::stages::limits::*;
use crate::rules::byline::{self, Credit};
use crate::rules::furniture::{self, Facts};
use crate::rules::jump;
use crate::lines::{Layout, Line};
use crate::rules::lexicon::alternation;
use crate::rules::lexicon::table::{CAPTION_ENDINGS, CAPTION_OPENINGS};
use crate::rules::chars::{PrintedDate, ends_sentence, find_date, is_closer, is_han};

/// What one line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// No text.
    Blank,
    /// Nothing but Markdown syntax; dropped.
    Markup,
    /// YAML front matter; page furniture with what it says about the page.
    FrontMatter(Facts),
    /// An image reference or HTML comment; removed as noise.
    Image,
    /// Symbols with no Han character or word in them (border garbage); removed as noise.
    Noise,
    /// Page header or footer.
    Furniture(Facts),
    /// Nothing but jump markers.
    Jump,
    /// A credit line; `citation` is the byte range of a page citation inside it.
    Credit(Box<Credit>, Option<std::ops::Range<usize>>),
    /// A printed date alone, "（2021年1月12日）".
    DateLine(PrintedDate),
    /// 图片说明.
    Caption,
    /// A headline, kicker, subheadline or subhead candidate.
    Display,
    /// Article text.
    Body,
    /// The line above printed again, with at most a few OCR differences (a tool that
    /// prints every line twice); removed as a duplicate.
    Repeat,
}

static DATELINE_ONLY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(〔\[]?\s*((?:\d{4}|[一二三四五六七八九〇○零]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])\s*[）)〕\]]?$")
        .expect("date line pattern")
});
/// A caption: a line opening with a word of [`CAPTION_OPENINGS`], or ending with one of
/// [`CAPTION_ENDINGS`] before an optional closing bracket.
static CAPTION_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(r"(?:^(?:{})|(?:{})\s*[）)]?\s*$)", alternation(CAPTION_OPENINGS), alternation(CAPTION_ENDINGS));
    Regex::new(&pattern).expect("caption pattern")
});
/// A line ending in the first half of a jump marker: "（下转", "转第".
static JUMP_CUT_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:{})\s*第?\s*$", crate::rules::lexicon::alternation(crate::rules::lexicon::table::JUMP_CUT_VERBS))).expect("cut jump pattern"));

/// Classifies every line of a page: [`measure`], then [`classify_with`].
pub fn classify(lines: &[Line]) -> (Vec<Role>, Layout) {
    let layout = measure(lines);
    (classify_with(lines, layout), layout)
}

/// Measures a page of text lines: column width, heading levels, soft wraps.
pub fn measure(lines: &[Line]) -> Layout {
    Layout {
        column_width: column_width(lines),
        levels_informative: levels_informative(lines),
        soft_wrap: lines.iter().any(|l| l.heading.is_some() || l.bold) && blank_separated(lines),
    }
}

/// Classifies every line of a page whose layout is known (measured by [`measure`], or
/// given by the caller, as for OCR box input).
pub fn classify_with(lines: &[Line], layout: Layout) -> Vec<Role> {
    let text_lines: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank() && !lines[i].front_matter).collect();
    let edge = |i: usize| -> bool {
        // `text_lines` is sorted: a binary search keeps the page linear-logarithmic.
        let pos = text_lines.binary_search(&i).ok();
        pos.is_some_and(|p| p < EDGE_LINES || p + EDGE_LINES >= text_lines.len())
    };
    // Lines recovered from OCR boxes: the geometry, not these text rules, says which
    // lines run on (a line of a short column may have no `fills_column`).
    let boxed = lines.iter().any(|l| l.fills_column.is_some());
    let mut roles: Vec<Role> = Vec::with_capacity(lines.len());
    // The end of the run of `>` lines the current line is in, and whether a quotation
    // label (最高指示) is among them: read once per run, at its first line.
    let mut quote_run = (0, false);
    for (i, line) in lines.iter().enumerate() {
        if line.quote && i >= quote_run.0 {
            let end = lines[i..].iter().position(|l| !l.quote).map_or(lines.len(), |k| i + k);
            quote_run = (end, lines[i..end].iter().any(|l| furniture::quotation_label(&l.text)));
        }
        // "> 法宝" under "> …再到群众中去，这是" in a quotation box: the last characters of
        // the quote's sentence wrapped alone, its text, not its credit ("——毛泽东" stays one).
        let quote_tail = line.quote
            && quote_run.1
            && i > 0
            && lines[i - 1].quote
            && !lines[i - 1].is_blank()
            && !ends_sentence(&lines[i - 1].text)
            && !line.text.trim_start().starts_with(['—', '-', '－']);
        // With no column width to measure (a few narrow wrapped lines: "全县共有" /
        // "3000余家企业，其中"), a narrow body line left open goes on in the next line.
        let narrow_open = |p: &Line| !boxed && layout.column_width.is_none() && p.width() <= NARROW_LINE;
        let prev_full = lines.get(i.wrapping_sub(1)).is_some_and(|p| narrow_open(p) || p.is_full(layout.column_width, FULL_SLACK));
        let prev_continues = i > 0
            && matches!(roles.last(), Some(Role::Body))
            && !lines[i - 1].is_blank()
            && prev_full
            && !ends_sentence(&lines[i - 1].text)
            && line.indent == 0;
        // "（下转" / "第五版）": a jump marker cut by the wrap; the rest is not furniture.
        let cut_jump = i > 0 && may_end_with_cut_jump(&lines[i - 1].text) && JUMP_CUT_RE.is_match(&lines[i - 1].text);
        let r = role(line, edge(i), layout, prev_continues, quote_tail);
        // "。" alone under a full body line: the end of its sentence pushed over by the
        // wrap, not border noise.
        let tail = r == Role::Noise && i > 0 && matches!(roles.last(), Some(Role::Body)) && !lines[i - 1].is_blank() && wrapped_tail(&line.text);
        roles.push(if (cut_jump && matches!(r, Role::Furniture(_) | Role::Display | Role::Noise)) || tail { Role::Body } else { r });
    }
    headlines_over_credits(lines, &mut roles, layout);
    labels_under_headlines(lines, &mut roles);
    names_under_headlines(lines, &mut roles);
    labelled_captions(lines, &mut roles);
    if boxed {
        headings_with_an_ornament_stop(lines, &mut roles);
    } else {
        open_lines_with_commas(lines, &mut roles);
        repeated_lines(lines, &mut roles, layout.column_width);
        wrapped_captions(lines, &mut roles);
    }
    roles
}

/// A line its layout tool labelled a caption ([`Line::caption_label`]: PAGE, MinerU,
/// marker, …; issue 15, labels as evidence) that the text rules read as body text, or
/// as a display line set at body size, is a caption where it stands: it is no longer
/// glued to the paragraph over it, nor taken for a subhead or a headline. Its text or
/// size overrules the label: a credit, date line, jump or furniture keeps its role
/// (only body and display lines are re-read), and so does a line set larger than body
/// text (a heading level, or a subhead's size: a title the model labelled caption).
/// No length limit: the long labelled runs of `../shared/realpages/formats` are real
/// captions (marker's figure captions, up to 738 characters and nine sentences).
fn labelled_captions(lines: &[Line], roles: &mut [Role]) {
    for (l, r) in lines.iter().zip(roles.iter_mut()) {
        if l.caption_label && l.heading.is_none() && !l.bold && matches!(r, Role::Body | Role::Display) {
            *r = Role::Caption;
        }
    }
}

/// A text line printed again at once on the next line, the same or nearly so (eval
/// m001, case b34: "東辛莊一個貧苦的農家裏。…" / "柬辛莊一個貪苦的農家裏·…"): one copy is a
/// [`Role::Repeat`]. The better-read copy is kept: the one with fewer stray marks
/// ([`stray_marks`]), the first when they tie. A copy shorter than [`REPEAT_MIN_CHARS`]
/// (down to [`REPEAT_TAIL_MIN_CHARS`]) counts when it is the last line of a wrapped
/// paragraph ([`wrapped_last_line`], eval m007, m027: "…送到北部消" / "費者手中。" /
/// "費者手中。"): a wrap's tail is never printed twice on purpose. `column_width` is the
/// page's column width in columns ([`Layout::column_width`]).
fn repeated_lines(lines: &[Line], roles: &mut [Role], column_width: Option<usize>) {
    let text_role = |r: &Role| matches!(r, Role::Body | Role::Display | Role::Credit(..) | Role::Caption);
    for i in 1..lines.len() {
        if !text_role(&roles[i - 1]) || roles[i] == Role::Blank || roles[i] == Role::Repeat {
            continue;
        }
        // A copy of at least REPEAT_MIN_CHARS, or a shorter one under a wrap; the cheap
        // length test first, the wrap's only for a pair that agrees.
        let (above, here) = (&lines[i - 1].text, &lines[i].text);
        let copy = near_copy(above, here, REPEAT_TAIL_MIN_CHARS)
            && (above.chars().nth(REPEAT_MIN_CHARS - 1).is_some() || wrapped_last_line(lines, roles, i - 1, column_width));
        if !copy {
            continue;
        }
        if stray_marks(&lines[i].text) < stray_marks(&lines[i - 1].text) {
            roles[i] = roles[i - 1].clone();
            roles[i - 1] = Role::Repeat;
        } else {
            roles[i] = Role::Repeat;
        }
    }
}

/// True when line `k` is the last line of a wrapped body paragraph: a body line ending a
/// sentence under a body line (or its dropped copy) that fills the column
/// (`column_width` columns, [`FULL_SLACK`] short at most) and leaves its sentence open.
fn wrapped_last_line(lines: &[Line], roles: &[Role], k: usize, column_width: Option<usize>) -> bool {
    k > 0
        && roles[k] == Role::Body
        && matches!(roles[k - 1], Role::Body | Role::Repeat)
        && ends_sentence(&lines[k].text)
        && !lines[k - 1].is_blank()
        && lines[k - 1].is_full(column_width, FULL_SLACK)
        && !ends_sentence(&lines[k - 1].text)
}

/// The first line of a caption wrapped over two lines, read by its end (…本报记者 丁某
/// 摄): a line standing after a blank line (or first), left open, directly over a caption
/// line that does not open a caption of its own (图为…) is the caption's first part.
fn wrapped_captions(lines: &[Line], roles: &mut [Role]) {
    for i in 0..lines.len().saturating_sub(1) {
        let alone_above = i == 0 || lines[i - 1].is_blank();
        let next = lines[i + 1].text.as_str();
        if roles[i + 1] == Role::Caption
            && matches!(roles[i], Role::Body | Role::Display)
            && alone_above
            && !ends_sentence(&lines[i].text)
            && !CAPTION_OPENINGS.iter().any(|w| next.starts_with(w))
        {
            roles[i] = Role::Caption;
        }
    }
}

/// Two lines of the same length (at least `min_chars` characters) that agree in
/// [`REPEAT_AGREE`] of their places.
fn near_copy(a: &str, b: &str, min_chars: usize) -> bool {
    let (n, m) = (a.chars().count(), b.chars().count());
    if n != m || n < min_chars {
        return false;
    }
    let same = a.chars().zip(b.chars()).filter(|(x, y)| x == y).count();
    same * REPEAT_AGREE.1 >= n * REPEAT_AGREE.0
}

/// Characters OCR puts for a misread mark: neither Han, nor a letter or digit, nor CJK
/// or ASCII punctuation a Chinese text prints ("·" for "。").
fn stray_marks(t: &str) -> usize {
    t.chars()
        .filter(|&c| {
            !(is_han(c)
                || c.is_alphanumeric()
                || crate::rules::chars::is_space(c)
                || is_closer(c)
                || crate::rules::chars::is_opener(c)
                || crate::rules::chars::is_terminal(c)
                || matches!(c, '，' | '、' | ',' | '—' | '-' | '%' | '％'))
        })
        .count()
}

/// An unmarked display candidate with a comma that ends open ("青石县已经经历了两次大规模
/// 的整改，一次是") and runs straight on into a body line (no blank line, no indent, no
/// credit) is the first line of that paragraph, not a headline.
fn open_lines_with_commas(lines: &[Line], roles: &mut [Role]) {
    for i in 0..lines.len().saturating_sub(1) {
        let (l, next) = (&lines[i], &lines[i + 1]);
        if roles[i] != Role::Display || roles[i + 1] != Role::Body || l.heading.is_some() || l.bold || l.fills_column.is_some() {
            continue;
        }
        let open = !ends_sentence(&l.text) && !l.text.ends_with(is_closer);
        if open && l.text.contains(['，', ',']) && next.indent == 0 && next.facts().credit.is_none() {
            roles[i] = Role::Body;
        }
    }
}

/// A line that is nothing but a bracketed column label ([`lone_column_label`](crate::rules::headline::lone_column_label),
/// "（国际论坛）") right under a display line, or under it after one blank line, belongs to
/// that headline group: the headline rules read it as the rubric (栏目), as 人民日报 sets
/// the column of a commentary under its headline. Read alone it was a one-line paragraph
/// opening the body.
fn labels_under_headlines(lines: &[Line], roles: &mut [Role]) {
    for i in 1..lines.len() {
        if !matches!(roles[i], Role::Body | Role::Display) || crate::rules::headline::lone_column_label(&lines[i].text).is_none() {
            continue;
        }
        let above = if roles[i - 1] == Role::Blank { i.checked_sub(2) } else { Some(i - 1) };
        if above.is_some_and(|a| roles[a] == Role::Display) {
            roles[i] = Role::Display;
        }
    }
}

/// A bare name: two or three Han characters opening with a common family name
/// ([`COMMON_SURNAMES`](crate::rules::lexicon::table::COMMON_SURNAMES)), or a two-character
/// name spaced out ("任 平"); or up to [`BARE_NAMES_MAX`] names parted by spaces, one of
/// them such a name and the others of three Han characters ("祝大伟 高洪刚", two reporters
/// signing together).
fn bare_name(t: &str) -> bool {
    let t = crate::rules::chars::trim(t);
    // Names and at most a few spaces: a longer line is not looked at further (its length
    // in bytes says so first, with no character read: a character is four bytes at most);
    // nor is a line with anything but Han characters and spaces in it (most short lines).
    const CHAR_MAX_BYTES: usize = char::MAX.len_utf8();
    let most = (BARE_NAME_MAX_CHARS + 2) * BARE_NAMES_MAX;
    if t.len() > most * CHAR_MAX_BYTES || t.chars().nth(most).is_some() || !t.chars().all(|c| is_han(c) || crate::rules::chars::is_space(c)) {
        return false;
    }
    // Of two or three names, one opening with a common family name will do; the others
    // must then have the full three characters of a family and a two-character given name.
    let surname = |p: &str| p.chars().next().is_some_and(|c| SURNAME_FIRST.binary_search(&c).is_ok());
    let parts = || t.split(crate::rules::chars::is_space).filter(|p| !p.is_empty());
    let count = parts().count();
    // A two-character name spaced out ("任 平").
    if count == 2 && parts().all(|p| p.chars().count() == 1) {
        return surname(t);
    }
    let chars = |p: &str, n: std::ops::RangeInclusive<usize>| n.contains(&p.chars().count());
    count <= BARE_NAMES_MAX
        && parts().any(surname)
        && parts().all(|p| if surname(p) { chars(p, 2..=BARE_NAME_MAX_CHARS) } else { count > 1 && chars(p, BARE_NAME_MAX_CHARS..=BARE_NAME_MAX_CHARS) })
}

/// The first characters of [`COMMON_SURNAMES`](crate::rules::lexicon::table::COMMON_SURNAMES),
/// sorted for a binary search (a bare name is looked for on every short line).
static SURNAME_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut v = crate::rules::lexicon::first_chars(crate::rules::lexicon::table::COMMON_SURNAMES);
    v.sort_unstable();
    v
});

/// A bare name alone under a headline with the body under it ("多边合作需要更多理性声音" /
/// "任平" / a paragraph), as 人民日报 signs a commentary, is the byline (the name its one
/// author; two or three names, its authors), not a subheadline: the line above is a
/// display line longer than the name, the next text line is a body line.
fn names_under_headlines(lines: &[Line], roles: &mut [Role]) {
    for i in 1..lines.len() {
        if !matches!(roles[i], Role::Display | Role::Body) {
            continue;
        }
        // Where the line stands first (under a display line, which most lines are not),
        // then its text.
        let Some(above) = (0..i).rev().find(|&k| roles[k] != Role::Blank) else { continue };
        if roles[above] != Role::Display || !bare_name(&lines[i].text) {
            continue;
        }
        let Some(below) = (i + 1..lines.len()).find(|&k| roles[k] != Role::Blank) else { continue };
        let longer = lines[above].text.chars().count() > lines[i].text.chars().count() + BARE_NAME_MAX_CHARS;
        if !longer || roles[below] != Role::Body {
            continue;
        }
        // The credit of the line's text is among its facts: it is not read again.
        let line = &lines[i];
        let leading_of = |inner: &str| if inner == line.text { line.facts().credit.as_deref().cloned() } else { byline::leading(inner) };
        if let Some(c) = byline::standalone_with(&line.text, true, leading_of) {
            roles[i] = Role::Credit(Box::new(c), None);
        }
    }
}

/// On a box page, a heading line (the geometry measured it heading-sized) read as body
/// only for a full stop (。) between or after its phrases is a display line: a deck's
/// ornament (○, ◎) the OCR read as 。 (local 申報 rapidocr h008 and vertical v006:
/// a patent medicine's headline in three phrases parted by ○, a ○ read 。, so the line went to the body and
/// the article had no headline, or the next line alone). Either the stop ends the line,
/// which holds no other sentence or clause mark and is under [`DISPLAY_MAX_CHARS`]
/// characters, over a heading line of its level (the deck goes on); or it parts the
/// line, under [`DISPLAY_MAX_CHARS`] characters with no space, into two phrases of at
/// least [`ORNAMENT_PHRASE_MIN_CHARS`] characters, all Han. Never under a body line
/// that leaves its sentence open (committed Tesseract h016: 討論。, a paragraph's last
/// word boxed thick).
fn headings_with_an_ornament_stop(lines: &[Line], roles: &mut [Role]) {
    let marks = ['。', '；', ';', '，', ',', '、', '！', '？', '!', '?', '：', ':'];
    for i in 0..lines.len() {
        let l = &lines[i];
        let goes_on = i > 0 && roles[i - 1] == Role::Body && !ends_sentence(&lines[i - 1].text);
        if roles[i] != Role::Body || l.heading.is_none() || goes_on || l.text.chars().count() >= DISPLAY_MAX_CHARS {
            continue;
        }
        let text = l.text.trim_end();
        let deck_goes_on = lines.get(i + 1).is_some_and(|n| n.heading == l.heading);
        let ends = text.strip_suffix('。').is_some_and(|t| !t.is_empty() && !t.contains(marks)) && deck_goes_on;
        let parts = !text.contains(crate::rules::chars::is_space)
            && text.split_once('。').is_some_and(|(a, b)| {
                a.chars().count() >= ORNAMENT_PHRASE_MIN_CHARS && b.chars().count() >= ORNAMENT_PHRASE_MIN_CHARS && a.chars().chain(b.chars()).all(is_han)
            });
        if ends || parts {
            roles[i] = Role::Display;
        }
    }
}

/// A line as wide as the column of a hard-wrapped page, standing alone between blank
/// lines (or at the top, or under a jump marker) with a credit opening the text after
/// it ("本报雪岭11月5日电（记者…", a credit line "□本报记者 X"), is a headline, not a full
/// body line: a paragraph that goes on under it would not open with a credit. So is
/// such a line over a headline found so (a headline over its subheadline), and such a
/// line that ends in a column label ([`column_label`](crate::rules::headline::column_label)).
fn headlines_over_credits(lines: &[Line], roles: &mut [Role], layout: Layout) {
    if layout.column_width.is_none() {
        return;
    }
    let no_width = Layout { column_width: None, ..layout };
    let mut promoted = vec![false; lines.len()];
    for i in (0..lines.len()).rev() {
        if roles[i] != Role::Body || lines[i].fills_column.is_some() {
            continue;
        }
        let alone_above = i == 0 || matches!(roles[i - 1], Role::Blank | Role::Markup | Role::Furniture(_) | Role::Display | Role::Jump);
        let blank_below = lines.get(i + 1).is_some_and(Line::is_blank);
        if !alone_above || !blank_below {
            continue;
        }
        let Some(next) = (i + 1..lines.len()).find(|&k| !lines[k].is_blank()) else { continue };
        let credit_below = match roles[next] {
            Role::Body => lines[next].facts().credit.is_some(),
            Role::Credit(..) => true,
            _ => promoted[next],
        };
        // A title ending in its column's label ("一支民歌唱到海外（我在友城交流现场）"),
        // as wide as a narrow column, heads an article as well: a wrapped body line does
        // not end in a bracketed label with blank lines around it. A jump marker in
        // brackets (（下转第五版）) is no label: that line is text.
        let labelled = || crate::rules::headline::column_label(&lines[i].text).is_some() && jump::find(&lines[i].text).is_empty();
        if (credit_below || labelled()) && is_display(&lines[i], no_width, false) {
            roles[i] = Role::Display;
            promoted[i] = true;
        }
    }
}

/// The last characters of [`JUMP_CUT_VERBS`](crate::rules::lexicon::table::JUMP_CUT_VERBS), for [`may_end_with_cut_jump`].
static CUT_JUMP_LAST: LazyLock<Vec<char>> =
    LazyLock::new(|| crate::rules::lexicon::last_chars(crate::rules::lexicon::table::JUMP_CUT_VERBS));

/// Whether [`JUMP_CUT_RE`] can match: the text ends (white space and an optional 第
/// aside) with the last character of a jump verb.
fn may_end_with_cut_jump(text: &str) -> bool {
    let t = text.trim_end();
    let t = t.strip_suffix('第').map_or(t, str::trim_end);
    t.ends_with(CUT_JUMP_LAST.as_slice())
}

/// Whether a line is what an OCR engine's plain text makes of a photo: pieces parted by
/// wide gaps (at least [`PHOTO_NOISE_GAP`] spaces), no sentence punctuation, stray Latin
/// letters among them (no run longer than [`PHOTO_NOISE_MAX_LATIN`]: "GDP" is a word), and
/// either [`PHOTO_NOISE_MIN_PIECES`] pieces with no run of Han longer than
/// [`PHOTO_NOISE_MAX_HAN_RUN`] ("品    古二  已  xz    全", "2   百            Se") or,
/// with no Han at all, two pieces or more of nothing but letters ("ws   FE"). Printed text
/// seldom looks so: a spaced-out headline parts its characters by one space, a table's
/// cells hold words or figures rather than stray letters. Issue 13: Tesseract's text of
/// local 人民日报 one-column pages (seven such lines on five pages, each a photo); on the
/// other text pages of the three evaluation sets it fires on two lines of Tesseract's
/// multi-column text (committed h015, scattered pieces over a headline; local 人民日报
/// h013), nowhere else.
pub(crate) fn photo_noise(t: &str) -> bool {
    let t = t.trim();
    if !t.chars().any(|c| c.is_ascii_alphabetic()) || t.chars().any(|c| matches!(c, '。' | '，' | '；' | '：' | '！' | '？')) {
        return false;
    }
    // Pieces, the gap before this character, the longest run of Han and of Latin letters.
    let (mut pieces, mut gap, mut han, mut latin) = (1, 0, (0, 0), (0, 0));
    let mut letters_only = true;
    for c in t.chars() {
        if crate::rules::chars::is_space(c) {
            gap += 1;
            han.0 = 0;
            latin.0 = 0;
            continue;
        }
        if gap >= PHOTO_NOISE_GAP {
            pieces += 1;
        }
        gap = 0;
        letters_only &= c.is_ascii_alphabetic();
        han.0 = if is_han(c) { han.0 + 1 } else { 0 };
        latin.0 = if c.is_ascii_alphabetic() { latin.0 + 1 } else { 0 };
        han.1 = usize::max(han.1, han.0);
        latin.1 = usize::max(latin.1, latin.0);
    }
    let pieces_ok = if han.1 == 0 { letters_only && pieces >= 2 } else { pieces >= PHOTO_NOISE_MIN_PIECES };
    pieces_ok && han.1 <= PHOTO_NOISE_MAX_HAN_RUN && latin.1 <= PHOTO_NOISE_MAX_LATIN
}

/// `quote_tail`: the line goes on with an open sentence of a quotation box's text above
/// it (see [`classify_with`]), and is no credit.
fn role(line: &Line, edge: bool, layout: Layout, prev_continues: bool, quote_tail: bool) -> Role {
    if line.front_matter {
        return Role::FrontMatter(furniture::front_matter(&line.text));
    }
    if line.markup_only {
        return Role::Markup;
    }
    let t = line.text.as_str();
    if t.is_empty() {
        return Role::Blank;
    }
    if line.image {
        return Role::Image;
    }
    if !t.chars().any(|c| is_han(c) || c.is_alphanumeric()) || (t.chars().count() <= 2 && !t.chars().any(is_han)) || photo_noise(t) {
        return Role::Noise;
    }
    if line.margin {
        return Role::Furniture(furniture::read_margin(t));
    }
    if jump::is_only_jumps(t) {
        return Role::Jump;
    }
    // A credit line may carry the page citation: "本报记者 张天培《人民日报》（2025年01月10日第 06 版）".
    let citation = furniture::citation(t);
    let credit_text = match &citation {
        Some(r) => Cow::Owned(format!("{}{}", &t[..r.start], &t[r.end..])),
        None => Cow::Borrowed(t),
    };
    // The label of a quotation box (最高指示) is no credit, however short and name-like.
    if !quote_tail && !crate::rules::chars::trim(&credit_text).is_empty() && !furniture::quotation_label(t) {
        // The credit of the line's text, read once for every stage (the line's facts),
        // when the credit line test reads that same text.
        let leading_of = |inner: &str| if inner == t { line.facts().credit.as_deref().cloned() } else { byline::leading(inner) };
        if let Some(c) = byline::standalone_with(&credit_text, line.quote, leading_of) {
            return Role::Credit(Box::new(c), citation);
        }
    }
    // "分段开挖、分（下转第六版）" on a page's last line is text cut before its jump
    // marker, not a page footer naming a page.
    if let Some(facts) = furniture::read(t, edge).filter(|_| !ends_with_jump_on(t)) {
        return Role::Furniture(facts);
    }
    if may_be_date_line(t) {
        if let Some(caps) = DATELINE_ONLY_RE.captures(t) {
            if let Some((d, _)) = caps.get(1).and_then(|m| find_date(m.as_str())) {
                return Role::DateLine(d);
            }
        }
    }
    if may_be_caption(t) && t.chars().count() <= CAPTION_MAX_CHARS && caption_match(t) && !t.starts_with(['“', '"']) {
        return Role::Caption;
    }
    // The last line of an article's first part, cut before a jump marker ("衛生局長葉惠君說，明
    // （下轉第二版）", "哪家的老人独（下转第3版）"), is text however short: a headline
    // never carries a 下转 marker (issue 13, whole-issue harness). Nor is a brief (★…)
    // one, however short.
    if is_display(line, layout, prev_continues) && !ends_with_jump_on(t) && !crate::rules::numbering::brief_item(t) {
        return Role::Display;
    }
    Role::Body
}

/// A line of sentence punctuation and closing marks only ("。", "”。"), at most
/// [`WRAPPED_TAIL_MAX_CHARS`] of them.
fn wrapped_tail(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (1..=WRAPPED_TAIL_MAX_CHARS).contains(&n) && t.chars().all(|c| is_closer(c) || matches!(c, '。' | '！' | '？' | '；' | '，' | '、' | '…'))
}

/// Whether text ends with a marker sending the rest of an article on (下转第二版) and
/// holds text before it.
fn ends_with_jump_on(t: &str) -> bool {
    let t = t.trim_end();
    jump::find(t)
        .last()
        .is_some_and(|f| f.jump.direction == crate::model::JumpDirection::ContinuedOn && f.range.end == t.len() && f.range.start > 0)
}

/// Whether [`DATELINE_ONLY_RE`] can match: after an optional bracket and white space,
/// the text opens with a digit or a Chinese numeral of a year.
fn may_be_date_line(t: &str) -> bool {
    let t = t.strip_prefix(['（', '(', '〔', '[']).unwrap_or(t).trim_start();
    t.starts_with(|c: char| c.is_numeric() || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '〇' | '○' | '零'))
}

/// The first characters of [`CAPTION_OPENINGS`], for [`may_be_caption`].
static CAPTION_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| crate::rules::lexicon::first_chars(CAPTION_OPENINGS));
/// The last characters of [`CAPTION_ENDINGS`], for [`may_be_caption`].
static CAPTION_LAST: LazyLock<Vec<char>> = LazyLock::new(|| crate::rules::lexicon::last_chars(CAPTION_ENDINGS));

/// [`CAPTION_RE`] matches the line, or the line without the picture's source in brackets
/// after its photo credit, up to [`PHOTO_SOURCE_MAX_CHARS`] characters ("曹某摄（人民视觉）",
/// as 人民日报 credits an agency's picture).
fn caption_match(t: &str) -> bool {
    if CAPTION_RE.is_match(t) {
        return true;
    }
    let end = t.trim_end();
    let Some(inner_end) = end.strip_suffix(['）', ')']) else { return false };
    inner_end.rfind(['（', '(']).is_some_and(|open| {
        let source = &inner_end[open..];
        source.chars().count() <= PHOTO_SOURCE_MAX_CHARS + 1 && CAPTION_RE.is_match(&inner_end[..open])
    })
}

/// Whether [`caption_match`] can match: the text opens with one of [`CAPTION_RE`]'s opening
/// words' first characters, or ends (before white space and a closing bracket, or before
/// a bracketed source) with one of its closing words' last characters.
fn may_be_caption(t: &str) -> bool {
    if t.starts_with(CAPTION_FIRST.as_slice()) {
        return true;
    }
    let end = t.trim_end();
    let end = end.strip_suffix(['）', ')']).unwrap_or(end).trim_end();
    if end.ends_with(CAPTION_LAST.as_slice()) {
        return true;
    }
    // "…摄（人民视觉）": the ending before a bracketed source.
    // Looked for only when the line ends in a closing bracket.
    t.trim_end().ends_with(['）', ')']) && end.rfind(['（', '(']).is_some_and(|open| end[..open].trim_end().ends_with(CAPTION_LAST.as_slice()))
}

/// A display line: a Markdown heading or bold line of headline length, or a short
/// plain line with no sentence punctuation that is not a full printed line.
fn is_display(line: &Line, layout: Layout, prev_continues: bool) -> bool {
    let t = line.text.as_str();
    let n = t.chars().count();
    // Every way to a display line below needs 60 characters or fewer (40 unmarked).
    if n > MARKED_DISPLAY_MAX_CHARS {
        return false;
    }
    let (mut stops, mut commas, mut visible, mut han) = (0usize, 0usize, 0usize, 0usize);
    for c in t.chars() {
        match c {
            '。' | '；' | ';' => stops += 1,
            '，' | ',' => commas += 1,
            _ => {}
        }
        visible += usize::from(!crate::rules::chars::is_space(c));
        han += usize::from(is_han(c));
    }
    // Titles are words: a line that is mostly digits and symbols (musical notation,
    // page numbers of a table of contents) is not one.
    if han * 2 < visible {
        return false;
    }
    if line.heading.is_some() || line.bold {
        // A marked line that reads as a sentence is body text the OCR tool mislabeled.
        return stops == 0 && commas <= 1 && n <= MARKED_DISPLAY_MAX_CHARS;
    }
    // A title with a column label after it ("“把计划写在田里，把成效写在账上”（海外来信·…）")
    // is measured without the label: its length and commas are the title's.
    let (t, n, commas) = match crate::rules::headline::column_label(t) {
        Some(title) => (title, title.chars().count(), title.chars().filter(|c| matches!(c, '，' | ',')).count()),
        None => (t, n, commas),
    };
    if line.quote || line.bullet || prev_continues || n > DISPLAY_MAX_CHARS || stops > 0 {
        return false;
    }
    // A dispatch's first line (新华社北京1月12日电…) or a bracketed note
    // ("（作者单位：某某大学）") is text, however short.
    let leads = if t == line.text { line.facts().credit.is_some() } else { byline::leading(t).is_some() };
    if leads || (t.starts_with(['（', '(']) && t.ends_with(['）', ')'])) {
        return false;
    }
    // Headlines seldom carry a comma: one is allowed in a short line, never with 、.
    if commas > 1 || (commas == 1 && (n > COMMA_DISPLAY_MAX_CHARS || t.contains('、'))) {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if is_closer(first) || matches!(first, '，' | '、' | ',' | '。') {
        return false;
    }
    let last = t.chars().next_back().unwrap_or(' ');
    if ends_sentence(t) && !(matches!(last, '！' | '？' | '!' | '?') && n <= EXCLAIM_DISPLAY_MAX_CHARS) && !is_closer(last) {
        return false;
    }
    if is_closer(last) && t.trim_end_matches(is_closer).ends_with(['。', '！', '？', '…']) {
        return false;
    }
    if layout.column_width.is_some() || line.fills_column.is_some() {
        // A full printed line, or a line with a paragraph indent, is body text.
        let full = line.is_full(layout.column_width, FULL_SLACK) && !line.exceeds(layout.column_width, OVER_COLUMN);
        if full || (MIN_INDENT..=MAX_INDENT).contains(&line.indent) {
            return false;
        }
    }
    true
}

/// Column width of hard-wrapped text: the width most long lines have exactly (ties
/// go to the wider), when at least 4 lines and 40% of the long lines come within two
/// Han characters of it and most long lines are followed directly by another text line.
fn column_width(lines: &[Line]) -> Option<usize> {
    let mut widths = Vec::new();
    let mut adjacent = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || l.heading.is_some() || l.bold || l.front_matter {
            continue;
        }
        let w = l.width();
        if w < MIN_LONG_LINE {
            continue;
        }
        widths.push(w);
        if lines.get(i + 1).is_some_and(|n| !n.is_blank()) {
            adjacent += 1;
        }
    }
    if widths.len() < MIN_WRAPPED_LINES || adjacent * 2 < widths.len() {
        return None;
    }
    let max = *widths.iter().max()?;
    let mut counts = vec![0usize; max + 1];
    for &w in &widths {
        counts[w] += 1;
    }
    let mode = (MIN_LONG_LINE..=max).max_by_key(|&w| (counts[w], w))?;
    let near = counts[mode.saturating_sub(WIDTH_BELOW)..=(mode + WIDTH_ABOVE).min(max)].iter().sum::<usize>();
    (near >= MIN_WRAPPED_LINES && near * WIDTH_AGREE.1 >= widths.len() * WIDTH_AGREE.0).then_some(mode)
}

/// True when most text lines are followed by a blank line: Markdown-style pages,
/// where lines with no blank between them belong to one paragraph.
fn blank_separated(lines: &[Line]) -> bool {
    let mut text = 0usize;
    let mut then_blank = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() || l.front_matter {
            continue;
        }
        text += 1;
        if lines.get(i + 1).is_none_or(Line::is_blank) {
            then_blank += 1;
        }
    }
    text >= 2 && then_blank * BLANK_SEPARATED.1 >= text * BLANK_SEPARATED.0
}

fn levels_informative(lines: &[Line]) -> bool {
    let mut seen = [false; MAX_HEADING_LEVEL + 1];
    for l in lines {
        if let Some(h) = l.heading {
            seen[h as usize] = true;
        }
    }
    seen.iter().filter(|s| **s).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of a photo read as text are noise; spaced text, words and figures are not.
    #[test]
    fn a_photo_read_as_pieces_is_noise_and_spaced_text_is_not() {
        for t in ["品    古二  已  xz    全", "2   百            Se", "ws   FE", "  Qa        、    < 5二"] {
            assert!(photo_noise(t), "{t}");
        }
        for t in ["A  !  0", "New  York", "中 国 人 民", "守住青山绿水  留住田园乡愁", "GDP  增长  5%", "第3版  要闻", "甲  乙  丙 xy 今天，天气很好。"] {
            assert!(!photo_noise(t), "{t}");
        }
    }

    /// The prefilter lets through every caption word of the lexicon.
    #[test]
    fn the_caption_prefilter_passes_every_caption_word() {
        for w in CAPTION_OPENINGS {
            assert!(may_be_caption(&format!("{w}市民在排队")), "{w}");
        }
        for w in CAPTION_ENDINGS {
            assert!(may_be_caption(&format!("市民在排队（记者 王强{w}）")), "{w}");
            assert!(CAPTION_RE.is_match(&format!("市民在排队 王强{w}")), "{w}");
        }
    }
    use crate::lines::split;

    fn roles(text: &str) -> Vec<Role> {
        classify(&split(text)).0
    }

    #[test]
    fn seed_like_lines() {
        let r = roles("王兆力在市应对新冠肺炎疫情工作领导小组会议上强调\n\n## 突出重点 严格管理\n\n孙喆出席\n\n本报讯(记者初霞)11月12日晚,会议召开。\n\n(2021年1月12日)\n\n李鹏 本报记者 梁可心\n\n**统一服务事项标准 实现服务无差别**\n\n图为市民在办理业务。本报记者 张三 摄");
        assert_eq!(r[0], Role::Display);
        assert_eq!(r[2], Role::Display);
        assert_eq!(r[4], Role::Display);
        assert_eq!(r[6], Role::Body);
        assert!(matches!(r[8], Role::DateLine(_)));
        assert!(matches!(r[10], Role::Credit(..)));
        assert_eq!(r[12], Role::Display);
        assert_eq!(r[14], Role::Caption);
    }

    #[test]
    fn traditional_lines() {
        let r = roles("臺北日報　中華民國112年3月8日 星期三\n\n市長在市政會議上強調\n\n副市長主持會議\n\n本報記者 陳怡君 通訊員 王建明\n\n記者林美玲／臺北報導\n\n（下轉第四版）\n\n圖為捷運環狀線北環段動工典禮現場。記者張志豪攝\n\n（新華社記者 林曉 攝）\n\n市府昨天召開市政會議，市長強調，未來四年將再興建兩萬戶社會住宅。\n\n第四版　地方新聞　責任編輯：林美玲");
        assert!(matches!(r[0], Role::Furniture(_)));
        assert_eq!(r[2], Role::Display);
        assert_eq!(r[4], Role::Display);
        assert!(matches!(r[6], Role::Credit(..)));
        assert!(matches!(r[8], Role::Credit(..)));
        assert_eq!(r[10], Role::Jump);
        assert_eq!(r[12], Role::Caption);
        assert_eq!(r[14], Role::Caption);
        assert_eq!(r[16], Role::Body);
        assert!(matches!(r[18], Role::Furniture(_)));
    }

    #[test]
    fn hard_wrapped_column_width() {
        let page = "　　市委、市政府高度重视，第一时间召开疫\n情领导小组会议，科学部署，精准实施各项防\n控措施。现将有关情况通报如下，请广大市民\n周知并相互转告，共同做好各项疫情防控工作\n任务。\n";
        let (_, layout) = classify(&split(page));
        assert_eq!(layout.column_width, Some(40));
    }
}
