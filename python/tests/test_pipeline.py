"""banmian.Pipeline against the command line: the same pages, byte for byte."""

from __future__ import annotations

import json

import pytest

import banmian
from conftest import CORPUS, corpus_pages, run_cli


def jsonl_input(pages) -> bytes:
    return "".join(json.dumps({"id": p.name, "text": p.read_text("utf-8")}, ensure_ascii=False) + "\n" for p in pages).encode()


def test_process_many_is_the_cli_byte_for_byte(binary):
    pages = corpus_pages()
    cli = run_cli(binary, ["--input-jsonl", "--jsonl", "-j", "2", "--quiet"], jsonl_input(pages)).decode().splitlines()
    p = banmian.Pipeline()
    items = [{"id": page.name, "text": page.read_text("utf-8")} for page in pages]
    got = p.process_many(items, threads=2, as_json=True)
    assert got == cli
    # one page at a time, text and bytes, give the same lines
    assert [p.process(page.read_text("utf-8"), source=page.name, as_json=True) for page in pages] == cli
    assert [p.process_bytes(page.read_bytes(), page.name, as_json=True) for page in pages] == cli


def test_dicts_are_the_json_read_back():
    p = banmian.Pipeline()
    page = corpus_pages()[0]
    d = p.process(page.read_text("utf-8"), source="a/b.md")
    assert d == json.loads(p.process(page.read_text("utf-8"), source="a/b.md", as_json=True))
    assert d["schema"] == "banmian.page/1"
    assert d["source"] == "a/b.md"
    assert list(d) == ["schema", "source", "page", "articles", "leftovers", "removed", "warnings"]
    a = d["articles"][0]
    assert a["kicker"] == "王兆力在市应对新冠肺炎疫情工作领导小组会议上强调"
    assert a["text"] == "\n".join(b["text"] for b in a["blocks"])


def test_dicts_without_orjson_are_the_same():
    """Without orjson the standard library's json.loads builds the dicts: the same objects."""
    import subprocess
    import sys

    page = corpus_pages()[0]
    code = (
        "import sys, json; sys.modules['orjson'] = None; import banmian; "
        "t = open(sys.argv[1], encoding='utf-8').read(); p = banmian.Pipeline(); "
        "print(json.dumps(p.process_many([t, t], threads=2), ensure_ascii=False))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(page)], check=True, capture_output=True, text=True).stdout
    p = banmian.Pipeline()
    t = page.read_text("utf-8")
    assert json.loads(out) == p.process_many([t, t], threads=2)
    assert json.loads(out) == [json.loads(line) for line in p.process_many([t, t], threads=2, as_json=True)]


def test_the_readme_example():
    page = banmian.Pipeline().process("## 市十五届人大常委会第三十六次会议举行\n\n本报讯(记者 尹明)12日,会议举行。\n", source="01.txt")
    a = page["articles"][0]
    assert a["byline"] == "本报讯（记者 尹明）"
    assert a["authors"][0]["name"] == "尹明"
    assert a["text"] == "12日，会议举行。"


def test_options_are_the_cli_options(binary):
    for name, option, args in [("12_traditional.md", {"convert": "t2s"}, ["--convert", "t2s"]), ("01_seed.md", {"punct": "keep"}, ["--punct", "keep"])]:
        page = CORPUS / name
        text = page.read_text("utf-8")
        cli = run_cli(binary, ["--input-jsonl", "--jsonl", "--quiet", *args], jsonl_input([page])).decode().rstrip("\n")
        assert banmian.Pipeline(**option).process(text, source=page.name, as_json=True) == cli
        assert banmian.Pipeline().process(text, source=page.name, as_json=True) != cli, option


def test_process_many_keeps_order_and_sources_whatever_the_threads():
    texts = [p.read_text("utf-8") for p in corpus_pages()] * 10  # rounds of 64 pages a thread
    p = banmian.Pipeline()
    one = p.process_many(texts, threads=1, as_json=True)
    two = p.process_many(iter(texts), threads=2, as_json=True)
    default = p.process_many(texts, as_json=True)
    assert one == two == default
    assert [json.loads(line)["source"] for line in one] == [str(i) for i in range(len(texts))]
    assert one[: len(texts) // 10] == [p.process(t, source=str(i), as_json=True) for i, t in enumerate(texts[: len(texts) // 10])]


def test_process_many_takes_pairs_dicts_bytes_and_generators():
    page = corpus_pages()[1]
    text, data = page.read_text("utf-8"), page.read_bytes()
    p = banmian.Pipeline()
    out = p.process_many(
        [("x.txt", text), ("y.txt", data), {"id": 7, "text": text}, {"id": "z", "bytes": bytearray(data)}, text],
        as_json=True,
    )
    want = p.process(text, source="S", as_json=True)
    assert [json.loads(o)["source"] for o in out] == ["x.txt", "y.txt", "7", "z", "4"]
    assert {o.replace(f'"source":{json.dumps(json.loads(o)["source"])}', '"source":"S"') for o in out} == {want}
    assert p.process_many(x for x in []) == []


def test_repr_and_module():
    p = banmian.Pipeline(convert="t2s", punct="keep", max_page_bytes=1000)
    assert repr(p) == 'banmian.Pipeline(convert="t2s", punct="keep", input_format="auto", max_page_bytes=1000, max_page_lines=2097152, lookalikes="keep")'
    assert banmian.DEFAULT_MAX_PAGE_BYTES == 64 * 1024 * 1024
    assert issubclass(banmian.TooLarge, banmian.BanmianError) and issubclass(banmian.BanmianError, ValueError)
    assert "max_page_bytes" in banmian.Pipeline.__doc__
    assert "banmian.TooLarge" in banmian.Pipeline.process.__doc__
    assert "input order" in banmian.Pipeline.process_many.__doc__


def test_process_many_leaves_the_garbage_collector_as_it_was():
    import gc

    p = banmian.Pipeline()
    texts = [p_.read_text("utf-8") for p_ in corpus_pages()]
    assert gc.isenabled()
    assert p.process_many(texts)[0]["schema"] == "banmian.page/1"
    assert gc.isenabled()
    gc.disable()
    try:
        p.process_many(texts)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        p.process_many(texts + [None])
    assert gc.isenabled()


def test_the_module_docstring_example():
    import doctest

    assert doctest.testmod(banmian, raise_on_error=True) == (0, 4)


def test_lookalikes_are_kept_unless_repair_is_asked_for():
    text = "## 市场昨夭开业\n\n本报讯 新市场己经开业。\n"
    kept = banmian.Pipeline().process(text)["articles"][0]
    assert kept["headline"] == "市场昨夭开业" and kept["warnings"] == []
    a = banmian.Pipeline(lookalikes="repair").process(text)["articles"][0]
    assert (a["headline"], a["blocks"][0]["text"]) == ("市场昨天开业", "新市场已经开业。")
    assert [w["message"] for w in a["warnings"] if w["kind"] == "lookalike"] == [
        "headline: printed 昨夭, repaired 昨天",
        "line 3: printed 己经, repaired 已经",
    ]
