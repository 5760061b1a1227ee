//! `--split articles`: one file per article, `<NN>-<slug>.<extension>`, plus
//! `leftovers.<extension>`, in a folder named after the page (`OUT/<relative path>/`).
//!
//! `NN` is the article's `id` (0-based), zero-padded to the number of digits of the
//! page's article count (10 articles: `00` to `09`). The slug is made from the headline
//! ([`slug`]). What each file holds, by format: json, the article object (the
//! leftovers file: the page's `leftovers` array); text and Markdown, the article as
//! [`super::text`] and [`super::markdown`] write it (the leftovers file: their texts,
//! one a paragraph); ninjs, the article's ninjs object (the leftovers file: one ninjs
//! object, `urn:banmian:<source>#leftovers`, whose body is their texts, so that every
//! file of the folder is ninjs). `leftovers.<extension>` is always written (empty of
//! blocks when there are none), so that a folder is complete when it is there.

use serde_json::json;

use crate::error::Result;
use crate::model::{Page, PageInfo};
use crate::rules::chars::is_han;
use crate::write::{OutputFormat, ninjs};

/// Longest slug, in bytes (UTF-8): 20 Han characters.
pub const MAX_SLUG_BYTES: usize = 60;
/// The slug of an article without a headline (or whose headline keeps no character).
pub const UNTITLED: &str = "untitled";
/// The file name stem of the leftovers file.
pub const LEFTOVERS: &str = "leftovers";

/// The names Windows reserves for devices, whatever the case and extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4",
    "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name part from a headline: Han characters and ASCII letters and digits kept,
/// every run of other characters made one `-`, no `-` at either end, cut (at a
/// character boundary, then its trailing `-` dropped) to [`MAX_SLUG_BYTES`]; a Windows
/// reserved name gets `_` appended; [`UNTITLED`] when nothing is kept. So a slug never
/// has a dot, a space, a path separator or a control character.
///
/// ```
/// use banmian::write::split::slug;
///
/// assert_eq!(slug(Some("突出重点 严格管理：做好防控工作")), "突出重点-严格管理-做好防控工作");
/// assert_eq!(slug(Some("...")), "untitled");
/// assert_eq!(slug(Some("con")), "con_");
/// assert_eq!(slug(None), "untitled");
/// ```
pub fn slug(headline: Option<&str>) -> String {
    let mut s = String::new();
    for c in headline.unwrap_or("").chars() {
        let keep = c.is_ascii_alphanumeric() || is_han(c);
        if keep {
            if s.len() + c.len_utf8() > MAX_SLUG_BYTES {
                break;
            }
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('-') {
            if s.len() + 1 >= MAX_SLUG_BYTES {
                break;
            }
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        return UNTITLED.to_string();
    }
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s)) {
        return format!("{s}_");
    }
    s.to_string()
}

/// The file names of a page's articles, in article order: `<NN>-<slug>.<extension>`.
pub fn names(page: &Page, format: OutputFormat) -> Vec<String> {
    let width = page.articles.len().to_string().len();
    page.articles.iter().map(|a| format!("{:0width$}-{}.{}", a.id, slug(a.headline.as_deref()), format.extension())).collect()
}

