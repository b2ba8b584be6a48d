"""A loopback stand-in for an OpenAI-compatible chat-completions endpoint (a remote
commercial service, so a fake is allowed): it speaks the real wire format — ``POST
/v1/chat/completions`` with ``"stream": true`` answered by ``text/event-stream`` chunks
``data: {"object": "chat.completion.chunk", "choices": [{"delta": {"content": …}}]}`` and
a final ``data: [DONE]`` — and records every request so tests can check what left."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class ChatCompletionsServer:
    """Modes: ``stream`` (default), ``hang`` (never answers), ``error`` (HTTP 500 JSON)."""

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces
        self.mode = "stream"
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length))
                server.requests.append(body)
                server.headers.append(dict(self.headers))
                if self.path != "/v1/chat/completions":
                    self.send_error(404)
                    return
                if server.mode == "hang":
                    server._release.wait(30)
                    return
                if server.mode == "error":
                    payload = json.dumps(
                        {"error": {"message": "model overloaded", "type": "server_error"}}
                    ).encode()
                    self.send_response(500)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                first = {"role": "assistant", "content": ""}
                deltas = [first] + [{"content": p} for p in server.pieces]
                for n, delta in enumerate(deltas):
                    chunk = {
                        "id": "chatcmpl-test",
                        "object": "chat.completion.chunk",
                        "created": 1700000000,
                        "model": body.get("model"),
                        "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                    if n == 1:
                        self.wfile.write(b": keep-alive comment\n\n")
                end = {
                    "id": "chatcmpl-test",
                    "object": "chat.completion.chunk",
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()
                self.close_connection = True

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> ChatCompletionsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
