//! Issue 13, accuracy on text and Markdown pages: one test page (written here, names
//! and places invented) per fault kind fixed, named for the kind or the case it pins.
//! The fix is in the module named.

use crate::common;

use banmian::{BlockKind, CreditFor, Options, Page, Pipeline};

/// Runs the default pipeline on a text page and checks that nothing of it is lost.
pub(crate) fn process(name: &str, text: &str) -> Page {
    let page = Pipeline::new(Options::default()).expect("default pipeline").process(name, text);
    common::assert_sane(text, &page);
    page
}

/// Each article's headline, in page order.
pub(crate) fn headlines(page: &Page) -> Vec<Option<&str>> {
    page.articles.iter().map(|a| a.headline.as_deref()).collect()
}

/// A plain page hard-wrapped at ten characters, headlines set wider than the column,
/// no credit under the second: lines of the page's own make.
const NARROW_PAGE: &str = "青石日报  2024年5月6日  星期一

青石县老旧小区改造全面完成

今年以来，青石县加快
推进老旧小区改造，已
完成改造项目四十二个
，惠及居民一万二千余
户。

改造内容包括外墙保温
、管网更新、加装电梯
等多个方面。

东辛庄村办起了乡村图书阅览室

村民甲某说，过去看书
要跑到县城，如今在家
门口就能借到新书了。
";

/// classify.rs, segment.rs: a headline wider than the body column of a hard-wrapped
/// page was read as a full body line (glued to the text), and a display line with no
/// credit under it as a subhead of the article before.
#[test]
fn headline_wider_than_a_narrow_column_heads_its_own_article() {
    let page = process("page.txt", NARROW_PAGE);
    assert_eq!(headlines(&page), [Some("青石县老旧小区改造全面完成"), Some("东辛庄村办起了乡村图书阅览室")]);
    let first = &page.articles[0];
    assert_eq!(first.blocks.len(), 2);
    assert_eq!(first.blocks[0].text, "今年以来，青石县加快推进老旧小区改造，已完成改造项目四十二个，惠及居民一万二千余户。");
    assert!(first.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert_eq!(page.articles[1].blocks[0].text, "村民甲某说，过去看书要跑到县城，如今在家门口就能借到新书了。");
}

/// A subhead no wider than the column stays a subhead.
#[test]
fn display_line_within_the_column_stays_a_subhead() {
    let page = process("page.txt", &NARROW_PAGE.replace("东辛庄村办起了乡村图书阅览室", "图书送到家门口"));
    assert_eq!(headlines(&page), [Some("青石县老旧小区改造全面完成")]);
    let subheads: Vec<&str> = page.articles[0].blocks.iter().filter(|b| b.kind == BlockKind::Subhead).map(|b| b.text.as_str()).collect();
    assert_eq!(subheads, ["图书送到家门口"]);
}

/// assemble.rs: a dispatch credit cut inside its bracket by the wrap, the name moved to
/// the next line with the space before it, was split into a dateline, a "（记者" block
/// and a paragraph.
#[test]
fn credit_cut_inside_its_bracket_is_read_whole() {
    let page = process(
        "page.txt",
        "青石县推进老旧小区改造工作\n\n本报青石5月5日电（记者\n 甲某 乙某）今年以来，青\n石县加快推进老旧小区改\n造，已完成改造项目四十\n二个，惠及居民一万二千\n余户。\n",
    );
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("本报青石5月5日电"));
    let names: Vec<&str> = a.authors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["甲某", "乙某"]);
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(a.blocks[0].text, "今年以来，青石县加快推进老旧小区改造，已完成改造项目四十二个，惠及居民一万二千余户。");
}

/// byline.rs: a dispatch line in round brackets (（中央社南京廿七日電）, （本报讯）) was
/// not read as a dateline, and 廿 was no day numeral; segment.rs: the same dispatch
/// printed again in other brackets started an article with no headline.
#[test]
fn bracketed_dispatch_lines_are_datelines() {
    let page = process(
        "page.md",
        "# 青石縣議會昨開大會\n\n（中央社南京廿七日電）青石縣議會廿七日舉行大會，通過預算案。\n\n〔中央社南京廿七日電〕議長甲某宣布，下次大會定於下月舉行。\n",
    );
    assert_eq!(page.articles.len(), 1);
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("中央社南京廿七日電"));
    assert_eq!(a.blocks[0].text, "青石縣議會廿七日舉行大會，通過預算案。");
    let page = process("page.md", "## 青石县图书馆新馆开放\n\n（本报讯）青石县图书馆新馆昨日开放。\n");
    let a = &page.articles[0];
    assert_eq!((a.byline.as_deref(), a.dateline.as_deref()), (Some("（本报讯）"), Some("本报讯")));
    assert_eq!(a.blocks[0].text, "青石县图书馆新馆昨日开放。");
}

/// lines.rs, normalize.rs (case b24-fully-spaced-with-digits): a fully spaced headline
/// kept its spacing, and spaced digits stayed apart.
#[test]
fn b24_fully_spaced_headline_and_spaced_digits() {
    let page =
        process("page.md", "## 县 图 书 馆 新 馆 开 放\n\n本报讯 全 县 共 有 1 2 0 所 学 校 与 县 图 书 馆 签 订 了 合 作 协 议 。\n");
    let a = &page.articles[0];
    assert_eq!(a.headline.as_deref(), Some("县图书馆新馆开放"));
    assert_eq!(a.blocks[0].text, "全县共有120所学校与县图书馆签订了合作协议。");
    // A headline of two phrases keeps the space between them (printed as three).
    let page = process("page.md", "## 压 实 责 任   消 除 隐 患\n\n本报讯 全县开展安全生产大检查。\n");
    assert_eq!(page.articles[0].headline.as_deref(), Some("压实责任 消除隐患"));
}

/// furniture.rs: a running head of a bare page number and a section ("04  要闻") at the
/// top of the page was read as the first article's headline.
#[test]
fn page_number_and_section_at_the_top_are_furniture() {
    let page = process(
        "page.txt",
        "青石日报  2024年5月6日  星期一\n\n04  要闻\n\n青石县老旧小区改造全面完成\n\n本报讯（记者 甲某）今年以来，青石县已完成改造项目四十二个。\n",
    );
    assert_eq!(headlines(&page), [Some("青石县老旧小区改造全面完成")]);
    assert_eq!(page.page.number, Some(4));
    assert!(page.leftovers.iter().any(|b| b.text == "04 要闻"), "{:?}", page.leftovers);
}

/// jump.rs: an old paper's jump by sheet, （上接第一張）, stayed in the body as a paragraph.
#[test]
fn jump_by_sheet_is_a_jump() {
    let page = process("page.txt", "青石縣議會昨開大會\n\n（上接第一張）議長甲某宣布，下次大會定於下月舉行。\n");
    let a = &page.articles[0];
    assert_eq!(a.jumps.len(), 1);
    assert_eq!((a.jumps[0].page, a.jumps[0].label.as_str()), (Some(1), "第一張"));
    assert_eq!(a.blocks[0].text, "議長甲某宣布，下次大會定於下月舉行。");
}

