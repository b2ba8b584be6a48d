"""The History dock's channel filter: any set of channels, keyboard first.

The advisor often wants "calls and e-mails" but not the marketing SMS, so one channel at a
time is not enough. A button opens a menu of checkable channels that stays open while
channels are ticked (mouse click, Space or Enter), so several can be chosen in one go;
"All channels" clears the choice. The button says what is shown ("Call, E-mail").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from agent_desktop.ui.icons import icon

SHOWN_NAMES = 2  # beyond this the button says "3 channels"


class StayOpenMenu(QMenu):
    """A menu whose checkable entries toggle without closing it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select)
        if action is not None and action.isCheckable() and event.key() in keys:
            action.trigger()
            return
        super().keyPressEvent(event)


class ChannelFilter(QToolButton):
    """Choose the channels the timeline shows (none chosen: all of them).

    Signals:
        sig_changed(tuple): the chosen channels, in the menu's order.
    """

    sig_changed = Signal(tuple)

    def __init__(
        self,
        channels: Sequence[str],
        label: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyChannel")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._label = label
        self.menu_ = StayOpenMenu(self)
        self.menu_.setObjectName("historyChannelMenu")
        self.all_action = self.menu_.addAction(self._all_text())
        self.all_action.setObjectName("historyChannelAll")
        self.all_action.setCheckable(True)  # ticked while no channel is
        self.all_action.triggered.connect(lambda: self.set_channels(()))
        self.menu_.addSeparator()
        self.actions_: dict[str, QAction] = {}
        for name in channels:
            action = self.menu_.addAction(icon(f"channel-{name}"), label(name))
            action.setCheckable(True)
            action.setData(name)
            action.toggled.connect(self._on_toggled)
            self.actions_[name] = action
        self.setMenu(self.menu_)
        self.setAccessibleName(QCoreApplication.translate("History", "Channels"))
        self._update_text()

    @staticmethod
    def _all_text() -> str:
        return QCoreApplication.translate("History", "All channels")

    def channels(self) -> tuple[str, ...]:
        return tuple(name for name, a in self.actions_.items() if a.isChecked())

    def set_channels(self, channels: Sequence[str]) -> None:
        """Tick exactly ``channels`` (unknown names are ignored); one change signal."""
        before = self.channels()
        for name, action in self.actions_.items():
            action.blockSignals(True)
            action.setChecked(name in channels)
            action.blockSignals(False)
        self._update_text()
        if self.channels() != before:
            self.sig_changed.emit(self.channels())

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.sig_changed.emit(self.channels())

    def _update_text(self) -> None:
        chosen = self.channels()
        self.all_action.setChecked(not chosen)
        names = ", ".join(self._label(c) for c in chosen) or self._all_text()
        self.setIcon(icon(f"channel-{chosen[0]}" if chosen else "channel-live"))
        if len(chosen) <= SHOWN_NAMES:
            self.setText(names)
        else:
            self.setText(self.tr("%n channel(s)", "", len(chosen)))
        self.setToolTip(QCoreApplication.translate("History", "Shown: %1").replace("%1", names))
