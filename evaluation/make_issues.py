#!/usr/bin/env python3
"""Whole issues with known answers, for linking jumps across pages (issue 17).

Builds evaluation/issues/: issues of 4 to 8 pages made from the written articles
(articles/written.json, modern ones), with stories cut across pages by jumps
(（下转第五版） ... （上接第一版）), continuation headings of several forms, distractors
and OCR-like damage, each issue twice:

    issues/issue-text/<id>/<NN>.txt        text pages (one OCR line per line)
    issues/issue-box/<id>/<NN>.json        box pages: PaddleOCR page JSON, laid out in
                                           two columns (boxes placed by this script, not
                                           read by an OCR engine)
    issues/<kind>/<id>.issuegold.json      the gold (format below)
    issues/manifest.json                   seed, counts, how made
    issues/floor.json                      the floor `banmian eval` checks (kept on regeneration)

Forms of the continuation on its page (drawn per jump with FORM_WEIGHTS):
  repeat      the headline repeated on its own line, the marker opening the paragraph
  bare        no headline, the marker opening the paragraph
  short       a short headline (the headline's first phrase, or its first 4 to 8
              characters) and the marker on its own line
  marker-top  the marker on its own line above the repeated headline
Markers: 下转/上接 with a Chinese or an Arabic page number (下轉 in Traditional text).

Distractors, so that linking by the 上接 page alone is not enough:
  - two stories of one page continued onto the same page (most issues);
  - a story on the same topic that is not the continuation (its headline takes the
    jumped story's key terms), placed on the continuation page;
  - a continuation whose 上接 marker was lost (OCR damage), in a few jumps.
Damage: characters replaced at a low rate (DAMAGE_RATE) in body lines, and long
paragraphs hard-wrapped into OCR lines.

Gold (schema banmian.issuegold/1):
  {"schema", "kind", "id", "seed",
   "pages": [{"file": "01.txt", "number": 1}],
   "stories": [{"id", "source_article", "headline", "body",      # body: the printed story,
                                                                 # blocks joined by "\n"
                "distractor": bool,
                "parts": [{"file": "01.txt", "lines": [first, last] | null,
                           "boxes": [..] | null, "body": "..."}]}]}
A link of the gold is a story's part k to part k+1. `lines` (text pages, 1-based) and
`boxes` (box pages, 0-based ocr_results indexes) cover the whole part, headline to last
line.

Usage: python3 make_issues.py [--out issues] [--seed 17] [--issues 24]
"""

import argparse
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CN = "〇一二三四五六七八九十"
DAMAGE_RATE = 0.003
# Continuation forms and how often each is drawn: most continuations print the
# headline again (whole or short); a bare marker is the rarer form.
FORMS = ["repeat", "short", "marker-top", "bare"]
FORM_WEIGHTS = [0.4, 0.3, 0.15, 0.15]
CONFUSABLE = "的了在是有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"


def cn_number(n):
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def marker(rng, verb, page, trad):
    num = cn_number(page) if rng.random() < 0.6 else str(page)
    if trad:
        verb = verb.replace("转", "轉")
    return f"（{verb}第{num}版）", f"{verb}第{num}版"


def damage(rng, text):
    out = []
    for c in text:
        if "\u4e00" <= c <= "\u9fff" and rng.random() < DAMAGE_RATE:
            out.append(rng.choice(CONFUSABLE))
        else:
            out.append(c)
    return "".join(out)


def load_articles():
    with open(os.path.join(HERE, "articles", "written.json"), encoding="utf-8") as f:
        arts = json.load(f)
    keep = []
    for a in arts:
        if a["era"] != "modern" or not a.get("headline"):
            continue
        blocks = [b for b in a["blocks"] if b["kind"] in ("paragraph", "subhead")]
        if sum(len(b["text"]) for b in blocks if b["kind"] == "paragraph") < 100:
            continue
        keep.append(dict(a, blocks=blocks))
    return keep


