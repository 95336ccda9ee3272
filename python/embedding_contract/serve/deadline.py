"""An overall deadline for each HTTP request of the client (httpx), not a timeout per read.

httpx's timeouts apply to each network operation, so a server sending one byte a second keeps a
request alive forever. Here every connect, read and write of the connection gets at most the time
left until the request's deadline, and fails with a timeout once it has passed.
"""

from __future__ import annotations

import math
import time
import typing
from typing import Any

import httpcore
import httpx


class Deadline:
    """The moment (``time.monotonic``) the current request must be done by."""

    def __init__(self) -> None:
        self.at = math.inf

    def start(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def left(self, timeout: float | None) -> float:
        remaining = self.at - time.monotonic()
        if remaining <= 0:
            raise httpcore.ReadTimeout("the request's overall deadline has passed")
        return remaining if timeout is None else min(timeout, remaining)

    def passed(self) -> bool:
        return time.monotonic() >= self.at


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream, self._deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._stream.start_tls(ssl_context, server_hostname,
                                              self._deadline.left(timeout)), self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, deadline: Deadline) -> None:
        self._backend, self._deadline = httpcore.SyncBackend(), deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._backend.connect_tcp(host, port, self._deadline.left(timeout),
                                                 local_address, socket_options), self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: typing.Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        return _Stream(self._backend.connect_unix_socket(path, self._deadline.left(timeout),
                                                         socket_options), self._deadline)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport whose connections honour ``deadline`` (set before each request)."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        # The same pool httpx builds, with a network backend that applies the deadline.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), max_connections=10,
            max_keepalive_connections=10, keepalive_expiry=5.0,
            network_backend=_Backend(deadline))
