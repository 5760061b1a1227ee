//! Issue 13, the head fields (kicker, headline, subheadline, rubric, byline, dateline):
//! one test page per fault kind fixed, written here (names and places invented), in
//! plain text, Markdown and, where the kind reaches it, PaddleOCR's page JSON. The fix
//! is in the module named.

use crate::accuracy_text::process;
use crate::common::paddle_box as bx;
use banmian::{Article, Options, Page, Pipeline};
use serde_json::json;

/// The one article of `page`.
fn only(page: &Page) -> &Article {
    assert_eq!(page.articles.len(), 1, "{:?}", page.articles.iter().map(|a| &a.headline).collect::<Vec<_>>());
    &page.articles[0]
}

/// Each author as (name, role, organisation).
fn people(a: &Article) -> Vec<(&str, Option<&str>, Option<&str>)> {
    a.authors.iter().map(|p| (p.name.as_str(), p.role.as_deref(), p.org.as_deref())).collect()
}

const BODY: &str = "村民丙某说，过去看书要跑到县城，如今在家门口就能借到新书了，孩子们也爱来这里。";

/// rules/byline.rs: the ornament set before a credit line (■本报记者 X, □本报记者 X 通讯员 Y)
/// was taken off to read the credit and then was nowhere in the output (eval m006, m007,
/// p002, p004): the byline is the credit as printed, ornament and all, and the people
/// are read as before.
#[test]
fn a_credit_lines_ornament_stays_in_the_byline() {
    // (printed, byline: the space after an ornament is not kept, spaces being normalized)
    for (credit, byline, want) in [
        ("■本报记者 甲某某", "■本报记者 甲某某", vec![("甲某某", Some("记者"), Some("本报"))]),
        (
            "□本报记者 甲某 通讯员 乙某",
            "□本报记者 甲某 通讯员 乙某",
            vec![("甲某", Some("记者"), Some("本报")), ("乙某", Some("通讯员"), None)],
        ),
        ("■ 本报记者 甲某某", "■本报记者 甲某某", vec![("甲某某", Some("记者"), Some("本报"))]),
    ] {
        for text in [format!("青石县办起乡村图书室\n\n{credit}\n\n{BODY}\n"), format!("# 青石县办起乡村图书室\n\n{credit}\n\n{BODY}\n")]
        {
            let page = process("page.txt", &text);
            let a = only(&page);
            assert_eq!(a.headline.as_deref(), Some("青石县办起乡村图书室"), "{text}");
            assert_eq!(a.byline.as_deref(), Some(byline), "{text}");
            assert_eq!(people(a), want, "{text}");
        }
    }
    // At a paragraph's start, before a dispatch.
    let page = process("page.txt", &format!("青石县图书馆新馆开放\n\n■本报讯（记者 甲某）{BODY}\n"));
    let a = only(&page);
    assert_eq!((a.byline.as_deref(), a.dateline.as_deref()), (Some("■本报讯（记者 甲某）"), Some("本报讯")));
    assert_eq!(a.blocks[0].text, BODY);
}

/// The same on a box page (PaddleOCR): the credit's box holds the ornament the engine read.
#[test]
fn a_credit_lines_ornament_stays_in_the_byline_on_a_box_page() {
    let mut boxes = vec![bx("青石县办起乡村图书室", 100, 100, 740, 164), bx("■本报记者 甲某某", 100, 190, 460, 226)];
    let chars: Vec<char> = BODY.chars().collect();
    for (k, line) in chars.chunks(16).enumerate() {
        let y = 250 + 50 * k as i64;
        boxes.push(bx(&line.iter().collect::<String>(), 100, y, 100 + 40 * line.len() as i64, y + 40));
    }
    let bytes = serde_json::to_vec(&json!({ "ocr_results": boxes })).unwrap();
    let page = Pipeline::new(Options::default()).unwrap().process_bytes("credit.json", &bytes).unwrap();
    let a = only(&page);
    assert_eq!(a.headline.as_deref(), Some("青石县办起乡村图书室"));
    assert_eq!(a.byline.as_deref(), Some("■本报记者 甲某某"));
    assert_eq!(people(a), [("甲某某", Some("记者"), Some("本报"))]);
    assert_eq!(a.text, BODY);
}

const COMMENTARY: &str = "近期，各地秋粮收购工作有序推进，粮价总体平稳，农民卖粮更加方便。\n\n守住“米袋子”，既要稳产量，也要稳价格。";

/// rules/byline.rs and rules/headline.rs: "评论员文章" over a commentary's headline was read
/// as a credit whose author is "文章" (eval m005, m022, p004, p019). A role followed by a
/// kind of piece (文章, 手记, 观察) and no one's name is the column label, the rubric, on a
/// plain page and over a Markdown headline of its own level or another.
#[test]
fn a_role_and_a_kind_of_piece_over_a_headline_is_the_rubric() {
    for (label, title) in [("评论员文章", "守住群众的“米袋子”"), ("本报评论员文章", "守住群众的“米袋子”"), ("记者手记", "山路上的读书声")]
    {
        for text in [
            format!("{label}\n\n{title}\n\n{COMMENTARY}\n\n本报评论员\n"),
            format!("### {label}\n\n### {title}\n\n{COMMENTARY}\n\n本报评论员\n"),
            format!("#### {label}\n\n## {title}\n\n{COMMENTARY}\n\n本报评论员\n"),
        ] {
            let page = process("page.txt", &text);
            let a = only(&page);
            assert_eq!((a.rubric.as_deref(), a.headline.as_deref()), (Some(label), Some(title)), "{text}");
            assert_eq!((a.kicker.as_deref(), a.byline.as_deref()), (None, None), "{text}");
            assert!(a.authors.is_empty(), "{text}: {:?}", a.authors);
        }
    }
}

