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

use crate::rules::chars::{is_cjk, is_cjk_punct, is_han, is_space};

/// Applies the rules above to `s`, in linear time and about 8 bytes of memory per
/// character.
///
/// A mark made full width is CJK punctuation itself, so it can make its half-width
/// neighbour full width in turn (`(:的` → `（：的`): the result is the fixed point of
/// the rules, so that normalizing a normalized text changes nothing. Quotes are
/// paired first, since “ ” and ‘ ’ count as CJK punctuation for the marks beside them.
pub fn normalize(s: &str) -> String {
    let mut out: Vec<char> = s.chars().collect();
    let n = out.len();
    quotes(&mut out, '"', '“', '”');
    quotes(&mut out, '\'', '‘', '’');

    // Parentheses, as pairs (`NONE` for none); a pair holding a Han character is a
    // seed, found with the Han count at its opening, however deeply pairs nest.
    const NONE: u32 = u32::MAX;
    let mut partner: Vec<u32> = vec![NONE; n];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut work: Vec<usize> = Vec::new();
    let mut han = 0usize;
    for i in 0..n {
        match out[i] {
            '(' => stack.push((i, han)),
            ')' => {
                if let Some((open, han_at_open)) = stack.pop() {
                    partner[open] = i as u32;
                    partner[i] = open as u32;
                    if han > han_at_open {
                        work.push(open);
                    }
                }
            }
            c => han += usize::from(is_han(c)),
        }
    }
    let digits_around = |out: &[char], i: usize| i > 0 && i + 1 < n && out[i - 1].is_ascii_digit() && out[i + 1].is_ascii_digit();
    // The full-width form of a half-width mark that may become full width; `None` for
    // anything else (a mark already made full width included).
    let full_width = |out: &[char], i: usize| -> Option<char> {
        match out[i] {
            '(' => Some('（'),
            ')' => Some('）'),
            ',' if !digits_around(out, i) => Some('，'),
            ':' if !digits_around(out, i) => Some('：'),
            ';' => Some('；'),
            '!' => Some('！'),
            '?' => Some('？'),
            _ => None,
        }
    };
    let touches = |out: &[char], i: usize| {
        prev_non_space(out, i).is_some_and(|p| is_cjk(out[p])) || next_non_space(out, i).is_some_and(|q| is_cjk(out[q]))
    };
    // Makes the mark at `i` full width, with its partner; returns whether it changed.
    let convert = |out: &mut [char], i: usize| -> bool {
        let Some(f) = full_width(out, i) else { return false };
        out[i] = f;
        let j = partner[i];
        if j != NONE {
            if let Some(g) = full_width(out, j as usize) {
                out[j as usize] = g;
            }
        }
        true
    };

    // Converts the mark at `i` if it may be, then every mark beside a converted one:
    // each mark is converted once, and each run of spaces walked a bounded number of times.
    let spread = |out: &mut [char], work: &mut Vec<usize>, i: usize| {
        work.push(i);
        while let Some(k) = work.pop() {
            if !convert(out, k) {
                continue;
            }
            for c in std::iter::once(k).chain((partner[k] != NONE).then_some(partner[k] as usize)) {
                work.extend([prev_non_space(out, c), next_non_space(out, c)].into_iter().flatten());
            }
        }
    };
    // Seeds: pairs holding Han (above), then marks touching Chinese.
    let mut pending = Vec::new();
    for i in std::mem::take(&mut work) {
        spread(&mut out, &mut pending, i);
    }
    for i in 0..n {
        if full_width(&out, i).is_some() && touches(&out, i) {
            spread(&mut out, &mut pending, i);
        }
    }
    drop_spaces_beside_full_width(&out)
}

/// The nearest character before `i` that is not white space. Each run of spaces is
/// walked only from the two characters around it, so callers stay linear.
fn prev_non_space(chars: &[char], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| !is_space(chars[k]))
}

/// The nearest character after `i` that is not white space.
fn next_non_space(chars: &[char], i: usize) -> Option<usize> {
    (i + 1..chars.len()).find(|&k| !is_space(chars[k]))
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

/// Drops every run of white space that has a full-width mark on either side.
fn drop_spaces_beside_full_width(chars: &[char]) -> String {
    let mark = |c: char| is_cjk_punct(c) && c != '\u{3000}';
    let mut out = String::with_capacity(chars.len() * 3);
    let mut i = 0;
    while i < chars.len() {
        if !is_space(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_space(chars[i]) {
            i += 1;
        }
        let beside_mark = (start > 0 && mark(chars[start - 1])) || chars.get(i).is_some_and(|c| mark(*c));
        if !beside_mark {
            out.extend(&chars[start..i]);
        }
    }
    out
}

/// As [`normalize`], borrowing `s` when nothing can change (no half-width mark, no
/// ASCII quote and no white space in it), so that unchanged text is not copied.
pub fn normalize_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| matches!(c, ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '\'') || is_space(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(normalize(s))
}

#[cfg(test)]
mod tests {
    use super::normalize;

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
