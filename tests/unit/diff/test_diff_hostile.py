"""Hostile schemas through the diff CLI: exit 0, 1 or 2 with a clear line, never a traceback or
a hang (the subprocess timeout is a hang guard only, not a speed assertion)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from embedding_contract.diff.regex import MAX_TEXT, examples
from embedding_contract.diff.semantic.patterns import MAX_REPEAT, hazard

HANG_GUARD = 60


def _diff(tmp_path: Path, old: Any, new: Any | str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(new if isinstance(new, str) else json.dumps(new))
    return subprocess.run(
        [sys.executable, "-c", "from embedding_contract.cli import main; main()", "diff",
         str(tmp_path / "old.json"), str(tmp_path / "new.json")],
        capture_output=True, text=True, timeout=HANG_GUARD, check=False)


def _clean(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_tiny_multiple_of_is_handled(tmp_path: Path) -> None:
    result = _diff(tmp_path, {"type": "number"}, {"type": "number", "multipleOf": 5e-324})
    _clean(result)
    assert result.returncode == 1


@pytest.mark.parametrize("keyword", ["maximum", "minimum", "exclusiveMinimum", "multipleOf",
                                     "maxLength"])
def test_number_outside_the_double_range_is_an_input_error(tmp_path: Path,
                                                           keyword: str) -> None:
    new = '{"type": "number", "' + keyword + '": 1' + "0" * 4000 + "}"
    result = _diff(tmp_path, {"type": "number"}, new)
    _clean(result)
    assert result.returncode == 2
    assert keyword in result.stderr and "finite double" in result.stderr


def test_huge_repetition_is_unknown_not_materialised(tmp_path: Path) -> None:
    result = _diff(tmp_path, {"type": "string"},
                   {"type": "string", "pattern": "(?:a{999999}){999999}"})
    _clean(result)
    assert result.returncode == 1
    assert "possibly-breaking" in result.stdout and "over budget" in result.stdout


@pytest.mark.parametrize("pattern", ["^(.*a){30}$", "^(a+)+$", "^(a|aa)*b$"])
def test_backtracking_pattern_does_not_hang(tmp_path: Path, pattern: str) -> None:
    result = _diff(tmp_path, {"type": "string"}, {"type": "string", "pattern": pattern})
    _clean(result)


def test_hazardous_pattern_property_key(tmp_path: Path) -> None:
    old = {"type": "object", "patternProperties": {"^(.*a){30}$": {"type": "string"}}}
    new = {"type": "object", "patternProperties": {"^(.*a){30}$": {"type": "integer"}}}
    result = _diff(tmp_path, old, new)
    _clean(result)


def test_many_changes_finish(tmp_path: Path) -> None:
    props = {f"p{i}": {"type": "integer", "minimum": 0} for i in range(200)}
    moved = {f"p{i}": {"type": "integer", "minimum": 1} for i in range(200)}
    result = _diff(tmp_path, {"type": "object", "properties": props},
                   {"type": "object", "properties": moved})
    _clean(result)
    assert result.returncode == 1


def test_hazard_and_examples_are_bounded() -> None:
    assert hazard(f"a{{{MAX_REPEAT + 1}}}") is not None
    assert hazard("(a+)+") is not None
    assert hazard("^[a-z]{1,20}$") is None
    assert examples("(?:a{999999}){999999}") == ()
    assert all(len(s) <= MAX_TEXT for s in examples("(?:ab{150}){150}"))


def test_the_witness_searches_of_one_diff_share_a_total_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the total budget the remaining breaking findings are not searched: they stay
    possibly breaking (so the verdict does not change) and say why."""
    from embedding_contract.diff import engine
    from embedding_contract.diff.findings import Direction, Effect, Policy

    old = {"type": "object", "properties": {f"f{i}": {"type": "integer", "minimum": 0}
                                            for i in range(3)}}
    new = {"type": "object", "properties": {f"f{i}": {"type": "integer", "minimum": 1}
                                            for i in range(3)}}

    def run() -> list[Any]:
        findings = engine.diff_files({"a.json": old}, {"a.json": new}, Policy.STRICT)
        return engine.attach_witnesses(findings, {"a.json": old}, {"a.json": new},
                                       Policy.STRICT, (Direction.BACKWARD,))

    found = run()
    assert [f.witness(Direction.BACKWARD).status for f in found] == ["found"] * 3
    monkeypatch.setattr(engine, "MAX_TOTAL_SECONDS", -1.0)
    skipped = run()
    assert [f.effect(Direction.BACKWARD) for f in skipped] == [Effect.POSSIBLY_BREAKING] * 3
    assert all("the witness searches of this diff took more than" in
               f.witness(Direction.BACKWARD).note for f in skipped)
