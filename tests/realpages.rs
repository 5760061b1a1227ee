//! The real PaddleOCR pages in `../shared/realpages` (or `$BANMIAN_SHARED/realpages`;
//! third-party data, never copied into this repository): every page is read without
//! error, and on the three tabloid front pages the main articles are read column by
//! column under their headlines, with their jumps. The assertions are structural (no
//! text of the pages is written here). When the shared folder is absent the tests are
//! ignored, with the reason (`build.rs`).

use std::path::{Path, PathBuf};

use banmian::geometry::{self as reading_order, Recovered};
use banmian::read::paddleocr as boxes;
use banmian::{Article, BlockKind, InputFormat, JumpDirection, Options, Page, Pipeline};

/// `$BANMIAN_SHARED/realpages` (as `.ci/run` names the shared folder), by default
/// `../shared/realpages`, as `build.rs` found it: the tests that read it are ignored,
/// with the reason, when the shared folder is absent. `None` (the test then fails)
/// when the shared folder is there but not its real pages.
fn realpages() -> Option<PathBuf> {
    let dir = Path::new(env!("BANMIAN_SHARED_DIR")).join("realpages");
    assert!(dir.is_dir(), "{} is not here (the real pages are not part of the repository)", dir.display());
    Some(dir)
}

fn pipeline() -> Pipeline {
    Pipeline::new(Options::default().input_format(InputFormat::Paddleocr)).unwrap()
}

#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn every_real_box_page_is_read_without_error() {
    let Some(dir) = realpages() else { return };
    let mut pages = 0;
    for folder in ["bha25-tabloids/raw_paddleocr", "bha21-leaflets/raw_paddleocr"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(folder)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
            let bytes = std::fs::read(f).unwrap();
            let page = pipeline().process_bytes("p.json", &bytes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let boxes = boxes::parse(&bytes).unwrap().boxes.iter().filter(|b| !b.text.is_empty()).count();
            // Every box with text is somewhere: in a block, a leftover, `removed`, or a
            // headline group (whose lines are in an article's span).
            let r = reading_order::recover(&boxes::parse(&bytes).unwrap());
            let placed: usize = r.lines.iter().map(|l| l.pieces.len()).sum::<usize>() + r.noise.len();
            assert!(placed >= boxes, "{}: {placed} pieces for {boxes} boxes", f.display());
            assert!(!page.articles.is_empty() || !page.leftovers.is_empty(), "{}", f.display());
            pages += 1;
        }
    }
    assert_eq!(pages, 35);
}

struct Front {
    page: Page,
    recovered: Recovered,
}

fn front(name: &str) -> Option<Front> {
    let dir = realpages()?;
    let bytes = std::fs::read(dir.join("bha25-tabloids/raw_paddleocr").join(name)).unwrap();
    let recovered = reading_order::recover(&boxes::parse(&bytes).unwrap());
    Some(Front { page: pipeline().process_bytes(name, &bytes).unwrap(), recovered })
}

/// The article with the most paragraph text.
fn main_article(page: &Page) -> &Article {
    page.articles.iter().max_by_key(|a| a.text.chars().count()).unwrap()
}

/// How often the article's body lines, in reading order, step back to a line wholly
/// left of the line before: never within a column read top to bottom, once per line
/// on a page read line by line across its columns.
fn steps_back(f: &Front, a: &Article) -> usize {
    let lines: Vec<&reading_order::PrintedLine> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .flat_map(|b| b.lines[0]..=b.lines[1])
        .map(|no| &f.recovered.lines[no - 1])
        .collect();
    lines.windows(2).filter(|w| w[1].rect.x1 < w[0].rect.x0).count()
}

/// The article's first line is a heading above every block of its body.
fn headline_over_body(f: &Front, a: &Article) -> bool {
    let first = &f.recovered.lines[a.lines[0] - 1];
    let top = a.blocks.iter().filter_map(|b| b.provenance.bbox).map(|b| b[1]).min().unwrap();
    first.heading.is_some() && first.rect.y1 <= top as f64 + 1.0 && a.headline.is_some()
}

