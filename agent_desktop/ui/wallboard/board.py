"""The wallboard's queue board: one tile per queue, drawn with QPainter, dark, huge type.

Readable from five metres: at 1920×1080 the main figures are 52 px high and every size
scales with the screen (3840×2160 draws the same twelve tiles twice as large). A tile over
a threshold changes colour *and* shows a shape (a triangle for a warning, an octagon for
a critical level) and a word, so no one has to tell amber from red.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from agent_desktop.domain.wallboard import QueueStats
from agent_desktop.services.wallboard import Alert, Level, Pager, WallboardState
from agent_desktop.ui.text import fill

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
        """The rotation timer fired."""
        if not self.pager.paused and self.pager.pages > 1:
            self.pager.tick()
            self.sig_page_changed.emit(self.pager.page, self.pager.pages)
            self.update()

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

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        s = self.scale()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), BACKGROUND)
        self._paint_header(p, s)
        cols, _rows, tile_w, tile_h = self.grid()
        gap = GAP * s
        top = HEADER * s + gap
        queues = self.visible_queues()
        if not queues:
            p.setPen(MUTED)
            p.setFont(self._font(32 * s))
            p.drawText(
                QRectF(0, top, self.width(), tile_h),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Waiting for the first figures…"),
            )
        for i, queue in enumerate(queues):
            x = gap + (i % cols) * (tile_w + gap)
            y = top + (i // cols) * (tile_h + gap)
            self._paint_tile(p, QRectF(x, y, tile_w, tile_h), queue, s)
        self._paint_ticker(p, s)
        p.end()

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
            import math

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

    def _paint_tile(self, p: QPainter, rect: QRectF, q: QueueStats, s: float) -> None:
        level, _metrics = self.state.queue_level(q.queue_id)
        border, fill = LEVEL_COLOURS.get(level, (TILE_BORDER, TILE))
        p.setPen(QPen(border, (5 if level else 2) * s))
        p.setBrush(fill)
        p.drawRoundedRect(rect.adjusted(s, s, -s, -s), 10 * s, 10 * s)
        pad = 16 * s
        inner = rect.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
        # title row: name, then the level icon and word
        title_h = 44 * s
        title = QRectF(inner.x(), inner.y(), inner.width(), title_h)
        badge_w = 0.0
        if level:
            word = self.level_text(level)
            p.setFont(self._font(24 * s, True))
            badge_w = QFontMetrics(p.font()).horizontalAdvance(word) + 36 * s
            self._paint_icon(
                p, QPointF(title.right() - badge_w + 12 * s, title.center().y()), 12 * s, level
            )
            p.setPen(LEVEL_COLOURS[level][0])
            p.drawText(title, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, word)
        p.setPen(TEXT)
        name_rect = title.adjusted(0, 0, -badge_w - 8 * s, 0)
        # a long name beside the level word shrinks a little before it is cut
        font = self._fitted(q.name, 30 * s, name_rect.width())
        p.setFont(font if font.pixelSize() >= 23 * s else self._font(23 * s, True))
        name = QFontMetrics(p.font()).elidedText(
            q.name, Qt.TextElideMode.ElideRight, int(name_rect.width())
        )
        p.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        # the four figures, two by two
        figures = (
            ("waiting", str(q.waiting)),
            ("longest_wait_seconds", format_wait(q.longest_wait_seconds)),
            ("service_level", format_share(q.service_level)),
            ("abandon_rate", format_share(q.abandon_rate)),
        )
        cell_w = inner.width() / 2
        cell_h = 96 * s
        top = title.bottom() + 4 * s
        for k, (metric, text) in enumerate(figures):
            cell = QRectF(inner.x() + (k % 2) * cell_w, top + (k // 2) * cell_h, cell_w, cell_h)
            metric_level = self.state.levels.get((q.queue_id, metric), Level.OK)
            p.setPen(MUTED)
            p.setFont(self._font(19 * s))
            p.drawText(
                QRectF(cell.x(), cell.y(), cell.width(), 26 * s),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.metric_label(metric),
            )
            icon_w = 0.0
            if metric_level:  # a shape beside the figure: never colour alone
                icon_w = 34 * s
                self._paint_icon(
                    p, QPointF(cell.x() + 14 * s, cell.y() + 62 * s), 14 * s, metric_level
                )
            p.setPen(LEVEL_COLOURS[metric_level][0] if metric_level else TEXT)
            p.setFont(self._fitted(text, 64 * s, cell.width() - icon_w - 22 * s))
            p.drawText(
                QRectF(cell.x() + icon_w, cell.y() + 26 * s, cell.width() - icon_w, 70 * s),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        # agents by state: a small word above a count
        y = top + 2 * cell_h + 6 * s
        agents = (
            (self.tr("Ready"), q.agents_ready, GOOD),
            (self.tr("Busy"), q.agents_busy, TEXT),
            (self.tr("Wrap-up"), q.agents_after_call_work, TEXT),
            (self.tr("Not ready"), q.agents_not_ready, NOT_READY),
        )
        col_w = inner.width() / 4
        for k, (label, count, colour) in enumerate(agents):
            x = inner.x() + k * col_w
            p.setPen(MUTED)
            p.setFont(self._fitted(label, 19 * s, col_w - 6 * s))
            p.drawText(QRectF(x, y, col_w, 26 * s), Qt.AlignmentFlag.AlignLeft, label)
            p.setPen(colour)
            p.setFont(self._font(36 * s, True))
            p.drawText(QRectF(x, y + 24 * s, col_w, 44 * s), Qt.AlignmentFlag.AlignLeft, str(count))
        # not-ready reasons: "how many are on pause" is the first question
        reasons = sorted(q.not_ready_by_reason.items(), key=lambda kv: (-kv[1], kv[0]))
        text = "  ·  ".join(f"{self.reason_label(code)} {n}" for code, n in reasons)
        p.setPen(NOT_READY if reasons else MUTED)
        p.setFont(self._font(22 * s))
        reason_top = y + 74 * s
        reason_rect = QRectF(inner.x(), reason_top, inner.width(), inner.bottom() - reason_top)
        p.drawText(
            reason_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            text or self.tr("No one on pause"),
        )

    def _fitted(self, text: str, px: float, width: float, bold: bool = True) -> QFont:
        """The font of ``px`` pixels, smaller if ``text`` would not fit in ``width``."""
        font = self._font(px, bold)
        advance = QFontMetrics(font).horizontalAdvance(text)
        if advance > width > 0:
            font = self._font(px * width / advance, bold)
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
        h = TICKER * s
        rect = QRectF(0, self.height() - h, self.width(), h)
        p.fillRect(rect, QColor("#161b22"))
        x = GAP * s
        p.setFont(self._font(22 * s, True))
        p.setPen(MUTED)
        label = self.tr("Alerts")
        p.drawText(QRectF(x, rect.y(), rect.width(), h), Qt.AlignmentFlag.AlignVCenter, label)
        x += QFontMetrics(p.font()).horizontalAdvance(label) + 24 * s
        p.setFont(self._font(22 * s))
        # what is wrong now first; "back to normal" only when nothing else is left to say
        recent = list(reversed(self.state.alerts))
        alerts = ([a for a in recent if a.level] or recent)[:12]
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
