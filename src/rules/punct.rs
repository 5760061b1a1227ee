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

use crate::rules::chars::{is_cjk, is_cjk_punct, is_han, is_space};

/// Applies the rules above to `s`, in linear time: [`normalize_cow`], owned.
///
/// A mark made full width is CJK punctuation itself, so it can make its half-width
/// neighbour full width in turn (`(:的` → `（：的`): the result is the fixed point of
/// the rules, so that normalizing a normalized text changes nothing. Quotes are
/// paired first, since “ ” and ‘ ’ count as CJK punctuation for the marks beside them.
pub fn normalize(s: &str) -> String {
    normalize_cow(s).into_owned()
}

/// Byte classes for the scans: an ASCII white-space byte, a half-width mark or ASCII
/// quote, the lead byte of a multi-byte white-space character ([`is_space`]: U+0085,
/// U+00A0, U+1680, U+2000..U+200D, U+2028, U+2029, U+202F, U+205F, U+2060, U+3000,
/// U+FEFF).
const SPACE: u8 = 1;
const MARK: u8 = 2;
const LEAD: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => SPACE,
            b',' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'"' | b'\'' => MARK,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => LEAD,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Is the character whose lead byte is at `i` (one of [`LEAD`]) white space?
#[inline]
fn multibyte_space(bytes: &[u8], i: usize) -> bool {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        0xC2 => matches!(at(1), 0x85 | 0xA0),
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        0xE2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF),
            0x81 => matches!(at(2), 0x9F | 0xA0),
            _ => false,
        },
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        0xEF => at(1) == 0xBB && at(2) == 0xBF,
        _ => false,
    }
}

/// The byte offset of the first character at or after `from` that is white space
/// ([`is_space`]) or, with `marks`, a half-width mark or ASCII quote; `None` when
/// there is none. A scan of the bytes, without decoding Han characters. `from` is
/// a character boundary, and so is the answer.
#[inline]
fn scan(bytes: &[u8], from: usize, marks: bool) -> Option<usize> {
    let want = if marks { SPACE | MARK } else { SPACE };
    let mut i = from;
    loop {
        i += bytes.get(i..)?.iter().position(|&b| CLASS[usize::from(b)] & (want | LEAD) != 0)?;
        if CLASS[usize::from(bytes[i])] & want != 0 || multibyte_space(bytes, i) {
            return Some(i);
        }
        i += 1;
    }
}

/// The byte offset of the first white-space character ([`is_space`]) of `s`; the
/// same as `s.find(is_space)`, a few times faster on Chinese text.
pub fn find_space(s: &str) -> Option<usize> {
    scan(s.as_bytes(), 0, false)
}

/// What is beside a half-width mark or a run of white space: the text's edge, a
/// character the rules do not change, an ASCII quote (which becomes a curly one when
/// the quotes of its kind pair up), or a half-width mark (by its index), which is CJK
/// punctuation once it is made full width.
#[derive(Debug, Clone, Copy)]
enum Near {
    Edge,
    Char(char),
    Quote(Quote),
    Mark(u32),
}

/// An ASCII quote: `"` (`double`) or `'`, and whether it opens a pair (the first,
/// third, ... of its kind).
#[derive(Debug, Clone, Copy)]
struct Quote {
    double: bool,
    open: bool,
}

/// A half-width mark that may be made full width.
#[derive(Debug)]
struct Mark {
    /// Its byte offset; the mark is one ASCII byte.
    at: usize,
    /// Its full-width form (`，` for `,`, ...): `None` for `,` and `:` between two
    /// digits (18:50, 1,000), which never change.
    full: Option<char>,
    /// The nearest characters before and after it that are not white space.
    prev: Near,
    next: Near,
    /// The index of the other parenthesis of its pair (`u32::MAX` for none).
    partner: u32,
}

/// A place other than a mark where the text may change, in text order (the marks are
/// kept in their own list, in text order too, so that a page of marks holds one entry
/// for each).
#[derive(Debug)]
enum Edit {
    /// An ASCII quote (one byte at `at`).
    Quote { at: usize, quote: Quote },
    /// A run of white space `start..end` (bytes), with what is before and after it.
    Run { start: usize, end: usize, before: Near, after: Near },
}

