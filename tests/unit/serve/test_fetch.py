"""The caching client against real servers on 127.0.0.1: ours, a plain static file server over
an exported site, a flaky one and a silent one."""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from embedding_contract.cli import main
from embedding_contract.core.errors import FetchError, IntegrityError, UsageError
from embedding_contract.core.files import sha256
from embedding_contract.schemafiles.site import build_site, write_site
from embedding_contract.serve.client import CACHE_ENV, default_cache_dir, fetch_schema
from tests.support.paths import SCHEMAS
from tests.support.schema_server import ServerProcess, make_tree, running_server, start_server

LARGE = "recap.LargeEmbeddingsConfig"
CURRENT = json.loads((SCHEMAS / "index.json").read_bytes())["latest"]
"""The newest release: what "1" and "latest" resolve to on a server over this repository."""
LARGE_FILE = SCHEMAS / CURRENT / "recap" / "LargeEmbeddingsConfig.json"
FAST = {"timeout": 5.0, "retries": 1, "backoff": 0.01}


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    with running_server() as proc:
        yield proc


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    tree = make_tree(tmp_path_factory.mktemp("releases"))
    with running_server("--dir", str(tree)) as proc:
        yield proc


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Flaky(_Quiet):
    """Answers 503 to the first ``failures`` requests, then serves files."""

    failures = 0
    seen = 0

    def do_GET(self) -> None:
        type(self).seen += 1
        if type(self).seen <= type(self).failures:
            self.send_error(503)
            return
        super().do_GET()


def static_server(directory: Path, handler: type[SimpleHTTPRequestHandler] = _Quiet
                  ) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    return httpd


def url_of(httpd: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}/"


def access(proc: ServerProcess, path: str, count: int) -> list[int]:
    """Statuses the server logged for ``path``, once there are ``count`` (or after 10 s)."""
    deadline = time.monotonic() + 10
    while True:
        found = [r["status"] for r in proc.records() if r.get("path") == path]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_fetch_then_revalidate_with_304(tmp_path: Path) -> None:
    with running_server() as server:
        fetch_then_revalidate(server, tmp_path)


def fetch_then_revalidate(server: ServerProcess, tmp_path: Path) -> None:
    first = fetch_schema(server.url, LARGE, CURRENT, cache_dir=tmp_path, **FAST)
    assert first.source == "network" and not first.messages
    assert first.content == LARGE_FILE.read_bytes()
    assert first.url == server.url + f"{CURRENT}/recap/LargeEmbeddingsConfig.json"
    assert first.schema["$id"].endswith(f"/{CURRENT}/recap/LargeEmbeddingsConfig.json")
    second = fetch_schema(server.url, LARGE, CURRENT.split(".")[0], cache_dir=tmp_path, **FAST)
    assert second.source == "revalidated"
    assert second.content == first.content and second.version == CURRENT
    third = fetch_schema(server.url, LARGE, "latest", cache_dir=tmp_path, **FAST)
    assert third.source == "revalidated"
    assert access(server, f"/{CURRENT}/recap/LargeEmbeddingsConfig.json", 3) == [200, 304, 304]
    assert access(server, "/index.json", 3) == [200, 304, 304]


def test_versions_resolve_against_the_servers_index(releases: ServerProcess,
                                                    tmp_path: Path) -> None:
    for spec, exact in (("1", "1.1.0"), ("1.0", "1.0.0"), ("latest", "2.0.0"),
                        ("2.0.0", "2.0.0")):
        result = fetch_schema(releases.url, "twhin.SgdConfig", spec, cache_dir=tmp_path, **FAST)
        assert result.version == exact
        assert result.schema["$id"].endswith(f"/{exact}/twhin/SgdConfig.json")
    with pytest.raises(UsageError, match="no released version matches '3'"):
        fetch_schema(releases.url, "twhin.SgdConfig", "3", cache_dir=tmp_path, **FAST)
    with pytest.raises(UsageError, match=r"unknown model 'twhin\.Nope'"):
        fetch_schema(releases.url, "twhin.Nope", cache_dir=tmp_path, **FAST)