def split_story(rng, art, nparts):
    """Cuts the story's blocks into nparts pieces: at a paragraph boundary, or inside a
    paragraph (a cut sentence). Returns a list of lists of (kind, text)."""
    blocks = [(b["kind"], b["text"]) for b in art["blocks"]]
    # Character positions where a cut may fall: inside a paragraph (not in its first or
    # last 8 characters, and not next to punctuation), or between blocks.
    total = sum(len(t) for _, t in blocks)
    parts = []
    rest = blocks
    for k in range(nparts - 1):
        remaining = sum(len(t) for _, t in rest)
        target = int(remaining * rng.uniform(0.35, 0.6) / 1) if k == nparts - 2 else int(remaining / (nparts - k) * rng.uniform(0.8, 1.2))
        acc = 0
        cut_done = False
        for i, (kind, text) in enumerate(rest):
            if acc + len(text) >= target and i > 0 and rng.random() < 0.3 and kind == "paragraph":
                parts.append(rest[:i])
                rest = rest[i:]
                cut_done = True
                break
            if acc + len(text) >= target and kind == "paragraph" and len(text) > 24:
                pos = max(10, min(len(text) - 10, target - acc))
                while pos < len(text) - 10 and (not ("\u4e00" <= text[pos - 1] <= "\u9fff") or not ("\u4e00" <= text[pos] <= "\u9fff")):
                    pos += 1
                if pos >= len(text) - 10:
                    continue
                parts.append(rest[:i] + [(kind, text[:pos])])
                rest = [(kind, text[pos:])] + rest[i + 1:]
                cut_done = True
                break
            acc += len(text)
        if not cut_done:
            # Too short to cut where wanted: cut the last paragraph in the middle.
            for i in range(len(rest) - 1, -1, -1):
                kind, text = rest[i]
                if kind == "paragraph" and len(text) > 24:
                    pos = len(text) // 2
                    parts.append(rest[:i] + [(kind, text[:pos])])
                    rest = [(kind, text[pos:])] + rest[i + 1:]
                    break
    parts.append(rest)
    assert sum(len(t) for p in parts for _, t in p) == total
    return parts


def short_headline(rng, h):
    for sep in ("　", " ", "，", "——"):
        if sep in h and len(h.split(sep)[0]) >= 4:
            return h.split(sep)[0]
    n = min(len(h), rng.randint(4, 8))
    return h[:n]


