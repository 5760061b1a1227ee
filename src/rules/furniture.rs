//! Page furniture: the paper's name, 第N版, the issue date and weekday, 责任编辑, the
//! footer, and the page citation "《人民日报》（2025年01月10日第 06 版）".
//!
//! This module owns recognizing a line that is page furniture rather than text of
//! an article, and reading what it says about the page (number, label, date) into
//! [`PageInfo`]. It also reads YAML front matter keys (`date:`, `section:`).

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::model::PageInfo;
use crate::rules::chars::{find_date, parse_number, trim};
use crate::rules::lexicon::alternation;
use crate::rules::lexicon::table::{
    BARE_STAFF_WORDS, MASTHEAD_WORDS, PAGE_UNITS, PAPER_ENDS, QUOTATION_LABELS, SECTIONS, SHEET_UNITS, STAFF_CREDITS, WEEKDAY_WORDS,
};

static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?:第\s*(?P<n>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*(?P<unit>PAGE_UNITS)|(?P<sec>[A-ZＡ-Ｚ])\s*(?P<sn>[0-9０-９]{1,3})\s*版?)";
    Regex::new(&pattern.replace("PAGE_UNITS", &alternation(PAGE_UNITS))).expect("page label pattern")
});
/// A running head of a bare page number and a section name, "04  要闻": furniture at
/// the page's edge only.
static NUMBER_SECTION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>[0-9０-９]{1,3})\s+\p{Han}{2,6}$").expect("page number and section pattern"));
/// An issue number, "第十二期", "第10期", "第四十五号": the issue's, never the page's.
static ISSUE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第\s*(?:[0-9０-９]{1,5}|[一二三四五六七八九十百千〇○零]{1,8})\s*[期号號]").expect("issue number pattern"));
static WEEKDAY_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?:{})[一二三四五六日天]", alternation(WEEKDAY_WORDS))).expect("weekday pattern"));
static EDITOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    // A bare 编辑 (制图, 校对) names the job only at the line's start, after a space or
    // before a colon: "马来西亚某华文报社副总编辑" is a person's title in a body line.
    let (bare, named): (Vec<&str>, Vec<&str>) = STAFF_CREDITS.iter().partition(|w| BARE_STAFF_WORDS.contains(w));
    let (bare, named) = (alternation(&bare), alternation(&named));
    Regex::new(&format!(r"(?:{named})\s*[:：]?|(?:^|[\s|｜])(?:{bare})\s*[:：]?|(?:{bare})\s*[:：]"))
        .expect("editor pattern")
});
static MASTHEAD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:{}|CN\s*\d{{2}}\s*[-－]\s*\d{{4}}|今日\s*\d+\s*版)", alternation(MASTHEAD_WORDS)))
        .expect("masthead pattern")
});
static PAPER_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\p{{Han}}{{2,8}}(?:{})$", alternation(PAPER_ENDS))).expect("paper pattern"));
/// A running head at the page's edge as OCR gives it: the paper's name (an edition
/// after it, 人民日报海外版), a date with its year, a weekday word whose day may be cut
/// or misread, then at most the page's label or number and its section:
/// "滨江日报 2022年8月4日 星期" (Tesseract dropped 四), "滬報 中華民國二十三年十月一日星期
/// 第十六版 要聞", "江城日报海外版 2024年3月6日 星期三 04 海外侨情". Between 年 and 日
/// up to eight marks are taken, so a misread month or day ("2021年]月11日", 月 dropped)
/// still reads as the date's place. Source: the running heads newspapers print above
/// the page (paper, date, weekday, page number, section; 人民日报 and 人民日报海外版 set
/// them so), and the faults traced on Tesseract's text and box pages (issues 13, 15).
static RUNNING_HEAD_RE: LazyLock<Regex> = LazyLock::new(|| {
    // The name, edition and era are taken as marks other than space and digit: a
    // class of few ranges keeps the pattern cheap to build (`\p{Han}` is not; issue 19).
    let pattern = r"^[^\s0-9]{1,8}(?:PAPER_ENDS)[^\s0-9]{0,6}\s*[.·．,，]?\s*(?:[0-9０-９]{4}|[一二三四五六七八九十〇○零]{2,4})\s*年[^年日]{1,8}日\s*(?:(?:WEEKDAY_WORDS)[^\s0-9０-９第]?)?\s*(?P<tail>.*)$";
    let pattern = pattern.replace("PAPER_ENDS", &alternation(PAPER_ENDS)).replace("WEEKDAY_WORDS", &alternation(WEEKDAY_WORDS));
    Regex::new(&pattern).expect("running head pattern")
});
static CITATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《(?P<paper>[^》]{2,12})》\s*[（(]\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*第\s*(?P<n>\d{1,3})\s*版\s*[）)]")
        .expect("citation pattern")
});

