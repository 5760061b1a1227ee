//! Box pages set in the 申報 manner (issue 14): invented pages in PaddleOCR's page JSON
//! (text invented, geometry modelled on the local 申報 RapidOCR pages' measures).

use crate::common::paddle_box as bx;
use banmian::{Options, Pipeline};
use serde_json::{Value, json};

/// Body line thickness (`H`, px) and advance per character (`P`, px) of the pages.
const H: i64 = 36;
const P: i64 = 26;
/// Characters per body line; the two body columns start at x 80 and 744 (24 × 26 =
/// 624 px wide, 40 px apart).
const PER_LINE: usize = 24;
const COLUMNS: [i64; 2] = [80, 744];

/// Body lines of `text` in the two columns under `top`, the first column filled
/// first, each 42 px under the one before; returns the boxes and the y under them.
fn body(text: &str, top: i64) -> (Vec<Value>, i64) {
    let chars: Vec<char> = text.chars().collect();
    let lines: Vec<String> = chars.chunks(PER_LINE).map(|c| c.iter().collect()).collect();
    let rows = lines.len().div_ceil(2);
    let mut v = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let (x, y) = (COLUMNS[k / rows], top + 42 * (k % rows) as i64);
        v.push(bx(line, x, y, x + P * line.chars().count() as i64, y + H));
    }
    (v, top + 42 * rows as i64)
}

/// A deck of display lines, each `(text, advance per character, thickness)`, set flush
/// left at x 80 from `top`, 8 px apart; returns the boxes and the y under them.
fn deck(lines: &[(&str, i64, i64)], top: i64) -> (Vec<Value>, i64) {
    let mut v = Vec::new();
    let mut y = top;
    for &(text, pitch, thickness) in lines {
        v.push(bx(text, 80, y, 80 + pitch * text.chars().count() as i64, y + thickness));
        y += thickness + 8;
    }
    (v, y)
}

/// The page's running head.
fn running_head() -> Vec<Value> {
    vec![bx("滬報1935年5月6日星期一", 80, 20, 400, 52), bx("第三版 本埠新聞", 1200, 20, 1368, 52)]
}

/// A page of one article: the running head, the deck `lines` (see [`deck`]) and the
/// body `text` under it.
fn one_article(lines: &[(&str, i64, i64)], text: &str) -> Vec<Value> {
    let mut boxes = running_head();
    let (v, y) = deck(lines, 90);
    boxes.extend(v);
    boxes.extend(body(text, y + 16).0);
    boxes
}

fn run(boxes: Vec<Value>) -> banmian::Page {
    let bytes = serde_json::to_vec(&json!({ "ocr_results": boxes })).unwrap();
    Pipeline::new(Options::default()).unwrap().process_bytes("deck.json", &bytes).unwrap()
}

const FIRST: &str = "（本報訊）城東商會昨日下午召集各業董事會議，議決自明春起籌款修築通往碼頭之馬路，計長四里有奇，路面一律鋪以石子，兩旁開溝洩水。各業當場認捐者已有三十餘家，綢業與米業捐輸最多，錢業亦允陸續湊集。會長謂此路修成之後，貨物往來不再阻於泥濘，於商於民兩有裨益。工程擬交城內營造廠承辦，限於年內竣工，所需石料由鄉間採運，已派員前往接洽。";
const SECOND: &str = "（本報訊）西鄉各村今歲雨水調勻，早稻收成較往年為豐，米價因之漸平，鄉民頗有喜色。縣署日前派員下鄉查勘，據報各處倉廒均已修葺完竣，可以存糧備荒。惟東鄉一帶低窪之地，夏間曾被水淹，收成略減，縣長已諭令各保長詳查戶口，以便酌量散放籽種，並設法疏浚溝渠。又聞城中米商擬聯合設立平糶局，俟新米上市即行開辦，以惠貧民。";