def make_issue(rng, articles, issue_no, paper_date):
    """The issue's plan: pages (each a list of items) and the stories."""
    npages = rng.randint(4, 8)
    arts = rng.sample(articles, min(len(articles), 24))
    pages = [[] for _ in range(npages)]
    stories = []
    ai = 0

    def take():
        nonlocal ai
        a = arts[ai % len(arts)]
        ai += 1
        return a

    # Jumped stories: start on an early page, go on to a later one (sometimes a third).
    njump = rng.randint(5, 7)
    starts = [0] * min(njump, 3) + [rng.randint(0, max(0, npages - 3)) for _ in range(max(0, njump - 3))]
    for s in starts:
        a = take()
        nparts = 3 if (npages - s >= 4 and rng.random() < 0.25) else 2
        later = sorted(rng.sample(range(s + 1, npages), nparts - 1))
        # Two stories continued onto one page: reuse the first jumped story's page often.
        if stories and rng.random() < 0.55 and stories[0]["pages"][1] > s and nparts == 2:
            later = [stories[0]["pages"][1]]
        pages_of = [s] + later
        pieces = split_story(rng, a, nparts)
        pages_of = pages_of[:len(pieces)]
        form = [rng.choices(FORMS, FORM_WEIGHTS)[0] for _ in range(nparts)]
        lost = [rng.random() < 0.08 for _ in range(nparts)]
        st = {"article": a, "pages": pages_of, "pieces": pieces, "forms": form, "lost": lost, "distractor": False}
        stories.append(st)
        for k, p in enumerate(pages_of):
            pages[p].append((len(stories) - 1, k))
    # Distractors on the same topic: on a continuation page, a headline of the jumped
    # story's key terms over another article's body.
    for st in list(stories):
        if rng.random() < 0.5:
            other = take()
            if other["id"] == st["article"]["id"]:
                continue
            h = short_headline(rng, st["article"]["headline"]) + rng.choice(["持续推进", "再获进展", "综述", "新观察"])
            d = {"article": dict(other, headline=h, kicker=None, subheadline=None), "pages": [st["pages"][1]], "pieces": [[(b["kind"], b["text"]) for b in other["blocks"]]], "forms": ["repeat"], "lost": [False], "distractor": True}
            stories.append(d)
            pages[st["pages"][1]].append((len(stories) - 1, 0))
    # Single-page fillers so that every page has something of its own.
    for p in range(npages):
        if rng.random() < 0.7 or not pages[p]:
            a = take()
            stories.append({"article": a, "pages": [p], "pieces": [[(b["kind"], b["text"]) for b in a["blocks"]]], "forms": ["repeat"], "lost": [False], "distractor": False})
            pages[p].append((len(stories) - 1, 0))
    # Each page: stories beginning here first, then continuations, in random order within.
    for p in range(npages):
        rng.shuffle(pages[p])
        pages[p].sort(key=lambda x: 1 if x[1] > 0 else 0) if rng.random() < 0.5 else None
    # Markers: fixed per story piece.
    for st in stories:
        trad = st["article"]["script"] == "zh-Hant"
        st["on"] = []
        st["from"] = []
        for k in range(len(st["pieces"])):
            on = marker(rng, "下转", st["pages"][k + 1] + 1, trad) if k + 1 < len(st["pieces"]) else None
            fr = marker(rng, "上接", st["pages"][k - 1] + 1, trad) if k > 0 else None
            st["on"].append(on)
            st["from"].append(fr)
    return npages, pages, stories


def piece_lines(rng, st, k, paper):
    """The printed lines of piece k of a story, as (role, text) where role is head or body;
    paragraphs are one item each (wrapped later), subheads their own."""
    a = st["article"]
    out = []
    on, fr = st["on"][k], st["from"][k]
    lost = st["lost"][k]
    blocks = list(st["pieces"][k])
    if k == 0:
        if a.get("kicker"):
            out.append(("kicker", a["kicker"]))
        out.append(("headline", a["headline"]))
        if a.get("subheadline"):
            out.append(("subheadline", a["subheadline"]))
        byline = a.get("byline")
        inline = a.get("byline_inline") and byline and blocks and blocks[0][0] == "paragraph"
        if byline and not inline:
            out.append(("byline", a.get("byline_print") or byline))
        elif inline:
            kind, text = blocks[0]
            blocks[0] = (kind, (a.get("byline_print") or byline) + text)
    else:
        form = st["forms"][k]
        mark = "" if lost else fr[0]
        if form == "repeat":
            out.append(("headline", a["headline"]))
            if blocks:
                blocks[0] = (blocks[0][0], mark + blocks[0][1])
        elif form == "bare":
            if blocks:
                blocks[0] = (blocks[0][0], mark + blocks[0][1])
        elif form == "short":
            out.append(("headline", short_headline(rng, a["headline"])))
            if mark:
                out.append(("marker", mark))
        else:
            if mark:
                out.append(("marker", mark))
            out.append(("headline", a["headline"]))
    for kind, text in blocks:
        out.append(("subhead" if kind == "subhead" else "body", text))
    if on:
        # The marker closes the piece's last paragraph (after wrapping: role "body+").
        for i in range(len(out) - 1, -1, -1):
            if out[i][0] == "body":
                out[i] = ("body+" + on[0], out[i][1])
                break
    return out


