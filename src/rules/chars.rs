//! Character classes and small text helpers shared by every stage.
//!
//! This module owns what "Han", "CJK punctuation", "terminal punctuation" and
//! "display width" mean in banmian, Chinese numerals and printed dates, so that every
//! stage asks the same question the same way. It does no layout work itself.

/// True for a Han ideograph: CJK Unified Ideographs, Extensions A to H, and the
/// compatibility ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x323AF | 0x3007)
}

/// True for CJK punctuation and full-width forms: the CJK Symbols and Punctuation block,
/// full-width ASCII variants, curly quotes “”‘’, the ellipsis …, the dash — and the
/// middle dot ·. These are the marks GB/T 15834-2011 sets in Chinese text.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0x2018..=0x201D | 0x2026 | 0x2014 | 0x2015 | 0x00B7 | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F)
}

/// True for the marks a Chinese page is full of (，。、；：？！“”‘’（）《》【】—…· and the
/// ideographic space), none of them a letter or a digit: a test that settles them
/// before `char::is_alphanumeric` looks them up in the Unicode tables.
#[inline]
pub fn is_common_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | '“' | '”' | '‘' | '’' | '（' | '）' | '《' | '》' | '【' | '】' | '—' | '…' | '·' | '\u{3000}')
}

/// True for a Han character or CJK punctuation: the characters next to which ASCII
/// punctuation becomes full width.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Characters that end a sentence or clause strongly enough to end a paragraph:
/// 。！？；：…— and their ASCII forms, plus the full stop.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | '…' | '—' | '!' | '?' | ';' | ':' | '.' | '．' | '｡')
}

/// Closing quotes and brackets that may follow a sentence end.
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〉' | '"' | '\'' | '〕' | ']' | '］')
}

/// Opening quotes and brackets.
pub fn is_opener(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '（' | '(' | '【' | '《' | '〈' | '〔' | '[' | '［')
}

/// Opening brackets of the square family: 【 〔 〖 ［ [ (what a rubric or a bracketed
/// credit opens with, and what OCR reads one of them as).
pub fn is_square_opener(c: char) -> bool {
    matches!(c, '【' | '〔' | '〖' | '［' | '[')
}

/// Closing brackets of the square family: 】 〕 〗 ］ ].
pub fn is_square_closer(c: char) -> bool {
    matches!(c, '】' | '〕' | '〗' | '］' | ']')
}

/// Whether `open` and `close` are a printed pair: 【】, 〔〕, 〖〗, ［］, [], 「」, or （）
/// full or half width.
pub fn printed_pair(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('【', '】') | ('〔', '〕') | ('〖', '〗') | ('［', '］') | ('[', ']') | ('「', '」') | ('（' | '(', '）' | ')')
    )
}

/// Whether `open` and `close` enclose one bracketed item: a [`printed_pair`], or two
/// brackets of the square family that do not match, as OCR misreads a printed pair (the
/// committed eval set's Tesseract pages read 【老街新貌】 as `[老街新貌】` and
/// 〔記者游佩珊／南光報導〕 as `[記者游佩珊/南光報導〕`). A round bracket is never taken
/// with a square one.
pub fn brackets_pair(open: char, close: char) -> bool {
    printed_pair(open, close) || (is_square_opener(open) && is_square_closer(close))
}

/// True when `s` ends a sentence: its last character, after any closing quotes or
/// brackets, is terminal punctuation; or it ends with a closing quote or bracket
/// (quoted speech and parenthesized credits end paragraphs too).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    let mut rev = t.chars().rev();
    match rev.next() {
        None => false,
        // "增长1." at a line end is a decimal number cut by the wrap, not a full stop.
        Some('.') if rev.next().is_some_and(|p| p.is_ascii_digit()) => false,
        Some(c) if is_terminal(c) => true,
        Some(c) if is_closer(c) => true,
        _ => false,
    }
}

/// Display width in columns: 2 for wide characters (Han, CJK punctuation, full-width
/// forms, Hangul, kana), 1 for the rest. Used to find a page's column width.
#[inline]
pub fn char_width(c: char) -> usize {
    // Below the middle dot (U+00B7) every character is narrow.
    if (c as u32) < 0xB7 {
        return 1;
    }
    // The common Han block first: a page is mostly that.
    if matches!(c as u32, 0x4E00..=0x9FFF) {
        return 2;
    }
    if is_cjk(c) || matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0x303E | 0x3040..=0x33FF | 0xAC00..=0xD7A3 | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6) {
        2
    } else {
        1
    }
}

