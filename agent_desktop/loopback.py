"""The sandbox's listening socket and its URL, made in one place for two callers.

The server binds its own socket when it runs alone or in tests. The demo's desktop makes
the socket itself, before it spawns the sandbox, and hands it over (``agent-desktop
sandbox --fd N``): the URL is known at once, the desktop's login can be sent while the
sandbox is still loading (the kernel queues the connection until the server accepts
it), and no port can be taken by another program between the two processes
(docs/performance.md, cold start). Only the standard library, and outside the sandbox
package: the demo's desktop imports this module and never the sandbox.
"""

from __future__ import annotations

import socket

LOOPBACK = "127.0.0.1"


def listening_socket(host: str = LOOPBACK, port: int = 0) -> socket.socket:
    """A TCP socket bound to ``host:port`` (0: any free port) and listening."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be IPPROTO_TCP: asyncio only sets TCP_NODELAY on such sockets, and without
    # it every response waits ~40 ms for a delayed ACK
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_for(host: str, port: int) -> str:
    """The base URL a client uses to reach a server on ``host:port``."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def url_of(sock: socket.socket) -> str:
    """The base URL of the server listening on ``sock``."""
    host, port = sock.getsockname()[:2]
    return url_for(host, port)


def inherited_socket(fd: int) -> socket.socket:
    """The listening socket a parent process passed down as file descriptor ``fd``.

    Raises OSError when ``fd`` is not a listening TCP socket (a wrong ``--fd``)."""
    sock = socket.socket(fileno=fd)
    if sock.type != socket.SOCK_STREAM or not sock.getsockopt(
        socket.SOL_SOCKET, socket.SO_ACCEPTCONN
    ):
        sock.detach()
        raise OSError(f"file descriptor {fd} is not a listening TCP socket")
    return sock
