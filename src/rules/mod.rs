//! Answers about Chinese newspaper text, importing no stage: each module reads one
//! kind of thing out of a text and says where its rule comes from.
//!
//! - [`chars`]: characters (Han, CJK punctuation, widths, spaces), numbers and dates;
//! - [`numbering`]: list numbering (一、 （一） 1. ①);
//! - [`byline`]: credits (本报讯, 记者, agencies) and their authors;
//! - [`headline`]: headline groups (kicker, headline, subheadline);
//! - [`jump`]: jump markers (下转第五版, 上接第一版);
//! - [`furniture`]: page furniture (page numbers, dates, mastheads);
//! - [`punct`]: punctuation width (GB/T 15834-2011);
//! - [`lookalike`]: OCR look-alike characters (昨夭 → 昨天), from word frequencies.

use byline::Credit;
use numbering::numbering;

pub mod byline;
pub mod chars;
pub mod furniture;
pub mod headline;
pub mod jump;
pub mod lookalike;
pub mod lexicon;
pub mod numbering;
pub mod punct;

/// The per-block facts record: what the rules read at the start of a block's text, once.
///
/// - `credit`: the leading credit ([`byline::leading`]: 本报讯（记者 X）…), with its byte
///   length in the text (`Credit::len`);
/// - `number`: the list number ([`numbering()`]: style 0–4 and value).
///
/// Read when a unit is assembled (`stages::assemble`), carried on the unit, then on the
/// [`crate::Block`] made from it (a crate-private field, not part of the page contract and
/// never written), so that segment, dedup and warn ask the block instead of parsing its
/// text again. The facts always describe the block's current text: a stage that rewrites
/// the text (segment taking a credit off, the repair stage) reads them again from the new
/// text, and [`crate::Block::new`] reads them. A block read back from JSON has empty facts.
/// This is the record the line-facts work (issue 19) extends: a new fact is a field
/// here, read in [`BlockFacts::read`]. A [`crate::lines::Line`] carries it too, read the
/// first time a stage asks of the line and kept ([`OnceFacts`]); a unit made of one line
/// takes that line's record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockFacts {
    /// The credit the text opens with, if any.
    pub credit: Option<Box<Credit>>,
    /// The list number the text opens with, if any: (style, value), as [`numbering()`].
    pub number: Option<(u8, u32)>,
}

impl BlockFacts {
    /// Reads the facts at the start of `text`.
    pub fn read(text: &str) -> BlockFacts {
        BlockFacts { credit: byline::leading(text).map(Box::new), number: numbering(text) }
    }

    /// `text` without the leading credit of these facts (all of it when there is none).
    /// `text` must be the text the facts were read from.
    pub fn after_credit<'a>(&self, text: &'a str) -> &'a str {
        self.credit.as_ref().map_or(text, |c| &text[c.len..])
    }
}

/// The facts record of a text that does not change, read the first time a stage asks
/// and kept: what a [`crate::lines::Line`] carries, so that the line's credit and number
/// are read once however many stages ask (classify's credit line test and display test,
/// assemble's join test, the facts of a unit made of that one line). Not a second record:
/// it holds a [`BlockFacts`], as read by [`BlockFacts::read`], and the text's display
/// width ([`chars::width`]: the column measure, the full-line and display tests and the
/// join test each ask it of a line). Two of them are always equal: the facts derive from
/// the text beside them, which is compared instead.
#[derive(Debug, Clone, Default)]
pub struct OnceFacts {
    facts: std::cell::OnceCell<BlockFacts>,
    width: std::cell::OnceCell<usize>,
}

impl OnceFacts {
    /// The facts of `text`, read on the first call; `text` must be the same text at
    /// every call (the owner's text, which does not change once read).
    pub fn get(&self, text: &str) -> &BlockFacts {
        self.facts.get_or_init(|| BlockFacts::read(text))
    }

    /// The display width of `text` in columns (Han = 2, [`chars::width`]), measured on
    /// the first call; `text` as for [`OnceFacts::get`].
    pub fn width(&self, text: &str) -> usize {
        *self.width.get_or_init(|| chars::width(text))
    }
}

impl PartialEq for OnceFacts {
    fn eq(&self, _: &OnceFacts) -> bool {
        true
    }
}

impl Eq for OnceFacts {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, WarningKind};
    use crate::{Options, Pipeline, Punct};

    const PAGE: &str = "市政府召开常务会议\n\n本报讯（记者 王强）市政府昨日召开常务会议，研究部署近期工作。\n\n一、加强交通管理，确保道路安全畅通。\n\n三,做好防汛准备，落实各项责任措施。\n";

    #[test]
    fn a_block_made_from_text_reads_its_facts_and_never_writes_them() {
        let b = Block::new(BlockKind::Paragraph, "本报讯（记者 王强）市政府昨日召开会议。".into(), [3, 3]);
        let credit = b.facts.credit.as_deref().expect("a leading credit");
        assert_eq!(credit.byline, "本报讯（记者 王强）");
        assert_eq!(b.facts.after_credit(&b.text), "市政府昨日召开会议。");
        assert_eq!(b.facts.number, None);
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, r#"{"kind":"paragraph","text":"本报讯（记者 王强）市政府昨日召开会议。","lines":[3,3]}"#);
        let back: Block = serde_json::from_str(&json).unwrap();
        assert_eq!(back.facts, BlockFacts::default(), "read back from JSON: no facts");
        assert_eq!(back, b, "equality is the contract's fields");
    }

    #[test]
    fn every_block_of_a_page_carries_the_facts_of_its_final_text() {
        for punct in [Punct::Normalize, Punct::Keep] {
            let page = Pipeline::new(Options::default().punct(punct)).unwrap().process("p.txt", PAGE);
            let blocks: Vec<&Block> = page.articles.iter().flat_map(|a| &a.blocks).chain(&page.leftovers).collect();
            assert_eq!(blocks.len(), 3, "{blocks:?}");
            for b in blocks {
                assert_eq!(b.facts, BlockFacts::read(&b.text), "{}", b.text);
            }
        }
    }

    #[test]
    fn warn_reads_the_number_of_the_repaired_text() {
        // "三," is an item only once the repair has made it "三，": a gap after 一、.
        let gaps = |punct| {
            let page = Pipeline::new(Options::default().punct(punct)).unwrap().process("p.txt", PAGE);
            page.articles[0].warnings.iter().filter(|w| w.kind == WarningKind::NumberingGap).map(|w| w.message.clone()).collect::<Vec<_>>()
        };
        assert_eq!(gaps(Punct::Normalize), ["numbered item 3 follows 1"]);
        assert!(gaps(Punct::Keep).is_empty());
    }
}
