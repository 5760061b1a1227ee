"""Fixtures: the repository's corpus, the banmian binary, its outputs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
# .ci/run sets BANMIAN_STRICT=1: what would be skipped for want of a tool fails instead.
STRICT = os.environ.get("BANMIAN_STRICT") == "1"


@pytest.fixture(scope="session")
def binary() -> Path:
    """The banmian binary: $BANMIAN_BIN (must exist when set), else target/release/banmian."""
    env = os.environ.get("BANMIAN_BIN")
    if env:
        path = Path(env)
        assert path.is_file(), f"BANMIAN_BIN={env} does not exist"
        return path.resolve()
    path = ROOT / "target" / "release" / "banmian"
    if not path.is_file():
        assert not STRICT, "BANMIAN_STRICT=1: no banmian binary"
        pytest.skip("no banmian binary: run `cargo build --release` or set BANMIAN_BIN")
    return path


def run_cli(binary: Path, args: list[str], stdin: bytes | None = None) -> bytes:
    """The binary's stdout; a non-zero exit fails the test."""
    done = subprocess.run([str(binary), *args], input=stdin, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def corpus_pages() -> list[Path]:
    pages = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
    assert len(pages) >= 10, "corpus/ has its pages"
    return pages
