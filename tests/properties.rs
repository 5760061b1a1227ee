//! Property tests: generated pages that mix real newspaper structure (kickers,
//! headlines at every Markdown level, subheadlines, bylines of several forms, jump
//! markers, paragraphs hard-wrapped or not, duplicated paragraphs, furniture,
//! captions, date lines, signatures) with noise (random Unicode, stray Markdown,
//! every kind of space, half-width punctuation).
//!
//! Properties:
//! - the pipeline never panics, with either punctuation mode, on `&str` and on bytes;
//! - nothing is lost: every Han character and digit of the input is in the output, and
//!   every span is in range and ordered (`common::assert_sane`);
//! - the output is the same across runs and across thread counts (the JSON Lines
//!   stream, and a folder of pages to files and to JSON Lines, on rayon pools of 1 and
//!   2 threads, byte for byte);
//! - text repair is idempotent: repairing a repaired page changes nothing, and a
//!   paragraph fed back as a page comes back unchanged.
//!
//! Case counts are sized for a debug build on 2 cores (a few seconds each).

use crate::common;

use proptest::prelude::*;
use proptest::sample::select;

use banmian::stages::normalize::{self, Repair};
use banmian::{BlockKind, Lookalikes, Options, Page, Pipeline, Punct, batch};

const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研";
const NAMES: &[&str] = &["尹明", "梁可心", "张三", "李四", "王强", "李明", "韩  雪", "初霞", "欧阳修远", "曹忠义", "郑 重"];
const SPACES: &[&str] = &[" ", "  ", "\t", "\u{3000}", "\u{00A0}", "\u{200B}", "\u{2003}", "\u{FEFF}", "\u{202F}", "\u{2028}"];
const STRAY: &[&str] = &["**", "#", "## ", "> ", "- ", "---", "__", "\\", "<br>", "![](a.jpg)", "```", "|", "*"];
const HALF: &[&str] = &[",", ";", ":", "!", "?", "(", ")", "\"", ".", "18:50", "1,000", "3.5%"];

fn han(min: usize, max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = HAN.chars().collect();
    prop::collection::vec(select(chars), min..=max).prop_map(|v| v.into_iter().collect())
}

fn digits() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..32).prop_map(|d| format!("{d}日")),
        (1u32..13, 1u32..29).prop_map(|(m, d)| format!("{m}月{d}日")),
        (0u32..100_000).prop_map(|n| n.to_string()),
        (0u32..100).prop_map(|n| n.to_string().chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect()),
        Just("12.6万吨".to_string()),
    ]
}

/// Noise: random Unicode (any scalar value), stray Markdown, spaces, half-width marks.
fn noise() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 1..6).prop_map(|v| v.into_iter().collect()),
        select(STRAY).prop_map(str::to_string),
        select(SPACES).prop_map(str::to_string),
        select(HALF).prop_map(str::to_string),
    ]
}

/// A clause: Han text with, now and then, digits or noise inside.
fn clause() -> impl Strategy<Value = String> {
    (han(2, 10), prop::option::weighted(0.3, digits()), prop::option::weighted(0.15, noise()), han(0, 6))
        .prop_map(|(a, d, n, b)| format!("{a}{}{}{b}", d.unwrap_or_default(), n.unwrap_or_default()))
}

fn sentence() -> impl Strategy<Value = String> {
    (prop::collection::vec(clause(), 1..4), select(&["，", ",", "、", "， "][..]), select(&["。", ".", "！", "？", "；", "", "……"][..]))
        .prop_map(|(cs, sep, end)| format!("{}{end}", cs.join(sep)))
}

fn paragraph_text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..4).prop_map(|v| v.concat())
}

fn name() -> impl Strategy<Value = String> {
    select(NAMES).prop_map(str::to_string)
}

/// One element of a page, rendered as one or more lines.
#[derive(Debug, Clone)]
enum Piece {
    Lines(Vec<String>),
    /// A copy of the n-th paragraph generated before it (modulo), exact or with one
    /// character changed.
    Copy(usize, bool),
}

fn heading_line() -> impl Strategy<Value = String> {
    (han(4, 18), 0usize..10, any::<bool>()).prop_map(|(t, level, bold)| match (level, bold) {
        (0, false) => t,
        (0, true) => format!("**{t}**"),
        (l, _) => format!("{} {t}", "#".repeat(l)),
    })
}

