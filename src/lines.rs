//! Stage 2: text to numbered lines, Markdown markers stripped but remembered.
//!
//! This module owns the reading of one input line: its 1-based number, its text
//! without Markdown syntax, and what the syntax said: heading level (`#`..`######`,
//! more `#` read as level 6, `#标题` without a space accepted), whole-line bold
//! (`**…**`, `__…__`, also left unclosed), two-space or backslash hard break, `>`
//! quote, list bullet, leading indentation (ASCII and ideographic spaces), YAML front
//! matter, image references and lines that are nothing but markup (rules, empty
//! headings). Line ends may be LF, CRLF or CR. It makes no layout decision.

use std::borrow::Cow;

use memchr::memmem;

use crate::rules::{BlockFacts, OnceFacts};

/// One input line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the input.
    pub no: usize,
    /// The line's text, Markdown markers removed, trimmed of white space at both ends.
    pub text: String,
    /// Markdown heading level 1..=6, if the line is a heading.
    pub heading: Option<u8>,
    /// The whole line is bold (`**…**` or `__…__`).
    pub bold: bool,
    /// Ends with a Markdown hard break (two spaces or a backslash).
    pub hard_break: bool,
    /// Starts with `>`.
    pub quote: bool,
    /// Starts with a list bullet (`-`, `*`, `+`, `•`).
    pub bullet: bool,
    /// Leading indentation in columns (ASCII space 1, tab 4, ideographic space 2).
    pub indent: usize,
    /// Inside YAML front matter (between `---` lines at the top of the file).
    pub front_matter: bool,
    /// An image reference (`![alt](src)`) or an HTML comment: not text.
    pub image: bool,
    /// Nothing but Markdown syntax (`---`, `***`, `##`, `**`): dropped as syntax.
    pub markup_only: bool,
    /// Whether the line runs to its printed column's right edge, when the input's
    /// geometry says so (OCR boxes, see [`crate::geometry`]); `None` for text
    /// input, where the page's column width is guessed instead
    /// ([`Layout::column_width`]).
    pub fills_column: Option<bool>,
    /// Set apart from the text as page furniture by the input's geometry: the vertical
    /// side text of a masthead on a horizontally set page, or a line the layout tool
    /// labelled header, footer or page number (see [`crate::geometry`]); never set for
    /// text input.
    pub margin: bool,
    /// Every piece of the line lies in a region the input's layout tool labelled a
    /// caption (PAGE `caption`, MinerU `image_caption` / `table_caption`, marker and
    /// dots.ocr `Caption`, PP-StructureV3 `figure_title` …; see
    /// [`crate::read::boxes::OcrBox::hint`]). Evidence, not a decision: the text stages
    /// read such a line as a caption where it stands only when its text and size do
    /// not say otherwise (`classify::labelled_captions`). Never set for text input.
    pub caption_label: bool,
    /// Its facts record (leading credit, list number: [`BlockFacts`]; display width),
    /// read from `text` the first time a stage asks ([`Line::facts`], [`Line::width`])
    /// and kept: `text` does not change once the line is made. Ignored by equality.
    pub facts: OnceFacts,
}

impl Line {
    /// The facts record of the line's text ([`BlockFacts::read`]), read once.
    pub fn facts(&self) -> &BlockFacts {
        self.facts.get(&self.text)
    }

    /// True when the line has no text (blank, or markup only).
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() || self.markup_only
    }

    /// Printed width in columns (Han = 2), indentation included: what is compared
    /// with the column width of hard-wrapped text.
    pub fn width(&self) -> usize {
        self.indent + self.facts.width(&self.text)
    }

    /// True when the line is a full printed line: as the geometry says, or else when
    /// it comes within `slack` columns of the page's column width `column_width`.
    pub fn is_full(&self, column_width: Option<usize>, slack: usize) -> bool {
        match self.fills_column {
            Some(full) => full,
            None => column_width.is_some_and(|w| self.width() + slack >= w),
        }
    }

    /// True when text input (no geometry) has a line more than `over` columns wider
    /// than the page's column width `column_width`: it is set apart from the wrapped
    /// body column (a headline), not one of its lines.
    pub fn exceeds(&self, column_width: Option<usize>, over: usize) -> bool {
        self.fills_column.is_none() && column_width.is_some_and(|w| self.width() > w + over)
    }
}

