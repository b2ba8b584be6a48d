"""Customer lookup and search, unified history paging and search, the knowledge base."""

from __future__ import annotations

import httpx
import pytest
from sandbox_helpers import LoggedIn

from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.store import Store


@pytest.fixture(scope="module")
def shared_number(sandbox: SandboxServer) -> str:
    store = Store(sandbox.database)
    try:
        return store.shared_numbers()[0]
    finally:
        store.close()


def test_lookup_normalises_the_caller_number(alice: LoggedIn) -> None:
    customer = alice.get("/v1/customers/C100020").json()
    e164 = next(p for p in customer["phones"] if p.startswith("+336") or p.startswith("+337"))
    national = "0" + e164[3:]
    for raw in (
        e164,
        " ".join(national[i : i + 2] for i in range(0, 10, 2)),
        "0033" + e164[3:],
        "+33 " + e164[3] + " " + " ".join(e164[i : i + 2] for i in range(4, 12, 2)),
    ):
        matches = alice.get("/v1/customers/lookup", params={"phone": raw}).json()["matches"]
        assert [m["id"] for m in matches] == ["C100020"], raw


def test_lookup_shared_and_unknown_numbers(alice: LoggedIn, shared_number: str) -> None:
    matches = alice.get("/v1/customers/lookup", params={"phone": shared_number}).json()["matches"]
    assert len(matches) >= 2
    none = alice.get("/v1/customers/lookup", params={"phone": "+33999999999"}).json()
    assert none["matches"] == []


def test_search_by_name_email_phone_id(alice: LoggedIn) -> None:
    customer = alice.get("/v1/customers/C100007").json()
    for q in (
        customer["last_name"],
        f"{customer['first_name']} {customer['last_name']}".upper(),
        customer["email"],
        customer["phones"][0],
        "C100007",
    ):
        ids = [
            m["id"] for m in alice.get("/v1/customers/search", params={"q": q}).json()["matches"]
        ]
        assert "C100007" in ids, q
        assert len(ids) <= 20
    broad = alice.get("/v1/customers/search", params={"q": "a"}).json()["matches"]
    assert len(broad) == 20


def test_unknown_customer_is_404(alice: LoggedIn) -> None:
    for path in (
        "/v1/customers/C1",
        "/v1/customers/C1/history",
        "/v1/customers/C100001/history/H0",
    ):
        r = alice.get(path)
        assert (r.status_code, r.json()["error"]["code"]) == (404, "not_found")


def _busiest_customer(sandbox: SandboxServer) -> str:
    import sqlite3

    db = sqlite3.connect(sandbox.database)
    try:
        row = db.execute(
            "SELECT customer_id FROM history WHERE customer_id != 'C999999'"
            " GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        return str(row[0])
    finally:
        db.close()


def test_history_pages_newest_first_without_gaps(alice: LoggedIn, sandbox: SandboxServer) -> None:
    cid = _busiest_customer(sandbox)
    seen: list[dict[str, object]] = []
    cursor = None
    total = None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = alice.get(f"/v1/customers/{cid}/history", params=params).json()
        total = page["total"]
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == total > 100
    assert len({i["id"] for i in seen}) == total
    stamps = [(i["at"], i["id"]) for i in seen]
    assert stamps == sorted(stamps, reverse=True)
    assert all(i["body"] is None for i in seen)
    one = alice.get(f"/v1/customers/{cid}/history/{seen[0]['id']}").json()
    assert one["body"]
    assert (
        alice.get(f"/v1/customers/{cid}/history", params={"cursor": "garbage!"}).status_code == 422
    )


def test_history_channel_filter_and_search(alice: LoggedIn, sandbox: SandboxServer) -> None:
    cid = _busiest_customer(sandbox)
    page = alice.get(f"/v1/customers/{cid}/history", params={"channels": "voice,email"}).json()
    assert page["items"] and {i["channel"] for i in page["items"]} <= {"voice", "email"}
    everything = alice.get(f"/v1/customers/{cid}/history").json()["total"]
    assert 0 < page["total"] < everything
    bad = alice.get(f"/v1/customers/{cid}/history", params={"channels": "pigeon"})
    assert bad.status_code == 422
    found = alice.get(f"/v1/customers/{cid}/history", params={"q": "carte", "limit": 200}).json()
    assert 0 < found["total"] < everything
    for item in found["items"][:10]:
        body = alice.get(f"/v1/customers/{cid}/history/{item['id']}").json()
        text = (body["summary"] + body["body"] + (body["reason"] or "")).lower()
        assert "carte" in text or "card" in text


def test_kb_search_folds_accents_and_case(alice: LoggedIn) -> None:
    for q in ("facture", "FACTURÉ", "factures"):
        hits = alice.get("/v1/kb/search", params={"q": q, "lang": "fr"}).json()["hits"]
        assert hits, q
        assert any("acture" in h["title"] for h in hits), q
    hits = alice.get("/v1/kb/search", params={"q": "carte perdue", "limit": 3}).json()["hits"]
    assert len(hits) == 3
    assert any(h["title"] == "Carte perdue ou volée" for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    english = alice.get("/v1/kb/search", params={"q": "lost card", "lang": "en"}).json()["hits"]
    assert english and all(h["language"] == "en" for h in english)
    assert alice.get("/v1/kb/search", params={"q": '"*) OR ('}).status_code == 200


def test_kb_article(alice: LoggedIn) -> None:
    article = alice.get("/v1/kb/articles/KB-FR-012").json()
    assert article["language"] == "fr"
    assert article["body"].startswith("# ")
    assert article["questions"] and article["tags"]
    assert alice.get("/v1/kb/articles/KB-XX-1").status_code == 404


@pytest.mark.slow
def test_a_customer_with_fifty_thousand_items_pages_fast(
    alice: LoggedIn, client: httpx.Client
) -> None:
    r = client.post("/sandbox/customers/big", json={}, timeout=120)
    cid = r.json()["customer_id"]
    page = alice.get(f"/v1/customers/{cid}/history", params={"limit": 200}).json()
    assert page["total"] == 50_000
    for _ in range(5):
        page = alice.get(
            f"/v1/customers/{cid}/history", params={"limit": 200, "cursor": page["next_cursor"]}
        )
        assert page.elapsed.total_seconds() < 0.5
        page = page.json()
    searched = alice.get(f"/v1/customers/{cid}/history", params={"q": "virement"})
    assert searched.elapsed.total_seconds() < 1.0
    assert searched.json()["total"] > 0
