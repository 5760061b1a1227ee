"""The GIL is released while Rust works: another Python thread keeps counting."""

from __future__ import annotations

import threading
import time

import banmian
from conftest import corpus_pages


def counting_during(call):
    """Runs ``call`` while another thread counts, noting the time at every 1,000th
    count. Returns the call's start and end, and the times the counter noted."""
    stamps: list[float] = []
    stop = threading.Event()

    def counter():
        count = 0
        while not stop.is_set():
            count += 1
            if count % 1000 == 0:
                stamps.append(time.perf_counter())

    t = threading.Thread(target=counter)
    t.start()
    time.sleep(0.05)  # the counter is running
    start = time.perf_counter()
    call()
    end = time.perf_counter()
    stop.set()
    t.join()
    return start, end, stamps


def assert_counted_throughout(start, end, stamps, parts=4):
    """The counter ran in every part of the middle 80% of the call. A call that held
    the GIL would let it run only before and after (and at the interpreter's switch
    points, none of which fall inside a C call)."""
    span = end - start
    lo, hi = start + 0.1 * span, end - 0.1 * span
    width = (hi - lo) / parts
    counts = [sum(lo + i * width <= s < lo + (i + 1) * width for s in stamps) for i in range(parts)]
    assert all(c > 0 for c in counts), (counts, span)


def test_the_counter_keeps_counting_while_a_20_mb_page_is_processed():
    page = corpus_pages()[0].read_text("utf-8")
    text = page * (20 * 1024 * 1024 // len(page.encode()) + 1)
    assert len(text.encode()) >= 20 * 1024 * 1024
    p = banmian.Pipeline()
    result = {}
    start, end, stamps = counting_during(lambda: result.setdefault("page", p.process(text, source="big.md", as_json=True)))
    assert result["page"].startswith('{"schema":"banmian.page/1","source":"big.md"')
    assert end - start > 0.2
    assert_counted_throughout(start, end, stamps)


def test_the_counter_keeps_counting_during_process_many():
    pages = [p.read_text("utf-8") for p in corpus_pages()]
    pipeline = banmian.Pipeline()
    # Enough copies of the corpus for the call to last long enough to be seen (a faster
    # pipeline or machine needs more): doubled until it takes over 0.2 s.
    copies = 100
    while True:
        texts = pages * copies
        start, end, stamps = counting_during(lambda: pipeline.process_many(texts, threads=2, as_json=True))
        if end - start > 0.2 or copies >= 12_800:
            break
        copies *= 2
    assert end - start > 0.2, (copies, end - start)
    assert_counted_throughout(start, end, stamps)


def test_the_check_fails_for_a_call_that_holds_the_gil():
    # list.sort of ints runs in C without releasing the GIL: the counter stops.
    import random

    data = [random.random() for _ in range(4_000_000)]
    start, end, stamps = counting_during(lambda: sorted(data))
    assert end - start > 0.2, "sorting took long enough to be seen"
    try:
        assert_counted_throughout(start, end, stamps)
    except AssertionError:
        return
    raise AssertionError("the counter ran while a call held the GIL")