/// Every pattern that gives a line a furniture signal (or makes it a citation), in
/// one pass: a line that matches none of them is furniture only at the page's edge.
/// (Asking the set which of them match, to skip the others, cost more than it spared:
/// `matches` reads the whole line where `is_match` stops at the first match, and most
/// lines that match it match the page label, after which the rest run on changed text
/// anyway; issue 19.)
static SIGNALS: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        CITATION_RE.as_str(),
        LABEL_RE.as_str(),
        WEEKDAY_RE.as_str(),
        EDITOR_RE.as_str(),
        MASTHEAD_RE.as_str(),
        ISSUE_RE.as_str(),
    ])
        .expect("furniture signals")
});

/// What a furniture line says about the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Page number and label, if the line states them.
    pub number: Option<u32>,
    /// "第3版", "A4版"; a sheet "第四張" (its `number` is then `None`).
    pub label: Option<String>,
    /// ISO date, when a full date is printed.
    pub date: Option<String>,
}

impl Facts {
    /// Fills the empty fields of `info` with these facts (the first statement on a page wins).
    pub fn apply(&self, info: &mut PageInfo) {
        if info.number.is_none() {
            info.number = self.number;
        }
        if info.label.is_none() {
            info.label.clone_from(&self.label);
        }
        if info.date.is_none() {
            info.date.clone_from(&self.date);
        }
    }
}

fn label_facts(s: &str) -> Option<(Facts, std::ops::Range<usize>)> {
    let caps = LABEL_RE.captures(s)?;
    let all = caps.get(0)?;
    let (number, label) = if let Some(n) = caps.name("n") {
        let num = parse_number(n.as_str())?;
        // A Republican paper numbers its sheets (第四張, four pages each), not its pages.
        if let Some(unit) = caps.name("unit").map(|u| u.as_str()).filter(|u| SHEET_UNITS.contains(u)) {
            return Some((Facts { number: None, label: Some(format!("第{}{unit}", n.as_str())), date: None }, all.range()));
        }
        (num, format!("第{}版", n.as_str()))
    } else {
        let sec = caps.name("sec")?.as_str();
        let sn = caps.name("sn")?.as_str();
        (parse_number(sn)?, format!("{sec}{sn}版"))
    };
    Some((Facts { number: Some(number), label: Some(label), date: None }, all.range()))
}

/// How a briefs column's title ends: 簡報 / 简报, "news in brief".
pub const BRIEFS_ENDS: &[&str] = &["簡報", "简报"];

/// Whether `s` is the title of a section's briefs column, a section name of
/// [`SECTIONS`] and [`BRIEFS_ENDS`] and nothing else ("要聞簡報", "国内简报"): it ends
/// in 報 like a paper's name, but a paper is not named for a page's section, so it is a
/// headline, not furniture, even at the page's edge (issue 14, local 申報 pages: 要聞簡報
/// right under the running head went to `leftovers`).
fn briefs_title(s: &str) -> bool {
    BRIEFS_ENDS.iter().filter_map(|e| s.strip_suffix(e)).any(|head| SECTIONS.contains(&head))
}