/// The files of a page split by article: `(file name, bytes)` per article, in
/// article order, then the leftovers file. Errors: [`crate::ErrorKind::JsonOutput`].
///
/// ```
/// use banmian::{Options, OutputFormat, Pipeline, write};
///
/// let p = Pipeline::new(Options::default()).unwrap();
/// let page = p.process("01.txt", "## 会议举行\n\n本报讯 会议举行。\n\n## 工厂复工\n\n本报讯 工厂复工。\n");
/// let files = write::split::files(&page, OutputFormat::Text).unwrap();
/// let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
/// assert_eq!(names, ["0-会议举行.txt", "1-工厂复工.txt", "leftovers.txt"]);
/// assert_eq!(files[1].1, "工厂复工\n本报讯\n\n工厂复工。\n".as_bytes());
/// ```
pub fn files(page: &Page, format: OutputFormat) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::with_capacity(page.articles.len() + 1);
    for (a, name) in page.articles.iter().zip(names(page, format)) {
        let one = Page { articles: vec![a.clone()], leftovers: Vec::new(), removed: Vec::new(), warnings: Vec::new(), ..page.clone() };
        let bytes = match format {
            OutputFormat::Json => pretty(a)?,
            OutputFormat::Ninjs => ninjs::pretty_one(page, a)?,
            // The page's front matter (its label and date) stays with each article.
            OutputFormat::Text | OutputFormat::Markdown => format.render(&one)?,
        };
        out.push((name, bytes));
    }
    let texts: Vec<&str> = page.leftovers.iter().map(|b| b.text.as_str()).collect();
    let leftovers = match format {
        OutputFormat::Json => pretty(&page.leftovers)?,
        OutputFormat::Ninjs => pretty(&json!({
            "uri": format!("urn:banmian:{}#{LEFTOVERS}", ninjs::encode(&page.source)),
            "standard": ninjs::standard(),
            "type": "text",
            "profile": "banmian-leftovers",
            "bodies": [{"role": "leftovers", "contentType": "text/plain", "value": texts.join("\n")}],
            "altIds": [{"role": "source", "value": page.source}],
        }))?,
        OutputFormat::Text | OutputFormat::Markdown => {
            let only = Page { articles: Vec::new(), removed: Vec::new(), warnings: Vec::new(), page: PageInfo::default(), ..page.clone() };
            let mut s = texts.join("\n\n");
            if format == OutputFormat::Markdown {
                s = String::from_utf8_lossy(&super::markdown::render(&only)).into_owned();
            } else if !s.is_empty() {
                s.push('\n');
            }
            s.into_bytes()
        }
    };
    out.push((format!("{LEFTOVERS}.{}", format.extension()), leftovers));
    Ok(out)
}

fn pretty<T: serde::Serialize>(v: &T) -> Result<Vec<u8>> {
    let mut b = serde_json::to_vec_pretty(v)?;
    b.push(b'\n');
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1,000 generated headlines: every slug is within the rules, and the names of a
    /// 1,000-article page are unique, in order, and padded to 4 digits (the width of 1000).
    #[test]
    fn a_thousand_generated_headlines() {
        let pieces =
            ["会议", "举行", " ", ".", "CON", "nul", "A股", "１２", "/", "\\", "：", "…", "\t", "😀", "ｘ", "第3版", "-", "丶", "é"];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut articles = Vec::new();
        for i in 0..1000 {
            let n = (next() % 40) as usize;
            let h: String = (0..n).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect();
            let s = slug(Some(&h));
            assert!(s.len() <= MAX_SLUG_BYTES && !s.is_empty(), "{h:?} → {s:?}");
            assert!(!s.starts_with(['.', ' ', '-']) && !s.ends_with(['.', ' ', '-']), "{h:?} → {s:?}");
            assert!(s.chars().all(|c| c.is_ascii_alphanumeric() || is_han(c) || c == '-' || c == '_'), "{h:?} → {s:?}");
            assert!(!RESERVED.iter().any(|r| r.eq_ignore_ascii_case(&s)), "{h:?} → {s:?}");
            let kept: String = h.chars().filter(|c| c.is_ascii_alphanumeric() || is_han(*c)).collect();
            if kept.is_empty() {
                assert_eq!(s, UNTITLED);
            } else if kept.len() <= MAX_SLUG_BYTES / 2 {
                // Nothing was cut: the slug keeps every kept character, in order.
                assert_eq!(s.replace(['-', '_'], ""), kept, "{h:?}");
            }
            articles.push(crate::Article { id: i, headline: (!h.is_empty()).then_some(h), ..Default::default() });
        }
        let page = Page {
            schema: crate::SCHEMA.into(),
            source: "-".into(),
            page: PageInfo::default(),
            articles,
            leftovers: Vec::new(),
            removed: Vec::new(),
            warnings: Vec::new(),
        };
        let names = names(&page, OutputFormat::Markdown);
        assert_eq!(names.len(), 1000);
        assert!(names.iter().enumerate().all(|(i, n)| n.starts_with(&format!("{i:04}-")) && n.ends_with(".md")));
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), 1000);
        assert!(names.windows(2).all(|w| w[0] < w[1]), "names sort in article order");
    }

    #[test]
    fn long_headlines_are_cut_at_a_character() {
        let s = slug(Some(&"长".repeat(30)));
        assert_eq!(s, "长".repeat(20));
        assert_eq!(slug(Some(&format!("{}ab", "长".repeat(19)))), format!("{}ab", "长".repeat(19)));
        assert_eq!(slug(Some(" .hidden. ")), "hidden");
    }
}
