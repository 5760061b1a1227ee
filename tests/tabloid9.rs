//! Issue 14, the real tabloid pages and merged columns (helper tabloid9), on invented
//! pages in PaddleOCR's page JSON (text invented):
//! - two columns whose every line the detector merged across their gutter, cut at the
//!   page's column grid (local 人民日报 RapidOCR h012 #0's kind);
//! - a news brief whose first line uses an imprint word (印刷) as a verb, which was read
//!   as page furniture and cut the brief in two (the 财贸动态 tabloid page's kind).

use crate::common::paddle_box as bx;
use banmian::{BlockKind, Options, Page, Pipeline};
use serde_json::{Value, json};

/// The top article's body: three rows of four columns of ten characters.
const TOP: &str = "小城东边的老纺织厂搬走以后，空出来的厂房被改成了一座社区图书馆，书架沿着原来的车间一字排开。每天傍晚，附近的居民带着孩子来这里看书，退休的老工人也常来坐坐，给年轻人讲当年织布的故事。馆里还专门开辟了一个角落，陈列旧机器。";
/// The two articles under it: five rows of four columns each.
const MIDDLE: &str = "今年春天，河边的十几户人家商量着把荒了多年的菜地重新种起来。大家分好地块，约定不用农药，肥料全用自家沤的草木灰和落叶。到了夏天，黄瓜、豆角、茄子挂满了架子，吃不完的就摆在路口，谁路过都可以拿一些。孩子们放学后也来帮忙浇水拔草，认识了不少以前叫不出名字的蔬菜。秋收那天，各家端出自己做的菜，在地头摆了一长溜桌子，一起吃了顿丰收饭。";
const BOTTOM: &str = "镇上的修车铺开了三十年，店主老胡从十几岁起就跟着师傅学手艺。铺子不大，墙上挂满了扳手和钳子，门口总停着几辆等着补胎的自行车。这些年骑电动车的人多了，老胡又学会了修电机和换电池，生意反倒比从前更忙。他说手艺人就得跟着日子走，不学新东西，铺子早就关门了。徒弟小胡如今也能独当一面，街坊们都说这门手艺有人接了，老胡听了很高兴。";

/// Character pitch = body line height = 40 px; columns 400 px wide (10 characters),
/// 40 px apart, at x 100, 540, 980 and 1420; rows 50 px apart.
const COLUMNS: [i64; 4] = [100, 540, 980, 1420];

/// One article: a headline box at `y`, then its body in four columns of `rows` rows.
/// With `merged`, the detector read the lines of the second and third columns as one
/// box each, across their gutter (x 940–980).
fn article(v: &mut Vec<Value>, head: &str, body: &str, y: i64, rows: usize, merged: bool) {
    v.push(bx(head, 500, y, 500 + 64 * head.chars().count() as i64, y + 64));
    let lines: Vec<String> = body.chars().collect::<Vec<char>>().chunks(10).map(|c| c.iter().collect()).collect();
    for row in 0..rows {
        let top = y + 90 + 50 * row as i64;
        let line = |col: usize| lines.get(col * rows + row).cloned().unwrap_or_default();
        for (col, &x) in COLUMNS.iter().enumerate() {
            let text = line(col);
            if text.is_empty() || (merged && col == 2) {
                continue;
            }
            if merged && col == 1 {
                let joined = format!("{text}{}", line(2));
                v.push(bx(&joined, x, top, COLUMNS[2] + 40 * line(2).chars().count() as i64, top + 40));
            } else {
                v.push(bx(&text, x, top, x + 40 * text.chars().count() as i64, top + 40));
            }
        }
    }
}

fn run(name: &str, boxes: Vec<Value>) -> Page {
    let bytes = serde_json::to_vec(&json!({ "ocr_results": boxes })).unwrap();
    Pipeline::new(Options::default()).unwrap().process_bytes(name, &bytes).unwrap()
}

/// A body in columns of four rows of ten characters (40 px a character, rows 50 px
/// apart, columns at x 100, 540, 980, ...), each column's first row at `top(column)`.
fn four_row_columns(v: &mut Vec<Value>, body: &str, top: impl Fn(usize) -> i64) {
    let chars: Vec<char> = body.chars().collect();
    for (k, line) in chars.chunks(10).enumerate() {
        let (col, row) = (k / 4, k % 4);
        let (x, y) = (100 + 440 * col as i64, top(col) + 50 * row as i64);
        v.push(bx(&line.iter().collect::<String>(), x, y, x + 40 * line.len() as i64, y + 40));
    }
}

