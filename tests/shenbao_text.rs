//! Issues 13 and 14, text-stage faults seen on Republican-era (申報-like) pages, Traditional
//! script: one test page per fault kind fixed, its text invented here (places, names and
//! events made up). The fix is in the module named on each test.

use crate::accuracy_text::{headlines, process};

use banmian::BlockKind;

/// `stages::segment` (`Draft::collects_dispatches`): an article that collects several
/// dispatches under one headline, marked by a 〔又電〕 paragraph, keeps the bracketed
/// dispatches after it (the paper's own in 「」, another source's in 〔〕) as its
/// paragraphs; its dateline stays its first dispatch's. Without the 又電 paragraph the
/// same 中央社 dispatch after the body still opens an article of its own.
#[test]
fn dispatches_after_a_repeat_dispatch_tag_stay_in_their_collection() {
    let text = "## 青石新堤落成 各地同伸慶賀\n\n（中央社青石十二日電）青石新堤今日落成，縣民數千人集會慶祝。\n\n〔又電〕縣府於午後設宴，到甲某乙某等三十餘人。\n\n「本報白沙十一日電」白沙今日懸旗誌慶，商店休業半日。\n\n〔中央社紅嶺十一日電〕紅嶺各界代表千餘人，上午在公園集會。\n\n## 江口輪船公司新輪下水\n\n〔本報訊〕江口輪船公司新輪一艘，昨日下水。\n";
    let page = process("page.md", text);
    assert_eq!(headlines(&page), vec![Some("青石新堤落成 各地同伸慶賀"), Some("江口輪船公司新輪下水")]);
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("中央社青石十二日電"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "青石新堤今日落成，縣民數千人集會慶祝。",
            "〔又電〕縣府於午後設宴，到甲某乙某等三十餘人。",
            "「本報白沙十一日電」白沙今日懸旗誌慶，商店休業半日。",
            "〔中央社紅嶺十一日電〕紅嶺各界代表千餘人，上午在公園集會。",
        ]
    );
    assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));

    // No 又電 paragraph: a dispatch of another day is an article of its own, as before.
    let text = "## 青石新堤落成\n\n（中央社青石十二日電）青石新堤今日落成，縣民數千人集會慶祝。\n\n〔中央社紅嶺十一日電〕紅嶺各界代表千餘人，上午在公園集會。\n";
    let page = process("page.md", text);
    assert_eq!(page.articles.len(), 2, "{:?}", headlines(&page));
    assert_eq!(page.articles[1].dateline.as_deref(), Some("中央社紅嶺十一日電"));
}

/// `rules::byline::repeat_dispatch_tag`: the tag as printed, with its opening bracket
/// lost, or its closing bracket read as 一 (a vertical page's bracket is a flat stroke).
#[test]
fn a_repeat_dispatch_tag_is_read_however_its_brackets_came_out() {
    use banmian::rules::byline::repeat_dispatch_tag;
    assert!(repeat_dispatch_tag("〔又電〕縣府於午後設宴"));
    assert!(repeat_dispatch_tag("又電一縣府於午後設宴"));
    assert!(repeat_dispatch_tag("(又電]縣府於午後設宴"));
    assert!(repeat_dispatch_tag("（又电）县府于午后设宴"));
    // 又電 as words of a sentence is no tag.
    assert!(!repeat_dispatch_tag("又電告各縣，即日施行"));
    assert!(!repeat_dispatch_tag("縣府又電省府請示"));
}

/// `rules::byline::standalone`: a dispatch alone on its line in round brackets (a column
/// split or a narrow column puts it there) keeps them in the byline, as printed and as
/// the same dispatch at a paragraph's head keeps them; the dateline is the dispatch
/// without them. A bracketed name credit kept them already.
#[test]
fn a_bracketed_dispatch_alone_on_its_line_keeps_its_brackets_in_the_byline() {
    for (credit, byline, dateline) in [
        ("（中央社青石十二日電）", "（中央社青石十二日電）", Some("中央社青石十二日電")),
        ("(本報白沙電)", "（本報白沙電）", Some("本報白沙電")),
        ("（本報訊）", "（本報訊）", Some("本報訊")),
        ("（記者 甲某）", "（記者 甲某）", None),
    ] {
        let text = format!("青石新堤落成\n\n{credit}\n\n青石新堤今日落成，縣民數千人集會慶祝。\n");
        let page = process("page.txt", &text);
        assert_eq!(headlines(&page), vec![Some("青石新堤落成")], "{credit}");
        let a = &page.articles[0];
        assert_eq!(a.byline.as_deref(), Some(byline), "{credit}");
        assert_eq!(a.dateline.as_deref(), dateline, "{credit}");
        assert_eq!(a.blocks.len(), 1, "{credit}");
    }
    // At a paragraph's head the same dispatch reads alike.
    let page = process("page.txt", "青石新堤落成\n\n（中央社青石十二日電）青石新堤今日落成，縣民數千人集會慶祝。\n");
    assert_eq!(page.articles[0].byline.as_deref(), Some("（中央社青石十二日電）"));
}

