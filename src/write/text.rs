//! Plain text, for reading. Per article: its headline group (kicker, headline,
//! subheadline, one a line, then the byline, or the dateline when there is no byline)
//! as one paragraph, then each block as a paragraph; paragraphs apart by one blank
//! line, articles apart by a line `* * *`. The leftovers come last, after a line
//! `* * * leftovers`, one a paragraph. `removed`, jumps and warnings are not written
//! (the JSON keeps them). So splitting the output at blank lines gives, per article,
//! its headline lines, then exactly its block texts (a block's own line breaks are
//! kept; a blank line inside a block, which no stage makes, would be closed up).

use crate::model::{Article, Page};

/// The line between two articles.
pub const ARTICLE_BREAK: &str = "* * *";
/// The line before the leftovers.
pub const LEFTOVERS_BREAK: &str = "* * * leftovers";

/// The page as plain text, ending in a line feed (an empty string for a page with no
/// article and no leftover).
///
/// ```
/// use banmian::{Options, OutputFormat, Pipeline};
///
/// let p = Pipeline::new(Options::default()).unwrap();
/// let page = p.process("01.txt", "## 会议举行\n\n本报讯（记者 尹明）12日，会议举行。\n");
/// let text = String::from_utf8(OutputFormat::Text.render(&page).unwrap()).unwrap();
/// assert_eq!(text, "会议举行\n本报讯（记者 尹明）\n\n12日，会议举行。\n");
/// ```
pub fn render(page: &Page) -> Vec<u8> {
    let mut sections: Vec<String> = page.articles.iter().map(article).collect();
    if !page.leftovers.is_empty() {
        let mut parts = vec![LEFTOVERS_BREAK.to_string()];
        parts.extend(page.leftovers.iter().map(|b| paragraph(&b.text)));
        sections.push(parts.join("\n\n"));
    }
    let mut out = sections.join(&format!("\n\n{ARTICLE_BREAK}\n\n"));
    if !out.is_empty() {
        out.push('\n');
    }
    out.into_bytes()
}

/// The headline lines of an article as the text view writes them: kicker, headline,
/// subheadline, then the byline (or the dateline when there is none), those present.
pub fn head_lines(a: &Article) -> Vec<String> {
    [&a.kicker, &a.headline, &a.subheadline, if a.byline.is_some() { &a.byline } else { &a.dateline }]
        .into_iter()
        .filter_map(|f| f.as_deref())
        .map(|s| s.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

fn article(a: &Article) -> String {
    let head = head_lines(a);
    let mut parts = Vec::new();
    if !head.is_empty() {
        parts.push(head.join("\n"));
    }
    parts.extend(a.blocks.iter().map(|b| paragraph(&b.text)).filter(|p| !p.is_empty()));
    parts.join("\n\n")
}

/// A block's text as one paragraph: its lines kept, blank lines and trailing spaces dropped.
fn paragraph(s: &str) -> String {
    s.split('\n').map(str::trim_end).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use crate::{Options, OutputFormat, Pipeline};

    #[test]
    fn articles_in_order_with_their_headlines_and_paragraphs() {
        let p = Pipeline::new(Options::default()).unwrap();
        let page = p.process("01.txt", "## 会议举行\n\n第一段，会议举行。\n\n第二段，会议结束。\n\n## 工厂复工\n\n本报讯 工厂复工。\n");
        let text = String::from_utf8(OutputFormat::Text.render(&page).unwrap()).unwrap();
        assert_eq!(text, "会议举行\n\n第一段，会议举行。\n\n第二段，会议结束。\n\n* * *\n\n工厂复工\n本报讯\n\n工厂复工。\n");
        assert_eq!(OutputFormat::Text.extension(), "txt");
        assert!(OutputFormat::Text.render(&p.process("-", "")).unwrap().is_empty());
    }

    #[test]
    fn leftovers_last_after_their_own_break() {
        let p = Pipeline::new(Options::default()).unwrap();
        let page = p.process("01.txt", "第3版\n\n## 会议举行\n\n本报讯 会议举行。\n");
        assert!(!page.leftovers.is_empty(), "{page:?}");
        let text = String::from_utf8(OutputFormat::Text.render(&page).unwrap()).unwrap();
        let tail = text.split("\n\n* * * leftovers\n\n").nth(1).unwrap();
        assert_eq!(tail.trim_end(), page.leftovers.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n"));
    }
}
