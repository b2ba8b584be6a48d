"""The banner's and the ticker's words: translated templates filled in one pass (a name
from the network that holds ``%2`` stays as it is), and no average of nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from agent_desktop.domain.wallboard import AgentKpis, AgentKpisChanged, QueueKpi
from agent_desktop.services.desktop import Desktop
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.kpi_banner import KpiBanner
from agent_desktop.ui.text import fill

# the real core and bridge; the figures are published on its bus as the stream would
NO_PLATFORM = cast(Any, None)  # never called: nothing here reaches the platform


def test_fill_is_one_pass() -> None:
    assert fill("%1: %2 waiting", "Cartes %2 %1", 3) == "Cartes %2 %1: 3 waiting"
    assert fill("%1 and %3", "a") == "a and %3"


def test_banner_before_any_call_and_with_a_tricky_queue_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    desktop = Desktop(NO_PLATFORM, NO_PLATFORM, sender=NO_PLATFORM)
    bridge = DesktopBridge(desktop, "en")
    banner = KpiBanner(bridge, clock=lambda: 100.0)
    qtbot.addWidget(banner)
    at = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    kpis = AgentKpis(
        queues=(QueueKpi("q", "Prêts %2", 2, 30, at - timedelta(seconds=30)),),
        handled=0,
        average_handling_seconds=0,
        at=at,
    )
    desktop.bus.publish(AgentKpisChanged(kpis, received=95.0))
    assert banner.queues[0].text() == "Prêts %2: 2 waiting · longest 0:35"
    assert banner.day.text() == "Today: no call handled yet"
    bridge.dispose()
