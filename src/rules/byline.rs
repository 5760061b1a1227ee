//! Bylines and datelines: 本报讯（记者 X）, 新华社北京1月12日电（记者 X Y）, 本报记者 X,
//! "李鹏 本报记者 梁可心", 记者 X 通讯员 Y, 据新华社电.
//!
//! This module owns reading a credit: the dateline (source, place and date of a
//! dispatch, 电头), the credit line as printed, and the people credited with their
//! printed role and organisation. It reads a credit at the start of a paragraph
//! ([`leading`]) or a whole line that is nothing but a credit ([`standalone`]).
//! Simplified and Traditional forms (本報訊, 記者, 通訊員, 新華社…電) are read alike, as
//! are the Hong Kong bracketed dateline (【本報訊】) and the Taiwan credit
//! "記者張志豪／臺北報導" (on its own line, or in 〔〕 at the start of a paragraph).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;
use regex::Regex;

use crate::model::{Author, CreditFor};
use crate::rules::lexicon::{alternation, first_chars};
use crate::rules::lexicon::table::{
    ACCORDING_TO, AGENCIES, CREDIT_MARKS, DATELINE_ENDS, DATELINE_ROLES, KNOWN_ORGS, MEDIA_SUFFIXES, OWN_CORRESPONDENCE, OWN_PAPER, PHOTO_TAKEN, SPECIAL_DISPATCH,
    FEATURE_REPORTS, REPORTED as REPORTED_WORDS, ROLES, WIRE_AGENCIES, WRITING_KINDS,
};
use crate::rules::chars::{PrintedDate, collapse_spaces, find_date, is_han, is_space, trim};

/// A credit read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The credit as printed, spaces collapsed, brackets full width (and the slash of a
    /// Taiwan credit, "記者張志豪／臺北報導"): "本报讯（记者 尹明）".
    pub byline: String,
    /// "本报讯", "新华社北京1月12日电", "据新华社电", when the credit has one.
    pub dateline: Option<String>,
    /// The date the dateline states, year possibly missing.
    pub date: Option<PrintedDate>,
    /// The people credited, in printed order.
    pub authors: Vec<Author>,
    /// Byte length of the credit in the searched text (for [`leading`], where the body starts).
    pub len: usize,
}

/// A dateline: an optional bracket (（中央社南京十二日電）, 【本報訊】), 据, a source of [`AGENCIES`] (or a title in 《》), a
/// reporter (the Central News Agency's "（中央社記者程宛婷北港15日電）": 記者 and a name, taken as
/// three characters when it can be), a place, a date (month and day, or a day in digits:
/// "台北9日電"), an ending of [`DATELINE_ENDS`]; then a bracketed credit.
static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?x)^
        (?P<open>[【〔［\[（(「]\s*)?
        (?P<dl>
          (?:ACCORDING_TO)?
          (?:AGENCIES|《[^》\s]{1,12}》)
          (?:(?P<role>DATELINE_ROLES)(?P<reporter>\p{Han}{2,3}))?
          (?P<place>\p{Han}{0,10}?)
          (?P<date>(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*日|\d{1,2}\s*日)?
          (?:ENDS)
        )
        (?P<close>\s*[】〕］\]）)」])?
        \s*
        (?:[（(](?P<credit>[^）)\n]{1,60})[）)])?";
    let pattern = pattern
        .replace("ACCORDING_TO", &alternation(ACCORDING_TO))
        .replace("DATELINE_ROLES", &alternation(DATELINE_ROLES))
        .replace("AGENCIES", &alternation(AGENCIES))
        .replace("ENDS", &alternation(DATELINE_ENDS));
    Regex::new(&pattern).expect("dateline pattern")
});

/// The Taiwan credit: people, a slash and the place reported from, optionally in
/// brackets: "記者張志豪／臺北報導", "〔記者林美玲、陳怡君／綜合報導〕".
static REPORTED_FROM_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?x)^
        (?P<open>[〔【［\[（(]\s*)?
        (?P<people>[^／/〔〕【】\[\]（）()\n]{2,40}?)
        \s*[／/]\s*
        (?P<dl>\p{Han}{0,10}?(?:REPORTED))
        (?P<close>\s*[〕】］\]）)])?";
    Regex::new(&pattern.replace("REPORTED", &alternation(REPORTED_WORDS)))
    .expect("reported-from pattern")
});

/// The characters a dateline opens with (after a bracket): the first characters of
/// [`ACCORDING_TO`] and [`AGENCIES`], and 《 (a source named by its title).
static DATELINE_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut first = first_chars(ACCORDING_TO);
    first.extend(first_chars(AGENCIES));
    first.push('《');
    first
});

/// Whether [`DATELINE_RE`] can match: after an optional opening bracket and white
/// space, and an optional word of [`ACCORDING_TO`], the text opens with a source of
/// [`AGENCIES`] or 《 (a source named by its title). Most paragraphs are turned away here,
/// before the pattern runs: a word is compared, not only its first character (中 opens
/// 中新社 and 中国 alike).
fn may_be_dateline(text: &str) -> bool {
    let t = text.strip_prefix(['【', '〔', '［', '[', '（', '(', '「']).map_or(text, str::trim_start);
    // The first character settles most texts before the words are compared.
    if !t.starts_with(DATELINE_FIRST.as_slice()) {
        return false;
    }
    let source = |t: &str| t.starts_with('《') || AGENCIES.iter().any(|a| t.starts_with(a));
    source(t) || ACCORDING_TO.iter().any(|w| t.strip_prefix(w).is_some_and(source))
}

/// The place a dateline names, when it names one: "新华社北京1月12日电" → "北京",
/// "本报哈尔滨1月12日讯" → "哈尔滨"; `None` for "本报讯" or text that is not a dateline.
/// Used by the ninjs writer for `located`.
pub fn dateline_place(dateline: &str) -> Option<String> {
    let t = trim(dateline);
    if !may_be_dateline(t) {
        return None;
    }
    let place = DATELINE_RE.captures(t)?.name("place")?.as_str();
    (!place.is_empty()).then(|| place.to_string())
}

/// The words that end the place of [`REPORTED_FROM_RE`].
static REPORTED: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(REPORTED_WORDS).expect("reported automaton"));

/// Longest credit line read by [`standalone`], in characters: a credit names a few
/// people ("本报记者 张三 李四 通讯员 王五 赵六" is 20), the bracketed credit after a
/// dateline is held to 60 by its pattern.
pub const MAX_CREDIT_CHARS: usize = 80;

/// How the paper's own dispatch opens, Traditional and Simplified ("本報九江電",
/// "〔本報漢口五日電〕" once the bracket is off): a briefs column's tags
/// (`stages::segment`) and a tag the OCR split over two lines (`stages::assemble`).
pub const OWN_DISPATCH: &[&str] = &["本報", "本报"];

/// What a repeated dispatch's tag says: "又電" (Traditional) / "又电", "another
/// dispatch (from the same source)".
pub const REPEAT_DISPATCH: &[&str] = &["又電", "又电"];

