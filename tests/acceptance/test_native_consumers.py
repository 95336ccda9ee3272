"""End to end in Go and Rust, the way a service works: start `embedding-contract serve` on
127.0.0.1, then the consumer (go/cmd/consume, rust/src/bin/consume.rs) reads index.json, fetches
the vocabulary and the model's schema through the /v1/ alias, checks their sha256 against the
index and validates a config, exiting 1 with the path of each error.

Also checks that the usage examples of docs/cross-language.md are the ones `go test` (an Example
function) and `cargo test` (a doc test) run.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from embedding_contract.check.loader import load_file
from embedding_contract.check.naming import declared_reference, model_from_reference
from tests.support.paths import EXAMPLES, ROOT
from tests.support.schema_server import running_server

GO, CARGO = shutil.which("go"), shutil.which("cargo")
DOCS = ROOT / "docs" / "cross-language.md"


def build_go(tmp_path: Path) -> list[str]:
    assert GO is not None, "the test suite needs Go on PATH (scripts/setup)"
    binary = tmp_path / "consume-go"
    subprocess.run([GO, "build", "-o", str(binary), "./cmd/consume"], cwd=ROOT / "go",
                   check=True, capture_output=True, timeout=600)
    return [str(binary)]


def build_rust(tmp_path: Path) -> list[str]:
    assert CARGO is not None, "the test suite needs cargo on PATH (scripts/setup)"
    subprocess.run([CARGO, "build", "--locked", "--quiet", "--bin", "consume"], cwd=ROOT / "rust",
                   check=True, capture_output=True, timeout=1200)
    return [str(ROOT / "rust" / "target" / "debug" / "consume")]


def cases(tmp_path: Path) -> list[tuple[str, Path, set[str]]]:
    """(model, config file, the pointers its errors must name): each example, two broken ones."""
    out = []
    documents: dict[str, Any] = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        document = load_file(path).data
        model = model_from_reference(declared_reference(path.read_text(), document) or "")
        documents[model] = document
        target = tmp_path / f"{path.stem}.json"
        target.write_text(json.dumps(document))
        out.append((model, target, set()))
    large = copy.deepcopy(documents["recap.LargeEmbeddingsConfig"])
    large["tables"][0]["embedding_dim"] = 0
    large["tables"][1]["name"] = large["tables"][0]["name"]
    large["tables_to_log"].append("nowhere")
    target = tmp_path / "broken-large.json"
    target.write_text(json.dumps(large))
    out.append(("recap.LargeEmbeddingsConfig", target, {
        "/tables/0/embedding_dim", "/tables/1/name",
        f"/tables_to_log/{len(large['tables_to_log']) - 1}"}))
    twhin = copy.deepcopy(documents["twhin.TwhinEmbeddingsConfig"])
    first = twhin["tables"][0]["data_type"]
    twhin["tables"][1]["data_type"] = "fp16" if first != "fp16" else "fp32"
    target = tmp_path / "broken-twhin.json"
    target.write_text(json.dumps(twhin))
    out.append(("twhin.TwhinEmbeddingsConfig", target, {"/tables/1/data_type"}))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("build", [build_go, build_rust], ids=["go", "rust"])
def test_consumer_fetches_verifies_and_validates(build: Any, tmp_path: Path) -> None:
    command = build(tmp_path)
    all_cases = cases(tmp_path)
    assert len(all_cases) >= 5
    with running_server("--dir", str(ROOT / "schemas")) as server:
        url = f"http://127.0.0.1:{server.port}/"
        runs = [(model, pointers, subprocess.run(
            [*command, url, model, str(path)], capture_output=True, text=True, timeout=60))
            for model, path, pointers in all_cases]
        unknown = subprocess.run([*command, url, "recap.NoSuchModel", str(all_cases[0][1])],
                                 capture_output=True, text=True, timeout=60)
        requests = {r.get("path") for r in server.records() if r.get("status") == 200}
    for model, pointers, run in runs:
        if not pointers:
            assert run.returncode == 0, (model, run.stderr)
            assert "valid" in run.stdout
            continue
        assert run.returncode == 1, (model, run.stdout, run.stderr)
        named = {line.split(": ", 1)[0] for line in run.stderr.splitlines()}
        assert pointers <= named, run.stderr
    assert any("[unique-by]" in run.stderr and "[references]" in run.stderr for *_, run in runs)
    assert unknown.returncode == 2 and "recap.NoSuchModel" in unknown.stderr
    assert {"/index.json", "/v1/vocabulary.json", "/v1/recap/LargeEmbeddingsConfig.json",
            "/v1/twhin/TwhinEmbeddingsConfig.json"} <= requests


def docs_block(section: str, language: str) -> str:
    text = DOCS.read_text()
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{language}\n(.*?)```", body, re.S)
    assert match, f"no {language} example in the {section} section of {DOCS.name}"
    return match.group(1)


def test_go_usage_example_is_the_one_go_test_runs() -> None:
    source = (ROOT / "go" / "contract" / "example_test.go").read_text()
    body = source.split("func Example() {\n", 1)[1].split("\n}\n", 1)[0]
    lines = [line.removeprefix("\t") for line in body.splitlines()]
    assert docs_block("Go", "go").splitlines() == lines


def test_rust_usage_example_is_the_doc_test() -> None:
    source = (ROOT / "rust" / "src" / "lib.rs").read_text()
    doc = "\n".join(line.removeprefix("//!").removeprefix(" ")
                    for line in source.splitlines() if line.startswith("//!"))
    example = re.search(r"```\n(.*?)```", doc, re.S)
    assert example
    assert docs_block("Rust", "rust") == example.group(1)
