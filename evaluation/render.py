"""Page maker: lays written articles out as newspaper pages and renders them with Pillow.

Horizontal pages: a furniture line (paper, date, weekday, page, section) over 1 to 5
columns; article modules span all or some columns and sit side by side; each module has
its head (rubric, 上接 marker, kicker, headline wrapping over the module width,
subheadline), a credit line, and its body flowed through its columns (paragraphs with a
two-character indent, subheads, captions under a photo box, quote boxes, editor's notes,
briefs, signatures, a 下转 marker at the end). Vertical pages (直排): tiers top to bottom,
text lines running down, modules and lines right to left.

Every printed line is recorded with its article, role, block and pixel box, so golds can
map OCR output back to the source by geometry. Images are about 200 dpi (A4: 1654 x 2339).
"""
import math

from PIL import Image, ImageDraw, ImageFilter, ImageFont

import common

W, H = 1654, 2339
MARGIN = 80
CLOSERS = set("，。、；：！？）」』”》〕】,.;:!?)")
VERT = {"，": "︐", "。": "︒", "、": "︑", "：": "︓", "；": "︔", "！": "︕", "？": "︖",
        "（": "︵", "）": "︶", "「": "﹁", "」": "﹂", "『": "﹃", "』": "﹄", "《": "︽", "》": "︾",
        "〔": "︹", "〕": "︺", "【": "︻", "】": "︼", "“": "﹁", "”": "﹂", "—": "︱", "…": "︙"}

NOTO = "/usr/share/fonts/opentype/noto/"
FONTSETS = {
    # committed set: Debian fonts-noto-cjk (+ fonts-arphic-ukai for quotes)
    "noto": {"body": (NOTO + "NotoSerifCJK-Regular.ttc", {"zh-Hans": 2, "zh-Hant": 3}),
             "head": (NOTO + "NotoSansCJK-Bold.ttc", {"zh-Hans": 2, "zh-Hant": 3}),
             "head2": (NOTO + "NotoSerifCJK-Bold.ttc", {"zh-Hans": 2, "zh-Hant": 3}),
             "sans": (NOTO + "NotoSansCJK-Regular.ttc", {"zh-Hans": 2, "zh-Hant": 3}),
             "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", {"zh-Hans": 1, "zh-Hant": 0})},
    # local realpages set: other fonts (Debian fonts-arphic-uming, -ukai, fonts-wqy-microhei)
    "arphic": {"body": ("/usr/share/fonts/truetype/arphic/uming.ttc", {"zh-Hans": 1, "zh-Hant": 0}),
               "head": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", {"zh-Hans": 0, "zh-Hant": 0}),
               "head2": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", {"zh-Hans": 0, "zh-Hant": 0}),
               "sans": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", {"zh-Hans": 0, "zh-Hant": 0}),
               "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", {"zh-Hans": 1, "zh-Hant": 0})},
}
_font_cache = {}


def font(fontset, face, script, size):
    path, idx = FONTSETS[fontset][face]
    key = (path, idx[script], int(size))
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(path, int(size), index=idx[script])
    return _font_cache[key]


class Line:
    """One printed line: article index (None for furniture), role, block index, text as
    printed, pixel box [x0, y0, x1, y1] (after skew: the box of the rotated corners)."""

    def __init__(self, article, role, block, text, x, y, fnt, vertical=False, spacing=None):
        self.article, self.role, self.block, self.text = article, role, block, text
        self.x, self.y, self.font, self.vertical = x, y, fnt, vertical
        size = fnt.size
        if vertical:
            self.bbox = [x - size / 2, y, x + size / 2, y + len(text) * size]
        else:
            self.bbox = [x, y, x + fnt.getlength(text), y + size * 1.15]

    def to_json(self, i):
        return {"id": i, "article": self.article, "role": self.role, "block": self.block,
                "text": self.text, "bbox": [round(v, 1) for v in self.bbox]}


