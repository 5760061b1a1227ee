//! Every threshold of the text stages, named once, with its unit and why it has that
//! value. Widths are display columns (a Han character is 2, as in [`crate::lines`]);
//! lengths are characters. The values were set on the pages of `corpus/` (gold files
//! in `tests/gold/`) and the People's Daily pages of `../shared/realpages`.
//!
//! | name | value | unit | what it measures |
//! |---|---|---|---|
//! | `BARE_NAME_MAX_CHARS` | 3 | characters | most Han characters of a bare name read as a commentary's byline under its headline |
//! | `BARE_NAMES_MAX` | 3 | names | most bare names on one line read as a byline under a headline |
//! | `PHOTO_NOISE_MIN_PIECES` | 3 | pieces | fewest pieces, parted by wide gaps, of a line of photo noise |
//! | `PHOTO_NOISE_MAX_HAN_RUN` | 3 | characters | longest run of Han in a line of photo noise |
//! | `PHOTO_NOISE_GAP` | 2 | spaces | narrowest gap that parts the pieces of a line of photo noise |
//! | `PHOTO_NOISE_MAX_LATIN` | 2 | letters | longest run of Latin letters in a line of photo noise |
//! | `TIGHT_MIN_ENDS` | 2 | paragraph ends | paragraph ends running straight on into the next paragraph needed to call a page's paragraphs unparted by blank lines |
//! | `EDGE_LINES` | 3 | lines | text lines at the top and bottom of a page where furniture is looked for |
//! | `FULL_SLACK` | 4 | columns | a line this short of the column width is still full |
//! | `CAPTION_MAX_CHARS` | 120 | characters | longest caption |
//! | `PHOTO_SOURCE_MAX_CHARS` | 8 | characters | longest bracketed source after a photo credit (摄（人民视觉）) |
//! | `MARKED_DISPLAY_MAX_CHARS` | 60 | characters | longest Markdown-marked display line |
//! | `DISPLAY_MAX_CHARS` | 40 | characters | longest unmarked display line |
//! | `ORNAMENT_PHRASE_MIN_CHARS` | 4 | characters | shortest phrase on either side of an ornament read as 。 in a heading line |
//! | `COMMA_DISPLAY_MAX_CHARS` | 24 | characters | longest display line with one comma |
//! | `EXCLAIM_DISPLAY_MAX_CHARS` | 20 | characters | longest display line ending in ！ or ？ |
//! | `MIN_INDENT` / `MAX_INDENT` | 2 / 4 | columns | a paragraph indent |
//! | `MIN_LONG_LINE` | 16 | columns | shortest line measured for the column width |
//! | `MIN_WRAPPED_LINES` | 4 | lines | long lines needed to call a page hard-wrapped |
//! | `WIDTH_BELOW` / `WIDTH_ABOVE` | 4 / 2 | columns | lines this near the mode count for it |
//! | `OVER_COLUMN` | 4 | columns | a line this much wider than the column width is not one of its wrapped lines |
//! | `DOUBLED_MIN_HAN` | 4 | characters | shortest headline half read as a headline printed twice |
//! | `NARROW_LINE` | 24 | columns | widest line of a narrow column (12 Han) read as wrapped when the page has no measured width |
//! | `WIDTH_AGREE` | 2/5 | share | long lines near the mode |
//! | `BLANK_SEPARATED` | 2/3 | share | text lines followed by a blank line on a Markdown page |
//! | `MAX_HEADING_LEVEL` | 6 | level | Markdown's deepest heading |
//! | `BROKEN_MIN_CHARS` | 16 | characters | shortest text before a blank line joined as a broken paragraph |
//! | `ORG_MAX_CHARS` | 30 | characters | longest issuing body of a signature |
//! | `ITEM_MAX_CHARS` | 40 | characters | longest numbered list item |
//! | `LONE_HEAD_MAX_CHARS` | 24 | characters | longest one-line unpunctuated opening read as a headline (issue 13) |
//! | `LABEL_MAX_CHARS` | 4 | characters | longest lone label (本埠新聞) a lifted headline joins |
//! | `MARKED_PAGE_MIN_HEADINGS` | 2 | headings | fewest Markdown headings on a text page before its unmarked short lines are body text (issue 13) |
//! | `UNMARKED_RUN_MIN_LINES` | 2 | lines | fewest unmarked lines in a row read as a listing: paragraphs of the running article, not a head group, nor a heading's kicker (issue 13) |
//! | `DECK_MAX_LINES` | 3 | lines | most unmarked display lines of one head group on a text page; more are a listing's body (issue 13) |
//! | `HEADLINE_LEVEL_MIN_HEADS` | 2 | groups | sure headlines that must agree on a heading level before a deeper heading is read as a subhead (issue 13) |
//! | `SAME_START_CHARS` | 8 | characters | opening compared to tell a paragraph printed twice from a second 上接 continuation |
//! | `WRAPPED_TAIL_MAX_CHARS` | 3 | characters | longest line of punctuation alone read as the end of the body line above |
//! | `REPEAT_MIN_CHARS` | 8 | characters | shortest line read as the line above printed again |
//! | `REPEAT_TAIL_MIN_CHARS` | 2 | characters | shortest last line of a wrapped paragraph read as the line above printed again |
//! | `REPEAT_AGREE` | 3/4 | share | places two copies of a line agree in |
//! | `DEDUP_MIN_CHARS` | 16 | characters | shortest block compared for duplicates |
//! | `NEAR_JACCARD` | 0.75 | share | trigrams shared by near duplicates |
//! | `MAX_POSTING` | 32 | blocks | a trigram in more blocks is not indexed |
//! | `TRIGRAM` | 3 | characters | the n of the n-grams compared |
//! | `HEADLINE_WEIGHT` | 3 | trigrams | a headline trigram counts this many body trigrams |
//! | `CHAR_BITS` | 21 | bits | a Unicode scalar value; three pack into a trigram key |
//! | `DEDUP_INDEX_RESERVE` | 16384 | trigrams | most entries dedup's trigram index is made with at once |

