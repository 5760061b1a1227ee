"""Golds for OCR pages: map each OCR line to the rendered (printed) line it overlaps most.

An OCR line (a RapidOCR box, a Tesseract TSV/hOCR/ALTO line, a line of Tesseract's txt)
goes to the printed line whose box shares the largest area with it, if that area is at
least a quarter of the OCR line's box; otherwise it belongs to no printed line. Each
printed line of an article with at least one OCR line becomes one `order` entry, in gold
reading order (the order the page maker laid the lines out); printed lines that no OCR
line reached are left out of `order` (nothing could point at them). `oracle` is each
article's body blocks as the engine read them: its OCR lines per block, in gold order,
joined by the contract's rule, the printed byline cut off the first paragraph.

A box merged across printed lines (`share`; box units only). The detector sometimes
merges one column's short last line with the next column's first line into one box. The
`oracle` is what a perfect layout engine could make of the OCR, and such an engine splits
that box, so the box's text is shared out among the printed lines it covers: every printed
line of which the box covers at least half the area (`SHARE_MIN`), with its owner above,
when there are two or more of them and their extents along the line (x; y on vertical
pages) overlap by less than a quarter of the shorter (`SHARE_OVERLAP_MAX`; else the box is
not one line merged across others, and stays whole with its owner). Each printed line
gets the part of the text that reads its own characters: the printed characters inside
the box (each character placed by its share of the line's extent) are concatenated in
reading order along the axis, the OCR text is aligned with them (difflib's edits), and
the OCR text is cut where each line's printed characters end (`aligned_position`).
Each part sorts into its printed line at the start of that line's extent inside the box.
`order` is unchanged (the whole box at its owner): the reading-order measure works on
whole boxes, each counted at its first occurrence, so a box cannot stand in two places.
Text units (`lines`: Tesseract's txt) are never shared: a reader of plain text has no
geometry to split a line by.
"""
import difflib

import common

# A printed line shares a merged box when the box covers at least this part of its area.
SHARE_MIN = 0.5
# Lines that share a box overlap along the axis by less than this part of the shorter one.
SHARE_OVERLAP_MAX = 0.25


def inter(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def area(b):
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


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


def aligned_position(ocr_text, printed_text, n):
    """Where in the OCR text the first n printed characters end, by difflib's edits: in
    the first edit that reaches printed character n, n's place in an equal run, its share
    of a replaced run, the edit's place when the OCR lost those characters. Characters only
    the OCR has fall to the next line."""
    sm = difflib.SequenceMatcher(None, ocr_text, printed_text, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "delete" or not j1 <= n <= j2:
            continue
        if tag == "equal":
            return i1 + (n - j1)
        if tag == "replace":
            return i1 + round((n - j1) * (i2 - i1) / (j2 - j1))
        return i1
    return len(ocr_text)


def covered(ob, ln, axis):
    """The printed characters of line `ln` inside box `ob` along `axis` (0: x, 1: y):
    character j takes the j-th equal share of the line's extent and is inside when its
    middle is. Returns (text, start of the line's extent inside the box)."""
    lo, hi = ln.bbox[axis], ln.bbox[axis + 2]
    n = len(ln.text)
    step = (hi - lo) / n if n else 0.0
    chars = [c for j, c in enumerate(ln.text) if ob[axis] <= lo + (j + 0.5) * step <= ob[axis + 2]]
    return "".join(chars), max(lo, ob[axis])


def share(ob, text, printed, owner, axis):
    """The parts of one OCR box's text per printed line: [(printed index, text, start)],
    start the line's extent inside the box along `axis` (the module docstring's rule).
    A box that no printed line owns gives none; one not merged across lines gives one
    part, the whole text at its owner, with the box's own start."""
    if owner is None:
        return []
    whole = [(owner, text, ob[axis])]
    sharers = [i for i, ln in enumerate(printed)
               if i == owner or inter(ob, ln.bbox) >= SHARE_MIN * max(1e-9, area(ln.bbox))]
    if len(sharers) < 2:
        return whole
    sharers.sort(key=lambda i: printed[i].bbox[axis])
    for i, j in zip(sharers, sharers[1:]):
        a, b = printed[i].bbox, printed[j].bbox
        over = min(a[axis + 2], b[axis + 2]) - max(a[axis], b[axis])
        shorter = min(a[axis + 2] - a[axis], b[axis + 2] - b[axis])
        if over > SHARE_OVERLAP_MAX * shorter:
            return whole
    pieces = [covered(ob, printed[i], axis) for i in sharers]
    joined = "".join(p for p, _ in pieces)
    if not joined:
        return whole
    cuts, n = [0], 0
    for p, _ in pieces[:-1]:
        n += len(p)
        cuts.append(max(cuts[-1], aligned_position(text, joined, n)))
    cuts.append(len(text))
    return [(i, text[c0:c1], st) for i, (_, st), c0, c1 in zip(sharers, pieces, cuts, cuts[1:])]


def build(arts, printed, ocr, vertical, kind, unit):
    """Gold for one OCR page.

    arts: the placed articles, in gold order; printed: render.Line list in gold order;
    ocr: [(text, bbox, ref)] in document order, where ref is the 0-based box index
    (unit "boxes") or the 1-based input line number (unit "lines").
    Returns (garts, order, stats)."""
    owner = assign([o[1] for o in ocr], printed)
    axis = 1 if vertical else 0
    per_line = {}
    for oi, pi in enumerate(owner):
        if pi is not None:
            per_line.setdefault(pi, []).append(oi)
    # the text each printed line reads: (start along the axis, text, ref); merged boxes shared
    texts = {}
    split = 0
    for oi, (text, ob, ref) in enumerate(ocr):
        if unit == "boxes":
            parts = share(ob, text, printed, owner[oi], axis)
        else:
            parts = [] if owner[oi] is None else [(owner[oi], text, ob[axis])]
        split += len(parts) > 1
        for pi, t, st in parts:
            texts.setdefault(pi, []).append((st, t, ref))
    order = []
    block_text = {}
    block_refs = {}
    for pi, ln in enumerate(printed):
        if ln.article is None:
            continue
        if pi in per_line:
            ois = sorted(per_line[pi], key=lambda i: ocr[i][1][axis])
            order.append({"article": ln.article, "role": ln.role, unit: [ocr[i][2] for i in ois]})
        if ln.role == "body" and pi in texts:
            key = (ln.article, ln.block)
            mine = sorted(texts[pi], key=lambda e: e[0])
            block_text.setdefault(key, []).extend(t for _, t, _ in mine)
            block_refs.setdefault(key, set()).update(r for _, _, r in mine)
    garts = []
    for k, a in enumerate(arts):
        g = common.gold_article(a, k)
        parts = []
        for bi, b in enumerate(g["blocks"]):
            refs = sorted(block_refs.get((k, bi), ()))
            if unit == "boxes":
                b["boxes"] = refs
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
    if split:
        stats["ocr_lines_shared"] = split
    return garts, order, stats
