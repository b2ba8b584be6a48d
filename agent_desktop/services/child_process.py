"""Run one memory-hungry computation in a short-lived child process.

Training the KB classifiers imports scikit-learn and SciPy (~110 MB) and peaks at
hundreds of megabytes; glibc keeps a process's freed memory, so done in the desktop
process it would stay there for the session. In a child it is given back to the system
when the child exits, and the training's Python parts no longer hold the GUI process's
GIL. The child is *spawned* (a fresh interpreter), never forked: forking a process that
runs Qt and other threads is unsafe. A spawned child imports the parent's main module
(as ``__mp_main__``): a script that uses this must keep its work under
``if __name__ == "__main__":``, as the ``agent-desktop`` script does (``python -m
agent_desktop`` is never re-imported).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

NICE = 10


def _lower_priority() -> None:
    """The child yields the CPU to the window (nice 10; ignored where not allowed)."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICE)


def run_in_child(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` computed in a spawned child process at lower priority, which
    exits afterwards. ``function`` must be importable at module level, and its arguments
    and result picklable (plain data: no scikit-learn objects come back). What it raises
    is raised here. Blocking: call it off the event loop."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=_lower_priority) as pool:
        return pool.submit(function, *args).result()
