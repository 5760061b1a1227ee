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

use crate::stages::limits::*;
use crate::model::{BlockKind, BlockRef, Page, Removed, RemovedReason};
use crate::rules::chars::{is_common_mark, is_han};


/// The folded key of a text: its Han characters, letters and digits only. A block's key
/// is taken without its leading credit (a first paragraph printed twice keeps its 本报讯
/// in the copy): the caller passes [`Facts::after_credit`](crate::rules::BlockFacts::after_credit)
/// of the block, or [`without_credit`] of a text that is not a block.
fn key(text: &str) -> String {
    let mut out = String::new();
    key_into(&mut out, text);
    out
}

/// Appends the folded key of `body` ([`key`]) to `out`; returns its length in chars.
/// Runs of characters the fold keeps as they are (Han, which has no case; ASCII digits
/// and lowercase letters) are copied as byte slices; uppercase ASCII is lowercased, and
/// other letters and digits go through `char::to_lowercase` as before.
fn key_into(out: &mut String, body: &str) -> usize {
    out.reserve(body.len());
    let mut n = 0;
    // The start of the run of characters kept as they are.
    let mut run = 0;
    for (i, c) in body.char_indices() {
        if is_han(c) || c.is_ascii_lowercase() || c.is_ascii_digit() {
            n += 1;
            continue;
        }
        out.push_str(&body[run..i]);
        run = i + c.len_utf8();
        if c.is_ascii_uppercase() {
            out.push(c.to_ascii_lowercase());
            n += 1;
        } else if !c.is_ascii() && !is_common_mark(c) && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                out.push(l);
                n += 1;
            }
        }
    }
    out.push_str(&body[run..]);
    n
}

/// The distinct trigrams of `key`, sorted (a set searched by binary search).
/// Each is its [`TRIGRAM`] characters packed into one `u64` ([`CHAR_BITS`] each, the
/// first highest), read in one pass over the key without collecting its characters first.
fn trigrams(key: &str) -> Vec<u64> {
    let mut grams: Vec<u64> = Vec::with_capacity(key.chars().count().saturating_sub(TRIGRAM - 1));
    let mask = (1u64 << ((TRIGRAM as u32 - 1) * CHAR_BITS)) - 1;
    // The last TRIGRAM - 1 characters read, packed; `seen` counts up to TRIGRAM - 1.
    let (mut last, mut seen) = (0u64, 0);
    for c in key.chars() {
        let gram = (last << CHAR_BITS) | c as u64;
        if seen == TRIGRAM - 1 {
            grams.push(gram);
        } else {
            seen += 1;
        }
        last = gram & mask;
    }
    grams.sort_unstable();
    grams.dedup();
    grams
}

struct Candidate {
    at: BlockRef,
    key: String,
    /// Number of characters of `key`.
    chars: usize,
    /// Number of distinct trigrams of `key` (set when it is indexed).
    grams: usize,
}

/// The candidates holding one trigram, in page order, at most [`MAX_POSTING`]. Most
/// trigrams of a page are in one block only, so one is held inline, without a heap
/// allocation of its own.
enum Posting {
    One(usize),
    Many(Vec<usize>),
}

impl Posting {
    fn as_slice(&self) -> &[usize] {
        match self {
            Posting::One(j) => std::slice::from_ref(j),
            Posting::Many(v) => v,
        }
    }

    fn push(&mut self, i: usize) {
        match self {
            Posting::One(j) => *self = Posting::Many(vec![*j, i]),
            Posting::Many(v) => v.push(i),
        }
    }
}

