"""`extractor export`: records (JSON Lines, as `run` writes them) to flat tables for researchers.

One row per article, entity, person, document and fact, each keyed by the record's `id` (`record_id`)
and the input's own id (`source_id`), with the row's place in its record's list (`fact_index` …). The
tables and their types are in `export_tables`. A line that is not a valid record is skipped with a
message; the rest is exported.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from extractor.clean import scrub_surrogates
from extractor.export_tables import TABLES, as_table, open_tables
from extractor.record import offset_errors
from extractor.schema import schema_errors

BATCH_ROWS = 5000      # rows of one table held before they are written (a Parquet row group)
_INT64_MIN, _INT64_MAX = -2**63, 2**63 - 1


class ExportRefused(Exception):
    """Bad usage, found before any record is read."""


@dataclass
class ExportSummary:
    records: int = 0
    skipped: int = 0
    rows: dict = field(default_factory=lambda: dict.fromkeys(TABLES, 0))

    def line(self, folder: Path) -> str:
        counts = ", ".join(f"{name} {count}" for name, count in self.rows.items())
        skipped = f"; {self.skipped} line(s) skipped" if self.skipped else ""
        return f"extractor export: {self.records} record(s) to {folder} ({counts}){skipped}"


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _int64(value) -> int | None:
    return value if isinstance(value, int) and _INT64_MIN <= value <= _INT64_MAX else None


def _number(name: str, value) -> dict:
    """`{name: int or None, name_float: float or None}`: an integral value is an int (see export_tables)."""
    if value is None:
        return {name: None, f"{name}_float": None}
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if _int64(value) is not None:
        return {name: value, f"{name}_float": None}
    try:
        return {name: None, f"{name}_float": float(value)}
    except OverflowError:       # an int past any float: no number a table can hold
        return {name: None, f"{name}_float": None}


def _keys(record: dict) -> dict:
    return {"record_id": record["id"], "source_id": record["source"].get("id")}


def _article_row(record: dict) -> dict:
    source, meta = record["source"], record["meta"]
    fields = source.get("fields")
    return {**_keys(record), "source_path": source["path"], "source_format": source["format"],
            "source_line": _int64(source.get("line")), "source_url": source.get("url"),
            "source_sha256": source["sha256"],
            "source_fields": json.dumps(fields, ensure_ascii=False) if fields is not None else None,
            "title": meta["title"], "published": _day(meta["published"]),
            "published_from": meta.get("published_from"), "author": meta["author"], "outlet": meta["outlet"],
            "text_length": len(record["text"]), "sentence_count": len(record["sentences"]),
            "entity_count": len(record["entities"]), "person_count": len(record["persons"]),
            "document_count": len(record["documents"]), "fact_count": len(record["facts"]),
            "warning_count": len(record["warnings"]),
            "warning_codes": [warning["code"] for warning in record["warnings"]], "text": record["text"]}


def _mentions(item: dict) -> dict:
    mentions = item["mentions"]
    return {"mention_count": len(mentions), "mention_starts": [m["start"] for m in mentions],
            "mention_ends": [m["end"] for m in mentions]}


def _entity_rows(record: dict) -> list[dict]:
    return [{**_keys(record), "entity_index": index, "label": entity["label"], "text": entity["text"],
             "canonical": entity.get("canonical"), "span_start": entity["start"], "span_end": entity["end"],
             "rule": entity["rule"]} for index, entity in enumerate(record["entities"])]


def _person_rows(record: dict) -> list[dict]:
    return [{**_keys(record), "person_index": index, "name": person["name"], "titles": person["titles"],
             "role": person["role"], **_mentions(person)} for index, person in enumerate(record["persons"])]


def _document_rows(record: dict) -> list[dict]:
    return [{**_keys(record), "document_index": index, "type": doc["type"], "number": doc["number"],
             "symbol": doc["symbol"], "issuer": doc["issuer"], "issued": _day(doc["issued"]), "term": doc["term"],
             "plenum": _int64(doc["plenum"]), **_mentions(doc), "rule": doc["rule"]}
            for index, doc in enumerate(record["documents"])]


def _fact_row(record: dict, index: int, fact: dict) -> dict:
    time = fact["time"] or {}
    evidence = fact["evidence"]
    return {**_keys(record), "fact_index": index, "subject": fact["subject"], "metric": fact["metric"],
            "category": fact["category"], **_number("value", fact["value"]), "approx": fact["approx"],
            "target": fact["target"], "time_start": _day(time.get("start")), "time_end": _day(time.get("end")),
            **_number("previous", fact.get("previous")), **_number("total", fact.get("total")),
            **_number("high", fact.get("high")), "about": fact.get("about"),
            "evidence_start": evidence["start"], "evidence_end": evidence["end"],
            "evidence_text": record["text"][evidence["start"]:evidence["end"]], "rule": fact["rule"]}


def table_rows(record: dict) -> dict[str, list[dict]]:
    """A valid record's rows, per table (a bad date in it raises ValueError)."""
    return {"articles": [_article_row(record)], "entities": _entity_rows(record),
            "persons": _person_rows(record), "documents": _document_rows(record),
            "facts": [_fact_row(record, index, fact) for index, fact in enumerate(record["facts"])]}


