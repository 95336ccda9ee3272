"""Schema export: byte-stable, drift detected, released versions immutable, index consistent."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from embedding_contract import __version__
from embedding_contract.core.errors import DriftError, ExportError
from embedding_contract.core.versions import Bump, Version
from embedding_contract.models.registry import MODEL_NAMES
from embedding_contract.schemafiles.export import build_release, check, export
from embedding_contract.schemafiles.generate import DEFAULT_BASE_URL
from tests.support.paths import SCHEMAS


def test_committed_schemas_match_models() -> None:
    check(SCHEMAS, __version__, DEFAULT_BASE_URL)


def test_export_is_byte_identical_across_processes(tmp_path: Path) -> None:
    """A separate interpreter (fresh hash seed) writes the very same bytes."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "embedding_contract.cli", "export", "--schemas",
                        str(out)], check=True, capture_output=True,
                       env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"})
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes()
                        for p in sorted(out.rglob("*.json"))})
    assert outputs[0] == outputs[1]
    committed = {p.relative_to(SCHEMAS).as_posix(): p.read_bytes()
                 for p in sorted((SCHEMAS / __version__).rglob("*.json"))}
    assert {k: v for k, v in outputs[0].items() if k != "index.json"} == committed


def test_every_model_has_one_schema_with_id_and_title() -> None:
    files = build_release(__version__, DEFAULT_BASE_URL)
    for name in MODEL_NAMES:
        family, _, cls = name.partition(".")
        rel = f"{__version__}/{family}/{cls}.json"
        doc = json.loads(files[rel])
        assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert doc["$id"] == DEFAULT_BASE_URL + rel
        assert doc["title"] == name
        assert files[rel].endswith(b"}\n")


def test_index_lists_every_file_with_its_sha256() -> None:
    index = json.loads((SCHEMAS / "index.json").read_text())
    assert index["latest"] == __version__
    release = index["versions"][__version__]
    assert sorted(release["models"]) == sorted(MODEL_NAMES)
    for record in [*release["models"].values(), release["vocabulary"]]:
        content = (SCHEMAS / record["path"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == record["sha256"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, root)
    return root


def test_drift_is_reported_with_a_diff(tree: Path) -> None:
    target = tree / __version__ / "recap" / "LargeEmbeddingsConfig.json"
    doc = json.loads(target.read_text())
    del doc["properties"]["tables"]["x-contract-unique-by"]
    target.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    with pytest.raises(DriftError) as caught:
        check(tree, __version__, DEFAULT_BASE_URL)
    assert "-      \"x-contract-unique-by\": \"name\"" in caught.value.diff.replace("+", "-")
    assert f"committed/{__version__}/recap/LargeEmbeddingsConfig.json" in caught.value.diff


def test_missing_version_is_drift(tree: Path) -> None:
    shutil.rmtree(tree / __version__)
    with pytest.raises(DriftError) as caught:
        check(tree, __version__, DEFAULT_BASE_URL)
    assert "not exported" in caught.value.diff


def test_stale_index_is_drift(tree: Path) -> None:
    (tree / "index.json").write_text("{}\n")
    with pytest.raises(DriftError):
        check(tree, __version__, DEFAULT_BASE_URL)


def test_released_version_is_immutable(tree: Path) -> None:
    target = tree / __version__ / "recap" / "EmbeddingSnapshot.json"
    original = target.read_bytes()
    target.write_bytes(original.replace(b"torchsnapshot", b"snapshot"))
    with pytest.raises(ExportError, match="bump __version__"):
        export(tree, __version__, DEFAULT_BASE_URL)
    # A different base URL is different content too.
    target.write_bytes(original)
    with pytest.raises(ExportError, match="immutable"):
        export(tree, __version__, "https://example.invalid/schemas/")
    assert target.read_bytes() == original


def test_export_into_new_version_keeps_old_ones(tree: Path) -> None:
    before = list(json.loads((tree / "index.json").read_text())["versions"])
    newer = str(Version.parse(__version__).bumped(Bump.MINOR))
    result = export(tree, newer, DEFAULT_BASE_URL)
    assert result.written
    index = json.loads((tree / "index.json").read_text())
    assert list(index["versions"]) == [*before, newer]
    assert index["latest"] == newer
    again = export(tree, newer, DEFAULT_BASE_URL)
    assert not again.written
    assert not any(p.name.startswith(".") for p in tree.iterdir())


def test_bad_version_string(tree: Path) -> None:
    with pytest.raises(ExportError, match=r"MAJOR\.MINOR\.PATCH"):
        export(tree, "1.0", DEFAULT_BASE_URL)
