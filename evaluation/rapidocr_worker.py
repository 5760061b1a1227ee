"""RapidOCR worker for `banmian DIR -o OUT --ocr rapidocr` (src/ocr/mod.rs runs it).

One long-lived process per banmian worker thread. `--version` prints the engine's
versions and exits (1 with the reason on stderr when RapidOCR cannot be imported).
Without arguments it reads one image path per stdin line, as a JSON string, and writes
one JSON line per image to stdout: the PaddleOCR page object banmian reads
(`{"ocr_results": [{"text", "box": [[x, y] x 4 clockwise from top-left], "score"}],
"dimensions": {"height", "width"}}`, in the engine's order, boxes rounded to 0.1 px,
scores to 4 places: the shape evaluation/ocr.py writes), or `{"error": "..."}`.
onnxruntime runs with one thread (intra-op and inter-op). Requirements: requirements.txt
beside this file (rapidocr 3.10.0 ships its PP-OCR ONNX models in the wheel).
"""
import json
import sys


def versions():
    import importlib.metadata as md
    return f"rapidocr {md.version('rapidocr')}, onnxruntime {md.version('onnxruntime')}"


def engine():
    from rapidocr import RapidOCR
    return RapidOCR(params={"Global.log_level": "warning",
                            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                            "EngineConfig.onnxruntime.inter_op_num_threads": 1})


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
