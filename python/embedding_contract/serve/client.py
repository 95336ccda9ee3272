"""A caching client for a schema server or any static host of the published layout (httpx).

``fetch_schema(base_url, name, version)`` reads the server's ``index.json``, resolves the version
there, fetches the exact (immutable) URL and accepts the content only if its sha256 equals the
index's. Responses are cached on disk by URL and revalidated with ``If-None-Match``. When the
server cannot be reached, it falls back to the cache, then to the copy inside this package, and
reports each fallback. Needs the optional extra ``embedding-contract[fetch]``.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import platformdirs

from embedding_contract import __version__
from embedding_contract.core.errors import (
    FetchError,
    IntegrityError,
    JsonError,
    SchemaIntegrityError,
    UsageError,
)
from embedding_contract.core.files import sha256, write_atomic
from embedding_contract.core.jsonio import parse, render
from embedding_contract.schemafiles import packaged
from embedding_contract.schemafiles.packaged import MAX_FILE_BYTES, parse_index, record
from embedding_contract.schemafiles.releases import INDEX_FILE
from embedding_contract.serve.deadline import Deadline, DeadlineTransport

CACHE_ENV = "EMBEDDING_CONTRACT_CACHE_DIR"
MAX_URL_CHARS = 2048
MAX_SPEC_CHARS = 64
_MODEL_NAME = re.compile(r"[a-z][a-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*")
APP_NAME = "embedding-contract"
log = logging.getLogger("embedding_contract.serve.client")
log.addHandler(logging.NullHandler())  # reported through FetchResult.messages unless configured


class _Unreachable(Exception):
    """The server did not answer usably after every retry (network error, timeout, 5xx)."""


@dataclass(frozen=True)
class FetchResult:
    name: str
    version: str
    url: str
    content: bytes
    sha256: str
    source: str
    """``network`` (200), ``revalidated`` (304 on the cached copy), ``cache`` or ``package``
    (the server was unreachable)."""
    messages: tuple[str, ...] = field(default=())

    @property
    def schema(self) -> dict[str, Any]:
        return parse(self.content, self.url)  # type: ignore[no-any-return]


def default_cache_dir() -> Path:
    """``$EMBEDDING_CONTRACT_CACHE_DIR``, else the platform's user cache folder for the package
    (``$XDG_CACHE_HOME/embedding-contract`` or ``~/.cache/embedding-contract`` on Linux)."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else platformdirs.user_cache_path(APP_NAME, appauthor=False)


class Cache:
    """Responses on disk, keyed by URL: ``<key>.body`` and ``<key>.json`` (url, etag, sha256)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = sha256(url.encode())[:40]
        return self.directory / f"{key}.body", self.directory / f"{key}.json"

    def read(self, url: str, messages: list[str]) -> tuple[bytes, str | None] | None:
        """(content, etag) if a sound entry exists; a damaged entry is reported and removed."""
        body_path, meta_path = self._paths(url)
        if not os.path.lexists(meta_path):
            return None
        try:
            meta = parse(_read_regular(meta_path), str(meta_path))
            content = _read_regular(body_path)
            sound = isinstance(meta, dict) and meta.get("url") == url \
                and meta.get("sha256") == sha256(content)
        except (OSError, JsonError):
            sound, meta, content = False, {}, b""
        if not sound:
            _report(messages, f"cache entry for {url} is corrupted (content does not match its "
                              "sha256); discarded")
            self.remove(url, messages)
            return None
        etag = meta.get("etag")
        return content, etag if isinstance(etag, str) else None

    def write(self, url: str, content: bytes, etag: str | None) -> None:
        body_path, meta_path = self._paths(url)
        meta = {"url": url, "etag": etag, "sha256": sha256(content)}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomic(body_path, content)
            write_atomic(meta_path, render(meta))
        except OSError as exc:
            log.warning("cannot write the cache entry for %s: %s", url, exc)

    def remove(self, url: str, messages: list[str]) -> None:
        """Delete the entry's files; what cannot be deleted (a read-only cache, a directory
        in the way) is reported and left, and is never trusted since it is re-verified."""
        for path in self._paths(url):
            try:
                if os.path.lexists(path) and stat.S_ISDIR(os.lstat(path).st_mode):
                    raise IsADirectoryError(21, "is a directory")
                path.unlink(missing_ok=True)
            except OSError as exc:
                _report(messages, f"cannot remove {path}: {exc.strerror or exc}")


def _read_regular(path: Path) -> bytes:
    """The content of ``path`` if it is a regular file of at most MAX_FILE_BYTES; a FIFO,
    device or directory is refused without blocking."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise OSError(f"{path} is larger than {MAX_FILE_BYTES} bytes")
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)


