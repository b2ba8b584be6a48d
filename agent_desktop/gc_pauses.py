"""Keeping the garbage collector's pauses off the advisor's screen.

Python's full collections walk every container object the process holds. Once the
window is up, most of them are there for good (modules, classes, Qt wrappers, the
translations): walking them again each time costs the GUI thread tens of milliseconds
(a full collection took 60–85 ms in the bench's soak and wallboard runs). ``settle``
collects once, then moves what is left to the collector's permanent generation
(``gc.freeze``), so later collections only look at objects made afterwards.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Call once, when start-up is over (logged in, window shown): a collection, then
    the survivors are frozen. Objects made later are collected as usual."""
    gc.collect()
    gc.freeze()
