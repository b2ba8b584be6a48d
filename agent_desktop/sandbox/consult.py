"""Consult legs, supervised transfers and three-way conferences, as the experts live them.

A consult holds the customer, rings the expert and — after a short seeded delay — the
expert answers if available (or, now and then, declines: ``consult_decline_rate``). A
busy, away, do-not-disturb or offline expert never answers: the consult fails after
``consult_timeout`` (``busy`` or ``no_answer``). The control API can make the expert
decline or hang up at any moment. Every failure takes
the customer off hold automatically. Every consult and transfer records the context
handed over (customer id, intent, summary, advisor's note) in :attr:`ConsultDesk.handovers`.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from agent_desktop.domain.interaction import InteractionState
from agent_desktop.protocol import schemas as w
from agent_desktop.sandbox.center import LIVE_STATES, Call, ContactCenter, now
from agent_desktop.sandbox.errors import ApiError, not_found

if TYPE_CHECKING:
    from agent_desktop.sandbox.scenario import Expert, Scenario

UP_STATES = frozenset({"dialing", "ringing", "connected"})
UNREACHABLE_BUSY = frozenset({"busy", "in_a_call"})


@dataclass(slots=True)
class PartyLeg:
    id: str
    role: str
    name: str
    left: bool = False


@dataclass(slots=True)
class ConsultLeg:
    """The sandbox side of one consult (mutable; :meth:`wire` is what clients see)."""

    id: str
    expert_id: str
    expert_name: str
    state: str
    since: datetime
    context: w.HandoverContextWire
    failure: str | None = None
    talking_to: str = "expert"
    timers: list[asyncio.TimerHandle] = field(default_factory=list)
    parties: list[PartyLeg] = field(default_factory=list)

    def cancel_timers(self) -> None:
        for timer in self.timers:
            timer.cancel()
        self.timers.clear()

    def allowed(self, call_state: InteractionState) -> list[str]:
        live = call_state in LIVE_STATES
        if self.state in ("dialing", "ringing"):
            return ["cancel"]
        if self.state == "connected":
            return ["transfer", "conference", "swap", "cancel"] if live else ["cancel"]
        return []

    def wire(self, call: Call) -> w.ConsultWire:
        return w.ConsultWire.model_validate(
            {
                "id": self.id,
                "expert_id": self.expert_id,
                "expert_name": self.expert_name,
                "state": self.state,
                "since": self.since,
                "failure": self.failure,
                "talking_to": self.talking_to,
                "allowed": self.allowed(call.state),
                "context": self.context,
            }
        )

    def parties_wire(self, call: Call) -> list[w.PartyWire]:
        out = []
        for party in self.parties:
            if party.left:
                state = "left"
            elif party.role == "customer":
                state = {
                    InteractionState.CONNECTED: "connected",
                    InteractionState.HELD: "held",
                }.get(call.state, "left")
            elif party.role == "agent":
                state = "muted" if call.muted else "connected"
            else:
                state = "connected"
            out.append(
                w.PartyWire.model_validate(
                    {"id": party.id, "role": party.role, "name": party.name, "state": state}
                )
            )
        return out


class ConsultDesk:
    """Runs the consults of every call of one sandbox (on the server's loop only)."""

    def __init__(self, center: ContactCenter, scenario: Scenario) -> None:
        self.center = center
        self.scenario = scenario
        self.config = center.config
        self.rng = random.Random(f"consult-{self.config.seed}")
        self.handovers: list[dict[str, Any]] = []

    # ------------------------------------------------------------ helpers

    def _leg(self, call: Call) -> ConsultLeg:
        leg = call.consult
        if not isinstance(leg, ConsultLeg):
            raise ApiError(409, "action_not_allowed", "this interaction has no consult")
        return leg

    def _refuse(self, what: str, call: Call, leg: ConsultLeg | None) -> ApiError:
        state = leg.state if leg else None
        return ApiError(
            409,
            "action_not_allowed",
            f"{what} is not allowed now (call {call.state.value}, consult {state})",
            {
                "state": call.state.value,
                "consult_state": state,
                "allowed": leg.allowed(call.state) if leg else [],
            },
        )

    def _publish(self, call: Call) -> None:
        self.center.hub.publish(call.agent, "interaction.updated", call.wire())

    def _expert(self, expert_id: str) -> Expert:
        expert = self.scenario.experts.get(expert_id)
        if expert is None:
            raise not_found("expert")
        return expert

    def set_presence(self, expert: Expert, presence: str) -> None:
        if expert.presence == presence:
            return
        expert.presence = presence
        expert.presence_since = now()
        self.center.broadcast("expert.presence_changed", expert.wire())

    def _retrieve(self, call: Call) -> None:
        if call.state == InteractionState.HELD:
            self.center._set_state(call, InteractionState.CONNECTED)

    def _record(self, kind: str, call: Call, leg: ConsultLeg) -> None:
        self.handovers.append(
            {
                "kind": kind,
                "interaction_id": call.id,
                "agent": call.agent,
                "expert_id": leg.expert_id,
                "context": leg.context.model_dump(mode="json"),
                "at": now().isoformat(),
            }
        )

    def _customer_name(self, call: Call) -> str:
        customer_id = call.attached.customer_id
        customer = self.scenario.store.customer(customer_id) if customer_id else None
        if customer is not None:
            return f"{customer.first_name} {customer.last_name}"
        return call.attached.caller_number or "customer"

    def _later(self, leg: ConsultLeg, delay: float, callback: Any, *args: Any) -> None:
        loop = asyncio.get_running_loop()
        leg.timers.append(loop.call_later(delay, callback, *args))

    # ------------------------------------------------------------ advisor commands

    def start(self, username: str, call_id: str, request: w.ConsultRequest) -> w.InteractionWire:
        call = self.center._own_call(username, call_id)
        leg = call.consult if isinstance(call.consult, ConsultLeg) else None
        if call.state not in (InteractionState.CONNECTED, InteractionState.HELD) or (
            leg is not None and (leg.state in UP_STATES or leg.state == "conferenced")
        ):
            raise self._refuse("consult", call, leg)
        expert = self._expert(request.expert_id)
        context = request.context
        context = context.model_copy(
            update={
                "customer_id": context.customer_id or call.attached.customer_id,
                "intent": context.intent or call.attached.intent,
            }
        )
        leg = ConsultLeg(
            id=f"cns-{uuid.uuid4().hex[:12]}",
            expert_id=expert.id,
            expert_name=expert.name,
            state="ringing",
            since=now(),
            context=context,
        )
        call.consult = leg
        self._record("consult", call, leg)
        if call.state == InteractionState.CONNECTED:
            self.center._set_state(call, InteractionState.HELD)  # publishes the update
        else:
            self._publish(call)
        if expert.presence == "available":
            delay = self.config.consult_answer_delay * self.rng.uniform(0.5, 1.5)
            if self.rng.random() < self.config.consult_decline_rate:
                self._later(leg, delay, self._fail, call.id, leg.id, "declined")
            else:
                self._later(leg, delay, self._answer, call.id, leg.id)
        failure = "busy" if expert.presence in UNREACHABLE_BUSY else "no_answer"
        self._later(leg, self.config.consult_timeout, self._fail, call.id, leg.id, failure)
        return call.wire()

    def cancel(self, username: str, call_id: str) -> w.InteractionWire:
        call = self.center._own_call(username, call_id)
        leg = self._leg(call)
        if "cancel" not in leg.allowed(call.state):
            raise self._refuse("cancel", call, leg)
        self._finish(call, leg, "cancelled")
        self._retrieve(call)
        self._publish(call)
        return call.wire()

    def swap(self, username: str, call_id: str) -> w.InteractionWire:
        call = self.center._own_call(username, call_id)
        leg = self._leg(call)
        if "swap" not in leg.allowed(call.state):
            raise self._refuse("swap", call, leg)
        if leg.talking_to == "expert":
            leg.talking_to = "customer"
            self.center._set_state(call, InteractionState.CONNECTED)
        else:
            leg.talking_to = "expert"
            self.center._set_state(call, InteractionState.HELD)
        return call.wire()

    def transfer(self, username: str, call_id: str) -> w.InteractionWire:
        call = self.center._own_call(username, call_id)
        leg = self._leg(call)
        if "transfer" not in leg.allowed(call.state):
            raise self._refuse("transfer", call, leg)
        leg.state = "transferred"
        leg.since = now()
        leg.cancel_timers()
        call.transfer_target = leg.expert_id
        self._record("transfer", call, leg)
        self.center._end_connected(call, "transferred")
        return call.wire()

    def conference(self, username: str, call_id: str) -> w.InteractionWire:
        call = self.center._own_call(username, call_id)
        leg = self._leg(call)
        if "conference" not in leg.allowed(call.state):
            raise self._refuse("conference", call, leg)
        leg.state = "conferenced"
        leg.since = now()
        leg.cancel_timers()
        runtime = self.center.agents[call.agent]
        leg.parties = [
            PartyLeg("p-customer", "customer", self._customer_name(call)),
            PartyLeg("p-agent", "agent", runtime.agent.name),
            PartyLeg("p-expert", "expert", leg.expert_name),
        ]
        if call.state == InteractionState.HELD:
            self.center._set_state(call, InteractionState.CONNECTED)
        else:
            self._publish(call)
        return call.wire()

    def drop_party(self, username: str, call_id: str, party_id: str) -> w.InteractionWire:
        call = self.center._own_call(username, call_id)
        leg = self._leg(call)
        party = next((p for p in leg.parties if p.id == party_id and not p.left), None)
        if party is None:
            raise not_found("party")
        if party.role == "expert":
            party.left = True
            self._expert_done(leg)
            self._publish(call)
        elif party.role == "customer":
            party.left = True
            if call.state in LIVE_STATES:
                self.center._end_connected(call, "customer_dropped")
            else:
                self._publish(call)
        else:  # the advisor leaves: the expert keeps the customer
            party.left = True
            if call.state in LIVE_STATES:
                call.transfer_target = leg.expert_id
                self._record("transfer", call, leg)
                self.center._end_connected(call, "left_conference")
            else:
                self._expert_done(leg)
                self._publish(call)
        return call.wire()

    # ------------------------------------------------------------ what experts do

    def _live_leg(self, call_id: str, leg_id: str) -> tuple[Call, ConsultLeg] | None:
        call = self.center.calls.get(call_id)
        leg = call.consult if call is not None else None
        if call is None or not isinstance(leg, ConsultLeg) or leg.id != leg_id:
            return None
        return call, leg

    def _answer(self, call_id: str, leg_id: str) -> None:
        found = self._live_leg(call_id, leg_id)
        if found is None or found[1].state != "ringing":
            return
        call, leg = found
        expert = self.scenario.experts.get(leg.expert_id)
        if expert is None or expert.presence != "available":
            return  # became unavailable while ringing: the timeout will fail it
        leg.cancel_timers()
        leg.state = "connected"
        leg.since = now()
        self.set_presence(expert, "in_a_call")
        self._publish(call)

    def _fail(self, call_id: str, leg_id: str, failure: str) -> None:
        found = self._live_leg(call_id, leg_id)
        if found is None:
            return
        call, leg = found
        if leg.state not in UP_STATES:
            return
        self._finish(call, leg, "failed", failure)
        if call.state in LIVE_STATES:
            leg.talking_to = "customer"
            self._retrieve(call)
        self._publish(call)

    def _finish(self, call: Call, leg: ConsultLeg, state: str, failure: str | None = None) -> None:
        was_connected = leg.state == "connected"
        leg.cancel_timers()
        leg.state = state
        leg.failure = failure
        leg.since = now()
        if was_connected:
            self._expert_done(leg)

    def _expert_done(self, leg: ConsultLeg) -> None:
        expert = self.scenario.experts.get(leg.expert_id)
        if expert is not None and expert.presence == "in_a_call":
            self.set_presence(expert, "available")

    # ------------------------------------------------------------ control API

    def expert_declines(self, call_id: str) -> w.InteractionWire:
        call = self.center.calls.get(call_id)
        leg = call.consult if call is not None else None
        if call is None or not isinstance(leg, ConsultLeg) or leg.state != "ringing":
            raise ApiError(409, "action_not_allowed", "no consult is ringing on this call")
        self._fail(call.id, leg.id, "declined")
        return call.wire()

    def expert_hangs_up(self, call_id: str) -> w.InteractionWire:
        call = self.center.calls.get(call_id)
        leg = call.consult if call is not None else None
        if call is None or not isinstance(leg, ConsultLeg):
            raise ApiError(409, "action_not_allowed", "no expert is on this call")
        if leg.state == "connected":
            self._fail(call.id, leg.id, "expert_hangup")
        elif leg.state == "conferenced":
            expert = next((p for p in leg.parties if p.role == "expert" and not p.left), None)
            if expert is None:
                raise ApiError(409, "action_not_allowed", "the expert already left")
            expert.left = True
            self._expert_done(leg)
            self._publish(call)
        else:
            raise ApiError(409, "action_not_allowed", "the expert is not on the line")
        return call.wire()

    def shutdown(self) -> None:
        for call in self.center.calls.values():
            if isinstance(call.consult, ConsultLeg):
                call.consult.cancel_timers()