/// A headline set as a deck of three lines of one type size (advance 62 px per
/// character): the detector padded the middle box to 70 px, the others 66 px, and the
/// page's thickest headline (the third article's, 80 px) puts the level cut at 68 px
/// (80 × 0.85): kicker + headline + subheadline, where the paper prints one headline.
/// Under it, a second article's deck whose middle line the detector boxed thinner (51
/// px among 57 px, 47 px per character; `H` 36, so under the heading ratio: read bold,
/// then subheadline). The third article's kicker set a size down (44 px thick, 40 px
/// per character) stays its kicker.
#[test]
fn a_deck_of_heading_lines_of_one_type_size_is_one_headline() {
    let mut boxes = running_head();
    let (v, y) = deck(&[("城東商會議決修路", 62, 66), ("各業董事認捐踴躍", 62, 70), ("限於明歲春間一律竣工", 62, 66)], 90);
    boxes.extend(v);
    let (v, y) = body(FIRST, y + 16);
    boxes.extend(v);
    let (v, y) = deck(&[("西鄉早稻收成豐稔", 47, 57), ("米價漸趨平穩", 47, 51), ("縣署派員查勘倉廒", 47, 57)], y + 40);
    boxes.extend(v);
    let (v, y) = body(SECOND, y + 16);
    boxes.extend(v);
    let (v, y) = deck(&[("米商聯合籌辦", 40, 44), ("城中平糶局定期開辦", 72, 80)], y + 40);
    boxes.extend(v);
    let third = "（本報訊）城中米商聯合籌設平糶局，已覓定南門外舊倉為局址，俟新米上市即行開辦，每日限售若干，專濟貧民，不得轉售圖利。";
    let (v, _) = body(third, y + 16);
    boxes.extend(v);
    let page = run(boxes);
    let heads: Vec<(Option<&str>, Option<&str>, Option<&str>)> =
        page.articles.iter().map(|a| (a.kicker.as_deref(), a.headline.as_deref(), a.subheadline.as_deref())).collect();
    assert_eq!(
        heads,
        [
            (None, Some("城東商會議決修路 各業董事認捐踴躍 限於明歲春間一律竣工"), None),
            (None, Some("西鄉早稻收成豐稔 米價漸趨平穩 縣署派員查勘倉廒"), None),
            (Some("米商聯合籌辦"), Some("城中平糶局定期開辦"), None),
        ]
    );
    assert_eq!(page.articles[0].byline.as_deref(), Some("（本報訊）"));
    assert_eq!(page.articles[0].text, FIRST.strip_prefix("（本報訊）").unwrap());
    assert_eq!(page.articles[1].text, SECOND.strip_prefix("（本報訊）").unwrap());
}

/// An advertisement column of a box page: under its headline and a first paragraph, a
/// run of four short body-sized lines with no punctuation (the wares it lists), then a
/// paragraph. The geometry measured the four lines body-sized (no heading, not bold):
/// a listing, kept in the article as paragraphs, not the head group of a new article
/// (local 申報 rapidocr h003, h014).
#[test]
fn a_listing_of_short_body_sized_lines_on_a_box_page_stays_in_its_article() {
    let lead = "（本報訊）本號開設南市大街已歷三十餘年，專辦各省土產洋貨，批發零售一律從廉，素蒙各界惠顧，今由產地新到大批貨品，開列於後。";
    let wares = ["上等龍井茶葉", "頂好湖州絲綿", "各色洋布花邊", "精製蘇州蜜餞"];
    let close = "以上各貨均係親赴產地揀選，貨真價實，童叟無欺，倘蒙光顧，請認本號商標為記。";
    let mut boxes = running_head();
    let (v, y) = deck(&[("本號新到各色貨品", 62, 66)], 90);
    boxes.extend(v);
    // The lead fills the left column; the wares and the closing paragraph the right one.
    let top = y + 16;
    let chars: Vec<char> = lead.chars().collect();
    for (k, line) in chars.chunks(PER_LINE).enumerate() {
        let y = top + 42 * k as i64;
        let x = COLUMNS[0] + if k == 0 { 2 * P } else { 0 };
        boxes.push(bx(&line.iter().collect::<String>(), x, y, x + P * line.len() as i64, y + H));
    }
    for (k, w) in wares.iter().enumerate() {
        let y = top + 42 * k as i64;
        boxes.push(bx(w, COLUMNS[1], y, COLUMNS[1] + P * w.chars().count() as i64, y + H));
    }
    let chars: Vec<char> = close.chars().collect();
    for (k, line) in chars.chunks(PER_LINE).enumerate() {
        let y = top + 42 * (wares.len() + k) as i64;
        let x = COLUMNS[1] + if k == 0 { 2 * P } else { 0 };
        boxes.push(bx(&line.iter().collect::<String>(), x, y, x + P * line.len() as i64, y + H));
    }
    let page = run(boxes);
    let heads: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(heads, [Some("本號新到各色貨品")]);
    let text = [lead.strip_prefix("（本報訊）").unwrap(), wares[0], wares[1], wares[2], wares[3], close].join("\n");
    assert_eq!(page.articles[0].text, text);
}

