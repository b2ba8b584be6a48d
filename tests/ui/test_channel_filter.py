"""The History channel filter: several channels at once, chosen from the keyboard, with a
button that says what is shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from agent_desktop.ui.channel_filter import ChannelFilter
from agent_desktop.ui.history_panel import channel_label

CHANNELS = ("voice", "email", "chat", "sms")


def make(qtbot: QtBot) -> tuple[ChannelFilter, list[tuple[str, ...]]]:
    chooser = ChannelFilter(CHANNELS, channel_label)
    qtbot.addWidget(chooser)
    seen: list[tuple[str, ...]] = []
    chooser.sig_changed.connect(seen.append)
    return chooser, seen


def test_space_ticks_channels_and_the_menu_stays_open(qtbot: QtBot) -> None:
    chooser, seen = make(qtbot)
    assert chooser.channels() == () and chooser.text() == "All channels"
    menu = chooser.menu_
    menu.popup(chooser.mapToGlobal(QPoint(0, 0)))
    qtbot.waitUntil(menu.isVisible)
    for name in ("email", "chat"):
        menu.setActiveAction(chooser.actions_[name])
        qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert menu.isVisible()  # several channels in one go
    assert seen == [("email",), ("email", "chat")]
    assert chooser.text() == "E-mail, Chat"
    assert not chooser.all_action.isChecked()
    menu.setActiveAction(chooser.actions_["voice"])
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert chooser.channels() == ("voice", "email", "chat")
    assert chooser.text() == "3 channel(s)"
    menu.close()


def test_all_channels_clears_the_choice_with_one_signal(qtbot: QtBot) -> None:
    chooser, seen = make(qtbot)
    chooser.set_channels(("sms", "unknown"))
    assert chooser.channels() == ("sms",)
    chooser.all_action.trigger()
    assert chooser.channels() == ()
    assert seen == [("sms",), ()]
    assert chooser.all_action.isChecked()
    assert chooser.text() == "All channels"
    chooser.set_channels(())  # no change, no signal
    assert seen == [("sms",), ()]