/// The ASCII quotes of one kind: how many, the Han count at the last opening one, and
/// whether some pair holds Han.
#[derive(Debug, Default)]
struct Quotes {
    count: usize,
    han_at_open: usize,
    chinese: bool,
}

impl Quotes {
    /// Notes one more quote with `han` Han characters read so far; whether it opens.
    fn note(&mut self, han: usize) -> bool {
        let open = self.count % 2 == 0;
        if open {
            self.han_at_open = han;
        } else {
            self.chinese |= han > self.han_at_open;
        }
        self.count += 1;
        open
    }

    /// Do the quotes become curly: an even number of them, some pair holding Han?
    fn pair_up(&self) -> bool {
        self.count > 0 && self.count % 2 == 0 && self.chinese
    }
}

/// As [`normalize`], borrowing `s` back when nothing changes (no half-width mark
/// beside Chinese, no ASCII quote pair around Han, no white space beside a full-width
/// mark), so that unchanged text is neither copied nor allocated for.
///
/// A scan of the bytes finds the first mark, quote or white space (text without any is
/// returned at once); from there one pass over the characters notes the marks, the
/// quotes and the runs of white space with their neighbours; the marks to convert are
/// then found among the marks alone, and the text is copied once, a slice between two
/// edits at a time.
pub fn normalize_cow(s: &str) -> Cow<'_, str> {
    repair(s, false).expect("repair stops at white space only when asked to")
}

/// [`normalize_cow`] for text without white space, in the same single pass; `None` as
/// soon as white space is found (the caller repairs the white space first, then calls
/// [`normalize_cow`]), so that text with none is read once.
pub fn normalize_unspaced(s: &str) -> Option<Cow<'_, str>> {
    repair(s, true)
}

