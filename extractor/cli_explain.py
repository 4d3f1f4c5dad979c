"""`extractor explain INPUT [--line N]`: one article's record for a person to check, on stdout.

With `--line`, only that line of a JSON Lines input is extracted (reading stops there), and a line that
gives nothing is said plainly: past the end, blank, or an input that is not JSON Lines at all.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator

from extractor.cli_args import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE


def explain(path: str, line: int | None, published: str | None, show_other: bool) -> int:
    """0 when every article shown was explained; 1 when one failed (its error on stderr) or none was
    read; 2 when `line` names no article of the input (why, on stderr)."""
    from extractor.api import extract_many
    from extractor.explain import explain_record
    from extractor.readers import read_inputs

    seen = {"last": 0, "not_jsonl": False}
    articles = read_inputs([path])
    if line is not None:
        articles = _at_line(articles, line, seen)
    shown = failed = 0
    for item in extract_many(articles, published=published):
        if "error" not in item:
            print(("\n" + "=" * 80 + "\n") * bool(shown) + explain_record(item, show_other))
            shown += 1
        else:
            print(f"{item['source']['path']}: {item['error']['code']}: {item['error']['message']}", file=sys.stderr)
            failed += 1
    if line is not None and not shown and not failed:
        print(f"extractor explain: {_no_article(path, line, seen)}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_SOME_FAILED if failed or not shown else EXIT_OK


def _at_line(articles: Iterable, line: int, seen: dict) -> Iterator:
    """The article (or failure) of JSON line `line`, and any failure of the whole input (not found,
    unreadable); `seen` keeps the last line number read and whether an article had no line."""
    from extractor.readers import Failure

    for article in articles:
        number = article.source.get("line")
        if number is None:
            if isinstance(article, Failure):
                yield article
            else:
                seen["not_jsonl"] = True
            continue
        seen["last"] = max(seen["last"], number)
        if number == line:
            yield article
            return              # the lines after it are not needed: a long feed is not read to its end


def _no_article(path: str, line: int, seen: dict) -> str:
    if seen["not_jsonl"]:
        return f"{path} is not JSON Lines; --line picks a line of a JSON Lines input"
    from extractor.progress import count_lines

    # A file is counted as it is (blank lines included); stdin was read to its end, so its last line is known.
    lines = count_lines(path, sys.maxsize) if path != "-" and Path(path).is_file() else None
    lines = seen["last"] if lines is None else lines
    if line > lines:
        return f"{path} has {lines} line(s); no line {line}"
    return f"line {line} of {path} is blank"
