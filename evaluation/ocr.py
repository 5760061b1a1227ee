"""Real OCR engines, cached by image hash.

Tesseract 5 (Debian tesseract-ocr + chi_sim / chi_tra traineddata) writes txt, hOCR, ALTO
and TSV from one recognition (`tesseract IMG OUT -l LANG --psm 3 [--dpi N] txt hocr alto
tsv`), one thread per process (OMP_THREAD_LIMIT=1), two processes at a time. Each horizontal
page is read twice: as a user gets Tesseract's plain text (no resolution given: Tesseract
estimates it, 335 dpi for these 200 dpi pages) for the tesseract-1col / -multicol kinds,
and with the page's resolution (`--dpi 200`, what banmian's `--ocr tesseract --ocr-dpi 200`
passes) for the hOCR / ALTO / TSV kinds (see tesseract_options). RapidOCR (PyPI `rapidocr`, its
wheel ships the PP-OCRv6 det/rec and the cls ONNX models, run by onnxruntime) writes the
PaddleOCR page JSON banmian reads (src/boxes.rs), with the options banmian's scan path
uses (rapidocr_worker.OPTIONS: one parameter set for both). Outputs are cached under
CACHE/tesseract-<options key>/<sha1 of image bytes>.<lang>.* and CACHE/rapidocr-<options key>/<sha1 of
image bytes>.json (rapidocr_cache_dir), so a rerun with the same renders and options costs
nothing, and an output made with other options is never reused.
"""
import csv
import hashlib
import io
import json
import os
import subprocess

import rapidocr_worker

CACHE = os.environ.get("BANMIAN_EVAL_CACHE",
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), "local", "cache"))


def tesseract_version():
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0].split()[1]


# Tesseract's page segmentation mode: 3, fully automatic (banmian's `--ocr tesseract` uses
# the same, src/ocr/mod.rs TESSERACT_PSM).
TESSERACT_PSM = "3"


def tesseract_options(dpi=None):
    """The options that decide Tesseract's output besides `-l`: `--psm 3`, and `--dpi N`
    when the page's resolution is given (banmian's `--ocr-dpi N` passes the same).

    The rendered pages are 200 dpi PNGs that do not record their resolution, and Tesseract
    then estimates it from the text ("Estimating resolution as 335"). Told the true one,
    its output reads much better through banmian.
    Measured on the committed set's 24 horizontal pages (2026-12-01, banmian eval of the
    hOCR kind): articles found 52.7 -> 63.4 %, body >= 0.9 44.1 -> 67.7 %, layout 73.0 ->
    84.0 %, order 0.055 -> 0.041; local 人民日报 found 30.2 -> 45.3 %, layout 58.2 -> 77.3 %.
    `--psm 11` (sparse text) was behind (59.1 % found, plain text interleaved worse);
    Otsu or Sauvola thresholding changed none of the misread head characters."""
    return ["--psm", TESSERACT_PSM] + (["--dpi", str(dpi)] if dpi else [])


def tesseract_options_key(options):
    """The cache key of an option list: the first 8 hex digits of the SHA-1 of its JSON."""
    return hashlib.sha1(json.dumps(options).encode("utf-8")).hexdigest()[:8]


def tesseract(png, sha, lang, dpi=None):
    """Run Tesseract on one image with tesseract_options(dpi) (or read the cache, kept per
    option set in CACHE/tesseract-<key>). Returns {"txt","hocr","alto","tsv"}."""
    options = tesseract_options(dpi)
    d = os.path.join(CACHE, "tesseract-" + tesseract_options_key(options))
    os.makedirs(d, exist_ok=True)
    base = os.path.join(d, f"{sha}.{lang}")
    exts = {"txt": ".txt", "hocr": ".hocr", "alto": ".xml", "tsv": ".tsv"}
    if not all(os.path.exists(base + e) for e in exts.values()):
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        subprocess.run(["tesseract", png, base, "-l", lang] + options + ["txt", "hocr", "alto", "tsv"],
                       check=True, env=env, capture_output=True)
    out = {}
    for k, e in exts.items():
        with open(base + e, encoding="utf-8") as f:
            out[k] = f.read()
    return out


def tsv_lines(tsv):
    """Tesseract's text lines from its TSV, in document order, keeping only lines with at
    least one non-empty word (the lines that txt, hOCR `ocr_line` and ALTO `TextLine`
    also print). Returns [(text, [x0, y0, x1, y1])]; words joined with one space."""
    rows = list(csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    order, words, boxes = [], {}, {}
    for r in rows[1:]:
        if len(r) < 12:
            continue
        lvl = int(r[0])
        key = tuple(r[1:5])
        if lvl == 4:
            order.append(key)
            words[key] = []
            x, y, w, h = map(int, r[6:10])
            boxes[key] = [x, y, x + w, y + h]
        elif lvl == 5 and key in words and r[11].strip():
            words[key].append(r[11].strip())
    return [(" ".join(words[k]), boxes[k]) for k in order if words[k]]


def txt_lines(txt):
    """The non-empty lines of Tesseract's txt output: [(1-based line number, text)]."""
    return [(i, ln) for i, ln in enumerate(txt.split("\n"), start=1) if ln.strip()]


_rapid = None

# onnxruntime threads for the harness: one process, pages one at a time, 2 intra-op threads
# (the machine's 2 cores); inter-op left at onnxruntime's default.
HARNESS_THREADS = {"EngineConfig.onnxruntime.intra_op_num_threads": 2}


def rapidocr_engine():
    global _rapid
    if _rapid is None:
        _rapid = rapidocr_worker.engine(HARNESS_THREADS)
    return _rapid


def rapidocr_options_key():
    """The cache key of rapidocr_worker.OPTIONS: the first 8 hex digits of the SHA-1 of
    the options as JSON with sorted keys (thread counts and log level, which do not change
    the output, are not in it)."""
    text = json.dumps(rapidocr_worker.OPTIONS, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def rapidocr_cache_dir():
    """CACHE/rapidocr-<options key>: RapidOCR outputs made with the current OPTIONS."""
    return os.path.join(CACHE, "rapidocr-" + rapidocr_options_key())


def rapidocr_cached(sha):
    """True when the output for the image with SHA-1 `sha` is cached with the current OPTIONS."""
    return os.path.exists(os.path.join(rapidocr_cache_dir(), sha + ".json"))


def rapidocr(png, sha):
    """Run RapidOCR on one image (or read the cache). Returns a PaddleOCR page JSON object:
    {"ocr_results": [{"text", "box": [[x, y] x 4 clockwise from top-left], "score"}],
     "dimensions": {"height", "width"}} in the engine's order."""
    d = rapidocr_cache_dir()
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, sha + ".json")
    if not os.path.exists(path):
        page = rapidocr_worker.page(rapidocr_engine(), png)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(page, f, ensure_ascii=False)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rapidocr_versions():
    import importlib.metadata as md
    import rapidocr as r
    mdir = os.path.join(os.path.dirname(r.__file__), "models")
    models = {}
    for n in sorted(os.listdir(mdir)):
        if n.endswith(".onnx"):
            with open(os.path.join(mdir, n), "rb") as f:
                models[n] = hashlib.sha1(f.read()).hexdigest()
    return {"rapidocr": md.version("rapidocr"), "onnxruntime": md.version("onnxruntime"),
            "models": models}
