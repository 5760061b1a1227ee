#!/usr/bin/env python3
"""Wall time of ``Pipeline.process_many`` against ``banmian --input-jsonl --jsonl -j N``.

The same pages both ways: every page under FOLDER (UTF-8 text) repeated ``--copies``
times, as ``{"id", "text"}`` records. The command line reads them from a file in the
page cache and writes to /dev/null; ``process_many`` gets them from a list in memory
and returns a list (dicts, and ``as_json=True`` strings). Rounds alternate the ways
so that a change in the machine's load touches all; the median of the rounds is
reported, with the ratio to the command line.

    python python/bench/vs_cli.py corpus --bin target/release/banmian --copies 100 --threads 1 2
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import banmian


def cpu_seconds() -> float:
    """User and system CPU seconds of this process (all its threads) and its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--bin", type=Path, required=True)
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    pages = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    records = []
    for i in range(args.copies):
        for p in pages:
            try:
                records.append({"id": f"{i}/{p.relative_to(args.folder).as_posix()}", "text": p.read_text("utf-8")})
            except UnicodeDecodeError:
                pass
    size = sum(len(r["text"].encode()) for r in records)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        jsonl = Path(f.name)
    pipeline = banmian.Pipeline()
    print(f"{len(records)} pages, {size / 1e6:.1f} MB of text, {args.rounds} rounds, median wall time")

    def cli(n):
        with open(jsonl, "rb") as stdin:
            subprocess.run([str(args.bin), "--input-jsonl", "--jsonl", "-j", str(n), "--quiet"], stdin=stdin, stdout=subprocess.DEVNULL, check=True)

    # the same output both ways
    with open(jsonl, "rb") as stdin:
        out = subprocess.run([str(args.bin), "--input-jsonl", "--jsonl", "-j", "2", "--quiet"], stdin=stdin, capture_output=True, check=True).stdout
    assert out.decode().splitlines() == pipeline.process_many(records, threads=2, as_json=True)

    cpu_rows = []
    print("| threads | `banmian --input-jsonl --jsonl` | `process_many` (dicts) | ratio | `process_many(as_json=True)` | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.threads:
        ways = {
            "cli": lambda: cli(n),
            "dicts": lambda: pipeline.process_many(records, threads=n),
            "json": lambda: pipeline.process_many(records, threads=n, as_json=True),
        }
        times = {k: [] for k in ways}
        cpu = {k: [] for k in ways}
        for _ in range(args.rounds):
            for k, f in ways.items():
                c0 = cpu_seconds()
                start = time.perf_counter()
                f()
                times[k].append(time.perf_counter() - start)
                cpu[k].append(cpu_seconds() - c0)
        m = {k: statistics.median(v) for k, v in times.items()}
        c = {k: statistics.median(v) for k, v in cpu.items()}
        print(f"| {n} | {m['cli']:.2f} s ({size / m['cli'] / 1e6:.1f} MB/s) | {m['dicts']:.2f} s | {m['dicts'] / m['cli']:.2f}× | {m['json']:.2f} s | {m['json'] / m['cli']:.2f}× |")
        cpu_rows.append(f"| {n} | {c['cli']:.2f} s | {c['dicts']:.2f} s | {c['dicts'] / c['cli']:.2f}× | {c['json']:.2f} s | {c['json'] / c['cli']:.2f}× |")
    print("\nCPU time (user + system, all threads; less touched by other load):\n")
    print("| threads | CLI | dicts | ratio | as_json | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(cpu_rows))
    jsonl.unlink()


if __name__ == "__main__":
    main()
