"""Witness search cost against the number of changed places, in process.

Usage: python benchmarks/diff_scale.py [--reference] [N ...]   (default N: 250 500 1000 2000)

One document with N integer properties (every other one required, closed object); the new
version raises every ``minimum`` from 0 to 1, so the diff has N breaking findings, each needing
its own witness. The figure is the time of the witness searches (backward, strict) divided by N:
flat when the search grows linearly with the number of changes. The last line is the ratio of the
per-change time at the largest N to the smallest. ``--reference`` also times the reference search
(``Searcher(..., local=False)``: every candidate validated whole, as the search did before it read
verdicts from the edited path) on the same documents in the same run; it takes minutes.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from embedding_contract.diff.engine import diff_files
from embedding_contract.diff.findings import Direction, Policy
from embedding_contract.diff.witness import Searcher

SIZES = (250, 500, 1000, 2000)


def document(n: int, minimum: int) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
            "additionalProperties": False,
            "properties": {f"f{i}": {"type": "integer", "minimum": minimum} for i in range(n)},
            "required": [f"f{i}" for i in range(0, n, 2)]}


def measure(n: int, local: bool = True) -> tuple[int, int, float]:
    """(findings, witnesses found, seconds of the witness searches)."""
    old, new = document(n, 0), document(n, 1)
    findings = diff_files({"s.json": old}, {"s.json": new}, Policy.STRICT,
                          lambda side, name: f"{side} {name}")
    searcher = Searcher(old, new, Policy.STRICT, local=local)
    start = time.perf_counter()
    found = sum(1 for f in findings if f.site is not None and f.backward.breaks
                and searcher.search(f, Direction.BACKWARD).status == "found")
    return len(findings), found, time.perf_counter() - start


def main(argv: list[str]) -> None:
    reference = "--reference" in argv
    sizes = [int(a) for a in argv if a != "--reference"] or list(SIZES)
    paths = [("reference: every candidate whole", False)] if reference else []
    paths.append(("verdicts from the edited path", True))
    for label, local in paths:
        print(f"search: {label}")
        print("| changed minimums | findings | witnesses found | witness search s "
              "| ms per change |")
        print("|---:|---:|---:|---:|---:|")
        per: dict[int, float] = {}
        for n in sizes:
            count, found, seconds = measure(n, local)
            per[n] = seconds / n
            print(f"| {n} | {count} | {found} | {seconds:.2f} | {1000 * per[n]:.2f} |",
                  flush=True)
        low, high = min(sizes), max(sizes)
        if low != high:
            print(f"per-change time, {high} vs {low} changes: {per[high] / per[low]:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