/// dedup.rs (case b18-sentence-repeated-in-paragraph): a sentence printed twice back
/// to back inside a paragraph was kept twice; the copy goes to `removed`.
#[test]
fn b18_sentence_repeated_in_a_paragraph_is_kept_once() {
    let s = "东辛庄村图书室今年共接待读者三千余人次。";
    let page = process("page.md", &format!("## 乡村图书室人气旺\n\n本报讯 图书室去年开放。{s}{s}\n"));
    let a = &page.articles[0];
    assert_eq!(a.blocks[0].text, format!("图书室去年开放。{s}"));
    let copies: Vec<&str> = page.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(copies, [s]);
    assert_eq!(page.removed[0].duplicate_of.map(|r| (r.article, r.block)), Some((0, 0)));
}

/// assemble.rs (case b27-misread-final-comma-no-join): on a page of one paragraph a
/// line, an indented line after a line ending in a comma (a misread 。) was joined.
#[test]
fn b27_indented_line_after_a_comma_starts_a_paragraph() {
    let page = process(
        "page.txt",
        "青石县乡村图书室开放\n　　本报讯 东辛庄村图书室昨日开放，首批藏书三千册,\n　　村民甲某说，在家门口就能借到新书了。\n",
    );
    let texts: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["东辛庄村图书室昨日开放，首批藏书三千册，", "村民甲某说，在家门口就能借到新书了。"]);
}

/// segment.rs (case b41-doubled-headline): a headline printed twice on one line.
#[test]
fn b41_headline_printed_twice_on_one_line_is_kept_once() {
    let page = process("page.md", "## 乡村图书室开放乡村图书室开放\n\n本报讯 东辛庄村图书室昨日开放。\n");
    assert_eq!(page.articles[0].headline.as_deref(), Some("乡村图书室开放"));
    assert!(page.removed.iter().any(|r| r.text == "乡村图书室开放"));
    // A headline that merely repeats a short word is left alone.
    let page = process("page.md", "## 好好好\n\n本报讯 东辛庄村图书室昨日开放。\n");
    assert_eq!(page.articles[0].headline.as_deref(), Some("好好好"));
}

/// classify.rs (case b23-short-wraps-next-to-digits-latin): on a page too short to
/// measure a column width, lines wrapped short that open with digits or Latin
/// ("3000余家企业，其中") were read as headlines.
#[test]
fn b23_short_wraps_opening_with_digits_or_latin_stay_in_the_paragraph() {
    let page = process("page.md", "## 青石县企业质量提升\n\n本报讯 全县现有\n2500余家企业，其中\nISO认证企业达到\n86家。\n");
    assert_eq!(headlines(&page), [Some("青石县企业质量提升")]);
    assert_eq!(page.articles[0].blocks[0].text, "全县现有2500余家企业，其中ISO认证企业达到86家。");
}

/// classify.rs (case b37-numbered-subhead-in-wrapped-text): a wrapped body line with a
/// comma, ending open, under a numbered subhead was read with it as a headline group.
#[test]
fn b37_open_line_with_a_comma_under_a_subhead_is_body() {
    let page = process(
        "page.txt",
        "青石县召开图书室建设会议\n本报讯 会议指出，东辛庄村图书室建设已经取得了\n阶段性成果，必须继续推进。\n二、下步安排\n青石县将在全县推广东辛庄村的做法，一是\n建好书屋，二是配齐图书。\n",
    );
    assert_eq!(headlines(&page), [Some("青石县召开图书室建设会议")]);
    let blocks: Vec<(BlockKind, &str)> = page.articles[0].blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(blocks[1], (BlockKind::Subhead, "二、下步安排"));
    assert_eq!(blocks[2], (BlockKind::Paragraph, "青石县将在全县推广东辛庄村的做法，一是建好书屋，二是配齐图书。"));
}

/// classify.rs: a headline and a subheadline each as wide as the body column, between
/// blank lines under a jump marker, over a credit line, were read as body text.
#[test]
fn column_wide_headline_and_subheadline_over_a_credit_line_head_an_article() {
    let page = process(
        "page.txt",
        "青石县推进小区改造\n\n今年以来，青石县加快推进老\n旧小区改造，已完成改造项目\n四十二个，惠及居民一万二千\n余户，居民满意度明显提升，\n改造资金由县乡两级财政共同\n承担，部分小区还引入了社会\n资本参与。\n\n（下转第二版）\n\n东辛庄村办起乡村图书室三间\n\n首批藏书三千册全部上架借阅\n\n□本报记者 甲某 通讯员 乙某\n\n村民丙某说，过去看书要跑到\n县城，如今在家门口就能借到\n新书了，孩子们也爱来这里。\n",
    );
    assert_eq!(headlines(&page), [Some("青石县推进小区改造"), Some("东辛庄村办起乡村图书室三间")]);
    let a = &page.articles[1];
    assert_eq!(a.subheadline.as_deref(), Some("首批藏书三千册全部上架借阅"));
    let names: Vec<&str> = a.authors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["甲某", "乙某"]);
    assert_eq!(a.blocks[0].text, "村民丙某说，过去看书要跑到县城，如今在家门口就能借到新书了，孩子们也爱来这里。");
}

/// byline.rs: a feature's split credit "文/本报记者 X 图/本报记者 Y" on its own line under
/// the headline was read as a subheadline (eval m003, m017, p020): the 文/ and 图/ marks
/// are credit marks, and the line is the byline, both people credited.
#[test]
fn split_text_and_photo_credit_line_is_the_byline() {
    for page_text in [
        "# 一条老街的“新生”\n\n文/本报记者 甲某某 图/本报记者 乙某\n\n清晨的青石巷里，早点铺已经冒出热气。\n\n巷子里的老住户说，这里变了样。\n",
        "老街新貌\n\n一条老街的“新生”\n\n文/本报记者 甲某某 图/本报记者 乙某\n\n清晨的青石巷里，早点铺已经冒出热气。\n\n巷子里的老住户说，这里变了样。\n",
    ] {
        let page = process("page.txt", page_text);
        assert_eq!(headlines(&page), [Some("一条老街的“新生”")]);
        let a = &page.articles[0];
        assert_eq!(a.subheadline, None);
        assert_eq!(a.byline.as_deref(), Some("文/本报记者 甲某某 图/本报记者 乙某"));
        let names: Vec<(&str, Option<&str>, Option<&str>)> =
            a.authors.iter().map(|x| (x.name.as_str(), x.role.as_deref(), x.org.as_deref())).collect();
        assert_eq!(names, [("甲某某", Some("记者"), Some("本报")), ("乙某", Some("记者"), Some("本报"))]);
        // the contract's `credit`: what each is credited for
        let credits: Vec<Option<CreditFor>> = a.authors.iter().map(|x| x.credit).collect();
        assert_eq!(credits, [Some(CreditFor::Text), Some(CreditFor::Photo)]);
        assert_eq!(a.blocks.len(), 2);
    }
    // a credit without marks says nothing of it: the contract's key is there, `null`
    let page = process("page.txt", "一条老街的“新生”\n\n本报记者 甲某某 乙某\n\n清晨的青石巷里，早点铺已经冒出热气。\n");
    assert!(page.articles[0].authors.iter().all(|x| x.credit.is_none()));
    let json = serde_json::to_value(&page.articles[0].authors[0]).unwrap();
    assert_eq!(json, serde_json::json!({"name": "甲某某", "role": "记者", "org": "本报", "credit": null}));
}

