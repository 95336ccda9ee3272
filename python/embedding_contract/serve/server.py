"""The schema server: the published layout (:mod:`embedding_contract.schemafiles.site`) over HTTP,
with Starlette and uvicorn.

Everything is read and hash-checked at start, then served from memory: a request can only ever
name one of those files, so no path, symlink or encoding trick reaches the file system.
Needs the optional extra ``embedding-contract[serve]``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from embedding_contract.core.errors import ServeError, SiteError
from embedding_contract.pages.publish import HTML_MEDIA_TYPE, with_pages
from embedding_contract.schemafiles.site import JSON_MEDIA_TYPE, Site, build_site

IMMUTABLE = "public, max-age=31536000, immutable"
ALIAS_MAX_AGE = "public, max-age=300"
NO_STORE = "no-store"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
MAX_TARGET_BYTES = 2048  # request target (path and query)
MAX_HEADER_BYTES = 8192  # all header names and values together
MAX_HEADER_COUNT = 64
# uvicorn's own cap on a request head still arriving; anything longer is cut off with a 400.
MAX_REQUEST_HEAD_BYTES = 16384
# A request (head and body) must arrive complete within this many seconds of the connection
# opening or of its first byte; a silent or trickling client is disconnected after it.
REQUEST_DEADLINE = 10.0
# Open connections at once; one more is answered 503 and closed straight away.
MAX_CONNECTIONS = 256
KEEP_ALIVE = 5  # seconds an idle keep-alive connection stays open
# Warnings and errors logged per second at most; the rest are counted and reported.
LOG_RATE = 20

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Content-Length",
}

# Pages may load their own stylesheet and nothing else: no script, no frame, no form target.
PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; "
            "base-uri 'none'; form-action 'none'")
DIRECTORY_INDEX = "index.html"

_BASE_PATH = re.compile(r"/(?:[A-Za-z0-9._~-]+/)*")

log = logging.getLogger("embedding_contract.serve")
access_log = logging.getLogger("embedding_contract.serve.access")


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps({"error": {"status": status, "message": message}}, sort_keys=True)
    return Response(body.encode(), status, {**SECURITY_HEADERS, "Cache-Control": NO_STORE,
                                             **(headers or {})}, JSON_MEDIA_TYPE)


def _path_problem(raw_path: bytes, path: str) -> str | None:
    """Why a request path is malformed (answered 400), or None."""
    lowered = raw_path.lower()
    if b"%00" in lowered or "\x00" in path:
        return "NUL byte in path"
    if b"%5c" in lowered or "\\" in path:
        return "backslash in path"
    if b"%2f" in lowered:
        return "encoded slash in path"
    if any(part in (".", "..") for part in path.split("/")):
        return "dot segment in path"
    return None


def _etag_matches(header: str | None, digest: str) -> bool:
    """RFC 9110 If-None-Match: weak comparison against our one strong tag."""
    if header is None:
        return False
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or any(t.removeprefix("W/") == f'"{digest}"' for t in tags)


class SchemaEndpoints:
    def __init__(self, site: Site, base_path: str) -> None:
        self.site = site
        self.base_path = base_path
        self.health = json.dumps({"status": "ok", "files": len(site.files),
                                  "versions": list(site.versions), "latest": site.latest},
                                 sort_keys=True).encode()

    async def handle(self, request: Request) -> Response:
        return self.respond(request)

    def respond(self, request: Request) -> Response:
        scope = request.scope
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        target_size = len(raw_path) + len(scope.get("query_string", b""))
        if target_size > MAX_TARGET_BYTES:
            return _error(414, f"request target longer than {MAX_TARGET_BYTES} bytes")
        headers: list[tuple[bytes, bytes]] = scope["headers"]
        if len(headers) > MAX_HEADER_COUNT or \
                sum(len(k) + len(v) for k, v in headers) > MAX_HEADER_BYTES:
            return _error(431, f"request headers over {MAX_HEADER_COUNT} fields or "
                               f"{MAX_HEADER_BYTES} bytes")
        if request.headers.get("content-length", "0") != "0" or \
                "transfer-encoding" in request.headers:
            return _error(413, "request bodies are not accepted")
        problem = _path_problem(raw_path, scope["path"])
        if problem:
            return _error(400, problem)
        if request.method == "OPTIONS":
            return self.options(request)
        path: str = scope["path"]
        if path == "/healthz":
            return Response(self.health, 200, {**SECURITY_HEADERS, "Cache-Control": NO_STORE},
                            JSON_MEDIA_TYPE)
        if not path.startswith(self.base_path):
            return _error(404, "not found")
        key = path[len(self.base_path):]
        if key == "" or key.endswith("/"):
            key += DIRECTORY_INDEX
        item = self.site.files.get(key)
        if item is None:
            return _error(404, "not found")
        cache = {**SECURITY_HEADERS, "ETag": f'"{item.sha256}"',
                 "Cache-Control": IMMUTABLE if item.immutable else ALIAS_MAX_AGE}
        if item.media_type == HTML_MEDIA_TYPE:
            cache["Content-Security-Policy"] = PAGE_CSP
        # A list header may be split over several fields (RFC 9110 5.3): take them all.
        if_none_match = ", ".join(request.headers.getlist("if-none-match")) or None
        if _etag_matches(if_none_match, item.sha256):
            return Response(None, 304, cache)
        return Response(item.content, 200, cache, item.media_type)

    def options(self, request: Request) -> Response:
        headers = {**SECURITY_HEADERS, "Allow": ALLOWED_METHODS}
        if "access-control-request-method" in request.headers:
            headers.update({"Access-Control-Allow-Methods": ALLOWED_METHODS,
                            "Access-Control-Allow-Headers": "If-None-Match",
                            "Access-Control-Max-Age": "86400"})
        return Response(None, 204, headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    extra = {"Allow": ALLOWED_METHODS} if exc.status_code == 405 else {}
    return _error(exc.status_code, exc.detail.lower(), extra)


async def _server_error(request: Request, exc: Exception) -> Response:
    log.error("request failed", exc_info=exc)
    return _error(500, "internal server error")


class AccessLog:
    """Pure ASGI middleware: one structured (JSON) log record per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        sent = {"status": 0, "bytes": 0}

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
            elif message["type"] == "http.response.body" and scope["method"] != "HEAD":
                sent["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            client = scope.get("client")
            raw = scope.get("raw_path") or scope["path"].encode()
            access_log.info("request", extra={"fields": {
                "method": scope["method"], "path": raw.decode("latin-1")[:256],
                "status": sent["status"], "bytes": sent["bytes"],
                "duration_ms": round((time.perf_counter() - start) * 1000, 3),
                "client": client[0] if client else None}})


def create_app(site: Site, *, base_path: str = "/", log_requests: bool = True) -> ASGIApp:
    """The ASGI application serving ``site`` below ``base_path`` (which starts and ends with /)."""
    if not _BASE_PATH.fullmatch(base_path) or "/./" in base_path or "/../" in base_path:
        raise ServeError(f"base path {base_path!r} must be '/' or '/segment/.../' (letters, "
                         "digits, '-', '_', '.', '~'; no dot segments)")
    endpoints = SchemaEndpoints(site, base_path)
    app: ASGIApp = Starlette(
        routes=[Route("/{path:path}", endpoints.handle, methods=["GET", "HEAD", "OPTIONS"])],
        exception_handlers={HTTPException: _http_error, Exception: _server_error})
    return AccessLog(app) if log_requests else app


def _raw_error(status: int, reason: str, message: str) -> bytes:
    body = json.dumps({"error": {"status": status, "message": message}}, sort_keys=True).encode()
    return (f"HTTP/1.1 {status} {reason}\r\ncontent-type: {JSON_MEDIA_TYPE}\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n"
            "x-content-type-options: nosniff\r\n\r\n").encode() + body


class JsonH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering a malformed or oversized request head in JSON too,
    with a deadline for each request to arrive and a cap on open connections (uvicorn's own
    keep-alive timer starts only after a response, so a silent client would stay forever)."""

    request_deadline = REQUEST_DEADLINE
    max_connections = MAX_CONNECTIONS
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            log.warning("connection refused", extra={"fields": {
                "reason": f"over {self.max_connections} open connections",
                "client": self.client[0] if self.client else None}})
            transport.write(_raw_error(503, "Service Unavailable",
                                       f"over {self.max_connections} open connections; retry"))
            transport.close()
            return
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and self._waiting():
            self._arm()
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        if not self._waiting():
            self._disarm()

    def _waiting(self) -> bool:
        """Whether a request is (or may be) still arriving."""
        cycle = self.cycle
        return cycle is None or cycle.more_body or cycle.response_complete

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_deadline, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        log.warning("request deadline", extra={"fields": {
            "reason": f"request not complete within {self.request_deadline:g} s; closed",
            "client": self.client[0] if self.client else None}})
        self.transport.close()

    def send_400_response(self, msg: str) -> None:
        import h11

        message = f"malformed request or request head over {MAX_REQUEST_HEAD_BYTES} bytes"
        body = json.dumps({"error": {"status": 400, "message": message}}, sort_keys=True).encode()
        headers = [(b"content-type", JSON_MEDIA_TYPE.encode()), (b"connection", b"close"),
                   (b"x-content-type-options", b"nosniff")]
        for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                      h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()


class _Server(uvicorn.Server):
    """uvicorn's server, but SIGTERM/SIGINT end it with a clean exit (status 0) after the
    graceful shutdown instead of re-raising the signal."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit)
                    for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(
                timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name,
            "message": record.getMessage()}
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(entry, sort_keys=True, default=str)


class RateLimit(logging.Filter):
    """At most ``rate`` warnings and errors per second pass; the others are dropped and their
    number is attached to the next record that passes (field ``suppressed``)."""

    def __init__(self, rate: int = LOG_RATE) -> None:
        super().__init__()
        self.rate = rate
        self.second = 0
        self.passed = 0
        self.suppressed = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        second = int(time.monotonic())
        if second != self.second:
            self.second, self.passed = second, 0
        if self.passed >= self.rate:
            self.suppressed += 1
            return False
        self.passed += 1
        if self.suppressed:
            record.fields = {**getattr(record, "fields", {}), "suppressed": self.suppressed}
            self.suppressed = 0
        return True


def configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RateLimit())
    for name in ("embedding_contract.serve", "uvicorn", "asyncio"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False


def bind(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc}") from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    return sock


def _within_descriptors(wanted: int) -> int:
    """``wanted``, lowered so that the open connections fit the process's file-descriptor limit
    with room to spare (running out of descriptors stops accept() and floods the log)."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return wanted
    if soft == resource.RLIM_INFINITY or wanted <= soft - 32:
        return wanted
    allowed = max(soft - 32, 1)
    log.warning("connection cap lowered", extra={"fields": {
        "max_connections": allowed, "asked": wanted, "nofile_limit": soft}})
    return allowed


def serve(root: Path, *, host: str = "127.0.0.1", port: int = 8000, base_path: str = "/",
          log_requests: bool = True, request_deadline: float = REQUEST_DEADLINE,
          max_connections: int = MAX_CONNECTIONS) -> None:
    """Serve the schema tree at ``root`` until SIGTERM or SIGINT."""
    try:
        site = with_pages(build_site(root))
    except SiteError as exc:
        raise ServeError(str(exc)) from exc
    app = create_app(site, base_path=base_path, log_requests=log_requests)
    sock = bind(host, port)
    configure_logging()
    max_connections = _within_descriptors(max_connections)
    protocol = type("Protocol", (JsonH11Protocol,), {
        "request_deadline": request_deadline, "max_connections": max_connections})
    config = uvicorn.Config(
        app, http=protocol, h11_max_incomplete_event_size=MAX_REQUEST_HEAD_BYTES,
        lifespan="off", log_config=None, access_log=False, server_header=False,
        proxy_headers=False, timeout_keep_alive=KEEP_ALIVE, timeout_graceful_shutdown=10)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    log.info("listening", extra={"fields": {
        "url": f"http://{shown}:{bound_port}{base_path}", "port": bound_port,
        "root": str(root), "files": len(site.files), "versions": list(site.versions),
        "request_deadline_s": request_deadline, "max_connections": max_connections}})
    _Server(config).run(sockets=[sock])
    log.info("stopped", extra={"fields": {"port": bound_port}})
