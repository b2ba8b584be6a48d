"""The gateway protocol v1 client: httpx for commands and queries, SSE for events."""

from agent_desktop.adapters.gateway.client import GatewayClient

__all__ = ["GatewayClient"]
