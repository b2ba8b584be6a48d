"""Ask glibc's allocator to keep less memory (Linux with glibc only; a no-op elsewhere).

glibc gives each thread that allocates its own arena (up to eight per core), and keeps
what is freed in them for later: the desktop's worker threads (the local KB copy built
after login, asyncio's executor) leave megabytes in arenas the GUI thread never uses.
:func:`limit_arenas` caps their number at start-up; :func:`trim` gives the free memory
at the top of each arena back to the system once a big build is over. Figures in
``docs/performance.md`` ("RSS with the KB copy").
"""

from __future__ import annotations

import ctypes
import functools
import logging
import sys
from typing import Any

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # mallopt's parameter (malloc.h)
ARENAS = 2


@functools.cache
def _glibc() -> Any | None:
    """The C library when it is glibc (it has ``gnu_get_libc_version``), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 - musl and others have no such function
    except (OSError, AttributeError):
        return None
    return libc


def limit_arenas(count: int = ARENAS) -> bool:
    """At most ``count`` malloc arenas from now on (``mallopt(M_ARENA_MAX, count)``): a
    thread started later shares one instead of getting its own. True when applied."""
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.mallopt(M_ARENA_MAX, count))


def trim() -> bool:
    """Give the free memory glibc keeps back to the system (``malloc_trim(0)``). True
    when some was released."""
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.malloc_trim(0))