/// Whether `before`, the text before a page label, ends in a word of a title glued to
/// the label: two or more Han characters and nothing else since the last space, not a
/// paper's name or a section (滬報第十六版, 要聞第三版), not a date's or weekday's end
/// (…日第三版, 星期五第十一版). A running head sets its label apart or after those; a
/// title that says 第一頁 ("建縣史第一頁", "the first page of a history") is no label
/// (issue 13, local 申報 Markdown: a headline at the page's top went to `leftovers`).
fn title_word_before(before: &str) -> bool {
    let word = before.rsplit(crate::rules::chars::is_space).next().unwrap_or("");
    word.chars().nth(1).is_some()
        && word.chars().all(crate::rules::chars::is_han)
        && !word.ends_with(['日', '年', '期'])
        && !WEEKDAY_RE.is_match(word)
        && !PAPER_RE.is_match(strip_sections(word))
        && !strip_sections(word).is_empty()
}

/// The text without section names at its end ("滨江日报要闻" → "滨江日报").
fn strip_sections(s: &str) -> &str {
    let mut t = s;
    while let Some(rest) = SECTIONS.iter().find_map(|x| t.strip_suffix(x)) {
        t = rest;
    }
    t
}

/// Reads a furniture line. `edge` says whether the line sits in the page's header or
/// footer zone (the first or last few text lines), where a paper name or a bare page
/// label alone is furniture too; there a running head damaged by OCR (a weekday cut or
/// misread, a misread date, a bare page number and a long section name) is furniture
/// too, when it opens with the paper's name (see [`RUNNING_HEAD_RE`]). Returns `None` for
/// a line of article text.
pub fn read(line: &str, edge: bool) -> Option<Facts> {
    let s = trim(line);
    // Counted without white space: a running head set across the page's width comes
    // out of OCR with a long run of spaces between its parts.
    if s.is_empty() || more_than_80_marks(s) {
        return None;
    }
    if !edge && !SIGNALS.is_match(s) {
        return None;
    }
    if brief_sentence(s) {
        return None;
    }
    if let Some(caps) = CITATION_RE.captures(s) {
        let date = find_date(caps.name("date")?.as_str()).and_then(|(d, _)| d.iso(None));
        let n = caps.name("n").and_then(|m| parse_number(m.as_str()));
        return Some(Facts { number: n, label: n.map(|n| format!("第{n}版")), date });
    }
    if edge {
        let glued = || match leading_number(s) {
            // the page number set close to a known section name, "16要闻" (OCR boxes
            // joined without a space)
            (Some(n), rest) => SECTIONS.contains(&rest).then_some(n),
            _ => None,
        };
        if let Some(n) = NUMBER_SECTION_RE.captures(s).and_then(|c| parse_number(c.name("n")?.as_str())).or_else(glued) {
            return Some(Facts { number: Some(n), label: Some(format!("第{n}版")), date: None });
        }
    }
    if let Some(date) = issue_line_date(s) {
        return Some(Facts { date: Some(date), ..Facts::default() });
    }
    let mut facts = Facts::default();
    let mut rest = s.to_string();
    let mut signals = 0;
    if let Some((f, range)) = label_facts(s).filter(|(_, r)| !title_word_before(&s[..r.start])) {
        // "第3版" alone, or with other furniture; never inside a sentence.
        facts = f;
        rest.replace_range(range, " ");
        signals += 1;
    }
    if let Some(m) = WEEKDAY_RE.find(&rest).map(|m| m.range()) {
        if let Some((d, range)) = find_date(&rest) {
            if d.year.is_some() {
                facts.date = d.iso(None);
                let (lo, hi) = (range.start.min(m.start), range.end.max(m.end));
                rest.replace_range(lo..hi, " ");
                signals += 2;
            }
        }
    }
    if let Some(start) = EDITOR_RE.find(&rest).map(|m| m.start()) {
        // 责任编辑：张三 — the names after it are furniture too.
        rest.replace_range(start.., " ");
        signals += 2;
    }
    if let Some(start) = MASTHEAD_RE.find(&rest).map(|m| m.start()) {
        rest.replace_range(start.., " ");
        signals += 2;
    }
    let leftover: String = rest.chars().filter(|c| !crate::rules::chars::is_space(*c)).collect();
    let leftover = leftover.trim_matches(|c: char| matches!(c, '|' | '｜' | '-' | '—' | '·' | ',' | '，' | '、'));
    let paper_only = PAPER_RE.is_match(strip_sections(leftover)) && !briefs_title(leftover);
    let sentence = leftover.contains(['。', '，', '；', '！', '？']);
    let short = leftover.chars().count() <= 12;
    let accepted = match signals {
        0 => edge && paper_only,
        1 => !sentence && (leftover.is_empty() || (edge && short) || paper_only || leftover.chars().count() <= 4),
        _ => !sentence && (short || paper_only),
    };
    if accepted {
        return Some(facts);
    }
    // Few lines reach here at the page's edge; a running head holds the paper's name
    // (all of [`PAPER_ENDS`] end in 报 or 報) before the date's 年.
    if edge && s.find('年').is_some_and(|y| s[..y].contains(['报', '報'])) {
        return running_head(s);
    }
    None
}

