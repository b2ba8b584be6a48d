"""What the GUI thread is doing when the event loop stalls (``bench --stalls``).

A task on the loop ticks every few milliseconds; a watcher thread samples the GUI
thread's stack whenever the last tick is older than ``threshold``. Each stall is counted
once per distinct innermost project frame, so the report says which of our functions
(and which library call under them) held the loop, and for how many samples.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import AsyncIterator
from types import TracebackType

from agent_desktop.bench.measure import LagSampler

TICK = 0.002  # seconds between two heartbeats of the loop
SAMPLE = 0.003  # seconds between two looks of the watcher
# innermost functions of a thread that is waiting, not running Python
IDLE = frozenset({"wait", "_worker", "get", "select", "poll", "_wait_for_tstate_lock", "accept"})


def _where(frame_stack: traceback.StackSummary) -> str:
    """The innermost frame of ours, and the innermost frame of all, as one line."""
    ours = [f for f in frame_stack if "agent_desktop" in f.filename or "plugins" in f.filename]
    inner = frame_stack[-1]
    head = f"{inner.filename.rsplit('/', 2)[-2:]} {inner.name}:{inner.lineno}"
    if not ours:
        return f"(no project frame) … {head}"
    mine = ours[-1]
    return f"{mine.filename.split('agent_desktop/')[-1]}:{mine.lineno} {mine.name} … {head}"


class StallSampler(LagSampler):
    """``async with StallSampler(0.015) as s:`` … then ``s.report()``: a lag sampler
    whose heartbeat a watcher thread checks."""

    def __init__(self, threshold: float = 0.015) -> None:
        super().__init__(TICK)
        self.threshold = threshold
        self.stalls: Counter[str] = Counter()
        self._stop = threading.Event()
        self._gui = threading.get_ident()
        self._thread = threading.Thread(target=self._watch, name="stall-sampler", daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(SAMPLE):
            if time.perf_counter() - self.last_wake > self.threshold:
                frames = sys._current_frames()
                for ident, frame in frames.items():
                    if ident == threading.get_ident():
                        continue
                    stack = traceback.extract_stack(frame)
                    if ident != self._gui:
                        if stack[-1].name in IDLE:
                            continue  # a worker waiting for work
                        where = f"[other thread] {_where(stack)}"
                    else:
                        where = _where(stack)
                    self.stalls[where] += 1

    async def __aenter__(self) -> StallSampler:
        await super().__aenter__()
        self._thread.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        await super().__aexit__(exc_type, exc, tb)

    def report(self, top: int = 15) -> str:
        total = sum(self.stalls.values())
        lines = [
            f"GUI thread while the loop stalled > {self.threshold * 1e3:.0f} ms "
            f"({total} samples of {SAMPLE * 1e3:.0f} ms):"
        ]
        for where, count in self.stalls.most_common(top):
            lines.append(f"  {count:5d}  {where}")
        return "\n".join(lines)


@contextlib.asynccontextmanager
async def watching(sampler: StallSampler | None) -> AsyncIterator[None]:
    """Run ``sampler`` (if any) for the duration of the block."""
    if sampler is None:
        yield
        return
    async with sampler:
        yield