/// Removes duplicate and near-duplicate blocks from `page`'s articles, recording them
/// in `page.removed`. A paragraph whose first copy a blank line broke in two is first
/// made whole ([`join_split_copies`]).
pub fn remove_duplicates(page: &mut Page) {
    join_split_copies(page);
    let mut cands: Vec<Candidate> = Vec::with_capacity(page.articles.iter().map(|a| a.blocks.len()).sum());
    for (ai, a) in page.articles.iter().enumerate() {
        for (bi, b) in a.blocks.iter().enumerate() {
            if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote | BlockKind::Caption | BlockKind::EditorNote | BlockKind::Brief) {
                continue;
            }
            let mut k = String::new();
            let chars = key_into(&mut k, b.facts.after_credit(&b.text));
            if chars >= DEDUP_MIN_CHARS || caption_printed_twice(a, bi, &k) {
                cands.push(Candidate { at: BlockRef { article: ai, block: bi }, grams: 0, key: k, chars });
            }
        }
    }
    // Groups of copies: union by exact key, then by trigram similarity.
    let mut parent: Vec<usize> = (0..cands.len()).collect();
    let mut exact: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if let Some(&first) = exact.get(c.key.as_str()) {
            parent[i] = first;
        } else {
            exact.insert(c.key.as_str(), i);
        }
    }
    // Only one candidate's trigram set is held at a time; the index keeps the rest. It is
    // made as large as the trigrams of the candidates it will take (those of a text that
    // is no exact copy), counted with repeats, up to DEDUP_INDEX_RESERVE: grown by
    // doubling from empty, it was rehashed some 30 times a page (4.5% of the bench pages'
    // instructions, issue 19).
    let windows: usize = cands.iter().enumerate().filter(|&(i, _)| parent[i] == i).map(|(_, c)| c.chars.saturating_sub(TRIGRAM - 1)).sum();
    let mut index: FxHashMap<u64, Posting> = FxHashMap::with_capacity_and_hasher(windows.min(DEDUP_INDEX_RESERVE), Default::default());
    // Trigrams shared with each earlier candidate, for the candidate being indexed: a
    // count per candidate and the list of those counted (reset after each one).
    let mut shared: Vec<usize> = vec![0; cands.len()];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..cands.len() {
        if parent[i] != i {
            continue;
        }
        let grams = trigrams(&cands[i].key);
        cands[i].grams = grams.len();
        for g in grams {
            match index.entry(g) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(Posting::One(i));
                }
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    let posting = o.get_mut();
                    if posting.as_slice().len() < MAX_POSTING {
                        for &j in posting.as_slice() {
                            if shared[j] == 0 {
                                touched.push(j);
                            }
                            shared[j] += 1;
                        }
                        posting.push(i);
                    }
                }
            }
        }
        let best = touched
            .iter()
            .map(|&j| (j, shared[j]))
            .filter(|&(j, s)| {
                let (a, b) = (cands[i].grams, cands[j].grams);
                let union = a + b - s;
                union > 0 && s as f64 / union as f64 >= NEAR_JACCARD
            })
            .max_by_key(|&(j, s)| (s, usize::MAX - j));
        for &j in &touched {
            shared[j] = 0;
        }
        touched.clear();
        if let Some((j, _)) = best {
            parent[i] = find(&parent, j);
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..cands.len() {
        groups.entry(find(&parent, i)).or_default().push(i);
    }
    let mut doomed: Vec<(BlockRef, BlockRef, RemovedReason)> = Vec::new();
    let mut roots: Vec<usize> = groups.keys().copied().filter(|r| groups[r].len() > 1).collect();
    roots.sort_unstable();
    // Each group's first copy, its articles and, for a group that spans two or more,
    // the first copy's trigrams: the only trigrams an article's context is asked about,
    // so the contexts count those alone (a page of one long article would otherwise hold
    // a count for every trigram of its text).
    let groups_first: Vec<GroupFirst> = roots.iter().map(|root| group_first(&cands, &groups[root])).collect();
    let asked: FxHashSet<u64> = groups_first.iter().flat_map(|g| g.grams.iter().copied()).collect();
    let mut contexts: FxHashMap<usize, Context> = FxHashMap::default();
    for (root, group) in roots.into_iter().zip(groups_first) {
        let members = &groups[&root];
        let keep = choose_keeper(page, &cands, members, group, &asked, &mut contexts);
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

/// Whether block `bi` of `a` (its key `k`) is a caption with a copy of it right above
/// or right under it: a short photo credit printed twice back to back ("…摄（…视觉）"
/// twice, local 人民日报 m001), shorter than [`DEDUP_MIN_CHARS`] but compared all the
/// same (two captions in a row that read alike are never meant).
fn caption_printed_twice(a: &crate::model::Article, bi: usize, k: &str) -> bool {
    let caption = |i: usize| a.blocks.get(i).filter(|b| b.kind == BlockKind::Caption);
    let same = |i: usize| caption(i).is_some_and(|b| key(b.facts.after_credit(&b.text)) == k);
    caption(bi).is_some() && !k.is_empty() && ((bi > 0 && same(bi - 1)) || same(bi + 1))
}

/// A paragraph printed twice whose first copy a blank line broke in two, mid-sentence:
/// two paragraphs of one article, the first not ending a sentence (its last character
/// is not [`is_terminal`](crate::rules::chars::is_terminal) nor a closing quote), whose
/// keys put together are a near copy of the paragraph right under them (trigrams shared
/// at [`NEAR_JACCARD`], as the duplicate groups are made). The two halves are joined
/// into one paragraph (lines from the first's to the second's), which the duplicate
/// groups then find with its copy. Nothing is removed here. Issue 13, eval m015
/// ("…惟各省" / blank / "財政，多感困難…" above the whole paragraph printed again).
fn join_split_copies(page: &mut Page) {
    let para = |b: &crate::model::Block| b.kind == BlockKind::Paragraph;
    for a in &mut page.articles {
        let mut i = 0;
        while i + 2 < a.blocks.len() {
            let [x, y, z] = [&a.blocks[i], &a.blocks[i + 1], &a.blocks[i + 2]];
            let open = x.text.chars().next_back().is_some_and(|c| !crate::rules::chars::is_terminal(c) && !crate::rules::chars::is_closer(c));
            if para(x) && para(y) && para(z) && open && split_copy_of(x, y, z) {
                let y = a.blocks.remove(i + 1);
                let x = &mut a.blocks[i];
                crate::stages::assemble::join_into(&mut x.text, &y.text);
                x.lines[1] = y.lines[1];
                x.refresh_facts();
            }
            i += 1;
        }
    }
}

/// Whether the keys of `x` and `y` put together are a near copy of `z`'s
/// ([`join_split_copies`]).
fn split_copy_of(x: &crate::model::Block, y: &crate::model::Block, z: &crate::model::Block) -> bool {
    let mut joined = String::new();
    let n = key_into(&mut joined, x.facts.after_credit(&x.text)) + key_into(&mut joined, y.facts.after_credit(&y.text));
    let whole = key(z.facts.after_credit(&z.text));
    if n < DEDUP_MIN_CHARS || whole.chars().count() < DEDUP_MIN_CHARS {
        return false;
    }
    let (a, b) = (trigrams(&joined), trigrams(&whole));
    let shared = a.iter().filter(|g| b.binary_search(g).is_ok()).count();
    let union = a.len() + b.len() - shared;
    union > 0 && shared as f64 / union as f64 >= NEAR_JACCARD
}

/// A sentence printed twice back to back inside one paragraph ("…三十个项目。…三十个
/// 项目。", an OCR tool reading a line twice) is kept once; the copy goes to `removed`,
/// pointing at its paragraph. For text input only: on a page of OCR boxes each copy
/// has a place of its own, printed twice, not read twice. Sentences end with 。！？;
/// one shorter than
/// [`DEDUP_MIN_CHARS`] (folded) is never taken for a copy.
pub fn remove_repeated_sentences(page: &mut Page) {
    for (ai, a) in page.articles.iter_mut().enumerate() {
        for (bi, b) in a.blocks.iter_mut().enumerate() {
            if b.kind != BlockKind::Paragraph || !b.text.contains(['。', '！', '？']) {
                continue;
            }
            // The byte ranges of the copies; the text is rebuilt only when there is one.
            let mut copies: Vec<std::ops::Range<usize>> = Vec::new();
            // The key of the last sentence kept (with its credit: see below), and the
            // sentence.
            let (mut k, mut last_key, mut last) = (String::new(), String::new(), "");
            let mut at = 0;
            for sentence in b.text.split_inclusive(['。', '！', '？']) {
                // The keys are compared without the sentences' leading credits. The key of
                // a text without its opening is a suffix of the text's key (the fold is
                // character by character), so two sentences whose keys without credit are
                // equal and at least DEDUP_MIN_CHARS long share a suffix that long: the
                // credits (`byline::leading`) are read only for such a pair.
                k.clear();
                key_into(&mut k, sentence);
                if common_suffix_chars(&k, &last_key, DEDUP_MIN_CHARS) >= DEDUP_MIN_CHARS && same_without_credit(sentence, last) {
                    copies.push(at..at + sentence.len());
                } else {
                    std::mem::swap(&mut k, &mut last_key);
                    last = sentence;
                }
                at += sentence.len();
            }
            if copies.is_empty() {
                continue;
            }
            let mut kept = String::with_capacity(b.text.len());
            let mut from = 0;
            for r in &copies {
                kept.push_str(&b.text[from..r.start]);
                from = r.end;
            }
            kept.push_str(&b.text[from..]);
            let copies: Vec<String> = copies.into_iter().map(|r| b.text[r].to_string()).collect();
            b.text = kept;
            b.refresh_facts();
            let at = BlockRef { article: ai, block: bi };
            page.removed.extend(copies.into_iter().map(|c| Removed::new(RemovedReason::Duplicate, c, b.lines, Some(at))));
        }
    }
    page.removed.sort_by_key(|r| r.lines);
}

/// The number of characters `a` and `b` end with in common, counted up to `most`.
fn common_suffix_chars(a: &str, b: &str, most: usize) -> usize {
    a.chars().rev().zip(b.chars().rev()).take(most).take_while(|(x, y)| x == y).count()
}

/// True when the sentence `s` is a copy of the sentence `last` kept before it: their keys
/// without their leading credits are equal and at least [`DEDUP_MIN_CHARS`] long.
fn same_without_credit(s: &str, last: &str) -> bool {
    let (mut a, mut b) = (String::new(), String::new());
    key_into(&mut a, without_credit(s)) >= DEDUP_MIN_CHARS && {
        key_into(&mut b, without_credit(last));
        a == b
    }
}

/// `text` without its leading credit, read here: for a text that is not a block (a
/// sentence, a headline group), which has no facts record.
fn without_credit(text: &str) -> &str {
    crate::rules::byline::leading(text).map_or(text, |c| &text[c.len..])
}

fn find(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

/// What an article is about, to choose which copy of a paragraph to keep: the
/// trigrams of its headline group, and for every trigram asked about (the first copies'
/// of the groups that span articles) the number of its blocks that hold it (so that the
/// copies themselves can be taken out). Built once per article, so choosing costs the
/// copies' size, not the articles' size, per group.
struct Context {
    /// Sorted.
    head: Vec<u64>,
    body: FxHashMap<u64, usize>,
}

impl Context {
    /// `asked`: the trigrams the choice will ask about; the others are not counted.
    fn new(a: &crate::model::Article, asked: &FxHashSet<u64>) -> Context {
        let head = [&a.kicker, &a.headline, &a.subheadline].iter().filter_map(|x| x.as_deref()).collect::<Vec<_>>().join("");
        // Grown as it fills: one is kept for every article of every group, and made at its
        // bound size at once they doubled the peak RSS of a 1.6 MB page of many articles.
        let mut body: FxHashMap<u64, usize> = FxHashMap::default();
        for b in &a.blocks {
            for g in trigrams(&key(b.facts.after_credit(&b.text))) {
                if asked.contains(&g) {
                    *body.entry(g).or_default() += 1;
                }
            }
        }
        Context { head: trigrams(&key(without_credit(&head))), body }
    }
}

/// A group's first copy (in page order), the articles its copies are in (sorted), and
/// the first copy's trigrams when they are two or more (empty otherwise: the first copy
/// is kept without a choice).
struct GroupFirst {
    first: usize,
    articles: Vec<usize>,
    grams: Vec<u64>,
}

fn group_first(cands: &[Candidate], members: &[usize]) -> GroupFirst {
    let first = *members.iter().min_by_key(|&&m| (cands[m].at.article, cands[m].at.block)).expect("non-empty group");
    let mut articles: Vec<usize> = members.iter().map(|&m| cands[m].at.article).collect();
    articles.sort_unstable();
    articles.dedup();
    let grams = if articles.len() < 2 { Vec::new() } else { trigrams(&cands[first].key) };
    GroupFirst { first, articles, grams }
}

/// The member whose article the paragraph belongs to; see the module doc. A trigram
/// is in an article's body when a block other than the copies holds it. `group` is
/// [`group_first`] of `members`; `asked`, every group's trigrams ([`Context::new`]).
fn choose_keeper(
    page: &Page,
    cands: &[Candidate],
    members: &[usize],
    group: GroupFirst,
    asked: &FxHashSet<u64>,
    contexts: &mut FxHashMap<usize, Context>,
) -> usize {
    let GroupFirst { first, articles, grams } = group;
    if articles.len() < 2 {
        return first;
    }
    // How many copies in each article hold each of the paragraph's trigrams.
    // At most each copy's share of the first's trigrams (made that large at once, up to
    // DEDUP_INDEX_RESERVE: a page printed many times over has groups of a hundred copies).
    let mut in_copies: FxHashMap<(usize, u64), usize> =
        FxHashMap::with_capacity_and_hasher(members.len().saturating_mul(grams.len()).min(DEDUP_INDEX_RESERVE), Default::default());
    for &m in members {
        // An exact copy of the first has its trigrams, all of them shared: they are not
        // made again (a page printed many times over has groups of exact copies).
        let other: Vec<u64>;
        let shared: &[u64] = if cands[m].key == cands[first].key {
            &grams
        } else {
            other = trigrams(&cands[m].key).into_iter().filter(|g| grams.binary_search(g).is_ok()).collect();
            &other
        };
        for &g in shared {
            *in_copies.entry((cands[m].at.article, g)).or_default() += 1;
        }
    }
    for &ai in &articles {
        contexts.entry(ai).or_insert_with(|| Context::new(&page.articles[ai], asked));
    }
    let has = |ai: usize, g: u64| -> (bool, bool) {
        let c = &contexts[&ai];
        let body = c.body.get(&g).copied().unwrap_or(0) > in_copies.get(&(ai, g)).copied().unwrap_or(0);
        (c.head.binary_search(&g).is_ok(), body)
    };
    let mut everywhere: FxHashSet<u64> = FxHashSet::with_capacity_and_hasher(grams.len(), Default::default());
    everywhere.extend(grams.iter().copied().filter(|&g| {
        articles.iter().all(|&ai| {
            let (h, b) = has(ai, g);
            h || b
        })
    }));
    let score = |ai: usize| -> usize {
        grams
            .iter()
            .filter(|g| !everywhere.contains(g))
            .map(|&g| {
                let (h, b) = has(ai, g);
                HEADLINE_WEIGHT * usize::from(h) + usize::from(b)
            })
            .sum()
    };
    let best_article = articles
        .iter()
        .map(|&ai| (score(ai), ai))
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
    let gone: FxHashSet<(usize, usize)> = doomed.iter().map(|(d, _, _)| (d.article, d.block)).collect();
    // For each article losing blocks, how many go before each block.
    let mut gone_before: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for &(d, _, _) in &doomed {
        gone_before.entry(d.article).or_insert_with(|| {
            let mut acc = 0;
            let mut v = Vec::with_capacity(page.articles[d.article].blocks.len() + 1);
            for b in 0..page.articles[d.article].blocks.len() {
                v.push(acc);
                acc += usize::from(gone.contains(&(d.article, b)));
            }
            v.push(acc);
            v
        });
    }
    let new_index = |r: BlockRef| -> BlockRef {
        let shift = gone_before.get(&r.article).map_or(0, |v| v[r.block]);
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
        let mut bi = 0;
        a.blocks.retain(|_| {
            let keep = !gone.contains(&(ai, bi));
            bi += 1;
            keep
        });
    }
    // An article left with no text at all (a headless article that was only a copy)
    // goes; one that still holds a printed date or a rubric stays, so nothing is lost.
    let dropped: Vec<usize> = (0..page.articles.len()).filter(|&i| page.articles[i].is_empty()).collect();
    if !dropped.is_empty() {
        for r in &mut removed {
            if let Some(d) = &mut r.duplicate_of {
                d.article -= dropped.partition_point(|&x| x < d.article);
            }
        }
        page.articles.retain(|a| !a.is_empty());
    }
    page.removed.extend(removed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block};

    fn article(texts: &[&str], first_line: usize) -> Article {
        let mut a = Article::default();
        for (i, t) in texts.iter().enumerate() {
            let no = first_line + i;
            a.blocks.push(Block::new(BlockKind::Paragraph, t.to_string(), [no, no]));
        }
        a
    }

    fn empty() -> Page {
        crate::stages::segment::segment(Vec::new(), crate::lines::Layout::default())
    }

    const PARAGRAPH: &str = "市十五届人大常委会第三十六次会议十二日在市人大常委会会议厅举行，会议听取了报告。";

    #[test]
    fn trigrams_are_the_sorted_distinct_windows_of_three_characters() {
        let reference = |key: &str| {
            let chars: Vec<char> = key.chars().collect();
            let mut g: Vec<u64> = chars.windows(3).map(|w| (w[0] as u64) << 42 | (w[1] as u64) << 21 | w[2] as u64).collect();
            g.sort_unstable();
            g.dedup();
            g
        };
        for key in ["", "a", "ab", "abc", "abab", "会议举行会议举行", "x𠀀y𠀀y𠀀z", PARAGRAPH] {
            assert_eq!(trigrams(key), reference(key), "{key}");
        }
        assert_eq!(trigrams("abc"), vec![(97 << 42) | (98 << 21) | 99]);
    }

    #[test]
    fn a_paragraph_printed_twice_is_removed_once_and_points_to_the_copy_kept() {
        let mut page = empty();
        page.articles.push(article(&[PARAGRAPH, "会议还审议了其他事项，通过了有关决定。"], 1));
        page.articles.push(article(&[&format!("本报讯 {PARAGRAPH}")], 10));
        remove_duplicates(&mut page);
        assert_eq!(page.removed.len(), 1, "{:?}", page.removed);
        let r = &page.removed[0];
        assert_eq!(r.reason, RemovedReason::Duplicate);
        let kept = r.duplicate_of.expect("names the copy kept");
        let kept_text = &page.articles[kept.article].blocks[kept.block].text;
        assert!(kept_text.ends_with(PARAGRAPH), "{kept_text}");
        let blocks: usize = page.articles.iter().map(|a| a.blocks.len()).sum();
        assert_eq!(blocks, 2);
    }

    #[test]
    fn a_copy_a_few_ocr_errors_apart_is_a_near_duplicate() {
        let damaged = PARAGRAPH.replace("会议厅", "会议斤");
        let mut page = empty();
        page.articles.push(article(&[PARAGRAPH, &damaged], 1));
        remove_duplicates(&mut page);
        assert_eq!(page.removed.iter().map(|r| r.reason).collect::<Vec<_>>(), [RemovedReason::NearDuplicate]);
    }

    #[test]
    fn short_blocks_repeat_legitimately() {
        let mut page = empty();
        page.articles.push(article(&["（完）", "（完）", "本报记者 王强"], 1));
        page.articles.push(article(&["本报记者 王强"], 5));
        remove_duplicates(&mut page);
        assert!(page.removed.is_empty(), "{:?}", page.removed);
        // A block's key leaves out the credit its facts record read; other text's, the one read here.
        let b = Block::new(BlockKind::Paragraph, "本报讯（记者 尹明）会议举行".into(), [1, 1]);
        assert_eq!(key(b.facts.after_credit(&b.text)), "会议举行");
        assert_eq!(key(without_credit(&b.text)), "会议举行");
        assert_eq!(key(&b.text), "本报讯记者尹明会议举行");
    }

    /// The fold keeps Han, letters and digits only, lowercased as `char::to_lowercase`
    /// does (the reference), and counts chars, not bytes.
    #[test]
    fn the_key_is_the_lowercased_han_letters_and_digits() {
        for text in ["会议ABC，def。12３４ÉΣ𠀀〇", "", "。，、", "ǅ İ Ⅻ ﬀ"] {
            let reference: String = text.chars().filter(|c| is_han(*c) || c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            let mut k = String::new();
            let n = key_into(&mut k, text);
            assert_eq!(k, reference, "{text}");
            assert_eq!(n, reference.chars().count(), "{text}");
        }
        assert_eq!(key("会议ABC，def。12"), "会议abcdef12");
    }

    #[test]
    fn a_sentence_read_twice_is_found_with_or_without_its_credit_and_others_are_kept() {
        let mut page = empty();
        // The first copy opens with a credit, the second has none: a copy all the same.
        let twice = format!("本报讯 {PARAGRAPH}{PARAGRAPH}会议还审议了其他事项，通过了有关决定。");
        // The same ending ("会议听取了报告。") after a different opening is no copy.
        let alike = "市十五届人大常委会第三十七次会议十三日在市人大常委会会议厅举行，会议听取了报告。市十五届人大常委会第三十六次会议十二日在市人大常委会会议厅举行，会议听取了报告。";
        page.articles.push(article(&[&twice, alike], 1));
        remove_repeated_sentences(&mut page);
        assert_eq!(page.removed.iter().map(|r| (r.text.as_str(), r.lines)).collect::<Vec<_>>(), [(PARAGRAPH, [1, 1])]);
        let blocks = &page.articles[0].blocks;
        assert_eq!(blocks[0].text, format!("本报讯 {PARAGRAPH}会议还审议了其他事项，通过了有关决定。"));
        assert_eq!(blocks[0].facts.credit.as_ref().map(|c| c.dateline.as_deref()), Some(Some("本报讯")));
        assert_eq!(blocks[1].text, alike);
        assert_eq!(common_suffix_chars("甲乙丙丁", "戊乙丙丁", 16), 3);
        assert_eq!(common_suffix_chars("甲乙丙丁", "甲乙丙丁", 2), 2);
    }
}
