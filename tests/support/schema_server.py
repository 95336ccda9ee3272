"""Start a real `embedding-contract serve` process on 127.0.0.1 (a free port) and stop it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.client import HTTPResponse
from pathlib import Path
from typing import Any

START_TIMEOUT = 20.0


@dataclass
class ServerProcess:
    process: subprocess.Popen[str]
    port: int
    base_path: str
    log: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.base_path}"

    def records(self) -> list[dict[str, Any]]:
        """The JSON log lines written so far."""
        found = []
        for line in list(self.log):
            try:
                found.append(json.loads(line))
            except ValueError:
                continue
        return found

    def stop(self, timeout: float = 15.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "embedding_contract.cli", "serve", *args]


def start_server(*args: str, base_path: str = "/", port: int = 0) -> ServerProcess:
    """`serve --port PORT ARGS` (0: a free port); waits for the 'listening' log record."""
    process = subprocess.Popen(
        _command("--host", "127.0.0.1", "--port", str(port), "--base-path", base_path, *args),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    server = ServerProcess(process, 0, base_path)
    ready = threading.Event()

    def drain() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            server.log.append(line.rstrip("\n"))
            if not ready.is_set() and '"listening"' in line:
                server.port = json.loads(line)["port"]
                ready.set()
        ready.set()

    threading.Thread(target=drain, daemon=True).start()
    if not ready.wait(START_TIMEOUT) or server.port == 0:
        server.stop()
        raise RuntimeError("server did not start:\n" + "\n".join(server.log))
    return server


@contextmanager
def running_server(*args: str, base_path: str = "/") -> Iterator[ServerProcess]:
    server = start_server(*args, base_path=base_path)
    try:
        yield server
    finally:
        server.stop()


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def raw_request(port: int, head: bytes, *, method: str = "GET", timeout: float = 10.0
                ) -> RawResponse:
    """Send ``head`` (request line and headers, as bytes) untouched, and read one response."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head)
        response = HTTPResponse(sock, method=method)
        response.begin()
        body = response.read()
        return RawResponse(response.status, {k.lower(): v for k, v in response.getheaders()},
                           body)


def get(port: int, target: str, *headers: str, method: str = "GET") -> RawResponse:
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    return raw_request(port, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"), method=method)


def wait_closed(port: int, timeout: float = 10.0) -> bool:
    """True once nothing accepts connections on the port any more."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            return True
        time.sleep(0.1)
    return False


def make_tree(dest: Path, versions: tuple[str, ...] = ("1.0.0", "1.1.0", "2.0.0")) -> Path:
    """A schema tree with several releases, each a copy of the committed 1.0.0 under its own
    version ($id and a description changed so every release has distinct content)."""
    from embedding_contract.core.jsonio import render
    from embedding_contract.schemafiles.export import build_index
    from embedding_contract.schemafiles.releases import read_release

    source = Path(__file__).resolve().parents[2] / "schemas" / "1.0.0"
    for version in versions:
        for path in sorted(source.rglob("*.json")):
            document = json.loads(path.read_bytes())
            document["$id"] = document["$id"].replace("/1.0.0/", f"/{version}/")
            document["description"] = f"{document.get('description', '')} (release {version})"
            target = dest / version / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render(document))
    (dest / "index.json").write_bytes(
        build_index({v: read_release(dest, v) for v in versions}))
    return dest
