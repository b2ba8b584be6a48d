"""Normalising caller numbers to E.164 before any look-up.

Networks present the same line as "06 12 34 56 78", "+33 6 12 34 56 78" or
"0033612345678"; customer records hold E.164. ``phonenumbers`` (Google's libphonenumber
port) knows every country's numbering plan, so we never hand-write those rules.

It loads on the first number (~35 ms of imports and patterns), not with the program:
start-up shows the window without it, and the application loads it once the window is up
and idle (``app``), before the first call in practice.

Both functions are pure and cached: ``phonenumbers`` is pure Python (~1 ms to parse and
format a number here), and the same caller's number is shown by the call bar, the
banner, the card and the context strip, again on each second's refresh.
"""

from __future__ import annotations

from functools import lru_cache

CACHED_NUMBERS = 1024


@lru_cache(maxsize=CACHED_NUMBERS)
def to_e164(raw: str | None, default_region: str = "FR") -> str | None:
    """The number in E.164 (``+33612345678``), or ``None`` when it is not a valid number."""
    if not raw or len(raw) > 64:
        return None
    import phonenumbers

    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=CACHED_NUMBERS)
def for_display(e164: str | None) -> str:
    """A number formatted the way people read it (national format in France)."""
    if not e164:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 33
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


def warm_up() -> None:
    """Load the numbering plans now (the library and France's metadata), off any call."""
    to_e164("01 23 45 67 89")
