"""The tables `extractor export` writes, and the writers for them (Parquet, CSV, DuckDB).

Every column's type is fixed here, once: an empty table still has all its columns, a column never
changes type with its content, and the three formats hold the same tables.

Numbers. A fact's `value`, `previous`, `total` and `high` are each two columns: `value` (int64) holds an
integral value (written 3 or 3.0 in the record), `value_float` (float64) a fractional one (46.2); the
other is null. Counts stay integers for `SUM` and `=`, and a percentage keeps its decimals;
`COALESCE(value, value_float)` is the number either way. A number too large for int64 is in the float
column.

Lists (a person's titles, mention offsets) are list columns in Parquet and DuckDB; CSV joins them with
" | ". In CSV an empty string is `""` and a null is nothing. Parquet files carry no timestamp, so the
same records give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

LIST_SEPARATOR = " | "

_KEYS = [pa.field("record_id", pa.string(), nullable=False), pa.field("source_id", pa.string())]
_MENTIONS = [("mention_count", pa.int64()), ("mention_starts", pa.list_(pa.int64())),
             ("mention_ends", pa.list_(pa.int64()))]


def _number(name: str) -> list[tuple[str, pa.DataType]]:
    return [(name, pa.int64()), (f"{name}_float", pa.float64())]


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema(_KEYS + [pa.field(name, kind) for name, kind in columns])


TABLES: dict[str, pa.Schema] = {
    "articles": _schema(
        ("source_path", pa.string()), ("source_format", pa.string()), ("source_line", pa.int64()),
        ("source_url", pa.string()), ("source_sha256", pa.string()),
        ("source_fields", pa.string()),             # the input line's other fields, as a JSON object
        ("title", pa.string()), ("published", pa.date32()), ("published_from", pa.string()),
        ("author", pa.string()), ("outlet", pa.string()),
        ("text_length", pa.int64()), ("sentence_count", pa.int64()), ("entity_count", pa.int64()),
        ("person_count", pa.int64()), ("document_count", pa.int64()), ("fact_count", pa.int64()),
        ("warning_count", pa.int64()), ("warning_codes", pa.list_(pa.string())), ("text", pa.string())),
    "entities": _schema(
        ("entity_index", pa.int64()), ("label", pa.string()), ("text", pa.string()),
        ("canonical", pa.string()), ("span_start", pa.int64()), ("span_end", pa.int64()), ("rule", pa.string())),
    "persons": _schema(
        ("person_index", pa.int64()), ("name", pa.string()), ("titles", pa.list_(pa.string())),
        ("role", pa.string()), *_MENTIONS),
    "documents": _schema(
        ("document_index", pa.int64()), ("type", pa.string()), ("number", pa.string()), ("symbol", pa.string()),
        ("issuer", pa.string()), ("issued", pa.date32()), ("term", pa.string()), ("plenum", pa.int64()),
        *_MENTIONS, ("rule", pa.string())),
    "facts": _schema(
        ("fact_index", pa.int64()), ("subject", pa.string()), ("metric", pa.string()), ("category", pa.string()),
        *_number("value"), ("approx", pa.string()), ("target", pa.bool_()),
        ("time_start", pa.date32()), ("time_end", pa.date32()),
        *_number("previous"), *_number("total"), *_number("high"), ("about", pa.string()),
        ("evidence_start", pa.int64()), ("evidence_end", pa.int64()), ("evidence_text", pa.string()),
        ("rule", pa.string())),
}


def as_table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=TABLES[name])


def _joined_lists(table: pa.Table) -> pa.Table:
    """List columns as " | "-joined strings, for CSV (which has no lists); an empty list is ""."""
    for index, field in enumerate(table.schema):
        if pa.types.is_list(field.type):
            strings = pc.cast(table.column(index), pa.list_(pa.string()))
            table = table.set_column(index, field.name, pc.binary_join(strings, LIST_SEPARATOR))
    return table


class ParquetTables:
    """One `NAME.parquet` per table in `folder`; each batch written is a row group."""

    suffix = ".parquet"

    def __init__(self, folder: Path):
        self._writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schema, compression="zstd")
                         for name, schema in TABLES.items()}

    def write(self, name: str, table: pa.Table) -> None:
        self._writers[name].write_table(table)

    def close(self, complete: bool = True) -> None:
        for writer in self._writers.values():
            writer.close()


class CsvTables:
    """One `NAME.csv` per table in `folder`: UTF-8, a header line, RFC 4180 quoting."""

    suffix = ".csv"

    def __init__(self, folder: Path):
        self._writers = {name: pa_csv.CSVWriter(folder / f"{name}.csv", _joined_lists(schema.empty_table()).schema)
                         for name, schema in TABLES.items()}

    def write(self, name: str, table: pa.Table) -> None:
        self._writers[name].write_table(_joined_lists(table))

    def close(self, complete: bool = True) -> None:
        for writer in self._writers.values():
            writer.close()


class DuckdbTables:
    """The same tables in a DuckDB file, replacing tables of the same names, in one transaction (an export
    that stops half-way leaves the file as it was)."""

    def __init__(self, file: Path):
        import duckdb   # only for --duckdb: its import is not free

        self._connection = duckdb.connect(str(file))
        self._connection.begin()
        for name, schema in TABLES.items():
            self._insert(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM batch", schema.empty_table())

    def _insert(self, statement: str, table: pa.Table) -> None:
        self._connection.register("batch", table)
        try:
            self._connection.execute(statement)
        finally:
            self._connection.unregister("batch")

    def write(self, name: str, table: pa.Table) -> None:
        self._insert(f"INSERT INTO {name} SELECT * FROM batch", table)

    def close(self, complete: bool = True) -> None:
        if complete:
            self._connection.commit()
        self._connection.close()      # without a commit, DuckDB rolls the transaction back


def open_tables(folder: Path, fmt: str, duckdb_file: Path | None) -> list:
    """The writers for an export, every file opened, so a path that cannot be used shows before any record
    is read; the DuckDB file first, so that a bad one leaves no table files behind."""
    writers: list = [DuckdbTables(duckdb_file)] if duckdb_file is not None else []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writers.insert(0, ParquetTables(folder) if fmt == "parquet" else CsvTables(folder))
    except BaseException:
        for writer in writers:
            writer.close(complete=False)
        raise
    return writers