/// Whether a paragraph opens with a repeated dispatch's tag, 〔又電〕: an opening
/// bracket (or none, when the OCR dropped it), [`REPEAT_DISPATCH`], and a closing
/// bracket, or 一 (a vertical page's bracket is a flat stroke, read as 一). Printed only
/// in an article that collects several dispatches under one headline (one day's
/// reports of a celebration from several cities under one head), so `stages::segment`
/// takes the bracketed dispatches after it as that article's paragraphs. Issue 13,
/// local 申報 pages.
pub fn repeat_dispatch_tag(text: &str) -> bool {
    let s = trim(text);
    let s = s.strip_prefix(crate::rules::chars::is_opener).unwrap_or(s);
    REPEAT_DISPATCH
        .iter()
        .filter_map(|w| s.strip_prefix(w))
        .any(|rest| rest.starts_with(|c: char| c == '一' || crate::rules::chars::is_closer(c)))
}

/// The day a dispatch's dateline names, as printed: the numerals right before its
/// last 日 (or 曰, its look-alike the OCR gives), "七" of "合眾社青石七日電", "廿五" of
/// "中央社白沙廿五日電", "9" of "中央社紅嶺9日電"; `None` for a dateline naming no day
/// ("本報訊"). Read for `stages::segment`: two wire dispatches of one day, one right
/// after the other's paragraph with no headline between, report one event (issue 13,
/// local 申報 pages: one agency's dispatch under another's of the same day and place).
pub fn dispatch_day(dateline: &str) -> Option<&str> {
    let at = dateline.rfind(['日', '曰'])?;
    let before = &dateline[..at];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || "一二三四五六七八九十廿卅".contains(c))
        .last()
        .map(|(i, _)| i)?;
    Some(&before[start..])
}

/// Most Han characters of the place in a bare place tag ([`bare_place_tag`]).
pub const PLACE_TAG_MAX_HAN: usize = 4;

/// A briefs column's bare place tag alone on a line, as the parser of datelines does
/// not read it: two to [`PLACE_TAG_MAX_HAN`] Han characters and 電/电, nothing else
/// ("漢口電", and "偷敦電", 倫敦 misread). Read as a dispatch naming no one (the tag is
/// its byline and its dateline), for `stages::segment` to ask whether the column takes
/// it as its next brief's tag; `None` for anything else. Issue 13, local 申報 pages.
pub fn bare_place_tag(line: &str) -> Option<Credit> {
    let s = trim(line);
    let place = s.strip_suffix(['電', '电'])?;
    let n = place.chars().count();
    ((2..=PLACE_TAG_MAX_HAN).contains(&n) && place.chars().all(is_han))
        .then(|| Credit { byline: s.to_string(), dateline: Some(s.to_string()), date: None, authors: Vec::new(), len: line.len() })
}

/// Bullets and boxes set before a credit: ■ ● ◆ ▲ ★.
fn strip_bullets(s: &str) -> &str {
    s.trim_start_matches(|c: char| matches!(c, '■' | '□' | '●' | '◆' | '◇' | '▲' | '△' | '★' | '☆' | '▼' | '◎') || is_space(c))
}

/// The byline of a credit whose printed ornament [`strip_bullets`] took off to read it:
/// the ornament (■, □, ... without the spaces around it) then the credit, "□本报记者 X 通讯员 Y".
/// The byline is the credit line as printed (CONTRACT.md `byline`), and the ornament is
/// nowhere else in the output ("No input character is lost"); issue 13, eval m006, m007:
/// the golds keep it.
fn with_ornament(printed: &str, stripped: &str, byline: String) -> String {
    let ornament: String = printed[..printed.len() - stripped.len()].chars().filter(|&c| !is_space(c)).collect();
    if ornament.is_empty() { byline } else { ornament + &byline }
}

/// Reads a credit at the start of a paragraph: a dateline (本报讯, 新华社北京1月12日电,
/// 据新华社电, 本报哈尔滨1月12日讯, 【本報訊】) optionally followed by a bracketed credit
/// (（记者 尹明）), or the Taiwan credit (〔記者張志豪／臺北報導〕). Returns `None` when
/// the paragraph does not start with one.
pub fn leading(text: &str) -> Option<Credit> {
    let stripped = strip_bullets(text);
    let offset = text.len() - stripped.len();
    let Some(caps) = may_be_dateline(stripped).then(|| DATELINE_RE.captures(stripped)).flatten() else {
        return reported_from(stripped)
            .or_else(|| bracketed_people(stripped))
            .or_else(|| special_dispatch(stripped))
            .map(|c| Credit { byline: with_ornament(text, stripped, c.byline), len: offset + c.len, ..c });
    };
    // A bracket opened before the dateline must be closed after it: 【本報訊】, and by
    // its own mate, not a misread one: the local 申報 set's Tesseract pages read a second
    // dispatch inside an article, 〔本報漢口五日電〕, as [本報漢口五日電〕; taken as a
    // dateline, it started an article of its own there (as the printed pair does on the
    // RapidOCR page), and that set's Tesseract box kinds lost body and F1.
    if !paired(caps.name("open"), caps.name("close"), false) {
        return None;
    }
    let dl_match = caps.name("dl")?;
    // The 讯 of a run-together 通讯员 ("本报记者阮霖通讯员应佳宁") ends no dispatch.
    if stripped[dl_match.end()..].starts_with(['员', '員']) {
        return None;
    }
    let mut dateline = collapse_spaces(dl_match.as_str()).replace(' ', "");
    // The reporter named inside the dispatch is credited, and left out of the dateline.
    let reporter = match (caps.name("role"), caps.name("reporter")) {
        (Some(role), Some(name)) => {
            dateline = dateline.replacen(&format!("{}{}", role.as_str(), name.as_str()), "", 1);
            Some(Author { name: name.as_str().to_string(), role: Some(role.as_str().to_string()), org: agency(&dateline).map(str::to_string), credit: None })
        }
        _ => None,
    };
    let as_printed = collapse_spaces(dl_match.as_str()).replace(' ', "");
    let printed = match (caps.name("open"), caps.name("close")) {
        (Some(o), Some(c)) => format!("{}{as_printed}{}", trim(o.as_str()), trim(c.as_str())),
        _ => as_printed,
    };
    let date = caps.name("date").and_then(|m| find_date(m.as_str())).map(|(d, _)| d);
    let mut len = caps.name("close").unwrap_or(dl_match).end();
    let mut authors: Vec<Author> = reporter.into_iter().collect();
    let mut byline = printed.clone();
    if let Some(credit) = caps.name("credit") {
        let inner = REPORTED_WORDS.iter().fold(credit.as_str(), |t, r| t.trim_end_matches(r));
        // After a dateline, a bracket of names alone is the credit too: 本报电（钟欣）.
        if let Some(mut people) = parse_people(inner, true) {
            // A news agency's dispatch credits the agency's reporters.
            if let Some(agency) = agency(&dateline) {
                for p in people.iter_mut().filter(|p| p.org.is_none()) {
                    p.org = Some(agency.to_string());
                }
            }
            authors = people;
            // The byline is the credit as printed: a closing 报道 stays in it, and its
            // brackets are the printed ones (full width, or half width which the
            // punctuation repair widens unless `--punct keep`).
            let open = stripped[..credit.start()].chars().next_back().unwrap_or('（');
            let close = stripped[credit.end()..].chars().next().unwrap_or('）');
            byline = format!("{printed}{open}{}{close}", collapse_spaces(credit.as_str()));
            len = caps.get(0).map_or(len, |m| m.end());
        }
    }
    Some(Credit { byline: with_ornament(text, stripped, byline), dateline: Some(dateline), date, authors, len: offset + len })
}

