"""The wallboard's queue board: one tile per queue, drawn with QPainter, dark, huge type.

Readable from five metres: at 1920×1080 the main figures are 52 px high and every size
scales with the screen (3840×2160 draws the same twelve tiles twice as large). A tile over
a threshold changes colour *and* shows a shape (a triangle for a warning, an octagon for
a critical level) and a word, so no one has to tell amber from red.

Painting is cached: each tile and the ticker are drawn once into a pixmap and only drawn
again when what they show changes (a page of tiles at full HD took 20–40 ms of the GUI
thread per repaint when every text was laid out again ten times a second; a repaint of
cached tiles is a few blits). A tile whose figures changed is mended in pieces: only the
figure, the row of agents' counts or the not-ready reasons that changed is drawn again,
and only that piece reaches the screen (see ``pixmap_cache``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QRegion,
    QResizeEvent,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from agent_desktop.domain.wallboard import QueueStats
from agent_desktop.services.wallboard import METRICS, Alert, Level, Pager, WallboardState
from agent_desktop.ui.text import fill
from agent_desktop.ui.wallboard.pixmap_cache import Pieces, PixmapCache, box

BACKGROUND = QColor("#0f1217")
TILE = QColor("#1c222b")
TILE_BORDER = QColor("#333c4a")
TEXT = QColor("#f2f4f7")
MUTED = QColor("#9aa5b4")
GOOD = QColor("#5ccf8a")
NOT_READY = QColor("#f0b36a")
LEVEL_COLOURS = {
    Level.WARNING: (QColor("#ffb020"), QColor("#3a2e0c")),
    Level.CRITICAL: (QColor("#ff5c5c"), QColor("#4a1417")),
}
BASE_TILE = (456, 430)  # at 1920×1080: 4 × 2 tiles
GAP = 16
HEADER = 72
TICKER = 64
PREPARED_PER_TURN = 2  # tiles of the next page drawn per turn of the event loop
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def format_wait(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


def format_share(value: float) -> str:
    return f"{round(value * 100)} %"


class BoardCanvas(QWidget):
    """Header, tiles of the current page and the alert ticker, in one paint.

    Attributes:
        paints: how many times it was painted (the tests count repaints).
        pager: the page rotation.
    """

    sig_page_changed = Signal(int, int)

    def __init__(
        self,
        state: WallboardState,
        reason_label: Callable[[str], str] = lambda code: code,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wallboardCanvas")
        self.state = state
        self.reason_label = reason_label
        self.pager = Pager()
        self.paints = 0
        self._fonts: dict[tuple[int, bool], QFont] = {}
        self.cache = PixmapCache(BACKGROUND)
        self._preparing: set[str] = set()  # queues of the next page, being drawn
        self._names: dict[tuple[str, float, float, float], tuple[QFont, str, bool]] = {}
        self._texts: dict[tuple[str, int, bool, float], QStaticText] = {}
        self.link_text = ""
        self.clock: Callable[[], datetime] = datetime.now
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        self.setMinimumSize(640, 400)

    # ------------------------------------------------------------------ geometry

    def scale(self) -> float:
        return max(0.5, min(self.width() / 1920, self.height() / 1080))

    def grid(self) -> tuple[int, int, float, float]:
        """Columns, rows, tile width and height for the current size."""
        s = self.scale()
        gap = GAP * s
        area_h = self.height() - (HEADER + TICKER) * s - gap
        cols = max(1, int((self.width() - gap) // (BASE_TILE[0] * s + gap)))
        rows = max(1, int(area_h // (BASE_TILE[1] * s + gap)))
        tile_w = (self.width() - gap * (cols + 1)) / cols
        tile_h = (area_h - gap * rows) / rows
        return cols, rows, tile_w, tile_h

    def per_page(self) -> int:
        cols, rows, _, _ = self.grid()
        return cols * rows

    def sync_pages(self) -> None:
        before = (self.pager.page, self.pager.pages)
        self.pager.resize(len(self.state.queues), self.per_page())
        if (self.pager.page, self.pager.pages) != before:
            self.sig_page_changed.emit(self.pager.page, self.pager.pages)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.sync_pages()
        super().resizeEvent(event)

    def visible_queues(self) -> list[QueueStats]:
        self.sync_pages()
        queues = list(self.state.queues.values())
        return [queues[i] for i in self.pager.slice()]

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_P):
            self.pager.paused = not self.pager.paused
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_N):
            self.pager.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.pager.step(-1)
        elif key == Qt.Key.Key_Home:
            self.pager.page = 0
        else:
            super().keyPressEvent(event)
            return
        self.sig_page_changed.emit(self.pager.page, self.pager.pages)
        self.update()

    def rotate(self) -> None:
        """Show the next page now (unless paused)."""
        if not self.pager.paused and self.pager.pages > 1:
            self.pager.tick()
            self.sig_page_changed.emit(self.pager.page, self.pager.pages)
            self.update()

    def rotate_soon(self) -> None:
        """The rotation timer fired: draw the next page's tiles a couple at a time, each
        in its own turn of the event loop, then show it (drawing a whole page in one
        paint held the loop for 20 ms, several times that on a loaded machine)."""
        if self.pager.paused or self.pager.pages < 2 or self._preparing:
            return
        if not self.isVisible():  # nothing to draw ahead: the page just moves on
            self.rotate()
            return
        page = (self.pager.page + 1) % self.pager.pages
        pending = self.tile_rects(page)
        self._preparing = {q.queue_id for q, _ in pending}
        self._prepare_step(pending)

    def _prepare_step(self, pending: list[tuple[QueueStats, QRectF]]) -> None:
        s = self.scale()
        for q, rect in pending[:PREPARED_PER_TURN]:
            self._tile_pixmap(q, rect, s)
        rest = pending[PREPARED_PER_TURN:]
        if rest:
            QTimer.singleShot(0, self, lambda: self._prepare_step(rest))
        else:
            self._preparing = set()
            self.rotate()

    # ------------------------------------------------------------------ painting

    def _font(self, px: float, bold: bool = False) -> QFont:
        key = (max(8, round(px)), bold)
        font = self._fonts.get(key)
        if font is None:  # a handful of sizes per screen size: made once each
            font = QFont(self.font())
            font.setPixelSize(key[0])
            font.setBold(bold)
            self._fonts[key] = font
        return font

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self._fonts.clear()
            self._texts.clear()
            self._names.clear()
            self.cache.clear()
        super().changeEvent(event)

    def tile_rects(self, page: int | None = None) -> list[tuple[QueueStats, QRectF]]:
        """The queues of a page (the visible one by default) and where their tiles go."""
        cols, _rows, tile_w, tile_h = self.grid()
        gap = GAP * self.scale()
        top = HEADER * self.scale() + gap
        if page is None:
            queues = self.visible_queues()
        else:
            every = list(self.state.queues.values())
            start = page * self.pager.per_page
            queues = every[start : start + self.pager.per_page]
        return [
            (
                queue,
                QRectF(
                    gap + (i % cols) * (tile_w + gap),
                    top + (i // cols) * (tile_h + gap),
                    tile_w,
                    tile_h,
                ),
            )
            for i, queue in enumerate(queues)
        ]

    def _tile_pixmap(
        self, q: QueueStats, rect: QRectF, s: float, exposed: QRegion | None = None
    ) -> tuple[QRect, QPixmap]:
        return self.cache.get(
            q.queue_id,
            self._tile_key(q, rect, s),
            rect,
            self.devicePixelRatioF(),
            lambda tp: self._paint_tile(tp, rect, q, s),
            exposed,
        )

    def _tile_key(self, q: QueueStats, rect: QRectF, s: float) -> Pieces:
        """What the tile shows, in the pieces a change of one agent or figure touches."""
        level, _metrics = self.state.queue_level(q.queue_id)
        cells, counts, reasons = self._tile_pieces(rect, s)
        figures = tuple(
            # the level icon reaches a pixel or two left of its cell
            (
                box(cell.adjusted(-4 * s, 0, 0, 0)),
                (text, self.state.levels.get((q.queue_id, metric), Level.OK)),
            )
            for cell, metric, text in zip(cells, METRICS, self._figures(q), strict=True)
        )
        agents = (q.agents_ready, q.agents_busy, q.agents_after_call_work, q.agents_not_ready)
        return Pieces(
            (q.queue_id, q.name, level, rect.getRect(), s, self.devicePixelRatioF()),
            (*figures, (box(counts), agents), (box(reasons), self._reasons_text(q))),
        )

    def _ticker_alerts(self) -> list[Alert]:
        # what is wrong now first; "back to normal" only when nothing else is left to say
        recent = list(reversed(self.state.alerts))
        return ([a for a in recent if a.level] or recent)[:12]

    def _ticker_rect(self, s: float) -> QRectF:
        h = TICKER * s
        return QRectF(0, self.height() - h, self.width(), h)

    def _ticker_key(self, s: float) -> object:
        return (tuple(self._ticker_alerts()), self._ticker_rect(s).getRect(), s)

    def refresh(self) -> None:
        """The figures changed: repaint the tiles and the ticker whose content changed."""
        s = self.scale()
        pages = (self.pager.page, self.pager.pages)
        dirty = [
            area
            for q, rect in self.tile_rects()
            for area in self.cache.dirty(q.queue_id, self._tile_key(q, rect, s), rect)
        ]
        dirty += self.cache.dirty("ticker", self._ticker_key(s), self._ticker_rect(s))
        if (self.pager.page, self.pager.pages) != pages:  # the header says "page 1 of n"
            self.update()
            return
        for area in dirty:
            self.update(area)

    def header_rect(self) -> QRect:
        return QRect(0, 0, self.width(), math.ceil(HEADER * self.scale()))

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        s = self.scale()
        dpr = self.devicePixelRatioF()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), BACKGROUND)
        self._paint_header(p, s)
        tiles = self.tile_rects()
        if not tiles:
            _cols, _rows, _tile_w, tile_h = self.grid()
            p.setPen(MUTED)
            p.setFont(self._font(32 * s))
            p.drawText(
                QRectF(0, HEADER * s + GAP * s, self.width(), tile_h),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Waiting for the first figures…"),
            )
        exposed = event.region()  # only the tiles whose figures changed, most of the time
        for queue, rect in tiles:
            if exposed.intersects(rect.toAlignedRect()):
                area, pixmap = self._tile_pixmap(queue, rect, s, exposed)
                p.drawPixmap(area.topLeft(), pixmap)
        ticker = self._ticker_rect(s)
        area, pixmap = self.cache.get(
            "ticker", self._ticker_key(s), ticker, dpr, lambda tp: self._paint_ticker(tp, s)
        )
        p.drawPixmap(area.topLeft(), pixmap)
        p.end()
        if exposed.contains(self.rect()):  # a whole repaint: the tiles of other pages go
            shown = {q.queue_id for q, _ in tiles} | self._preparing
            self.cache.keep(shown | {f"{q}/frame" for q in shown} | {"ticker"})

    def _paint_header(self, p: QPainter, s: float) -> None:
        rect = QRectF(GAP * s, 0, self.width() - 2 * GAP * s, HEADER * s)
        p.setPen(TEXT)
        p.setFont(self._font(34 * s, True))
        p.drawText(
            rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.tr("Queues")
        )
        parts = [
            self.tr("Page %1 of %2")
            .replace("%1", str(self.pager.page + 1))
            .replace("%2", str(self.pager.pages))
        ]
        if self.pager.paused:
            parts.append(self.tr("rotation paused (Space)"))
        if self.link_text:
            parts.append(self.link_text)
        parts.append(self.clock().strftime("%H:%M:%S"))
        p.setFont(self._font(26 * s))
        p.setPen(MUTED)
        p.drawText(
            rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, "   ·   ".join(parts)
        )

    def level_text(self, level: Level) -> str:
        return self.tr("CRITICAL") if level == Level.CRITICAL else self.tr("WARNING")

    def metric_label(self, metric: str) -> str:
        return {
            "waiting": self.tr("Waiting"),
            "longest_wait_seconds": self.tr("Longest wait"),
            "service_level": self.tr("Service level"),
            "abandon_rate": self.tr("Abandoned"),
        }[metric]

    def _paint_icon(self, p: QPainter, centre: QPointF, r: float, level: Level) -> None:
        colour = LEVEL_COLOURS[level][0]
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        if level == Level.WARNING:  # a triangle with "!"
            p.drawPolygon(
                QPolygonF(
                    [
                        QPointF(centre.x(), centre.y() - r),
                        QPointF(centre.x() + r * 1.1, centre.y() + r * 0.85),
                        QPointF(centre.x() - r * 1.1, centre.y() + r * 0.85),
                    ]
                )
            )
            mark = "!"
        else:  # an octagon with "×" (a stop sign)
            points = [
                QPointF(
                    centre.x() + r * math.cos(math.pi / 8 + k * math.pi / 4),
                    centre.y() + r * math.sin(math.pi / 8 + k * math.pi / 4),
                )
                for k in range(8)
            ]
            p.drawPolygon(QPolygonF(points))
            mark = "×"
        p.setPen(BACKGROUND)
        p.setFont(self._font(r * 1.3, True))
        box = QRectF(centre.x() - r, centre.y() - r * 0.8, 2 * r, 2 * r)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
        p.restore()

    def _text(
        self,
        p: QPainter,
        rect: QRectF,
        text: str,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        wrap: bool = False,
    ) -> None:
        """``p.drawText(rect, align, text)`` in the painter's font, plain text, with the
        layout kept between repaints (the same figures come back all the time)."""
        font = p.font()
        width = rect.width() if wrap else -1.0
        key = (text, font.pixelSize(), font.bold(), width)
        static = self._texts.get(key)
        if static is None:
            if len(self._texts) > 4000:  # figures of long ago
                self._texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setTextWidth(width)
            static.prepare(QTransform(), font)
            self._texts[key] = static
        size = static.size()
        x = rect.left()
        if align & Qt.AlignmentFlag.AlignRight:
            x = rect.right() - size.width()
        elif align & Qt.AlignmentFlag.AlignHCenter:
            x = rect.left() + (rect.width() - size.width()) / 2
        y = rect.top()
        if align & Qt.AlignmentFlag.AlignVCenter:
            y = rect.top() + (rect.height() - size.height()) / 2
        p.drawStaticText(QPointF(x, y), static)

    def _tile_layout(self, rect: QRectF, s: float) -> tuple[QRectF, QRectF, float, float]:
        """The tile's inner area, its title row, the top of the figures and a cell's height."""
        pad = 16 * s
        inner = rect.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
        title = QRectF(inner.x(), inner.y(), inner.width(), 44 * s)
        return inner, title, title.bottom() + 4 * s, 96 * s

    def _badge_width(self, level: Level, s: float) -> float:
        if not level:
            return 0.0
        font = self._font(24 * s, True)
        return QFontMetrics(font).horizontalAdvance(self.level_text(level)) + 36 * s

    def _paint_frame(self, p: QPainter, rect: QRectF, level: Level, s: float) -> None:
        """What a tile shows whatever its figures: border, level badge, labels."""
        border, fill = LEVEL_COLOURS.get(level, (TILE_BORDER, TILE))
        p.setPen(QPen(border, (5 if level else 2) * s))
        p.setBrush(fill)
        p.drawRoundedRect(rect.adjusted(s, s, -s, -s), 10 * s, 10 * s)
        inner, title, top, cell_h = self._tile_layout(rect, s)
        if level:  # the level icon and word, right of the name
            badge_w = self._badge_width(level, s)
            self._paint_icon(
                p, QPointF(title.right() - badge_w + 12 * s, title.center().y()), 12 * s, level
            )
            p.setFont(self._font(24 * s, True))
            p.setPen(LEVEL_COLOURS[level][0])
            self._text(
                p,
                title,
                self.level_text(level),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            )
        cell_w = inner.width() / 2
        p.setPen(MUTED)
        p.setFont(self._font(19 * s))
        for k, metric in enumerate(METRICS):
            x, y = inner.x() + (k % 2) * cell_w, top + (k // 2) * cell_h
            self._text(p, QRectF(x, y, cell_w, 26 * s), self.metric_label(metric))
        y = top + 2 * cell_h + 6 * s
        col_w = inner.width() / 4
        for k, label in enumerate(self.agent_labels()):
            p.setFont(self._fitted(label, 19 * s, col_w - 6 * s))
            self._text(p, QRectF(inner.x() + k * col_w, y, col_w, 26 * s), label, TOP_LEFT)

    def agent_labels(self) -> tuple[str, str, str, str]:
        return (self.tr("Ready"), self.tr("Busy"), self.tr("Wrap-up"), self.tr("Not ready"))

    def name_fit(self, name: str, width: float, height: float, s: float) -> tuple[QFont, str, bool]:
        """How a queue's name is drawn in a title of ``width`` × ``height``: the font, the
        text and whether it wraps. Smaller when long (down to the labels' size), on two
        lines of that size when still too long, and cut only when even two lines cannot
        hold it."""
        key = (name, width, height, s)
        fit = self._names.get(key)
        if fit is None:
            if len(self._names) > 1000:
                self._names.clear()
            fit = self._names[key] = self._name_fit(name, width, height, s)
        return fit

    def _name_fit(
        self, name: str, width: float, height: float, s: float
    ) -> tuple[QFont, str, bool]:
        smallest = max(8, round(19 * s))
        # glyph widths do not scale exactly with the size: a pixel smaller until it fits
        px = self._fitted(name, 30 * s, width).pixelSize()
        while px >= smallest:
            font = self._font(px, True)
            if QFontMetrics(font).horizontalAdvance(name) <= width:
                return font, name, False
            px -= 1
        box = QRect(0, 0, int(width), int(height))
        for px in range(smallest, smallest - 4, -1):  # two lines, a little smaller if need be
            font = self._font(px, True)
            bounds = QFontMetrics(font).boundingRect(box, Qt.TextFlag.TextWordWrap, name)
            if bounds.height() <= height + 1 and bounds.width() <= width:
                return font, name, True
        font = self._font(23 * s, True)
        return (
            font,
            QFontMetrics(font).elidedText(name, Qt.TextElideMode.ElideRight, int(width)),
            False,
        )

    def _paint_name(self, p: QPainter, rect: QRectF, name: str, s: float) -> None:
        font, text, wrap = self.name_fit(name, rect.width(), rect.height(), s)
        p.setPen(TEXT)
        p.setFont(font)
        self._text(p, rect, text, wrap=wrap)

    def _tile_pieces(self, rect: QRectF, s: float) -> tuple[list[QRectF], QRectF, QRectF]:
        """Where a tile's changing pieces are drawn: the four figures (with their level
        icon, under their labels), the agents' counts and the not-ready reasons (down to
        the tile's edge, in case they wrap further than their room)."""
        inner, _title, top, cell_h = self._tile_layout(rect, s)
        cell_w = inner.width() / 2
        cells = [
            QRectF(inner.x() + (k % 2) * cell_w, top + (k // 2) * cell_h + 26 * s, cell_w, 70 * s)
            for k in range(len(METRICS))
        ]
        y = top + 2 * cell_h + 6 * s
        counts = QRectF(rect.x(), y + 24 * s, rect.width(), 50 * s)
        reasons = QRectF(rect.x(), counts.bottom(), rect.width(), rect.bottom() - counts.bottom())
        return cells, counts, reasons

    @staticmethod
    def _figures(q: QueueStats) -> tuple[str, str, str, str]:
        return (
            str(q.waiting),
            format_wait(q.longest_wait_seconds),
            format_share(q.service_level),
            format_share(q.abandon_rate),
        )

    def _reasons_text(self, q: QueueStats) -> str:
        """Not-ready reasons, most common first: "how many are on pause" is the first
        question."""
        reasons = sorted(q.not_ready_by_reason.items(), key=lambda kv: (-kv[1], kv[0]))
        return "  ·  ".join(f"{self.reason_label(code)} {n}" for code, n in reasons)

    def _paint_tile(self, p: QPainter, rect: QRectF, q: QueueStats, s: float) -> None:
        level, _metrics = self.state.queue_level(q.queue_id)
        area, frame = self.cache.get(
            f"{q.queue_id}/frame",
            (level, rect.getRect(), s, self.devicePixelRatioF()),
            rect,
            self.devicePixelRatioF(),
            lambda fp: self._paint_frame(fp, rect, level, s),
        )
        p.drawPixmap(area.topLeft(), frame)
        clip = p.clipBoundingRect() if p.hasClipping() else None

        def shows(piece: QRectF) -> bool:  # mending one piece: the others are not drawn
            return clip is None or clip.intersects(piece.adjusted(-4 * s, -4 * s, 4 * s, 4 * s))

        inner, title, _top, _cell_h = self._tile_layout(rect, s)
        if shows(title):
            name_rect = title.adjusted(0, 0, -self._badge_width(level, s) - 8 * s, 0)
            self._paint_name(p, name_rect, q.name, s)
        cells, counts_rect, reasons_rect = self._tile_pieces(rect, s)
        # the four figures, two by two
        for cell, metric, text in zip(cells, METRICS, self._figures(q), strict=True):
            if not shows(cell):
                continue
            metric_level = self.state.levels.get((q.queue_id, metric), Level.OK)
            icon_w = 0.0
            if metric_level:  # a shape beside the figure: never colour alone
                icon_w = 34 * s
                self._paint_icon(
                    p, QPointF(cell.x() + 14 * s, cell.y() + 36 * s), 14 * s, metric_level
                )
            p.setPen(LEVEL_COLOURS[metric_level][0] if metric_level else TEXT)
            p.setFont(self._fitted(text, 64 * s, cell.width() - icon_w - 22 * s))
            self._text(p, cell.adjusted(icon_w, 0, 0, 0), text)
        # agents by state: a small word (in the frame) above a count
        counts = (
            (q.agents_ready, GOOD),
            (q.agents_busy, TEXT),
            (q.agents_after_call_work, TEXT),
            (q.agents_not_ready, NOT_READY),
        )
        col_w = inner.width() / 4
        p.setFont(self._font(36 * s, True))
        for k, (count, colour) in enumerate(counts if shows(counts_rect) else ()):
            p.setPen(colour)
            x = inner.x() + k * col_w
            self._text(p, QRectF(x, counts_rect.y(), col_w, 44 * s), str(count), TOP_LEFT)
        if not shows(reasons_rect):
            return
        text = self._reasons_text(q)
        p.setPen(NOT_READY if text else MUTED)
        p.setFont(self._font(22 * s))
        reason_rect = QRectF(
            inner.x(), reasons_rect.y(), inner.width(), inner.bottom() - reasons_rect.y()
        )
        self._text(p, reason_rect, text or self.tr("No one on pause"), TOP_LEFT, wrap=True)

    def _fitted(self, text: str, px: float, width: float, bold: bool = True) -> QFont:
        """The font of ``px`` pixels, smaller if ``text`` would not fit in ``width``."""
        font = self._font(px, bold)
        advance = QFontMetrics(font).horizontalAdvance(text)
        if advance > width > 0:  # rounded down: a font rounded up would not fit
            font = self._font(math.floor(px * width / advance), bold)
        return font

    def alert_text(self, alert: Alert) -> str:
        value = alert.value
        if alert.metric == "longest_wait_seconds":
            shown = format_wait(value)
        elif alert.metric in ("service_level", "abandon_rate"):
            shown = format_share(value)
        else:
            shown = str(int(value))
        if alert.level == Level.OK:
            word = self.tr("back to normal")
        else:
            word = self.level_text(alert.level)
        return fill(
            self.tr("%1 %2: %3 %4 — %5"),
            alert.at.strftime("%H:%M:%S"),
            alert.queue_name,
            self.metric_label(alert.metric),
            shown,
            word,
        )

    def _paint_ticker(self, p: QPainter, s: float) -> None:
        rect = self._ticker_rect(s)
        h = rect.height()
        p.fillRect(rect, QColor("#161b22"))
        x = GAP * s
        p.setFont(self._font(22 * s, True))
        p.setPen(MUTED)
        label = self.tr("Alerts")
        p.drawText(QRectF(x, rect.y(), rect.width(), h), Qt.AlignmentFlag.AlignVCenter, label)
        x += QFontMetrics(p.font()).horizontalAdvance(label) + 24 * s
        p.setFont(self._font(22 * s))
        alerts = self._ticker_alerts()
        if not alerts:
            p.drawText(
                QRectF(x, rect.y(), rect.width() - x, h),
                Qt.AlignmentFlag.AlignVCenter,
                self.tr("none"),
            )
        for alert in alerts:
            if x > rect.width() - 100 * s:
                break
            if alert.level:
                self._paint_icon(p, QPointF(x + 11 * s, rect.center().y()), 11 * s, alert.level)
                x += 30 * s
            text = self.alert_text(alert)
            p.setPen(LEVEL_COLOURS[alert.level][0] if alert.level else GOOD)
            width = QFontMetrics(p.font()).horizontalAdvance(text)
            p.drawText(QRectF(x, rect.y(), width + 4, h), Qt.AlignmentFlag.AlignVCenter, text)
            x += width + 40 * s
