"""The Knowledge dock: articles suggested for the live call, refreshed as it goes.

Suggestions follow the identified caller and every new transcript segment (debounced,
so a fast talker does not send a search per word). Titles and snippets come from the
network: they are HTML-escaped *before* the matched words are wrapped in ``<b>``, so the
only markup shown is ours. The advisor can also type a search, open an article in the
reader, copy its snippet, and say whether it helped (sent to the server).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Coroutine, Iterable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.interaction import Interaction, TranscriptSegment
from agent_desktop.domain.screen_pop import Identification, ScreenPop
from agent_desktop.ports.history import HistoryItem
from agent_desktop.ports.knowledge import Article, ArticleHit
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.kb_contributions import Contribution
from agent_desktop.services.knowledge import (
    KnowledgeService,
    LiveContext,
    build_context,
    fold,
    significant_words,
)
from agent_desktop.services.knowledge_text import plain_snippet
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.kb_contribution import ContributionDialog
from agent_desktop.ui.text import plain_label

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, Any]], object]
REFRESH_DEBOUNCE_MS = 800
VISIBLE_ROWS = 3  # suggestions always visible without scrolling
RECENT_ITEMS = 10
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_TOKEN = re.compile(r"\w+|\W+", re.UNICODE)


def highlight(text: str, words: Iterable[str]) -> str:
    """``text`` as safe rich text with ``words`` in bold (case and accents ignored).

    Every piece of ``text`` is escaped; only the ``<b>`` tags added here are markup.
    """
    wanted = {fold(w) for w in words if w}
    parts: list[str] = []
    for token in _TOKEN.findall(text):
        escaped = html.escape(token, quote=False)
        key = fold(token)
        matched = key in wanted or any(len(w) >= 5 and key.startswith(w[:-1]) for w in wanted)
        parts.append(f"<b>{escaped}</b>" if token[:1].isalnum() and matched else escaped)
    return "".join(parts)


def from_first_match(text: str, words: Iterable[str], lead_words: int = 2) -> str:
    """``text`` starting a couple of words before the first of ``words`` it holds (with
    "…" in front), so a one-line snippet shows a match; ``text`` itself otherwise."""
    wanted = {fold(w) for w in words if w}
    tokens = _TOKEN.findall(text)
    words_seen = 0
    starts: list[int] = []  # the token index where each word starts
    for index, token in enumerate(tokens):
        if token[:1].isalnum():
            starts.append(index)
            if fold(token) in wanted:
                if words_seen <= lead_words:
                    return text
                return "…" + "".join(tokens[starts[words_seen - lead_words] :])
            words_seen += 1
    return text


class HitDelegate(QStyledItemDelegate):
    """Paints one suggestion on two lines: the title, then a one-line snippet starting at
    the first match, each cut to the row's width with "…" and the matched words in bold.

    Painted, not one widget per row: widgets restyled and laid out on every refresh cost
    20–80 ms per refresh on the GUI thread. The lines of a hit are computed once per width.

    Attributes:
        words: the words shown in bold.
    """

    PAD = 6  # left of the text
    ROW_PAD = 3  # above and below the two lines

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self._lines: dict[tuple[str, str, int], tuple[str, str]] = {}
        # the laid-out rows, by hit, width and colour: parsing the row's HTML and laying
        # it out again on every paint cost ~1 ms a row on the GUI thread
        self._documents: dict[tuple[str, str, int, str, str], QTextDocument] = {}

    def set_words(self, words: list[str]) -> None:
        self.words = words
        self._lines.clear()
        self._documents.clear()

    def document(self, hit: ArticleHit, width: int, font: QFont, color: str) -> QTextDocument:
        """The row's two lines laid out for ``width``, in ``color``."""
        key = (hit.id, hit.title + hit.snippet, width, color, font.key())
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) > 200:  # rows of earlier calls, widths of earlier sizes
                self._documents.clear()
            title, snippet = self.lines(hit, width, font)
            document = QTextDocument()  # Python-owned: freed when dropped from the cache
            document.setDocumentMargin(0)
            document.setDefaultFont(font)
            document.setHtml(f"<div style='color:{color}'>{title}<br>{snippet}</div>")
            self._documents[key] = document
        return document

    def lines(self, hit: ArticleHit, width: int, font: QFont) -> tuple[str, str]:
        """The rich text of the title line and the snippet line for a row ``width`` wide
        (the texts cut first, then escaped and bolded; measured in bold so they fit)."""
        key = (hit.id, hit.title + hit.snippet, width)
        found = self._lines.get(key)
        if found is not None:
            return found
        room = max(40, width - 2 * self.PAD)
        bold = QFont(font)
        bold.setWeight(QFont.Weight.Bold)
        metrics = QFontMetrics(bold)
        elide = Qt.TextElideMode.ElideRight
        title = metrics.elidedText(hit.title, elide, room)
        snippet = from_first_match(plain_snippet(hit.snippet), self.words)
        snippet = metrics.elidedText(snippet, elide, room)
        found = (
            f"<span style='font-weight:600'>{highlight(title, self.words)}</span>",
            highlight(snippet, self.words),
        )
        self._lines[key] = found
        return found

    @staticmethod
    def row_height(font: QFont) -> int:
        return 2 * QFontMetrics(font).lineSpacing() + 2 * HitDelegate.ROW_PAD

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(1, self.row_height(option.font))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, ArticleHit):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect: QRect = item.rect
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = item.palette.color(role).name()
        document = self.document(hit, rect.width(), item.font, color)
        painter.save()
        painter.translate(rect.left() + self.PAD, rect.top() + self.ROW_PAD)
        document.drawContents(painter, QRectF(0, 0, rect.width() - self.PAD, rect.height()))
        painter.restore()


