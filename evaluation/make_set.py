#!/usr/bin/env python3
"""Make the evaluation set: damaged text pages and OCR pages with golds (EVAL_SPEC.md).

usage: make_set.py [--out DIR] [--seed N] [--stage text|ocr|all] [--source written|realpages]
                   [--pages-1col N] [--pages-multicol N] [--pages-vertical N]

--stage text needs only python3; --stage ocr needs Pillow, numpy, Tesseract and RapidOCR
(install.sh). Page images are rendered into the cache (never committed); OCR outputs are
cached by image hash (ocr.CACHE). The committed set is `make_set.py` with the defaults.
"""
import argparse
import concurrent.futures as cf
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import time

import common
import textdamage

TEXT_KINDS = ("plain", "markdown")
OCR_KINDS = ("tesseract-1col", "tesseract-multicol", "tesseract-hocr", "tesseract-alto", "tesseract-tsv",
             "rapidocr", "vertical")
DEFAULTS = {"seed": 12, "deals": 2, "pages_1col": 10, "pages_multicol": 14, "pages_vertical": 10}


def deb_version(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                              text=True).stdout.strip() or None
    except OSError:
        return None


def make_text(articles, out, seed, deals, source):
    for kind in TEXT_KINDS:
        shutil.rmtree(os.path.join(out, kind), ignore_errors=True)
        for pid, text, gold in textdamage.make_kind(articles, kind, seed, deals):
            gold["source"] = gold["source"] if source == "realpages" else source
            ext = ".md" if kind == "markdown" else ".txt"
            common.write_bytes(os.path.join(out, kind, pid + ext), text.encode("utf-8"))
            common.write_json(os.path.join(out, kind, pid + ".gold.json"), gold)


def page_specs(articles, seed, n1, nm, nv):
    """(pid, layout, ncols, articles) for every OCR page. Articles are dealt from seeded
    shuffles of each paper (script, era) in turn, so every article is used."""
    groups = common.group_by_script(articles)
    keys = sorted(groups)
    rng = common.seeded(seed, "specs")
    pools = {k: [] for k in keys}

    def take(k, n):
        out = []
        while len(out) < n:
            if not pools[k]:
                pools[k] = list(groups[k])
                rng.shuffle(pools[k])
            a = pools[k].pop()
            if a not in out:
                out.append(a)
            if len(out) >= len(groups[k]):
                break
        return out

    specs = []
    hor_keys = keys
    vert_keys = [k for k in keys if k[0] == "zh-Hant"] or keys
    for i in range(n1):
        specs.append(("h%03d" % (i + 1), "1col", 1, take(hor_keys[i % len(hor_keys)], rng.randint(1, 3))))
    for i in range(nm):
        specs.append(("h%03d" % (n1 + i + 1), "multicol", rng.randint(2, 5),
                      take(hor_keys[i % len(hor_keys)], rng.randint(4, 8))))
    for i in range(nv):
        specs.append(("v%03d" % (i + 1), "vertical", 0, take(vert_keys[i % len(vert_keys)], rng.randint(4, 7))))
    return specs


def render_page(spec, seed, fontset, imgdir):
    import render
    pid, layout, ncols, arts = spec
    rng = common.seeded(seed, "page", pid)
    date = textdamage.page_date(arts, rng, arts[0]["era"])
    page_no = rng.randint(1, 16)
    q = list(arts)
    if layout == "vertical":
        img, lines, placed = render.render_vertical(q, rng, fontset, date, page_no)
    else:
        img, lines, placed = render.render_horizontal(q, ncols, rng, fontset, date, page_no)
    img, meta = render.degrade(img, lines, rng)
    path = os.path.join(imgdir, pid + ".png")
    img.save(path, optimize=False)
    with open(path, "rb") as f:
        sha = common.sha1(f.read())
    meta.update({"layout": layout, "columns": ncols or None, "fontset": fontset, "dpi": 200,
                 "size": [render.W, render.H], "not_placed": [a["id"] for a in arts if a not in placed]})
    return {"pid": pid, "layout": layout, "png": path, "sha": sha, "lines": lines, "placed": placed,
            "date": date, "page_no": page_no, "render": meta}


