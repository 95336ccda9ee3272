"""Schema-diff figures: `embedding-contract diff` of two full schema versions, with and without
the witness search. The new version is the released one with realistic edits applied to every
file (a field renamed, a bound tightened, an optional field added, a description changed).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from embedding_contract import __version__  # noqa: E402

CLI = str(Path(sys.executable).parent / "embedding-contract")
RUNS = 7


def evolve(node: Any) -> None:
    """Edit a schema in place the way a model change would."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            if "vocab" in props:
                props["vocabulary"] = props.pop("vocab")
            if node.get("additionalProperties") is False:
                props["comment"] = {"anyOf": [{"type": "string"}, {"type": "null"}],
                                    "default": None}
        if node.get("minimum") == 1:
            node["minimum"] = 2
        if "description" in node:
            node["description"] += " (revised)"
        for value in node.values():
            evolve(value)
    elif isinstance(node, list):
        for value in node:
            evolve(value)


def median_wall(args: list[str]) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        code = subprocess.run([CLI, "diff", *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, check=False).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        old = ROOT / "schemas" / __version__
        new = Path(tmp) / __version__
        shutil.copytree(old, new)
        for file in new.rglob("*.json"):
            doc = json.loads(file.read_text())
            evolve(doc)
            file.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
        out = subprocess.run([CLI, "diff", "--no-witness", "--format", "json", str(old), str(new)],
                             capture_output=True, text=True, check=False)
        report = json.loads(out.stdout)
        count = sum(len(c["findings"]) for c in report["comparisons"])
        files = len(list(old.rglob("*.json")))
        print(f"two full versions: {files} files each, {count} findings")
        print("| command | median s | exit |")
        print("|---|---:|---:|")
        for label, args in {
            "diff --no-witness": ["--no-witness", str(old), str(new)],
            "diff (backward, with witnesses)": [str(old), str(new)],
            "diff --mode full (with witnesses)": ["--mode", "full", str(old), str(new)],
            "python -c pass (interpreter start)": None,
        }.items():
            if args is None:
                times = []
                for _ in range(RUNS):
                    start = time.perf_counter()
                    subprocess.run([sys.executable, "-c", "pass"], check=False)
                    times.append(time.perf_counter() - start)
                print(f"| {label} | {statistics.median(times):.3f} | 0 |")
                continue
            median, code = median_wall(args)
            print(f"| embedding-contract {label} | {median:.3f} | {code} |")


if __name__ == "__main__":
    main()
