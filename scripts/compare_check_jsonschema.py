#!/usr/bin/env python3
"""Run check-jsonschema (given the contract's schema file) and `embedding-contract validate` on the
same config files and compare their verdicts.

    scripts/compare_check_jsonschema.py [--json] [--messages] [FILE ...]

Without FILEs it writes a corpus into a temporary folder: the examples, and variants that each
break one rule, some decided by standard keywords, some by the contract's portable rules. Each
file names its model in a `# yaml-language-server: $schema=...` modeline.

The claim it checks: wherever standard keywords decide, both give the same verdict (a file is
valid for check-jsonschema exactly when `validate` reports no error other than a portable rule),
and `validate` alone rejects the files that break only a portable rule (`x-contract-*`).
Exit 0 when that holds for every file, 1 when a file contradicts it, 2 on bad input.
Needs the project's environment (`./scripts/setup`); `validate` runs with --no-env because
check-jsonschema substitutes nothing.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=\S*?/(?P<family>[a-z]+)/"
                      r"(?P<cls>[A-Za-z]+)\.json\s*$", re.MULTILINE)
BASE_URL = "https://embedding-contract.dev/schemas/{version}/{model}.json"

LARGE: dict[str, Any] = {
    "tables": [
        {"name": "user", "num_embeddings": 1000, "embedding_dim": 64, "vocab": "/vocab/user"},
        {"name": "tweet", "num_embeddings": 500, "embedding_dim": 32},
    ],
    "optimizer": {"init_learning_rate": 0.01, "learning_rate": {"constant": 0.01}},
    "tables_to_log": ["user"],
}
TWHIN: dict[str, Any] = {
    "tables": [
        {"name": "user", "num_embeddings": 424241, "embedding_dim": 4, "data_type": "fp32",
         "optimizer": {"adam": {"lr": 0.01, "betas": [0.9, 0.999]},
                       "learning_rate": {"constant": 0.01}}},
        {"name": "tweet", "num_embeddings": 72543, "embedding_dim": 4, "data_type": "fp32",
         "optimizer": {"sgd": {"lr": 0.005}, "learning_rate": {"constant": 0.005}}},
    ],
}
RAMP = {"learning_rate": 0.01, "final_learning_rate": 0.0001, "num_ramp_steps": 100,
        "final_num_steps": 1000}


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``doc`` with the value at dotted ``path`` (``tables.0.name``) replaced; the
    value ``DELETE`` removes the key."""
    out = copy.deepcopy(doc)
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target: Any = out  # objects and lists along the path
    for part in parents:
        target = target[part]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return out


DELETE = object()

