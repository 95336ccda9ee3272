"""The client against hostile servers and a hostile file system, all on 127.0.0.1 and bounded in
time: it verifies before it trusts or caches, keeps each request within its deadline, never
replaces what is not a regular file, and ends every failure with exit 2 and one line."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from embedding_contract.cli import main
from embedding_contract.core.errors import FetchError
from embedding_contract.serve.client import Cache, fetch_schema
from tests.support.attacks import Hostile, Route, files
from tests.support.paths import SCHEMAS

LARGE = "recap.LargeEmbeddingsConfig"
INDEX = (SCHEMAS / "index.json").read_bytes()
CURRENT = json.loads(INDEX)["latest"]
LARGE_PATH = f"{CURRENT}/recap/LargeEmbeddingsConfig.json"
FAST = {"timeout": 2.0, "retries": 0, "backoff": 0.01}

@pytest.fixture()
def hostile() -> Iterator[Hostile]:
    server = Hostile()
    try:
        yield server
    finally:
        server.close()


def _index_with(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = json.loads(INDEX)
    change(data)
    return json.dumps(data).encode()


def test_an_error_page_served_as_the_index_does_not_poison_the_cache(
        hostile: Hostile, tmp_path: Path) -> None:
    good = fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    assert good.source == "network"
    cached = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    hostile.routes = files({"/index.json": b"<html>502 Bad Gateway</html>"})
    with pytest.raises(FetchError, match=r"index\.json is not usable"):
        fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    hostile.routes = files({"/index.json": b'{"versions": {"1.0.0": {"models": {}}}}'})
    with pytest.raises(FetchError, match="lists no models"):
        fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == cached
    hostile.close()
    offline = fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    assert offline.source == "cache" and offline.content == good.content


def test_a_poisoned_cached_index_falls_back_to_the_package(
        hostile: Hostile, tmp_path: Path) -> None:
    fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    index_url = hostile.url + "index.json"
    Cache(tmp_path).write(index_url, b'{"versions": {}}', None)  # written by an older client
    hostile.close()
    result = fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    assert result.source == "package"
    assert any("index.json not usable" in m for m in result.messages)


def test_an_index_mapping_a_name_to_another_models_file_is_refused(
        hostile: Hostile, tmp_path: Path) -> None:
    def swap(data: dict[str, Any]) -> None:
        models = data["versions"][CURRENT]["models"]
        models[LARGE] = models["recap.SmallEmbeddingsConfig"]

    hostile.routes = files({"/index.json": _index_with(swap)})
    other = f"points at '{CURRENT}/recap/SmallEmbeddingsConfig.json'"
    with pytest.raises(FetchError, match=re.escape(other)):
        fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    assert not list(tmp_path.glob("*.body"))


def _trickle_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    for _ in range(100):  # about 10 s at most
        try:
            handler.wfile.write(b" ")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.1)


def _trickle_head(handler: BaseHTTPRequestHandler) -> None:
    for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 200:
        try:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.05)


@pytest.mark.parametrize("route", [_trickle_body, _trickle_head], ids=["body", "head"])
def test_a_trickling_server_cannot_hold_fetch_past_its_timeout(
        hostile: Hostile, tmp_path: Path, route: Route) -> None:
    hostile.routes = {"/index.json": route}
    started = time.monotonic()
    with pytest.raises(FetchError, match="server unreachable"):
        fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, timeout=1.0, retries=0,
                     fallback=False)
    assert time.monotonic() - started < 3


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, ["fetch", *args])


def _one_line_exit_2(result: Any, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert "Traceback" not in result.output and len(lines[0]) < 600


@pytest.mark.parametrize(("base_url", "fragment"), [
    ("http://127.0.0.1:1/\n", "is not a URL"),
    ("http://[::1/", "is not a URL"),
    ("http://x/" + "a" * 5000, "is not a URL"),
    ("file:///etc/", "not an http:// or https:// URL"),
])
def test_bad_base_urls(base_url: str, fragment: str, tmp_path: Path) -> None:
    _one_line_exit_2(_cli("--base-url", base_url, "--cache-dir", str(tmp_path), LARGE), fragment)


def test_a_5000_digit_version(hostile: Hostile, tmp_path: Path) -> None:
    _one_line_exit_2(_cli("--base-url", hostile.url, "--cache-dir", str(tmp_path),
                          "--version", "7" * 5000, LARGE), "longer than 64 characters")


@pytest.mark.parametrize(("index", "fragment"), [
    (b"[" * 100_000 + b"]" * 100_000, "deeper than"),
    (b'{"versions": ' + b'{"a": ' * 5000 + b"1" + b"}" * 5001, "deeper than"),
    (_index_with(lambda d: d["versions"][CURRENT]["models"][LARGE].update(
        path=LARGE_PATH + "\n")), "is not a schema path"),
    (_index_with(lambda d: d["versions"].update({"9" * 5000 + ".0.0": {"models": {}}})),
     "index.json is not usable"),
])
def test_hostile_indexes_exit_2(hostile: Hostile, tmp_path: Path, index: bytes,
                                fragment: str) -> None:
    hostile.routes = files({"/index.json": index})
    _one_line_exit_2(_cli("--base-url", hostile.url, "--cache-dir", str(tmp_path), LARGE),
                     fragment)


def _entry(cache: Path, url: str) -> tuple[Path, Path]:
    return Cache(cache)._paths(url)


@pytest.mark.parametrize("damage", ["nested-meta", "body-directory", "body-fifo"])
def test_a_damaged_cache_entry_is_discarded(hostile: Hostile, tmp_path: Path,
                                            damage: str) -> None:
    fetch_schema(hostile.url, LARGE, cache_dir=tmp_path, **FAST)
    body, meta = _entry(tmp_path, hostile.url + LARGE_PATH)
    if damage == "nested-meta":
        meta.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    elif damage == "body-directory":
        body.unlink()
        body.mkdir()
    else:
        body.unlink()
        os.mkfifo(body)
    hostile.close()
    started = time.monotonic()
    result = _cli("--base-url", hostile.url, "--cache-dir", str(tmp_path), "--retries", "0",
                  LARGE)
    assert result.exit_code == 0, result.output
    assert "is corrupted" in result.stderr and "packaged" in result.stderr
    assert time.monotonic() - started < 10


def test_a_read_only_cache_with_a_corrupt_entry(hostile: Hostile, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fetch_schema(hostile.url, LARGE, cache_dir=cache, **FAST)
    body, _ = _entry(cache, hostile.url + LARGE_PATH)
    body.write_bytes(b"{}")
    cache.chmod(0o555)
    try:
        result = _cli("--base-url", hostile.url, "--cache-dir", str(cache), "--retries", "0",
                      LARGE)
    finally:
        cache.chmod(0o755)
    assert result.exit_code == 0, result.output
    assert "is corrupted" in result.stderr
    if os.geteuid() != 0:  # root may delete in a read-only folder
        assert "cannot remove" in result.stderr


def test_output_never_replaces_a_symlink_or_directory(hostile: Hostile, tmp_path: Path) -> None:
    target = tmp_path / "precious"
    target.write_bytes(b"keep")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    args = ["--base-url", hostile.url, "--cache-dir", str(tmp_path / "c"), LARGE, "-o"]
    _one_line_exit_2(_cli(*args, str(link)), "is a symbolic link; not replaced")
    assert link.is_symlink() and target.read_bytes() == b"keep"
    regular = tmp_path / "out.json"
    regular.write_bytes(b"old")
    regular.chmod(0o640)
    assert _cli(*args, str(regular)).exit_code == 0
    assert stat.S_IMODE(regular.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.json"
    assert _cli(*args, str(fresh)).exit_code == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_output_streams_into_a_fifo_and_a_device(hostile: Hostile, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(0.2)
    args = ["--base-url", hostile.url, "--cache-dir", str(tmp_path / "c"), LARGE, "-o"]
    assert _cli(*args, str(fifo)).exit_code == 0
    reader.join(5)
    assert received == [(SCHEMAS / LARGE_PATH).read_bytes()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    _one_line_exit_2(_cli(*args, str(fifo)), "cannot write")  # no reader: no hang
    assert _cli(*args, "/dev/null").exit_code == 0
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    to_device = tmp_path / "to-null"
    to_device.symlink_to("/dev/null")
    assert _cli(*args, str(to_device)).exit_code == 0
    assert to_device.is_symlink()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_stdout_on_a_full_device(hostile: Hostile, tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "embedding_contract.cli", "fetch", "--base-url", hostile.url,
             "--cache-dir", str(tmp_path), LARGE], stdout=full, stderr=subprocess.PIPE,
            timeout=60, text=True)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "embedding-contract: cannot write to stdout: No space left on device"]


def test_the_silent_socket_listener_sees_no_request_after_the_deadline(tmp_path: Path) -> None:
    """A server that accepts and never answers: bounded by --timeout in all."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        started = time.monotonic()
        result = _cli("--base-url", url, "--cache-dir", str(tmp_path), "--timeout", "0.5",
                      "--retries", "0", "--no-fallback", LARGE)
    assert result.exit_code == 2 and "server unreachable" in result.stderr
    assert time.monotonic() - started < 3
