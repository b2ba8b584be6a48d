"""Expert presence: a directory of back-office experts with their live presence.

Search by name, skill or department, show only the available ones, and consult or
transfer straight from an entry. Presence comes from the configured source (the
gateway by default, or an XMPP server) through ``ctx.experts`` and
``ExpertPresenceChanged`` events.
"""

from __future__ import annotations

from typing import Any

from agent_desktop.plugin_api import (
    ExpertPresenceChanged,
    InteractionChanged,
    InteractionClosed,
    InteractionOffered,
    Plugin,
    PluginContext,
)
from plugins import _i18n


class ExpertPresencePlugin(Plugin):
    id = "expert_presence"
    name = "Expert presence"
    version = "1.0.0"
    api_version = "1.1"
    description = "Who is free before you ask: experts with live presence; consult or transfer."
    capabilities = ("experts",)  # consulting back-office experts

    def activate(self, ctx: PluginContext) -> None:
        _i18n.use(self.id, ctx.language)
        from plugins.expert_presence.panel import DirectoryPanel

        self.ctx = ctx
        self.panel: Any = None

        def make() -> Any:
            self.panel = DirectoryPanel(ctx)
            return self.panel

        ctx.add_panel("directory", DirectoryPanel.title(), make)
        ctx.subscribe(ExpertPresenceChanged, self._on_presence)
        for event in (InteractionOffered, InteractionChanged, InteractionClosed):
            ctx.subscribe(event, self._on_call)
        ctx.spawn(self._load())

    async def _load(self) -> None:
        await self.ctx.experts.refresh()
        if self.panel is not None:
            self.panel.schedule_refresh()

    def _on_presence(self, _event: ExpertPresenceChanged) -> None:
        if self.panel is not None:
            self.panel.schedule_refresh()

    def _on_call(self, _event: object) -> None:
        if self.panel is not None:
            self.panel.update_buttons()

    def deactivate(self) -> None:
        _i18n.release(self.id)
        self.panel = None


plugin = ExpertPresencePlugin
