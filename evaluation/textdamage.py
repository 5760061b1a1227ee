"""Damaged plain-text and Markdown pages with golds (standard library only).

Each page is a few written articles laid out as one text page would come from a layout
or OCR tool, then damaged the way those tools damage text, deterministically from the
set seed and the page id: wrong or flat `#` levels, hard wraps at 8 to 30 characters
with every wrapped line kept, half-width punctuation, duplicated and near-duplicated
paragraphs and lines, blank lines in the middle of a sentence, spaced-out Han and OCR
character confusions. The gold is the clean article text (common.gold_article) plus
`order` (1-based input line numbers per printed line) and `oracle` (the damaged body
lines of each article joined by the contract's rule).
"""
import datetime

import common

HALF = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"}
# Pairs an OCR engine confuses in Chinese print (both directions).
CONFUSIONS = [("己", "已"), ("未", "末"), ("日", "曰"), ("人", "入"), ("土", "士"), ("大", "太"),
              ("天", "夭"), ("千", "干"), ("问", "间"), ("问", "向"), ("贝", "见"), ("戊", "戌"),
              ("候", "侯"), ("析", "折"), ("茶", "荼"), ("准", "淮"), ("〇", "O"), ("一", "—"),
              ("口", "日"), ("间", "问"), ("間", "問"), ("於", "于"), ("會", "曾"), ("為", "爲")]
CONFUSE = {}
for a, b in CONFUSIONS:
    CONFUSE.setdefault(a, b)
    CONFUSE.setdefault(b, a)


def page_date(arts, rng, era):
    """The page's date: the day after the latest article date, else a seeded date."""
    ds = [a["date"] for a in arts if a.get("date")]
    if ds:
        d = datetime.date.fromisoformat(max(ds)) + datetime.timedelta(days=1)
        return d.isoformat()
    if era == "republican":
        d = datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randrange(2500))
    else:
        d = datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randrange(1500))
    return d.isoformat()


def furniture_lines(arts, page_no, date, rng):
    a0 = arts[0]
    parts = common.page_date_line(a0["paper"], date, page_no, a0.get("section", "要闻"), a0["era"], rng)
    if rng.random() < 0.5:
        return ["  ".join(parts)]
    return ["  ".join(parts[:3]), "  ".join(parts[3:])]


class Opts:
    """The damage chosen for one page (recorded in the gold under "damage")."""

    def __init__(self, rng, markdown):
        self.markdown = markdown
        self.heading = rng.choice(["right", "flat", "wrong"]) if markdown else None
        self.wrap = rng.choice([0, 0, rng.randint(8, 30), rng.randint(8, 30)])
        self.half = rng.choice([0.0, 0.0, 0.5, 1.0])
        self.dup = rng.random() < 0.5
        self.dup_line = self.wrap and rng.random() < 0.4
        self.blank_mid = rng.random() < 0.4
        self.spaced = rng.random() < 0.3
        self.confuse = rng.choice([0.0, 0.0, 0.01, 0.02])
        self.blank_between = markdown or rng.random() < 0.6

    def as_dict(self):
        return {k: v for k, v in sorted(self.__dict__.items())}


def damage_chars(text, o, rng):
    out = []
    for c in text:
        if o.half and c in HALF and rng.random() < o.half:
            c = HALF[c]
        elif o.confuse and c in CONFUSE and rng.random() < o.confuse * 10:
            c = CONFUSE[c]
        out.append(c)
    return "".join(out)


def despace(line):
    """Undo space_out on a line (a spaced-out line has a space after every character)."""
    if len(line) > 2 and all(c == " " for c in line[1::2]):
        return line[0::2]
    return line


def space_out(line):
    return " ".join(line)


