"""Consult, transfer, conference and expert presence over the gateway protocol.

Implements the ``Consults`` and ``PresenceSource`` ports on top of a logged-in
:class:`GatewayClient` (same session, same error handling). Presence updates arrive on
the gateway's event stream (``expert.presence_changed``), which the desktop already
reads, so :meth:`GatewayConsults.watch` has nothing to start.
"""

from __future__ import annotations

from collections.abc import Callable

from agent_desktop.adapters.gateway import consult_mapping, mapping
from agent_desktop.adapters.gateway.client import GatewayClient, _segment
from agent_desktop.domain.consult import ConsultAction, Expert, HandoverContext
from agent_desktop.domain.interaction import Interaction
from agent_desktop.protocol import schemas as w


class GatewayConsults:
    def __init__(self, client: GatewayClient) -> None:
        self._client = client

    async def consult(
        self, interaction_id: str, expert_id: str, context: HandoverContext
    ) -> Interaction:
        body = w.ConsultRequest(
            expert_id=expert_id,
            context=w.HandoverContextWire(
                customer_id=context.customer_id,
                intent=context.intent,
                summary=context.summary,
                note=context.note,
            ),
        ).model_dump()
        path = f"/v1/interactions/{_segment(interaction_id)}/consult"
        answer = await self._client._call(
            "POST", path, w.InteractionWire, json=body, idempotent=True
        )
        return mapping.interaction(answer)

    async def consult_action(self, interaction_id: str, action: ConsultAction) -> Interaction:
        path = f"/v1/interactions/{_segment(interaction_id)}/consult"
        if action == ConsultAction.CANCEL:
            answer = await self._client._call("DELETE", path, w.InteractionWire, idempotent=True)
        else:
            answer = await self._client._call(
                "POST", f"{path}/{action.value}", w.InteractionWire, json={}, idempotent=True
            )
        return mapping.interaction(answer)

    async def drop_party(self, interaction_id: str, party_id: str) -> Interaction:
        path = f"/v1/interactions/{_segment(interaction_id)}/parties/{_segment(party_id)}"
        answer = await self._client._call("DELETE", path, w.InteractionWire, idempotent=True)
        return mapping.interaction(answer)

    # ------------------------------------------------------------ PresenceSource

    async def experts(self) -> list[Expert]:
        answer = await self._client._call("GET", "/v1/experts", w.ExpertList)
        return [consult_mapping.expert(e) for e in answer.experts]

    def watch(self, on_change: Callable[[Expert], None]) -> Callable[[], None]:
        return lambda: None  # updates come through the desktop's event stream
