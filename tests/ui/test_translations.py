"""French is complete, the compiled catalogue matches its source, and the UI uses it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from ui_helpers import offered, ring

from agent_desktop.domain.customer import Product
from agent_desktop.domain.events import Notice
from agent_desktop.ui.channel_filter import ChannelFilter
from agent_desktop.ui.customer_details import product_line
from agent_desktop.ui.history_panel import channel_label
from agent_desktop.ui.i18n import I18N_DIR, install_translator
from agent_desktop.ui.login_dialog import error_text
from agent_desktop.ui.main_window import MainWindow

TS = I18N_DIR / "agent_desktop_fr.ts"
QM = I18N_DIR / "agent_desktop_fr.qm"
UI_DIR = Path(__file__).resolve().parents[2] / "agent_desktop" / "ui"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed")
    return which


def untranslated(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(forms):
            missing.append(message.findtext("source") or "")
    return missing


def test_every_source_string_has_a_french_translation() -> None:
    assert untranslated(TS) == []


def test_ts_is_in_step_with_the_code(tmp_path: Path) -> None:
    """lupdate over the current code finds no string the .ts does not translate."""
    copy = tmp_path / "fr.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(copy)], check=True, capture_output=True
    )
    assert untranslated(copy) == []


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fr.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts"


@pytest.fixture
def french(qapp):
    translator = install_translator(qapp, "fr")
    assert translator is not None
    yield translator
    for installed in qapp.findChildren(QTranslator):  # ours and Qt's own catalogue
        qapp.removeTranslator(installed)
    install_translator(qapp, "en")


def test_french_ui(qtbot, french, desktop, telephony, settings) -> None:
    assert error_text("invalid_credentials") == "Identifiant ou mot de passe incorrect."
    assert error_text("unreachable").startswith("Serveur injoignable : vérifiez l'adresse")
    window = MainWindow(desktop, "fr", settings)
    qtbot.addWidget(window)
    window.show()
    assert window.card.idle.title.text() == "En attente d'appel"
    assert window.windowTitle() == "Agent Desktop — Camille Martin — Disponible"
    assert window.call_bar.answer.toolTip() == "Décrocher (F2)"
    ring(desktop, telephony, offered(number="07 11 22 33 44"))
    qtbot.waitUntil(lambda: window.card.search_page.title.text() == "Appelant inconnu")
    # A refusal from the server (English text) is said in French from its code.
    desktop.bus.publish(Notice("Action not allowed in this state", "error", "action_not_allowed"))
    assert window.status.notice.text() == (
        "Cette action n’est plus possible : l’appel a changé d’état."
    )
    desktop.bus.publish(Notice("Something new happened", "error", "brand_new_code"))
    assert window.status.notice.text() == "Something new happened"
    window.close()


def test_english_needs_no_catalogue(qapp) -> None:
    assert install_translator(qapp, "en") is None


def test_french_product_status_and_channel_filter(qtbot, french) -> None:
    closed = Product("P1", "Livret A", "livret_a", "closed", date(2004, 3, 1))
    assert product_line(closed) == "Livret A · statut : clôturé · depuis 03/2004"
    odd = Product("P2", "Compte", "x", "under_review")
    assert product_line(odd) == "Compte · statut : under review"  # unknown code: words
    chooser = ChannelFilter(("voice", "email", "chat"), channel_label)
    qtbot.addWidget(chooser)
    assert chooser.text() == "Tous les canaux"
    chooser.set_channels(("voice", "email", "chat"))
    assert chooser.text() == "3 canaux"