fn headline_group() -> impl Strategy<Value = Piece> {
    (
        prop::option::of((han(4, 12), select(&["强调", "指出", "表示", "："][..])).prop_map(|(a, b)| format!("{a}{b}"))),
        heading_line(),
        prop::option::of(prop_oneof![
            name().prop_map(|n| format!("{n}出席")),
            han(4, 12).prop_map(|t| format!("——{t}")),
            Just("【聚焦两会】".to_string()),
        ]),
    )
        .prop_map(|(k, h, s)| Piece::Lines(k.into_iter().chain([h]).chain(s).collect()))
}

fn byline_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        name().prop_map(|n| format!("本报讯（记者 {n}）")),
        name().prop_map(|n| format!("本报讯(记者{n})")),
        (name(), name()).prop_map(|(a, b)| format!("新华社北京1月12日电（记者 {a} {b}）")),
        Just("据新华社电 ".to_string()),
        name().prop_map(|n| format!("本报哈尔滨3月4日电（记者 {n} 报道）")),
    ]
}

fn byline_line() -> impl Strategy<Value = String> {
    prop_oneof![
        name().prop_map(|n| format!("本报记者 {n}")),
        (name(), name()).prop_map(|(a, b)| format!("记者 {a} 通讯员 {b}")),
        (name(), name()).prop_map(|(a, b)| format!("{a} 本报记者 {b}")),
        name().prop_map(|n| format!("> {n}")),
        name().prop_map(|n| format!("（记者 {n}）")),
    ]
}

fn jump() -> impl Strategy<Value = String> {
    select(
        &["（下转第五版）", "(下转第3版)", "（上接第一版）", "转第3版", "下转A4版", "(接第1版)", "（紧接第二版）", "（下转第１２版）"][..],
    )
    .prop_map(str::to_string)
}

fn paragraph() -> impl Strategy<Value = Piece> {
    (
        paragraph_text(),
        prop::option::weighted(0.2, byline_prefix()),
        prop::option::weighted(0.15, jump()),
        0usize..4,
        prop::option::weighted(0.3, 8usize..30),
    )
        .prop_map(|(text, credit, jump, indent, wrap)| {
            let mut t = format!("{}{}{text}", "\u{3000}".repeat(indent % 3), credit.unwrap_or_default());
            if let Some(j) = jump {
                if j.contains('上') || j.contains("接第") { t = format!("{j}{t}") } else { t.push_str(&j) }
            }
            match wrap {
                // Hard-wrapped at `w` characters, one printed line per input line.
                Some(w) => {
                    let cs: Vec<char> = t.chars().collect();
                    Piece::Lines(cs.chunks(w).map(|c| c.iter().collect()).collect())
                }
                None => Piece::Lines(vec![t]),
            }
        })
}

fn furniture() -> impl Strategy<Value = String> {
    select(
        &[
            "第3版",
            "滨江日报　2021年3月5日 星期五",
            "责任编辑：张三",
            "第 2 版 要闻",
            "A4版",
            "《人民日报》（2025年01月10日第 06 版）",
            "本报地址：哈尔滨市",
        ][..],
    )
    .prop_map(str::to_string)
}

fn other() -> impl Strategy<Value = String> {
    prop_oneof![
        name().prop_map(|n| format!("图为市民在办理业务。本报记者 {n} 摄")),
        name().prop_map(|n| format!("（新华社记者 {n} 摄）")),
        Just("（2021年1月12日）".to_string()),
        Just("哈尔滨市疾病预防控制中心".to_string()),
        Just("2021年1月12日".to_string()),
        han(2, 8).prop_map(|t| format!("一、{t}")),
        han(2, 8).prop_map(|t| format!("（二）{t}")),
        han(2, 8).prop_map(|t| format!("- {t}")),
        Just(String::new()),
    ]
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => paragraph(),
        2 => headline_group(),
        1 => byline_line().prop_map(|l| Piece::Lines(vec![l])),
        1 => jump().prop_map(|l| Piece::Lines(vec![l])),
        1 => furniture().prop_map(|l| Piece::Lines(vec![l])),
        1 => other().prop_map(|l| Piece::Lines(vec![l])),
        1 => noise().prop_map(|l| Piece::Lines(vec![l])),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(n, exact)| Piece::Copy(n, exact)),
    ]
}