/// Whether `s` is the first line of a news brief that runs on as a sentence: it opens
/// with a brief mark ([`crate::rules::numbering::brief_item`], △ ▲ ★ ☆) and holds a
/// clause mark. Such a line is article text even when it uses an imprint word of
/// [`MASTHEAD_WORDS`] ("△本月底工人出版社将印刷一批年画，区…": 印刷 as a verb). Source:
/// a brief cut off on the 财贸动态 page of `../shared/realpages/bha25-tabloids` (issue 14).
fn brief_sentence(s: &str) -> bool {
    crate::rules::numbering::brief_item(s) && s.contains(['，', '。', '；', '、', '！', '？'])
}

/// Reads a running head the signals above miss (see [`RUNNING_HEAD_RE`]): its date when
/// the printed date reads whole, its page number and label from what follows the date.
fn running_head(s: &str) -> Option<Facts> {
    let tail = RUNNING_HEAD_RE.captures(s)?.name("tail")?;
    let mut facts = Facts::default();
    let rest = if let Some((f, range)) = label_facts(tail.as_str()).filter(|(_, r)| r.start == 0) {
        facts = f;
        &tail.as_str()[range.end..]
    } else {
        // a bare page number, "02  华文作品"
        let (n, rest) = leading_number(tail.as_str());
        if let Some(n) = n {
            facts = Facts { number: Some(n), label: Some(format!("第{n}版")), date: None };
        }
        rest
    };
    // then at most a section name
    let section = trim(rest);
    if section.chars().count() > 6 || !section.chars().all(crate::rules::chars::is_han) || (facts.label.is_none() && !section.is_empty()) {
        return None;
    }
    facts.date = find_date(&s[..tail.start()]).filter(|(d, _)| d.year.is_some()).and_then(|(d, _)| d.iso(None));
    Some(facts)
}

/// A page number of one to three digits (ASCII or full width) opening `t`, and the
/// text after it, white space trimmed; `(None, t)` when `t` opens with no such number.
fn leading_number(t: &str) -> (Option<u32>, &str) {
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let digits = &t[..t.len() - rest.len()];
    match parse_number(digits).filter(|_| digits.chars().count() <= 3) {
        Some(n) => (Some(n), trim(rest)),
        None => (None, t),
    }
}

/// Whether `s` holds more than 80 characters other than white space: too long for a
/// furniture line. Text of at most 80 bytes, or of at most 80 characters (counted on
/// bytes, a vectorized count), holds no more; only a longer one is walked, to its 81st
/// mark. Text of more than 320 bytes holds more than 80 characters (4 bytes at most
/// each) and is walked without the count.
fn more_than_80_marks(s: &str) -> bool {
    s.len() > 80
        && (s.len() > 320 || s.chars().count() > 80)
        && s.chars().filter(|c| !crate::rules::chars::is_space(*c)).nth(80).is_some()
}

/// Words printed right after a date that make it some other date than the issue's:
/// the masthead's "一九六七年四月一日创刊" (founded) or "复刊" (resumed), Simplified and
/// Traditional. Source: the founding line under a tabloid's masthead (issue 14, round 3).
const NOT_ISSUE_DATE_AFTER: &[&str] = &["创刊", "創刊", "复刊", "復刊"];

