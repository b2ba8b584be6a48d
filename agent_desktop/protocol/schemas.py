"""JSON bodies of gateway protocol v1, as pydantic v2 models.

Unknown fields are ignored (a newer server may add some); wrong types are rejected.
Timestamps are ISO 8601 with a timezone. Phone numbers in customer records are E.164;
the caller number in attached data is as the network presented it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Wire(BaseModel):
    # Validators are built on first use: the desktop uses a handful of these models at
    # start-up, and building all of them cost ~45 ms of its start (docs/performance.md).
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


def build_all_now() -> None:
    """Build every wire model's validator (subclasses made elsewhere too) and stop
    deferring, for a program that uses them all: the sandbox, before FastAPI reads them
    to make its routes. (FastAPI wraps a body model in ``Annotated[Model, Field(...)]``;
    a deferred type adapter of that fails on first use with pydantic 2.14.)"""
    pending: list[type[Wire]] = [Wire]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        model.model_config["defer_build"] = False
        if not model.__pydantic_complete__:
            model.model_rebuild()


# ---------------------------------------------------------------- errors


class ErrorBody(Wire):
    code: str = Field(description="machine-readable error code, e.g. `action_not_allowed`")
    message: str = Field(description="a human message, in English")
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(Wire):
    error: ErrorBody


# ---------------------------------------------------------------- sessions and agent


class LoginRequest(Wire):
    username: str = Field(max_length=200)
    password: str = Field(max_length=500)


class NextStateWire(Wire):
    state: Literal["ready", "not_ready"]
    reason_code: str | None = None


class AgentWire(Wire):
    id: str
    name: str
    state: Literal["logged_out", "not_ready", "ready", "reserved", "busy", "after_call_work"]
    reason_code: str | None = None
    since: datetime
    next_state: NextStateWire | None = None
    role: Literal["agent", "supervisor"] = "agent"
    queues: list[str] = Field(default_factory=list, description="ids of the agent's queues")


class LoginResponse(Wire):
    token: str
    expires_at: datetime
    role: Literal["agent", "supervisor"]
    capabilities: list[str] = Field(
        description="what this user may do, e.g. `calls`, `wallboard`, `agents.read`"
    )
    agent: AgentWire
    protocol_version: str = "1"


class AgentStateRequest(Wire):
    state: Literal["ready", "not_ready"]
    reason_code: str | None = None


class AgentList(Wire):
    """The roster a supervisor sees (``GET /v1/agents``)."""

    agents: list[AgentWire]


# ---------------------------------------------------------------- interactions


class AttachedDataWire(Wire):
    caller_number: str | None = None
    customer_id: str | None = None
    intent: str | None = None
    intent_label: str | None = None
    language: str | None = None
    vip: bool = False
    queue_id: str | None = None
    queue_name: str | None = None
    waited_seconds: int = 0
    extra: dict[str, Any] = Field(default_factory=dict)


InteractionStateName = Literal[
    "offered", "connected", "held", "ended", "closed", "rejected", "missed"
]
ActionName = Literal[
    "answer",
    "reject",
    "hold",
    "retrieve",
    "mute",
    "unmute",
    "dtmf",
    "hangup",
    "blind_transfer",
    "wrapup",
]


class HandoverContextWire(Wire):
    """What a consult or transfer hands over to the expert (the sandbox records it)."""

    customer_id: str | None = Field(default=None, max_length=64)
    intent: str | None = Field(default=None, max_length=200)
    summary: str = Field(default="", max_length=5000)
    note: str = Field(default="", max_length=5000, description="the advisor's note")


ConsultStateName = Literal[
    "dialing", "ringing", "connected", "transferred", "conferenced", "cancelled", "failed"
]
ConsultActionName = Literal["transfer", "conference", "swap", "cancel"]


class ConsultWire(Wire):
    """The consult leg of an interaction (one per call)."""

    id: str
    expert_id: str
    expert_name: str
    state: ConsultStateName
    since: datetime
    failure: Literal["no_answer", "busy", "declined", "expert_hangup"] | None = None
    talking_to: Literal["expert", "customer"] = "expert"
    allowed: list[ConsultActionName] = Field(default_factory=list)
    context: HandoverContextWire = Field(default_factory=HandoverContextWire)


class PartyWire(Wire):
    """A conference party."""

    id: str
    role: Literal["customer", "agent", "expert"]
    name: str
    state: Literal["connected", "held", "muted", "left"]


class ConsultRequest(Wire):
    expert_id: str = Field(min_length=1, max_length=64)
    context: HandoverContextWire = Field(default_factory=HandoverContextWire)


class InteractionWire(Wire):
    id: str
    channel: Literal["voice"] = "voice"
    direction: Literal["inbound", "outbound"] = "inbound"
    state: InteractionStateName
    muted: bool = False
    attached_data: AttachedDataWire
    allowed_actions: list[ActionName]
    created_at: datetime
    state_since: datetime
    end_reason: str | None = None
    consult: ConsultWire | None = None
    parties: list[PartyWire] = Field(
        default_factory=list, description="conference parties (empty unless conferenced)"
    )
    wrap_up_code_required: bool = Field(
        default=False, description="the queue requires a wrap-up code (422 without one)"
    )
    acw_limit_seconds: int | None = Field(
        default=None, description="the queue's after-call work limit, in seconds"
    )
    wrap_up_blocks_routing: bool = Field(
        default=True,
        description="while this interaction waits for its wrap-up the agent gets no new"
        " interaction (false: the agent is routed again at once, the wrap-up stays open)",
    )
    closed_by: Literal["wrap_up", "acw_limit"] | None = Field(
        default=None,
        description="why a closed interaction closed: the agent's wrap-up, or the queue's"
        " ACW limit (the server ended after-call work; a late wrap-up is still accepted)",
    )
    revision: int = Field(
        default=0,
        ge=0,
        description="grows each time anything in this interaction changes (0: not counted);"
        " of two snapshots with the same state_since, the lower revision is the older",
    )


class InteractionsSnapshot(Wire):
    interactions: list[InteractionWire]
    last_event_id: int = Field(description="id of the last event included in this snapshot")


class DtmfRequest(Wire):
    digits: str = Field(pattern=r"^[0-9*#ABCD]{1,32}$")


class BlindTransferRequest(Wire):
    target: str = Field(min_length=1, max_length=64, description="a queue id or an E.164 number")


class FollowUpWire(Wire):
    kind: Literal["callback", "follow_up"]
    due: datetime
    phone: str | None = Field(default=None, max_length=40)
    note: str = Field(default="", max_length=2_000)


class WrapUpRequest(Wire):
    code: str | None = None
    notes: str = Field(default="", max_length=20_000)
    first_contact_resolution: bool | None = None
    next_state: NextStateWire | None = None
    follow_up: FollowUpWire | None = None


# ---------------------------------------------------------------- customers


class ProductWire(Wire):
    id: str
    name: str
    kind: str
    status: str = "active"
    since: date | None = None


class AddressWire(Wire):
    street: str
    postcode: str
    city: str
    country: str = "FR"


class CustomerWire(Wire):
    id: str
    first_name: str
    last_name: str
    segment: str
    language: str = "fr"
    vip: bool = False
    phones: list[str] = Field(default_factory=list)
    email: str | None = None
    address: AddressWire | None = None
    products: list[ProductWire] = Field(default_factory=list)
    customer_since: date | None = None


class CustomerMatches(Wire):
    matches: list[CustomerWire]


# ---------------------------------------------------------------- history, KB, experts, queues


class HistoryItemWire(Wire):
    id: str
    customer_id: str
    channel: Literal["voice", "email", "chat", "sms", "social", "callback", "letter", "web"]
    direction: Literal["inbound", "outbound"]
    at: datetime
    queue: str | None = None
    agent: str | None = None
    reason: str | None = None
    outcome: str | None = None
    summary: str = ""
    body: str | None = Field(default=None, description="full text; only in GET of one item")


class HistoryPage(Wire):
    items: list[HistoryItemWire]
    next_cursor: str | None = None
    total: int


class ArticleWire(Wire):
    id: str
    language: Literal["fr", "en"]
    title: str
    body: str = Field(description="Markdown")
    tags: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list, description="example phrasings")
    updated_at: datetime | None = None


class ArticleList(Wire):
    """The knowledge base itself, a page at a time, for a client's local index."""

    articles: list[ArticleWire]
    next_cursor: str | None = Field(
        default=None, description="where the next page starts; null on the last page"
    )


