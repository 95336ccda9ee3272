#!/usr/bin/env python3
"""The long attack run: many seeded rounds of hostile documents against `validate` (the installed
executable, under an address-space limit), hostile indexes against `fetch` (a hostile server on
127.0.0.1), hostile schema pairs against `diff` and hostile requests plus silent sockets against
`serve`. Not part of CI (the test
suite runs a few rounds of the same, tests/acceptance/test_attacks.py).

    scripts/attack.py                    # 200 rounds of each, seed 0
    scripts/attack.py --rounds 2000 --seed 7

Prints each class of input drawn with its count, and every broken rule (exit code outside
0/1/2, a traceback, a hang, a flood of output). Exit status: 0 none, 1 some, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve() and VENV_PYTHON.exists() \
        and not os.environ.get("EMBEDDING_CONTRACT_NO_REEXEC"):
    os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), __file__, *sys.argv[1:]])
sys.path.insert(0, str(ROOT))

from tests.support.attacks import (  # noqa: E402
    MAX_SECONDS,
    MODEL,
    Hostile,
    files,
    hostile_document,
    hostile_index,
    hostile_request,
    hostile_schemas,
    problem,
    run_cli,
    send_raw,
)
from tests.support.schema_server import start_server  # noqa: E402

MEMORY_LIMIT = 1024 ** 3  # address space of each validate process, bytes
BATCH = 25  # documents per validate process


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def attack_validate(rng: random.Random, rounds: int, kinds: Counter[str]) -> list[str]:
    found: list[str] = []
    executable = Path(sys.executable).parent / "embedding-contract"
    with tempfile.TemporaryDirectory() as folder:
        for start in range(0, rounds, BATCH):
            paths = []
            for i in range(start, min(start + BATCH, rounds)):
                kind, content = hostile_document(rng)
                kinds[f"validate/{kind}"] += 1
                path = Path(folder) / f"doc{i}.{'json' if content[:1] == b'{' else 'yaml'}"
                path.write_bytes(content)
                paths.append(path)
            began = time.monotonic()
            try:
                done = subprocess.run([str(executable), "validate", "--model", MODEL,
                                       *map(str, paths)], capture_output=True, text=True,
                                      timeout=MAX_SECONDS * 2, preexec_fn=_limited)
            except subprocess.TimeoutExpired:
                found.append(f"validate: batch from doc{start} hung")
                continue
            why = problem(done.returncode, done.stderr, (time.monotonic() - began) / len(paths))
            if why:
                found.append(f"validate: batch from doc{start}: {why}")
    return found


def attack_diff(rng: random.Random, rounds: int, kinds: Counter[str]) -> list[str]:
    found: list[str] = []
    executable = Path(sys.executable).parent / "embedding-contract"
    with tempfile.TemporaryDirectory() as folder:
        for i in range(rounds):
            kind, old, new = hostile_schemas(rng)
            kinds[f"diff/{kind}"] += 1
            paths = [Path(folder) / f"old{i}.json", Path(folder) / f"new{i}.json"]
            paths[0].write_bytes(old)
            paths[1].write_bytes(new)
            began = time.monotonic()
            try:
                done = subprocess.run([str(executable), "diff", *map(str, paths)],
                                      capture_output=True, text=True, timeout=MAX_SECONDS,
                                      preexec_fn=_limited)
            except subprocess.TimeoutExpired:
                found.append(f"diff/{kind}: case {i} hung")
                continue
            why = problem(done.returncode, done.stderr, time.monotonic() - began)
            if why is None and done.returncode == 2 and len(done.stderr.strip().splitlines()) != 1:
                why = f"exit 2 with more than one line: {done.stderr[-300:]}"
            if why:
                found.append(f"diff/{kind}: case {i}: {why}")
    return found


def attack_fetch(rng: random.Random, rounds: int, kinds: Counter[str]) -> list[str]:
    found: list[str] = []
    server = Hostile()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for i in range(rounds):
                kind, index = hostile_index(rng)
                kinds[f"fetch/{kind}"] += 1
                server.routes = files({"/index.json": index})
                why = problem(*run_cli(["fetch", "--base-url", server.url, "--cache-dir",
                                        str(Path(folder) / str(i % 8)), "--timeout", "5",
                                        "--retries", "0", MODEL]))
                if why:
                    found.append(f"fetch/{kind}: {why}")
    finally:
        server.close()
    return found


def attack_serve(rng: random.Random, rounds: int, kinds: Counter[str]) -> list[str]:
    found: list[str] = []
    proc = start_server("--request-timeout", "2", "--max-connections", "64")
    try:
        silent = [socket.create_connection(("127.0.0.1", proc.port)) for _ in range(32)]
        for _ in range(rounds):
            kind, data = hostile_request(rng)
            kinds[f"serve/{kind}"] += 1
            send_raw(proc.port, data)
        health = send_raw(proc.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                                     b"Connection: close\r\n\r\n")
        if not health.startswith(b"HTTP/1.1 200"):
            found.append("serve: /healthz not answered after the attack")
        for sock in silent:
            sock.settimeout(10)
            try:
                if sock.recv(1) != b"":
                    found.append("serve: a silent socket got data")
            except TimeoutError:
                found.append("serve: a silent socket was not closed at the deadline")
            sock.close()
    finally:
        proc.stop()
    found += [f"serve: log line {line[:200]}" for line in proc.log if "Traceback" in line]
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    kinds: Counter[str] = Counter()
    found: list[str] = []
    for attack in (attack_validate, attack_diff, attack_fetch, attack_serve):
        began = time.monotonic()
        found += attack(rng, args.rounds, kinds)
        print(f"{attack.__name__}: {args.rounds} rounds in {time.monotonic() - began:.1f} s")
    for kind, count in sorted(kinds.items()):
        print(f"  {kind}: {count}")
    for line in found:
        print(f"BROKEN {line}")
    print(f"{len(found)} broken rule(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
