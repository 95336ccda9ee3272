"""The semantic-version gate, its policies, configuration and exceptions, on temporary trees.

Released versions are written from the current models' export, then edited, so each test knows
exactly what changed between a release and the models.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from embedding_contract import __version__
from embedding_contract.core.errors import DiffInputError
from embedding_contract.core.jsonio import render
from embedding_contract.core.versions import Bump, Version
from embedding_contract.diff.findings import Mode, Policy
from embedding_contract.diff.gate import Options, load_options, run_gate
from embedding_contract.schemafiles.export import build_release
from embedding_contract.schemafiles.generate import DEFAULT_BASE_URL

BAG = "recap/EmbeddingBagConfig.json"
LARGE = "recap/LargeEmbeddingsConfig.json"
Edit = Callable[[dict[str, Any]], None]
_export = functools.lru_cache(maxsize=None)(build_release)


@pytest.fixture(autouse=True)
def _cached_export(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exporting the models takes a fifth of a second; the tests export few versions often."""
    monkeypatch.setattr("embedding_contract.schemafiles.export.build_release", _export)


def release(root: Path, version: str, edit: Edit | None = None,
            files: tuple[str, ...] = (BAG, LARGE)) -> None:
    """Write ``version`` as the models export it, with ``edit`` applied to ``files``."""
    for rel, content in _export(version, DEFAULT_BASE_URL).items():
        doc = json.loads(content)
        name = rel.split("/", 1)[1]
        if edit is not None and name in files:
            edit(doc)
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render(doc))