/// Reads a credit set at the start of a paragraph without brackets or a dateline:
/// "李鹏 本报记者 梁可心 平房区近日推出…", "本报记者 梁可心 通讯员 李鹏 今天，…". The credit
/// is the longest run of space-separated words (at most eight) that reads as names and
/// printed roles, with at least one role, followed by more text. Only the first
/// paragraph of a story is asked, where a credit is expected.
pub fn leading_undelimited(text: &str) -> Option<Credit> {
    let stripped = strip_bullets(text);
    let offset = text.len() - stripped.len();
    let mut ends = Vec::new();
    let mut in_word = false;
    for (i, c) in stripped.char_indices() {
        let space = is_space(c);
        if space && in_word {
            ends.push(i);
            if ends.len() == 8 {
                break;
            }
        }
        in_word = !space;
    }
    ends.into_iter().rev().find_map(|end| {
        let credit = &stripped[..end];
        let rest = trim(&stripped[end..]);
        if rest.is_empty() {
            return None;
        }
        let authors = parse_people(credit, false).filter(|a| !a.is_empty())?;
        Some(Credit { byline: with_ornament(text, stripped, collapse_spaces(credit)), dateline: None, date: None, authors, len: offset + end })
    })
}

/// A bracket of people with their roles opening a body, with no dispatch before it:
/// "（本报记者 乙某 通讯员 丙某）会议在京召开…" (issue 13). The bracket, as printed, is the
/// byline; the people are the authors; there is no dateline. A bracket with no role in it
/// ("（完）", "（上）") is not one.
fn bracketed_people(text: &str) -> Option<Credit> {
    let inner = text.strip_prefix(['（', '('])?;
    let close = inner.find(['）', ')'])?;
    let people = &inner[..close];
    if !people.contains([' ', '\u{3000}']) || !ROLES_AC.is_match(people) {
        return None;
    }
    let authors = parse_people(people, false)?;
    let len = text.len() - inner.len() + close + inner[close..].chars().next().map_or(1, char::len_utf8);
    Some(Credit { byline: collapse_spaces(&text[..len]), dateline: None, date: None, authors, len })
}

/// A paper's own special dispatch with no agency named, as 申報-era pages print it: a place
/// of two to four Han characters, a day, then 專電/专电 ("南京 十五日專電國民會議…"). The
/// dispatch as printed is the byline, without its spaces the dateline; no one is named. A
/// dispatch followed by a reporting word or a colon (稱, 云, ：) is quoted, not a credit.
static SPECIAL_DISPATCH_RE: LazyLock<Regex> = LazyLock::new(|| {
    let ends = alternation(SPECIAL_DISPATCH);
    Regex::new(&format!(r"^\p{{Han}}{{2,4}}[ \u{{3000}}]*(?:[一二三四五六七八九十廿卅]{{1,3}}|\d{{1,2}})日(?:{ends})")).expect("special dispatch pattern")
});

/// Whether [`SPECIAL_DISPATCH_RE`] can match: the 日 before an ending of
/// [`SPECIAL_DISPATCH`] is at most the eighth character of the text, spaces aside (two to
/// four Han characters of the place, one to three of the day). Looks at those eight
/// characters only, however long the paragraph.
fn may_be_special_dispatch(text: &str) -> bool {
    text.char_indices()
        .filter(|&(_, c)| !matches!(c, ' ' | '\u{3000}'))
        .take(8)
        .any(|(i, c)| c == '日' && SPECIAL_DISPATCH.iter().any(|e| text[i + '日'.len_utf8()..].starts_with(e)))
}

fn special_dispatch(text: &str) -> Option<Credit> {
    if !may_be_special_dispatch(text) {
        return None;
    }
    let m = SPECIAL_DISPATCH_RE.find(text)?;
    // A dispatch quoted in a body ("東京七日專電稱：…", 申報 local p027) credits no article.
    if text[m.end()..].starts_with(['稱', '称', '謂', '谓', '云', '說', '说', '：', ':', '，', ',']) {
        return None;
    }
    let byline = collapse_spaces(m.as_str());
    let dateline = byline.replace(' ', "");
    let date = find_date(m.as_str()).map(|(d, _)| d);
    Some(Credit { byline, dateline: Some(dateline), date, authors: Vec::new(), len: m.end() })
}

/// The full width slash's searcher, built once (building one costs more than searching
/// a paragraph with it).
static FULL_WIDTH_SLASH: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("／"));

/// Reads the Taiwan credit "記者張志豪／臺北報導" (brackets optional, matched in pairs):
/// the people before the slash, and the place reported from ("臺北報導") as dateline.
fn reported_from(text: &str) -> Option<Credit> {
    // The slash and the 報導 the pattern needs, looked for before it runs.
    let bytes = text.as_bytes();
    let slash = memchr::memchr(b'/', bytes).is_some() || FULL_WIDTH_SLASH.find(bytes).is_some();
    if !slash || !REPORTED.is_match(text) {
        return None;
    }
    let caps = REPORTED_FROM_RE.captures(text)?;
    if !paired(caps.name("open"), caps.name("close"), true) {
        return None;
    }
    let authors = parse_people(caps.name("people")?.as_str(), false)?;
    let all = caps.get(0)?;
    let dl = caps.name("dl")?.as_str();
    // A kind of report named where the place goes ("專題報導", a feature) says where the
    // report was filed from no more than the credit would without it: no dateline (issue
    // 13, eval m011: 記者陸子晴／專題報導, whose gold dateline is null).
    let feature = REPORTED_WORDS.iter().filter_map(|r| dl.strip_suffix(r)).any(|kind| FEATURE_REPORTS.contains(&kind));
    let dateline = (!feature).then(|| dl.to_string());
    // The slash is given full width by the punctuation repair ([`widen_credit_slash`]).
    let byline = collapse_spaces(all.as_str());
    Some(Credit { byline, dateline, date: None, authors, len: all.end() })
}

/// Puts the Taiwan credit's slash in full width in a `byline` that is such a credit
/// as a whole ("〔記者甲某/台北報導〕" → "〔記者甲某／台北報導〕"), as the papers set it and
/// as the punctuation repair gives a credit's brackets: an engine reads ／ as `/` (eval
/// rapidocr and vertical pages). Another credit's slash ("文/本报记者 X 图/本报记者 Y") is
/// left as printed. Called by the repair stage only under `--punct normalize`.
pub fn widen_credit_slash(byline: &mut String) {
    if byline.contains('/') && reported_from(byline).is_some_and(|c| c.len == byline.len()) {
        *byline = byline.replace('/', "／");
    }
}