/// Text lines at the top and at the bottom of a page where furniture (page numbers,
/// dates, mastheads) is looked for: a printed page's running head and foot.
pub const EDGE_LINES: usize = 3;
/// A line at most this many columns (two Han characters) short of the column width
/// is full: kinsoku and a closing mark leave a full line a little short.
pub const FULL_SLACK: usize = 4;
/// Longest caption (characters): a longer 图为… line is a paragraph.
pub const CAPTION_MAX_CHARS: usize = 120;
/// Longest source in brackets after a caption's photo credit, in characters: 人民日报
/// credits a picture agency so ("摄（人民视觉）", "摄（新华社发）"); a longer bracket is text.
pub const PHOTO_SOURCE_MAX_CHARS: usize = 8;
/// Longest display line marked by Markdown (heading, bold), in characters: a longer
/// marked line is body text the OCR tool mislabeled.
pub const MARKED_DISPLAY_MAX_CHARS: usize = 60;
/// Longest unmarked display line (characters): headlines are short.
pub const DISPLAY_MAX_CHARS: usize = 40;
/// Shortest phrase (characters, all Han) on either side of a full stop inside a box
/// page's heading line for the stop to be read as a deck's ornament (○ read 。: 申報
/// vertical v006: phrases of 24 and 8 characters), not a sentence's end before a
/// signature with a date in digits (seen on a real leaflet of `../shared/realpages`).
pub const ORNAMENT_PHRASE_MIN_CHARS: usize = 4;
/// Longest display line with one comma (characters): headlines seldom carry one.
pub const COMMA_DISPLAY_MAX_CHARS: usize = 24;
/// Longest display line ending in ！ or ？ (characters): a slogan, not a sentence.
pub const EXCLAIM_DISPLAY_MAX_CHARS: usize = 20;
/// Shortest paragraph indent (columns): one Han character.
pub const MIN_INDENT: usize = 2;
/// Longest paragraph indent (columns): two Han characters, the printed 　　.
pub const MAX_INDENT: usize = 4;
/// Shortest line (columns) measured for the column width of hard-wrapped text.
pub const MIN_LONG_LINE: usize = 16;
/// Long lines needed to call a page hard-wrapped.
pub const MIN_WRAPPED_LINES: usize = 4;
/// Lines up to this many columns narrower than the mode count for it.
pub const WIDTH_BELOW: usize = 4;
/// Lines up to this many columns wider than the mode count for it.
pub const WIDTH_ABOVE: usize = 2;
/// A line more than this many columns (two Han characters) wider than the column
/// width of hard-wrapped text is not one of its wrapped lines: a headline set wider
/// than the body column ("高原牧区迎来首批“流动医院”" over 13-character lines).
pub const OVER_COLUMN: usize = 4;
/// Widest line (columns, 12 Han characters) of a narrow column: on a page too short to
/// measure its column width, such a line left open is continued by the next line.
pub const NARROW_LINE: usize = 24;
/// Shortest half (Han characters) of a headline line read as one phrase printed twice:
/// "好好好好" aside, a real headline never repeats a phrase of four or more.
pub const DOUBLED_MIN_HAN: usize = 4;
/// Share of the long lines (numerator, denominator) near the mode for a column width.
pub const WIDTH_AGREE: (usize, usize) = (2, 5);
/// Share of the text lines (numerator, denominator) followed by a blank line on a
/// Markdown page whose paragraphs are separated by blank lines.
pub const BLANK_SEPARATED: (usize, usize) = (2, 3);
/// Deepest Markdown heading level.
pub const MAX_HEADING_LEVEL: usize = 6;
/// Shortest text (characters) before a blank line that is joined to the next as a
/// paragraph broken in the middle of a word.
pub const BROKEN_MIN_CHARS: usize = 16;
/// Longest issuing body of a signature (characters).
pub const ORG_MAX_CHARS: usize = 30;
/// Longest numbered text (characters) that is a list item rather than a paragraph.
pub const ITEM_MAX_CHARS: usize = 40;
/// Longest line (characters) that, printed alone and without any punctuation at the
/// head of an article that has no headline, is read as its headline (issue 13: a
/// headline as wide as a narrow column looks like a wrapped body line). The headlines
/// of the eval set's plain pages are at most 18 characters; a body line of a column
/// wider than 24 characters is a wrapped line, not a headline.
pub const LONE_HEAD_MAX_CHARS: usize = 24;
/// Longest lone display line (characters) over an article that a headline read as a
/// paragraph joins as its group's label (本埠新聞): the length up to which the headline
/// rules (rules/headline.rs) read a short first line over a single headline as a rubric.
pub const LABEL_MAX_CHARS: usize = 4;
/// Fewest headline groups, each surely a headline (the page's first, or one a credit
/// follows), that must all head with the same Markdown level before a single heading
/// deeper than that level inside a running article is read as its subhead (issue 13,
/// segment's `headline_level`). One such group says nothing of a page whose converter
/// sets levels at random (local 人民日报 pages: a `#` dispatch headline, then `###`
/// headlines with no credit under them).
pub const HEADLINE_LEVEL_MIN_HEADS: usize = 2;
/// Blocks shorter than this (Han characters and alphanumerics, after folding) are
/// never treated as duplicates: short lines repeat legitimately.
pub const DEDUP_MIN_CHARS: usize = 16;
/// Near duplicates share at least this fraction of their trigrams (Jaccard).
pub const NEAR_JACCARD: f64 = 0.75;
/// Trigrams seen in more blocks than this are too common to index.
pub const MAX_POSTING: usize = 32;
/// The n of the character n-grams compared by dedup.
pub const TRIGRAM: usize = 3;
/// A trigram of an article's headline counts this many times one of its body, when
/// choosing which article a duplicated paragraph belongs to.
pub const HEADLINE_WEIGHT: usize = 3;
/// Bits of a Unicode scalar value (U+10FFFF < 2^21): three characters pack into one
/// `u64` trigram key.
pub const CHAR_BITS: u32 = 21;
/// Most entries dedup's trigram index is made with at once (its page's trigrams,
/// counted with repeats, when fewer): a bench page's fit (a 7 KB page has some 2,000),
/// so it is not rehashed as it fills; a larger page's index grows by doubling from here,
/// as it did from empty, so that a 1.6 MB page's repeats do not size a table several
/// times too large (a reservation of all of them raised such a page's peak RSS from 28
/// to 40 MB). About 0.5 MB of table (issue 19).
pub const DEDUP_INDEX_RESERVE: usize = 16384;

