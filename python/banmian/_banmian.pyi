"""Type stubs of banmian's extension module (written by hand; src/lib.rs is the source)."""

from typing import Any, Iterable, Literal, Mapping, Union, overload

__version__: str
DEFAULT_MAX_PAGE_BYTES: int
DEFAULT_MAX_PAGE_LINES: int

PageDict = dict[str, Any]
"""A page object of the contract (``banmian.page/1``): schema, source, page, articles, leftovers, removed, warnings."""

PageItem = Union[str, bytes, bytearray, tuple[object, Union[str, bytes, bytearray]], Mapping[str, Any]]
"""One page for ``process_many``: text, bytes, a (source, text | bytes) pair, or {"id", "text" | "bytes"}."""

class BanmianError(ValueError):
    """Base of banmian's errors. ``source`` names the page; ``line`` and ``byte`` locate the fault (None when unknown)."""

    source: str
    line: int | None
    byte: int | None

class DecodeError(BanmianError):
    """Bytes no encoding explains (``byte``: the first offending byte), or a str with a lone surrogate (``offset``: its index in the str; None for bytes)."""

    offset: int | None

class TooLarge(BanmianError):
    """A page over ``max_page_bytes``: ``size`` and ``limit`` in bytes."""

    size: int
    limit: int

class TooManyLines(BanmianError):
    """A page over ``max_page_lines``: ``lines`` and ``limit``."""

    lines: int
    limit: int

class BoxPageError(BanmianError):
    """Bytes read as PaddleOCR page JSON that are not such a page."""

class ConvertError(BanmianError):
    """An unknown or unavailable OpenCC configuration name."""

class Pipeline:
    """A pipeline built once with the command line's options; thread-safe, the GIL released while it works."""

    def __init__(
        self,
        convert: str | None = None,
        punct: Literal["normalize", "keep"] = "normalize",
        input_format: str = "auto",  # "auto", "text" or a name of --input-format
        max_page_bytes: int | None = None,
        max_page_lines: int | None = None,
        lookalikes: Literal["keep", "repair"] = "keep",
    ) -> None: ...
    @overload
    def process(self, text: str, source: str = "-", *, as_json: Literal[False] = False) -> PageDict: ...
    @overload
    def process(self, text: str, source: str = "-", *, as_json: Literal[True]) -> str: ...
    @overload
    def process_bytes(self, data: bytes | bytearray, source: str = "-", *, as_json: Literal[False] = False) -> PageDict: ...
    @overload
    def process_bytes(self, data: bytes | bytearray, source: str = "-", *, as_json: Literal[True]) -> str: ...
    @overload
    def process_many(
        self, pages: Iterable[PageItem], *, threads: int | None = None, as_json: Literal[False] = False, errors: Literal["raise"] = "raise"
    ) -> list[PageDict]: ...
    @overload
    def process_many(
        self, pages: Iterable[PageItem], *, threads: int | None = None, as_json: Literal[True], errors: Literal["raise"] = "raise"
    ) -> list[str]: ...
    @overload
    def process_many(
        self, pages: Iterable[PageItem], *, threads: int | None = None, as_json: bool = False, errors: Literal["return"]
    ) -> list[PageDict | str | BanmianError]: ...
