//! A heading's ink read twice (issue 15): Tesseract sometimes reads the top half of a
//! large headline a second time as a thin line of wrong characters inside the
//! headline's box (committed page h004), and that line became the kicker. A thin box
//! lying inside an upright heading box twice as thick is noise
//! (`geometry::measure::ghosts`). The page is the invented two-column page of
//! [`super::formats`], in hOCR, ALTO and TSV.

use banmian::InputFormat;

use super::formats::{HEADLINE, Lines, alto, articles, hocr, page, run, tsv};

/// Invented wrong characters (ten, so that no rule of short boxes takes them).
const GHOST: &str = "乂乃乄久乆乇么义乊之";

/// The page of [`page`] (headline at y 80–138, 58 px thick, x 180–818) with a 22 px
/// line of [`GHOST`] at `y`, x 200–620, each character a 40 px word read at 0.9.
fn page_with_a_thin_line_at(y: u32) -> (Lines, String) {
    let (mut lines, body) = page();
    let words = GHOST.chars().enumerate().map(|(k, c)| (c.to_string(), [200 + 42 * k as u32, y, 240 + 42 * k as u32, y + 22])).collect();
    lines.insert(0, (words, [200, y, 620, y + 22]));
    (lines, body)
}

#[test]
fn a_thin_line_read_inside_the_headline_box_is_noise_not_a_kicker() {
    let (lines, body) = page_with_a_thin_line_at(84);
    for (format, bytes) in [(InputFormat::Hocr, hocr(&lines)), (InputFormat::Alto, alto(&lines)), (InputFormat::Tesseract, tsv(&lines))] {
        let page = run(format, &bytes);
        assert_eq!(articles(&page), [(Some(HEADLINE.to_string()), body.clone())], "{format:?}");
        assert_eq!(page.articles[0].kicker, None, "{format:?}");
        let ghost: Vec<_> = page.removed.iter().filter(|r| r.text == GHOST).collect();
        assert_eq!(ghost.len(), 1, "{format:?}: {:?}", page.removed);
        assert_eq!(ghost[0].reason, banmian::RemovedReason::Noise, "{format:?}");
    }
}

#[test]
fn the_same_line_printed_above_the_headline_is_its_kicker() {
    // 30 px above the headline's top: outside its box, so a real kicker.
    let (lines, body) = page_with_a_thin_line_at(36);
    let page = run(InputFormat::Hocr, &hocr(&lines));
    assert_eq!(articles(&page), [(Some(HEADLINE.to_string()), body)]);
    assert_eq!(page.articles[0].kicker.as_deref(), Some(GHOST));
    assert!(page.removed.iter().all(|r| r.text != GHOST), "{:?}", page.removed);
}

#[test]
fn a_line_inside_a_box_made_thick_by_one_tall_garbage_word_is_kept() {
    // Between the headline and the body: a box of a 62 px garbage word `ee` and a
    // 22 px word 丁丁 (the line's box 62 px thick, 1.9 thicknesses per em: no heading's
    // characters are set so wide), and under the garbage word, inside that box, a
    // 22 px line of text.
    let (mut lines, _) = page();
    let host = vec![("ee".to_string(), [300, 150, 500, 212]), ("丁丁".to_string(), [510, 150, 554, 172])];
    lines.insert(1, (host, [300, 150, 554, 212]));
    let inside =
        GHOST.chars().take(5).enumerate().map(|(k, c)| (c.to_string(), [320 + 24 * k as u32, 188, 342 + 24 * k as u32, 210])).collect();
    lines.insert(2, (inside, [320, 188, 438, 210]));
    let page = run(InputFormat::Hocr, &hocr(&lines));
    let text: String = GHOST.chars().take(5).collect();
    assert!(page.removed.iter().all(|r| r.text != text), "{:?}", page.removed);
    assert!(
        page.articles.iter().any(|a| a.text.contains(&text) || [&a.kicker, &a.subheadline].iter().any(|h| h.as_deref() == Some(&text))),
        "{:?}",
        page.articles
    );
}
