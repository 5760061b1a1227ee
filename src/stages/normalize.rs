//! Stage 7: text repair on every text field of the page.
//!
//! This module owns what happens to a text after the layout is known: white space
//! (spaces an OCR tool put between Han characters inside body text are removed;
//! spaces in headlines, subheads, bylines and signatures are kept, runs collapsed to
//! one), punctuation width ([`crate::rules::punct`], GB/T 15834-2011, unless `--punct keep`),
//! and script conversion ([`crate::convert`], OpenCC, only when asked for), then OCR
//! look-alike characters in article heads and blocks ([`crate::rules::lookalike`],
//! when asked, `--lookalikes repair`; each repair gets a `lookalike` warning). `removed`
//! gets the same white space and punctuation repair but keeps the script and the
//! characters it was printed in.

use std::borrow::Cow;

use crate::convert::Converter;
use crate::model::{Article, BlockKind, Page, Warning, WarningKind};
use crate::rules::punct;
use crate::rules::chars::{collapse_spaces, is_cjk, is_space};

/// What the repair stage does.
#[derive(Debug, Clone, Copy)]
pub struct Repair<'a> {
    /// Normalize punctuation width (GB/T 15834-2011).
    pub punct: bool,
    /// Repair OCR look-alike characters ([`crate::rules::lookalike`]).
    pub lookalikes: bool,
    /// Convert the script with this converter.
    pub convert: Option<&'a Converter>,
}

impl Repair<'_> {
    /// Repairs a display text (a headline, a byline, a non-prose block) in place: white
    /// space collapsed, then [`Repair::finish`]; the allocation is kept when nothing
    /// changes it.
    /// Returns true when the text changed.
    fn display(&self, s: &mut String) -> bool {
        if let Some(changed) = self.unspaced(s) {
            return changed;
        }
        let mut changed = false;
        if punct::find_space(s).is_some() {
            changed = replace(s, collapse_spaces(s));
        }
        self.finish(s) | changed
    }

    /// For text without white space, where the white-space repairs change nothing, the
    /// punctuation repair (when asked for) in the pass that finds there is none, then
    /// the script: `Some` when `s` is repaired (true when the repair changed it),
    /// `None` when it has white space (or punctuation is kept), and is left as it is.
    fn unspaced(&self, s: &mut String) -> Option<bool> {
        if !self.punct {
            return None;
        }
        let changed = match punct::normalize_unspaced(s)? {
            Cow::Owned(o) => replace(s, o),
            Cow::Borrowed(_) => false,
        };
        Some(self.convert_script(s) | changed)
    }

    /// Punctuation, then script, in place; true when the text changed.
    fn finish(&self, s: &mut String) -> bool {
        let mut changed = false;
        if self.punct {
            if let Cow::Owned(o) = punct::normalize_cow(s) {
                changed = replace(s, o);
            }
        }
        self.convert_script(s) | changed
    }

    /// The script conversion, when asked for; true when the text changed.
    fn convert_script(&self, s: &mut String) -> bool {
        match self.convert {
            Some(c) => {
                let t = c.convert(s);
                replace(s, t)
            }
            None => false,
        }
    }

    /// Repairs body text in place: its allocation is kept when no repair changes it.
    /// The spaces of a credit printed inside it ("本报记者 郁成摄") are kept, as in a byline
    /// (text without white space has none to keep, and is not searched for credits).
    /// Returns true when the text changed.
    fn body_in_place(&self, text: &mut String) -> bool {
        if let Some(changed) = self.unspaced(text) {
            return changed;
        }
        let mut changed = false;
        if punct::find_space(text).is_some() {
            let credits = crate::rules::byline::inline_credits(text);
            if credits.is_empty() {
                if let Cow::Owned(o) = remove_spaces_cow(text) {
                    changed = replace(text, o);
                }
                // Letter spacing that only shows once the runs are one space each
                // ("A\t!\t0" reads "A ! 0"): taken out as from a printed line.
                if let Some(u) = crate::lines::unspaced(text) {
                    changed |= replace(text, u);
                }
            } else {
                let s = text.as_str();
                let mut out = String::with_capacity(s.len());
                let mut at = 0;
                for r in credits {
                    out.push_str(&remove_spaces_cow(&s[at..r.start]));
                    out.push_str(&collapse_spaces(&s[r.clone()]));
                    at = r.end;
                }
                out.push_str(&remove_spaces_cow(&s[at..]));
                changed = replace(text, out);
            }
        }
        self.finish(text) | changed
    }

    fn opt(&self, s: &mut Option<String>) {
        if let Some(t) = s {
            self.display(t);
        }
    }
}