def gold_head(kind, inp, page, engine, source):
    a0 = page["placed"][0]
    return {"schema": common.SCHEMA, "kind": kind, "input": inp, "script": a0["script"], "era": a0["era"],
            "source": a0.get("source", source), "engine": engine, "date": page["date"], "page_number": page["page_no"],
            "render": page["render"]}


def write_page(out, kind, name, data, gold, gz=False):
    common.write_bytes(os.path.join(out, kind, name), data.encode("utf-8"), gz)
    common.write_json(os.path.join(out, kind, os.path.splitext(name)[0].split(".")[0] + ".gold.json"), gold)


def image_name(text, name):
    """hOCR / ALTO text with the image path Tesseract wrote (hOCR `title='image "PATH"`,
    ALTO `<fileName>PATH</fileName>`) replaced by NAME."""
    text = re.sub(r"""(title='image ")[^"]*(")""", lambda m: m.group(1) + name + m.group(2), text)
    return re.sub(r"(<fileName>)[^<]*(</fileName>)", lambda m: m.group(1) + name + m.group(2), text)


def make_ocr(articles, out, seed, n1, nm, nv, fontset, source, log):
    import boxgold
    import ocr
    import rapidocr_worker
    # one image folder per set: two sets of one source (the local 人民日报 and 申報 sets) made at
    # the same time would otherwise write the same h001.png under each other, and an engine
    # would read the other set's page under this one's image hash (and cache it so)
    imgdir = os.path.join(ocr.CACHE, "img", source, os.path.basename(os.path.normpath(out)))
    os.makedirs(imgdir, exist_ok=True)
    for kind in OCR_KINDS:
        shutil.rmtree(os.path.join(out, kind), ignore_errors=True)
    t0 = time.time()
    pages = [render_page(s, seed, fontset, imgdir) for s in page_specs(articles, seed, n1, nm, nv)]
    pages = [p for p in pages if p["placed"]]
    t_render = time.time() - t0
    log(f"rendered {len(pages)} pages in {t_render:.0f} s")
    tver = ocr.tesseract_version()
    rver = ocr.rapidocr_versions()
    timing = {"render_s": round(t_render, 1)}

    # Tesseract: horizontal pages, two processes at a time, one thread each
    t0 = time.time()
    hor = [p for p in pages if p["layout"] != "vertical"]
    lang = lambda p: "chi_sim" if p["placed"][0]["script"] == "zh-Hans" else "chi_tra"
    # two readings a page (ocr.py): plain text as a user gets it (no resolution given), and
    # the box formats with the page's resolution, as banmian's `--ocr-dpi` passes it
    with cf.ThreadPoolExecutor(2) as ex:
        touts = list(ex.map(lambda p: ocr.tesseract(p["png"], p["sha"], lang(p)), hor))
        bouts = list(ex.map(lambda p: ocr.tesseract(p["png"], p["sha"], lang(p), p["render"]["dpi"]), hor))
    timing["tesseract_s"] = round(time.time() - t0, 1)
    log(f"tesseract: {len(hor)} pages in {timing['tesseract_s']} s")
    stats = []
    for p, to, bo in zip(hor, touts, bouts):
        eng = {"name": "tesseract", "version": tver, "lang": lang(p),
               "model": f"Debian tesseract-ocr-{lang(p).replace('_', '-')} {deb_version('tesseract-ocr-' + lang(p).replace('_', '-'))}"}
        tl = ocr.tsv_lines(to["tsv"])
        xl = ocr.txt_lines(to["txt"])
        same = len(tl) == len(xl) and all("".join(a[0].split()) == "".join(b[1].split()) for a, b in zip(tl, xl))
        if same:
            kind = "tesseract-1col" if p["layout"] == "1col" else "tesseract-multicol"
            ocr_lines = [(x[1], t[1], x[0]) for t, x in zip(tl, xl)]
            garts, order, st = boxgold.build(p["placed"], p["lines"], ocr_lines, False, kind, "lines")
            g = gold_head(kind, p["pid"] + ".txt", p, eng, source)
            g.update({"articles": garts, "order": order, "stats": st})
            write_page(out, kind, p["pid"] + ".txt", to["txt"], g)
            stats.append((kind, st))
        else:
            log(f"{p['pid']}: Tesseract txt and TSV lines differ; txt page left out")
        # hOCR, ALTO, TSV (the reading with the page's resolution): the same lines, indexed
        # 0.. in document order
        eng = dict(eng, options=" ".join(ocr.tesseract_options(p["render"]["dpi"])))
        tl = ocr.tsv_lines(bo["tsv"])
        n_hocr = len(re.findall(r"class='ocr_(?:line|caption|header|textfloat)'", bo["hocr"]))
        n_alto = bo["alto"].count("<TextLine ")
        if not (n_hocr == n_alto == len(tl)):
            log(f"{p['pid']}: hOCR {n_hocr}, ALTO {n_alto}, TSV {len(tl)} lines; box pages left out")
            continue
        box_lines = [(t[0], t[1], i) for i, t in enumerate(tl)]
        garts, order, st = boxgold.build(p["placed"], p["lines"], box_lines, False, "", "boxes")
        for kind, ext, key in (("tesseract-hocr", ".hocr", "hocr"), ("tesseract-alto", ".xml", "alto"),
                               ("tesseract-tsv", ".tsv", "tsv")):
            g = gold_head(kind, p["pid"] + ext + ".gz", p, eng, source)
            g.update({"articles": garts, "order": order, "stats": st})
            # hOCR and ALTO name the image file: name it by page id, not by the path the cached
            # OCR was made from (another checkout's cache gives another path)
            write_page(out, kind, p["pid"] + ext, image_name(bo[key], p["pid"] + ".png"), g, gz=True)

    # RapidOCR: every page (horizontal -> rapidocr, vertical -> vertical)
    t0 = time.time()
    reng = {"name": "rapidocr", "version": rver["rapidocr"], "lang": "ch",
            "model": "PP-OCRv6_det_small + PP-OCRv6_rec_small (in the wheel; line-angle classifier off), onnxruntime "
                     + rver["onnxruntime"]}
    fresh = 0
    for p in pages:
        cached = ocr.rapidocr_cached(p["sha"])
        t1 = time.time()
        pj = ocr.rapidocr(p["png"], p["sha"])
        if not cached:
            fresh += 1
            log(f"rapidocr {p['pid']}: {time.time() - t1:.1f} s")
        vertical = p["layout"] == "vertical"
        kind = "vertical" if vertical else "rapidocr"
        ocr_lines = [(r["text"] or "", boxgold.quad_bbox(r["box"]), i) for i, r in enumerate(pj["ocr_results"])]
        garts, order, st = boxgold.build(p["placed"], p["lines"], ocr_lines, vertical, kind, "boxes")
        g = gold_head(kind, p["pid"] + ".json", p, reng, source)
        g.update({"articles": garts, "order": order, "stats": st})
        write_page(out, kind, p["pid"] + ".json", json.dumps(pj, ensure_ascii=False, indent=1) + "\n", g)
        stats.append((kind, st))
    timing["rapidocr_s"] = round(time.time() - t0, 1)
    timing["rapidocr_fresh_pages"] = fresh
    log(f"rapidocr: {len(pages)} pages ({fresh} not cached) in {timing['rapidocr_s']} s")
    engines = {"tesseract": {"version": tver, "debian": {k: deb_version(k) for k in (
        "tesseract-ocr", "tesseract-ocr-chi-sim", "tesseract-ocr-chi-tra", "tesseract-ocr-chi-sim-vert",
        "tesseract-ocr-chi-tra-vert")}, "options": "--psm 3 (txt kinds); --psm 3 --dpi 200, the page's "
        "resolution (hOCR, ALTO, TSV kinds); OMP_THREAD_LIMIT=1, 2 processes",
        "cache": {"txt": "tesseract-" + ocr.tesseract_options_key(ocr.tesseract_options()),
                  "boxes": "tesseract-" + ocr.tesseract_options_key(ocr.tesseract_options(200))}},
        "rapidocr": dict(rver, params=rapidocr_worker.OPTIONS, cache="rapidocr-" + ocr.rapidocr_options_key(),
                         options=rapidocr_worker.describe_options()
                         + ", else defaults (max_side_len 2000, text_score 0.5), 2 onnxruntime threads")}
    fonts = {"fonts-noto-cjk": deb_version("fonts-noto-cjk"), "fonts-arphic-ukai": deb_version("fonts-arphic-ukai"),
             "fonts-arphic-uming": deb_version("fonts-arphic-uming"), "fonts-wqy-microhei": deb_version("fonts-wqy-microhei"),
             "fontset": fontset}
    import PIL
    import numpy
    return {"engines": engines, "fonts": fonts, "timing": timing,
            "python": {"pillow": PIL.__version__, "numpy": numpy.__version__},
            "ocr_pages": len(pages), "ocr_sizes": {"1col": n1, "multicol": nm, "vertical": nv}}


