"""Redaction of personal data before any text leaves the machine.

Validators rather than bare patterns where they exist: ``phonenumbers`` finds phone
numbers in free text (any format, French by default), ``python-stdnum`` checks IBANs
(mod 97), card numbers (Luhn) and French social-security numbers (NIR key); a candidate
that fails its check is left alone (an order number is not a card). E-mail addresses,
postal addresses and the customer's own name are matched by pattern.

Those libraries load when text is first redacted (~40 ms of imports and patterns): only a
remote AI provider needs redaction, and the desktop's start-up should not pay for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from agent_desktop.domain.customer import Customer

EMAIL = "[EMAIL]"
PHONE = "[PHONE]"
IBAN = "[IBAN]"
CARD = "[CARD]"
NIR = "[NIR]"
ADDRESS = "[ADDRESS]"
NAME = "[NAME]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")
_NIR = re.compile(r"\b[12][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2A|2B)[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}\b")
_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
_STREET_FR = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|allée|allee|"
    r"chemin|impasse|quai|route|cours|square|rond-point|lotissement)\b[^\n,.;]*",
    re.IGNORECASE,
)
_STREET_EN = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'-]*\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|"
    r"Boulevard|Blvd|Close|Court|Way|Place)\b\.?",
)
_POSTCODE_CITY = re.compile(r"\b\d{5}\s+[A-ZÉÈ][\w'’-]+(?:[ -][\w'’-]+){0,3}")


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()


def _replace_checked(
    pattern: re.Pattern[str], text: str, check: Callable[[str], bool], tag: str
) -> str:
    def sub(match: re.Match[str]) -> str:
        return tag if check(match.group(0)) else match.group(0)

    return pattern.sub(sub, text)


def _is_card(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    from stdnum import luhn

    return 13 <= len(digits) <= 19 and luhn.is_valid(digits)


class Redactor:
    """Replaces personal data in text by tags such as ``[PHONE]``.

    Attributes:
        region: the default phone region (numbers written without +33).
    """

    def __init__(self, customer: Customer | None = None, region: str = "FR") -> None:
        self.region = region
        self._names: list[re.Pattern[str]] = []
        self._exact: list[str] = []
        if customer is not None:
            for part in (customer.first_name, customer.last_name):
                for token in re.split(r"[\s-]+", part):
                    if len(token) >= 2:
                        self._names.append(
                            re.compile(rf"(?<!\w){_accent_insensitive(token)}(?!\w)", re.I)
                        )
            if customer.address is not None:
                self._exact += [customer.address.street, customer.address.city]
            self._exact += list(customer.phones)
            if customer.email:
                self._exact.append(customer.email)

    def redact(self, text: str) -> str:
        text = _EMAIL.sub(EMAIL, text)
        from stdnum import iban
        from stdnum.fr import nir

        text = _replace_checked(_IBAN, text, lambda s: iban.is_valid(s.replace(" ", "")), IBAN)
        text = _replace_checked(_NIR, text, lambda s: nir.is_valid(re.sub(r"[ .]", "", s)), NIR)
        text = _replace_checked(_CARD, text, _is_card, CARD)
        text = self._phones(text)
        text = _POSTCODE_CITY.sub(ADDRESS, text)
        text = _STREET_FR.sub(ADDRESS, text)
        text = _STREET_EN.sub(ADDRESS, text)
        for exact in self._exact:
            if exact:
                text = re.sub(re.escape(exact), ADDRESS, text, flags=re.I)
        for name in self._names:
            text = name.sub(NAME, text)
        return text

    def _phones(self, text: str) -> str:
        import phonenumbers

        spans = [
            (m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, self.region, leniency=1)
        ]
        for start, end in reversed(spans):
            text = text[:start] + PHONE + text[end:]
        return text


def _accent_insensitive(token: str) -> str:
    """A regex matching ``token`` whatever its accents (Hélène = Helene)."""
    out = []
    for ch in token:
        base = _fold(ch)
        if base in "aeiouyc" and base:
            variants = {ch.lower(), ch.upper(), base, base.upper()}
            variants |= {c for c in _ACCENTED.get(base, "")}
            out.append("[" + "".join(sorted(re.escape(v) for v in variants)) + "]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


_ACCENTED = {
    "a": "àâäáÀÂÄÁ",
    "e": "éèêëÉÈÊË",
    "i": "îïíÎÏÍ",
    "o": "ôöóÔÖÓ",
    "u": "ùûüúÙÛÜÚ",
    "y": "ÿŸ",
    "c": "çÇ",
}