/// Display width of a string, see [`char_width`].
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// True for any Unicode white space, plus the zero-width characters OCR tools leave
/// behind (U+200B..U+200D, U+2060, U+FEFF).
pub fn is_space(c: char) -> bool {
    // The White_Space property (what `char::is_whitespace` reads) spelled out, so that
    // the common case, a Han character, is two comparisons.
    match c as u32 {
        0x09..=0x0D | 0x20 => true,
        0..0x85 => false,
        0x3001..0xFEFF => false,
        0x85 | 0xA0 | 0x1680 | 0x2000..=0x200D | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x2060 | 0x3000 | 0xFEFF => true,
        _ => false,
    }
}

/// Trims [`is_space`] characters from both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Removes every [`is_space`] character: the form used to compare texts.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// Collapses every run of white space to one ASCII space and trims the ends.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_space(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// Folds a text for comparison: drops white space, maps full-width ASCII forms to
/// ASCII and the CJK marks that have an ASCII twin (，；：！？（）) to it.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !is_space(*c))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '、' => ',',
            _ => c,
        })
        .collect()
}

/// Maps a full-width digit to ASCII, leaves other characters alone.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Reads a number written in Arabic digits (ASCII or full width) or in Chinese numerals
/// (一二三…十百千, 〇/零, 两), as printed in page labels and list numbers: "12", "１２",
/// "十二", "二十一", "一〇二". Returns `None` for anything else or on overflow.
pub fn parse_number(s: &str) -> Option<u32> {
    let s = trim(s);
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| ascii_digit(c).is_ascii_digit()) {
        let digits: String = s.chars().map(ascii_digit).collect();
        return digits.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' | '○' => 0,
            '一' | '壹' => 1,
            '二' | '两' | '兩' | '贰' | '貳' => 2,
            '三' | '叁' => 3,
            '四' | '肆' => 4,
            '五' | '伍' => 5,
            '六' | '陆' | '陸' => 6,
            '七' | '柒' => 7,
            '八' | '捌' => 8,
            '九' | '玖' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    // Positional form without units: 一〇二.
    if chars.len() > 1 && chars.iter().all(|c| digit(*c).is_some()) {
        let mut n: u32 = 0;
        for c in &chars {
            n = n.checked_mul(10)?.checked_add(digit(*c)?)?;
        }
        return Some(n);
    }
    let mut total: u32 = 0;
    let mut current: u32 = 0;
    let mut seen = false;
    for c in chars {
        if let Some(d) = digit(c) {
            current = d;
            seen = true;
        } else {
            let unit = match c {
                '十' | '拾' => 10,
                '百' | '佰' => 100,
                '千' | '仟' => 1000,
                _ => return None,
            };
            let head = if seen { current } else { 1 };
            total = total.checked_add(head.checked_mul(unit)?)?;
            current = 0;
            seen = false;
        }
    }
    total.checked_add(current)
}

/// A calendar date as printed: year may be missing ("1月12日").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintedDate {
    /// Four-digit year, when printed.
    pub year: Option<u32>,
    /// 1..=12.
    pub month: u32,
    /// 1..=31.
    pub day: u32,
}

impl PrintedDate {
    /// ISO 8601 `YYYY-MM-DD`, using `fallback_year` when no year is printed; `None`
    /// when no year is known or the date does not exist.
    pub fn iso(&self, fallback_year: Option<u32>) -> Option<String> {
        let year = self.year.or(fallback_year)?;
        if !(1..=12).contains(&self.month) || self.day == 0 || self.day > days_in_month(year, self.month) {
            return None;
        }
        Some(format!("{year:04}-{:02}-{:02}", self.month, self.day))
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// The year of an ISO date string `YYYY-MM-DD`.
pub fn iso_year(iso: &str) -> Option<u32> {
    iso.get(..4)?.parse().ok()
}

static DATE_RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let pattern = r"(?x)
        (?:
          (?P<y>\d{4}|[一二三四五六七八九〇○零]{4})\s*年\s*
        | (?:ROC_ERA)\s*(?P<roc>\d{1,3}|[一二三四五六七八九十百〇○零]{1,6})\s*年\s*
        )?
        (?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:DAY_MARKS)";
    let pattern = pattern.replace("DAY_MARKS", &crate::rules::lexicon::alternation(crate::rules::lexicon::table::DAY_MARKS));
    regex::Regex::new(&pattern.replace("ROC_ERA", &crate::rules::lexicon::alternation(crate::rules::lexicon::table::ROC_ERA))).expect("date pattern")
});

