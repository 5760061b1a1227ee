//! Jump markers: （下转第五版）, (上接第一版), 转第3版, 接第1版, 紧接第二版, 下转A4版,
//! （下轉第三張） (an old paper's sheet).
//!
//! This module owns finding jump markers in a paragraph, reading them into
//! [`Jump`] objects and taking them out of the text. Simplified and Traditional
//! forms (下轉, 緊接, 續, 續見, 頁) are read alike; brackets may be full or half width, numbers
//! Arabic (ASCII or full width), Chinese, or a section letter with a number (A4).
//! A bracketed marker is taken anywhere in the text. An unbracketed one is taken
//! anywhere when its verb is unmistakable (下转, 上接, 紧接), and otherwise (转, 接, 续)
//! only when it stands at the start or end of the text, so that running prose such as
//! "转第二版的消息" is not cut.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use regex::Regex;

use crate::model::{Jump, JumpDirection};
use crate::rules::chars::{parse_number, trim};
use crate::rules::lexicon::{alternation, every_char};
use crate::rules::lexicon::table::{JUMP_DISTINCTIVE_VERBS, JUMP_ON_VERBS, JUMP_PAGE_UNITS, JUMP_VERBS, NUMERAL_TWO};

/// The marker: an optional bracket, a verb of [`JUMP_VERBS`] (tried in its order, so
/// 转至 before 转), 第, the page (digits, Chinese numerals, a section letter and
/// digits) and its unit.
static JUMP_RE: LazyLock<Regex> = LazyLock::new(|| {
    let verbs: Vec<String> = JUMP_VERBS.iter().map(|v| regex::escape(v)).collect();
    let pattern = r"(?x)
        (?P<open>[（(〔【\[［]\s*)?
        (?P<verb>VERBS)
        \s*(?P<di>第)?\s*
        (?P<num>[0-9０-９]{1,3}|(?:[一二三四五六七八九十〇零]|TWO){1,4}|[A-Za-zＡ-Ｚ]\s*[0-9０-９]{1,3})
        \s*(?P<unit>UNITS)
        (?P<close>\s*[)）〕】\]］])?";
    let pattern = pattern.replace("TWO", &alternation(NUMERAL_TWO)).replace("UNITS", &alternation(JUMP_PAGE_UNITS));
    Regex::new(&pattern.replace("VERBS", &verbs.join("|"))).expect("jump pattern")
});

/// A jump marker found in a text, with the byte range it occupied (brackets included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The marker, read.
    pub jump: Jump,
    /// Byte range in the searched text, brackets included.
    pub range: Range<usize>,
}

/// The verbs of [`JUMP_VERBS`] in one automaton (leftmost first: of two verbs starting
/// at one place, the longer, which the table lists first), for [`may_hold_marker`].
static VERBS_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(JUMP_VERBS).expect("jump verbs automaton"));

/// Whether [`JUMP_RE`] can match in `text`: a verb of [`JUMP_VERBS`] followed, after
/// white space and an optional 第, by a character a page number opens with (a digit, a
/// Chinese numeral, a form of two of [`NUMERAL_TWO`], a section letter). Most
/// paragraphs hold a 接 or a 转 but no number after it, and are turned away here, before
/// the pattern (whose optional opening bracket makes every bracket of the text a place
/// to try) runs. Every place a verb starts is tried (the search goes on one character
/// after the start of each verb found, not after its end: "上接上第二版" holds 接上 inside
/// 上接); a shorter verb hidden at the start of a longer one (转 in 转至) is followed by
/// the rest of the longer one, never by a number, so it needs no trying.
fn may_hold_marker(text: &str) -> bool {
    let mut from = 0;
    while let Some(m) = VERBS_AC.find(Input::new(text).span(from..text.len())) {
        let rest = text[m.end()..].trim_start_matches(char::is_whitespace);
        let rest = rest.strip_prefix('第').map_or(rest, |r| r.trim_start_matches(char::is_whitespace));
        let number = rest.starts_with(|c: char| {
            c.is_ascii_alphanumeric()
                || matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零')
                || NUMERAL_TWO.iter().any(|t| t.starts_with(c))
        });
        if number {
            return true;
        }
        from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Finds every jump marker in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    if !may_hold_marker(text) {
        return Vec::new();
    }
    let trimmed_start = text.len() - text.trim_start_matches(crate::rules::chars::is_space).len();
    let trimmed_end = text.trim_end_matches(crate::rules::chars::is_space).len();
    let mut out = Vec::new();
    for caps in JUMP_RE.captures_iter(text) {
        let Some(all) = caps.get(0) else { continue };
        let verb = caps.name("verb").map_or("", |m| m.as_str());
        let bracketed = caps.name("open").is_some() && caps.name("close").is_some();
        let distinctive = JUMP_DISTINCTIVE_VERBS.contains(&verb);
        let at_edge = all.start() <= trimmed_start || all.end() >= trimmed_end || at_sentence_edge(text, all.start(), all.end());
        let half_bracketed = caps.name("open").is_some() || caps.name("close").is_some();
        if !(bracketed || distinctive || at_edge) {
            continue;
        }
        // A lone bracket on one side belongs to the marker only when it pairs up.
        let mut range = all.range();
        if half_bracketed && !bracketed {
            if let Some(open) = caps.name("open") {
                range.start = open.end();
            }
            if let Some(close) = caps.name("close") {
                range.end = close.start();
            }
        }
        let num = caps.name("num").map_or("", |m| m.as_str());
        let unit = caps.name("unit").map_or("版", |m| m.as_str());
        let num_clean: String = num.chars().filter(|c| !c.is_whitespace()).collect();
        let label = format!("{}{}{}", if caps.name("di").is_some() { "第" } else { "" }, num_clean, unit);
        let page = parse_number(&num_clean).or_else(|| {
            let digits: String = num_clean.chars().skip(1).collect();
            parse_number(&digits)
        });
        let direction = if JUMP_ON_VERBS.contains(&verb) { JumpDirection::ContinuedOn } else { JumpDirection::ContinuedFrom };
        out.push(Found { jump: Jump { direction, page, label: label.clone(), text: format!("{verb}{label}"), target: None }, range });
    }
    out
}

/// True when the marker sits between sentence punctuation (or the text's edges).
fn at_sentence_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end().chars().next_back();
    let after = text[end..].trim_start().chars().next();
    let edge = |c: Option<char>| c.is_none_or(|c| crate::rules::chars::is_terminal(c) || matches!(c, '，' | ','));
    edge(before) && edge(after)
}

