"""``embedding-contract diff``: sources, formats, exit codes, and the speed of a full diff."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from embedding_contract.cli import main
from embedding_contract.diff.engine import diff_files
from embedding_contract.diff.rules.table import RULES
from embedding_contract.diff.sources import load_source
from tests.support.paths import SCHEMAS

VERSION = "1.0.0"
LARGE = "recap/LargeEmbeddingsConfig.json"


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["diff", *args])


def evolve(folder: Path) -> None:
    """A new version of a released folder: vocab renamed, a bound tightened, a doc edited."""
    path = folder / LARGE
    doc = json.loads(path.read_text())
    bag = doc["$defs"]["EmbeddingBagConfig"]["properties"]
    bag["vocabulary"] = bag.pop("vocab")
    doc["properties"]["tables"]["minItems"] = 2
    doc["description"] = "Edited."
    path.write_text(json.dumps(doc))


@pytest.fixture
def released(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "schemas" / "1.0.0"
    new = tmp_path / "schemas" / "2.0.0"
    shutil.copytree(SCHEMAS / VERSION, old)
    shutil.copytree(SCHEMAS / VERSION, new)
    evolve(new)
    return old, new


def test_identical_versions_are_compatible() -> None:
    result = run(str(SCHEMAS / VERSION), str(SCHEMAS / VERSION))
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.output


def test_folders_text(released: tuple[Path, Path]) -> None:
    old, new = released
    result = run(str(old), str(new))
    assert result.exit_code == 1, result.output
    out = result.output
    assert "BREAKING  property-removed  recap/LargeEmbeddingsConfig.json#/$defs/" \
           "EmbeddingBagConfig/properties/vocab  (config: tables[].vocab)" in out
    assert "BREAKING  min-items-tightened" in out
    assert "annotation  description-changed" in out
    assert "witness (valid under OLD, rejected by NEW)" in out
    assert "1.0.0 -> 2.0.0 is a major bump" in out


def test_mode_forward_and_full(released: tuple[Path, Path]) -> None:
    old, new = released
    forward = run(str(old), str(new), "--mode", "forward", "--format", "json")
    data = json.loads(forward.output)
    assert forward.exit_code == 1  # vocabulary: NEW configs carry a key OLD rejects
    kinds = {(f["rule"], f["forward"]["effect"]) for f in data["comparisons"][0]["findings"]}
    assert ("property-added", "breaking") in kinds
    assert ("min-items-tightened", "compatible") in kinds
    tolerant = run(str(old), str(new), "--mode", "forward", "--policy", "tolerant-reader")
    assert tolerant.exit_code == 0, tolerant.output


def test_json_fields(released: tuple[Path, Path]) -> None:
    old, new = released
    result = run(str(old), str(new), "--format", "json")
    data = json.loads(result.output)
    assert data["format"] == "embedding-contract-diff/1" and data["exit_code"] == 1
    assert (data["mode"], data["policy"], data["gate"]) == ("backward", "strict", False)
    [c] = data["comparisons"]
    assert c["old"] == {"label": str(old), "version": "1.0.0"}
    assert c["required_bump"] == "major" and c["actual_bump"] == "major"
    removed = next(f for f in c["findings"] if f["rule"] == "property-removed")
    assert set(removed) == {"rule", "category", "file", "pointer", "old_pointer", "location",
                            "config_path", "bump", "waived", "old", "backward", "forward"}
    assert removed["config_path"] == "tables[].vocab"
    assert removed["backward"]["effect"] == "breaking"
    witness = removed["backward"]["witness"]["instance"]
    assert any("vocab" in t for t in witness["tables"])
    assert removed["forward"] == {"effect": "compatible", "witness": {"status": "not-searched"}}
    assert [f["location"] for f in c["findings"]] == sorted(
        (f["location"] for f in c["findings"]), key=lambda loc: (loc.split("#")[0], loc))


def test_markdown_and_github(released: tuple[Path, Path]) -> None:
    old, new = released
    md = run(str(old), str(new), "--format", "markdown").output
    assert md.startswith("### Schema compatibility: fails")
    assert "| BREAKING | `property-removed` |" in md and "```json" in md
    gh = run(str(old), str(new), "--format", "github").output.splitlines()
    errors = [line for line in gh if line.startswith("::error file=")]
    assert errors and all(",title=" in line and "::" in line[7:] for line in errors)
    assert any(f"file={new.as_posix()}/recap/LargeEmbeddingsConfig.json" in line
               for line in errors)
    assert gh[-1].startswith("::error title=schema compatibility::")


def test_single_file_against_a_folder(released: tuple[Path, Path]) -> None:
    old, new = released
    result = run(str(old / LARGE), str(new), "--format", "json")
    files = {f["file"] for f in json.loads(result.output)["comparisons"][0]["findings"]}
    assert files == {LARGE}
    by_family = run(str(old / "recap" / "EmbeddingSnapshot.json"), str(new))
    assert by_family.exit_code == 0  # matched as recap/EmbeddingSnapshot.json
    loose = old.parent / "EmbeddingSnapshot.json"
    shutil.copy(old / "recap" / "EmbeddingSnapshot.json", loose)
    ambiguous = run(str(loose), str(new))  # recap/ or twhin/?
    assert ambiguous.exit_code == 2 and "2 files are named" in ambiguous.output


def test_schema_files_added_and_removed(released: tuple[Path, Path]) -> None:
    old, new = released
    (new / "twhin" / "SgdConfig.json").unlink()
    shutil.copy(new / "twhin" / "AdamConfig.json", new / "twhin" / "NadamConfig.json")
    data = json.loads(run(str(old), str(new), "--format", "json").output)
    rules = {(f["rule"], f["file"]) for f in data["comparisons"][0]["findings"]}
    assert ("schema-removed", "twhin/SgdConfig.json") in rules
    assert ("schema-added", "twhin/NadamConfig.json") in rules
    removed = next(f for f in data["comparisons"][0]["findings"]
                   if f["rule"] == "schema-removed")
    assert removed["backward"]["witness"]["status"] == "found"


def test_list_rules() -> None:
    text = run("--list-rules")
    assert text.exit_code == 0
    assert {line.split()[0] for line in text.output.splitlines()} == set(RULES)
    listed = json.loads(run("--list-rules", "--format", "json").output)
    assert [r["id"] for r in listed] == sorted(
        RULES, key=lambda i: (RULES[i].category, i))
    assert all(r["doc"] and r["category"] for r in listed)


@pytest.mark.parametrize("args", [
    (),
    ("only-one",),
    ("a", "b", "--against-release"),
    ("a", "b", "--transitive"),
    ("--list-rules", "x"),
    ("missing/old.json", "missing/new.json"),
    ("git:-rf", "schemas/1.0.0"),
    ("--mode", "sideways", "a", "b"),
    ("a", "b", "--exceptions", "contract-exceptions.yaml"),
])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output


def test_bad_input_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "object", "type": "array"}')
    result = run(str(bad), str(bad))
    assert result.exit_code == 2
    assert "duplicate key 'type'" in result.output and "Traceback" not in result.output
    bad.write_text('{"minimum": NaN}')
    assert run(str(bad), str(bad)).exit_code == 2
    good = tmp_path / "good.json"
    good.write_text('{"type": "object"}')
    bad.write_text('{"$ref": "#/$defs/Missing"}')
    result = run(str(good), str(bad))
    assert result.exit_code == 2 and "unresolvable $ref" in result.output
    bad.write_text('{"type": "object", "minimum": "zero"}')
    result = run(str(good), str(bad))
    assert result.exit_code == 2 and "minimum at <root> must be a number" in result.output
    assert len(result.output.strip().splitlines()) == 1


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def test_git_revision_without_touching_the_work_tree(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(SCHEMAS / VERSION, repo / "schemas" / VERSION)
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "release")
    evolve(repo / "schemas" / VERSION)  # an uncommitted edit in the work tree
    status = git(repo, "status", "--porcelain")
    monkeypatch.chdir(repo)
    result = run("git:HEAD", f"schemas/{VERSION}", "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["comparisons"][0]["old"] == {"label": f"git:HEAD:schemas/{VERSION}",
                                             "version": VERSION}
    assert {f["rule"] for f in data["comparisons"][0]["findings"]} >= {"property-removed"}
    assert run(f"git:HEAD:{VERSION}", "git:HEAD").exit_code == 0
    assert git(repo, "status", "--porcelain") == status
    assert run("git:no-such-ref", "git:HEAD").exit_code == 2
    assert run("git:HEAD:9.9.9", "git:HEAD").exit_code == 2


def test_full_diff_without_witnesses_is_fast(released: tuple[Path, Path]) -> None:
    old, new = (load_source(str(p)) for p in released)
    start = time.perf_counter()
    findings = diff_files(old.documents, new.documents)
    elapsed = time.perf_counter() - start
    assert findings and elapsed < 1.0, elapsed


def test_docs_list_every_rule() -> None:
    from tests.support.paths import ROOT

    docs = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    table = run("--list-rules", "--format", "markdown").output.strip()
    assert table in docs  # the rules table in docs/diff.md is the command's own output


def _pair(tmp_path: Path, old: Any, new: Any) -> tuple[str, str]:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "s.json").write_text(json.dumps(old))
    (tmp_path / "new" / "s.json").write_text(json.dumps(new))
    return str(tmp_path / "old" / "s.json"), str(tmp_path / "new" / "s.json")


def test_default_draft_reads_tuple_items(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, {"type": "array", "items": [{"type": "string"}],
                                "additionalItems": False},
                     {"type": "array", "items": [{"type": "string"}, {"type": "integer"}],
                      "additionalItems": False})
    refused = run(old, new)
    assert refused.exit_code == 2 and len(refused.output.strip().splitlines()) == 1
    result = run(old, new, "--default-draft", "draft-07", "--mode", "full", "--format", "json")
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["comparisons"][0]["findings"]
    forward = [f["forward"] for f in findings if f["forward"]["effect"] == "breaking"]
    assert forward and forward[0]["witness"]["instance"][1] == 0
    assert all(f["backward"]["effect"] == "compatible" for f in findings)


def test_ecma_escapes_and_recursion_never_a_traceback(tmp_path: Path) -> None:
    node = {"type": "object", "properties": {"next": {"$ref": "#/$defs/N"},
                                             "key": {"type": "string", "pattern": "^\\cA"}}}
    old, new = _pair(tmp_path, {"$defs": {"N": node}, "$ref": "#/$defs/N",
                                "patternProperties": {"^\\cC$": {"type": "integer"}}},
                     {"$defs": {"N": node}, "$ref": "#/$defs/N",
                      "patternProperties": {"^\\cC$": {"type": "string"}}})
    result = run(old, new, "--mode", "full")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and '{"\\u0003":0}' in result.output


def test_equal_instance_sets_need_no_bump(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, {"type": "object", "properties": {"x": {"type": "number"}}},
                     {"type": "object", "properties": {
                         "x": {"type": "number", "maximum": 1.7976931348623157e308}}})
    result = run(old, new, "--mode", "full", "--format", "json")
    assert result.exit_code == 0, result.output
    finding = json.loads(result.output)["comparisons"][0]["findings"][0]
    assert finding["same_instances"] is True and finding["bump"] == "patch"


def test_undecided_changes_say_why_and_are_counted(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, {"type": "object", "properties": {
        "s": {"type": "string", "pattern": "^(a)\\1$"}}},
                     {"type": "object", "properties": {"s": {"type": "string", "pattern": "^a"}}})
    result = run(old, new)
    assert result.exit_code == 1, result.output
    assert "back-reference" in result.output
    assert "(1 undecided change counted as breaking)" in result.output


def test_required_added_says_whether_the_property_was_declared(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, {"type": "object", "properties": {"a": {"type": "string"}}},
                     {"type": "object", "required": ["a", "b"],
                      "properties": {"a": {"type": "string"}, "b": {"type": "string"}}})
    result = run(old, new, "--format", "json")
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["comparisons"][0]["findings"]
    required = {f["config_path"]: f["old"] for f in findings if f["rule"] == "required-added"}
    assert required == {"a": "optional", "b": "not declared"}


def test_an_input_error_names_the_file_it_is_in(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text('{"type": "number", "maximum": 1' + "0" * 400 + "}")
    new.write_text('{"type": "number", "maximum": 10}')
    result = run(str(old), str(new))
    assert result.exit_code == 2
    assert f"OLD {old}" in result.output and "new.json" not in result.output