# name -> (model, document); the name says what the variant breaks.
CORPUS: dict[str, tuple[str, dict[str, Any]]] = {
    "large-valid": ("recap.LargeEmbeddingsConfig", LARGE),
    "large-valid-null-optional": ("recap.LargeEmbeddingsConfig",
                                  _set(LARGE, "tables.1.vocab", None)),
    "large-valid-integral-float": ("recap.LargeEmbeddingsConfig",
                                   _set(LARGE, "tables.0.embedding_dim", 64.0)),
    "large-valid-ramp": ("recap.LargeEmbeddingsConfig",
                         _set(LARGE, "optimizer.learning_rate", {"linear_ramp_to_cosine": RAMP})),
    "large-string-integer": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables.0.embedding_dim",
                                                                 "64")),
    "large-bool-integer": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables.0.embedding_dim",
                                                               True)),
    "large-fraction": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables.1.num_embeddings", 10.5)),
    "large-zero-rows": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables.1.num_embeddings", 0)),
    "large-too-big-integer": ("recap.LargeEmbeddingsConfig",
                              _set(LARGE, "tables.0.num_embeddings", 2**53)),
    "large-unknown-key": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables.0.dim", 8)),
    "large-missing-name": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables.0.name", DELETE)),
    "large-empty-name": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables.0.name", "")),
    "large-no-tables": ("recap.LargeEmbeddingsConfig", _set(LARGE, "tables", [])),
    "large-negative-lr": ("recap.LargeEmbeddingsConfig",
                          _set(LARGE, "optimizer.init_learning_rate", -0.1)),
    "large-two-schedules": ("recap.LargeEmbeddingsConfig", _set(
        LARGE, "optimizer.learning_rate", {"constant": 0.1, "linear_ramp_to_cosine": RAMP})),
    "large-no-schedule": ("recap.LargeEmbeddingsConfig", _set(LARGE, "optimizer.learning_rate",
                                                              {})),
    "twhin-valid": ("twhin.TwhinEmbeddingsConfig", TWHIN),
    "twhin-bad-data-type": ("twhin.TwhinEmbeddingsConfig",
                            _set(TWHIN, "tables.0.data_type", "fp64")),
    "twhin-beta-one": ("twhin.TwhinEmbeddingsConfig",
                       _set(TWHIN, "tables.0.optimizer.adam.betas", [1.0, 0.5])),
    "twhin-null-eps": ("twhin.TwhinEmbeddingsConfig",
                       _set(TWHIN, "tables.0.optimizer.adam.eps", None)),
    "twhin-two-optimizers": ("twhin.TwhinEmbeddingsConfig",
                             _set(TWHIN, "tables.1.optimizer.adam", {"lr": 0.1, "betas": [0, 0]})),
    # Decided by the portable rules only: standard keywords accept each of these.
    "portable-duplicate-names": ("recap.LargeEmbeddingsConfig",
                                 _set(LARGE, "tables.1.name", "user")),
    "portable-log-unknown-table": ("recap.LargeEmbeddingsConfig",
                                   _set(LARGE, "tables_to_log", ["user", "item"])),
    "portable-piecewise-lengths": ("recap.LargeEmbeddingsConfig", _set(
        LARGE, "optimizer.learning_rate", {"piecewise_constant": {
            "learning_rate_boundaries": [10, 20], "learning_rate_values": [0.1, 0.01]}})),
    "portable-boundaries-decrease": ("recap.LargeEmbeddingsConfig", _set(
        LARGE, "optimizer.learning_rate", {"piecewise_constant": {
            "learning_rate_boundaries": [20, 10], "learning_rate_values": [0.1, 0.01, 0.001]}})),
    "portable-ramp-ends-early": ("recap.LargeEmbeddingsConfig", _set(
        LARGE, "optimizer.learning_rate",
        {"linear_ramp_to_cosine": {**RAMP, "final_num_steps": 100}})),
    "portable-twhin-dims-differ": ("twhin.TwhinEmbeddingsConfig",
                                   _set(TWHIN, "tables.1.embedding_dim", 8)),
    "portable-twhin-types-differ": ("twhin.TwhinEmbeddingsConfig",
                                    _set(TWHIN, "tables.1.data_type", "fp16")),
}


def tool(name: str) -> str:
    """An executable of the project's environment, else from PATH."""
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        found = shutil.which(name, path=str(folder))
        if found:
            return found
    found = shutil.which(name)
    if not found:
        sys.exit(f"compare_check_jsonschema: {name} is not installed (run ./scripts/setup)")
    return found


