"""The Qt shells (advisor first) over the Qt-free :class:`~agent_desktop.services.desktop.Desktop`.

Everything that imports PySide6 lives here; services and domain never do.
"""
