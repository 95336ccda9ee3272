"""The fast verdict (jsonschema-rs + compiled portable rules) `validate` uses for valid files."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from embedding_contract.check import fast
from embedding_contract.check.fast import verdict
from embedding_contract.check.loader import loads
from embedding_contract.check.pipeline import judge_document
from embedding_contract.check.validation import validate
from embedding_contract.core.errors import SchemaIntegrityError, UsageError
from embedding_contract.schemafiles import packaged
from tests.support.paths import EXAMPLES, ROOT

VECTORS = sorted((ROOT / "tests" / "conformance").glob("*.*.json"))


def _cases() -> list[dict[str, Any]]:
    return [case for file in VECTORS for case in json.loads(file.read_text())]


def test_fast_verdict_agrees_with_the_models_on_every_vector() -> None:
    cases = _cases()
    assert len(cases) > 300
    disagreements = [
        (c["model"], c["description"]) for c in cases
        if verdict(c["model"], c["instance"]) != (not validate(c["model"], c["instance"]))]
    assert disagreements == []
    assert {verdict(c["model"], c["instance"]) for c in cases} == {True, False}


def test_fast_verdict_declines_what_it_cannot_take() -> None:
    assert verdict("recap.StratifierConfig", {"name": "a", "index": 0, "value": 10**40}) in (
        None, False)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_valid_file_is_judged_without_pydantic(example: Path) -> None:
    code = ("import sys; from embedding_contract.cli import main; sys.argv = ['x', 'validate', "
            f"{str(example)!r}]\ntry:\n    main()\nexcept SystemExit as e:\n"
            "    print(e.code, any(m == 'pydantic' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["0", "False"], out.stderr


def test_invalid_file_still_gets_the_models_messages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = (EXAMPLES / "twhin-local.yaml").read_text()
    bad.write_text(text.replace("embedding_dim: 4", "embedding_dim: 0", 1))
    out = subprocess.run([sys.executable, "-m", "embedding_contract.cli", "validate", str(bad)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1
    assert "tables[0].embedding_dim: Input should be greater than or equal to 1 (got 0)" in (
        out.stdout)


# --- what the fast path declines, and what it must not hide ------------------------------------

STRATIFIER = "recap.StratifierConfig"
VALID_STRATIFIER = {"name": "a", "index": 0, "value": 10}


class _Refusing:
    """A stand-in for jsonschema-rs's validator that raises ``error`` on every value."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def is_valid(self, instance: Any) -> bool:
        raise self.error


def _uncached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "validator", fast.validator.__wrapped__)


@pytest.mark.parametrize("error", [ValueError("Integer out of range"),
                                   OverflowError("int too big"),
                                   UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogate")])
def test_a_value_jsonschema_rs_cannot_take_falls_back(error: Exception,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    checker = fast.validator(STRATIFIER)
    monkeypatch.setattr(checker, "_standard", _Refusing(error))
    assert fast.verdict(STRATIFIER, VALID_STRATIFIER) is None


@pytest.mark.parametrize("error", [KeyError("x"), TypeError("x"), AttributeError("x")])
def test_a_bug_in_the_fast_path_is_not_swallowed(error: Exception,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    checker = fast.validator(STRATIFIER)
    monkeypatch.setattr(checker, "_standard", _Refusing(error))
    with pytest.raises(type(error)):
        fast.verdict(STRATIFIER, VALID_STRATIFIER)


def test_a_bug_in_the_rules_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(instance: Any) -> list[Any]:
        raise ValueError("a bug, not a value jsonschema-rs refused")

    checker = fast.validator(STRATIFIER)
    monkeypatch.setattr(checker._rules, "violations", broken)
    with pytest.raises(ValueError, match="a bug"):
        fast.verdict(STRATIFIER, VALID_STRATIFIER)


@pytest.mark.parametrize("error", [SchemaIntegrityError("cannot read packaged schema"),
                                   UsageError("no released version matches '9.9.9'")])
def test_no_released_schema_falls_back(error: Exception, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(name: str, version: str) -> Any:
        raise error

    _uncached(monkeypatch)
    monkeypatch.setattr(packaged, "load", unreadable)
    assert fast.verdict(STRATIFIER, VALID_STRATIFIER) is None


def test_a_bug_while_building_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(name: str, version: str) -> Any:
        raise KeyError("versions")

    _uncached(monkeypatch)
    monkeypatch.setattr(packaged, "load", broken)
    with pytest.raises(KeyError):
        fast.verdict(STRATIFIER, VALID_STRATIFIER)


def test_jsonschema_rs_missing_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    _uncached(monkeypatch)
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)  # makes the import fail
    assert fast.verdict(STRATIFIER, VALID_STRATIFIER) is None
    # Another module missing is a broken install, not a reason to fall back.
    monkeypatch.setattr(packaged, "load", lambda name, version: importlib.import_module("nope_"))
    with pytest.raises(ModuleNotFoundError):
        fast.verdict(STRATIFIER, VALID_STRATIFIER)


def test_the_pipeline_falls_back_to_the_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the fast path declines, the models judge: the verdict and messages are theirs."""
    monkeypatch.setattr(fast, "verdict", lambda name, data: None)
    document = loads('{"name": "a", "index": -1, "value": 10}', as_json=True)
    report = judge_document(document, STRATIFIER)
    assert [x.issue.rule for x in report.issues] == ["greater_than_equal"]
    assert not judge_document(loads(json.dumps(VALID_STRATIFIER), as_json=True),
                              STRATIFIER).issues