def wrap_width(text, fnt, width, first_indent=0.0):
    """Greedy wrap by rendered width; closing punctuation never starts a line."""
    lines, cur, w = [], "", first_indent
    for c in text:
        cw = fnt.getlength(c)
        if cur and w + cw > width and c not in CLOSERS:
            lines.append(cur)
            cur, w = "", 0.0
        cur += c
        w += cw
    if cur:
        lines.append(cur)
    return lines


def wrap_count(text, n, first_indent=0):
    """Vertical wrap: n characters a line; closing punctuation hangs on the line before."""
    lines, cur, room = [], "", n - first_indent
    for c in text:
        if len(cur) >= room and c not in CLOSERS:
            lines.append(cur)
            cur, room = "", n
        cur += c
    if cur:
        lines.append(cur)
    return lines


class Style:
    def __init__(self, rng, fontset, script, era):
        self.fontset, self.script, self.era = fontset, script, era
        self.fs = rng.choice([24, 26, 28]) if era == "modern" else rng.choice([26, 28, 30])
        self.lh = int(self.fs * rng.choice([1.45, 1.55, 1.65]))
        self.hs = self.fs * rng.choice([1.8, 2.1, 2.4])
        self.head_face = rng.choice(["head", "head2"])
        self.center_head = rng.random() < 0.5

    def f(self, face, mult=1.0):
        return font(self.fontset, face, self.script, self.fs * mult)


