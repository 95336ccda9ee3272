"""The done-when, for real: edit a model in a copy of the project and run `check` there.

``python/``, ``schemas/`` and ``examples/`` are copied into a temporary folder, the copied model
source is edited, and ``python -m embedding_contract.cli`` runs there with ``PYTHONPATH``
pointing at the copy, so the real tree is never touched.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from embedding_contract import __version__
from embedding_contract.core.versions import Bump, Version
from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.support.paths import ROOT

VOCAB = "    vocab: Optional[NonEmptyString] = Field("
VOCAB_DOC = "Directory of parquet files mapping entity id to table row."
MAJOR, MINOR, PATCH = (str(Version.parse(__version__).bumped(b))
                       for b in (Bump.MAJOR, Bump.MINOR, Bump.PATCH))


def project(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in ("python", "schemas", "examples"):
        shutil.copytree(ROOT / part, repo / part, ignore=ignore)
    return repo


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def set_version(repo: Path, version: str) -> None:
    init = repo / "python" / "embedding_contract" / "__init__.py"
    edit(init, f'__version__ = "{__version__}"', f'__version__ = "{version}"')


def cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EMBEDDING_CONTRACT_BASE_URL"}
    env["PYTHONPATH"] = str(repo / "python")
    return subprocess.run([sys.executable, "-m", "embedding_contract.cli", *args], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def recap(repo: Path) -> Path:
    return repo / "python" / "embedding_contract" / "models" / "recap.py"


def test_renaming_a_field_fails_check_with_finding_witness_and_bump(tmp_path: Path) -> None:
    repo = project(tmp_path)
    edit(recap(repo), VOCAB, VOCAB.replace("vocab:", "vocabulary:"))
    done = cli(repo, "check")
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert ("BREAKING  property-removed  recap/LargeEmbeddingsConfig.json#/$defs/"
            "EmbeddingBagConfig/properties/vocab  (config: tables[].vocab)") in out
    assert f"bump __version__ to {MAJOR}" in out
    verdict = next(x for x in out.splitlines() if x.startswith("FAIL the models changed"))
    assert "breaking changes (property-removed) need a major version" in verdict
    # The witness config printed for LargeEmbeddingsConfig, checked with a real validator:
    # valid under the released schema, rejected by the schema the edited models export.
    line = next(x for x in out.splitlines() if "backward: breaking; witness" in x
                and '"tables"' in x)
    witness = json.loads(line.split("rejected by NEW): ", 1)[1])
    released = json.loads((ROOT / "schemas" / __version__ / "recap" /
                           "LargeEmbeddingsConfig.json").read_text())
    assert ContractValidator(released).is_valid(witness)
    exported = cli(repo, "export", "--schemas", "out")
    assert exported.returncode == 0, exported.stderr
    edited = json.loads((repo / "out" / __version__ / "recap" /
                         "LargeEmbeddingsConfig.json").read_text())
    assert not ContractValidator(edited).is_valid(witness)
    assert any("vocab" in table for table in witness["tables"])


def add_optional_field(repo: Path) -> None:
    edit(recap(repo), VOCAB, "    shard_count: Optional[PositiveInteger] = Field(\n"
         "        default=None, description=\"Number of shards of the table.\")\n" + VOCAB)


def test_adding_an_optional_field_passes_with_a_minor_bump(tmp_path: Path) -> None:
    repo = project(tmp_path)
    add_optional_field(repo)
    set_version(repo, MINOR)
    exported = cli(repo, "export")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    done = cli(repo, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(rf"ok   {re.escape(MINOR)} is a minor bump over {re.escape(__version__)}: "
                     r"\d+ additive changes \(property-added\)", done.stdout), done.stdout


def test_adding_an_optional_field_with_a_patch_bump_fails(tmp_path: Path) -> None:
    repo = project(tmp_path)
    add_optional_field(repo)
    set_version(repo, PATCH)
    done = cli(repo, "check")
    assert done.returncode == 1
    assert (f"{PATCH} is only a patch bump over {__version__}, but" in done.stdout
            and f"bump __version__ to at least {MINOR}" in done.stdout), done.stdout


def test_editing_a_description_passes_with_a_patch(tmp_path: Path) -> None:
    repo = project(tmp_path)
    edit(recap(repo), VOCAB_DOC, "Where the vocabulary of the table lives.")
    set_version(repo, PATCH)
    assert cli(repo, "export").returncode == 0
    done = cli(repo, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"ok   {PATCH} is a patch bump over {__version__}: " in done.stdout
    assert "annotation changes (description-changed)" in done.stdout
