"""What `evaluate` reads — a records file and a gold folder — read so that a malformed file or line is a
message naming it, never a traceback, and the rest is still scored.

JSON Lines are split on "\n" only: `str.splitlines` also splits on U+2028, U+0085 and others, which a
record's text may hold (the tool writes them as they are).
"""

from __future__ import annotations

import json
from pathlib import Path

_PARTS = ("entities", "persons", "documents", "facts")


def shape_problem(item, what: str) -> str | None:
    """Why a record or gold object cannot be scored at all (its parts' insides are checked by scoring)."""
    if not isinstance(item, dict):
        return f"not a JSON object but {type(item).__name__}"
    if what == "gold" and not isinstance(item.get("article"), str):
        return 'no "article" name'
    source = item.get("source")
    if what == "record" and not (isinstance(source, dict) and isinstance(source.get("path"), str)):
        return 'no "source" with a "path"'
    if not isinstance(item.get("meta"), dict):
        return 'no "meta" object'
    bad = [part for part in _PARTS if not isinstance(item.get(part), list)
           or not all(isinstance(x, dict) for x in item[part])]
    return f"not lists of objects: {', '.join(bad)}" if bad else None


def read_records(path: Path, key_of) -> tuple[list[dict], list[str]]:
    """(the records, one per article key, first wins; the problems, one line each)."""
    records, problems, seen = [], [], set()
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as error:
        return [], [f"{path}: cannot be read ({error.strerror or error})"]
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as error:
            problems.append(f"{path}:{number}: not JSON ({type(error).__name__}: {str(error)[:80]})")
            continue
        if isinstance(item, dict) and "error" in item and "text" not in item:
            continue    # an error record: no article to score
        problem = shape_problem(item, "record")
        if problem:
            problems.append(f"{path}:{number}: not a record ({problem})")
            continue
        key = key_of(item)
        if key in seen:
            problems.append(f"{path}:{number}: a second record of {key}, not counted")
            continue
        seen.add(key)
        records.append(item)
    return records, problems


def read_gold(folder: Path, problems: list[str] | None = None) -> dict[str, dict]:
    """Gold per article name; a malformed or duplicated file is a problem, and left out."""
    golds: dict[str, dict] = {}
    problems = [] if problems is None else problems
    for path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, ValueError, RecursionError) as error:
            problems.append(f"{path}: not readable JSON ({type(error).__name__}: {str(error)[:80]})")
            continue
        problem = shape_problem(gold, "gold")
        if problem:
            problems.append(f"{path}: not a gold file ({problem})")
        elif gold["article"] in golds:
            problems.append(f"{path}: a second gold file for {gold['article']}, left out")
        else:
            golds[gold["article"]] = gold
    return golds
