"""The GIL is released while Rust works: another Python thread keeps counting."""

from __future__ import annotations

import threading
import time

import banmian
from conftest import corpus_pages


def counting_during(call):
    """Runs ``call`` while a thread counts; returns how far it counted during the call, and the call's seconds."""
    count = 0
    stop = threading.Event()

    def counter():
        nonlocal count
        while not stop.is_set():
            count += 1

    t = threading.Thread(target=counter)
    t.start()
    time.sleep(0.05)  # the counter is running
    before = count
    start = time.perf_counter()
    call()
    seconds = time.perf_counter() - start
    during = count - before
    stop.set()
    t.join()
    return during, seconds


def test_the_counter_keeps_counting_while_a_20_mb_page_is_processed():
    page = corpus_pages()[0].read_text("utf-8")
    text = page * (20 * 1024 * 1024 // len(page.encode()) + 1)
    assert len(text.encode()) >= 20 * 1024 * 1024
    p = banmian.Pipeline()
    result = {}
    during, seconds = counting_during(lambda: result.setdefault("page", p.process(text, source="big.md", as_json=True)))
    assert result["page"].startswith('{"schema":"banmian.page/1","source":"big.md"')
    # A thread holding the GIL would let the counter run only at its switch points
    # (none inside a C call); released, the counter runs the whole call: at least
    # tens of thousands of increments per second on any machine.
    assert seconds > 0.2, seconds
    assert during > 10_000 * seconds, (during, seconds)


def test_the_counter_keeps_counting_during_process_many():
    texts = [p.read_text("utf-8") for p in corpus_pages()] * 40
    pipeline = banmian.Pipeline()
    during, seconds = counting_during(lambda: pipeline.process_many(texts, threads=2, as_json=True))
    assert during > 10_000 * seconds * 0.5, (during, seconds)
