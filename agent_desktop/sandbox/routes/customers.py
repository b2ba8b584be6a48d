"""Customers and their unified history: lookup by phone, search, record, history pages."""

from __future__ import annotations

from typing import Annotated, get_args

from fastapi import Query

from agent_desktop.protocol.schemas import (
    CustomerMatches,
    CustomerWire,
    HistoryItemWire,
    HistoryPage,
)
from agent_desktop.sandbox.data.text import to_e164
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, User
from agent_desktop.sandbox.errors import ApiError, not_found
from agent_desktop.sandbox.routes.table import RouteTable
from agent_desktop.sandbox.store import BadCursor

router = RouteTable(prefix="/v1/customers", tags=["customers"], responses=AUTH_RESPONSES)

CHANNELS = frozenset(get_args(HistoryItemWire.model_fields["channel"].annotation))


@router.get(
    "/lookup",
    response_model=CustomerMatches,
    summary="Customers holding this phone number (E.164; other formats are normalised)",
)
async def lookup(
    ctx: Ctx, user: User, phone: Annotated[str, Query(min_length=3, max_length=40)]
) -> CustomerMatches:
    e164 = to_e164(phone)
    return CustomerMatches(matches=ctx.store.lookup_phone(e164) if e164 else [])


@router.get(
    "/search",
    response_model=CustomerMatches,
    summary="Search by name, e-mail, phone or id (at most 20 results)",
)
async def search(
    ctx: Ctx, user: User, q: Annotated[str, Query(min_length=1, max_length=200)]
) -> CustomerMatches:
    digits = sum(ch.isdigit() for ch in q)
    e164 = to_e164(q) if digits >= 6 else None
    return CustomerMatches(matches=ctx.store.search_customers(q, e164))


@router.get(
    "/{customer_id}",
    response_model=CustomerWire,
    responses={404: ERRORS},
    summary="One customer",
)
async def get_customer(customer_id: str, ctx: Ctx, user: User) -> CustomerWire:
    customer = ctx.store.customer(customer_id)
    if customer is None:
        raise not_found("customer")
    return customer


@router.get(
    "/{customer_id}/history",
    response_model=HistoryPage,
    responses={404: ERRORS},
    summary="One page of the customer's history, newest first (items without body)",
)
async def history(
    customer_id: str,
    ctx: Ctx,
    user: User,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    channels: Annotated[
        str | None, Query(description="comma-separated channels, e.g. `voice,email`")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="full-text search")] = None,
) -> HistoryPage:
    if ctx.store.customer(customer_id) is None:
        raise not_found("customer")
    wanted = [c.strip() for c in channels.split(",") if c.strip()] if channels else None
    unknown = sorted(set(wanted or ()) - CHANNELS)
    if unknown:
        raise ApiError(
            422,
            "invalid_request",
            "unknown channel",
            {"unknown": unknown, "channels": sorted(CHANNELS)},
        )
    try:
        return ctx.store.history_page(customer_id, cursor=cursor, limit=limit, channels=wanted, q=q)
    except BadCursor as exc:
        raise ApiError(422, "invalid_request", "this cursor was not issued by the server") from exc


@router.get(
    "/{customer_id}/history/{item_id}",
    response_model=HistoryItemWire,
    responses={404: ERRORS},
    summary="One history item with its full body",
)
async def history_item(customer_id: str, item_id: str, ctx: Ctx, user: User) -> HistoryItemWire:
    item = ctx.store.history_item(customer_id, item_id)
    if item is None:
        raise not_found("history item")
    return item
