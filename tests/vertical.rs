//! Pages set vertically (直排, `src/geometry/vertical.rs`): tiers top to bottom,
//! columns right to left, paragraphs from the columns' indents and ends, headline
//! columns that wrap or run past their tier, vertical presentation forms. The pages
//! are written here (text invented), as RapidOCR reports such a page: one box per
//! printed column.

use banmian::{Options, Page, Pipeline};
use serde_json::{Value, json};

const PITCH: f64 = 30.0;
const BODY_WIDTH: f64 = 36.0;
const STEP: f64 = 40.0;
const HEAD_WIDTH: f64 = 60.0;
/// Characters in a full body column.
const COLUMN_CHARS: usize = 20;

fn quad(x0: f64, y0: f64, x1: f64, y1: f64) -> Value {
    json!([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
}

struct Sheet {
    boxes: Vec<Value>,
}

impl Sheet {
    fn new() -> Sheet {
        let mut s = Sheet { boxes: Vec::new() };
        s.push("東海時報 2024年4月21日 星期日", 80.0, 40.0, 500.0, 76.0);
        s
    }

    fn push(&mut self, text: &str, x0: f64, y0: f64, x1: f64, y1: f64) {
        self.boxes.push(json!({"text": text, "box": quad(x0, y0, x1, y1), "score": 0.99}));
    }

    /// A headline column at `x` (its left side), its characters `pitch` apart from `top`.
    fn head(&mut self, text: &str, x: f64, top: f64, pitch: f64) {
        let n = text.chars().count() as f64;
        self.push(text, x, top, x + HEAD_WIDTH, top + n * pitch);
    }

    /// Paragraphs set in body columns from `x` (the first column's left side) leftwards,
    /// the first column of each indented two characters; returns the next column's x.
    fn body(&mut self, paragraphs: &[&str], mut x: f64, top: f64) -> f64 {
        for p in paragraphs {
            let chars: Vec<char> = p.chars().collect();
            let mut at = 0;
            let mut first = true;
            while at < chars.len() {
                let room = if first { COLUMN_CHARS - 2 } else { COLUMN_CHARS };
                let take = room.min(chars.len() - at);
                let y0 = if first { top + 2.0 * PITCH } else { top };
                let text: String = chars[at..at + take].iter().collect();
                self.push(&text, x, y0, x + BODY_WIDTH, y0 + take as f64 * PITCH);
                at += take;
                first = false;
                x -= STEP;
            }
        }
        x
    }

    fn page(&self) -> Page {
        let json = json!({"ocr_results": self.boxes, "dimensions": {"width": 1654, "height": 2339}});
        let bytes = serde_json::to_vec(&json).expect("json");
        Pipeline::new(Options::default()).expect("pipeline").process_bytes("vertical.json", &bytes).expect("a box page")
    }
}

const A: [&str; 2] = [
    "青石縣農產品展銷會昨日在縣城體育館開幕︐吸引周邊縣市客商前來洽談︒",
    "展銷會為期三天︐共有一百二十家企業參展︐首日現場簽約金額達兩千萬元︒",
];
const B: [&str; 2] = [
    "有百年歷史的山城老街今年初啟動整建︐工程預計明年三月完工︒",
    "老街自治會長說︐整建期間遊客減少︐不少店家營業額掉了三成︐大家都盼望早日完工︒",
];
const C: [&str; 2] = [
    "市府都發局昨天宣布︐將擴大補助三十年以上老屋進行耐震評估與補強︒",
    "住戶如有意願申請︐可先向區公所諮詢︐市府也將委託專業技師到場說明︒",
];

fn horizontal(s: &str) -> String {
    s.replace('︐', "，").replace('︒', "。")
}

/// Two tiers: in the upper one, article A (its headline column running past the tier
/// into the gap over the lower one) and article B (its headline wrapping into a second
/// column); in the lower one, article C.
fn two_tiers() -> Sheet {
    let mut s = Sheet::new();
    let top = 110.0;
    s.head("青石縣農產品展銷會開幕", 1500.0, 120.0, 62.0);
    let x = s.body(&A, 1440.0, top);
    s.head("山城老街整建店家盼人潮", x - 40.0, top, 55.0);
    s.head("回流", x - 105.0, top, 55.0);
    s.body(&B, x - 150.0, top);
    let top = 810.0;
    s.head("市府推動老屋耐震補強", 1500.0, top, 50.0);
    s.body(&C, 1440.0, top);
    s
}

#[test]
fn vertical_columns_are_read_right_to_left_into_paragraphs() {
    let page = two_tiers().page();
    let heads: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(heads, vec![Some("青石縣農產品展銷會開幕"), Some("山城老街整建店家盼人潮回流"), Some("市府推動老屋耐震補強")]);
    for (article, want) in page.articles.iter().zip([A, B, C]) {
        let got: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        let want: Vec<String> = want.iter().map(|p| horizontal(p)).collect();
        assert_eq!(got, want, "{:?}", article.headline);
    }
}

#[test]
fn vertical_punctuation_forms_are_read_as_horizontal_ones() {
    assert_eq!(banmian::geometry::vertical::horizontal_form('︐'), '，');
    assert_eq!(banmian::geometry::vertical::horizontal_form('﹁'), '「');
    assert_eq!(banmian::geometry::vertical::horizontal_form('︶'), '）');
    assert_eq!(banmian::geometry::vertical::horizontal_form('字'), '字');
    let page = two_tiers().page();
    assert!(page.articles.iter().all(|a| !a.text.contains(['︐', '︒'])));
}

#[test]
fn heading_column_past_its_tier_does_not_join_the_tiers() {
    let page = two_tiers().page();
    // Article C is read after all of the upper tier, not among its columns.
    assert_eq!(page.articles.len(), 3);
    assert_eq!(page.articles[2].blocks.len(), 2);
    assert_eq!(page.articles[0].blocks.len(), 2);
}

#[test]
fn headline_wrapping_into_a_second_column_is_one_headline() {
    let page = two_tiers().page();
    let b = &page.articles[1];
    assert_eq!(b.headline.as_deref(), Some("山城老街整建店家盼人潮回流"));
    assert_eq!(b.subheadline, None);
    assert_eq!(b.kicker, None);
}

/// Fault kind (issue 14; local 申報 vertical v007): a briefs column's last brief, a
/// dispatch tag and a short column with no mark, ends the upper tier; read right before
/// the lower tier's headline, the short column became that headline's kicker. A tier
/// parts the articles: the column stays with the briefs.
#[test]
fn a_short_column_ending_a_tier_is_no_kicker_of_the_next_tiers_headline() {
    let mut s = Sheet::new();
    let top = 110.0;
    s.head("本埠簡訊", 1500.0, top, 62.0);
    let x = s.body(&A, 1440.0, top);
    s.push("本報青州電", x, top, x + BODY_WIDTH, top + 5.0 * PITCH);
    s.push("青州市議會昨日開幕會期七天", x - STEP, top, x - STEP + BODY_WIDTH, top + 13.0 * PITCH);
    let top = 810.0;
    s.head("市府推動老屋耐震補強", 1500.0, top, 50.0);
    s.body(&C, 1440.0, top);
    let page = s.page();
    let heads: Vec<(Option<&str>, Option<&str>)> = page.articles.iter().map(|a| (a.kicker.as_deref(), a.headline.as_deref())).collect();
    assert_eq!(heads, vec![(None, Some("本埠簡訊")), (None, Some("市府推動老屋耐震補強"))]);
    assert!(page.articles[0].text.contains("青州市議會昨日開幕會期七天"), "{}", page.articles[0].text);
    let got: Vec<&str> = page.articles[1].blocks.iter().map(|b| b.text.as_str()).collect();
    let want: Vec<String> = C.iter().map(|p| horizontal(p)).collect();
    assert_eq!(got, want);
}

/// Fault kind (issue 15; local 申報 vertical v002): a two-character author name set in
/// the headline's column under it, on the page's right edge, was dropped as noise: the
/// text area (the body columns' rectangle grown by 1.5 `H`) ended left of the headline
/// column, which stands further right than the body's first column. On a page set
/// vertically the heading columns are inside the text area too.
#[test]
fn an_author_name_under_a_headline_column_at_the_pages_edge_is_kept() {
    let mut s = Sheet::new();
    let top = 110.0;
    s.head("青石縣展銷會開幕", 1510.0, top, 62.0);
    s.push("丁一", 1510.0, top + 8.0 * 62.0 + 20.0, 1510.0 + HEAD_WIDTH, top + 8.0 * 62.0 + 120.0);
    s.body(&A, 1440.0, top);
    let page = s.page();
    assert!(page.removed.iter().all(|r| r.text != "丁一"), "{:?}", page.removed);
    assert_eq!(page.articles.len(), 1);
    let a = &page.articles[0];
    // In the headline's group (a space between the two where the gap is wide, as on v002).
    assert_eq!(a.headline.as_deref().map(|h| h.replace(' ', "")).as_deref(), Some("青石縣展銷會開幕丁一"));
    let got: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    let want: Vec<String> = A.iter().map(|p| horizontal(p)).collect();
    assert_eq!(got, want);
}
