"""Caller numbers are normalised to E.164 before look-up, whatever format the network used."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.services.phone import for_display, to_e164


@pytest.mark.parametrize(
    "raw",
    ["06 12 34 56 78", "+33 6 12 34 56 78", "0033612345678", "+33612345678", "06.12.34.56.78"],
)
def test_french_formats_normalise_to_one_number(raw: str) -> None:
    assert to_e164(raw) == "+33612345678"


def test_foreign_numbers_keep_their_country() -> None:
    assert to_e164("+44 20 7946 0958") == "+442079460958"


@pytest.mark.parametrize("raw", [None, "", "anonymous", "123", "+33 6", "x" * 200])
def test_garbage_is_not_a_number(raw: str | None) -> None:
    assert to_e164(raw) is None


def test_display_is_national_for_france() -> None:
    assert for_display("+33612345678") == "06 12 34 56 78"
    assert for_display(None) == ""


@given(st.text(max_size=80))
def test_never_raises_on_any_text(raw: str) -> None:
    result = to_e164(raw)
    assert result is None or result.startswith("+")


def test_a_number_shown_again_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import phonenumbers

    parsed: list[str] = []
    real_parse = phonenumbers.parse

    def counting_parse(text: str, region: str | None) -> phonenumbers.PhoneNumber:
        parsed.append(text)
        return real_parse(text, region)

    monkeypatch.setattr(phonenumbers, "parse", counting_parse)
    for_display.cache_clear()
    to_e164.cache_clear()
    for _ in range(3):  # the bar, the banner and the card show the same caller
        assert for_display("+33698765401") == "06 98 76 54 01"
        assert to_e164("06 98 76 54 01") == "+33698765401"
    assert parsed == ["+33698765401", "06 98 76 54 01"]
