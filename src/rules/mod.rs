//! Answers about Chinese newspaper text, importing no stage: each module reads one
//! kind of thing out of a text and says where its rule comes from.
//!
//! - [`chars`]: characters (Han, CJK punctuation, widths, spaces), numbers and dates;
//! - [`numbering`]: list numbering (一、 （一） 1. ①);
//! - [`byline`]: credits (本报讯, 记者, agencies) and their authors;
//! - [`headline`]: headline groups (kicker, headline, subheadline);
//! - [`jump`]: jump markers (下转第五版, 上接第一版);
//! - [`furniture`]: page furniture (page numbers, dates, mastheads);
//! - [`punct`]: punctuation width (GB/T 15834-2011).

use byline::Credit;
use numbering::numbering;

pub mod byline;
pub mod chars;
pub mod furniture;
pub mod headline;
pub mod jump;
pub mod lexicon;
pub mod numbering;
pub mod punct;

/// What the rules read at the start of a block's text, once: its leading credit
/// ([`byline::leading`]: 本报讯（记者 X）…) and its list number ([`numbering()`]: style and
/// value). Read when a block is assembled and carried on it, so that the later stages
/// ask the block instead of parsing its text again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cues {
    /// The credit the text opens with, if any.
    pub credit: Option<Box<Credit>>,
    /// The list number the text opens with, if any: (style, value), as [`numbering()`].
    pub number: Option<(u8, u32)>,
}

impl Cues {
    /// Reads the cues at the start of `text`.
    pub fn read(text: &str) -> Cues {
        Cues { credit: byline::leading(text).map(Box::new), number: numbering(text) }
    }
}
