"""Hostile inputs drawn at random (a seeded ``random.Random``) and the checks every command must
pass on them: exit code 0, 1 or 2, no traceback, bounded time. Used by
tests/acceptance/test_attacks.py (a few rounds) and scripts/attack.py (many).
"""

from __future__ import annotations

import functools
import json
import random
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "recap-large-embeddings.yaml").read_bytes()
INDEX = (ROOT / "schemas" / "index.json").read_bytes()
MODEL = "recap.LargeEmbeddingsConfig"
CURRENT = json.loads(INDEX)["latest"]
LARGE_PATH = f"{CURRENT}/recap/LargeEmbeddingsConfig.json"
MAX_SECONDS = 60.0  # a hang guard, not a speed figure: each case takes well under a second


Route = Callable[[BaseHTTPRequestHandler], None]


def _send(handler: BaseHTTPRequestHandler, body: bytes, status: int = 200) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def files(overrides: dict[str, bytes] | None = None) -> dict[str, Route]:
    """Routes serving the committed tree, with ``overrides`` (path -> content) in place."""
    content = {"/index.json": INDEX,
               "/" + LARGE_PATH: (ROOT / "schemas" / LARGE_PATH).read_bytes()}
    content.update(overrides or {})
    return {path: functools.partial(_answer, body=body) for path, body in content.items()}


def _answer(handler: BaseHTTPRequestHandler, body: bytes) -> None:
    _send(handler, body)


