//! Builders for the pathological pages, shared by `tests/pathological.rs` (which
//! checks the answers) and `benches/pathological.rs` (which measures throughput at
//! two sizes). Every page is written here, in memory; nothing is copied from a real
//! page.

#![allow(dead_code)]

const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四";

fn han_chars() -> Vec<char> {
    HAN.chars().collect()
}

/// The n-th of 119 common Han characters (cyclically).
pub fn han(i: usize) -> char {
    let h = han_chars();
    h[i % h.len()]
}

/// A distinct short Han word for every `i` (its digits in base 119).
pub fn word(mut i: usize) -> String {
    let h = han_chars();
    let mut s = String::new();
    loop {
        s.push(h[i % h.len()]);
        i /= h.len();
        if i == 0 {
            return s;
        }
    }
}

/// One sentence of varied prose: Han, digits, half-width punctuation, a Latin word.
pub fn sentence(i: usize) -> String {
    format!(
        "{}市委{}会议于{}月{}日召开,会议指出:要坚持COVID-19防控({}人参加)。",
        word(i),
        word(i * 7 + 3),
        i % 12 + 1,
        i % 28 + 1,
        i % 1000
    )
}

/// A paragraph of `n` pseudo-random Han characters ending with 。: paragraphs made
/// from different seeds share almost no trigrams, so none is a near duplicate of another.
pub fn random_paragraph(seed: u64, n: usize) -> String {
    let h = han_chars();
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut s: String = (0..n)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            h[(x >> 33) as usize % h.len()]
        })
        .collect();
    s.push('。');
    s
}

/// A page with no line break of at least `bytes` bytes: a credit, then sentences, with
/// a jump marker after every 5,000th. Returns the page and its number of markers.
pub fn long_line(bytes: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes + 200);
    text.push_str("本报讯（记者 尹明）");
    let (mut i, mut jumps) = (0, 0);
    while text.len() < bytes {
        text.push_str(&sentence(i));
        if i % 5000 == 4999 {
            text.push_str("（下转第五版）");
            jumps += 1;
        }
        i += 1;
    }
    (text, jumps)
}

/// `n` lines of one character each: a digit on every 10th line, `x` on every 10th
/// from the 5th, Han characters on the others.
pub fn one_character_lines(n: usize) -> String {
    (0..n)
        .map(|i| match i % 10 {
            0 => char::from(b'0' + (i / 10 % 10) as u8),
            5 => 'x',
            _ => han(i),
        })
        .flat_map(|c| [c, '\n'])
        .collect()
}

/// The paragraph [`copies`] repeats.
pub const COPIED: &str = "市委市政府高度重视，第一时间召开疫情领导小组会议，科学部署，精准实施各项防控措施。";

/// A headline, then [`COPIED`] `n` times, each after a blank line.
pub fn copies(n: usize) -> String {
    format!("# 全市部署疫情防控工作\n\n{}", format!("{COPIED}\n\n").repeat(n))
}

/// `n` articles of a `##` headline (`word(i)` + 开幕) and a one-sentence body.
pub fn headlines(n: usize) -> String {
    (0..n).map(|i| format!("## {}开幕\n\n{}消息。\n\n", word(i), word(i))).collect()
}

/// Two headlines, each over the same `n` distinct paragraphs: an article printed twice.
pub fn article_printed_twice(n: usize) -> String {
    let body: String = (0..n).map(|i| format!("{}\n\n", random_paragraph(i as u64, 30))).collect();
    format!("# 甲地新闻\n\n{body}# 乙地新闻\n\n{body}")
}

/// `n` lines of punctuation only (full and half width, brackets, symbols).
pub fn only_punctuation(n: usize) -> String {
    let marks: Vec<char> = "，。、；：？！…—·「」『』（）《》〈〉【】〔〕,.;:?!()[]{}\"'-_/\\|~*&^%$@".chars().collect();
    (0..n).map(|i| marks.iter().cycle().skip(i % marks.len()).take(1 + i % 60).collect::<String>() + "\n").collect()
}

/// `n` nested pairs of parentheses around Han text and a year.
pub fn nested_parentheses(n: usize) -> String {
    format!("{}会议(2021){}", "(".repeat(n), ")".repeat(n))
}
