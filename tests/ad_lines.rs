//! Issue 13, text stages: advertisement and listing lines on Republican-era (申報-like)
//! pages, Traditional script. The golds keep a shop's listing, a theatre's programme or
//! an auction notice's lines inside their article as paragraphs. One test page per
//! fault kind fixed; the text is invented here (shops, plays and places made up). The
//! fix is in the module named on each test.

use crate::accuracy_text::{headlines, process};

use banmian::BlockKind;

/// `stages::segment` (`Builder::unmarked_group`): on a Markdown page that marks its
/// headlines with `#`, the short unmarked lines of a theatre's programme (dates, play
/// names, the next theatre's name) under the first article's text are its paragraphs,
/// not a new article's head group; the next `#` heading still opens an article.
#[test]
fn unmarked_listing_lines_on_a_page_that_marks_its_headings_are_paragraphs() {
    let text = "# 青石大戲院\n\n（本報訊）本院今晚演出新戲，歡迎各界光臨。\n\n十一月五日夜演\n\n玉蘭記雙鳳樓白馬坡竹林寺三岔口\n\n紅嶺戲園\n\n十一月六日夜演\n\n春江渡鐵弓緣\n\n# 城南新橋落成\n\n（本報訊）城南新橋昨日落成，往來行人稱便。\n";
    let page = process("page.md", text);
    assert_eq!(headlines(&page), vec![Some("青石大戲院"), Some("城南新橋落成")]);
    let a = &page.articles[0];
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "本院今晚演出新戲，歡迎各界光臨。",
            "十一月五日夜演",
            "玉蘭記雙鳳樓白馬坡竹林寺三岔口",
            "紅嶺戲園",
            "十一月六日夜演",
            "春江渡鐵弓緣"
        ]
    );
    assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph), "{:?}", a.blocks);

    // The listing's lines over a line of its text (an auction notice: its day, then the
    // goods) stay in the article, and so does that text.
    let text = "# 青石拍賣行\n\n（本報訊）本行新到貨物，特此奉告。\n\n禮拜三拍賣\n\n十一日午後三時\n\n本號定於十一日午後開拍洋傘皮箱瓷盆各數十件有意者届期到號看貨\n\n# 城南新橋落成\n\n（本報訊）城南新橋昨日落成，往來行人稱便。\n";
    let page = process("page.md", text);
    assert_eq!(headlines(&page), vec![Some("青石拍賣行"), Some("城南新橋落成")]);
    let kinds: Vec<BlockKind> = page.articles[0].blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, vec![BlockKind::Paragraph; 4]);
    assert_eq!(page.articles[0].blocks[1].text, "禮拜三拍賣");

    // A page with one heading only does not show that it marks its heads: two unmarked
    // lines under a paragraph still head an article there, as before.
    let text =
        "# 青石大戲院\n\n（本報訊）本院今晚演出新戲，歡迎各界光臨。\n\n城南新橋落成\n\n往來行人稱便\n\n新橋長三百尺，昨日午後通行。\n";
    let page = process("page.md", text);
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
}
