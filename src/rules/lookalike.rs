//! OCR look-alike characters repaired from word evidence (昨夭 → 昨天, 己经 → 已经,
//! 自已 → 自己, 收人 → 收入, 今曰 → 今日).
//!
//! OCR engines confuse Han characters that differ by a stroke or a stroke's length.
//! [`PAIRS`] lists the ones repaired here: 已/己/巳, 天/夭, 日/曰, 入/人, 未/末, 土/士,
//! 千/干, 问/间/向 (問/間 in Traditional print), 候/侯, 析/折, 茶/荼, 准/淮 and 曾/會.
//! Source: visually similar ("similar shape") confusions as the SIGHAN 2013 Chinese
//! spelling-check bake-off collected them (Wu, Liu and Lee, "Chinese Spelling Check
//! Evaluation at SIGHAN Bake-off 2013", SIGHAN-7, whose confusion set comes from Liu
//! et al., "Visually and phonologically similar characters in incorrect Chinese
//! words", ACM TALIP 10(2), 2011) — a kind of pair, not a list copied from that set
//! (which was not at hand to check entry by entry): each pair here differs by one
//! stroke's length or position and both its characters are common in newspaper
//! print. All but three are misread in the OCR'd 申報 and 人民日报 text this project
//! reads (巳經, 自已, 時侯, 若千, 博土, 間題, 並末, 五夭, 曰軍, 議曾, 陷人; counted with
//! `examples/lookalike_scan.rs`); 析/折, 茶/荼 and 准/淮 were not seen there and are
//! kept as the same kind of pair. The evaluation's damage
//! list (`evaluation/textdamage.py`) was not the source; of its pairs, those of two
//! frequent single-character words (大/太, 贝/见, 戊/戌 as dates) are left out: a
//! word list cannot tell them apart from their context, so a repair would be a guess.
//!
//! **The rule (a noisy-channel decision over word frequencies).** A character `c` is
//! replaced by its look-alike `d` only when, inside its run of Han characters, some
//! span of 2 to [`MAX_WORD`] characters holding it is a dictionary word with `d` (the
//! "repaired word", of frequency at least [`MIN_WORD_FREQ`]) and that word is at
//! least [`RATIO`] times as likely as (a) the same span as printed, read by the same
//! dictionary as words or single characters, and (b) any dictionary word the printed
//! `c` makes with its neighbours; and (c) the text around it, up to [`MAX_WORD`]` - 1`
//! characters each side, is [`CONTEXT_RATIO`] times as likely read with `d` as with `c` (so a
//! word the repair would break counts against it: 入民主 is 入 + 民主, and stays). So
//! 收人 becomes 收入 (10,403 against 43), but 收人民币 stays (人民 and 人民币 are
//! words), and the classical 子曰 stays (子日 is no word). The dictionary is jieba's
//! default dictionary (jieba-rs, `Jieba::new`: 349,045 words with frequencies
//! counted over [`CORPUS_WORDS`] words); a span's likelihood is jieba's
//! `suggest_freq`, the frequency of its most likely reading as words (its best
//! segmentation's unigram probability times the corpus size, at least 1), and a
//! text's is its best segmentation's unigram probability. Traditional text is looked up
//! through OpenCC's `t2s` ([`crate::convert`]), character for character: a text
//! whose conversion changes its length is left as it is.
//!
//! The dictionary is loaded once per process, at the first text holding a character
//! of [`PAIRS`]: about 0.11 s and 34 MB of memory (424 million instructions), so a
//! process that reads one small page takes about ten times as long as without it.
//!
//! Known wrong repairs (measured, see [`CONTEXT_RATIO`]): a frequent single-character
//! word that a word could absorb (八時向 → 八時間), and names (a given name 國士 read as 國土).

use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::convert::{Config, Converter};
use crate::rules::chars::is_han;

/// The look-alike groups: each character of a group may be misread as any other of
/// it (source and choice in the module doc).
pub const PAIRS: &[&[char]] = &[
    &['已', '己', '巳'],
    &['天', '夭'],
    &['日', '曰'],
    &['入', '人'],
    &['未', '末'],
    &['土', '士'],
    &['千', '干'],
    &['问', '间', '向'],
    &['問', '間', '向'],
    &['候', '侯'],
    &['析', '折'],
    &['茶', '荼'],
    &['准', '淮'],
    &['曾', '會'],
];

