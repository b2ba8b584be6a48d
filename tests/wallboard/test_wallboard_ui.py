"""The wallboard window: layout at 1080p and 4K, keys, colour-blind-safe alerts, repaints
coalesced under a flood of events, and the roster's sorting and filtering."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from wallboard_test_data import queue

from agent_desktop.domain.wallboard import RosterEntry, WallboardSnapshot
from agent_desktop.services.wallboard import Level, WallboardState
from agent_desktop.ui.wallboard import WallboardWindow
from agent_desktop.ui.wallboard.board import LEVEL_COLOURS
from agent_desktop.ui.wallboard.roster import NAME, TIME

NOW = datetime.now(UTC)


def agent(i: int, state: str, minutes: int, reason: str | None = None) -> RosterEntry:
    return RosterEntry(
        id=f"a{i}",
        name=f"Agent {i:02d}",
        state=state,
        reason_code=reason,
        since=NOW - timedelta(minutes=minutes),
        queues=("q001",),
        interaction_id="int-1" if state == "busy" else None,
        interaction_queue="q001" if state == "busy" else None,
    )


def board_with(qtbot: QtBot, queues: int, size: tuple[int, int]) -> WallboardWindow:
    state = WallboardState()
    state.apply(WallboardSnapshot(tuple(queue(i) for i in range(queues)), (), NOW))
    window = WallboardWindow(state, rotation_seconds=3600)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_layout_adapts_to_1080p_and_4k(qtbot: QtBot) -> None:
    window = board_with(qtbot, 20, (1920, 1080))
    board = window.board
    assert board.per_page() == 8 and board.pager.pages == 3
    tab_height = window.tabs.tabBar().sizeHint().height()
    window.resize(3840, 2160)
    qtbot.waitUntil(lambda: board.width() > 3000)
    assert board.scale() > 1.9  # the same eight tiles, twice as large
    assert board.per_page() == 8
    assert window.tabs.tabBar().sizeHint().height() > 1.5 * tab_height
    window.resize(1080, 1920)  # a portrait screen: fewer columns, more rows
    qtbot.waitUntil(lambda: board.width() < 1100)
    cols, rows, _w, _h = board.grid()
    assert rows > 2 and cols * rows > 8


def test_keys_pause_and_step_the_rotation(qtbot: QtBot) -> None:
    window = board_with(qtbot, 20, (1920, 1080))
    board = window.board
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_Right)
    assert board.pager.page == 1
    qtbot.keyClick(board, Qt.Key.Key_Left)
    qtbot.keyClick(board, Qt.Key.Key_Left)
    assert board.pager.page == 2
    qtbot.keyClick(board, Qt.Key.Key_Space)
    assert board.pager.paused
    board.rotate()
    assert board.pager.page == 2  # paused: the timer does not move it
    qtbot.keyClick(board, Qt.Key.Key_Space)
    board.rotate()
    assert board.pager.page == 0


def test_a_critical_tile_changes_colour_and_says_so_in_words(qtbot: QtBot) -> None:
    window = board_with(qtbot, 3, (1920, 1080))
    state = window.state
    state.apply(queue(1, waiting=14))
    assert state.queue_level("q001") == (Level.CRITICAL, ["waiting", "longest_wait_seconds"])
    window.flush()
    image = window.board.grab().toImage()
    window.board.grab().save("/tmp/wallboard-tiles.png")
    red = LEVEL_COLOURS[Level.CRITICAL][0]
    # the second tile's border is red, the first's is not
    _cols, _rows, tile_w, _h = window.board.grid()
    y = int(window.board.height() / 2 - 50)
    xs_first = range(10, int(tile_w))
    xs_second = range(int(tile_w) + 20, int(2 * tile_w))
    assert any(image.pixelColor(x, 100) == red for x in xs_second) or any(
        image.pixelColor(int(tile_w) + 19, yy) == red for yy in range(90, y)
    )
    assert not any(image.pixelColor(x, 100) == red for x in xs_first)
    assert window.board.level_text(Level.CRITICAL) == "CRITICAL"
    ticker = [window.board.alert_text(a) for a in state.alerts]
    assert any("Queue 001" in t and "Waiting 14" in t and "CRITICAL" in t for t in ticker)


def test_a_flood_of_events_costs_at_most_about_ten_repaints_a_second(qtbot: QtBot) -> None:
    window = board_with(qtbot, 20, (1920, 1080))
    app = QApplication.instance()
    assert app is not None
    before = window.board.paints
    started = time.perf_counter()
    applied = 0
    while time.perf_counter() - started < 1.0:
        for _ in range(200):
            applied += 1
            window.state.apply(queue(applied % 20, waiting=applied % 7))
        app.processEvents()
    elapsed = time.perf_counter() - started
    paints = window.board.paints - before
    print(f"figure: {applied} events in {elapsed:.2f} s, {paints} repaints")
    assert applied > 1000
    assert 1 <= paints <= elapsed * 10 + 3
    # the last figures are on screen once the flood stops
    qtbot.waitUntil(lambda: not window.coalescer.pending)
    assert window.state.queues[f"q{applied % 20:03d}"].waiting == applied % 7


def test_roster_sorts_and_filters(qtbot: QtBot) -> None:
    state = WallboardState()
    agents = (
        agent(1, "ready", 3),
        agent(2, "not_ready", 42, "lunch"),
        agent(3, "busy", 7),
        agent(4, "not_ready", 1, "training"),
    )
    state.apply(WallboardSnapshot((queue(1),), agents, NOW))
    window = WallboardWindow(state, reason_label=lambda c: c.title(), rotation_seconds=3600)
    qtbot.addWidget(window)
    window.roster.model.clock = lambda: NOW  # times in state against a fixed clock
    window.tabs.setCurrentWidget(window.roster)
    window.flush()
    view = window.roster
    proxy = view.proxy

    def names() -> list[str]:
        return [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]

    view.table.sortByColumn(TIME, Qt.SortOrder.DescendingOrder)
    assert names() == ["Agent 02", "Agent 03", "Agent 01", "Agent 04"]
    assert proxy.index(0, TIME).data() == "42:00"
    view.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert names() == ["Agent 01", "Agent 02", "Agent 03", "Agent 04"]
    view.states.setCurrentIndex(view.states.findData("not_ready"))
    assert names() == ["Agent 02", "Agent 04"]
    view.search.setText("lunch")
    assert names() == ["Agent 02"]
    view.search.clear()
    view.states.setCurrentIndex(0)
    # a change arrives: the row follows
    state.apply(agent(1, "busy", 0))
    window.flush()
    row = names().index("Agent 01")
    assert proxy.index(row, 1).data() == "On a call"
    assert proxy.index(row, 4).data() == "int-1"
