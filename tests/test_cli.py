"""The command line end to end: outputs, error files, summary line and exit codes."""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, assert_offsets
from extractor.cli import main
from extractor.schema import schema_errors

GOOD = ("Đảng ủy phường Tân Lập tổng kết công tác năm\n\n09/01/2024\n\n"
        "Đảng bộ phường Tân Lập hiện có 18 chi bộ trực thuộc với 620 đảng viên. Trong năm, Đảng ủy phường đã "
        "kết nạp 14 đảng viên mới và trao Huy hiệu Đảng cho 21 đồng chí.\n\nVũ Thanh Hải")


def _batch(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "english.txt").write_text("The committee met on Monday and reviewed the work of the year in detail.")
    (folder / "page.html").write_text("<html><body><nav>Trang chủ</nav></body></html>")
    (folder / "feed.jsonl").write_text(json.dumps({"text": GOOD}, ensure_ascii=False) + "\n{broken\n",
                                       encoding="utf-8")
    return folder


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_batch_with_bad_inputs_writes_the_rest_and_exits_1(tmp_path, capsys):
    out = tmp_path / "out" / "records.jsonl"
    assert main(["run", str(_batch(tmp_path)), "-o", str(out)]) == 1
    records, errors = _read(out), _read(out.with_name("errors.jsonl"))
    assert len(records) == 2 and all(schema_errors("record", r) == [] for r in records)
    for record in records:
        assert_offsets(record)
    assert sorted(e["error"]["code"] for e in errors) == [
        "E_BINARY", "E_EMPTY", "E_JSONL_LINE", "E_NOT_VIETNAMESE", "E_NO_BODY"]
    assert all(schema_errors("error", e) == [] for e in errors)
    [summary] = [line for line in capsys.readouterr().err.splitlines() if " article(s), " in line]
    assert summary.startswith("extractor: 7 article(s), 2 record(s), 5 error(s)")
    assert "errors.jsonl" in summary
    assert not list(out.parent.glob("*.partial"))


def test_cli_all_good_exits_0_and_errors_go_to_the_named_file(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    errors = tmp_path / "e.jsonl"
    assert main(["run", str(good), "-o", str(tmp_path / "r.jsonl"), "--errors", str(errors), "--quiet"]) == 0
    assert errors.read_text() == ""
    assert capsys.readouterr().err == ""


def test_cli_records_go_to_stdout_and_errors_to_stderr_without_o(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    assert main(["run", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    [record] = [json.loads(line) for line in captured.out.splitlines()]
    assert record["meta"]["author"] == "Vũ Thanh Hải"
    assert '"E_EMPTY"' in captured.err


@pytest.mark.parametrize("argv", [
    ["run", "--published", "27/10/2022"],
    ["run", "--max-size", "lots"],
    ["frobnicate"],
    [],
])
def test_cli_bad_usage_exits_2(argv):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


def test_cli_stdin_and_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "extractor", "run", "-", "--published", "2024-02-01", "-q"],
                            input=GOOD.replace("09/01/2024\n\n", "").encode(), capture_output=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    [record] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert record["source"]["path"] == "<stdin>"
    assert (record["meta"]["published"], record["meta"]["published_from"]) == ("2024-02-01", "option")


def test_cli_max_size_is_configurable(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["run", str(tmp_path / "a.txt"), "-o", str(out), "--max-size", "100B", "-q"]) == 1
    assert _read(out.with_name("errors.jsonl"))[0]["error"]["code"] == "E_TOO_LARGE"


def test_cli_no_input_runs_the_bundled_corpus(tmp_path, monkeypatch):
    out = tmp_path / "corpus.jsonl"
    with open(os.devnull) as nothing:       # a stdin that brings nothing, as a terminal would
        monkeypatch.setattr(sys, "stdin", nothing)
        assert main(["run", "-o", str(out), "-q"]) == 0
    records = _read(out)
    paths = {r["source"]["path"].rsplit("/", 1)[-1] for r in records}
    assert len(records) >= 12
    assert any(p.endswith(".html") for p in paths) and any(p.endswith(".jsonl") for p in paths)


def test_cli_explain_shows_each_fact_with_evidence_and_rule(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert main(["explain", str(article)]) == 0
    out = capsys.readouterr().out
    assert "members_admitted = 14 (exact)" in out
    assert 'evidence [' in out and "kết nạp 14 đảng viên mới" in out
    assert "rule: " in out and "subject: Đảng bộ phường Tân Lập" in out


def test_cli_explain_of_a_bad_input_exits_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["explain", str(empty)]) == 1
    assert "E_EMPTY" in capsys.readouterr().err
