//! Front-page furniture on box pages (issue 14): a masthead, the lines printed under it
//! and the quotation box beside it, on an invented tabloid front page in PaddleOCR's
//! page JSON.

use crate::common;
use crate::common::paddle_box as bx;
use banmian::{BlockKind, Options, Pipeline};
use serde_json::{Value, json};

/// The page (`H` = `P` = 40 px): masthead 星火快讯 200 px thick; publisher, issue line
/// and date under it, emitted row by row with the quotation box left of it; a headline
/// 80 px thick over two columns of body.
fn front_page() -> Value {
    let mut v = vec![bx("星火快讯", 700, 40, 1500, 240), bx("毛主席语录", 230, 60, 430, 110)];
    let quote = ["一切工作都要从实际出", "发，要同群众商量，要", "把群众的意见集中起来", "再到群众中去坚持下去。"];
    let furniture = [("星火公社革命委员会编印", 1240), ("第七期本期两版", 1080), ("一九七零年三月八日", 1160)];
    for (k, q) in quote.iter().enumerate() {
        let y = 120 + 50 * k as i64;
        v.push(bx(q, 100, y, 500, y + 40));
        if k >= 1 {
            let (t, x1) = furniture[k - 1];
            v.push(bx(t, 800, 160 + 50 * k as i64, x1, 200 + 50 * k as i64));
        }
    }
    v.push(bx("全社春耕生产全面展开", 300, 520, 1300, 600));
    for row in 0..8 {
        let y = 640 + 50 * row;
        v.push(bx("各大队抓紧时间修好农具积好肥料，", 100, y, 700, y + 40));
        v.push(bx("社员们起早贪黑把秧田整得平平整整", 800, y, 1400, y + 40));
    }
    json!({"ocr_results": v})
}

#[test]
fn a_masthead_its_issue_line_and_its_quotation_box_are_no_articles() {
    let bytes = serde_json::to_vec(&front_page()).unwrap();
    let page = Pipeline::new(Options::default()).unwrap().process_bytes("front.json", &bytes).unwrap();
    let leftovers: Vec<(&BlockKind, &str)> = page.leftovers.iter().map(|b| (&b.kind, b.text.as_str())).collect();
    assert_eq!(
        leftovers,
        [
            (&BlockKind::Furniture, "星火快讯"),
            (&BlockKind::Furniture, "星火公社革命委员会编印"),
            (&BlockKind::Furniture, "第七期本期两版"),
            (&BlockKind::Furniture, "一九七零年三月八日"),
        ]
    );
    let headlines: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(headlines, [None, Some("全社春耕生产全面展开")]);
    assert!(page.articles.iter().all(|a| a.kicker.is_none()));
    let quote: Vec<&str> = page.articles[0].blocks.iter().filter(|b| b.kind == BlockKind::Quote).map(|b| b.text.as_str()).collect();
    assert!(quote.concat().contains("一切工作都要从实际出发，要同群众商量，要把群众的意见集中起来再到群众中去坚持下去。"), "{quote:?}");
    let body = format!("{}{}", "各大队抓紧时间修好农具积好肥料，".repeat(8), "社员们起早贪黑把秧田整得平平整整".repeat(8));
    assert_eq!(page.articles[1].text, body);
}

/// The quotation box of [`front_page`] with its last sentence wrapped (its last line
/// a character short of the box's right side, two characters alone on a short line
/// under it) and its label printed at its foot.
fn front_page_with_a_wrapped_quote() -> Value {
    let mut page = front_page();
    let boxes = page["ocr_results"].as_array_mut().unwrap();
    let last = boxes.iter_mut().find(|b| b["text"] == "再到群众中去坚持下去。").unwrap();
    last["text"] = json!("再到群众中去，这是");
    last["box"] = json!([[100, 270], [460, 270], [460, 310], [100, 310]]);
    boxes.insert(9, bx("法宝", 100, 320, 180, 360));
    let label = boxes.iter_mut().find(|b| b["text"] == "毛主席语录").unwrap();
    label["box"] = json!([[230, 370], [430, 370], [430, 420], [230, 420]]);
    page
}

#[test]
fn a_quotations_last_characters_wrapped_alone_under_it_are_its_text_not_its_credit() {
    let bytes = serde_json::to_vec(&front_page_with_a_wrapped_quote()).unwrap();
    let page = Pipeline::new(Options::default()).unwrap().process_bytes("front.json", &bytes).unwrap();
    common::assert_quotation_opens(
        &page,
        &["一切工作都要从实际出发，要同群众商量，要把群众的意见集中起来再到群众中去，这是法宝", "毛主席语录"],
        "全社春耕生产全面展开",
    );
}
