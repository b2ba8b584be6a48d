"""Calls to return and click-to-call over the gateway: ``GET /v1/callbacks`` and
``POST /v1/interactions`` (an outbound interaction, connected, with the usual screen-pop)."""

from __future__ import annotations

from agent_desktop.adapters.gateway import mapping
from agent_desktop.adapters.gateway.client import GatewayClient
from agent_desktop.domain.callbacks import Callback
from agent_desktop.domain.interaction import Interaction
from agent_desktop.protocol import schemas as w


class GatewayCallbacks:
    def __init__(self, gateway: GatewayClient) -> None:
        self.gateway = gateway

    async def list_callbacks(self) -> list[Callback]:
        answer = await self.gateway._call("GET", "/v1/callbacks", w.CallbackList)
        return [
            Callback(
                id=c.id,
                kind=c.kind,
                phone=c.phone,
                at=c.at,
                customer_id=c.customer_id,
                name=c.name,
                queue_id=c.queue_id,
                note=c.note,
            )
            for c in answer.callbacks
        ]

    async def call(
        self, phone: str, customer_id: str | None, callback_id: str | None
    ) -> Interaction:
        body = w.OutboundRequest(
            phone=phone, customer_id=customer_id, callback_id=callback_id
        ).model_dump()
        answer = await self.gateway._call(
            "POST", "/v1/interactions", w.InteractionWire, json=body, idempotent=True
        )
        return mapping.interaction(answer)