/// True when both brackets are absent, or both present and of one pair (〔〕, 【】, ［］,
/// [], 「」 (a Republican-era dispatch: 「哈瓦斯十日巴黎電」), （） full or half width).
/// With `misread`, two square-family brackets that do not match are taken too, as OCR
/// misreads a printed pair (`[記者甲某/南光報導〕`; see
/// [`brackets_pair`](crate::rules::chars::brackets_pair)).
fn paired(open: Option<regex::Match<'_>>, close: Option<regex::Match<'_>>, misread: bool) -> bool {
    let first = |m: regex::Match<'_>| trim(m.as_str()).chars().next();
    match (open.and_then(first), close.and_then(first)) {
        (None, None) => open.is_none() && close.is_none(),
        (Some(o), Some(c)) => {
            crate::rules::chars::printed_pair(o, c) || (misread && crate::rules::chars::brackets_pair(o, c))
        }
        _ => false,
    }
}

/// The news agency that sent a dispatch, by its dateline: 新华社, 中新社, ...; `None`
/// for the paper's own (本报).
fn agency(dateline: &str) -> Option<&'static str> {
    let d = ACCORDING_TO.iter().find_map(|w| dateline.strip_prefix(w)).unwrap_or(dateline);
    WIRE_AGENCIES.iter().copied().find(|a| d.starts_with(a))
}

/// Reads a line that is nothing but a credit: "本报记者 梁可心", "李鹏 本报记者 梁可心",
/// "记者 王强 通讯员 李明", "（记者 张三）", or a dateline alone. With `roleless`, a
/// line of names only ("祝大伟  高洪刚") is accepted too (for credit lines marked as
/// such by the layout, e.g. a Markdown quote under a headline).
///
/// A line longer than [`MAX_CREDIT_CHARS`] is never a credit: that bound keeps a long
/// line (a whole page with no line breaks) from being split into words and searched
/// for roles, which would cost its length times its number of words.
pub fn standalone(line: &str, roleless: bool) -> Option<Credit> {
    standalone_with(line, roleless, leading)
}

/// [`standalone`], reading the leading credit of the line's inner text with
/// `leading_of` (which must answer as [`leading`] does): a caller that holds the
/// credit of its line, read already, passes it instead of reading it again.
pub fn standalone_with(line: &str, roleless: bool, leading_of: impl FnOnce(&str) -> Option<Credit>) -> Option<Credit> {
    let bare = strip_bullets(line);
    let s = trim(bare);
    // A photo credit ("记者阎峥摄", a caption's last words wrapped onto a line of their
    // own) credits a picture, not the article under it.
    if s.chars().nth(MAX_CREDIT_CHARS).is_some() || PHOTO_TAKEN.iter().any(|w| s.ends_with(w)) {
        return None;
    }
    let inner = s
        .strip_prefix(['（', '('])
        .and_then(|x| x.strip_suffix(['）', ')']))
        .unwrap_or(s);
    if let Some(c) = leading_of(inner) {
        // The byline is the credit as printed: a dispatch alone on its line keeps its
        // round brackets ("（中央社青石十二日電）"), full width, as [`leading`] gives a
        // bracketed credit at a paragraph's head (issue 14: a column split put one on a line
        // of its own and its byline lost them).
        let byline = if inner.len() < s.len() { format!("（{}）", c.byline) } else { c.byline };
        return (c.len == inner.len()).then_some(Credit { byline: with_ornament(line, bare, byline), len: line.len(), ..c });
    }
    if own_correspondence(inner) || editorial_board(inner) {
        return Some(Credit { byline: with_ornament(line, bare, s.to_string()), dateline: None, date: None, authors: Vec::new(), len: line.len() });
    }
    // Without a role of [`ROLES`] no line of names is a credit unless `roleless` (every
    // role [`parse_people`] and [`glued_names`] read is a piece of `inner`).
    if !roleless && !ROLES_AC.is_match(inner) {
        return None;
    }
    let authors = parse_people(inner, roleless).or_else(|| glued_names(inner))?;
    Some(Credit { byline: with_ornament(line, bare, collapse_spaces(s)), dateline: None, date: None, authors, len: line.len() })
}

/// Whether a credit line names a role and no one: "本报评论员", "新华社评论员", "本報記者"
/// (a role of [`ROLES`], with at most an organisation before it). Printed under the
/// last paragraph of a commentary it is the piece's signature (落款), not its byline
/// (issue 13, eval m005: 本报评论员 closing 守好群众“钱袋子”).
pub fn role_only(line: &str) -> bool {
    let s = trim(line);
    ROLES_AC.find(s).is_some_and(|m| m.end() == s.len() && (m.start() == 0 || organisation(&s[..m.start()]).is_some()))
}

/// Whether a line names a kind of piece after a role and no one: "评论员文章",
/// "本报评论员文章", "记者手记" (an optional organisation, a role of [`ROLES`], then a word
/// of [`WRITING_KINDS`], nothing else). Papers set it as a column label (栏目) over the
/// headline of a commentary or a reporter's notes: the rubric, not a credit whose author
/// is "文章" (issue 13, eval m005, m022, p004, p019).
pub fn role_and_kind(line: &str) -> bool {
    let s = trim(line);
    ROLES_AC.find(s).is_some_and(|m| {
        (m.start() == 0 || organisation(&s[..m.start()]).is_some()) && WRITING_KINDS.contains(&&s[m.end()..])
    })
}

/// The paper's own correspondence from a place, credited on its own line: "本報廣州特約通信",
/// "本报北平通信" (本报 or 本報, a place of up to six Han characters, (特约)通信); no one is named.
fn own_correspondence(s: &str) -> bool {
    let Some(rest) = OWN_PAPER.iter().find_map(|p| s.strip_prefix(p)) else { return false };
    let place = OWN_CORRESPONDENCE.iter().find_map(|e| rest.strip_suffix(e));
    place.is_some_and(|p| p.chars().count() <= 6 && p.chars().all(is_han))
}

/// Editorial boards credited on their own line, the collective byline of an editorial
/// or a paper's own article: "《山河报》编辑部", "人民日报编辑部  红旗杂志编辑部" (each
/// part an [`organisation`] followed by 编辑部 or 編輯部); no one is named. Source: the
/// lead article of a tabloid of `../shared/realpages/bha25-tabloids` (issue 14), whose
/// credit under the headline was read as its subheadline.
fn editorial_board(s: &str) -> bool {
    let mut parts = s.split(crate::rules::chars::is_space).filter(|p| !p.is_empty()).peekable();
    parts.peek().is_some()
        && parts.all(|p| ["编辑部", "編輯部"].iter().any(|b| p.strip_suffix(b).is_some_and(|org| organisation(org).is_some())))
}

/// Most Han characters of names run together after a role, with no space between
/// them: two names of two or three characters ("龙逸尚雨桐").
pub const MAX_GLUED_NAMES_CHARS: usize = 6;