/// assemble.rs: a signer with a closing formula ("某某商會 啟") after the last paragraph
/// was read as the kicker of the next article (eval m013); it is the signature of its own.
#[test]
fn signer_with_closing_formula_is_a_signature_not_the_next_kicker() {
    for (ext, head) in [("md", "# "), ("txt", "")] {
        let text = format!(
            "{head}商會電請減輕營業稅\n\n（本報訊）本市商會以市面凋敝，特於昨日召集會議，議決電呈財政部。\n\n原電略謂，商民實難負擔，懇請核減云云。\n\n青石市商會 啟\n\n{head}英國內閣改組 外相辭職\n\n〔路透社倫敦十日電〕英國內閣昨日改組，外交大臣辭職。\n"
        );
        let page = process(&format!("page.{ext}"), &text);
        assert_eq!(headlines(&page), [Some("商會電請減輕營業稅"), Some("英國內閣改組 外相辭職")], "{ext}");
        assert_eq!(page.articles[1].kicker, None, "{ext}");
        let last = page.articles[0].blocks.last().expect("blocks");
        assert_eq!((last.kind, last.text.as_str()), (BlockKind::Signature, "青石市商會 啟"), "{ext}");
    }
    // A sentence that ends in 启 is no signature.
    let page = process("page.md", "# 新校区启用\n\n今年九月，新校区正式启用。\n\n新校区 正式开启\n\n# 第二篇\n\n正文一段。\n");
    assert!(page.articles.iter().flat_map(|a| &a.blocks).all(|b| b.kind != BlockKind::Signature));
}

/// A Republican-era page of our own: the sheet running head "第四張  要聞" (furniture.rs;
/// eval m014 read it as a headline), a special correspondent's line 本報特派員 X and the
/// paper's correspondence line 本報X特約通信 (byline.rs; eval p012 read the first as the
/// headline), a dispatch in 「」 (byline.rs; p012), and a commentary signed with a
/// one-character pen name (assemble.rs; m014, p012 made 默 the next article's rubric).
const SHEET_PAGE: &str = "青江新報  中華民國二十年十月五日  星期一

第四張  要聞

東鄉新築公路通車

本報特派員 甲某某

東鄉新築公路，業於日前竣工，昨日上午舉行通車典禮。

時評

論救濟農村

今日之農村，困苦極矣。救濟之道，首在減輕農民負擔。

默

法眾院通過預算案

「哈瓦斯十日巴黎電」法國眾議院昨晚通過明年度預算案。

西江水災詳誌

本報西江特約通信

西江連日大雨，山洪暴發，沿江各縣盡成澤國。
";

#[test]
fn sheet_head_correspondent_lines_bracketed_dispatch_and_pen_name() {
    let page = process("page.txt", SHEET_PAGE);
    assert_eq!(headlines(&page), [Some("東鄉新築公路通車"), Some("論救濟農村"), Some("法眾院通過預算案"), Some("西江水災詳誌")]);
    let a = &page.articles;
    assert_eq!(a[0].byline.as_deref(), Some("本報特派員 甲某某"));
    assert_eq!(a[0].authors.iter().map(|x| x.role.as_deref()).collect::<Vec<_>>(), [Some("特派員")]);
    assert_eq!(a[1].rubric.as_deref(), Some("時評"));
    let last = a[1].blocks.last().expect("blocks");
    assert_eq!((last.kind, last.text.as_str()), (BlockKind::Signature, "默"));
    assert_eq!(a[2].rubric, None);
    assert_eq!(a[2].byline.as_deref(), Some("「哈瓦斯十日巴黎電」"));
    assert_eq!(a[2].dateline.as_deref(), Some("哈瓦斯十日巴黎電"));
    assert_eq!(a[2].blocks[0].text, "法國眾議院昨晚通過明年度預算案。");
    assert_eq!((a[3].byline.as_deref(), a[3].dateline.as_deref()), (Some("本報西江特約通信"), None));
    assert!(page.leftovers.iter().any(|l| l.text.contains("第四張")));
}

/// segment.rs: a headline as wide as a narrow column, with no punctuation, printed alone
/// at an article's head was read as a one-line paragraph: over a dispatch cut by the
/// wrap (eval p014), under a lone label 本埠新聞 after a jump closed the article before
/// (p014), and over a subheadline with the
/// credit under it (p006). A one-line paragraph with punctuation stays a paragraph.
const LONE_HEAD_PAGE: &str = "青江新報  中華民國二十一年八月十七日  星期三

英國內閣改組 外相辭職

〔路透社倫敦十日電
〕英國內閣昨日改組
，外交大臣某氏以健
康關係辭職。
（下轉第三張）

本埠新聞

米價續漲 市民恐慌

本埠米價，自上月中
旬以來，逐日上漲。
";

const LONE_HEAD_SUB_PAGE: &str = "滨江日报  2024年11月6日  星期三

高原牧区迎来首批“流动医院”

三支巡回医疗队两个月走遍十一个乡镇

本报雪岭11月5日电（记者
 甲某某）一辆辆装有彩超、
心电图机和生化分析仪的医疗
车，近日开进了海拔四千米以
上的雪岭牧区。由州人民医院
组建的三支巡回医疗队，将在
两个月内走遍全州十一个乡镇
。
";

#[test]
fn column_wide_headline_without_punctuation_is_not_a_paragraph() {
    let page = process("page.txt", LONE_HEAD_PAGE);
    assert_eq!(headlines(&page), [Some("英國內閣改組 外相辭職"), Some("米價續漲 市民恐慌")]);
    assert_eq!(page.articles[0].byline.as_deref(), Some("〔路透社倫敦十日電〕"));
    assert_eq!(page.articles[0].blocks.len(), 1);
    assert_eq!(page.articles[1].rubric.as_deref(), Some("本埠新聞"));
    assert_eq!(page.articles[1].blocks[0].text, "本埠米價，自上月中旬以來，逐日上漲。");

    let page = process("page.txt", LONE_HEAD_SUB_PAGE);
    assert_eq!(headlines(&page), [Some("高原牧区迎来首批“流动医院”")]);
    assert_eq!(page.articles[0].subheadline.as_deref(), Some("三支巡回医疗队两个月走遍十一个乡镇"));
    assert_eq!(page.articles[0].dateline.as_deref(), Some("本报雪岭11月5日电"));

    // punctuated: a paragraph of one line stays one
    let page = process("page.txt", &LONE_HEAD_PAGE.replace("英國內閣改組 外相辭職", "英國內閣改組，外相辭職。"));
    assert_ne!(headlines(&page)[0], Some("英國內閣改組，外相辭職。"));
}

/// assemble.rs: a one-character line with body text after it is a fragment of the text
/// (local 申報 advertisements, a blank line set mid-sentence), never a pen name.
#[test]
fn one_character_line_inside_a_body_is_not_a_signature() {
    let page = process("page.txt", "藥局廣告\n\n（本報訊）花柳聖藥經驗良方愈人甚廣\n\n憂\n\n本齋藥局天下馳名，靈驗第一。\n");
    assert_eq!(headlines(&page), [Some("藥局廣告")]);
    assert!(page.articles[0].blocks.iter().all(|b| b.kind != BlockKind::Signature));
}