/// An advertisement's headline set as a deck of two heading lines, the ornament between
/// its phrases (○) read by the OCR as a full stop at the end of the first line (local
/// 申報 rapidocr h008): the first line is still a display line of the head group, not
/// the first paragraph of the body under a one-line headline.
#[test]
fn a_heading_line_ending_in_an_ornament_read_as_a_full_stop_stays_in_its_deck() {
    let body_text = "（本報訊）本堂開設已歷百年，所製止咳丸散功效卓著，凡久咳不止、痰多氣喘者，服之無不見效，每盒大洋一元，外埠函購，郵費照加，請認本堂商標為記，庶不致誤。";
    let page = run(one_article(&[("本堂秘製止咳丸散靈驗非凡。", 62, 66), ("一試便知", 62, 66)], body_text));
    let heads: Vec<Option<&str>> = page.articles.iter().map(|a| a.headline.as_deref()).collect();
    assert_eq!(heads, [Some("本堂秘製止咳丸散靈驗非凡。一試便知")]);
    assert_eq!(page.articles[0].text, body_text.strip_prefix("（本報訊）").unwrap());
}

/// A headline set as a deck of three lines of one size whose middle line ends in a
/// kicker's cue word (…批示, "instructs"): under the first line it introduces nothing,
/// and the deck is one headline, not a headline over a subheadline (local 申報 rapidocr
/// h008).
#[test]
fn a_kicker_cue_in_the_middle_of_a_deck_does_not_end_its_headline() {
    let page = run(one_article(&[("縣署呈請撥款修堤", 62, 66), ("已奉省府批示", 62, 66), ("定期下月一日開工動土", 62, 66)], FIRST));
    let heads: Vec<(Option<&str>, Option<&str>)> =
        page.articles.iter().map(|a| (a.headline.as_deref(), a.subheadline.as_deref())).collect();
    assert_eq!(heads, [(Some("縣署呈請撥款修堤 已奉省府批示 定期下月一日開工動土"), None)]);
}

/// The same deck boxed as one heading line, the ornament read as 。 between its two
/// phrases (local 申報 vertical v006, where the detector gave the headline one column):
/// the line heads the article; a heading line whose stop parts a sentence from a
/// signature with a date in digits stays text.
#[test]
fn a_heading_line_parted_by_an_ornament_read_as_a_full_stop_is_the_headline() {
    let body_text = "（本報訊）本堂開設已歷百年，所製止咳丸散功效卓著，凡久咳不止、痰多氣喘者，服之無不見效，每盒大洋一元，外埠函購，郵費照加，請認本堂商標為記，庶不致誤。";
    for (head, headline) in
        [("本堂秘製止咳丸散靈驗非凡。一試便知", Some("本堂秘製止咳丸散靈驗非凡。一試便知")), ("此係本廠工友所見。東廠工友三人1934.5", None)]
    {
        let page = run(one_article(&[(head, 50, 66)], body_text));
        assert_eq!(page.articles[0].headline.as_deref(), headline, "{head}");
        assert!(page.articles[0].text.ends_with("請認本堂商標為記，庶不致誤。"), "{head}");
    }
}
