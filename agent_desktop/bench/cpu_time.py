"""Where the GUI thread's time went while the event loop was late.

A late wake-up of the loop is our code's doing only if the GUI thread ran meanwhile.
Linux tells what else happened: the thread was ready but another thread or process of
this machine had the core (its run-queue wait, /proc/thread-self/schedstat), or the
hypervisor ran another guest instead of the virtual CPU the thread slept on (that CPU's
``steal`` column in /proc/stat). The bench prints this split beside its longest lags so
a reader can tell the machine's share from ours. Elsewhere than Linux these read 0.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

TICK = 1 / (os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100)  # /proc/stat's unit


class ProcFile:
    """A /proc file kept open and read again with one ``pread`` (a few µs: cheap enough
    for every 5 ms sample); reads ``b""`` where there is no such file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> ProcFile:
        try:
            self._fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            self._fd = None
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def read(self, size: int = 1024) -> bytes:
        return b"" if self._fd is None else os.pread(self._fd, size, 0)


def machine_ticks(stat: str | None = None) -> tuple[int, int] | None:
    """(stolen, all) CPU clock ticks of the whole machine so far, from the first line of
    Linux's /proc/stat (``cpu user nice system idle iowait irq softirq steal guest
    guest_nice``; guest time is already counted in user time, so it is left out of
    "all"); None where there is no such file."""
    if stat is None:
        try:
            with open("/proc/stat", encoding="ascii") as f:
                stat = f.readline()
        except OSError:
            return None
    fields = stat.split()
    if len(fields) < 9 or fields[0] != "cpu":
        return None
    ticks = [int(x) for x in fields[1:9]]
    return ticks[7], sum(ticks)


class StolenTime:
    """``with StolenTime() as stolen: …`` then ``stolen.percent``: the share of the
    machine's CPU time its hypervisor gave to other guests meanwhile. A virtual machine's
    stall with the GUI thread idle usually comes with it; the bench prints it beside the
    stalls so a reader can tell the machine's share from ours."""

    def __init__(self) -> None:
        self.percent: float | None = None
        self._start: tuple[int, int] | None = None

    def __enter__(self) -> StolenTime:
        self._start = machine_ticks()
        return self

    def __exit__(self, *_exc: object) -> None:
        end = machine_ticks()
        if self._start is not None and end is not None and end[1] > self._start[1]:
            self.percent = 100 * (end[0] - self._start[0]) / (end[1] - self._start[1])

    def phrase(self) -> str:
        if self.percent is None:
            return "the hypervisor's share unknown"
        return f"{self.percent:.1f} % of the machine's CPU time went to other guests"


def stolen_per_cpu(stat: bytes) -> tuple[float, ...]:
    """Seconds each CPU's hypervisor has taken so far, from /proc/stat's ``cpuN`` lines
    (whole lines only: a read of the file's head may end inside one)."""
    out = []
    for line in stat.split(b"\n")[1:-1]:
        if not line.startswith(b"cpu"):
            break
        fields = line.split()
        if len(fields) > 8:
            out.append(int(fields[8]) * TICK)
    return tuple(out)


def run_queue_seconds(schedstat: bytes) -> float:
    """Seconds the thread has waited on a run queue (schedstat: ns on a CPU, ns waiting,
    time slices)."""
    fields = schedstat.split()
    return int(fields[1]) / 1e9 if len(fields) >= 2 else 0.0


def last_core(stat: bytes) -> int:
    """The CPU the thread last ran on (field 39 of /proc/thread-self/stat; counted after
    the command name, which may hold spaces), -1 if unknown."""
    fields = stat.rpartition(b")")[2].split()
    return int(fields[36]) if len(fields) > 36 else -1


@dataclass(frozen=True)
class Reading:
    ran: float  # seconds the thread has run
    queued: float  # seconds it has waited on a run queue
    core: int  # the CPU it last ran on, -1 if unknown
    stolen: tuple[float, ...]  # seconds the hypervisor has taken from each CPU

    def since(self, before: Reading) -> tuple[float, float, float]:
        """(ran, waited for a core, stolen) in ms from ``before`` to this reading. Stolen
        counts the CPU the thread was on at ``before``: where it went to sleep, and
        where its timer fires."""
        core = before.core
        stolen = 0.0
        if 0 <= core < min(len(self.stolen), len(before.stolen)):
            stolen = self.stolen[core] - before.stolen[core]
        return (
            (self.ran - before.ran) * 1e3,
            (self.queued - before.queued) * 1e3,
            stolen * 1e3,
        )


class ThreadClocks:
    """``with ThreadClocks() as clocks: a = clocks.read(); …; clocks.read().since(a)``,
    on the thread to be watched (the files are that thread's)."""

    def __init__(self) -> None:
        self._schedstat = ProcFile("/proc/thread-self/schedstat")
        self._stat = ProcFile("/proc/thread-self/stat")
        self._cpus = ProcFile("/proc/stat")

    def __enter__(self) -> ThreadClocks:
        for f in (self._schedstat, self._stat, self._cpus):
            f.__enter__()
        return self

    def __exit__(self, *_exc: object) -> None:
        for f in (self._schedstat, self._stat, self._cpus):
            f.__exit__()

    def read(self) -> Reading:
        return Reading(
            ran=time.thread_time(),
            queued=run_queue_seconds(self._schedstat.read(128)),
            core=last_core(self._stat.read(1024)),
            # the cpuN lines come first: 4 kB holds dozens of them
            stolen=stolen_per_cpu(self._cpus.read(4096)),
        )
