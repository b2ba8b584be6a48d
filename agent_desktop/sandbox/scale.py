"""The scale option: a simulated contact centre of thousands of agents and hundreds of queues.

It exists so the supervisor's wallboard can be shown and measured under a realistic load:
calls arrive in queues, are answered by ready agents of the queue (or abandoned when they
wait too long), end, are wrapped up; agents go on lunch, break, training and come back.
It is deterministic for a seed and driven by :meth:`ScaleSimulation.step`, so tests run it
as fast as they like; :meth:`ScaleSimulation.run` drives it in real time on the server loop.
"""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from agent_desktop.protocol import schemas as w

THEMES = (
    "Particuliers",
    "Professionnels",
    "Cartes",
    "Crédit immobilier",
    "Épargne",
    "Assurance auto",
    "Assurance habitation",
    "Énergie",
    "Mobile",
    "Internet",
    "Résiliations",
    "Recouvrement",
    "Fraude",
    "Successions",
    "Entreprises",
    "Bourse",
    "Prévoyance",
    "Santé",
    "Voyages",
    "Support technique",
)
SITES = ("Lyon", "Nantes", "Lille", "Rennes", "Bordeaux", "Dijon", "Tours", "Metz", "Pau", "Caen")
FIRST = ("Léa", "Hugo", "Chloé", "Louis", "Emma", "Jules", "Inès", "Tom", "Manon", "Nathan")
LAST = ("Bernard", "Petit", "Durand", "Moreau", "Simon", "Laurent", "Michel", "Garcia", "Roux")
PAUSES = ("lunch", "break", "training", "meeting", "back_office")


@dataclass(slots=True)
class SimQueue:
    id: str
    name: str
    target: int  # service-level target, seconds
    patience: float  # mean seconds a caller waits before hanging up
    load: float = 1.0  # relative arrival rate: a few queues are always under pressure
    waiting: deque[float] = field(default_factory=deque)  # arrival times
    members: list[str] = field(default_factory=list)
    answered: int = 0
    in_target: int = 0
    abandoned: int = 0


@dataclass(slots=True)
class SimAgent:
    id: str
    name: str
    queues: list[str]
    state: str = "ready"
    reason: str | None = None
    since: float = 0.0
    call: str | None = None
    call_queue: str | None = None


