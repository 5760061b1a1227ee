//! Tesseract TSV: what `tesseract page.png out tsv` writes, read into a page of boxes.
//!
//! One row per layout element, tab-separated, under a fixed header:
//!
//! ```text
//! level  page_num  block_num  par_num  line_num  word_num  left  top  width  height  conf  text
//! ```
//!
//! Level 1 is the page (its `width` and `height` are the page size), 2 a block, 3 a
//! paragraph, 4 a text line, 5 a word (the only rows with text). Each text line
//! becomes one box ([`super::boxes::OcrBox`]) made as the word-line builder (`read/words.rs`) says: its words' texts joined (a space only between two
//! words ending and starting with a Latin letter or digit: Tesseract cuts Chinese into
//! words of one or two characters) and the rectangle of its words, in pixels. Boxes are
//! numbered 0, 1, … in the file's order of lines; a line with no word text gives no
//! box. The layout Tesseract found (blocks, paragraphs) is not used: the geometry
//! recovers the reading order from the boxes as for any box page. A page is recognised
//! by its header.

use super::boxes::{BoxPage, Unit};
use super::words::{self, WordLine};
use crate::error::{Error, ErrorKind, Result};

/// The header row every Tesseract TSV file opens with.
const HEADER: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

/// Columns of a row; the last (`text`) may be missing on rows without text.
const COLUMNS: usize = 12;

/// Levels of the rows (`level` column).
const PAGE: u32 = 1;
const LINE: u32 = 4;
const WORD: u32 = 5;

fn bad(message: String) -> Error {
    Error::new(ErrorKind::Input { format: "Tesseract TSV", message })
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// True when `prefix` (the start of a file) opens with the Tesseract TSV header.
pub fn sniff(prefix: &[u8]) -> bool {
    strip_bom(prefix).starts_with(HEADER.as_bytes())
}

/// Reads `bytes` as a TSV page if they open with its header (`Ok(None)` otherwise);
/// errors as [`parse`].
pub fn detect(bytes: &[u8]) -> Result<Option<BoxPage>> {
    if sniff(bytes) { parse(bytes).map(Some) } else { Ok(None) }
}

/// Reads `bytes` as a Tesseract TSV page. Errors ([`ErrorKind::Input`], with the
/// 1-based line of the file): not UTF-8, no header, a row of fewer than 11 columns or
/// whose numbers do not parse.
pub fn parse(bytes: &[u8]) -> Result<BoxPage> {
    let text = std::str::from_utf8(strip_bom(bytes))
        .map_err(|e| bad(format!("not UTF-8 at byte {}", e.valid_up_to())).with_byte(e.valid_up_to() as u64))?;
    let mut rows = text.lines().enumerate();
    if rows.next().is_none_or(|(_, h)| h.trim_end() != HEADER) {
        return Err(bad("no header row (level, page_num, …, text)".into()).with_line(1));
    }
    let (mut width, mut height) = (0.0f64, 0.0f64);
    let mut lines: Vec<WordLine> = Vec::new();
    for (i, row) in rows {
        if row.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = row.splitn(COLUMNS, '\t').collect();
        let fail = |what: &str| bad(format!("{what}: {row:?}")).with_line(i as u64 + 1);
        if cols.len() < COLUMNS - 1 {
            return Err(fail("a row of fewer than 11 columns"));
        }
        let level: u32 = cols[0].trim().parse().map_err(|_| fail("a level that is not a number"))?;
        let num = |k: usize| cols[k].trim().parse::<f64>().ok().filter(|v| v.is_finite());
        let (Some(left), Some(top), Some(w), Some(h)) = (num(6), num(7), num(8), num(9)) else {
            return Err(fail("a box that is not four numbers"));
        };
        let rect = words::rect_from_size(left, top, w, h).map_err(|m| fail(&m))?;
        match level {
            PAGE => (width, height) = (width.max(rect.x1), height.max(rect.y1)),
            LINE => lines.push(WordLine::new(None).with_rect(Some(rect))),
            WORD => match lines.last_mut() {
                // `conf` is 0..=100, -1 for rows with no score.
                Some(line) => {
                    line.push(cols.get(COLUMNS - 1).copied().unwrap_or(""), rect, num(10).filter(|c| *c >= 0.0).map(|c| c / 100.0))
                }
                None => return Err(fail("a word before any line")),
            },
            _ => {}
        }
    }
    let boxes = words::boxes(&lines);
    let (width, height) = words::page_size(Some((width, height)), &boxes);
    Ok(BoxPage { boxes, width, height, unit: Unit::Px })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::boxes::Rect;

    /// A page of two lines, the second of two Latin words, in Tesseract's layout.
    const PAGE_TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t1000\t1400\t-1\t
2\t1\t1\t0\t0\t0\t100\t100\t400\t90\t-1\t
3\t1\t1\t1\t0\t0\t100\t100\t400\t90\t-1\t
4\t1\t1\t1\t1\t0\t100\t100\t300\t40\t-1\t
5\t1\t1\t1\t1\t1\t100\t100\t80\t40\t96.1\t会议
5\t1\t1\t1\t1\t2\t190\t102\t210\t38\t95.0\t举行。
4\t1\t1\t1\t2\t0\t100\t150\t400\t40\t-1\t
5\t1\t1\t1\t2\t1\t100\t150\t180\t40\t91.0\tPeople's
5\t1\t1\t1\t2\t2\t300\t150\t200\t40\t90.0\tDaily
4\t1\t1\t1\t3\t0\t100\t200\t400\t40\t-1\t
5\t1\t1\t1\t3\t1\t100\t200\t400\t40\t95.0\t 
";

    #[test]
    fn lines_become_boxes_of_their_words() {
        let p = parse(PAGE_TSV.as_bytes()).unwrap();
        assert_eq!((p.width, p.height), (1000.0, 1400.0));
        let texts: Vec<&str> = p.boxes.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["会议举行。", "People's Daily"]);
        // The words' x extent and their median top and bottom (tops 100 and 102: of
        // two, the second).
        assert_eq!(p.boxes[0].rect, Rect { x0: 100.0, y0: 102.0, x1: 400.0, y1: 140.0 });
        assert_eq!((p.boxes[0].index, p.boxes[1].index), (0, 1));
        assert!(sniff(PAGE_TSV.as_bytes()) && detect(b"level\tx").unwrap().is_none());
    }

    #[test]
    fn a_malformed_row_is_an_error_naming_its_line() {
        let bad = PAGE_TSV.replace("190\t102", "x\t102");
        let e = parse(bad.as_bytes()).unwrap_err();
        assert_eq!(e.position().line, Some(7));
        assert!(e.kind().to_string().starts_with("not a Tesseract TSV page: a box that is not four numbers"), "{e}");
        assert!(parse(b"text\n").is_err());
    }

    #[test]
    fn the_pipeline_reads_it_by_content() {
        use crate::{Options, Pipeline};
        let page = Pipeline::new(Options::default()).unwrap().process_bytes("p.tsv", PAGE_TSV.as_bytes()).unwrap();
        let a = &page.articles[0];
        assert_eq!(a.blocks[0].text, "会议举行。");
        assert_eq!(a.blocks[0].provenance.boxes, Some(vec![0]));
    }
}
