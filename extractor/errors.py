"""Coded errors. Inside the pipeline we raise them; at the batch edge each becomes an error record.

Codes are stable strings: users filter error files by them, so never rename one.
"""

MESSAGES = {
    "E_EMPTY": "the input holds no text",
    "E_BINARY": "the input is binary, not text",
    "E_DECODE": "the bytes could not be decoded as text in any known encoding",
    "E_TOO_LARGE": "the input is larger than the size limit",
    "E_NOT_VIETNAMESE": "the text is not Vietnamese",
    "E_NO_BODY": "no article body could be found in the HTML page",
    "E_JSONL_LINE": "the JSON line is broken or has no text",
    "E_NOT_FOUND": "the input path does not exist",
    "E_READ": "the input could not be read",
    "E_ALIGN": "a segmenter token could not be aligned back to the text",
    "E_SCHEMA": "the record does not validate against the record schema",
    "E_INTERNAL": "an unexpected failure while extracting this article",
    "E_TIMEOUT": "the article took longer than its time budget",
    "E_ITEM_TYPE": "the Python API was given an item that is no text, bytes, dict with text, path or article",
}


class ExtractorError(Exception):
    """An error with a stable code and a human message."""

    def __init__(self, code: str, detail: str = ""):
        if code not in MESSAGES:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.message = MESSAGES[code] + (f": {detail}" if detail else "")
        super().__init__(f"{code}: {self.message}")

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


def internal_error(error: BaseException) -> ExtractorError:
    """Any unexpected exception as E_INTERNAL naming its class, so a bug costs one article, not a batch."""
    detail = str(error)
    detail = detail[:200] + "…" if len(detail) > 200 else detail
    name = type(error).__name__
    return ExtractorError("E_INTERNAL", f"{name}: {detail}" if detail else name)


def displayable(text: str) -> str:
    """A string that can always be written as UTF-8: lone surrogates (from undecodable file names or
    JSON escapes like "\\udfff") are written as backslash escapes instead."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape" if _escaped_bytes(text) else "backslashreplace") \
            .decode("utf-8", "backslashreplace")


def _escaped_bytes(text: str) -> bool:
    """True when every surrogate is one Python's surrogateescape made from an undecodable byte."""
    return all("\udc80" <= c <= "\udcff" for c in text if "\ud800" <= c <= "\udfff")
