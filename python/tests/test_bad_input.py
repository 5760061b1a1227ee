"""Bad input from Python: an exception with a clear message and its position, never a crash."""

from __future__ import annotations

import pytest

import banmian
from conftest import corpus_pages


@pytest.fixture(scope="module")
def p():
    return banmian.Pipeline()


def test_bytes_that_are_no_page(p):
    # A damaged PNG header (not an image any more): bytes that are no text.
    noise = b"\x89PNX\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(banmian.DecodeError, match="not UTF-8, UTF-16, GB18030 or Big5") as e:
        p.process_bytes(noise, source="noise.bin")
    assert e.value.source == "noise.bin"
    assert str(e.value).startswith(f"noise.bin, byte {e.value.byte}: ")
    assert isinstance(e.value.byte, int) and e.value.offset is None


def test_an_image_is_refused_as_an_image(p):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    with pytest.raises(banmian.BanmianError, match="scan.png: not a page banmian reads: looks like a PNG image: run OCR") as e:
        p.process_bytes(png, source="scan.png")
    assert not isinstance(e.value, banmian.DecodeError)
    assert e.value.source == "scan.png"


def test_bytes_cut_in_a_character_name_the_byte(p):
    # valid UTF-8 then a lone continuation byte in a long Chinese text
    text = corpus_pages()[0].read_bytes()
    valid = len(text[:300].decode("utf-8", errors="ignore").encode())
    with pytest.raises(banmian.DecodeError, match=f"^cut.md, byte {valid}: the bytes are not UTF-8, UTF-16, GB18030 or Big5 text$") as e:
        p.process_bytes(text[:300] + b"\xff\xfe\xfd\x00\x01" * 200, source="cut.md")
    assert (e.value.source, e.value.byte, e.value.line) == ("cut.md", valid, None)


def test_none_and_wrong_types(p):
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        p.process(None)
    with pytest.raises(TypeError, match="bytes go to process_bytes"):
        p.process(b"abc")
    with pytest.raises(TypeError, match="data must be bytes or bytearray, not NoneType"):
        p.process_bytes(None)
    with pytest.raises(TypeError, match="data must be bytes or bytearray, not str"):
        p.process_bytes("abc")
    with pytest.raises(TypeError, match="page 1: expected str, bytes"):
        p.process_many(["a", None])
    with pytest.raises(TypeError, match="not iterable"):
        p.process_many(None)


def test_lone_surrogate_names_the_offset(p):
    text = "本报讯" + "\ud83d" + "尾"
    with pytest.raises(banmian.DecodeError, match=r"lone surrogate U\+D83D at offset 3 \(byte 9 of its UTF-8\)") as e:
        p.process(text, source="s.txt")
    assert (e.value.offset, e.value.byte, e.value.source) == (3, 9, "s.txt")
    with pytest.raises(banmian.DecodeError, match="offset 0"):
        p.process("\udc80")


def test_a_100_mb_string_is_too_large_unless_the_limit_is_raised(p):
    big = "测" * (35 * 1024 * 1024)  # 105 MB of UTF-8
    with pytest.raises(banmian.TooLarge, match="over the limit of 67108864 bytes") as e:
        p.process(big, source="big.txt")
    assert (e.value.size, e.value.limit, e.value.source) == (len(big.encode()), 64 * 1024 * 1024, "big.txt")
    with pytest.raises(banmian.TooLarge):
        p.process_bytes(big.encode())
    del big
    small = banmian.Pipeline(max_page_bytes=100)
    with pytest.raises(banmian.TooLarge):
        small.process("x" * 101)
    assert banmian.Pipeline(max_page_bytes=1000).process("x" * 101)["source"] == "-"


def test_too_many_lines(p):
    with pytest.raises(banmian.TooManyLines, match="page has 5 lines, over the limit of 3") as e:
        banmian.Pipeline(max_page_lines=3).process("a\nb\nc\nd\ne\n")
    assert (e.value.lines, e.value.limit) == (5, 3)


def test_box_pages(p):
    with pytest.raises(banmian.BoxPageError, match="not a PaddleOCR page"):
        banmian.Pipeline(input_format="paddleocr").process_bytes(b"just text")
    page = b'{"ocr_results": [{"text": "\xe4\xb8\xad", "box": [1, 2]}]}'
    with pytest.raises(banmian.BoxPageError):
        p.process_bytes(page)


def test_bad_options():
    with pytest.raises(banmian.ConvertError, match='unknown configuration "zz"'):
        banmian.Pipeline(convert="zz")
    with pytest.raises(ValueError, match='punct must be "normalize" or "keep"'):
        banmian.Pipeline(punct="wide")
    with pytest.raises(ValueError, match='lookalikes must be "keep" or "repair"'):
        banmian.Pipeline(lookalikes="fix")
    with pytest.raises(ValueError, match="input_format must be one of auto, text, paddleocr, mineru"):
        banmian.Pipeline(input_format="pdf")
    for name in ["mineru", "ppstructure", "umi", "surya", "dots", "tesseract", "hocr", "alto", "page"]:
        assert f'input_format="{name}"' in repr(banmian.Pipeline(input_format=name))
    with pytest.raises(banmian.BanmianError, match="hOCR"):
        banmian.Pipeline(input_format="hocr").process_bytes(b"just text")
    with pytest.raises(OverflowError):
        banmian.Pipeline(max_page_bytes=-1)
    with pytest.raises(ValueError, match="threads must be at least 1"):
        banmian.Pipeline().process_many(["a"], threads=0)
    with pytest.raises(ValueError, match="errors must be"):
        banmian.Pipeline().process_many(["a"], errors="ignore")


def test_process_many_errors_raise_or_return(p):
    good = corpus_pages()[0].read_text("utf-8")
    items = [good, "x\ud800", b"\x89PNG\x00\x00" + bytes(range(128)), ("big", "y" * 200), good]
    small = banmian.Pipeline(max_page_bytes=150)
    with pytest.raises(banmian.DecodeError, match="^1: the str has a lone surrogate"):
        p.process_many(items)
    out = small.process_many(items, errors="return", as_json=True)
    assert len(out) == 5
    assert isinstance(out[0], banmian.TooLarge) and out[0].source == "0"
    assert isinstance(out[1], banmian.DecodeError) and out[1].offset == 1
    assert isinstance(out[2], banmian.DecodeError) and out[2].source == "2"
    assert isinstance(out[3], banmian.TooLarge) and out[3].source == "big" and out[3].size == 200
    assert isinstance(out[4], banmian.TooLarge)
    # the first error in input order, whether Rust or the str's reading found it
    with pytest.raises(banmian.TooLarge, match="^0: page is"):
        small.process_many(items)
    # over several rounds (64 pages a thread each), errors keep their places
    many = [good] * 100 + ["z\udfff"] + [good] * 100 + [b"\x00\x01\x02" * 50]
    out = p.process_many(many, threads=1, errors="return", as_json=True)
    assert [i for i, o in enumerate(out) if not isinstance(o, str)] == [100, 201]
    assert out[100].source == "100" and out[201].source == "201"
    with pytest.raises(banmian.DecodeError, match="^100: "):
        p.process_many(many, threads=1)
    out = p.process_many(items, errors="return")
    assert [type(o).__name__ for o in out] == ["dict", "DecodeError", "DecodeError", "dict", "dict"]
    assert out[0] == out[4] | {"source": "0"}
