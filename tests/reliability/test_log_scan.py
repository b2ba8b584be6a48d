"""The end-of-run log scan (tests/session_log_scan.py) finds every form a secret or a
customer's contact takes in a log line, and nothing else."""

from __future__ import annotations

import logging

import pytest
from session_log_scan import OwnOrWarning, scan

PHONES = {"33612345678", "33145678901"}
EMAILS = {"camille.lefebvre@orange.fr"}
TOKEN = "kq3X_9fQ-abcdefghijklmnopqrstuvwxyz0123456"


def found(line: str) -> dict[str, list[str]]:
    return scan(line, "Sandbox-Demo-2026", {TOKEN}, PHONES, EMAILS).found


@pytest.mark.parametrize(
    "line",
    [
        "lookup +33612345678",
        "caller 06 12 34 56 78 waited",
        "caller 06.12.34.56.78",
        "caller 06-12-34-56-78",
        "GET /v1/customers/lookup?phone=%2B33612345678 200",
        "number 0033612345678",
        "digits 33612345678 only",
        "landline 01 45 67 89 01",
        "at (0)6 12 34 56 78",
    ],
)
def test_phone_numbers_in_any_form_are_found(line: str) -> None:
    assert found(line)["phones"], line


@pytest.mark.parametrize(
    "line",
    [
        "2026-11-23 01:30:46,123 INFO agent_desktop.services.outbox: outbox: wrap_up #12 sent",
        "event id 1763802900123 applied",
        "waited 42 s, 3 calls, queue cartes",
        "phone +33699999999 (not a customer)",
    ],
)
def test_ordinary_lines_and_other_numbers_are_not_flagged(line: str) -> None:
    assert found(line) == {"password": [], "tokens": [], "phones": [], "emails": []}


def test_password_token_and_email_are_found() -> None:
    f = found(f"login Sandbox-Demo-2026 Bearer {TOKEN} camille.lefebvre%40orange.fr")
    assert f["password"] and f["tokens"] and f["emails"]
    # what is reported is cut short: the report itself must not leak
    assert TOKEN not in str(f) and "camille.lefebvre" not in str(f)


def test_our_records_at_any_level_others_from_warning() -> None:
    keep = OwnOrWarning().filter

    def record(name: str, level: int) -> logging.LogRecord:
        return logging.LogRecord(name, level, __file__, 1, "m", None, None)

    assert keep(record("agent_desktop.services.outbox", logging.DEBUG))
    assert keep(record("plugins.conference", logging.DEBUG))
    assert not keep(record("httpx", logging.INFO))
    assert keep(record("uvicorn.error", logging.WARNING))