/// An article's body under a quotation box (two tests).
const SPRING: &str =
    "各大队抓紧时间修好农具，积好肥料，社员们起早贪黑，把秧田整得平平整整。公社还派出技术员下队指导，帮助各队选好良种，做到不误农时。";

fn grid_page(merged: bool) -> Page {
    let mut v = Vec::new();
    article(&mut v, "老厂房里的图书馆", TOP, 100, 3, merged);
    article(&mut v, "河边菜地又绿了", MIDDLE, 400, 5, false);
    article(&mut v, "修车铺的新手艺", BOTTOM, 800, 5, false);
    run("grid.json", v)
}

#[test]
fn two_columns_merged_line_by_line_are_cut_at_the_pages_column_grid() {
    for merged in [false, true] {
        let page = grid_page(merged);
        let heads: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
        assert_eq!(heads, [Some("老厂房里的图书馆"), Some("河边菜地又绿了"), Some("修车铺的新手艺")], "merged {merged}");
        assert_eq!(page.articles[0].text, TOP, "merged {merged}");
        assert_eq!(page.articles[1].text, MIDDLE, "merged {merged}");
        assert_eq!(page.articles[2].text, BOTTOM, "merged {merged}");
        let splits = page.warnings.iter().filter(|w| w.message.contains("spans two columns")).count();
        assert_eq!(splits, if merged { 3 } else { 0 }, "merged {merged}");
    }
}

/// The same merged lines with no other article on the page: no grid to cut at, and
/// nothing beside them; a band set across two columns' measure is read as it is.
#[test]
fn lines_across_two_columns_with_no_grid_are_not_cut() {
    let mut v = Vec::new();
    article(&mut v, "老厂房里的图书馆", TOP, 100, 3, true);
    let page = run("alone.json", v);
    assert!(page.warnings.iter().all(|w| !w.message.contains("spans two columns")), "{:?}", page.warnings);
}

/// A line set across the merged columns' measure, solid (no gutter's blank in it), is
/// not cut even where the grid has a gap under it.
#[test]
fn a_line_set_solid_across_a_grid_gap_is_not_cut() {
    let mut v = Vec::new();
    article(&mut v, "老厂房里的图书馆", TOP, 100, 3, true);
    // The merged boxes made 40 px (one character) narrower: the text set solid.
    for b in v.iter_mut() {
        let n = b["text"].as_str().unwrap().chars().count();
        if n == 20 {
            let x1 = b["box"][1][0].as_i64().unwrap() - 40;
            b["box"][1][0] = json!(x1);
            b["box"][2][0] = json!(x1);
        }
    }
    article(&mut v, "河边菜地又绿了", MIDDLE, 400, 5, false);
    article(&mut v, "修车铺的新手艺", BOTTOM, 800, 5, false);
    let page = run("solid.json", v);
    assert!(page.warnings.iter().all(|w| !w.message.contains("box 2 ")), "{:?}", page.warnings);
    assert_ne!(page.articles[0].text, TOP);
}

/// Briefs under a page title, the second opening with a line that uses 印刷 (an
/// imprint word) as a verb: a column 20 characters wide, each brief's first line
/// indented two.
const BRIEFS: [&str; 3] = [
    "△区文化馆举办的农民画展开幕以来，每天都有许多居民前来参观，留言簿已经写满了两本。",
    "△本月底工人出版社将印刷一批农民画，县文化馆选送的三幅作品都在其中，春节前可以买到。",
    "△街道食堂从本月起延长供应时间，早上六点开门，晚上八点以后还有夜宵供应。",
];

#[test]
fn a_brief_whose_first_line_uses_an_imprint_word_stays_whole() {
    let mut v = vec![bx("街 道 动 态", 300, 60, 700, 124)];
    let mut y = 160;
    for brief in BRIEFS {
        let chars: Vec<char> = brief.chars().collect();
        let (first, rest) = chars.split_at(18);
        v.push(bx(&first.iter().collect::<String>(), 140, y, 860, y + 40));
        for line in rest.chunks(20) {
            y += 50;
            v.push(bx(&line.iter().collect::<String>(), 60, y, 60 + 40 * line.len() as i64, y + 40));
        }
        y += 50;
    }
    let page = run("briefs.json", v);
    assert!(page.leftovers.is_empty(), "{:?}", page.leftovers);
    assert_eq!(page.articles.len(), 1);
    let blocks: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(blocks, BRIEFS);
}

