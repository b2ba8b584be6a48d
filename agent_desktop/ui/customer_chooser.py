"""Several customers share the caller's number: the advisor picks the right one.

Keyboard first: the list has the focus when it appears, arrows move, Enter chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from agent_desktop.domain.customer import Customer
from agent_desktop.ui.text import plain_label


def candidate_line(customer: Customer) -> str:
    """Two plain-text lines: name, segment, VIP; then city and products."""
    first = [customer.display_name, customer.segment]
    if customer.vip:
        first.append(QCoreApplication.translate("CustomerChooser", "★ VIP"))
    second = []
    if customer.address:
        second.append(customer.address.city)
    second.extend(p.name for p in customer.products[:3])
    if len(customer.products) > 3:
        second.append("…")
    return " · ".join(f for f in first if f) + "\n" + " · ".join(second)


class CustomerList(QListWidget):
    """A list of customers where Enter (or a double click) chooses one.

    Signals:
        sig_chosen(Customer): the advisor picked this customer.
    """

    sig_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerList")
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)
        # the white card shows through: not filled a second time on each repaint
        self.viewport().setAutoFillBackground(False)
        self.itemActivated.connect(self._chosen)

    def set_customers(self, customers: list[Customer] | tuple[Customer, ...]) -> None:
        self.clear()
        for customer in customers:
            item = QListWidgetItem(candidate_line(customer), self)
            item.setData(Qt.ItemDataRole.UserRole, customer)
        if self.count():
            self.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # itemActivated on Enter depends on the platform style; make it certain.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._chosen(self.currentItem())
            return
        super().keyPressEvent(event)

    def _chosen(self, item: QListWidgetItem) -> None:
        customer = item.data(Qt.ItemDataRole.UserRole)
        if customer is not None:
            self.sig_chosen.emit(customer)


class CustomerChooser(QWidget):
    """The "several customers match" card.

    Attributes:
        list: the candidates.

    Signals:
        sig_chosen(Customer): the advisor picked the caller.
    """

    sig_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerChooser")
        self.title = plain_label(self.tr("Several customers share this number"), self, "cardTitle")
        self.hint = plain_label(
            self.tr("Ask the caller's name, then choose with the arrows and Enter."),
            self,
            "cardHint",
        )
        self.list = CustomerList(self)
        self.list.sig_chosen.connect(self.sig_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)

    def show_candidates(self, candidates: tuple[Customer, ...]) -> None:
        self.list.set_customers(candidates)
        self.list.setFocus()
