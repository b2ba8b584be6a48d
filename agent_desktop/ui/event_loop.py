"""The asyncio loop the desktop runs on: qasync's, plus async-generator hooks.

asyncio's own ``run_forever`` registers the loop's async-generator hooks, so a generator
abandoned mid-iteration (an event stream cut by a cancelled task) is closed as a task on
the loop and ``shutdown_asyncgens()`` can finish the rest. qasync 0.28 does not, and such
a generator is finalised later by the garbage collector outside any loop — httpx's
connection streams then fail ("async generator ignored GeneratorExit").
"""

from __future__ import annotations

import sys
from typing import Any

import qasync


class DesktopEventLoop(qasync.QEventLoop):
    """A qasync event loop that tracks and closes async generators like asyncio's."""

    def run_forever(self) -> Any:
        previous = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(
            firstiter=self._asyncgen_firstiter_hook,
            finalizer=self._asyncgen_finalizer_hook,
        )
        try:
            return super().run_forever()
        finally:
            sys.set_asyncgen_hooks(*previous)
