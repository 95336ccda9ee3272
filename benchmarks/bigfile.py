"""A big config file: `validate` of a valid 100,000-table JSON beside `orjson.loads` of it, and
a hostile one (two million wrong items), wall time and peak memory of fresh processes.

Run through `scripts/bench`. Each figure is the median of a few fresh processes measured in this
one run, so the ratios hold on a noisy machine.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.documents import large_embeddings  # noqa: E402

RUNS = 3
# Each child prints its own figures: seconds of the measured step, then peak RSS in KiB.
PROLOGUE = "import resource, sys, time; t = time.perf_counter(); "
EPILOGUE = ("; print(time.perf_counter() - t, "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)")
STEPS = {
    "orjson.loads (baseline)": "import orjson; orjson.loads(open(sys.argv[1], 'rb').read())",
    "json.loads": "import json; json.loads(open(sys.argv[1], 'rb').read())",
    "validate (judge_file, in process)": (
        "from embedding_contract.check.pipeline import judge_file; "
        "r = judge_file(sys.argv[1], 'recap.LargeEmbeddingsConfig')"),
}


def measure(code: str, path: Path) -> tuple[float, float]:
    """Median seconds and median peak RSS (MiB) over RUNS fresh processes."""
    seconds, rss = [], []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", PROLOGUE + code + EPILOGUE, str(path)],
                             capture_output=True, text=True, check=True).stdout.split()
        seconds.append(float(out[-2]))
        rss.append(int(out[-1]) / 1024)
    return statistics.median(seconds), statistics.median(rss)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        valid = Path(tmp) / "large.json"
        valid.write_text(json.dumps(large_embeddings(100_000)))
        hostile = Path(tmp) / "zeros.json"
        hostile.write_text(json.dumps({"tables": [0] * 1_999_990}, separators=(",", ":")))
        for label, path in (("valid, 100,000 tables", valid),
                            ("hostile, 1,999,990 zeros in tables", hostile)):
            size = path.stat().st_size / 2**20
            print(f"\n{label}: {size:.1f} MiB of JSON")
            print("| step | median s | x orjson | peak RSS MiB |")
            print("|---|---:|---:|---:|")
            base = None
            for step, code in STEPS.items():
                seconds, mib = measure(code, path)
                base = base or seconds
                print(f"| {step} | {seconds:.2f} | {seconds / base:.1f} | {mib:.0f} |")


if __name__ == "__main__":
    main()
