"""The after-call-work panel: searchable code, drafts kept on disk, follow-up, next state,
ACW clock, several calls in wrap-up, and wrap-ups accepted while offline."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from ui_helpers import in_wrap_up

from agent_desktop.adapters.outbox import SqliteOutboxStore
from agent_desktop.domain.events import ConnectionChanged, Link
from agent_desktop.domain.interaction import Action
from agent_desktop.services.desktop import Desktop, draft_key
from agent_desktop.services.outbox import OutboxChanged
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.wrap_up import clock


def test_code_is_searchable_and_optional_when_the_queue_allows(qtbot, window, desktop, telephony):
    in_wrap_up(desktop, telephony, acw_limit_seconds=90)
    panel = window.wrap_up
    assert panel.isVisible()
    assert panel.code_caption.text() == "Wrap-up code"
    assert panel.acw.text().startswith("ACW 0:0") and panel.acw.text().endswith("/ 1:30")
    panel.code.lineEdit().setText("nope")
    panel.submit()
    assert panel.hint.text() == "No wrap-up code has that name."
    panel.code.lineEdit().setText("callback needed")  # case-insensitive, whole label
    panel.submit()
    qtbot.waitUntil(lambda: not panel.isVisible())
    (_iid, action, body) = telephony.commands[-1]
    assert action == Action.WRAPUP and body["code"] == "callback"


def test_no_code_is_fine_when_not_required(qtbot, window, desktop, telephony):
    in_wrap_up(desktop, telephony)
    window.wrap_up.submit()
    qtbot.waitUntil(lambda: not window.wrap_up.isVisible())
    assert telephony.commands[-1][2]["code"] is None


def test_follow_up_and_next_state_are_sent(qtbot, window, desktop, telephony):
    in_wrap_up(desktop, telephony)
    panel = window.wrap_up
    panel.follow_up.setChecked(True)
    panel.follow_up_kind.setCurrentIndex(0)
    lunch = next(
        i for i in range(panel.next_state.count()) if "lunch" in str(panel.next_state.itemData(i))
    )
    panel.next_state.setCurrentIndex(lunch)
    panel.submit()
    qtbot.waitUntil(lambda: not panel.isVisible())
    body = telephony.commands[-1][2]
    assert body["follow_up"]["kind"] == "callback"
    assert body["follow_up"]["phone"] == "06 12 34 56 78"
    assert body["next_state"] == {"state": "not_ready", "reason_code": "lunch"}


def test_the_next_wrap_up_starts_blank_with_the_same_choices(qtbot, window, desktop, telephony):
    in_wrap_up(desktop, telephony, "i1")
    panel = window.wrap_up
    codes = [panel.code.itemText(i) for i in range(panel.code.count())]
    states = [panel.next_state.itemData(i) for i in range(panel.next_state.count())]
    panel.code.setCurrentIndex(2)
    panel.next_state.setCurrentIndex(len(states) - 1)
    panel.submit()
    qtbot.waitUntil(lambda: not panel.isVisible())
    in_wrap_up(desktop, telephony, "i2")
    assert panel.interaction_id == "i2"
    assert [panel.code.itemText(i) for i in range(panel.code.count())] == codes
    assert [panel.next_state.itemData(i) for i in range(panel.next_state.count())] == states
    assert panel.code.currentIndex() == 0 and panel.next_state.currentIndex() == 0
    # typed in one call's code field but not chosen: not carried to another call's form
    in_wrap_up(desktop, telephony, "i3")
    panel.code.lineEdit().setText("zzz")
    panel.which.setCurrentIndex(1)
    assert panel.interaction_id == "i3"
    assert panel.code.lineEdit().text() == panel.code.itemText(0)


def test_notes_are_saved_as_typed_and_come_back_in_a_new_window(
    qtbot, telephony, customers, settings, tmp_path
):
    store = SqliteOutboxStore(tmp_path / "outbox.sqlite3")
    desktop = Desktop(telephony, customers, outbox_store=store)
    desktop.wrap_up_codes = []
    first = MainWindow(desktop, "en", settings)
    qtbot.addWidget(first)
    in_wrap_up(desktop, telephony)
    first.show()
    first.wrap_up.notes.insertPlainText("Client très mécontent")  # as typed
    qtbot.waitUntil(lambda: desktop.draft(draft_key("i1")) is not None)
    assert desktop.draft(draft_key("i1"))["notes"] == "Client très mécontent"
    first.close()
    store.close()

    # the process died; a new one opens the same file
    store = SqliteOutboxStore(tmp_path / "outbox.sqlite3")
    again = Desktop(telephony, customers, outbox_store=store)
    in_wrap_up(again, telephony)
    second = MainWindow(again, "en", settings)
    qtbot.addWidget(second)
    second.show()
    assert second.wrap_up.notes.toPlainText() == "Client très mécontent"
    second.close()
    store.close()


def test_several_calls_in_wrap_up_each_keep_their_draft(qtbot, window, desktop, telephony):
    in_wrap_up(desktop, telephony, "i1")
    panel = window.wrap_up
    panel.notes.setPlainText("notes of the first call")
    in_wrap_up(desktop, telephony, "i2")
    assert panel.which.isVisible() and panel.which.count() == 2
    assert panel.interaction_id == "i1"  # the advisor is not pulled away mid-sentence
    panel.which.setCurrentIndex(1)
    assert panel.interaction_id == "i2"
    assert panel.notes.toPlainText() == ""
    panel.notes.setPlainText("notes of the second call")
    panel.which.setCurrentIndex(0)
    assert panel.interaction_id == "i1"
    assert panel.notes.toPlainText() == "notes of the first call"
    panel.submit()
    qtbot.waitUntil(lambda: panel.interaction_id == "i2")
    assert panel.notes.toPlainText() == "notes of the second call"
    assert not panel.which.isVisible()
    assert telephony.commands[-1][:2] == ("i1", Action.WRAPUP)


def test_wrap_up_is_accepted_while_the_link_is_down(qtbot, window, desktop, telephony):
    in_wrap_up(desktop, telephony)
    desktop.bus.publish(ConnectionChanged(Link.RECONNECTING, "test"))
    panel = window.wrap_up
    assert panel.finish.isEnabled()  # the outbox will send it later
    qtbot.keyClick(panel.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.isVisible())


def test_clock_format():
    assert clock(0) == "0:00"
    assert clock(95) == "1:35"
    assert clock(-3) == "0:00"


def test_status_bar_says_what_waits_to_be_sent(window, desktop):
    bar = window.status
    assert not bar.outbox.isVisible()
    desktop.bus.publish(OutboxChanged(2, time.time() - 125, 0))
    assert bar.outbox.isVisible()
    assert bar.outbox.text() == "2 waiting to be sent (oldest 2 min)"
    desktop.bus.publish(OutboxChanged(0, None, 1))
    assert bar.outbox.text() == "1 refused by the server"
    desktop.bus.publish(OutboxChanged(0, None, 0))
    assert not bar.outbox.isVisible()


def test_the_advisor_is_told_what_was_recovered(qtbot, telephony, customers, settings, tmp_path):
    store = SqliteOutboxStore(tmp_path / "outbox.sqlite3")
    store.save_draft("a1", draft_key("i9"), {"notes": "en cours"})
    desktop = Desktop(telephony, customers, outbox_store=store)
    desktop.outbox.owner = "a1"
    desktop._report_recovered()
    win = MainWindow(desktop, "en", settings)
    qtbot.addWidget(win)
    assert "recovered" in win.status.notice.text()
    win.close()
    store.close()


def test_an_expired_session_asks_only_for_the_password_and_keeps_the_work(
    qtbot, window, desktop, telephony
):
    in_wrap_up(desktop, telephony)
    window.wrap_up.notes.setPlainText("à garder")
    desktop.bus.publish(ConnectionChanged(Link.OFFLINE, "unauthorized"))
    prompt = window.relogin
    assert prompt.isVisible()
    assert "kept" in prompt.message.text()
    prompt.password.setText("secret")
    prompt.submit()
    qtbot.waitUntil(lambda: not prompt.isVisible())
    assert window.wrap_up.notes.toPlainText() == "à garder"
    assert prompt.password.text() == ""
    assert desktop._stream_task is not None  # a new stream was started
    desktop._stream_task.cancel()  # (the fake platform's stream never ends)
