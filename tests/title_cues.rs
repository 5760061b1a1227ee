//! Issue 13, what tells a title from a subhead on text pages. Tesseract's plain text of
//! one-column pages (local 人民日报 set: 0 of 13 articles found): a photo read as a line
//! of scattered pieces, a title under it, and the title's column label in brackets
//! Tesseract misreads. Plain pages: a title set like the page's subheads (a short line
//! between blank lines after a paragraph) whose phrases a wide gap parts. Test pages
//! written here (names, places and paper invented), laid out as those pages are.

use crate::accuracy_text::{headlines, process};

use banmian::{Page, RemovedReason};

/// Two articles, each under a photo that Tesseract read as a line of pieces parted by
/// wide gaps; the first title ends in its column label opened by a misread 〈, the
/// second has no label and runs straight into its text.
const PAGE: &str = "青石日报海外版 2025年6月3日 星期二

         Qa                 、           < 5二
一支竹笛走天涯 〈 我在边境口岸这些年 )

“竹笛一响，远方的朋友就来了。”

说起这支竹笛，甲某的话匣子就打开了。他在边境口岸工作了十二年，
每逢节日都会为来往的旅客吹上一曲，
这支竹笛是父亲留给他的。

\\乙KK岂     3    一         图史 口口 44
老钟表匠的新徒弟
乙某的钟表铺开在老街拐角，铺子不大，墙上挂满了各式挂钟。这
个暑假，他收了两个中学生当徒弟。
两个孩子每天下午准时到铺子里，先学认零件，再学拆洗机芯，
一个月下来已经能修好走时不准的闹钟。
";

fn removed_noise(page: &Page) -> Vec<&str> {
    page.removed.iter().filter(|r| r.reason == RemovedReason::Noise).map(|r| r.text.as_str()).collect()
}

/// classify (`photo_noise`): a photo read as pieces parted by wide gaps, with Latin
/// letters and no Han word among them, is removed as noise, not read as a kicker or a
/// paragraph.
#[test]
fn a_photo_read_as_scattered_pieces_is_noise() {
    let page = process("photo.txt", PAGE);
    let noise = removed_noise(&page);
    assert_eq!(noise.len(), 2, "{noise:?}");
    assert!(noise[0].contains("Qa") && noise[1].contains("KK"), "{noise:?}");
    for a in &page.articles {
        assert!(a.kicker.is_none(), "{:?}", a.kicker);
        assert!(a.blocks.iter().all(|b| !b.text.contains("口口")), "{:?}", a.blocks);
    }
}

/// headline (`column_label`, `split_rubric_suffix`): a column label opened by 〈 (a
/// misread （) with spaces inside the brackets is the rubric, not part of the headline.
#[test]
fn a_column_label_with_a_misread_bracket_is_the_rubric() {
    let page = process("photo.txt", PAGE);
    assert_eq!(page.articles[0].headline.as_deref(), Some("一支竹笛走天涯"));
    assert_eq!(page.articles[0].rubric.as_deref(), Some("我在边境口岸这些年"));
}

/// segment (`group_is_headline`, `Unit::under_photo`): a title under a photo heads a new
/// article, however like a subhead it is set; its text goes with it.
#[test]
fn a_title_under_a_photo_heads_an_article() {
    let page = process("photo.txt", PAGE);
    assert_eq!(headlines(&page), [Some("一支竹笛走天涯"), Some("老钟表匠的新徒弟")]);
    assert_eq!(page.articles[1].blocks.len(), 2, "{:?}", page.articles[1].blocks);
    assert!(page.articles[1].blocks[0].text.starts_with("乙某的钟表铺"));
}

/// A plain page whose lines are all set apart by blank lines: an article with its
/// headline, then a title in two phrases parted by two spaces, under a paragraph.
const GAP_PAGE: &str = "青石日报  2025年3月9日  星期日

湖边的早市

天刚亮，湖边的早市就热闹起来了。

卖菜的老甲把青菜码得整整齐齐，一边吆喝一边给熟客称菜。

守住青山绿水  留住田园乡愁

春耕时节，青石县各乡镇组织干部群众植树造林，今年已种下树苗十万株。

县林业局负责人说，造林地块都落实了管护责任人。
";

/// segment (`group_is_headline`, `headline::wide_phrase_gap`): a title whose phrases a
/// wide gap parts heads an article, though it is set like a subhead; a subhead's phrases
/// are one space apart.
#[test]
fn a_title_in_phrases_parted_by_a_wide_gap_heads_an_article() {
    let page = process("gap.txt", GAP_PAGE);
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
    assert_eq!(
        page.articles[1].headline.as_deref().map(|h| h.split_whitespace().collect::<Vec<_>>()),
        Some(vec!["守住青山绿水", "留住田园乡愁"])
    );
    assert_eq!(page.articles[1].blocks.len(), 2);
    assert!(page.articles[0].blocks.iter().all(|b| !b.text.contains("青山")));
}
