//! Punctuation width next to Chinese text, per GB/T 15834-2011 (标点符号用法).
//!
//! This module owns one rule set. In Chinese text the marks `,` `;` `:` `!` `?` `(`
//! `)` are set full width (`，` `；` `：` `！` `？` `（` `）`). A half-width mark is made
//! full width when it touches a Han character or CJK punctuation; a pair of
//! parentheses is converted together when either side touches Chinese or the
//! parenthesized text contains Han characters. `:` and `,` between two digits
//! (18:50, 1,000) and `.` anywhere stay as they are. ASCII quotes that enclose
//! Chinese text become “ ” (or ‘ ’) when they pair up. Spaces left beside a full-width
//! mark are dropped (the full-width mark carries its own space).

use std::borrow::Cow;

use crate::text::{is_cjk, is_cjk_punct, is_han, is_space};

/// Applies the rules above to `s`.
pub fn normalize(s: &str) -> String {
    normalize_cow(s).into_owned()
}

/// [`normalize`], borrowing `s` back when nothing changes. Text without any of the
/// ASCII marks the rules change (most text) can only lose spaces, and that is done
/// without a vector of its chars.
pub fn normalize_cow(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| is_ascii_mark(b as char)) {
        return drop_spaces_in_str(s);
    }
    Cow::Owned(normalize_marks(s))
}

/// The rules above on a text that has half-width marks. Only the marks can change,
/// so the work is done on a list of them, each with its nearest non-space neighbours
/// (a character, or another mark whose value may change): no vector of every char.
/// The passes are those of the rule set: ASCII quotes first, then parenthesis pairs,
/// then single marks until nothing changes (at most four passes), each pass reading
/// the neighbours as they were when it began; then the spaces beside full-width marks.
fn normalize_marks(s: &str) -> String {
    let mut marks: Vec<Mark> = Vec::new();
    let mut last = Near::Edge;
    let mut waiting: Vec<usize> = Vec::new(); // marks whose next neighbour is not known yet
    let mut han = 0u32;
    let mut prev_char: Option<char> = None;
    for (i, c) in s.char_indices() {
        if is_ascii_mark(c) {
            let k = marks.len();
            for w in waiting.drain(..) {
                marks[w].next = Near::Mark(k);
            }
            let next_char = s[i + 1..].chars().next();
            marks.push(Mark {
                at: i,
                cur: c,
                prev: last,
                next: Near::Edge,
                digits_around: prev_char.is_some_and(|p| p.is_ascii_digit()) && next_char.is_some_and(|n| n.is_ascii_digit()),
                han,
                paired: false,
            });
            waiting.push(k);
            last = Near::Mark(k);
        } else if !is_space(c) {
            for w in waiting.drain(..) {
                marks[w].next = Near::Char(c);
            }
            last = Near::Char(c);
        }
        han += u32::from(is_han(c));
        prev_char = Some(c);
    }
    mark_quotes(&mut marks, '"', '“', '”');
    mark_quotes(&mut marks, '\'', '‘', '’');
    mark_parentheses(&mut marks);
    for _ in 0..4 {
        if !mark_pass(&mut marks) {
            break;
        }
    }
    let mut out = String::with_capacity(s.len() + 2 * marks.len());
    let mut copied = 0;
    for m in &marks {
        out.push_str(&s[copied..m.at]);
        out.push(m.cur);
        copied = m.at + 1;
    }
    out.push_str(&s[copied..]);
    match drop_spaces_in_str(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(o) => o,
    }
}

/// The ASCII marks the rules may change.
fn is_ascii_mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '\'')
}

/// The nearest non-space neighbour of a mark.
#[derive(Clone, Copy)]
enum Near {
    /// The text's edge.
    Edge,
    /// A character that no rule changes.
    Char(char),
    /// Another mark, by index.
    Mark(usize),
}

/// A half-width mark: its byte offset, its value now, its neighbours, whether digits
/// touch it on both sides, the Han characters before it, and whether it is one of a
/// pair of parentheses.
struct Mark {
    at: usize,
    cur: char,
    prev: Near,
    next: Near,
    digits_around: bool,
    han: u32,
    paired: bool,
}

/// The value of a neighbour, reading marks from `values`.
fn near(n: Near, values: &[char]) -> Option<char> {
    match n {
        Near::Edge => None,
        Near::Char(c) => Some(c),
        Near::Mark(k) => Some(values[k]),
    }
}

fn mark_touches(m: &Mark, values: &[char]) -> bool {
    near(m.prev, values).is_some_and(is_cjk) || near(m.next, values).is_some_and(is_cjk)
}

/// ASCII quotes, when they pair up and enclose Han characters, become the curly pair.
fn mark_quotes(marks: &mut [Mark], ascii: char, open: char, close: char) {
    let idx: Vec<usize> = (0..marks.len()).filter(|&k| marks[k].cur == ascii).collect();
    if idx.is_empty() || idx.len() % 2 != 0 {
        return;
    }
    if !idx.chunks(2).any(|p| marks[p[1]].han > marks[p[0]].han) {
        return;
    }
    for (n, &k) in idx.iter().enumerate() {
        marks[k].cur = if n % 2 == 0 { open } else { close };
    }
}

