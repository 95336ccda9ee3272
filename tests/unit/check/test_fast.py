"""The fast verdict (jsonschema-rs + compiled portable rules) `validate` uses for valid files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from embedding_contract.check.fast import verdict
from embedding_contract.check.validation import validate
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
