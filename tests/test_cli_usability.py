"""The command line a person expects (issue 11): a progress bar with a total, a summary that counts facts and
skipped files, piped input without `-`, outputs refused before the run, `| head` ending quietly, no empty
errors file, `explain --line` past the end, `evaluate --errors` naming each miss."""

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from conftest import GOOD, ROOT, read_jsonl
from extractor.cli import main, stdin_brings_input
from extractor.progress import count_lines, known_total
from extractor.summary import Summary

ADMITTED = ("Chi bộ thôn Đồng Chài họp tổng kết năm\n\n12/01/2024\n\n"
            "Năm qua, Chi bộ thôn Đồng Chài đã kết nạp 3 đảng viên mới, nâng tổng số lên 41 đảng viên.\n\nLò Văn Páo")


def _feed(path, *texts):
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    return path


def _folder(tmp_path):
    """Two articles in files, two in a JSON Lines file, and a file of no input format."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(ADMITTED, encoding="utf-8")
    _feed(folder / "feed.jsonl", ADMITTED.replace("3 đảng viên", "5 đảng viên"), GOOD)
    (folder / "notes.md").write_text("ghi chú", encoding="utf-8")
    return folder


def _err_lines(capsys):
    return capsys.readouterr().err.splitlines()


# ---- 1. a progress bar with a total --------------------------------------------------------------------

def test_cli_progress_total_counts_files_and_json_lines_without_reading_them(tmp_path):
    folder = _folder(tmp_path)
    assert known_total([str(folder)]) == 4
    (folder / "feed.jsonl").write_bytes(b'{"text": "x"}\n{"text": "y"}')     # a last line without its newline
    assert count_lines(folder / "feed.jsonl") == 2
    assert known_total([str(folder), str(folder / "a.txt"), str(tmp_path / "missing.txt")]) == 6


def test_cli_progress_total_is_unknown_for_stdin_and_past_the_count_limit(tmp_path):
    folder = _folder(tmp_path)
    assert known_total(["-"]) is None
    assert known_total([str(folder)], limit=10) is None         # the feed is over 10 bytes: no total
    assert count_lines(folder / "feed.jsonl", limit=10) is None


def test_cli_progress_bar_on_a_terminal_counts_to_its_total(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["run", str(_folder(tmp_path)), "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "4/4" in err and "100%" in err


# ---- 2. facts by metric, 6. skipped files: the summary ---------------------------------------------------

def test_cli_summary_counts_facts_by_metric_and_skipped_files(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["run", str(_folder(tmp_path)), "-o", str(out)]) == 0
    first, facts = _err_lines(capsys)[-2:]
    assert first.startswith("extractor: 4 article(s), 4 record(s), 0 error(s)")
    assert first.endswith("; 1 file(s) skipped (not .txt/.html/.htm/.jsonl)")
    counts = Counter(f["metric"] for r in read_jsonl(out) for f in r["facts"] if f["metric"] != "other")
    assert counts["members_admitted"] == 2 and counts["party_members"] >= 2
    expected = ", ".join(f"{m} ×{n}" for m, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    assert facts == f"extractor: {sum(counts.values())} fact(s): {expected}"


def test_cli_summary_facts_are_most_common_first_then_by_name():
    summary = Summary(records=3, facts=Counter({"party_members": 2, "disciplined": 2, "members_admitted": 5}))
    assert summary.line("e.jsonl").splitlines()[1] == (
        "extractor: 9 fact(s): members_admitted ×5, disciplined ×2, party_members ×2")
    assert Summary(records=1).line("e.jsonl").splitlines()[1] == "extractor: 0 fact(s)"
    assert "\n" not in Summary().line("e.jsonl")         # no record, no facts line


def test_cli_summary_counts_the_same_facts_with_worker_processes(tmp_path, capsys):
    folder = _folder(tmp_path)
    lines = {}
    for jobs in ("1", "2"):
        assert main(["run", str(folder), "-o", str(tmp_path / jobs / "r.jsonl"), "--jobs", jobs]) == 0
        lines[jobs] = _err_lines(capsys)[-1]
    assert lines["1"] == lines["2"] and "members_admitted ×2" in lines["1"]
    assert (tmp_path / "1" / "r.jsonl").read_bytes() == (tmp_path / "2" / "r.jsonl").read_bytes()


# ---- 3. piped input without `-` ----------------------------------------------------------------------------

def test_cli_stdin_brings_input_when_a_pipe_or_a_file_not_a_device(tmp_path, monkeypatch):
    with open(os.devnull) as nothing:
        monkeypatch.setattr(sys, "stdin", nothing)
        assert not stdin_brings_input()
    read, write = os.pipe()
    with os.fdopen(read) as pipe:
        os.close(write)
        monkeypatch.setattr(sys, "stdin", pipe)
        assert stdin_brings_input()
    (tmp_path / "feed.jsonl").write_text("{}", encoding="utf-8")
    with open(tmp_path / "feed.jsonl") as redirected:
        monkeypatch.setattr(sys, "stdin", redirected)
        assert stdin_brings_input()
    monkeypatch.setattr(sys, "stdin", None)
    assert not stdin_brings_input()


def test_cli_piped_input_is_read_without_a_dash(tmp_path):
    feed = _feed(tmp_path / "feed.jsonl", ADMITTED, GOOD).read_bytes()
    out = tmp_path / "out.jsonl"
    result = subprocess.run([sys.executable, "-m", "extractor", "run", "-o", str(out), "-q", "--jobs", "1"],
                            input=feed, capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert [(r["source"]["path"], r["source"]["line"]) for r in read_jsonl(out)] == [("<stdin>", 1), ("<stdin>", 2)]


# ---- 4. an -o that is a folder, and other refused outputs, leave nothing behind --------------------------

@pytest.mark.parametrize("output, errors", [
    ("folder", None), ("new/dir/", None), ("r.jsonl", "new/dir/"), ("r.jsonl", "r.jsonl"), ("good.txt", None)],
    ids=["an existing folder", "a folder to be made", "errors in a folder", "same file", "output is input"])
def test_cli_refused_outputs_exit_2_before_the_run_and_leave_no_partial(tmp_path, capsys, output, errors):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    options = ["--errors", f"{tmp_path}/{errors}"] if errors else []       # a joined Path would drop the "/"
    assert main(["run", str(tmp_path / "good.txt"), "-o", f"{tmp_path}/{output}", *options]) == 2
    assert "extractor run:" in capsys.readouterr().err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before     # no .partial, no folder


# ---- 5. `| head` ends quietly --------------------------------------------------------------------------

def test_cli_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    """`extractor run feed | head -1`: records big enough that stdout is flushed after each, so the run
    writes again after the reader has gone."""
    paragraph = " ".join(f"Chi bộ số {n} có {n + 20} đảng viên, kết nạp {n % 4 + 1} đảng viên mới." for n in range(30))
    feed = _feed(tmp_path / "feed.jsonl", *[f"Tin số {k}\n\n{paragraph}\n\nĐinh Văn Hùng" for k in range(6)])
    process = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(feed), "--jobs", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    first = process.stdout.readline()
    process.stdout.close()
    code = process.wait(timeout=300)
    stderr = process.stderr.read().decode()
    assert code == 141, stderr
    assert json.loads(first)["source"]["line"] == 1
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr


# ---- 7. no empty errors file -----------------------------------------------------------------------------

def test_cli_a_run_without_errors_makes_no_errors_file_and_removes_a_stale_one(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out" / "records.jsonl"
    assert main(["run", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["records.jsonl"]
    out.with_name("errors.jsonl").write_text('{"stale": true}\n', encoding="utf-8")   # an earlier run's
    assert main(["run", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["records.jsonl"]
    assert main(["run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "r2" / "r.jsonl"), "-q", "--resume"]) == 0
    assert sorted(p.name for p in (tmp_path / "r2").iterdir()) == ["r.jsonl"]


def test_cli_an_errors_file_is_written_when_a_run_has_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out" / "records.jsonl"
    assert main(["run", str(tmp_path / "empty.txt"), "-o", str(out), "-q"]) == 1
    assert [e["error"]["code"] for e in read_jsonl(out.with_name("errors.jsonl"))] == ["E_EMPTY"]
    assert out.read_bytes() == b""       # OUT is always written, empty when no record


# ---- 8. explain --line past the end ------------------------------------------------------------------------

def test_cli_explain_line_past_the_end_says_how_many_lines_there_are(tmp_path, capsys):
    feed = _feed(tmp_path / "feed.jsonl", GOOD, ADMITTED, GOOD)
    assert main(["explain", str(feed), "--line", "999"]) == 2
    assert capsys.readouterr().err.strip() == f"extractor explain: {feed} has 3 line(s); no line 999"
    assert main(["explain", str(feed), "--line", "2"]) == 0
    out = capsys.readouterr().out
    assert f"{feed}:2" in out and "members_admitted = 3" in out and f"{feed}:1" not in out


@pytest.mark.parametrize("line", ["0", "-1", "two"])
def test_cli_explain_line_must_be_a_line_number(tmp_path, line):
    with pytest.raises(SystemExit) as caught:
        main(["explain", str(_feed(tmp_path / "feed.jsonl", GOOD)), "--line", line])
    assert caught.value.code == 2


def test_cli_explain_line_of_a_text_file_or_a_blank_line_is_said(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["explain", str(tmp_path / "a.txt"), "--line", "1"]) == 2
    assert "is not JSON Lines" in capsys.readouterr().err
    feed = tmp_path / "gap.jsonl"
    feed.write_text(json.dumps({"text": GOOD}, ensure_ascii=False) + "\n\n", encoding="utf-8")
    assert main(["explain", str(feed), "--line", "2"]) == 2
    assert capsys.readouterr().err.strip() == f"extractor explain: line 2 of {feed} is blank"


# ---- 9. evaluate --errors names each miss with its article and quote -------------------------------------

def test_cli_evaluate_errors_lists_fact_and_entity_misses_with_article_and_quote(tmp_path, capsys):
    text = "Đảng bộ xã Yên Bình kết nạp 7 đảng viên. Ông Hà Văn Lực dự họp."
    org, loc, said = (text.index(part) for part in ("Đảng bộ", "Yên Bình", "kết nạp"))
    record = {"source": {"path": "in/yb.txt", "format": "txt", "sha256": None},
              "meta": {"title": None, "published": None, "author": None, "outlet": None}, "text": text,
              "entities": [{"label": "ORG", "text": "Đảng bộ xã Yên Bình", "start": org, "end": loc + 8, "rule": "org"},
                           {"label": "LOC", "text": "Yên Bình", "start": loc, "end": loc + 8, "rule": "loc"}],
              "documents": [], "persons": [],
              "facts": [{"metric": "party_members", "category": None, "value": 7, "approx": "exact",
                         "target": False, "subject": "Đảng bộ xã Yên Bình", "time": None,
                         "evidence": {"start": said, "end": said + 19}, "rule": "count"}]}
    gold = {"article": "yb.txt", "meta": record["meta"], "documents": [], "persons": [],
            "entities": [{"label": "ORG", "text": "Đảng bộ xã Yên Bình"}, {"label": "PER", "text": "Hà Văn Lực"}],
            "facts": [{"metric": "members_admitted", "category": None, "value": 7, "approx": "exact",
                       "target": False, "subject": "Đảng bộ xã Yên Bình", "time": None, "quote": "kết nạp 7"}]}
    (tmp_path / "records.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "yb.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "records.jsonl"), str(tmp_path / "gold"), "--errors"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [line[:3] for line in lines] == [["yb.txt", "fact", "fp"], ["yb.txt", "fact", "fn"],
                                            ["yb.txt", "PER", "fn"], ["yb.txt", "LOC", "fp"]]
    assert lines[0][4:6] == ["count", "kết nạp 7 đảng viên"] and "[metric]" in lines[0][6]
    assert lines[1][4:6] == ["-", "kết nạp 7"]
    assert lines[2][3:6] == ["Hà Văn Lực", "-", "Hà Văn Lực"]
    assert lines[3][3:5] == ["Yên Bình", "loc"] and "Đảng bộ xã Yên Bình" in lines[3][5]