/// Takes every jump marker out of `text`. Returns the text without them (white space
/// left around a removed marker is collapsed) and the markers in order.
pub fn extract(text: &str) -> (String, Vec<Jump>) {
    take_out(text, find(text))
}

/// Takes the markers `found` in `text` out of it; see [`extract`].
fn take_out(text: &str, found: Vec<Found>) -> (String, Vec<Jump>) {
    if found.is_empty() {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for f in &found {
        let before = &text[last..f.range.start];
        out.push_str(before);
        last = f.range.end;
    }
    out.push_str(&text[last..]);
    (trim(&out).to_string(), found.into_iter().map(|f| f.jump).collect())
}

/// True when `text` is nothing but jump markers (a marker on a line of its own).
pub fn is_only_jumps(text: &str) -> bool {
    // A character that no marker holds, and that may not be left around one, settles
    // it before the pattern runs.
    if !text.chars().all(|c| crate::rules::chars::is_space(c) || may_be_in_marker(c)) {
        return false;
    }
    let found = find(text);
    if found.is_empty() {
        return false;
    }
    let (rest, _) = take_out(text, found);
    rest.chars().all(|c| crate::rules::chars::is_space(c) || matches!(c, '(' | ')' | '（' | '）'))
}

/// The characters of the lexicon's words [`JUMP_RE`] is built from: the verbs of
/// [`JUMP_VERBS`], the forms of two of [`NUMERAL_TWO`] and the units of [`JUMP_PAGE_UNITS`].
static MARKER_WORD_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| every_char(&[JUMP_VERBS, NUMERAL_TWO, JUMP_PAGE_UNITS]));

