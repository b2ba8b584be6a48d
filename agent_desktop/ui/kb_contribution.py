"""The dialog where an advisor writes a new article or proposes a fix of one.

Input errors are said in the dialog, which stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.ports.knowledge import Article
from agent_desktop.ui.text import plain_label


class ContributionDialog(QDialog):
    """Title, language, Markdown text and example questions (one per line).

    ``submit`` is called with (language, title, body, questions, replaces) and may raise
    ``ValueError``; its message is shown and the dialog stays open.
    """

    def __init__(
        self,
        submit: Callable[[str, str, str, list[str], str | None], object],
        language: str,
        fixing: Article | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kbContribution")
        self._submit = submit
        self.replaces = fixing.id if fixing else None
        self.setWindowTitle(
            self.tr("Propose a fix: %1").replace("%1", fixing.title)
            if fixing
            else self.tr("Propose a new article")
        )
        self.resize(560, 520)
        self.title = QLineEdit(self)
        self.title.setObjectName("kbContributionTitle")
        self.title.setMaxLength(300)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("French"), "fr")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("kbContributionBody")
        self.body.setPlaceholderText(self.tr("The article, in Markdown"))
        self.questions = QPlainTextEdit(self)
        self.questions.setObjectName("kbContributionQuestions")
        self.questions.setPlaceholderText(self.tr("How customers ask it, one per line"))
        self.questions.setMaximumHeight(90)
        if fixing is not None:
            self.title.setText(fixing.title)
            self.language.setCurrentIndex(max(0, self.language.findData(fixing.language)))
            self.body.setPlainText(fixing.body)
            self.questions.setPlainText("\n".join(fixing.questions))
        self.error = plain_label("", self, "kbContributionError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Text"), self.body)
        form.addRow(self.tr("Example questions"), self.questions)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Submit for review"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self._submit(
                str(self.language.currentData()),
                self.title.text(),
                self.body.toPlainText(),
                self.questions.toPlainText().splitlines(),
                self.replaces,
            )
        except ValueError as exc:
            self.error.setText(self.tr("Not submitted: %1").replace("%1", str(exc)))
            self.error.show()
            return
        super().accept()
