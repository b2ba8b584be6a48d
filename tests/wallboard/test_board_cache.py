"""The board's painting cache: a tile is drawn again only when what it shows changes, the
picture is always the one an uncached paint would give, the next page is drawn ahead a
couple of tiles at a time, long queue names shrink and wrap before they are cut, and the
roster signals only the rows that changed."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from wallboard_test_data import queue

from agent_desktop.domain.wallboard import RosterEntry, WallboardSnapshot
from agent_desktop.services.wallboard import Level, WallboardState
from agent_desktop.ui.wallboard import WallboardWindow
from agent_desktop.ui.wallboard.board import BoardCanvas
from agent_desktop.ui.wallboard.roster import runs

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def agent(i: int, state: str = "ready") -> RosterEntry:
    return RosterEntry(f"a{i:02d}", f"Agent {i:02d}", state, None, NOW - timedelta(minutes=i))


def window_with(qtbot: QtBot, queues: int, agents: int = 0) -> WallboardWindow:
    state = WallboardState(clock=lambda: NOW)
    snapshot = WallboardSnapshot(
        tuple(queue(i) for i in range(queues)), tuple(agent(i) for i in range(agents)), NOW
    )
    state.apply(snapshot)
    window = WallboardWindow(state, rotation_seconds=3600)
    window.board.clock = lambda: NOW
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


def uncached(board: BoardCanvas) -> QImage:
    """The same board painted by a canvas that has nothing cached yet."""
    fresh = BoardCanvas(board.state)
    fresh.clock = board.clock
    fresh.pager.page = board.pager.page
    fresh.resize(board.size())
    image = fresh.grab().toImage()
    fresh.deleteLater()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def shown(board: BoardCanvas) -> QImage:
    return board.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_change_redraws_only_its_tile_and_shows_what_an_uncached_paint_shows(
    qtbot: QtBot,
) -> None:
    window = window_with(qtbot, 20)
    board = window.board
    app = QApplication.instance()
    assert app is not None
    board.grab()
    renders = board.cache.renders
    board.grab()  # nothing changed: every tile and the ticker come from the cache
    assert board.cache.renders == renders
    window.state.apply(queue(2, waiting=14))  # one tile goes critical
    window.flush()
    board.grab()
    # that tile, its new (red) frame and the ticker with the new alerts
    assert board.cache.renders - renders == 3
    assert window.state.queue_level("q002")[0] == Level.CRITICAL
    assert shown(board) == uncached(board)


class PaintSpy(QObject):
    """The regions a widget was asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.regions.append(event.region().boundingRect())
        return False


def test_an_agent_moving_redraws_only_the_row_of_counts(qtbot: QtBot) -> None:
    window = window_with(qtbot, 20)
    board = window.board
    qtbot.wait(50)  # the window's first paints
    spy = PaintSpy()
    board.installEventFilter(spy)
    renders, patches = board.cache.renders, board.cache.patches
    calm = queue(1)
    window.state.apply(dataclasses.replace(calm, agents_ready=1, agents_busy=6))
    window.flush()
    qtbot.waitUntil(lambda: bool(spy.regions))
    assert board.cache.renders == renders and board.cache.patches == patches + 1
    (_q, tile), *_ = [(q, r) for q, r in board.tile_rects() if q.queue_id == "q001"]
    (painted,) = spy.regions
    assert tile.toAlignedRect().contains(painted) and painted.height() < tile.height() / 5
    assert shown(board) == uncached(board)


