"""`extractor export`: records to tables, on the shared articles and on small records of our own."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from extractor.cli import main
from extractor.export_tables import TABLES
from extractor.record import record_id
from extractor.writers import dumps

PARTS = ("entities", "persons", "documents", "facts")

# Our own articles (a JSON Lines feed with the feed's ids): one with facts, a person with two titles, a
# document and a percentage; one with no facts.
OWN_FEED = [
    {"id": 101, "url": "https://bao.vn/tin/hoa-binh-tong-ket-nam.html", "chuyen_muc": "xây dựng Đảng",
     "text": "Đảng ủy xã Hòa Bình tổ chức hội nghị tổng kết năm 2023\n\nNăm 2023, Đảng bộ xã Hòa Bình kết nạp 12 "
             "đảng viên mới, tỷ lệ đảng viên nữ chiếm 35,5%. Đồng chí Trần Văn Minh, Bí thư Đảng ủy, Chủ tịch HĐND "
             "xã phát biểu chỉ đạo hội nghị, quán triệt Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành "
             "Trung ương."},
    {"id": "tin-2", "text": "Chi bộ thôn Lạc Sơn sinh hoạt chuyên đề\n\nSáng nay, chi bộ thôn Lạc Sơn tổ chức buổi "
                            "sinh hoạt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, "
                            "các đảng viên đều tham gia thảo luận sôi nổi."},
]
EMPTY_TEXT = "Tin ngắn về công tác Đảng."


def _empty_record() -> dict:
    """A valid record with every list empty (written by hand: no extraction gives one so bare)."""
    return {"id": record_id(EMPTY_TEXT), "source": {"path": "tay.txt", "format": "txt", "sha256": None},
            "meta": {"title": None, "published": None, "author": None, "outlet": None}, "text": EMPTY_TEXT,
            "sentences": [], "entities": [], "documents": [], "persons": [], "facts": [], "warnings": []}


def _export(records, folder, *extra) -> int:
    return main(["export", str(records), "--to", str(folder), "-q", *extra])


def _parquet(folder, name) -> list[dict]:
    return pq.read_table(folder / f"{name}.parquet").to_pylist()


def _csv(folder, name) -> list[dict]:
    return list(csv.DictReader(io.StringIO((folder / f"{name}.csv").read_bytes().decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def shared_export(shared_records, tmp_path_factory):
    """The shared articles' records in a file, exported once to Parquet (with DuckDB) and once to CSV."""
    folder = tmp_path_factory.mktemp("shared_export")
    records = [item for ok, item in shared_records if ok]
    path = folder / "records.jsonl"
    path.write_text("".join(dumps(record) + "\n" for record in records), encoding="utf-8")
    assert _export(path, folder / "parquet", "--duckdb", str(folder / "tables.duckdb")) == 0
    assert _export(path, folder / "csv", "--format", "csv") == 0
    return folder, records


@pytest.fixture(scope="module")
def own_records(tmp_path_factory):
    """Our own feed's records (the first fact's value written as 12.0), then a record with empty lists."""
    from extractor.api import extract_many
    from extractor.readers import read_inputs

    folder = tmp_path_factory.mktemp("own_export")
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in OWN_FEED), encoding="utf-8")
    records = [item for item in extract_many(read_inputs([str(feed)])) if "error" not in item]
    assert len(records) == 2 and records[0]["facts"][0]["value"] == 12
    records[0]["facts"][0]["value"] = 12.0
    records.append(_empty_record())
    path = folder / "records.jsonl"
    path.write_text("".join(dumps(record) + "\n" for record in records), encoding="utf-8")
    return path, records


def test_export_shared_tables_have_a_row_per_item(shared_export):
    folder, records = shared_export
    assert len(records) > 0
    assert len(_parquet(folder / "parquet", "articles")) == len(records)
    for part in PARTS:
        expected = sum(len(record[part]) for record in records)
        assert len(_parquet(folder / "parquet", part)) == expected
        assert len(_csv(folder / "csv", part)) == expected


