"""The schema server, as a real process on 127.0.0.1: routes, headers, limits, shutdown."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from embedding_contract.serve.server import RateLimit
from tests.support.paths import ROOT, SCHEMAS
from tests.support.schema_server import (
    RawResponse,
    ServerProcess,
    get,
    make_tree,
    raw_request,
    running_server,
    start_server,
    wait_closed,
)

INDEX = json.loads((SCHEMAS / "index.json").read_bytes())
RECORDS = [r for entry in INDEX["versions"].values()
           for r in [*entry["models"].values(), entry["vocabulary"]]]
LARGE = "1.0.0/recap/LargeEmbeddingsConfig.json"
LARGE_SHA = INDEX["versions"]["1.0.0"]["models"]["recap.LargeEmbeddingsConfig"]["sha256"]
IMMUTABLE = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    with running_server() as proc:
        yield proc


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server over a tree with releases 1.0.0, 1.1.0 and 2.0.0."""
    tree = make_tree(tmp_path_factory.mktemp("releases"))
    with running_server("--dir", str(tree)) as proc:
        yield proc


def assert_json_error(response: RawResponse, status: int) -> None:
    assert response.status == status, response.body
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["status"] == status


def test_every_released_file_at_its_path(server: ServerProcess) -> None:
    for record in RECORDS:
        response = get(server.port, "/" + record["path"])
        assert response.status == 200, record["path"]
        assert response.body == (SCHEMAS / record["path"]).read_bytes()
        assert hashlib.sha256(response.body).hexdigest() == record["sha256"]
        assert response.headers["content-type"] == "application/schema+json"
        assert response.headers["etag"] == f'"{record["sha256"]}"'
        assert response.headers["cache-control"] == IMMUTABLE
        assert response.headers["access-control-allow-origin"] == "*"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "server" not in response.headers


def test_index(server: ServerProcess) -> None:
    response = get(server.port, "/index.json")
    content = (SCHEMAS / "index.json").read_bytes()
    assert response.status == 200
    assert response.body == content
    assert response.headers["content-type"] == "application/json"
    assert response.headers["etag"] == f'"{hashlib.sha256(content).hexdigest()}"'
    assert response.headers["cache-control"] == "public, max-age=300"


def test_aliases_resolve_to_the_newest_matching_release(releases: ServerProcess) -> None:
    index = get(releases.port, "/index.json").json()
    for alias, version in (("v1", "1.1.0"), ("v2", "2.0.0"), ("latest", "2.0.0")):
        for name, record in index["versions"][version]["models"].items():
            response = get(releases.port, f"/{alias}/{name.replace('.', '/')}.json")
            assert response.status == 200, (alias, name)
            assert response.json()["$id"].endswith(f"/{version}/{name.replace('.', '/')}.json")
            assert response.headers["etag"] == f'"{record["sha256"]}"'
            assert response.headers["cache-control"] == "public, max-age=300"
        vocabulary = get(releases.port, f"/{alias}/vocabulary.json")
        assert vocabulary.json()["$id"].endswith(f"/{version}/vocabulary.json")
    exact = get(releases.port, "/1.0.0/recap/LargeEmbeddingsConfig.json")
    assert exact.json()["$id"].endswith("/1.0.0/recap/LargeEmbeddingsConfig.json")
    assert exact.headers["cache-control"] == IMMUTABLE
    assert_json_error(get(releases.port, "/v3/recap/LargeEmbeddingsConfig.json"), 404)
    assert_json_error(get(releases.port, "/v1.1/recap/LargeEmbeddingsConfig.json"), 404)


def test_fetch_by_content_hash(server: ServerProcess) -> None:
    for record in RECORDS:
        response = get(server.port, f"/sha256/{record['sha256']}.json")
        assert response.status == 200
        assert hashlib.sha256(response.body).hexdigest() == record["sha256"]
        assert response.headers["cache-control"] == IMMUTABLE
    assert_json_error(get(server.port, f"/sha256/{'0' * 64}.json"), 404)
    assert_json_error(get(server.port, f"/sha256/{LARGE_SHA.upper()}.json"), 404)


@pytest.mark.parametrize("header", [
    f'"{LARGE_SHA}"', f'W/"{LARGE_SHA}"', f'"other", "{LARGE_SHA}"', "*"])
def test_if_none_match_gives_304(server: ServerProcess, header: str) -> None:
    response = get(server.port, "/" + LARGE, f"If-None-Match: {header}")
    assert response.status == 304
    assert response.body == b""
    assert response.headers["etag"] == f'"{LARGE_SHA}"'
    assert response.headers["cache-control"] == IMMUTABLE


