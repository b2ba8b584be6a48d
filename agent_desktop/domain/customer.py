"""Customers as the screen-pop shows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Product:
    """A contract or product the customer holds (an account, a card, a fibre line…)."""

    id: str
    name: str
    kind: str
    status: str = "active"
    since: date | None = None


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    postcode: str
    city: str
    country: str = "FR"


@dataclass(frozen=True, slots=True)
class Customer:
    """A customer record.

    Every text field came from the network and, ultimately, from a person: the UI shows
    all of them as plain text.
    """

    id: str
    first_name: str
    last_name: str
    segment: str
    language: str = "fr"
    vip: bool = False
    phones: tuple[str, ...] = ()
    email: str | None = None
    address: Address | None = None
    products: tuple[Product, ...] = field(default_factory=tuple)
    customer_since: date | None = None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
