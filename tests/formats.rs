//! The box formats of the input seam (issue 15) end to end: one page of two columns,
//! written by hand as Tesseract would (each text line running across both columns),
//! in hOCR, ALTO and TSV, reads into the same article; shuffling the lines of a format
//! with no reading order changes nothing; bad files give errors naming file and line.

use std::fmt::Write as _;
use std::process::Command;

use banmian::{InputFormat, Options, Pipeline, read};

/// The page's lines: `(words, line box)`, each word `(text, [x0, y0, x1, y1])`.
pub(super) type Lines = Vec<(Vec<(String, [u32; 4])>, [u32; 4])>;

pub(super) const HEADLINE: &str = "全市秋粮收获进度过九成";
/// Body rows, 18 characters each: the left column's, then the right column's.
const BODY: &str = "记者从市农业农村局获悉，截至昨日，全市秋粮已收获百分之九十二，进度同比快两个百分点。\
各地抢抓晴好天气，加快机收进度，确保颗粒归仓。今年秋粮播种面积稳中有增，多数地区光温水条件匹配较好，\
大部分作物长势好于上年。市农业农村局要求各地加强烘干仓储设施调度，防止因天气原因造成损失。\
据介绍，今年全市新建烘干中心十二处，新增日烘干能力三千吨，基本满足抢收需要。";

/// A page of 1000 × 1400 px: the headline across both columns, then the body in two
/// columns (x 60–456 and 540–936), each row of Tesseract's a line over both columns;
/// each character a word 22 px wide. Returns the lines and the body text in reading order.
pub(super) fn page() -> (Lines, String) {
    let chars: Vec<char> = BODY.chars().collect();
    let per_row = 18;
    let rows = chars.len().div_ceil(per_row).div_ceil(2);
    let mut lines: Lines = Vec::new();
    let word = |c: char, x: u32, y: u32, h: u32| (c.to_string(), [x, y, x + h - 2, y + h]);
    let head: Vec<_> = HEADLINE.chars().enumerate().map(|(k, c)| word(c, 180 + 58 * k as u32, 80, 58)).collect();
    lines.push((head, [180, 80, 180 + 58 * 11, 138]));
    for r in 0..rows {
        let y = 200 + 36 * r as u32;
        let mut words = Vec::new();
        for (col, x0) in [(0, 60u32), (1, 540)] {
            let start = (col * rows + r) * per_row;
            for (k, c) in chars.iter().skip(start).take(per_row).enumerate() {
                words.push(word(*c, x0 + 22 * k as u32, y, 22));
            }
        }
        let x1 = words.last().map_or(0, |w| w.1[2]);
        lines.push((words, [60, y, x1, y + 22]));
    }
    (lines, BODY.to_string())
}

pub(super) fn hocr(lines: &Lines) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n\
         <div class='ocr_page' id='page_1' title='image \"p.png\"; bbox 0 0 1000 1400; ppageno 0'>\n",
    );
    for (i, (words, b)) in lines.iter().enumerate() {
        let _ = writeln!(
            s,
            "<div class='ocr_carea'><p class='ocr_par'><span class='ocr_line' id='line_{i}' title='bbox {} {} {} {}'>",
            b[0], b[1], b[2], b[3]
        );
        for (text, w) in words {
            let _ = writeln!(s, "<span class='ocrx_word' title='bbox {} {} {} {}; x_wconf 90'>{text}</span>", w[0], w[1], w[2], w[3]);
        }
        s.push_str("</span></p></div>\n");
    }
    s + "</div></body></html>\n"
}

pub(super) fn alto(lines: &Lines) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">\n\
         <Description><MeasurementUnit>pixel</MeasurementUnit></Description>\n\
         <Layout><Page WIDTH=\"1000\" HEIGHT=\"1400\"><PrintSpace><TextBlock>\n",
    );
    for (i, (words, b)) in lines.iter().enumerate() {
        let _ = writeln!(
            s,
            "<TextLine ID=\"line_{i}\" HPOS=\"{}\" VPOS=\"{}\" WIDTH=\"{}\" HEIGHT=\"{}\">",
            b[0],
            b[1],
            b[2] - b[0],
            b[3] - b[1]
        );
        for (text, w) in words {
            let _ = writeln!(
                s,
                "<String CONTENT=\"{text}\" HPOS=\"{}\" VPOS=\"{}\" WIDTH=\"{}\" HEIGHT=\"{}\" WC=\"0.9\"/><SP/>",
                w[0],
                w[1],
                w[2] - w[0],
                w[3] - w[1]
            );
        }
        s.push_str("</TextLine>\n");
    }
    s + "</TextBlock></PrintSpace></Page></Layout></alto>\n"
}