/// Longest repaired word looked for, in characters (jieba's words that matter here
/// are two to four characters long).
pub const MAX_WORD: usize = 4;

/// Least frequency (jieba's count) of a repaired word: rarer dictionary entries
/// (many are segmentation leftovers such as 收人, 3) are no evidence.
pub const MIN_WORD_FREQ: usize = 100;

/// How many times as likely the repaired word must be as the printed reading — the
/// channel's prior against a misread: an OCR engine misreads a given character in
/// well under one case in a hundred on clean print.
pub const RATIO: usize = 100;

/// The number of words jieba's default dictionary's frequencies were counted over
/// (the sum of its counts).
pub const CORPUS_WORDS: u64 = 60_101_964;

/// How many times as likely the text around a repaired word must be read with it as
/// read as printed (the rule's check (c)). Measured on 616,500 characters of 申報
/// transcriptions (which hold OCR errors of their own): at 100, 170 repairs, of which
/// 4 wrong (a unigram model cannot tell a preposition from a word's second half:
/// 八時向 "at eight, to" reads 八時間 250 times as likely; 曾晤, 通問 in a book title,
/// a given name 國士); at 1,000, 109 repairs and none of those, but 61 right ones lost
/// (自已 → 自己 among them: 自已 is in jieba's dictionary, 345 times less frequent);
/// at 10,000, 76. On modern Simplified text (57,000 characters of clean gold and
/// 人民日报 text) there is no wrong repair at 100.
pub const CONTEXT_RATIO: usize = 100;

/// One repair: the printed word and the repaired one (same length in characters),
/// and the character offset of the word's first character in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Offset of the word in the text, in characters.
    pub at: usize,
    /// The word as printed (昨夭).
    pub printed: String,
    /// The word as repaired (昨天).
    pub repaired: String,
}

/// The look-alike group of `c` ([`PAIRS`]) in a text of Simplified (`traditional`
/// false) or Traditional print, `c` included; empty for any other character. (向 is
/// in two groups: 问/间 in Simplified print, 問/間 in Traditional.)
pub fn alikes(c: char, traditional: bool) -> &'static [char] {
    // Asked about every character of a text: most are refused by their low byte.
    if FILTER[(c as u32 & 0xff) as usize / 64] >> (c as u32 & 63) & 1 == 0 {
        return &[];
    }
    let group = match c {
        '已' | '己' | '巳' => 0,
        '天' | '夭' => 1,
        '日' | '曰' => 2,
        '入' | '人' => 3,
        '未' | '末' => 4,
        '土' | '士' => 5,
        '千' | '干' => 6,
        '问' | '间' => 7,
        '向' if !traditional => 7,
        '問' | '間' | '向' => 8,
        '候' | '侯' => 9,
        '析' | '折' => 10,
        '茶' | '荼' => 11,
        '准' | '淮' => 12,
        '曾' | '會' => 13,
        _ => return &[],
    };
    PAIRS[group]
}

/// One bit per low byte of the characters of [`PAIRS`]: a character whose low byte
/// has no bit is in no group.
const FILTER: [u64; 4] = {
    let mut f = [0u64; 4];
    let mut g = 0;
    while g < PAIRS.len() {
        let mut k = 0;
        while k < PAIRS[g].len() {
            let b = PAIRS[g][k] as u32 & 0xff;
            f[b as usize / 64] |= 1 << (b % 64);
            k += 1;
        }
        g += 1;
    }
    f
};

/// True when `c` is in [`PAIRS`].
fn is_candidate(c: char) -> bool {
    !alikes(c, false).is_empty()
}

/// The dictionary and the Traditional look-up.
struct Lexicon {
    jieba: Jieba,
    /// OpenCC `t2s`, when the build's backend has it.
    t2s: Option<Converter>,
    /// One bit per character of U+4E00..=U+9FFF: set when `t2s` changes it alone (a
    /// Traditional form), so that only a text holding one is converted.
    traditional: Vec<u64>,
}