def wrap(text, width):
    """A paragraph as OCR lines of one column width (the last line shorter)."""
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def weekday(date):
    import datetime
    y, m, d = map(int, date.split("-"))
    return "星期" + "一二三四五六日"[datetime.date(y, m, d).weekday()]


def render_text(rng, npages, pages, stories, paper, date):
    """Text pages: {file: text}, and each piece's [first, last] lines."""
    files = {}
    spans = {}
    y, m, d = date.split("-")
    for p in range(npages):
        lines = [f"{paper}　{int(y)}年{int(m)}月{int(d)}日　{weekday(date)}　第{p + 1}版", ""]
        width = rng.randint(28, 36)
        for si, k in pages[p]:
            st = stories[si]
            first = len(lines) + 1
            for role, text in piece_lines(rng, st, k, paper):
                if role.startswith("body"):
                    for w in wrap(damage(rng, text), width):
                        lines.append(w)
                    lines[-1] += role[len("body+"):]
                    lines.append("")
                else:
                    lines.append(text)
                    if role in ("subhead",):
                        lines.append("")
            while lines and lines[-1] == "":
                lines.pop()
            spans[(si, k)] = {"lines": [first, len(lines)], "boxes": None}
            lines.append("")
            lines.append("")
        files[f"{p + 1:02d}.txt"] = "\n".join(lines).rstrip("\n") + "\n"
    return files, spans


# Box layout, in pixels.
PAGE_W, PAGE_H = 2000, 3600
COL_X = (80, 1040)
COL_W = 880
BODY = 30          # body character size
HEAD = 52          # headline character size
LEAD = 12          # space between lines
GAP = 70           # space between stories