/// byline.rs: the Central News Agency's dispatch with a day in digits and the reporter
/// inside it, "（中央社記者X北港15日電）", was not read as a dateline, so the headline over it
/// became a subhead of the article before (eval p009, p024).
#[test]
fn central_news_agency_dispatch_with_reporter_opens_its_article() {
    let text = "老戲院變身社區客廳\n\n〔記者甲某／南光報導〕位於舊城區的戲院，曾是鎮上最熱鬧的地方。\n\n整修後的戲院保留了原有的售票亭。圖／記者甲某攝\n\n北港漁市拍賣量創十年新高\n\n（中央社記者乙某某北港15日電）北港漁會昨天公布統計，今年漁市拍賣量創新高。\n";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), [Some("老戲院變身社區客廳"), Some("北港漁市拍賣量創十年新高")]);
    let a = &page.articles[1];
    assert_eq!(a.byline.as_deref(), Some("（中央社記者乙某某北港15日電）"));
    assert_eq!(a.dateline.as_deref(), Some("中央社北港15日電"));
    assert_eq!(a.authors.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["乙某某"]);
    assert_eq!(a.blocks[0].text, "北港漁會昨天公布統計，今年漁市拍賣量創新高。");
}

/// segment.rs: a lone line is not lifted out of an article that holds a jump marker (the
/// marker would be lost; found by properties::pages_keep_every_han_character_and_digit).
#[test]
fn lone_line_with_a_jump_marker_keeps_the_marker() {
    let page = process("page.md", "（下转第五版）\n青石县疾病预防控制中心\n\n命利活山第量公\n——取说说使间一头化\n");
    let jumps: Vec<&str> = page.articles.iter().flat_map(|a| a.jumps.iter().map(|j| j.text.as_str())).collect();
    assert_eq!(jumps, ["下转第五版"]);
}

/// A page of an issue set as a plain-text export: lines wrapped at a column, one blank
/// line between paragraphs and two between articles. Every name and place is invented.
const ISSUE_PAGE: &str = "青石日报　2024年5月6日　星期一　第1版

青石县老旧小区改造全面完成
本报讯（记者 甲某某）今年以来，青石县加快推进老旧小区改造，已完
成改造项目四十二个，惠及居民一万二千余户，受到群众广泛欢迎。

县住建局局长乙某说，明（下转第二版）


东辛庄村办起乡村图书阅览室
本报记者 丙某
村民丁某说，过去看书要跑到县城，如今在家门口就能借到新书了。
阅览室每周开放六天，藏书已有三千余册，还配了两台电脑。
哪家孩子爱（下转第3版）


守好乡亲“菜篮子”
近期，一些地方蔬菜价格波动较大。对此，我们要保持高度关注，既要
稳住生产，也要把流通环节的成本降下来，让群众少花冤枉钱。

稳价不只是商务部门的事。农业部门要抓好生产，交通部门要保障运
输畅通，市场监管部门要严查哄抬物价。（下转第二版）

稳价还要靠市场


城南片区老旧管网改造完工
（上接第3版）
于上世纪八十年代，管材老化，爆管漏水时有发生。今年三月起，施工单
位分段开挖、分（下转第六版）
";

/// assemble.rs, classify.rs, segment.rs (whole-issue harness, evaluation/issues): the short
/// last line of an article's first part before its 下转 marker was read as the next
/// article's headline (or, on the page's last line, as a footer), and an uncredited
/// commentary set apart by the page's two blank lines as a subhead of the article above.
#[test]
fn article_gaps_and_lines_cut_before_a_jump_marker() {
    let page = process("page.txt", ISSUE_PAGE);
    assert_eq!(
        headlines(&page),
        [
            Some("青石县老旧小区改造全面完成"),
            Some("东辛庄村办起乡村图书阅览室"),
            Some("守好乡亲“菜篮子”"),
            Some("城南片区老旧管网改造完工")
        ]
    );
    let texts = |i: usize| page.articles[i].blocks.iter().map(|b| (b.kind, b.text.as_str())).collect::<Vec<_>>();
    assert_eq!(texts(0)[1], (BlockKind::Paragraph, "县住建局局长乙某说，明"));
    assert_eq!(page.articles[0].jumps[0].page, Some(2));
    assert_eq!(texts(1).last(), Some(&(BlockKind::Paragraph, "哪家孩子爱")));
    assert_eq!(page.articles[1].jumps[0].page, Some(3));
    // the commentary's first part ends with a subhead cut off by the gap: the subhead
    // heads nothing after the gap
    assert_eq!(texts(2).len(), 3);
    assert_eq!(texts(2)[2], (BlockKind::Subhead, "稳价还要靠市场"));
    // the page's last line, cut before its marker, is text and no footer
    assert_eq!(texts(3)[0], (BlockKind::Paragraph, "于上世纪八十年代，管材老化，爆管漏水时有发生。今年三月起，施工单位分段开挖、分"));
    assert_eq!(page.articles[3].jumps.len(), 2);
    assert!(page.leftovers.iter().all(|b| b.kind == BlockKind::Furniture && b.lines == [1, 1]), "{:?}", page.leftovers);

    // one blank line everywhere: no article gap, the commentary's headline is read as
    // before (a display line after a closed article heads one)
    let single = ISSUE_PAGE.replace("\n\n\n", "\n\n");
    let page = process("page.txt", &single);
    assert_eq!(headlines(&page)[2], Some("守好乡亲“菜篮子”"));
}

/// assemble.rs, segment.rs (whole-issue harness): on a page of continuations, a second
/// 上接 paragraph was merged into the first continuation, and a continuation printed
/// without a marker (set apart by the article gap) into the one above it; "。" pushed
/// onto a line of its own by the wrap was removed as noise.
#[test]
fn two_continuations_on_one_page_stay_two_articles() {
    let text = "青石日报　2024年5月6日　星期一　第2版

（上接第3版）
冰雪季旅游预订量同比增长
行前应关注天气变化，选择正规滑雪场所，做好防寒保暖。


（上接第一版）校结对，建起同步课堂，每周开设二十余节共享课程
，受到师生欢迎。县里还为每个教学点配齐了设备，开通了专线网络
，覆盖所有乡镇，方便了山区的孩子们跟着城里老师一起上课学习了
。


市大数据局局长戊某表示，平台将按照应开放尽开放的原则，逐步扩大
数据开放范围，并建立数据质量反馈机制。
";
    let page = process("page.txt", text);
    assert_eq!(page.articles.len(), 3, "{:?}", headlines(&page));
    assert_eq!(page.articles[0].headline.as_deref(), Some("冰雪季旅游预订量同比增长"));
    assert_eq!(page.articles[1].jumps[0].label, "第一版");
    assert_eq!(
        page.articles[1].blocks[0].text,
        "校结对，建起同步课堂，每周开设二十余节共享课程，受到师生欢迎。县里还为每个教学点配齐了设备，开通了专线网络，覆盖所有乡镇，方便了山区的孩子们跟着城里老师一起上课学习了。"
    );
    assert_eq!(page.articles[2].headline, None);
    assert!(page.articles[2].blocks[0].text.starts_with("市大数据局局长戊某表示"));
    assert!(page.removed.is_empty(), "{:?}", page.removed);

    // the first continuation's paragraph printed twice stays one article (dedup keeps one)
    let twice = "（上接第一版）校结对，建起同步课堂，每周开设二十余节共享课程。\n\n（上接第一版）校结对，建起同步课堂，每周开设二十余节共亨课程。\n";
    let page = process("page.txt", twice);
    assert_eq!(page.articles.len(), 1);
}

