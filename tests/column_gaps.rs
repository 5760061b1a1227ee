//! A column's run of body lines cut into two pieces at a gap much wider than the
//! column's own line spacing, when the line under it starts a paragraph and the line
//! over it ends a sentence (issue 17, box pages i01, i03, i23 of `evaluation/issues`:
//! a continuation printed with no headline and its 上接 lost, under another
//! continuation in the same column). PaddleOCR pages written here, text invented.

use banmian::{Options, Page, Pipeline};
use serde_json::{Value, json};

/// Body lines are 30 px thick; a column's lines are 12 px apart (0.4 `H`).
const LINE: i64 = 30;
const LEAD: i64 = 42;

fn bx(text: &str, x0: i64, y0: i64, x1: i64, y1: i64) -> Value {
    json!({"text": text, "box": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], "score": 0.98})
}

/// A body line of the left column (x 80–950, indented lines start at 140) at `y`.
fn left(text: &str, indent: bool, y: i64, short: Option<i64>) -> Value {
    bx(text, if indent { 140 } else { 80 }, y, short.unwrap_or(950), y + LINE)
}

/// A two-column page: on the left a continuation under its headline (上接), then,
/// `gap` px under its last line, a second piece with no headline, whose first line is
/// indented when `indent`; on the right one article running the whole height, so that
/// no gap crosses the page.
fn two_columns(gap: i64, indent: bool) -> Vec<u8> {
    let mut boxes = vec![bx("滨江新区图书馆夜间开放", 240, 130, 800, 182)];
    let pieces = [
        [
            ("（上接第二版）读者可以在自助区借还图书，馆内还开设了少儿阅读角，", true, None),
            ("每逢周末都有志愿者为孩子们讲故事。许多家长说，晚上带孩子来", false, None),
            ("看书已经成了一家人的习惯。", false, Some(500)),
        ],
        [
            ("新修订的养犬管理办法明确，携犬出户应当束犬链并由成年人牵领，", indent, None),
            ("犬只进入电梯等公共场所时应当采取避让措施。管理部门将加大", false, None),
            ("巡查力度，对违规行为依法处理。", false, Some(560)),
        ],
    ];
    let mut y = 206;
    for (k, piece) in pieces.into_iter().enumerate() {
        if k > 0 {
            y += gap - (LEAD - LINE);
        }
        for (t, i, s) in piece {
            boxes.push(left(t, i, y, s));
            y += LEAD;
        }
    }
    // The right column: a headline and lines down to the left column's last line.
    boxes.push(bx("南湖湿地公园完成生态修复", 1200, 130, 1800, 182));
    let right = "今年以来，南湖湿地公园实施退塘还湖、岸线修复和水生植被恢复工程，园内水质明显改善，候鸟种类逐年增加";
    let chars: Vec<char> = right.chars().collect();
    let mut yr = 206;
    let mut k = 0;
    while yr < y {
        let line: String = chars.iter().cycle().skip(k).take(28).collect();
        boxes.push(bx(&line, 1040, yr, 1910, yr + LINE));
        k += 28;
        yr += LEAD;
    }
    serde_json::to_vec(&json!({ "ocr_results": boxes })).unwrap()
}

fn process(bytes: &[u8]) -> Page {
    Pipeline::new(Options::default()).unwrap().process_bytes("gap.json", bytes).unwrap()
}

/// The first block text of each article, by headline.
fn starts(page: &Page) -> Vec<(Option<String>, String)> {
    page.articles
        .iter()
        .map(|a| (a.headline.clone(), a.blocks.first().map(|b| b.text.chars().take(8).collect()).unwrap_or_default()))
        .collect()
}

#[test]
fn a_wide_gap_in_one_column_over_an_indented_line_starts_an_article() {
    // 82 px: 2.7 H, where the column's lines are 0.4 H apart (i23 05.json, boxes 36-37).
    let page = process(&two_columns(82, true));
    let s = starts(&page);
    assert_eq!(page.articles.len(), 3, "{s:?}");
    assert_eq!(s[0], (Some("滨江新区图书馆夜间开放".to_string()), "读者可以在自助区".to_string()));
    assert_eq!(s[1], (None, "新修订的养犬管理".to_string()));
    assert_eq!(s[2].0.as_deref(), Some("南湖湿地公园完成生态修复"));
    // The second piece holds all of its three lines and the first none of them.
    assert_eq!(page.articles[1].blocks.len(), 1);
    assert!(page.articles[1].blocks[0].text.ends_with("对违规行为依法处理。"), "{:?}", page.articles[1].blocks);
    assert!(!page.articles[0].blocks.iter().any(|b| b.text.contains("养犬")));
}

#[test]
fn an_ordinary_paragraph_gap_or_a_line_not_indented_does_not_cut_the_column() {
    // The column's own spacing (12 px): a new paragraph of the same article.
    let page = process(&two_columns(12, true));
    assert_eq!(page.articles.len(), 2, "{:?}", starts(&page));
    assert_eq!(page.articles[0].blocks.len(), 2);
    assert!(page.articles[0].blocks[1].text.starts_with("新修订的养犬管理办法"));
    // A gap 1.2 H wider than the spacing (48 px): still one article.
    assert_eq!(process(&two_columns(48, true)).articles.len(), 2);
    // The wide gap, but the line under it is not indented: no paragraph starts there.
    let page = process(&two_columns(82, false));
    assert_eq!(page.articles.len(), 2, "{:?}", starts(&page));
    assert!(page.articles[0].blocks.iter().any(|b| b.text.contains("养犬")));
}
