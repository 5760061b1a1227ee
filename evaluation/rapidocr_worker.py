"""RapidOCR worker for `banmian DIR -o OUT --ocr rapidocr` (src/ocr/mod.rs runs it).

One long-lived process per banmian worker thread. `--version` prints the engine's
versions and exits (1 with the reason on stderr when RapidOCR cannot be imported).
Without arguments it reads one image path per stdin line, as a JSON string, and writes
one JSON line per image to stdout: the PaddleOCR page object banmian reads
(`{"ocr_results": [{"text", "box": [[x, y] x 4 clockwise from top-left], "score"}],
"dimensions": {"height", "width"}}`, in the engine's order, boxes rounded to 0.1 px,
scores to 4 places: the shape evaluation/ocr.py writes), or `{"error": "..."}`.
`--version` names the options too (`OPTIONS`, below): banmian records that line in
`OUT/.banmian/run.json`, so `--resume` redoes pages read with other options.
onnxruntime runs with one thread (intra-op and inter-op). Requirements: requirements.txt
beside this file (rapidocr 3.10.0 ships its PP-OCR ONNX models in the wheel).
"""
import json
import sys


# The RapidOCR options that decide its output, shared by banmian's scan path (this worker)
# and the evaluation harness (evaluation/ocr.py imports this module): both read pages the
# same way. Every other option is RapidOCR 3.10.0's default (max_side_len 2000,
# text_score 0.5, ...).
#
# `Global.use_cls: False`: no text-line angle classifier (ch_ppocr_mobile_v2.0_cls, 0/180).
# A vertical (直排) column's crop is turned 90 degrees for recognition, and on many such
# crops the classifier answers "180" with a score of 0.95-0.999 (above `Cls.cls_thresh`
# 0.9): the crop is read upside down, and the whole column comes back as 2-4 wrong
# characters or is dropped by `text_score`. Measured on the committed set's 10 vertical
# pages (54 articles; 2026-12-01, evaluation/README.md "Install"): the articles with >= 90%
# of their body characters in the OCR text went from 39 (72.2%) to 54 (100%), the gold
# characters found from 88.7% to 97.9%, in the same time. It flipped a few horizontal lines
# too (4 of the 24 horizontal pages read better without it: RapidOCR articles with body
# similarity >= 0.9 after banmian went from 94.6% to 98.9%); the two committed scans read
# the same. The classifier only helps lines printed upside down; the newspaper scans
# banmian reads are upright.
OPTIONS = {"Global.use_cls": False}

# onnxruntime threads for banmian's scan path: one process per banmian worker thread, so
# one thread each (intra-op and inter-op).
WORKER_THREADS = {"EngineConfig.onnxruntime.intra_op_num_threads": 1,
                  "EngineConfig.onnxruntime.inter_op_num_threads": 1}


def describe_options():
    """OPTIONS as a short text, `Global.use_cls=False` (names sorted, joined by `, `)."""
    return ", ".join(f"{k}={v}" for k, v in sorted(OPTIONS.items()))


def versions():
    import importlib.metadata as md
    return (f"rapidocr {md.version('rapidocr')}, onnxruntime {md.version('onnxruntime')}, "
            f"{describe_options()}")


def engine(threads=None):
    """A RapidOCR engine with OPTIONS and the onnxruntime thread settings `threads` (a dict
    of RapidOCR params; default WORKER_THREADS), logging warnings only."""
    from rapidocr import RapidOCR
    params = {"Global.log_level": "warning"}
    params.update(WORKER_THREADS if threads is None else threads)
    params.update(OPTIONS)
    return RapidOCR(params=params)


def page(ocr, path):
    from PIL import Image
    with Image.open(path) as im:
        width, height = im.width, im.height
    r = ocr(path)
    res = []
    if r.boxes is not None:
        for b, t, s in zip(r.boxes.tolist(), r.txts, r.scores):
            res.append({"text": t, "box": [[round(x, 1), round(y, 1)] for x, y in b],
                        "score": round(float(s), 4)})
    return {"ocr_results": res, "dimensions": {"height": height, "width": width}}


def main():
    try:
        if "--version" in sys.argv[1:]:
            print(versions())
            return 0
        ocr = engine()
    except ImportError as e:
        print(f"cannot import RapidOCR: {e}", file=sys.stderr)
        return 1
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            out = page(ocr, json.loads(line))
        except Exception as e:  # one bad image never stops the worker
            out = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
