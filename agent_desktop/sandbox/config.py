"""Settings of one sandbox run (seed, data, pacing of the scenario engine, limits)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class SandboxConfig:
    """Attributes:
    seed: data and scenario seed; the same seed gives the same customers.
    data_dir: where the generated database is cached (platformdirs cache when None).
    auto_calls: offer calls to ready agents without being asked (the demo).
    call_interval: mean seconds between two automatic calls to one agent.
    first_call_delay: at most this many seconds before the first automatic call.
    offer_timeout: seconds an offer rings before it is missed (``no_answer``).
    transcript_interval: mean seconds between transcript lines; 0 turns transcripts off.
    keepalive_interval: seconds between ``: keepalive`` comments on idle streams.
    kpi_interval: at least this many seconds between two ``agent.kpis`` events of a stream.
    event_buffer_size: how many events are kept for replay with ``Last-Event-ID``.
    presence_interval: mean seconds between two expert presence changes.
    consult_answer_delay: mean seconds before an available expert answers a consult.
    consult_timeout: seconds a consult rings before it fails (``no_answer`` / ``busy``).
    consult_decline_rate: share of consults an available expert declines (seeded).
    max_body_bytes: larger request bodies are refused with 413.
    state_path: the SQLite file of what must outlive a restart of the process (stored
        wrap-ups, idempotent answers; ``state_db.py``); in memory when None.
    token_ttl_seconds: lifetime of a session token.
    """

    seed: int = 7
    data_dir: Path | None = None
    auto_calls: bool = False
    call_interval: float = 20.0
    first_call_delay: float = 3.0
    offer_timeout: float = 30.0
    transcript_interval: float = 3.0
    keepalive_interval: float = 15.0
    kpi_interval: float = 1.0
    event_buffer_size: int = 1000
    presence_interval: float = 45.0
    consult_answer_delay: float = 2.0
    consult_timeout: float = 20.0
    consult_decline_rate: float = 0.1
    max_body_bytes: int = 1_048_576
    token_ttl_seconds: int = 12 * 3600
    state_path: Path | None = None