pub(super) fn tsv(lines: &Lines) -> String {
    let mut s = String::from("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
    s += "1\t1\t0\t0\t0\t0\t0\t0\t1000\t1400\t-1\t\n";
    for (i, (words, b)) in lines.iter().enumerate() {
        let _ = writeln!(s, "4\t1\t1\t1\t{}\t0\t{}\t{}\t{}\t{}\t-1\t", i + 1, b[0], b[1], b[2] - b[0], b[3] - b[1]);
        for (k, (text, w)) in words.iter().enumerate() {
            let _ = writeln!(s, "5\t1\t1\t1\t{}\t{}\t{}\t{}\t{}\t{}\t90\t{text}", i + 1, k + 1, w[0], w[1], w[2] - w[0], w[3] - w[1]);
        }
    }
    s
}

pub(super) fn run(format: InputFormat, bytes: &str) -> banmian::Page {
    Pipeline::new(Options::default().input_format(format)).unwrap().process_bytes("p", bytes.as_bytes()).unwrap()
}

/// Headline and body of every article.
pub(super) fn articles(p: &banmian::Page) -> Vec<(Option<String>, String)> {
    p.articles.iter().map(|a| (a.headline.clone(), a.text.replace('\n', ""))).collect()
}

#[test]
fn hocr_alto_and_tsv_of_a_page_whose_lines_cross_the_columns_read_column_by_column() {
    let (lines, body) = page();
    let from_hocr = run(InputFormat::Hocr, &hocr(&lines));
    assert_eq!(articles(&from_hocr), [(Some(HEADLINE.to_string()), body)]);
    assert_eq!(articles(&run(InputFormat::Alto, &alto(&lines))), articles(&from_hocr));
    assert_eq!(articles(&run(InputFormat::Tesseract, &tsv(&lines))), articles(&from_hocr));
    // By content, too.
    assert_eq!(articles(&run(InputFormat::Auto, &alto(&lines))), articles(&from_hocr));
    // Provenance: the body's boxes are the body lines 1.., named by their ids.
    let a = &from_hocr.articles[0];
    assert_eq!(a.provenance.boxes.as_ref().unwrap().len(), lines.len());
    assert_eq!(a.provenance.ids.as_ref().unwrap()[0], "line_0");
    assert_eq!(from_hocr.page.unit.as_deref(), Some("px"));
}

#[test]
fn shuffling_the_lines_of_hocr_alto_and_tsv_changes_no_article() {
    let (lines, _) = page();
    let mut shuffled = lines.clone();
    // A fixed permutation: reversed, then every third line moved to the front.
    shuffled.reverse();
    let (front, back): (Vec<_>, Vec<_>) = shuffled.into_iter().enumerate().partition(|(k, _)| k % 3 == 0);
    let shuffled: Lines = front.into_iter().chain(back).map(|(_, l)| l).collect();
    assert_ne!(shuffled, lines);
    for (format, write) in [(InputFormat::Hocr, hocr as fn(&Lines) -> String), (InputFormat::Alto, alto), (InputFormat::Tesseract, tsv)] {
        assert_eq!(articles(&run(format, &write(&shuffled))), articles(&run(format, &write(&lines))), "{format:?}");
    }
}

#[test]
fn every_box_format_is_a_row_with_its_name() {
    for name in ["hocr", "alto", "tesseract", "paddleocr"] {
        let f: InputFormat = name.parse().unwrap();
        assert_eq!(read::format(f).unwrap().name, name);
    }
}

#[test]
fn a_malformed_file_is_an_error_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _) = page();
    let broken = alto(&lines).replacen("</TextLine>", "</TextBlock>", 1);
    let path = dir.path().join("broken.xml");
    std::fs::write(&path, broken).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_banmian")).arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0));
    assert!(err.contains("broken.xml") && err.contains("not an ALTO page: not well-formed XML at line 17, column"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_banmian")).args(["--input-format", "hocr"]).arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.xml") && err.contains("not an hOCR page"), "{err}");
}