def test_if_none_match_split_over_two_fields_gives_304(server: ServerProcess) -> None:
    response = get(server.port, "/" + LARGE, 'If-None-Match: "other"',
                   f'If-None-Match: "{LARGE_SHA}"')
    assert response.status == 304


def test_other_etag_gives_the_content(server: ServerProcess) -> None:
    response = get(server.port, "/" + LARGE, f'If-None-Match: "{LARGE_SHA[:-1]}0"')
    assert response.status == 200
    assert response.body == (SCHEMAS / LARGE).read_bytes()


def test_head(server: ServerProcess) -> None:
    for target in ("/" + LARGE, "/index.json", "/latest/recap/LargeEmbeddingsConfig.json",
                   "/healthz"):
        full = get(server.port, target)
        head = get(server.port, target, method="HEAD")
        assert head.status == 200
        assert head.body == b""
        assert head.headers["content-length"] == str(len(full.body))
        for key in ("content-type", "etag", "cache-control"):
            assert head.headers.get(key) == full.headers.get(key)


def test_cors(server: ServerProcess) -> None:
    preflight = get(server.port, "/" + LARGE, "Origin: https://tool.example",
                    "Access-Control-Request-Method: GET",
                    "Access-Control-Request-Headers: if-none-match", method="OPTIONS")
    assert preflight.status == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert preflight.headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in preflight.headers["access-control-allow-headers"].lower()
    assert int(preflight.headers["access-control-max-age"]) > 0
    simple = get(server.port, "/" + LARGE, "Origin: https://tool.example")
    assert simple.headers["access-control-allow-origin"] == "*"
    assert "etag" in simple.headers["access-control-expose-headers"].lower()
    plain = get(server.port, "/index.json", method="OPTIONS")
    assert plain.status == 204
    assert plain.headers["allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"])
def test_only_get_head_options(server: ServerProcess, method: str) -> None:
    response = get(server.port, "/" + LARGE, method=method)
    assert_json_error(response, 405)
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("target", [
    "/../etc/passwd",
    "/1.0.0/../../../../etc/passwd",
    "/latest/../1.0.0/recap/LargeEmbeddingsConfig.json",
    "/./index.json",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/1.0.0/recap/..%2f..%2findex.json",
    "/..%5c..%5cetc%5cpasswd",
    "/1.0.0\\..\\index.json",
    "/index.json%00",
    "/%00/etc/passwd",
    "/etc/passwd",
    "//etc/passwd",
    "/" + str(SCHEMAS / "index.json"),
    "http://127.0.0.1/etc/passwd",
    "/1.0.0",
    "/1.0.0/recap",
    "/1.0.0/recap/",
    "/sha256/",
    "/index.html/",
    "/schemas/1.0.0/recap/LargeEmbeddingsConfig.json",
])
def test_nothing_outside_the_tree(server: ServerProcess, target: str) -> None:
    response = get(server.port, target)
    assert response.status in (400, 404), (target, response.status)
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["status"] == response.status
    assert b"root:" not in response.body and b"$schema" not in response.body


@pytest.mark.parametrize(("target", "title"), [
    ("/", "embedding-contract schemas"),
    ("/index.html", "embedding-contract schemas"),
    ("/1.0.0/", "Version 1.0.0"),
    ("/1.0.0/recap/LargeEmbeddingsConfig.html", "recap.LargeEmbeddingsConfig 1.0.0"),
    ("/1.0.0/changes.html", "Changes in 1.0.0"),
])
def test_pages_are_html_with_a_page_policy(server: ServerProcess, target: str,
                                           title: str) -> None:
    response = get(server.port, target)
    assert response.status == 200, target
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert f"<title>{title} · embedding-contract</title>" in response.body.decode()
    policy = response.headers["content-security-policy"]
    assert "style-src 'self'" in policy and "script-src" not in policy
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "public, max-age=300"


def test_stylesheet(server: ServerProcess) -> None:
    response = get(server.port, "/site.css")
    assert response.status == 200
    assert response.headers["content-type"] == "text/css; charset=utf-8"
    assert b"@media print" in response.body


def test_nul_byte_in_request_line(server: ServerProcess) -> None:
    response = raw_request(server.port, b"GET /index.json\x00 HTTP/1.1\r\nHost: x\r\n\r\n")
    assert_json_error(response, 400)


