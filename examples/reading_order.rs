//! Prints the reading order recovered from a PaddleOCR page JSON, one printed line per
//! output line: line number, role hints, boxes, text. For looking at real pages:
//!
//! ```text
//! cargo run --example reading_order -- PAGE.json
//! ```

use banmian::geometry as reading_order;
use banmian::read::paddleocr as boxes;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: reading_order PAGE.json");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let page = match boxes::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.with_path(&path));
            std::process::exit(1);
        }
    };
    let r = reading_order::recover(&page);
    let m = r.metrics;
    println!("# H {:.1} px, P {:.1} px, line gap {:.1} px", m.line_height, m.pitch, m.line_gap);
    for (i, l) in r.lines.iter().enumerate() {
        let role = match (l.heading, l.bold, l.vertical) {
            (Some(h), _, _) => format!("h{h}"),
            (_, true, _) => "b".into(),
            (_, _, true) => "v".into(),
            _ => String::new(),
        };
        let fill = match l.fills_column {
            Some(true) => "|",
            Some(false) => "<",
            None => " ",
        };
        let boxes: Vec<String> = l.pieces.iter().map(|p| p.box_index.to_string()).collect();
        println!("{:3} {:>2} i{} {}{} [{}] {}", i + 1, role, l.indent, fill, if l.ends_band { "=" } else { " " }, boxes.join(","), l.text);
    }
    for p in &r.noise {
        println!("noise [{}] {}", p.box_index, p.text);
    }
    for w in &r.warnings {
        println!("warning: {}", w.message);
    }
}