const MODULE_HEADLINE: &str = "城东新区开通三条微循环公交";
/// The top module's body: three columns of 12 characters a row.
const MODULE_BODY: &str = "为方便市民出行，市交通运输局日前在城东新区开通三条微循环公交线路，串联起十二个居民小区、\
两所中学和一处农贸市场。新线路采用小型纯电动车辆，早晚高峰每十分钟一班，平峰每二十分钟一班，票价一元。\
新线路开通首日，乘客量超过两千人次。";
const LOWER_HEADLINE: &str = "全市公交站点覆盖率提高";
/// The lower module's body: two columns of 18 characters a row.
const LOWER_BODY: &str = "据介绍，今年以来全市共新辟和优化公交线路二十六条，新增公交站点一百四十余个，\
公交站点五百米覆盖率提高到百分之九十六。下一步，市交通运输局将根据客流变化动态调整线路和班次，\
并在学校、医院周边增设临时停靠点，方便学生上下学和群众就医。市民可通过城市交通服务平台查询车辆实时到站信息，\
也可以在平台上对线路走向、站点设置提出意见和建议。";

/// Word height and character pitch of the body (px).
const H: f64 = 22.0;
const PITCH: f64 = 24.0;

/// A page as Tesseract reads a rendered 3-column page, tilted by 0.46°: a headline
/// over three columns (x 60, 372, 684; 12 characters of 22 px at a 24 px pitch, so
/// the gutters are 26 px, 1.2 word heights: under the 1.5 that cuts a line alone);
/// each row a Tesseract line across all the columns. Then a headline over two wider
/// columns (x 60 and 540) of 7 rows, whose text covers the top module's gutters, so
/// the page as a whole shows no empty band there. In the second row of the top module
/// the last word of the first column is two characters whose box runs 12 px into the
/// gutter (Tesseract glues a mark onto a word): that line's gap is 0.6 heights. Returns
/// the lines and the text of every column row (the boxes a reader should give).
fn three_column_page() -> (Lines, Vec<String>) {
    const SLOPE: f64 = 0.008;
    let tilt = |x: f64, y: f64, w: f64, h: f64| {
        let (x0, y0) = (x - SLOPE * y, y + SLOPE * x);
        [x0.round() as u32, y0.round() as u32, (x0 + w).round() as u32, (y0 + h).round() as u32]
    };
    let mut lines: Lines = Vec::new();
    let mut rows_text = Vec::new();
    let headline = |text: &str, x: f64, y: f64, lines: &mut Lines, rows_text: &mut Vec<String>| {
        let words: Vec<_> = text.chars().enumerate().map(|(k, c)| (c.to_string(), tilt(x + 58.0 * k as f64, y, 56.0, 58.0))).collect();
        let b = [words[0].1[0], words[0].1[1], words.last().unwrap().1[2], words.last().unwrap().1[3]];
        lines.push((words, b));
        rows_text.push(text.to_string());
    };
    let module = |body: &str, xs: &[f64], per_row: usize, y0: f64, glue: bool, lines: &mut Lines, rows_text: &mut Vec<String>| {
        let chars: Vec<char> = body.chars().collect();
        let rows = chars.len().div_ceil(per_row).div_ceil(xs.len());
        let mut texts = vec![Vec::new(); xs.len()];
        for r in 0..rows {
            let y = y0 + 36.0 * r as f64;
            let mut words = Vec::new();
            for (col, x0) in xs.iter().enumerate() {
                let start = (col * rows + r) * per_row;
                let row: Vec<char> = chars.iter().skip(start).take(per_row).copied().collect();
                if row.is_empty() {
                    continue;
                }
                texts[col].push(row.iter().collect::<String>());
                let mut k = 0;
                while k < row.len() {
                    let x = x0 + PITCH * k as f64;
                    if glue && col == 0 && r == 1 && k + 2 == row.len() {
                        words.push((row[k..].iter().collect(), tilt(x, y, 2.0 * PITCH - 2.0 + 12.0, H)));
                        k += 2;
                    } else {
                        words.push((row[k].to_string(), tilt(x, y, H, H)));
                        k += 1;
                    }
                }
            }
            let b = [
                words[0].1[0],
                words.iter().map(|w| w.1[1]).min().unwrap(),
                words.last().unwrap().1[2],
                words.iter().map(|w| w.1[3]).max().unwrap(),
            ];
            lines.push((words, b));
        }
        rows_text.extend(texts.into_iter().flatten());
    };
    headline(MODULE_HEADLINE, 120.0, 80.0, &mut lines, &mut rows_text);
    module(MODULE_BODY, &[60.0, 372.0, 684.0], 12, 170.0, true, &mut lines, &mut rows_text);
    headline(LOWER_HEADLINE, 120.0, 360.0, &mut lines, &mut rows_text);
    module(LOWER_BODY, &[60.0, 540.0], 18, 450.0, false, &mut lines, &mut rows_text);
    (lines, rows_text)
}