#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn hongzhenjiangbao_front_page_reads_by_column_with_its_jump() {
    let Some(f) = front("683fec8d_hongzhenjiangbao_1968-09-16_p1.json") else { return };
    let a = main_article(&f.page);
    assert!(headline_over_body(&f, a));
    assert!(a.subheadline.is_some());
    // The investigators' credit under the subheadline is the byline (issue 14, tabloid9).
    assert!(a.byline.is_some());
    assert_eq!(steps_back(&f, a), 0);
    assert!(a.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedOn && j.page == Some(3)), "{:?}", a.jumps);
    assert!(a.blocks.len() >= 10);
    // Boxes holding two columns' lines were split, with a warning each.
    assert!(f.page.warnings.iter().filter(|w| w.kind == banmian::WarningKind::SplitBox).count() >= 8);
    // The masthead's vertical side column is page furniture.
    assert!(f.page.leftovers.iter().filter(|b| b.kind == BlockKind::Furniture).count() >= 3);
}

#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn hongweibingbao_front_page_reads_by_column_with_its_jump() {
    let Some(f) = front("50705a40_hongweibingbao_1966-10-19_p1.json") else { return };
    let a = main_article(&f.page);
    assert!(headline_over_body(&f, a));
    assert_eq!(steps_back(&f, a), 0);
    assert!(a.jumps.iter().any(|j| j.direction == JumpDirection::ContinuedOn && j.page == Some(2)), "{:?}", a.jumps);
    // The three section titles are subheads, the first too, and the editorial board's
    // credit under the headline is the byline (issue 14, tabloid9: both were the
    // subheadline).
    assert_eq!(a.blocks.iter().filter(|b| b.kind == BlockKind::Subhead).count(), 3);
    assert_eq!(a.blocks[0].kind, BlockKind::Subhead);
    assert!(a.byline.is_some() && a.subheadline.is_none());
    // The column-rule ornaments are noise, each with its box.
    let noise: Vec<_> = f.page.removed.iter().filter(|r| r.reason == banmian::RemovedReason::Noise).collect();
    assert_eq!(noise.len(), 3);
    assert!(noise.iter().all(|r| r.provenance.boxes.as_ref().is_some_and(|b| b.len() == 1)));
}

/// Leaflets whose quotation box (最高指示 and its quotation) stands over the leaflet's
/// own article: the box is a headless article of quotes, and the article under it keeps
/// its headline (issue 14, tabloid9: the label headed the box; on `01d6f73e_p1`, where
/// the label stands beside the quotation's first line and no band gap parts the box
/// from the headline under it, the label and that line were one headline, and without
/// the sentence stop the whole leaflet became quotes).
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn leaflet_quotation_boxes_are_headless_quotes_over_their_article() {
    let Some(dir) = realpages() else { return };
    for name in ["01d6f73e_p1.json", "1f986222_p1.json"] {
        let bytes = std::fs::read(dir.join("bha21-leaflets/raw_paddleocr").join(name)).unwrap();
        let page = pipeline().process_bytes(name, &bytes).unwrap();
        let first = &page.articles[0];
        assert!(first.headline.is_none() && first.blocks[0].kind == BlockKind::Quote, "{name}");
        assert!(page.articles.len() >= 2 && page.articles[1].headline.is_some(), "{name}");
    }
}

/// A brief page: no brief's first line is page furniture (issue 14, tabloid9: one using
/// an imprint word was).
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn wengejianxun_brief_page_keeps_every_brief_whole() {
    let Some(f) = front("01a44a03_wengejianxun_1967-07-15_p3.json") else { return };
    assert!(f.page.leftovers.iter().all(|b| !banmian::rules::numbering::brief_item(&b.text)));
}

/// The bottom rule of the quotation box, read as a thin run of digits and letters, is
/// noise (issue 14, tabloid9: it ended the quotation's last block).
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn gongdizhanbao_quotation_box_rule_is_noise() {
    let Some(f) = front("fb3304c0_gongdizhanbao_1976-12-17_p1.json") else { return };
    let quotes: Vec<&str> =
        f.page.articles.iter().flat_map(|a| &a.blocks).filter(|b| b.kind == BlockKind::Quote).map(|b| b.text.as_str()).collect();
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| !q.ends_with(|c: char| c.is_ascii_alphanumeric())), "{quotes:?}");
}

#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn tingjinkuaibao_front_page_keeps_each_headline_over_its_article() {
    let Some(f) = front("1983c472_tingjinkuaibao_1967-02-07_p1.json") else { return };
    let headed: Vec<&Article> = f.page.articles.iter().filter(|a| a.headline.is_some()).collect();
    assert_eq!(headed.len(), 3);
    // The quotation box at the top is a headless article of quotes, its label the first
    // (issue 14, tabloid9: the label was its headline).
    let first = &f.page.articles[0];
    assert!(first.headline.is_none() && first.blocks.len() >= 2 && first.blocks.iter().all(|b| b.kind == BlockKind::Quote));
    for a in &headed {
        assert!(headline_over_body(&f, a), "{:?}", a.headline);
        assert_eq!(steps_back(&f, a), 0, "{:?}", a.headline);
    }
    // The two columns of short news read left column first: the article holding them
    // has more than twice the lines of any other.
    let a = main_article(&f.page);
    assert!(a.lines[1] - a.lines[0] >= 40, "{:?}", a.lines);
}