def _scrubbed(item):
    """Strings without lone surrogates (a record may hold them as `\\udfff` escapes): Arrow writes UTF-8."""
    if isinstance(item, str):
        return scrub_surrogates(item)
    if isinstance(item, dict):
        return {scrub_surrogates(key): _scrubbed(value) for key, value in item.items()}
    if isinstance(item, list):
        return [_scrubbed(value) for value in item]
    return item


def _parsed(raw: bytes) -> dict[str, list[dict]] | str:
    """One line's rows, or why it gives none."""
    try:
        line = raw.decode("utf-8")
        record = json.loads(line)
    except (ValueError, RecursionError) as error:     # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return f"not JSON ({type(error).__name__}: {str(error)[:80]})"
    if "\\ud" in line.lower():
        record = _scrubbed(record)
    if not isinstance(record, dict):
        return f"not a record but a JSON {type(record).__name__}"
    problems = schema_errors("record", record) or offset_errors(record)
    if problems:
        return f"not a valid record ({problems[0]})"
    try:
        return table_rows(record)
    except ValueError as error:        # a date the schema's pattern lets through: 2024-02-30
        return f"not a valid record ({error})"


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, list[dict]] | str]]:
    """(line number, the record's rows or why there are none) for each non-blank line. Lines are split on
    "\\n" only: a record's text may hold U+2028 and other line separators."""
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, 1):
            if raw.strip():
                yield number, _parsed(raw)


def _refusal(records: Path, folder: Path, duckdb_file: Path | None) -> str | None:
    if not records.is_file():
        return f"{records}: no such records file"
    if folder.exists() and not folder.is_dir():
        return f"--to {folder} is not a folder"
    if duckdb_file is not None and duckdb_file.is_dir():
        return f"--duckdb {duckdb_file} is a folder"
    return None


def export_records(records: Path, folder: Path, fmt: str = "parquet", duckdb_file: Path | None = None,
                   report: Callable[[str], None] = print) -> ExportSummary:
    """Write the tables of every valid record in `records` into `folder` (and `duckdb_file`). Raises
    ExportRefused, before reading any record, when the paths cannot be used."""
    refusal = _refusal(records, folder, duckdb_file)
    if refusal:
        raise ExportRefused(refusal)
    try:
        writers = open_tables(folder, fmt, duckdb_file)
    except Exception as error:    # OSError, or DuckDB's own errors for a file that is no database
        raise ExportRefused(f"cannot write the tables: {error}") from None
    try:
        summary = _write_tables(records, writers, report)
    except BaseException:
        for writer in writers:
            writer.close(complete=False)
        raise
    for writer in writers:
        writer.close()
    return summary


def _write_tables(records: Path, writers: list, report: Callable[[str], None]) -> ExportSummary:
    """Every valid record's rows to every writer, in batches of BATCH_ROWS rows per table."""
    summary = ExportSummary()
    pending: dict[str, list[dict]] = {name: [] for name in TABLES}
    for number, rows in read_rows(records):
        if isinstance(rows, str):
            report(f"{records}:{number}: {rows}")
            summary.skipped += 1
            continue
        summary.records += 1
        for name, new in rows.items():
            pending[name].extend(new)
            if len(pending[name]) >= BATCH_ROWS:
                _flush(writers, name, pending, summary)
    for name in TABLES:
        _flush(writers, name, pending, summary)
    return summary


def _flush(writers: list, name: str, pending: dict[str, list[dict]], summary: ExportSummary) -> None:
    if not pending[name]:
        return
    table = as_table(name, pending[name])
    for writer in writers:
        writer.write(name, table)
    summary.rows[name] += len(pending[name])
    pending[name] = []