/// A lead set across both columns in larger type (44 px a character, over body text of
/// 40) over a two-column article, with a second two-column article under it: the lead's
/// lines cross the grid's gutter and are wider than their text at the columns' pitch,
/// but no column stands beside them: they are read whole (a tabloid of
/// `../shared/realpages/bha25-tabloids` has such a lead).
#[test]
fn a_lead_set_across_the_whole_width_is_not_cut_at_the_grid() {
    const LEAD: &str =
        "全县十二个乡镇的农民运动会昨天在县体育场开幕，两千多名选手参加拔河、挑担、插秧等十个项目的比赛，场边挤满了加油的乡亲们。";
    let mut v = vec![bx("农民运动会开幕", 300, 40, 748, 104)];
    let chars: Vec<char> = LEAD.chars().collect();
    for (k, line) in chars.chunks(20).enumerate() {
        let y = 130 + 60 * k as i64;
        v.push(bx(&line.iter().collect::<String>(), 100, y, 100 + 44 * line.len() as i64, y + 48));
    }
    for (head, body, y) in [("老厂房里的图书馆", TOP, 400), ("河边菜地又绿了", MIDDLE, 800)] {
        v.push(bx(head, 300, y, 300 + 64 * head.chars().count() as i64, y + 64));
        let lines: Vec<String> = body.chars().collect::<Vec<char>>().chunks(10).map(|c| c.iter().collect()).collect();
        let rows = lines.len().div_ceil(2);
        for (k, line) in lines.iter().enumerate() {
            let (x, top) = (COLUMNS[k / rows], y + 90 + 50 * (k % rows) as i64);
            v.push(bx(line, x, top, x + 40 * line.chars().count() as i64, top + 40));
        }
    }
    let page = run("lead.json", v);
    assert!(page.warnings.iter().all(|w| !w.message.contains("spans two columns")), "{:?}", page.warnings);
    assert_eq!(page.articles[0].text, LEAD);
}

/// A lead article's credit, an editorial board, centred under its headline, and its
/// first section title (一、…) set bold over the first column: the credit is the
/// byline, the title the first subhead (it was read as the subheadline, credit and
/// title joined; the 红卫兵报 tabloid's kind).
#[test]
fn an_editorial_boards_credit_under_the_headline_is_the_byline() {
    const BODY: &str = "开春以来，公社各大队抓紧整修水渠，平整土地，准备了充足的种子和肥料。社员们起早贪黑，干劲很足，不少生产队提前完成了备耕任务。各队还组织青年突击队，利用农闲修好了两座小水库，可以多灌溉三百亩农田。";
    let mut v = vec![bx("谈谈今年的春耕生产", 340, 60, 1052, 140), bx("《山河报》编辑部", 520, 170, 904, 218)];
    v.push(bx("一、关于备耕", 100, 250, 412, 302));
    // The first column starts under the section title, the others level with it.
    four_row_columns(&mut v, BODY, |col| if col == 0 { 320 } else { 250 });
    let page = run("board.json", v);
    assert_eq!(page.articles.len(), 1, "{:?}", page.articles.iter().map(|a| &a.headline).collect::<Vec<_>>());
    let a = &page.articles[0];
    assert_eq!(
        (a.headline.as_deref(), a.subheadline.as_deref(), a.byline.as_deref()),
        (Some("谈谈今年的春耕生产"), None, Some("《山河报》编辑部"))
    );
    assert_eq!(a.blocks[0].text, "一、关于备耕");
    assert_eq!(a.text, format!("一、关于备耕\n{BODY}"));
}

/// The bottom rule of a box read by the engine as a thin run of digits and strokes
/// under the box's last line (0.3 `H`): noise, not text glued to the article (the
/// 工地战报 tabloid's quotation box ended in `…21117T17`).
#[test]
fn a_box_rule_read_as_a_thin_run_of_digits_is_noise() {
    const BODY: &str =
        "山区的小水电站去年冬天建成发电，全村七十多户人家第一次用上了电灯。晚上，学校的教室里亮堂堂的，大人们也来上夜校识字。";
    let mut v = vec![bx("山村有了电", 200, 40, 520, 104)];
    let chars: Vec<char> = BODY.chars().collect();
    let mut y = 130;
    for line in chars.chunks(15) {
        v.push(bx(&line.iter().collect::<String>(), 100, y, 100 + 40 * line.len() as i64, y + 40));
        y += 50;
    }
    v.push(bx("21117T17", 300, y, 500, y + 12));
    let page = run("rule.json", v);
    assert_eq!(page.articles.len(), 1);
    assert_eq!(page.articles[0].text, BODY);
    assert!(page.leftovers.is_empty(), "{:?}", page.leftovers);
    let removed: Vec<&str> = page.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(removed, ["21117T17"]);
}

