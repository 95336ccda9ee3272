"""Command-line figures: wall time of CLI calls (several runs each), import time, peak memory.

Run through `scripts/bench`. Wall times are medians of repeated subprocess runs measured in this
one run, so the ratios between commands hold even on a noisy machine.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.documents import large_embeddings  # noqa: E402
from embedding_contract import __version__  # noqa: E402

BIN = Path(sys.executable).parent
EXAMPLE = ROOT / "examples" / "recap-large-embeddings.yaml"
SCHEMA = ROOT / "schemas" / __version__ / "recap" / "LargeEmbeddingsConfig.json"
RUNS = 15


def wall(command: list[str], runs: int = RUNS) -> tuple[float, float]:
    """Median and spread (max - min of the middle half) of wall seconds over ``runs`` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    times.sort()
    middle = times[len(times) // 4: len(times) - len(times) // 4]
    return statistics.median(times), middle[-1] - middle[0]


def import_time(module: str) -> tuple[float, list[tuple[int, str]]]:
    """Median cumulative import time of ``module`` (us) and the heaviest imports of one run."""
    totals: list[int] = []
    heaviest: list[tuple[int, str]] = []
    pattern = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(.*)")
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                             capture_output=True, text=True, check=True).stderr
        rows = [(int(m[2]), m[3].rstrip()) for m in pattern.finditer(out)]
        totals.extend(us for us, name in rows if name.strip() == module)
        heaviest = sorted(rows, reverse=True)[:6]
    return statistics.median(totals), heaviest


def peak_rss(tables: int) -> dict[str, float]:
    """Peak RSS (MiB) of a fresh process that parses and validates a document of ``tables``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.json"
        path.write_text(json.dumps(large_embeddings(tables)))
        out = {}
        for label, code in {
            "baseline: python, orjson.loads": (
                "import orjson,sys; orjson.loads(open(sys.argv[1],'rb').read())"),
            "pydantic model_validate_json": (
                "import sys; from embedding_contract.recap import LargeEmbeddingsConfig as M; "
                "M.model_validate_json(open(sys.argv[1],'rb').read())"),
            "fast path: jsonschema-rs + rules": (
                "import sys, json, orjson, jsonschema_rs; "
                "from embedding_contract.vocabulary.walker import PortableRules; "
                f"s = json.load(open({str(SCHEMA)!r})); "
                "d = orjson.loads(open(sys.argv[1],'rb').read()); "
                "assert jsonschema_rs.validator_for(s).is_valid(d) and not "
                "PortableRules(s).violations(d)"),
            "embedding-contract validate (CLI)": (
                "import sys; from embedding_contract.cli import main; "
                "sys.argv=['embedding-contract','validate','--model',"
                "'recap.LargeEmbeddingsConfig',sys.argv[1]]; main()"),
        }.items():
            code = ("import resource, atexit; atexit.register(lambda: print("
                    "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)); " + code)
            run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                                 text=True, check=False)
            out[label] = int(run.stdout.split()[-1]) / 1024 if run.stdout.split() else float("nan")
        return out


def main() -> None:
    cli = str(BIN / "embedding-contract")
    figures = {
        "embedding-contract --version": wall([cli, "--version"]),
        "embedding-contract validate (one example)": wall(
            [cli, "validate", "--model", "recap.LargeEmbeddingsConfig", str(EXAMPLE)]),
        "python -c pass (interpreter start)": wall([sys.executable, "-c", "pass"]),
    }
    checker = shutil.which("check-jsonschema", path=str(BIN))
    if checker:
        figures["check-jsonschema --schemafile (same file)"] = wall(
            [checker, "--schemafile", str(SCHEMA), str(EXAMPLE)])
    print("| command | median s | spread s |")
    print("|---|---:|---:|")
    for label, (median, spread) in figures.items():
        print(f"| {label} | {median:.3f} | {spread:.3f} |")
    for module in ("embedding_contract", "embedding_contract.cli", "embedding_contract.recap"):
        total, heaviest = import_time(module)
        print(f"\nimport {module}: {total / 1000:.1f} ms (median of {RUNS}, -X importtime)")
        print("heaviest imports (cumulative us, one run):")
        for cumulative, name in heaviest:
            print(f"  {cumulative:>8} {name}")
    print("\n| peak RSS, 100,000 tables | MiB |")
    print("|---|---:|")
    for label, mib in peak_rss(100_000).items():
        print(f"| {label} | {mib:.0f} |")


if __name__ == "__main__":
    main()
