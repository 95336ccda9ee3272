#!/usr/bin/env python3
"""Regenerate generated/ from the exported schemas of the current version (schemas/index.json).

- generated/python/: Pydantic v2 models by datamodel-code-generator (pinned in constraints.txt);
- generated/typescript/: TypeScript types by json-schema-to-typescript (pinned in js/package.json,
  installed with `npm ci` in js/ when missing);
- generated/java/: Java classes by jsonschema2pojo (its Maven plugin, pinned in
  java/codegen/pom.xml; Maven resolves it from ~/.m2, filled by scripts/setup).

Byte-stable: no timestamps, sorted inputs, pinned formatters. Usage:
  scripts/generate_code.py [--check] [python] [typescript] [java]
--check writes nothing and exits 1 when a committed file differs; no target means all.
Exit codes: 0 ok, 1 drift (with --check) or a generator failed, 2 bad usage.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
if Path(sys.prefix).resolve() != VENV.resolve() and (VENV / "bin" / "python").exists() \
        and not os.environ.get("EMBEDDING_CONTRACT_NO_REEXEC"):
    os.execv(str(VENV / "bin" / "python"), [str(VENV / "bin" / "python"), __file__, *sys.argv[1:]])

GENERATED = ROOT / "generated"
JS = ROOT / "js"
TARGETS = ("python", "typescript", "java")
CODEGEN_POM = ROOT / "java" / "codegen" / "pom.xml"

# Closest models the generator can give: optional-with-a-default fields stay non-nullable
# (--strict-nullable), strings and booleans strict. Integers stay lax on purpose: StrictInt would
# reject 64.0, which the contract accepts (json-schema-fidelity.md row 4).
DATAMODEL_CODEGEN_OPTIONS = (
    "--input-file-type", "jsonschema",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.10",
    "--disable-timestamp",
    "--strict-nullable",
    "--strict-types", "str", "bool",
    "--formatters", "black", "isort",
)


class GenerateError(Exception):
    pass


def schema_dir() -> Path:
    index = json.loads((ROOT / "schemas" / "index.json").read_text(encoding="utf-8"))
    latest: str = index["latest"]
    return ROOT / "schemas" / latest


def model_schemas(source: Path) -> list[Path]:
    """The model schema files (family folders); not vocabulary.json, a meta-schema."""
    return sorted(p for p in source.glob("*/*.json"))


def generate_python(out: Path) -> None:
    source = schema_dir()
    with tempfile.TemporaryDirectory() as tmp:
        # datamodel-code-generator names each file after its path relative to the input: copy the
        # model schemas alone, so vocabulary.json (which $refs the remote meta-schema) stays out.
        inputs = Path(tmp) / "schemas"
        for path in model_schemas(source):
            target = inputs / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        command = [str(VENV / "bin" / "datamodel-codegen"), "--input", str(inputs),
                   "--output", str(out), *DATAMODEL_CODEGEN_OPTIONS]
        run(command, cwd=Path(tmp))
    (out / "README.md").write_text(
        "Pydantic v2 models generated from the exported schemas by datamodel-code-generator "
        f"(scripts/generate_code; schemas {source.name}). Never edit by hand.\n"
        "They do not carry the contract's portable rules or its exactly-one groups: "
        "see docs/cross-language.md.\n", encoding="utf-8")


def generate_typescript(out: Path) -> None:
    ensure_node_modules()
    run(["node", str(JS / "src" / "generate_types.js"), "--schemas", str(schema_dir()),
         "--out", str(out)], cwd=JS)


def generate_java(out: Path) -> None:
    source = schema_dir()
    run(["mvn", "-B", "-q", "-Dstyle.color=never", "-f", str(CODEGEN_POM), "-P", "generate",
         "generate-sources", f"-Dschemas.dir={source}", f"-Dtypes.out={out}"], cwd=ROOT)
    (out / "README.md").write_text(
        "Java classes generated from the exported schemas by jsonschema2pojo "
        f"(scripts/generate_code.py java; schemas {source.name}), one package per family, "
        "compiled by java/codegen/pom.xml. Never edit by hand.\n"
        "They do not carry the contract's portable rules, its exactly-one groups or its "
        "nullable unions: see docs/cross-language.md.\n", encoding="utf-8")


def ensure_node_modules() -> None:
    if not (JS / "node_modules" / "json-schema-to-typescript").is_dir():
        run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=JS)


def run(command: list[str], cwd: Path) -> None:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env,
                                check=False)
    except FileNotFoundError as exc:
        raise GenerateError(f"{command[0]}: not found ({exc.strerror})") from exc
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise GenerateError(f"{Path(command[0]).name} failed ({result.returncode}): "
                            + " | ".join(tail))


GENERATORS = {"python": generate_python, "typescript": generate_typescript, "java": generate_java}


def differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths that differ between two trees (missing on either side included)."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        for name in cmp.common_files:
            if (Path(cmp.left) / name).read_bytes() != (Path(cmp.right) / name).read_bytes():
                out.append(prefix + name)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    if not actual.is_dir():
        return ["(missing)"]
    walk(filecmp.dircmp(expected, actual, ignore=["__pycache__"]), "")
    return sorted(out)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    targets = [a for a in argv if a != "--check"]
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        print(f"generate_code: unknown target {unknown[0]!r}; usage: scripts/generate_code.py "
              "[--check] [python] [typescript] [java]", file=sys.stderr)
        return 2
    status = 0
    for target in targets or TARGETS:
        final = GENERATED / target
        with tempfile.TemporaryDirectory(dir=GENERATED, prefix=f".{target}-") as tmp:
            fresh = Path(tmp) / target
            try:
                GENERATORS[target](fresh)
            except GenerateError as exc:
                print(f"generate_code: {target}: {exc}", file=sys.stderr)
                return 1
            if check:
                stale = differences(fresh, final)
                if stale:
                    print(f"generated/{target} is out of date (run scripts/generate_code.py "
                          f"{target}): {', '.join(stale)}", file=sys.stderr)
                    status = 1
                else:
                    print(f"generated/{target} up to date")
                continue
            # Swap in the new tree only once it is complete.
            old = Path(tmp) / "old"
            if final.exists():
                final.rename(old)
            fresh.rename(final)
            print(f"wrote generated/{target}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
