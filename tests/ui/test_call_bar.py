"""Call bar: buttons enabled exactly from allowed_actions; shortcuts send the right command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import moved, offered, ring

from agent_desktop.domain.events import ConnectionChanged, Link
from agent_desktop.domain.interaction import Action, InteractionState

NAMES = {
    "answer": {Action.ANSWER},
    "reject": {Action.REJECT},
    "hold": {Action.HOLD, Action.RETRIEVE},
    "mute": {Action.MUTE, Action.UNMUTE},
    "dtmf": {Action.DTMF},
    "hangup": {Action.HANGUP},
    "transfer": {Action.BLIND_TRANSFER},
}


def enabled(window) -> set[str]:
    return {a.objectName() for a in window.call_bar.call_actions() if a.isEnabled()}


def expected(allowed) -> set[str]:
    return {name for name, actions in NAMES.items() if actions & set(allowed)}


def test_nothing_enabled_without_a_call(window) -> None:
    assert enabled(window) == set()
    assert window.call_bar.status.text() == "No call"


@pytest.mark.parametrize(
    ("state", "muted"),
    [
        (InteractionState.OFFERED, False),
        (InteractionState.CONNECTED, False),
        (InteractionState.CONNECTED, True),
        (InteractionState.HELD, False),
        (InteractionState.ENDED, False),
    ],
)
def test_enabled_exactly_from_allowed_actions(window, desktop, telephony, state, muted) -> None:
    call = offered()
    ring(desktop, telephony, call)
    if state != InteractionState.OFFERED:
        call = moved(call, state, muted)
        ring(desktop, telephony, call)
    assert enabled(window) == expected(call.allowed_actions)
    # The label of a toggle follows what the server allows.
    if Action.RETRIEVE in call.allowed_actions:
        assert window.call_bar.hold.text() == "Retrieve"
    if Action.UNMUTE in call.allowed_actions:
        assert window.call_bar.mute.text() == "Unmute"


def test_buttons_follow_the_server_not_a_local_state_machine(window, desktop, telephony) -> None:
    # A platform that allows only hang-up while connected: the bar shows only that.
    call = moved(offered(), InteractionState.CONNECTED)
    ring(
        desktop, telephony, call.__class__(**{**_fields(call), "allowed_actions": (Action.HANGUP,)})
    )
    assert enabled(window) == {"hangup"}


def _fields(call):
    return {f: getattr(call, f) for f in call.__dataclass_fields__}


def test_call_status_timer_and_queue(window, desktop, telephony) -> None:
    ring(desktop, telephony, offered())
    assert window.call_bar.status.text().startswith("Ringing · 00:0")
    assert window.call_bar.queue.text() == "Queue: Cartes bancaires"


def test_buttons_never_move_whatever_the_call_says(window, desktop, telephony) -> None:
    # The advisor's mouse stays on Answer / Hang up: no call, ringing, on hold (the
    # toggle says Retrieve) and a queue name far longer than the column.
    bar = window.call_bar
    window.show()

    def places() -> dict[str, int]:
        for _ in range(3):  # the layouts' posted requests, as the event loop would run them
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        return {
            name: button.mapTo(window, button.rect().topLeft()).x()
            for name, button in bar.buttons.items()
        }

    idle = places()
    call = offered()
    long_queue = "Particuliers — cartes, paiements et litiges transfrontaliers " * 3
    call = call.__class__(
        **{
            **_fields(call),
            "attached": call.attached.__class__(
                **{**_fields(call.attached), "queue_name": long_queue}
            ),
        }
    )
    ring(desktop, telephony, call)
    assert places() == idle
    assert bar.queue.text().endswith("…") and long_queue.strip() in bar.queue.toolTip()
    ring(desktop, telephony, moved(call, InteractionState.HELD))
    assert bar.hold.text() == "Retrieve"
    assert places() == idle


def test_tooltips_show_the_shortcut(window) -> None:
    bar = window.call_bar
    assert bar.answer.toolTip() == "Answer (F2)"
    assert bar.reject.toolTip() == "Reject (Shift+F2)"
    assert bar.hangup.toolTip() == "Hang up (F4)"
    assert bar.transfer.toolTip() == "Transfer (F8)"


def test_shortcuts_drive_a_whole_call(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, offered())
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: desktop.calls.current.state == InteractionState.CONNECTED)
    assert telephony.commands[-1] == ("i1", Action.ANSWER, None)

    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.call_bar.hold.text() == "Retrieve")
    assert telephony.commands[-1][1] == Action.HOLD
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.call_bar.hold.text() == "Hold")
    assert telephony.commands[-1][1] == Action.RETRIEVE

    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.call_bar.mute.text() == "Unmute")
    assert telephony.commands[-1][1] == Action.MUTE
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.call_bar.mute.text() == "Mute")
    assert telephony.commands[-1][1] == Action.UNMUTE

    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: desktop.calls.current.state == InteractionState.ENDED)
    assert telephony.commands[-1] == ("i1", Action.HANGUP, None)
    assert enabled(window) == set()


def test_reject_shortcut(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, offered())
    qtbot.keyClick(window, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: desktop.calls.current is None)
    assert telephony.commands == [("i1", Action.REJECT, None)]


def test_shortcut_for_a_disabled_action_sends_nothing(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, offered())
    qtbot.keyClick(window, Qt.Key.Key_F4)  # hang up is not allowed while ringing
    qtbot.wait(50)
    assert telephony.commands == []


def test_dtmf_pad_sends_typed_and_clicked_digits(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, moved(offered(), InteractionState.CONNECTED))
    qtbot.keyClick(window, Qt.Key.Key_F7)
    pad = window.call_bar.pad
    qtbot.waitUntil(pad.isVisible)
    qtbot.keyClicks(pad, "5#")
    qtbot.mouseClick(pad.buttons["0"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(telephony.commands) == 3)
    assert [c[2] for c in telephony.commands] == [{"digits": "5"}, {"digits": "#"}, {"digits": "0"}]
    assert all(c[1] == Action.DTMF for c in telephony.commands)
    pad.hide()


def test_blind_transfer_validates_and_sends_e164(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, moved(offered(), InteractionState.CONNECTED))
    qtbot.keyClick(window, Qt.Key.Key_F8)
    dialog = window.call_bar.transfer_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.buttons()[0]
    qtbot.keyClicks(dialog.edit, "12 nope")
    assert not ok.isEnabled()
    assert dialog.hint.text() == "Not a valid queue id or phone number."
    dialog.edit.setText("01 23 45 67 89")
    assert ok.isEnabled()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(telephony.commands))
    assert telephony.commands == [("i1", Action.BLIND_TRANSFER, {"target": "+33123456789"})]


def test_connection_lost_disables_actions_and_says_so(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, moved(offered(), InteractionState.CONNECTED))
    assert "hangup" in enabled(window)
    desktop.bus.publish(ConnectionChanged(Link.RECONNECTING, "read timeout"))
    assert enabled(window) == set()
    assert window.link_banner.isVisible()
    assert window.link_banner.text().startswith("Connection lost — reconnecting…")
    assert window.status.link.text() == "Connection lost — reconnecting…"
    assert not window.agent_state.combo.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.wait(50)
    assert telephony.commands == []
    desktop.bus.publish(ConnectionChanged(Link.ONLINE))
    assert "hangup" in enabled(window)
    assert not window.link_banner.isVisible()


def test_refused_command_shows_a_notice(qtbot, window, desktop, telephony) -> None:
    from agent_desktop.ports.telephony import GatewayError

    ring(desktop, telephony, offered())
    telephony.refuse = GatewayError("action_not_allowed", "The call is no longer ringing")
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(
        lambda: (
            window.status.notice.text()
            == "That action is no longer possible: the call has changed state."
        )
    )
    assert window.status.notice.textFormat() == Qt.TextFormat.PlainText
