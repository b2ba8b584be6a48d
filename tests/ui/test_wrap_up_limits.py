"""The wrap-up panel against the server's wrap-up rules, and the lasting TLS badge.

- the ACW clock says what happens at the limit; when the server closes the call at the
  limit the panel stays open with the notes, and "Finish" still sends them (late wrap-up);
- a wrap-up the server refuses for want of a code: the reason shows in the panel and
  everything typed stays;
- two interactions in wrap-up: one tab each, each sent once;
- TLS checks off: a red status-bar badge that nothing removes, in English and French.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QStatusBar
from ui_helpers import in_wrap_up, moved, ring

from agent_desktop.domain.events import ConnectionChanged, Link, Notice
from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.ui.i18n import install_translator
from agent_desktop.ui.main_window import MainWindow


def test_the_acw_clock_says_what_happens_at_the_limit(window, desktop, telephony):
    in_wrap_up(desktop, telephony, acw_limit_seconds=45)
    panel = window.wrap_up
    assert panel.acw.text().endswith("/ 0:45")
    assert panel.acw_note.isVisible()
    assert panel.acw_note.text().startswith("At 0:45 the platform closes the call")
    assert "still saved" in panel.acw_note.text()


def test_closed_at_the_limit_the_notes_stay_and_are_still_sent(qtbot, window, desktop, telephony):
    ended = in_wrap_up(desktop, telephony, acw_limit_seconds=45, wrap_up_code_required=True)
    panel = window.wrap_up
    panel.notes.setPlainText("Client rappelé, carte reçue")
    # the server's ACW limit passes: interaction.closed with closed_by "acw_limit"
    closed = replace(
        moved(ended, InteractionState.CLOSED), closed_by="acw_limit", allowed_actions=()
    )
    ring(desktop, telephony, closed)
    assert "i1" not in desktop.calls.interactions
    assert panel.isVisible() and panel.interaction_id == "i1"
    assert panel.notes.toPlainText() == "Client rappelé, carte reçue"
    assert panel.acw.text() == "ACW limit passed" and panel.acw.property("over") is True
    assert panel.acw_note.text().startswith("Time limit passed: the platform closed this call")
    assert panel.finish.isEnabled()
    panel.code.lineEdit().setText("Request handled")
    panel.submit()
    qtbot.waitUntil(lambda: not panel.isVisible())
    (iid, action, body) = telephony.commands[-1]
    assert (iid, action) == ("i1", Action.WRAPUP)
    assert body["notes"] == "Client rappelé, carte reçue" and body["code"] == "resolved"
    assert desktop.wrap_ups.waiting() == []


def test_a_refusal_for_want_of_a_code_shows_in_the_panel_and_keeps_the_notes(
    qtbot, window, desktop, telephony
):
    desktop.outbox.owner = "a1"  # as after login
    in_wrap_up(desktop, telephony)  # the desktop thinks no code is needed; the server does
    panel = window.wrap_up
    panel.notes.setPlainText("Notes précieuses")
    telephony.refuse = GatewayError(
        "wrap_up_code_required", "this queue requires a wrap-up code", 422
    )
    panel.submit()
    qtbot.waitUntil(lambda: panel.hint.text() != "")
    assert panel.hint.text().startswith("This queue requires a wrap-up code")
    assert panel.isVisible() and panel.finish.isEnabled()
    assert panel.notes.toPlainText() == "Notes précieuses"
    assert window.status.outbox.text() == "1 refused by the server"
    telephony.refuse = None
    panel.code.lineEdit().setText("Request handled")
    panel.submit()
    qtbot.waitUntil(lambda: not panel.isVisible())
    # corrected and delivered: the refused one no longer counts as refused
    assert desktop.outbox.status().failed == 0
    assert not window.status.outbox.isVisible()
    sent = [c for c in telephony.commands if c[1] == Action.WRAPUP]
    assert [c[2]["code"] for c in sent] == [None, "resolved"]
    assert sent[-1][2]["notes"] == "Notes précieuses"


def test_two_wrap_ups_one_tab_each_each_sent_once(qtbot, window, desktop, telephony):
    in_wrap_up(desktop, telephony, "i1", wrap_up_blocks_routing=False, acw_limit_seconds=60)
    panel = window.wrap_up
    assert "Calls keep coming while this wrap-up is open." in panel.acw_note.text()
    panel.notes.setPlainText("premier appel")
    in_wrap_up(desktop, telephony, "i2")
    assert panel.which.isVisible() and panel.which.count() == 2
    assert panel.which.tabText(0).startswith("Call 1")
    assert panel.which.tabText(1).startswith("Call 2")
    panel.submit()  # the first: the panel moves on to the second
    qtbot.waitUntil(lambda: panel.interaction_id == "i2")
    assert not panel.which.isVisible()
    panel.notes.setPlainText("second appel")
    panel.submit()
    qtbot.waitUntil(lambda: not panel.isVisible())
    sent = [(c[0], c[2]["notes"]) for c in telephony.commands if c[1] == Action.WRAPUP]
    assert sent == [("i1", "premier appel"), ("i2", "second appel")]


def badge_texts(window: MainWindow) -> list[str]:
    bar = window.findChild(QStatusBar)
    assert bar is not None
    return [
        w.text() for w in bar.findChildren(type(window.status.link)) if w.objectName() == "tlsBadge"
    ]


def test_no_badge_while_certificates_are_checked(window):
    assert window.status.tls is None
    assert badge_texts(window) == []


@pytest.fixture
def insecure_window(qtbot, desktop, settings):
    desktop.tls_checks_off = True
    win = MainWindow(desktop, "en", settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_tls_checks_off_show_a_badge_nothing_removes(insecure_window, desktop):
    badge = insecure_window.status.tls
    assert badge is not None and badge.isVisible()
    assert badge.text() == "⚠ TLS verification OFF"
    assert "not checked" in badge.toolTip()
    # notices, link changes and clearing the message do not hide it
    desktop.bus.publish(Notice("hello", "info"))
    desktop.bus.publish(ConnectionChanged(Link.RECONNECTING, "test"))
    insecure_window.status.clearMessage()
    insecure_window.status.showMessage("temporary message")
    assert badge.isVisible()
    assert badge_texts(insecure_window) == ["⚠ TLS verification OFF"]


def test_the_badge_in_french(qapp: QApplication, qtbot, desktop, settings):
    translator = install_translator(qapp, "fr")
    try:
        desktop.tls_checks_off = True
        win = MainWindow(desktop, "fr", settings)
        qtbot.addWidget(win)
        win.show()
        assert win.status.tls is not None
        assert win.status.tls.text() == "⚠ Vérification TLS désactivée"
        win.close()
    finally:
        assert translator is not None
        for installed in qapp.findChildren(QTranslator):  # ours and Qt's own catalogue
            qapp.removeTranslator(installed)
        install_translator(qapp, "en")