/// `rules::furniture` (`briefs_title`): a section's briefs column titled 要聞簡報 right
/// under the running head ends in 報 like a paper's name, yet is the column's headline,
/// not furniture. A name ending in 簡報 that is no section's stays furniture at the edge.
#[test]
fn a_briefs_column_title_under_the_running_head_is_a_headline_not_furniture() {
    let text = "青石日報 中華民國二十四年三月五日 星期二 第三版 要聞\n\n要聞簡報\n\n（本報訊）白沙電白沙商會四日開會，推舉乙某為會長。\n";
    let page = process("page.txt", text);
    assert_eq!(headlines(&page), vec![Some("要聞簡報")]);
    assert_eq!(page.articles[0].dateline.as_deref(), Some("本報訊"));
    let furniture: Vec<&str> = page.leftovers.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(furniture, vec!["青石日報 中華民國二十四年三月五日 星期二 第三版 要聞"]);

    let page = process("page.txt", "青石簡報\n\n要聞簡報\n\n（本報訊）白沙電白沙商會四日開會，推舉乙某為會長。\n");
    let furniture: Vec<&str> = page.leftovers.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(furniture, vec!["青石簡報"]);
    assert_eq!(headlines(&page), vec![Some("要聞簡報")]);
}

/// `stages::segment` (`Draft::same_day_dispatch`): another agency's dispatch of the same
/// day, right after the article's paragraph with no headline of its own, is the next
/// report of that article; one of another day, or naming no day, still opens an
/// article (its headline may have been read elsewhere on a multi-column page).
#[test]
fn another_agencys_dispatch_of_the_same_day_stays_in_the_article() {
    let article =
        |second: &str| format!("## 青石議會通過新約\n\n（路透社青石城七日電）青石議會今日通過新約。\n\n{second}議長甲某於會後發表談話。\n");
    let page = process("page.md", &article("〔合眾社青石七日電〕"));
    assert_eq!(headlines(&page), vec![Some("青石議會通過新約")]);
    let a = &page.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("路透社青石城七日電"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, vec!["青石議會今日通過新約。", "〔合眾社青石七日電〕議長甲某於會後發表談話。"]);
    // The OCR's 曰 for 日 names the same day.
    let page = process("page.md", &article("〔合眾社青石七曰電〕"));
    assert_eq!(page.articles.len(), 1, "{:?}", headlines(&page));
    // Another day, or no day named: an article of its own.
    for second in ["〔合眾社白沙八日電〕", "〔合眾社青石十七日電〕", "【本報訊】"] {
        let page = process("page.md", &article(second));
        assert_eq!(page.articles.len(), 2, "{second}: {:?}", headlines(&page));
    }
}

/// `rules::byline::dispatch_day`: the day's numerals before the last 日 (or 曰).
#[test]
fn a_dispatchs_day_is_the_numerals_before_its_last_ri() {
    use banmian::rules::byline::dispatch_day;
    assert_eq!(dispatch_day("合眾社青石七日電"), Some("七"));
    assert_eq!(dispatch_day("中央社白沙廿五日電"), Some("廿五"));
    assert_eq!(dispatch_day("中央社紅嶺9日電"), Some("9"));
    assert_eq!(dispatch_day("合眾社青石七曰電"), Some("七"));
    assert_eq!(dispatch_day("本報訊"), None);
    assert_eq!(dispatch_day("本報白沙日電"), None);
}

/// `rules::furniture` (`title_word_before`): a headline at the page's top whose words
/// end in 第一頁 ("the first page" of a history) is no page label glued to a running
/// head; running heads whose label follows a space, the paper's name, a section or the
/// date stay furniture.
#[test]
fn a_headline_saying_first_page_at_the_top_is_not_a_page_label() {
    let text = "青石日報 中華民國二十四年三月五日 星期二\n\n第三版 要聞\n\n#### 建縣史第一頁 青石設縣記\n\n（本報訊）青石設縣之議，始於前清，至今三十年。\n";
    let page = process("page.md", text);
    assert_eq!(headlines(&page), vec![Some("建縣史第一頁 青石設縣記")]);
    let furniture: Vec<&str> = page.leftovers.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(furniture, vec!["青石日報 中華民國二十四年三月五日 星期二", "第三版 要聞"]);
    for head in ["青石日報第三版", "要聞第三版", "星期二第三版"] {
        let page = process("page.txt", &format!("{head}\n\n青石設縣記\n\n（本報訊）青石設縣之議，始於前清，至今三十年。\n"));
        let furniture: Vec<&str> = page.leftovers.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(furniture, vec![head], "{head}");
    }
}
