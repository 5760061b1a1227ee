//! List numbering at the start of a text: 一、 （一） 1. 1、 (1) ① …, the style and the
//! value. Used to tell a subhead or a list item from a headline.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::chars::{parse_number, trim};

/// Numbering styles [`numbering()`] tells apart: 一、, （一）, 1., (1), ①.
pub const STYLES: usize = 5;

/// Numbered items: 一、 （一） 1. 1、 (1) ① 第一,
static NUMBERED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<cn>[一二三四五六七八九十]{1,3})\s*[、，．.]|[（(]\s*(?P<pcn>[一二三四五六七八九十]{1,3})\s*[）)]|(?P<ar>[0-9０-９]{1,2})\s*(?:[、．]|\.(?:\D|$))|[（(]\s*(?P<par>[0-9０-９]{1,2})\s*[）)]|(?P<circ>[①-⑳]))")
        .expect("numbered pattern")
});

/// Reads a list number at the start of a text: style (0 一、, 1 （一）, 2 1., 3 (1), 4 ①)
/// and value.
pub fn numbering(text: &str) -> Option<(u8, u32)> {
    let caps = NUMBERED_RE.captures(trim(text))?;
    let pick = |name: &str| caps.name(name).map(|m| m.as_str());
    if let Some(v) = pick("cn") {
        return Some((0, parse_number(v)?));
    }
    if let Some(v) = pick("pcn") {
        return Some((1, parse_number(v)?));
    }
    if let Some(v) = pick("ar") {
        return Some((2, parse_number(v)?));
    }
    if let Some(v) = pick("par") {
        return Some((3, parse_number(v)?));
    }
    let c = pick("circ")?.chars().next()?;
    Some((4, c as u32 - '①' as u32 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_styles() {
        assert_eq!(numbering("一、对近14天内"), Some((0, 1)));
        assert_eq!(numbering("三、随着春节"), Some((0, 3)));
        assert_eq!(numbering("（二）加强管理"), Some((1, 2)));
        assert_eq!(numbering("3. 勤洗手"), Some((2, 3)));
        assert_eq!(numbering("(4) 常通风"), Some((3, 4)));
        assert_eq!(numbering("②少聚集"), Some((4, 2)));
        assert_eq!(numbering("3.5亿元投资"), None);
        assert_eq!(numbering("一些市民"), None);
    }
}