/// Reads a line the geometry marked as page furniture (the masthead's issue, publisher
/// and date lines, a running head): what [`read`] gives for an edge line, plus the
/// issue date printed on it without a weekday ("1968年3月12日", "第8期 一九六七年十一月二十三日",
/// "第十四期 1968年5月6日", "中华民国二十五年三月一日"). Only a date with its year counts, and
/// not one followed by [`NOT_ISSUE_DATE_AFTER`] (a founding date). An issue number (第10期,
/// 本期4版, 第四十五号) never gives `number`: it is the issue's, not the page's.
/// Never returns `None`: a margin line is furniture whatever it says.
pub fn read_margin(line: &str) -> Facts {
    let mut facts = read(line, true).unwrap_or_default();
    if facts.date.is_none() {
        facts.date = issue_date(trim(line));
    }
    facts
}

/// The first printed date with a year in `s` that is not followed by a founding word.
fn issue_date(s: &str) -> Option<String> {
    let mut from = 0;
    while let Some((d, range)) = s.get(from..).and_then(find_date) {
        let (start, end) = (from + range.start, from + range.end);
        let after = s[end..].trim_start();
        if d.year.is_some() && !NOT_ISSUE_DATE_AFTER.iter().any(|w| after.starts_with(w)) {
            if let Some(iso) = d.iso(None) {
                return Some(iso);
            }
        }
        from = if end > start { end } else { return None };
    }
    None
}

/// The date of a line that holds an issue number, a full date and at most a weekday,
/// nothing else ("第十四期 1968年5月6日", "1968年5月6日 第14期 星期一"): the issue line of a
/// masthead wherever it stands on the page. A sentence around them is not such a line.
fn issue_line_date(s: &str) -> Option<String> {
    let issue = ISSUE_RE.find(s)?;
    let (d, range) = find_date(s)?;
    if d.year.is_none() || range.start < issue.end() && issue.start() < range.end {
        return None;
    }
    let mut rest = s.to_string();
    let (first, second) = if issue.start() < range.start { (issue.range(), range) } else { (range, issue.range()) };
    rest.replace_range(second, " ");
    rest.replace_range(first, " ");
    let rest = WEEKDAY_RE.replace(&rest, " ");
    rest.chars().all(crate::rules::chars::is_space).then(|| d.iso(None)).flatten()
}

/// Whether `line` is the label of a boxed quotation and nothing else: one of
/// [`QUOTATION_LABELS`] (毛主席语录, 最高指示, 毛主席教导我们, ...), white space inside it
/// (a label set letter-spaced, 最 高 指 示) and a closing colon or ornaments (★, ☆, ◆)
/// around it allowed. Such a line opens the box's `quote` blocks (contract: "`quote` (also
/// a boxed quotation such as 最高指示)"); it is never a credit line.
pub fn quotation_label(line: &str) -> bool {
    let ornament = |c: char| matches!(c, '★' | '☆' | '◆' | '◇' | '●' | '○' | '■' | '□');
    // Asked of every line with a credit: most open with no label's first character, and
    // are answered without copying them (issue 19).
    let Some(first) = line.chars().find(|c| !crate::rules::chars::is_space(*c) && !ornament(*c)) else { return false };
    if !QUOTATION_LABELS.iter().any(|l| l.starts_with(first)) {
        return false;
    }
    let s: String = line.chars().filter(|c| !crate::rules::chars::is_space(*c)).collect();
    let s = s.trim_matches(ornament);
    let s = s.trim_end_matches([':', '：']);
    QUOTATION_LABELS.contains(&s)
}

/// Reads a YAML front matter line (`date: 2025-01-10`, `section: "第06版"`).
pub fn front_matter(line: &str) -> Facts {
    let mut facts = Facts::default();
    let Some((key, value)) = line.split_once(':') else { return facts };
    let value = trim(value).trim_matches(['"', '\'']);
    match trim(key) {
        "date" | "publish_date" | "pub_date" if value.len() >= 10 => {
            let v = &value[..10];
            if v.as_bytes().iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() }) {
                facts.date = Some(v.to_string());
            }
        }
        "section" | "page" | "plate" => {
            if let Some((f, _)) = label_facts(value) {
                facts = f;
            } else if let Some(n) = parse_number(value) {
                facts.number = Some(n);
                facts.label = Some(format!("第{n}版"));
            }
        }
        _ => {}
    }
    facts
}

