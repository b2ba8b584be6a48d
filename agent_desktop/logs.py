"""Logging set-up: a rotating file in the user's log directory and warnings on stderr.

Nothing logged may carry a password, a token or a customer's personal data; modules
log ids, codes and counts only (a test scans a whole run's logs for leaks).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("agent-desktop", appauthor=False))


def configure(verbose: bool = False) -> Path:
    """Send INFO and above to ``agent-desktop.log``; WARNING and above to stderr."""
    directory = log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "agent-desktop.log"
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    console = logging.StreamHandler()
    console.setLevel(logging.INFO if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(file_handler)
    root.addHandler(console)
    # httpx logs every request URL at INFO; URLs carry customer ids and phone numbers.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    return path
