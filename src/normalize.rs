//! Stage 7: text repair on every text field of the page.
//!
//! This module owns what happens to a text after the layout is known: white space
//! (spaces an OCR tool put between Han characters inside body text are removed;
//! spaces in headlines, subheads, bylines and signatures are kept, runs collapsed to
//! one), punctuation width ([`crate::punct`], GB/T 15834-2011, unless `--punct keep`),
//! and script conversion ([`crate::convert`], OpenCC, only when asked for). `removed`
//! gets the same white space and punctuation repair but keeps the script it was
//! printed in.

use crate::convert::Converter;
use crate::model::{BlockKind, Page};
use crate::punct;
use crate::text::{collapse_spaces, is_cjk, is_space};

/// What the repair stage does.
#[derive(Debug, Clone, Copy)]
pub struct Repair<'a> {
    /// Normalize punctuation width (GB/T 15834-2011).
    pub punct: bool,
    /// Convert the script with this converter.
    pub convert: Option<&'a Converter>,
}

impl Repair<'_> {
    fn display(&self, s: &str) -> String {
        self.finish(collapse_spaces(s))
    }

    fn body(&self, s: &str) -> String {
        self.finish(remove_spaces_between_cjk(s))
    }

    fn finish(&self, s: String) -> String {
        let s = if self.punct { punct::normalize(&s) } else { s };
        match self.convert {
            Some(c) => c.convert(&s),
            None => s,
        }
    }

    fn opt(&self, s: &mut Option<String>) {
        if let Some(t) = s {
            *t = self.display(t);
        }
    }
}

/// True for block kinds whose text is running prose.
fn is_prose(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote | BlockKind::Caption)
}

/// Repairs every text field of `page` in place.
pub fn repair(page: &mut Page, r: Repair<'_>) {
    for a in &mut page.articles {
        r.opt(&mut a.kicker);
        r.opt(&mut a.headline);
        r.opt(&mut a.subheadline);
        r.opt(&mut a.rubric);
        r.opt(&mut a.byline);
        r.opt(&mut a.dateline);
        for au in &mut a.authors {
            au.name = r.display(&au.name);
            r.opt(&mut au.role);
            r.opt(&mut au.org);
        }
        for b in &mut a.blocks {
            b.text = if is_prose(b.kind) { r.body(&b.text) } else { r.display(&b.text) };
        }
        for j in &mut a.jumps {
            j.label = r.display(&j.label);
            j.text = r.display(&j.text);
        }
    }
    for b in &mut page.leftovers {
        b.text = r.display(&b.text);
    }
    let printed = Repair { convert: None, ..r };
    for x in &mut page.removed {
        x.text = printed.body(&x.text);
    }
}

/// Removes white space whose both neighbours are CJK (Han or CJK punctuation) — the
/// spaces OCR puts between the characters of a line ("要 坚 持") — and collapses every
/// other run of white space to one space. Line breaks inside a block become spaces
/// first.
pub fn remove_spaces_between_cjk(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let start = i;
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            let prev = out.chars().next_back();
            let next = chars.get(i).copied();
            let drop = match (prev, next) {
                (None, _) | (_, None) => true,
                (Some(p), Some(n)) => is_cjk(p) && is_cjk(n),
            };
            if !drop && start < i {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_spaces_between_han_go_but_latin_spacing_stays() {
        assert_eq!(remove_spaces_between_cjk("要 坚 持 项 目 建 设 ，  推 进 COVID 19 防控"), "要坚持项目建设，推进 COVID 19 防控");
        assert_eq!(remove_spaces_between_cjk("  前后空白  "), "前后空白");
    }
}
