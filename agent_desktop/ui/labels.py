"""Translated names of agent states, call states and identification methods.

Functions, not module-level dicts: the text must be looked up after the translator is
installed, and ``QCoreApplication.translate`` calls with literal strings are what
``pyside6-lupdate`` collects.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.interaction import InteractionState


def agent_state_label(state: AgentState) -> str:
    labels = {
        AgentState.LOGGED_OUT: QCoreApplication.translate("Labels", "Logged out"),
        AgentState.NOT_READY: QCoreApplication.translate("Labels", "Not ready"),
        AgentState.READY: QCoreApplication.translate("Labels", "Ready"),
        AgentState.RESERVED: QCoreApplication.translate("Labels", "Call offered"),
        AgentState.BUSY: QCoreApplication.translate("Labels", "On a call"),
        AgentState.AFTER_CALL_WORK: QCoreApplication.translate("Labels", "After-call work"),
    }
    return labels.get(state, str(state))


def agent_label(agent: Agent, reason_label: str) -> str:
    """``Ready`` or ``Not ready — Lunch break``: what the title bar and idle card say."""
    base = agent_state_label(agent.state)
    if agent.state == AgentState.NOT_READY and reason_label:
        return f"{base} — {reason_label}"
    return base


def interaction_state_label(state: InteractionState) -> str:
    labels = {
        InteractionState.OFFERED: QCoreApplication.translate("Labels", "Ringing"),
        InteractionState.CONNECTED: QCoreApplication.translate("Labels", "In conversation"),
        InteractionState.HELD: QCoreApplication.translate("Labels", "On hold"),
        InteractionState.ENDED: QCoreApplication.translate("Labels", "Call ended"),
        InteractionState.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        InteractionState.REJECTED: QCoreApplication.translate("Labels", "Rejected"),
        InteractionState.MISSED: QCoreApplication.translate("Labels", "Missed"),
    }
    return labels.get(state, str(state))


def identified_by_label(by: str | None) -> str:
    labels = {
        "ivr": QCoreApplication.translate("Labels", "Identified by the IVR"),
        "phone": QCoreApplication.translate("Labels", "Identified by phone number"),
        "advisor": QCoreApplication.translate("Labels", "Chosen by the advisor"),
    }
    return labels.get(by or "", "")


def language_label(code: str | None) -> str:
    labels = {
        "fr": QCoreApplication.translate("Labels", "French"),
        "en": QCoreApplication.translate("Labels", "English"),
    }
    return labels.get(code or "", code or "")
