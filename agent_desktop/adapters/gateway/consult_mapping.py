"""Wire → domain for consult legs, conference parties and experts."""

from __future__ import annotations

from agent_desktop.domain.consult import (
    Consult,
    ConsultAction,
    ConsultState,
    Expert,
    HandoverContext,
    Party,
    Presence,
)
from agent_desktop.protocol import schemas as w


def consult(c: w.ConsultWire) -> Consult:
    return Consult(
        id=c.id,
        expert_id=c.expert_id,
        expert_name=c.expert_name,
        state=ConsultState(c.state),
        since=c.since,
        failure=c.failure,
        talking_to=c.talking_to,
        allowed=tuple(ConsultAction(a) for a in c.allowed),
        context=HandoverContext(
            c.context.customer_id, c.context.intent, c.context.summary, c.context.note
        ),
    )


def party(p: w.PartyWire) -> Party:
    return Party(id=p.id, role=p.role, name=p.name, state=p.state)


def expert(e: w.ExpertWire) -> Expert:
    return Expert(
        id=e.id,
        name=e.name,
        department=e.department,
        skills=tuple(e.skills),
        presence=Presence(e.presence),
        presence_since=e.presence_since,
        phone=e.phone,
    )