/// numbering.rs, assemble.rs, segment.rs: a news-in-brief column (a label over ★ items)
/// was read as a subhead of the article above and its items joined into one paragraph
/// on a hard-wrapped page (eval p007, p022, m008); an editor's note was a paragraph.
#[test]
fn briefs_column_and_editor_note_get_their_kinds() {
    let text = "青石县老街焕发新活力

本报记者 甲某某
编者按：城市更新不是推倒重来。本报今起推出系列报道。
清晨七点，青石巷的早点铺已经坐满了人，豆浆冒着热气，油条在锅
里翻滚，老板娘忙着招呼街坊。

简讯

★县图书馆新馆本月底开放试运行，读者凭身份证可免费办理借阅证。
★今年全县新增城市绿道十二公里，绿道总里程达到八十公里。
△县气象台预计，本周后期将有一次明显降温过程。
";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), [Some("青石县老街焕发新活力"), Some("简讯")]);
    let kinds = |i: usize| page.articles[i].blocks.iter().map(|b| b.kind).collect::<Vec<_>>();
    assert_eq!(kinds(0), [BlockKind::EditorNote, BlockKind::Paragraph]);
    assert_eq!(kinds(1), [BlockKind::Brief; 3]);
    assert_eq!(page.articles[1].blocks[1].text, "★今年全县新增城市绿道十二公里，绿道总里程达到八十公里。");
}

/// classify.rs, segment.rs: every line printed twice with small OCR differences (case
/// b34, eval m001): the better-read copy is kept, the other goes to `removed`; a first
/// paragraph printed again under a misread credit ("的者" for "记者", eval p022) opens
/// no new article.
#[test]
fn lines_printed_twice_keep_the_better_copy() {
    let text = "青石縣表彰勞動模範\n本報訊 乙某同志今年四十三歲，生長在青石縣\n本報訊 乙某同志今年四十三歲，生長在青石縣\n柬辛莊一個貪苦的農家裏·小時侯讀過兩三年\n東辛莊一個貧苦的農家裏。小時候讀過兩三年\n私塾，後來幫助父親種了四五年莊稼。\n私墊，後來幫助父親種了四五年莊稼。\n";
    let page = process("page.txt", text);
    assert_eq!(page.articles.len(), 1);
    let a = &page.articles[0];
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(
        a.blocks[0].text,
        "乙某同志今年四十三歲，生長在青石縣東辛莊一個貧苦的農家裏。小時候讀過兩三年私塾，後來幫助父親種了四五年莊稼。"
    );
    let removed: Vec<[usize; 2]> = page.removed.iter().map(|r| r.lines).collect();
    assert_eq!(removed, [[3, 3], [4, 4], [7, 7]]);

    let text = "西岸科创走廊引进项目七十二个\n\n本报讯（记者 丙某某）今年以来，西岸科创走廊累计引进项目七十二个。\n\n本报讯（的者 丙某某）今年以来，西岸科创走廊累计引进项目七十二个。\n\n走廊管委会主任表示，将持续优化营商环境。\n";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), [Some("西岸科创走廊引进项目七十二个")]);
    assert_eq!(page.articles[0].blocks.len(), 2);
}

/// classify.rs: the short last line of a wrapped paragraph printed twice (eval m007, m027:
/// "費者手中。" / "費者手中。") was kept as a paragraph of its own, under the eight
/// characters a copy needed; a short line printed twice that ends no wrapped paragraph stays.
#[test]
fn the_last_line_of_a_wrapped_paragraph_printed_twice_is_one_copy() {
    let text = "青石縣漁會冷鏈倉庫落成\n\n青石縣漁會今年擴建冷凍倉庫，並與電\n商平台合作，讓當天捕撈的漁獲送到消\n費者手中。\n費老手中。\n\n漁會總幹事表示，今年漁民收入明顯增\n加，冷鏈物流功不可沒，各地漁會將陸\n續跟進。\n續跟進。\n\n好評不斷。\n好評不斷。\n";
    let page = process("page.txt", text);
    assert_eq!(page.articles.len(), 1);
    let texts: Vec<&str> = page.articles[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "青石縣漁會今年擴建冷凍倉庫，並與電商平台合作，讓當天捕撈的漁獲送到消費者手中。",
            "漁會總幹事表示，今年漁民收入明顯增加，冷鏈物流功不可沒，各地漁會將陸續跟進。",
            "好評不斷。",
            "好評不斷。"
        ]
    );
}

/// furniture.rs: a body line naming a person's title with 编辑 in it
/// ("马来西亚某华文报社副总编辑", eval m001) was taken for page furniture.
#[test]
fn a_title_with_editor_in_a_body_line_is_not_furniture() {
    let text = "## 海外华文媒体代表走进滨江\n\n来自十五个国家和地区的二十余位海外华文媒体代表近日走进滨江。\n\n马来西亚某华文报社副总编辑\n甲某某表示，将通过报道向海外读者讲述一个真实的滨江。\n\n代表们参观了港口和产业园区。\n\n责任编辑：乙某\n";
    let page = process("page.md", text);
    assert!(page.leftovers.iter().all(|b| !b.text.contains("副总编辑")), "{:?}", page.leftovers);
    assert!(page.leftovers.iter().any(|b| b.text.contains("责任编辑")));
}

/// byline.rs, normalize.rs: credits inside a body and a caption lost the space between
/// role and name ("本报记者郁成摄", eval p022 and m-pages' golds keep "本报记者 郁成摄"), and
/// a bracket of people opening a body ("（本报记者 乙某 通讯员 丙某）") was not read into
/// the byline and authors.
#[test]
fn credits_inside_bodies_and_captions_keep_their_spaces() {
    let text =
        "青石县召开表彰大会\n\n（本报记者 乙某 通讯员 丙某）青石县日前召开表彰大会，表彰了一批先进集体。\n\n会场一角。本报记者 丁某 摄\n";
    let page = process("page.txt", text);
    let a = &page.articles[0];
    assert_eq!(a.byline.as_deref(), Some("（本报记者 乙某 通讯员 丙某）"));
    let names: Vec<(&str, Option<&str>)> = a.authors.iter().map(|x| (x.name.as_str(), x.role.as_deref())).collect();
    assert_eq!(names, [("乙某", Some("记者")), ("丙某", Some("通讯员"))]);
    assert_eq!(a.blocks[0].text, "青石县日前召开表彰大会，表彰了一批先进集体。");
    assert_eq!((a.blocks[1].kind, a.blocks[1].text.as_str()), (BlockKind::Caption, "会场一角。本报记者 丁某 摄"));

    // spaced-out body text still closes up; a bracket without a role is no credit
    let page = process("page.txt", "青石县召开表彰大会\n\n（完） 记 者 从 会 上 获 悉 ， 大 会 表 彰 了 先 进 集 体 。\n");
    assert_eq!(page.articles[0].byline, None);
    assert_eq!(page.articles[0].blocks[0].text, "（完）记者从会上获悉，大会表彰了先进集体。");
}

