"""`extractor run --jobs N`: worker processes, the same bytes as one process, a dead worker costs one article."""

import json
import multiprocessing
import os
import signal
import sys
import threading
import time

import pytest

from conftest import GOOD, VI, read_jsonl
from extractor.cli import main
from extractor.parallel import map_in_order, usable_cores
from extractor.schema import schema_errors


def _inputs(folder):
    """Records, error records of several kinds, and a JSON Lines file whose lines are articles."""
    folder.mkdir()
    for n in range(5):
        (folder / f"a{n}.txt").write_text(GOOD.replace("18 chi bộ", f"{18 + n} chi bộ"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "english.txt").write_text("The committee met on Monday and reviewed the work of the year.")
    lines = [json.dumps({"text": GOOD, "title": "Tổng kết"}, ensure_ascii=False), "{broken",
             json.dumps({"text": VI + " Đảng bộ có 40 đảng viên."}, ensure_ascii=False)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _run(tmp_path, name, *options):
    out = tmp_path / name / "records.jsonl"
    code = main(["run", str(tmp_path / "in"), "-o", str(out), "-q", *options])
    return code, out.read_bytes(), out.with_name("errors.jsonl").read_bytes()


def test_parallel_two_jobs_write_the_same_bytes_as_one(tmp_path):
    _inputs(tmp_path / "in")
    one = _run(tmp_path, "one", "--jobs", "1")
    two = _run(tmp_path, "two", "--jobs", "2")
    assert one == two
    assert one[0] == 1
    records = [json.loads(line) for line in one[1].decode().splitlines()]
    errors = [json.loads(line) for line in one[2].decode().splitlines()]
    assert len(records) == 7 and {r["source"].get("line") for r in records} == {None, 1, 3}
    assert [e["error"]["code"] for e in errors] == ["E_EMPTY", "E_NOT_VIETNAMESE", "E_JSONL_LINE"]


def test_parallel_a_killed_worker_is_that_articles_e_internal_and_the_batch_goes_on(tmp_path, monkeypatch):
    import extractor.batch as batch

    real = batch.extract_one

    def dies_on_a2(item, published=None, timeout=None):
        if item.source["path"].endswith("a2.txt"):
            os.kill(os.getpid(), signal.SIGKILL)        # a real death of the worker holding a2.txt
        return real(item, published, timeout)

    # The patch reaches the workers because they are forked from this process, which runs no other thread.
    assert threading.active_count() == 1, threading.enumerate()
    monkeypatch.setattr(batch, "extract_one", dies_on_a2)
    _inputs(tmp_path / "in")
    code, records, errors = _run(tmp_path, "out", "--jobs", "2")
    assert code == 1
    names = [json.loads(line)["source"]["path"].rsplit("/", 1)[-1] for line in records.decode().splitlines()]
    assert names == ["a0.txt", "a1.txt", "a3.txt", "a4.txt", "feed.jsonl", "feed.jsonl"]
    [died] = [json.loads(line) for line in errors.decode().splitlines() if "a2.txt" in line]
    assert died["error"]["code"] == "E_INTERNAL" and "WorkerDied" in died["error"]["message"]
    assert "SIGKILL" in died["error"]["message"] and died["source"]["sha256"]
    assert schema_errors("error", died) == []
    assert multiprocessing.active_children() == []


def test_parallel_the_time_budget_applies_in_the_workers(tmp_path, monkeypatch):
    import extractor.api as api

    real = api._extract

    def slow_on_a1(text, **kwargs):
        if kwargs["source"]["path"].endswith("a1.txt"):
            time.sleep(10)
        return real(text, **kwargs)

    monkeypatch.setattr(api, "_extract", slow_on_a1)
    _inputs(tmp_path / "in")
    code, records, errors = _run(tmp_path, "out", "--jobs", "2", "--timeout", "1")
    [late] = [json.loads(line) for line in errors.decode().splitlines() if "a1.txt" in line]
    assert late["error"]["code"] == "E_TIMEOUT"
    assert len(records.decode().splitlines()) == 6


def test_parallel_ctrl_c_writes_what_is_done_in_order_and_stops_the_workers(tmp_path):
    from extractor.batch import Interrupted, run_batch
    from extractor.writers import JsonlSink

    class InterruptedAtThird(JsonlSink):
        def write_line(self, line):
            if self.count == 2:
                raise KeyboardInterrupt
            super().write_line(line)

    _inputs(tmp_path / "in")
    out = tmp_path / "r.jsonl"
    with pytest.raises(Interrupted) as stop:
        run_batch([str(tmp_path / "in")], InterruptedAtThird(str(out), sys.stdout),
                  JsonlSink(str(tmp_path / "e.jsonl"), sys.stderr), jobs=2)
    assert stop.value.summary.records == 2
    assert [r["source"]["path"][-6:] for r in read_jsonl(out)] == ["a0.txt", "a1.txt"]
    assert multiprocessing.active_children() == []


def _square_slowly(n):
    time.sleep(0.05 if n % 3 == 0 else 0.0)
    return n * n


def test_parallel_map_in_order_yields_in_order_and_reads_a_bounded_window():
    read = []

    def numbers():
        for n in range(40):
            read.append(n)
            yield n

    results = []
    for result in map_in_order(_square_slowly, numbers(), 2, crashed=lambda n, why: None, window=5,
                               start_method="forkserver"):
        assert len(read) <= len(results) + 5 + 1    # never the whole input ahead of what is handed back
        results.append(result)
    assert results == [n * n for n in range(40)]


def test_parallel_usable_cores_is_the_affinity_mask():
    assert usable_cores() == len(os.sched_getaffinity(0))


def test_cli_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--jobs", "0", "x.txt"])
    assert "number of processes" in capsys.readouterr().err


def _alive(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            return "\nState:\tZ" not in status.read()
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads children from /proc")
def test_parallel_workers_end_when_the_main_process_is_killed(tmp_path):
    import subprocess

    from conftest import ROOT

    _inputs(tmp_path / "in")
    process = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(tmp_path / "in"), "-o",
                                str(tmp_path / "r.jsonl"), "-q", "--jobs", "2"], cwd=ROOT, stderr=subprocess.DEVNULL)
    workers, deadline = [], time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        with open(f"/proc/{process.pid}/task/{process.pid}/children") as children:
            workers = children.read().split()
        time.sleep(0.02)
    assert len(workers) == 2
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def test_parallel_ctrl_c_on_the_process_group_exits_130_with_the_finished_records(tmp_path):
    import subprocess

    from conftest import ROOT

    (tmp_path / "in").mkdir()
    for n in range(30):
        (tmp_path / "in" / f"a{n:02}.txt").write_text(GOOD.replace("18 chi bộ", f"{n + 3} chi bộ"), encoding="utf-8")
    out = tmp_path / "out" / "r.jsonl"
    # A terminal's Ctrl-C: SIGINT to every process of the foreground group, workers included.
    process = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(tmp_path / "in"), "-o", str(out),
                                "-q", "--jobs", "2"], cwd=ROOT, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if sum(p.read_bytes().count(b"\n") for p in out.parent.glob(".r.jsonl.*.partial")) >= 3:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()[-500:]
    names = [r["source"]["path"][-7:] for r in read_jsonl(out)]
    assert 3 <= len(names) < 30 and names == [f"a{n:02}.txt" for n in range(len(names))]
    assert "--resume" in stderr.decode()
