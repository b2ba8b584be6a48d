"""Availability windows from settings text: parsing, bad parts reported, next start."""

from __future__ import annotations

from datetime import datetime, time

from agent_desktop.domain.agent import Agent
from agent_desktop.services.availability import AvailabilityController, parse_windows


def test_windows_parse_days_ranges_and_report_bad_parts() -> None:
    windows, problems = parse_windows(
        "mon-fri 11:00-12:00; sat,sun 9:30-10:00; fri-mon 18:00-19:00; xyz 1:00-2:00; "
        "mon 12:00-11:00; tue 11-12"
    )
    assert [w.label() for w in windows] == [
        "mon,tue,wed,thu,fri 11:00-12:00",
        "sat,sun 09:30-10:00",
        "mon,fri,sat,sun 18:00-19:00",
    ]
    assert len(problems) == 3
    assert windows[0].start == time(11, 0)


class Idle:
    agent: Agent | None = None

    async def set_state(self, *_args: object) -> bool:
        return True


def test_next_start_and_current_end() -> None:
    windows, _ = parse_windows("mon-fri 11:00-12:00")
    friday_noon = datetime(2026, 11, 27, 12, 0)
    controller = AvailabilityController(windows, Idle(), clock=lambda: friday_noon)
    assert controller.current() is None  # the end is exclusive
    upcoming = controller.next_start()
    assert upcoming is not None and upcoming[0] == datetime(2026, 11, 30, 11, 0)  # Monday
    assert controller.current_end(datetime(2026, 11, 27, 11, 59)) == datetime(2026, 11, 27, 12, 0)