/// Puts `new` in place of `s`; true when it differs from `s` (a repair may build a new
/// text equal to the old one).
fn replace(s: &mut String, new: String) -> bool {
    let changed = *s != new;
    *s = new;
    changed
}

/// True for block kinds whose text is running prose.
fn is_prose(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote | BlockKind::Caption | BlockKind::EditorNote | BlockKind::Brief)
}

/// Repairs every text field of `page` in place.
pub fn repair(page: &mut Page, r: Repair<'_>) {
    for a in &mut page.articles {
        r.opt(&mut a.kicker);
        r.opt(&mut a.headline);
        r.opt(&mut a.subheadline);
        r.opt(&mut a.rubric);
        r.opt(&mut a.byline);
        if let (true, Some(b)) = (r.punct, a.byline.as_mut()) {
            crate::rules::byline::widen_credit_slash(b);
        }
        r.opt(&mut a.dateline);
        for au in &mut a.authors {
            r.display(&mut au.name);
            r.opt(&mut au.role);
            r.opt(&mut au.org);
        }
        for b in &mut a.blocks {
            let changed = if is_prose(b.kind) { r.body_in_place(&mut b.text) } else { r.display(&mut b.text) };
            // The repair may change what the opening reads as ("一," is an item as "一，");
            // a text it left as it was keeps the facts already read from it.
            if changed {
                b.refresh_facts();
            }
        }
        for j in &mut a.jumps {
            r.display(&mut j.label);
            r.display(&mut j.text);
        }
        if r.lookalikes {
            lookalikes(a);
        }
    }
    for b in &mut page.leftovers {
        if r.display(&mut b.text) {
            b.refresh_facts();
        }
    }
    let printed = Repair { convert: None, ..r };
    for x in &mut page.removed {
        printed.body_in_place(&mut x.text);
    }
}

/// Repairs the look-alike characters of `a`'s heads and blocks
/// ([`crate::rules::lookalike`]), with a [`WarningKind::Lookalike`] warning for each
/// repair.
fn lookalikes(a: &mut Article) {
    let fix = |s: &mut String, block: Option<usize>, place: &dyn Fn() -> String, out: &mut Vec<Warning>| {
        let Some((text, fixes)) = crate::rules::lookalike::repair(s) else { return false };
        *s = text;
        let place = place();
        for f in fixes {
            let message = format!("{place}: printed {}, repaired {}", f.printed, f.repaired);
            out.push(Warning { kind: WarningKind::Lookalike, block, message });
        }
        true
    };
    let mut out = Vec::new();
    for (field, s) in [("kicker", &mut a.kicker), ("headline", &mut a.headline), ("subheadline", &mut a.subheadline)] {
        if let Some(s) = s {
            fix(s, None, &|| field.to_string(), &mut out);
        }
    }
    for (i, b) in a.blocks.iter_mut().enumerate() {
        let [first, last] = b.lines;
        let place = || if first == last { format!("line {first}") } else { format!("lines {first}–{last}") };
        if fix(&mut b.text, Some(i), &place, &mut out) {
            b.refresh_facts();
        }
    }
    a.warnings.extend(out);
}

