"""Agent Desktop: an open-source contact-centre agent desktop (Qt thick client)."""

__version__ = "0.1.0"
