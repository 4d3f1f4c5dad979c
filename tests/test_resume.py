"""`extractor run --resume`: a run killed at any moment, started again, ends with every article exactly once."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import GOOD, ROOT, VI
from extractor.cli import main
from extractor.resume import recover, resume


def _articles(folder, count=40):
    folder.mkdir()
    for n in range(count):
        text = GOOD.replace("18 chi bộ", f"{n + 3} chi bộ").replace("620 đảng viên", f"{100 + n} đảng viên")
        (folder / f"a{n:02}.txt").write_text(text, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    lines = [json.dumps({"text": VI + f" Chi bộ có {n} đảng viên."}, ensure_ascii=False) for n in range(10, 16)]
    (folder / "c_feed.jsonl").write_text("\n".join(lines[:3] + ["{broken"] + lines[3:]) + "\n", encoding="utf-8")
    return folder


def _lines_in(*paths):
    return sum(p.read_bytes().count(b"\n") for p in paths if p.exists())


def _killed_run(inputs, out, *options):
    """`python -m extractor run` started for real and SIGKILLed once some lines are written."""
    command = [sys.executable, "-m", "extractor", "run", str(inputs), "-o", str(out), "-q", *options]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        written = [out, out.with_name("errors.jsonl"), *out.parent.glob(".*.partial")]
        if _lines_in(*written) >= 4:
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return process


@pytest.mark.parametrize("first", [["--jobs", "1"], ["--jobs", "1", "--resume"], ["--jobs", "2", "--resume"]],
                         ids=["killed without --resume", "killed with --resume", "two jobs killed with --resume"])
def test_resume_a_killed_run_started_again_holds_every_article_once(tmp_path, first):
    inputs = _articles(tmp_path / "in")
    whole = tmp_path / "whole" / "records.jsonl"
    assert main(["run", str(inputs), "-o", str(whole), "-q", "--jobs", "1"]) == 1
    out = tmp_path / "out" / "records.jsonl"
    _killed_run(inputs, out, *first)
    done = _lines_in(out, out.with_name("errors.jsonl"), *out.parent.glob(".*.partial"))
    assert 4 <= done < 48, "the run was killed after some lines and before the end"

    assert main(["run", str(inputs), "-o", str(out), "-q", "--jobs", "1", "--resume"]) == 1
    for name in ("records.jsonl", "errors.jsonl"):
        resumed, expected = (out.with_name(name).read_bytes(), whole.with_name(name).read_bytes())
        assert all(json.loads(line) for line in resumed.decode().split("\n") if line)
        assert sorted(resumed.split(b"\n")) == sorted(expected.split(b"\n"))
        assert resumed == expected          # and in the same order: only the unfinished part was appended
    assert sorted(p.name for p in out.parent.iterdir()) == ["errors.jsonl", "records.jsonl"]


def test_resume_cuts_a_torn_line_and_takes_in_a_dead_runs_partial_once(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    line = {n: json.dumps({"source": {"path": f"{n}.txt", "format": "txt", "sha256": None}, "n": n}) + "\n"
            for n in range(4)}
    out = tmp_path / "out.jsonl"
    out.write_text(line[0] + line[1] + '{"source": {"pa')
    orphan = tmp_path / f".out.jsonl.{gone.stdout.strip()}.x1.partial"
    orphan.write_text(line[0] + line[2] + line[3][:9])
    kept = recover(out)
    assert out.read_text() == line[0] + line[1] + line[2]
    assert not orphan.exists()
    assert sorted(path for path, _, _ in kept) == ["0.txt", "1.txt", "2.txt"]
    assert recover(out) == kept and out.read_text() == line[0] + line[1] + line[2]


def test_resume_counts_the_finished_articles_of_both_outputs(tmp_path):
    record = json.dumps({"source": {"path": "a.txt", "format": "txt", "sha256": "0" * 64}}) + "\n"
    error = json.dumps({"source": {"path": "f.jsonl", "format": "jsonl", "sha256": None, "line": 2}}) + "\n"
    (tmp_path / "r.jsonl").write_text(record)
    (tmp_path / "e.jsonl").write_text(error)
    done = resume(str(tmp_path / "r.jsonl"), str(tmp_path / "e.jsonl"))
    assert (done.records, done.errors) == (1, 1)
    assert done.done == {("a.txt", "0" * 64, None): 1, ("f.jsonl", None, 2): 1}


def test_cli_resume_without_an_output_is_bad_usage(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--resume", "-q"]) == 2
    assert "--resume needs -o" in capsys.readouterr().err


def test_cli_resume_of_a_finished_run_extracts_nothing_and_says_so(tmp_path, capsys, monkeypatch):
    import extractor.api as api

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out" / "r.jsonl"
    assert main(["run", str(tmp_path / "in"), "-o", str(out), "-q"]) == 0
    before = out.read_bytes()
    monkeypatch.setattr(api, "_extract", lambda *a, **k: pytest.fail("extracted again"))
    assert main(["run", str(tmp_path / "in"), "-o", str(out), "--resume"]) == 0
    assert out.read_bytes() == before
    assert "1 article(s) done by an earlier run were skipped" in capsys.readouterr().err


def test_cli_resume_is_refused_while_another_run_resumes_the_same_output(tmp_path, capsys):
    import subprocess
    import sys as system

    from extractor.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Chi bộ thôn Đông kết nạp 3 đảng viên mới trong năm 2024.",
                                           encoding="utf-8")
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    holder = subprocess.Popen([system.executable, "-c", (
        "import fcntl, sys, time; h = open(sys.argv[1], 'a'); fcntl.flock(h, fcntl.LOCK_EX); "
        "print('held', flush=True); time.sleep(60)"), str(out)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        code = main(["run", str(tmp_path / "in"), "-o", str(out), "--resume", "-q", "--jobs", "1"])
        assert code == 2 and "another run is resuming" in capsys.readouterr().err
        assert out.read_text(encoding="utf-8") == ""
    finally:
        holder.kill()
        holder.wait()
    assert main(["run", str(tmp_path / "in"), "-o", str(out), "--resume", "-q", "--jobs", "1"]) == 0
    assert main(["run", str(tmp_path / "in"), "-o", str(out), "--resume", "-q", "--jobs", "1"]) == 0  # released
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_resume_lock_moves_to_the_file_a_take_in_renames_over_the_output(tmp_path):
    import os

    from extractor.resume import ResumeBusy, resume

    out = tmp_path / "records.jsonl"
    out.write_text('{"source": {"path": "a.txt", "sha256": null}}\n', encoding="utf-8")
    partial = tmp_path / ".records.jsonl.999999999.x.partial"     # a dead process's temporary file
    partial.write_text('{"source": {"path": "b.txt", "sha256": null}}\n', encoding="utf-8")
    taken = resume(str(out), str(tmp_path / "errors.jsonl"))
    try:
        assert taken.records == 2 and not partial.exists()
        assert os.fstat(taken.lock.fileno()).st_ino == os.stat(out).st_ino
        with pytest.raises(ResumeBusy):
            resume(str(out), str(tmp_path / "errors.jsonl"))
    finally:
        taken.release()
    resume(str(out), str(tmp_path / "errors.jsonl")).release()