/// The characters [`Lexicon::traditional`] covers.
const HAN: std::ops::RangeInclusive<u32> = 0x4e00..=0x9fff;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let t2s = Converter::new(Config::T2s).ok();
        let mut traditional = vec![0u64; HAN.clone().count().div_ceil(64)];
        if let Some(t2s) = &t2s {
            // Every character on a line of its own, so that no phrase joins two.
            let all: String = HAN.filter_map(char::from_u32).flat_map(|c| [c, '\n']).collect();
            for (k, (a, b)) in all.lines().zip(t2s.convert(&all).lines()).enumerate() {
                if a != b {
                    traditional[k / 64] |= 1 << (k % 64);
                }
            }
        }
        Lexicon { jieba: Jieba::new(), t2s, traditional }
    })
}

impl Lexicon {
    /// True when `c` is a Traditional form (`t2s` changes it).
    fn is_traditional(&self, c: char) -> bool {
        let k = (c as u32).wrapping_sub(*HAN.start()) as usize;
        self.traditional.get(k / 64).is_some_and(|w| w >> (k % 64) & 1 == 1)
    }

    /// The likelihood of `s` ([`Jieba::suggest_freq`]) when it is a dictionary word.
    fn word(&self, s: &str) -> Option<usize> {
        self.jieba.has_word(s).then(|| self.jieba.suggest_freq(s))
    }
}

/// Repairs the look-alike characters of `text` ([the rule](self)): the repaired
/// text and the repairs, left to right, or `None` when nothing is repaired.
pub fn repair(text: &str) -> Option<(String, Vec<Fix>)> {
    if !text.chars().any(is_candidate) {
        return None;
    }
    let lex = lexicon();
    let mut chars: Vec<char> = text.chars().collect();
    let traditional = chars.iter().any(|&c| lex.is_traditional(c));
    // The characters the dictionary is asked about: Simplified.
    let mut look = match (&lex.t2s, traditional) {
        (Some(t2s), true) => {
            let simple: Vec<char> = t2s.convert(text).chars().collect();
            if simple.len() != chars.len() {
                return None;
            }
            simple
        }
        _ => chars.clone(),
    };
    let mut fixes = Vec::new();
    let mut buf = String::new();
    // How far the rule reads on either side of a character: a word holding it, and
    // the words around that word.
    let reach = 2 * (MAX_WORD - 1);
    for i in 0..chars.len() {
        let group = alikes(chars[i], traditional);
        if group.is_empty() {
            continue;
        }
        let lo = (i.saturating_sub(reach)..i).rev().take_while(|&k| is_han(chars[k])).last().unwrap_or(i);
        let hi = (i + 1..(i + 1 + reach).min(chars.len())).take_while(|&k| is_han(chars[k])).last().map_or(i + 1, |k| k + 1);
        if hi - lo < 2 {
            continue;
        }
        if let Some((d, start, len)) = best(lex, &look, i, lo, hi, group, &mut buf) {
            let printed: String = chars[start..start + len].iter().collect();
            chars[i] = d;
            look[i] = simple(lex, d);
            fixes.push(Fix { at: start, printed, repaired: chars[start..start + len].iter().collect() });
        }
    }
    (!fixes.is_empty()).then(|| (chars.into_iter().collect(), fixes))
}

/// `d` as the dictionary spells it (Simplified).
fn simple(lex: &Lexicon, d: char) -> char {
    let Some(t2s) = lex.t2s.as_ref().filter(|_| lex.is_traditional(d)) else { return d };
    let mut b = [0; 4];
    let s = t2s.convert(d.encode_utf8(&mut b));
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => c,
        _ => d,
    }
}

/// The spans `[start, start + len)` of 2 to [`MAX_WORD`] characters inside `lo..hi`
/// that hold `i`.
fn spans(i: usize, lo: usize, hi: usize) -> impl Iterator<Item = (usize, usize)> {
    (2..=MAX_WORD.min(hi - lo)).flat_map(move |len| {
        let first = i.saturating_sub(len - 1).max(lo);
        let last = i.min(hi - len);
        (first..=last).map(move |start| (start, len))
    })
}

/// `look[start..start+len]` with `at` read as `c`, into `buf`.
fn spell<'a>(buf: &'a mut String, look: &[char], start: usize, len: usize, at: usize, c: char) -> &'a str {
    buf.clear();
    for (k, &x) in look[start..start + len].iter().enumerate() {
        buf.push(if start + k == at { c } else { x });
    }
    buf
}

