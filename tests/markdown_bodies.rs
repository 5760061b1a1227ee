//! Issue 13, Markdown bodies kept whole (the share of found articles with body
//! similarity ≥ 0.98): one test page per fault kind fixed, written here (names, places
//! and papers invented). The fix is in the module named.

use crate::accuracy_text::{headlines, process};

use banmian::{BlockKind, Page};

fn kinds(page: &Page, article: usize) -> Vec<(BlockKind, &str)> {
    page.articles[article].blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
}

/// Two `##` headlines, each with a credit under it, and a `###` heading inside the
/// second article's body.
const LEVELS_PAGE: &str = "# 青石日报

## 北湾码头完成扩建

本报讯（记者 甲某）北湾码头扩建工程昨日完工，新增泊位两个。

码头运营方表示，扩建后年吞吐能力将提高三成。

## 东坡村种出“致富果”

本报记者 乙某

东坡村的猕猴桃今年喜获丰收，亩产比去年提高两成。

村里请来农技员，手把手教村民修枝、授粉。

### 合作社统一销售

村里成立了合作社，统一收购、统一包装、统一发往城里的超市。

村民丙某说，今年再也不用担心卖不出去了。
";

/// segment (`headline_level`): a heading deeper than every headline the page heads
/// with a credit is a subhead of the article it sits in, and the text under it stays
/// in that article.
#[test]
fn a_heading_deeper_than_the_pages_headlines_is_a_subhead() {
    let page = process("levels.md", LEVELS_PAGE);
    assert_eq!(headlines(&page), [Some("北湾码头完成扩建"), Some("东坡村种出“致富果”")]);
    let blocks = kinds(&page, 1);
    assert_eq!(blocks.len(), 5, "{blocks:?}");
    assert_eq!(blocks[2], (BlockKind::Subhead, "合作社统一销售"));
    assert_eq!(blocks[4], (BlockKind::Paragraph, "村民丙某说，今年再也不用担心卖不出去了。"));
}

/// The same `###` heading on a page whose sure headlines disagree in level (a `#` and a
/// `###` one, each with a credit): the levels say nothing, and the heading after a body
/// heads an article of its own, as before.
#[test]
fn a_deeper_heading_on_a_page_of_mixed_headline_levels_still_heads_an_article() {
    let mixed = LEVELS_PAGE.replacen("## 北湾", "# 北湾", 1).replacen("## 东坡", "### 东坡", 1);
    let page = process("mixed.md", &mixed);
    assert_eq!(headlines(&page), [Some("北湾码头完成扩建"), Some("东坡村种出“致富果”"), Some("合作社统一销售")]);
}

/// A commentary closed by its paper's commentator, and one credited so under its
/// headline.
const COMMENTARY_PAGE: &str = "## 让老街留住烟火气

本报讯（记者 丁某）南门老街改造今日完工，沿街店铺陆续开门迎客。

## 办好群众身边的小事

群众身边的小事，件件连着民心。修好一盏路灯、疏通一条水沟，看似平常，却是群众最真切的期盼。

只有把小事当作大事来办，才能赢得群众的信任。

本报评论员

## 把实事办到心坎上

本报评论员

为民办实事，贵在一个“实”字。

实事办得好不好，要由群众来评判。
";

/// segment (`byline::role_only`): a role naming no one (本报评论员) under a commentary's
/// last paragraph is its signature, not its byline; under a headline, with the text
/// under it, it is the byline.
#[test]
fn a_commentators_credit_closing_a_commentary_is_its_signature() {
    let page = process("commentary.md", COMMENTARY_PAGE);
    assert_eq!(headlines(&page), [Some("让老街留住烟火气"), Some("办好群众身边的小事"), Some("把实事办到心坎上")]);
    let closed = &page.articles[1];
    assert_eq!(closed.byline, None);
    assert_eq!(closed.blocks.last().map(|b| (b.kind, b.text.as_str())), Some((BlockKind::Signature, "本报评论员")));
    assert_eq!(closed.blocks.len(), 3);
    let credited = &page.articles[2];
    assert_eq!(credited.byline.as_deref(), Some("本报评论员"));
    assert!(credited.blocks.iter().all(|b| b.kind == BlockKind::Paragraph), "{:?}", credited.blocks);
}

/// A paragraph printed twice, its first copy broken by a blank line mid-sentence (an
/// OCR tool's column break) with its second half indented, and a paragraph broken so
/// that is not printed again.
const SPLIT_COPY_PAGE: &str = "# 西河大桥合龙

本报讯 西河大桥主跨昨日顺利合龙，全桥进入桥面施工阶段，预计

　　明年五月建成通车，届时两岸往来只需五分钟。

