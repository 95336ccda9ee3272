"""Witness search cost against the number of changed places, in process.

Usage: python benchmarks/diff_scale.py [N ...]   (default: 250 500 1000 2000)

One document with N integer properties (every other one required, closed object); the new
version raises every ``minimum`` from 0 to 1, so the diff has N breaking findings, each needing
its own witness. The figure is the time of the witness search (``attach_witnesses``, backward,
strict) divided by N: flat when the search grows linearly with the number of changes. The last
line is the ratio of the per-change time at the largest N to the smallest.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from embedding_contract.diff.engine import attach_witnesses, diff_files
from embedding_contract.diff.findings import Direction, Policy

SIZES = (250, 500, 1000, 2000)


def document(n: int, minimum: int) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
            "additionalProperties": False,
            "properties": {f"f{i}": {"type": "integer", "minimum": minimum} for i in range(n)},
            "required": [f"f{i}" for i in range(0, n, 2)]}


def measure(n: int) -> tuple[int, int, float]:
    """(findings, witnesses found, seconds of the witness search)."""
    old, new = {"s.json": document(n, 0)}, {"s.json": document(n, 1)}
    findings = diff_files(old, new, Policy.STRICT, lambda side, name: f"{side} {name}")
    start = time.perf_counter()
    out = attach_witnesses(findings, old, new, Policy.STRICT, (Direction.BACKWARD,))
    seconds = time.perf_counter() - start
    found = sum(1 for f in out if f.witness(Direction.BACKWARD).status == "found")
    return len(out), found, seconds


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    print("| changed minimums | findings | witnesses found | witness search s | ms per change |")
    print("|---:|---:|---:|---:|---:|")
    per: dict[int, float] = {}
    for n in sizes:
        count, found, seconds = measure(n)
        per[n] = seconds / n
        print(f"| {n} | {count} | {found} | {seconds:.2f} | {1000 * per[n]:.2f} |", flush=True)
    low, high = min(sizes), max(sizes)
    if low != high:
        print(f"per-change time, {high} vs {low} changes: {per[high] / per[low]:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