class Hostile:
    """A loopback HTTP server whose answers the test sets (``routes``), and can swap."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = files()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = outer.routes.get(self.path.split("?")[0])
                if route is None:
                    _send(self, b'{"error": "not found"}', 404)
                else:
                    route(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _deep(rng: random.Random) -> bytes:
    n = rng.choice([150, 201, 1000, 50_000])
    opener, closer = rng.choice([(b"[", b"]"), (b'{"a": ', b"}"), (b"{a: ", b"}")])
    return b"tables: " + opener * n + b"1" + closer * n + b"\n"


def _merge_chain(rng: random.Random) -> bytes:
    n = rng.choice([10, 300, 440])
    lines = ["a0: &a0 {x: 1}"] + [f"a{i}: &a{i} {{<<: *a{i - 1}}}" for i in range(1, n)]
    return ("\n".join([*lines, f"<<: *a{n - 1}"]) + "\n").encode()


def _flip(rng: random.Random) -> bytes:
    data = bytearray(EXAMPLE)
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _splice(rng: random.Random) -> bytes:
    pieces = [b"&a ", b"*a", b"<<: ", b"!!python/object:os.system ", b"\t", b"\x00", b"1e999",
              b"9" * 5000, b"- ", b"{", b"}", b"[", b"]", b": ", b"\n", b"$HOME", b"${X:-",
              b"\xff\xfe", b"'", b'"', b"? ", b"%YAML 1.1\n", b"---\n", b".nan", b"0x1F",
              b"k" * 2000 + b": 1"]
    data = bytearray(EXAMPLE)
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.choice(pieces)
    return bytes(data)


def _long_key(rng: random.Random) -> bytes:
    key = "k" * rng.choice([100, 10_000, 1_000_000])
    return json.dumps({"tables": [], "optimizer": {}, key: 1}).encode()


def _numbers(rng: random.Random) -> bytes:
    value = rng.choice(["1e999", "-1e999", "5e-324", "1" + "0" * 4000, "0." + "1" * 3000,
                        "-0", "1e308", "9007199254740993"])
    return (f"tables:\n  - name: a\n    num_embeddings: {value}\n    embedding_dim: {value}\n"
            f"optimizer: {{init_learning_rate: {value}}}\n").encode()


DOCUMENTS: dict[str, Callable[[random.Random], bytes]] = {
    "deep": _deep, "merge-chain": _merge_chain, "byte-flip": _flip, "splice": _splice,
    "long-key": _long_key, "numbers": _numbers,
}


def hostile_document(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(sorted(DOCUMENTS))
    return kind, DOCUMENTS[kind](rng)


def _schema_number(rng: random.Random) -> tuple[str, str]:
    keyword = rng.choice(["minimum", "maximum", "exclusiveMaximum", "multipleOf", "maxLength"])
    value = rng.choice(["1" + "0" * rng.randint(309, 5000), "-1" + "0" * rng.randint(309, 999),
                        "5e-324", "1e-320", "1.7976931348623157e308", str(2 ** 64 + 1)])
    return '{"type": "number"}', f'{{"type": "number", "{keyword}": {value}}}'


def _schema_pattern(rng: random.Random) -> tuple[str, str]:
    count = rng.choice([999999, 201, 5000, 2 ** 31])
    pattern = rng.choice([f"(?:a{{{count}}}){{{count}}}", f"^a{{{count},}}$",
                          f"^(.*a){{{rng.randint(10, 40)}}}$", "^(a+)+$", "^([a-z]*)*b$",
                          f"^(a|aa){{{rng.randint(10, 200)}}}$", "(" * 50 + "a" + ")" * 50])
    where = rng.choice(["pattern", "patternProperties"])
    if where == "pattern":
        return '{"type": "string"}', json.dumps({"type": "string", "pattern": pattern})
    return (json.dumps({"type": "object", "patternProperties": {pattern: {"type": "string"}}}),
            json.dumps({"type": "object", "patternProperties": {pattern: {"type": "integer"}}}))


def _schema_many(rng: random.Random) -> tuple[str, str]:
    n = rng.randint(50, 150)
    old = {f"p{i}": {"type": "integer", "minimum": 0} for i in range(n)}
    new = {f"p{i}": {"type": "integer", "minimum": rng.randint(1, 9)} for i in range(n)}
    return (json.dumps({"type": "object", "properties": old}),
            json.dumps({"type": "object", "properties": new}))


def _schema_deep(rng: random.Random) -> tuple[str, str]:
    depth = rng.randint(150, 400)
    return '{"type": "object"}', '{"items": ' * depth + '{"type": "string"}' + "}" * depth


def _schema_ref(rng: random.Random) -> tuple[str, str]:
    ref = rng.choice(["http://127.0.0.1:9/x.json", "file:///dev/zero", "file:///etc/passwd",
                      "#/$defs/missing", "#/" + "a/" * 300])
    return '{"type": "object"}', json.dumps({"type": "object", "properties": {"x": {"$ref": ref}}})


SCHEMA_PAIRS: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "number": _schema_number, "pattern": _schema_pattern, "many": _schema_many,
    "deep": _schema_deep, "ref": _schema_ref,
}


def hostile_schemas(rng: random.Random) -> tuple[str, bytes, bytes]:
    """A kind and an (OLD, NEW) pair of schema documents for ``diff``."""
    kind = rng.choice(sorted(SCHEMA_PAIRS))
    old, new = SCHEMA_PAIRS[kind](rng)
    return kind, old.encode(), new.encode()


INDEX_KINDS = ("swap", "path", "sha", "version", "shape", "junk", "deep", "huge")


def hostile_index(rng: random.Random, kind: str | None = None) -> tuple[str, bytes]:
    """An index.json a hostile or broken server might send (of ``kind``, else a random one)."""
    data: Any = json.loads(INDEX)
    models = data["versions"][CURRENT]["models"]
    kind = kind or rng.choice(INDEX_KINDS)
    if kind == "swap":
        names = sorted(models)
        a, b = rng.sample(names, 2)
        models[a], models[b] = models[b], models[a]
    elif kind == "path":
        models[MODEL]["path"] = rng.choice(["../../etc/passwd", "1.0.0/recap/x.json\n",
                                            "/abs.json", "1.0.0/" + "a" * 5000 + ".json", 7])
    elif kind == "sha":
        models[MODEL]["sha256"] = rng.choice(["0" * 64, "zz", None, "A" * 64])
    elif kind == "version":
        data["versions"] = {rng.choice(["9" * 5000 + ".0.0", "1.0", "", "1.0.0\n"]):
                            data["versions"][CURRENT]}
    elif kind == "shape":
        data = rng.choice([[], None, {"versions": []}, {"versions": {"1.0.0": []}},
                           {"versions": {"1.0.0": {"models": {}}}}])
    elif kind == "junk":
        return kind, rng.randbytes(rng.randint(0, 2000))
    elif kind == "deep":
        return kind, b"[" * 100_000 + b"]" * 100_000
    else:
        models[MODEL]["x"] = "y" * 1_000_000
    return kind, json.dumps(data).encode()


def hostile_request(rng: random.Random) -> tuple[str, bytes]:
    """Raw bytes a hostile client might send to the schema server."""
    kind = rng.choice(["junk", "long-target", "many-headers", "body", "bad-line", "split",
                       "pipelined", "nul"])
    if kind == "junk":
        return kind, rng.randbytes(rng.randint(1, 4000))
    if kind == "long-target":
        return kind, b"GET /" + b"a" * rng.choice([3000, 20_000]) + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    if kind == "many-headers":
        headers = b"".join(b"X-%d: v\r\n" % i for i in range(rng.choice([70, 2000])))
        return kind, b"GET /index.json HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n"
    if kind == "body":
        return kind, b"GET /index.json HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde"
    if kind == "bad-line":
        return kind, rng.choice([b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\r\n\r\n\r\n",
                                 b"BREW /pot HTCPCP/1.0\r\n\r\n"])
    if kind == "split":
        return kind, (b'GET /index.json HTTP/1.1\r\nHost: x\r\nIf-None-Match: "a"\r\n'
                      b'If-None-Match: "b"\r\nConnection: close\r\n\r\n')
    if kind == "pipelined":
        return kind, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" * rng.randint(2, 50)
    return kind, b"GET /%00/../index.json HTTP/1.1\r\nHost: x\r\n\r\n"


def send_raw(port: int, data: bytes, timeout: float = 10.0) -> bytes:
    """Send ``data`` and read until the server closes or ``timeout`` passes (no hang)."""
    received = b""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            while chunk := sock.recv(65536):
                received += chunk
        except OSError:
            pass
    return received


def run_cli(args: list[str]) -> tuple[int, str, float]:
    """Run the CLI in-process: (exit code, stderr, seconds); an exception other than the
    CLI's own exit is returned as code -1 with its repr."""
    from embedding_contract.cli import main

    started = time.monotonic()
    result = CliRunner().invoke(main, args)
    elapsed = time.monotonic() - started
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return -1, repr(result.exception), elapsed
    return result.exit_code, result.stderr, elapsed


def problem(code: int, stderr: str, elapsed: float) -> str | None:
    """Why an outcome breaks the rules (exit 0, 1 or 2, no traceback, bounded time), or None."""
    if code not in (0, 1, 2):
        return f"exit code {code}: {stderr[-500:]}"
    if "Traceback" in stderr:
        return f"traceback: {stderr[-500:]}"
    if elapsed > MAX_SECONDS:
        return f"took {elapsed:.1f} s"
    if len(stderr) > 100_000:
        return f"{len(stderr)} characters of messages"
    return None