def count_kinds(out):
    counts = {}
    for kind in sorted(os.listdir(out)):
        d = os.path.join(out, kind)
        if os.path.isdir(d):
            counts[kind] = sum(1 for n in os.listdir(d) if n.endswith(".gold.json") or n.endswith(".gold.json.gz"))
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(common.HERE, "set"))
    ap.add_argument("--seed", type=int, default=DEFAULTS["seed"])
    ap.add_argument("--stage", choices=["text", "ocr", "all"], default="all")
    ap.add_argument("--source", choices=["written", "realpages"], default="written")
    ap.add_argument("--articles", help="article JSON (default: articles/written.json)")
    ap.add_argument("--deals", type=int, default=DEFAULTS["deals"])
    ap.add_argument("--pages-1col", type=int, default=DEFAULTS["pages_1col"])
    ap.add_argument("--pages-multicol", type=int, default=DEFAULTS["pages_multicol"])
    ap.add_argument("--pages-vertical", type=int, default=DEFAULTS["pages_vertical"])
    ap.add_argument("--fontset", default=None, help="noto (committed set) or arphic (local set)")
    args = ap.parse_args()
    log = lambda m: print(m, file=sys.stderr, flush=True)
    arts = common.load_articles(args.articles)
    fontset = args.fontset or ("noto" if args.source == "written" else "arphic")
    os.makedirs(args.out, exist_ok=True)
    mpath = os.path.join(args.out, "manifest.json")
    manifest = json.load(open(mpath, encoding="utf-8")) if os.path.exists(mpath) else {}
    t0 = time.time()
    if args.stage in ("text", "all"):
        make_text(arts, args.out, args.seed, args.deals, args.source)
        manifest["text"] = {"seed": args.seed, "deals": args.deals, "articles": args.articles or "articles/written.json",
                            "how": "textdamage.py: no OCR, deterministic from the seed; check_text.py compares bytes"}
    if args.stage in ("ocr", "all"):
        cold = manifest.get("ocr", {}).get("regeneration_cold_s")
        cold_timing = manifest.get("ocr", {}).get("regeneration_cold_timing")
        info = make_ocr(arts, args.out, args.seed, args.pages_1col, args.pages_multicol, args.pages_vertical,
                        fontset, args.source, log)
        info["seed"] = args.seed
        info["made"] = datetime.date.today().isoformat()
        # the time of a run that had to OCR every page (an empty cache): the regeneration figure
        if info["timing"]["rapidocr_fresh_pages"] == info["ocr_pages"]:
            cold = round(time.time() - t0, 1)
            cold_timing = info["timing"]
        info["regeneration_cold_s"] = cold
        info["regeneration_cold_timing"] = cold_timing
        manifest["ocr"] = info
    manifest.update({"schema": "banmian.evalset/1", "source": args.source, "articles": len(arts),
                     "counts": count_kinds(args.out)})
    manifest["counts"]["total"] = sum(manifest["counts"].values())
    manifest["last_run_seconds"] = round(time.time() - t0, 1)
    common.write_json(mpath, manifest)
    log(json.dumps(manifest["counts"], ensure_ascii=False))


if __name__ == "__main__":
    main()