def bag(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["$defs"]["EmbeddingBagConfig"] if "$defs" in doc and \
        "EmbeddingBagConfig" in doc["$defs"] else doc


def without_vocab(doc: dict[str, Any]) -> None:
    """An older release without `vocab`: the models added an optional field since."""
    del bag(doc)["properties"]["vocab"]


def with_extra(doc: dict[str, Any]) -> None:
    """An older release with one more optional field: the models removed it since."""
    bag(doc)["properties"]["legacy_id"] = {"type": "string"}


def with_description(doc: dict[str, Any]) -> None:
    bag(doc)["properties"]["vocab"]["description"] = "An older wording."


def gate(root: Path, version: str, tmp_path: Path, **options: Any) -> Any:
    options.setdefault("exceptions", tmp_path / "none.yaml")
    root.mkdir(parents=True, exist_ok=True)  # no tree at all is an input error
    return run_gate(root, version, DEFAULT_BASE_URL, Options(**options))


def text(report: Any) -> str:
    from embedding_contract.diff.report import render as render_report

    return render_report(report, "text")


def test_first_release_passes(tmp_path: Path) -> None:
    report = gate(tmp_path / "schemas", "1.0.0", tmp_path)
    assert report.exit_code == 0 and not report.comparisons
    assert "first release" in report.notes[0]


def test_an_exception_for_the_first_release_is_stale(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("exceptions:\n  - {rule: property-removed, pointer: 'a.json#/x', "
                       "version: 1.0.0, reason: never matches}\n")
    report = gate(tmp_path / "schemas", "1.0.0", tmp_path, exceptions=waivers)
    assert report.exit_code == 1 and [w.reason for w in report.stale] == ["never matches"]


def test_released_and_identical_compares_with_the_previous_release(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0", without_vocab)
    release(root, "1.1.0")
    report = gate(root, "1.1.0", tmp_path)
    assert report.exit_code == 0, text(report)
    [c] = report.comparisons
    assert c.old.version == "1.0.0" and c.required is Bump.MINOR and c.actual is Bump.MINOR
    assert {f.rule for f in c.findings} == {"property-added"}


@pytest.mark.parametrize(("edit", "needed", "rules"), [
    (without_vocab, "1.0.1 is only a patch bump over 1.0.0", {"property-added"}),
    (with_extra, "1.0.1 is only a patch bump over 1.0.0", {"property-removed"}),
])
def test_a_too_small_bump_fails_with_the_reason(tmp_path: Path, edit: Edit, needed: str,
                                                 rules: set[str]) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0", edit)
    report = gate(root, "1.0.1", tmp_path)
    assert report.exit_code == 1
    [c] = report.comparisons
    assert needed in c.message and {f.rule for f in c.findings} == rules
    assert ("at least 2.0.0" if "property-removed" in rules else "at least 1.1.0") in c.message


def test_breaking_needs_a_major_and_a_larger_bump_is_fine(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0", with_extra)
    assert gate(root, "1.1.0", tmp_path).exit_code == 1
    assert gate(root, "2.0.0", tmp_path).exit_code == 0
    assert gate(root, "3.0.0", tmp_path).exit_code == 0
    report = gate(root, "2.0.0", tmp_path)
    witness = [f.witness(d) for f in report.comparisons[0].findings for d in f.witnesses]
    assert witness and all(w.status == "found" for w in witness)
    assert all("legacy_id" in json.dumps(w.instance) for w in witness)


def test_annotation_only_needs_a_patch(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0", with_description)
    report = gate(root, "1.0.1", tmp_path)
    assert report.exit_code == 0, text(report)
    assert report.comparisons[0].required is Bump.PATCH
    assert gate(root, "1.0.0", tmp_path).exit_code == 1  # drift: released 1.0.0 differs


def test_drift_from_the_released_version_names_the_bump(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0", with_extra)
    report = gate(root, "1.0.0", tmp_path)
    assert report.exit_code == 1
    [c] = report.comparisons
    assert c.old.version == "1.0.0"
    assert "changed since 1.0.0 was released" in c.message
    assert "bump __version__ to 2.0.0" in c.message
    assert "property-removed" in c.message


def test_drift_with_older_releases_still_compares_with_the_released_version(
        tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "0.9.0")
    release(root, "1.0.0", with_description)
    report = gate(root, "1.0.0", tmp_path)
    assert [c.old.version for c in report.comparisons] == ["1.0.0"]
    assert "bump __version__ to 1.0.1" in report.comparisons[0].message


def test_transitive_checks_every_release(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "0.8.0", with_extra)  # the models removed legacy_id since 0.8.0
    release(root, "0.9.0")
    assert gate(root, "0.9.1", tmp_path).exit_code == 0
    report = gate(root, "0.9.1", tmp_path, transitive=True)
    assert [c.old.version for c in report.comparisons] == ["0.8.0", "0.9.0"]
    assert report.exit_code == 1
    assert [c.ok for c in report.comparisons] == [False, True]


def test_modes_and_policies(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0", without_vocab)  # an optional field added: forward-breaking only
    assert gate(root, "1.1.0", tmp_path).exit_code == 0
    assert gate(root, "1.1.0", tmp_path, mode=Mode.FULL).exit_code == 1
    assert gate(root, "1.1.0", tmp_path, mode=Mode.FORWARD).exit_code == 1
    tolerant = gate(root, "1.1.0", tmp_path, mode=Mode.FULL, policy=Policy.TOLERANT_READER)
    assert tolerant.exit_code == 0, text(tolerant)


def test_exceptions_accept_a_break_and_stale_ones_fail(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0", with_extra)
    waivers = tmp_path / "contract-exceptions.yaml"
    entries = [
        {"rule": "property-removed", "pointer": f"{BAG}#/properties/legacy_id",
         "version": "1.1.0", "reason": "legacy_id was never read"},
        {"rule": "property-removed",
         "pointer": f"{LARGE}#/$defs/EmbeddingBagConfig/properties/legacy_id",
         "version": "1.1.0", "reason": "legacy_id was never read"},
    ]
    waivers.write_text(json.dumps({"exceptions": entries}))
    report = gate(root, "1.1.0", tmp_path, exceptions=waivers)
    assert report.exit_code == 0, text(report)
    assert all(f.waived == "legacy_id was never read" for f in report.comparisons[0].findings)
    assert report.comparisons[0].required is Bump.MINOR
    # One waiver fewer: the other finding still breaks.
    waivers.write_text(json.dumps({"exceptions": entries[:1]}))
    assert gate(root, "1.1.0", tmp_path, exceptions=waivers).exit_code == 1
    # A waiver that matches nothing (a wrong pointer) is stale and fails the check.
    stale = {**entries[0], "pointer": f"{BAG}#/properties/nothing_here"}
    waivers.write_text(json.dumps({"exceptions": [*entries, stale]}))
    report = gate(root, "1.1.0", tmp_path, exceptions=waivers)
    assert report.exit_code == 1 and report.stale == [report.stale[0]]
    assert "nothing_here" in text(report)
    # A waiver for a version that is neither released nor under check is stale too.
    waivers.write_text(json.dumps({"exceptions": [*entries, {**entries[0], "version": "9.0.0"}]}))
    assert gate(root, "1.1.0", tmp_path, exceptions=waivers).exit_code == 1


@pytest.mark.parametrize(("content", "message"), [
    ("exceptions: {}", "must be a list"),
    ("[1, 2]", "one key"),
    ("exceptions:\n  - {rule: property-removed}", "exactly the keys"),
    ("exceptions:\n  - {rule: no-such-rule, pointer: 'a.json#/x', version: 1.0.0, reason: r}",
     "unknown rule"),
    ("exceptions:\n  - {rule: property-removed, pointer: '/x', version: 1.0.0, reason: r}",
     "FILE#/json/pointer"),
    ("exceptions:\n  - {rule: property-removed, pointer: 'a#/x', version: '1.0', reason: r}",
     "MAJOR.MINOR.PATCH"),
    ("exceptions: [\n", "cannot read"),
])
def test_malformed_exceptions_are_input_errors(tmp_path: Path, content: str,
                                               message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(content)
    with pytest.raises(DiffInputError, match=message):
        gate(tmp_path / "schemas", "1.0.0", tmp_path, exceptions=path)


def test_newer_release_than_the_version_fails(tmp_path: Path) -> None:
    root = tmp_path / "schemas"
    release(root, "1.0.0")
    release(root, "2.0.0")
    report = gate(root, "1.5.0", tmp_path)
    assert report.exit_code == 1 and "went backwards" in report.notes[0]


def test_configuration_from_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.embedding-contract.gate]\npolicy = "tolerant-reader"\n'
                         'mode = "full"\ntransitive = true\nexceptions = "waivers.yaml"\n')
    options = load_options(pyproject)
    assert options == Options(Mode.FULL, Policy.TOLERANT_READER, True, Path("waivers.yaml"))
    assert load_options(pyproject, mode="backward", policy="strict",
                        transitive=False).mode is Mode.BACKWARD
    assert load_options(tmp_path / "missing.toml") == Options()
    pyproject.write_text('[tool.embedding-contract.gate]\nstrictness = "high"\n')
    with pytest.raises(DiffInputError, match="unknown key"):
        load_options(pyproject)
    pyproject.write_text('[tool.embedding-contract.gate]\npolicy = "lenient"\n')
    with pytest.raises(DiffInputError, match="lenient"):
        load_options(pyproject)


def test_version_arithmetic() -> None:
    """The gate's bumps come from core.versions: checked here with the gate's own questions."""
    base = Version.parse("1.2.3")
    assert base.bump_to(Version.parse("2.0.0")) is Bump.MAJOR
    assert base.bump_to(Version.parse("1.3.0")) is Bump.MINOR
    assert base.bump_to(Version.parse("1.2.4")) is Bump.PATCH
    assert base.bump_to(Version.parse("1.2.3")) is Bump.NONE
    assert base.bump_to(Version.parse("1.2.2")) is None
    assert [str(base.bumped(b)) for b in (Bump.MAJOR, Bump.MINOR, Bump.PATCH)] == [
        "2.0.0", "1.3.0", "1.2.4"]


def test_the_repository_passes_its_own_gate() -> None:
    from tests.support.paths import ROOT

    report = run_gate(ROOT / "schemas", __version__, DEFAULT_BASE_URL,
                      load_options(ROOT / "pyproject.toml",
                                   exceptions=ROOT / "contract-exceptions.yaml"))
    assert report.exit_code == 0, text(report)
