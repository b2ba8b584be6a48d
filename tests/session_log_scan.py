"""The whole test run's logs, scanned for secrets and personal data at the end.

``tests/conftest.py`` sends every record of our own code (``agent_desktop.*``,
``plugins.*``, DEBUG and up) and every WARNING of any other library to one file for the
whole session, and records each session token the sandboxes issue and each sandbox
database opened. At the end of the session :func:`scan` looks in that file for the demo
password, any issued token, and any phone number or e-mail address of a seeded customer,
in the forms they take in text and URLs (E.164, national, spaced or dotted, digits only,
``%2B``/``%40``-encoded). A find fails the run.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

OWN = ("agent_desktop", "plugins")
# a run of digits with the separators phone numbers are written with
PHONE_RUN = re.compile(r"(?:\+|%2[bB])?\d(?:[\d .\-/()]|%20){5,30}\d")
SEPARATOR = re.compile(r"%20|[ .\-/()]")
EMAIL = re.compile(r"[\w.+\-]+(?:@|%40)[\w\-]+(?:\.[\w\-]+)+")


class OwnOrWarning(logging.Filter):
    """Our records at any level; other libraries' from WARNING up."""

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name.split(".", 1)[0] in OWN
        return own or record.levelno >= logging.WARNING


@dataclass
class RunLog:
    """Where the session's log goes and what must never be in it."""

    path: Path
    tokens: set[str] = field(default_factory=set)
    databases: set[Path] = field(default_factory=set)
    handler: logging.Handler | None = None

    def start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(self.path, encoding="utf-8")
        handler.setLevel(logging.DEBUG)
        handler.addFilter(OwnOrWarning())
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger()
        root.addHandler(handler)
        if root.level > logging.WARNING or root.level == logging.NOTSET:
            root.setLevel(logging.WARNING)
        for name in OWN:
            logging.getLogger(name).setLevel(logging.DEBUG)
        self.handler = handler

    def stop(self) -> None:
        if self.handler is not None:
            logging.getLogger().removeHandler(self.handler)
            self.handler.close()
            self.handler = None


def customer_contacts(databases: set[Path]) -> tuple[set[str], set[str]]:
    """(phone digits without '+', lower-case e-mails) of every customer in the databases."""
    phones: set[str] = set()
    emails: set[str] = set()
    for path in databases:
        if not path.is_file():
            continue
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            phones |= {r[0].lstrip("+") for r in db.execute("SELECT e164 FROM customer_phones")}
            emails |= {r[0].lower() for r in db.execute("SELECT email FROM customers") if r[0]}
    return phones, emails


def _phone_candidates(run: str) -> set[str]:
    """E.164 digit strings a run of digits may stand for (every consecutive group)."""
    run = run.replace("%2B", "+").replace("%2b", "+")
    groups = [g for g in SEPARATOR.split(run.lstrip("+")) if g]
    out: set[str] = set()
    for i in range(len(groups)):
        acc = ""
        for group in groups[i:]:
            acc += group
            if len(acc) > 16:
                break
            if len(acc) >= 9:
                out.add(acc)
                if acc.startswith("00"):
                    out.add(acc[2:])
                elif acc.startswith("0"):
                    out.add("33" + acc[1:])
    return out


@dataclass(frozen=True)
class Findings:
    lines: int
    looked_for: dict[str, int]
    found: dict[str, list[str]]

    @property
    def clean(self) -> bool:
        return not any(self.found.values())


def scan(
    text: str, password: str, tokens: set[str], phones: set[str], emails: set[str]
) -> Findings:
    found: dict[str, list[str]] = {"password": [], "tokens": [], "phones": [], "emails": []}
    if password and password in text:
        found["password"].append("the demo password")
    found["tokens"] = sorted(t[:6] + "…" for t in tokens if t and t in text)
    hits: set[str] = set()
    for match in PHONE_RUN.finditer(text):
        hits |= _phone_candidates(match.group(0)) & phones
    found["phones"] = sorted("+" + p[:4] + "…" for p in hits)
    mails = {m.group(0).replace("%40", "@").lower() for m in EMAIL.finditer(text)}
    found["emails"] = sorted(m.split("@")[0][:3] + "…@" + m.split("@")[1] for m in mails & emails)
    looked_for = {
        "password": 1 if password else 0,
        "tokens": len(tokens),
        "phones": len(phones),
        "emails": len(emails),
    }
    return Findings(text.count("\n"), looked_for, found)
