//! Two headlines set close side by side whose detector boxes overlap, the left box
//! holding the right one's first character (issue 14; eval rapidocr h020), on an
//! invented page in PaddleOCR's page JSON (text invented).

use crate::common::paddle_box as bx;
use banmian::{Options, Pipeline};
use serde_json::{Value, json};

/// Article 甲's body: one column.
const FIRST: &str = "清晨六点山村小学的铃声就响了起来，孩子们沿着山路陆续走进校园，老师早已在门口等候。第一节课是语文课，大家齐声朗读课文，声音传遍了整个山谷。午饭后学生们在操场上跳绳踢毽子，笑声不断。";
/// Article 乙's body: two columns.
const SECOND: &str = "县里新修的乡村公路昨天正式通车，全长二十八公里，连通沿线九个行政村。过去村民进城要走半天山路，如今坐上班车不到一个小时就能到达县城。公路通车后，村里的茶叶、竹笋和土鸡蛋可以直接运往城里的市场，收购商也愿意上门收货。村民老周说，路修好了，日子也有了奔头，今年打算扩种两亩茶园。";

/// Body `H` = `P` = 40 px; lines of 10 characters, 50 px apart, columns 40 px apart.
/// Article 甲 is the column 540–940 (9 lines from y 250), article 乙 the columns
/// 980–1380 and 1420–1820 (7 lines each from y 180). The headlines are 64 px thick: 山村小学的一 ends at 960, in
/// the gap, and 新建乡村公路通车了 starts at 990, flush left. With `overlap` the
/// detector's box for the first runs on to 1024 and reads 山村小学的一新. 天 wraps under
/// it, beside the second article's first lines.
fn page(overlap: bool) -> Value {
    let (left, x1) = if overlap { ("山村小学的一新", 1024) } else { ("山村小学的一", 960) };
    let mut v = vec![bx(left, 576, 100, x1, 164), bx("新建乡村公路通车了", 990, 100, 1566, 164), bx("天", 736, 166, 800, 230)];
    for (text, x0, y0, rows) in [(FIRST, 540, 250, 9), (SECOND, 980, 180, 7)] {
        let chars: Vec<char> = text.chars().collect();
        for (k, line) in chars.chunks(10).enumerate() {
            let (col, row) = ((k / rows) as i64, (k % rows) as i64);
            let (x, y) = (x0 + 440 * col, y0 + 50 * row);
            v.push(bx(&line.iter().collect::<String>(), x, y, x + 40 * line.len() as i64, y + 40));
        }
    }
    json!({"ocr_results": v})
}

#[test]
fn overlapping_side_by_side_headline_boxes_are_trimmed_and_each_heads_its_article() {
    for overlap in [false, true] {
        let bytes = serde_json::to_vec(&page(overlap)).unwrap();
        let page = Pipeline::new(Options::default()).unwrap().process_bytes("heads.json", &bytes).unwrap();
        let headlines: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
        assert_eq!(headlines, [Some("山村小学的一天"), Some("新建乡村公路通车了")], "overlap {overlap}");
        assert_eq!(page.articles[0].text, FIRST, "overlap {overlap}");
        assert_eq!(page.articles[1].text, SECOND, "overlap {overlap}");
    }
}