西河大桥主跨昨日顺利合龙，全桥进入桥面施工阶段，预计明年五月建成通车，届时两岸往来只需五分钟。

施工单位负责人表示，合龙段的焊接在夜间气温最稳定时完成，

　　误差控制在两毫米以内。
";

/// dedup (`join_split_copies`): the broken first copy is made whole and its second
/// copy goes to `removed`; the broken paragraph with no copy is left as it was read.
#[test]
fn a_paragraph_printed_twice_whose_first_copy_a_blank_line_broke_is_kept_once() {
    let page = process("split.md", SPLIT_COPY_PAGE);
    assert_eq!(headlines(&page), [Some("西河大桥合龙")]);
    let blocks = kinds(&page, 0);
    assert_eq!(
        blocks[0],
        (BlockKind::Paragraph, "西河大桥主跨昨日顺利合龙，全桥进入桥面施工阶段，预计明年五月建成通车，届时两岸往来只需五分钟。")
    );
    assert_eq!(page.articles[0].blocks[0].lines, [3, 5]);
    assert!(page.removed.iter().any(|r| r.lines == [7, 7]), "{:?}", page.removed);
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert!(blocks[1].1.starts_with("施工单位") && blocks[2].1 == "误差控制在两毫米以内。", "{blocks:?}");
}

/// A narrow column that wraps right after a dispatch, the reporter's bracket opening
/// the next line.
const WRAPPED_DISPATCH_PAGE: &str = "## 北湾码头完成扩建

本报北湾5月6日电
（记者甲某）北湾码头
扩建工程昨日完工，新
增泊位两个。

码头运营方表示，扩建
后年吞吐能力将提高三
成。
";

/// segment (`Draft::complete_dispatch`): the dispatch and the bracket under it are one
/// credit; the body starts after the bracket.
#[test]
fn a_dispatch_whose_reporter_the_wrap_put_on_the_next_line_is_one_credit() {
    let page = process("wrapped.md", WRAPPED_DISPATCH_PAGE);
    let a = &page.articles[0];
    assert_eq!(a.byline.as_deref(), Some("本报北湾5月6日电（记者甲某）"));
    assert_eq!(a.dateline.as_deref(), Some("本报北湾5月6日电"));
    assert_eq!(a.authors.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["甲某"]);
    assert_eq!(a.blocks[0].text, "北湾码头扩建工程昨日完工，新增泊位两个。");
    assert_eq!(a.blocks.len(), 2);
}

/// A briefs column under the paper's own credit, each brief opening with its place tag
/// on a line of its own; the second tag, a bare place and 電, is no dispatch the
/// dateline rules read.
const BRIEFS_PAGE: &str = "# 各地簡訊

（本報訊）青石電

青石縣新築公路一條，昨日通車，沿線鄉民均稱便利。

北灣電

北灣商會議決，本月起減收碼頭捐一成，以紓商困。
";

/// segment (`byline::bare_place_tag`): the bare tag is the next brief's, a paragraph of
/// the column, not a subhead.
#[test]
fn a_bare_place_tag_in_a_briefs_column_is_a_paragraph_of_it() {
    let page = process("briefs.md", BRIEFS_PAGE);
    assert_eq!(headlines(&page), [Some("各地簡訊")]);
    let blocks = kinds(&page, 0);
    assert!(blocks.contains(&(BlockKind::Paragraph, "北灣電")), "{blocks:?}");
    assert!(blocks.iter().all(|b| b.0 == BlockKind::Paragraph), "{blocks:?}");
}

/// A photo and its short credit printed twice back to back, then two different short
/// captions in a row.
const CAPTION_TWICE_PAGE: &str = "## 古城墙修缮完工

本报讯（记者 戊某）历时两年的古城墙修缮工程日前完工，城墙步道向市民开放。

图为修缮后的城墙。

己某摄（青石视觉）

己某摄（青石视觉）

图为城墙步道夜景。

庚某摄
";

/// dedup (`caption_printed_twice`): the short credit printed twice is kept once, the copy
/// goes to `removed`; two captions that differ both stay.
#[test]
fn a_short_caption_printed_twice_back_to_back_is_kept_once() {
    let page = process("caption.md", CAPTION_TWICE_PAGE);
    let captions: Vec<&str> = page.articles[0].blocks.iter().filter(|b| b.kind == BlockKind::Caption).map(|b| b.text.as_str()).collect();
    assert_eq!(captions.iter().filter(|c| c.contains("己某摄")).count(), 1, "{captions:?}");
    assert!(captions.iter().any(|c| c.contains("庚某摄")), "{captions:?}");
    assert!(page.removed.iter().any(|r| r.text.contains("己某摄") && r.lines == [9, 9]), "{:?}", page.removed);
}
