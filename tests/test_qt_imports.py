"""PySide6's import hook asks of each new module whether its source mentions PySide6;
ours answers the same without keeping the module's source lines in ``linecache``."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from agent_desktop.qt_imports import FEATURE_MODULE, spare_source_reads


def test_a_module_imported_after_pyside_leaves_no_source_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert spare_source_reads()
    assert spare_source_reads()  # a second call keeps the one check
    feature = sys.modules[FEATURE_MODULE]
    with_qt = tmp_path / "imports_hook_with_qt.py"
    with_qt.write_text("from PySide6 import QtCore\n\nNAME = QtCore.QObject.__name__\n")
    without = tmp_path / "imports_hook_without_qt.py"
    without.write_text('"""Nothing of Qt here."""\n\nVALUE = 1\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    for module in (with_qt, without):
        __import__(module.stem)  # an import statement: the hook sees it
        monkeypatch.delitem(sys.modules, module.stem)
    assert str(with_qt) not in linecache.cache
    assert str(without) not in linecache.cache
    # the hook's answer is the one PySide6's own check gives: 0 uses PySide6, -1 ignore
    answers = feature.pyside_feature_dict  # type: ignore[attr-defined]
    assert answers[with_qt.stem] == 0
    assert answers[without.stem] == -1
