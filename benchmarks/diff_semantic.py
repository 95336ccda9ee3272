"""The semantic core per schema pair, in process, side by side with jsoncompat's check_compat.

Usage: python benchmarks/diff_semantic.py [DIR ...]

Pairs: the project's corpus (tests/semantic_corpus/cases.json) and every DIR laid out like
jsoncompat's fixtures (one folder per case with old.json and new.json). Each pair is decided in
both directions (backward: ``compare(old, new, "backward")``; forward likewise), five times after
a warm-up; the figure is the median over pairs of each pair's median. jsoncompat 0.5.0 needs
Python 3.12 or newer: it runs in its own venv under .cache/ (created here on first use, from
/root/.pyenv/versions/3.12.1 or $JSONCOMPAT_PYTHON) on the same pairs in one run, timed the same
way in its own process. If that venv cannot be made, the table says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from embedding_contract.diff import compare

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".cache" / "jsoncompat-venv"
PYTHON = os.environ.get("JSONCOMPAT_PYTHON", "/root/.pyenv/versions/3.12.1/bin/python")
RUNS = 5

_PEER = r"""
import json, statistics, sys, time
RUNS = int(sys.argv[1])
import jsoncompat
pairs = json.load(sys.stdin)
out = []
for old, new in pairs:
    o, n = json.dumps(old), json.dumps(new)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for role in ("deserializer", "serializer"):
            try:
                jsoncompat.check_compat(o, n, role)
            except Exception:
                pass
        times.append(time.perf_counter() - start)
    out.append(statistics.median(times))
print(json.dumps(out))
"""


def pairs(dirs: list[str]) -> list[tuple[Any, Any]]:
    cases = json.loads((ROOT / "tests" / "semantic_corpus" / "cases.json").read_text())
    out = [(c["old"], c["new"]) for c in cases]
    for d in dirs:
        for case in sorted(p for p in Path(d).iterdir() if (p / "old.json").is_file()):
            out.append((json.loads((case / "old.json").read_text()),
                        json.loads((case / "new.json").read_text())))
    return out


def ours(all_pairs: list[tuple[Any, Any]]) -> list[float]:
    out = []
    for old, new in all_pairs:
        with contextlib.suppress(Exception):  # warm-up (pattern automata are cached)
            compare(old, new, mode="full")
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            with contextlib.suppress(Exception):  # an input error still costs its time
                compare(old, new, mode="full")
            times.append(time.perf_counter() - start)
        out.append(statistics.median(times))
    return out


def peer(all_pairs: list[tuple[Any, Any]]) -> list[float] | str:
    python = VENV / "bin" / "python"
    try:
        if not python.exists():
            subprocess.run([PYTHON, "-m", "venv", str(VENV)], check=True, capture_output=True)
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", "jsoncompat==0.5.0"],
                           check=True, capture_output=True, timeout=600)
        done = subprocess.run([str(python), "-c", _PEER, str(RUNS)], input=json.dumps(all_pairs),
                              capture_output=True, text=True, check=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"jsoncompat could not be run: {exc}"
    result: list[float] = json.loads(done.stdout)
    return result


def main() -> None:
    all_pairs = pairs(sys.argv[1:])
    mine = ours(all_pairs)
    theirs = peer(all_pairs)
    print(f"{len(all_pairs)} pairs, both directions each, median of {RUNS} runs per pair")
    print("| engine | median ms per pair | p90 ms | x ours |")
    print("|---|---:|---:|---:|")
    m = statistics.median(mine) * 1000
    print(f"| embedding_contract.diff.compare | {m:.2f} | "
          f"{statistics.quantiles(mine, n=10)[-1] * 1000:.2f} | 1.00 |")
    if isinstance(theirs, str):
        print(f"| jsoncompat 0.5.0 check_compat | - | - | - |\n\n{theirs}")
    else:
        t = statistics.median(theirs) * 1000
        print(f"| jsoncompat 0.5.0 check_compat | {t:.2f} | "
              f"{statistics.quantiles(theirs, n=10)[-1] * 1000:.2f} | {t / m:.2f} |")


if __name__ == "__main__":
    main()
