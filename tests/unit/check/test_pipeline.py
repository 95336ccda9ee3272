"""Judging a file: the model it names, the fast path or the models, errors kept with causes."""

from __future__ import annotations

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
