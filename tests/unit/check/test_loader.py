"""The loader's entry points: a file or text in, a Document with positions out, within limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from embedding_contract.check import loader
from embedding_contract.check.loader import load_file, loads
from embedding_contract.core.errors import LoadError


def test_positions_are_kept() -> None:
    doc = loads("tables:\n  - name: a\n    embedding_dim: 8\n  - name: b\n")
    assert doc.locate(("tables", 0, "embedding_dim")) == (3, 5)
    assert doc.locate(("tables", 1, "name")) == (4, 5)
    assert doc.locate(("tables", 1, "missing")) == (4, 5)  # nearest existing parent


def test_error_names_file_and_position(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("a: 1\nb: 2\na: 3\n")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert str(caught.value) == f"{path}:3:1: duplicate key 'a'"


def test_nesting_limit_is_exact() -> None:
    assert loads("[" * 200 + "]" * 200).data is not None
    assert loads("[" * 200 + "]" * 200, as_json=True).data is not None
    for as_json in (False, True):
        with pytest.raises(LoadError, match="deeper"):
            loads("[" * 201 + "]" * 201, as_json=as_json)


def test_value_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_VALUES", 50)
    monkeypatch.setattr(loader, "MAX_JSON_VALUES", 50)
    assert len(loads("[" + ",".join(["1"] * 49) + "]").data) == 49
    assert len(loads("[" + ",".join(["1"] * 49) + "]", as_json=True).data) == 49
    for as_json in (False, True):
        with pytest.raises(LoadError, match="more than 50 values") as caught:
            loads("[\n" + ",\n".join(["1"] * 50) + "]", as_json=as_json)
        assert caught.value.line == 51  # the root and 49 items fit; item 50 does not
    # An alias counts the whole node it repeats, before anything is expanded.
    with pytest.raises(LoadError, match="once its aliases are expanded"):
        loads("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a]\n")


def test_numbers_up_to_the_limit_are_read() -> None:
    digits = "9" * 100
    assert loads(f"a: {digits}\n").data == {"a": int(digits)}
    assert loads(f'{{"a": {digits}}}', as_json=True).data == {"a": int(digits)}
    with pytest.raises(LoadError, match="number of 101 characters") as caught:
        loads(f'{{"a":\n  {digits}9}}', as_json=True)
    assert (caught.value.line, caught.value.column) == (2, 3)
