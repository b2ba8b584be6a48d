"""The identified customer: big name, VIP badge, segment, contact details, products.

Everything here came from the network, so every value label is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.customer import Customer, Product
from agent_desktop.services.phone import for_display
from agent_desktop.ui.text import plain_label
from agent_desktop.ui.vip_badge import VipBadge


def status_label(status: str) -> str:
    """A product status in words (the platform sends a code; unknown codes read as words)."""
    labels = {
        "closed": QCoreApplication.translate("CustomerDetails", "closed"),
        "suspended": QCoreApplication.translate("CustomerDetails", "suspended"),
        "blocked": QCoreApplication.translate("CustomerDetails", "blocked"),
        "pending": QCoreApplication.translate("CustomerDetails", "being opened"),
        "terminated": QCoreApplication.translate("CustomerDetails", "terminated"),
    }
    return labels.get(status, status.replace("_", " "))


def product_line(product: Product) -> str:
    """``Visa Premier · since 03/2019`` (plain text); the status only when not active.

    The kind is a platform code (``carte_visa_premier``), not words for the advisor.
    """
    parts = [product.name]
    if product.status and product.status != "active":
        parts.append(
            QCoreApplication.translate("CustomerDetails", "status: %1").replace(
                "%1", status_label(product.status)
            )
        )
    if product.since:
        parts.append(
            QCoreApplication.translate("CustomerDetails", "since %1").replace(
                "%1", product.since.strftime("%m/%Y")
            )
        )
    return " · ".join(p for p in parts if p)


class CustomerDetails(QWidget):
    """The card of one identified customer.

    Attributes:
        name: the customer's name, large.
        vip: the VIP badge (visible for VIP customers or IVR-flagged callers).
        segment: the customer's segment (e.g. "Premium").
        since: "Customer since 2012 · no. C-1042".
        fields: the contact-detail value labels (``phones``, ``email``, ``address``).
        products: the list of products and contracts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDetails")
        self.name = plain_label("", self, "customerName")
        self.name.setWordWrap(True)
        self.vip = VipBadge(self)
        self.segment = plain_label("", self, "segmentPill")
        self.since = plain_label("", self, "customerSince")

        header = QHBoxLayout()
        header.setSpacing(12)
        header.addWidget(self.name, 1)
        header.addWidget(self.vip, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.segment, 0, Qt.AlignmentFlag.AlignVCenter)

        contact = QFrame(self)
        contact.setObjectName("section")
        grid = QGridLayout(contact)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        title = plain_label(self.tr("Contact details"), contact, "sectionTitle")
        grid.addWidget(title, 0, 0, 1, 2)
        captions = {
            "phones": self.tr("Phone"),
            "email": self.tr("Email"),
            "address": self.tr("Address"),
        }
        self.fields: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(captions.items(), start=1):
            cap = plain_label(caption, contact, "fieldCaption")
            value = plain_label("", contact, f"field_{key}")
            value.setWordWrap(True)
            grid.addWidget(cap, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.fields[key] = value
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(captions) + 1, 1)

        products_box = QFrame(self)
        products_box.setObjectName("section")
        products_layout = QVBoxLayout(products_box)
        products_layout.setContentsMargins(16, 12, 16, 12)
        products_layout.addWidget(
            plain_label(self.tr("Products and contracts"), products_box, "sectionTitle")
        )
        self.products = QListWidget(products_box)
        self.products.setObjectName("productList")
        self.products.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.products.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.products.setWordWrap(True)
        self.products.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the white card shows through: not filled a second time on each repaint
        self.products.viewport().setAutoFillBackground(False)
        products_layout.addWidget(self.products)

        sections = QHBoxLayout()
        sections.setSpacing(16)
        sections.addWidget(contact, 1)
        sections.addWidget(products_box, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.since)
        layout.addLayout(sections, 1)

    def show_customer(self, customer: Customer, vip: bool = False) -> None:
        self.name.setText(customer.display_name)
        self.vip.setVisible(customer.vip or vip)
        self.segment.setText(customer.segment)
        self.segment.setVisible(bool(customer.segment))
        since = []
        if customer.customer_since:
            since.append(
                self.tr("Customer since %1").replace("%1", str(customer.customer_since.year))
            )
        since.append(self.tr("Customer no. %1").replace("%1", customer.id))
        self.since.setText(" · ".join(since))
        phones = [for_display(p) or p for p in customer.phones]
        self.fields["phones"].setText("\n".join(phones) or "—")
        self.fields["email"].setText(customer.email or "—")
        address = customer.address
        self.fields["address"].setText(
            f"{address.street}\n{address.postcode} {address.city}" if address else "—"
        )
        self.products.clear()
        for product in customer.products:
            QListWidgetItem(product_line(product), self.products)
        if not customer.products:
            QListWidgetItem(self.tr("No product on record"), self.products)
