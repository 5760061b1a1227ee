//! Regression tests: each pins a fault the property tests, the pathological pages or
//! the fuzzer found, named for the case. The fix is in the module named.

use crate::common;

use banmian::{Options, Pipeline};

fn process(text: &str) -> banmian::Page {
    let page = Pipeline::new(Options::default()).expect("default pipeline").process("page.md", text);
    common::assert_sane(text, &page);
    page
}

/// byline.rs: "报道" closing a bracketed credit was dropped from the byline (and so
/// lost from the output).
#[test]
fn credit_closed_by_baodao_keeps_it_in_the_byline() {
    let page = process("本报哈尔滨3月4日电（记者 李明 报道）全市夏粮收购工作进展顺利。");
    let a = &page.articles[0];
    assert_eq!(a.byline.as_deref(), Some("本报哈尔滨3月4日电（记者 李明 报道）"));
    assert_eq!(a.authors[0].name, "李明");
    assert_eq!(a.blocks[0].text, "全市夏粮收购工作进展顺利。");
}

/// segment.rs: of two printed date lines in one headline group, or a date line under a
/// credit that already gave the dateline, only one was kept.
#[test]
fn second_printed_date_line_is_kept_in_the_dateline() {
    let page = process("2021年1月12日\n\n（2021年1月13日）\n\n平情干并解们，区社如任为三间山经之现。\n");
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("2021年1月12日 2021年1月13日"));
    assert_eq!(a.date.as_deref(), Some("2021-01-12"));
    let page = process("# 标题\n\n（2021年1月12日）\n\n本报讯（记者 尹明）会议举行。\n");
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("本报讯 2021年1月12日"));
    assert_eq!(a.date.as_deref(), Some("2021-01-12"));
}

/// punct.rs: a half-width mark beside a mark that had just been made full width stayed
/// half width, so normalizing twice changed the text again.
#[test]
fn mark_beside_a_converted_mark_converts_too() {
    for s in ["(:的", "的:(", "\"中\",a", "会议(a),b", "x!?的"] {
        let once = banmian::rules::punct::normalize(s);
        assert_eq!(banmian::rules::punct::normalize(&once), once, "{s}");
    }
    assert_eq!(banmian::rules::punct::normalize("(:的"), "（：的");
    assert_eq!(banmian::rules::punct::normalize("\"中\",a"), "“中”，a");
    assert_eq!(banmian::rules::punct::normalize("x!?的"), "x！？的");
}

/// dedup.rs (and segment.rs): an article left with only a printed date line once its
/// duplicate paragraph was removed was dropped, and the date with it.
#[test]
fn article_left_with_only_a_date_line_after_dedup_is_kept() {
    let para = "加上气问必决利里她区，此各把体表心强入然知。";
    let page = process(&format!("(接第1版)\n\n{para}\n\n> 郑 重\n\n（2021年1月12日）\n\n{para}\n"));
    assert_eq!(page.articles.len(), 2);
    assert_eq!(page.articles[0].blocks[0].text, para);
    let dated = &page.articles[1];
    assert_eq!((dated.dateline.as_deref(), dated.date.as_deref(), dated.lines), (Some("2021年1月12日"), Some("2021-01-12"), [7, 9]));
    assert!(dated.blocks.is_empty());
    assert_eq!(page.removed.len(), 1);
    assert_eq!((page.removed[0].lines, page.removed[0].duplicate_of), ([9, 9], Some(banmian::BlockRef { article: 0, block: 0 })));
}
