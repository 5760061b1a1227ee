//! Issue 13, text stages, 申報-like pages (Traditional script, advertisements and
//! listings between the news): the lines that end one article read as the next
//! article's head group. One test page per fault kind fixed; the text is invented here
//! (shops, places and people made up). The fix is in the module named on each test.

use crate::accuracy_text::{headlines, process};

use banmian::BlockKind;

/// `stages::segment` (`Builder::shed_listing_lead`): on a plain page, a listing run
/// (more lines than a head group, no punctuation) whose last line has a credit under it
/// is the running advertisement's end and one headline: the run's other lines are the
/// advertisement's paragraphs, the last line alone heads the dispatch. An advertiser's
/// signer (…號啓) over a headline and its credit is the advertisement's last line too.
/// A three-line deck over a credit still heads its article whole.
#[test]
fn a_listing_run_over_a_credit_ends_its_advertisement_and_its_last_line_is_the_headline() {
    let text = "白鶴牌雨傘\n\n（本報訊）本廠新製雨傘，輕便耐用，各埠均有分銷。\n\n傘骨堅固不易折斷\n\n青石傘廠出品\n\n發行所江口路二一○號\n\n電話三四五六號\n\n紅嶺縣議會開會 選出議長副議長\n\n（本報紅嶺三日電）縣議會今日開會，選出議長一人。\n";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), vec![Some("白鶴牌雨傘"), Some("紅嶺縣議會開會 選出議長副議長")], "{:?}", page.articles);
    let texts: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        ["本廠新製雨傘，輕便耐用，各埠均有分銷。", "傘骨堅固不易折斷", "青石傘廠出品", "發行所江口路二一○號", "電話三四五六號"]
    );
    assert!(page.articles[0].blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    let b = &page.articles[1];
    assert_eq!((b.kicker.as_deref(), b.subheadline.as_deref()), (None, None));
    assert_eq!(b.byline.as_deref(), Some("（本報紅嶺三日電）"));
    assert_eq!(b.blocks[0].text, "縣議會今日開會，選出議長一人。");

    // An advertiser's signer over a headline and its credit.
    let text = "青石拍賣行告白\n\n（本報訊）本行定於初五日午後開拍木器瓷盆各數十件，有意者届期到行看貨。\n\n白沙號謹啓\n\n紅嶺縣議會開會 選出議長副議長\n\n（本報紅嶺三日電）縣議會今日開會，選出議長一人。\n";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), vec![Some("青石拍賣行告白"), Some("紅嶺縣議會開會 選出議長副議長")], "{:?}", page.articles);
    assert_eq!(page.articles[0].blocks.last().map(|b| b.text.as_str()), Some("白沙號謹啓"));
    assert_eq!(page.articles[1].kicker, None);

    // Kicker, headline and subheadline over a credit: one head group, as before.
    let text = "青石拍賣行告白\n\n（本報訊）本行定於初五日午後開拍木器瓷盆各數十件，有意者届期到行看貨。\n\n十餘村田畝被淹\n\n紅嶺江水暴漲\n\n縣府撥款急賑 各界捐款\n\n（本報紅嶺三日電）紅嶺江水昨夜暴漲。\n";
    let page = process("page.txt", text);
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
    assert_eq!(page.articles[0].blocks.len(), 1);
    let b = &page.articles[1];
    let group = [&b.kicker, &b.headline, &b.subheadline].iter().filter_map(|f| f.as_deref()).collect::<Vec<_>>().join(" ");
    assert_eq!(group, "十餘村田畝被淹 紅嶺江水暴漲 縣府撥款急賑 各界捐款");
}

/// `stages::segment` (`Builder::shed_listing_lead`), on a hard-wrapped plain page (every
/// body line as wide as the column): the listing lines, each set apart by a blank line,
/// over a headline a blank line sets apart and its credit, end the running
/// advertisement; the headline alone heads the dispatch. A headline wrapped over four
/// lines that run on with no blank line between them still heads its article whole.
#[test]
fn on_a_hard_wrapped_page_a_listing_run_set_apart_by_blank_lines_ends_its_advertisement() {
    let body = "（本報訊）本廠新製雨傘輕便耐用各埠\n均有分銷價目從廉批發另議函索即寄\n本廠出品向蒙各界讚許茲又新到花色\n數種定價格外克己凡我顧客務請早\n臨選購以免向隅特此佈告諸君公鑒\n";
    let news = "（本報紅嶺三日電）縣議會今日開會選\n出議長一人議員到者四十餘人會場秩\n序甚佳各界代表亦有到場旁聽者議長\n致詞後議員相繼發言至午後始散會\n各案均付審查定於下週再行開會云\n";
    let text = format!(
        "白鶴牌雨傘\n\n{body}\n傘骨堅固不易折斷\n\n青石傘廠出品\n\n發行所江口路二一○號\n\n電話三四五六號\n\n紅嶺縣議會開會 選出議長\n\n{news}"
    );
    let page = process("page.txt", &text);
    assert_eq!(headlines(&page), vec![Some("白鶴牌雨傘"), Some("紅嶺縣議會開會 選出議長")], "{:?}", page.articles);
    let texts: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts[texts.len() - 4..], ["傘骨堅固不易折斷", "青石傘廠出品", "發行所江口路二一○號", "電話三四五六號"]);
    assert_eq!(page.articles[1].kicker, None);

    // A headline wrapped over four lines, running on, over its credit: one head group.
    let text = format!("白鶴牌雨傘\n\n{body}\n紅嶺縣議會開會\n選出議長副議長\n通過本年預算\n議員到者四十餘人\n{news}");
    let page = process("page.txt", &text);
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
    let b = &page.articles[1];
    let group = [&b.kicker, &b.headline, &b.subheadline].iter().filter_map(|f| f.as_deref()).collect::<Vec<_>>().join(" ");
    assert_eq!(group.split(' ').count(), 4, "{group}");
}
/// `stages::segment` (`listing_punctuation`): a listing line whose 一 the OCR read as a
/// dash (禮拜—拍賣, the Monday auction; —日, the first day) is still a listing line, not
/// a sentence's end: the run over the headline and its credit ends the running notice.
/// A doubled dash (——) is a dash and keeps the old reading.
#[test]
fn a_dash_the_ocr_read_for_yi_does_not_end_a_listing_run() {
    let page = |auction: &str| {
        let text = format!(
            "青石拍賣行告白\n\n（本報訊）本行定於初五日午後開拍木器瓷盆各數十件，有意者届期到行看貨。\n\n洋傘皮箱各二十件\n\n白沙號謹啓\n\n{auction}\n\n紅嶺縣議會開會 選出議長\n\n（本報紅嶺三日電）縣議會今日開會，選出議長一人。\n"
        );
        process("page.txt", &text)
    };
    let p = page("禮拜—拍賣");
    assert_eq!(headlines(&p), vec![Some("青石拍賣行告白"), Some("紅嶺縣議會開會 選出議長")], "{:?}", p.articles);
    assert_eq!(p.articles[0].blocks.last().map(|b| b.text.as_str()), Some("禮拜—拍賣"));
    assert_eq!(p.articles[1].kicker, None);
    let p = page("禮拜——拍賣");
    assert_ne!(p.articles[0].blocks.last().map(|b| b.text.as_str()), Some("禮拜——拍賣"), "{:?}", p.articles);
}
