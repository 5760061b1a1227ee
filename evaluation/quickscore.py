#!/usr/bin/env python3
"""A sanity stand-in for `banmian eval` (the scorer lives in the Rust library): runs the
banmian binary on every page of SET and prints, per kind, the share of gold articles
found (EVAL_SPEC.md: headline group folded-equal or >= 0.9 similar, body >= 0.5 similar),
the mean body similarity and the mean layout body similarity (vs `oracle`) of found
articles. Plain python3.

usage: quickscore.py BANMIAN SET
"""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

FOLD = str.maketrans({"，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")"})


def fold(s):
    return re.sub(r"\s+", "", s or "").translate(FOLD)


def lev(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def sim(a, b):
    a, b = fold(a), fold(b)
    if not a and not b:
        return 1.0
    return 1 - lev(a, b) / max(len(a), len(b))


def head(a):
    return "".join(x or "" for x in (a.get("kicker"), a.get("headline"), a.get("subheadline")))


def body(a):
    return "\n".join(b.get("text", "") for b in a.get("blocks", []))


def main():
    binary, root = sys.argv[1], sys.argv[2]
    rows = {}
    for kind in sorted(os.listdir(root)):
        d = os.path.join(root, kind)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not re.search(r"\.gold\.json(\.gz)?$", name):
                continue
            gold = json.load((gzip.open if name.endswith(".gz") else open)(os.path.join(d, name), "rt", encoding="utf-8"))
            inp = os.path.join(d, gold["input"])
            src = inp
            if inp.endswith(".gz"):
                tmp = tempfile.NamedTemporaryFile(suffix=os.path.basename(inp)[:-3], delete=False)
                tmp.write(gzip.open(inp).read())
                tmp.close()
                src = tmp.name
            r = subprocess.run([binary, src], capture_output=True, text=True)
            row = rows.setdefault(kind, {"pages": 0, "unread": 0, "gold": 0, "found": 0, "body": 0.0, "layout": 0.0})
            row["pages"] += 1
            row["gold"] += len(gold["articles"])
            if r.returncode != 0:
                row["unread"] += 1
                continue
            out = json.loads(r.stdout)["articles"]
            for g in gold["articles"]:
                gh, gb = fold(head(g)), body(g)
                best = None
                for a in out:
                    oh = fold(head(a))
                    if oh == gh or sim(oh, gh) >= 0.9:
                        s = sim(body(a), gb)
                        if s >= 0.5 and (best is None or s > best[0]):
                            best = (s, a)
                if best:
                    row["found"] += 1
                    row["body"] += best[0]
                    row["layout"] += sim(body(best[1]), g.get("oracle") or "")
    print(f"{'kind':20} {'pages':>5} {'unread':>6} {'articles':>8} {'found':>6} {'body':>6} {'layout':>6}")
    for kind, r in rows.items():
        f = r["found"] or 1
        print(f"{kind:20} {r['pages']:5} {r['unread']:6} {r['gold']:8} {r['found'] / max(1, r['gold']):6.2f} "
              f"{r['body'] / f:6.3f} {r['layout'] / f:6.3f}")


if __name__ == "__main__":
    main()