def test_every_piece_of_a_tile_mended_alone_looks_as_if_drawn_whole(qtbot: QtBot) -> None:
    window = window_with(qtbot, 8)
    board = window.board
    board.grab()
    calm = queue(3)
    changes = [
        dict(waiting=1, longest_wait_seconds=45),  # two figures
        dict(service_level=0.61),  # its level, and so the tile's, changes: drawn whole
        dict(service_level=0.9, abandon_rate=0.125),
        dict(agents_not_ready=4, not_ready_by_reason={"lunch": 3, "training": 1}),
        dict(not_ready_by_reason={}),  # "No one on pause"
    ]
    for change in changes:
        window.state.apply(dataclasses.replace(calm, **change))
        window.flush()
        app = QApplication.instance()
        assert app is not None
        app.processEvents()
        assert shown(board) == uncached(board), change
    assert board.cache.patches >= 3


def test_a_change_made_after_the_repaint_was_asked_for_is_shown_by_the_next(
    qtbot: QtBot,
) -> None:
    window = window_with(qtbot, 8)
    board = window.board
    qtbot.wait(50)  # the window's first paints
    spy = PaintSpy()
    board.installEventFilter(spy)
    calm = queue(2)
    window.state.apply(dataclasses.replace(calm, agents_busy=7))
    window.flush()  # asks for the row of counts
    window.state.apply(dataclasses.replace(calm, agents_busy=7, waiting=3))  # not yet asked
    qtbot.waitUntil(lambda: bool(spy.regions))
    window.flush()
    qtbot.waitUntil(lambda: len(spy.regions) == 2)
    assert shown(board) == uncached(board)


def test_the_next_page_is_drawn_ahead_then_shown(qtbot: QtBot) -> None:
    window = window_with(qtbot, 20)
    board = window.board
    assert board.pager.page == 0
    board.rotate_soon()
    assert board.pager.page == 0  # a couple of tiles per turn of the event loop first
    qtbot.waitUntil(lambda: board.pager.page == 1)
    renders = board.cache.renders
    board.grab()
    assert board.cache.renders == renders  # every tile of page 2 was ready
    assert shown(board) == uncached(board)
    board.pager.paused = True
    board.rotate_soon()
    assert board.pager.page == 1 and not board._preparing


def test_a_long_name_shrinks_then_wraps_before_it_is_cut(qtbot: QtBot) -> None:
    long_name = "Cartes et paiements internationaux"
    window = window_with(qtbot, 3)
    window.state.apply(queue(1, waiting=14, name=long_name))  # CRITICAL beside the name
    window.flush()
    board = window.board
    s = board.scale()
    _font, text, wrap = board.name_fit(long_name, 260 * s, 44 * s, s)
    assert (text, wrap) == (long_name, True)
    font, text, wrap = board.name_fit("Particuliers Lyon", 280 * s, 44 * s, s)
    assert (text, wrap) == ("Particuliers Lyon", False) and font.pixelSize() >= 19 * s
    # the demo's English tile: "Cartes et paiemen… ⚠ WARNING" before
    (_q, rect), *_ = board.tile_rects()
    _inner, title, _top, _cell = board._tile_layout(rect, s)
    width = title.width() - board._badge_width(Level.WARNING, s) - 8 * s
    _font, text, _wrap = board.name_fit("Cartes et paiements", width, title.height(), s)
    assert text == "Cartes et paiements"
    # cut only when two lines cannot hold it
    _font, text, _wrap = board.name_fit(long_name * 4, 260 * s, 44 * s, s)
    assert text.endswith("…")


def test_the_roster_signals_only_the_rows_that_changed(qtbot: QtBot) -> None:
    window = window_with(qtbot, 1, agents=50)
    window.tabs.setCurrentWidget(window.roster)
    window.flush()
    model = window.roster.model
    ranges: list[tuple[int, int]] = []

    def changed(first: QModelIndex, last: QModelIndex) -> None:
        ranges.append((first.row(), last.row()))

    model.dataChanged.connect(changed)
    for i in (3, 4, 5, 40):
        window.state.apply(agent(i, "busy"))
    window.flush()
    assert ranges == [(3, 5), (40, 40)]
    assert runs([1, 2, 3, 7, 9, 10]) == [(1, 3), (7, 7), (9, 10)]
