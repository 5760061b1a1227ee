#!/usr/bin/env python3
"""Articles for the LOCAL set from ../shared/realpages (人民日报 and 申報), never committed.

Writes local/articles_rmrb.json and local/articles_shenbao.json in the schema of
articles/written.json. The text is the sources' own (no licence covers it: it stays under
evaluation/local/, which git ignores). Credits are read with simple patterns to make the
golds; no rule of banmian is chosen by this material.

usage: realpages.py [REALPAGES_DIR]
"""
import csv
import glob
import json
import os
import re
import sys

import common

MAX_BODY = 700


def trim(paras, limit=MAX_BODY):
    out, n = [], 0
    for p in paras:
        p = p.strip()
        if not p:
            continue
        if out and n + len(p) > limit:
            break
        out.append(p)
        n += len(p)
    return out


def art(id, script, era, paper, headline, paras, **kw):
    a = {"id": id, "script": script, "era": era, "paper": paper, "section": kw.pop("section", "要闻"),
         "kicker": None, "headline": headline, "subheadline": None, "rubric": None, "byline": None,
         "byline_inline": False, "dateline": None, "authors": [], "date": None, "jumps": [],
         "blocks": [{"kind": k, "text": t} for k, t in paras], "source": kw.pop("source")}
    a.update(kw)
    return a


WIRE = re.compile(r"^((?:新华社|本报|人民日报|中新社)[^\s（(]{0,12}?电|本报讯)\s*(（([^）]*)）)?")


def people(s, org):
    out = []
    m = re.match(r"^(?:本报)?记者\s*(.+)$", s.strip())
    if m:
        for n in re.split(r"[\s、]+", m.group(1)):
            if n:
                out.append({"name": n, "role": "记者", "org": org})
    return out


def md_dt(dateline, year):
    m = re.search(r"(\d{1,2})月(\d{1,2})日", dateline or "")
    return f"{year}-{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else None


def rmrb(root):
    arts = []
    recs = json.load(open(os.path.join(root, "rmrb-2025-articles", "rmrb_2025-01-10_from_articles_json.json"), encoding="utf-8"))
    bodies = [(r["markdown_body"], r.get("section_name") or "要闻") for r in recs]
    for p in sorted(glob.glob(os.path.join(root, "rmrb-2025-articles", "*.md"))):
        t = open(p, encoding="utf-8").read()
        t = re.sub(r"^---\n.*?\n---\n", "", t, flags=re.S)
        bodies.append((t, "要闻"))
    seen = set()
    for i, (md, section) in enumerate(bodies):
        kicker = headline = sub = byline = None
        authors, paras = [], []
        for ln in md.split("\n"):
            ln = ln.strip()
            if not ln:
                continue
            if ln.startswith("### ") and headline is None:
                kicker = ln[4:].strip()
            elif ln.startswith("# "):
                headline = ln[2:].strip()
            elif ln.startswith("## "):
                sub = ln[3:].strip().lstrip("—").strip()
            elif ln.startswith(">"):
                b = re.split(r"《人民日报》", ln.lstrip("> "))[0]
                byline = re.sub(r"\s+", " ", b).strip() or None
                if byline:
                    authors = people(byline, "本报") if byline.startswith("本报记者") else []
            elif re.match(r"^\*\*.+\*\*$", ln):
                paras.append(("subhead", ln.strip("*").strip()))
            else:
                paras.append(("paragraph", ln))
        if not headline or headline in seen:
            continue
        seen.add(headline)
        kept, n = [], 0
        for k, t in paras:
            if kept and n + len(t) > MAX_BODY:
                break
            kept.append((k, t))
            n += len(t)
        while kept and kept[-1][0] == "subhead":
            kept.pop()
        arts.append(art(f"r{i:03d}", "zh-Hans", "modern", "人民日报", headline, kept, kicker=kicker,
                        subheadline=sub, byline=byline, authors=authors, section=section, source="rmrb"))
    for fn, paper in (("rmrb_20260704_leads.json", "人民日报"), ("rmrb_overseas_20260704_leads.json", "人民日报海外版")):
        for j, r in enumerate(json.load(open(os.path.join(root, "rmrb-2026-leads", fn), encoding="utf-8"))):
            text = re.split(r"(?:^|\s)\d{4}-\d{2}-\d{2} \d{2}:\d{2}", r.get("摘要") or "")[0]
            text = re.sub(r"https?://\S+", "", text)
            pieces = []
            for x in text.split(" "):
                # a short piece (a dateline such as "本报雄安7月3日电") runs on into the next
                if pieces and len(pieces[-1]) < 20:
                    pieces[-1] += x
                else:
                    pieces.append(x)
            paras = trim(pieces)
            if not paras or sum(map(len, paras)) < 80:
                continue
            kw = {}
            m = WIRE.match(paras[0])
            if m:
                bp = m.group(0).strip()
                rest = paras[0][m.end():].strip()
                if rest:
                    paras[0] = rest
                    kw = {"byline": re.sub(r"\s+", "", bp.replace("）", "）")), "byline_print": bp,
                          "byline_inline": True, "dateline": m.group(1),
                          "authors": people(m.group(3) or "", "新华社" if m.group(1).startswith("新华社") else None),
                          "date": md_dt(m.group(1), 2026)}
            if r["文章标题"].strip() in seen:
                continue
            seen.add(r["文章标题"].strip())
            sec = (r.get("版面") or "：要闻").split("：")[-1]
            arts.append(art(f"l{len(arts):03d}", "zh-Hans", "modern", paper, r["文章标题"].strip(),
                            [("paragraph", p) for p in paras], section=sec, source="rmrb", **kw))
    return arts


