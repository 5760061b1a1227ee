//! Stage 8: what looks damaged.
//!
//! This module owns the article warnings: a block that starts in the middle of a
//! sentence (`truncated_start`: it opens with a closing quote or bracket that nothing
//! opened, or with clause punctuation), an article whose last paragraph stops in the
//! middle of a sentence with no jump saying where it goes on (`truncated_end`), numbered
//! items that skip a number (`numbering_gap`: 一、 then 三、), and quotation marks that do
//! not pair up inside a block (`unbalanced_quotes`). It runs on repaired text.

use crate::rules::numbering::STYLES;
use crate::model::{Article, BlockKind, JumpDirection, Page, Warning, WarningKind};
use crate::rules::chars::ends_sentence;

/// Adds warnings to every article of `page`.
pub fn check(page: &mut Page) {
    for a in &mut page.articles {
        check_article(a);
    }
}

/// The quotation marks that pair (GB/T 15834-2011 4.1): opening, closing.
const QUOTE_PAIRS: &[(char, char)] = &[('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')];
/// Every mark of [`QUOTE_PAIRS`], for a quick test of a character.
const QUOTE_MARKS: &[char] = &['“', '”', '‘', '’', '「', '」', '『', '』'];

fn warn(a: &mut Vec<Warning>, kind: WarningKind, block: usize, message: String) {
    a.push(Warning { kind, block: Some(block), message });
}

fn check_article(a: &mut Article) {
    let mut out = Vec::new();
    let continued_from = a.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedFrom);
    let continued_on = a.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedOn);
    let mut last_number: [Option<u32>; STYLES] = [None; STYLES];
    for (i, b) in a.blocks.iter().enumerate() {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote) {
            if b.kind == BlockKind::Subhead {
                check_numbering(&mut out, &mut last_number, i, b.facts.number);
            }
            continue;
        }
        if !(i == 0 && continued_from) {
            if let Some(why) = starts_mid_sentence(&b.text) {
                warn(&mut out, WarningKind::TruncatedStart, i, format!("block starts in the middle of a sentence ({why})"));
            }
        }
        // Opening and closing marks of each pair, counted in one pass.
        let mut counts = [[0usize; 2]; QUOTE_PAIRS.len()];
        for c in quote_marks(&b.text) {
            for (k, &(open, close)) in QUOTE_PAIRS.iter().enumerate() {
                counts[k][0] += usize::from(c == open);
                counts[k][1] += usize::from(c == close);
            }
        }
        for (&(open, close), [opens, closes]) in QUOTE_PAIRS.iter().zip(counts) {
            if opens != closes {
                warn(&mut out, WarningKind::UnbalancedQuotes, i, format!("{opens} {open} but {closes} {close}"));
            }
        }
        check_numbering(&mut out, &mut last_number, i, b.facts.number);
    }
    if let Some((i, last)) = a.blocks.iter().enumerate().rev().find(|(_, b)| b.kind == BlockKind::Paragraph) {
        let is_last = a.blocks[i + 1..].iter().all(|b| matches!(b.kind, BlockKind::Caption | BlockKind::Signature));
        if is_last && !continued_on && !ends_sentence(&last.text) {
            warn(&mut out, WarningKind::TruncatedEnd, i, "last paragraph stops in the middle of a sentence and no jump says where it goes on".into());
        }
    }
    a.warnings.extend(out);
}

/// Why a text starts in the middle of a sentence, if it does.
fn starts_mid_sentence(text: &str) -> Option<&'static str> {
    let first = text.chars().next()?;
    if matches!(first, '，' | '、' | '；' | '。' | '：' | ',' | ';') {
        return Some("opens with clause punctuation");
    }
    // The first quotation mark is a closing one.
    for c in quote_marks(text) {
        match c {
            '“' | '「' | '『' | '‘' => return None,
            '”' | '」' | '』' => return Some("a closing quotation mark comes before any opening one"),
            _ => {}
        }
    }
    if matches!(first, '）' | ')' | '】' | '》') {
        return Some("opens with a closing bracket");
    }
    None
}

/// The quotation marks of [`QUOTE_MARKS`] in `text`, in order, found by their UTF-8
/// lead bytes (E2 for “”‘’, E3 for 「」『』: `memchr2`, a vectorized search) instead of
/// decoding every character.
fn quote_marks(text: &str) -> impl Iterator<Item = char> + '_ {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0xE3, b).filter_map(move |i| {
        // A lead byte (E2 and E3 are never continuation bytes): a char starts here.
        let c = text.get(i..)?.chars().next()?;
        QUOTE_MARKS.contains(&c).then_some(c)
    })
}

/// `number`: the block's list number, from its facts record (read on the repaired text).
fn check_numbering(out: &mut Vec<Warning>, last: &mut [Option<u32>; STYLES], i: usize, number: Option<(u8, u32)>) {
    let Some((style, n)) = number else { return };
    let slot = &mut last[style as usize];
    if let Some(prev) = *slot {
        if n > prev + 1 {
            warn(out, WarningKind::NumberingGap, i, format!("numbered item {n} follows {prev}"));
        }
    } else if n > 1 && style == 0 {
        warn(out, WarningKind::NumberingGap, i, format!("numbered items start at {n}"));
    }
    *slot = Some(n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_marks_are_found_in_order_by_their_bytes() {
        let t = "他说：“好。”『甲』「乙」‘丙’——。…";
        let found: String = quote_marks(t).collect();
        assert_eq!(found, "“”『』「」‘’");
        assert_eq!(found, t.chars().filter(|c| QUOTE_MARKS.contains(c)).collect::<String>());
        assert_eq!(quote_marks("abc，。、").count(), 0);
    }

    #[test]
    fn closing_quote_first_is_a_truncated_start() {
        assert!(starts_mid_sentence("运行”的政务服务“平房模式”，促使区域").is_some());
        assert!(starts_mid_sentence("“外防输入”要求").is_none());
        assert!(starts_mid_sentence("，接上文").is_some());
        assert!(starts_mid_sentence("王兆力强调，要严格落实").is_none());
    }
}
