"""Customer card: attached data at once, identified / unknown / ambiguous, plain text only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from ui_helpers import (
    customer,
    moved,
    offered,
    ring,
)

from agent_desktop.domain.customer import Address, Customer, Product
from agent_desktop.domain.interaction import InteractionState
from agent_desktop.ui.main_window import MainWindow

EVIL = "<b>x</b><img src=http://evil.example/a.png>"


def test_idle_card_says_waiting_and_the_agent_state(window) -> None:
    card = window.card
    assert card.pages.currentWidget() is card.idle
    assert card.idle.title.text() == "Waiting for a call"
    assert card.idle.state.text() == "Ready"
    assert not card.context.isVisible()


def test_attached_data_shows_at_once_before_identification(window, desktop, telephony) -> None:
    ring(desktop, telephony, offered(customer_id="C-1042"))
    # No event-loop turn yet: the look-up has not run, the attached data is already there.
    card = window.card
    assert card.pages.currentWidget() is card.pending
    values = card.context.values
    assert values["intent"].text() == "Carte perdue ou volée"
    assert values["queue"].text() == "Cartes bancaires"
    assert values["waited"].text() == "00:47"
    assert values["language"].text() == "French"
    assert values["number"].text() == "06 12 34 56 78"
    assert values["identified"].text() == "In progress…"
    assert window.banner.isVisible()
    assert window.banner.text.text() == "Incoming call — 06 12 34 56 78 — Carte perdue ou volée"


def test_identified_card(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, offered(customer_id="C-1042"))
    details = window.card.details
    qtbot.waitUntil(lambda: window.card.pages.currentWidget() is details)
    assert details.name.text() == "Élodie Rousseau"
    assert details.segment.text() == "Premium"
    assert not details.vip.isVisible()
    assert details.fields["phones"].text() == "06 12 34 56 78"
    assert details.fields["email"].text() == "élodie.rousseau@exemple.fr"
    assert details.fields["address"].text() == "12 rue de la République\n69002 Lyon"
    products = [details.products.item(i).text() for i in range(details.products.count())]
    assert products == [
        "Compte courant · since 05/2012",
        "Visa Premier · since 03/2019",
    ]
    assert window.card.context.values["identified"].text() == "Identified by the IVR"


def test_identified_by_phone_and_vip_badge_is_visible_with_text(qtbot, window, desktop, telephony):
    ring(desktop, telephony, offered(number="06 98 76 54 32"))
    details = window.card.details
    qtbot.waitUntil(lambda: details.name.text() == "Karim Benali")
    assert details.vip.isVisible()
    assert details.vip.text.text() == "VIP"  # a word, not colour alone
    assert details.vip.accessibleName() == "VIP customer"
    assert window.card.context.values["identified"].text() == "Identified by phone number"


def test_ivr_vip_flag_shows_the_badge_even_before_identification(window, desktop, telephony):
    ring(desktop, telephony, offered(number=None, vip=True))
    assert window.card.context.vip.isVisible()


def test_unknown_caller_search_and_choose(qtbot, window, desktop, telephony, customers) -> None:
    ring(desktop, telephony, offered(number="07 11 22 33 44"))
    search = window.card.search_page
    qtbot.waitUntil(lambda: window.card.pages.currentWidget() is search)
    assert search.title.text() == "Unknown caller"
    assert search.number.text() == "07 11 22 33 44"
    assert window.card.context.values["identified"].text() == "Not identified"
    qtbot.keyClicks(search.box, "dupont")
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.results.count() == 2)
    assert customers.queries == ["dupont"]
    assert search.status.text() == "2 customer(s) found — arrows and Enter to choose"
    qtbot.keyClick(search.results, Qt.Key.Key_Down)
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    details = window.card.details
    assert window.card.pages.currentWidget() is details
    assert details.name.text() == "Marie Dupont"
    assert window.card.context.values["identified"].text() == "Chosen by the advisor"
    assert desktop.screen_pop.pops["i1"].customer.id == "C-2002"


def test_search_without_result_says_so(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, offered(number="07 11 22 33 44"))
    search = window.card.search_page
    qtbot.waitUntil(lambda: window.card.pages.currentWidget() is search)
    qtbot.keyClicks(search.box, "zzz")
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.status.text().startswith("No customer found"))


def test_ambiguous_chooser_by_keyboard(qtbot, window, desktop, telephony) -> None:
    ring(desktop, telephony, offered(number="01 45 67 89 01"))
    chooser = window.card.chooser
    qtbot.waitUntil(lambda: window.card.pages.currentWidget() is chooser)
    lines = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert lines == [
        "Jean Dupont · Premium\nParis · Compte courant · Visa Premier",
        "Marie Dupont · Premium\nNantes · Compte courant · Visa Premier",
    ]
    assert chooser.list.hasFocus() or chooser.list.currentRow() == 0
    qtbot.keyClick(chooser.list, Qt.Key.Key_Down)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    assert window.card.details.name.text() == "Marie Dupont"


def test_ctrl_f_searches_another_customer_and_escape_goes_back(qtbot, window, desktop, telephony):
    ring(desktop, telephony, offered(customer_id="C-1042"))
    card = window.card
    qtbot.waitUntil(lambda: card.pages.currentWidget() is card.details)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert card.pages.currentWidget() is card.search_page
    assert card.search_page.title.text() == "Search for a customer"
    qtbot.keyClick(card.search_page.box, Qt.Key.Key_Escape)
    assert card.pages.currentWidget() is card.details


def test_ctrl_f_does_nothing_when_idle(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.card.pages.currentWidget() is window.card.idle


def test_card_clears_back_to_idle_when_the_interaction_closes(qtbot, window, desktop, telephony):
    call = offered(customer_id="C-1042")
    ring(desktop, telephony, call)
    qtbot.waitUntil(lambda: window.card.pages.currentWidget() is window.card.details)
    ring(desktop, telephony, moved(call, InteractionState.CLOSED))
    assert window.card.pages.currentWidget() is window.card.idle
    assert not window.card.context.isVisible()
    assert not window.banner.isVisible()


def test_html_in_every_customer_field_is_shown_literally(
    qtbot, desktop, telephony, customers, settings
):
    evil = Customer(
        id=EVIL,
        first_name=EVIL,
        last_name="<i>Evil</i>",
        segment="<u>seg</u>",
        phones=("+33612345678",),
        email="<a href='x'>mail</a>",
        address=Address("<script>1</script>", "<b>69</b>", "<h1>Lyon</h1>"),
        products=(Product("p", "<b>Carte</b>", "<i>card</i>"),),
    )
    customers.customers.append(evil)
    window = MainWindow(desktop, "en", settings)
    qtbot.addWidget(window)
    window.show()
    ring(desktop, telephony, offered(number="<b>06</b>", customer_id=EVIL, intent=EVIL))
    details = window.card.details
    qtbot.waitUntil(lambda: window.card.pages.currentWidget() is details)
    assert details.name.text() == f"{EVIL} <i>Evil</i>"
    assert details.segment.text() == "<u>seg</u>"
    assert details.fields["email"].text() == "<a href='x'>mail</a>"
    assert details.fields["address"].text() == "<script>1</script>\n<b>69</b> <h1>Lyon</h1>"
    assert details.products.item(0).text() == "<b>Carte</b>"
    assert window.card.context.values["intent"].text() == EVIL
    assert window.card.context.values["number"].text() == "<b>06</b>"
    assert EVIL in window.banner.text.text()
    # Every label of the card, the banner and the call bar is locked to plain text.
    labels = [
        *window.card.findChildren(QLabel),
        *window.banner.findChildren(QLabel),
        *window.call_bar.findChildren(QLabel),
        *window.status.findChildren(QLabel),
    ]
    shown = [label for label in labels if label.text()]
    assert shown
    for label in labels:
        if label.pixmap().isNull():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    window.close()


def test_html_in_search_results_and_chooser_is_literal(
    qtbot, window, desktop, telephony, customers
):
    customers.customers.append(customer("C-9", "<b>Jean</b>", "Dupont", phones=("+33145678901",)))
    ring(desktop, telephony, offered(number="01 45 67 89 01"))
    chooser = window.card.chooser
    qtbot.waitUntil(lambda: chooser.list.count() == 3)
    assert chooser.list.item(2).text().startswith("<b>Jean</b> Dupont · Premium")


def test_the_card_stays_put_while_the_call_rings_and_is_answered(window, desktop, telephony):
    # The advisor reads the customer's name while answering: neither the ringing banner
    # coming and going nor the call-context strip moves the card or its pages.
    window.show()

    def places() -> tuple[int, int]:
        for _ in range(3):  # the layouts' posted requests, as the event loop would run them
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        card, pages = window.card, window.card.pages
        return card.mapTo(window, card.rect().topLeft()).y(), pages.mapTo(
            window, pages.rect().topLeft()
        ).y()

    idle = places()
    call = offered("i1")
    ring(desktop, telephony, call)
    assert window.banner.isVisible() and window.card.context.isVisible()
    assert places() == idle
    ring(desktop, telephony, moved(call, InteractionState.CONNECTED))
    assert not window.banner.isVisible()
    assert places() == idle