#[test]
fn lines_across_narrow_gutters_are_cut_where_the_lines_around_them_leave_the_same_gap() {
    let (lines, mut rows) = three_column_page();
    rows.sort();
    let boxes = |page: read::boxes::BoxPage| {
        let mut texts: Vec<String> = page.boxes.into_iter().map(|b| b.text).collect();
        texts.sort();
        texts
    };
    // Every reader gives one box per column row: no box holds two columns' text.
    assert_eq!(boxes(read::hocr::parse(hocr(&lines).as_bytes()).unwrap()), rows);
    assert_eq!(boxes(read::alto::parse(alto(&lines).as_bytes()).unwrap()), rows);
    assert_eq!(boxes(read::tsv::parse(tsv(&lines).as_bytes()).unwrap()), rows);
    // The pieces of a row keep its number and id: the top module's first row is box 1
    // three times.
    let page = read::hocr::parse(hocr(&lines).as_bytes()).unwrap();
    assert_eq!(page.boxes.iter().filter(|b| b.index == 1).count(), 3);
    assert!(page.boxes.iter().filter(|b| b.index == 1).all(|b| b.id.as_deref() == Some("line_1")));
    // So the page reads column by column, the same from the three formats.
    let want = [(Some(MODULE_HEADLINE.to_string()), MODULE_BODY.to_string()), (Some(LOWER_HEADLINE.to_string()), LOWER_BODY.to_string())];
    assert_eq!(articles(&run(InputFormat::Hocr, &hocr(&lines))), want);
    assert_eq!(articles(&run(InputFormat::Alto, &alto(&lines))), want);
    assert_eq!(articles(&run(InputFormat::Tesseract, &tsv(&lines))), want);
}

const PADDED_HEADLINE: [&str; 2] = ["山城老街整建", "店家盼人潮回流"];
/// The padded page's body: three columns of 12 characters a row (written here).
const PADDED_BODY: &str = "老街整建工程日前完工，沿街四十余家店铺陆续重新开门营业，\
街面铺上了青石板，檐廊和招牌按旧样式修复，夜间照明也一并更新。店家们说，施工期间客人少了许多，\
如今盼着节假日人潮回流，不少老字号已经备好了新产品。区里表示，将在周末举办市集和导览活动，\
并增设停车位和公交接驳，方便外地游客前来。";

/// A page as Tesseract reads an old page set in three columns (x 60, 400, 740; 12
/// characters of 24 px at a 26 px pitch, gutters 30 px), each row a Tesseract line
/// across the columns, whose line boxes are tight around the glyphs (24 px) while
/// word boxes are padded to 40 px: every word of every fourth row, and every fourth
/// word of the other rows (fewer than half the words, as on the 申報 pages). A headline of two phrases, 44 px, set apart by 40 px over
/// the first gutter, stands over the module, and a rule under it is read as one
/// character 店 of 1000 × 16 px (two thirds of the body height), confidence 0. Returns the lines.
fn padded_page() -> Lines {
    let mut lines: Lines = Vec::new();
    let mut head = Vec::new();
    for (x0, text) in [(78u32, PADDED_HEADLINE[0]), (412, PADDED_HEADLINE[1])] {
        for (k, c) in text.chars().enumerate() {
            let x = x0 + 50 * k as u32;
            head.push((c.to_string(), [x, 100, x + 44, 144]));
        }
    }
    let x1 = head.last().unwrap().1[2];
    lines.push((head, [78, 100, x1, 144]));
    let chars: Vec<char> = PADDED_BODY.chars().collect();
    let rows = chars.len().div_ceil(12).div_ceil(3);
    let mut bottom = 0;
    for r in 0..rows {
        let y = 200 + 40 * r as u32;
        let mut words = Vec::new();
        for (col, x0) in [60u32, 400, 740].into_iter().enumerate() {
            for (k, c) in chars.iter().skip((col * rows + r) * 12).take(12).enumerate() {
                let x = x0 + 26 * k as u32;
                let padded = r % 4 == 0 || k % 4 == 1;
                words.push((c.to_string(), if padded { [x, y - 8, x + 24, y + 32] } else { [x, y, x + 24, y + 24] }));
            }
        }
        let x1 = words.last().unwrap().1[2];
        lines.push((words, [60, y, x1, y + 24]));
        bottom = y + 24;
    }
    lines.push((vec![("店".to_string(), [60, bottom + 8, 1060, bottom + 24])], [60, bottom + 8, 1060, bottom + 24]));
    lines
}