/// Parenthesis pairs: full width when either side touches Chinese or Han characters
/// stand between them.
fn mark_parentheses(marks: &mut [Mark]) {
    let values: Vec<char> = marks.iter().map(|m| m.cur).collect();
    let mut stack: Vec<usize> = Vec::new();
    for k in 0..marks.len() {
        match marks[k].cur {
            '(' => stack.push(k),
            ')' => {
                if let Some(open) = stack.pop() {
                    marks[open].paired = true;
                    marks[k].paired = true;
                    let inner_han = marks[k].han > marks[open].han;
                    if inner_han || mark_touches(&marks[open], &values) || mark_touches(&marks[k], &values) {
                        marks[open].cur = '（';
                        marks[k].cur = '）';
                    }
                }
            }
            _ => {}
        }
    }
}

/// One pass over the single marks; returns whether anything changed.
fn mark_pass(marks: &mut [Mark]) -> bool {
    let values: Vec<char> = marks.iter().map(|m| m.cur).collect();
    let mut changed = false;
    for m in marks.iter_mut() {
        let c = m.cur;
        let full = match c {
            '(' | ')' if !m.paired => Some(if c == '(' { '（' } else { '）' }),
            ',' if !m.digits_around => Some('，'),
            ':' if !m.digits_around => Some('：'),
            ';' => Some('；'),
            '!' => Some('！'),
            '?' => Some('？'),
            _ => None,
        };
        if let Some(f) = full.filter(|_| mark_touches(m, &values)) {
            m.cur = f;
            changed = true;
        }
    }
    changed
}

