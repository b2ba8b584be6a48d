"""The knowledge base: full-text search and article reading."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from agent_desktop.protocol.schemas import ArticleWire, KbSearchResult
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, User
from agent_desktop.sandbox.errors import not_found

router = APIRouter(prefix="/v1/kb", tags=["knowledge"], responses=AUTH_RESPONSES)


@router.get(
    "/search",
    response_model=KbSearchResult,
    summary="Articles ranked for free text (accent- and case-insensitive)",
)
async def search(
    ctx: Ctx,
    user: User,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    lang: Literal["fr", "en"] | None = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> KbSearchResult:
    return ctx.store.kb_search(q, lang, limit)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleWire,
    responses={404: ERRORS},
    summary="One article, Markdown body",
)
async def article(article_id: str, ctx: Ctx, user: User) -> ArticleWire:
    found = ctx.store.article(article_id)
    if found is None:
        raise not_found("article")
    return found
