"""Unknown caller, or the wrong customer popped: find the customer by name, email or number.

The search runs on the event loop (``desktop.search_customers``); only the answer to the
latest query is shown, so a slow early answer never overwrites a newer one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from agent_desktop.domain.customer import Customer
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.customer_chooser import CustomerList
from agent_desktop.ui.icons import icon
from agent_desktop.ui.text import plain_label


class CustomerSearch(QWidget):
    """The "unknown caller" card with its search box.

    Attributes:
        title: "Unknown caller" (or "Search for a customer").
        number: the caller's number, as read aloud.
        box: the query (name, email or number); Enter searches.
        results: the matches; Enter or double click chooses one.
        status: "Searching…", "No customer found", or the count.

    Signals:
        sig_chosen(Customer): the advisor picked a customer.
        sig_cancelled(): Escape in the search (back to the previous card).
    """

    sig_chosen = Signal(object)
    sig_cancelled = Signal()

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerSearch")
        self._bridge = bridge
        self._generation = 0
        self.title = plain_label(self.tr("Unknown caller"), self, "cardTitle")
        self.number = plain_label("", self, "unknownNumber")
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr("Name, email or phone number"))
        self.box.setClearButtonEnabled(True)
        self.box.setMaxLength(120)
        self.box.returnPressed.connect(self.search)
        self.button = QPushButton(icon("search"), self.tr("Search"), self)
        self.button.setObjectName("searchButton")
        self.button.clicked.connect(self.search)
        self.status = plain_label("", self, "searchStatus")
        self.results = CustomerList(self)
        self.results.sig_chosen.connect(self.sig_chosen)
        row = QHBoxLayout()
        row.addWidget(self.box, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.number)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        bridge.sig_link_changed.connect(lambda _e: self.button.setEnabled(bridge.online))

    def reset(self, title: str, number: str) -> None:
        self._generation += 1
        self.title.setText(title)
        self.number.setText(number)
        self.number.setVisible(bool(number))
        self.box.clear()
        self.results.clear()
        self.status.setText("")
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def search(self) -> None:
        query = self.box.text().strip()
        if not query or not self._bridge.online:
            return
        self._generation += 1
        self.status.setText(self.tr("Searching…"))
        desktop = self._bridge.desktop
        desktop.tasks.spawn(self._search(query, self._generation), name="customer-search")

    async def _search(self, query: str, generation: int) -> None:
        found = await self._bridge.desktop.search_customers(query)
        # The card may be gone or a newer search started while we waited.
        if not isValid(self) or generation != self._generation:
            return
        self.show_results(found)

    def show_results(self, found: list[Customer]) -> None:
        self.results.set_customers(found)
        if not found:
            self.status.setText(self.tr("No customer found. Check the spelling or try the number."))
        else:
            self.status.setText(
                self.tr("%n customer(s) found — arrows and Enter to choose", "", len(found))
            )
            self.results.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.sig_cancelled.emit()
            return
        if event.key() == Qt.Key.Key_Down and self.box.hasFocus() and self.results.count():
            self.results.setFocus()
            return
        super().keyPressEvent(event)
