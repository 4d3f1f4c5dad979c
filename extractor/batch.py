"""Many inputs to records and error records: read → extract → write, counting as it goes."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from extractor.api import extract_many
from extractor.readers import DEFAULT_MAX_BYTES, read_inputs
from extractor.writers import JsonlSink


@dataclass
class Summary:
    records: int = 0
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def line(self, errors_to: str) -> str:
        total = self.records + self.failed
        text = f"extractor: {total} article(s), {self.records} record(s), {self.failed} error(s) in {self.seconds:.1f}s"
        if self.failed:
            kinds = ", ".join(f"{code} ×{n}" for code, n in self.errors.most_common())
            text += f" ({kinds}); errors in {errors_to}"
        return text


def run_batch(inputs: list[str], records: JsonlSink, errors: JsonlSink, *, published: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)
    try:
        for ok, item in extract_many(read_inputs(inputs, max_bytes), published=published):
            if ok:
                records.write(item)
                summary.records += 1
            else:
                errors.write(item)
                summary.errors[item["error"]["code"]] += 1
            if bar is not None:
                bar.update(1)
    except BaseException:
        records.abandon()
        errors.abandon()
        raise
    finally:
        if bar is not None:
            bar.close()
    records.close()
    errors.close()
    summary.seconds = time.perf_counter() - started
    return summary