def wrap(text, width):
    if not width:
        return [text]
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def near_duplicate(text, rng):
    t = list(text)
    for _ in range(max(1, len(t) // 60)):
        i = rng.randrange(len(t))
        if common.is_han(t[i]):
            t[i] = CONFUSE.get(t[i], "的")
    return "".join(t)


def make_page(arts, pid, kind, seed, page_no):
    """One damaged page. Returns (text, gold)."""
    md = kind == "markdown"
    rng = common.seeded(seed, kind, pid)
    o = Opts(rng, md)
    a0 = arts[0]
    date = page_date(arts, rng, a0["era"])
    lines = []   # (text, tag) tag = (article, role, block) or None

    def add(text, tag=None):
        lines.append((text, tag))

    def blank():
        if lines and lines[-1][0] != "":
            add("")

    for f in furniture_lines(arts, page_no, date, rng):
        add(f)
        if o.blank_between:
            blank()
    blank()
    oracle_parts = {}
    for k, a in enumerate(arts):
        for role, bi, text in common.article_units(a):
            if role in ("kicker", "headline", "subheadline", "rubric"):
                t = text
                if md:
                    lvl = None
                    if o.heading == "right":
                        lvl = {"headline": 2, "rubric": 4}.get(role)
                    elif o.heading == "flat":
                        lvl = 1
                    else:
                        lvl = rng.choice([None, 1, 2, 3]) if role != "headline" else rng.choice([1, 2, 3, 4])
                    if lvl:
                        t = "#" * lvl + " " + t
                blank()
                add(t, (k, role, None))
                blank()
                continue
            if role in ("byline", "jump"):
                if o.blank_between:
                    blank()
                add(text, (k, role, None))
                if o.blank_between:
                    blank()
                continue
            # body block
            kind_b = a["blocks"][bi]["kind"]
            pre = common.inline_prefix_len(a, bi)
            body = text[:pre] + damage_chars(text[pre:], o, rng)
            if md and kind_b == "subhead" and rng.random() < 0.5:
                body = "### " + body
                pre_md = 4
            else:
                pre_md = 0
            wl = wrap(body, o.wrap if kind_b == "paragraph" else 0)
            if o.spaced and rng.random() < 0.3:
                wl = [space_out(x) if rng.random() < 0.5 else x for x in wl]
            if o.blank_between:
                blank()
            got = []
            for j, ln in enumerate(wl):
                add(ln, (k, "body", bi))
                got.append(ln)
                if o.dup_line and len(wl) > 2 and rng.random() < 0.08:
                    add(ln, None)   # a wrapped line printed twice
                if o.blank_mid and j < len(wl) - 1 and rng.random() < 0.15:
                    add("")
            if len(wl) == 1 and o.blank_mid and kind_b == "paragraph" and rng.random() < 0.2:
                # one long line broken by a blank line mid-sentence
                ln, tag = lines.pop()
                cut = len(ln) // 2
                add(ln[:cut], tag)
                add("")
                add(ln[cut:], tag)
                got = [ln[:cut], ln[cut:]]
            drop = ("### " if pre_md else "") + text[:pre]
            joined = common.drop_prefix(common.join_wrapped([despace(g) for g in got]), drop)
            oracle_parts.setdefault(k, []).append(joined)
            if o.dup and kind_b == "paragraph" and rng.random() < 0.25:
                blank()
                dup = body if rng.random() < 0.5 else near_duplicate(body, rng)
                for ln in wrap(dup, o.wrap):
                    add(ln, None)
        blank()
    while lines and lines[-1][0] == "":
        lines.pop()
    text = "\n".join(t for t, _ in lines) + "\n"
    garts = []
    for k, a in enumerate(arts):
        g = common.gold_article(a, k)
        g["oracle"] = "\n".join(oracle_parts.get(k, []))
        garts.append(g)
    order = []
    for n, (t, tag) in enumerate(lines, start=1):
        if tag is None or t == "":
            continue
        order.append({"article": tag[0], "role": tag[1], "lines": [n]})
        if tag[1] == "body":
            blk = garts[tag[0]]["blocks"][tag[2]]
            sp = blk.setdefault("lines", [n, n])
            sp[0], sp[1] = min(sp[0], n), max(sp[1], n)
    for g in garts:
        for b in g["blocks"]:
            b.setdefault("lines", None)
    gold = {
        "schema": common.SCHEMA, "kind": kind, "input": pid + (".md" if md else ".txt"),
        "script": a0["script"], "era": a0["era"], "source": a0.get("source", "written"),
        "engine": None, "date": date, "page_number": page_no,
        "damage": o.as_dict(), "articles": garts, "order": order,
    }
    return text, gold


def make_kind(articles, kind, seed, deals):
    """All pages of one text kind: `deals` seeded deals of the articles, 2..4 per page,
    one paper (script and era) per page. Returns [(id, text, gold)]."""
    out = []
    n = 0
    for d in range(deals):
        rng = common.seeded(seed, kind, "deal", d)
        groups = common.group_by_script(articles)
        for key in sorted(groups):
            for arts in common.plan_pages(groups[key], rng):
                n += 1
                pid = ("p" if kind == "plain" else "m") + "%03d" % n
                page_no = rng.randint(1, 12)
                text, gold = make_page(arts, pid, kind, seed, page_no)
                out.append((pid, text, gold))
    return out
