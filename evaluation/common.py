"""Shared, standard-library-only pieces of the evaluation set maker.

Articles (the clean source), page plans (which articles go on which page, seeded), the
printed units of an article (kicker, headline, ..., body blocks, jump markers), the
contract's join rule and the gold skeleton of EVAL_SPEC.md (schema banmian.evalgold/1).
Nothing here needs Pillow or an OCR engine, so CI can run the text-damage check with a
plain python3.
"""
import gzip
import hashlib
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = "banmian.evalgold/1"
WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
HAN_NUM = "〇一二三四五六七八九"


def load_articles(path=None):
    """The written articles: a JSON list of article objects (see README, "Articles")."""
    path = path or os.path.join(HERE, "articles", "written.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def join_wrapped(lines):
    """Join the lines of one wrapped paragraph: no space between Han or CJK punctuation,
    one space between two ASCII word characters (the contract's rule)."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and ln[0].isascii() and ln[0].isalnum():
            out += " "
        out += ln
    return out


def drop_prefix(text, prefix):
    """Remove `prefix` from the start of `text`, counting non-space characters only (so a
    wrap or a spaced-out line that changed the prefix's spaces does not shift the cut)."""
    want = len(re.sub(r"\s", "", prefix))
    i = 0
    while want and i < len(text):
        if not text[i].isspace():
            want -= 1
        i += 1
    return text[i:].lstrip()


def byline_print(a):
    """The credit line as printed (the gold byline is the same credit, brackets kept)."""
    return a.get("byline_print") or a.get("byline")


def han_number(n):
    """1..99 as Han numerals (十二, 二十一)."""
    if n < 10:
        return HAN_NUM[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else HAN_NUM[t]) + "十" + ("" if u == 0 else HAN_NUM[u])


def page_date_line(paper, date, page_no, section, era, rng):
    """The furniture line: paper, date, weekday, page number, section."""
    import datetime
    d = datetime.date.fromisoformat(date)
    wd = WEEKDAYS[d.weekday()]
    if era == "republican":
        roc = d.year - 1911
        ds = f"中華民國{han_number(roc)}年{han_number(d.month)}月{han_number(d.day)}日"
        pg = f"第{han_number(page_no)}張" if rng.random() < 0.5 else f"第{han_number(page_no)}版"
        return [paper, ds, wd, pg, section]
    ds = f"{d.year}年{d.month}月{d.day}日"
    pg = f"第{page_no}版" if rng.random() < 0.6 else f"{page_no:02d}"
    return [paper, ds, wd, pg, section]


def printed_headline(a):
    """The headline as printed. A column label that the paper prints in brackets after the
    headline (人民日报: "“空话清单”要不得（晨读札记）", `rubric_after`) is the article's
    `rubric` in the gold, as the contract has it, and part of the headline line on the page."""
    if a.get("rubric") and a.get("rubric_after"):
        return a["headline"] + "（" + a["rubric"] + "）"
    return a["headline"]


def article_units(a):
    """The printed units of one article in gold reading order.

    Returns a list of (role, block_index or None, text): heads first (kicker, headline,
    subheadline, rubric above them, byline when set on its own line), then every body
    block, with jump markers where printed (上接 first, 下转 last). A byline printed at the
    start of the first paragraph (byline_inline) is carried in that paragraph's text and
    its length is returned by `inline_prefix_len`."""
    units = []
    if a.get("rubric") and not a.get("rubric_after"):
        units.append(("rubric", None, a["rubric"]))
    for j in a.get("jumps", []):
        if j["direction"] == "continued_from":
            units.append(("jump", None, "（" + j["text"] + "）"))
    if a.get("kicker"):
        units.append(("kicker", None, a["kicker"]))
    if a.get("headline"):
        units.append(("headline", None, printed_headline(a)))
    if a.get("subheadline"):
        units.append(("subheadline", None, a["subheadline"]))
    bp = byline_print(a)
    if bp and not a.get("byline_inline"):
        units.append(("byline", None, bp))
    for i, b in enumerate(a["blocks"]):
        text = b["text"]
        if i == first_paragraph(a) and bp and a.get("byline_inline"):
            text = bp + text
        units.append(("body", i, text))
    for j in a.get("jumps", []):
        if j["direction"] == "continued_on":
            units.append(("jump", None, "（" + j["text"] + "）"))
    return units


def first_paragraph(a):
    for i, b in enumerate(a["blocks"]):
        if b["kind"] == "paragraph":
            return i
    return 0


def inline_prefix_len(a, block_index):
    """Characters of printed byline at the start of this block's printed text (0 if none)."""
    bp = byline_print(a)
    if bp and a.get("byline_inline") and block_index == first_paragraph(a):
        return len(bp)
    return 0


def gold_article(a, idx):
    """The gold article (clean text from the source), without oracle."""
    g = {
        "id": idx,
        "kicker": a.get("kicker"), "headline": a.get("headline"), "subheadline": a.get("subheadline"),
        "rubric": a.get("rubric"), "byline": a.get("byline"), "dateline": a.get("dateline"),
        "authors": a.get("authors", []), "date": a.get("date"), "jumps": a.get("jumps", []),
        "blocks": [{"kind": b["kind"], "text": b["text"]} for b in a["blocks"]],
        "source_article": a["id"],
    }
    return g


def plan_pages(articles, rng, per_page=(2, 4)):
    """Deal the articles out onto pages: shuffled, 2..4 per page (seeded)."""
    order = list(articles)
    rng.shuffle(order)
    pages = []
    i = 0
    while i < len(order):
        n = rng.randint(*per_page)
        pages.append(order[i:i + n])
        i += n
    return pages


def group_by_script(articles):
    out = {}
    for a in articles:
        out.setdefault((a["script"], a["era"]), []).append(a)
    return out


def write_json(path, obj, gz=False):
    data = (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    write_bytes(path, data, gz)


def write_bytes(path, data, gz=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if gz:
        # mtime=0 and no file name: the .gz bytes depend on the content only
        with open(path + ".gz", "wb") as f:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as z:
                z.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def sha1(data):
    return hashlib.sha1(data).hexdigest()


def seeded(seed, *parts):
    """A random.Random seeded from the set seed and a name (stable across runs/platforms)."""
    h = hashlib.sha256(("%s|" % seed + "|".join(map(str, parts))).encode()).hexdigest()
    return random.Random(int(h[:16], 16))
