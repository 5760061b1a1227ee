//! Stage 6: blocks printed twice.
//!
//! This module owns duplicate removal. A paragraph printed twice (an OCR or layout
//! duplicate, in one article or in two) is kept once; the other copies go to
//! `removed` with their lines and a reference to the kept copy. Exact duplicates are
//! found by hashing the folded text (no spaces, punctuation width folded); near
//! duplicates (a few OCR character errors apart) through an inverted index of Han
//! character trigrams, whose posting lists are capped so that no page costs more than
//! linear time in its size: there is no all-pairs comparison.
//!
//! Which copy is kept: within one article, the first. Across articles, the copy in
//! the article the paragraph belongs to by topic: the one whose headline group and
//! other paragraphs share the most of the paragraph's distinctive trigrams (those not
//! shared by every candidate article); on a tie, the first.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{BlockKind, BlockRef, Page, Removed, RemovedReason};
use crate::text::is_han;

/// Blocks shorter than this (Han characters and alphanumerics, after folding) are
/// never treated as duplicates: short lines repeat legitimately.
pub const MIN_CHARS: usize = 16;
/// Near duplicates share at least this fraction of their trigrams (Jaccard).
const NEAR_JACCARD: f64 = 0.75;
/// Trigrams seen in more blocks than this are too common to index.
const MAX_POSTING: u32 = 32;

