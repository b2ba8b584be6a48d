"""The one error type of the sandbox and its JSON shape (``ErrorResponse``).

Raised anywhere in the sandbox (state machine, routes, middleware), turned into
``{"error": {"code", "message", "details"}}`` with the right HTTP status by ``app.py``.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from agent_desktop.protocol.schemas import ErrorBody, ErrorResponse

# HTTP status -> default error code, for errors raised by FastAPI/starlette themselves.
STATUS_CODES: dict[int, str] = {
    400: "invalid_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.headers = headers


def error_response(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details or {}))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def wrong_state(message: str, state: str) -> ApiError:
    """409 ``action_not_allowed``: the call is not in a state that allows this."""
    return ApiError(409, "action_not_allowed", message, {"state": state})


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def unauthorized(message: str = "a valid bearer token is required") -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})