def _report(messages: list[str], message: str) -> None:
    messages.append(message)
    log.warning(message)


class _Session:
    def __init__(self, client: httpx.Client, cache: Cache, retries: int, backoff: float,
                 messages: list[str], timeout: float, deadline: Deadline) -> None:
        self.client, self.cache, self.messages = client, cache, messages
        self.retries, self.backoff = retries, backoff
        self.timeout, self.deadline = timeout, deadline

    def get(self, url: str, expected: str | None,
            verify: Callable[[bytes], object] | None = None) -> tuple[bytes, str]:
        """Content of ``url`` and how it was obtained (network or revalidated), verified
        against ``expected`` when given and by ``verify`` (which raises) before it is cached;
        raises _Unreachable, FetchError or IntegrityError."""
        cached = self.cache.read(url, self.messages)
        if cached is not None and expected is not None and sha256(cached[0]) != expected:
            cached = None  # an older copy (index.json changed); fetch afresh
        if cached is not None and verify is not None:
            try:
                verify(cached[0])
            except FetchError as exc:
                _report(self.messages, f"cached copy of {url} not usable ({exc}); discarded")
                self.cache.remove(url, self.messages)
                cached = None
        headers = {"If-None-Match": cached[1]} if cached and cached[1] else {}
        status, etag, content = self._request(url, headers)
        if status == 304 and cached is not None:
            content, how = cached[0], "revalidated"
        elif status == 200:
            how = "network"
        elif status == 404:
            raise FetchError(f"{url}: not found on the server (404)")
        else:
            raise FetchError(f"{url}: unexpected HTTP status {status}")
        if expected is not None and sha256(content) != expected:
            raise IntegrityError(
                f"{url}: content sha256 {sha256(content)} does not match {expected} in the "
                "server's index.json; not accepted")
        if verify is not None:
            verify(content)  # before it may replace the cached copy
        if how == "network":
            self.cache.write(url, content, etag)
        return content, how

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, str | None, bytes]:
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(self.backoff * 2 ** (attempt - 1), 5.0))
            self.deadline.start(self.timeout)
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.status_code >= 500 or response.status_code == 429:
                        problem = f"HTTP {response.status_code}"
                        continue
                    content = _read_limited(response, url, self.deadline)
                    return response.status_code, response.headers.get("etag"), content
            except (httpx.TransportError, _Overdue) as exc:
                problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(f"{_short(url)}: {exc}") from exc
        attempts = self.retries + 1
        raise _Unreachable(
            f"{url}: {problem} (after {attempts} attempt{'s' if attempts > 1 else ''})")


class _Overdue(Exception):
    """The request's overall deadline passed while its body was arriving."""


def _read_limited(response: httpx.Response, url: str, deadline: Deadline) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if deadline.passed():  # also when a caller's own client has no deadline transport
            raise _Overdue("the response did not arrive within the request's deadline")
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise FetchError(f"{url}: response larger than {MAX_FILE_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_schema(base_url: str, name: str, version: str = "latest", *,
                 cache_dir: Path | None = None, timeout: float = 10.0, retries: int = 2,
                 backoff: float = 0.25, fallback: bool = True,
                 client: httpx.Client | None = None) -> FetchResult:
    """Fetch the schema of model ``name`` in ``version`` (exact, major line, or ``latest``)
    from the published layout at ``base_url``.

    Raises IntegrityError when content does not match the server's index, FetchError when the
    schema cannot be obtained, UsageError for an unknown model or version.
    """
    base = _checked_base(base_url)
    if len(version) > MAX_SPEC_CHARS:
        raise UsageError(f"version {_short(version, 40)} is longer than {MAX_SPEC_CHARS} "
                         "characters")
    messages: list[str] = []
    deadline = Deadline()
    session = _Session(
        client or httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False,
                               transport=DeadlineTransport(deadline)),
        Cache(cache_dir or default_cache_dir()), max(retries, 0), backoff, messages, timeout,
        deadline)
    index_url = base + INDEX_FILE
    try:
        try:
            index_bytes, _ = session.get(index_url, None, lambda b: verified_index(b, index_url))
        except _Unreachable as exc:
            return _offline(session, base, name, version, str(exc), fallback)
        index = verified_index(index_bytes, index_url)
        exact, found = record(index, name, version)
        url = base + found["path"]
        try:
            content, how = session.get(url, found["sha256"])
        except _Unreachable as exc:
            return _offline(session, base, name, exact, str(exc), fallback, found["sha256"])
        return FetchResult(name, exact, url, content, found["sha256"], how, tuple(messages))
    finally:
        if client is None:
            session.client.close()