def test_a_corrupted_cache_entry_is_detected(server: ServerProcess, tmp_path: Path) -> None:
    fetch_schema(server.url, LARGE, cache_dir=tmp_path, **FAST)
    bodies = list(tmp_path.glob("*.body"))
    assert len(bodies) == 2  # index.json and the schema
    for body in bodies:
        body.write_bytes(body.read_bytes() + b" ")
    result = fetch_schema(server.url, LARGE, cache_dir=tmp_path, **FAST)
    assert result.source == "network"
    assert result.content == LARGE_FILE.read_bytes()
    assert sum("is corrupted" in m for m in result.messages) == 2
    assert fetch_schema(server.url, LARGE, cache_dir=tmp_path, **FAST).source == "revalidated"


def test_server_down_falls_back_to_cache_then_package(tmp_path: Path) -> None:
    proc = start_server()
    url = proc.url
    fetch_schema(url, LARGE, "1", cache_dir=tmp_path / "cache", **FAST)
    proc.stop()
    cached = fetch_schema(url, LARGE, "1", cache_dir=tmp_path / "cache", **FAST)
    assert cached.source == "cache"
    assert cached.content == LARGE_FILE.read_bytes()
    assert cached.messages[0].startswith("server unreachable: " + url + "index.json: Connect")
    assert "using the cached copy" in cached.messages[-1]

    packaged = fetch_schema(url, LARGE, "latest", cache_dir=tmp_path / "empty", **FAST)
    assert packaged.source == "package"
    assert packaged.content == LARGE_FILE.read_bytes()
    assert "using the copy packaged in embedding-contract" in packaged.messages[-1]

    for body in (tmp_path / "cache").glob("*.body"):
        body.write_bytes(b"{}")
    damaged = fetch_schema(url, LARGE, "1", cache_dir=tmp_path / "cache", **FAST)
    assert damaged.source == "package"
    assert any("is corrupted" in m for m in damaged.messages)

    with pytest.raises(FetchError, match="server unreachable"):
        fetch_schema(url, LARGE, cache_dir=tmp_path / "empty", fallback=False, **FAST)


def test_content_not_matching_the_index_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(build_site(SCHEMAS), site)
    httpd = static_server(site)
    try:
        good = fetch_schema(url_of(httpd), "twhin.AdamConfig", cache_dir=tmp_path / "c", **FAST)
        assert good.source == "network"  # a plain static host serves the same URLs
        path = site / CURRENT / "recap" / "LargeEmbeddingsConfig.json"
        path.write_bytes(path.read_bytes().replace(b'"minItems": 1', b'"minItems": 0'))
        with pytest.raises(IntegrityError, match=r"does not match .* in the server's index\.json"):
            fetch_schema(url_of(httpd), LARGE, cache_dir=tmp_path / "c", **FAST)
        url = url_of(httpd) + f"{CURRENT}/recap/LargeEmbeddingsConfig.json"
        assert not any(url in p.read_text() for p in (tmp_path / "c").glob("*.json"))
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_offline_package_must_match_the_servers_hash(tmp_path: Path) -> None:
    """Releases of another tree differ from the packaged ones: with the server's index cached
    but the schema not, the packaged copy is not silently accepted."""
    tree = make_tree(tmp_path / "tree", ("1.0.0",))
    proc = start_server("--dir", str(tree))
    fetch_schema(proc.url, "twhin.SgdConfig", cache_dir=tmp_path / "c", **FAST)
    proc.stop()
    with pytest.raises(IntegrityError, match="differs from the server's"):
        fetch_schema(proc.url, LARGE, cache_dir=tmp_path / "c", **FAST)