/// Years of the Republic of China calendar (民國, used in Taiwan) are counted from 1912:
/// 民國112年 is 2023.
const ROC_YEAR_OFFSET: u32 = 1911;

/// Finds the first printed date in `s` ("2021年1月12日", "1月12日", "二〇二一年一月十二日",
/// or with a Republic of China year, "中華民國112年3月8日" = 2023-03-08) and returns it
/// with its byte range in `s`.
pub fn find_date(s: &str) -> Option<(PrintedDate, std::ops::Range<usize>)> {
    DATE_RE.captures_iter(s).find_map(|caps| {
        let year = match (caps.name("y"), caps.name("roc")) {
            (Some(y), _) => Some(parse_number(y.as_str())?),
            (None, Some(roc)) => Some(parse_number(roc.as_str())? + ROC_YEAR_OFFSET),
            (None, None) => None,
        };
        let date = PrintedDate {
            year,
            month: parse_number(caps.name("m")?.as_str())?,
            day: parse_number(caps.name("d")?.as_str())?,
        };
        (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31)
            .then(|| (date, caps.get(0).map(|m| m.range()).unwrap_or(0..0)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_printed_form() {
        assert_eq!(parse_number("12"), Some(12));
        assert_eq!(parse_number("１２"), Some(12));
        assert_eq!(parse_number("五"), Some(5));
        assert_eq!(parse_number("十"), Some(10));
        assert_eq!(parse_number("十二"), Some(12));
        assert_eq!(parse_number("二十一"), Some(21));
        assert_eq!(parse_number("一百零五"), Some(105));
        assert_eq!(parse_number("二〇二一"), Some(2021));
        assert_eq!(parse_number("五版"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn dates_with_and_without_year() {
        let (d, r) = find_date("（2021年1月12日）").unwrap();
        assert_eq!(d.iso(None).as_deref(), Some("2021-01-12"));
        assert_eq!(&"（2021年1月12日）"[r], "2021年1月12日");
        let (d, _) = find_date("新华社北京1月12日电").unwrap();
        assert_eq!(d.year, None);
        assert_eq!(d.iso(Some(2021)).as_deref(), Some("2021-01-12"));
        assert_eq!(d.iso(None), None);
        let (d, _) = find_date("二〇二一年一月十二日").unwrap();
        assert_eq!(d.iso(None).as_deref(), Some("2021-01-12"));
        assert!(find_date("2021年2月30日").unwrap().0.iso(None).is_none());
    }

    #[test]
    fn republic_of_china_years_in_taiwan_dates() {
        let (d, r) = find_date("中華民國112年3月8日 星期三").unwrap();
        assert_eq!(d.iso(None).as_deref(), Some("2023-03-08"));
        assert_eq!(r, 0.."中華民國112年3月8日".len());
        assert_eq!(find_date("民國一百一十二年三月八日").unwrap().0.iso(None).as_deref(), Some("2023-03-08"));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("确保隔离效果。"));
        assert!(ends_sentence("实现“一网通办”……"));
        assert!(ends_sentence("现将有关情况通报如下："));
        assert!(!ends_sentence("将行政服务大厅的“专窗”整"));
        assert!(!ends_sentence("市委、市政府高度重视，"));
        assert!(!ends_sentence("同比增长1."));
        assert!(ends_sentence("It ends here."));
    }

    #[test]
    fn is_space_is_white_space_and_zero_width_characters() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let expected = c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}');
            assert_eq!(is_space(c), expected, "{c:?}");
        }
    }

    #[test]
    fn common_marks_are_neither_letters_nor_digits() {
        for c in "，。、；：？！“”‘’（）《》【】—…·\u{3000}".chars() {
            assert!(is_common_mark(c) && !c.is_alphanumeric(), "{c}");
        }
        assert!(!is_common_mark('〇') && !is_common_mark('１') && !is_common_mark('a'));
    }

    #[test]
    fn brackets_pair_printed_pairs_and_square_misreads_only() {
        for (o, c) in [('【', '】'), ('〔', '〕'), ('「', '」'), ('（', ')'), ('[', '】'), ('【', ']'), ('［', '〕'), ('〖', '】')] {
            assert!(brackets_pair(o, c), "{o}{c}");
        }
        for (o, c) in [('（', '】'), ('[', '）'), ('「', '】'), ('】', '【'), ('《', '》')] {
            assert!(!brackets_pair(o, c), "{o}{c}");
        }
    }

    #[test]
    fn widths_count_han_double() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("本报"), 4);
        assert_eq!(width("，"), 2);
    }
}
