"""Turns validated wire models into domain objects (and nothing else)."""

from __future__ import annotations

from agent_desktop.adapters.gateway import consult_mapping
from agent_desktop.domain.agent import Agent, AgentState, NextState
from agent_desktop.domain.customer import Address, Customer, Product
from agent_desktop.domain.interaction import (
    Action,
    AttachedData,
    Interaction,
    InteractionState,
    TranscriptSegment,
)
from agent_desktop.ports.history import HistoryItem
from agent_desktop.ports.knowledge import Article, ArticleHit
from agent_desktop.ports.telephony import Code
from agent_desktop.protocol import schemas as w


def agent(a: w.AgentWire) -> Agent:
    nxt = a.next_state
    return Agent(
        id=a.id,
        name=a.name,
        state=AgentState(a.state),
        since=a.since,
        reason_code=a.reason_code,
        next_state=NextState(AgentState(nxt.state), nxt.reason_code) if nxt else None,
        role=a.role,
    )


def interaction(i: w.InteractionWire) -> Interaction:
    d = i.attached_data
    return Interaction(
        id=i.id,
        state=InteractionState(i.state),
        attached=AttachedData(
            caller_number=d.caller_number,
            customer_id=d.customer_id,
            intent=d.intent,
            intent_label=d.intent_label,
            language=d.language,
            vip=d.vip,
            queue_name=d.queue_name,
            waited_seconds=d.waited_seconds,
            extra=dict(d.extra),
        ),
        allowed_actions=tuple(Action(a) for a in i.allowed_actions),
        created_at=i.created_at,
        state_since=i.state_since,
        channel=i.channel,
        direction=i.direction,
        muted=i.muted,
        end_reason=i.end_reason,
        consult=consult_mapping.consult(i.consult) if i.consult else None,
        parties=tuple(consult_mapping.party(p) for p in i.parties),
        wrap_up_code_required=i.wrap_up_code_required,
        acw_limit_seconds=i.acw_limit_seconds,
        wrap_up_blocks_routing=i.wrap_up_blocks_routing,
        closed_by=i.closed_by,
        revision=i.revision,
    )


def transcript(t: w.TranscriptSegmentWire) -> TranscriptSegment:
    return TranscriptSegment(
        interaction_id=t.interaction_id, speaker=t.speaker, text=t.text, at=t.at
    )


def customer(c: w.CustomerWire) -> Customer:
    a = c.address
    return Customer(
        id=c.id,
        first_name=c.first_name,
        last_name=c.last_name,
        segment=c.segment,
        language=c.language,
        vip=c.vip,
        phones=tuple(c.phones),
        email=c.email,
        address=Address(a.street, a.postcode, a.city, a.country) if a else None,
        products=tuple(Product(p.id, p.name, p.kind, p.status, p.since) for p in c.products),
        customer_since=c.customer_since,
    )


def code(c: w.CodeWire) -> Code:
    return Code(c.code, c.label_fr, c.label_en)


def history_item(h: w.HistoryItemWire) -> HistoryItem:
    return HistoryItem(
        id=h.id,
        customer_id=h.customer_id,
        channel=h.channel,
        direction=h.direction,
        at=h.at,
        queue=h.queue,
        agent=h.agent,
        reason=h.reason,
        outcome=h.outcome,
        summary=h.summary,
        body=h.body,
    )


def article(a: w.ArticleWire) -> Article:
    return Article(
        id=a.id,
        language=a.language,
        title=a.title,
        body=a.body,
        tags=tuple(a.tags),
        questions=tuple(a.questions),
        updated_at=a.updated_at,
    )


def article_hit(h: w.ArticleHit) -> ArticleHit:
    return ArticleHit(id=h.id, language=h.language, title=h.title, snippet=h.snippet, score=h.score)