def shenbao(root):
    csv.field_size_limit(10 ** 8)
    arts = []
    seen = set()
    for p in sorted(glob.glob(os.path.join(root, "shenbao-shlib", "*stage3*.csv"))):
        for r in csv.DictReader(open(p, encoding="utf-8-sig")):
            title, text = (r.get("title_clean") or "").strip(), (r.get("text_clean") or "").strip()
            # a title longer than a headline is body text the source put there; skip the record
            if not title or len(title) > 48 or len(text) < 100 or title in seen:
                continue
            seen.add(title)
            paras = trim(text.split(" "))
            tail = (r.get("publish_tail") or "").strip()
            kw = {}
            if tail and len(tail) < 20 and re.search(r"(電|訊|通信)$", tail):
                kw = {"byline": "（" + tail + "）", "byline_print": "（" + tail + "）", "byline_inline": True, "dateline": tail}
            arts.append(art(f"s{len(arts):03d}", "zh-Hant", "republican", "申報", title,
                            [("paragraph", x) for x in paras], section="要聞", source="shenbao", **kw))
    return arts


# A column label printed in brackets after a 人民日报 headline: 2 to 16 Han characters (· allowed),
# no digits, not a part number. The contract reads it as the article's rubric (栏目).
COLUMN_LABEL = re.compile(r"^(.{2,}?)（([\u4e00-\u9fff·]{2,16})）$")


def column_labels(arts):
    """Move a bracketed column label after a headline into `rubric`; the page still prints it
    after the headline (`rubric_after`, common.printed_headline)."""
    for a in arts:
        m = COLUMN_LABEL.match(a.get("headline") or "")
        if m and not a.get("rubric"):
            a["headline"], a["rubric"], a["rubric_after"] = m.group(1), m.group(2), True
    return arts


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(common.HERE, "..", "..", "shared", "realpages")
    out = os.path.join(common.HERE, "local")
    os.makedirs(out, exist_ok=True)
    for name, arts in (("rmrb", column_labels(rmrb(root))), ("shenbao", shenbao(root))):
        with open(os.path.join(out, f"articles_{name}.json"), "w", encoding="utf-8") as f:
            json.dump(arts, f, ensure_ascii=False, indent=1)
        print(name, len(arts), "articles")


if __name__ == "__main__":
    main()
