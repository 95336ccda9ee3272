"""Bounded load test of the schema server, on loopback only.

Starts `embedding-contract serve` on 127.0.0.1 (a free port) unless --url names a running one,
sends a fixed number of GET requests over keep-alive connections (one per worker) across every
kind of URL (exact, alias, by hash, index.json, and conditional requests answered 304), then
reports throughput, p50/p99 latency and errors. The last stdout line is the report as JSON.
Exit status 1 if any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def start_server(directory: str | None, access_log: bool) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "embedding_contract.cli", "serve", "--host", "127.0.0.1",
               "--port", "0", "--access-log" if access_log else "--no-access-log"]
    if directory:
        command += ["--dir", directory]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    ready = threading.Event()
    found: list[str] = []

    def drain() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if not ready.is_set() and '"listening"' in line:
                found.append(json.loads(line)["url"])
                ready.set()
        ready.set()

    threading.Thread(target=drain, daemon=True).start()
    if not ready.wait(30) or not found:
        process.kill()
        sys.exit("load_test: the server did not start")
    return process, found[0]


def plan(index: dict[str, object], total: int) -> list[tuple[str, str | None, int]]:
    """(path, If-None-Match, expected status) for each request, cycling through the URLs."""
    kinds: list[tuple[str, str | None, int]] = [("index.json", None, 200)]
    versions = index["versions"]
    assert isinstance(versions, dict)
    latest = max(versions, key=lambda v: tuple(int(p) for p in v.split(".")))
    for version, entry in versions.items():
        for record in entry["models"].values():
            path, digest = record["path"], record["sha256"]
            rest = path.partition("/")[2]
            kinds += [(path, None, 200), (f"sha256/{digest}.json", None, 200),
                      (path, f'"{digest}"', 304)]
            if version == latest:
                kinds += [(f"latest/{rest}", None, 200), (f"v{version.split('.')[0]}/{rest}",
                                                           None, 200)]
    return [kinds[i % len(kinds)] for i in range(total)]


async def worker(host: str, port: int, prefix: str, queue: asyncio.Queue[tuple[str, str | None,
                 int]], latencies: list[float], errors: list[str]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            try:
                path, etag, expected = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            head = f"GET {prefix}{path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            if etag:
                head += f"If-None-Match: {etag}\r\n"
            started = time.perf_counter()
            try:
                writer.write((head + "\r\n").encode())
                status, length = await read_head(reader)
                if length:
                    await reader.readexactly(length)
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(f"{path}: {type(exc).__name__}")
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            latencies.append(time.perf_counter() - started)
            if status != expected:
                errors.append(f"{path}: HTTP {status}, expected {expected}")
    finally:
        writer.close()


async def read_head(reader: asyncio.StreamReader) -> tuple[int, int]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return status, length


async def run(url: str, requests: int, concurrency: int) -> dict[str, object]:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {prefix}index.json HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    status, length = await read_head(reader)
    index = json.loads(await reader.readexactly(length))
    writer.close()
    if status != 200:
        sys.exit(f"load_test: {url}index.json answered {status}")
    queue: asyncio.Queue[tuple[str, str | None, int]] = asyncio.Queue()
    for item in plan(index, requests):
        queue.put_nowait(item)
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    await asyncio.gather(*(worker(host, port, prefix, queue, latencies, errors)
                           for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(q: float) -> float:
        if not latencies:
            return 0.0
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 3)

    return {"requests": requests, "concurrency": concurrency, "errors": len(errors),
            "error_samples": errors[:5], "seconds": round(elapsed, 3),
            "requests_per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": percentile(0.50), "p99_ms": percentile(0.99),
            "max_ms": percentile(1.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--url", help="a running server's base URL (loopback only)")
    parser.add_argument("--dir", help="schema tree for the server this script starts")
    parser.add_argument("--access-log", action="store_true",
                        help="keep the server's access log on (it is drained and discarded)")
    args = parser.parse_args()
    if not 1 <= args.requests <= 1_000_000 or not 1 <= args.concurrency <= 1024:
        parser.error("--requests must be in 1..1000000 and --concurrency in 1..1024")
    process = None
    url = args.url
    if url is None:
        process, url = start_server(args.dir, args.access_log)
    elif urlsplit(url).hostname not in LOOPBACK:
        parser.error("--url must point at loopback (127.0.0.1, ::1 or localhost)")
    try:
        report = asyncio.run(run(url, args.requests, min(args.concurrency, args.requests)))
    finally:
        if process is not None:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
    print(f"{report['requests']} requests at concurrency {report['concurrency']} against "
          f"{url}: {report['requests_per_second']} req/s, p50 {report['p50_ms']} ms, "
          f"p99 {report['p99_ms']} ms, errors {report['errors']}", file=sys.stderr)
    print(json.dumps(report, sort_keys=True))
    sys.exit(1 if report["errors"] else 0)


if __name__ == "__main__":
    main()
