"""Validation speed against the limit (parsing the JSON text), with pyperf.

Run through `scripts/bench` (or `python benchmarks/validation.py --help` for pyperf's options).
Each path is timed on the same documents in one run; the report prints median, spread and the
ratio to `orjson.loads` of the same text, and time per table to show scaling.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jsonschema_rs  # noqa: E402
import orjson  # noqa: E402
import pyperf  # noqa: E402

from benchmarks.documents import large_embeddings  # noqa: E402
from embedding_contract import __version__  # noqa: E402
from embedding_contract.recap import LargeEmbeddingsConfig  # noqa: E402
from embedding_contract.vocabulary.contract_validator import ContractValidator  # noqa: E402
from embedding_contract.vocabulary.walker import PortableRules  # noqa: E402

SIZES = (10, 1_000, 10_000, 100_000)
SCHEMA = json.loads(
    (ROOT / "schemas" / __version__ / "recap" / "LargeEmbeddingsConfig.json").read_text())
# python-jsonschema takes over a second a call at 100,000 tables; it is timed up to 10,000.
SLOW_LIMIT = 10_000


def paths(text: bytes) -> dict[str, Callable[[], Any]]:
    rs = jsonschema_rs.validator_for(SCHEMA)
    rules = PortableRules(SCHEMA)
    contract = ContractValidator(SCHEMA)
    parsed = orjson.loads(text)

    def fast() -> bool:
        data = orjson.loads(text)
        return rs.is_valid(data) and not rules.violations(data)

    def standard_only() -> bool:
        return bool(rs.is_valid(orjson.loads(text)))

    return {
        "orjson.loads (limit)": lambda: orjson.loads(text),
        "pydantic model_validate_json": lambda: LargeEmbeddingsConfig.model_validate_json(text),
        "fast path: jsonschema-rs + rules": fast,
        "jsonschema-rs alone (no rules)": standard_only,
        "python-jsonschema ContractValidator": lambda: contract.is_valid(parsed),
        "portable rules alone": lambda: rules.violations(parsed),
    }


def main() -> None:
    runner = pyperf.Runner(processes=3, values=3, warmups=1)
    results: dict[tuple[str, int], Any] = {}
    for size in SIZES:
        text = orjson.dumps(large_embeddings(size))
        for name, func in paths(text).items():
            if name.startswith("python-jsonschema") and size > SLOW_LIMIT:
                continue
            bench = runner.bench_func(f"{name} [{size}]", func)
            if bench is not None:  # None in pyperf's worker processes
                results[(name, size)] = bench
    if results and not runner.args.worker:
        report(results)


def report(results: dict[tuple[str, int], Any]) -> None:
    print("\n| tables | path | median ms | spread ms (stdev) | x parse | us per table |")
    print("|---:|---|---:|---:|---:|---:|")
    for size in SIZES:
        limit = results[("orjson.loads (limit)", size)].median()
        for (name, n), bench in results.items():
            if n != size:
                continue
            median = bench.median()
            spread = bench.stdev() if len(bench.get_values()) > 1 else 0.0
            print(f"| {size:,} | {name} | {median * 1e3:.3f} | {spread * 1e3:.3f} | "
                  f"{median / limit:.2f} | {median / size * 1e6:.3f} |")


if __name__ == "__main__":
    main()
