"""Spark (local[2], 4 partitions): rdd.pipe over the binary and mapPartitions with the
package give, sorted, byte for byte the command line's output."""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, STRICT, corpus_pages, run_cli

if STRICT:
    import pyspark  # noqa: F401  (in CI, a missing PySpark fails)
else:
    pytest.importorskip("pyspark", reason="PySpark is not installed (.ci/run installs it)")
sys.path.insert(0, str(ROOT / "python" / "spark"))
import spark_pages  # noqa: E402


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """corpus/ in a tree: the pages, a sub-folder, a GB18030 page, a file that is no page."""
    root = tmp_path_factory.mktemp("pages")
    for p in corpus_pages():
        shutil.copy(p, root / p.name)
    (root / "2021" / "01").mkdir(parents=True)
    shutil.copy(CORPUS / "04_jumps.md", root / "2021" / "01" / "A1.md")
    (root / "2021" / "gbk.txt").write_bytes((CORPUS / "05_bylines.md").read_text("utf-8").encode("gb18030"))
    (root / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return root


def test_spark_modes_are_the_cli_byte_for_byte(pages, binary):
    lines, skipped = spark_pages.jsonl_records(pages)
    assert skipped == ["2021/gbk.txt"]
    stream = run_cli(binary, ["--input-jsonl", "--jsonl", "-j", "2", "--quiet"], "".join(l + "\n" for l in lines).encode())
    cli_stream = sorted(stream.decode().splitlines())
    cli_folder = sorted(run_cli(binary, [str(pages), "--jsonl", "--quiet"]).decode().splitlines())
    assert len(cli_stream) == len(corpus_pages()) + 1
    assert len(cli_folder) == len(cli_stream) + 1

    start = time.monotonic()
    out = spark_pages.run_spark(pages, spark_pages.MODES, binary, "local[2]", 4, {"punct": "normalize", "convert": None})
    seconds = time.monotonic() - start
    print(f"Spark, three modes on {len(cli_folder)} pages, JVM start included: {seconds:.1f} s")

    for mode in spark_pages.MODES:
        assert int(out[mode + ":partitions"][0]) >= 4, mode
    assert out["pipe"] == cli_stream
    assert out["partitions"] == cli_stream
    assert out["files"] == cli_folder
    sources = [json.loads(line)["source"] for line in out["files"]]
    assert "2021/01/A1.md" in sources and "2021/gbk.txt" in sources
    assert seconds < 180


def test_the_script_writes_sorted_jsonl(pages, binary, tmp_path):
    status = spark_pages.main([str(pages), "--bin", str(binary), "--out", str(tmp_path), "--mode", "pipe", "--partitions", "5"])
    assert status == 0
    written = (tmp_path / "pipe.jsonl").read_text("utf-8").splitlines()
    assert written == sorted(written) and len(written) == len(corpus_pages()) + 1
