"""Generated customers: names and addresses from Faker, phones, segments and products.

Households (2–3 customers sharing a landline) and a list of unknown numbers are built
here so that screen-pop has to handle several matches and no match at all.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from agent_desktop.sandbox.data.reference import PRODUCTS

SEGMENTS = ("particulier", "professionnel", "premium")
SEGMENT_WEIGHTS = (70, 18, 12)


@dataclass(slots=True)
class Product:
    id: str
    kind: str
    name_fr: str
    name_en: str
    status: str
    since: date


@dataclass(slots=True)
class Customer:
    id: str
    first_name: str
    last_name: str
    segment: str
    language: str
    vip: bool
    email: str
    street: str
    postcode: str
    city: str
    country: str
    customer_since: date
    phones: list[str] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in ".-"))


class PhoneBook:
    """Hands out unique E.164 numbers from a seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self.used: set[str] = set()

    def _fresh(self, prefix: str, digits: int) -> str:
        while True:
            number = prefix + "".join(str(self._rng.randrange(10)) for _ in range(digits))
            if number not in self.used:
                self.used.add(number)
                return number

    def mobile_fr(self) -> str:
        return self._fresh(self._rng.choice(("+336", "+337")), 8)

    def landline_fr(self) -> str:
        return self._fresh("+33" + self._rng.choice("12345") + "", 8)

    def mobile_gb(self) -> str:
        return self._fresh("+447", 9)


@dataclass(slots=True)
class People:
    customers: list[Customer]
    shared_numbers: list[str]
    unknown_numbers: list[str]


def _products(
    rng: random.Random, cid: str, segment: str, since: date, anchor: date
) -> list[Product]:
    eligible = [p for p in PRODUCTS if segment in p[3]]
    base = "compte_pro" if segment == "professionnel" else "compte_courant"
    chosen = [p for p in eligible if p[0] == base]
    others = [p for p in eligible if p[0] != base]
    chosen += rng.sample(others, k=min(len(others), rng.randint(1, 4)))
    out = []
    span = max(1, (anchor - since).days)
    for n, (kind, fr, en, _) in enumerate(chosen, start=1):
        status = "closed" if rng.random() < 0.06 else "active"
        out.append(
            Product(
                f"P-{cid[1:]}-{n}", kind, fr, en, status, since + timedelta(rng.randrange(span))
            )
        )
    return out


def generate_people(
    seed: int, anchor: date, n_customers: int = 420, n_households: int = 14
) -> People:
    """Build ``n_customers`` customers deterministically from ``seed``."""
    # Imported here: Faker costs ~80 ms to import and is needed only when the data is
    # generated, not on the usual start where the cached database is reused.
    from faker import Faker

    rng = random.Random(f"people-{seed}")
    fake_fr = Faker("fr_FR")
    fake_fr.seed_instance(seed)
    fake_en = Faker("en_GB")
    fake_en.seed_instance(seed + 1)
    phones = PhoneBook(rng)
    customers: list[Customer] = []
    shared: list[str] = []

    def make(language: str, last_name: str | None = None, home: Customer | None = None) -> Customer:
        fake = fake_fr if language == "fr" else fake_en
        cid = f"C{100001 + len(customers)}"
        first = fake.first_name()
        last = last_name or fake.last_name()
        segment = rng.choices(SEGMENTS, SEGMENT_WEIGHTS)[0]
        if home is not None:
            segment = home.segment if home.segment != "professionnel" else "particulier"
        uk_address = language == "en" and home is None and rng.random() < 0.35
        if home is not None:
            street, postcode, city, country = home.street, home.postcode, home.city, home.country
        elif uk_address:
            street, postcode, city, country = (
                fake_en.street_address(),
                fake_en.postcode(),
                fake_en.city(),
                "GB",
            )
        else:
            street, postcode, city, country = (
                fake_fr.street_address(),
                fake_fr.postcode(),
                fake_fr.city(),
                "FR",
            )
        domain = rng.choice(("gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr"))
        if segment == "professionnel":
            domain = _ascii(last) + "-conseil.fr"
        suffix = str(rng.randrange(100)) if rng.random() < 0.3 else ""
        email = f"{_ascii(first)}.{_ascii(last)}{suffix}@{domain}"
        since = anchor - timedelta(days=rng.randrange(60, 365 * 35))
        mobile = phones.mobile_gb() if uk_address else phones.mobile_fr()
        customer = Customer(
            id=cid,
            first_name=first,
            last_name=last,
            segment=segment,
            language=language,
            vip=(segment == "premium" and rng.random() < 0.6) or rng.random() < 0.03,
            email=email,
            street=street,
            postcode=postcode,
            city=city,
            country=country,
            customer_since=since,
            phones=[mobile],
        )
        if rng.random() < 0.25:
            customer.phones.append(phones.landline_fr())
        customer.products = _products(rng, cid, segment, since, anchor)
        customers.append(customer)
        return customer

    # households first: 2-3 people with one landline between them
    for _ in range(n_households):
        language = "fr" if rng.random() < 0.85 else "en"
        head = make(language)
        landline = phones.landline_fr()
        head.phones.insert(0, landline)
        for _ in range(rng.randint(1, 2)):
            member = make(language, last_name=head.last_name, home=head)
            member.phones.insert(0, landline)
        shared.append(landline)
    while len(customers) < n_customers:
        make("fr" if rng.random() < 0.86 else "en")
    unknown = [phones.mobile_fr() for _ in range(30)] + [phones.landline_fr() for _ in range(10)]
    return People(customers, shared, unknown)
