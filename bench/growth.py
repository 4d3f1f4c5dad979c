"""Growth over article length: prints figures, asserts nothing.

    python bench/growth.py [--sizes 10000,100000,1000000] [--repeats 3]

Builds articles of each size from the paragraphs of ../shared/feed/baomoi-2017-sample.jsonl (in feed order,
so every size reads the same kind of text), extracts each, and prints CPU time per 100k characters and its
ratio to the smallest size's. A ratio near 1.0 is linear growth; the target is within 10 % up to 1 M characters.

Every article opens with one sentence of our own about a party body. The facts stage reads an article's
numbers only when it speaks of the party at all; without the opening, a long article run together from
many feed stories almost always does and a short one mostly does not, and the curve would measure how often
that gate opens rather than how the work grows (`--no-opening` shows that: about 1.27 × at 1 M).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT.parent / "shared" / "feed" / "baomoi-2017-sample.jsonl"


_OPENING = "Đảng bộ xã Tân Hòa báo cáo kết quả công tác xây dựng Đảng của các chi bộ trực thuộc.\n"


def _articles_of(size: int, paragraphs: list[str], count: int) -> list[str]:
    """`count` texts of about `size` characters, each from its own run of paragraphs (wrapping around)."""
    texts, at = [], 0
    for _ in range(count):
        parts, length = [], 0
        while length < size:
            paragraph = paragraphs[at % len(paragraphs)]
            parts.append(paragraph)
            length += len(paragraph) + 1
            at += 1
        texts.append("\n".join(parts)[:size])
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=3, help="timings per size; the median is printed")
    parser.add_argument("--chars", type=int, default=1_000_000, help="characters timed per size and repeat")
    parser.add_argument("--no-opening", action="store_true", help="no opening sentence about a party body")
    args = parser.parse_args()
    if not FEED.is_file():
        print("../shared/feed is not here; nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from extractor.api import extract, warm_up

    items = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [p for item in items for p in item["text"].split("\n") if len(p.strip()) > 40]
    warm_up()   # a bulletin of our own through every stage: the model loads, the patterns compile
    sizes = [int(size) for size in args.sizes.split(",")]
    rates: dict[int, float] = {}
    for size in sizes:
        texts = _articles_of(size, paragraphs, max(1, args.chars // size))
        if not args.no_opening:
            texts = [_OPENING + text[len(_OPENING):] for text in texts]
        timings = []
        for _ in range(args.repeats):
            began = time.process_time()
            for text in texts:
                extract(text)
            timings.append(time.process_time() - began)
        rates[size] = statistics.median(timings) / sum(map(len, texts)) * 100_000
        print(f"{size:>9,} chars × {len(texts):<4} {rates[size]:.2f} s CPU per 100k chars   "
              f"{rates[size] / rates[sizes[0]]:.2f} × the {sizes[0]:,}-char rate", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
