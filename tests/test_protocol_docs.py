"""The protocol documentation cannot drift from the code.

Fails when docs/openapi.json differs from the sandbox's generated OpenAPI document, when a
/v1 operation is missing from docs/protocol.md (or documented but gone), or when an event
type of the protocol is not documented.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from agent_desktop.protocol.schemas import EVENT_TYPES
from agent_desktop.sandbox.openapi import render

DOCS = Path(__file__).resolve().parents[1] / "docs"
OPERATION = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE) (/v1/[^\s`)|,;]*)")
METHODS = {"get", "post", "put", "patch", "delete"}


def _documented_operations() -> set[tuple[str, str]]:
    text = (DOCS / "protocol.md").read_text(encoding="utf-8")
    return {(method, path.rstrip(".:")) for method, path in OPERATION.findall(text)}


def _openapi_operations() -> set[tuple[str, str]]:
    document = json.loads(render())
    return {
        (method.upper(), path)
        for path, item in document["paths"].items()
        if path.startswith("/v1/")
        for method in item
        if method in METHODS
    }


def test_openapi_document_is_up_to_date() -> None:
    committed = (DOCS / "openapi.json").read_text(encoding="utf-8")
    assert committed == render(), (
        "docs/openapi.json is stale: run `python -m agent_desktop.sandbox.openapi --write`"
    )


def test_every_v1_operation_is_documented() -> None:
    missing = _openapi_operations() - _documented_operations()
    assert not missing, f"not in docs/protocol.md: {sorted(missing)}"


def test_every_documented_operation_exists() -> None:
    unknown = _documented_operations() - _openapi_operations()
    assert not unknown, f"documented but not served: {sorted(unknown)}"


def test_every_event_type_is_documented() -> None:
    text = (DOCS / "protocol.md").read_text(encoding="utf-8")
    missing = [t for t in EVENT_TYPES if f"`{t}`" not in text]
    assert not missing, f"event types not in docs/protocol.md: {missing}"