/// The folded key of a block: its Han characters, letters and digits only, lower
/// case, as chars, without a leading credit (a first paragraph printed twice keeps its
/// 本报讯 in the copy).
fn key(text: &str) -> Vec<char> {
    let body = crate::byline::leading(text).map_or(text, |c| &text[c.len..]);
    let mut out = Vec::with_capacity(body.len() / 3 + 1);
    for c in body.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_han(c) {
            out.push(c);
        } else if !is_plain_punct(c) && c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Common punctuation outside ASCII (none of it alphanumeric): CJK marks and
/// brackets, full-width ASCII punctuation, dashes, quotes and the ellipsis. Lets
/// [`key`] skip the Unicode tables for them.
fn is_plain_punct(c: char) -> bool {
    matches!(c as u32, 0xB7 | 0x2010..=0x2027 | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// The character trigrams of a key, in order (with repeats), packed in a u64.
fn grams(key: &[char]) -> impl Iterator<Item = u64> + '_ {
    key.windows(3).map(|w| (w[0] as u64) << 42 | (w[1] as u64) << 21 | w[2] as u64)
}

/// The distinct trigrams of a key, as a set (for the keeper's context).
fn trigram_set(key: &[char]) -> FxHashSet<u64> {
    grams(key).collect()
}

struct Candidate {
    at: BlockRef,
    key: Vec<char>,
    /// Distinct trigrams in the key (for exact duplicates of an earlier block: 0, unused).
    grams: usize,
}

/// One trigram of the index: its posting list (head in the arena and length; at most
/// [`MAX_POSTING`] long) and the last candidate that read it, so that a trigram
/// repeated in one block counts once.
#[derive(Clone, Copy)]
struct Posting {
    head: u32,
    len: u32,
    seen_by: u32,
}

/// Removes duplicate and near-duplicate blocks from `page`'s articles, recording them
/// in `page.removed`.
pub fn remove_duplicates(page: &mut Page) {
    let mut cands: Vec<Candidate> = Vec::new();
    for (ai, a) in page.articles.iter().enumerate() {
        for (bi, b) in a.blocks.iter().enumerate() {
            if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote | BlockKind::Caption) {
                continue;
            }
            let k = key(&b.text);
            if k.len() >= MIN_CHARS {
                cands.push(Candidate { at: BlockRef { article: ai, block: bi }, grams: 0, key: k });
            }
        }
    }
    if cands.len() < 2 {
        return;
    }
    // Groups of copies: union by exact key, then by trigram similarity.
    let mut parent: Vec<usize> = (0..cands.len()).collect();
    let mut exact: FxHashMap<&[char], usize> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if let Some(&first) = exact.get(c.key.as_slice()) {
            parent[i] = first;
        } else {
            exact.insert(c.key.as_slice(), i);
        }
    }
    drop(exact);
    // Posting lists are linked lists in one arena of (candidate, next).
    let grams_at_most: usize = cands.iter().zip(&parent).enumerate().filter(|(i, (_, p))| *i == **p).map(|(_, (c, _))| c.key.len()).sum();
    let mut index: FxHashMap<u64, Posting> = FxHashMap::with_capacity_and_hasher(grams_at_most, Default::default());
    let mut arena: Vec<(u32, u32)> = Vec::new();
    let mut shared = vec![0u32; cands.len()];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..cands.len() {
        if parent[i] != i {
            continue;
        }
        let mut distinct = 0;
        for g in grams(&cands[i].key) {
            let posting = index.entry(g).or_insert(Posting { head: u32::MAX, len: 0, seen_by: u32::MAX });
            if posting.seen_by == i as u32 {
                continue;
            }
            posting.seen_by = i as u32;
            distinct += 1;
            if posting.len < MAX_POSTING {
                let mut at = posting.head;
                while at != u32::MAX {
                    let (j, next) = arena[at as usize];
                    if shared[j as usize] == 0 {
                        touched.push(j as usize);
                    }
                    shared[j as usize] += 1;
                    at = next;
                }
                arena.push((i as u32, posting.head));
                posting.head = (arena.len() - 1) as u32;
                posting.len += 1;
            }
        }
        cands[i].grams = distinct;
        let mut best: Option<(usize, usize)> = None;
        for &j in &touched {
            let s = shared[j] as usize;
            shared[j] = 0;
            let union = distinct + cands[j].grams - s;
            if union > 0 && s as f64 / union as f64 >= NEAR_JACCARD && best.is_none_or(|(bs, bj)| (s, usize::MAX - j) > (bs, usize::MAX - bj)) {
                best = Some((s, j));
            }
        }
        touched.clear();
        if let Some((_, j)) = best {
            parent[i] = find(&parent, j);
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); cands.len()];
    for i in 0..cands.len() {
        groups[find(&parent, i)].push(i);
    }
    let mut doomed: Vec<(BlockRef, BlockRef, RemovedReason)> = Vec::new();
    for members in groups.iter().filter(|m| m.len() > 1) {
        let keep = choose_keeper(page, &cands, members);
        for &m in members {
            if m != keep {
                let reason = if cands[m].key == cands[keep].key {
                    RemovedReason::Duplicate
                } else {
                    RemovedReason::NearDuplicate
                };
                doomed.push((cands[m].at, cands[keep].at, reason));
            }
        }
    }
    apply(page, doomed);
}

