"""Serve the emulator over HTTP: moto's WSGI dispatcher plus a tiny control middleware.

moto's dispatcher picks the backend from the SigV4 credential scope (signing name ``sms-voice``),
so unsigned control requests would never reach us; :class:`ControlMiddleware` therefore claims
the ``/_sms-voice-emulator/`` prefix before moto sees the request, and extends
``POST /moto-api/reset`` to clear the emulator's faults, counts and configuration too. Unsigned
requests and requests naming this service's target go to our backend as well (see
:func:`.wire.claims_environ`), which answers them as AWS would instead of moto's S3.
"""

from __future__ import annotations

import errno
import json
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any, cast

from . import controls
from .control_routes import ROUTES
from .registration import register
from .state import CONTROL_PATH_PREFIX, MOTO_SERVICE_KEY
from .wire import claims_environ

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

_MAX_CONTROL_BODY = 1 << 20


class ControlError(Exception):
    """A control request the emulator refuses; becomes a JSON error with ``status``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class ControlMiddleware:
    """WSGI middleware answering the emulator's plain-HTTP JSON control API.

    ``sms_voice_app`` (optional) is moto's application for our backend: requests signed for
    ``sms-voice`` go straight to it. moto's dispatcher would choose the same application, but
    spends ~4 ms per request scanning its package directory to do so.
    """

    def __init__(self, app: WSGIApp, sms_voice_app: WSGIApp | None = None) -> None:
        self.app = app
        self.sms_voice_app = sms_voice_app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path.startswith(CONTROL_PATH_PREFIX):
            return self._control(method, path[len(CONTROL_PATH_PREFIX) :].strip("/"), environ, start_response)
        if path.rstrip("/") == "/moto-api/reset" and method == "POST":
            controls.reset()  # moto then resets every backend, ours included
        elif self.sms_voice_app is not None and claims_environ(environ):
            return self.sms_voice_app(environ, start_response)
        return self.app(environ, start_response)

    def _control(
        self, method: str, route: str, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        try:
            handler = ROUTES.get((method, route))
            if handler is None:
                allowed = sorted(m for m, r in ROUTES if r == route)
                if allowed:
                    raise ControlError(405, f"{method} not allowed on {route}; use {', '.join(allowed)}")
                raise ControlError(404, f"no control endpoint {route!r}; known: {sorted({r for _, r in ROUTES})}")
            status, payload = 200, handler(self._body(environ))
        except ControlError as error:
            status, payload = error.status, {"error": str(error)}
        except (TypeError, ValueError) as error:
            status, payload = 400, {"error": str(error)}
        data = json.dumps(payload).encode()
        reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[status]
        start_response(
            f"{status} {reason}",
            [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
        )
        return [data]

    @staticmethod
    def _body(environ: dict[str, Any]) -> dict[str, Any]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise ControlError(400, "bad Content-Length") from None
        if length > _MAX_CONTROL_BODY:
            raise ControlError(400, "control request body too large")
        raw = environ["wsgi.input"].read(length) if length else b""
        if not raw.strip():
            return {}
        try:
            body = json.loads(raw)
        except ValueError as error:
            raise ControlError(400, f"body is not JSON: {error}") from None
        if not isinstance(body, dict):
            raise ControlError(400, "body must be a JSON object")
        return body


def create_app() -> WSGIApp:
    """moto's server application, serving the emulator, wrapped in the control middleware."""
    register()
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    dispatcher = DomainDispatcherApplication(create_backend_app)
    # Build our backend's Flask app now rather than on the first API call.
    sms_voice_app = create_backend_app(cast(Any, MOTO_SERVICE_KEY))
    dispatcher.app_instances[MOTO_SERVICE_KEY] = sms_voice_app
    return ControlMiddleware(dispatcher, sms_voice_app)


def _warm_up(app: WSGIApp) -> None:
    """Send one internal DescribeSenderIds through the whole stack, then forget it.

    The first request would otherwise pay ~0.25 s for moto's lazy imports and its parse of the
    service model; paying it before the URL is printed keeps every real request fast.
    """
    from werkzeug.test import EnvironBuilder

    environ = EnvironBuilder(
        path="/",
        method="POST",
        data=b"{}",
        headers=[
            ("Content-Type", "application/x-amz-json-1.0"),
            ("X-Amz-Target", "PinpointSMSVoiceV2.DescribeSenderIds"),
            # moto routes by the credential scope and never checks the signature.
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=warmup/20240101/us-east-1/sms-voice/aws4_request, "
                "SignedHeaders=host, Signature=0",
            ),
        ],
    ).get_environ()
    statuses: list[str] = []
    body = b"".join(app(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    if not statuses or not statuses[0].startswith("200"):
        raise StartupError(f"the emulator failed its self-test: {statuses} {body[:200]!r}")
    controls.reset()


class StartupError(Exception):
    """The server could not start; the message is one line meant for a human."""


def _listen(host: str, port: int) -> socket.socket:
    """Bind and listen ourselves, so that a taken port is one clear line, not werkzeug's exit."""
    # The address family werkzeug will assume for this host when it adopts the socket.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        address = socket.getaddrinfo(host, port, family=family, type=socket.SOCK_STREAM)[0][4]
    except (OSError, UnicodeError) as error:
        raise StartupError(f"cannot resolve host {host!r}: {error}") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise StartupError(f"cannot listen on {host}:{port}: address already in use") from None
        raise StartupError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    return sock


def endpoint_url(host: str, port: int) -> str:
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(host: str = "127.0.0.1", port: int = 0, *, verbose: bool = False, out: Any = None) -> None:
    """Serve until SIGINT/SIGTERM. Prints the endpoint URL as the first line of ``out`` (stdout).

    Raises StartupError if the address cannot be bound.
    """
    from moto.moto_server.werkzeug_app import MotoRequestHandler
    from werkzeug.serving import make_server

    class RequestHandler(MotoRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            if verbose:
                super().log_request(code, size)

    sock = _listen(host, port)
    try:
        app = create_app()
        bound_port = sock.getsockname()[1]
        server = make_server(host, bound_port, app, threaded=True, request_handler=RequestHandler, fd=sock.fileno())
    finally:
        sock.close()  # werkzeug listens on a duplicate of the descriptor

    def stop(signum: int, frame: FrameType | None) -> None:
        # shutdown() blocks until serve_forever() returns, so it cannot run on the main thread;
        # requested before serve_forever() starts, it still makes it return at once.
        threading.Thread(target=server.shutdown, name="sms-voice-emulator-shutdown", daemon=True).start()

    try:
        _warm_up(app)
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        stream = out if out is not None else sys.stdout
        print(endpoint_url(host, bound_port), file=stream, flush=True)
        server.serve_forever(poll_interval=0.1)  # how long a shutdown may take to be noticed
    finally:
        server.server_close()