class ArticleHit(Wire):
    id: str
    language: Literal["fr", "en"]
    title: str
    snippet: str
    score: float


class KbSearchResult(Wire):
    hits: list[ArticleHit]


class ArticleFeedbackRequest(Wire):
    helpful: bool
    context: str = Field(
        default="", max_length=2000, description="what the advisor was looking for (optional)"
    )


class ArticleFeedbackAck(Wire):
    article_id: str
    helpful: int = Field(description="helpful votes so far")
    not_helpful: int = Field(description="not-helpful votes so far")


class ArticleSubmission(Wire):
    """A new article, or a fix to ``replaces`` (an existing article id), for review."""

    language: Literal["fr", "en"]
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=50_000, description="Markdown")
    questions: list[str] = Field(default_factory=list, max_length=50)
    replaces: str | None = Field(default=None, description="the article this fixes, if any")


class SubmissionAck(Wire):
    id: str
    status: Literal["pending_review", "accepted", "rejected"] = "pending_review"
    submitted_at: datetime
    title: str = ""
    replaces: str | None = None


class SubmissionList(Wire):
    """The user's own article submissions, newest first."""

    submissions: list[SubmissionAck]


class ExpertWire(Wire):
    id: str
    name: str
    department: str
    skills: list[str]
    presence: Literal["available", "busy", "in_a_call", "away", "do_not_disturb", "offline"]
    presence_since: datetime
    phone: str | None = None