class ScaleSimulation:
    """A synthetic centre; :meth:`step` advances it and says what changed.

    Attributes:
        t: the simulated time in seconds since the start.
        events: how many changes it has produced so far.
    """

    def __init__(self, agents: int = 2000, queues: int = 200, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.t = 0.0
        self.events = 0
        self.started = datetime.now(UTC)
        self.queues: dict[str, SimQueue] = {}
        for i in range(queues):
            theme = THEMES[i % len(THEMES)]
            site = SITES[(i // len(THEMES)) % len(SITES)]
            qid = f"q{i + 1:03d}"
            self.queues[qid] = SimQueue(
                qid,
                f"{theme} {site}" if queues > len(THEMES) else theme,
                self.rng.choice((15, 20, 30, 60)),
                self.rng.uniform(40, 180),
                self.rng.lognormvariate(0, 0.8),
            )
        qids = list(self.queues)
        self.agents: dict[str, SimAgent] = {}
        for i in range(agents):
            aid = f"a{i + 1:04d}"
            home = qids[i % len(qids)]
            extra = self.rng.sample(qids, k=min(2, len(qids)))
            member_of = list(dict.fromkeys([home, *extra]))
            state = self.rng.choices(
                ("ready", "busy", "after_call_work", "not_ready"), (4, 4, 1, 1)
            )[0]
            agent = SimAgent(
                aid,
                f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} ({aid})",
                member_of,
                state,
                self.rng.choice(PAUSES) if state == "not_ready" else None,
                -self.rng.uniform(0, 600),
            )
            if state == "busy":
                agent.call, agent.call_queue = f"sim-{aid}-0", home
            self.agents[aid] = agent
            for qid in member_of:
                self.queues[qid].members.append(aid)

    # ---------------------------------------------------------------- simulation

    def step(self, count: int, dt: float = 0.1) -> tuple[set[str], set[str]]:
        """Apply ``count`` random changes over ``dt`` simulated seconds.

        Returns the ids of the queues and of the agents that changed.
        """
        queues: set[str] = set()
        agents: set[str] = set()
        qids = list(self.queues)
        loads = [q.load for q in self.queues.values()]
        aids = list(self.agents)
        for _i in range(count):
            self.t += dt / max(count, 1)
            roll = self.rng.random()
            if roll < 0.15:  # a call arrives
                qid = self.rng.choices(qids, loads)[0]
                self.queues[qid].waiting.append(self.t)
                queues.add(qid)
                self._answer(qid, queues, agents)
            elif roll < 0.25:  # the longest waiter of a queue may give up
                qid = self.rng.choice(qids)
                q = self.queues[qid]
                if q.waiting and self.t - q.waiting[0] > self.rng.expovariate(1 / q.patience):
                    q.waiting.popleft()
                    q.abandoned += 1
                    queues.add(qid)
            else:  # an agent moves on
                agent = self.agents[self.rng.choice(aids)]
                self._move(agent, queues, agents)
            self.events += 1
        # callers waiting in queues with no one ready get answered as agents free up
        return queues, agents

    def _set(self, agent: SimAgent, state: str, reason: str | None = None) -> None:
        agent.state, agent.reason, agent.since = state, reason, self.t

    def _answer(self, qid: str, queues: set[str], agents: set[str]) -> None:
        q = self.queues[qid]
        while q.waiting:
            ready = [a for a in q.members if self.agents[a].state == "ready"]
            if not ready:
                return
            agent = self.agents[self.rng.choice(ready)]
            arrived = q.waiting.popleft()
            q.answered += 1
            if self.t - arrived <= q.target:
                q.in_target += 1
            self._set(agent, "busy")
            agent.call, agent.call_queue = f"sim-{agent.id}-{self.events}", qid
            agents.add(agent.id)
            queues.update(agent.queues)

    def _move(self, agent: SimAgent, queues: set[str], agents: set[str]) -> None:
        if agent.state == "busy":
            if self.rng.random() < 0.6:  # calls last longer than the rest
                return
            self._set(agent, "after_call_work")
        elif agent.state == "after_call_work":
            agent.call = agent.call_queue = None
            if self.rng.random() < 0.08:
                self._set(agent, "not_ready", self.rng.choice(PAUSES))
            else:
                self._set(agent, "ready")
        elif agent.state == "ready":
            if self.rng.random() < 0.15:
                self._set(agent, "not_ready", self.rng.choice(PAUSES))
            else:
                return
        elif agent.state == "not_ready":
            if self.rng.random() < 0.5:
                self._set(agent, "ready")
            else:
                return
        agents.add(agent.id)
        queues.update(agent.queues)
        if agent.state == "ready":
            for qid in agent.queues:
                if self.queues[qid].waiting:
                    self._answer(qid, queues, agents)
                    break

    # ---------------------------------------------------------------- wire

    def _at(self, t: float) -> datetime:
        """Simulated time on the wall clock: it started when the simulation was made and,
        run in real time, keeps pace with it (stepping by hand runs ahead)."""
        return self.started + timedelta(seconds=t)

    def queue_wire(self, qid: str) -> w.QueueStatsWire:
        q = self.queues[qid]
        counts = {"ready": 0, "busy": 0, "after_call_work": 0, "not_ready": 0}
        reasons: dict[str, int] = {}
        for aid in q.members:
            a = self.agents[aid]
            counts[a.state] = counts.get(a.state, 0) + 1
            if a.state == "not_ready" and a.reason:
                reasons[a.reason] = reasons.get(a.reason, 0) + 1
        finished = q.answered + q.abandoned
        return w.QueueStatsWire(
            queue_id=q.id,
            name=q.name,
            waiting=len(q.waiting),
            longest_wait_seconds=int(self.t - q.waiting[0]) if q.waiting else 0,
            service_level=round(q.in_target / q.answered, 3) if q.answered else 1.0,
            service_level_target_seconds=q.target,
            abandon_rate=round(q.abandoned / finished, 3) if finished else 0.0,
            agents_ready=counts["ready"],
            agents_busy=counts["busy"],
            agents_after_call_work=counts["after_call_work"],
            agents_not_ready=counts["not_ready"],
            not_ready_by_reason=reasons,
        )

    def agent_wire(self, aid: str) -> w.RosterEntryWire:
        a = self.agents[aid]
        return w.RosterEntryWire.model_validate(
            {
                "id": a.id,
                "name": a.name,
                "state": a.state,
                "reason_code": a.reason,
                "since": self._at(a.since),
                "queues": a.queues,
                "interaction_id": a.call,
                "interaction_queue": a.call_queue,
            }
        )

    # ---------------------------------------------------------------- real time

    async def run(
        self,
        publish: Callable[[set[str], set[str]], None],
        events_per_second: float,
        tick: float = 0.1,
        speed: float = 1.0,
    ) -> None:
        """Step every ``tick`` seconds at ``events_per_second`` and publish the changes.

        Simulated time runs ``speed`` times as fast as real time (1: waits and times in
        state are real ones).
        """
        loop = asyncio.get_running_loop()
        carry = 0.0
        last = loop.time()
        while True:
            await asyncio.sleep(tick)
            now = loop.time()
            carry += events_per_second * (now - last)
            count, carry = int(carry), carry - int(carry)
            queues, agents = self.step(count, (now - last) * speed)
            last = now
            if queues or agents:
                publish(queues, agents)
