"""Small text helpers shared by the generator and the store (accent folding, phones)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, for LIKE searches: «Hélène» → «helene»."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def to_e164(raw: str, region: str = "FR") -> str | None:
    """Normalise a phone number as dialled or presented (``06 12…``, ``0033…``) to E.164."""
    # Imported on the first lookup, not at start-up (~30 ms of the demo's critical path).
    import phonenumbers

    cleaned = raw.strip()
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