class ExpertList(Wire):
    experts: list[ExpertWire]


class QueueStatsWire(Wire):
    queue_id: str
    name: str
    waiting: int
    longest_wait_seconds: int
    service_level: float = Field(description="share answered within target, 0..1")
    service_level_target_seconds: int
    abandon_rate: float
    agents_ready: int
    agents_busy: int
    agents_after_call_work: int
    agents_not_ready: int
    not_ready_by_reason: dict[str, int] = Field(default_factory=dict)


class QueueStatsList(Wire):
    queues: list[QueueStatsWire]
    at: datetime


class CodeWire(Wire):
    code: str
    label_fr: str
    label_en: str


class CodeLists(Wire):
    wrap_up: list[CodeWire]
    not_ready: list[CodeWire]
    contact_reasons: list[CodeWire] = Field(
        default_factory=list,
        description="Why customers contact us: the codes of `attached.intent` and of "
        "history items' `reason`, with their labels (optional: may be empty).",
    )


# ---------------------------------------------------------------- events (SSE)


class TranscriptSegmentWire(Wire):
    interaction_id: str
    speaker: Literal["customer", "agent"]
    text: str
    at: datetime


class StreamReset(Wire):
    reason: Literal["replay_unavailable", "server_restarted"]
    message: str = ""


class EventEnvelope(Wire):
    """The `data:` of every SSE event: the SSE `id` and `event` fields repeat `id` and `type`."""

    id: int
    type: str
    at: datetime
    data: dict[str, Any]


# event type -> model of its `data`
EVENT_TYPES: dict[str, type[Wire]] = {
    "agent.state_changed": AgentWire,
    "interaction.offered": InteractionWire,
    "interaction.updated": InteractionWire,
    "interaction.closed": InteractionWire,
    "interaction.transcript": TranscriptSegmentWire,
    "expert.presence_changed": ExpertWire,
    "stream.reset": StreamReset,
}


# ---------------------------------------------------------------- supervisor wallboard


class RosterEntryWire(Wire):
    """One agent as the supervisor's roster shows it (``GET /v1/wallboard/events``)."""

    id: str
    name: str
    state: Literal["logged_out", "not_ready", "ready", "reserved", "busy", "after_call_work"]
    reason_code: str | None = None
    since: datetime
    queues: list[str] = Field(default_factory=list)
    interaction_id: str | None = Field(default=None, description="the call in progress, if any")
    interaction_queue: str | None = Field(default=None, description="the queue of that call")


class WallboardSnapshot(Wire):
    """The first event of the wallboard stream: every queue and every agent."""

    queues: list[QueueStatsWire]
    agents: list[RosterEntryWire]
    at: datetime


# wallboard stream event type -> model of its `data` (sent without an envelope or id)
WALLBOARD_EVENT_TYPES: dict[str, type[Wire]] = {
    "wallboard.snapshot": WallboardSnapshot,
    "queue.stats": QueueStatsWire,
    "roster.agent": RosterEntryWire,
}


class QueueKpiWire(Wire):
    queue_id: str
    name: str
    waiting: int
    longest_wait_seconds: int
    oldest_waiting_since: datetime | None = Field(
        default=None,
        description="when the oldest call still waiting arrived (null when none waits): "
        "the longest wait goes on growing from it without a new event",
    )


class AgentKpisWire(Wire):
    """The advisor's banner (``GET /v1/agent/kpis`` and the ``agent.kpis`` event): their
    queues now and their day."""

    queues: list[QueueKpiWire]
    handled: int = Field(description="calls answered and wrapped up today")
    average_handling_seconds: int = Field(
        description="mean handling time of those calls, from the answer to the end of the "
        "wrap-up (talk, hold and after-call work), rounded to the second"
    )
    at: datetime


# Sent on `GET /v1/events?include=agent.kpis` only. Unnumbered: no SSE `id`, envelope id 0,
# never buffered or replayed (each one carries the whole current value).
EVENT_TYPES["agent.kpis"] = AgentKpisWire
UNNUMBERED_EVENT_TYPES = frozenset({"agent.kpis"})


# ---------------------------------------------------------------- extended agents


class CallbackWire(Wire):
    """A call to return: a missed inbound call or a callback the customer asked for."""

    id: str
    kind: Literal["unanswered", "callback"]
    customer_id: str | None = None
    name: str = Field(default="", description="the customer's name, when known")
    phone: str
    queue_id: str | None = None
    note: str = ""
    at: datetime = Field(description="when the call was missed, or when the callback is due")
    status: Literal["open", "in_progress", "done"] = "open"


class CallbackList(Wire):
    callbacks: list[CallbackWire]


class OutboundRequest(Wire):
    """``POST /v1/interactions``: call a customer now (click-to-call)."""

    phone: str = Field(min_length=3, max_length=40)
    customer_id: str | None = Field(default=None, max_length=64)
    callback_id: str | None = Field(default=None, max_length=64)