def body_items(a, k, st, width):
    """Flow items of one article's body: ("line", role, block, text, font, dx, boxed) or
    ("photo", height). Returns the list in reading order."""
    items = []
    for bi, b in enumerate(a["blocks"]):
        pre = common.byline_print(a) if (a.get("byline_inline") and bi == common.first_paragraph(a)
                                         and common.byline_print(a)) else ""
        text = pre + b["text"]
        kind = b["kind"]
        if kind == "caption":
            items.append(("photo", int(width * 0.62)))
            f = st.f("sans", 0.82)
            for ln in wrap_width(text, f, width):
                items.append(("line", "body", bi, ln, f, 0, False))
            items.append(("gap", st.lh // 2))
            continue
        if kind == "subhead":
            f = st.f("head", 1.0)
            for ln in wrap_width(text, f, width):
                dx = max(0, (width - f.getlength(ln)) / 2)
                items.append(("line", "body", bi, ln, f, dx, False))
            continue
        if kind in ("quote", "editor_note"):
            f = st.f("kai", 1.0)
            for ln in wrap_width(text, f, width - st.fs):
                items.append(("line", "body", bi, ln, f, st.fs / 2, kind == "quote"))
            items.append(("gap", st.lh // 3))
            continue
        if kind == "signature":
            f = st.f("body")
            for ln in wrap_width(text, f, width):
                items.append(("line", "body", bi, ln, f, width - f.getlength(ln), False))
            continue
        f = st.f("body")
        indent = 0 if kind == "brief" else 2 * st.fs
        lines = wrap_width(text, f, width, indent)
        for j, ln in enumerate(lines):
            items.append(("line", "body", bi, ln, f, indent if j == 0 else 0, False))
    for j in a.get("jumps", []):
        if j["direction"] == "continued_on":
            f = st.f("sans", 0.9)
            t = "（" + j["text"] + "）"
            items.append(("line", "jump", None, t, f, width - f.getlength(t), False))
    return items


def item_h(it, st):
    if it[0] == "line":
        return st.lh
    return it[1] + (st.lh // 3 if it[0] == "photo" else 0)


def head_items(a, st, width):
    out = []  # (role, text, font, height, dx)
    def put(role, text, fnt, lh_mult):
        for ln in wrap_width(text, fnt, width):
            dx = (width - fnt.getlength(ln)) / 2 if st.center_head and role != "rubric" else 0
            out.append((role, ln, fnt, int(fnt.size * lh_mult), dx))
    if a.get("rubric") and not a.get("rubric_after"):
        put("rubric", "【" + a["rubric"] + "】" if st.era == "modern" else a["rubric"], st.f("head", 0.9), 1.6)
    for j in a.get("jumps", []):
        if j["direction"] == "continued_from":
            put("jump", "（" + j["text"] + "）", st.f("sans", 0.9), 1.6)
    if a.get("kicker"):
        put("kicker", a["kicker"], st.f("sans", 1.1), 1.5)
    if a.get("headline"):
        hf = font(st.fontset, st.head_face, st.script, st.hs)
        hl = common.printed_headline(a)
        if " " in hl and hf.getlength(hl) > width:
            for ph in hl.split(" "):
                put("headline", ph, hf, 1.3)
        else:
            put("headline", hl, hf, 1.3)
    if a.get("subheadline"):
        put("subheadline", a["subheadline"], st.f("sans", 1.1), 1.6)
    return out


def layout_module(a, k, st, x, y, span, colw, gutter):
    """Lay out one article at (x, y) over `span` columns. Returns (lines, rects, height)."""
    width = span * colw + (span - 1) * gutter
    lines, rects = [], []
    cy = y
    for role, text, fnt, h, dx in head_items(a, st, width):
        lines.append(Line(k, role, None, text, x + dx, cy, fnt))
        cy += h
    cy += st.lh // 3
    bp = common.byline_print(a)
    items = []
    if bp and not a.get("byline_inline"):
        f = st.f("sans", 0.95)
        for ln in wrap_width(bp, f, colw):
            items.append(("line", "byline", None, ln, f, 0, False))
    items += body_items(a, k, st, colw)
    total = sum(item_h(it, st) for it in items)
    target = math.ceil(total / span) if span > 1 else total
    col, colh, heights = 0, 0, [0] * span
    for it in items:
        h = item_h(it, st)
        if colh > 0 and colh + h > target + st.lh * 0.5 and col < span - 1:
            col += 1
            colh = 0
        cx = x + col * (colw + gutter)
        if it[0] == "line":
            _, role, bi, text, fnt, dx, boxed = it
            ln = Line(k, role, bi, text, cx + dx, cy + colh, fnt)
            lines.append(ln)
            if boxed:
                rects.append(("box", [cx + 2, cy + colh - 4, cx + colw - 2, cy + colh + st.lh - 2]))
        elif it[0] == "photo":
            rects.append(("photo", [cx, cy + colh, cx + colw, cy + colh + it[1]]))
        colh += h
        heights[col] = max(heights[col], colh)
    return lines, rects, (cy - y) + max(heights) + st.lh


def furniture(arts, date, page_no, rng):
    """The furniture line's parts (paper, date, weekday, page, section)."""
    return common.page_date_line(arts[0]["paper"], date, page_no, arts[0].get("section", "要闻"),
                                 arts[0]["era"], rng)


def furniture_head(arts, date, page_no, st, rng):
    """The furniture line (paper, date and weekday left; page and section right) and the rule
    under it. Returns (lines, rects, y where the articles start)."""
    ff = st.f("sans", 0.8)
    parts = furniture(arts, date, page_no, rng)
    left = "  ".join(parts[:3])
    right = "  ".join(parts[3:])
    lines = [Line(None, "furniture", None, left, MARGIN, 50, ff),
             Line(None, "furniture", None, right, W - MARGIN - ff.getlength(right), 50, ff)]
    rects = [("rule", [MARGIN, 50 + ff.size * 1.5, W - MARGIN, 50 + ff.size * 1.5 + 3])]
    return lines, rects, 50 + ff.size * 1.5 + 30


def render_horizontal(arts_queue, ncols, rng, fontset, date, page_no):
    """Lay out articles from the queue onto one page. Consumes the articles it places.
    Returns (image, lines, placed articles)."""
    a0 = arts_queue[0]
    st = Style(rng, fontset, a0["script"], a0["era"])
    gutter = int(st.fs * 1.2)
    colw = (W - 2 * MARGIN - (ncols - 1) * gutter) / ncols
    lines, rects, y = furniture_head(arts_queue, date, page_no, st, rng)
    bottom = H - MARGIN
    placed = []
    while arts_queue and len(placed) < 8:
        m = 1
        if ncols >= 2 and len(arts_queue) >= 2 and rng.random() < 0.55:
            m = 2 if ncols < 4 or rng.random() < 0.7 else 3
            m = min(m, len(arts_queue))
        cuts = sorted(rng.sample(range(1, ncols), m - 1)) if m > 1 else []
        spans = [b - a for a, b in zip([0] + cuts, cuts + [ncols])]
        row = []
        x = MARGIN
        for i, sp in enumerate(spans):
            a = arts_queue[i]
            k = len(placed) + i
            ls, rs, h = layout_module(a, k, st, x, y, sp, colw, gutter)
            row.append((a, ls, rs, h, x, sp))
            x += sp * colw + sp * gutter
        rowh = max(r[3] for r in row)
        if y + rowh > bottom:
            if m > 1:
                a = arts_queue[0]
                ls, rs, h = layout_module(a, len(placed), st, MARGIN, y, ncols, colw, gutter)
                if y + h > bottom:
                    break
                row, rowh = [(a, ls, rs, h, MARGIN, ncols)], h
            else:
                break
        for (a, ls, rs, h, x0, sp) in row:
            lines += ls
            rects += rs
            placed.append(a)
            arts_queue.remove(a)
        y += rowh
        if arts_queue:
            rects.append(("rule", [MARGIN, y - st.lh * 0.6, W - MARGIN, y - st.lh * 0.6 + 1]))
    img = draw_page(lines, rects, st, rng)
    return img, lines, placed


def render_vertical(arts_queue, rng, fontset, date, page_no):
    """Vertical page (直排): tiers top to bottom, modules and lines right to left."""
    a0 = arts_queue[0]
    st = Style(rng, fontset, a0["script"], a0["era"])
    lines, rects, top = furniture_head(arts_queue, date, page_no, st, rng)
    top = int(top)
    bottom = H - MARGIN
    ntiers = rng.choice([2, 3])
    tier_h = (bottom - top - (ntiers - 1) * 40) // ntiers
    pitch = int(st.fs * 1.5)
    placed = []
    for t in range(ntiers):
        ty = top + t * (tier_h + 40)
        x = W - MARGIN - st.fs          # right edge of the next line
        while arts_queue:
            a = arts_queue[0]
            k = len(placed)
            ls, width = vertical_module(a, k, st, x, ty, tier_h, pitch)
            if x - width < MARGIN:
                break
            lines += ls
            placed.append(a)
            arts_queue.pop(0)
            x -= width
            rects.append(("rule", [x + pitch * 0.4, ty, x + pitch * 0.4 + 1, ty + tier_h]))
            x -= pitch // 2
        if t < ntiers - 1:
            rects.append(("rule", [MARGIN, ty + tier_h + 18, W - MARGIN, ty + tier_h + 20]))
        if not arts_queue:
            break
    img = draw_page(lines, rects, st, rng)
    return img, lines, placed


def vertical_module(a, k, st, x, ty, tier_h, pitch):
    out = []
    cx = x
    for role, text, mult, face in ([("jump", "（" + j["text"] + "）", 0.9, "sans")
                                    for j in a.get("jumps", []) if j["direction"] == "continued_from"]
                                   + ([("kicker", a["kicker"], 1.1, "sans")] if a.get("kicker") else [])
                                   + [("headline", common.printed_headline(a), 1.8, st.head_face)]
                                   + ([("subheadline", a["subheadline"], 1.1, "sans")] if a.get("subheadline") else [])):
        f = font(st.fontset, face, st.script, st.fs * mult)
        n = max(4, int(tier_h // f.size))
        for ln in wrap_count(text, n):
            cx -= f.size * 0.5
            out.append(Line(k, role, None, ln, cx, ty + (f.size if role == "headline" else 0), f, vertical=True))
            cx -= f.size * 0.5 + pitch * 0.5
    cx -= pitch * 0.3
    n = max(4, int(tier_h // st.fs) - 1)
    bp = common.byline_print(a)
    f = st.f("body")
    if bp and not a.get("byline_inline"):
        for ln in wrap_count(bp, n):
            out.append(Line(k, "byline", None, ln, cx - st.fs / 2, ty + st.fs * 2, st.f("sans", 0.95), vertical=True))
            cx -= pitch
    for bi, b in enumerate(a["blocks"]):
        pre = bp if (a.get("byline_inline") and bi == common.first_paragraph(a) and bp) else ""
        text = pre + b["text"]
        indent = 0 if b["kind"] in ("subhead", "caption", "brief") else 2
        fb = st.f("kai") if b["kind"] in ("quote", "editor_note") else (st.f("sans", 0.9) if b["kind"] == "caption" else f)
        for j, ln in enumerate(wrap_count(text, n, indent)):
            dy = indent * st.fs if j == 0 else 0
            if b["kind"] == "subhead":
                dy = st.fs * 2
            out.append(Line(k, "body", bi, ln, cx - st.fs / 2, ty + dy, fb, vertical=True))
            cx -= pitch
    for j in a.get("jumps", []):
        if j["direction"] == "continued_on":
            t = "（" + j["text"] + "）"
            out.append(Line(k, "jump", None, t, cx - st.fs / 2, ty + tier_h - len(t) * st.fs, st.f("sans", 0.9), vertical=True))
            cx -= pitch
    return out, x - cx


def draw_page(lines, rects, st, rng):
    paper = rng.randint(236, 252) if st.era == "modern" else rng.randint(222, 240)
    img = Image.new("L", (W, H), paper)
    d = ImageDraw.Draw(img)
    ink = rng.randint(10, 40)
    for kind, r in rects:
        if kind == "rule":
            d.rectangle(r, fill=ink)
        elif kind == "box":
            d.line([(r[0], r[1]), (r[0], r[3])], fill=ink, width=2)
            d.line([(r[2], r[1]), (r[2], r[3])], fill=ink, width=2)
        elif kind == "photo":
            # a halftone-ish grey photo block
            pw, ph = int(r[2] - r[0]), int(r[3] - r[1])
            ph_img = Image.new("L", (pw, ph), rng.randint(110, 170))
            pd = ImageDraw.Draw(ph_img)
            for _ in range(60):
                cx, cy = rng.uniform(0, pw), rng.uniform(0, ph)
                rad = rng.uniform(5, 40)
                pd.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=rng.randint(60, 200))
            img.paste(ph_img, (int(r[0]), int(r[1])))
    for ln in lines:
        if ln.vertical:
            for i, c in enumerate(ln.text):
                ch = VERT.get(c, c)
                cy = ln.y + i * ln.font.size
                w = ln.font.getlength(ch)
                d.text((ln.x - w / 2 + ln.font.size / 2, cy), ch, font=ln.font, fill=ink)
        else:
            d.text((ln.x, ln.y), ln.text, font=ln.font, fill=ink)
    return img


def degrade(img, lines, rng, strength=1.0):
    """Slight skew, blur and noise. Line boxes follow the skew."""
    angle = rng.uniform(-0.6, 0.6) * strength
    bg = img.getpixel((5, 5))
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=bg)
    a = math.radians(-angle)   # PIL rotates counter-clockwise for positive angles
    cx, cy = W / 2, H / 2
    for ln in lines:
        x0, y0, x1, y1 = ln.bbox
        pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        rp = [(cx + (px - cx) * math.cos(a) - (py - cy) * math.sin(a),
               cy + (px - cx) * math.sin(a) + (py - cy) * math.cos(a)) for px, py in pts]
        ln.bbox = [min(p[0] for p in rp), min(p[1] for p in rp), max(p[0] for p in rp), max(p[1] for p in rp)]
    r = rng.uniform(0.0, 0.9) * strength
    if r > 0.2:
        img = img.filter(ImageFilter.GaussianBlur(r))
    sigma = rng.uniform(2, 10) * strength
    import numpy as np
    g = np.random.default_rng(rng.randrange(2 ** 32))
    arr = np.asarray(img, dtype=np.float32) + g.normal(0.0, sigma, (H, W)).astype(np.float32)
    specks = g.random((H, W)) < 0.0004 * strength
    arr[specks] = 30.0
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return img, {"skew_deg": round(angle, 3), "blur": round(r, 2), "noise_sigma": round(sigma, 2)}
