"""Hostile input on every parser of network input: wire models and their mapping to the
domain (snapshots, agent, customers, history pages, KB articles, presence), and the real
client against a loopback server that answers with huge, malformed or nested bodies.

Everything is refused with a GatewayError / ValidationError or shown as plain data —
never a crash, never an unbounded read.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from hostile_server import HostileServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from agent_desktop.adapters.gateway import GatewayClient, consult_mapping, mapping
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.protocol import schemas as w

NOW = "2026-11-22T09:15:02Z"
AGENT = {"id": "alice", "name": "Alice", "state": "ready", "since": NOW, "role": "agent"}
INTERACTION = {
    "id": "int-1", "state": "offered", "attached_data": {"caller_number": "06 12"},
    "allowed_actions": ["answer", "reject"], "created_at": NOW, "state_since": NOW,
}  # fmt: skip
CUSTOMER = {
    "id": "C1", "first_name": "Camille", "last_name": "Lefebvre", "segment": "particulier",
    "language": "fr", "vip": False, "phones": ["+33612345678"], "products": [],
}  # fmt: skip
HISTORY_ITEM = {
    "id": "H1", "customer_id": "C1", "channel": "email", "direction": "inbound", "at": NOW,
    "summary": "Courriel", "body": None,
}  # fmt: skip
ARTICLE = {
    "id": "KB-1", "language": "fr", "title": "Carte", "body": "# Titre", "tags": [],
    "questions": [], "updated_at": NOW,
}  # fmt: skip
EXPERT = {
    "id": "E1", "name": "Paul", "department": "Crédit", "skills": ["credit"],
    "presence": "available", "presence_since": NOW,
}  # fmt: skip

# (wire model, a valid example, what the client does with it)
PARSERS: dict[str, tuple[type[BaseModel], dict[str, Any], Callable[[Any], Any]]] = {
    "agent": (w.AgentWire, AGENT, mapping.agent),
    "snapshot": (
        w.InteractionsSnapshot,
        {"interactions": [INTERACTION], "last_event_id": 5},
        lambda s: [mapping.interaction(i) for i in s.interactions],
    ),
    "customers": (
        w.CustomerMatches,
        {"matches": [CUSTOMER]},
        lambda m: [mapping.customer(c) for c in m.matches],
    ),
    "history_page": (
        w.HistoryPage,
        {"items": [HISTORY_ITEM], "next_cursor": None, "total": 1},
        lambda p: [mapping.history_item(i) for i in p.items],
    ),
    "kb_article": (w.ArticleWire, ARTICLE, mapping.article),
    "presence": (
        w.ExpertList,
        {"experts": [EXPERT]},
        lambda e: [consult_mapping.expert(x) for x in e.experts],
    ),
    "codes": (
        w.CodeLists,
        {"wrap_up": [{"code": "a", "label_fr": "A", "label_en": "A"}], "not_ready": []},
        lambda c: [mapping.code(x) for x in c.wrap_up],
    ),
}

HOSTILE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "C", "M"]),
    max_size=80,
) | st.sampled_from(
    [
        "\u202egnp.exe",
        "<b>x</b><img src=x onerror=alert(1)>",
        "\x00\x07\x1b[31m",
        "\ufeff",
        "𝕏" * 40,
    ]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(HOSTILE_TEXT, inner, max_size=4),
    max_leaves=20,
)


def parse(name: str, raw: bytes | str) -> None:
    """What the client does with an answer body: validate, then map; nothing else may raise."""
    model, _example, to_domain = PARSERS[name]
    try:
        parsed = model.model_validate_json(raw)
    except ValidationError:
        return
    to_domain(parsed)


def mutate(example: Any, path: list[Any], value: Any) -> Any:
    """The example with the value at ``path`` (a walk of keys/indexes) replaced."""
    if not path:
        return value
    if isinstance(example, dict) and example:
        key = sorted(example)[path[0] % len(example)] if isinstance(path[0], int) else path[0]
        return {**example, key: mutate(example.get(key), path[1:], value)}
    if isinstance(example, list) and example:
        i = path[0] % len(example) if isinstance(path[0], int) else 0
        return [*example[:i], mutate(example[i], path[1:], value), *example[i + 1 :]]
    return value


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_the_valid_example_parses(name: str) -> None:
    model, example, to_domain = PARSERS[name]
    assert to_domain(model.model_validate_json(json.dumps(example))) is not None


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.lists(st.integers(0, 20), max_size=4), value=JSON_VALUES)
def test_a_field_with_a_wrong_type_or_hostile_text_is_refused_or_kept_as_data(
    name: str, path: list[int], value: Any
) -> None:
    _model, example, _ = PARSERS[name]
    parse(name, json.dumps(mutate(example, path, value)))


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=50, deadline=None)
@given(raw=st.binary(max_size=300))
def test_random_bytes_and_invalid_utf8_are_refused(name: str, raw: bytes) -> None:
    parse(name, raw)


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=60, deadline=None)
@given(value=JSON_VALUES)
def test_any_json_document_is_refused_or_parsed(name: str, value: Any) -> None:
    parse(name, json.dumps(value))


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b"\xff\xfe\xfd",
        b'{"id": "\xed\xa0\x80"}',  # a UTF-8-encoded surrogate
        b"",
        b"null",
    ],
    ids=["deep-list", "deep-object", "invalid-utf8", "surrogate", "empty", "null"],
)
@pytest.mark.parametrize("name", sorted(PARSERS))
def test_deep_nesting_and_broken_encodings(name: str, raw: bytes) -> None:
    parse(name, raw)


def test_unknown_fields_are_ignored_and_hostile_text_kept_verbatim() -> None:
    rtl = "\u202eevil\u202c <script>"
    body = {**CUSTOMER, "last_name": rtl, "added_later": {"x": [1, 2]}}
    (customer,) = (
        mapping.customer(w.CustomerMatches.model_validate({"matches": [body]}).matches[0]),
    )
    assert customer.last_name == rtl  # shown through plain-text labels, never as markup


# ------------------------------------------------------------------ the real client


async def _ask(base_url: str, call: str) -> Any:
    client = GatewayClient(base_url)
    client.token = "t"
    try:
        calls: dict[str, Callable[[], Any]] = {
            "agent": client.get_agent,
            "snapshot": client.list_interactions,
            "codes": client.codes,
            "customers": lambda: client.search("x"),
            "history_page": lambda: client.history_page("C1"),
            "kb_article": lambda: client.kb_article("KB-1"),
        }
        return await calls[call]()
    finally:
        await client.aclose()


CLIENT_CALLS = ["agent", "snapshot", "codes", "customers", "history_page", "kb_article"]


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize("call", CLIENT_CALLS)
def test_a_10_mb_answer_is_refused_without_reading_it_whole(call: str, chunked: bool) -> None:
    with HostileServer() as server:
        server.chunked = chunked
        server.body = b'{"padding": "' + b"x" * (10 * 1024 * 1024) + b'"}'
        with pytest.raises(GatewayError) as caught:
            asyncio.run(_ask(server.base_url, call))
    assert caught.value.code == "response_too_large"


@pytest.mark.parametrize(
    "body",
    [b"[" * 100_000, b"\xff\xfe", b'{"id": 1, "state": []}', b"<html>oops</html>"],
    ids=["deep", "invalid-utf8", "wrong-types", "html"],
)
@pytest.mark.parametrize("call", CLIENT_CALLS)
def test_malformed_answers_become_bad_response(call: str, body: bytes) -> None:
    with HostileServer() as server:
        server.body = body
        with pytest.raises(GatewayError) as caught:
            asyncio.run(_ask(server.base_url, call))
    assert caught.value.code == "bad_response"


def test_a_hostile_error_body_is_reduced_to_its_status() -> None:
    with HostileServer() as server:
        server.status = 500
        server.body = b'{"error": {"code": ' + b"[" * 10_000 + b"}"
        with pytest.raises(GatewayError) as caught:
            asyncio.run(_ask(server.base_url, "agent"))
    assert caught.value.code == "http_error" and caught.value.status == 500