/// A credit whose names the OCR ran together with the role and each other (the spaces
/// of "新华社记者 龙逸 尚雨桐" lost: one box): an organisation, a role, then five or
/// six Han characters (at most [`MAX_GLUED_NAMES_CHARS`]), an optional 报道/報導
/// after them; or a role and one name with 报道/報導 glued on ("本報記者杜靜怡報導").
/// Names that cannot be told apart are not guessed: the authors are then empty.
fn glued_names(s: &str) -> Option<Vec<Author>> {
    let m = ROLES_AC.find(s)?;
    let role = ROLES[m.pattern().as_usize()];
    let org = if m.start() > 0 { Some(organisation(&s[..m.start()])?) } else { None };
    let rest = &s[m.end()..];
    if WRITING_KINDS.contains(&rest) {
        return None;
    }
    let rest = REPORTED_WORDS.iter().find_map(|r| rest.strip_suffix(r)).unwrap_or(rest);
    let n = rest.chars().count();
    if !rest.chars().all(is_han) || !(2..=MAX_GLUED_NAMES_CHARS).contains(&n) {
        return None;
    }
    if n <= 4 {
        return Some(vec![Author { name: name(rest)?, role: Some(role.to_string()), org, credit: None }]);
    }
    // Names run together only after a paper's or an agency's role (本报记者, 新华社记者).
    (org.is_some() || role.starts_with(['本', '新'])).then(Vec::new)
}

enum Token {
    Name(String),
    Role(String, Option<String>),
    /// A credit mark (文/, 图/): what the people after it are credited for.
    Mark(CreditFor),
}

/// Parses "记者 X Y 通讯员 Z", "《黑龙江日报》记者 曹忠义", "李鹏 本报记者 梁可心" into
/// authors. Every token must be a role (with an optional organisation glued before it)
/// or a name (2 to 4 Han characters, or a transliterated name with ·); at least one role
/// is needed unless `roleless`.
fn parse_people(s: &str, roleless: bool) -> Option<Vec<Author>> {
    let mut tokens = Vec::new();
    // Words are read one by one (and a line that is not a credit is turned away at its
    // first bad word); a word is read once the next one cannot join it.
    let mut pending: Option<String> = None;
    let mut run = 0;
    // "圖/記者鄧瑋攝" is the photo credit closing a caption, not a byline: its marks stay.
    let photo_credit = PHOTO_TAKEN.iter().any(|w| s.ends_with(w));
    // In a credit that opens with a mark ("文/本报记者樊思远图/本报记者储晓光"), a mark
    // run on to the name before it opens a word. A line that does not open with one
    // (the wrapped tail of a caption, "者樊思远图/本报记者储晓光") is left as it is.
    let spaced;
    let opens_with_mark = CREDIT_MARKS.iter().any(|m| s.starts_with(m));
    let s = if opens_with_mark && !photo_credit && CREDIT_MARKS.iter().any(|m| s.find(m).is_some_and(|i| i > 0 && !s[..i].ends_with(is_space))) {
        let mut t = String::with_capacity(s.len() + 8);
        for (i, c) in s.char_indices() {
            if i > 0 && CREDIT_MARKS.iter().any(|m| s[i..].starts_with(m)) && !t.ends_with(is_space) {
                t.push(' ');
            }
            t.push(c);
        }
        spaced = t;
        spaced.as_str()
    } else {
        s
    };
    for w in s.split(|c: char| is_space(c) || matches!(c, '、' | '，' | ',' | '；' | ';')).filter(|w| !w.is_empty()) {
        let bare = if photo_credit { w } else { strip_credit_mark(w) };
        if bare.len() < w.len() {
            if let Some(word) = pending.take() {
                split_token(&word, &mut tokens)?;
            }
            run = 0;
            tokens.push(Token::Mark(if w.starts_with('文') { CreditFor::Text } else { CreditFor::Photo }));
        }
        let w = bare;
        let single = is_single_han(w);
        match pending.as_mut() {
            Some(last) if single && run == 1 => {
                last.push_str(w);
                run = 0;
            }
            _ => {
                if let Some(word) = pending.take() {
                    split_token(&word, &mut tokens)?;
                }
                if single {
                    pending = Some(w.to_string());
                } else {
                    // Only a single character is ever joined to the word after it.
                    split_token(w, &mut tokens)?;
                }
                run = usize::from(single);
            }
        }
    }
    if let Some(word) = pending {
        split_token(&word, &mut tokens)?;
    }
    if !tokens.iter().any(|t| !matches!(t, Token::Mark(_))) {
        return None;
    }
    let has_role = tokens.iter().any(|t| matches!(t, Token::Role(..)));
    if !(has_role || (roleless && tokens.iter().filter(|t| !matches!(t, Token::Mark(_))).count() <= 6)) {
        return None;
    }
    let mut authors = Vec::new();
    let (mut role, mut org, mut credit) = (None, None, None);
    for t in tokens {
        match t {
            Token::Mark(c) => credit = Some(c),
            Token::Role(r, o) => {
                role = Some(r);
                org = o;
            }
            Token::Name(n) => authors.push(Author { name: n, role: role.clone(), org: org.clone(), credit }),
        }
    }
    Some(authors)
}

/// A word with its leading credit mark removed: "文/本报记者" → "本报记者", "图/储晓光" →
/// "储晓光" ("文/本报记者 樊思远 图/本报记者 储晓光", the split credit of a feature). The
/// role 文/图 (text and photos by one person) is a role, not a mark, and is kept.
fn strip_credit_mark(w: &str) -> &str {
    CREDIT_MARKS
        .iter()
        .find_map(|m| w.strip_prefix(m))
        .filter(|rest| !rest.is_empty() && !CREDIT_MARKS.iter().any(|m| rest.starts_with(|c| m.starts_with(c))))
        .unwrap_or(w)
}

/// One Han character alone: typesetting pads a two-character name to the width of
/// three ("韩  雪" → "韩雪"), so single Han characters are joined in pairs.
fn is_single_han(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if is_han(c))
}

/// A credit printed inside a body or a caption: a role of [`ROLES`], a space, a name of
/// two to four Han characters, more role and name pairs, then a photo mark (摄, 攝), a
/// closing bracket or the end of the text: "本报记者 郁成摄", "（本报记者 乙某 通讯员 丙某）".
static INLINE_CREDIT_RE: LazyLock<Regex> = LazyLock::new(|| {
    let roles: Vec<String> = ROLES.iter().map(|r| regex::escape(r)).collect();
    let role = format!("(?:{})", roles.join("|"));
    let pattern = format!(r"{role}[ \u{{3000}}]+\p{{Han}}{{2,4}}(?:[ \u{{3000}}]+{role}[ \u{{3000}}]+\p{{Han}}{{2,4}})*(?:[ \u{{3000}}]*(?:{photo}|[）)])|$)", photo = alternation(PHOTO_TAKEN));
    Regex::new(&pattern).expect("inline credit pattern")
});

