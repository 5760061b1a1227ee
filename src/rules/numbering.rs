//! What opens a block: list numbering at the start of a text (一、 （一） 1. 1、 (1) ① …,
//! the style and the value), used to tell a subhead or a list item from a headline; the
//! mark of a brief (★, △) and the label of an editor's note (编者按).

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
    let t = trim(text);
    // The characters [`NUMBERED_RE`] can open with: most texts are turned away here.
    if !t.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '（' | '(' | '０'..='９' | '①'..='⑳')
    }) {
        return None;
    }
    let caps = NUMBERED_RE.captures(t)?;
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

/// Marks that open one item of a news-in-brief column (简讯, 要闻简报): ★ ☆ △ ▲, as the
/// contract's `brief` block has it. ■ and □ are left out: they mark credits (□本报记者).
pub const BRIEF_MARKS: [char; 4] = ['★', '☆', '△', '▲'];

pub use crate::rules::lexicon::table::EDITOR_NOTE_LABELS;

/// Whether a text is one item of a news-in-brief column: it opens with a mark of
/// [`BRIEF_MARKS`] and holds text after it ("★市图书馆新馆本月底开放试运行…").
pub fn brief_item(text: &str) -> bool {
    let mut c = trim(text).chars();
    c.next().is_some_and(|m| BRIEF_MARKS.contains(&m)) && c.any(crate::rules::chars::is_han)
}

/// Whether a text is an editor's note: it opens with a label of [`EDITOR_NOTE_LABELS`]
/// and a colon or the label's closing bracket ("编者按：城市更新不是推倒重来。…",
/// "【编者按】"), the form the contract's `editor_note`
/// block names.
pub fn editor_note(text: &str) -> bool {
    let t = trim(text).trim_start_matches(['【', '〔', '［', '[']);
    EDITOR_NOTE_LABELS.iter().any(|l| {
        t.strip_prefix(l).is_some_and(|rest| rest.starts_with(['】', '〕', '］', ']']) || rest.trim_start_matches([' ', '\u{3000}']).starts_with(['：', ':']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brief_items_and_editor_notes() {
        assert!(brief_item("★市图书馆新馆本月底开放试运行。"));
        assert!(brief_item("△ 今年全市新增城市绿道六十二公里"));
        assert!(!brief_item("★"));
        assert!(!brief_item("□本报记者 王强"));
        assert!(editor_note("编者按：城市更新不是推倒重来。"));
        assert!(editor_note("【編者按】：本報今起連載"));
        assert!(editor_note("编后：这样的故事还有很多。"));
        assert!(!editor_note("编后记者又走访了三户人家。"));
    }

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
        // Every style passes the prefilter of opening characters, full width digits and
        // white space before the number included.
        assert_eq!(numbering("  １２、重点工作"), Some((2, 12)));
        assert_eq!(numbering("(十)其他"), Some((1, 10)));
        assert_eq!(numbering("⑳末项"), Some((4, 20)));
        assert_eq!(numbering("本报讯 1、"), None);
    }
}
