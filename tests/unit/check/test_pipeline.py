"""Judging a file: the model it names, the fast path or the models, errors kept with causes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from embedding_contract.check import pipeline
from embedding_contract.check.loader import loads
from embedding_contract.check.pipeline import judge_document, judge_folder
from embedding_contract.core.errors import UsageError
from embedding_contract.core.exitcodes import ExitCode
from tests.support.paths import EXAMPLES


def test_judge_folder(tmp_path: Path) -> None:
    assert judge_folder(tmp_path / "missing") == []
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / "examples" / "deeper").mkdir()
    (tmp_path / "examples" / "deeper" / "bad.json").write_text("{")
    (tmp_path / "examples" / "notes.txt").write_text("not a config")
    reports = judge_folder(tmp_path / "examples")
    files = [Path(r.file) for r in reports]
    assert files == sorted(files)
    assert {f.name for f in files} == {p.name for p in EXAMPLES.glob("*.yaml")} | {"bad.json"}
    assert [r.exit_code for r in reports].count(ExitCode.USAGE) == 1


def test_a_contract_error_while_validating_keeps_its_cause(
        monkeypatch: pytest.MonkeyPatch) -> None:
    cause = UsageError("no such model")

    def refuse(name: str, data: object) -> list[object]:
        raise cause

    monkeypatch.setattr("embedding_contract.check.fast.verdict", lambda name, data: None)
    monkeypatch.setattr("embedding_contract.check.validation.validate", refuse)
    report = judge_document(loads("a: 1\n", file="c.yaml"), "recap.LearningRate")
    assert report.exit_code is ExitCode.USAGE
    assert report.error is not None and report.error.__cause__ is cause
    assert str(report.error) == "c.yaml: no such model"


def test_no_model_is_a_usage_error_with_a_hint() -> None:
    report = judge_document(loads("a: 1\n", file="c.yaml"), None)
    assert report.error is not None and report.hint == pipeline.NO_MODEL_HINT
    assert judge_document(loads("a: 1\n", file="c.yaml"), None, skip_unnamed=True).skipped


def test_a_valid_json_config_is_judged_without_positions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Positions cost several times the parse; only errors need them."""
    from embedding_contract.check.pipeline import judge_file

    def no_scan(*args: object) -> None:
        raise AssertionError("positions computed for a valid config")

    valid = {"tables": [{"name": f"t{i}", "num_embeddings": 1, "embedding_dim": 4}
                        for i in range(3)],
             "optimizer": {"init_learning_rate": 0.1, "learning_rate": {"constant": 0.1}}}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(valid))
    monkeypatch.setattr("embedding_contract.check.json_source.scan_json", no_scan)
    assert judge_file(path, "recap.LargeEmbeddingsConfig").exit_code is ExitCode.OK


@pytest.mark.parametrize(("text", "message", "where"), [
    ('{"tables": ' + "[" * 300 + "]" * 300 + "}", "nesting is deeper than 200 levels", (1, 211)),
    ('{"tables": [], "tables": []}', "duplicate key 'tables'", (1, 16)),
    ('{"tables": [1e999]}', "too large for a 64-bit float", (1, 13)),
])
def test_an_invalid_json_config_gets_the_strict_refusals(
        tmp_path: Path, text: str, message: str, where: tuple[int, int]) -> None:
    from embedding_contract.check.pipeline import judge_file

    path = tmp_path / "c.json"
    path.write_text(text)
    report = judge_file(path, "recap.LargeEmbeddingsConfig")
    assert report.error is not None and message in report.error.message
    assert (report.error.line, report.error.column) == where


@pytest.mark.parametrize("max_errors", [1, 3, 100])
def test_deferred_positions_place_errors_as_the_strict_read_does(
        tmp_path: Path, max_errors: int) -> None:
    """Positions scanned for the reported errors only are the strict reader's positions."""
    from embedding_contract.check.pipeline import judge_file

    text = json.dumps({"tables": [{"name": "a", "num_embeddings": "1", "embedding_dim": 4},
                                  0, {"name": "a", "num_embeddings": 1, "embedding_dim": 4,
                                      "extra": True}],
                       "tables_to_log": ["ghost", 7]}, indent=1)
    path = tmp_path / "c.json"
    path.write_text(text)
    lazy = judge_file(path, "recap.LargeEmbeddingsConfig", max_errors=max_errors)
    strict = judge_document(loads(text, file=str(path), as_json=True),
                            "recap.LargeEmbeddingsConfig", max_errors=max_errors)
    total = len(strict.issues) + strict.more
    assert total >= 5 and len(lazy.issues) == min(max_errors, total)
    assert [(x.line, x.column, x.issue.rule) for x in lazy.issues] == [
        (x.line, x.column, x.issue.rule) for x in strict.issues]
    assert lazy.more == strict.more
