//! Issue 13, Tesseract's plain text of one-column pages (local 人民日报 set: 0 of 13
//! articles found): a photo read as a line of scattered pieces, a title under it, and the
//! title's column label in brackets Tesseract misreads. One test page, written here
//! (names, places and paper invented), laid out as Tesseract prints such a page.

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