/// Splits `text` into lines (LF, CRLF or CR) and reads each one.
pub fn split(text: &str) -> Vec<Line> {
    let raw: Vec<&str> = split_raw(text);
    let front_end = front_matter_end(&raw);
    raw.iter()
        .enumerate()
        .map(|(i, r)| {
            let no = i + 1;
            match front_end {
                Some(end) if i <= end => {
                    let delim = i == 0 || i == end;
                    Line {
                        no,
                        text: if delim { String::new() } else { crate::rules::chars::trim(r).to_string() },
                        front_matter: !delim,
                        markup_only: delim,
                        ..Line::default()
                    }
                }
                _ => read_line(no, r),
            }
        })
        .collect()
}

/// Number of lines [`split`] makes of `text`, without making them: LF, CRLF and CR
/// each end a line, and text after the last line end is a line too. The line ends
/// are found with `memchr` (a vectorized search), not char by char: a
/// page with no CR costs one search for LF.
pub fn count(text: &str) -> usize {
    let b = text.as_bytes();
    let lf = memchr::memchr_iter(b'\n', b).count();
    let breaks = if memchr::memchr(b'\r', b).is_none() {
        lf
    } else {
        // A CRLF is one line end: the LF right after a CR is not counted again.
        let crlf = memmem::find_iter(b, b"\r\n").count();
        lf + memchr::memchr_iter(b'\r', b).count() - crlf
    };
    breaks + usize::from(!text.is_empty() && !text.ends_with(['\n', '\r']))
}

/// The lines of `text` without their ends (LF, CRLF or CR), borrowed. The line ends
/// are found with `memchr2` (a vectorized search for LF and CR), not byte by byte.
fn split_raw(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut skip_lf = None;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The LF of a CRLF: its line was ended by the CR.
        if skip_lf == Some(i) {
            start = i + 1;
            continue;
        }
        out.push(&text[start..i]);
        if bytes[i] == b'\r' {
            skip_lf = Some(i + 1);
        }
        start = i + 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Index of the closing `---` of YAML front matter opened on the first line.
fn front_matter_end(raw: &[&str]) -> Option<usize> {
    if raw.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    let end = raw.iter().enumerate().skip(1).take(100).find(|(_, l)| matches!(l.trim_end(), "---" | "..."))?.0;
    // Front matter is `key: value` lines; a rule followed by prose is not.
    let keyed = raw[1..end].iter().filter(|l| l.contains(':') || l.trim().is_empty()).count();
    (end > 1 && keyed * 2 >= end - 1).then_some(end)
}

fn read_line(no: usize, raw: &str) -> Line {
    let mut line = Line { no, ..Line::default() };
    let trimmed_end = raw.trim_end_matches(crate::rules::chars::is_space);
    line.hard_break = raw.ends_with("  ") || trimmed_end.ends_with('\\') || trimmed_end.ends_with("<br>");
    let mut s = trimmed_end.trim_end_matches('\\');
    s = s.strip_suffix("<br>").unwrap_or(s);

    let mut indent = 0;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            ' ' => indent += 1,
            '\t' => indent += 4,
            '\u{3000}' => indent += 2,
            c if crate::rules::chars::is_space(c) => {}
            _ => {
                start = i;
                break;
            }
        }
        start = i + c.len_utf8();
    }
    line.indent = indent;
    let mut s = &s[start..];

    while let Some(rest) = s.strip_prefix('>') {
        line.quote = true;
        s = rest.trim_start_matches(crate::rules::chars::is_space);
    }
    if is_rule(s) {
        line.markup_only = true;
        return line;
    }
    if let Some((level, rest)) = heading(s) {
        line.heading = Some(level);
        s = rest;
    }
    for bullet in ["- ", "* ", "+ ", "• ", "· "] {
        if let Some(rest) = s.strip_prefix(bullet) {
            line.bullet = true;
            s = rest.trim_start_matches(crate::rules::chars::is_space);
            break;
        }
    }
    let (text, bold) = strip_emphasis(s);
    line.bold = bold;
    let text = crate::rules::chars::trim(&text);
    let text = unspaced(text).unwrap_or_else(|| text.to_string());
    if is_image(&text) {
        line.image = true;
    }
    line.markup_only = text.is_empty() && (line.heading.is_some() || line.bold || line.quote || line.bullet || !s.is_empty());
    line.text = text;
    line
}

