"""The knowledge base: full-text search and article reading."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import Query

from agent_desktop.protocol.schemas import (
    ArticleFeedbackAck,
    ArticleFeedbackRequest,
    ArticleList,
    ArticleSubmission,
    ArticleWire,
    KbSearchResult,
    SubmissionAck,
    SubmissionList,
)
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, User
from agent_desktop.sandbox.errors import ApiError, not_found
from agent_desktop.sandbox.routes.table import RouteTable
from agent_desktop.sandbox.store import BadCursor

router = RouteTable(prefix="/v1/kb", tags=["knowledge"], responses=AUTH_RESPONSES)


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
    "/articles",
    response_model=ArticleList,
    summary="Every article with its example questions, a page at a time, oldest change first",
)
async def articles(
    ctx: Ctx,
    user: User,
    updated_since: Annotated[
        datetime | None, Query(description="only articles changed at or after this time")
    ] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> ArticleList:
    try:
        return ctx.store.articles_page(updated_since=updated_since, cursor=cursor, limit=limit)
    except BadCursor as exc:
        raise ApiError(422, "invalid_request", "this cursor was not issued by the server") from exc


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


@router.post(
    "/articles/{article_id}/feedback",
    response_model=ArticleFeedbackAck,
    responses={404: ERRORS},
    summary="An advisor found the article helpful or not (counted per article)",
)
async def feedback(
    article_id: str, body: ArticleFeedbackRequest, ctx: Ctx, user: User
) -> ArticleFeedbackAck:
    if ctx.store.article(article_id) is None:
        raise not_found("article")
    votes = ctx.kb_votes.setdefault(article_id, [0, 0])
    votes[0 if body.helpful else 1] += 1
    return ArticleFeedbackAck(article_id=article_id, helpful=votes[0], not_helpful=votes[1])


@router.post(
    "/articles",
    response_model=SubmissionAck,
    status_code=202,
    responses={404: ERRORS},
    summary="Submit a new article or a fix; stored for review (pending until accepted)",
)
async def submit(body: ArticleSubmission, ctx: Ctx, user: User) -> SubmissionAck:
    if body.replaces is not None and ctx.store.article(body.replaces) is None:
        raise not_found("article")
    ack = SubmissionAck(
        id=f"SUB-{uuid.uuid4().hex[:12]}",
        submitted_at=datetime.now(UTC),
        title=body.title,
        replaces=body.replaces,
    )
    ctx.kb_submissions.append({"ack": ack, "submission": body, "by": user})
    return ack


@router.get(
    "/submissions",
    response_model=SubmissionList,
    summary="The caller's own article submissions and their review status, newest first",
)
async def submissions(ctx: Ctx, user: User) -> SubmissionList:
    mine = [s["ack"] for s in ctx.kb_submissions if s["by"] == user]
    return SubmissionList(submissions=list(reversed(mine)))
