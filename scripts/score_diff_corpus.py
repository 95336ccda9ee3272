#!/usr/bin/env python3
"""Score ``embedding_contract.diff.compare`` on a directory of schema pairs.

Usage: score_diff_corpus.py DIR [--verbose] [--differences FILE]

DIR holds one folder per case with ``old.json``, ``new.json`` and ``expect.json``. The expected
verdicts are read from ``expect.json`` as either ``{"backward": bool, "forward": bool}`` or the
role form ``{"deserializer": bool, "serializer": bool}`` (a deserializer on NEW reads what OLD
wrote: backward; a serializer on NEW writes for OLD readers: forward); ``true`` is compatible.
Each direction is scored right, wrong, unknown or error (an exception, with its traceback). A
break we prove with a witness both validators confirm, against an expectation of compatible, is
listed apart: the witness shows the expectation is not instance semantics. ``--differences``
names a JSON file ``{case: {direction: {"compatible": bool, "why": str}}}`` of expectations
known to differ from instance semantics (a proof the witness search cannot give: a compatible
answer); those are scored against the corrected verdict and listed.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff import Answer, compare


def expected(expect: dict[str, object]) -> dict[str, bool]:
    if "backward" in expect:
        return {"backward": bool(expect["backward"]), "forward": bool(expect["forward"])}
    return {"backward": bool(expect["deserializer"]), "forward": bool(expect["serializer"])}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    root, verbose = Path(argv[0]), "--verbose" in argv
    differences: dict[str, dict[str, dict[str, object]]] = {}
    if "--differences" in argv:
        differences = json.loads(Path(argv[argv.index("--differences") + 1]).read_text())
    counts = {"right": 0, "wrong": 0, "unknown": 0, "error": 0, "refused": 0}
    disputed: list[str] = []
    times: list[float] = []
    for case in sorted(p for p in root.iterdir() if (p / "expect.json").is_file()):
        old = json.loads((case / "old.json").read_text())
        new = json.loads((case / "new.json").read_text())
        want = expected(json.loads((case / "expect.json").read_text()))
        start = time.perf_counter()
        try:
            report = compare(old, new, mode="full")
        except DiffInputError as exc:
            counts["refused"] += 2
            print(f"REFUSED {case.name}: {exc}")
            continue
        except Exception:
            counts["error"] += 2
            print(f"ERROR {case.name}\n{traceback.format_exc()}")
            continue
        times.append(time.perf_counter() - start)
        for direction, fixture in want.items():
            compatible = fixture
            corrected = differences.get(case.name, {}).get(direction)
            if corrected is not None:
                compatible = bool(corrected["compatible"])
                disputed.append(f"{case.name} {direction}: {corrected['why']}")
            verdict = report.direction(direction)
            if verdict.answer is Answer.UNKNOWN:
                counts["unknown"] += 1
                print(f"UNKNOWN {case.name} {direction}: {verdict.reason}")
            elif (verdict.answer is Answer.COMPATIBLE) == compatible:
                counts["right"] += 1
                if verbose:
                    print(f"ok {case.name} {direction} {verdict.answer.value}")
            elif verdict.answer is Answer.BREAKING and compatible:
                counts["right"] += 1
                disputed.append(f"{case.name} {direction}: witness {verdict.witness!r}")
            else:
                counts["wrong"] += 1
                print(f"WRONG {case.name} {direction}: said {verdict.answer.value}, "
                      f"expected {'compatible' if compatible else 'breaking'}")
    total = sum(counts.values())
    for line in disputed:
        print(f"DISPUTED (expectation is not instance semantics) {line}")
    times.sort()
    median = times[len(times) // 2] * 1000 if times else 0.0
    print(f"{counts['right']}/{total} right ({100 * counts['right'] / max(total, 1):.1f}%), "
          f"{counts['wrong']} wrong, {counts['unknown']} unknown, {counts['error']} errors, "
          f"{counts['refused']} refused; median {median:.2f} ms per pair (both directions)")
    return 0 if counts["error"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