fn find(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

/// The member whose article the paragraph belongs to; see the module doc.
fn choose_keeper(page: &Page, cands: &[Candidate], members: &[usize]) -> usize {
    let first = *members.iter().min_by_key(|&&m| (cands[m].at.article, cands[m].at.block)).expect("non-empty group");
    let mut articles: Vec<usize> = members.iter().map(|&m| cands[m].at.article).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return first;
    }
    let grams = trigram_set(&cands[first].key);
    let member_blocks: FxHashSet<(usize, usize)> = members.iter().map(|&m| (cands[m].at.article, cands[m].at.block)).collect();
    let contexts: Vec<(FxHashSet<u64>, FxHashSet<u64>)> = articles
        .iter()
        .map(|&ai| {
            let a = &page.articles[ai];
            let head = [&a.kicker, &a.headline, &a.subheadline].iter().filter_map(|x| x.as_deref()).collect::<Vec<_>>().join("");
            let body: String = a
                .blocks
                .iter()
                .enumerate()
                .filter(|(bi, _)| !member_blocks.contains(&(ai, *bi)))
                .map(|(_, b)| b.text.as_str())
                .collect();
            (trigram_set(&key(&head)), trigram_set(&key(&body)))
        })
        .collect();
    let everywhere: FxHashSet<u64> = grams
        .iter()
        .copied()
        .filter(|g| contexts.iter().all(|(h, b)| h.contains(g) || b.contains(g)))
        .collect();
    let score = |(h, b): &(FxHashSet<u64>, FxHashSet<u64>)| -> usize {
        grams.iter().filter(|g| !everywhere.contains(g)).map(|g| 3 * usize::from(h.contains(g)) + usize::from(b.contains(g))).sum()
    };
    let best_article = articles
        .iter()
        .zip(&contexts)
        .map(|(&ai, ctx)| (score(ctx), ai))
        .max_by_key(|&(s, ai)| (s, usize::MAX - ai))
        .map(|(_, ai)| ai)
        .expect("two or more articles");
    *members
        .iter()
        .filter(|&&m| cands[m].at.article == best_article)
        .min_by_key(|&&m| cands[m].at.block)
        .expect("the best article holds a member")
}

/// Takes the doomed blocks out and records them, with references to the kept copies
/// re-indexed after removal.
fn apply(page: &mut Page, doomed: Vec<(BlockRef, BlockRef, RemovedReason)>) {
    if doomed.is_empty() {
        return;
    }
    // The removed block indices of each article, sorted: a kept block moves up by the
    // number of removed blocks before it.
    let mut gone: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (d, _, _) in &doomed {
        gone.entry(d.article).or_default().push(d.block);
    }
    for blocks in gone.values_mut() {
        blocks.sort_unstable();
        blocks.dedup();
    }
    let new_index = |r: BlockRef| -> BlockRef {
        let shift = gone.get(&r.article).map_or(0, |g| g.partition_point(|&b| b < r.block));
        BlockRef { article: r.article, block: r.block - shift }
    };
    let mut removed: Vec<Removed> = doomed
        .iter()
        .map(|(d, keep, reason)| {
            let b = &page.articles[d.article].blocks[d.block];
            Removed::new(*reason, b.text.clone(), b.lines, Some(new_index(*keep)))
        })
        .collect();
    removed.sort_by_key(|r| r.lines);
    for (ai, a) in page.articles.iter_mut().enumerate() {
        let Some(g) = gone.get(&ai) else { continue };
        let mut bi = 0;
        a.blocks.retain(|_| {
            let keep = g.binary_search(&bi).is_err();
            bi += 1;
            keep
        });
    }
    // An article left with nothing (a headless article that was only a copy) goes.
    let empty = |a: &crate::model::Article| a.headline.is_none() && a.blocks.is_empty() && a.byline.is_none() && a.jumps.is_empty();
    let dropped: Vec<usize> = (0..page.articles.len()).filter(|&i| empty(&page.articles[i])).collect();
    if !dropped.is_empty() {
        for r in &mut removed {
            if let Some(d) = &mut r.duplicate_of {
                d.article -= dropped.partition_point(|&x| x < d.article);
            }
        }
        page.articles.retain(|a| !empty(a));
    }
    page.removed.extend(removed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_punct_is_never_alphanumeric() {
        let plain: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| is_plain_punct(c)).collect();
        assert_eq!(plain.len(), 1 + 24 + 5 + 25 + 1 + 15 + 7 + 6 + 11);
        assert!(plain.iter().all(|c| !c.is_alphanumeric()), "{:?}", plain.iter().find(|c| c.is_alphanumeric()));
    }

    #[test]
    fn keys_keep_han_letters_and_digits_lower_case() {
        let k: String = key("“Ａ股”上涨, COVID-19 疫情：Ⅻ 々").into_iter().collect();
        assert_eq!(k, "ａ股上涨covid19疫情ⅻ々");
    }
}
