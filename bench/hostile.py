"""The hostile corpus at full size: prints figures, asserts nothing (speed and memory are measured here).

    python bench/hostile.py [--timeout SECONDS]

Builds, in a temporary folder, every pathological input of the robustness issue at the size it was seen at
(texts of 1.3 MB — the shared feed's articles run together, and a bulletin of our own writing dense with
counts, names and citations —, a 100 kB bulletin of 2,900 counts, runs of number words, floods of combining marks …) beside
the small reproductions that `tests/test_robustness.py` runs, reads them as the batch does and extracts each
one under the batch's time budget. Prints one line per input (kB, seconds, record or error code) and the
peak memory of the process. The issue's ceilings: no input over 30 s, peak memory under 1 GB, 2 s per 100 kB
for what is not one huge article.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.api import extract_one  # noqa: E402
from extractor.readers import read_inputs  # noqa: E402

_SENTENCE = ("Đảng bộ xã Tân Hòa vừa tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm, "
             "kết nạp 12 đảng viên mới và công nhận 3 chi bộ đạt trong sạch vững mạnh. ")


def _long_article(size: int) -> str:
    """Paragraphs of our own writing, each with its own numbers and names (the cleaner drops a line it has
    seen before, so a repeated paragraph would not make a long article), to `size` characters."""
    paragraphs, length, i = [], 0, 0
    while length < size:
        paragraph = (f"Đảng bộ xã Tân Hòa {i} vừa tổ chức hội nghị sơ kết, kết nạp {i % 40 + 2} đảng viên mới và "
                     f"công nhận {i % 9 + 1} chi bộ đạt trong sạch vững mạnh. Ban Thường vụ Huyện ủy Yên Lạc giao "
                     f"Ban Tổ chức Huyện ủy hướng dẫn các chi bộ thực hiện Nghị quyết số {i % 50 + 1}-NQ/TW của Bộ "
                     f"Chính trị. Đồng chí Nguyễn Văn An {i}, Bí thư Đảng ủy xã, cho biết toàn Đảng bộ có "
                     f"{1000 + i} đảng viên, sinh hoạt tại {i % 30 + 5} chi bộ.\n\n")
        paragraphs.append(paragraph)
        length += len(paragraph)
        i += 1
    return "".join(paragraphs)[:size]


def _feed_article(size: int) -> str | None:
    """The shared feed's real articles run together to `size` characters (the crawl has pages that long)."""
    feed = ROOT.parent / "shared" / "feed" / "baomoi-2017-sample.jsonl"
    if not feed.exists():
        return None
    texts, length = [], 0
    for line in feed.read_text(encoding="utf-8").splitlines():
        if length >= size:
            break
        texts.append(json.loads(line)["text"])
        length += len(texts[-1]) + 2
    return "\n\n".join(texts)[:size]


def corpus() -> dict[str, bytes]:
    """File name → bytes: every reproduction of the issue, at full size."""
    real = _feed_article(1_300_000)
    return {
        **({"feed-run-together-1.3MB.txt": real.encode()} if real else {}),
        "dense-bulletin-1.3MB.txt": _long_article(1_300_000).encode(),
        "dense-bulletin-100kB.txt": _long_article(100_000).encode(),
        "counts-2900.txt": "".join(f"Chi bộ {i} có {i % 90 + 10} đảng viên. " for i in range(2900)).encode(),
        "number-words.txt": ("Đảng bộ có " + "một triệu " * 300 + "đảng viên").encode(),
        "number-list.txt": ("gồm các chi bộ " + ", ".join(str(i % 100) for i in range(2000))).encode(),
        "place-run.txt": ("Hà Nội Hải Phòng Nam Định Thái Bình Ninh Bình " * 400).encode(),
        "dotted.txt": (_SENTENCE + "1." * 20000).encode(),
        "names-list.txt": (_SENTENCE + ", ".join(f"đồng chí Nguyễn Văn {chr(65 + i % 26)}{i}" for i in
                                                 range(3000))).encode(),
        "orgs-list.txt": (_SENTENCE + ", ".join(f"Đảng bộ xã Tân {i}" for i in range(4000))).encode(),
        "marks.txt": (_SENTENCE + "a" + "\u0301" * 1_800_000).encode(),
        "bidi.txt": (_SENTENCE + "Chi bộ có \u202e12\u202c đảng viên. " * 2000).encode(),
        "digits.txt": (_SENTENCE + "Mã " + "9" * 4400 + ".").encode(),
        "iframe.html": b"<body><iframe></iframe></body></html>",
        "deep.html": (b"<html><body>" + b"<div>" * 50000 + f"<p>{_SENTENCE}</p>".encode() + b"</div>" * 50000
                      + b"</body></html>"),
        "noise.bin": bytes(range(256)) * 4000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=30.0, help="the batch's per-article budget")
    args = parser.parse_args()
    slowest = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for name, data in corpus().items():
            (Path(folder) / name).write_bytes(data)
        print(f"{'input':<22} {'kB':>7} {'seconds':>8}  result")
        for path in sorted(Path(folder).iterdir()):
            started = time.perf_counter()
            items = list(read_inputs([str(path)], timeout=args.timeout))
            outcomes = [extract_one(item, None, args.timeout) for item in items]
            seconds = time.perf_counter() - started
            slowest = max(slowest, seconds)
            results = ", ".join("record" if ok else record["error"]["code"] for ok, record in outcomes)
            print(f"{path.name:<22} {path.stat().st_size / 1000:>7.0f} {seconds:>8.2f}  {results}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"slowest input {slowest:.1f} s (ceiling {args.timeout:.0f} s); peak memory {peak:.0f} MB (ceiling 1,024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