def write_corpus(folder: Path, version: str) -> list[Path]:
    import yaml

    files = []
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        files.append(Path(shutil.copy(example, folder / f"example-{example.name}")))
    for name, (model, doc) in CORPUS.items():
        path = folder / f"{name}.yaml"
        url = BASE_URL.format(version=version, model=model.replace(".", "/"))
        path.write_text(f"# yaml-language-server: $schema={url}\n"
                        + yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
        files.append(path)
    return files


def portable_rules(version: str) -> set[str]:
    """The rule names of the contract's vocabulary, from its meta-schema."""
    vocabulary = json.loads((ROOT / "schemas" / version / "vocabulary.json").read_text())
    prefix = "x-contract-"
    return {k[len(prefix):] for k in vocabulary["properties"] if k.startswith(prefix)}


def model_of(path: Path) -> str:
    match = MODELINE.search(path.read_text(encoding="utf-8", errors="replace"))
    if not match:
        sys.exit(f"compare_check_jsonschema: {path} has no modeline naming a contract schema")
    return f"{match['family']}.{match['cls']}"


def ours(files: list[Path]) -> dict[str, list[dict[str, Any]]]:
    run = subprocess.run([tool("embedding-contract"), "validate", "--no-env", "--format", "json",
                          *map(str, files)], capture_output=True, text=True)
    if run.returncode not in (0, 1, 2):
        sys.exit(f"compare_check_jsonschema: validate failed: {run.stderr}")
    found: dict[str, list[dict[str, Any]]] = {str(f): [] for f in files}
    for entry in json.loads(run.stdout):
        found[entry["file"]].append(entry)
    return found


def theirs(files: list[Path], schema: Path) -> dict[str, list[dict[str, Any]]]:
    run = subprocess.run([tool("check-jsonschema"), "--output-format", "json",
                          "--schemafile", str(schema), *map(str, files)],
                         capture_output=True, text=True)
    report = json.loads(run.stdout)
    found: dict[str, list[dict[str, Any]]] = {str(f): [] for f in files}
    for entry in report.get("errors", []):
        found[entry["filename"]].append({"path": entry["path"], "message": entry["message"]})
    for entry in report.get("parse_errors", []):
        found[entry["filename"]].append({"path": None, "message": entry.get("message", "")})
    return found


def compare(files: list[Path], version: str) -> list[dict[str, Any]]:
    portable = portable_rules(version)
    models = {str(f): model_of(f) for f in files}
    mine = ours(files)
    other: dict[str, list[dict[str, Any]]] = {}
    for model in sorted(set(models.values())):
        group = [f for f in files if models[str(f)] == model]
        family, _, cls = model.partition(".")
        other.update(theirs(group, ROOT / "schemas" / version / family / f"{cls}.json"))
    rows = []
    for f in files:
        errors = mine[str(f)]
        rules = sorted({e["rule"] for e in errors})
        unreadable = "load-error" in rules
        standard = [r for r in rules if r not in portable]
        expected_valid = not standard
        their_valid = not other[str(f)]
        rows.append({
            "file": f.name, "model": models[str(f)],
            "ours": "unreadable" if unreadable else ("invalid" if errors else "valid"),
            "rules": rules,
            "check_jsonschema": "valid" if their_valid else "invalid",
            "decided_by": ("portable rules" if rules and not standard
                           else "standard keywords" if rules else "-"),
            "agree": not unreadable and their_valid == expected_valid,
            "our_messages": [f"{e['line']}:{e['column']}: {e['path']}: {e['message']} "
                             f"[{e['rule']}]" for e in errors],
            "their_messages": [f"{e['path']}: {e['message']}" for e in other[str(f)]],
        })
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--messages", action="store_true", help="print both tools' messages")
    args = parser.parse_args()
    version = subprocess.run([tool("embedding-contract"), "--version"], capture_output=True,
                             text=True, check=True).stdout.split()[-1]
    with tempfile.TemporaryDirectory(prefix="compare-") as scratch:
        files = [f.resolve() for f in args.files] or write_corpus(Path(scratch), version)
        missing = [str(f) for f in files if not f.is_file()]
        if missing:
            print(f"compare_check_jsonschema: no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
        rows = compare(files, version)
    if args.json:
        print(json.dumps(rows, indent=2, sort_keys=True))
    else:
        width = max(len(r["file"]) for r in rows)
        print(f"{'file':{width}}  check-jsonschema  ours      decided by         verdict")
        for r in rows:
            verdict = "agree" if r["agree"] else "DISAGREE"
            if r["agree"] and r["decided_by"] == "portable rules":
                verdict = "agree (only ours sees it)"
            print(f"{r['file']:{width}}  {r['check_jsonschema']:16}  {r['ours']:8}  "
                  f"{r['decided_by']:17}  {verdict}")
            if args.messages:
                for line in r["their_messages"]:
                    print(f"    check-jsonschema  {line}")
                for line in r["our_messages"]:
                    print(f"    validate          {line}")
        standard = [r for r in rows if r["decided_by"] != "portable rules"]
        only = [r for r in rows if r["decided_by"] == "portable rules"]
        print(f"\n{sum(r['agree'] for r in standard)} of {len(standard)} files decided by "
              f"standard keywords get the same verdict; {sum(r['agree'] for r in only)} of "
              f"{len(only)} files breaking only a portable rule are rejected by validate alone")
    return 0 if all(r["agree"] for r in rows) else 1


if __name__ == "__main__":
    if "embedding_contract" not in sys.modules and not os.environ.get("_COMPARE_REEXEC"):
        venv_python = ROOT / ".venv" / "bin" / "python"
        try:
            import yaml  # noqa: F401
        except ImportError:
            if venv_python.is_file():
                os.environ["_COMPARE_REEXEC"] = "1"
                os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
            raise
    sys.exit(main())
