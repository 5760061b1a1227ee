//! Joining the parts of a story as a reader reads them: the headline group of the first
//! part with a headline, the credit of the first part that has one, every part's blocks in order, authors merged.
//!
//! The jump markers are already out of the page articles' text (the page pipeline
//! takes them out into `jumps`), and a continuation's repeated headline is in its page
//! article's `headline`, which the story does not use when an earlier part has one.
//! What joining does besides: a continuation whose first block repeats the story's
//! headline loses that block (it stays in its page); a paragraph cut by the jump (the
//! part's last paragraph ends mid-sentence and the next part starts with a paragraph)
//! is joined without a gap into one block, whose `from` names both pieces; the
//! truncation warnings that a link explains (`truncated_end` of a part that goes on,
//! `truncated_start` on the first block of a part that comes from elsewhere) are
//! dropped.

use super::link::Chain;
use super::{BlockFrom, IssueArticle, IssueBlock, PartRef};
use crate::eval::fold;
use crate::model::{Article, Author, BlockKind, Page, WarningKind};
use crate::rules::chars::ends_sentence;

/// One [`IssueArticle`] per chain, numbered in chain order.
pub fn join(pages: &[Page], chains: &[Chain]) -> Vec<IssueArticle> {
    chains.iter().enumerate().map(|(id, c)| story(pages, id, c)).collect()
}

fn first_of(parts: &[&Article], f: impl Fn(&Article) -> Option<&String>) -> Option<String> {
    parts.iter().find_map(|a| f(a)).cloned()
}

/// The authors of every part, in order, each name once (a later mention fills in a
/// role or organisation the first lacked).
pub fn merge_authors(parts: &[&Article]) -> Vec<Author> {
    let mut out: Vec<Author> = Vec::new();
    for a in parts.iter().flat_map(|p| p.authors.iter()) {
        match out.iter_mut().find(|o| o.name == a.name) {
            Some(o) => {
                if o.role.is_none() {
                    o.role.clone_from(&a.role);
                }
                if o.org.is_none() {
                    o.org.clone_from(&a.org);
                }
            }
            None => out.push(a.clone()),
        }
    }
    out
}

/// True when `text` folds ([`fold`]) to `folded`. The chars the fold keeps (all but white
/// space and the separators U+001C to U+001F) are counted first, up to one more than
/// `folded` has, so that a paragraph is not folded whole to be compared with a headline.
fn folds_to(text: &str, folded: &str) -> bool {
    let n = folded.chars().count();
    let kept = text.chars().filter(|c| !(c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(c))).take(n + 1).count();
    kept == n && fold(text) == folded
}

fn story(pages: &[Page], id: usize, chain: &Chain) -> IssueArticle {
    let parts: Vec<&Article> = chain.parts.iter().map(|r: &PartRef| &pages[r.page].articles[r.article]).collect();
    // The headline group is the first headed part's, whole (a continuation's repeated
    // headline never mixes with the first part's kicker or subheadline).
    let lead = parts.iter().copied().find(|a| a.headline.is_some()).unwrap_or(parts[0]);
    let headline = lead.headline.clone();
    let folded_headline = headline.as_deref().map(fold);
    let mut blocks: Vec<IssueBlock> = Vec::new();
    let mut warnings = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        let goes_on = k + 1 < parts.len();
        let comes_from = k > 0;
        // Page block index → story block index, for the warnings.
        let mut map: Vec<Option<usize>> = Vec::with_capacity(part.blocks.len());
        for (i, b) in part.blocks.iter().enumerate() {
            if comes_from && i == 0 && folded_headline.as_deref().is_some_and(|h| !h.is_empty() && folds_to(&b.text, h)) {
                map.push(None);
                continue;
            }
            let cut = comes_from
                && map.iter().all(Option::is_none)
                && b.kind == BlockKind::Paragraph
                && blocks.last().is_some_and(|l: &IssueBlock| {
                    l.part + 1 == k || l.from.as_ref().is_some_and(|f| f.last().is_some_and(|p| p.part + 1 == k))
                })
                && blocks.last().is_some_and(|l| l.kind == BlockKind::Paragraph && !ends_sentence(l.text.trim()));
            if cut && let Some(last) = blocks.last_mut() {
                let mut from = last.from.take().unwrap_or_else(|| {
                    vec![BlockFrom { part: last.part, lines: last.lines.unwrap_or([0, 0]), boxes: last.provenance.boxes.clone() }]
                });
                from.push(BlockFrom { part: k, lines: b.lines, boxes: b.provenance.boxes.clone() });
                last.text.push_str(b.text.trim_start());
                last.from = Some(from);
                last.lines = None;
                last.provenance = Default::default();
                map.push(Some(blocks.len() - 1));
                continue;
            }
            map.push(Some(blocks.len()));
            blocks.push(IssueBlock {
                kind: b.kind,
                text: b.text.clone(),
                part: k,
                lines: Some(b.lines),
                from: None,
                provenance: b.provenance.clone(),
            });
        }
        for w in &part.warnings {
            if goes_on && w.kind == WarningKind::TruncatedEnd {
                continue;
            }
            if comes_from && w.kind == WarningKind::TruncatedStart && w.block.is_none_or(|b| b == 0) {
                continue;
            }
            let mut w = w.clone();
            w.block = w.block.and_then(|b| map.get(b).copied().flatten());
            warnings.push(w);
        }
    }
    let text = blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n");
    IssueArticle {
        id,
        kicker: lead.kicker.clone(),
        headline,
        subheadline: lead.subheadline.clone(),
        rubric: first_of(&parts, |a| a.rubric.as_ref()),
        byline: first_of(&parts, |a| a.byline.as_ref()),
        dateline: first_of(&parts, |a| a.dateline.as_ref()),
        authors: merge_authors(&parts),
        heads: lead.heads.clone(),
        date: first_of(&parts, |a| a.date.as_ref()),
        blocks,
        text,
        warnings,
        parts: chain.parts.clone(),
        links: chain.scores.iter().enumerate().map(|(k, s)| super::Link { from: k, to: k + 1, score: *s }).collect(),
    }
}
