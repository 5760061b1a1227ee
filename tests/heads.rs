//! The contract's `heads` (CONTRACT.md, Article): where each article's headline group and
//! credits were read, `{"role","lines"}`, plus `boxes`, `bbox` (and `ids`) for box input;
//! in every output that carries the article object. Pages written here (text invented).

use std::process::Command;

use banmian::{HeadRole, Options, Page, Pipeline};
use serde_json::{Value, json};

fn heads(page: &Page, article: usize) -> Vec<(HeadRole, [usize; 2])> {
    page.articles[article].heads.iter().map(|h| (h.role, h.lines)).collect()
}

/// A text page: kicker, headline, subheadline, credit, body; then a second article
/// whose headline is set on two lines and whose credit leads its first paragraph, and
/// a third with a printed date line under its headline.
const TEXT: &str = "\
省农业农村厅召开全省秋粮收购工作会议强调
## 秋粮收购进度过九成
——各地备足仓容和资金确保农民售粮方便
本报记者 王明远
今年以来，全省各地抓住晴好天气加快秋粮收获进度，截至昨日全省秋粮收获已过九成。

## 汛前完成中小河流清淤
## 确保安全度汛
本报讯（记者 李清）全省水利部门组织力量，对中小河流开展清淤疏浚，汛前全部完成。

## 县图书馆延长开放时间
2024年4月21日
县图书馆自下周起每天延长开放两小时，方便读者下班后借阅图书。
";

#[test]
fn text_heads_give_the_lines_of_each_role_in_line_order() {
    let page = Pipeline::new(Options::default()).unwrap().process("heads.txt", TEXT);
    assert_eq!(page.articles.len(), 3, "{:#?}", page.articles);
    let a = &page.articles[0];
    assert_eq!(a.kicker.as_deref(), Some("省农业农村厅召开全省秋粮收购工作会议强调"));
    assert_eq!(a.headline.as_deref(), Some("秋粮收购进度过九成"));
    assert!(a.subheadline.is_some() && a.byline.is_some());
    assert_eq!(
        heads(&page, 0),
        vec![(HeadRole::Kicker, [1, 1]), (HeadRole::Headline, [2, 2]), (HeadRole::Subheadline, [3, 3]), (HeadRole::Byline, [4, 4])]
    );
    // A headline set on two lines is one head spanning both; a credit taken off the
    // front of a paragraph is read from that paragraph's first line.
    assert_eq!(page.articles[1].headline.as_deref(), Some("汛前完成中小河流清淤 确保安全度汛"));
    assert_eq!(heads(&page, 1), vec![(HeadRole::Headline, [7, 8]), (HeadRole::Byline, [9, 9])]);
    // A printed date line is where the dateline was read.
    assert_eq!(page.articles[2].dateline.as_deref(), Some("2024年4月21日"));
    assert_eq!(heads(&page, 2), vec![(HeadRole::Headline, [11, 11]), (HeadRole::Dateline, [12, 12])]);
    // Text input: no box fields.
    assert!(
        page.articles
            .iter()
            .flat_map(|a| &a.heads)
            .all(|h| h.provenance.boxes.is_none() && h.provenance.bbox.is_none() && h.provenance.ids.is_none())
    );
}

#[test]
fn a_credit_that_is_only_a_dateline_is_a_dateline_head() {
    let page = Pipeline::new(Options::default()).unwrap().process("d.txt", "## 会议举行\n本报讯\n会议今天上午举行，各地代表参加了会议。\n");
    assert_eq!(page.articles[0].dateline.as_deref(), Some("本报讯"));
    assert_eq!(heads(&page, 0), vec![(HeadRole::Headline, [1, 1]), (HeadRole::Dateline, [2, 2])]);
}

