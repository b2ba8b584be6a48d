"""Supervised transfer: consult an expert while the customer waits, then complete the
transfer, swap between them, or cancel (the customer is retrieved).

The platform holds the customer and retrieves them by itself when the expert does not
answer, declines or hangs up; the desktop's notices say so. This panel shows the
consult leg and offers only what the platform allows now (``Consult.allowed``).
"""

from __future__ import annotations

from typing import Any

from agent_desktop.plugin_api import (
    ConsultState,
    InteractionChanged,
    InteractionClosed,
    InteractionOffered,
    InteractionState,
    Plugin,
    PluginContext,
)
from plugins import _i18n

# a new consult may follow one that failed or was cancelled (never a conference)
AGAIN = (ConsultState.FAILED, ConsultState.CANCELLED)


class SupervisedTransferPlugin(Plugin):
    id = "supervised_transfer"
    name = "Supervised transfer"
    version = "1.0.0"
    api_version = "1.1"
    optional = ("expert_presence",)
    description = "Consult an expert with the customer on hold; transfer, swap or cancel."
    capabilities = ("experts",)  # consulting back-office experts

    def activate(self, ctx: PluginContext) -> None:
        _i18n.use(self.id, ctx.language)
        from plugins.supervised_transfer.panel import ConsultDialog, ConsultPanel

        self.ctx = ctx
        self.panel: Any = None
        self.dialog: Any = None

        def make() -> Any:
            self.panel = ConsultPanel(ctx)
            return self.panel

        def open_dialog() -> None:
            self.dialog = ConsultDialog(ctx, self.panel)
            self.dialog.open()

        ctx.add_panel("consult", ConsultPanel.title(), make)
        ctx.add_call_action(
            "consult",
            ConsultPanel.action_text(),
            open_dialog,
            enabled=lambda call: (
                call is not None
                and call.state in (InteractionState.CONNECTED, InteractionState.HELD)
                and (call.consult is None or call.consult.state in AGAIN)
            ),
        )
        for event in (InteractionOffered, InteractionChanged, InteractionClosed):
            ctx.subscribe(event, self._on_call)
        if not ctx.experts.all():
            ctx.spawn(ctx.experts.refresh())  # the dialog lists them even without the directory

    def _on_call(self, _event: object) -> None:
        if self.panel is not None:
            self.panel.refresh()

    def deactivate(self) -> None:
        _i18n.release(self.id)
        if self.dialog is not None:
            self.dialog.close()
        self.panel = None


plugin = SupervisedTransferPlugin