/// rules/headline.rs: of two display lines with nothing else telling them apart, the upper
/// one naming the report's genre (…调查, …见闻, …纪实) is the kicker, not the headline over
/// a subheadline (eval m004, p001, p019: 县域教育均衡发展调查 / 山里娃的“云端课堂”).
#[test]
fn a_head_naming_the_reports_genre_is_the_kicker() {
    let credit = "本报记者 甲某 通讯员 乙某";
    let body = "清晨七点，青石村小学的教室里已经坐满了学生，屏幕那头是县城的老师。";
    for kicker in ["山区小学教育发展调查", "青石江流域生态修复见闻"] {
        for text in [
            format!("{kicker}\n\n孩子们的“空中课堂”\n\n{credit}\n\n{body}\n"),
            format!("{kicker}\n孩子们的“空中课堂”\n{credit}\n　　{body}\n"),
            format!("### {kicker}\n\n### 孩子们的“空中课堂”\n\n{credit}\n\n{body}\n"),
        ] {
            let page = process("page.txt", &text);
            let a = only(&page);
            let heads = (a.kicker.as_deref(), a.headline.as_deref(), a.subheadline.as_deref());
            assert_eq!(heads, (Some(kicker), Some("孩子们的“空中课堂”"), None), "{text}");
        }
    }
    // Without such a word the two stay headline and subheadline, as before.
    let page = process("page.txt", &format!("山区小学开通远程课堂\n\n孩子们的“空中课堂”\n\n{credit}\n\n{body}\n"));
    let a = only(&page);
    assert_eq!((a.kicker.as_deref(), a.headline.as_deref()), (None, Some("山区小学开通远程课堂")));
}

/// rules/byline.rs: a Taiwan credit naming the kind of report where the place goes
/// (記者X／專題報導, a feature) gave the dateline "專題報導" (eval m011, m026, p009, p026,
/// and every box kind): it names no place, so there is no dateline; a place still is one.
#[test]
fn a_feature_credit_names_no_dateline() {
    let body = "青年返鄉種咖啡，在地品牌漸漸打響名號，遊客慕名而來。";
    for (credit, dateline) in [("記者甲某某／專題報導", None), ("記者甲某某／獨家報導", None), ("記者甲某某／山城報導", Some("山城報導"))]
    {
        let page = process("page.txt", &format!("海港小鎮的咖啡夢\n\n{credit}\n\n{body}\n"));
        let a = only(&page);
        assert_eq!((a.byline.as_deref(), a.dateline.as_deref()), (Some(credit), dateline));
        assert_eq!(people(a), [("甲某某", Some("記者"), None)]);
    }
}

/// rules/byline.rs: an engine reads a Taiwan credit's full-width slash as `/`
/// (記者包宇軒/台北報導; eval rapidocr h012, h015, h018, h021, h024 and the vertical
/// pages): the byline gives it full width, as it gives a credit's brackets, and the
/// credit reads as before.
#[test]
fn a_taiwan_credits_slash_is_full_width_in_the_byline() {
    let body = "市府昨天宣布，將擴大補助老屋耐震補強，申請期限延長至年底。";
    for (printed, byline) in [("記者甲某某/山城報導", "記者甲某某／山城報導"), ("【記者甲某某/山城報導】", "【記者甲某某／山城報導】")]
    {
        let page = process("page.txt", &format!("市府推動老屋補強\n\n{printed}{body}\n"));
        let a = only(&page);
        assert_eq!((a.byline.as_deref(), a.dateline.as_deref()), (Some(byline), Some("山城報導")), "{printed}");
        assert_eq!(people(a), [("甲某某", Some("記者"), None)]);
        assert_eq!(a.blocks[0].text, body);
    }
    // the widening is the punctuation repair's: `--punct keep` leaves the slash as
    // printed, as it leaves the brackets (the lead's review of the merge)
    let text = format!("市府推動老屋補強\n\n(記者甲某某/山城報導){body}\n");
    let page = Pipeline::new(Options::default().punct(banmian::Punct::Keep)).unwrap().process("page.txt", &text);
    assert_eq!(only(&page).byline.as_deref(), Some("(記者甲某某/山城報導)"));
    // another credit's slash is no Taiwan credit's: 文/ and 图/ stay as printed
    let page = process(
        "page.txt",
        "老街新貌\n\n一条老街的“新生”\n\n文/本报记者 甲某某 图/本报记者 乙某\n\n清晨的青石巷里，早点铺已经冒出热气。\n",
    );
    assert_eq!(only(&page).byline.as_deref(), Some("文/本报记者 甲某某 图/本报记者 乙某"));
}
