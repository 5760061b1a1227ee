#!/usr/bin/env python3
"""CI check of the text-damage pages (plain python3, nothing to install).

1. Regenerates every committed plain and Markdown page of SET (default evaluation/set)
   from the seed in its manifest and compares the page and its gold byte for byte.
2. Regenerates the pages of a few more seeds (text_seeds.sha256) and compares their
   SHA-256 digests, so a change of the damage code shows up even where the committed set
   does not exercise it.

usage: check_text.py [SET] [--write-digests]
Exit 0 when everything matches, 1 otherwise (the differing files are named).
"""
import hashlib
import json
import os
import sys

import common
import textdamage

DIGESTS = os.path.join(common.HERE, "text_seeds.sha256")
EXTRA_SEEDS = (1, 2, 3)


def pages(articles, seed, deals):
    """(kind, file name, bytes) of every text page and gold a seed makes."""
    for kind in ("plain", "markdown"):
        for pid, text, gold in textdamage.make_kind(articles, kind, seed, deals):
            ext = ".md" if kind == "markdown" else ".txt"
            yield kind, pid + ext, text.encode("utf-8")
            yield kind, pid + ".gold.json", (json.dumps(gold, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.join(common.HERE, "set")
    man = json.load(open(os.path.join(root, "manifest.json"), encoding="utf-8"))
    t = man["text"]
    arts = common.load_articles(os.path.join(common.HERE, t["articles"]) if not os.path.isabs(t["articles"]) else t["articles"])
    bad, n = [], 0
    made = set()
    # golds carry the set's source; regenerate them exactly as make_set.py writes them
    for kind in ("plain", "markdown"):
        for pid, text, gold in textdamage.make_kind(arts, kind, t["seed"], t["deals"]):
            gold["source"] = man.get("source", "written")
            ext = ".md" if kind == "markdown" else ".txt"
            want = {pid + ext: text.encode("utf-8"),
                    pid + ".gold.json": (json.dumps(gold, ensure_ascii=False, indent=1) + "\n").encode("utf-8")}
            for name, data in want.items():
                n += 1
                path = os.path.join(root, kind, name)
                made.add(path)
                try:
                    have = open(path, "rb").read()
                except OSError:
                    bad.append(f"missing: {path}")
                    continue
                if have != data:
                    bad.append(f"differs: {path}")
    for kind in ("plain", "markdown"):
        d = os.path.join(root, kind)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if os.path.join(d, name) not in made:
                bad.append(f"not made by the seed: {os.path.join(d, name)}")
    lines = []
    for seed in EXTRA_SEEDS:
        h = hashlib.sha256()
        for kind, name, data in pages(arts, seed, 1):
            h.update(kind.encode() + b"/" + name.encode() + b"\0" + data + b"\0")
        lines.append(f"{h.hexdigest()}  seed {seed}\n")
    if "--write-digests" in sys.argv:
        open(DIGESTS, "w").write("".join(lines))
    else:
        want = open(DIGESTS).read().splitlines(keepends=True)
        for got, w in zip(lines, want):
            if got != w:
                bad.append(f"seed digest differs: got {got.strip()}, want {w.strip()}")
        if len(want) != len(lines):
            bad.append("text_seeds.sha256 has the wrong number of seeds")
    for b in bad:
        print(b)
    print(f"text pages: {n} files regenerated from seed {t['seed']}, {len(EXTRA_SEEDS)} extra seeds; "
          f"{len(bad)} differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
