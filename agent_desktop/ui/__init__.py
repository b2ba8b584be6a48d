"""The Qt shells (advisor first) over the Qt-free :class:`~agent_desktop.services.desktop.Desktop`.

Everything that imports PySide6 lives here; services and domain never do.
"""

from agent_desktop.ui.none_refs import top_up as _top_up

_top_up()  # PySide6 6.12.0 + Python 3.11 drops a reference to None per void call
