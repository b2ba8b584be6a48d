"""Customer look-up, used by the screen-pop."""

from __future__ import annotations

from typing import Protocol

from agent_desktop.domain.customer import Customer


class Customers(Protocol):
    async def get(self, customer_id: str) -> Customer | None: ...

    async def lookup_phone(self, phone_e164: str) -> list[Customer]: ...

    async def search(self, query: str) -> list[Customer]: ...