/// The check that keeps thresholds in their files: no numeric literal other than 0, 1,
/// 2 and 0.5 in the stage and geometry code outside this file and
/// [`crate::geometry::params`], and every constant of both in their docs' table.
/// A paragraph whose first this many characters (folded) match a paragraph of the
/// article is that paragraph printed again, not a second continuation (上接) opening
/// on the same page: eight characters are past the marker and a word or two of text.
pub const SAME_START_CHARS: usize = 8;

/// A line of punctuation alone ("。", "”。", "。”）") under a body line is the end of
/// that line's sentence pushed over by the wrap: three marks at most.
pub const WRAPPED_TAIL_MAX_CHARS: usize = 3;

/// The shortest line read as a copy of the line above (a tool printing every line
/// twice): shorter lines (两会, 同意) may well be printed twice on purpose.
pub const REPEAT_MIN_CHARS: usize = 8;
/// The shortest last line of a wrapped paragraph (under a full line left open, ending a
/// sentence: 費者手中。) read as a copy of the line above: a wrap's tail is never printed
/// twice on purpose, but one character alone (。) may be border noise.
pub const REPEAT_TAIL_MIN_CHARS: usize = 2;
/// Two copies of one printed line agree in three places of four: OCR misreads a
/// character or two in twenty (柬 for 東, · for 。), two different lines agree in few.
pub const REPEAT_AGREE: (usize, usize) = (3, 4);

