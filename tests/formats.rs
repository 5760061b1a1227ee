//! The box formats of the input seam (issue 15) end to end: one page of two columns,
//! written by hand as Tesseract would (each text line running across both columns),
//! in hOCR, ALTO and TSV, reads into the same article; shuffling the lines of a format
//! with no reading order changes nothing; bad files give errors naming file and line.

use std::fmt::Write as _;
use std::process::Command;

use banmian::{InputFormat, Options, Pipeline, read};

/// The page's lines: `(words, line box)`, each word `(text, [x0, y0, x1, y1])`.
type Lines = Vec<(Vec<(String, [u32; 4])>, [u32; 4])>;

const HEADLINE: &str = "全市秋粮收获进度过九成";
/// Body rows, 18 characters each: the left column's, then the right column's.
const BODY: &str = "记者从市农业农村局获悉，截至昨日，全市秋粮已收获百分之九十二，进度同比快两个百分点。\
各地抢抓晴好天气，加快机收进度，确保颗粒归仓。今年秋粮播种面积稳中有增，多数地区光温水条件匹配较好，\
大部分作物长势好于上年。市农业农村局要求各地加强烘干仓储设施调度，防止因天气原因造成损失。\
据介绍，今年全市新建烘干中心十二处，新增日烘干能力三千吨，基本满足抢收需要。";

/// A page of 1000 × 1400 px: the headline across both columns, then the body in two
/// columns (x 60–456 and 540–936), each row of Tesseract's a line over both columns;
/// each character a word 22 px wide. Returns the lines and the body text in reading order.
fn page() -> (Lines, String) {
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

fn hocr(lines: &Lines) -> String {
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

fn alto(lines: &Lines) -> String {
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

fn tsv(lines: &Lines) -> String {
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

fn run(format: InputFormat, bytes: &str) -> banmian::Page {
    Pipeline::new(Options::default().input_format(format)).unwrap().process_bytes("p", bytes.as_bytes()).unwrap()
}

/// Headline and body of every article.
fn articles(p: &banmian::Page) -> Vec<(Option<String>, String)> {
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