/// A page: pieces rendered one line each, separated by blank lines (Markdown style)
/// or not, with LF, CRLF or CR line ends, and sometimes trailing spaces.
fn page() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece(), 1..24),
        any::<bool>(),
        select(&["\n", "\n", "\r\n", "\r"][..]),
        prop::option::weighted(0.2, select(SPACES)),
    )
        .prop_map(|(pieces, blank, eol, trailing)| {
            let mut paragraphs: Vec<Vec<String>> = Vec::new();
            let mut out: Vec<String> = Vec::new();
            for p in pieces {
                let lines = match p {
                    Piece::Lines(ls) => {
                        if ls.len() == 1 && ls[0].chars().count() > 12 {
                            paragraphs.push(ls.clone());
                        }
                        ls
                    }
                    Piece::Copy(_, _) if paragraphs.is_empty() => continue,
                    Piece::Copy(n, exact) => {
                        let mut ls = paragraphs[n % paragraphs.len()].clone();
                        if !exact {
                            // One OCR substitution in the middle.
                            let mut cs: Vec<char> = ls[0].chars().collect();
                            let mid = cs.len() / 2;
                            cs[mid] = if cs[mid] == '了' { '丁' } else { '了' };
                            ls[0] = cs.into_iter().collect();
                        }
                        ls
                    }
                };
                for l in lines {
                    out.push(format!("{l}{}", trailing.unwrap_or("")));
                }
                if blank {
                    out.push(String::new());
                }
            }
            out.join(eol)
        })
}

fn pipeline(punct: Punct) -> Pipeline {
    Pipeline::new(Options::default().punct(punct)).expect("default pipeline")
}

/// `cases` by default; `PROPTEST_CASES=N` runs N instead (for a longer hunt).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, max_shrink_iters: 4000, failure_persistence: None, ..ProptestConfig::default() }
}

/// A text that, alone on a line, is Markdown syntax (a trailing `\\` is a hard break,
/// a leading `#` a heading, ...): fed back, the syntax is read and dropped, as the
/// contract allows, so such paragraphs are not expected to come back unchanged.
fn reads_as_markdown(t: &str) -> bool {
    const STARTS: &[&str] = &["#", ">", "- ", "* ", "+ ", "• ", "· ", "__", "![", "<!--", "<img", "---", "***", "___", "==="];
    STARTS.iter().any(|p| t.starts_with(p)) || t.ends_with('\\') || t.ends_with("<br>") || t.contains("**")
}

/// A paragraph that still opens with a credit (a story's credit printed again is
/// left in the text): alone on a page, the credit is read as the byline, by design.
fn opens_with_credit(t: &str) -> bool {
    banmian::rules::byline::leading(t).is_some()
}

proptest! {
    #![proptest_config(config(192))]

    /// Never a panic, nothing lost, spans in range, on text and on bytes, with either
    /// punctuation mode.
    #[test]
    fn pages_keep_every_han_character_and_digit(text in page()) {
        for punct in [Punct::Normalize, Punct::Keep] {
            let p = pipeline(punct);
            let page = p.process("p.md", &text);
            common::assert_sane(&text, &page);
            match p.process_bytes("p.md", text.as_bytes()) {
                // Decoding drops NUL characters (with a warning), and does nothing else to UTF-8.
                Ok(from_bytes) => prop_assert_eq!(&from_bytes.articles, &p.process("p.md", &text.replace('\0', "")).articles),
                // Random Unicode can put many control characters on a page: binary data.
                Err(e) => prop_assert!(matches!(e.kind(), banmian::ErrorKind::Decode(_)), "{}", e),
            }
        }
    }

    /// Repairing repaired text changes nothing (the look-alike repair on, as asked for); a paragraph fed back alone as a page
    /// comes back with the same text (unless the layout reads it anew: Markdown syntax,
    /// a credit at its start).
    #[test]
    fn text_repairs_are_idempotent(text in page()) {
        let p = Pipeline::new(Options::default().lookalikes(Lookalikes::Repair)).expect("repairing pipeline");
        let page = p.process("p.md", &text);
        let mut again = page.clone();
        normalize::repair(&mut again, Repair { punct: true, lookalikes: true, convert: None });
        prop_assert_eq!(&again, &page);
        for a in &page.articles {
            for b in a.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph && !reads_as_markdown(&b.text) && !opens_with_credit(&b.text)) {
                let back = p.process("again.txt", &b.text);
                let texts = common::output_texts(&back);
                prop_assert!(texts.contains(&b.text.as_str()), "{:?} came back as {:?}", b.text, texts);
            }
        }
    }
}