class ArticleReader(QDialog):
    """An article: Markdown rendered without HTML and without following links, or as
    plain text (a check box switches)."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self.setObjectName("articleReader")
        self.setWindowTitle(article.title)
        self.resize(600, 520)
        layout = QVBoxLayout(self)
        title = plain_label(article.title, self, "articleTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("articleBody")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        layout.addWidget(self.browser, 1)
        self.plain = QCheckBox(self.tr("Plain text"), self)
        self.plain.setObjectName("articlePlain")
        self.plain.toggled.connect(self._render)
        copy = QPushButton(self.tr("Copy"), self)
        copy.setObjectName("articleCopy")
        copy.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.plain)
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self._render(False)

    def _render(self, plain: bool) -> None:
        if plain:
            self.browser.setPlainText(self.article.body)
            return
        features = (
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            | QTextDocument.MarkdownFeature.MarkdownNoHTML
        )
        self.browser.document().setMarkdown(self.article.body, features)

    def copy(self) -> None:
        selected = self.browser.textCursor().selectedText().replace("\u2029", "\n")
        QGuiApplication.clipboard().setText(selected or self.browser.toPlainText())


class KnowledgePanel(QWidget):
    """The content of the Knowledge dock.

    Attributes:
        hits: the suggestions shown, best first; words: the words highlighted.
        context: the live context they were ranked for.
        reader: the last article opened.

    Signals:
        sig_refreshed(): new suggestions are shown (tests wait on it).
        sig_feedback_sent(str, bool): the server took a vote.
    """

    sig_refreshed = Signal()
    sig_feedback_sent = Signal(str, bool)

    def __init__(self, bridge: DesktopBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePanel")
        # Docks share the width with the card: stay narrow on a small screen.
        self.setMinimumSize(120, 120)
        self.bridge = bridge
        desktop = bridge.desktop
        self._service: KnowledgeService = desktop.knowledge
        self._spawn: Spawn = lambda coro: desktop.tasks.spawn(coro, name="knowledge")
        self.hits: list[ArticleHit] = []
        self.source = ""  # who ranked them: "local" or "platform"
        self.words: list[str] = []
        self.context = LiveContext()
        self.reader: ArticleReader | None = None
        self.votes: tuple[int, int] | None = None  # the last voted article's counts
        self._interaction_id: str | None = None
        self._recent: list[HistoryItem] = []
        self._generation = 0

        self.search = QLineEdit(self)
        self.search.setObjectName("kbSearch")
        self.search.setPlaceholderText(self.tr("Search the knowledge base…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(300)
        self.search.returnPressed.connect(self._search_typed)
        self.list = QListWidget(self)
        self.list.setObjectName("kbHits")
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.delegate = HitDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.itemActivated.connect(lambda _i: self.open_selected())
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        # Room for at least VISIBLE_ROWS two-line suggestions: the dock cannot be
        # squeezed below that by its neighbours. Measured with the font the style sheet
        # gives the list (applied when it is polished; before, the rows came out smaller).
        self.list.ensurePolished()
        row = HitDelegate.row_height(self.list.font())
        self.list.setMinimumHeight(row * VISIBLE_ROWS + 2 * self.list.frameWidth())
        self.status = plain_label("", self, "kbStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # One row of small buttons under the list; contributing goes in a menu.
        self.open_button = self._tool_button(self.tr("Open"), self.open_selected)
        self.copy_button = self._tool_button(self.tr("Copy"), self.copy_snippet)
        self.copy_button.setToolTip(self.tr("Copy the title and the snippet"))
        self.helpful_button = self._tool_button(
            self.tr("Helpful"), lambda: self.send_feedback(True)
        )
        self.unhelpful_button = self._tool_button(
            self.tr("Not helpful"), lambda: self.send_feedback(False)
        )
        self.contribute_button = self._tool_button(self.tr("Contribute"), None)
        self.contribute_button.setObjectName("kbContribute")
        self.contribute_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.contribute_button)
        self.new_article_action = menu.addAction(self.tr("New article…"))
        self.fix_action = menu.addAction(self.tr("Propose a fix…"))
        self.new_article_action.triggered.connect(lambda: self.propose(None))
        self.fix_action.triggered.connect(self.propose_fix)
        self.contribute_button.setMenu(menu)
        # Two short rows so the dock stays narrow in French too: the four actions on the
        # selected article, then Contribute beside the status line.
        actions = QWidget(self)
        actions.setObjectName("kbActions")
        actions.setStyleSheet("QToolButton { padding: 3px 6px; }")
        rows = QVBoxLayout(actions)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(3)
        first, second = QHBoxLayout(), QHBoxLayout()
        first.setSpacing(3)
        second.setSpacing(6)
        for button in (
            self.open_button,
            self.copy_button,
            self.helpful_button,
            self.unhelpful_button,
        ):
            first.addWidget(button)
        first.addStretch(1)
        second.addWidget(self.contribute_button)
        second.addWidget(self.status, 1)
        rows.addLayout(first)
        rows.addLayout(second)
        self.contributions = plain_label("", self, "kbContributions")
        self.contributions.setWordWrap(True)
        self.contributions.hide()
        self.dialog: ContributionDialog | None = None
        self._shown_waiting = False
        self._local_ready = self._service.local.ready
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(actions)
        layout.addWidget(self.contributions)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(REFRESH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        bridge.sig_context_pop.connect(self._on_pop)
        bridge.sig_transcript.connect(self._on_transcript)
        bridge.sig_closed.connect(self._on_closed)
        bridge.sig_tick.connect(self._tick)
        self._enable()
        self.status.setText(
            self.tr("Articles are suggested as soon as a call comes in.")
            if self._service.available
            else self.tr("This platform does not provide a knowledge base.")
        )

    def _tool_button(self, text: str, slot: Callable[[], object] | None) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ live context

    def _on_pop(self, pop: ScreenPop) -> None:
        self._interaction_id = pop.interaction_id
        self._recent = []
        self.refresh()
        if pop.customer is not None and self.bridge.desktop.history.available:
            self._spawn(self._load_recent(pop.interaction_id, pop.customer.id))

    async def _load_recent(self, interaction_id: str, customer_id: str) -> None:
        """The customer's latest contacts: their reasons break ties between articles."""
        try:
            recent = await self.bridge.desktop.history.recent(customer_id, RECENT_ITEMS)
        except GatewayError:
            return  # suggestions go on without them
        if interaction_id == self._interaction_id:
            self._recent = recent
            self.refresh()

    def _on_transcript(self, segment: TranscriptSegment) -> None:
        if segment.interaction_id == self._interaction_id and segment.speaker == "customer":
            self._debounce.start()

    def _on_closed(self, interaction: Interaction) -> None:
        if interaction.id == self._interaction_id:
            self._debounce.stop()

    def current_context(self) -> LiveContext:
        desktop = self.bridge.desktop
        interaction_id = self._interaction_id
        if interaction_id is None:
            return LiveContext()
        interaction = desktop.calls.interactions.get(interaction_id)
        pop = desktop.screen_pop.pops.get(interaction_id)
        customer = pop.customer if pop and pop.identification == Identification.IDENTIFIED else None
        return build_context(
            interaction,
            desktop.calls.transcripts.get(interaction_id, []),
            customer,
            self._recent,
            detector=self._service.detector,
        )

    def refresh(self) -> None:
        """Rank articles for the live context now (in the background)."""
        self._debounce.stop()
        if not self._service.available:
            return
        context = self.current_context()
        if context.empty:
            return
        self._generation += 1
        self._spawn(self._suggest(self._generation, context))

    async def _suggest(self, generation: int, context: LiveContext) -> None:
        try:
            found = await self._service.suggest(context)
        except GatewayError as exc:
            if generation == self._generation:
                self.status.setText(
                    self.tr("Suggestions unavailable: %1").replace("%1", exc.message)
                )
            return
        if generation == self._generation:
            self.context = context
            self._show(found.hits, found.query, found.source)

    def _search_typed(self) -> None:
        text = self.search.text().strip()
        if text:
            self._generation += 1
            self._spawn(self._typed(self._generation, text))
        else:
            self.refresh()

    async def _typed(self, generation: int, text: str) -> None:
        try:
            found = await self._service.search(text)
        except GatewayError as exc:
            self.status.setText(self.tr("Search failed: %1").replace("%1", exc.message))
            return
        if generation == self._generation:
            self._show(found.hits, text, found.source)

    def _show(self, hits: list[ArticleHit], query: str, source: str) -> None:
        self.hits = hits
        self.source = source
        self.words = significant_words(query) or query.split()
        self.list.clear()
        self.delegate.set_words(self.words)
        for hit in hits:
            item = QListWidgetItem(self.list)
            item.setData(HIT_ROLE, hit)
            item.setToolTip(f"{hit.title}\n{plain_snippet(hit.snippet)}")
        ranked_by = self.tr("local index") if source == "local" else self.tr("platform search")
        if hits:
            self.list.setCurrentRow(0)
            self.status.setText(
                self.tr("%n article(s) · %1", "", len(hits)).replace("%1", ranked_by)
            )
        else:
            self.status.setText(self.tr("No matching article · %1").replace("%1", ranked_by))
        self.status.setToolTip(self.tr("Searched for: %1").replace("%1", query))
        self._enable()
        self.sig_refreshed.emit()

    # ------------------------------------------------------------ actions

    def selected(self) -> ArticleHit | None:
        item = self.list.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, ArticleHit) else None

    def _enable(self) -> None:
        has = self.selected() is not None
        for button in (
            self.open_button,
            self.copy_button,
            self.helpful_button,
            self.unhelpful_button,
        ):
            button.setEnabled(has)
        self.fix_action.setEnabled(has)

    def copy_snippet(self) -> None:
        hit = self.selected()
        if hit is not None:
            QGuiApplication.clipboard().setText(f"{hit.title}\n{hit.snippet}")

    def open_selected(self) -> None:
        hit = self.selected()
        if hit is not None:
            self._spawn(self.open_article(hit.id))

    async def open_article(self, article_id: str) -> ArticleReader | None:
        try:
            article = await self._service.article(article_id)
        except GatewayError as exc:
            self.status.setText(
                self.tr("The article could not be opened: %1").replace("%1", exc.message)
            )
            return None
        if article is None:
            self.status.setText(self.tr("This article no longer exists."))
            return None
        self.reader = ArticleReader(article, self)
        self.reader.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reader.show()
        return self.reader

    def send_feedback(self, helpful: bool) -> None:
        hit = self.selected()
        if hit is not None:
            self._spawn(self._feedback(hit.id, helpful))

    async def _feedback(self, article_id: str, helpful: bool) -> None:
        try:
            self.votes = await self._service.feedback(article_id, helpful, " ".join(self.words))
        except GatewayError as exc:
            self.status.setText(self.tr("Feedback not sent: %1").replace("%1", exc.message))
            return
        self.status.setText(self.tr("Thank you: your feedback was sent."))
        self.sig_feedback_sent.emit(article_id, helpful)

    # ------------------------------------------------------------ contributions

    def propose(self, fixing: Article | None) -> ContributionDialog:
        """Open the contribution dialog (a new article, or a fix of ``fixing``)."""
        lang = self.context.language or self.bridge.lang
        self.dialog = ContributionDialog(self._submit, lang, fixing, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog

    def propose_fix(self) -> None:
        hit = self.selected()
        if hit is not None:
            self._spawn(self._propose_fix(hit.id))

    async def _propose_fix(self, article_id: str) -> None:
        try:
            article = await self._service.article(article_id)
        except GatewayError as exc:
            self.status.setText(
                self.tr("The article could not be opened: %1").replace("%1", exc.message)
            )
            return
        if article is not None:
            self.propose(article)

    def _submit(
        self, language: str, title: str, body: str, questions: list[str], replaces: str | None
    ) -> None:
        contributions = self.bridge.desktop.kb_contributions
        item_id = contributions.submit(language, title, body, questions, replaces)
        self.show_contributions()
        self._spawn(contributions.send_now(item_id))

    def show_contributions(self) -> None:
        items = self.bridge.desktop.kb_contributions.contributions()
        lines = [f"{c.title} — {self._contribution_state(c)}" for c in items[-4:]]
        if lines:
            self.contributions.setText(self.tr("Your contributions:") + "\n" + "\n".join(lines))
        self.contributions.setVisible(bool(lines))
        self._shown_waiting = any(c.state == "waiting" for c in items[-4:])

    def _tick(self) -> None:
        # While a contribution shown waits for the server, follow the outbox each second.
        if self._shown_waiting:
            self.show_contributions()
        # The local copy became ready: rank the live call's suggestions again with it.
        if self._service.local.ready != self._local_ready:
            self._local_ready = self._service.local.ready
            if self._local_ready and not self.search.text().strip():
                self.refresh()

    def _contribution_state(self, contribution: Contribution) -> str:
        if contribution.state == "waiting":
            return self.tr("pending: waiting for the server")
        if contribution.state == "refused":
            return self.tr("refused by the server")
        return self.tr("received, pending review")
