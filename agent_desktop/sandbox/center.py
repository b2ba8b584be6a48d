"""The live contact centre: sessions, agents, interactions and queue counters.

Every change goes through the domain state machines (``domain.agent`` for agents,
``domain.interaction`` for calls) and is published on the event hub. It runs only on the
server's event loop thread; the scenario engine listens to it through :class:`Listener`.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Protocol

from agent_desktop.domain import agent as agent_sm
from agent_desktop.domain import interaction as call_sm
from agent_desktop.domain.agent import Agent, AgentState, NextState
from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.protocol import schemas as w
from agent_desktop.sandbox.config import SandboxConfig
from agent_desktop.sandbox.data.reference import (
    NOT_READY_CODES,
    QUEUES,
    QUEUES_BY_ID,
    WRAP_UP_CODE_SET,
)
from agent_desktop.sandbox.errors import ApiError, not_found, unauthorized, wrong_state
from agent_desktop.sandbox.events import EventHub
from agent_desktop.sandbox.state_db import StateDb
from agent_desktop.sandbox.users import DEMO_PASSWORD, DEMO_USERS, DemoUser

LIVE_STATES = frozenset(
    {InteractionState.OFFERED, InteractionState.CONNECTED, InteractionState.HELD}
)
OPEN_STATES = LIVE_STATES | {InteractionState.ENDED}


def now() -> datetime:
    return datetime.now(UTC)


def wait_seconds(since: datetime | None) -> int:
    """Whole seconds waited since ``since`` (0 when nobody waits)."""
    return max(0, int((now() - since).total_seconds())) if since is not None else 0


class Listener(Protocol):
    """What the scenario engine wants to hear about."""

    def agent_changed(self, username: str) -> None: ...
    def call_connected(self, call: Call) -> None: ...
    def call_finished(self, call: Call) -> None: ...


class _NoListener:
    def agent_changed(self, username: str) -> None:
        pass

    def call_connected(self, call: Call) -> None:
        pass

    def call_finished(self, call: Call) -> None:
        pass


@dataclass(slots=True)
class Session:
    token: str
    username: str
    expires_at: datetime


@dataclass(slots=True)
class AgentRuntime:
    user: DemoUser
    agent: Agent
    sessions: set[str] = field(default_factory=set)


@dataclass(slots=True)
class QueuePolicy:
    """A queue's wrap-up rules (from ``data/reference.py``; ``PUT /sandbox/queues/{id}/
    wrap-up-policy`` changes them for later calls). A call keeps the policy it was offered
    with."""

    wrap_up_code_required: bool = False
    acw_limit_seconds: int | None = None
    wrap_up_blocks_routing: bool = True


@dataclass(slots=True)
class Call:
    """One interaction and what the sandbox knows about it beyond the wire."""

    id: str
    agent: str
    state: InteractionState
    attached: w.AttachedDataWire
    created_at: datetime
    state_since: datetime
    offered_monotonic: float
    muted: bool = False
    end_reason: str | None = None
    timer: asyncio.TimerHandle | None = None
    wrap_up: w.WrapUpRequest | None = None
    transfer_target: str | None = None
    consult: Any = None  # a sandbox.consult.ConsultLeg once a consult was placed
    direction: Literal["inbound", "outbound"] = "inbound"  # outbound: click-to-call
    answered_at: datetime | None = None  # handling time runs from here to the wrap-up
    policy: QueuePolicy = field(default_factory=QueuePolicy)
    acw_timer: asyncio.TimerHandle | None = None  # ends after-call work at the ACW limit
    closed_by: Literal["wrap_up", "acw_limit"] | None = None
    revision: int = 0  # how many times what the wire shows of it changed
    shown: w.InteractionWire | None = None  # the last wire given out, revision aside

    def allowed(self) -> tuple[Action, ...]:
        return call_sm.allowed_actions(self.state, self.muted)

    def wire(self) -> w.InteractionWire:
        """The interaction on the wire; its revision grows whenever the rest differs from
        the last one given out (every change is given out: answered or streamed)."""
        current = self._content()
        if current != self.shown:
            self.revision += 1
            self.shown = current
        return current.model_copy(update={"revision": self.revision})

    def _content(self) -> w.InteractionWire:
        return w.InteractionWire(
            id=self.id,
            direction=self.direction,
            state=self.state.value,
            muted=self.muted,
            attached_data=self.attached,
            allowed_actions=[a.value for a in self.allowed()],
            created_at=self.created_at,
            state_since=self.state_since,
            end_reason=self.end_reason,
            consult=self.consult.wire(self) if self.consult is not None else None,
            parties=self.consult.parties_wire(self) if self.consult is not None else [],
            wrap_up_code_required=self.policy.wrap_up_code_required,
            acw_limit_seconds=self.policy.acw_limit_seconds,
            wrap_up_blocks_routing=self.policy.wrap_up_blocks_routing,
            closed_by=self.closed_by,
        )

    @property
    def holds_agent(self) -> bool:
        """Whether this interaction keeps its agent from being offered another one."""
        return self.state in LIVE_STATES or (
            self.state == InteractionState.ENDED and self.policy.wrap_up_blocks_routing
        )


@dataclass(slots=True)
class QueueCounters:
    offered: int = 0
    answered: int = 0
    answered_in_target: int = 0
    abandoned: int = 0
    # background load simulated by the scenario engine (or pinned by the control API)
    waiting: int = 0
    oldest_waiting_at: datetime | None = None  # when the oldest of those calls arrived
    pinned: bool = False  # set by PUT /sandbox/queues/{id}/load: the drift leaves it alone


class ContactCenter:
    def __init__(self, config: SandboxConfig, hub: EventHub) -> None:
        self.config = config
        self.hub = hub
        self.listener: Listener = _NoListener()
        self.sessions: dict[str, Session] = {}
        started = now()
        self.agents: dict[str, AgentRuntime] = {
            u.username: AgentRuntime(
                u,
                Agent(
                    id=u.username,
                    name=u.name,
                    state=AgentState.LOGGED_OUT,
                    since=started,
                    role=u.role,
                ),
            )
            for u in DEMO_USERS.values()
        }
        self.calls: dict[str, Call] = {}
        self.counters: dict[str, QueueCounters] = {q.id: QueueCounters() for q in QUEUES}
        self.policies: dict[str, QueuePolicy] = {
            q.id: QueuePolicy(q.wrap_up_code_required, q.acw_limit_seconds) for q in QUEUES
        }
        # every wrap-up stored, in order (GET /sandbox/deliveries: a duplicate shows twice),
        # and the idempotent answers; a file when the sandbox has a state file (app.py)
        self.state_db = StateDb()

    @property
    def deliveries(self) -> list[dict[str, Any]]:
        """The agents' wrap-ups stored so far (not the automatic ACW-limit closes)."""
        return self.state_db.wrap_ups("agent")

    # ------------------------------------------------------------ sessions

    def login(self, request: w.LoginRequest) -> w.LoginResponse:
        user = DEMO_USERS.get(request.username)
        if user is None or not secrets.compare_digest(request.password, DEMO_PASSWORD):
            raise ApiError(401, "invalid_credentials", "unknown user or wrong password")
        runtime = self.agents[user.username]
        token = secrets.token_urlsafe(32)
        expires = now() + timedelta(seconds=self.config.token_ttl_seconds)
        self.sessions[token] = Session(token, user.username, expires)
        runtime.sessions.add(token)
        if runtime.agent.state == AgentState.LOGGED_OUT:
            self._move_agent(user.username, AgentState.NOT_READY, "login")
        return w.LoginResponse(
            token=token,
            expires_at=expires,
            role=user.role,
            capabilities=list(user.capabilities),
            agent=self.agent_wire(user.username),
        )

    def user_for_token(self, token: str | None) -> str | None:
        session = self.sessions.get(token) if token else None
        if session is None:
            return None
        if session.expires_at <= now():
            self._end_session(session)
            return None
        return session.username

    def authenticate(self, token: str | None) -> str:
        username = self.user_for_token(token)
        if username is None:
            raise unauthorized()
        return username

    def logout(self, token: str) -> None:
        session = self.sessions.get(token)
        if session is not None:
            self._end_session(session)

    def _end_session(self, session: Session) -> None:
        self.sessions.pop(session.token, None)
        self.hub.drop_session(session.token)
        runtime = self.agents[session.username]
        runtime.sessions.discard(session.token)
        idle = runtime.agent.state in (AgentState.READY, AgentState.NOT_READY)
        if not runtime.sessions and idle:
            self._move_agent(session.username, AgentState.LOGGED_OUT)

    # ------------------------------------------------------------ agents

    def agent_wire(self, username: str) -> w.AgentWire:
        runtime = self.agents[username]
        a = runtime.agent
        nxt = (
            w.NextStateWire.model_validate(
                {"state": a.next_state.state.value, "reason_code": a.next_state.reason_code}
            )
            if a.next_state
            else None
        )
        return w.AgentWire(
            id=a.id,
            name=a.name,
            state=a.state.value,
            reason_code=a.reason_code,
            since=a.since,
            next_state=nxt,
            role=runtime.user.role,
            queues=list(runtime.user.queues),
        )

    def broadcast(self, event_type: str, data: w.Wire) -> None:
        """Publish one event to every agent who has a session (e.g. expert presence)."""
        for username, runtime in self.agents.items():
            if runtime.sessions:
                self.hub.publish(username, event_type, data)

    def _publish_agent(self, username: str) -> None:
        self.hub.publish(username, "agent.state_changed", self.agent_wire(username))
        self.listener.agent_changed(username)

    def _move_agent(self, username: str, target: AgentState, reason: str | None = None) -> None:
        runtime = self.agents[username]
        runtime.agent = agent_sm.move(runtime.agent, target, now(), reason)
        self._publish_agent(username)

    def _finish_work(self, username: str, override: w.NextStateWire | None = None) -> None:
        runtime = self.agents[username]
        if override is not None:
            runtime.agent = replace(
                runtime.agent,
                next_state=NextState(AgentState(override.state), override.reason_code),
            )
        runtime.agent = agent_sm.finish_work(runtime.agent, now())
        self._publish_agent(username)

    def request_state(self, username: str, request: w.AgentStateRequest) -> w.AgentWire:
        self._check_reason(request.state, request.reason_code)
        runtime = self.agents[username]
        current = runtime.agent
        if (
            current.state == AgentState.READY
            and request.state == "ready"
            and not current.next_state
        ):
            return self.agent_wire(username)  # already there: PUT is idempotent
        try:
            runtime.agent = agent_sm.request_state(
                runtime.agent, AgentState(request.state), now(), request.reason_code
            )
        except agent_sm.InvalidTransition as exc:
            raise ApiError(
                409, "state_change_not_allowed", str(exc), {"state": runtime.agent.state.value}
            ) from exc
        self._publish_agent(username)
        return self.agent_wire(username)

    @staticmethod
    def _check_reason(state: str, reason: str | None) -> None:
        if state == "not_ready" and reason not in NOT_READY_CODES:
            raise ApiError(
                422,
                "invalid_request",
                "not_ready needs a known reason_code",
                {"reason_codes": sorted(NOT_READY_CODES)},
            )

    # ------------------------------------------------------------ calls

    def _new_id(self) -> str:
        return f"int-{uuid.uuid4().hex[:16]}"

    def can_take_call(self, username: str) -> bool:
        runtime = self.agents.get(username)
        if runtime is None or not runtime.user.takes_calls:
            return False
        if runtime.agent.state != AgentState.READY:
            return False
        return not any(c.agent == username and c.holds_agent for c in self.calls.values())

    def offer(
        self,
        username: str,
        attached: w.AttachedDataWire,
        direction: Literal["inbound", "outbound"] = "inbound",
    ) -> Call:
        """Offer a call to ``username``, who must be ready with no open interaction
        (``outbound``: a click-to-call the agent placed, said so from the first event)."""
        if not self.can_take_call(username):
            state = self.agents[username].agent.state.value if username in self.agents else None
            raise ApiError(
                409,
                "agent_unavailable",
                "this agent cannot take a call now",
                {"agent_state": state},
            )
        at = now()
        call = Call(
            id=self._new_id(),
            agent=username,
            state=InteractionState.OFFERED,
            attached=attached,
            created_at=at,
            state_since=at,
            offered_monotonic=time.monotonic(),
            direction=direction,
            policy=replace(self.policies.get(attached.queue_id or "") or QueuePolicy()),
        )
        self.calls[call.id] = call
        if attached.queue_id in self.counters:
            self.counters[attached.queue_id].offered += 1
        loop = asyncio.get_running_loop()
        call.timer = loop.call_later(self.config.offer_timeout, self._no_answer, call.id)
        self.hub.publish(username, "interaction.offered", call.wire())
        self._move_agent(username, AgentState.RESERVED)
        return call

    def snapshot(self, username: str) -> w.InteractionsSnapshot:
        calls = [
            c.wire() for c in self.calls.values() if c.agent == username and c.state in OPEN_STATES
        ]
        return w.InteractionsSnapshot(interactions=calls, last_event_id=self.hub.last_id)

    def _own_call(self, username: str, call_id: str) -> Call:
        call = self.calls.get(call_id)
        if call is None or call.agent != username:
            raise not_found("interaction")
        return call

    def _set_state(
        self, call: Call, target: InteractionState, end_reason: str | None = None
    ) -> None:
        if not call_sm.can_move(call.state, target):
            raise call_sm.InvalidTransition(f"{call.state} -> {target}")
        call.state = target
        call.state_since = now()
        if end_reason is not None:
            call.end_reason = end_reason
        if call.timer is not None and target != InteractionState.OFFERED:
            call.timer.cancel()
            call.timer = None
        if call.acw_timer is not None and target != InteractionState.ENDED:
            call.acw_timer.cancel()
            call.acw_timer = None
        kind = "interaction.closed" if target in call_sm.FINAL_STATES else "interaction.updated"
        self.hub.publish(call.agent, kind, call.wire())
        if target not in LIVE_STATES:
            self.listener.call_finished(call)

    def act(
        self,
        username: str,
        call_id: str,
        action: Action,
        *,
        wrap_up: w.WrapUpRequest | None = None,
        transfer_target: str | None = None,
    ) -> w.InteractionWire:
        """Apply one agent command to an interaction, if its state allows it."""
        call = self._own_call(username, call_id)
        if action == Action.WRAPUP and call.closed_by == "acw_limit" and call.wrap_up is None:
            assert wrap_up is not None
            return self._late_wrap_up(username, call, wrap_up)
        if action not in call.allowed():
            raise ApiError(
                409,
                "action_not_allowed",
                f"{action.value} is not allowed while the interaction is {call.state.value}",
                {"state": call.state.value, "allowed_actions": [a.value for a in call.allowed()]},
            )
        if action == Action.ANSWER:
            self._set_state(call, InteractionState.CONNECTED)
            call.answered_at = call.state_since
            self._count_answer(call)
            self._move_agent(username, AgentState.BUSY)
            self.listener.call_connected(call)
        elif action == Action.REJECT:
            self._set_state(call, InteractionState.REJECTED, "rejected")
            self._finish_work(username)
        elif action in (Action.HOLD, Action.RETRIEVE):
            self._set_state(call, call_sm.ACTION_TARGET[action])
        elif action in (Action.MUTE, Action.UNMUTE):
            call.muted = action == Action.MUTE
            self.hub.publish(username, "interaction.updated", call.wire())
        elif action == Action.DTMF:
            pass  # tones go to the far end; nothing changes here
        elif action == Action.HANGUP:
            self._end_connected(call, "agent_hangup")
        elif action == Action.BLIND_TRANSFER:
            call.transfer_target = transfer_target
            self._end_connected(call, "transferred")
        elif action == Action.WRAPUP:
            assert wrap_up is not None
            self._check_wrap_up(call, wrap_up)
            call.wrap_up = wrap_up
            self.state_db.record_wrap_up(
                call.id, username, "agent", wrap_up.model_dump(mode="json")
            )
            call.closed_by = "wrap_up"
            self._set_state(call, InteractionState.CLOSED)
            self._after_wrap_up(username, call, wrap_up.next_state)
        return call.wire()

    # ------------------------------------------------------------ wrap-up rules

    def _check_wrap_up(self, call: Call, wrap_up: w.WrapUpRequest) -> None:
        if wrap_up.code is not None and wrap_up.code not in WRAP_UP_CODE_SET:
            raise ApiError(
                422,
                "invalid_request",
                "unknown wrap-up code",
                {"wrap_up_codes": sorted(WRAP_UP_CODE_SET)},
            )
        if wrap_up.code is None and call.policy.wrap_up_code_required:
            raise ApiError(
                422,
                "wrap_up_code_required",
                "this queue requires a wrap-up code: choose one and send the wrap-up again",
                {"queue_id": call.attached.queue_id, "wrap_up_codes": sorted(WRAP_UP_CODE_SET)},
            )
        if wrap_up.next_state is not None:
            self._check_reason(wrap_up.next_state.state, wrap_up.next_state.reason_code)

    def _after_wrap_up(self, username: str, call: Call, nxt: w.NextStateWire | None) -> None:
        """The agent leaves after-call work once no interaction holding them is left in
        wrap-up; otherwise the next state asked for is queued (or applied when idle)."""
        runtime = self.agents[username]
        held = any(
            c.agent == username and c is not call and c.holds_agent for c in self.calls.values()
        )
        if runtime.agent.state == AgentState.AFTER_CALL_WORK and not held:
            self._finish_work(username, nxt)
        elif nxt is not None:
            # refused (e.g. logged out meanwhile): the wrap-up itself is stored all the same
            with contextlib.suppress(ApiError):
                self.request_state(
                    username, w.AgentStateRequest(state=nxt.state, reason_code=nxt.reason_code)
                )

    def _late_wrap_up(
        self, username: str, call: Call, wrap_up: w.WrapUpRequest
    ) -> w.InteractionWire:
        """The agent's wrap-up of an interaction the ACW limit closed: stored (once: a
        retry comes back with the same Idempotency-Key), its next state asked for."""
        self._check_wrap_up(call, wrap_up)
        call.wrap_up = wrap_up
        self.state_db.record_wrap_up(
            call.id, username, "agent", wrap_up.model_dump(mode="json"), late=True
        )
        if wrap_up.next_state is not None:
            self._after_wrap_up(username, call, wrap_up.next_state)
        return call.wire()

    def _start_acw(self, call: Call) -> None:
        """Arm the ACW limit of a call that just ended (or again after a restart)."""
        limit = call.policy.acw_limit_seconds
        if call.state != InteractionState.ENDED or not limit:
            return
        left = max(0.0, limit - (now() - call.state_since).total_seconds())
        if call.acw_timer is not None:
            call.acw_timer.cancel()
        call.acw_timer = asyncio.get_running_loop().call_later(left, self.acw_limit, call.id)

    def rearm_acw_timers(self) -> None:
        """After an in-process restart the old loop's timers are gone: arm them again."""
        for call in self.calls.values():
            self._start_acw(call)

    def acw_limit(self, call_id: str) -> bool:
        """The queue's ACW limit passed: the server ends after-call work itself. The call
        closes with an automatic wrap-up (``closed_by: "acw_limit"``) and the agent goes
        to the state queued (else ready). False when the call is no longer in wrap-up."""
        call = self.calls.get(call_id)
        if call is None or call.state != InteractionState.ENDED:
            return False
        call.closed_by = "acw_limit"
        self.state_db.record_wrap_up(
            call.id, call.agent, "acw_limit", {"code": None, "notes": "", "auto": "acw_limit"}
        )
        self._set_state(call, InteractionState.CLOSED)
        self._after_wrap_up(call.agent, call, None)
        return True

    def _count_answer(self, call: Call) -> None:
        counters = self.counters.get(call.attached.queue_id or "")
        queue = QUEUES_BY_ID.get(call.attached.queue_id or "")
        if counters is None or queue is None:
            return
        counters.answered += 1
        waited = call.attached.waited_seconds + (time.monotonic() - call.offered_monotonic)
        if waited <= queue.service_level_target_seconds:
            counters.answered_in_target += 1

    def _end_connected(self, call: Call, reason: str) -> None:
        self._set_state(call, InteractionState.ENDED, reason)
        self._start_acw(call)
        self._move_agent(call.agent, AgentState.AFTER_CALL_WORK)
        if not call.policy.wrap_up_blocks_routing:
            # the wrap-up stays open while the agent takes the next interaction
            self._after_wrap_up(call.agent, call, None)

    def _no_answer(self, call_id: str) -> None:
        call = self.calls.get(call_id)
        if call is None or call.state != InteractionState.OFFERED:
            return
        call.timer = None
        self._set_state(call, InteractionState.MISSED, "no_answer")
        runtime = self.agents[call.agent]
        runtime.agent = replace(runtime.agent, next_state=None)
        self._move_agent(call.agent, AgentState.NOT_READY, "missed")

    def customer_hangup(self, call_id: str) -> w.InteractionWire:
        """The caller hangs up: abandon while offered, end while connected or held."""
        call = self.calls.get(call_id)
        if call is None:
            raise not_found("interaction")
        if call.state == InteractionState.OFFERED:
            self._set_state(call, InteractionState.MISSED, "caller_abandoned")
            if call.attached.queue_id in self.counters:
                self.counters[call.attached.queue_id or ""].abandoned += 1
            self._finish_work(call.agent)
        elif call.state in (InteractionState.CONNECTED, InteractionState.HELD):
            self._end_connected(call, "customer_hangup")
        else:
            raise wrong_state(
                f"the customer is no longer on the line ({call.state.value})", call.state.value
            )
        return call.wire()

    # ------------------------------------------------------------ statistics

    def queue_waiting(self, queue_id: str) -> tuple[int, datetime | None]:
        """Calls waiting in a queue (the background load and the calls still ringing) and
        when the oldest of them arrived (the IVR's ``waited_seconds`` before the offer)."""
        c = self.counters[queue_id]
        ringing = [
            call.created_at - timedelta(seconds=call.attached.waited_seconds)
            for call in self.calls.values()
            if call.state == InteractionState.OFFERED and call.attached.queue_id == queue_id
        ]
        arrivals = ringing + ([c.oldest_waiting_at] if c.waiting and c.oldest_waiting_at else [])
        return c.waiting + len(ringing), min(arrivals, default=None)

    def queue_stats(self) -> w.QueueStatsList:
        out = []
        for queue in QUEUES:
            c = self.counters[queue.id]
            members = [
                r.agent
                for r in self.agents.values()
                if queue.id in r.user.queues and r.user.takes_calls
            ]
            by_state = {s: sum(1 for a in members if a.state == s) for s in AgentState}
            reasons: dict[str, int] = {}
            for a in members:
                if a.state == AgentState.NOT_READY and a.reason_code:
                    reasons[a.reason_code] = reasons.get(a.reason_code, 0) + 1
            waiting, oldest = self.queue_waiting(queue.id)
            finished = c.answered + c.abandoned
            out.append(
                w.QueueStatsWire(
                    queue_id=queue.id,
                    name=queue.name,
                    waiting=waiting,
                    longest_wait_seconds=wait_seconds(oldest),
                    service_level=round(c.answered_in_target / c.answered, 3)
                    if c.answered
                    else 1.0,
                    service_level_target_seconds=queue.service_level_target_seconds,
                    abandon_rate=round(c.abandoned / finished, 3) if finished else 0.0,
                    agents_ready=by_state[AgentState.READY],
                    agents_busy=by_state[AgentState.BUSY] + by_state[AgentState.RESERVED],
                    agents_after_call_work=by_state[AgentState.AFTER_CALL_WORK],
                    agents_not_ready=by_state[AgentState.NOT_READY],
                    not_ready_by_reason=reasons,
                )
            )
        return w.QueueStatsList(queues=out, at=now())

    def shutdown(self) -> None:
        for call in self.calls.values():
            if call.timer is not None:
                call.timer.cancel()
                call.timer = None
            if call.acw_timer is not None:
                call.acw_timer.cancel()
                call.acw_timer = None