fn jsonl(pages: &[String]) -> Vec<u8> {
    let mut input = Vec::new();
    for (i, t) in pages.iter().enumerate() {
        serde_json::to_writer(&mut input, &serde_json::json!({"id": i, "text": t})).unwrap();
        input.push(b'\n');
    }
    input
}

fn run_stream_on(threads: usize, pipeline: &Pipeline, input: &[u8]) -> Vec<u8> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a rayon pool");
    pool.install(|| {
        let mut out = Vec::new();
        let summary = batch::run_stream(pipeline, &mut &input[..], &mut out, "test").expect("writes to a Vec");
        assert_eq!(summary.failed, 0, "{:?}", summary.failures);
        out
    })
}

proptest! {
    #![proptest_config(config(48))]

    /// The JSON Lines batch writes the same bytes on 1 and 2 threads, on a second run,
    /// and the same as processing each page alone.
    #[test]
    fn output_is_identical_across_runs_and_thread_counts(pages in prop::collection::vec(page(), 1..6)) {
        let p = pipeline(Punct::Normalize);
        let input = jsonl(&pages);
        let one = run_stream_on(1, &p, &input);
        let two = run_stream_on(2, &p, &input);
        let again = run_stream_on(2, &p, &input);
        prop_assert!(one == two, "1 thread and 2 threads differ");
        prop_assert!(two == again, "two runs differ");
        let mut alone = Vec::new();
        for (i, t) in pages.iter().enumerate() {
            let page: Page = p.process(&i.to_string(), t);
            alone.extend(banmian::write::json::line(&page).unwrap());
        }
        prop_assert!(one == alone, "the batch differs from one page at a time");
    }
}

/// Every file under `dir`, relative path and bytes, sorted.
fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).expect("under dir").to_path_buf(), std::fs::read(e.path()).expect("read")))
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(config(12))]

    /// A folder of pages gives the same files (and the same JSON Lines) on 1 and 2 threads.
    #[test]
    fn tree_output_is_identical_across_thread_counts(pages in prop::collection::vec(page(), 1..6)) {
        let p = pipeline(Punct::Normalize);
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("in");
        for (i, t) in pages.iter().enumerate() {
            let path = root.join(format!("{}/p{i}.md", i % 2));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, t).expect("write");
        }
        let walk = batch::walk(&root, false, None);
        let mut outs = Vec::new();
        let mut lines = Vec::new();
        for threads in [1, 2] {
            let out = dir.path().join(format!("out{threads}"));
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a rayon pool");
            let summary = pool.install(|| batch::run_tree(&p, &root, &walk, &out, false, &|_| {}));
            prop_assert_eq!(summary.failed, 0);
            outs.push(files(&out));
            let mut jsonl = Vec::new();
            pool.install(|| batch::run_tree_jsonl(&p, &root, &walk, &mut jsonl, &|_| {})).expect("writes to a Vec");
            lines.push(jsonl);
        }
        // The pages and the run's records, `.banmian/run.json` and `.banmian/pages.jsonl`.
        prop_assert_eq!(outs[0].len(), pages.len() + 2);
        prop_assert!(outs[0] == outs[1], "page files differ between 1 and 2 threads");
        prop_assert!(lines[0] == lines[1], "JSON Lines differ between 1 and 2 threads");
    }
}

fn char_soup() -> impl Strategy<Value = String> {
    let han = han(1, 3);
    prop::collection::vec(
        prop_oneof![3 => han, 2 => noise(), 1 => select(&["“", "”", "（", "）", "，", "。", "《", "》"][..]).prop_map(str::to_string)],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config(512))]

    /// The repairs themselves, on any text: applying one twice is applying it once.
    #[test]
    fn punctuation_and_space_repairs_are_idempotent(s in char_soup()) {
        let p = banmian::rules::punct::normalize(&s);
        prop_assert_eq!(&banmian::rules::punct::normalize(&p), &p);
        let sp = normalize::remove_spaces_between_cjk(&s);
        prop_assert_eq!(&normalize::remove_spaces_between_cjk(&sp), &sp);
        let both = banmian::rules::punct::normalize(&sp);
        prop_assert_eq!(&banmian::rules::punct::normalize(&normalize::remove_spaces_between_cjk(&both)), &both);
    }
}
