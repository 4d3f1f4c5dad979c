"""A wall-clock budget per article: after `seconds`, the article's work is interrupted and it becomes an
E_TIMEOUT error record, so no input runs for minutes.

A POSIX interval timer on the main thread raises `OverBudget` wherever the work is; no thread is killed and
nothing is shared with another article (the caches the pipeline fills are complete or not filled). Where
there is no such timer (Windows, a worker thread) the work runs without a budget.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator


class OverBudget(BaseException):
    """Raised inside the article's work; a BaseException so that no `except Exception` on the way
    (ours or a library's) swallows it."""


def _interrupt(signum, frame):
    raise OverBudget


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
