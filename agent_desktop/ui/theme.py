"""A calm, light, professional look: Fusion + a light palette + a small style sheet.

Large type where the advisor looks first (the customer's name, the ringing banner),
muted captions, one accent colour, and state colours that always come with a word.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ACCENT = "#2f5d8a"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
BORDER = "#d5dce4"
WINDOW = "#f3f5f8"
CARD = "#ffffff"

# Backgrounds of large areas come from the palette, not from the style sheet: a style
# sheet background is painted on top of the palette's, and Qt paints every such layer
# under a widget each time it repaints (docs/performance.md, "Event-loop lag").
STYLE = f"""
QToolBar {{
    background: {CARD}; border: none; border-bottom: 1px solid {BORDER};
    padding: 4px 4px; spacing: 8px;
}}
QLabel#statePill {{
    border-radius: 13px; padding: 4px 14px; font-weight: 600;
    background: #e4e8ee; color: {TEXT};
}}
QLabel#statePill[state="ready"] {{ background: #dcf2e3; color: #14643a; }}
QLabel#statePill[state="not_ready"] {{ background: #fbe6cf; color: #8a4b0f; }}
QLabel#statePill[state="reserved"] {{ background: #dbe8f7; color: #1d4f86; }}
QLabel#statePill[state="busy"] {{ background: #dbe8f7; color: #1d4f86; }}
QLabel#statePill[state="after_call_work"] {{ background: #ece3f6; color: #5a3486; }}
QLabel#nextState {{ color: #8a4b0f; font-size: 9pt; font-weight: 600; }}
QLabel#callStatus {{ font-weight: 600; color: {TEXT}; }}
QLabel#callQueue {{ color: {MUTED}; font-size: 9pt; }}
QToolButton {{
    border: 1px solid {BORDER}; border-radius: 6px; padding: 5px 10px;
    background: {CARD}; color: {TEXT};
}}
QToolButton:hover {{ background: #eaf1f8; }}
QToolButton:disabled {{ color: #a3acb8; background: #f6f7f9; border-color: #e6e9ee; }}
QToolButton#call_answer:enabled {{ background: #1f8a4c; color: white; border-color: #1a7841; }}
QToolButton#call_hangup:enabled {{ background: #c62828; color: white; border-color: #a82020; }}
QFrame#callContext {{ background: #eef3f9; border-bottom: 1px solid {BORDER}; }}
QLabel#contextCaption {{ color: {MUTED}; font-size: 8.5pt; }}
QLabel[role="contextValue"] {{ color: {TEXT}; font-size: 11pt; font-weight: 600; }}
QLabel#context_intent {{ color: {ACCENT}; font-size: 12pt; }}
QLabel#customerName {{ font-size: 24pt; font-weight: 700; color: {TEXT}; }}
QLabel#segmentPill {{
    border: 1px solid {ACCENT}; color: {ACCENT}; border-radius: 11px;
    padding: 2px 10px; font-weight: 600;
}}
QWidget#vipBadge {{
    background: #fff6d6; border: 2px solid #b8860b; border-radius: 12px;
}}
QLabel#vipText {{ color: #6b4e00; font-weight: 800; }}
QLabel#customerSince, QLabel#cardHint, QLabel#searchStatus {{ color: {MUTED}; }}
QFrame#section {{ border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#sectionTitle {{ font-weight: 700; color: {ACCENT}; font-size: 10.5pt; }}
QLabel#fieldCaption {{ color: {MUTED}; }}
QLabel#field_phones, QLabel#field_email, QLabel#field_address {{ font-size: 11pt; }}
QListWidget {{ border: none; font-size: 10.5pt; }}
QListWidget#customerList {{ border: 1px solid {BORDER}; border-radius: 6px; }}
QListWidget#customerList::item {{ padding: 8px; }}
QListWidget#customerList::item:selected {{ background: #d6e4f3; color: {TEXT}; }}
QListWidget#productList::item {{ padding: 4px 0; }}
QLabel#cardTitle {{ font-size: 20pt; font-weight: 700; color: {TEXT}; }}
QLabel#unknownNumber {{ font-size: 14pt; color: {ACCENT}; font-weight: 600; }}
QLineEdit, QComboBox, QPlainTextEdit {{
    border: 1px solid #c3ccd6; border-radius: 5px; padding: 5px; background: white;
}}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 2px solid {ACCENT}; }}
QLabel#idleTitle {{ font-size: 20pt; color: {MUTED}; }}
QLabel#idleState {{ font-size: 12pt; color: {MUTED}; }}
QFrame#ringingBanner {{ background: #1d4f86; }}
QFrame#ringingBanner[pulse="true"] {{ background: #2f6fb5; }}
QLabel#ringingText {{ color: white; font-size: 13pt; font-weight: 700; }}
QLabel#ringingKeys {{ color: #e6eef8; font-weight: 600; }}
QFrame#wrapUp {{ background: #f7f2fc; border-top: 2px solid #8a63b8; }}
QLabel#wrapUpHint {{ color: #a82020; font-weight: 600; }}
QLabel#wrapUpClock {{ font-weight: 600; padding: 2px 8px; }}
QLabel#wrapUpClock[over="true"] {{ background: #a82020; color: white; border-radius: 9px; }}
QLabel#wrapUpAcwNote {{ color: {MUTED}; }}
QLabel#wrapUpAcwNote[over="true"] {{ color: #a82020; font-weight: 600; }}
QTabBar#wrapUpWhich::tab {{ padding: 5px 14px; }}
QTabBar#wrapUpWhich::tab:selected {{ font-weight: 700; color: #5a3b82; }}
QPushButton {{
    border: 1px solid #c3ccd6; border-radius: 5px; padding: 6px 14px; background: white;
}}
QPushButton:default, QPushButton#wrapUpFinish, QPushButton#loginButton {{
    background: {ACCENT}; color: white; border-color: #244a6f; font-weight: 600;
}}
QPushButton:disabled,
QPushButton#wrapUpFinish:disabled, QPushButton#loginButton:disabled {{
    background: #eef0f3; color: #a3acb8; border-color: #e0e4ea;
}}
QLabel#linkBanner {{
    background: #c62828; color: white; font-weight: 700; font-size: 12pt; padding: 8px;
}}
QDockWidget {{ font-weight: 600; }}
QDockWidget::title {{ background: #e7ecf2; padding: 6px 8px; }}
QLabel#dockNote {{ color: {MUTED}; font-weight: normal; }}
QStatusBar {{ background: {CARD}; border-top: 1px solid {BORDER}; }}
QLabel#linkState {{ padding: 2px 10px; border-radius: 9px; font-weight: 600; }}
QLabel#linkState[link="online"] {{ color: #14643a; }}
QLabel#linkState[link="connecting"] {{ color: {MUTED}; }}
QLabel#linkState[link="reconnecting"], QLabel#linkState[link="offline"] {{
    background: #c62828; color: white;
}}
QLabel#notice[level="error"] {{ color: #a82020; font-weight: 600; }}
QLabel#tlsBadge {{
    background: #c62828; color: white; font-weight: 700; padding: 2px 10px; border-radius: 9px;
}}
QLabel#notice[level="warning"] {{ color: #8a4b0f; font-weight: 600; }}
QLabel#loginError {{
    background: #fdecea; color: #8c1d18; border: 1px solid #f2b8b5; border-radius: 6px;
    padding: 8px;
}}
QLabel#loginKeyring {{
    background: #fff6d6; color: #6b4e00; border: 1px solid #e8d48a; border-radius: 6px;
    padding: 8px;
}}
QPushButton#dtmfKey {{ font-size: 14pt; font-weight: 600; }}
QLabel#dtmfDisplay {{ font-size: 14pt; font-family: monospace; }}
"""


def opaque(widget: QWidget, color: str = CARD) -> None:
    """Fill ``widget`` with ``color`` from its palette and let Qt know it is opaque, so
    the window's background under it is not painted first on each of its repaints."""
    palette = widget.palette()
    palette.setColor(widget.backgroundRole(), QColor(color))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def hold_place(widget: QWidget) -> None:
    """Keep ``widget``'s room in its layout while it is hidden: what is laid out after it
    stays where it is when it comes and goes during a call (nothing jumps under the
    advisor's eyes, and the card is not moved and repainted whole each time)."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


def apply_theme(app: QApplication) -> None:
    """Fusion (same on every OS), a light palette, the style sheet, a readable base font."""
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.Base, QColor(CARD))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#eef1f5"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE)
