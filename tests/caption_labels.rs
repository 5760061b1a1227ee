//! Caption labels as evidence (issue 15): a line its layout tool labelled a caption
//! (MinerU `middle.json` `image_caption`, PAGE XML `TextRegion@type="caption"`) that the
//! text rules would read as body text is a `caption` block where it stands, its lines
//! read as one; the same page unlabelled has no caption. A title labelled caption stays
//! the headline (its size overrules the label). One page of one column, text written
//! here, in both formats.

use banmian::{BlockKind, InputFormat, Options, Page, Pipeline};
use serde_json::{Value, json};

const HEADLINE: &str = "山村修通灌溉新水渠";
/// The caption's two printed lines: no caption word opens or closes it (no 图为, no 摄),
/// so only the label says what it is.
const CAPTION: [&str; 2] = ["村民在新修的水渠边查看秋苗长势，", "渠水已经流进了山坡上的梯田"];
/// The body's printed lines, 18 characters or fewer; the photo and its caption stand
/// after the fourth, whose sentence goes on after them.
const BODY: [&str; 8] = [
    "记者日前来到山区的一个小村，看到一条新修",
    "的水渠从山脚一直通到坡顶。村里的老人说，",
    "过去全村的地都靠天吃饭，遇上旱年几乎颗粒",
    "无收。去年秋天，村里决定自己动手修渠，在",
    "外打工的年轻人也纷纷回来帮忙。经过半年多",
    "的施工，水渠终于在今年春天通水，全村一千",
    "多亩旱地变成了水浇地。村干部告诉记者，下",
    "一步还要在渠边修建蓄水池和机耕路。",
];

/// The page's lines `(text, [x0, y0, x1, y1], label)` in reading order, in pixels (and
/// in points for MinerU: only proportions matter): the headline, four body lines, a
/// photo (no text), the caption's two lines under it, the other four body lines.
/// `caption_label` is what the caption's lines and the headline are labelled.
fn lines(caption_label: &str, headline_label: &str) -> Vec<(String, [u32; 4], String)> {
    let mut out = vec![(HEADLINE.to_string(), [60, 60, 60 + 48 * 9, 108], headline_label.to_string())];
    let mut y = 140;
    let row = |text: &str, label: &str, out: &mut Vec<(String, [u32; 4], String)>, y: &mut u32| {
        let x1 = 60 + 22 * text.chars().count() as u32;
        out.push((text.to_string(), [60, *y, x1, *y + 22], label.to_string()));
        *y += 34;
    };
    for t in &BODY[..4] {
        row(t, "text", &mut out, &mut y);
    }
    y += 260; // the photo
    for t in CAPTION {
        row(t, caption_label, &mut out, &mut y);
    }
    y += 20;
    for t in &BODY[4..] {
        row(t, "text", &mut out, &mut y);
    }
    out
}

/// The page as MinerU 0.10's `middle.json`: one block per run of lines of one label, the
/// caption an `image_caption` part of an `image` block, as MinerU writes it.
fn middle(lines: &[(String, [u32; 4], String)]) -> String {
    let line =
        |(t, b, _): &(String, [u32; 4], String)| json!({"bbox": b, "spans": [{"bbox": b, "content": t, "score": 0.98, "type": "text"}]});
    let mut blocks: Vec<Value> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let label = &lines[k].2;
        let run: Vec<_> = lines[k..].iter().take_while(|l| &l.2 == label).collect();
        let bbox = [run[0].1[0], run[0].1[1], run.iter().map(|l| l.1[2]).max().unwrap(), run.last().unwrap().1[3]];
        let part = json!({"type": label, "bbox": bbox, "lines": run.iter().map(|l| line(l)).collect::<Vec<_>>(), "index": blocks.len()});
        blocks.push(if label.ends_with("caption") && k > 0 {
            let photo = [60, bbox[1] - 250, 456, bbox[1] - 10];
            json!({"type": "image", "bbox": photo, "index": blocks.len(), "blocks": [
                {"type": "image_body", "bbox": photo, "lines": [{"bbox": photo, "spans": [{"bbox": photo, "type": "image", "image_path": "p.jpg"}]}]},
                part]})
        } else {
            part
        });
        k += run.len();
    }
    json!({"pdf_info": [{"page_idx": 0, "page_size": [1000, 1400], "para_blocks": blocks, "discarded_blocks": []}],
           "_parse_type": "ocr", "_version_name": "0.10.6"})
    .to_string()
}