/// Most Han characters of a bare name read as a commentary's byline under its headline
/// (stages/classify.rs `names_under_headlines`): a family name and a given name of one or
/// two characters ("任平", "钟声", "王春华"). Four-character lines are mostly headlines.
pub const BARE_NAME_MAX_CHARS: usize = 3;
/// Most bare names, parted by spaces, on one line read as the byline under a headline
/// (stages/classify.rs `bare_name`): reporters sign a story in twos and threes ("祝大伟
/// 高洪刚"); a longer run of names is a list, not a credit.
pub const BARE_NAMES_MAX: usize = 3;
/// Paragraph ends (a body line ending a sentence) that run straight on into the next
/// paragraph, with no blank line, needed before a page counts as one whose paragraphs are
/// not parted by blank lines (stages/assemble.rs `tight_paragraphs`): one could be a
/// blank line lost by the tool; two on a page are its habit.
pub const TIGHT_MIN_ENDS: usize = 2;
/// Fewest pieces, parted by gaps of [`PHOTO_NOISE_GAP`] spaces or more, of a line that is
/// what Tesseract's plain text makes of a photo (issue 13: "品    古二  已  xz    全" over
/// a title on local 人民日报 one-column pages).
pub const PHOTO_NOISE_MIN_PIECES: usize = 3;
/// Longest run of Han characters in a line of photo noise: a word of text is longer.
pub const PHOTO_NOISE_MAX_HAN_RUN: usize = 3;
/// Narrowest gap (spaces) between the pieces of a line of photo noise: one space parts
/// the words of a spaced headline or of Latin text.
pub const PHOTO_NOISE_GAP: usize = 2;
/// Longest run of Latin letters in a line of photo noise: stray pairs of letters
/// ("ws   FE", "xz"), not a word ("New  York", "GDP").
pub const PHOTO_NOISE_MAX_LATIN: usize = 2;

