"""Scaling benchmark: prints figures, asserts nothing.

    python bench/scaling.py [--limit N] [--repeats N] [--jobs 1 2]

Runs `extractor run` as a subprocess over the first N articles of ../shared/feed/baomoi-2017-sample.jsonl
with each `--jobs` value, `--repeats` times in alternating order (so a drift of the machine's load touches
every value alike), and reports medians: wall time, the CPU time of the run and its worker processes
(children's user + sys), articles per second and the speed-up over the first value. Start-up (imports, the
models loaded, workers started) is measured apart, by runs on one article, and taken off the wall time, so
the figures are for a warm pipeline. On a machine others are loading, the wall times and the speed-up drift;
the CPU times say whether the work itself grew.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT.parent / "shared" / "feed" / "baomoi-2017-sample.jsonl"


def _first_lines(count: int, folder: Path) -> Path:
    path = folder / f"feed-{count}.jsonl"
    with FEED.open(encoding="utf-8") as feed:
        path.write_text("".join(line for _, line in zip(range(count), feed)), encoding="utf-8")
    return path


def _timed_run(inputs: Path, jobs: int, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the run and every process it started) of one `extractor run`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extractor", "run", str(inputs), "-o", str(out), "-q", "--jobs",
                    str(jobs)], cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median_runs(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="feed articles to extract (default 200)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each --jobs value (default 3)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values (default: 1 2)")
    args = parser.parse_args()
    if not FEED.is_file():
        print(f"{FEED} is not here; nothing to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        articles, one = _first_lines(args.limit, folder), _first_lines(1, folder)
        work: dict[int, list] = {jobs: [] for jobs in args.jobs}
        startup: dict[int, list] = {jobs: [] for jobs in args.jobs}
        for repeat in range(args.repeats):
            order = args.jobs if repeat % 2 == 0 else args.jobs[::-1]
            for jobs in order:
                startup[jobs].append(_timed_run(one, jobs, folder / "one.jsonl"))
                work[jobs].append(_timed_run(articles, jobs, folder / "out.jsonl"))
    print(f"{args.limit} feed articles, medians of {args.repeats} runs; start-up (a one-article run) taken off")
    # cores used = CPU s / warm wall s: below the --jobs value, the workers waited (for a core others held,
    # or for the main process)
    print(f"{'jobs':>4} {'wall s':>8} {'start-up s':>10} {'warm wall s':>11} {'CPU s':>7} {'cores used':>10} "
          f"{'articles/s':>10} {'speed-up':>8}")
    base = None
    for jobs in args.jobs:
        (wall, cpu), (start_wall, start_cpu) = _median_runs(work[jobs]), _median_runs(startup[jobs])
        warm = wall - start_wall
        base = base or warm
        print(f"{jobs:>4} {wall:>8.1f} {start_wall:>10.1f} {warm:>11.1f} {cpu - start_cpu:>7.1f} "
              f"{(cpu - start_cpu) / warm:>10.2f} {args.limit / warm:>10.1f} {base / warm:>7.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
