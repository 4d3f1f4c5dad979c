"""Robustness (issue 8): outputs never collide, nothing finished is lost, no article runs past its budget."""

import io
import json
import os
import sys

import pytest

from conftest import GOOD, VI, read_jsonl, run_cli
from extractor import api
from extractor.api import extract_one
from extractor.cli import main
from extractor.readers import Article, read_inputs
from extractor.schema import schema_errors
from extractor.writers import JsonlSink


# ---- 5. output paths ----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["same file", "output is input", "errors is input", "output is a folder"])
def test_cli_refuses_colliding_outputs_before_any_work(tmp_path, capsys, case):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    out, errors = str(tmp_path / "r.jsonl"), str(tmp_path / "e.jsonl")
    out, errors = {"same file": (out, out), "output is input": (str(good), errors),
                   "errors is input": (out, str(good)), "output is a folder": (str(tmp_path / "folder"), errors)}[case]
    assert main(["run", str(good), "-o", out, "--errors", errors, "-q"]) == 2
    assert "extractor run:" in capsys.readouterr().err
    assert good.read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "good.txt"]


def test_cli_refuses_an_output_that_cannot_be_written_before_any_work(tmp_path, capsys, monkeypatch):
    import extractor.api as api_module

    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda path, mode: False)     # as a read-only place would answer
    monkeypatch.setattr(api_module, "_extract", lambda *a, **k: pytest.fail("work started"))
    assert main(["run", str(good), "-o", str(tmp_path / "out" / "r.jsonl"), "-q"]) == 2
    assert "cannot create files" in capsys.readouterr().err


def test_cli_output_inside_an_input_folder_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "records.jsonl"
    for _ in range(2):
        assert main(["run", str(tmp_path), "-o", str(out), "-q"]) == 0
        assert len(read_jsonl(out)) == 1


def test_writers_two_runs_to_one_output_never_share_a_temporary_file(tmp_path):
    path = str(tmp_path / "out.jsonl")
    first, second = JsonlSink(path, sys.stdout), JsonlSink(path, sys.stdout)
    first.write({"n": 1})
    second.write({"n": 2})
    assert len(list(tmp_path.glob(".out.jsonl.*.partial"))) == 2
    first.close()
    second.close()
    assert read_jsonl(tmp_path / "out.jsonl") == [{"n": 2}]
    assert list(tmp_path.iterdir()) == [tmp_path / "out.jsonl"]


def test_writers_temporary_file_of_a_killed_run_is_removed_by_the_next(tmp_path):
    import subprocess

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f".out.jsonl.{gone.stdout.strip()}.abc123.partial"
    orphan.write_text('{"half": ')
    live = tmp_path / f".out.jsonl.{os.getpid()}.def456.partial"      # a run still going: kept
    live.write_text("")
    sink = JsonlSink(str(tmp_path / "out.jsonl"), sys.stdout)
    sink.write({"n": 1})
    sink.close()
    assert not orphan.exists() and live.exists()
    assert read_jsonl(tmp_path / "out.jsonl") == [{"n": 1}]


# ---- nothing finished is lost -------------------------------------------------------------------------

def test_cli_ctrl_c_keeps_finished_records_and_says_so(tmp_path, capsys, monkeypatch):
    import extractor.batch as batch

    real = batch.extract_one

    def extract_one(item, published=None, timeout=None):
        if item.source["path"].endswith("c.txt"):
            raise KeyboardInterrupt
        return real(item, published, timeout)

    monkeypatch.setattr(batch, "extract_one", extract_one)
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "in" / name).write_text(GOOD, encoding="utf-8")
    code, out, errors = run_cli(tmp_path, [tmp_path / "in"])
    assert code == 130
    assert len(read_jsonl(out)) == 2
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in out.parent.iterdir()) == ["records.jsonl"]     # no error: no errors file


def test_batch_a_failing_disk_keeps_the_records_already_written(tmp_path):
    from extractor.batch import run_batch

    class FullAfterOne(JsonlSink):
        def write_line(self, line):
            if self.count == 1:
                raise OSError(28, "No space left on device")
            super().write_line(line)

    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    with pytest.raises(OSError):
        run_batch([str(tmp_path / "in")], FullAfterOne(str(out), sys.stdout), JsonlSink(str(tmp_path / "e.jsonl"),
                                                                                       sys.stderr))
    assert len(read_jsonl(out)) == 1
    assert not list(tmp_path.glob(".*.partial"))


# ---- 6. the time budget -------------------------------------------------------------------------------

def test_api_over_its_time_budget_is_e_timeout(monkeypatch):
    import time

    monkeypatch.setattr(api, "_extract", lambda *args, **kwargs: time.sleep(5))
    ok, item = extract_one(Article({"path": "a.txt", "format": "txt", "sha256": None}, VI), timeout=0.2)
    assert not ok and item["error"]["code"] == "E_TIMEOUT"
    assert schema_errors("error", item) == []


def test_cli_timeout_option_reaches_the_batch(tmp_path, monkeypatch):
    import time

    monkeypatch.setattr(api, "_extract", lambda *args, **kwargs: time.sleep(5))
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, errors = run_cli(tmp_path, [tmp_path / "a.txt"], "--timeout", "0.2")
    assert code == 1 and read_jsonl(errors)[0]["error"]["code"] == "E_TIMEOUT"


def test_readers_a_page_that_reads_too_long_is_e_timeout_and_the_next_is_read(tmp_path, monkeypatch):
    import time

    import extractor.readers as readers

    monkeypatch.setattr(readers, "read_html", lambda text, slug: time.sleep(5))
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], timeout=0.2))
    assert items[0].error.code == "E_TIMEOUT" and items[0].source["path"].endswith("a.html")
    assert isinstance(items[1], Article)


def test_readers_a_slow_producer_on_stdin_is_waited_for(monkeypatch):
    import time

    class Slow(io.RawIOBase):
        def __init__(self):
            self.parts = [json.dumps({"text": VI}, ensure_ascii=False).encode() + b"\n"] * 2

        def readable(self):
            return True

        def readinto(self, buffer):
            if not self.parts:
                return 0
            time.sleep(0.3)          # longer than the budget below, between the two lines
            data = self.parts.pop(0)
            buffer[:len(data)] = data
            return len(data)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Slow())))
    items = list(read_inputs(["-"], timeout=0.1))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