def test_no_symlink_escape(tmp_path: Path) -> None:
    secret_dir = tmp_path / "outside"
    secret_dir.mkdir()
    (secret_dir / "secret.json").write_text('{"secret": true}')
    tree = tmp_path / "tree"
    shutil.copytree(SCHEMAS, tree)
    (tree / "1.0.0" / "recap" / "Leak.json").symlink_to(secret_dir / "secret.json")
    (tree / "1.0.0" / "outside").symlink_to(secret_dir)
    (tree / "root").symlink_to("/")
    with running_server("--dir", str(tree)) as proc:
        for target in ("/1.0.0/recap/Leak.json", "/1.0.0/outside/secret.json",
                       "/root/etc/passwd", "/latest/recap/Leak.json"):
            assert_json_error(get(proc.port, target), 404)
        assert get(proc.port, "/" + LARGE).status == 200


def test_a_listed_file_that_escapes_stops_the_start(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    tree = tmp_path / "tree"
    shutil.copytree(SCHEMAS, tree)
    target = tree / LARGE
    secret.write_bytes(target.read_bytes())  # same bytes: only the location is wrong
    target.unlink()
    target.symlink_to(secret)
    result = serve_and_fail("--dir", str(tree))
    assert "outside the schema tree" in result


def serve_and_fail(*args: str) -> str:
    """Run `serve` that must refuse to start: exit 2, one line on stderr, no traceback."""
    completed = subprocess.run(
        [sys.executable, "-m", "embedding_contract.cli", "serve", "--port", "0", *args],
        capture_output=True, text=True, timeout=30)
    assert completed.returncode == 2, completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("embedding-contract: "), completed.stderr
    return lines[0]


def test_start_refusals(tmp_path: Path) -> None:
    assert "not a schema tree" in serve_and_fail("--dir", str(tmp_path / "missing"))
    tree = tmp_path / "tree"
    shutil.copytree(SCHEMAS, tree)
    (tree / LARGE).write_bytes((tree / LARGE).read_bytes().replace(b"tables", b"tablez"))
    assert "does not match its sha256" in serve_and_fail("--dir", str(tree))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert "cannot listen on 127.0.0.1" in serve_and_fail("--port", str(port))
    assert "base path" in serve_and_fail("--base-path", "/a/../b/")


def test_request_size_limits(server: ServerProcess) -> None:
    assert_json_error(get(server.port, "/" + "a" * 3000), 414)
    many = [f"X-Header-{i}: {i}" for i in range(100)]
    assert_json_error(get(server.port, "/index.json", *many), 431)
    assert_json_error(get(server.port, "/index.json", "X-Big: " + "b" * 10_000), 431)
    assert_json_error(get(server.port, "/index.json", "Content-Length: 4"), 413)
    # a request head still incomplete past uvicorn's 16 KiB cap is cut off
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"GET /index.json HTTP/1.1\r\nHost: x\r\nX-Big: " + b"c" * 40_000)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ")
    assert json.loads(body)["error"]["status"] == 400
    assert get(server.port, "/index.json").status == 200


def test_healthz(server: ServerProcess) -> None:
    response = get(server.port, "/healthz")
    assert response.status == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["status"] == "ok"
    assert body["versions"] == sorted(INDEX["versions"])
    assert body["latest"] == INDEX["latest"]


def test_structured_access_log(server: ServerProcess) -> None:
    marker = f"/no-such-file-{time.monotonic_ns()}.json"
    get(server.port, marker)
    get(server.port, "/" + LARGE, method="HEAD")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        access = [r for r in server.records() if r.get("logger", "").endswith(".access")]
        missing = [r for r in access if r.get("path") == marker]
        heads = [r for r in access if r.get("method") == "HEAD" and r.get("path") == "/" + LARGE]
        if missing and heads:
            break
        time.sleep(0.05)
    assert missing and heads, server.log[-5:]
    assert missing[0]["status"] == 404 and missing[0]["method"] == "GET"
    assert missing[0]["client"] == "127.0.0.1"
    assert isinstance(missing[0]["duration_ms"], float)
    assert missing[0]["ts"].endswith("+00:00")
    assert heads[-1]["bytes"] == 0 and heads[-1]["status"] == 200


def test_id_urls_resolve_under_the_base_path() -> None:
    """With the base URL's path as --base-path, the path of every $id is served."""
    with running_server(base_path="/schemas/") as proc:
        for record in RECORDS:
            response = get(proc.port, urlsplit(record["$id"]).path)
            assert response.status == 200, record["$id"]
            assert response.json()["$id"] == record["$id"]
        assert get(proc.port, "/schemas/index.json").status == 200
        assert_json_error(get(proc.port, "/index.json"), 404)
        assert get(proc.port, "/healthz").status == 200


