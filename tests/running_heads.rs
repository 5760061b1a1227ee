//! Running heads that OCR damages (issues 13 and 15, round 6): a weekday with its day
//! dropped, a misread month, a paper's edition with a bare page number and a long
//! section name. Each is page furniture, not the first article's kicker or headline.
//! Invented pages, plain text as Tesseract or a PDF text layer gives them.

use banmian::{Options, Page, Pipeline};

fn run(text: &str) -> Page {
    Pipeline::new(Options::default()).unwrap().process_bytes("page.txt", text.as_bytes()).unwrap()
}

/// A page opening with `head`, then one article: a headline and two paragraphs.
fn page(head: &str) -> Page {
    run(&format!(
        "{head}\n\n江边步道全线贯通\n\n　　本报讯 沿江十二公里步道日前全线贯通，沿线新设休息驿站六处，\n市民散步骑行更加方便。\n\n　　据介绍，步道分三期建设，历时两年完成。\n"
    ))
}

#[test]
fn a_damaged_running_head_heads_no_article() {
    let cases: [(&str, Option<u32>, Option<&str>); 4] = [
        ("江城日报 2023年5月9日 星期", None, Some("2023-05-09")),
        ("江城日报 2023年]月19日 星期二", None, None),
        ("江城日报海外版  2024年3月6日  星期三  04  海外侨情", Some(4), Some("2024-03-06")),
        ("江城日报 2023年5月9日 星期                                  07 要闻", Some(7), Some("2023-05-09")),
    ];
    for (head, number, date) in cases {
        let page = page(head);
        assert_eq!(page.articles.len(), 1, "{head}");
        let a = &page.articles[0];
        assert_eq!((a.kicker.as_deref(), a.headline.as_deref()), (None, Some("江边步道全线贯通")), "{head}");
        assert_eq!((page.page.number, page.page.date.as_deref()), (number, date), "{head}");
    }
}