/// Byte ranges of the credits printed inside a body or caption text ([`INLINE_CREDIT_RE`]),
/// whose spaces part a role from a name and are kept (issue 13: "本报记者 郁成摄", as the
/// page prints it, not "本报记者郁成摄").
pub fn inline_credits(text: &str) -> Vec<std::ops::Range<usize>> {
    if !text.contains([' ', '\u{3000}']) {
        return Vec::new();
    }
    INLINE_CREDIT_RE.find_iter(text).map(|m| m.range()).collect()
}

/// [`ROLES`] as one automaton: the leftmost role in a word, the longest at that place.
static ROLES_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(ROLES).expect("roles automaton")
});

fn split_token(raw: &str, out: &mut Vec<Token>) -> Option<()> {
    let found = ROLES_AC.find(raw).map(|m| (m.start(), ROLES[m.pattern().as_usize()]));
    match found {
        None => {
            out.push(Token::Name(name(raw)?));
        }
        Some((i, role)) => {
            let prefix = &raw[..i];
            let suffix = &raw[i + role.len()..];
            let (role_name, mut org) = match role {
                "本报评论员" => ("评论员".to_string(), Some("本报".to_string())),
                _ => (role.to_string(), None),
            };
            if !prefix.is_empty() {
                // Before the role, its organisation ("《黑龙江日报》记者"), or the name of
                // the person credited before it, run together ("阮霖通讯员应佳宁").
                match organisation(prefix) {
                    Some(o) => org = Some(o),
                    None => out.push(Token::Name(name(prefix)?)),
                }
            }
            // A kind of piece run on to the role ("评论员文章") names no one: not a credit.
            if WRITING_KINDS.contains(&suffix) {
                return None;
            }
            out.push(Token::Role(role_name, org));
            if !suffix.is_empty() {
                split_token(suffix, out)?;
            }
        }
    }
    Some(())
}

/// 2 to 4 Han characters, or a transliterated name joined with · (up to 12).
fn name(s: &str) -> Option<String> {
    let n = s.chars().count();
    let han = s.chars().filter(|c| is_han(*c)).count();
    let dotted = s.contains(['·', '•', '・']);
    let ok = (han == n && (2..=4).contains(&n)) || (dotted && han + 1 >= n - s.matches(['·', '•', '・']).count() && n <= 12 && han >= 2);
    ok.then(|| s.to_string())
}

