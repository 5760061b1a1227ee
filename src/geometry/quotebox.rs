//! Step 5, after the masthead: a quotation box under its label, wherever it stands.

use super::*;

/// Marks a quotation box headed by its label as a quote: a horizontal line whose text
/// is a quotation label and nothing else ([`crate::rules::furniture::quotation_label`]:
/// 最高指示, 毛主席语录, ...), not already furniture or quote, and the lines read after
/// it up to the end of their band (past the label's own band, when the label stands
/// alone in one and the next band does not open with a heading), headings in display
/// type among them, but not a heading after a line that ends a sentence (。！？”」: the
/// next article's headline, in the same band), nor a line starting above the label (a
/// column beside the box; above the label's row, for a label cut off its row). The
/// heading flags are cleared: the contract makes a boxed quotation `quote` blocks, its
/// label the first of them, not an article's headline. A label with no line under it
/// to take is left as it is. `heading` is the heading flag of each line (as
/// [`assign_roles`] gives it); `m` measures the lines cut apart.
///
/// Source: three pages of `../shared/realpages` (a tabloid of `bha25-tabloids`, two
/// leaflets of `bha21-leaflets`) where 最高指示 became the headline of the quotation
/// under it; a quotation box beside a masthead is [`mastheads`]' (the ear).
///
/// A label set beside the quotation's first line, read with it as one line (its first
/// piece a label alone), is cut off into a line of its own first, the rest of the row
/// read after it as the quotation's first line, which runs on into the band after the
/// row when the row ended one (the leaflet `01d6f73e_p1` of `bha21-leaflets`: 最高指示
/// left of a two-line quotation).
pub(super) fn labelled_quotes(lines: &mut Vec<PrintedLine>, heading: &mut Vec<bool>, m: Metrics) {
    // The labels cut off their row (lines are only inserted after them).
    let mut cut_off = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let label_first = l.pieces.len() >= 2
            && !l.vertical
            && !l.quote
            && !l.margin
            && l.pieces.iter().min_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0)).is_some_and(|p| crate::rules::furniture::quotation_label(&p.text));
        if label_first {
            let mut pieces = l.pieces.clone();
            pieces.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
            let rest = printed_line(pieces.split_off(1), m);
            // The label's row ends where the row did; its quotation runs on into the
            // lines under the label, in the band after it when the row ended one.
            let mut label = printed_line(pieces, m);
            label.ends_band = l.ends_band;
            lines[i] = label;
            lines.insert(i + 1, rest);
            heading.insert(i + 1, false);
            cut_off.push(i);
        }
        i += 1;
    }
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
        let top = if cut_off.contains(&i) { lines[i].rect.y0.min(lines[i + 1].rect.y0) } else { lines[i].rect.y0 };
        // A line starting above the label stands beside the box, in the next column.
        while end < lines.len() && !lines[end].margin && !lines[end].quote && lines[end].rect.y0 >= top {
            // A heading after a finished sentence is the next article's headline.
            if end > i + 1 && heading[end] && lines[end - 1].text.ends_with(['。', '！', '？', '”', '」']) {
                break;
            }
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
