"""Three-way conference: merge the consult into a conference, see each party with its role
and state, drop a party, leave (the expert keeps the customer), mute yourself. When the
customer leaves, the advisor decides whether to stay with the expert."""

from __future__ import annotations

from typing import Any

from agent_desktop.plugin_api import (
    InteractionChanged,
    InteractionClosed,
    InteractionOffered,
    Plugin,
    PluginContext,
)
from plugins import _i18n


class ConferencePlugin(Plugin):
    id = "conference"
    name = "Three-way conference"
    version = "1.0.0"
    api_version = "1.1"
    optional = ("supervised_transfer",)
    description = "Merge a consult into a conference; parties, drop, leave, mute."
    capabilities = ("experts",)  # consulting back-office experts

    def activate(self, ctx: PluginContext) -> None:
        _i18n.use(self.id, ctx.language)
        from plugins.conference.panel import ConferencePanel

        self.panel: Any = None

        def make() -> Any:
            self.panel = ConferencePanel(ctx)
            return self.panel

        ctx.add_panel("conference", ConferencePanel.title(), make)
        for event in (InteractionOffered, InteractionChanged, InteractionClosed):
            ctx.subscribe(event, self._on_call)

    def _on_call(self, _event: object) -> None:
        if self.panel is not None:
            self.panel.refresh()

    def deactivate(self) -> None:
        _i18n.release(self.id)
        self.panel = None


plugin = ConferencePlugin
