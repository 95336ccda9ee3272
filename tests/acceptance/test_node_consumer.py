"""End to end in Node, the way a hydration service works: start the schema server, fetch each
schema by its `$id` URL with Node's own fetch, compile it with ajv's Draft 2020-12 class and
validate the examples and broken configs.

The schemas are exported with a base URL pointing at the test server, so every `$id` is a URL
that really resolves. The npm project (ajv only, locked) is installed with `npm ci` in a copy.
"""

from __future__ import annotations

import copy
import json
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from embedding_contract.check.loader import load_file
from embedding_contract.check.naming import declared_reference, model_from_reference
from embedding_contract.cli import main
from tests.support.paths import EXAMPLES, ROOT
from tests.support.schema_server import ServerProcess, start_server

PROJECT = ROOT / "tests" / "node_consumer"
NODE, NPM = shutil.which("node"), shutil.which("npm")

pytestmark = [pytest.mark.slow, pytest.mark.node]


def examples() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        document = load_file(path)
        model = model_from_reference(declared_reference(path.read_text(), document.data) or "")
        cases.append({"name": path.name, "model": model, "config": document.data})
    return cases


def broken(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_model = {c["model"]: c["config"] for c in cases}
    large = copy.deepcopy(by_model["recap.LargeEmbeddingsConfig"])
    large["tables"][0]["embedding_dim"] = 0
    large["tables"][1]["colour"] = "blue"
    twhin = copy.deepcopy(by_model["twhin.TwhinEmbeddingsConfig"])
    twhin["tables"][0]["data_type"] = "fp64"
    return [{"name": "broken-large", "model": "recap.LargeEmbeddingsConfig", "config": large},
            {"name": "broken-twhin", "model": "twhin.TwhinEmbeddingsConfig", "config": twhin}]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_with_resolving_ids(tmp_path: Path) -> tuple[ServerProcess, str]:
    """Export the schemas with $ids under http://127.0.0.1:PORT/schemas/ and serve them there."""
    for attempt in range(3):
        port = free_port()
        base = f"http://127.0.0.1:{port}/schemas/"
        tree = tmp_path / f"tree{attempt}"
        result = CliRunner().invoke(main, ["export", "--schemas", str(tree), "--base-url", base])
        assert result.exit_code == 0, result.output
        try:
            return start_server("--dir", str(tree), base_path="/schemas/", port=port), base
        except RuntimeError:  # the port was taken in between: try another
            continue
    raise RuntimeError("no free port for the schema server")


def test_node_consumer_fetches_by_id_and_validates(tmp_path: Path) -> None:
    assert NODE is not None and NPM is not None, "the test suite needs Node.js 20 and npm on PATH"
    project = tmp_path / "node_consumer"
    project.mkdir()
    for name in ("package.json", "package-lock.json", "consume.mjs"):
        shutil.copy(PROJECT / name, project / name)
    subprocess.run([str(NPM), "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                   cwd=project, check=True, capture_output=True, timeout=300)
    cases = examples()
    assert len(cases) >= 3
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(cases + broken(cases)))

    server, base = server_with_resolving_ids(tmp_path)
    try:
        completed = subprocess.run(
            [str(NODE), "consume.mjs", base + "index.json", str(cases_file)], cwd=project,
            capture_output=True, text=True, timeout=120)
    finally:
        server.stop()
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)

    assert set(report["keywords"]) >= {"x-contract-unique-by", "x-contract-references"}
    assert set(report["fetched"]) == {c["model"] for c in cases}
    for model, got in report["fetched"].items():
        family, _, cls = model.partition(".")
        assert got["id"].startswith(base) and got["id"].endswith(f"/{family}/{cls}.json")
        assert got["status"] == 200
        assert got["contentType"] == "application/schema+json"
        assert got["etag"] == f'"{got["sha256"]}"'
        assert got["cacheControl"] == "public, max-age=31536000, immutable"
        assert got["revalidation"] == 304
    verdicts = {r["name"]: r for r in report["results"]}
    for case in cases:
        assert verdicts[case["name"]]["valid"], verdicts[case["name"]]
    large = verdicts["broken-large"]
    assert not large["valid"]
    assert "/tables/0/embedding_dim minimum" in large["errors"]
    assert "/tables/1 additionalProperties" in large["errors"]
    twhin = verdicts["broken-twhin"]
    assert not twhin["valid"]
    assert any(e.startswith("/tables/0/data_type") for e in twhin["errors"])
    fetched_ids = {r.get("path") for r in server.records() if r.get("status") == 200}
    latest = json.loads((ROOT / "schemas" / "index.json").read_text())["latest"]
    assert f"/schemas/{latest}/vocabulary.json" in fetched_ids
