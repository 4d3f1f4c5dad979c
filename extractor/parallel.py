"""Work spread over worker processes, results handed back in input order.

Each worker is a process of its own with one pipe, given one item at a time, so when a worker dies (killed,
out of memory, a crash in native code) we know which item it held: that item gets the caller's `crashed`
result, a new worker takes the dead one's place, and the run goes on. Items are read lazily and at most
`window` of them are between reading and handing back, so memory does not grow with the input.

Workers are forked from the calling process when it runs no other thread (they then share its loaded
models, page by page, and start at once); otherwise they come from a fork server, since forking a process
whose other threads may hold locks can deadlock the child.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator

_END = object()


class WorkerDied(Exception):
    """A worker process ended while it held an item (its message says how)."""


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, as under `taskset` or a container's cpuset)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _serve(work: Callable[[Any], Any], conn) -> None:
    """A worker's loop: an item in, its result out, until told to stop or the pipe closes."""
    # Ctrl-C reaches the whole process group; stopping is the main process's decision.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    while True:
        # A forked worker also holds copies of the pipes' other ends, so a main process killed outright
        # may never close them: the worker looks for its parent instead and ends when it is gone.
        while not conn.poll(1.0):
            if os.getppid() != parent:
                return
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        seq, item = message
        conn.send((seq, work(item)))


def start_method(asked: str | None = None) -> str:
    """How workers start: forked while this process runs no other thread, else from a fork server."""
    if asked is not None:
        return asked
    return "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() \
        else "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _context(asked: str | None):
    return multiprocessing.get_context(start_method(asked))


def _death(exitcode: int | None) -> WorkerDied:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return WorkerDied(f"the worker process was killed by {name}")
    return WorkerDied(f"the worker process exited with code {exitcode}")


class _Pool:
    """`jobs` workers, each holding at most one item; a dead worker is replaced."""

    def __init__(self, work: Callable[[Any], Any], jobs: int, start_method: str | None):
        self._work, self._start_method = work, start_method
        self._workers: list[list] = [self._start() for _ in range(jobs)]   # [process, conn, (seq, item) | None]

    def _start(self) -> list:
        context = _context(self._start_method)
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(self._work, theirs), daemon=True)
        process.start()
        theirs.close()
        return [process, ours, None]

    @property
    def busy(self) -> int:
        return sum(worker[2] is not None for worker in self._workers)

    def idle(self) -> list:
        return [worker for worker in self._workers if worker[2] is None]

    def submit(self, worker: list, seq: int, item: Any) -> None:
        worker[2] = (seq, item)
        try:
            worker[1].send((seq, item))
        except (BrokenPipeError, ConnectionResetError):
            pass                # it died while idle: `collect` sees its end and names the item

    def collect(self, crashed: Callable[[Any, WorkerDied], Any]) -> list[tuple[int, Any]]:
        """Wait for at least one busy worker to answer or die; (seq, result) of each that did."""
        busy = [worker for worker in self._workers if worker[2] is not None]
        ready = set(wait([w[1] for w in busy] + [w[0].sentinel for w in busy]))
        results = []
        for worker in busy:
            process, conn, (seq, item) = worker
            if conn in ready:
                try:
                    results.append(conn.recv())
                    worker[2] = None
                    continue
                except (EOFError, OSError):
                    pass        # the pipe closed: it died before answering
            elif process.sentinel not in ready:
                continue
            process.join()
            conn.close()
            results.append((seq, crashed(item, _death(process.exitcode))))
            self._workers[self._workers.index(worker)] = self._start()
        return results

    def close(self) -> None:
        for process, conn, _ in self._workers:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for process, _, held in self._workers:
            if held is not None:                # stopped early (Ctrl-C, an error): its item is abandoned
                process.terminate()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()


def map_in_order(work: Callable[[Any], Any], items: Iterable[Any], jobs: int, *,
                 crashed: Callable[[Any, WorkerDied], Any], local: Callable[[Any], bool] = lambda item: False,
                 window: int | None = None, start_method: str | None = None) -> Iterator[Any]:
    """`work(item)` for every item, run by `jobs` worker processes, yielded in the items' order.

    `work` must be picklable (a module-level function or a `functools.partial` of one) unless workers are
    forked. Items for which `local(item)` is true are worked here (cheap ones, or ones that do not pickle).
    At most `window` items (4 × jobs by default) are read ahead of the one yielded next.
    """
    window = window or 4 * jobs
    pool = _Pool(work, jobs, start_method)
    source = iter(items)
    waiting: deque[tuple[int, Any]] = deque()
    done: dict[int, Any] = {}
    read = handed = 0
    exhausted = False
    try:
        while True:
            while not exhausted and read - handed < window:
                item = next(source, _END)
                if item is _END:
                    exhausted = True
                elif local(item):
                    done[read] = work(item)
                    read += 1
                else:
                    waiting.append((read, item))
                    read += 1
            for worker in pool.idle()[:len(waiting)]:
                pool.submit(worker, *waiting.popleft())
            while handed in done:
                yield done.pop(handed)
                handed += 1
            if exhausted and handed == read:
                return
            if pool.busy and handed not in done:
                done.update(pool.collect(crashed))
    finally:
        pool.close()
