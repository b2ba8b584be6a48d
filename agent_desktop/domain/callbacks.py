"""Calls to return: a missed inbound call or a callback a customer asked for (pure data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Callback:
    id: str
    kind: str  # "unanswered" | "callback"
    phone: str
    at: datetime
    customer_id: str | None = None
    name: str = ""
    queue_id: str | None = None
    note: str = ""