#[test]
fn padded_word_boxes_keep_a_headline_whole_and_the_columns_apart() {
    let lines = padded_page();
    let want = [(Some(PADDED_HEADLINE.concat()), PADDED_BODY.to_string())];
    for (format, bytes) in [(InputFormat::Hocr, hocr(&lines)), (InputFormat::Alto, alto(&lines)), (InputFormat::Tesseract, tsv(&lines))] {
        let page = run(format, &bytes);
        assert_eq!(articles(&page), want, "{format:?}");
        // The rule read as a character is noise, not text.
        assert!(page.removed.iter().any(|r| r.text == "店"), "{format:?}: {:?}", page.removed);
    }
    // The reader keeps the headline one box, and a padded row's pieces within the row's
    // line box (24 px), not the words' 40.
    let page = read::hocr::parse(hocr(&lines).as_bytes()).unwrap();
    assert_eq!(page.boxes[0].text, PADDED_HEADLINE.concat());
    let first_row: Vec<_> = page.boxes.iter().filter(|b| b.index == 1).map(|b| (b.rect.y0, b.rect.y1)).collect();
    assert_eq!(first_row, [(200.0, 224.0); 3]);
}

/// The page of [`page`] with an ornament between its headline and its body that the
/// engine read as three wrong characters (invented: 丌卅匚), with confidences 0, 0.02 and 0.64 (as
/// Tesseract, told a page's resolution, reads a photo or an ornament); the other words
/// at 0.9.
fn page_with_an_ornament_read_as_text() -> (Lines, String) {
    let (mut lines, body) = page();
    let word = |c: char, x: u32| (c.to_string(), [x, 150, x + 36, 186]);
    lines.insert(1, ("丌卅匚".chars().enumerate().map(|(k, c)| word(c, 420 + 44 * k as u32)).collect(), [420, 150, 544, 186]));
    (lines, body)
}

/// Gives each of the garbage words its confidence in the format's own notation.
fn with_garbage_confidence(format: InputFormat, bytes: String) -> String {
    let mut s = bytes;
    for (c, conf) in [('丌', 0u32), ('卅', 2), ('匚', 64)] {
        s = match format {
            InputFormat::Hocr => s.replace(&format!("x_wconf 90'>{c}<"), &format!("x_wconf {conf}'>{c}<")),
            InputFormat::Tesseract => s.replace(&format!("\t90\t{c}\n"), &format!("\t{conf}\t{c}\n")),
            _ => {
                let at = s.find(&format!("CONTENT=\"{c}\"")).expect("the word is on the page");
                let wc = at + s[at..].find("WC=\"0.9\"").expect("a WC");
                format!("{}WC=\"{}\"{}", &s[..wc], f64::from(conf) / 100.0, &s[wc + "WC=\"0.9\"".len()..])
            }
        };
    }
    s
}

#[test]
fn an_ornament_read_as_a_few_unsure_characters_is_noise_not_a_subheadline() {
    let (lines, body) = page_with_an_ornament_read_as_text();
    for (format, bytes) in [(InputFormat::Hocr, hocr(&lines)), (InputFormat::Alto, alto(&lines)), (InputFormat::Tesseract, tsv(&lines))] {
        let bytes = with_garbage_confidence(format, bytes);
        assert!(!bytes.contains("90'>丌<") && !bytes.contains("\t90\t丌\n"), "{format:?}: the confidences are set");
        let page = run(format, &bytes);
        assert_eq!(articles(&page), [(Some(HEADLINE.to_string()), body.clone())], "{format:?}");
        assert_eq!(page.articles[0].subheadline, None, "{format:?}");
        let noise: Vec<_> = page.removed.iter().filter(|r| r.text == "丌卅匚").collect();
        assert_eq!(noise.len(), 1, "{format:?}: {:?}", page.removed);
        assert_eq!(noise[0].reason, banmian::RemovedReason::Noise, "{format:?}");
    }
    // The same characters read with confidence are the subheadline (as every format read
    // them before the rule, confidence or not): the rule is the confidence.
    let page = run(InputFormat::Hocr, &hocr(&lines));
    assert_eq!(page.articles[0].subheadline.as_deref(), Some("丌卅匚"));
}
