"""Measuring helpers shared by the bench and ``agent-desktop kb figures``: timing an
awaitable, sampling the event loop's lag, waiting for a Qt signal, and asking the sandbox
for its 50 000-item customer."""

from __future__ import annotations

import asyncio
import sys
import time
from array import array
from collections.abc import Awaitable, Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from agent_desktop.bench.cpu_time import ThreadClocks

if TYPE_CHECKING:
    from agent_desktop.ui.event_loop import DesktopEventLoop

LAG_PERIOD = 0.005  # seconds between two lag samples
BIG_CUSTOMER_ITEMS = 50_000
# Qt's offscreen platform, on which the bench runs, says this each time a window's size
# limits change: hundreds of lines per soak, hiding the bench's own output.
OFFSCREEN_NOISE = "does not support propagateSizeHints"
_kept: list[Any] = []  # the message handler, alive as long as Qt may call it


def quiet_offscreen_noise() -> None:
    """Drop Qt's offscreen-platform notice above; every other Qt message still goes to
    stderr (or to the handler installed before)."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if OFFSCREEN_NOISE in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    _kept.append(handler)


def themed_loop() -> DesktopEventLoop:
    """The bench's Qt application (made if there is none) with the advisor's theme, its
    offscreen notice dropped, and the desktop's qasync loop on it, set as current."""
    from PySide6.QtWidgets import QApplication

    from agent_desktop.ui.event_loop import DesktopEventLoop
    from agent_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    quiet_offscreen_noise()
    apply_theme(app)  # the advisor's look: the style sheet is part of what paints cost
    loop = DesktopEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


async def time_async(runs: int, action: Callable[[], Awaitable[Any]]) -> list[float]:
    """Milliseconds per call of ``action`` over ``runs`` runs, after one warm-up run
    (connection, SQLite page cache)."""
    await action()
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        await action()
        out.append((time.perf_counter() - started) * 1e3)
    return out


class LagSampler:
    """How late the event loop wakes a task that sleeps ``period`` seconds, in ms, while
    the ``async with`` block runs: a long synchronous slot shows as one late sample."""

    def __init__(self, period: float = LAG_PERIOD) -> None:
        self.period = period
        # arrays of doubles, not lists of floats: a 200 s soak takes 40 000 samples, and
        # as Python floats they would add ~2.5 MB to the memory the soak measures
        self.samples: array[float] = array("d")
        # CPU time of this thread during each sample, ms: a late wake-up with little CPU
        # is the process waiting for a core (a busy or shared machine), not our code
        self.cpu_ms: array[float] = array("d")
        # time this thread was ready to run but waited for a core, and time the
        # hypervisor held the virtual CPU it slept on, each sample (Linux; cpu_time.py)
        self.wait_ms: array[float] = array("d")
        self.stolen_ms: array[float] = array("d")
        self.last_wake = time.perf_counter()  # the loop's heartbeat, for StallSampler
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        with ThreadClocks() as clocks:
            reading = clocks.read()
            while True:
                before = loop.time()
                await asyncio.sleep(self.period)
                self.last_wake = time.perf_counter()
                self.samples.append(max(0.0, loop.time() - before - self.period) * 1e3)
                reading, previous = clocks.read(), reading
                ran, waited, stolen = reading.since(previous)
                self.cpu_ms.append(ran)
                self.wait_ms.append(waited)
                self.stolen_ms.append(stolen)

    async def __aenter__(self) -> LagSampler:
        self._task = asyncio.ensure_future(self._run())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._task is not None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)


def longest_lag(
    lag_ms: Sequence[float],
    cpu_ms: Sequence[float],
    wait_ms: Sequence[float] = (),
    stolen_ms: Sequence[float] = (),
) -> str:
    """The longest lag of a :class:`LagSampler` run and where the GUI thread's time went
    meanwhile (``cpu_time.py``), as one phrase for the bench's report."""
    worst = max(range(len(lag_ms)), key=lag_ms.__getitem__)
    phrase = f"{lag_ms[worst]:.0f} ms: the GUI thread ran {cpu_ms[worst]:.0f} ms"
    if worst < len(wait_ms):
        phrase += f", waited for a core {wait_ms[worst]:.0f} ms"
    if worst < len(stolen_ms):
        phrase += f"; the hypervisor held its virtual CPU {stolen_ms[worst]:.0f} ms of it"
    return phrase


def lags_not_stolen(lag_ms: Sequence[float], stolen_ms: Sequence[float]) -> list[float]:
    """Each lag less the time the hypervisor held the GUI thread's virtual CPU during it
    (ms): the part this machine's own work can explain."""
    return [max(0.0, lag - stolen) for lag, stolen in zip(lag_ms, stolen_ms, strict=False)]


async def big_customer(control: httpx.AsyncClient, items: int = BIG_CUSTOMER_ITEMS) -> str:
    """The id of the sandbox's customer with ``items`` history items (generated once per
    sandbox data directory, about 6 s for 50 000)."""
    response = await control.post("/sandbox/customers/big", json={"items": items}, timeout=600)
    response.raise_for_status()
    return str(response.json()["customer_id"])


class Stopwatch:
    """Times from :meth:`start` to the first call of :meth:`stop` (later calls ignored);
    ``done`` is set then. Connect ``stop`` to a Qt signal to time until it is emitted."""

    def __init__(self) -> None:
        self.started: float | None = None
        self.elapsed_ms: float | None = None
        self.done = asyncio.Event()

    def start(self) -> None:
        self.started, self.elapsed_ms = time.perf_counter(), None
        self.done.clear()

    def stop(self, *_args: object) -> None:
        if self.started is not None and self.elapsed_ms is None:
            self.elapsed_ms = (time.perf_counter() - self.started) * 1e3
            self.done.set()

    async def wait(self, within: float) -> float | None:
        """The elapsed ms, or None if the signal did not come within ``within`` s."""
        try:
            await asyncio.wait_for(self.done.wait(), within)
        except TimeoutError:
            return None
        return self.elapsed_ms
