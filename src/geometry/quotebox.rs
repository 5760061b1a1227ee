//! Step 5, after the masthead: a quotation box under its label, wherever it stands.

use super::*;

/// Marks a quotation box headed by its label as a quote: a horizontal line whose text
/// is a quotation label and nothing else ([`crate::rules::furniture::quotation_label`]:
/// 最高指示, 毛主席语录, ...), not already furniture or quote, and the lines read after
/// it up to the end of their band (past the label's own band, when the label stands
/// alone in one and the next band does not open with a heading), headings in display
/// type among them. The heading flags are cleared: the
/// contract makes a boxed quotation `quote` blocks, its label the first of them, not an
/// article's headline. A label with no line under it to take is left as it is.
/// `heading` is the heading flag of each line (as [`assign_roles`] gives it).
///
/// Source: three pages of `../shared/realpages` (a tabloid of `bha25-tabloids`, two
/// leaflets of `bha21-leaflets`) where 最高指示 became the headline of the quotation
/// under it; a quotation box beside a masthead is [`mastheads`]' (the ear).
pub(super) fn labelled_quotes(lines: &mut [PrintedLine], heading: &mut [bool]) {
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.vertical || l.quote || l.margin || !crate::rules::furniture::quotation_label(&l.text) {
            i += 1;
            continue;
        }
        // The label's band may hold the label alone: then the box is the next band,
        // which must not open with a heading (the next article's headline). Inside the
        // box's band a heading is the quotation set in display type.
        let mut end = i + 1;
        if lines[i].ends_band && heading.get(end).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        while end < lines.len() && !lines[end].margin && !lines[end].quote {
            let last = lines[end].ends_band;
            end += 1;
            if last {
                break;
            }
        }
        if end == i + 1 {
            i += 1;
            continue;
        }
        for k in i..end {
            let l = &mut lines[k];
            l.quote = true;
            l.heading = None;
            l.bold = false;
            heading[k] = false;
        }
        i = end;
    }
}