def render_box(rng, npages, pages, stories, paper, date):
    files = {}
    spans = {}
    y0, m, d = date.split("-")
    per_line = COL_W // BODY
    for p in range(npages):
        results = []

        def box(text, x, y, size):
            w = min(len(text), max(1, (COL_W * 2 + 80) // size)) * size
            results.append({"text": text, "box": [[x, y], [x + w, y], [x + w, y + size], [x, y + size]], "score": 0.98})
            return len(results) - 1

        box(f"{paper}　{int(y0)}年{int(m)}月{int(d)}日　{weekday(date)}　第{p + 1}版", COL_X[0], 30, BODY)
        col, y = 0, 130
        for si, k in pages[p]:
            st = stories[si]
            items = piece_lines(rng, st, k, paper)
            need = sum((HEAD + LEAD * 2) if r in ("headline",) else (BODY + LEAD) * (len(t) // per_line + 2) for r, t in items)
            if y + need > PAGE_H - 60 and col == 0 and y > 130:
                col, y = 1, 130
            x = COL_X[col]
            idx = []
            for role, text in items:
                if role == "headline":
                    size = HEAD if len(text) * HEAD <= COL_W else max(BODY + 6, COL_W // len(text))
                    idx.append(box(text, x + (COL_W - len(text) * size) // 2 if len(text) * size < COL_W else x, y, size))
                    y += size + LEAD * 2
                elif role in ("kicker", "subheadline"):
                    idx.append(box(text, x + 40, y, BODY + 4))
                    y += BODY + 4 + LEAD
                elif role in ("byline", "marker", "subhead"):
                    idx.append(box(text, x + (60 if role == "subhead" else 0), y, BODY))
                    y += BODY + LEAD
                else:
                    text = damage(rng, text) + role[len("body+"):]
                    first_w = per_line - 2
                    chunks = [text[:first_w]] + [text[i:i + per_line] for i in range(first_w, len(text), per_line)]
                    for c, chunk in enumerate(chunks):
                        if not chunk:
                            continue
                        idx.append(box(chunk, x + (2 * BODY if c == 0 else 0), y, BODY))
                        y += BODY + LEAD
            spans[(si, k)] = {"lines": None, "boxes": idx}
            y += GAP
        # One OCR result per line: readable, and a third of the size of indented JSON.
        body = ",\n".join(json.dumps(r, ensure_ascii=False) for r in results)
        files[f"{p + 1:02d}.json"] = '{"ocr_results": [\n' + body + "\n]}\n"
    return files, spans


def gold(kind, iid, seed, npages, stories, spans, ext):
    out = {"schema": "banmian.issuegold/1", "kind": kind, "id": iid, "seed": seed,
           "pages": [{"file": f"{p + 1:02d}.{ext}", "number": p + 1} for p in range(npages)], "stories": []}
    for si, st in enumerate(stories):
        a = st["article"]
        pieces = st["pieces"]
        # The story as read: the cut paragraph joined.
        texts = []
        for k, piece in enumerate(pieces):
            for j, (kind_, text) in enumerate(piece):
                if k > 0 and j == 0 and texts and cut_between(pieces, k):
                    texts[-1] += text
                else:
                    texts.append(text)
        parts = []
        for k, piece in enumerate(pieces):
            sp = spans[(si, k)]
            parts.append({"file": f"{st['pages'][k] + 1:02d}.{ext}", "lines": sp["lines"], "boxes": sp["boxes"], "body": "\n".join(t for _, t in piece)})
        out["stories"].append({"id": si, "source_article": a["id"], "headline": a["headline"], "body": "\n".join(texts), "distractor": st["distractor"], "parts": parts})
    return out


def gold_json(g):
    """The gold with one page and one story a line."""
    head = {k: v for k, v in g.items() if k not in ("pages", "stories")}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ","]
    for key in ("pages", "stories"):
        items = ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in g[key])
        lines.append(f' "{key}": [\n  {items}\n ]' + ("," if key == "pages" else ""))
    return "\n".join(lines) + "\n}\n"


def cut_between(pieces, k):
    """True when piece k starts in the middle of the paragraph piece k-1 ends with."""
    prev = pieces[k - 1][-1][1]
    return prev and prev[-1] not in "。！？”」』）…"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "issues"))
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--issues", type=int, default=24)
    args = ap.parse_args()
    articles = load_articles()
    for kind in ("issue-text", "issue-box"):
        if os.path.isdir(os.path.join(args.out, kind)):
            shutil.rmtree(os.path.join(args.out, kind))
    counts = {"issues": 0, "pages": 0, "jumps": 0, "distractors": 0}
    papers = ["滨江日报", "云溪晚报", "东湾日报", "雪岭日报"]
    for i in range(args.issues):
        iid = f"i{i + 1:02d}"
        rng = random.Random(args.seed * 1000 + i)
        date = f"2024-11-{(i % 28) + 1:02d}"
        paper = papers[i % len(papers)]
        npages, pages, stories = make_issue(rng, articles, i, date)
        state = rng.getstate()
        for kind, render, ext in (("issue-text", render_text, "txt"), ("issue-box", render_box, "json")):
            rng.setstate(state)
            files, spans = render(rng, npages, pages, stories, paper, date)
            d = os.path.join(args.out, kind, iid)
            os.makedirs(d, exist_ok=True)
            for name, text in files.items():
                with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                    f.write(text)
            g = gold(kind, iid, args.seed, npages, stories, spans, ext)
            with open(os.path.join(args.out, kind, f"{iid}.issuegold.json"), "w", encoding="utf-8") as f:
                f.write(gold_json(g))
        counts["issues"] += 1
        counts["pages"] += npages
        counts["jumps"] += sum(len(s["pieces"]) - 1 for s in stories)
        counts["distractors"] += sum(1 for s in stories if s["distractor"])
    manifest = {"schema": "banmian.issueset/1", "made_by": "evaluation/make_issues.py", "seed": args.seed,
                "kinds": ["issue-text", "issue-box"], "per_kind": counts, "damage_rate": DAMAGE_RATE,
                "note": "box pages are laid out by the script (two columns, boxes placed), not read by an OCR engine"}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