/// classify.rs, assemble.rs: a caption wrapped over two lines became two captions (read by
/// its opening 图为) or a subhead and a caption (read by its closing 摄).
#[test]
fn caption_wrapped_over_two_lines_is_one_caption() {
    for (caption, whole) in [
        (
            "图为表彰大会现场，受表彰的先进个人代表\n上台领奖。本报记者 丁某 摄",
            "图为表彰大会现场，受表彰的先进个人代表上台领奖。本报记者 丁某 摄",
        ),
        ("受表彰的先进个人代表上台领奖，会场气氛\n热烈。本报记者 丁某 摄", "受表彰的先进个人代表上台领奖，会场气氛热烈。本报记者 丁某 摄"),
    ] {
        let text = format!(
            "青石县召开表彰大会\n\n本报讯（记者 甲某）青石县日前召开表彰大会，表彰了一批先进集体和先进个人。\n\n{caption}\n\n会议要求，各单位要学习先进，争创佳绩。\n"
        );
        let page = process("page.txt", &text);
        let blocks: Vec<(BlockKind, &str, [usize; 2])> =
            page.articles[0].blocks.iter().map(|b| (b.kind, b.text.as_str(), b.lines)).collect();
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert_eq!(blocks[1], (BlockKind::Caption, whole, [5, 6]));
        assert_eq!(blocks[2].0, BlockKind::Paragraph);
    }
}

/// A plain page of short pieces, each under a title carrying its column's name in
/// brackets, one of them longer than a headline and holding a comma, one with quotes in
/// the label: every titled piece is an article (`rules/headline.rs column_label`,
/// read in `stages/classify.rs is_display` and `stages/segment.rs group_is_headline`).
const COLUMN_LABEL_PAGE: &str = "青石日报  2024年5月6日  星期一

青石县老旧小区改造全面完成

今年以来，青石县加快推进老旧小区改造，已完成改造项目四十二个，惠及居民一万二千余户。

“把小事办好，把实事办实”（基层治理一线见闻·听民声）

东辛庄村的议事会每月开一次，村民有事当面说，干部当场记，一件件落到实处。

“书香”要不得浮躁（青石随笔）

读书贵在有恒，一年读完十本书不难，难的是每天都读上一页。

门口的老茶馆（“老街坊”说事）

老茶馆开了三十年，茶客换了几茬，掌柜还是那位甲某。
";

#[test]
fn titles_carrying_a_column_label_head_their_own_articles() {
    let p = process("column-label.txt", COLUMN_LABEL_PAGE);
    let heads: Vec<(Option<&str>, Option<&str>)> = p.articles.iter().map(|a| (a.headline.as_deref(), a.rubric.as_deref())).collect();
    assert_eq!(
        heads,
        [
            (Some("青石县老旧小区改造全面完成"), None),
            // a column and its series (·), 11 characters: the rubric, as a 2-character one
            (Some("“把小事办好，把实事办实”"), Some("基层治理一线见闻·听民声")),
            (Some("“书香”要不得浮躁"), Some("青石随笔")),
            (Some("门口的老茶馆（“老街坊”说事）"), None),
        ]
    );
    assert!(p.articles.iter().all(|a| a.blocks.len() == 1 && a.blocks[0].kind == BlockKind::Paragraph));
}

/// Credits whose spaces the OCR lost: a reporter and a correspondent run together (the
/// 讯 of 通讯员 is no dispatch's 讯), the same inside a dispatch's bracket, and a text and
/// photo credit run together (`rules/byline.rs`: `leading`, `split_token`, `parse_people`).
const RUN_TOGETHER_CREDITS_PAGE: &str = "山村小学开通同步课堂

本报记者甲一鸣通讯员乙小红

松岭乡中心小学的孩子们每天都能上同步课堂，老师说效果很好。

城南片区老旧管网改造完工

本报讯（记者丙海宁实习生丁雨晴）记者从市住房和城乡建设局获悉，城南片区改造完工。

一条老街的新生

文/本报记者戊思远图/本报记者己晓光

老街上的店铺重新开张了，街坊们都很高兴。
";

#[test]
fn credits_run_together_by_the_ocr_are_read_into_their_people() {
    let p = process("run-together-credits.txt", RUN_TOGETHER_CREDITS_PAGE);
    type Person<'a> = (&'a str, Option<&'a str>, Option<CreditFor>);
    let read: Vec<(Option<&str>, Option<&str>, Vec<Person>)> = p
        .articles
        .iter()
        .map(|a| {
            (a.byline.as_deref(), a.dateline.as_deref(), a.authors.iter().map(|x| (x.name.as_str(), x.role.as_deref(), x.credit)).collect())
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some("本报记者甲一鸣通讯员乙小红"), None, vec![("甲一鸣", Some("记者"), None), ("乙小红", Some("通讯员"), None)]),
            (
                Some("本报讯（记者丙海宁实习生丁雨晴）"),
                Some("本报讯"),
                vec![("丙海宁", Some("记者"), None), ("丁雨晴", Some("实习生"), None)]
            ),
            (
                Some("文/本报记者戊思远图/本报记者己晓光"),
                None,
                vec![("戊思远", Some("记者"), Some(CreditFor::Text)), ("己晓光", Some("记者"), Some(CreditFor::Photo))]
            ),
        ]
    );
    assert!(p.articles.iter().all(|a| a.blocks.len() == 1));
}

/// A photo credit on a line of its own (a caption's last words wrapped away from it):
/// it credits a picture, never an article (`rules/byline.rs standalone`).
const PHOTO_CREDIT_LINE_PAGE: &str = "社区书记的一天

特约记者 甲某

早上八点，社区书记已经走完了她负责的三栋楼。

图为社区书记在走访独居老人。

特约记者庚某摄

高原牧区迎来流动医院

本报雪岭11月5日电（记者 辛某）一辆辆医疗车近日开进了牧区。
";

#[test]
fn a_photo_credit_on_its_own_line_is_no_byline() {
    let p = process("photo-credit-line.txt", PHOTO_CREDIT_LINE_PAGE);
    let read: Vec<(Option<&str>, Option<&str>)> = p.articles.iter().map(|a| (a.headline.as_deref(), a.byline.as_deref())).collect();
    assert_eq!(
        read,
        [(Some("社区书记的一天"), Some("特约记者 甲某")), (Some("高原牧区迎来流动医院"), Some("本报雪岭11月5日电（记者 辛某）"))]
    );
    let captions: Vec<&str> = p.articles[0].blocks.iter().filter(|b| b.kind == BlockKind::Caption).map(|b| b.text.as_str()).collect();
    assert!(captions.iter().any(|c| c.ends_with("特约记者庚某摄")), "{captions:?}");
}

/// A paper's own special dispatch with no agency named, opening the first paragraph
/// ("青州 十五日專電…"), is the byline and dateline; one quoted inside a body ("…專電稱：")
/// credits nothing and opens no article (`rules/byline.rs special_dispatch`).
const SPECIAL_DISPATCH_PAGE: &str = "各縣籌辦冬賑

青州 十五日專電各縣冬賑事宜，近已次第籌備就緒，省府撥款五萬元。

冬賑不容再緩

本報記者 乙某

本年冬賑之議，各方頗多建言。
白城十二日專電稱：該地饑民已逾萬人，亟待救濟。
是則冬賑之舉，不容再緩矣。
";

