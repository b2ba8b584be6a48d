"""Pictures of parts of the board, each drawn again only when what it shows changes, and,
for a tile, only the piece that changed.

Why pieces: under the scale simulation (1 000 events a second) nearly every tile of the
page changes between two repaints, but most changes are one agent moving, which touches
a single row of the tile. Drawing the whole tile again (a 470×460 pixmap filled, its
frame blitted, a dozen texts) and blitting it whole to the screen cost 2–3 ms a tile,
20–35 ms a repaint at full HD, most of it moving pixels; a row is a tenth of the pixels.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap, QRegion

Box = tuple[int, int, int, int]  # x, y, width, height in whole widget pixels


def box(rect: QRectF) -> Box:
    """The whole pixels ``rect`` touches."""
    aligned = rect.toAlignedRect()
    return aligned.x(), aligned.y(), aligned.width(), aligned.height()


@dataclass(frozen=True)
class Pieces:
    """A cache key in pieces: when ``whole`` changes the picture is drawn again whole;
    otherwise only the boxes whose value changed are (clipped to the box, so each pixel
    comes out as a whole drawing would make it)."""

    whole: object
    pieces: tuple[tuple[Box, object], ...]


def changed_boxes(old: object, new: object) -> list[Box] | None:
    """The boxes to draw again to go from key ``old`` to ``new``; None for all of it."""
    if not (isinstance(old, Pieces) and isinstance(new, Pieces)) or old.whole != new.whole:
        return None
    if [b for b, _ in old.pieces] != [b for b, _ in new.pieces]:
        return None
    return [b for (b, was), (_, now) in zip(old.pieces, new.pieces, strict=True) if was != now]


class PixmapCache:
    """``get(name, key, rect, dpr, draw)`` returns the pixel rectangle to blit at and a
    pixmap of ``rect`` on the board's background, drawn by ``draw(painter)`` in widget
    coordinates, so a cached part looks exactly as if it had been painted directly.

    Attributes:
        renders: how many pictures were drawn whole; patches: how many were mended in
            pieces (the tests look at both).
    """

    def __init__(self, background: QColor) -> None:
        self.background = background
        self.parts: dict[str, tuple[object, QRect, QPixmap]] = {}
        self.renders = 0
        self.patches = 0

    def dirty(self, name: str, key: object, rect: QRectF) -> list[QRect]:
        """What of the widget must be painted again for ``name`` to show ``key``."""
        cached = self.parts.get(name)
        if cached is not None and cached[0] == key:
            return []
        boxes = None if cached is None else changed_boxes(cached[0], key)
        if boxes is None:
            return [_area(rect)]
        return [QRect(*b) for b in boxes]

    def get(
        self,
        name: str,
        key: object,
        rect: QRectF,
        dpr: float,
        draw: Callable[[QPainter], None],
        exposed: QRegion | None = None,
    ) -> tuple[QRect, QPixmap]:
        """The picture, drawn again where its key changed. With ``exposed``, a piece
        outside it is left for a later paint (its old value is kept, so it stays stale
        and the next :meth:`dirty` still names it)."""
        cached = self.parts.get(name)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        boxes = None if cached is None else changed_boxes(cached[0], key)
        if cached is not None and boxes is not None:
            old, area, pixmap = cached
            assert isinstance(old, Pieces) and isinstance(key, Pieces)
            now = [exposed is None or exposed.intersects(QRect(*b)) for b, _ in key.pieces]
            region = QRegion()
            for (b, _value), drawn in zip(key.pieces, now, strict=True):
                if drawn and b in boxes:
                    region = region.united(QRect(*b))
            if not region.isEmpty():
                self._draw(pixmap, area, draw, region)
                self.patches += 1
            kept = tuple(
                new if drawn else was
                for new, was, drawn in zip(key.pieces, old.pieces, now, strict=True)
            )
            self.parts[name] = (Pieces(key.whole, kept), area, pixmap)
            return area, pixmap
        area = _area(rect)
        pixmap = QPixmap(math.ceil(area.width() * dpr), math.ceil(area.height() * dpr))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(self.background)
        self._draw(pixmap, area, draw, None)
        self.parts[name] = (key, area, pixmap)
        self.renders += 1
        return area, pixmap

    def _draw(
        self,
        pixmap: QPixmap,
        area: QRect,
        draw: Callable[[QPainter], None],
        clip: QRegion | None,
    ) -> None:
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(-area.left(), -area.top())
        if clip is not None:  # mending: the background first, as a new pixmap has it
            p.setClipRegion(clip)
            p.fillRect(clip.boundingRect(), self.background)
        draw(p)
        p.end()

    def keep(self, names: set[str]) -> None:
        """Forget the parts not in ``names`` (the tiles of another page)."""
        for name in [n for n in self.parts if n not in names]:
            del self.parts[name]

    def clear(self) -> None:
        self.parts.clear()


def _area(rect: QRectF) -> QRect:
    """Whole pixels around ``rect``, and a pixel more for the antialiased edges."""
    left, top = math.floor(rect.left()) - 1, math.floor(rect.top()) - 1
    right, bottom = math.ceil(rect.right()) + 1, math.ceil(rect.bottom()) + 1
    return QRect(left, top, right - left, bottom - top)