/// [`normalize_cow`]; with `stop_at_space`, `None` at the first white space.
fn repair(s: &str, stop_at_space: bool) -> Option<Cow<'_, str>> {
    let bytes = s.as_bytes();
    let Some(mut at) = scan(bytes, 0, true) else { return Some(Cow::Borrowed(s)) };
    let mut marks: Vec<Mark> = Vec::new();
    let mut edits: Vec<Edit> = Vec::new();
    // Open parentheses (mark index, Han count at the opening); pairs holding Han.
    let mut stack: Vec<(u32, usize)> = Vec::new();
    let mut seeds: Vec<u32> = Vec::new();
    // Han characters read while a parenthesis or a quote is open (only differences
    // between an opening and its closing are used).
    let mut han = 0usize;
    let mut quotes = [Quotes::default(), Quotes::default()];
    // The last character that is not white space; the run of white space open since
    // it (the index of its edit).
    let mut last = s[..at].chars().next_back().map_or(Near::Edge, Near::Char);
    let mut run: Option<usize> = None;
    loop {
        // The character at `at` is white space, a mark or a quote.
        let c = s[at..].chars().next().expect("scan stops on a character");
        let len = c.len_utf8();
        if is_space(c) {
            if stop_at_space {
                return None;
            }
            if run.is_none() {
                run = Some(edits.len());
                edits.push(Edit::Run { start: at, end: at, before: last, after: Near::Edge });
            }
        } else {
            let here = match c {
                '"' | '\'' => {
                    let double = c == '"';
                    let quote = Quote { double, open: quotes[usize::from(double)].note(han) };
                    edits.push(Edit::Quote { at, quote });
                    Near::Quote(quote)
                }
                c => {
                    let k = marks.len() as u32;
                    let digits_around = at > 0 && bytes[at - 1].is_ascii_digit() && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
                    let full = match c {
                        '(' => Some('（'),
                        ')' => Some('）'),
                        ',' if !digits_around => Some('，'),
                        ':' if !digits_around => Some('：'),
                        ';' => Some('；'),
                        '!' => Some('！'),
                        '?' => Some('？'),
                        _ => None,
                    };
                    marks.push(Mark { at, full, prev: last, next: Near::Edge, partner: u32::MAX });
                    if c == '(' {
                        stack.push((k, han));
                    } else if c == ')' {
                        if let Some((open, han_at_open)) = stack.pop() {
                            marks[open as usize].partner = k;
                            marks[k as usize].partner = open;
                            if han > han_at_open {
                                seeds.push(open);
                            }
                        }
                    }
                    Near::Mark(k)
                }
            };
            follow(here, last, &mut run, &mut marks, &mut edits, at);
            last = here;
        }
        // The characters up to the next one the rules read: the first follows what
        // came before, the last is what comes before the next; Han is counted while a
        // pair is open.
        let from = at + len;
        let next = scan(bytes, from, true);
        let to = next.unwrap_or(s.len());
        if to > from {
            let between = &s[from..to];
            let first = between.chars().next().expect("not empty");
            follow(Near::Char(first), last, &mut run, &mut marks, &mut edits, from);
            last = Near::Char(between.chars().next_back().expect("not empty"));
            if !stack.is_empty() || quotes.iter().any(|q| q.count % 2 == 1) {
                han += between.chars().filter(|&c| is_han(c)).count();
            }
        }
        match next {
            Some(n) => at = n,
            None => break,
        }
    }
    if let Some(i) = run {
        if let Edit::Run { end, .. } = &mut edits[i] {
            *end = s.len();
        }
    }

    // The quotes as they end up: curly when their kind pairs up, else as printed.
    let pair_up = [quotes[0].pair_up(), quotes[1].pair_up()];
    let quote_char = |q: Quote| match (q.double, q.open, pair_up[usize::from(q.double)]) {
        (true, true, true) => '“',
        (true, false, true) => '”',
        (false, true, true) => '‘',
        (false, false, true) => '’',
        (true, _, false) => '"',
        (false, _, false) => '\'',
    };
    // The marks made full width: pairs holding Han, marks touching Chinese, and then
    // every mark beside a converted one and every partner of one (the fixed point).
    let fixed_cjk = |n: Near| match n {
        Near::Char(c) => is_cjk(c),
        Near::Quote(q) => is_cjk(quote_char(q)),
        Near::Edge | Near::Mark(_) => false,
    };
    // A mark is marked converted when it is queued, so that each is queued once.
    let mut converted = vec![false; marks.len()];
    let mut work: Vec<u32> = Vec::new();
    let queue = |k: u32, converted: &mut [bool], work: &mut Vec<u32>| {
        if !converted[k as usize] && marks[k as usize].full.is_some() {
            converted[k as usize] = true;
            work.push(k);
        }
    };
    for k in seeds {
        queue(k, &mut converted, &mut work);
    }
    for (k, m) in marks.iter().enumerate() {
        if fixed_cjk(m.prev) || fixed_cjk(m.next) {
            queue(k as u32, &mut converted, &mut work);
        }
    }
    while let Some(k) = work.pop() {
        let m = &marks[k as usize];
        for n in [m.prev, m.next] {
            if let Near::Mark(j) = n {
                queue(j, &mut converted, &mut work);
            }
        }
        if m.partner != u32::MAX {
            queue(m.partner, &mut converted, &mut work);
        }
    }

    // A run of white space goes when a full-width mark is beside it.
    let full_width_mark = |n: Near| match n {
        Near::Edge => false,
        Near::Char(c) => is_cjk_punct(c) && c != '\u{3000}',
        Near::Quote(q) => pair_up[usize::from(q.double)],
        Near::Mark(k) => converted[k as usize],
    };
    // The changes, in text order: the converted marks and the other edits merged.
    let mut changes = marks.iter().zip(&converted).filter(|(_, c)| **c).map(|(m, _)| (m.at, m.at + 1, m.full)).peekable();
    let mut others = edits
        .iter()
        .filter_map(|e| match *e {
            Edit::Quote { at, quote } if pair_up[usize::from(quote.double)] => Some((at, at + 1, Some(quote_char(quote)))),
            Edit::Run { start, end, before, after } if full_width_mark(before) || full_width_mark(after) => Some((start, end, None)),
            _ => None,
        })
        .peekable();
    let mut out: Option<String> = None;
    let mut copied = 0;
    loop {
        let (start, end, to) = match (changes.peek(), others.peek()) {
            (Some(a), Some(b)) if a.0 < b.0 => changes.next(),
            (Some(_), None) => changes.next(),
            (_, Some(_)) => others.next(),
            (None, None) => break,
        }
        .expect("peeked");
        let o = out.get_or_insert_with(|| String::with_capacity(s.len() + s.len() / 4));
        o.push_str(&s[copied..start]);
        if let Some(c) = to {
            o.push(c);
        }
        copied = end;
    }
    Some(match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(&s[copied..]);
            Cow::Owned(o)
        }
    })
}

