//! Every threshold of the geometry, named once, with its unit and why it has that
//! value. `H` is the page's body line height (the median thickness of body lines),
//! `P` the character pitch (the median advance of one Han character), both in pixels;
//! a ratio is a line's thickness over `H`; `em` counts a Han character 1 and others ½.
//! The values were set on the PaddleOCR pages of `../shared/realpages` (People's
//! Daily and Shenbao scans) and the synthetic pages of `tests/boxes.rs`.
//!
//! | name | value | unit | what it measures |
//! |---|---|---|---|
//! | `MIN_BODY_CHARS` | 4 | characters | shortest box measured as a body line |
//! | `CHAR_BY_CHAR_SHARE` | 5 | 1/share | body-line candidates below 1/5 of the boxes: measure over all boxes |
//! | `MIN_MEASURE` | 1e-3 | pixels | floor of `H` and `P` |
//! | `MIN_THICKNESS` | 1e-6 | pixels | floor of a box's thickness |
//! | `VERTICAL_ASPECT` | 1.5 | height/width | a box this much taller than wide is vertical text |
//! | `BODY_MIN_RATIO` | 0.7 | `H` | thinnest body line |
//! | `BODY_MAX_RATIO` | 1.4 | `H` | thickest body line |
//! | `TEXT_AREA_MARGIN` | 1.5 | `H` | the body lines' rectangle grown by this: the text area |
//! | `NOISE_MAX_CHARS` | 3 | characters | longest box that may be noise |
//! | `NOISE_TINY` | 0.55 | `H` | a box thinner than this is an ornament |
//! | `DEBRIS_RATIO` | 0.4 | `H` | a box with no Han character thinner than this is a rule read as text |
//! | `DEBRIS_MAX_CHARS` | 12 | characters | longest such box |
//! | `RULE_WIDTH` | 8 | thicknesses per character | a short box thinner than body text and wider than this is a rule read as text |
//! | `UNREAD_CONFIDENCE` | 0.3 | confidence, 0..=1 | a short box read with less is noise |
//! | `UNREAD_MAX_CHARS` | 6 | characters | longest box that low confidence makes noise |
//! | `GHOST_HOST_RATIO` | 2 | thicknesses | a box inside a heading box this much thicker is a ghost |
//! | `GHOST_OVERLAP` | 0.8 | share of area | how much of a ghost lies inside its host |
//! | `GHOST_UPRIGHT` | 1.1 | thicknesses | tallest rectangle of an upright host |
//! | `GHOST_HOST_PITCH` | 1.25 | thicknesses per em | widest advance of a ghost's host |
//! | `LINE_GAP_REACH` | 2.5 | `H` | how far under a body line the next one is looked for |
//! | `DEFAULT_LINE_GAP` | 0.25 | `H` | the line gap when none is measured |
//! | `HEADING_RATIO` | 1.55 | `H` | thinnest heading |
//! | `CUT_HEADING_RATIO` | 1.42 | `H` | thinnest heading for band and side-by-side cuts |
//! | `HEADING_MAX_EM` | 40 | em | longest heading |
//! | `FLUSH_LEFT_SHORT` | 2 | `P` | a flush-left headline ends this far short of its column group |
//! | `KICKER_GAP` | 0.6 | `H` | widest gap between a kicker and its headline |
//! | `SUB_NARROWER` | 2 | `P` | a subheadline centred under its heading is this much narrower |
//! | `TAIL_GAP` | 0.5 | `H` | widest gap over a short line that ends the text above it |
//! | `QUOTE_TAIL_MAX_EM` | 4 | em | longest quote line joined to the sentence above it |
//! | `OVERLAP_HEADS_ROW` | 0.5 | thickness | side-by-side heading boxes overlapping this much vertically are one row (the repeat is trimmed) |
//! | `KICKERS_OVER_HEADS` | 2 | lines | short lines a column may hold over side-by-side headlines |
//! | `MARGIN_VERTICAL_SHARE` | 4 | 1/share | at most 1/4 of lines vertical: a horizontal page |
//! | `SIDE_BY_SIDE_WIDTH` | 1.5 | column widths | a band wider than this is a region of several columns |
//! | `BAND_GAP_OVER_LINE_GAP` | 0.3 | `H` | a band gap is the line gap plus this |
//! | `BAND_GAP_MIN` | 0.15 | `H` | smallest band gap |
//! | `HEADING_BAND_GAP` | 0 | `H` | band gap under or over a heading |
//! | `BAND_WIDEST_SHARE` | 0.8 | widest gap | gaps cut at one level |
//! | `HEADS_APART` | 1.5 | thickness | headings closer than this are not two headlines side by side (unless one is wrapped in its column) |
//! | `VERTICAL_PADDING` | 0.1 | box width | projection narrowing of a vertical box |
//! | `GLYPH_PADDING` | 0.3 | `P` | projection narrowing of a horizontal box at each end |
//! | `GLYPH_PADDING_MAX` | 0.25 | box width | at most this share of a short box |
//! | `SPLIT_BODY_RATIO` | 1.5 | `H` | thickest line that may be split at a column gap |
//! | `GAP_REACH` | 1.5 | `P` | lines ending or starting this near a gap are its column's |
//! | `SPLIT_MIN_EM` | 6 | em | shortest box split at a column gap |
//! | `MERGED_NEAR` | 5 | `H` | a merged box has a body line of each column this near |
//! | `MERGED_MAX_VALLEY` | 4 | `P` | widest valley merged boxes may cross: a gutter |
//! | `OVERHANG_MAX` | 0.5 | `P` | a body line reaching this little into the next column is its own column's |
//! | `MERGED_MIN_SIDE` | 4 | lines | body lines on each side for the share rule |
//! | `MERGED_SHARE` | 3 | 1/share | merged boxes at most 1/3 of a side's body lines |
//! | `MERGED_LEFT_SHARE` | 0.6 | body line width | a merged box holds this much of a line left of the gap |
//! | `COLUMN_EDGE_SLACK` | 0.6 | `P` | slack at a column's left edge |
//! | `MERGED_MIN_GUTTER` | 0.5 | `P` | an open gutter, for a merged box's indented left column |
//! | `GRID_MERGED_MIN_LINES` | 2 | lines | fewest lines of a leaf cut at the column grid |
//! | `GRID_MERGED_MIN_CUTS` | 2 | column cuts | a grid gap made this often may cut a leaf |
//! | `GRID_MERGED_REACH` | 2 | `P` | each merged line's reach past the grid gap |
//! | `GRID_MERGED_EXCESS` | 0.5 | `P` | a merged line is this much wider than its text set solid |
//! | `FILL_SLACK` | 0.8 | `P` | a line ending this near the right edge fills its column |
//! | `GAP_EDGE_NEAR` | 6 | `H` | lines this near a split box give the gap's edges |
//! | `FILL_WEIGHT` | 0.25 | characters | weight of the pitch estimate when splitting a box |
//! | `ROW_X_OVERLAP` | 0.3 | box width | boxes overlapping more than this in x are not one row |
//! | `SPACE_GAP` | 0.8 | `P` | a wider gap between boxes of a row is a space |
//! | `CONTINUES_INDENT` | 4.5 | `P` | a one-line leaf under a column starting this near it continues it |
//! | `PARAGRAPH_BREAK_MAX` | 1 | `H` | a gap this tall inside a column, no heading under it, is no band gap |
//! | `PARAGRAPH_INDENT_MIN` | 0.65 | `P` | the line under such a gap is indented this much (a paragraph's start) |
//! | `NEIGHBOURS` | 5 | lines | lines each side measured as a line's column |
//! | `LOCAL_BODY_RATIO` | 1.2 | local height | thickest body-sized line; thinnest subhead |
//! | `MIN_EDGE_LINES` | 3 | lines | lines needed to measure a column's edges |
//! | `EDGE_RANK` | 4 | 1/rank | edges taken a quarter in (at most two lines) |
//! | `SUBHEAD_MIN_RATIO` | 1.1 | `H` | thinnest subhead |
//! | `SUBHEAD_MAX_EM` | 24 | em | longest subhead |
//! | `INDENT_ROUNDING` | 0.35 | characters | an indentation this close to a whole character counts it |
//! | `MAX_INDENT_CHARS` | 4 | characters | largest indentation read |
//! | `LEVEL_STEP` | 0.85 | thickness | a heading this much thinner starts a level |
//! | `DECK_SAME_PITCH` | 0.93 | advance per character | the smaller over the larger: two deck lines of one type size |
//! | `DECK_GAP` | 0.5 | thickness | most space between two lines of a deck |
//! | `MAX_HEADING_LEVEL` | 6 | level | Markdown's deepest heading |
//! | `MAX_DEPTH` | 256 | levels | deepest XY-cut recursion |
//! | `VERTICAL_PAGE_SHARE` | 0.5 | characters | this share in vertical boxes: a page set vertically |
//! | `VERTICAL_HEADING_RATIO` | 1.3 | `H` | thinnest heading column on a page set vertically |
//! | `TIER_GAP` | 0.3 | `P` | a gap across a region of vertical columns cuts it into tiers |
//! | `STACKED_GAP` | 2 | `P` | a gap in one vertical column that stacks two elements |
//! | `WRAP_FILL` | 0.85 | column span | a heading line this full of its span wraps onto the next |
//! | `WRAP_GAP` | 0.5 | thickness | most space between a wrapped heading line and its rest |
//! | `HEADLINE_PIECES_GAP` | 0.5 | heading thickness | two close headings of one row are one headline |
//! | `WRAP_STACK` | 3 | lines | a stack of heading lines whose widest fill their column |
//! | `WRAP_SAME_SIZE` | 0.9 | thickness | the thinner of a wrapped heading line and its rest over the thicker |
//! | `WRAP_SHORT_REST` | 3 | characters | longest rest of a wrapped heading whose box may be padded thicker |
//! | `WRAP_SHORT_SAME_SIZE` | 0.8 | thickness | a heading line over its short, thicker rest |
//! | `MASTHEAD_MAX_EM` | 6 | em | longest masthead (spaces not counted) |
//! | `MASTHEAD_TOP` | 0.25 | text height | a masthead starts in this top share of the text |
//! | `MASTHEAD_RATIO` | 1.5 | thickness | a masthead is this much thicker than the page's headlines |
//! | `MASTHEAD_DEPTH` | 2 | masthead thickness | the masthead's furniture lines end this far under it |
//! | `EAR_GAP` | 1.5 | `H` | widest gap between lines of the quotation box beside a masthead |
//! | `PIECE_GAP` | 1.5 | `H` | a gap this much wider than its column's line gap parts two pieces of text |
//! | `PIECE_MIN_GAPS` | 3 | gaps | fewest gaps for a column's own line gap |
//! | `PIECE_MIN_INDENT` | 2 | display columns | smallest indentation of a piece's first line |

