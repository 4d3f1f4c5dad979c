"""Memory over a long batch: prints figures, asserts nothing.

    python bench/memory.py [--limit N] [--passes N]

Runs the whole extraction over ../shared/feed/baomoi-2017-sample.jsonl `--passes` times in one process and
prints, after each pass, the resident memory and the size of the pipeline's vocabulary. Flat figures after the
first pass mean a batch of any length holds what one article needs, not what every article ever added.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT.parent / "shared" / "feed" / "baomoi-2017-sample.jsonl"


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="feed articles per pass (default: all 2,000)")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    if not FEED.is_file():
        print("../shared/feed is not here; nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from extractor.api import extract, warm_up
    from extractor.errors import ExtractorError
    from extractor.nlp import pipeline

    texts = [json.loads(line)["text"] for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = texts[:args.limit] if args.limit else texts
    warm_up()   # a bulletin of our own through every stage: the model loads, the patterns compile
    print(f"articles per pass   {len(texts)}; start: {_rss_mb():.0f} MB, "
          f"{len(pipeline().vocab.strings)} strings in the vocabulary")
    for number in range(1, args.passes + 1):
        began = time.perf_counter()
        for text in texts:
            try:
                extract(text)
            except ExtractorError:
                pass
        print(f"pass {number}              {_rss_mb():.0f} MB resident, {len(pipeline().vocab.strings)} strings, "
              f"{time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
