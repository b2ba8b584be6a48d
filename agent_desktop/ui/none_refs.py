"""Work-around for a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured here: each call of a Qt method returning nothing (``QLabel.setText``,
``QFont.setBold``, ``QPainter.setPen``…) hands back ``None`` without taking a new reference,
so ``None``'s reference count drops by one per call. Python 3.11's ``None`` starts with
~5 000 references: after a few thousand such calls — a wallboard repaint makes hundreds —
the process aborts with "Fatal Python error: none_dealloc". Python 3.12 made ``None``
immortal, so there it is harmless.

Until PySide6 is fixed (or the project requires Python ≥ 3.12), hold enough extra
references to ``None`` that the count never reaches zero: 8 bytes each, topped up when low.
"""

from __future__ import annotations

import ctypes
import sys

_BANK: list[None] = []
# Never freed, not even at exit: the references it holds make up for the lost ones.
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_BANK))
HEADROOM = 1_000_000


def top_up(headroom: int = HEADROOM) -> int:
    """Make sure ``None`` has at least ``headroom`` references; returns how many were added."""
    if sys.version_info >= (3, 12):
        return 0
    missing = headroom - sys.getrefcount(None)
    if missing <= headroom // 2:
        return 0
    _BANK.extend([None] * missing)
    return missing