fn quad(x0: f64, y0: f64, x1: f64, y1: f64) -> Value {
    json!([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
}

/// A PaddleOCR page: kicker box (36 px), headline box (64 px), credit box, five body
/// lines (30 px); the body lines given before the heads, so that box indexes differ
/// from reading order.
fn box_page() -> Vec<u8> {
    let body = [
        "今年以来，全省各地抓住晴好天气加快秋粮",
        "收获进度，截至昨日全省秋粮收获已过九成，",
        "比去年同期快三个百分点。各地粮食部门提前",
        "备足仓容和资金，确保农民售粮方便快捷。",
        "会议要求，各地要压实责任，做好收购服务。",
    ];
    let mut boxes = Vec::new();
    for (i, t) in body.iter().enumerate() {
        let y = 280.0 + 40.0 * i as f64;
        let (x0, x1) = (if i == 0 { 130.0 } else { 100.0 }, if i + 1 == body.len() { 560.0 } else { 700.0 });
        boxes.push(json!({"text": t, "box": quad(x0, y, x1, y + 30.0), "score": 0.99}));
    }
    boxes.push(json!({"text": "省农业农村厅召开全省秋粮收购工作会议强调", "box": quad(100.0, 100.0, 700.0, 136.0), "score": 0.99}));
    boxes.push(json!({"text": "秋粮收购进度过九成", "box": quad(100.0, 150.0, 640.0, 214.0), "score": 0.99}));
    boxes.push(json!({"text": "本报记者 王明远", "box": quad(100.0, 230.0, 340.0, 260.0), "score": 0.99}));
    serde_json::to_vec(&json!({"ocr_results": boxes, "dimensions": {"width": 800, "height": 600}})).unwrap()
}

#[test]
fn box_heads_carry_the_boxes_and_bbox_of_the_lines_they_were_read_from() {
    let page = Pipeline::new(Options::default()).unwrap().process_bytes("heads.json", &box_page()).unwrap();
    assert_eq!(page.articles.len(), 1);
    let a = &page.articles[0];
    assert_eq!(a.headline.as_deref(), Some("秋粮收购进度过九成"));
    type Placed = (HeadRole, [usize; 2], Option<Vec<usize>>, Option<[i64; 4]>);
    let got: Vec<Placed> = a.heads.iter().map(|h| (h.role, h.lines, h.provenance.boxes.clone(), h.provenance.bbox)).collect();
    assert_eq!(
        got,
        vec![
            (HeadRole::Kicker, [1, 1], Some(vec![5]), Some([100, 100, 700, 136])),
            (HeadRole::Headline, [2, 2], Some(vec![6]), Some([100, 150, 640, 214])),
            (HeadRole::Byline, [3, 3], Some(vec![7]), Some([100, 230, 340, 260])),
        ]
    );
    // The heads' boxes are the article's boxes that are in no block.
    let in_blocks: Vec<usize> = a.blocks.iter().flat_map(|b| b.provenance.boxes.clone().unwrap()).collect();
    let mut all: Vec<usize> = in_blocks.iter().copied().chain(a.heads.iter().flat_map(|h| h.provenance.boxes.clone().unwrap())).collect();
    all.sort_unstable();
    assert_eq!(Some(all), a.provenance.boxes);
}

#[test]
fn heads_are_written_in_the_json_and_jsonl_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("p.json");
    std::fs::write(&input, box_page()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_banmian")).arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"][0]["heads"][1], json!({"role": "headline", "lines": [2, 2], "boxes": [6], "bbox": [100, 150, 640, 214]}));
    // JSONL filter on text: one page object per line, heads without box fields.
    let mut child = Command::new(env!("CARGO_BIN_EXE_banmian"))
        .arg("--input-jsonl")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let line = json!({"id": "p1", "text": "## 会议举行\n本报讯（记者 尹明）会议今天上午举行，各地代表参加了会议。\n"}).to_string();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(format!("{line}\n").as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let v: Value = serde_json::from_str(String::from_utf8(out.stdout).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(v["articles"][0]["heads"], json!([{"role": "headline", "lines": [1, 1]}, {"role": "byline", "lines": [2, 2]}]));
}

/// Issue 14, eval set rapidocr h013/h016 (浦東新築公路通車): a special correspondent's
/// credit (本報特派員 X, the names run together or not) under a headline was read as its
/// subheadline; it is a byline, and the head says so.
#[test]
fn a_special_correspondents_credit_is_a_byline_not_a_subheadline() {
    let p = Pipeline::new(Options::default()).unwrap();
    for credit in ["本報特派員喬慕雲", "本報特派員 喬慕雲", "本报特派员 乔慕云"] {
        let page = p.process(
            "t.txt",
            &format!("## 港區新築公路通車\n{credit}\n港區自北塘至南灣之新築公路，業於日前竣工，昨日上午舉行通車典禮。\n"),
        );
        let a = &page.articles[0];
        assert_eq!((a.subheadline.as_deref(), a.byline.as_deref()), (None, Some(credit)), "{credit}");
        assert_eq!(a.authors.len(), 1, "{credit}");
        assert!(matches!(a.authors[0].role.as_deref(), Some("特派員" | "特派员")), "{credit}");
        assert_eq!(heads(&page, 0), vec![(HeadRole::Headline, [1, 1]), (HeadRole::Byline, [2, 2])], "{credit}");
    }
}

/// Issue 13 (local 人民日报 h009): a commentary's column label set alone in brackets on
/// the line under its headline ("（国际论坛）") is the rubric, not the body's first
/// paragraph; with a blank line between, on plain text and under a Markdown heading alike.
/// A bracket that is a part number or a credit stays where it was.
#[test]
fn a_lone_bracketed_label_under_a_headline_is_the_rubric() {
    let p = Pipeline::new(Options::default()).unwrap();
    let body = "当前，世界经济复苏乏力，各国之间的合作显得尤为重要。只有坚持开放包容，才能实现共同发展。\n\n合作的道路并不平坦，但方向已经明确，各方应当携手前行。\n";
    for head in [
        "多边合作需要更多理性声音\n（国际论坛）\n\n",
        "多边合作需要更多理性声音\n\n（国际论坛）\n\n",
        "## 多边合作需要更多理性声音\n(国际论坛)\n\n",
    ] {
        let page = p.process("t.txt", &format!("{head}{body}"));
        assert_eq!(page.articles.len(), 1, "{head}");
        let a = &page.articles[0];
        assert_eq!((a.headline.as_deref(), a.rubric.as_deref()), (Some("多边合作需要更多理性声音"), Some("国际论坛")), "{head}");
        assert_eq!(a.blocks.len(), 2, "{head}");
        assert!(a.blocks[0].text.starts_with("当前，世界经济"), "{head}");
        assert_eq!(heads(&page, 0)[0].0, HeadRole::Headline, "{head}");
        assert!(heads(&page, 0).contains(&(HeadRole::Rubric, [2, 2])) || heads(&page, 0).contains(&(HeadRole::Rubric, [3, 3])), "{head}");
    }
    // A one-character part number is no column label.
    let page = p.process("t.txt", &format!("多边合作需要更多理性声音\n（上）\n\n{body}"));
    assert_eq!(page.articles[0].rubric, None);
}

/// Issue 13 (local 人民日报 h011, a commentary signed with a bare name): a name of two
/// or three characters opening with a common family name, alone under a headline with
/// the body under it, is the byline and the one author, not a subheadline; spaced out
/// too. A four-character line there, or a name-like line with no body under it, is not.
#[test]
fn a_bare_name_under_a_headline_is_the_byline() {
    let p = Pipeline::new(Options::default()).unwrap();
    let body = "当前，世界经济复苏乏力，各国之间的合作显得尤为重要。只有坚持开放包容，才能实现共同发展。\n";
    for (name, byline) in [("任平", "任平"), ("任 平", "任 平"), ("王春华", "王春华")] {
        let page = p.process("t.txt", &format!("多边合作需要更多理性声音\n\n{name}\n\n{body}"));
        let a = &page.articles[0];
        assert_eq!(
            (a.headline.as_deref(), a.subheadline.as_deref(), a.byline.as_deref()),
            (Some("多边合作需要更多理性声音"), None, Some(byline)),
            "{name}"
        );
        assert_eq!(a.authors.iter().map(|x| x.name.clone()).collect::<Vec<_>>(), vec![byline.replace(' ', "")], "{name}");
        assert_eq!(heads(&page, 0), vec![(HeadRole::Headline, [1, 1]), (HeadRole::Byline, [3, 3])], "{name}");
    }
    let page = p.process("t.txt", &format!("多边合作需要更多理性声音\n\n金秋时节\n\n{body}"));
    assert_eq!((page.articles[0].subheadline.as_deref(), page.articles[0].byline.as_deref()), (Some("金秋时节"), None));
    let page = p.process("t.txt", "多边合作需要更多理性声音\n\n任平\n\n各方携手共谋发展\n");
    assert!(page.articles.iter().all(|a| a.byline.is_none()), "{:#?}", page.articles);
}

/// Issue 13 (local 人民日报, two reporters signing a story together): two names parted by
/// a space, alone under a headline with the body under it, are the byline and the two
/// authors, not part of the headline or a subheadline. One name must open with a common
/// family name, the other may be any name of three characters (祝 is not among the
/// hundred). Two words that are no names ("春暖 花开") stay in the headline group.
#[test]
fn two_bare_names_under_a_headline_are_the_byline() {
    let p = Pipeline::new(Options::default()).unwrap();
    let body = "“现在在村里就能请省城的专家看病了。”东辛庄村村民甲某说。\n";
    for names in ["高大伟 祝洪刚", "祝洪刚 高大伟", "高大伟  李洪刚"] {
        let page = p.process("t.txt", &format!("河谷县推进医联体建设\n\n看病不出村  大病不出县\n\n{names}\n\n{body}"));
        let a = &page.articles[0];
        assert_eq!(
            (a.kicker.as_deref(), a.headline.as_deref(), a.subheadline.as_deref()),
            (Some("河谷县推进医联体建设"), Some("看病不出村 大病不出县"), None),
            "{names}"
        );
        let want: Vec<&str> = names.split(' ').filter(|n| !n.is_empty()).collect();
        assert_eq!(a.authors.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), want, "{names}");
        assert_eq!(a.byline.as_deref().map(|b| b.split(' ').filter(|n| !n.is_empty()).collect::<Vec<_>>()), Some(want), "{names}");
    }
    let page = p.process("t.txt", &format!("河谷县推进医联体建设成效明显\n\n春暖 花开\n\n{body}"));
    let a = &page.articles[0];
    assert_eq!(
        (a.kicker.as_deref(), a.headline.as_deref(), a.byline.as_deref()),
        (Some("河谷县推进医联体建设成效明显"), Some("春暖 花开"), None)
    );
}