def _checked_base(base_url: str) -> str:
    """``base_url`` with a trailing slash, if it is a usable http(s) URL (UsageError if not)."""
    shown = _short(base_url, 80)
    if len(base_url) > MAX_URL_CHARS or any(c.isspace() or ord(c) < 32 or ord(c) == 127
                                            for c in base_url):
        raise UsageError(f"--base-url {shown} is not a URL (control characters, spaces, or "
                         f"over {MAX_URL_CHARS} characters)")
    base = base_url if base_url.endswith("/") else base_url + "/"
    try:
        parsed = httpx.URL(base)
    except (httpx.InvalidURL, ValueError) as exc:
        raise UsageError(f"--base-url {shown} is not a URL: {exc}") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise UsageError(f"--base-url {shown} is not an http:// or https:// URL")
    return base


def _short(text: str, limit: int = 200) -> str:
    """``text`` for a message: quoted, and cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def verified_index(content: bytes, origin: str) -> dict[str, Any]:
    """The parsed ``index.json`` if its shape, names, paths and hashes are sound, and every model
    name matches its path (``family.Name`` -> ``<version>/family/Name.json``); else FetchError."""
    try:
        index = parse_index(content, origin)
    except SchemaIntegrityError as exc:
        problem = str(exc) if len(str(exc)) <= 400 else str(exc)[:400] + "..."
        raise FetchError(f"the server's index.json is not usable: {problem}") from exc
    for version, entry in index["versions"].items():
        if not entry["models"]:
            raise FetchError(f"{origin}: version {version} lists no models")
        for name, found in entry["models"].items():
            if not isinstance(name, str) or not _MODEL_NAME.fullmatch(name):
                raise FetchError(f"{origin}: {_short(str(name), 80)} is not a model name")
            family, model = name.split(".")
            if found["path"] != f"{version}/{family}/{model}.json":
                raise FetchError(f"{origin}: model {name} of version {version} points at "
                                 f"{_short(found['path'], 120)}, not its own file")
    return index


def _offline(session: _Session, base: str, name: str, version: str, problem: str,
             fallback: bool, expected: str | None = None) -> FetchResult:
    """The server is unreachable: the cached copy (checked against the cached index), else
    the packaged copy, each fallback reported."""
    messages = session.messages
    if not fallback:
        raise FetchError(f"server unreachable: {problem}")
    _report(messages, f"server unreachable: {problem}")
    index_url = base + INDEX_FILE
    cached_index = session.cache.read(index_url, messages)
    index = None
    if cached_index is not None:
        try:
            index = verified_index(cached_index[0], index_url)
        except FetchError as exc:
            _report(messages, f"cached copy of {index_url} not usable ({exc}); discarded")
            session.cache.remove(index_url, messages)
    if index is not None:
        exact, found = record(index, name, version)
        url = base + found["path"]
        cached = session.cache.read(url, messages)
        if cached is not None and sha256(cached[0]) == found["sha256"] \
                and expected in (None, found["sha256"]):
            _report(messages, f"using the cached copy of {url}")
            return FetchResult(name, exact, url, cached[0], found["sha256"], "cache",
                               tuple(messages))
        version, expected = exact, found["sha256"]
    return _packaged(name, version, base, expected, messages)


def _packaged(name: str, version: str, base: str, expected: str | None,
              messages: list[str]) -> FetchResult:
    try:
        exact, found = record(packaged.index(), name, version)
        content = packaged.load_bytes(name, exact)
    except (UsageError, SchemaIntegrityError) as exc:
        raise FetchError(f"no cached copy, and the packaged schemas cannot stand in: {exc}") \
            from exc
    if expected is not None and found["sha256"] != expected:
        raise IntegrityError(
            f"no cached copy, and the packaged {name} {exact} (sha256 {found['sha256']}) differs "
            f"from the server's ({expected}); not accepted")
    _report(messages, f"no usable cached copy; using the copy packaged in embedding-contract "
                      f"{__version__} ({name} {exact})")
    return FetchResult(name, exact, base + found["path"], content, found["sha256"], "package",
                       tuple(messages))
