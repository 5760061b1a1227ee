//! Plain text, for reading: each article's headline group, byline and blocks, one
//! paragraph a line, parts apart by a blank line, articles apart by a line `* * *`.
//! Leftovers, `removed` and warnings are not written (the JSON keeps them).

use crate::model::{Article, Page};

/// The articles of the page as plain text, ending in a line feed (an empty string
/// for a page with no article).
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
    let articles: Vec<String> = page.articles.iter().map(article).collect();
    let mut out = articles.join("\n* * *\n\n");
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.into_bytes()
}

fn article(a: &Article) -> String {
    let head: Vec<&str> = [&a.kicker, &a.headline, &a.subheadline, &a.byline].into_iter().filter_map(|f| f.as_deref()).collect();
    let mut parts = Vec::new();
    if !head.is_empty() {
        parts.push(head.join("\n"));
    }
    parts.extend(a.blocks.iter().map(|b| b.text.clone()));
    let mut s = parts.join("\n\n");
    s.push('\n');
    s
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
}
