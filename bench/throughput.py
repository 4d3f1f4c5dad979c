"""Throughput benchmark: prints figures, asserts nothing (speed is measured here, not in tests).

    python bench/throughput.py [--limit N] [--ner-sample N] [--repeats N]

Runs the whole extraction over ../shared/feed/baomoi-2017-sample.jsonl and the shared articles, and
underthesea's `word_tokenize` alone over the same texts — both warmed, taking turns on chunks of ten articles
in alternating order (so a drift of the machine's speed touches both), `--repeats` times, CPU and wall time,
medians — then `ner` over the sentences of a sample (100 articles by default), and the latency per article
(p50, p95, max of the median repeat). Growth over article length is `bench/growth.py`, memory over a long
batch `bench/memory.py`, `--jobs` scaling `bench/scaling.py`.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="feed articles to use (default: all 2,000)")
    parser.add_argument("--ner-sample", type=int, default=100, help="articles whose sentences go through ner")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each system, order alternating")
    args = parser.parse_args()
    if not (SHARED / "feed").is_dir():
        print("../shared/feed is not here; nothing to measure", file=sys.stderr)
        return 2

    sys.path.insert(0, str(ROOT))
    from extractor.api import extract
    from extractor.errors import ExtractorError

    extract("Đảng bộ xã Tân Hòa hiện có 120 đảng viên, sinh hoạt tại 9 chi bộ.")  # a capital: the model loads
    startup = time.perf_counter() - STARTED
    texts = _texts(args.limit)
    chars = sum(map(len, texts))

    from underthesea import ner, sent_tokenize, word_tokenize

    word_tokenize("Đảng bộ xã hiện có 120 đảng viên.")  # warm: the model loads on its first call
    failures: dict[str, int] = {}

    latencies: list[float] = []

    def extraction(chunk: list[str]) -> None:
        for text in chunk:
            began = time.perf_counter()
            try:
                extract(text)
            except ExtractorError as error:
                failures[error.code] = failures.get(error.code, 0) + 1
            latencies.append(time.perf_counter() - began)

    def tokenizing(chunk: list[str]) -> None:
        for text in chunk:
            word_tokenize(text)

    # The machine's speed drifts (other work, clocks): the two systems take turns on chunks of ten articles, in
    # alternating order, so both see the same machine; each repeat sums its chunks; the medians are reported.
    runs: dict[str, list[tuple[float, float]]] = {"extraction": [], "word_tokenize": []}
    systems = [("extraction", extraction), ("word_tokenize", tokenizing)]
    latency_runs: list[list[float]] = []
    for repeat in range(args.repeats):
        failures.clear()
        latencies.clear()
        spent = {name: [0.0, 0.0] for name, _ in systems}
        for index in range(0, len(texts), 10):
            chunk = texts[index:index + 10]
            for name, run in systems if (repeat + index // 10) % 2 == 0 else reversed(systems):
                cpu, wall = time.process_time(), time.perf_counter()
                run(chunk)
                spent[name][0] += time.process_time() - cpu
                spent[name][1] += time.perf_counter() - wall
        for name, (cpu, wall) in spent.items():
            runs[name].append((cpu, wall))
        latency_runs.append(sorted(latencies))
    pipeline_rss = _peak_rss_mb()
    pipeline_cpu, pipeline_s = (statistics.median(x) for x in zip(*runs["extraction"]))
    tokenize_cpu, tokenize_s = (statistics.median(x) for x in zip(*runs["word_tokenize"]))

    sample = texts[: args.ner_sample]
    sample_chars = sum(map(len, sample))
    began = time.perf_counter()
    for text in sample:
        for sentence in sent_tokenize(text):
            ner(sentence)
    ner_s_per_char = (time.perf_counter() - began) / max(sample_chars, 1)
    ner_s = ner_s_per_char * chars

    print(f"articles            {len(texts)} ({chars / 1000:.0f} kchars); not extracted: {failures or 'none'}")
    print(f"start-up            {startup:.2f} s (imports, pipeline, first article)")
    print(f"repeats             {args.repeats}, turns of 10 articles in alternating order, medians; CPU (wall)")
    print(f"extraction          {pipeline_cpu:.2f} s ({pipeline_s:.2f} s)  {len(texts) / pipeline_s:.1f} articles/s  "
          f"{chars / 1000 / pipeline_s:.0f} kchars/s")
    print(f"word_tokenize only  {tokenize_cpu:.2f} s ({tokenize_s:.2f} s)  {chars / 1000 / tokenize_s:.0f} kchars/s")
    by_total = sorted(latency_runs, key=sum)[len(latency_runs) // 2]
    p50, p95 = (by_total[min(len(by_total) - 1, int(q * len(by_total)))] * 1000 for q in (0.5, 0.95))
    print(f"latency per article p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {by_total[-1] * 1000:.0f} ms (wall)")
    print(f"ner every sentence  {ner_s:.2f} s wall (extrapolated from {len(sample)} articles)")
    print(f"ratio extraction / word_tokenize   {pipeline_cpu / tokenize_cpu:.2f} CPU, {pipeline_s / tokenize_s:.2f} wall"
          f"  (budget ≤ 1.20)")
    print(f"ratio ner / extraction             {ner_s / pipeline_s:.1f}  (how much cheaper than underthesea's NER)")
    print(f"peak RSS            {pipeline_rss:.0f} MB after extraction, {_peak_rss_mb():.0f} MB at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