/// The page as PAGE XML 2019: one `TextRegion` per run of lines of one label (MinerU's
/// `text` / `image_caption` / `title` as `paragraph` / `caption` / `heading`), the
/// photo an `ImageRegion`.
fn page_xml(lines: &[(String, [u32; 4], String)]) -> String {
    let points = |b: &[u32; 4]| format!("{},{} {},{} {},{} {},{}", b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3]);
    let mut regions = String::new();
    let mut k = 0;
    while k < lines.len() {
        let label = &lines[k].2;
        let run: Vec<_> = lines[k..].iter().take_while(|l| &l.2 == label).collect();
        let kind = match label.as_str() {
            "text" => "paragraph",
            "title" => "heading",
            _ => "caption",
        };
        let bbox = [run[0].1[0], run[0].1[1], run.iter().map(|l| l.1[2]).max().unwrap(), run.last().unwrap().1[3]];
        if kind == "caption" && k > 0 {
            regions += &format!(
                "<ImageRegion id=\"i{k}\"><Coords points=\"{}\"/></ImageRegion>\n",
                points(&[60, bbox[1] - 250, 456, bbox[1] - 10])
            );
        }
        regions += &format!("<TextRegion id=\"r{k}\" type=\"{kind}\"><Coords points=\"{}\"/>\n", points(&bbox));
        for (j, (t, b, _)) in run.iter().enumerate() {
            regions += &format!(
                "<TextLine id=\"l{}\"><Coords points=\"{}\"/><TextEquiv><Unicode>{t}</Unicode></TextEquiv></TextLine>\n",
                k + j,
                points(b)
            );
        }
        regions += "</TextRegion>\n";
        k += run.len();
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\">\n\
         <Metadata><Creator>hand</Creator></Metadata>\n<Page imageFilename=\"p.png\" imageWidth=\"1000\" imageHeight=\"1400\">\n{regions}</Page>\n</PcGts>\n"
    )
}

fn process(format: &str, bytes: &str) -> Page {
    let f: InputFormat = format.parse().unwrap();
    Pipeline::new(Options::default().input_format(f)).unwrap().process_bytes("p", bytes.as_bytes()).unwrap()
}

/// Every block of the page's articles, `(kind, text)`.
fn blocks(p: &Page) -> Vec<(BlockKind, String)> {
    p.articles.iter().flat_map(|a| a.blocks.iter().map(|b| (b.kind, b.text.clone()))).collect()
}

fn both(caption_label: &str, headline_label: &str) -> Vec<(&'static str, Page)> {
    let l = lines(caption_label, headline_label);
    vec![("mineru", process("mineru", &middle(&l))), ("page", process("page", &page_xml(&l)))]
}

#[test]
fn a_line_labelled_caption_is_a_caption_block_where_it_stands() {
    for (name, p) in both("image_caption", "title") {
        let b = blocks(&p);
        let captions: Vec<&str> = b.iter().filter(|(k, _)| *k == BlockKind::Caption).map(|(_, t)| t.as_str()).collect();
        assert_eq!(captions, [CAPTION.concat()], "{name}: {b:?}");
        assert_eq!(p.articles.len(), 1, "{name}: {b:?}");
        assert_eq!(p.articles[0].headline.as_deref(), Some(HEADLINE), "{name}");
        // The body around it is whole: the paragraph cut by the photo is not glued to
        // the caption.
        let paragraphs: String = b.iter().filter(|(k, _)| *k == BlockKind::Paragraph).map(|(_, t)| t.as_str()).collect();
        assert_eq!(paragraphs, BODY.concat(), "{name}: {b:?}");
    }
}

#[test]
fn without_the_label_the_same_lines_are_no_caption() {
    for (name, p) in both("text", "title") {
        let b = blocks(&p);
        assert!(b.iter().all(|(k, _)| *k != BlockKind::Caption), "{name}: {b:?}");
        // Its first line is glued to the paragraph over it (whose sentence is open).
        assert!(b.iter().any(|(k, t)| *k == BlockKind::Paragraph && t.ends_with(CAPTION[0])), "{name}: {b:?}");
    }
}

#[test]
fn a_title_labelled_caption_stays_the_headline() {
    for (name, p) in both("image_caption", "image_caption") {
        assert_eq!(p.articles.first().and_then(|a| a.headline.as_deref()), Some(HEADLINE), "{name}: {:?}", blocks(&p));
    }
}
