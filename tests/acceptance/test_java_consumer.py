"""End to end on the JVM, the way a service uses the contract: start the schema server on
127.0.0.1, then the Java consumer (java/.../consumer/Consume.java) reads its index.json, fetches
the vocabulary and a schema by their `$id` URLs, checks their sha256 against the index and
validates config files with the contract's rules (networknt plus the vocabulary).

Maven builds the library offline from ~/.m2 (filled by scripts/setup)."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from embedding_contract.check.loader import load_file
from tests.acceptance.test_node_consumer import server_with_resolving_ids
from tests.support.paths import EXAMPLES, ROOT

JAVA, MVN = shutil.which("java"), shutil.which("mvn")
LARGE = "recap.LargeEmbeddingsConfig"

pytestmark = [pytest.mark.slow]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def classpath() -> str:
    """Compile java/ (offline) and return the classpath that runs it."""
    assert JAVA is not None and MVN is not None, "the test suite needs a JDK 17 and Maven on PATH"
    target = ROOT / "java" / "target"
    completed = subprocess.run(
        [MVN, "-B", "-q", "-o", "-Dstyle.color=never", "-f", str(ROOT / "java" / "pom.xml"),
         "compile", "dependency:build-classpath", "-Dmdep.outputFile=target/classpath.txt"],
        capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return f"{target / 'classes'}:{(target / 'classpath.txt').read_text().strip()}"


def test_java_consumer_fetches_checks_and_validates(tmp_path: Path) -> None:
    cp = classpath()
    valid = load_file(EXAMPLES / "recap-large-embeddings.yaml").data
    broken = copy.deepcopy(valid)
    broken["tables"][1]["name"] = broken["tables"][0]["name"]  # a duplicate table name
    broken["optimizer"]["learning_rate"] = {  # two schedules at once
        "constant": 0.1, "linear_ramp_to_constant": {"learning_rate": 0.1, "num_ramp_steps": 10}}
    broken["tables"][0]["embedding_dim"] = 0
    files = {}
    for name, config in (("valid", valid), ("broken", broken)):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(config))

    server, base = server_with_resolving_ids(tmp_path)

    def consume(model: str, config: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(JAVA), "-cp", cp, "dev.embeddingcontract.consumer.Consume", base + "index.json",
             model, str(config)], capture_output=True, text=True, timeout=120)

    try:
        ok = consume(LARGE, files["valid"])
        bad = consume(LARGE, files["broken"])
        unknown = consume("recap.Nope", files["valid"])
        fetched = {r.get("path") for r in server.records() if r.get("status") == 200}
    finally:
        server.stop()

    # The same URLs from a plain static host whose schema no longer matches index.json.
    latest = json.loads((ROOT / "schemas" / "index.json").read_text())["latest"]
    tree = next(p for p in sorted(tmp_path.glob("tree*")) if (p / "index.json").exists())
    tampered = tree / latest / "recap" / "LargeEmbeddingsConfig.json"
    tampered.write_bytes(tampered.read_bytes().replace(b'"minItems": 1', b'"minItems": 0', 1))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "schemas").symlink_to(tree)
    port = int(base.split(":")[2].split("/")[0])
    handler = partial(_Quiet, directory=str(tmp_path / "site"))
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
        try:
            untrusted = consume(LARGE, files["valid"])
        finally:
            httpd.shutdown()

    assert (ok.returncode, ok.stdout.strip()) == (0, "valid"), ok.stderr
    assert bad.returncode == 1, bad.stderr
    paths = {line.split(": ", 1)[0] for line in bad.stdout.splitlines()}
    assert "/tables/1/name" in paths  # unique-by, a portable rule
    assert "/optimizer/learning_rate" in paths  # the exactly-one group
    assert "/tables/0/embedding_dim" in paths  # a standard bound
    assert "[unique-by]" in bad.stdout
    assert unknown.returncode == 2 and "recap.Nope is not a model" in unknown.stderr
    assert untrusted.returncode == 2 and "sha256" in untrusted.stderr, untrusted.stderr
    assert f"/schemas/{latest}/vocabulary.json" in fetched
    assert f"/schemas/{latest}/recap/LargeEmbeddingsConfig.json" in fetched
