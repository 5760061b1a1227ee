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

/// `stages::segment` (`Builder::listing_group`): on a plain page, with nothing to mark
/// its heads, a run of more unmarked display lines than a head group holds (kicker,
/// headline, subheadline), with no comma or sentence end and no credit among them, under
/// a running article's text, is that article's listing (a shop's wares, its address,
/// its telephone): paragraphs, not a new article's head. A head group of three lines
/// over a credit still opens an article, and so do lines of verse (commas) over text.
#[test]
fn a_run_of_listing_lines_on_a_plain_page_stays_in_its_article() {
    let text = "白鶴牌雨傘\n\n（本報訊）本廠新製雨傘，輕便耐用，各埠均有分銷。\n\n白鶴牌雨傘\n\n傘骨堅固不易折斷\n\n青石傘廠出品\n\n發行所江口路二一○號\n\n電話三四五六號\n\n各大公司均有代售，批發另議，函索價目單即寄。\n\n紅嶺縣議會開會\n\n選出議長副議長\n\n議員到者四十餘人\n\n（本報紅嶺三日電）縣議會今日開會，選出議長一人。\n";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), vec![Some("白鶴牌雨傘"), Some("紅嶺縣議會開會")], "{:?}", page.articles);
    let texts: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "本廠新製雨傘，輕便耐用，各埠均有分銷。",
            "白鶴牌雨傘",
            "傘骨堅固不易折斷",
            "青石傘廠出品",
            "發行所江口路二一○號",
            "電話三四五六號",
            "各大公司均有代售，批發另議，函索價目單即寄。",
        ]
    );
    assert!(page.articles[0].blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert_eq!(page.articles[1].blocks[0].text, "縣議會今日開會，選出議長一人。");

    // Four lines of verse (commas) under a paragraph are no listing: they still head an
    // article, as before.
    let text = "江口新聞\n\n（本報訊）江口今日晴。\n\n春風吹過江口，\n\n柳色新於往年，\n\n行人停步看花，\n\n燕子歸來\n\n江口公園遊人甚眾，園中花木盛開。\n";
    let page = process("page.txt", text);
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
}

/// `stages::segment` (`signer_line`): on a plain page, an advertisement's signer
/// (…行啓) over the next advertisement's title, two lines with no punctuation under a
/// column of auction notices, ends one notice and starts the next inside the same column:
/// paragraphs, not a new article's headline and subheadline. Two title lines over text
/// with no signer above them still head an article, as before.
#[test]
fn an_advertisers_signer_over_the_next_notice_stays_in_the_column() {
    let text = "青石拍賣行告白\n\n（本報訊）本行定於初五日午後開拍木器瓷盆各數十件，有意者届期到行看貨。\n\n白沙號謹啓\n\n禮拜三拍賣\n\n本號定於初六日上午開拍洋傘皮箱，有意者届期到號看貨。\n";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), vec![Some("青石拍賣行告白")], "{:?}", page.articles);
    let texts: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts[1..3], ["白沙號謹啓", "禮拜三拍賣"]);
    assert!(page.articles[0].blocks.iter().all(|b| b.kind == BlockKind::Paragraph));

    let text = "青石拍賣行告白\n\n（本報訊）本行定於初五日午後開拍木器瓷盆各數十件，有意者届期到行看貨。\n\n紅嶺縣議會開會\n\n選出議長副議長\n\n縣議會今日開會，選出議長一人。\n";
    let page = process("page.txt", text);
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
}