/// The look-alike `d` of `look[i]` to put in its place, with its repaired word's
/// span, or `None` ([the rule](self)).
fn best(lex: &Lexicon, look: &[char], i: usize, lo: usize, hi: usize, alikes: &[char], buf: &mut String) -> Option<(char, usize, usize)> {
    let printed = look[i];
    // The repaired words (usually none): (likelihood, d, start, len).
    let mut found: Option<(usize, char, usize, usize)> = None;
    for &d in alikes {
        let ds = simple(lex, d);
        if ds == printed {
            continue;
        }
        for (start, len) in spans(i, lo, hi) {
            let Some(f) = lex.word(spell(buf, look, start, len, i, ds)) else { continue };
            if f < MIN_WORD_FREQ {
                continue;
            }
            let as_printed = lex.jieba.suggest_freq(spell(buf, look, start, len, i, printed));
            if f / RATIO >= as_printed && found.is_none_or(|b| f > b.0) {
                found = Some((f, d, start, len));
            }
        }
    }
    let (f, d, start, len) = found?;
    // Any word the printed character makes with its neighbours.
    let held = spans(i, lo, hi).filter_map(|(s, l)| lex.word(spell(buf, look, s, l, i, printed))).max().unwrap_or(0);
    if f / RATIO < held {
        return None;
    }
    // The repaired word with the words around it: a word the repair breaks counts
    // against it (入民主 is 入 + 民主, not 人民 + 主).
    let (wlo, whi) = (start.saturating_sub(MAX_WORD - 1).max(lo), (start + len + MAX_WORD - 1).min(hi));
    let mut window: Vec<char> = look[wlo..whi].to_vec();
    let as_printed = likelihood(lex, &window, buf);
    window[i - wlo] = simple(lex, d);
    (likelihood(lex, &window, buf) - as_printed >= (CONTEXT_RATIO as f64).ln()).then_some((d, start, len))
}

/// The natural log of the likelihood of `chars` read as words: its most likely
/// segmentation into dictionary words of up to [`MAX_WORD`] characters and single
/// characters, each word `w` counted `suggest_freq(w) / CORPUS_WORDS` (a unigram
/// model over jieba's counts, as jieba's own segmentation reads a text).
fn likelihood(lex: &Lexicon, chars: &[char], buf: &mut String) -> f64 {
    let total = (CORPUS_WORDS as f64).ln();
    // best[k]: the best reading of chars[..k].
    let mut best = vec![f64::NEG_INFINITY; chars.len() + 1];
    best[0] = 0.0;
    for end in 1..=chars.len() {
        for len in 1..=MAX_WORD.min(end) {
            buf.clear();
            buf.extend(&chars[end - len..end]);
            let f = if len == 1 { Some(lex.jieba.suggest_freq(buf)) } else { lex.word(buf) };
            if let Some(f) = f {
                best[end] = best[end].max(best[end - len] + (f as f64).ln() - total);
            }
        }
    }
    best[chars.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> String {
        repair(s).map_or_else(|| s.to_string(), |r| r.0)
    }

    #[test]
    fn look_alikes_that_make_a_word_are_repaired() {
        assert_eq!(fixed("昨夭下午，他们己经到达。"), "昨天下午，他们已经到达。");
        assert_eq!(fixed("他说自已的收人增加了。"), "他说自己的收入增加了。");
        assert_eq!(fixed("今曰出版"), "今日出版");
    }

    #[test]
    fn right_text_stays() {
        for s in ["子曰：学而时习之。", "每月收人民币三百元。", "自己已经走了。", "让人住进新房。", "一千部电影", "名曰大观园"] {
            assert_eq!(fixed(s), s);
        }
    }

    #[test]
    fn traditional_text_is_looked_up_in_simplified() {
        assert_eq!(fixed("昨夭的會議己經結束。"), "昨天的會議已經結束。");
        let (_, fixes) = repair("昨夭").unwrap();
        assert_eq!(fixes, vec![Fix { at: 0, printed: "昨夭".into(), repaired: "昨天".into() }]);
    }
}