/// MinerU's real `middle.json` and `content_list.json` (`formats/mineru`, four pages
/// each): every page reads through [`banmian::read::mineru::pages`] and the pipeline
/// without error and without markup (the tables' HTML bodies are not read); the lines
/// of `discarded_blocks` go to `removed` (`discarded_by_source`, label `discarded`); each
/// `middle.json` page is in points (595 × 843) and its first page gives articles.
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn mineru_files_read_page_by_page_without_markup() {
    use banmian::read::mineru::{self, MinerPage};
    let Some(dir) = realpages() else { return };
    let p = Pipeline::new(Options::default()).unwrap();
    for name in ["test_rearch_report_middle.json", "test_rearch_report_content_list.json"] {
        let bytes = std::fs::read(dir.join("formats/mineru").join(name)).unwrap();
        let pages = mineru::pages(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(pages.len(), 4, "{name}");
        for (i, mp) in pages.iter().enumerate() {
            let page: Page = match mp {
                MinerPage::Boxes(b) => {
                    let page = p.process_boxes(name, b);
                    let discarded = b.boxes.iter().filter(|x| x.discarded).count();
                    assert!(discarded > 0, "{name} page {i}: MinerU discarded a running head on every page");
                    let removed: Vec<_> = page.removed.iter().filter(|r| r.reason == banmian::RemovedReason::DiscardedBySource).collect();
                    assert_eq!(removed.len(), discarded, "{name} page {i}: each discarded line in removed");
                    assert!(
                        removed.iter().all(|r| r.label.as_deref() == Some("discarded") && r.provenance.boxes.is_some()),
                        "{name} page {i}"
                    );
                    assert_eq!(
                        (page.page.width, page.page.height, page.page.unit.as_deref()),
                        (Some(596), Some(843), Some("pt")),
                        "{name}"
                    );
                    page
                }
                MinerPage::Markdown(md) => p.process(name, md),
            };
            let json = serde_json::to_string(&page).unwrap();
            assert!(!json.contains("<table") && !json.contains("<td") && !json.contains("content-ref"), "{name} page {i}: markup");
            eprintln!(
                "{name} page {i}: {} articles, {} leftovers, {} removed; headlines {:?}",
                page.articles.len(),
                page.leftovers.len(),
                page.removed.len(),
                page.articles.iter().filter_map(|a| a.headline.as_deref().map(|h| h.chars().count())).collect::<Vec<_>>()
            );
            if i == 0 {
                assert!(!page.articles.is_empty(), "{name}: the first page gives articles");
            }
        }
    }
}

/// marker's own JSON example (`formats/marker/multicolcnn.json`, ten pages of an
/// English two-column paper): every page reads through `process_pages` into one page
/// object (`#p1` … `#p10`, in points, 612 × 792) without error and without markup
/// (`<content-ref>`, HTML tags), every block with text read once.
#[test]
#[cfg_attr(not(banmian_shared), ignore = "needs ../shared: set BANMIAN_SHARED to the shared folder")]
fn marker_file_reads_page_by_page_without_markup() {
    let Some(dir) = realpages() else { return };
    let bytes = std::fs::read(dir.join("formats/marker/multicolcnn.json")).unwrap();
    let boxes = banmian::read::marker::pages(&bytes).unwrap();
    assert_eq!(boxes.len(), 10);
    assert!(boxes.iter().all(|p| !p.boxes.is_empty()), "every page has blocks with text");
    let pages = Pipeline::new(Options::default()).unwrap().process_pages("multicolcnn.json", &bytes).unwrap();
    assert_eq!(pages.len(), 10);
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.source, format!("multicolcnn.json#p{}", i + 1));
        assert_eq!((page.page.width, page.page.height, page.page.unit.as_deref()), (Some(612), Some(792), Some("pt")));
        let json = serde_json::to_string(page).unwrap();
        for markup in ["content-ref", "<p", "<h1", "<td", "<span", "</"] {
            assert!(!json.contains(markup), "page {i}: {markup}");
        }
        assert!(!page.articles.is_empty() || !page.leftovers.is_empty(), "page {i} has text");
    }
}