def test_bounded_retries_with_backoff(tmp_path: Path) -> None:
    class AlwaysDown(Flaky):
        failures = 10**6

    httpd = static_server(SCHEMAS, AlwaysDown)
    try:
        result = fetch_schema(url_of(httpd), LARGE, cache_dir=tmp_path, timeout=5, retries=3,
                              backoff=0.01)
        assert AlwaysDown.seen == 4
        assert result.source == "package"
        assert "HTTP 503 (after 4 attempts)" in result.messages[0]
    finally:
        httpd.shutdown()
        httpd.server_close()

    class TwiceDown(Flaky):
        failures = 2

    httpd = static_server(SCHEMAS, TwiceDown)
    try:
        result = fetch_schema(url_of(httpd), LARGE, cache_dir=tmp_path / "2", timeout=5,
                              retries=2, backoff=0.01)
        assert result.source == "network" and not result.messages
        assert TwiceDown.seen == 4  # 2 failures + index.json + the schema
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_timeout_on_a_silent_server(tmp_path: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        started = time.monotonic()
        result = fetch_schema(url, LARGE, cache_dir=tmp_path, timeout=0.3, retries=1,
                              backoff=0.01)
        elapsed = time.monotonic() - started
    assert result.source == "package"
    assert "ReadTimeout" in result.messages[0] and "after 2 attempts" in result.messages[0]
    assert 0.6 <= elapsed < 5


def test_cli_fetch(server: ServerProcess, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "large.json"
    args = ["fetch", "--base-url", server.url, "--cache-dir", str(tmp_path / "c"),
            "--retries", "0", LARGE, "--version", "1", "-o", str(out)]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert out.read_bytes() == LARGE_FILE.read_bytes()
    assert f"{LARGE} {CURRENT}: network {server.url}{CURRENT}/recap/" in first.stderr
    second = runner.invoke(main, args)
    assert second.exit_code == 0 and f"{LARGE} {CURRENT}: revalidated" in second.stderr

    stdout = runner.invoke(main, args[:-2])
    assert stdout.exit_code == 0 and stdout.stdout_bytes == LARGE_FILE.read_bytes()

    unknown = runner.invoke(main, [*args[:7], "recap.Nope"])
    assert unknown.exit_code == 2 and "unknown model 'recap.Nope'" in unknown.stderr
    bad_url = runner.invoke(main, ["fetch", "--base-url", "ftp://x/", LARGE])
    assert bad_url.exit_code == 2 and "not an http:// or https:// URL" in bad_url.stderr
    missing_dir = runner.invoke(main, [*args[:-1], str(tmp_path / "no" / "such.json")])
    assert missing_dir.exit_code == 2 and "cannot write" in missing_dir.stderr


def test_cli_fetch_falls_back_when_the_server_stops(tmp_path: Path) -> None:
    proc = start_server()
    args = ["fetch", "--base-url", proc.url, "--cache-dir", str(tmp_path), "--retries", "0",
            LARGE]
    assert CliRunner().invoke(main, args).exit_code == 0
    proc.stop()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == LARGE_FILE.read_bytes()
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("embedding-contract: warning: server unreachable: ")
    assert lines[1].startswith("embedding-contract: warning: using the cached copy of ")
    assert lines[2].startswith(f"embedding-contract: {LARGE} {CURRENT}: cache ")
    offline = CliRunner().invoke(main, [*args, "--no-fallback"])
    assert offline.exit_code == 2 and "server unreachable" in offline.stderr


def test_cli_fetch_integrity_error_exits_1(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(build_site(SCHEMAS), site)
    path = site / CURRENT / "twhin" / "SgdConfig.json"
    path.write_bytes(path.read_bytes()[:-2] + b" }\n")
    assert sha256(path.read_bytes()) != json.loads((site / "index.json").read_bytes())[
        "versions"][CURRENT]["models"]["twhin.SgdConfig"]["sha256"]
    httpd = static_server(site)
    try:
        result = CliRunner().invoke(main, ["fetch", "--base-url", url_of(httpd), "--cache-dir",
                                           str(tmp_path / "c"), "twhin.SgdConfig"])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert result.exit_code == 1
    assert "not accepted" in result.stderr and result.stdout_bytes == b""


def test_default_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The environment variable wins; otherwise the platform's user cache folder."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    monkeypatch.setenv(CACHE_ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_cache_dir() == tmp_path / "xdg" / "embedding-contract"
    assert default_cache_dir().name == "embedding-contract"


def test_missing_extras_are_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("httpx", "uvicorn"):
        monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    for module in ("embedding_contract.serve.client", "embedding_contract.serve.server"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    runner = CliRunner()
    served = runner.invoke(main, ["serve", "--port", "0"])
    assert served.exit_code == 2
    fetched = runner.invoke(main, ["fetch", "--base-url", "http://127.0.0.1:9/", LARGE])
    assert fetched.exit_code == 2
    for result, extra in ((served, "serve"), (fetched, "fetch")):
        assert result.stderr.count("\n") == 1
        assert f"pip install 'embedding-contract[{extra}]'" in result.stderr