#[test]
fn a_special_dispatch_without_an_agency_is_the_dateline() {
    let p = process("special-dispatch.txt", SPECIAL_DISPATCH_PAGE);
    let read: Vec<(Option<&str>, Option<&str>, Option<&str>)> =
        p.articles.iter().map(|a| (a.headline.as_deref(), a.byline.as_deref(), a.dateline.as_deref())).collect();
    assert_eq!(
        read,
        [(Some("各縣籌辦冬賑"), Some("青州 十五日專電"), Some("青州十五日專電")), (Some("冬賑不容再緩"), Some("本報記者 乙某"), None)]
    );
    assert!(p.articles[0].blocks[0].text.starts_with("各縣冬賑事宜"));
    assert!(p.articles[1].blocks.iter().any(|b| b.text.contains("白城十二日專電稱")));
}

/// Issue 13 (committed set plain p021): a continuation (上接…) printed with its own title, a
/// short unpunctuated line set apart from the text under it by a blank line, has that
/// title as its headline; it was the first line of its body. A continuation that opens
/// with a short piece of a sentence, the text going on under it, keeps no headline.
#[test]
fn a_continuations_own_title_set_apart_by_a_blank_line_is_its_headline() {
    let body = "走进园区的一家企业，厂\n房里机器正在有序运转，\n工人们忙着调试新设备。\n";
    let page = process("t.txt", &format!("（上接第一版）\n\n河谷新区项目加快落地\n\n{body}"));
    assert_eq!(headlines(&page), vec![Some("河谷新区项目加快落地")], "{:#?}", page.articles);
    let a = &page.articles[0];
    assert_eq!(a.jumps.len(), 1);
    assert_eq!(a.jumps[0].page, Some(1));
    assert!(a.blocks[0].text.starts_with("走进园区的一家企业"), "{:#?}", a.blocks);
    let page = process("t.txt", &format!("（上接第一版）\n\n河谷新区项目加快落地\n{body}"));
    assert_eq!(headlines(&page), vec![None], "{:#?}", page.articles);
    assert!(page.articles[0].blocks[0].text.starts_with("河谷新区项目加快落地"));
}

/// A page whose paragraphs follow one another with no blank line between them (a text
/// layer's or an OCR tool's plain export), where only the headlines stand between blank
/// lines. Names and places invented.
const TIGHT_PAGE: &str = "河谷日报  2024年6月3日  星期一

河谷新区建成首座智慧农场

河谷新区首座智慧农场日前建成投用，占地三百余亩。
农场引入自动灌溉系统，用水量比过去减少三成。
负责人甲某说，下一步将向周边村庄推广这套做法。
一排排大棚整齐排列。

晚风里的老码头

老码头的石阶被江水冲刷得光滑发亮。
傍晚时分，渔船陆续靠岸，码头上又热闹起来。
";

