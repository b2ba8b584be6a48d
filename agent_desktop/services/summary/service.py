"""Picks the provider, redacts, streams, falls back, and caches the customer summary.

The local summary is always computed first (it is instant and needs no network). With a
remote provider configured, the redacted history and transcript are sent to it and its
text streams into the panel; a timeout or any error falls back to the local summary with
a note saying why. Summaries are cached per customer, history version and language, so
re-opening a customer costs nothing; ``force`` regenerates.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Sequence
from contextlib import aclosing
from dataclasses import dataclass
from datetime import UTC, datetime

from agent_desktop.domain.customer import Customer
from agent_desktop.domain.interaction import Interaction, TranscriptSegment
from agent_desktop.ports.history import HistoryItem
from agent_desktop.ports.summarizer import Prompt, Summarizer, SummarizerError
from agent_desktop.services.contact_reasons import ContactReasons
from agent_desktop.services.history import HistoryQuery, HistoryService
from agent_desktop.services.summary.local import LocalSummarizer, SummaryInput, local_summary
from agent_desktop.services.summary.redact import Redactor

log = logging.getLogger(__name__)

HISTORY_ITEMS = 50
PROMPT_ITEMS = 30
LANGUAGE_NAMES = {"fr": "French", "en": "English"}


@dataclass(frozen=True, slots=True)
class Summary:
    """A finished summary.

    Attributes:
        provider: who wrote it (``local`` or the remote provider's name).
        note: why the local summary replaced the remote one, if it did.
        elapsed_ms: time to produce it (history page included).
    """

    customer_id: str
    version: str
    text: str
    provider: str
    note: str | None = None
    elapsed_ms: float = 0.0
    cached: bool = False


def build_prompt(data: SummaryInput, redactor: Redactor) -> Prompt:
    language = LANGUAGE_NAMES.get(data.language, "English")
    system = (
        "You assist a contact-centre advisor during a call. Write in "
        f"{language}, at most 6 short lines, plain text: the reason for contacting us; "
        "what was promised and whether it was kept; open issues; the number of contacts "
        "in the last 30 days with a first-contact-resolution warning if 2 or more; the "
        "sentiment trend; the suggested next step. Use only the facts given. Personal data "
        "was replaced by tags such as [NAME] or [PHONE]: keep the tags, never guess."
    )
    lines = [f"Today: {data.now:%Y-%m-%d}"]
    if data.live_intent:
        lines.append(f"Live call intent: {data.live_intent}")
    lines.append("History (newest first):")
    for item in list(data.items)[:PROMPT_ITEMS]:
        lines.append(
            f"- {item.at:%Y-%m-%d} {item.channel} {item.direction}; reason: "
            f"{item.reason or '-'}; outcome: {item.outcome or '-'}; "
            f"{redactor.redact(' '.join(item.summary.split()))}"
        )
    if data.utterances:
        lines.append("Live transcript:")
        lines += [f"- {redactor.redact(u)}" for u in data.utterances]
    return Prompt(system, "\n".join(lines), data.language)


class SummaryService:
    """The summary of the customer on the line.

    Attributes:
        remote: the AI provider, when configured (``None``: local only).
        timeout: seconds the whole remote summary may take before falling back.
        cache: finished summaries by (customer id, history version, language).
    """

    def __init__(
        self,
        history: HistoryService,
        reasons: ContactReasons | None = None,
        remote: Summarizer | None = None,
        timeout: float = 25.0,
    ) -> None:
        self._history = history
        self._reasons = reasons if reasons is not None else ContactReasons()
        self.remote = remote
        self.timeout = timeout
        self.cache: dict[tuple[str, str, str], Summary] = {}

    def _live_intent(self, interaction: Interaction | None, language: str) -> str | None:
        """The live call's reason in the summary's language (the IVR labels it in the
        customer's)."""
        if interaction is None:
            return None
        attached = interaction.attached
        if attached.intent and (self._reasons.knows(attached.intent) or not attached.intent_label):
            return self._reasons.label(attached.intent, language)
        return attached.intent_label

    async def summarize(
        self,
        customer: Customer,
        language: str,
        interaction: Interaction | None = None,
        transcript: Sequence[TranscriptSegment] = (),
        on_text: Callable[[str], None] | None = None,
        force: bool = False,
        now: datetime | None = None,
    ) -> Summary:
        """The summary; ``on_text`` gets the text so far as a remote provider streams it.

        Raises :class:`~agent_desktop.ports.telephony.GatewayError` when the history
        cannot be read (nothing to summarise from).
        """
        started = time.perf_counter()
        page = await self._history.page(HistoryQuery(customer.id), None, HISTORY_ITEMS)
        items: list[HistoryItem] = list(page.items)
        version = f"{page.total}:{items[0].id if items else '-'}"
        key = (customer.id, version, language)
        if not force and key in self.cache:
            return dataclasses.replace(self.cache[key], cached=True)
        data = SummaryInput(
            customer_id=customer.id,
            items=items,
            now=now or datetime.now(UTC),
            language=language,
            live_intent=self._live_intent(interaction, language),
            utterances=tuple(f"{s.speaker}: {s.text}" for s in transcript),
            reason_label=lambda code: self._reasons.label(code, language),
        )
        local_text = local_summary(data)
        text, provider, note = local_text, LocalSummarizer.name, None
        if self.remote is not None:
            try:
                text = await self._remote(
                    self.remote, build_prompt(data, Redactor(customer)), on_text
                )
                provider = self.remote.name
            except SummarizerError as exc:
                log.warning("AI summary failed, local summary shown: %s", exc)
                text, note = local_text, str(exc)
        summary = Summary(
            customer.id, version, text, provider, note, (time.perf_counter() - started) * 1000
        )
        if note is None:
            self.cache[key] = summary
        return summary

    async def _remote(
        self, remote: Summarizer, prompt: Prompt, on_text: Callable[[str], None] | None
    ) -> str:
        text = ""
        try:
            async with asyncio.timeout(self.timeout), aclosing(remote.stream(prompt)) as pieces:
                async for piece in pieces:
                    text += piece
                    if on_text is not None:
                        on_text(text)
        except TimeoutError:
            raise SummarizerError("the AI provider took too long") from None
        if not text.strip():
            raise SummarizerError("the AI provider sent an empty summary")
        return text.strip()