/// Notes `here` (at byte `at`) as what comes after the mark `last` (if it is one) and
/// after the open run of white space (if any), which it ends.
fn follow(here: Near, last: Near, run: &mut Option<usize>, marks: &mut [Mark], edits: &mut [Edit], at: usize) {
    if let Near::Mark(k) = last {
        marks[k as usize].next = here;
    }
    if let Some(i) = run.take() {
        if let Edit::Run { end, after, .. } = &mut edits[i] {
            *end = at;
            *after = here;
        }
    }
}

/// The char-vector implementation [`normalize_cow`] replaced (main 569b827), kept as
/// the reference the fast one is checked against.
#[cfg(test)]
mod reference {
    use crate::rules::chars::{is_cjk, is_cjk_punct, is_han, is_space};

    /// Applies the rules above to `s`, in linear time and about 8 bytes of memory per
    /// character.
    ///
    /// A mark made full width is CJK punctuation itself, so it can make its half-width
    /// neighbour full width in turn (`(:的` → `（：的`): the result is the fixed point of
    /// the rules, so that normalizing a normalized text changes nothing. Quotes are
    /// paired first, since “ ” and ‘ ’ count as CJK punctuation for the marks beside them.
    pub(super) fn normalize(s: &str) -> String {
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
}

#[cfg(test)]
mod tests {
    use super::{normalize, normalize_cow, reference};
    use std::borrow::Cow;

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

    #[test]
    fn unchanged_text_is_borrowed() {
        for s in ["本报讯（记者初霞）11月12日晚，会议召开。", "COVID-19 防控", "1,000人18:50", "see (a, b): ok!", ""] {
            assert!(matches!(normalize_cow(s), Cow::Borrowed(_)), "{s}");
        }
        assert!(matches!(normalize_cow("会议召开,"), Cow::Owned(_)));
        assert!(matches!(normalize_cow("会议召开。 下午"), Cow::Owned(_)));
        assert_eq!(normalize("会议召开。\u{3000}下午\u{feff}，"), "会议召开。下午，");
    }

    proptest::proptest! {
        /// The fast repair gives what the char-vector one gave, on text mixing every
        /// character the rules read: marks, quotes, white space of every kind (the
        /// multi-byte ones included), digits, Han, CJK and curly punctuation, Latin.
        #[test]
        fn the_fast_repair_is_the_reference(s in "[,;:!?()\"' \t\n\u{85}\u{a0}\u{1680}\u{2000}\u{200b}\u{2028}\u{202f}\u{205f}\u{2060}\u{3000}\u{feff}0-9a-c中文的，。（）“”‘’、—…·\u{3001}\u{ff0c}\u{2003}\u{20000}]{0,24}") {
            proptest::prop_assert_eq!(normalize(&s), reference::normalize(&s));
            let has_space = s.contains(crate::rules::chars::is_space);
            proptest::prop_assert_eq!(super::normalize_unspaced(&s).map(Cow::into_owned), (!has_space).then(|| reference::normalize(&s)));
        }

        /// The byte scan finds the white space `str::find` finds, on every character
        /// that shares a lead byte with a multi-byte space.
        #[test]
        fn the_byte_scan_finds_what_find_finds(s in "[a中。，\u{80}-\u{a1}\u{1600}-\u{16ff}\u{2000}-\u{2070}\u{3000}-\u{3003}\u{fe00}-\u{ffff}]{0,8}") {
            proptest::prop_assert_eq!(super::find_space(&s), s.find(crate::rules::chars::is_space));
        }
    }
}
