"""``agent-desktop bench --quick`` runs and writes well-formed JSON. Figures are measured,
never asserted: this test checks the shape of the report only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

KEYS = {"name", "unit", "median", "p95", "floor", "ratio", "budget", "ok", "samples"}


def test_quick_bench_writes_one_object_per_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "agent_desktop", "bench", "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(figures, list) and len(figures) >= 5
    names = [f["name"] for f in figures]
    assert len(set(names)) == len(names)
    for f in figures:
        assert set(f) == KEYS, f
        assert f["unit"] in {"s", "ms", "MB", "%", "/s"}
        assert isinstance(f["median"], int | float) and f["median"] >= 0
        assert f["p95"] is None or f["p95"] >= 0
        assert isinstance(f["ok"], bool)
        assert f["samples"] >= 0
        if f["floor"] is not None and f["floor"] > 0:
            assert f["ratio"] == pytest.approx(f["median"] / f["floor"], rel=0.02, abs=0.01)
    for row in (
        "screen-pop",
        "context after the pop",
        "history, 50 000",
        "KB suggestions",
        "wallboard",
        "event-loop lag p99",
        "event-loop lag max",
        "cold start",
    ):
        assert any(name.startswith(row) for name in names), row
    print("\n" + result.stdout)


def test_percentile_is_the_nearest_rank() -> None:
    from agent_desktop.bench.figures import percentile

    samples = [float(n) for n in range(1, 101)]  # 1 … 100
    assert percentile(samples, 50) == 50
    assert percentile(samples, 95) == 95
    assert percentile(samples, 99) == 99
    assert percentile([7.0], 99) == 7
    with pytest.raises(ValueError):
        percentile([], 50)


def test_a_figure_without_a_floor_has_no_ratio_and_its_json_has_every_field() -> None:
    from agent_desktop.bench.figures import figure, single, table

    timed = figure(
        "pop", "ms", [10.0, 20.0, 30.0], "p95 ≤ 50 ms", lambda _m, p, _r: (p or 0) <= 50, 5.0
    )
    assert timed.as_json()["ratio"] == 4.0 and timed.ok
    rate = single("repaints", "/s", 9.5, "≤ 11 /s", True)
    assert rate.ratio is None and rate.as_json()["p95"] is None
    assert set(rate.as_json()) == KEYS
    assert "repaints" in table([timed, rate])


@pytest.mark.qt_log_ignore("a message that matters")
def test_the_bench_drops_only_the_offscreen_notice(qtlog) -> None:
    from PySide6.QtCore import qWarning

    from agent_desktop.bench.measure import quiet_offscreen_noise

    quiet_offscreen_noise()
    qWarning("This plugin does not support propagateSizeHints()")
    qWarning("a message that matters")
    assert [record.message for record in qtlog.records] == ["a message that matters"]


def test_stolen_time_reads_the_steal_column_and_leaves_guest_time_out() -> None:
    import time

    from agent_desktop.bench.cpu_time import StolenTime, machine_ticks

    # user nice system idle iowait irq softirq steal guest guest_nice (proc(5))
    assert machine_ticks("cpu  100 0 50 800 10 0 5 35 70 0\n") == (35, 1000)
    assert machine_ticks("intr 1 2 3") is None
    with StolenTime() as stolen:
        time.sleep(0.1)  # ten ticks of each CPU go by (USER_HZ is 100)
    if machine_ticks() is None:  # not Linux
        assert stolen.percent is None and "unknown" in stolen.phrase()
    else:
        assert stolen.percent is not None and 0 <= stolen.percent <= 100
        assert "other guests" in stolen.phrase()


def test_the_frame_timer_times_the_next_frame_without_painting_twice(qtbot) -> None:
    import time

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QLabel

    from agent_desktop.bench.soak import FrameTimer

    window = QLabel("Mme Durand")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the first frames
    paints: list[float] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(time.perf_counter())
            return False

    spy = Spy()
    window.installEventFilter(spy)
    frames = FrameTimer(window)
    shown: list[float] = []
    frames.then(shown.append)
    window.setText("M. Martin")
    qtbot.waitUntil(lambda: bool(shown))
    assert len(paints) == 1 and paints[0] <= shown[0]
    window.setText("Mme Petit")  # no one waits: the frame goes by untouched
    qtbot.waitUntil(lambda: len(paints) == 2)
    assert len(shown) == 1


@pytest.mark.skipif(
    not Path("/proc/thread-self/schedstat").exists() or not hasattr(os, "sched_setaffinity"),
    reason="Linux's per-thread scheduler statistics",
)
def test_thread_clocks_count_the_wait_for_a_core_another_process_holds() -> None:
    import time

    from agent_desktop.bench.cpu_time import ThreadClocks

    cpu = min(os.sched_getaffinity(0))
    spinner = subprocess.Popen(
        [sys.executable, "-c", f"import os\nos.sched_setaffinity(0, {{{cpu}}})\nwhile 1: pass"]
    )
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {cpu})  # this thread only: it now shares one core with a spinner
    try:
        time.sleep(0.2)  # the spinner is running
        with ThreadClocks() as clocks:
            start = clocks.read()
            end = time.perf_counter() + 0.5
            while time.perf_counter() < end:
                pass
            busy = clocks.read()
            time.sleep(0.05)
            rested = clocks.read().since(busy)
        ran, waited, stolen = busy.since(start)
    finally:
        os.sched_setaffinity(0, before)
        spinner.kill()
        spinner.wait()
    assert start.core == cpu and len(start.stolen) == os.cpu_count()
    assert waited > 100  # ms, of 500 wall: the scheduler shares the core about evenly
    assert 100 < ran < 450 and 0 <= stolen <= 500
    assert rested[1] < 20  # asleep is not waiting for a core


def test_cpu_time_reads_linux_counters() -> None:
    from agent_desktop.bench.cpu_time import (
        TICK,
        Reading,
        last_core,
        run_queue_seconds,
        stolen_per_cpu,
    )

    stat = b"cpu  9 9 9 9 9 0 9 12 0 0\ncpu0 1 2 3 4 5 0 6 7 0 0\ncpu1 1 2 3 4 5 0 6 5 0 0\nintr 9"
    assert stolen_per_cpu(stat) == (7 * TICK, 5 * TICK)
    assert stolen_per_cpu(stat[: stat.index(b"cpu1") + 20]) == (7 * TICK,)  # cut inside cpu1
    assert run_queue_seconds(b"1077934 589507000 3\n") == 0.589507
    assert run_queue_seconds(b"") == 0.0
    fields = " ".join(str(n) for n in range(3, 53))  # field 3 is the state, 39 the CPU
    assert last_core(f"123 (Qt (a) b) {fields}".encode()) == 39
    assert last_core(b"") == -1
    before = Reading(ran=1.0, queued=0.5, core=1, stolen=(2.0, 3.0))
    after = Reading(ran=1.004, queued=0.6, core=0, stolen=(2.5, 3.3))
    ran, waited, stolen = after.since(before)
    assert round(ran) == 4 and round(waited) == 100
    assert round(stolen) == 300  # on the CPU it slept on, not the one it woke on


def test_the_longest_lag_says_where_the_gui_threads_time_went() -> None:
    from agent_desktop.bench.measure import lags_not_stolen, longest_lag

    lags, ran, waited, stolen = [1.0, 95.0, 30.0], [1.0, 20.0, 28.0], [0, 5.0, 0], [0, 70.0, 0]
    assert longest_lag(lags, ran, waited, stolen) == (
        "95 ms: the GUI thread ran 20 ms, waited for a core 5 ms; "
        "the hypervisor held its virtual CPU 70 ms of it"
    )
    assert longest_lag([4.0, 2.0], [3.0, 1.0]) == "4 ms: the GUI thread ran 3 ms"
    assert lags_not_stolen(lags, stolen) == [1.0, 25.0, 30.0]
