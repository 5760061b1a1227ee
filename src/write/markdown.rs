//! Markdown, for reading, in a syntax banmian reads back (`banmian PAGE.md` gives the
//! same kicker, headline, subheadline, byline and block texts; a test checks it on
//! every corpus and evaluation page). The syntax, per page:
//!
//! ```text
//! ---                          front matter, when the page states them
//! page: 第3版                   the printed page label (read back into page.number/label)
//! date: 2021-01-13             the issue date
//! ---
//!
//! 王兆力在会议上强调            kicker: a plain line right before the headline
//!
//! # 突出重点 严格管理           headline (one `#`)
//!
//! ## 孙喆出席                   subheadline (`##`)
//!
//! 本报讯（记者 初霞）           byline (or the dateline when no byline), a plain line
//!
//! 正文第一段……                  paragraph, list item, caption, signature, brief: a plain line each
//!
//! ### 小标题                    subhead (`###`)
//!
//! > 引文                        quote, editor's note (`> `)
//!
//! （下转第五版）                jumps, each its own line in brackets: 上接 (continued
//!                              from) before the first block, 下转 (continued on) after the last
//!
//! <!-- leftover: 第3版 -->      leftovers last, as comments (hidden when shown)
//! ```
//!
//! Every part is a paragraph of its own (blank lines around it). An article with no
//! headline starts with a line `# ` only when it has a kicker or subheadline; else its
//! byline and blocks follow the previous article's, as they did on the page. The
//! rubric (栏目) is written as `【rubric】` before the kicker. `removed` is left out.

use crate::model::{Article, BlockKind, JumpDirection, Page};

/// The page as Markdown in the syntax above, ending in a line feed (an empty string
/// for a page with no article, leftover or front matter fact).
///
/// ```
/// use banmian::{Options, OutputFormat, Pipeline};
///
/// let p = Pipeline::new(Options::default()).unwrap();
/// let page = p.process("01.txt", "## 会议举行\n\n本报讯（记者 尹明）12日，会议举行。\n");
/// let md = String::from_utf8(OutputFormat::Markdown.render(&page).unwrap()).unwrap();
/// assert_eq!(md, "# 会议举行\n\n本报讯（记者 尹明）\n\n12日，会议举行。\n");
/// let back = p.process("01.md", &md);
/// assert_eq!(back.articles[0].byline, page.articles[0].byline);
/// assert_eq!(back.articles[0].text, page.articles[0].text);
/// ```
pub fn render(page: &Page) -> Vec<u8> {
    let mut parts: Vec<String> = Vec::new();
    let mut front = Vec::new();
    if let Some(label) = &page.page.label {
        front.push(format!("page: {}", one_line(label)));
    }
    if let Some(date) = &page.page.date {
        front.push(format!("date: {}", one_line(date)));
    }
    if !front.is_empty() {
        parts.push(format!("---\n{}\n---", front.join("\n")));
    }
    for a in &page.articles {
        article(a, &mut parts);
    }
    for b in &page.leftovers {
        parts.push(format!("<!-- leftover: {} -->", one_line(&b.text).replace("--", "- -")));
    }
    let mut out = parts.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out.into_bytes()
}

fn article(a: &Article, parts: &mut Vec<String>) {
    if let Some(r) = &a.rubric {
        parts.push(format!("【{}】", one_line(r).trim_start_matches('【').trim_end_matches('】')));
    }
    if let Some(k) = &a.kicker {
        parts.push(plain(k));
    }
    match &a.headline {
        Some(h) => parts.push(format!("# {}", one_line(h))),
        None if a.kicker.is_some() || a.subheadline.is_some() => parts.push("#".to_string()),
        None => {}
    }
    if let Some(s) = &a.subheadline {
        parts.push(format!("## {}", one_line(s)));
    }
    if let Some(b) = a.byline.as_ref().or(a.dateline.as_ref()) {
        parts.push(plain(b));
    }
    let jump = |j: &crate::model::Jump| format!("（{}）", one_line(&j.text));
    parts.extend(a.jumps.iter().filter(|j| j.direction == JumpDirection::ContinuedFrom).map(jump));
    for b in &a.blocks {
        parts.push(match b.kind {
            BlockKind::Subhead => format!("**{}**", one_line(&b.text)),
            BlockKind::Quote => b.text.lines().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\n"),
            _ => plain(&b.text),
        });
    }
    parts.extend(a.jumps.iter().filter(|j| j.direction == JumpDirection::ContinuedOn).map(jump));
}

/// A text on one line (line breaks inside become spaces).
fn one_line(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A plain paragraph: its lines kept, each ended by a hard break (two spaces) so that
/// they are read back as one block. A line CommonMark would take for syntax (an ATX
/// heading `# `, a quote `>`, a bullet `- `, `* `, `+ `) gets a backslash before it;
/// banmian's reader keeps that backslash, so such a block does not read back exactly
/// (no corpus or evaluation page has one).
fn plain(s: &str) -> String {
    s.split('\n').map(|l| escape_start(l.trim_end())).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("  \n")
}

fn escape_start(l: &str) -> String {
    let hashes = l.len() - l.trim_start_matches('#').len();
    let heading = (1..=6).contains(&hashes) && l[hashes..].starts_with([' ', '\t']);
    let bullet = l.starts_with(['-', '*', '+']) && l[1..].starts_with([' ', '\t']);
    if heading || bullet || l.starts_with('>') { format!("\\{l}") } else { l.to_string() }
}

#[cfg(test)]
mod tests {
    use super::escape_start;

    #[test]
    fn only_line_starts_commonmark_reads_as_syntax_are_escaped() {
        let got: Vec<String> = ["# 标题", "#话题", "####### 七", "- 条目", "-3度", "* 注", "*注", "> 引文", "+ 加", "本报讯"]
            .iter()
            .map(|l| escape_start(l))
            .collect();
        assert_eq!(got, ["\\# 标题", "#话题", "####### 七", "\\- 条目", "-3度", "\\* 注", "*注", "\\> 引文", "\\+ 加", "本报讯"]);
    }
}
