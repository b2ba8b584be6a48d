"""Personal data is redacted before any text is sent to an AI provider: each kind."""

from __future__ import annotations

import pytest

from agent_desktop.domain.customer import Address, Customer
from agent_desktop.services.summary.redact import Redactor

CUSTOMER = Customer(
    "C1",
    "Hélène",
    "Durand-Morel",
    "particulier",
    phones=("+33612345678",),
    email="h.durand@example.fr",
    address=Address("12 rue des Lilas", "75011", "Paris"),
)


def nir_with_key(first13: str) -> str:
    key = 97 - int(first13) % 97
    return f"{first13}{key:02d}"


@pytest.mark.parametrize(
    ("text", "secret", "tag"),
    [
        ("rappelez-moi au 06 12 34 56 78 svp", "06 12 34 56 78", "[PHONE]"),
        ("my number is +44 20 7946 0958.", "+44 20 7946 0958", "[PHONE]"),
        ("joignable au 01.45.67.89.10", "01.45.67.89.10", "[PHONE]"),
        ("écrivez à helene.d+sav@gmail.com merci", "helene.d+sav@gmail.com", "[EMAIL]"),
        ("IBAN FR76 3000 6000 0112 3456 7890 189 à créditer", "FR76 3000", "[IBAN]"),
        ("iban DE89370400440532013000", "DE89370400440532013000", "[IBAN]"),
        ("carte 4111 1111 1111 1111 bloquée", "4111 1111 1111 1111", "[CARD]"),
        ("card 5555-5555-5555-4444", "5555-5555-5555-4444", "[CARD]"),
        (f"mon numéro de sécu {nir_with_key('2840176451089')}", "2840176451089", "[NIR]"),
        ("j'habite 3 bis avenue Foch, au fond", "avenue Foch", "[ADDRESS]"),
        ("livrer 221 Baker Street please", "Baker Street", "[ADDRESS]"),
        ("code postal 69003 Lyon", "69003 Lyon", "[ADDRESS]"),
        ("adresse : 12 rue des Lilas", "rue des Lilas", "[ADDRESS]"),
        ("c'est Helene DURAND qui appelle", "DURAND", "[NAME]"),
        ("Mme Durand-Morel a rappelé", "Morel", "[NAME]"),
    ],
)
def test_each_kind_is_redacted(text: str, secret: str, tag: str) -> None:
    redacted = Redactor(CUSTOMER).redact(text)
    assert secret.lower() not in redacted.lower()
    assert tag in redacted


def test_numbers_that_fail_their_check_are_kept() -> None:
    redactor = Redactor(CUSTOMER)
    # Not Luhn-valid, not a valid IBAN, not a valid NIR: order numbers stay readable.
    kept = "commande 4970 1012 3456 7891, dossier FR76 3000 6000 0112 3456 7890 188"
    out = redactor.redact(kept)
    assert "4970 1012 3456 7891" in out
    assert "[IBAN]" not in out
    assert "[NIR]" not in redactor.redact("réf 2840176451089 00")


def test_plain_text_is_left_alone() -> None:
    text = "Le client souhaite faire opposition sur sa carte, montant 120,50 €."
    assert Redactor(CUSTOMER).redact(text) == text