/// Removes white space whose both neighbours are CJK (Han or CJK punctuation) — the
/// spaces OCR puts between the characters of a line ("要 坚 持") — and collapses every
/// other run of white space to one space. Line breaks inside a block become spaces
/// first.
pub fn remove_spaces_between_cjk(s: &str) -> String {
    remove_spaces_cow(s).into_owned()
}

/// [`remove_spaces_between_cjk`], borrowing `s` back when it has no white space. The
/// text between two runs of white space is copied as a slice; each run is read with
/// the characters around it, as printed (a run of white space counted as one space, as
/// the output will have it, so that a second pass reads the same context and the
/// repair is idempotent): the two characters before it and the two after it.
fn remove_spaces_cow(s: &str) -> Cow<'_, str> {
    let Some(mut start) = punct::find_space(s) else { return Cow::Borrowed(s) };
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    loop {
        out.push_str(&s[copied..start]);
        let end = s[start..].find(|c| !is_space(c)).map_or(s.len(), |k| start + k);
        let mut back = squeeze(s[..start].chars().rev());
        let mut ahead = squeeze(s[end..].chars());
        let (p, b1, b2) = (back.next(), back.next(), back.next());
        let (n, n1, n2) = (ahead.next(), ahead.next(), ahead.next());
        let drop = space_goes((b2, b1, p), (n, n1, n2));
        if !drop {
            out.push(' ');
        }
        copied = end;
        match punct::find_space(&s[end..]) {
            Some(k) => start = end + k,
            None => break,
        }
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// `it` with every run of white space given as one `' '`.
fn squeeze(it: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut it = it.peekable();
    std::iter::from_fn(move || {
        let c = it.next()?;
        if !is_space(c) {
            return Some(c);
        }
        while it.next_if(|d| is_space(*d)).is_some() {}
        Some(' ')
    })
}

/// Three characters as printed (a run of white space as one), `None` past the text's end.
type Around = (Option<char>, Option<char>, Option<char>);

/// True when a run of white space between `before` (`(b2, b1, p)`, as printed) and `after`
/// (`(n, n1, n2)`) goes: at the text's start or end, between two CJK characters, or
/// inside a spaced-out number ([`spaced_digits`]).
fn space_goes(before: Around, after: Around) -> bool {
    match (before.2, after.0) {
        (None, _) | (_, None) => true,
        (Some(p), Some(n)) => (is_cjk(p) && is_cjk(n)) || spaced_digits(before, after),
    }
}

/// True when a space between `p` (`(b2, b1, p)`, as printed before it) and `n` (`(n,
/// n1, n2)` after it) is letter spacing inside a spaced-out number ("全县共有 1 2 0 所"
/// reads 全县共有120所): a lone digit next to a lone digit, or a CJK character next to a
/// spaced run of lone digits. "COVID 19" and "12 34" keep their space.
fn spaced_digits((b2, b1, p): Around, (n, n1, n2): Around) -> bool {
    let edge = |c: Option<char>| c.is_none_or(|c| is_space(c) || is_cjk(c));
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let spaced = |c: Option<char>| c.is_some_and(is_space);
    let p_lone = digit(p) && edge(b1);
    let n_lone = digit(n) && edge(n1);
    if p_lone && n_lone {
        return true;
    }
    let cjk = |c: Option<char>| c.is_some_and(is_cjk);
    // 有 + "1 2": the digit after the space opens a spaced run; "0" + 所 after "1 2 0":
    // the digit before it closes one.
    (cjk(p) && n_lone && spaced(n1) && digit(n2)) || (p_lone && spaced(b1) && digit(b2) && cjk(n))
}

/// The char-vector space repair [`remove_spaces_cow`] replaced (main 569b827), kept as
/// the reference the slice-copying one is checked against.
#[cfg(test)]
mod reference {
    use super::{is_space, space_goes, squeeze};
    use std::borrow::Cow;

    pub(super) fn remove_spaces(s: &str) -> Cow<'_, str> {
        let Some(first) = s.find(is_space) else { return Cow::Borrowed(s) };
        let mut out = String::with_capacity(s.len());
        out.push_str(&s[..first]);
        // The text around each run of white space, as printed (spaces included): the two
        // characters before it and the two after it.
        let chars: Vec<char> = s[first..].chars().collect();
        let head: Vec<char> = s[..first].chars().rev().take(2).collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            if !is_space(c) {
                out.push(c);
                k += 1;
                continue;
            }
            let start = k;
            while k < chars.len() && is_space(chars[k]) {
                k += 1;
            }
            // A run of white space counts as one space here, as the output will have it,
            // so that a second pass reads the same context (the repair is idempotent).
            let mut back = squeeze(chars[..start].iter().rev().chain(head.iter()).copied());
            let mut ahead = squeeze(chars[k..].iter().copied());
            let (p, b1, b2) = (back.next(), back.next(), back.next());
            let (n, n1, n2) = (ahead.next(), ahead.next(), ahead.next());
            let drop = space_goes((b2, b1, p), (n, n1, n2));
            if !drop {
                out.push(' ');
            }
        }
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_digits_close_up_but_numbers_and_words_stay_apart() {
        assert_eq!(remove_spaces_between_cjk("全县共有 1 2 0 所学校"), "全县共有120所学校");
        assert_eq!(remove_spaces_between_cjk("COVID 19 防控 2 0 2 4 年"), "COVID 19 防控2024年");
        assert_eq!(remove_spaces_between_cjk("A 12 34 B"), "A 12 34 B");
    }

    /// Found by `properties::punctuation_and_space_repairs_are_idempotent`: a run of
    /// several white-space characters read as several characters of context.
    #[test]
    fn spaced_digits_read_a_run_of_white_space_as_one_space() {
        let once = remove_spaces_between_cjk("的\t0\t\u{feff}18:50");
        assert_eq!(once, "的0 18:50");
        assert_eq!(remove_spaces_between_cjk(&once), once);
        assert_eq!(remove_spaces_between_cjk("全县共有 \t1  2 \u{3000}0 所"), "全县共有120所");
    }

    /// The case `properties::text_repairs_are_idempotent` found (1 in about 10,000
    /// generated pages): "A\t!\t0" was not letter-spaced as printed (tabs), came out
    /// "A ! 0", and fed back as a page read as letter-spaced ("A!0").
    #[test]
    fn letter_spacing_that_shows_after_the_collapse_goes_as_from_a_printed_line() {
        let p = crate::Pipeline::new(crate::Options::default()).unwrap();
        for page in ["A\t!\t0\n", "A  !  0\n", "A ! 0\n"] {
            let out = p.process("p.txt", page);
            let texts: Vec<&str> = out.articles.iter().flat_map(|a| a.blocks.iter().map(|b| b.text.as_str())).collect();
            assert_eq!(texts.first().copied(), Some("A!0"), "{page:?}: {texts:?}");
        }
        // Real spacing between words stays.
        let out = p.process("p.txt", "AB ! CD\n");
        assert_eq!(out.articles[0].blocks[0].text, "AB ! CD");
    }

    #[test]
    fn ocr_spaces_between_han_go_but_latin_spacing_stays() {
        assert_eq!(remove_spaces_between_cjk("要 坚 持 项 目 建 设 ，  推 进 COVID 19 防控"), "要坚持项目建设，推进 COVID 19 防控");
        assert_eq!(remove_spaces_between_cjk("  前后空白  "), "前后空白");
    }

    proptest::proptest! {
        /// The slice-copying repair gives what the char-vector one gave.
        #[test]
        fn the_space_repair_is_the_reference(s in "[ \t\n\u{a0}\u{3000}\u{feff}0-9a-c中文的，。（）“]{0,24}") {
            proptest::prop_assert_eq!(remove_spaces_between_cjk(&s), reference::remove_spaces(&s).into_owned());
        }
    }
}
