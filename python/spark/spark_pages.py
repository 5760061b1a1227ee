#!/usr/bin/env python3
"""Runs banmian over a folder of pages on Spark (PySpark, local mode by default).

Three ways, each writing one page object per line (the contract's `banmian.page/1`,
as `banmian --jsonl` writes it), sorted, to OUT/<mode>.jsonl:

- ``pipe``: ``rdd.pipe`` over the banmian binary, ``--input-jsonl --jsonl -j 1``:
  each partition's ``{"id", "text"}`` lines go through one banmian process. Needs
  only the binary on the executors (pages must be UTF-8 text).
- ``partitions``: ``mapPartitions`` with one ``banmian.Pipeline`` per partition
  (the Python package; no subprocess), the same ``{"id", "text"}`` records.
- ``files``: ``binaryFiles`` reads the pages on the executors and ``mapPartitions``
  hands their bytes to ``Pipeline.process_many`` (decoded as ``banmian DIR`` does:
  UTF-8, UTF-16, GB18030, Big5, PaddleOCR JSON).

``source`` is the page's path relative to the folder in every mode, so the outputs
compare byte for byte with ``banmian --input-jsonl --jsonl`` (pipe, partitions) and
``banmian DIR --jsonl`` (files).

    python python/spark/spark_pages.py corpus --bin target/release/banmian --out /tmp/spark-out

Exit status 0 when every page was processed; 1 when some page gave an error line
(they are in the output, ``"schema": "banmian.error/1"``).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from pathlib import Path

PAGE_SUFFIXES = {".txt", ".md", ".markdown", ".json"}
MODES = ("pipe", "partitions", "files")


def page_files(root: Path) -> list[Path]:
    """The pages under ``root``: files with a page suffix, sorted, hidden ones left out."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def jsonl_records(root: Path) -> tuple[list[str], list[str]]:
    """``{"id", "text"}`` lines for ``--input-jsonl``, and the pages that are not UTF-8 (left out)."""
    lines, skipped = [], []
    for p in page_files(root):
        rel = p.relative_to(root).as_posix()
        try:
            text = p.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            skipped.append(rel)
            continue
        lines.append(json.dumps({"id": rel, "text": text}, ensure_ascii=False))
    return lines, skipped


def _pipeline_partition(options: dict):
    """A mapPartitions function: one Pipeline per partition, pages as JSON lines."""

    def run(records):
        import banmian

        pipeline = banmian.Pipeline(**options)
        items = (json.loads(r) if isinstance(r, str) else r for r in records)
        for out in pipeline.process_many(items, threads=1, as_json=True, errors="return"):
            if isinstance(out, str):
                yield out
            else:
                yield json.dumps(
                    {"schema": "banmian.error/1", "source": out.source, "line": out.line, "error": str(out)},
                    ensure_ascii=False,
                )

    return run


def _relative(root: str):
    """A mapPartitions function: binaryFiles' (URI, bytes) pairs to {"id", "bytes"} with the path relative to ``root``."""

    def run(pairs):
        from urllib.parse import unquote, urlparse

        for uri, data in pairs:
            path = unquote(urlparse(uri).path)
            yield {"id": Path(os.path.relpath(path, root)).as_posix(), "bytes": bytes(data)}

    return run


def run_spark(root: Path, modes, binary: Path | None, master: str, partitions: int, options: dict) -> dict[str, list[str]]:
    """Runs the modes on a local Spark; returns each mode's output lines, sorted."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster(master)
        .setAppName("banmian")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        # binaryFiles walks sub-folders too (it leaves out names starting with . or _)
        .set("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    try:
        out: dict[str, list[str]] = {}
        lines, _ = jsonl_records(root)
        for mode in modes:
            if mode == "pipe":
                if binary is None:
                    raise SystemExit("--bin is needed for the pipe mode")
                command = f"{shlex.quote(str(binary))} --input-jsonl --jsonl -j 1 --quiet"
                rdd = sc.parallelize(lines, partitions).pipe(command, checkCode=False)
            elif mode == "partitions":
                rdd = sc.parallelize(lines, partitions).mapPartitions(_pipeline_partition(options))
            else:
                files = sc.binaryFiles(str(root.resolve()), minPartitions=partitions)
                # binaryFiles reads every file: keep the pages, as the command line does.
                files = files.filter(lambda kv: os.path.splitext(kv[0])[1].lower() in PAGE_SUFFIXES)
                files = files.repartition(partitions) if files.getNumPartitions() < partitions else files
                rdd = files.mapPartitions(_relative(str(root.resolve()))).mapPartitions(_pipeline_partition(options))
            out[mode] = sorted(rdd.collect())
            out[mode + ":partitions"] = [str(rdd.getNumPartitions())]
        return out
    finally:
        sc.stop()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", type=Path, help="folder of pages (.txt, .md, .markdown, PaddleOCR .json)")
    ap.add_argument("--out", type=Path, required=True, help="folder for <mode>.jsonl")
    ap.add_argument("--bin", type=Path, help="the banmian binary (for --mode pipe)")
    ap.add_argument("--mode", choices=MODES + ("all",), default="all")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--punct", default="normalize")
    ap.add_argument("--convert", default=None)
    args = ap.parse_args(argv)
    modes = MODES if args.mode == "all" else (args.mode,)
    options = {"punct": args.punct, "convert": args.convert}
    if args.bin is not None and "pipe" in modes:
        args.bin = args.bin.resolve()
    _, skipped = jsonl_records(args.pages)
    for rel in skipped:
        print(f"{rel}: not UTF-8, left out of the pipe and partitions modes", file=sys.stderr)
    start = time.monotonic()
    out = run_spark(args.pages, modes, args.bin, args.master, args.partitions, options)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for mode in modes:
        lines = out[mode]
        (args.out / f"{mode}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        errors = sum('"schema":"banmian.error/1"' in line or '"schema": "banmian.error/1"' in line for line in lines)
        failed += errors
        print(f"{mode}: {len(lines)} pages, {errors} errors, {out[mode + ':partitions'][0]} partitions -> {args.out / (mode + '.jsonl')}")
    print(f"{time.monotonic() - start:.1f} s on {args.master}, Spark's start included")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
