//! IPTC ninjs 3.1 (News in JSON), one object per article: a page is written as a JSON
//! array of ninjs objects (pretty in a file, one line per page in JSON Lines). The
//! objects validate against the published schema, vendored in `schemas/ninjs/` (a
//! test validates every corpus page's output, format checks on).
//!
//! The mapping (also in the README):
//!
//! | ninjs | from |
//! |---|---|
//! | `uri` | `urn:banmian:<source>#<id>`, the source percent-encoded (RFC 3986) |
//! | `standard` | `{"name": "ninjs", "version": "3.1", "schema": …ninjs-schema_3.1.json#}` |
//! | `type`, `profile`, `language` | `"text"`, `"banmian-article"`, `"zh"` |
//! | `headlines` | `{"role": "main", "value": headline}`, then `"kicker"`, `"sub"` (subheadline), `"rubric"`, each `contentType` `text/plain`, those present |
//! | `by` | the byline as printed, else absent |
//! | `located` | the place the dateline names (新华社**北京**1月12日电), else absent |
//! | `people` | the authors: `name`, `rel` = the printed role (记者, 通讯员, ...) when there is one |
//! | `bodies` | `{"role": "main", "contentType": "text/plain", "value": text, "charCount"}`: the blocks' texts joined with `\n` |
//! | `contentCreated` | the article's `date`, else the page's `date`, as `YYYY-MM-DDT00:00:00+08:00` (midnight, China Standard Time: the date is the printed one, the hour is unknown); absent when no date is known |
//! | `altIds` | `{"role": "source", "value": source}` (the page), `{"role": "article", "value": id}` |
//!
//! `removed`, `leftovers`, jumps and warnings are not mapped (the page JSON keeps them).

use serde::Serialize;
use serde_json::{Value, json};

use crate::error::Result;
use crate::model::{Article, Page};

/// The ninjs version written in `standard.version`.
pub const VERSION: &str = "3.1";
/// The schema every object names in `standard.schema`.
pub const SCHEMA_URI: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
/// The time of day and offset a date is written with in `contentCreated`.
pub const TIME_OF_DAY: &str = "T00:00:00+08:00";

/// The page's articles as ninjs objects, in article order.
///
/// ```
/// use banmian::{Options, Pipeline, write};
///
/// let p = Pipeline::new(Options::default()).unwrap();
/// let page = p.process("2021/01 a.txt", "## 会议举行\n\n新华社北京1月12日电（记者 张三）会议举行。\n");
/// let items = write::ninjs::items(&page);
/// assert_eq!(items[0]["uri"], "urn:banmian:2021/01%20a.txt#0");
/// assert_eq!(items[0]["headlines"][0]["value"], "会议举行");
/// assert_eq!(items[0]["located"], "北京");
/// ```
pub fn items(page: &Page) -> Vec<Value> {
    page.articles.iter().map(|a| serde_json::to_value(item(page, a)).unwrap_or(Value::Null)).collect()
}

/// The ninjs object of one article of `page`, pretty, ending in a line feed (a file of
/// `--split articles`). Errors: [`crate::ErrorKind::JsonOutput`].
pub(crate) fn pretty_one(page: &Page, a: &Article) -> Result<Vec<u8>> {
    let mut v = serde_json::to_vec_pretty(&item(page, a))?;
    v.push(b'\n');
    Ok(v)
}

fn all(page: &Page) -> Vec<Item<'_>> {
    page.articles.iter().map(|a| item(page, a)).collect()
}

/// The page as a pretty JSON array of ninjs objects, ending in a line feed. Errors:
/// [`crate::ErrorKind::JsonOutput`].
pub fn pretty(page: &Page) -> Result<Vec<u8>> {
    let mut v = serde_json::to_vec_pretty(&all(page))?;
    v.push(b'\n');
    Ok(v)
}

/// The page as one JSON Lines line: the array of its ninjs objects. Errors:
/// [`crate::ErrorKind::JsonOutput`].
pub fn line(page: &Page) -> Result<Vec<u8>> {
    let mut v = serde_json::to_vec(&all(page))?;
    v.push(b'\n');
    Ok(v)
}

/// One ninjs object, its properties in the order they are written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item<'a> {
    uri: String,
    standard: Value,
    #[serde(rename = "type")]
    kind: &'static str,
    profile: &'static str,
    language: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    headlines: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    located: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    bodies: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_created: Option<String>,
    alt_ids: Vec<Value>,
}

/// The `standard` object every item carries.
pub(crate) fn standard() -> Value {
    json!({"name": "ninjs", "version": VERSION, "schema": SCHEMA_URI})
}

fn item<'a>(page: &'a Page, a: &'a Article) -> Item<'a> {
    let headlines = [("main", &a.headline), ("kicker", &a.kicker), ("sub", &a.subheadline), ("rubric", &a.rubric)]
        .into_iter()
        .filter_map(|(role, v)| v.as_ref().map(|v| json!({"role": role, "contentType": "text/plain", "value": v})))
        .collect();
    let people = a
        .authors
        .iter()
        .map(|p| match &p.role {
            Some(r) => json!({"name": p.name, "rel": r}),
            None => json!({"name": p.name}),
        })
        .collect();
    let bodies = if a.text.is_empty() {
        Vec::new()
    } else {
        vec![json!({"role": "main", "contentType": "text/plain", "value": a.text, "charCount": a.text.chars().count()})]
    };
    Item {
        uri: format!("urn:banmian:{}#{}", encode(&page.source), a.id),
        standard: standard(),
        kind: "text",
        profile: "banmian-article",
        language: "zh",
        headlines,
        by: a.byline.as_deref(),
        located: a.dateline.as_deref().and_then(crate::rules::byline::dateline_place),
        people,
        bodies,
        content_created: a.date.as_deref().or(page.page.date.as_deref()).filter(|d| is_iso_date(d)).map(|d| format!("{d}{TIME_OF_DAY}")),
        alt_ids: vec![json!({"role": "source", "value": page.source}), json!({"role": "article", "value": a.id.to_string()})],
    }
}

/// `YYYY-MM-DD` with digits where digits go.
fn is_iso_date(d: &str) -> bool {
    d.len() == 10 && d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

/// Percent-encodes (RFC 3986, UTF-8) every byte but the unreserved characters and `/`,
/// so that any source makes a valid URI.
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_percent_encoded_and_dates_get_the_documented_time() {
        assert_eq!(encode("2021/01 版#1.txt"), "2021/01%20%E7%89%88%231.txt");
        let p = crate::Pipeline::new(crate::Options::default()).unwrap();
        let page = p.process("-", "---\ndate: 2021-01-13\n---\n\n## 会议举行\n\n本报讯 会议举行。\n");
        let it = &items(&page)[0];
        assert_eq!(it["contentCreated"], "2021-01-13T00:00:00+08:00");
        assert_eq!(it["uri"], "urn:banmian:-#0");
        assert!(it.get("located").is_none(), "本报讯 names no place: {it}");
        assert!(!is_iso_date("2021-1-13") && is_iso_date("2021-01-13"));
    }
}