/// assemble.rs `tight_paragraphs`, segment.rs: on a page whose paragraphs run on with
/// no blank line, a display line set apart by blank lines above and below heads a new
/// article ("晚风里的老码头" was read as a subhead of the farm story).
#[test]
fn a_line_set_apart_by_blank_lines_on_a_page_of_unparted_paragraphs_is_a_headline() {
    let page = process("page.txt", TIGHT_PAGE);
    assert_eq!(headlines(&page), [Some("河谷新区建成首座智慧农场"), Some("晚风里的老码头")]);
    assert_eq!(page.articles[0].blocks.len(), 4);
    assert!(page.articles[0].blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert_eq!(page.articles[1].blocks[0].text, "老码头的石阶被江水冲刷得光滑发亮。");
}

/// The same page with blank lines between its paragraphs: nothing sets the line apart
/// more than a paragraph, and it stays a subhead, as a subhead set in the run of
/// paragraphs with no blank line around it stays one.
#[test]
fn a_line_set_apart_as_the_paragraphs_are_stays_a_subhead() {
    let loose = TIGHT_PAGE.replace("。\n", "。\n\n").replace("\n\n\n", "\n\n");
    let page = process("page.txt", &loose);
    assert_eq!(headlines(&page), [Some("河谷新区建成首座智慧农场")]);
    assert!(page.articles[0].blocks.iter().any(|b| b.kind == BlockKind::Subhead && b.text == "晚风里的老码头"));
    let run_on = TIGHT_PAGE.replace("整齐排列。\n\n晚风里的老码头\n\n", "整齐排列。\n晚风里的老码头\n");
    let page = process("page.txt", &run_on);
    assert_eq!(headlines(&page), [Some("河谷新区建成首座智慧农场")]);
    assert!(page.articles[0].blocks.iter().any(|b| b.kind == BlockKind::Subhead && b.text == "晚风里的老码头"));
}

/// A plain page hard-wrapped at twelve characters; the second title, with its column's
/// label, is as wide as the column. Names and places invented.
const LABELLED_NARROW_PAGE: &str = "青石日报  2024年5月6日  星期一

青石县老旧小区改造全面完成

今年以来，青石县加快推进老
旧小区改造，已完成改造项目
四十二个，惠及居民一万二千
余户。

一曲花鼓唱山乡（乡村文化）

傍晚时分，东辛庄村的文化广
场上锣鼓声声，村民们跳起了
花鼓舞，笑声不断。
";

/// classify.rs `headlines_over_credits`: a title ending in its column label, as wide as
/// a narrow column and set apart by blank lines, was read as a full body line and glued
/// to the article before; it heads its own article, the label its rubric.
#[test]
fn a_labelled_title_as_wide_as_a_narrow_column_heads_an_article() {
    let page = process("page.txt", LABELLED_NARROW_PAGE);
    assert_eq!(headlines(&page), [Some("青石县老旧小区改造全面完成"), Some("一曲花鼓唱山乡")]);
    assert_eq!(page.articles[1].rubric.as_deref(), Some("乡村文化"));
    assert_eq!(page.articles[0].blocks.len(), 1);
    assert_eq!(page.articles[1].blocks[0].text, "傍晚时分，东辛庄村的文化广场上锣鼓声声，村民们跳起了花鼓舞，笑声不断。");
    // A jump marker in brackets is no column label: the line stays text, its jump read
    // (the whole-issue harness, issue-text i01).
    let page = process("page.txt", &LABELLED_NARROW_PAGE.replace("一曲花鼓唱山乡（乡村文化）", "改造惠及居民（下转第五版）"));
    assert_eq!(headlines(&page), [Some("青石县老旧小区改造全面完成")]);
    let a = &page.articles[0];
    assert!(a.blocks.iter().any(|b| b.kind == BlockKind::Paragraph && b.text == "改造惠及居民"), "{:#?}", a.blocks);
    assert_eq!(a.jumps.iter().map(|j| j.page).collect::<Vec<_>>(), [Some(5)]);
}

/// classify.rs `CAPTION_RE`, `may_be_caption`: a photo credit with the picture agency in
/// brackets after it ("甲某摄（山城视觉）", either bracket width) alone on its line was read
/// as a display line, the kicker of the next article; it is a caption of the article it
/// ends. Names and agency invented.
#[test]
fn a_photo_credit_with_its_agency_in_brackets_is_a_caption() {
    for credit in ["甲某摄（山城视觉）", "甲某摄(山城视觉)"] {
        let text = format!(
            "青石日报  2024年5月6日  星期一\n\n## 青年走进青石县博物馆\n\n近日，三十名青年走进青石县博物馆，开展研学活动。图为青年在馆内参观。\n\n{credit}\n\n## 河谷新区开通首趟货运班列\n\n本报河谷5月5日电（记者乙某）5日，首趟货运班列从河谷新区启程。\n"
        );
        let page = process("page.md", &text);
        assert_eq!(headlines(&page), [Some("青年走进青石县博物馆"), Some("河谷新区开通首趟货运班列")], "{credit}");
        assert_eq!(page.articles[1].kicker, None, "{credit}");
        let caption = page.articles[0].blocks.iter().find(|b| b.kind == BlockKind::Caption).expect("a caption");
        assert_eq!(caption.text, credit.replace('(', "（").replace(')', "）"), "{credit}");
    }
}

/// A Markdown quotation box: its label, its sentence wrapped with the last two characters
/// alone on the box's last line, then a quote that ends its sentence over its credit
/// (invented text; the kind from the tabloid pages of `bha25-tabloids`).
const WRAPPED_QUOTE_PAGE: &str = "> 最高指示
> 一切工作都要从实际出发，要同群众商量，要把群众的意见集中起来再到群众中去，这是
> 法宝

# 全社春耕生产全面展开

各大队抓紧时间修好农具积好肥料，社员们起早贪黑把秧田整得平平整整。
";

#[test]
fn a_quotations_last_characters_wrapped_alone_are_its_text_not_its_byline() {
    // classify.rs `classify_with` (quote_tail).
    let page = process("quote.md", WRAPPED_QUOTE_PAGE);
    let first = &page.articles[0];
    assert_eq!((first.byline.as_deref(), first.authors.len()), (None, 0));
    let last = first.blocks.last().expect("the quote's blocks");
    assert_eq!(last.kind, BlockKind::Quote);
    assert!(last.text.ends_with("再到群众中去，这是法宝"), "{:?}", last.text);
    assert_eq!(headlines(&page), [None, Some("全社春耕生产全面展开")]);
}

#[test]
fn a_name_under_a_quotations_finished_sentence_is_still_its_credit() {
    // The same box with its sentence ended: the short line under it is the quote's credit.
    let page = process("quote.md", &WRAPPED_QUOTE_PAGE.replace("这是\n> 法宝", "这是法宝。\n> 毛泽东"));
    assert_eq!(page.articles[0].byline.as_deref(), Some("毛泽东"));
}

/// Heads of one level with blank lines between them (invented): a flat Markdown page
/// (every heading `#`) and a plain page of display lines set apart by blank lines.
const FLAT_HEADS_MD: &str = "# 北湾港货物吞吐量创同期新高

# 前十月累计完成三百六十万标箱

本报讯（记者 甲某）今年前十个月，北湾港累计完成货物吞吐量三百六十万标箱，同比增长百分之九。

# 石桥县推进“一乡一业”特色种植

# 小小茶叶撑起致富路

本报讯（记者 乙某）入冬以来，石桥县各乡镇的茶园里一片繁忙，茶农们正忙着修剪、施肥。
";

#[test]
fn heads_of_one_level_parted_by_blank_lines_are_two_heads_the_shorter_the_headline() {
    // rules/headline.rs `assign`: a blank line between two heads set alike parts them (they
    // were joined into one headline); the shorter is the headline.
    let page = process("flat.md", FLAT_HEADS_MD);
    let heads: Vec<_> = page.articles.iter().map(|a| (a.kicker.as_deref(), a.headline.as_deref(), a.subheadline.as_deref())).collect();
    assert_eq!(
        heads,
        [
            (None, Some("北湾港货物吞吐量创同期新高"), Some("前十月累计完成三百六十万标箱")),
            (Some("石桥县推进“一乡一业”特色种植"), Some("小小茶叶撑起致富路"), None),
        ]
    );
    // Plain text, the same page without the Markdown.
    let page = process("flat.txt", &FLAT_HEADS_MD.replace("# ", ""));
    let heads: Vec<_> = page.articles.iter().map(|a| (a.kicker.as_deref(), a.headline.as_deref(), a.subheadline.as_deref())).collect();
    assert_eq!(heads[1], (Some("石桥县推进“一乡一业”特色种植"), Some("小小茶叶撑起致富路"), None));
    // Set on two lines with no blank line between, a short headline is one.
    let page = process("two.md", &FLAT_HEADS_MD.replace("新高\n\n#", "新高\n#"));
    assert_eq!(page.articles[0].headline.as_deref(), Some("北湾港货物吞吐量创同期新高 前十月累计完成三百六十万标箱"));
}

/// segment.rs (Draft::takes_dispatch): a briefs column (要聞簡報) under one headline,
/// each brief opening with its own bare dispatch tag, alone on a line or run into the
/// brief, bare or (the paper's own, 〔本報江口電〕, under the paper's own) bracketed,
/// stays one article; the tags are paragraph openings and the article's
/// dateline stays its first (a second dispatch is not the article's dateline).
#[test]
fn briefs_column_dispatch_tags_open_briefs_not_articles() {
    let page = process(
        "page.txt",
        "要聞簡報\n\n（本報訊）青石電\n\n青石縣修築堤岸，工程五日完竣，\n縣長甲某親往察看。\n\n本報白沙電\n\n白沙商會四日開會，推舉乙某為會長。\n\n本報紅嶺電據縣府統計，本月入境難民共三百餘人。\n\n〔本報江口電〕江口輪船公司新輪一艘，定下月啓航。\n",
    );
    assert_eq!(page.articles.len(), 1, "{:?}", headlines(&page));
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("本報訊"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "青石電",
            "青石縣修築堤岸，工程五日完竣，縣長甲某親往察看。",
            "本報白沙電",
            "白沙商會四日開會，推舉乙某為會長。",
            "本報紅嶺電據縣府統計，本月入境難民共三百餘人。",
            "〔本報江口電〕江口輪船公司新輪一艘，定下月啓航。",
        ]
    );
    assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    // Another source's bracketed dispatch after the body opens its own article (its
    // headline may have been read elsewhere: eval h016).
    let page =
        process("page.txt", "要聞簡報\n\n（本報訊）青石電\n\n青石縣修築堤岸，工程五日完竣。\n\n〔路透社倫敦十日電〕英國內閣昨日改組。\n");
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
    assert_eq!(page.articles[1].dateline.as_deref(), Some("路透社倫敦十日電"));
}

/// Issue 13 (申報): a dispatch tag the OCR split over two lines (本報 / 青石電, each
/// alone) is one dispatch credit, not a two-line headline opening an article.
#[test]
fn dispatch_tag_split_over_two_lines_is_one_credit() {
    let page = process(
        "page.txt",
        "青石縣新堤落成\n\n本報\n\n青石電\n\n青石縣修築堤岸，工程五日完竣，縣長甲某親往察看。\n\n本報\n\n白沙五日電\n\n白沙商會四日開會，推舉乙某為會長。\n",
    );
    assert_eq!(headlines(&page), vec![Some("青石縣新堤落成")]);
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("本報青石電"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, vec!["青石縣修築堤岸，工程五日完竣，縣長甲某親往察看。", "本報白沙五日電", "白沙商會四日開會，推舉乙某為會長。"]);
    // A lone 本報 with no place and 電 under it stays as it was read.
    let page = process("page.txt", "青石縣新堤落成\n\n本報\n\n青石縣修築堤岸，工程五日完竣。\n");
    assert!(page.articles.iter().all(|a| a.dateline.is_none()), "{:?}", headlines(&page));
}