/// Shortest box (characters) measured as a body line: shorter ones are pieces of
/// headings, numbers and noise.
pub const MIN_BODY_CHARS: usize = 4;
/// When fewer than one box in this many is a body-line candidate, `H` and `P` are
/// measured over all boxes (a page read character by character).
pub const CHAR_BY_CHAR_SHARE: usize = 5;
/// Floor of `H` and `P` (pixels), so that a page of empty boxes divides by no zero.
pub const MIN_MEASURE: f64 = 1e-3;
/// Floor of a box's thickness (pixels): a degenerate box is not zero thick.
pub const MIN_THICKNESS: f64 = 1e-6;
/// A box of two characters or more this many times taller than wide is vertical text.
pub const VERTICAL_ASPECT: f64 = 1.5;
/// Thinnest body line (`H`): thinner boxes are small print.
pub const BODY_MIN_RATIO: f64 = 0.7;
/// Thickest body line (`H`): thicker boxes are display type.
pub const BODY_MAX_RATIO: f64 = 1.4;
/// The body lines' rectangle grown by this (`H`) is the text area: room for a short
/// last line under the last body line.
pub const TEXT_AREA_MARGIN: f64 = 1.5;
/// Longest box (characters) that may be page noise.
pub const NOISE_MAX_CHARS: usize = 3;
/// A short box thinner than this (`H`) is an ornament of a column rule.
pub const NOISE_TINY: f64 = 0.55;
/// A box with no Han character thinner than this (`H`) is a box rule or border read as
/// digits and letters, whatever its length up to [`DEBRIS_MAX_CHARS`] (`21117T17` at 0.29
/// `H` on a tabloid of `../shared/realpages/bha25-tabloids`); small print (a footer's
/// URL or serial number) is thicker.
pub const DEBRIS_RATIO: f64 = 0.4;
/// Longest box (characters) that [`DEBRIS_RATIO`] makes noise.
pub const DEBRIS_MAX_CHARS: usize = 12;
/// A short box thinner than body text and wider than this many times its thickness
/// per character is a rule or border read as text, not characters: Tesseract reads a
/// column rule under an advertisement module of a 申報 page as one word 店, 1495 × 16
/// px (0.6 `H`), confidence 0, and that box, crossing every gutter of the module,
/// kept it from being cut into columns (local 申報 Tesseract body 66.1 → 69.2 %, order
/// 0.133 → 0.102). Of every box of the committed and local sets
/// (all kinds), only that one and a rule under a committed page's head (有, 1495 × 18
/// px) pass this test, in each Tesseract format.
pub const RULE_WIDTH: f64 = 8.0;
/// A short box ([`UNREAD_MAX_CHARS`]) read with a confidence (0..=1) under this is
/// noise: the engine read no text there. Measured on the Tesseract hOCR read with the
/// page's resolution (`--dpi 200`), articles found: committed 63.4 → 65.6 %, local
/// 人民日报 45.3 → 49.1 %, 申報 26.9 → 38.5 % (0.2: 65.6, 47.2, 30.8; 0.4: 66.7, 49.1,
/// 38.5 but 申報 order 0.067 → 0.100). RapidOCR and PaddleOCR keep no box under 0.5.
pub const UNREAD_CONFIDENCE: f64 = 0.3;
/// Longest box (characters) that [`UNREAD_CONFIDENCE`] makes noise: a longer line read
/// badly is kept (flagged `low_confidence`). With no bound, 申報 layout 72.2 → 72.0 %,
/// order 0.067 → 0.069.
pub const UNREAD_MAX_CHARS: usize = 6;
/// A horizontal box inside a horizontal box at least this many times as thick (both in
/// the box's own unit) is a ghost: part of the thick line's ink read again
/// ([`super::measure::ghosts`]; committed Tesseract h004: 21 px inside 51 px).
pub const GHOST_HOST_RATIO: f64 = 2.0;
/// Least share of a ghost's area inside its host (committed Tesseract h004: 0.96).
pub const GHOST_OVERLAP: f64 = 0.8;
/// Tallest rectangle (in the box's thicknesses) of a ghost's host: a taller one is a
/// tilted box, whose rectangle covers its neighbours (bha21-leaflets: 1.7). Tesseract's
/// line boxes are upright (1.0).
pub const GHOST_UPRIGHT: f64 = 1.1;
/// Widest advance per em (in the box's thicknesses) of a ghost's host: a heading's
/// characters are set about square. The hosts of the ghosts on the committed and local
/// Tesseract pages advance 0.98–1.13; a box made thick by one tall garbage word
/// (committed h024: `ee結構`, over a real body line) 1.39.
pub const GHOST_HOST_PITCH: f64 = 1.25;
/// How far (`H`) under a body line the next one is looked for, measuring the line gap.
pub const LINE_GAP_REACH: f64 = 2.5;
/// The line gap (`H`) when none can be measured.
pub const DEFAULT_LINE_GAP: f64 = 0.25;
/// Thinnest heading (`H`): headlines are set well above body size. Measured on
/// RapidOCR's boxes of the evaluation sets (committed and local, 245 headline boxes):
/// a tenth of headlines are under 1.56 `H`, while no body, kicker, rubric or byline box
/// is over 1.3 `H`; 1.6 read those headlines as body lines (and split them at gaps).
/// Lower still (1.45 found 82% of RapidOCR's articles against 74% at 1.55) takes the
/// second line of a numbered section title on the real 红卫兵报 front page (1.5 `H`)
/// for a headline.
pub const HEADING_RATIO: f64 = 1.55;
/// Size ratio to `H` from which a line counts as a heading for the XY-cut (band cuts
/// under and over headings, side-by-side headlines), lower than [`HEADING_RATIO`]:
/// on the committed set's RapidOCR pages (h004, h018, h020, h021) headlines set 1.48–1.53
/// `H` were not cut off the two columns under them (their boxes touch the first body
/// line after a slight skew), so the columns were read as rows; no body, kicker, rubric
/// or byline box of the committed or local sets is between 1.3 and 1.47 `H`. A line
/// under [`HEADING_RATIO`] is not made a heading by this (the roles stage decides).
pub const CUT_HEADING_RATIO: f64 = 1.42;
/// Most short lines (kickers, rubrics: at most [`SUBHEAD_MAX_EM`] each) a column may
/// hold over a row of side-by-side headlines (eval rapidocr h023: 白沙江流域生态保护修复见闻
/// over 擦亮生态底色, 【评论员文章】 over 守好群众“钱袋子”).
pub const KICKERS_OVER_HEADS: usize = 2;
/// Widest gap (`H`) between a kicker and the headline under it (eval rapidocr: 0.1–0.4
/// `H`; an article's last body line stands a line height or more over the next
/// article's headline).
pub const KICKER_GAP: f64 = 0.6;
/// How much narrower (`P`) than the heading over it a short line centred right under
/// that heading (within a character, at most [`KICKER_GAP`] under it) must be to be
/// cut off with it as its subheadline (eval rapidocr h022: 344 px under 575 px); a
/// body line under a headline over its one column is as wide as the headline or wider.
pub const SUB_NARROWER: f64 = 2.0;
/// Widest gap (`H`) between a text line and a short line right under it that ends that
/// text (a quote box's last line, its attribution wrapped under it: eval rapidocr h012
/// and h024, 3–4 px here against body lines 4–10 px apart), when the next line read is
/// a heading the short line does not stand over: the line is that text's tail, not the
/// next article's kicker.
pub const TAIL_GAP: f64 = 0.5;
/// Most characters (em) of a quotation box's line taken for the rest of the sentence
/// above it (see `join_quote_tails`): a name's length, the longest line the text
/// stages would read in a quote as its credit (two characters on a real tabloid front
/// page of `../shared/realpages`).
pub const QUOTE_TAIL_MAX_EM: f64 = 4.0;
/// How far (`P`) short of its column group's right end a headline set flush left must
/// end to be read as flush left over more columns, not as filling (or centred over)
/// its own: a synthetic page's headline filling its one column took the next column too.
pub const FLUSH_LEFT_SHORT: f64 = 2.0;
/// Longest heading (em): a longer thick line is a lead paragraph set large.
pub const HEADING_MAX_EM: f64 = 40.0;
/// A page with at most one line in this many vertical is set horizontally (its
/// vertical text is a masthead's side column).
pub const MARGIN_VERTICAL_SHARE: usize = 4;
/// A band wider than this many column widths is a region of several columns.
pub const SIDE_BY_SIDE_WIDTH: f64 = 1.5;
/// A band gap is at least the normal line gap plus this (`H`).
pub const BAND_GAP_OVER_LINE_GAP: f64 = 0.3;
/// Smallest band gap (`H`), when the line gap is negative (boxes overlap).
pub const BAND_GAP_MIN: f64 = 0.15;
/// Band gap under or over a heading (`H`): headings are not spaced like body lines,
/// and RapidOCR's boxes are about as tall as the line pitch, so a headline's box (its
/// thickness around its centre) may all but touch the first body line's: any gap
/// between them is a cut (with 0.25, such a headline stayed over its columns and they
/// were read as rows: RapidOCR found 65.6% of articles, 67.7% with 0).
pub const HEADING_BAND_GAP: f64 = 0.0;
/// Gaps at least this share of the widest are cut at one level; narrower ones deeper.
pub const BAND_WIDEST_SHARE: f64 = 0.8;
/// Headings closer than this (their thickness) are not two headlines side by side:
/// one headline in pieces, or two each wrapped in its own column (see
/// `Cutter::territories`).
pub const HEADS_APART: f64 = 1.5;
/// Headings of one size in one row closer than this (their thickness) are one headline
/// in pieces (two phrases), when neither is wrapped over more lines in its column: over
/// the three sets' RapidOCR pages the pieces of one headline stand 0.0 and 0.14 apart;
/// Tesseract's word boxes of a headline wrapped in two columns 1.1 apart, which read as
/// one line lost body text (committed tesseract h023).
pub const HEADLINE_PIECES_GAP: f64 = 0.5;
/// Projection narrowing of a vertical box at each end (its width).
pub const VERTICAL_PADDING: f64 = 0.1;
/// Projection narrowing of a horizontal box at each end (`P`): the padding around the
/// glyphs and a little skew.
pub const GLYPH_PADDING: f64 = 0.3;
/// ... but at most this share of the box's width (a short box).
pub const GLYPH_PADDING_MAX: f64 = 0.25;
/// Thickest line (`H`) that may be split at a column gap: a body line (at most 1.3 `H`
/// on the evaluation sets), never a heading (at least [`HEADING_RATIO`]).
pub const SPLIT_BODY_RATIO: f64 = 1.5;
/// Lines ending (starting) within this (`P`) of a gap are its left (right) column's.
pub const GAP_REACH: f64 = 1.5;
/// Shortest box (em) split at a column gap.
pub const SPLIT_MIN_EM: f64 = 6.0;
/// A box merged across a gap has a body line of each column within this (`H`).
pub const MERGED_NEAR: f64 = 5.0;
/// Widest valley (`P`, of the narrowed projection) that boxes merged across it may
/// cross: a column gutter. The gutters crossed by merged boxes on the evaluation sets
/// and the real box pages are at most 3.3 `P` wide; a wider valley crossed only by
/// long lines is blank space in one column (rapidocr h006: a short last line at the
/// left, a jump marker at the right, 6 and 35 `P` apart, under full-width lines).
pub const MERGED_MAX_VALLEY: f64 = 4.0;
/// A body line reaching at most this far (`P`, narrowed) past a column gap into the
/// next column's lines holds no character there: it is its own column's line, with a
/// closing mark hanging into the gutter (rapidocr h013: 少，二因囤戶居奇，待價而沽。,
/// 14 characters where its column's lines hold 13), and does not keep the columns
/// from being cut apart.
pub const OVERHANG_MAX: f64 = 0.5;
/// Body lines on each side of a gap for the share rule of merged boxes.
pub const MERGED_MIN_SIDE: usize = 4;
/// Merged boxes are at most one in this many of a side's body lines.
pub const MERGED_SHARE: usize = 3;
/// In short columns, a merged box holds at least this share of a body line left of
/// the gap.
pub const MERGED_LEFT_SHARE: f64 = 0.6;
/// Slack at a column's left edge (`P`).
pub const COLUMN_EDGE_SLACK: f64 = 0.6;
/// Narrowest open gutter (`P`) between the lines beside a merged box for its left end
/// to be allowed an indentation out of the left column's edge: RapidOCR's gutters are
/// about a character wide, while Tesseract's pieces of one line split at a word space
/// abut or overlap (local 人民日报 h007, −2 px), and a word gap is no gutter.
pub const MERGED_MIN_GUTTER: f64 = 0.5;
/// Fewest lines of a leaf whose every line is merged across a gutter of the page's
/// column grid, for the leaf to be cut there (`Cutter::merged_columns`): one merged
/// line alone is a protrusion's business, or a line set across.
pub const GRID_MERGED_MIN_LINES: usize = 2;
/// Fewest column cuts of the page (within a `P` of each other) that make a gap of the
/// grid trusted to cut a leaf with no gutter of its own: a gap of one cut may be a
/// module's own (local 人民日报 RapidOCR h012: the gutter of the merged columns is cut
/// in four other articles).
pub const GRID_MERGED_MIN_CUTS: usize = 2;
/// Each merged line reaches at least this far (`P`) past either side of the grid gap:
/// two characters of each column.
pub const GRID_MERGED_REACH: f64 = 2.0;
/// A line merged across a gutter is at least this much (`P`) wider than its text set
/// solid, the gutter's blank (h012: 1.3 `P`, a gutter of about a character); a full line
/// set across two columns' measure is not.
pub const GRID_MERGED_EXCESS: f64 = 0.5;
/// A line ending within this (`P`) of its column's right edge fills the column
/// (kinsoku may leave it a little short).
pub const FILL_SLACK: f64 = 0.8;
/// Lines within this (`H`) of a split box give the gap's edges.
pub const GAP_EDGE_NEAR: f64 = 6.0;
/// Weight (characters) of the left column's pitch when choosing where to split a box.
pub const FILL_WEIGHT: f64 = 0.25;
/// Boxes overlapping by more than this share of the narrower's width are not one row.
pub const ROW_X_OVERLAP: f64 = 0.3;
/// A gap wider than this (`P`) between the boxes of a row is a space.
pub const SPACE_GAP: f64 = 0.8;
/// A one-line leaf under a column whose left end is within this (`P`) of the
/// column's continues it.
pub const CONTINUES_INDENT: f64 = 4.5;
/// A gap no taller than this (`H`) between a column's line and the next line of the
/// same column, with no heading under it, is a paragraph break, no band gap (eval
/// rapidocr h017: a break of 0.55 `H` in line with a short column's end; the gaps
/// between stacked articles there are 1.3 `H` and more, with a headline under them).
pub const PARAGRAPH_BREAK_MAX: f64 = 1.0;
/// The line under such a break starts a paragraph: it is indented at least this (`P`)
/// from its column's left edge (a character, less [`INDENT_ROUNDING`]).
pub const PARAGRAPH_INDENT_MIN: f64 = 0.65;
/// Lines each side of a line measured as its column.
pub const NEIGHBOURS: usize = 5;
/// Thickest body-sized line and thinnest subhead (local line heights).
pub const LOCAL_BODY_RATIO: f64 = 1.2;
/// Lines needed to measure a column's edges.
pub const MIN_EDGE_LINES: usize = 3;
/// Edges are taken one in this many lines in (at most two), so a stray line does not
/// move them.
pub const EDGE_RANK: usize = 4;
/// Thinnest subhead (`H`).
pub const SUBHEAD_MIN_RATIO: f64 = 1.1;
/// Longest subhead (em).
pub const SUBHEAD_MAX_EM: f64 = 24.0;
/// An indentation within this (characters) of a whole character counts it.
pub const INDENT_ROUNDING: f64 = 0.35;
/// Largest indentation read (characters).
pub const MAX_INDENT_CHARS: f64 = 4.0;
/// A heading thinner than this share of the thickest of the level above starts a level.
pub const LEVEL_STEP: f64 = 0.85;
/// Two display lines of a deck (see `decks::level_decks`) are of one type size when
/// the smaller advance per character is at least this share of the larger: the
/// detector pads a box's thickness by a few pixels, its width hardly (local 申報
/// rapidocr h008: lines 66–77 px thick advance 62.1–63.4 px per character, 0.98; h009
/// and h013, 51–58 px: 0.97); a kicker or subheadline set a size down advances 0.38–0.65
/// of its headline's pitch (committed rapidocr, 22 of them; local 人民日报 0.46 and 0.60).
pub const DECK_SAME_PITCH: f64 = 0.93;
/// Most space between two lines of a deck (the thicker's thickness): a deck is set
/// solid or nearly (申報 rapidocr: 0–0.2).
pub const DECK_GAP: f64 = 0.5;
/// Deepest heading level (Markdown's).
pub const MAX_HEADING_LEVEL: usize = 6;
/// Deepest recursion of the XY-cut; a region deeper than this is a leaf.
pub const MAX_DEPTH: usize = 256;
/// A page with at least this share of its characters in vertical boxes is set
/// vertically (直排): the furniture line and a stray horizontal box are the rest.
pub const VERTICAL_PAGE_SHARE: f64 = 0.5;
/// Thinnest heading column (`H`) on a page set vertically: headline columns are set
/// about one and a half body sizes up, and a vertical box's thickness is its column's
/// width, padding included, so the horizontal pages' 1.6 misses them.
pub const VERTICAL_HEADING_RATIO: f64 = 1.3;
/// A gap (`P`) across the whole width of a region of vertical columns cuts it: tiers
/// (the bands of a page set vertically) and the furniture line over them are spaced
/// at least a third of a character apart, while a tier's body columns leave it no gap.
pub const TIER_GAP: f64 = 0.3;
/// A gap (`P`) inside one vertical column that stacks two elements in it; a narrower
/// one (a headline in two pieces, a column the detector cut) keeps it one line.
pub const STACKED_GAP: f64 = 2.0;
/// A heading line at least this share of the width of the columns it stands over (from
/// the column gaps beside it, or the text area's edges) is full: when the next line is
/// the same heading, narrower and right under it, the headline merely wraps there
/// (issue 14: rapidocr h014 冰雪季旅游/预订量同比/增长四成, h022 改訂行車時/刻, set in
/// one column; 高原牧区迎来首批“流动/医院” over two). Lines set apart on purpose are
/// centred with room to spare: "汛前完成中小河流清淤" over three columns fills under 0.7.
pub const WRAP_FILL: f64 = 0.85;
/// Most space (thickness of the upper line) between a wrapped heading line and its rest:
/// a wrap is set solid, as the lines of one heading.
pub const WRAP_GAP: f64 = 0.5;
/// The thinner of a wrapped heading line and its rest is at least this share of the
/// thicker: one type size, within the detector's few percent (rapidocr h014: 75 and 73
/// px); a subheadline under its headline is set a size or more down (under 0.8).
pub const WRAP_SAME_SIZE: f64 = 0.9;
/// Fewest heading lines of one size stacked in one column (each under the one before)
/// for a line as wide as the widest of them, within a character, to fill its column:
/// a headline wrapped in a narrow column (local 人民日报 RapidOCR h014, five lines of
/// five characters), whose fill the page's column grid need not measure. Two lines of
/// one width are as likely two phrases set apart.
pub const WRAP_STACK: usize = 3;
/// Longest rest (characters) of a wrapped heading line whose box the detector may pad
/// thicker than the line's: a box of a few characters is measured up to a fifth thicker
/// than a long one of the same type (local 人民日报 rapidocr: 业） 81 px under a 67 px
/// line, 征程） 76 under 65, 布） 68 under 60, each the end of a column label the
/// line opened).
pub const WRAP_SHORT_REST: usize = 3;
/// The heading line is at least this share of its short rest's thickness
/// ([`WRAP_SHORT_REST`]) when the rest is the thicker: the padding of a short box, not
/// a larger type (a headline under a kicker is a size or more up and longer).
pub const WRAP_SHORT_SAME_SIZE: f64 = 0.8;
/// Longest masthead (em, spaces not counted): a paper's name of a few huge characters
/// (文革简讯, 工地战报, 红卫兵报 on the tabloid front pages of `../shared/realpages`; the
/// detector may read it spaced out, misread or in single characters).
pub const MASTHEAD_MAX_EM: f64 = 6.0;
/// A masthead starts in this top share of the page's text (from the first line's top
/// to the last line's bottom).
pub const MASTHEAD_TOP: f64 = 0.25;
/// A masthead is at least this many times as thick as the thickest heading of the page
/// that is not one (real tabloid pages: 文革簡郎 3.9 `H` over a 2.1 `H` headline, 红 兵 款
/// 7.2–9.4 over 3.5, 地战薇 3.5 over 2.2; a short lead headline is set a size or two
/// up at most: 热烈欢呼… 2.2 over 最高指示 1.8 on a page whose masthead is an image).
pub const MASTHEAD_RATIO: f64 = 1.5;
/// The furniture printed under a masthead (publisher, issue line 第10期 本期4版, date,
/// 创刊 line) ends at most this many masthead thicknesses under it (real pages: 1.7 and
/// 0.5; the first poem of 工地战报 starts 1.9 under and ends 2.2 under), and before
/// the first heading under it.
pub const MASTHEAD_DEPTH: f64 = 2.0;
/// Widest gap (`H`) between the lines of a quotation box beside a masthead (the ear of
/// a front page): its lines are set solid or a line apart (real pages: 0.2–0.8 `H`),
/// while the next element beside it starts further down (工地战报: a poem 2.3 `H` under
/// the box).
pub const EAR_GAP: f64 = 1.5;
/// Inside one column, a gap between two body lines at least this many `H` wider than
/// the column's own median line gap parts two pieces of text (with an indented line
/// under a line that ends a sentence, see [`crate::geometry::PrintedLine::opens_piece`]):
/// a continuation printed with no headline under another article. The issue harness
/// sets body lines 0.4 `H` apart and such pieces 2.7 `H` apart (2.3 `H` wider); an
/// ordinary paragraph of a real page is set at the column's line spacing, a subhead
/// or a photo has a line of its own in the gap.
pub const PIECE_GAP: f64 = 1.5;
/// Fewest line gaps a run of a column's body lines needs for its own median; a shorter
/// run is measured against the page's line gap.
pub const PIECE_MIN_GAPS: usize = 3;
/// Smallest indentation (display columns, a Han character is 2) of the line that opens
/// a piece: a paragraph's first line.
pub const PIECE_MIN_INDENT: usize = 2;

/// Two heading boxes whose detector boxes overlap side by side (the left box holding
/// the right one's first characters, as RapidOCR gives 全 in both of “…的一全” and
/// “全市…”) are one row when their vertical extents overlap by at least this share
/// of the thinner one; the repeated characters are then trimmed from the left box.
pub const OVERLAP_HEADS_ROW: f64 = 0.5;
