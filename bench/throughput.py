"""Throughput benchmark: prints figures, asserts nothing (speed is measured here, not in tests).

    python bench/throughput.py [--limit N] [--ner-sample N] [--repeats N]

Runs the whole extraction over ../shared/feed/baomoi-2017-sample.jsonl and the shared articles, and
underthesea's `word_tokenize` alone over the same texts — both warmed, taking turns on chunks of ten articles
in alternating order (so a drift of the machine's speed touches both), `--repeats` times, CPU and wall time,
medians — then `ner` over the sentences of a sample (100 articles by default), and the latency per article
(p50, p95, max of the median repeat); then, each in a process of its own, `--jobs` scaling (`bench/scaling.py`),
growth over article length (`bench/growth.py`) and memory over the whole feed run five times
(`bench/memory.py`), so that one run gives every figure of the speed issue (`--quick` leaves those three out).
The budget: extraction ≤ 1.2 × word_tokenize alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _texts(limit: int | None) -> list[str]:
    feed = SHARED / "feed" / "baomoi-2017-sample.jsonl"
    texts = [json.loads(line)["text"] for line in feed.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts[:limit] if limit else texts
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "articles").glob("*.txt"))]
    return texts


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _alternating(texts: list[str], systems: dict, repeats: int) -> dict[str, list[tuple[float, float]]]:
    """(CPU, wall) seconds per repeat of each system. The machine's speed drifts (other work, clocks): the
    systems take turns on chunks of ten articles, in alternating order, so both see the same machine."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in systems}
    for repeat in range(repeats):
        spent = {name: [0.0, 0.0] for name in systems}
        for index in range(0, len(texts), 10):
            chunk = texts[index:index + 10]
            order = list(systems.items())
            for name, run in order if (repeat + index // 10) % 2 == 0 else reversed(order):
                cpu, wall = time.process_time(), time.perf_counter()
                run(chunk, repeat)
                spent[name][0] += time.process_time() - cpu
                spent[name][1] += time.perf_counter() - wall
        for name, (cpu, wall) in spent.items():
            runs[name].append((cpu, wall))
    return runs


def _ner_seconds(texts: list[str], chars: int) -> float:
    """underthesea's `ner` over every sentence of `texts`, extrapolated to `chars` characters."""
    from underthesea import ner, sent_tokenize

    began = time.perf_counter()
    for text in texts:
        for sentence in sent_tokenize(text):
            ner(sentence)
    return (time.perf_counter() - began) / max(sum(map(len, texts)), 1) * chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="feed articles to use (default: all 2,000)")
    parser.add_argument("--ner-sample", type=int, default=100, help="articles whose sentences go through ner")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each system, order alternating")
    parser.add_argument("--quick", action="store_true", help="leave out scaling, growth and memory")
    args = parser.parse_args()
    if not (SHARED / "feed").is_dir():
        print("../shared/feed is not here; nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from extractor.api import extract, warm_up
    from extractor.errors import ExtractorError

    warm_up()   # a bulletin of our own through every stage: the model loads, the patterns compile
    startup = time.perf_counter() - STARTED
    texts = _texts(args.limit)
    from underthesea import word_tokenize

    word_tokenize("Đảng bộ xã hiện có 120 đảng viên.")  # warm: the model loads on its first call
    failures: dict[str, int] = {}
    latencies: list[list[float]] = [[] for _ in range(args.repeats)]

    def extraction(chunk: list[str], repeat: int) -> None:
        for text in chunk:
            began = time.perf_counter()
            try:
                extract(text)
            except ExtractorError as error:
                if repeat == 0:
                    failures[error.code] = failures.get(error.code, 0) + 1
            latencies[repeat].append(time.perf_counter() - began)

    def tokenizing(chunk: list[str], repeat: int) -> None:
        for text in chunk:
            word_tokenize(text)

    runs = _alternating(texts, {"extraction": extraction, "word_tokenize": tokenizing}, args.repeats)
    pipeline_rss = _peak_rss_mb()
    ner_s = _ner_seconds(texts[:args.ner_sample], sum(map(len, texts)))
    _report(texts, runs, latencies, failures, startup, ner_s, min(args.ner_sample, len(texts)), args.repeats)
    print(f"peak RSS            {pipeline_rss:.0f} MB after extraction, {_peak_rss_mb():.0f} MB at the end")
    if not args.quick:
        _run_apart()
    return 0


def _report(texts, runs, latencies, failures, startup, ner_s, ner_articles, repeats) -> None:
    chars = sum(map(len, texts))
    pipeline_cpu, pipeline_s = (statistics.median(x) for x in zip(*runs["extraction"]))
    tokenize_cpu, tokenize_s = (statistics.median(x) for x in zip(*runs["word_tokenize"]))
    print(f"articles            {len(texts)} ({chars / 1000:.0f} kchars); not extracted: {failures or 'none'}")
    print(f"start-up            {startup:.2f} s (imports, pipeline, first article)")
    print(f"repeats             {repeats}, turns of 10 articles in alternating order, medians; CPU (wall)")
    print(f"extraction          {pipeline_cpu:.2f} s ({pipeline_s:.2f} s)  {len(texts) / pipeline_s:.1f} articles/s  "
          f"{chars / 1000 / pipeline_s:.0f} kchars/s")
    print(f"word_tokenize only  {tokenize_cpu:.2f} s ({tokenize_s:.2f} s)  {chars / 1000 / tokenize_s:.0f} kchars/s")
    median_run = sorted(latencies, key=sum)[len(latencies) // 2]
    ordered = sorted(median_run)
    p50, p95 = (ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 for q in (0.5, 0.95))
    print(f"latency per article p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {ordered[-1] * 1000:.0f} ms (wall)")
    print(f"ner every sentence  {ner_s:.2f} s wall (extrapolated from {ner_articles} articles)")
    print(f"ratio extraction / word_tokenize   {pipeline_cpu / tokenize_cpu:.2f} CPU, "
          f"{pipeline_s / tokenize_s:.2f} wall  (budget ≤ 1.20)")
    print(f"ratio ner / extraction             {ner_s / pipeline_s:.1f}  (how much cheaper than underthesea's ner)")


def _run_apart() -> None:
    """The other benchmarks, each in a fresh process (memory and start-up are theirs alone), printed here."""
    import subprocess

    for script, options in (("scaling.py", ["--limit", "300"]), ("growth.py", []), ("memory.py", ["--passes", "5"])):
        print(f"\n--- bench/{script} {' '.join(options)}", flush=True)
        subprocess.run([sys.executable, str(Path(__file__).with_name(script)), *options], check=False)


if __name__ == "__main__":
    sys.exit(main())
