"""The shell hides what the role cannot do: docks, tabs and buttons whose capability the
login answer lacks are taken out (not merely disabled), so a user is never offered an
action the server would refuse. The rules are :mod:`agent_desktop.services.roles`.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from agent_desktop.services.desktop import Desktop
from agent_desktop.services.roles import Role

# advisor shell docks -> the feature they show
DOCK_FEATURES = {
    "historyDock": "history",
    "summaryDock": "summary",
    "knowledgeDock": "knowledge",
}
# the knowledge panel's ways to contribute (names across its versions)
CONTRIBUTE_WIDGETS = (
    "contribute_button",
    "new_article_button",
    "fix_button",
    "new_article_action",
    "fix_action",
)


def role_of(desktop: Desktop) -> Role | None:
    """The logged-in user's role; None before a login answer (nothing is held back then:
    widget tests build shells over a core that never logged in)."""
    return Role.of(desktop.session.capabilities) if desktop.session is not None else None


def remove_dock(window: QMainWindow, dock: QDockWidget) -> None:
    """Out of the window and out of the View menu (its toggle action is hidden)."""
    window.removeDockWidget(dock)
    dock.hide()
    dock.toggleViewAction().setVisible(False)


def hide_contributions(panel: QWidget | None) -> None:
    """No button, menu entry or shortcut left to propose an article or a fix."""
    for name in CONTRIBUTE_WIDGETS:
        item = getattr(panel, name, None)
        if isinstance(item, (QWidget, QAction)):
            item.setVisible(False)
        if isinstance(item, QAction):
            item.setEnabled(False)


def apply_to_advisor(
    window: QMainWindow, docks: dict[str, QDockWidget], role: Role | None
) -> list[str]:
    """Take out of the advisor shell what ``role`` may not use; returns what was removed."""
    removed: list[str] = []
    if role is None:
        return removed
    for name, feature in DOCK_FEATURES.items():
        dock = docks.get(name)
        if dock is not None and not role.allows(feature):
            remove_dock(window, dock)
            removed.append(name)
    if not role.allows("kb_submit"):
        hide_contributions(getattr(window, "knowledge", None))
        removed.append("kb_submit")
    return removed


def apply_to_tabs(tabs: QTabWidget, features: dict[QWidget, str], role: Role | None) -> list[str]:
    """Remove the tabs whose feature ``role`` may not use; returns their titles."""
    removed: list[str] = []
    if role is None:
        return removed
    for page, feature in features.items():
        index = tabs.indexOf(page)
        if index >= 0 and not role.allows(feature):
            removed.append(tabs.tabText(index))
            tabs.removeTab(index)
            page.hide()
    return removed
