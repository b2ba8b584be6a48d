"""How the gateway's certificate is checked: the system's trust store by default, a
custom CA bundle when configured, and no check only when explicitly asked for (the shell
then shows a badge in its status bar that cannot be dismissed, and logs a warning)."""

from __future__ import annotations

import logging
import ssl
from pathlib import Path

log = logging.getLogger(__name__)


def verify_setting(ca_bundle: str | None, insecure: bool) -> bool | ssl.SSLContext:
    """The ``verify`` argument for :class:`GatewayClient`.

    ``ca_bundle``: a PEM file of trusted CAs (a company CA); ``insecure``: the explicit
    "do not check certificates" setting. Raises ``ValueError`` for a missing bundle rather
    than silently falling back to no check.
    """
    if insecure:
        log.warning("TLS certificate checks are OFF (setting tls/insecure)")
        return False
    if ca_bundle:
        if not Path(ca_bundle).is_file():
            raise ValueError(f"the CA bundle {ca_bundle} does not exist")
        return ssl.create_default_context(cafile=ca_bundle)
    return True
