"""Calls to return for extended agents: missed inbound calls and requested callbacks, and
the outbound call (click-to-call) that works one of them.

The list is made up once per agent from the generated customers of the agent's queues.
An outbound call goes through the same machinery as an inbound one (it is offered to the
agent, who placed it, and connected at once), so the screen-pop, the call controls and the
wrap-up are the same.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Literal

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.interaction import Action
from agent_desktop.protocol import schemas as w
from agent_desktop.sandbox.center import ContactCenter
from agent_desktop.sandbox.errors import ApiError, not_found
from agent_desktop.sandbox.store import Store

NOTES = (
    "Rappeler au sujet du prélèvement refusé",
    "Souhaite un rendez-vous conseiller",
    "Question sur sa carte bloquée",
    "Demande de rappel après 11 h",
    "Contestation d'une opération",
)


class CallbackBook:
    """The calls to return, per agent (made up on first use)."""

    def __init__(self, center: ContactCenter, store: Store, seed: int = 5) -> None:
        self.center = center
        self.store = store
        self.rng = random.Random(seed)
        self.by_agent: dict[str, dict[str, w.CallbackWire]] = {}

    def _make(self, username: str) -> dict[str, w.CallbackWire]:
        queues: list[str | None] = [*self.center.agents[username].user.queues] or [None]
        picks = [p for p in self.store.caller_picks() if p.phones][:400]
        chosen = self.rng.sample(picks, k=min(6, len(picks)))
        now = datetime.now(UTC)
        book: dict[str, w.CallbackWire] = {}
        for i, pick in enumerate(chosen):
            customer = self.store.customer(pick.id)
            name = f"{customer.first_name} {customer.last_name}" if customer else ""
            kind: Literal["unanswered", "callback"] = "unanswered" if i % 2 == 0 else "callback"
            at = now - timedelta(minutes=17 * (i + 1)) if kind == "unanswered" else now
            callback = w.CallbackWire(
                id=f"cb-{username}-{i + 1}",
                kind=kind,
                customer_id=pick.id,
                name=name,
                phone=pick.phones[0],
                queue_id=queues[i % len(queues)],
                note="" if kind == "unanswered" else NOTES[i % len(NOTES)],
                at=at if kind == "unanswered" else at + timedelta(minutes=10 * i),
            )
            book[callback.id] = callback
        return book

    def list(self, username: str) -> list[w.CallbackWire]:
        if username not in self.by_agent:
            self.by_agent[username] = self._make(username)
        return [c for c in self.by_agent[username].values() if c.status != "done"]

    def call(self, username: str, request: w.OutboundRequest) -> w.InteractionWire:
        """Place an outbound call for ``username`` (who must have no open interaction)."""
        center = self.center
        callback = None
        if request.callback_id is not None:
            self.list(username)
            callback = self.by_agent[username].get(request.callback_id)
            if callback is None:
                raise not_found("callback")
        if request.customer_id is not None and self.store.customer(request.customer_id) is None:
            raise not_found("customer")
        # a wrap-up left open on a queue that does not block routing does not stop a call
        busy = any(c.agent == username and c.holds_agent for c in center.calls.values())
        state = center.agents[username].agent.state
        if busy or state not in (AgentState.READY, AgentState.NOT_READY):
            raise ApiError(
                409,
                "agent_unavailable",
                "finish the current interaction first",
                {"agent_state": state.value},
            )
        reason = center.agents[username].agent.reason_code
        if state == AgentState.NOT_READY:
            center._move_agent(username, AgentState.READY)
        attached = w.AttachedDataWire.model_validate(
            {
                "caller_number": request.phone,
                "customer_id": request.customer_id,
                "queue_id": callback.queue_id if callback else None,
                "extra": {"callback_id": callback.id} if callback else {},
            }
        )
        call = center.offer(username, attached, direction="outbound")
        wire = center.act(username, call.id, Action.ANSWER)
        if state == AgentState.NOT_READY:  # back to the same pause once the call is done
            center.request_state(
                username, w.AgentStateRequest(state="not_ready", reason_code=reason)
            )
        if callback is not None:
            self.by_agent[username][callback.id] = callback.model_copy(update={"status": "done"})
        return wire