/// A character [`JUMP_RE`] can match outside white space: brackets, 第, numerals,
/// section letters, and the characters of its words ([`MARKER_WORD_CHARS`]).
fn may_be_in_marker(c: char) -> bool {
    c.is_alphanumeric() && (c.is_ascii() || matches!(c, '０'..='９' | 'Ａ'..='Ｚ'))
        || matches!(
            c,
            '（' | '(' | '〔' | '【' | '[' | '［' | ')' | '）' | '〕' | '】' | ']' | '］' | '第' | '一' | '二' | '三' | '四' | '五' | '六'
                | '七' | '八' | '九' | '十' | '〇' | '零'
        )
        || MARKER_WORD_CHARS.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_of_every_verb_passes_the_prefilter() {
        for v in JUMP_VERBS {
            assert!(v.chars().all(may_be_in_marker), "{v}");
        }
        assert!(JUMP_ON_VERBS.iter().chain(JUMP_DISTINCTIVE_VERBS).all(|v| JUMP_VERBS.contains(v)));
    }

    /// The prefilter passes every page unit and every form of two of the lexicon, and
    /// each of them makes a marker read to its page.
    #[test]
    fn every_unit_and_numeral_of_the_lexicon_passes_the_prefilter() {
        for u in JUMP_PAGE_UNITS {
            assert!(u.chars().all(may_be_in_marker), "{u}");
            let j = one(&format!("（下转第5{u}）"));
            assert_eq!((j.page, j.label.as_str()), (Some(5), format!("第5{u}").as_str()), "{u}");
        }
        for two in NUMERAL_TWO {
            assert!(two.chars().all(may_be_in_marker), "{two}");
            assert_eq!(one(&format!("（下转第{two}版）")).page, Some(2), "{two}");
        }
    }

    fn one(s: &str) -> Jump {
        let (_, js) = extract(s);
        assert_eq!(js.len(), 1, "{s}: {js:?}");
        js[0].clone()
    }

    #[test]
    fn every_printed_form() {
        let j = one("就近受理百姓各项服务需求。(下转第五版)");
        assert_eq!((j.direction, j.page, j.label.as_str(), j.text.as_str()), (JumpDirection::ContinuedOn, Some(5), "第五版", "下转第五版"));
        let j = one("（上接第一版）");
        assert_eq!((j.direction, j.page), (JumpDirection::ContinuedFrom, Some(1)));
        assert_eq!(one("转第3版").page, Some(3));
        assert_eq!(one("接第1版").direction, JumpDirection::ContinuedFrom);
        assert_eq!(one("紧接第二版").page, Some(2));
        let j = one("下转A4版");
        assert_eq!((j.page, j.label.as_str()), (Some(4), "A4版"));
        assert_eq!(one("（下轉第四版）").page, Some(4));
        // 申報 and other old papers number their sheets (張).
        let j = one("（上接第一張）");
        assert_eq!((j.direction, j.page, j.label.as_str()), (JumpDirection::ContinuedFrom, Some(1), "第一張"));
        assert_eq!(one("(下转第１２版)").page, Some(12));
        assert_eq!(one("（下转第十二版）").page, Some(12));
    }

    #[test]
    fn traditional_forms() {
        let j = one("市府表示將持續觀察。（下轉第四版）");
        assert_eq!((j.direction, j.page, j.label.as_str(), j.text.as_str()), (JumpDirection::ContinuedOn, Some(4), "第四版", "下轉第四版"));
        let j = one("（上接第一版）特區政府發言人表示");
        assert_eq!((j.direction, j.page, j.text.as_str()), (JumpDirection::ContinuedFrom, Some(1), "上接第一版"));
        let j = one("（續第一版）市府表示將持續觀察。");
        assert_eq!((j.direction, j.page, j.text.as_str()), (JumpDirection::ContinuedFrom, Some(1), "續第一版"));
        // 續見 (continued, see page N) points forward, unlike 續 alone.
        let j = one("行動支付都能使用。（續見A5版）");
        assert_eq!((j.direction, j.page, j.label.as_str(), j.text.as_str()), (JumpDirection::ContinuedOn, Some(5), "A5版", "續見A5版"));
        let j = one("（緊接第二版）");
        assert_eq!((j.direction, j.page), (JumpDirection::ContinuedFrom, Some(2)));
        assert_eq!(one("（轉第3頁）").label, "第3頁");
    }

    #[test]
    fn marker_is_taken_out_of_the_text() {
        let (t, js) = extract("就近受理百姓各项服务需求。(下转第五版)");
        assert_eq!(t, "就近受理百姓各项服务需求。");
        assert_eq!(js.len(), 1);
        let (t, _) = extract("会议指出，（下转第二版）要坚持人民至上。");
        assert_eq!(t, "会议指出，要坚持人民至上。");
        let (t, _) = extract("（上接第一版）为把服务的门开在家门口。");
        assert_eq!(t, "为把服务的门开在家门口。");
    }

    /// The prefilter tries every place a verb starts: 接上 starting inside 上接 is read
    /// as the pattern reads it; prose with 接 and 转 but no page number after them is
    /// turned away before the pattern runs.
    #[test]
    fn the_marker_prefilter_tries_every_verb_start() {
        let found = find("上接上第二版");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].jump.text.as_str(), found[0].range.clone()), ("接上第二版", 3..18));
        assert!(may_hold_marker("转至 第 ３版"));
        assert!(may_hold_marker("下转Ａ4版"));
        assert!(may_hold_marker("（下转第两版）"));
        assert!(!may_hold_marker("他接受了采访，工作重心转向基层，继续推进承接项目。"));
        for v in JUMP_VERBS {
            assert!(may_hold_marker(&format!("会议举行。（{v}第5版）")), "{v}");
            assert!(!find(&format!("会议举行。（{v}第5版）")).is_empty(), "{v}");
        }
    }

    #[test]
    fn prose_that_looks_like_a_jump_is_left() {
        let (t, js) = extract("他把工作重心转第二版的编辑上来了");
        assert!(js.is_empty());
        assert_eq!(t, "他把工作重心转第二版的编辑上来了");
        assert!(is_only_jumps("  (转第3版)  "));
        assert!(!is_only_jumps("转第3版的稿件"));
    }
}
