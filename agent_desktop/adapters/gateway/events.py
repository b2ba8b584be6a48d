"""Decodes one Server-Sent Event of the gateway stream into a domain payload.

Everything on this path is untrusted network input: a malformed, oversized or unknown
event is reported as :class:`BadEvent` (type and reason only — never its content, which
may hold personal data) and the stream goes on.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from agent_desktop.adapters.gateway import consult_mapping, kpis, mapping
from agent_desktop.ports.telephony import UNNUMBERED, StreamEvent
from agent_desktop.protocol import schemas as w

# An event's data is a few kilobytes; anything this large is an error or an attack.
MAX_EVENT_BYTES = 1_000_000


class BadEvent(ValueError):
    """An event the desktop cannot apply; ``str()`` is safe to log."""


def decode(event_type: str, data: str, sse_id: str | None) -> StreamEvent:
    """Validate and convert one SSE event, or raise :class:`BadEvent`."""
    if len(data) > MAX_EVENT_BYTES:
        raise BadEvent(f"event {event_type[:40]!r} too large ({len(data)} bytes)")
    model = w.EVENT_TYPES.get(event_type)
    if model is None:
        raise BadEvent(f"unknown event type {event_type[:40]!r}")
    try:
        envelope = w.EventEnvelope.model_validate(json.loads(data))
        payload = model.model_validate(envelope.data)
    except (ValueError, RecursionError, ValidationError) as exc:
        kind = type(exc).__name__
        raise BadEvent(f"malformed {event_type} event ({kind})") from None
    if event_type in w.UNNUMBERED_EVENT_TYPES:
        # a whole current value with no number (SSE keeps the previous id: not compared)
        if envelope.type != event_type or not isinstance(payload, w.AgentKpisWire):
            raise BadEvent(f"inconsistent {event_type} event envelope")
        return StreamEvent(UNNUMBERED, event_type, kpis.agent_kpis(payload))
    if envelope.type != event_type or (sse_id is not None and sse_id != str(envelope.id)):
        raise BadEvent(f"inconsistent {event_type} event envelope")
    if isinstance(payload, w.AgentWire):
        return StreamEvent(envelope.id, event_type, mapping.agent(payload))
    if isinstance(payload, w.InteractionWire):
        return StreamEvent(envelope.id, event_type, mapping.interaction(payload))
    if isinstance(payload, w.TranscriptSegmentWire):
        return StreamEvent(envelope.id, event_type, mapping.transcript(payload))
    if isinstance(payload, w.ExpertWire):
        return StreamEvent(envelope.id, event_type, consult_mapping.expert(payload))
    return StreamEvent(envelope.id, event_type, None)  # stream.reset
