"""The config loader: upstream's behaviour where it was right, clear errors where it was not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from embedding_contract.errors import LoadError
from embedding_contract.loader import load_file, loads


def test_yaml_numbers_resolve_deliberately() -> None:
    doc = loads("a: 424_241\nb: 1e-3\nc: 1E5\nd: 0.5\ne: 64.0\nf: '64'\ng: 2023-03-01\n")
    assert doc.data == {"a": 424241, "b": 0.001, "c": 100000.0, "d": 0.5, "e": 64.0, "f": "64",
                        "g": "2023-03-01"}
    assert type(doc.data["a"]) is int and type(doc.data["b"]) is float


def test_environment_substitution_like_upstream() -> None:
    env = {"ROOT": "/data", "DIM": "8", "USER": "alice"}
    doc = loads('path: $ROOT/x\nbraced: "${ROOT}y"\ndim: $DIM\nquoted: "$DIM"\n'
                "unknown: $NOPE\nescaped: $$ROOT\nuser: $USER\n", env=env)
    assert doc.data == {"path": "/data/x", "braced": "/datay", "dim": 8, "quoted": "8",
                        "unknown": "$NOPE", "escaped": "$ROOT", "user": "alice"}


def test_substitution_cannot_inject_yaml() -> None:
    doc = loads("name: $EVIL\n", env={"EVIL": "x\nextra: 1"})
    assert doc.data == {"name": "x\nextra: 1"}


def test_substitution_can_be_turned_off() -> None:
    os.environ["EMBEDDING_CONTRACT_TEST_VAR"] = "set"
    try:
        assert loads("a: $EMBEDDING_CONTRACT_TEST_VAR\n", substitute_env=False).data == {
            "a": "$EMBEDDING_CONTRACT_TEST_VAR"}
        assert loads("a: $EMBEDDING_CONTRACT_TEST_VAR\n").data == {"a": "set"}
    finally:
        del os.environ["EMBEDDING_CONTRACT_TEST_VAR"]


def test_positions_are_kept() -> None:
    doc = loads("tables:\n  - name: a\n    embedding_dim: 8\n  - name: b\n")
    assert doc.locate(("tables", 0, "embedding_dim")) == (3, 5)
    assert doc.locate(("tables", 1, "name")) == (4, 5)
    assert doc.locate(("tables", 1, "missing")) == (4, 5)  # nearest existing parent


def test_json_positions() -> None:
    doc = loads('{\n  "tables": [\n    {"name": "a"}\n  ]\n}\n', as_json=True)
    assert doc.locate(("tables", 0, "name")) == (3, 6)


def test_merge_keys_work_and_explicit_keys_override() -> None:
    doc = loads("base: &b {dim: 4, rows: 10}\nt:\n  <<: *b\n  dim: 8\n")
    assert doc.data["t"] == {"dim": 8, "rows": 10}


@pytest.mark.parametrize("text,message,line", [
    ("a: 1\na: 2\n", "duplicate key 'a'", 2),
    ("a: .nan\n", "not a finite number", 1),
    ("a:\n  b: -.inf\n", "not a finite number", 2),
    ("a: !!python/object/apply:os.system ['true']\n", "not allowed", 1),
    ("a: !!binary aGVsbG8=\n", "not allowed", 1),
    ("--- 1\n--- 2\n", "several YAML documents", 2),
    ("a: [1\n", "invalid YAML", None),
    ("? [1, 2]\n: x\n", "plain string", 1),
    ("1: x\n", "must be a string", 1),
    ("a: 1" + "0" * 5000 + "\n", "invalid number", 1),
])
def test_yaml_errors(text: str, message: str, line: int | None) -> None:
    with pytest.raises(LoadError, match=message) as caught:
        loads(text)
    if line is not None:
        assert caught.value.line == line


@pytest.mark.parametrize("text,message", [
    ('{"a": 1, "a": 2}', "duplicate key 'a'"),
    ('{"a": NaN}', "NaN is not a JSON number"),
    ('{"a": -Infinity}', "-Infinity is not a JSON number"),
    ('{"a": 1e400}', "too large"),
    ('{"a": "\\ud800"}', "surrogate"),
    ('{"a": 1', "invalid JSON"),
    ('{"a": ' + "1" * 5000 + "}", "invalid JSON number"),
    ("[" * 100_000 + "]" * 100_000, "too deep"),
])
def test_json_errors(text: str, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        loads(text, as_json=True)


@pytest.mark.parametrize("raw,message", [
    (b"", "empty"),
    (b"  \n# only a comment\n", "no YAML document"),
    (b"\xef\xbb\xbfa: 1\n", "byte-order mark"),
    (b"a: \xff\xfe\n", "not valid UTF-8"),
    (b"a: 1\x00\n", "NUL"),
])
def test_bytes_errors(raw: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        loads(raw)


def test_alias_bomb_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    with pytest.raises(LoadError, match="more than"):
        loads("\n".join(lines) + "\n")


def test_deep_nesting_is_bounded() -> None:
    with pytest.raises(LoadError, match="nesting"):
        loads("a: " + "[" * 100_000 + "]" * 100_000 + "\n")


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load_file(tmp_path / "missing.yaml")
    with pytest.raises(LoadError, match="directory"):
        load_file(tmp_path)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(LoadError, match="over the limit"):
        load_file(big, max_bytes=1000)
    assert load_file(big).data["a"] == "x" * 2000


def test_error_names_file_and_position(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("a: 1\nb: 2\na: 3\n")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert str(caught.value) == f"{path}:3:1: duplicate key 'a'"