/// A spaced-out line ("县 图 书 馆 新 馆 开 放", an OCR tool's or a layout's letter
/// spacing): one space after every character, a real space then printed as three.
/// Returns the line with the spacing taken out ("县图书馆新馆开放"), or `None` when the
/// line is not spaced out (at least three characters, every second one a space).
///
/// The repair stage asks the same of body text once its white space is collapsed
/// (`stages::normalize`), so that a line whose spacing was tabs or runs of two reads the
/// same as one printed with single spaces: a paragraph fed back as a page comes back
/// unchanged. (Display text keeps one space where spaces were.)
pub(crate) fn unspaced(text: &str) -> Option<String> {
    // The second character is a space in every spaced-out line: most lines are turned
    // away here, before their characters are collected.
    if text.chars().nth(1) != Some(' ') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 5 || !chars.iter().skip(1).step_by(2).all(|&c| c == ' ') {
        return None;
    }
    // A run of spaces longer than three is layout, not spacing: leave the line alone.
    if chars.iter().step_by(2).zip(chars.iter().skip(2).step_by(2)).any(|(a, b)| *a == ' ' && *b == ' ') {
        return None;
    }
    Some(chars.iter().step_by(2).collect())
}

/// A Markdown rule: three or more of one of `-`, `*`, `_`, `=`, white space aside.
fn is_rule(s: &str) -> bool {
    let mut marks = s.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else { return false };
    if !matches!(first, '-' | '*' | '_' | '=') {
        return false;
    }
    let mut n = 1;
    for c in marks {
        if c != first {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// `#`..`######` followed by a space (or by a Han character, as OCR tools write it);
/// longer runs of `#` count as level 6. Closing `#`s are dropped.
fn heading(s: &str) -> Option<(u8, &str)> {
    let hashes = s.chars().take_while(|c| *c == '#').count();
    if hashes == 0 {
        return None;
    }
    let rest = &s[hashes..];
    let next = rest.chars().next();
    let ok = match next {
        None => true,
        Some(c) => crate::rules::chars::is_space(c) || crate::rules::chars::is_cjk(c) || c == '*',
    };
    if !ok {
        return None;
    }
    let mut body = rest.trim_matches(crate::rules::chars::is_space);
    let closing = body.trim_end_matches('#');
    if closing.len() != body.len() && (closing.is_empty() || closing.ends_with(crate::rules::chars::is_space)) {
        body = closing.trim_end_matches(crate::rules::chars::is_space);
    }
    Some((hashes.min(6) as u8, body))
}

/// Removes `**`/`__` emphasis markers. Returns the text and whether the whole line was
/// bold (wrapped, or opened and never closed).
fn strip_emphasis(s: &str) -> (Cow<'_, str>, bool) {
    for marker in ["**", "__"] {
        if let Some(inner) = s.strip_prefix(marker) {
            let inner_t = inner.strip_suffix(marker).unwrap_or(inner);
            if memmem::find(inner_t.as_bytes(), marker.as_bytes()).is_none() {
                return (Cow::Borrowed(inner_t), !inner_t.trim().is_empty());
            }
        }
    }
    if memmem::find(s.as_bytes(), b"**").is_some() {
        return (Cow::Owned(s.replace("**", "")), false);
    }
    (Cow::Borrowed(s), false)
}

fn is_image(s: &str) -> bool {
    (s.starts_with("![") && s.ends_with(')') && s.contains("](")) || (s.starts_with("<!--") && s.ends_with("-->"))
        || (s.starts_with("<img") && s.ends_with('>'))
}

/// What the classifier measured (or the geometry set) about the page as a whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    /// Display width (columns, Han = 2) of a full printed line, when the page is
    /// hard-wrapped plain text; `None` for one paragraph per line.
    pub column_width: Option<usize>,
    /// More than one Markdown heading level is used, so equal levels mean equal rank.
    pub levels_informative: bool,
    /// A Markdown page whose paragraphs are separated by blank lines, so lines with no
    /// blank line between them are one paragraph (a soft wrap).
    pub soft_wrap: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_markers_are_stripped_and_remembered() {
        let ls = split("## 突出重点 严格管理\n\n**统一服务事项标准**\n哈尔滨市疾病预防控制中心  \n2021年1月12日\r\n> 本报记者  张天培\r　　这是正文。");
        assert_eq!(ls.len(), 7);
        assert_eq!((ls[0].heading, ls[0].text.as_str()), (Some(2), "突出重点 严格管理"));
        assert!(ls[1].is_blank());
        assert!(ls[2].bold && ls[2].text == "统一服务事项标准");
        assert!(ls[3].hard_break && ls[3].text == "哈尔滨市疾病预防控制中心");
        assert_eq!(ls[4].no, 5);
        assert!(ls[5].quote && ls[5].text == "本报记者  张天培");
        assert_eq!((ls[6].indent, ls[6].text.as_str()), (4, "这是正文。"));
    }

    #[test]
    fn spaced_out_lines_lose_their_spacing_and_keep_real_spaces() {
        assert_eq!(split("## 县 图 书 馆 新 馆 开 放")[0].text, "县图书馆新馆开放");
        assert_eq!(split("港 口 城 市 論 壇   聚 焦 綠 色 航 運")[0].text, "港口城市論壇 聚焦綠色航運");
        assert_eq!(split("〔 記 者 鄧 瑋 ／ 山 城 報 導 〕 有 百")[0].text, "〔記者鄧瑋／山城報導〕有百");
        // Words with single spaces between them are not spacing.
        assert_eq!(split("压实责任 消除隐患")[0].text, "压实责任 消除隐患");
        assert_eq!(split("本报讯 全 县 共 有")[0].text, "本报讯 全 县 共 有");
    }

    #[test]
    fn odd_headings() {
        assert_eq!(split("#标题")[0].heading, Some(1));
        assert_eq!(split("######### 很多井号")[0].heading, Some(6));
        assert_eq!(split("## 标题 ##")[0].text, "标题");
        assert!(split("##")[0].markup_only);
        assert!(split("---")[0].markup_only);
        assert_eq!(split("#hashtag")[0].heading, None);
        let l = &split("**没有闭合的粗体")[0];
        assert!(l.bold && l.text == "没有闭合的粗体");
    }

    #[test]
    fn count_agrees_with_split() {
        for t in ["", "a", "a\n", "a\nb", "\n\n", "a\r\nb\rc\n", "\r\n\r", "\r\r\n\n", "末行", "\r", "a\rb", "\n\r", "一\r\n二\n三\r四"] {
            assert_eq!(count(t), split(t).len(), "{t:?}");
        }
    }

    #[test]
    fn a_line_reads_its_facts_once_and_equality_ignores_them() {
        let ls = split("本报讯（记者 王强）会议举行。\n一、加强管理");
        let fresh = split("本报讯（记者 王强）会议举行。\n一、加强管理");
        assert_eq!(ls[0].facts().credit.as_deref().map(|c| c.byline.as_str()), Some("本报讯（记者 王强）"));
        assert_eq!(ls[1].facts(), &BlockFacts::read("一、加强管理"));
        assert_eq!(ls[1].facts().number, Some((0, 1)));
        assert_eq!(ls, fresh, "facts read or not, the lines are equal");
    }

    #[test]
    fn front_matter_is_marked() {
        let ls = split("---\ntitle: \"x\"\ndate: 2025-01-10\n---\n\n# 标题");
        assert!(ls[0].markup_only && ls[3].markup_only);
        assert!(ls[1].front_matter && ls[2].front_matter);
        assert_eq!(ls[5].heading, Some(1));
    }

    #[test]
    fn images_are_flagged() {
        assert!(split("![](images/a.jpg)")[0].image);
    }
}
