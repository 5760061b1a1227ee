//! Issue 14, box pages: a rubric (column label) or a bracketed credit whose printed pair of
//! square brackets the OCR misread as two that do not match (`[老街新貌】` for 【老街新貌】,
//! `[記者…報導〕` for 〔記者…報導〕), as Tesseract read the committed eval set's h017, h020,
//! h008 and h015. Pages written here (names and places invented). The fix is in
//! `rules::chars::brackets_pair`, used by `rules::headline` and `rules::byline`.

use banmian::{Options, Page, Pipeline};

fn process(name: &str, text: &str) -> Page {
    let page = Pipeline::new(Options::default()).expect("default pipeline").process(name, text);
    crate::common::assert_sane(text, &page);
    page
}

/// A box page, read by its content.
fn process_box(text: &str) -> Page {
    Pipeline::new(Options::default()).expect("default pipeline").process_bytes("page.json", text.as_bytes()).expect("a PaddleOCR page")
}

/// A PaddleOCR 2.x page: a rubric line over a large headline, a credit line and three
/// body lines, in one column; then a second article under it.
fn box_page(rubric: &str) -> String {
    let quad = |x0: u32, y0: u32, x1: u32, y1: u32| format!("[[{x0}, {y0}], [{x1}, {y0}], [{x1}, {y1}], [{x0}, {y1}]]");
    let lines = [
        (rubric, quad(60, 60, 220, 90)),
        ("一条老街的“新生”", quad(60, 100, 520, 160)),
        ("文/本报记者 甲乙丙", quad(60, 180, 360, 210)),
        ("清晨七点，石板街的早点铺已经坐满了人，豆浆冒着热气。", quad(60, 230, 900, 260)),
        ("两年前，这里还是另一番景象：电线横七竖八，墙皮剥落。", quad(60, 270, 900, 300)),
        ("如今，街上开起了茶馆和书店，老住户大多留了下来。", quad(60, 310, 860, 340)),
        ("县图书馆延长开放时间", quad(60, 420, 520, 480)),
        ("县图书馆自下周起每天延长开放两小时，方便读者借阅。", quad(60, 500, 880, 530)),
    ];
    let items: Vec<String> = lines.iter().map(|(t, q)| format!(r#"[{q}, ["{t}", 0.97]]"#)).collect();
    format!("[[{}]]", items.join(", "))
}

#[test]
fn a_rubric_with_mismatched_square_brackets_is_the_rubric_on_a_box_page() {
    for rubric in ["[老街新貌】", "【老街新貌]", "［老街新貌】", "〔老街新貌】", "【老街新貌】"] {
        let page = process_box(&box_page(rubric));
        let a = &page.articles;
        assert_eq!(a.len(), 2, "{rubric}: {a:#?}");
        assert_eq!(a[0].rubric.as_deref(), Some("老街新貌"), "{rubric}");
        assert_eq!(a[0].kicker, None, "{rubric}");
        assert_eq!(a[0].headline.as_deref(), Some("一条老街的“新生”"), "{rubric}");
        assert_eq!(a[1].headline.as_deref(), Some("县图书馆延长开放时间"), "{rubric}");
    }
    // A round bracket is no square one's mate: （老街新貌】 is no label.
    let page = process_box(&box_page("（老街新貌】"));
    assert_ne!(page.articles[0].rubric.as_deref(), Some("老街新貌"));
}

/// A text page: a Taiwan credit printed in a pair of square brackets that the OCR
/// misread as two that do not match (a dateline so misread is not taken: see
/// `rules::byline::leading`).
const CREDITS: &str = "\
南光戲院重新開幕

[記者甲乙丙/南光報導〕位於舊城區的南光戲院，曾是鎮上最熱鬧的地方，昨天重新開幕。
";

#[test]
fn a_credit_with_mismatched_square_brackets_is_the_byline() {
    let page = process("page.txt", CREDITS);
    let a = &page.articles;
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].headline.as_deref(), Some("南光戲院重新開幕"));
    // The brackets as the OCR read them; the slash full width (issue 13, fields9).
    assert_eq!(a[0].byline.as_deref(), Some("[記者甲乙丙／南光報導〕"));
    assert_eq!(a[0].dateline.as_deref(), Some("南光報導"));
    assert_eq!(a[0].authors.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["甲乙丙"]);
    assert_eq!(a[0].blocks[0].text, "位於舊城區的南光戲院，曾是鎮上最熱鬧的地方，昨天重新開幕。");
}
