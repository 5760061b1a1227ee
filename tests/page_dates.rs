//! `page.date` from a front page's furniture (issue 14, round 3): the issue line under a
//! masthead gives the date, whatever its numerals and without a weekday; a founding date
//! (…创刊), an issue number (第七期) and a date inside an article's body do not. And the
//! label of a quotation box (最高指示) is the box's first `quote` block, not a credit.
//! Invented pages: PaddleOCR page JSON, plain text and Markdown.

use crate::common;
use crate::common::paddle_box as bx;
use banmian::{Options, Page, Pipeline};
use serde_json::{Value, json};

fn run(name: &str, bytes: &[u8]) -> Page {
    Pipeline::new(Options::default()).unwrap().process_bytes(name, bytes).unwrap()
}

/// A masthead 200 px thick with `under` printed beneath it, a headline 80 px thick and
/// one column of body whose first line states another date, with its year.
fn front_page(masthead: bool, under: &[&str]) -> Value {
    let mut v = Vec::new();
    if masthead {
        v.push(bx("东风战报", 500, 40, 1300, 240));
    }
    for (k, t) in under.iter().enumerate() {
        let y = 260 + 50 * k as i64;
        v.push(bx(t, 600, y, 1200, y + 40));
    }
    v.push(bx("红旗渠工地捷报频传", 300, 520, 1300, 600));
    v.push(bx("一九七零年三月一日起，全体社员分成", 100, 640, 800, 680));
    for row in 1..6 {
        let y = 640 + 50 * row;
        v.push(bx("三班日夜施工，渠道已经修到山脚下，", 100, y, 800, y + 40));
    }
    json!({"ocr_results": v})
}

#[test]
fn the_issue_line_under_a_masthead_dates_the_page() {
    let page = front_page(true, &["一九六五年五月一日创刊", "东风公社革命委员会编印", "第七期 一九七零年三月八日"]);
    let page = run("front.json", &serde_json::to_vec(&page).unwrap());
    assert_eq!(page.page.date.as_deref(), Some("1970-03-08"));
    assert_eq!((page.page.number, page.page.label.as_deref()), (None, None));
    let headlines: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(headlines, [Some("红旗渠工地捷报频传")]);
}

#[test]
fn a_date_in_an_article_body_does_not_date_the_page() {
    let page = run("plain.json", &serde_json::to_vec(&front_page(false, &[])).unwrap());
    assert!(page.articles[0].text.starts_with("一九七零年三月一日起"), "{}", page.articles[0].text);
    assert_eq!(page.page.date, None);
}

#[test]
fn an_issue_line_in_text_input_dates_the_page() {
    let text = "第十四期 1968年5月6日\n\n红旗渠工地捷报频传\n\n全体社员分成三班日夜施工，渠道已经修到山脚下。\n";
    let page = run("front.txt", text.as_bytes());
    assert_eq!(page.page.date.as_deref(), Some("1968-05-06"));
    assert_eq!(page.page.number, None);
    assert_eq!(page.leftovers.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), ["第十四期 1968年5月6日"]);
}

#[test]
fn a_quotation_label_opens_its_quote_and_is_no_credit() {
    // With a blank quote line under the label, and with none (the label was glued to
    // the quotation then).
    for gap in [">\n", ""] {
        let md = format!(
            "> 最 高 指 示\n{gap}> 一切工作都要从实际出发，要同群众商量，再到群众中去坚持下去。\n\n# 全社春耕生产全面展开\n\n各大队抓紧时间修好农具积好肥料。\n"
        );
        let page = run("front.md", md.as_bytes());
        common::assert_quotation_opens(
            &page,
            &["最高指示", "一切工作都要从实际出发，要同群众商量，再到群众中去坚持下去。"],
            "全社春耕生产全面展开",
        );
    }
}