def test_sigterm_shuts_down_cleanly() -> None:
    proc = start_server()
    idle = socket.create_connection(("127.0.0.1", proc.port), timeout=10)
    try:
        assert get(proc.port, "/healthz").status == 200
        started = time.monotonic()
        proc.process.send_signal(signal.SIGTERM)
        code = proc.process.wait(15)
        assert code == 0, proc.log
        assert time.monotonic() - started < 10
    finally:
        idle.close()
        proc.stop()
    assert wait_closed(proc.port)
    messages = [r.get("message") for r in proc.records()]
    assert "stopped" in messages and "Shutting down" in messages
    assert not any("Traceback" in line for line in proc.log)


def test_load_script_smoke() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "load_test.py"), "--requests", "400",
         "--concurrency", "8"], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["requests"] == 400 and report["errors"] == 0
    assert report["p50_ms"] <= report["p99_ms"]
    assert report["requests_per_second"] > 0


def test_silent_and_trickling_connections_are_closed_at_the_deadline() -> None:
    """Issue: silent or trickling sockets stayed open forever. A bounded number of them is
    closed within the request deadline while normal requests keep being answered."""
    proc = start_server("--request-timeout", "1", "--max-connections", "40")
    try:
        start = time.monotonic()
        silent = [socket.create_connection(("127.0.0.1", proc.port), timeout=5)
                  for _ in range(10)]
        trickle = socket.create_connection(("127.0.0.1", proc.port), timeout=5)
        half_body = socket.create_connection(("127.0.0.1", proc.port), timeout=5)
        half_body.sendall(b"GET /index.json HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab")
        with urllib.request.urlopen(proc.url + "index.json", timeout=5) as response:
            assert response.status == 200
        for byte in b"GET /index.json HTTP/1.1\r\nHost: x\r\n" * 10:
            try:
                trickle.send(bytes([byte]))
            except OSError:
                break
            time.sleep(0.05)
        trickled = time.monotonic() - start
        for sock in silent:
            assert sock.recv(100) == b""
        assert trickled < 4
        assert time.monotonic() - start < 5
        with urllib.request.urlopen(proc.url + "index.json", timeout=5) as response:
            assert response.status == 200
        for sock in [*silent, trickle, half_body]:
            sock.close()
    finally:
        proc.stop()
    deadlines = [r for r in proc.records() if r.get("message") == "request deadline"]
    assert len(deadlines) >= 11


def test_connections_over_the_cap_are_refused_with_503() -> None:
    proc = start_server("--request-timeout", "2", "--max-connections", "5")
    try:
        held = [socket.create_connection(("127.0.0.1", proc.port), timeout=5) for _ in range(12)]
        answers = []
        for sock in held:
            try:
                answers.append(sock.recv(1000))
            except TimeoutError:
                answers.append(b"")
        refused = [a for a in answers if a.startswith(b"HTTP/1.1 503")]
        assert len(refused) >= 7
        assert b'"status": 503' in refused[0]
        for sock in held:
            sock.close()
        time.sleep(0.3)
        with urllib.request.urlopen(proc.url + "index.json", timeout=5) as response:
            assert response.status == 200
    finally:
        proc.stop()


def test_warnings_are_rate_limited_and_counted() -> None:
    limit = RateLimit(rate=3)
    records = [logging.LogRecord("x", logging.WARNING, "f", 1, "m", None, None)
               for _ in range(10)]
    passed = [limit.filter(r) for r in records]
    assert passed.count(True) <= 6  # at most two one-second windows in this loop
    assert limit.suppressed >= 4 or any(getattr(r, "fields", {}).get("suppressed")
                                        for r in records)
    info = logging.LogRecord("x", logging.INFO, "f", 1, "m", None, None)
    assert limit.filter(info)


def test_a_flood_of_malformed_requests_gives_a_rate_limited_structured_log() -> None:
    proc = start_server("--request-timeout", "2")
    try:
        for _ in range(150):
            with socket.create_connection(("127.0.0.1", proc.port), timeout=5) as sock:
                sock.sendall(b"\x00\x01 not http\r\n\r\n")
                while sock.recv(4096):
                    pass
        time.sleep(1.1)  # a new one-second window: the next warning carries the count
        with socket.create_connection(("127.0.0.1", proc.port), timeout=5) as sock:
            sock.sendall(b"\x00 not http\r\n\r\n")
            while sock.recv(4096):
                pass
        with urllib.request.urlopen(proc.url + "index.json", timeout=5) as response:
            assert response.status == 200
    finally:
        proc.stop()
    records = proc.records()
    assert len(records) == len(proc.log)  # every line is a JSON object
    warnings = [r for r in records if r["level"] in ("warning", "error")]
    assert len(warnings) < 150
    assert sum(r.get("suppressed", 0) for r in warnings) > 0
