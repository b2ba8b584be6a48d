"""Imports after PySide6 without PySide6 keeping every module's source in memory.

Once PySide6 is loaded, an import hook of its ``__feature__`` support
(``shibokensupport.feature.feature_imported``, PYSIDE-2029) asks of each module imported
afterwards whether its source mentions "PySide6", and finds out with
``inspect.getsource``. That reads the whole file through ``linecache``, which splits it
into lines and keeps them for the life of the process. Measured in the bench's soak
process (tracemalloc, 2026-11-23): ~20 MB of source lines held once the KB and the
window were up, the largest single item of the Python heap; and 40–60 ms of CPU on
the desktop's start-up imports (medians of 8 runs, docs/performance.md).

:func:`spare_source_reads` keeps the hook's question and answer (the same search for
"PySide6" in the same file) but reads the file's bytes once and keeps nothing. A module
with no ``.py`` file, or a PySide6 without that hook, is left to PySide6's own code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def _source_mentions_pyside(fallback: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return fallback(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return fallback(module)

    uses_pyside.__wrapped__ = fallback  # type: ignore[attr-defined]
    return uses_pyside


def spare_source_reads() -> bool:
    """Load PySide6 and replace its hook's source check; call before importing the rest.

    Returns whether the check is ours (also when it already was).
    """
    import PySide6.QtCore  # noqa: F401  (installs the hook being replaced)

    feature = sys.modules.get(FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if not hasattr(upstream, "__wrapped__"):
        feature._mod_uses_pyside = _source_mentions_pyside(upstream)  # type: ignore[attr-defined]
    return True
