"""`extractor.distributed`: the same records from a real Dask cluster of worker processes."""

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from conftest import GOOD, ROOT, VI
from extractor.cli import main

# Looked up, not imported: importing it here would start threads in the test process (see below).
pytestmark = pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="Dask is not installed")


def _inputs(folder):
    folder.mkdir()
    for n in range(4):
        (folder / f"a{n}.txt").write_text(GOOD.replace("18 chi bộ", f"{18 + n} chi bộ"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    lines = [json.dumps({"text": VI + f" Chi bộ có {n} đảng viên."}, ensure_ascii=False) for n in range(10, 15)]
    (folder / "feed.jsonl").write_text("\n".join(lines[:2] + ["{broken"] + lines[2:]) + "\n", encoding="utf-8")
    return folder


def test_distributed_partitions_cut_a_jsonl_file_into_runs_of_lines(tmp_path):
    from extractor.distributed import Unit, partition_inputs

    inputs = _inputs(tmp_path / "in")
    partitions = partition_inputs([str(inputs)], per_partition=3)
    units = [unit for part in partitions for unit in part]
    feed = str(inputs / "feed.jsonl")
    assert [u for u in units if u.path == feed] == [Unit(feed, 1, 3), Unit(feed, 4, None)]
    assert all(len(part) <= 3 for part in partitions) and len(units) == 7


# In a process of its own: the cluster leaves threads behind in the process that started it, and the tests
# of --jobs fork worker processes, which a process with other threads must not do.
_ON_A_CLUSTER = """
import json, sys
from dask import distributed
from extractor.distributed import run_on_dask

if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    try:
        with distributed.Client(cluster) as client:
            summary = run_on_dask([sys.argv[1]], sys.argv[2], client, per_partition=3)
        from extractor.cli import main
        code = main(["run", sys.argv[1], "-o", sys.argv[2] + "-cli", "-q", "--dask-scheduler",
                     cluster.scheduler_address])
    finally:
        cluster.close()
    print(json.dumps([summary.records, summary.failed, code]))
"""


def test_distributed_a_local_cluster_gives_the_records_of_one_process(tmp_path):
    inputs = _inputs(tmp_path / "in")
    single = tmp_path / "single" / "records.jsonl"
    assert main(["run", str(inputs), "-o", str(single), "-q", "--jobs", "1"]) == 1
    script = tmp_path / "on_a_cluster.py"
    script.write_text(_ON_A_CLUSTER, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(inputs), str(tmp_path / "parts")], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [9, 2, 1]
    parts = sorted((tmp_path / "parts").glob("part-*.jsonl"))
    assert [p.name for p in parts] == [f"part-{n:05d}.jsonl" for n in range(len(parts))] and len(parts) >= 3
    records = b"".join(p.read_bytes() for p in parts)
    errors = b"".join(p.read_bytes() for p in sorted((tmp_path / "parts").glob("errors-*.jsonl")))
    assert sorted(records.splitlines()) == sorted(single.read_bytes().splitlines())
    assert records == single.read_bytes()               # parts in name order: the input order
    assert errors == single.with_name("errors.jsonl").read_bytes()
    by_the_cli = sorted((tmp_path / "parts-cli").iterdir())     # one partition of 64 articles at most
    assert [p.name for p in by_the_cli] == ["errors-00000.jsonl", "part-00000.jsonl"]
    assert by_the_cli[1].read_bytes() == records


def test_cli_dask_scheduler_needs_an_output_folder_and_files(tmp_path, capsys):
    assert main(["run", "-", "-o", str(tmp_path / "parts"), "--dask-scheduler", "tcp://127.0.0.1:1"]) == 2
    assert main(["run", "a.txt", "--dask-scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--dask-scheduler needs -o FOLDER" in capsys.readouterr().err
