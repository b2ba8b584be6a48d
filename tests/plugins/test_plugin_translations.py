"""The built-in plugins ship their own French catalogue (plugins/i18n), complete and in
step with their code, and use it when the desktop runs in French."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from plugins import _i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "plugins" / "i18n" / "plugins_fr.ts"
QM = ROOT / "plugins" / "i18n" / "plugins_fr.qm"
SOURCES = sorted(str(p) for p in (ROOT / "plugins").glob("*/*.py"))


def tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    which = str(found) if found.exists() else shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed")
    return which


def untranslated(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        if translation.get("type") == "unfinished" or not translation.text:
            out.append(message.findtext("source") or "")
    return out


def test_catalogue_is_complete_and_in_step_with_the_code(tmp_path: Path) -> None:
    assert untranslated(TS) == []
    copy = tmp_path / "fr.ts"
    shutil.copy(TS, copy)
    subprocess.run(
        [tool("pyside6-lupdate"), *SOURCES, "-ts", str(copy)], check=True, capture_output=True
    )
    assert untranslated(copy) == []


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fr.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on plugins/i18n"


def test_plugins_speak_french_while_one_is_active(qapp: QApplication) -> None:
    _i18n.use("expert_presence", "fr")
    try:
        assert QCoreApplication.translate("ExpertPresence", "Do not disturb") == "Ne pas déranger"
        assert QCoreApplication.translate("Conference", "Merge into conference") == (
            "Passer en conférence"
        )
    finally:
        _i18n.release("expert_presence")
    assert QCoreApplication.translate("ExpertPresence", "Do not disturb") == "Do not disturb"
