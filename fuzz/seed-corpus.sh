#!/usr/bin/env bash
# Builds the fuzz seed corpora from the hand-written pages in ../corpus:
#   corpus/process/  each page as it is, and as UTF-16LE with a BOM;
#   corpus/jsonl/    each page as one {"id","text"} line, and all pages as one stream.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/process corpus/jsonl
python3 - <<'PY'
import json, pathlib
pages = sorted(p for p in pathlib.Path("../corpus").iterdir() if p.suffix in (".md", ".txt"))
stream = []
for p in pages:
    text = p.read_text(encoding="utf-8")
    pathlib.Path("corpus/process", p.name).write_text(text, encoding="utf-8")
    pathlib.Path("corpus/process", p.stem + ".utf16").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    line = json.dumps({"id": p.stem, "text": text}, ensure_ascii=False) + "\n"
    pathlib.Path("corpus/jsonl", p.stem + ".jsonl").write_text(line, encoding="utf-8")
    stream.append(line)
pathlib.Path("corpus/jsonl", "all.jsonl").write_text("".join(stream), encoding="utf-8")
PY
ls corpus/process corpus/jsonl | wc -l
