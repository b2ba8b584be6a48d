"""The History dock: the customer's unified timeline, newest first, paged lazily.

:class:`HistoryModel` is a Qt list model over the cursor API: the view asks
``canFetchMore``/``fetchMore`` as the advisor scrolls and each page is fetched in the
background (a task of the desktop), so a customer with 50 000 items opens at once and
the GUI never waits for the network. A newer query (another customer, filter or search)
makes older answers stale: they are dropped by generation number.

The live interaction of the shown customer sits on top and grows with its transcript.
Everything from the network is shown as plain text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.interaction import Interaction, TranscriptSegment
from agent_desktop.domain.screen_pop import Identification, ScreenPop
from agent_desktop.ports.history import CHANNELS, HistoryItem
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.contact_reasons import code_as_words
from agent_desktop.services.history import HistoryQuery, HistoryService
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.channel_filter import ChannelFilter
from agent_desktop.ui.icons import icon
from agent_desktop.ui.text import plain_label

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
Spawn = Callable[[Coroutine[Any, Any, Any]], object]

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the HistoryItem (None for the live row)
SEARCH_DEBOUNCE_MS = 300
LIVE_LINES = 3


def channel_label(channel: str) -> str:
    labels = {
        "voice": QCoreApplication.translate("History", "Call"),
        "email": QCoreApplication.translate("History", "E-mail"),
        "chat": QCoreApplication.translate("History", "Chat"),
        "sms": QCoreApplication.translate("History", "SMS"),
        "social": QCoreApplication.translate("History", "Social media"),
        "callback": QCoreApplication.translate("History", "Callback"),
        "letter": QCoreApplication.translate("History", "Letter"),
        "web": QCoreApplication.translate("History", "Web"),
    }
    return labels.get(channel, channel)


def direction_label(direction: str) -> str:
    if direction == "outbound":
        return QCoreApplication.translate("History", "outbound")
    return QCoreApplication.translate("History", "inbound")


def item_text(item: HistoryItem, reason_label: Callable[[str], str] = code_as_words) -> str:
    """Three lines: when/what/who, why/outcome, the one-line extract.

    ``reason_label`` names the reason code ("Carte non reçue" for ``card_arrival``).
    """
    when = item.at.astimezone().strftime("%d/%m/%Y %H:%M")
    who = " · ".join(p for p in (item.queue, item.agent) if p)
    first = " · ".join(
        p for p in (when, channel_label(item.channel), direction_label(item.direction), who) if p
    )
    reason = reason_label(item.reason) if item.reason else None
    second = " → ".join(p for p in (reason, item.outcome) if p)
    extract = " ".join(item.summary.split())
    if len(extract) > 140:
        extract = extract[:139] + "…"
    return "\n".join(p for p in (first, second, extract) if p)


class HistoryModel(QAbstractListModel):
    """The rows of the timeline: the live interaction (if any), then the loaded pages.

    Signals:
        sig_loading(bool): a page is being fetched.
        sig_total(int): the server's count of items matching the current query.
        sig_error(str): a page could not be fetched (the advisor can scroll to retry).
    """

    sig_loading = Signal(bool)
    sig_total = Signal(int)
    sig_error = Signal(str)

    def __init__(
        self,
        service: HistoryService,
        spawn: Spawn,
        parent: QWidget | None = None,
        reason_label: Callable[[str], str] = code_as_words,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._spawn = spawn
        self.reason_label = reason_label
        self.query: HistoryQuery | None = None
        self.items: list[HistoryItem] = []
        # item_text of each loaded item, made when first asked: the view asks for it on
        # every size hint and paint (dates, labels and the extract rebuilt each time cost
        # ~10 ms of the GUI thread per screen-pop)
        self._texts: dict[int, str] = {}
        self.total = 0
        self._cursor: str | None = None
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self.live: Interaction | None = None
        self.live_lines: list[TranscriptSegment] = []

    # ------------------------------------------------------------ query

    def set_query(self, query: HistoryQuery | None) -> None:
        """Show another customer / filter / search: start again from the first page."""
        self.beginResetModel()
        self._generation += 1
        self.query = query
        self.items = []
        self._texts = {}
        self.total = 0
        self._cursor = None
        self._exhausted = query is None
        self._loading = False
        self.endResetModel()
        self.sig_loading.emit(False)
        if query is not None:
            self.fetchMore(QModelIndex())

    # ------------------------------------------------------------ live row

    def set_live(self, interaction: Interaction | None, lines: list[TranscriptSegment]) -> None:
        had = self.live is not None
        if interaction is None:
            if had:
                self.beginRemoveRows(QModelIndex(), 0, 0)
                self.live, self.live_lines = None, []
                self.endRemoveRows()
            return
        self.live_lines = list(lines)
        if had:
            self.live = interaction
            top = self.index(0)
            self.dataChanged.emit(top, top)
        else:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self.live = interaction
            self.endInsertRows()

    def add_live_line(self, segment: TranscriptSegment) -> None:
        if self.live is not None and segment.interaction_id == self.live.id:
            self.live_lines.append(segment)
            top = self.index(0)
            self.dataChanged.emit(top, top)

    def _live_text(self) -> str:
        assert self.live is not None
        first = " · ".join(
            p
            for p in (
                QCoreApplication.translate("History", "Now"),
                channel_label(self.live.channel),
                direction_label(self.live.direction),
                self.live.attached.queue_name or "",
                self.live.attached.intent_label or "",
            )
            if p
        )
        lines = [first]
        for seg in self.live_lines[-LIVE_LINES:]:
            who = (
                QCoreApplication.translate("History", "Customer")
                if seg.speaker == "customer"
                else QCoreApplication.translate("History", "Advisor")
            )
            lines.append(f"{who}: {' '.join(seg.text.split())}")
        if len(lines) == 1:
            lines.append(QCoreApplication.translate("History", "In progress"))
        return "\n".join(lines)

    # ------------------------------------------------------------ Qt model

    @property
    def _offset(self) -> int:
        return 1 if self.live is not None else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._offset + len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if self.live is not None and row == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._live_text()
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("channel-live")
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("History", "The interaction in progress")
            return None
        item = self.items[row - self._offset]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts.get(row - self._offset)
            if text is None:
                text = self._texts[row - self._offset] = item_text(item, self.reason_label)
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(f"channel-{item.channel}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.summary
        if role == ITEM_ROLE:
            return item
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self.query is None:
            return
        self._loading = True
        self.sig_loading.emit(True)
        self._spawn(self._fetch(self._generation, self.query, self._cursor))

    async def _fetch(self, generation: int, query: HistoryQuery, cursor: str | None) -> None:
        try:
            page = await self._service.page(query, cursor)
        except GatewayError as exc:
            if generation == self._generation:
                self._loading = False
                self.sig_loading.emit(False)
                self.sig_error.emit(exc.message)
            return
        if generation != self._generation:
            return  # the advisor moved on: another customer, filter or search
        if page.items:
            first = self._offset + len(self.items)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self.items.extend(page.items)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        self._loading = False
        if self.total != page.total or cursor is None:
            self.total = page.total
            self.sig_total.emit(page.total)
        self.sig_loading.emit(False)


class HistoryReader(QDialog):
    """One history item read whole, as plain text (e-mail, chat, call notes, letter)."""

    def __init__(
        self,
        item: HistoryItem,
        parent: QWidget | None = None,
        reason_label: Callable[[str], str] = code_as_words,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyReader")
        reason = reason_label(item.reason) if item.reason else item.id
        self.setWindowTitle(f"{channel_label(item.channel)} — {reason}")
        self.resize(560, 480)
        layout = QVBoxLayout(self)
        lines = item_text(item, reason_label).split("\n")
        self.header = plain_label("\n".join(lines[:2]), self, "historyReaderHeader")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("historyReaderText")
        self.text.setReadOnly(True)
        self.text.setPlainText(item.body if item.body is not None else item.summary)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class HistoryPanel(QWidget):
    """The content of the History dock.

    Attributes:
        model: the timeline (see :class:`HistoryModel`).
        view: the list showing it.
        channel: the channel filter (any set of channels); search: the full-text search (debounced).
        reader: the last opened item's reader, if any.

    Signals:
        sig_opened(HistoryReader): an item was opened (tests wait on it).
    """

    sig_opened = Signal(object)

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        # Docks share the width with the card: stay narrow on a small screen.
        self.setMinimumSize(120, 120)
        self.bridge = bridge
        desktop = bridge.desktop
        self._service = desktop.history
        self._spawn: Spawn = lambda coro: desktop.tasks.spawn(coro, name="history")
        self.customer_id: str | None = None
        self.reader: HistoryReader | None = None

        self.channel = ChannelFilter(CHANNELS, channel_label, self)
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(self.tr("Search the history…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)

        self.model = HistoryModel(
            self._service,
            self._spawn,
            self,
            lambda code: desktop.contact_reasons.label(code, bridge.lang),
        )
        self.view = QListView(self)
        self.view.setObjectName("historyList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        # Wrapped rows are measured one by one: a page of 50 laid out at once held the GUI
        # thread ~10 ms on every pop; in batches the loop runs between them.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(10)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(1)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self.open_index)

        self.status = plain_label("", self, "historyStatus")
        self.status.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.channel)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.channel.sig_changed.connect(lambda _channels: self.apply_filters())
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.model.sig_total.connect(self._show_total)
        self.model.sig_loading.connect(self._show_loading)
        self.model.sig_error.connect(self._show_error)
        bridge.sig_context_pop.connect(self._on_pop)
        bridge.sig_transcript.connect(self.model.add_live_line)
        bridge.sig_closed.connect(self._on_closed)
        if not self._service.available:
            self.status.setText(self.tr("This platform does not provide the history."))
        else:
            self.status.setText(self.tr("The history appears when a customer is identified."))

    # ------------------------------------------------------------ following the call

    def show_customer(self, customer_id: str | None, reload: bool = False) -> None:
        """Show this customer's history (keeps the filter, clears the search); with
        ``reload``, fetch it again even if it is already shown (a new contact)."""
        if not self._service.available:
            return
        if customer_id != self.customer_id:
            self.search.clear()
        self.customer_id = customer_id
        self.apply_filters(reload)

    def _on_pop(self, pop: ScreenPop) -> None:
        if pop.identification != Identification.IDENTIFIED or pop.customer is None:
            return
        interaction = self.bridge.desktop.calls.interactions.get(pop.interaction_id)
        # The same customer calling again: their last contact must appear, so reload.
        self.show_customer(pop.customer.id, reload=True)
        if interaction is not None and interaction.is_live:
            lines = self.bridge.desktop.calls.transcripts.get(interaction.id, [])
            self.model.set_live(interaction, lines)

    def _on_closed(self, interaction: Interaction) -> None:
        if self.model.live is not None and self.model.live.id == interaction.id:
            self.model.set_live(None, [])

    # ------------------------------------------------------------ filters

    def apply_filters(self, reload: bool = False) -> None:
        self._debounce.stop()
        if self.customer_id is None:
            self.model.set_query(None)
            return
        query = HistoryQuery(self.customer_id, self.channel.channels(), self.search.text().strip())
        if reload or query != self.model.query:
            self.model.set_query(query)

    def _show_total(self, total: int) -> None:
        self.status.setText(self.tr("%n item(s)", "", total))

    def _show_loading(self, loading: bool) -> None:
        if loading and not self.model.items:
            self.status.setText(self.tr("Loading…"))

    def _show_error(self, message: str) -> None:
        self.status.setText(self.tr("The history could not be loaded: %1").replace("%1", message))

    # ------------------------------------------------------------ reading one item

    def open_index(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if isinstance(item, HistoryItem):
            self._spawn(self.open_item(item))

    async def open_item(self, item: HistoryItem) -> HistoryReader | None:
        try:
            whole = await self._service.item(item.customer_id, item.id)
        except GatewayError as exc:
            self._show_error(exc.message)
            return None
        self.reader = HistoryReader(whole or item, self, self.model.reason_label)
        self.reader.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reader.show()
        self.sig_opened.emit(self.reader)
        return self.reader