/// Markdown headings a page needs before its unmarked display lines are read as body
/// text (`segment::marks_headings`): one heading may be a converter's accident, two
/// show the page marks its heads. Source: issue 13, local 申報 Markdown pages.
pub const MARKED_PAGE_MIN_HEADINGS: usize = 2;
/// Unmarked display lines in a row on a page that marks its headings that are read as
/// a listing, paragraphs of the running article (`segment::Builder::push_body`), also in
/// front of a Markdown heading, rather than its kicker (`segment::Builder::shed_unmarked_lead`):
/// a kicker or a subhead is one line, a listing runs on. Source: issue 13, local 申報 Markdown pages
/// (a shop's listing over the next `##` headline taken as its kicker).
pub const UNMARKED_RUN_MIN_LINES: usize = 2;
/// Most display lines of one head group (kicker, headline, subheadline: an old paper's
/// decks): a longer run of unmarked display lines on a text page is a listing's body
/// (`segment::Builder::listing_group`). Source: issue 13, local 申報 plain pages.
pub const DECK_MAX_LINES: usize = 3;

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The numeric literals of `src` other than 0, 1, 2 and 0.5, with their line
    /// numbers, outside comments, strings, character literals and the `#[cfg(test)]`
    /// module (tuple fields such as `.0` are not literals).
    fn stray_literals(src: &str) -> Vec<(usize, String)> {
        let code = src.find("#[cfg(test)]").map_or(src, |i| &src[..i]);
        let c: Vec<char> = code.chars().collect();
        let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
        let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
        while i < c.len() {
            match c[i] {
                '\n' => line += 1,
                '/' if c.get(i + 1) == Some(&'/') => {
                    while i < c.len() && c[i] != '\n' {
                        i += 1;
                    }
                    continue;
                }
                '"' => {
                    let raw = i > 0 && (c[i - 1] == 'r' || c[i - 1] == '#');
                    let hashes = (0..i).rev().take_while(|&k| c[k] == '#').count();
                    i += 1;
                    while i < c.len() {
                        if c[i] == '\n' {
                            line += 1;
                        }
                        if c[i] == '\\' && !raw {
                            i += 2;
                            continue;
                        }
                        if c[i] == '"' && (i + 1..=i + hashes).all(|k| c.get(k) == Some(&'#')) {
                            i += hashes;
                            break;
                        }
                        i += 1;
                    }
                }
                '\'' if c.get(i + 2) == Some(&'\'') || c.get(i + 1) == Some(&'\\') => {
                    i += 1;
                    while i < c.len() && c[i] != '\'' {
                        i += if c[i] == '\\' { 2 } else { 1 };
                    }
                }
                d if d.is_ascii_digit() && (i == 0 || !(ident(c[i - 1]) || c[i - 1] == '.')) => {
                    let start = i;
                    while i < c.len() && (c[i].is_ascii_digit() || c[i] == '_') {
                        i += 1;
                    }
                    if c.get(i) == Some(&'.') && c.get(i + 1).is_some_and(char::is_ascii_digit) {
                        i += 1;
                        while i < c.len() && c[i].is_ascii_digit() {
                            i += 1;
                        }
                    }
                    if c.get(i) == Some(&'e') && c.get(i + 1).is_some_and(|&n| n == '-' || n.is_ascii_digit()) {
                        i += 2;
                        while i < c.len() && c[i].is_ascii_digit() {
                            i += 1;
                        }
                    }
                    let text: String = c[start..i].iter().filter(|&&ch| ch != '_').collect();
                    while i < c.len() && ident(c[i]) {
                        i += 1; // a type suffix
                    }
                    if !matches!(text.parse::<f64>(), Ok(v) if [0.0, 1.0, 2.0, 0.5].contains(&v)) {
                        out.push((line, text));
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        out
    }

    #[test]
    fn the_scanner_finds_literals_and_only_literals() {
        let src = "let a = 0.3 * h; // 1.6 in a comment\nlet b = x.0 + t.1 + 2 + 0.5 + 1.0 + 16usize + 1e-3;\nlet r = r\"\\d{4}\"; let s = \"40\"; let c = '7';\nlet v = v2 + a[3];\n#[cfg(test)]\nlet t = 99;";
        assert_eq!(
            stray_literals(src),
            [(1, "0.3".to_string()), (2, "16".into()), (2, "1e-3".into()), (4, "3".into())]
        );
    }

    #[test]
    fn no_threshold_outside_its_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stray = Vec::new();
        for dir in ["stages", "geometry"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            for f in files {
                let name = f.file_name().unwrap().to_str().unwrap();
                if name == "limits.rs" || name == "params.rs" {
                    continue;
                }
                let src = std::fs::read_to_string(&f).unwrap();
                stray.extend(stray_literals(&src).into_iter().map(|(l, t)| format!("src/{dir}/{name}:{l}: {t}")));
            }
        }
        assert!(stray.is_empty(), "name these in stages/limits.rs or geometry/params.rs:\n{}", stray.join("\n"));
    }

    /// Every constant of a thresholds file has a row in its doc table, with its value.
    #[test]
    fn every_threshold_is_in_its_docs_table() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for file in ["stages/limits.rs", "geometry/params.rs"] {
            let src = std::fs::read_to_string(root.join(file)).unwrap();
            let rows: Vec<&str> = src.lines().filter(|l| l.starts_with("//! | `")).collect();
            let mut count = 0;
            for l in src.lines().filter(|l| l.starts_with("pub const ")) {
                let name = l["pub const ".len()..].split(':').next().unwrap();
                let value = l.rsplit("= ").next().unwrap().trim_end_matches(';');
                let row = rows.iter().find(|r| r.contains(&format!("`{name}`"))).unwrap_or_else(|| panic!("{file}: no row for {name}"));
                let cell = row.split('|').nth(2).unwrap().trim();
                if !cell.contains('/') {
                    let (a, b) = (cell.parse::<f64>().unwrap(), value.parse::<f64>().unwrap());
                    assert_eq!(a, b, "{file}: {name} is {value} but its row says {cell}");
                }
                count += 1;
            }
            assert!(count >= 10 && rows.len() <= count, "{file}: {count} constants, {} rows", rows.len());
        }
    }
}

