"""banmian (版面): the OCR output of Chinese newspaper pages to structured articles.

    >>> import banmian
    >>> p = banmian.Pipeline()
    >>> page = p.process("## 会议举行\\n\\n本报讯(记者 尹明)12日,会议举行。\\n", source="01.txt")
    >>> page["articles"][0]["byline"]
    '本报讯（记者 尹明）'

A page is the page object of banmian's JSON contract (schema ``banmian.page/1``), as
a dict, or with ``as_json=True`` as the one-line JSON string ``banmian --jsonl``
writes. Errors derive from :class:`BanmianError` (a ``ValueError``) and carry the
position: ``source``, ``line``, ``byte``.
"""

from ._banmian import (
    DEFAULT_MAX_PAGE_BYTES,
    DEFAULT_MAX_PAGE_LINES,
    BanmianError,
    BoxPageError,
    ConvertError,
    DecodeError,
    Pipeline,
    TooLarge,
    TooManyLines,
    __version__,
)

__all__ = [
    "DEFAULT_MAX_PAGE_BYTES",
    "DEFAULT_MAX_PAGE_LINES",
    "BanmianError",
    "BoxPageError",
    "ConvertError",
    "DecodeError",
    "Pipeline",
    "TooLarge",
    "TooManyLines",
    "__version__",
]
