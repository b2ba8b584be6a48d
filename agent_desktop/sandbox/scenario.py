"""The scenario engine: what the outside world does to the contact centre.

It offers calls to ready agents (auto-calls), builds realistic IVR attached data (caller
numbers in the formats networks really present, customers identified or not, shared and
unknown numbers), speaks the live transcript of connected calls, drifts expert presence
and the background load of each queue. Seeded, and run only on the server's loop.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.interaction import InteractionState
from agent_desktop.protocol import schemas as w
from agent_desktop.sandbox.center import Call, ContactCenter, now
from agent_desktop.sandbox.consult import ConsultDesk
from agent_desktop.sandbox.data.history import CONTENT
from agent_desktop.sandbox.data.intents import INTENTS, INTENTS_BY_CODE, Intent
from agent_desktop.sandbox.data.reference import PRESENCES, QUEUES_BY_ID
from agent_desktop.sandbox.errors import ApiError
from agent_desktop.sandbox.store import CallerPick, Store

log = logging.getLogger(__name__)


def present_number(e164: str, rng: random.Random) -> str:
    """``e164`` as a network or an IVR might present it: ``06 12 34 56 78``, ``0033…``…"""
    if not e164.startswith("+33") or len(e164) != 12:
        return e164 if rng.random() < 0.5 else "00" + e164[1:]
    national = "0" + e164[3:]
    pairs = " ".join(national[i : i + 2] for i in range(0, 10, 2))
    choices = (
        pairs,
        "+33 " + e164[3] + " " + " ".join(e164[i : i + 2] for i in range(4, 12, 2)),
        "0033" + e164[3:],
        e164,
        national,
        national[:2] + "." + ".".join(national[i : i + 2] for i in range(2, 10, 2)),
    )
    return rng.choice(choices)


@dataclass(slots=True)
class Expert:
    id: str
    name: str
    department: str
    skills: list[str]
    presence: str
    presence_since: datetime
    phone: str | None

    def wire(self) -> w.ExpertWire:
        return w.ExpertWire(
            id=self.id,
            name=self.name,
            department=self.department,
            skills=self.skills,
            presence=self.presence,  # type: ignore[arg-type]
            presence_since=self.presence_since,
            phone=self.phone,
        )


class Scenario:
    def __init__(self, center: ContactCenter, store: Store) -> None:
        import json

        self.center = center
        self.store = store
        self.config = center.config
        self.rng = random.Random(f"scenario-{self.config.seed}")
        self.callers: list[CallerPick] = store.caller_picks()
        self.shared_numbers = store.shared_numbers()
        self.unknown_numbers = store.unknown_numbers()
        started = now()
        self.experts: dict[str, Expert] = {
            r["id"]: Expert(
                r["id"], r["name"], r["department"], json.loads(r["skills"]), r["presence"],
                started, r["phone"],
            )
            for r in store.experts()
        }  # fmt: skip
        self._call_timers: dict[str, asyncio.TimerHandle] = {}
        self._last_state: dict[str, AgentState] = {}
        self._transcripts: dict[str, asyncio.Task[None]] = {}
        self._background: set[asyncio.Task[None]] = set()
        center.listener = self
        self.consults = ConsultDesk(center, self)

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self._spawn(self._drift_presence())
        self._spawn(self._drift_queue_load())

    def stop(self) -> None:
        self.consults.shutdown()
        for handle in self._call_timers.values():
            handle.cancel()
        self._call_timers.clear()
        for task in [*self._transcripts.values(), *self._background]:
            task.cancel()

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    def set_options(
        self, auto_calls: bool | None = None, transcript_interval: float | None = None
    ) -> None:
        if transcript_interval is not None:
            self.config.transcript_interval = transcript_interval
        if auto_calls is not None:
            self.config.auto_calls = auto_calls
            for username in self.center.agents:
                self.agent_changed(username)

    # ------------------------------------------------------------ listener hooks

    def agent_changed(self, username: str) -> None:
        state = self.center.agents[username].agent.state
        previous = self._last_state.get(username)
        self._last_state[username] = state
        ready = state == AgentState.READY
        handle = self._call_timers.get(username)
        if not (self.config.auto_calls and ready and self.center.can_take_call(username)):
            if handle is not None:
                handle.cancel()
                del self._call_timers[username]
            return
        if handle is not None:
            return
        if previous in (AgentState.AFTER_CALL_WORK, AgentState.RESERVED, AgentState.READY):
            # the next call after one just handled
            delay = self.config.call_interval * self.rng.uniform(0.5, 1.5)
        else:
            delay = self.config.first_call_delay * self.rng.uniform(0.4, 1.0)
        loop = asyncio.get_running_loop()
        self._call_timers[username] = loop.call_later(delay, self._auto_call, username)

    def call_connected(self, call: Call) -> None:
        if self.config.transcript_interval > 0:
            self._transcripts[call.id] = self._spawn(self._speak(call))

    def call_finished(self, call: Call) -> None:
        task = self._transcripts.pop(call.id, None)
        if task is not None:
            task.cancel()

    # ------------------------------------------------------------ calls

    def _auto_call(self, username: str) -> None:
        self._call_timers.pop(username, None)
        if not self.center.can_take_call(username):
            return
        try:
            self.offer_call(username)
        except ApiError:
            log.exception("automatic call could not be offered")

    def _pick_intent(self, queue_ids: tuple[str, ...], language: str | None = None) -> Intent:
        fitting = [i for i in INTENTS if i.queue_id in queue_ids]
        return self.rng.choice(fitting or list(INTENTS))

    def offer_call(
        self,
        username: str,
        *,
        phone: str | None = None,
        customer_id: str | None = None,
        intent: str | None = None,
        language: str | None = None,
        vip: bool | None = None,
        queue_id: str | None = None,
        waited_seconds: int | None = None,
        identified_by_ivr: bool | None = None,
    ) -> Call:
        """Offer a call, filling every field not given with something plausible."""
        rng = self.rng
        explicit_phone = phone is not None
        queues = self.center.agents[username].user.queues if username in self.center.agents else ()
        caller: CallerPick | None = None
        if customer_id is not None:
            caller = next((c for c in self.callers if c.id == customer_id), None)
            if caller is None:
                raise ApiError(404, "not_found", "customer not found")
        elif phone is None:
            roll = rng.random()
            if roll < 0.12 and self.shared_numbers:
                phone = rng.choice(self.shared_numbers)
                identified_by_ivr = False
            elif roll < 0.22 and self.unknown_numbers:
                phone = rng.choice(self.unknown_numbers)
                identified_by_ivr = False
            else:
                caller = rng.choice(self.callers)
        if caller is not None and phone is None:
            phone = caller.phones[0] if caller.phones else None
        if identified_by_ivr is None:
            identified_by_ivr = caller is not None and rng.random() < 0.5
        language = language or (
            caller.language if caller else ("fr" if rng.random() < 0.9 else "en")
        )
        chosen = INTENTS_BY_CODE.get(intent or "") or self._pick_intent(queues or ("particuliers",))
        if queue_id is None:
            queue_id = (
                chosen.queue_id
                if chosen.queue_id in queues
                else (queues[0] if queues else chosen.queue_id)
            )
        queue = QUEUES_BY_ID.get(queue_id)
        attached = w.AttachedDataWire(
            caller_number=(present_number(phone, rng) if phone and not explicit_phone else phone),
            customer_id=caller.id if caller and identified_by_ivr else None,
            intent=chosen.code,
            intent_label=chosen.label(language),
            language=language,
            vip=vip if vip is not None else bool(caller and caller.vip),
            queue_id=queue_id,
            queue_name=queue.name if queue else queue_id,
            waited_seconds=waited_seconds if waited_seconds is not None else rng.randint(3, 140),
            extra={"ivr_path": f"menu>{chosen.family}>{chosen.code}"},
        )
        return self.center.offer(username, attached)

    # ------------------------------------------------------------ transcript

    async def _speak(self, call: Call) -> None:
        language = call.attached.language or "fr"
        text = CONTENT.get(language, CONTENT["fr"])
        intent = INTENTS_BY_CODE.get(call.attached.intent or "")
        first_name = self.center.agents[call.agent].user.name.split()[0]
        lines: list[tuple[str, str]] = [("agent", text.AGENT_GREETING.format(agent=first_name))]
        if intent is not None:
            lines.append(("customer", intent.opening(language)))
            lines.extend(text.TRANSCRIPT_FLOW[intent.family])
        lines += [("agent", text.AGENT_CLOSING), ("customer", text.CUSTOMER_CLOSING)]
        for speaker, utterance in lines:
            interval = self.config.transcript_interval
            if interval <= 0:
                return
            await asyncio.sleep(interval * self.rng.uniform(0.67, 1.33))
            if call.state == InteractionState.HELD:
                continue  # nobody speaks while the customer is on hold: the line is lost
            if call.state != InteractionState.CONNECTED:
                return
            segment = w.TranscriptSegmentWire.model_validate(
                {"interaction_id": call.id, "speaker": speaker, "text": utterance, "at": now()}
            )
            self.center.hub.publish(call.agent, "interaction.transcript", segment)

    # ------------------------------------------------------------ background drift

    async def _drift_presence(self) -> None:
        while True:
            await asyncio.sleep(self.config.presence_interval * self.rng.uniform(0.5, 1.5))
            expert = self.rng.choice(list(self.experts.values()))
            weights = (40, 15, 20, 10, 8, 7)
            self.consults.set_presence(expert, self.rng.choices(PRESENCES, weights)[0])

    async def _drift_queue_load(self) -> None:
        while True:
            for counters in self.center.counters.values():
                if counters.pinned:
                    continue
                counters.waiting = max(
                    0, min(12, counters.waiting + self.rng.choice((-1, 0, 0, 1)))
                )
                waited = self.rng.randint(5, 40 + 25 * counters.waiting)
                counters.oldest_waiting_at = (
                    now() - timedelta(seconds=waited) if counters.waiting else None
                )
            self.center.hub.touch()  # the advisors' banners may have changed
            await asyncio.sleep(5.0)