def test_export_shared_rows_join_back_to_their_input(shared_export):
    folder, records = shared_export
    articles = {row["record_id"]: row for row in _parquet(folder / "parquet", "articles")}
    assert {r["id"]: r["source"]["path"] for r in records} == {k: a["source_path"] for k, a in articles.items()}
    by_id = {record["id"]: record for record in records}
    for row in _parquet(folder / "parquet", "facts"):
        record = by_id[row["record_id"]]
        fact = record["facts"][row["fact_index"]]
        assert row["evidence_text"] == record["text"][fact["evidence"]["start"]:fact["evidence"]["end"]]
        assert (row["metric"], row["value"] if row["value"] is not None else row["value_float"]) == \
            (fact["metric"], fact["value"])
    for row in _parquet(folder / "parquet", "entities"):
        assert by_id[row["record_id"]]["entities"][row["entity_index"]]["text"] == row["text"]


def test_export_duckdb_gives_the_members_admitted_series(shared_export):
    import duckdb

    folder, records = shared_export
    with duckdb.connect(str(folder / "tables.duckdb"), read_only=True) as connection:
        series = connection.execute(
            "SELECT subject, time_start, value FROM facts WHERE metric = 'members_admitted'").fetchall()
        tables = {name for (name,) in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    expected = [f["value"] for r in records for f in r["facts"] if f["metric"] == "members_admitted"]
    assert series and sorted(value for _, _, value in series) == sorted(expected)
    assert all(type(value) is int for _, _, value in series)
    assert tables == set(TABLES)


def test_export_csv_is_utf8_with_a_header(shared_export):
    folder, records = shared_export
    for name, schema in TABLES.items():
        data = (folder / "csv" / f"{name}.csv").read_bytes()
        header = next(csv.reader(io.StringIO(data.decode("utf-8"))))
        assert header == schema.names
    assert any("Đảng" in row["title"] for row in _csv(folder / "csv", "articles"))


def test_export_same_records_give_identical_bytes(shared_export, tmp_path):
    folder, _ = shared_export
    assert _export(folder / "records.jsonl", tmp_path / "parquet") == 0
    assert _export(folder / "records.jsonl", tmp_path / "csv", "--format", "csv") == 0
    for fmt in ("parquet", "csv"):
        for name in TABLES:
            file = f"{name}.{fmt}"
            assert (tmp_path / fmt / file).read_bytes() == (folder / fmt / file).read_bytes(), file


def test_export_own_records_keep_the_feeds_ids_and_numbers(own_records, tmp_path):
    path, records = own_records
    assert _export(path, tmp_path) == 0
    articles = _parquet(tmp_path, "articles")
    assert [(a["source_id"], a["source_line"], a["fact_count"]) for a in articles] == \
        [("101", 1, 2), ("tin-2", 2, 0), (None, None, 0)]
    assert articles[0]["source_url"] == "https://bao.vn/tin/hoa-binh-tong-ket-nam.html"
    assert json.loads(articles[0]["source_fields"]) == {"chuyen_muc": "xây dựng Đảng"}
    facts = _parquet(tmp_path, "facts")
    assert {row["source_id"] for row in facts} == {"101"}
    admitted, share = facts
    assert (admitted["value"], admitted["value_float"], str(admitted["time_start"])) == (12, None, "2023-01-01")
    assert type(admitted["value"]) is int
    assert (share["metric"], share["value"], share["value_float"], share["about"]) == \
        ("percentage", None, 35.5, "đảng viên nữ")


def test_export_lists_are_lists_in_parquet_and_joined_in_csv(own_records, tmp_path):
    path, records = own_records
    assert _export(path, tmp_path / "parquet") == 0
    assert _export(path, tmp_path / "csv", "--format", "csv") == 0
    minh = next(p for p in _parquet(tmp_path / "parquet", "persons") if p["name"] == "Trần Văn Minh")
    assert minh["titles"] == ["Bí thư Đảng ủy", "Chủ tịch Hội đồng nhân dân xã"] and minh["mention_count"] == 1
    row = next(p for p in _csv(tmp_path / "csv", "persons") if p["name"] == "Trần Văn Minh")
    assert row["titles"] == "Bí thư Đảng ủy | Chủ tịch Hội đồng nhân dân xã"
    [document] = _parquet(tmp_path / "parquet", "documents")
    assert (document["symbol"], str(document["issued"]), document["source_id"]) == ("21-NQ/TW", "2022-06-16", "101")


def test_export_empty_tables_keep_their_columns(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(dumps(_empty_record()) + "\n", encoding="utf-8")
    assert _export(path, tmp_path / "parquet") == 0
    assert _export(path, tmp_path / "csv", "--format", "csv") == 0
    for name, schema in TABLES.items():
        table = pq.read_table(tmp_path / "parquet" / f"{name}.parquet")
        assert table.schema.names == schema.names and table.num_rows == (name == "articles")
        assert [f.type for f in table.schema] == [f.type for f in schema]
    assert (tmp_path / "csv" / "facts.csv").read_text(encoding="utf-8").strip() == \
        ",".join(f'"{name}"' for name in TABLES["facts"].names)
    [article] = _csv(tmp_path / "csv", "articles")
    assert (article["fact_count"], article["warning_codes"], article["source_id"]) == ("0", "", "")


def test_export_skips_malformed_lines_and_exports_the_rest(tmp_path, capsys):
    good = _empty_record()
    bad_date = dict(good, meta=dict(good["meta"], published="2024-02-30"))
    lines = ['{"id": "chưa đóng', json.dumps([1, 2]), json.dumps({"id": "x"}), dumps(bad_date), "", dumps(good),
             json.dumps(dict(good, entities=[{"start": 0, "end": 99, "label": "ORG", "text": "Tin", "rule": "r"}]))]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _export(path, tmp_path / "out") == 1
    messages = capsys.readouterr().err.splitlines()
    assert [m.split(": ")[1].rsplit(":", 1)[1] for m in messages[:5]] == ["1", "2", "3", "4", "7"]
    assert "not JSON" in messages[0] and "2024-02-30" in messages[3] and "1 record(s)" in messages[-1]
    assert [row["record_id"] for row in _parquet(tmp_path / "out", "articles")] == [good["id"]]


@pytest.mark.parametrize("case", ["missing records", "--to is a file", "--duckdb is a folder",
                                  "--duckdb in no folder", "--duckdb is no database"])
def test_export_refuses_bad_usage_before_work(tmp_path, capsys, case):
    records = tmp_path / "records.jsonl"
    records.write_text(dumps(_empty_record()) + "\n", encoding="utf-8")
    folder, extra = tmp_path / "out", []
    if case == "missing records":
        records = tmp_path / "none.jsonl"
    elif case == "--to is a file":
        folder.write_text("", encoding="utf-8")
    elif case == "--duckdb is a folder":
        (tmp_path / "db").mkdir()
        extra = ["--duckdb", str(tmp_path / "db")]
    elif case == "--duckdb in no folder":
        extra = ["--duckdb", str(tmp_path / "nowhere" / "tables.duckdb")]
    else:
        (tmp_path / "notes.duckdb").write_text("ghi chú, không phải cơ sở dữ liệu\n" * 100, encoding="utf-8")
        extra = ["--duckdb", str(tmp_path / "notes.duckdb")]
    assert _export(records, folder, *extra) == 2
    assert "extractor export: " in capsys.readouterr().err
    assert not folder.is_dir()


def test_export_duckdb_tables_are_replaced_and_others_kept(own_records, tmp_path):
    import duckdb

    path, records = own_records
    database = tmp_path / "tables.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("CREATE TABLE notes AS SELECT 'ghi chú' AS note")
    for _ in range(2):
        assert _export(path, tmp_path / "csv", "--format", "csv", "--duckdb", str(database)) == 0
    with duckdb.connect(str(database), read_only=True) as connection:
        facts = connection.execute("SELECT source_id, value, value_float FROM facts ORDER BY fact_index").fetchall()
        titles = connection.execute("SELECT titles FROM persons WHERE name = 'Trần Văn Minh'").fetchall()
        notes = connection.execute("SELECT note FROM notes").fetchall()
    assert facts == [("101", 12, None), ("101", None, 35.5)]
    assert titles == [(["Bí thư Đảng ủy", "Chủ tịch Hội đồng nhân dân xã"],)] and notes == [("ghi chú",)]