/// Drops the white space whose nearest non-space character on either side is a
/// full-width mark. Every space of a run has the same
/// nearest non-space neighbours, so a run goes or stays whole; `s` comes back
/// borrowed when nothing goes.
fn drop_spaces_in_str(s: &str) -> Cow<'_, str> {
    let mark = |c: char| is_cjk_punct(c) && c != '\u{3000}';
    let mut out = String::new();
    let mut copied = 0; // bytes of `s` accounted for in `out`
    let mut changed = false;
    let mut prev: Option<char> = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_space(c) {
            prev = Some(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if !is_space(d) {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        let next = it.peek().map(|&(_, d)| d);
        if prev.is_some_and(mark) || next.is_some_and(mark) {
            if !changed {
                out.reserve(s.len());
                changed = true;
            }
            out.push_str(&s[copied..i]);
            copied = end;
        }
    }
    if !changed {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod reference {
    //! The rule set on a vector of every char, as first written: the oracle the
    //! mark-list implementation is tested against.

    use crate::text::{is_cjk, is_cjk_punct, is_han, is_space};

    pub fn normalize(s: &str) -> String {
        normalize_chars(s)
    }

    fn normalize_chars(s: &str) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        quotes(&mut chars, '"', '“', '”');
        quotes(&mut chars, '\'', '‘', '’');
        let paired = parentheses(&mut chars);
        // A mark made full width makes its neighbour touch Chinese too ("真的?!"): repeat
        // until nothing changes (each pass is linear; a few suffice).
        for _ in 0..4 {
            if !marks(&mut chars, &paired) {
                break;
            }
        }
        drop_spaces_beside_full_width(&chars)
    }

    fn touches(prev: &[Option<char>], next: &[Option<char>], i: usize) -> bool {
        prev[i].is_some_and(is_cjk) || next[i].is_some_and(is_cjk)
    }

    /// Converts parenthesis pairs; returns which positions are paired.
    fn parentheses(chars: &mut [char]) -> Vec<bool> {
        let n = chars.len();
        let (prev, next) = neighbours(chars);
        let mut stack: Vec<usize> = Vec::new();
        let mut paired = vec![false; n];
        let mut han_before = vec![0usize; n + 1];
        for i in 0..n {
            han_before[i + 1] = han_before[i] + usize::from(is_han(chars[i]));
        }
        for i in 0..n {
            match chars[i] {
                '(' => stack.push(i),
                ')' => {
                    if let Some(open) = stack.pop() {
                        paired[open] = true;
                        paired[i] = true;
                        let inner_han = han_before[i] > han_before[open + 1];
                        if inner_han || touches(&prev, &next, open) || touches(&prev, &next, i) {
                            chars[open] = '（';
                            chars[i] = '）';
                        }
                    }
                }
                _ => {}
            }
        }
        paired
    }

    /// One pass over the single marks; returns whether anything changed.
    fn marks(chars: &mut [char], paired: &[bool]) -> bool {
        let n = chars.len();
        let (prev, next) = neighbours(chars);
        let mut changed = false;
        for i in 0..n {
            let c = chars[i];
            let digits_around = i > 0 && i + 1 < n && chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit();
            let full = match c {
                '(' | ')' if !paired[i] => Some(if c == '(' { '（' } else { '）' }),
                ',' if !digits_around => Some('，'),
                ':' if !digits_around => Some('：'),
                ';' => Some('；'),
                '!' => Some('！'),
                '?' => Some('？'),
                _ => None,
            };
            if let Some(f) = full.filter(|_| touches(&prev, &next, i)) {
                chars[i] = f;
                changed = true;
            }
        }
        changed
    }

    /// ASCII quotes (`"` or `'`) in Chinese text, when they pair up and enclose Han
    /// characters, become the curly pair.
    fn quotes(chars: &mut [char], ascii: char, open: char, close: char) {
        let idx: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == ascii).collect();
        if idx.is_empty() || idx.len() % 2 != 0 {
            return;
        }
        let chinese = idx.chunks(2).any(|p| chars[p[0] + 1..p[1]].iter().any(|c| is_han(*c)));
        if !chinese {
            return;
        }
        for (k, &i) in idx.iter().enumerate() {
            chars[i] = if k % 2 == 0 { open } else { close };
        }
    }

    /// For every position, the nearest character before and after it that is not white
    /// space (linear time, so long runs of spaces cost nothing extra).
    fn neighbours(chars: &[char]) -> (Vec<Option<char>>, Vec<Option<char>>) {
        let n = chars.len();
        let mut prev = vec![None; n];
        let mut next = vec![None; n];
        let mut last = None;
        for i in 0..n {
            prev[i] = last;
            if !is_space(chars[i]) {
                last = Some(chars[i]);
            }
        }
        last = None;
        for i in (0..n).rev() {
            next[i] = last;
            if !is_space(chars[i]) {
                last = Some(chars[i]);
            }
        }
        (prev, next)
    }

    pub fn drop_spaces_beside_full_width(chars: &[char]) -> String {
        let mark = |c: char| is_cjk_punct(c) && c != '\u{3000}';
        let (prev, next) = neighbours(chars);
        let mut out = String::with_capacity(chars.len() * 3);
        for (i, &c) in chars.iter().enumerate() {
            if is_space(c) {
                if prev[i].is_some_and(mark) || next[i].is_some_and(mark) {
                    continue;
                }
            }
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::reference::{self, drop_spaces_beside_full_width};
    use super::{drop_spaces_in_str, normalize};
    use proptest::prelude::*;

    #[test]
    fn marks_agree_with_the_char_version_on_hard_cases() {
        for s in [
            "真的?!", "他说:\"好!\"(笑)", "(a, b) 与 (中)", "((嵌套(括号)))", "'单引号'和\"双引号\"", "1,000人:18:50,", "?,!,;", "( 空 格 )",
            "COVID-19 (新冠) 疫情", "odd \" quote 中", "end(", ")start", "中 ,  ,  中", "", "!!",
        ] {
            assert_eq!(normalize(s), reference::normalize(s), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn marks_agree_with_the_char_version(s in "[本报中a-z0-9 ,;:!?()\"'“”（），。\u{3000}\u{200B}]{0,40}") {
            prop_assert_eq!(normalize(&s), reference::normalize(&s));
        }
    }

    #[test]
    fn spaces_dropped_alike_on_chars_and_on_strings() {
        for s in ["突出重点 严格管理", " ，前后 ", "COVID 19 （新冠）  疫情", "“ 引号 ”\u{3000}全角空格\u{3000}", "  ", ""] {
            let chars: Vec<char> = s.chars().collect();
            assert_eq!(drop_spaces_in_str(s), drop_spaces_beside_full_width(&chars), "{s:?}");
        }
    }

    #[test]
    fn marks_next_to_chinese_become_full_width() {
        assert_eq!(normalize("本报讯(记者初霞)11月12日晚,市领导小组会议召开;会议指出:要坚持!对吗?"), "本报讯（记者初霞）11月12日晚，市领导小组会议召开；会议指出：要坚持！对吗？");
    }

    #[test]
    fn digits_and_latin_keep_their_marks() {
        assert_eq!(normalize("1月12日18:50,哈尔滨市报告"), "1月12日18:50，哈尔滨市报告");
        assert_eq!(normalize("共1,000人,占比69.68%"), "共1,000人，占比69.68%");
        assert_eq!(normalize("see (a, b): ok!"), "see (a, b): ok!");
        assert_eq!(normalize("7x24小时"), "7x24小时");
    }

    #[test]
    fn a_mark_beside_a_converted_mark_converts_too() {
        assert_eq!(normalize("真的?!"), "真的？！");
        assert_eq!(normalize("占比3.5%),其余"), "占比3.5%），其余");
    }

    #[test]
    fn parentheses_convert_as_a_pair() {
        assert_eq!(normalize("(2021年1月12日)"), "（2021年1月12日）");
        assert_eq!(normalize("COVID-19 (新冠) 疫情"), "COVID-19（新冠）疫情");
        assert_eq!(normalize("（ 记者 尹明 ）"), "（记者 尹明）");
        assert_eq!(normalize("(1)加强管理"), "（1）加强管理");
    }

    #[test]
    fn ascii_quotes_pair_up() {
        assert_eq!(normalize("实现\"一网通办\""), "实现“一网通办”");
        assert_eq!(normalize("odd \" quote 中"), "odd \" quote 中");
        assert_eq!(normalize("他说'好'"), "他说‘好’");
        assert_eq!(normalize("don't stop"), "don't stop");
    }
}
