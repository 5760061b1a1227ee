"""Golds for OCR pages: map each OCR line to the rendered (printed) line it overlaps most.

An OCR line (a RapidOCR box, a Tesseract TSV/hOCR/ALTO line, a line of Tesseract's txt)
goes to the printed line whose box shares the largest area with it, if that area is at
least a quarter of the OCR line's box; otherwise it belongs to no printed line. Each
printed line of an article with at least one OCR line becomes one `order` entry, in gold
reading order (the order the page maker laid the lines out); printed lines that no OCR
line reached are left out of `order` (nothing could point at them). `oracle` is each
article's body blocks as the engine read them: its OCR lines per block, in gold order,
joined by the contract's rule, the printed byline cut off the first paragraph.
"""
import difflib

import common


def inter(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def assign(ocr_boxes, printed):
    """For each OCR box, the index of the printed line it belongs to, or None."""
    out = []
    for ob in ocr_boxes:
        area = max(1.0, (ob[2] - ob[0]) * (ob[3] - ob[1]))
        best, bi = 0.0, None
        for i, ln in enumerate(printed):
            v = inter(ob, ln.bbox)
            if v > best:
                best, bi = v, i
        out.append(bi if best >= 0.25 * area else None)
    return out


def quad_bbox(q):
    xs = [p[0] for p in q]
    ys = [p[1] for p in q]
    return [min(xs), min(ys), max(xs), max(ys)]


def cut_printed_prefix(ocr_text, printed_text, n):
    """Drop from the OCR text what corresponds to the first n printed characters."""
    if n <= 0:
        return ocr_text
    sm = difflib.SequenceMatcher(None, ocr_text, printed_text, autojunk=False)
    pos = None
    for a, b, size in sm.get_matching_blocks():
        if size and b <= n:
            pos = a + min(n - b, size)
    if pos is None:
        return ocr_text
    return ocr_text[pos:].lstrip()


def build(arts, printed, ocr, vertical, kind, unit):
    """Gold for one OCR page.

    arts: the placed articles, in gold order; printed: render.Line list in gold order;
    ocr: [(text, bbox, ref)] in document order, where ref is the 0-based box index
    (unit "boxes") or the 1-based input line number (unit "lines").
    Returns (garts, order, stats)."""
    owner = assign([o[1] for o in ocr], printed)
    per_line = {}
    for oi, pi in enumerate(owner):
        if pi is not None:
            per_line.setdefault(pi, []).append(oi)
    order = []
    block_text = {}
    block_refs = {}
    for pi, ln in enumerate(printed):
        if ln.article is None or pi not in per_line:
            continue
        ois = sorted(per_line[pi], key=lambda i: (ocr[i][1][1] if vertical else ocr[i][1][0]))
        refs = [ocr[i][2] for i in ois]
        order.append({"article": ln.article, "role": ln.role, unit: refs})
        if ln.role == "body":
            key = (ln.article, ln.block)
            block_text.setdefault(key, []).extend(ocr[i][0] for i in ois)
            block_refs.setdefault(key, []).extend(refs)
    garts = []
    for k, a in enumerate(arts):
        g = common.gold_article(a, k)
        parts = []
        for bi, b in enumerate(g["blocks"]):
            refs = block_refs.get((k, bi), [])
            if unit == "boxes":
                b["boxes"] = sorted(refs)
                # banmian numbers box input lines from 1 in document order
                b["lines"] = [min(refs) + 1, max(refs) + 1] if refs else None
            else:
                b["lines"] = [min(refs), max(refs)] if refs else None
            t = common.join_wrapped(block_text.get((k, bi), []))
            pre = common.inline_prefix_len(a, bi)
            if pre:
                t = cut_printed_prefix(t, common.byline_print(a) + b["text"], pre)
            if t:
                parts.append(t)
        g["oracle"] = "\n".join(parts)
        garts.append(g)
    body_lines = [ln for ln in printed if ln.article is not None]
    reached = sum(1 for pi, ln in enumerate(printed) if ln.article is not None and pi in per_line)
    stats = {"printed_lines": len(body_lines), "printed_lines_reached": reached,
             "ocr_lines": len(ocr), "ocr_lines_unassigned": sum(1 for o in owner if o is None)}
    return garts, order, stats
