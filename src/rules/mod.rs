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

pub mod byline;
pub mod chars;
pub mod furniture;
pub mod headline;
pub mod jump;
pub mod numbering;
pub mod punct;