/// 本报, 新华社, 《黑龙江日报》, 人民日报, 哈尔滨电视台: an organisation printed before a role.
fn organisation(s: &str) -> Option<String> {
    let inner = s.trim_start_matches('《').trim_end_matches('》');
    let known = KNOWN_ORGS.contains(&inner);
    let suffix = MEDIA_SUFFIXES.iter().any(|x| inner.ends_with(x));
    let n = inner.chars().count();
    (known || (s.starts_with('《') && n >= 2) || (suffix && (2..=12).contains(&n) && inner.chars().all(is_han)))
        .then(|| inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editorial_board_alone_on_its_line_is_a_credit_naming_no_one() {
        let c = standalone("《山河报》编辑部", false).expect("a credit");
        assert_eq!((c.byline.as_str(), c.authors.len()), ("《山河报》编辑部", 0));
        assert!(standalone("江城日报编辑部  《前哨》杂志编辑部", false).is_some());
        assert!(standalone("编辑部", false).is_none() && standalone("致编辑部", false).is_none());
        assert!(standalone("他们来到编辑部", false).is_none());
    }

    #[test]
    fn a_bare_place_tag_is_a_dispatch_naming_no_one() {
        let c = bare_place_tag("漢口電").expect("a tag");
        assert_eq!((c.byline.as_str(), c.dateline.as_deref(), c.authors.len()), ("漢口電", Some("漢口電"), 0));
        assert!(bare_place_tag("偷敦電").is_some());
        assert!(bare_place_tag("電").is_none() && bare_place_tag("口電").is_none());
        assert!(bare_place_tag("諸位同人感念不已特致電").is_none() && bare_place_tag("南京電話").is_none() && bare_place_tag("本報，九江電").is_none());
    }

    #[test]
    fn a_bare_role_names_no_one() {
        let c = standalone("本报评论员", false).expect("a credit");
        assert!(c.authors.is_empty() && c.dateline.is_none());
        assert!(role_only("本报评论员") && role_only("新华社评论员") && role_only("特约评论员"));
        assert!(!role_only("本报评论员 王强") && !role_only("新华社记者龙逸尚雨桐") && !role_only("本报讯"));
    }

    #[test]
    fn a_credit_with_its_names_run_together_is_still_a_credit() {
        let c = standalone("新华社记者龙逸尚雨桐", false).expect("a credit");
        assert_eq!(c.byline, "新华社记者龙逸尚雨桐");
        assert!(c.authors.is_empty());
        let c = standalone("本報記者杜靜怡報導", false).expect("a credit");
        assert_eq!(c.authors.len(), 1);
        assert_eq!(c.authors[0].name, "杜靜怡");
        assert!(standalone("本报记者来到了现场看望群众", false).is_none());
        assert!(standalone("记者走访了七个乡镇", false).is_none());
    }

    #[test]
    fn text_and_photo_marks_split_a_credit_but_a_photo_credit_stays_a_caption_s() {
        let c = standalone("文/本报记者 甲某某 图/本报记者 乙某", false).expect("a credit");
        assert_eq!(c.byline, "文/本报记者 甲某某 图/本报记者 乙某");
        let names: Vec<&str> = c.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["甲某某", "乙某"]);
        assert!(c.authors.iter().all(|a| a.role.as_deref() == Some("记者") && a.org.as_deref() == Some("本报")));
        // the role 文/图 is not a mark
        let c = standalone("文/图 本报记者 丙某", false).expect("a credit");
        assert_eq!(c.authors.len(), 1);
        assert!(standalone("圖/記者甲某攝", false).is_none());
    }

    #[test]
    fn own_correspondence_and_special_correspondent_lines_are_credits() {
        let c = standalone("本報青石特約通信", false).expect("a credit");
        assert_eq!((c.byline.as_str(), c.dateline.as_deref()), ("本報青石特約通信", None));
        assert!(standalone("本报通信员来信说", false).is_none());
        let c = standalone("本報特派員 甲某某", false).expect("a credit");
        assert_eq!(c.authors.len(), 1);
        assert_eq!((c.authors[0].name.as_str(), c.authors[0].role.as_deref(), c.authors[0].org.as_deref()), ("甲某某", Some("特派員"), Some("本報")));
        let c = leading("「哈瓦斯十日巴黎電」法國眾議院昨晚通過預算案。").expect("a dateline");
        assert_eq!((c.byline.as_str(), c.dateline.as_deref()), ("「哈瓦斯十日巴黎電」", Some("哈瓦斯十日巴黎電")));
        assert!(leading("「哈瓦斯十日巴黎電】法國").is_none());
    }

    #[test]
    fn central_news_agency_dispatch_with_a_day_and_a_reporter() {
        let c = leading("（中央社台北9日電）台北市政府今天宣布。").expect("a dateline");
        assert_eq!((c.byline.as_str(), c.dateline.as_deref()), ("（中央社台北9日電）", Some("中央社台北9日電")));
        let c = leading("（中央社記者甲某某北港15日電）北港漁會昨天公布統計。").expect("a dateline");
        assert_eq!((c.byline.as_str(), c.dateline.as_deref()), ("（中央社記者甲某某北港15日電）", Some("中央社北港15日電")));
        let a = &c.authors[0];
        assert_eq!((a.name.as_str(), a.role.as_deref(), a.org.as_deref()), ("甲某某", Some("記者"), Some("中央社")));
    }

    /// The special dispatch's 日 is looked for among the first eight characters, spaces
    /// aside: a place of four characters and a day of three put it eighth.
    #[test]
    fn a_special_dispatch_with_the_longest_place_and_day_is_read() {
        let c = leading("哈爾濱市　 二十八日專電各縣冬賑事宜已籌備就緒。").expect("a special dispatch");
        assert_eq!((c.byline.as_str(), c.dateline.as_deref()), ("哈爾濱市 二十八日專電", Some("哈爾濱市二十八日專電")));
        assert!(may_be_special_dispatch("南京十五日专电"));
        assert!(!may_be_special_dispatch("全县共有三千余家企业，其中十五日专电"));
        // A dateline is looked for only after a source's word, not its first character.
        assert!(!may_be_dateline("中国经济稳中向好"));
        assert!(may_be_dateline("（ 据《光明日报》电"));
    }

    #[test]
    fn the_dateline_prefilter_passes_every_agency() {
        for a in AGENCIES {
            assert!(may_be_dateline(a), "{a}");
            assert!(leading(&format!("{a}讯 会议举行。")).is_some(), "{a}");
        }
        for w in ACCORDING_TO {
            assert!(may_be_dateline(&format!("{w}新华社电")), "{w}");
            let c = leading(&format!("{w}新华社北京1月12日电 会议举行。")).expect("a dateline");
            assert_eq!(agency(c.dateline.as_deref().unwrap_or_default()), Some("新华社"), "{w}");
        }
    }

    fn a(name: &str, role: Option<&str>, org: Option<&str>) -> Author {
        Author { name: name.into(), role: role.map(Into::into), org: org.map(Into::into), credit: None }
    }

    #[test]
    fn dateline_with_bracketed_credit_at_paragraph_start() {
        let text = "本报讯(记者初霞)11月12日晚,市应对新冠肺炎疫情工作领导小组会议召开";
        let c = leading(text).unwrap();
        // The brackets as printed (the punctuation repair widens them, `--punct keep` not).
        assert_eq!(c.byline, "本报讯(记者初霞)");
        assert_eq!(c.dateline.as_deref(), Some("本报讯"));
        assert_eq!(c.authors, vec![a("初霞", Some("记者"), None)]);
        assert_eq!(&text[c.len..], "11月12日晚,市应对新冠肺炎疫情工作领导小组会议召开");

        let c = leading("本报讯(《黑龙江日报》记者 曹忠义)12日晚,正在北京").unwrap();
        assert_eq!(c.byline, "本报讯(《黑龙江日报》记者 曹忠义)");
        assert_eq!(c.authors, vec![a("曹忠义", Some("记者"), Some("黑龙江日报"))]);

        let c = leading("新华社北京1月12日电（记者 张三 李四）国务院总理").unwrap();
        assert_eq!(c.dateline.as_deref(), Some("新华社北京1月12日电"));
        assert_eq!(c.date.unwrap().iso(Some(2021)).as_deref(), Some("2021-01-12"));
        assert_eq!(c.authors, vec![a("张三", Some("记者"), Some("新华社")), a("李四", Some("记者"), Some("新华社"))]);

        let c = leading("据新华社电 国家统计局12日发布").unwrap();
        assert_eq!((c.byline.as_str(), c.authors.len()), ("据新华社电", 0));
        let c = leading("本报哈尔滨1月12日电（记者 王强 通讯员 李明）").unwrap();
        assert_eq!(c.dateline.as_deref(), Some("本报哈尔滨1月12日电"));
        assert_eq!(c.authors[1], a("李明", Some("通讯员"), None));
        let c = leading("本報訊（記者 陳大文）昨日").unwrap();
        assert_eq!((c.dateline.as_deref(), c.authors[0].role.as_deref()), (Some("本報訊"), Some("記者")));
        assert!(leading("本报记者近日从市政府获悉").is_none());
        let c = leading("本报电（钟欣）“粤港澳大湾区青年见习计划”近日启动").unwrap();
        assert_eq!((c.byline.as_str(), c.authors[0].name.as_str(), c.authors[0].role.as_deref()), ("本报电（钟欣）", "钟欣", None));
        let c = leading("本报讯（以下简称“计划”）近日").unwrap();
        assert_eq!((c.byline.as_str(), c.authors.len()), ("本报讯", 0));
    }

    #[test]
    fn credit_glued_to_the_first_paragraph_without_brackets() {
        let text = "李鹏 本报记者 梁可心 平房区近日推出新举措。";
        let c = leading_undelimited(text).unwrap();
        assert_eq!(c.byline, "李鹏 本报记者 梁可心");
        assert_eq!(c.authors, vec![a("李鹏", None, None), a("梁可心", Some("记者"), Some("本报"))]);
        assert_eq!(trim(&text[c.len..]), "平房区近日推出新举措。");
        let c = leading_undelimited("本报记者 梁可心 通讯员 李鹏 今天，我市下雨。").unwrap();
        assert_eq!(c.authors.len(), 2);
        assert!(leading_undelimited("今天 我市下雨。").is_none());
        assert!(leading_undelimited("本报记者 梁可心").is_none(), "a credit alone is a credit line, not a paragraph");
    }

    #[test]
    fn traditional_credits() {
        let text = "本報訊（記者 黃志偉 通訊員 李嘉明）民政事務總署昨日表示";
        let c = leading(text).unwrap();
        assert_eq!(c.byline, "本報訊（記者 黃志偉 通訊員 李嘉明）");
        assert_eq!(c.authors, vec![a("黃志偉", Some("記者"), None), a("李嘉明", Some("通訊員"), None)]);
        assert_eq!(&text[c.len..], "民政事務總署昨日表示");

        let c = leading("新華社北京1月12日電（記者 林曉 何鑫）國家衛生健康委員會").unwrap();
        assert_eq!(c.dateline.as_deref(), Some("新華社北京1月12日電"));
        assert_eq!(c.date.unwrap().iso(Some(2023)).as_deref(), Some("2023-01-12"));
        assert_eq!(c.authors, vec![a("林曉", Some("記者"), Some("新華社")), a("何鑫", Some("記者"), Some("新華社"))]);

        let c = standalone("本報記者 陳怡君 實習生 李佳穎", false).unwrap();
        assert_eq!(c.authors, vec![a("陳怡君", Some("記者"), Some("本報")), a("李佳穎", Some("實習生"), None)]);
        let c = standalone("特約記者 黃文傑", false).unwrap();
        assert_eq!(c.authors, vec![a("黃文傑", Some("特約記者"), None)]);
    }

    #[test]
    fn hong_kong_bracketed_dateline() {
        let text = "【本報訊】（記者 陳大文）特區政府昨日公布";
        let c = leading(text).unwrap();
        assert_eq!(c.byline, "【本報訊】（記者 陳大文）");
        assert_eq!(c.dateline.as_deref(), Some("本報訊"));
        assert_eq!(c.authors, vec![a("陳大文", Some("記者"), None)]);
        assert_eq!(&text[c.len..], "特區政府昨日公布");
        let c = leading("【本報訊】特區政府昨日公布").unwrap();
        assert_eq!((c.byline.as_str(), c.len), ("【本報訊】", "【本報訊】".len()));
        assert!(leading("【本報訊特區政府昨日公布").is_none());
        // A dateline's brackets must match (see `leading`).
        assert!(leading("【本報訊〕特區政府昨日公布").is_none());
        assert!(leading("[本報訊】特區政府昨日公布").is_none());
    }

    #[test]
    fn taiwan_reported_from_credit() {
        let c = standalone("記者張志豪／臺北報導", false).unwrap();
        assert_eq!(c.byline, "記者張志豪／臺北報導");
        assert_eq!(c.dateline.as_deref(), Some("臺北報導"));
        assert_eq!(c.authors, vec![a("張志豪", Some("記者"), None)]);
        let text = "〔記者林美玲、陳怡君／綜合報導〕臺北市公車明年起";
        let c = leading(text).unwrap();
        assert_eq!(c.byline, "〔記者林美玲、陳怡君／綜合報導〕");
        assert_eq!(c.authors, vec![a("林美玲", Some("記者"), None), a("陳怡君", Some("記者"), None)]);
        assert_eq!(&text[c.len..], "臺北市公車明年起");
        let c = leading("中央社台北3月7日電（記者 林志明）中央氣象局今天").unwrap();
        assert_eq!(c.dateline.as_deref(), Some("中央社台北3月7日電"));
        assert_eq!(c.authors, vec![a("林志明", Some("記者"), Some("中央社"))]);
        assert!(leading("記者從市府獲悉／臺北報導").is_none());
        assert!(leading("〔記者張志豪／臺北報導）臺北市").is_none());
        // Two square brackets that do not match are a printed pair OCR misread (issue 14:
        // Tesseract read 〔記者…／…報導〕 as [記者…/…報導〕).
        let c = leading("[記者張志豪/臺北報導〕臺北市").unwrap();
        assert_eq!((c.byline.as_str(), c.dateline.as_deref()), ("[記者張志豪/臺北報導〕", Some("臺北報導")));
        assert_eq!(c.authors, vec![a("張志豪", Some("記者"), None)]);
    }

    #[test]
    fn credit_lines_on_their_own() {
        let c = standalone("李鹏 本报记者 梁可心", false).unwrap();
        assert_eq!(c.authors, vec![a("李鹏", None, None), a("梁可心", Some("记者"), Some("本报"))]);
        assert_eq!(c.byline, "李鹏 本报记者 梁可心");
        let c = standalone("本报特约记者 赵一 实习生 钱二", false).unwrap();
        assert_eq!(c.authors, vec![a("赵一", Some("特约记者"), Some("本报")), a("钱二", Some("实习生"), None)]);
        let c = standalone("（记者 张三）", false).unwrap();
        assert_eq!(c.authors, vec![a("张三", Some("记者"), None)]);
        let c = standalone("本报记者 韩  雪 通讯员 刘东升", false).unwrap();
        assert_eq!(c.authors, vec![a("韩雪", Some("记者"), Some("本报")), a("刘东升", Some("通讯员"), None)]);
        assert_eq!(c.byline, "本报记者 韩 雪 通讯员 刘东升");
        assert!(standalone("王兆力强调", false).is_none());
        assert!(standalone("祝大伟  高洪刚", false).is_none());
        assert_eq!(standalone("祝大伟  高洪刚", true).unwrap().authors.len(), 2);
        assert!(standalone("记者发现这里的变化很大", false).is_none());
    }

    #[test]
    fn a_role_and_a_kind_of_piece_names_no_one() {
        for label in ["评论员文章", "本报评论员文章", "特约评论员文章", "記者手記", "评论员观察"] {
            assert!(role_and_kind(label), "{label}");
            assert!(standalone(label, false).is_none(), "{label}");
            assert!(standalone(label, true).is_none(), "{label}");
        }
        assert!(leading_undelimited("评论员文章 近期，各地秋粮收购工作有序推进。").is_none());
        // A name parted from the role by a space is a name, whatever it means as a word.
        assert!(!role_and_kind("本报记者 文章"));
        assert_eq!(standalone("本报记者 文章", false).unwrap().authors, vec![a("文章", Some("记者"), Some("本报"))]);
        assert!(!role_and_kind("文章"));
        assert!(!role_and_kind("评论员"));
    }

    #[test]
    fn an_ornament_before_a_credit_stays_in_its_byline() {
        let c = standalone("□本报记者 甲某 通讯员 乙某", false).unwrap();
        assert_eq!(c.byline, "□本报记者 甲某 通讯员 乙某");
        assert_eq!(c.authors, vec![a("甲某", Some("记者"), Some("本报")), a("乙某", Some("通讯员"), None)]);
        let text = "■ 李鹏 本报记者 梁可心 平房区近日推出";
        let c = leading_undelimited(text).unwrap();
        assert_eq!((c.byline.as_str(), &text[c.len..]), ("■李鹏 本报记者 梁可心", " 平房区近日推出"));
        let c = standalone("◆本報廣州特約通信", false).unwrap();
        assert_eq!(c.byline, "◆本報廣州特約通信");
    }

    #[test]
    fn the_french_news_agency_by_its_full_name_sends_a_dispatch() {
        // 申報 prints Agence France-Presse's full name (法國新聞社) as well as 法新社 (local 申報 set).
        let text = "（法國新聞社里昂三日電）兩地代表今晨會面。";
        let c = leading(text).unwrap();
        assert_eq!((c.byline.as_str(), c.dateline.as_deref()), ("（法國新聞社里昂三日電）", Some("法國新聞社里昂三日電")));
        assert_eq!(&text[c.len..], "兩地代表今晨會面。");
        let c = leading("法国新闻社巴黎1月5日电（记者 甲某）会议今天开幕").unwrap();
        assert_eq!(c.authors, vec![a("甲某", Some("记者"), Some("法国新闻社"))]);
    }

    #[test]
    fn a_feature_credit_has_no_dateline() {
        let c = standalone("記者甲某某／專題報導", false).unwrap();
        assert_eq!((c.byline.as_str(), c.dateline), ("記者甲某某／專題報導", None));
        assert_eq!(c.authors, vec![a("甲某某", Some("記者"), None)]);
        let c = leading("〔記者甲某某／獨家報導〕臺北市").unwrap();
        assert_eq!(c.dateline, None);
        // 綜合報導 (compiled from several sources) stays a dateline, as the corpus gold has it.
        assert_eq!(leading("〔記者甲某某／綜合報導〕臺北市").unwrap().dateline.as_deref(), Some("綜合報導"));
    }
}