/// An investigation report's credit, two organisations' 调查员 (investigators), under
/// its subheadline: the byline, not part of the subheadline (the 红镇江报 tabloid's
/// lead read 调查报告… and the credit as one subheadline).
#[test]
fn an_investigators_credit_under_the_subheadline_is_the_byline() {
    const BODY: &str = "青山公社的几所小学，过去教学脱离农村实际。去年冬天，公社请有经验的老农到学校讲课，学生们学会了选种、育秧和看天气，家长们都很满意。";
    let mut v = vec![
        bx("农村学校要为农业服务", 300, 40, 1100, 120),
        bx("——记青山公社办学的经验", 420, 150, 980, 206),
        bx("《山河报》《前哨》杂志调查员", 460, 236, 940, 280),
    ];
    four_row_columns(&mut v, BODY, |_| 320);
    let page = run("report.json", v);
    assert_eq!(page.articles.len(), 1);
    let a = &page.articles[0];
    assert_eq!(
        (a.headline.as_deref(), a.subheadline.as_deref(), a.byline.as_deref()),
        (Some("农村学校要为农业服务"), Some("——记青山公社办学的经验"), Some("《山河报》《前哨》杂志调查员"))
    );
    assert_eq!(a.text, BODY);
}

/// A quotation box at the top of a page with no masthead beside it: its label (最高指示)
/// over the quotation set in larger type, then an article. The label is the box's first
/// `quote` block and the quotation the next, in a headless article; the label is no
/// headline (it was: the 挺进快报 tabloid and two leaflets of bha21).
#[test]
fn a_quotation_label_over_its_quotation_heads_no_article() {
    const QUOTE: &str = "一切工作都要从实际出发，要同群众商量，要把群众的意见集中起来，再到群众中去坚持下去。";
    const BODY: &str = SPRING;
    let mut v = vec![bx("最高指示", 600, 40, 920, 120)];
    let chars: Vec<char> = QUOTE.chars().collect();
    for (k, line) in chars.chunks(20).enumerate() {
        let y = 150 + 70 * k as i64;
        v.push(bx(&line.iter().collect::<String>(), 160, y, 160 + 56 * line.len() as i64, y + 56));
    }
    v.push(bx("全社春耕生产全面展开", 360, 420, 1160, 500));
    four_row_columns(&mut v, BODY, |_| 540);
    let page = run("label.json", v);
    let heads: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(heads, [None, Some("全社春耕生产全面展开")]);
    let box_blocks: Vec<(BlockKind, &str)> = page.articles[0].blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(box_blocks, [(BlockKind::Quote, "最高指示"), (BlockKind::Quote, QUOTE)]);
    assert_eq!(page.articles[1].text, BODY);
}

/// The label set left of a two-line quotation, level with its first line (read as one
/// row with it), the second line running on under the label, and an article's headline right under the quotation with no
/// wider gap: the label is cut off into its own quote block, the quotation is quotes,
/// and the headline after its last sentence still heads its article (the leaflet
/// 01d6f73e of bha21: the label and the quotation's first line were one headline).
#[test]
fn a_quotation_label_beside_the_first_line_is_its_own_quote_block() {
    const QUOTE: [&str; 2] = ["要把群众的意见集中起来，", "再到群众中去坚持下去。"];
    const BODY: &str = SPRING;
    let mut v = vec![bx("最高指示", 100, 40, 420, 100), bx(QUOTE[0], 480, 40, 1152, 100), bx(QUOTE[1], 100, 114, 716, 174)];
    v.push(bx("全社春耕生产全面展开", 300, 180, 1100, 260));
    four_row_columns(&mut v, BODY, |_| 300);
    let page = run("beside.json", v);
    let heads: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(heads, [None, Some("全社春耕生产全面展开")]);
    let box_blocks: Vec<(BlockKind, &str)> = page.articles[0].blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(box_blocks, [(BlockKind::Quote, "最高指示"), (BlockKind::Quote, QUOTE.concat().as_str())]);
    assert_eq!(page.articles[1].text, BODY);
}