/// Finds a page citation ("《人民日报》（2025年01月10日第 06 版）") inside a line and
/// returns its byte range, so a credit line can be split from it.
pub fn citation(line: &str) -> Option<std::ops::Range<usize>> {
    CITATION_RE.find(line).map(|m| m.range())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_footer_lines() {
        let f = read("哈尔滨日报  2021年3月5日 星期五", true).unwrap();
        assert_eq!(f.date.as_deref(), Some("2021-03-05"));
        let f = read("第3版 要闻  责任编辑：张三", false).unwrap();
        assert_eq!((f.number, f.label.as_deref()), (Some(3), Some("第3版")));
        let f = read("A4版", true).unwrap();
        assert_eq!((f.number, f.label.as_deref()), (Some(4), Some("A4版")));
        assert!(read("责任编辑 李四  美术编辑 王五", false).is_some());
        assert!(read("哈尔滨日报", true).is_some());
        assert!(read("哈尔滨日报", false).is_none());
        let f = read("04  要闻", true).unwrap();
        assert_eq!((f.number, f.label.as_deref()), (Some(4), Some("第4版")));
        assert!(read("04  要闻", false).is_none());
        let f = read("16要闻", true).unwrap();
        assert_eq!((f.number, f.label.as_deref()), (Some(16), Some("第16版")));
        assert!(read("16要闻", false).is_none());
        assert!(read("3大举措", true).is_none());
        let wide = format!("滨江日报 2024年12月24日 星期二{}第13版 要闻", " ".repeat(90));
        assert_eq!(read(&wide, true).and_then(|f| f.number), Some(13));
        let f = read("《人民日报》（2025年01月10日第 06 版）", false).unwrap();
        assert_eq!((f.number, f.date.as_deref()), (Some(6), Some("2025-01-10")));
    }

    #[test]
    fn running_heads_with_a_cut_weekday_or_a_misread_date() {
        // the weekday's day dropped by OCR, with and without the page's number and section
        let f = read("江城日报 2023年5月9日 星期", true).expect("furniture");
        assert_eq!((f.number, f.date.as_deref()), (None, Some("2023-05-09")));
        let f = read("江城日报2023年5月9日星期 07要闻", true).expect("furniture");
        assert_eq!((f.number, f.label.as_deref(), f.date.as_deref()), (Some(7), Some("第7版"), Some("2023-05-09")));
        // a misread month: the running head's shape, no date
        let f = read("江城日报 2023年]月19日 星期二", true).expect("furniture");
        assert_eq!((f.number, f.date), (None, None));
        // a paper's edition, a bare page number and a section name longer than the rest allow
        let f = read("江城日报海外版  2024年3月6日  星期三  04  海外侨情", true).expect("furniture");
        assert_eq!((f.number, f.date.as_deref()), (Some(4), Some("2024-03-06")));
        // a Republican sheet with 月 dropped, and a cut weekday before the page label
        let f = read("滬報中華民國二十二年三 十六日星期四 第五張要聞", true).expect("furniture");
        assert_eq!((f.label.as_deref(), f.date), (Some("第五張"), None));
        let f = read("滬報中華民國二十三年十月一日星期 第十六版要聞", true).expect("furniture");
        assert_eq!((f.number, f.date.as_deref()), (Some(16), Some("1934-10-01")));
        // only at the page's edge, and never a sentence after the date
        assert!(read("江城日报 2023年5月9日 星期", false).is_none());
        assert!(read("江城日报2023年5月9日刊发评论员文章，题为坚持人民至上", true).is_none());
        assert!(read("江城日报 2023年5月9日 社论", true).is_none());
    }

    #[test]
    fn traditional_header_lines() {
        // a sheet and its section, the running head of a Republican paper
        let f = read("第四張  要聞", true).expect("furniture");
        assert_eq!((f.number, f.label.as_deref()), (None, Some("第四張")));
        assert!(read("第四張  要聞", false).is_some());
        let f = read("臺北日報　中華民國112年3月8日 星期三", true).unwrap();
        assert_eq!(f.date.as_deref(), Some("2023-03-08"));
        let f = read("第四版　地方新聞　責任編輯：林美玲", false).unwrap();
        assert_eq!((f.number, f.label.as_deref()), (Some(4), Some("第四版")));
        let f = read("港聞　　2023年1月13日 星期五", true).unwrap();
        assert_eq!(f.date.as_deref(), Some("2023-01-13"));
        assert!(read("新聞熱線：02-2345-6789　投稿信箱：news@taipei-daily.example", true).is_some());
        assert!(read("香港文匯報", true).is_some());
        assert!(read("市府昨天召開市政會議，市長強調，未來四年將再興建兩萬戶社會住宅。", true).is_none());
    }

    #[test]
    fn article_text_is_not_furniture() {
        assert!(read("省委书记在第3版刊发的文章中指出，要坚持人民至上。", false).is_none());
        assert!(read("1月12日18:50，哈尔滨市报告1例新冠肺炎确诊病例", true).is_none());
        assert!(read("市十五届人大常委会第三十六次会议举行", true).is_none());
        assert!(read("编制全区所有行政审批和公共事务事项标准化业务手册和办事指南，实现一码管理", false).is_none());
    }

    #[test]
    fn a_brief_using_an_imprint_word_is_not_furniture() {
        assert!(read("△本月底工人出版社将印刷一批年画，区", false).is_none());
        assert!(read("★区里即将公布新的定价，各店", true).is_none());
        // the imprint line itself still is
        assert!(read("印刷：江城日报印刷厂", false).is_some());
        assert!(read("△印刷：江城日报印刷厂", false).is_some());
    }

    #[test]
    fn issue_dates_on_masthead_lines() {
        assert_eq!(read_margin("1968年3月12日").date.as_deref(), Some("1968-03-12"));
        assert_eq!(read_margin("第8期 一九六七年十一月二十三日").date.as_deref(), Some("1967-11-23"));
        assert_eq!(read_margin("第十四期 1968年5月6日").date.as_deref(), Some("1968-05-06"));
        assert_eq!(read_margin("中华民国二十五年三月一日").date.as_deref(), Some("1936-03-01"));
        assert_eq!(read_margin("民國三十七年五月四日 星期二").date.as_deref(), Some("1948-05-04"));
        assert_eq!(read_margin("一九七零年三月八日 星期日").date.as_deref(), Some("1970-03-08"));
        // a founding date is not the issue's; the issue date after it is
        assert_eq!(read_margin("一九六七年四月一日创刊").date, None);
        assert_eq!(read_margin("一九六五年五月一日創刊 第九期 一九六八年六月二日").date.as_deref(), Some("1968-06-02"));
        // a date without its year, or one that does not exist, gives none
        assert_eq!(read_margin("七月十五日").date, None);
        assert_eq!(read_margin("1967年2月30日").date, None);
        // issue numbers are not page numbers
        for issue in ["第9期本期6版", "第四十五号", "第七期本期两版", "第十四期 1968年5月6日"] {
            let f = read_margin(issue);
            assert_eq!((f.number, f.label.as_deref()), (None, None), "{issue}");
        }
        // an issue line gives the date wherever it stands; a sentence holding both does not
        let f = read("第十四期 1968年5月6日", false).expect("furniture");
        assert_eq!((f.number, f.date.as_deref()), (None, Some("1968-05-06")));
        assert_eq!(read("1968年5月6日　第14期 星期一", false).and_then(|f| f.date).as_deref(), Some("1968-05-06"));
        assert!(read("第十四期培训班于1968年5月6日开学", false).is_none());
        assert!(read("第十二期", false).is_none());
        // a page label on a margin line still numbers the page
        assert_eq!(read_margin("第3版 要闻").number, Some(3));
    }

    #[test]
    fn quotation_labels() {
        for label in ["毛主席语录", "最 高 指 示", "★最高指示★", "毛主席教导我们：", "毛主席語錄"] {
            assert!(quotation_label(label), "{label}");
        }
        for text in ["最高指示传达到全社", "毛主席", "语录", "学习毛主席语录的体会"] {
            assert!(!quotation_label(text), "{text}");
        }
    }

    #[test]
    fn front_matter_keys() {
        assert_eq!(front_matter("date: 2025-01-10").date.as_deref(), Some("2025-01-10"));
        assert_eq!(front_matter("section: \"第06版\"").number, Some(6));
    }
}
