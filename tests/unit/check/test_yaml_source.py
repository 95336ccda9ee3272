"""YAML configs: upstream's YAML 1.1 reading where it was right, clear errors where it was not."""

from __future__ import annotations

import time

import pytest
import yaml

from embedding_contract.check.loader import loads
from embedding_contract.core.errors import LoadError


def test_yaml_numbers_resolve_deliberately() -> None:
    doc = loads("a: 424_241\nb: 1e-3\nc: 1E5\nd: 0.5\ne: 64.0\nf: '64'\ng: 2023-03-01\n")
    assert doc.data == {"a": 424241, "b": 0.001, "c": 100000.0, "d": 0.5, "e": 64.0, "f": "64",
                        "g": "2023-03-01"}
    assert type(doc.data["a"]) is int and type(doc.data["b"]) is float


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
    ("a: 1" + "0" * 5000 + "\n", "number of 5001 characters", 1),
    ("a:\n  - 1.5e" + "0" * 200 + "\n", "number of 204 characters", 2),
    ("a: &x [1, *x]\n", "refers to a node that contains it", 1),
    ("!!binary aGk=: 1\n", "not allowed", 1),
])
def test_yaml_errors(text: str, message: str, line: int | None) -> None:
    with pytest.raises(LoadError, match=message) as caught:
        loads(text)
    if line is not None:
        assert caught.value.line == line


def test_deep_nesting_is_bounded() -> None:
    with pytest.raises(LoadError, match="nesting"):
        loads("a: " + "[" * 100_000 + "]" * 100_000 + "\n")


def test_deep_block_nesting_is_bounded() -> None:
    with pytest.raises(LoadError, match="deeper than 200 levels") as caught:
        loads("a:\n" + "- " * 100_000 + "x\n")
    assert (caught.value.line, caught.value.column) == (2, 2 * 200 - 1)
    # Indentless sequences under mappings nest two levels per indentation step.
    text = "".join(" " * i + f"k{i}:\n" + " " * i + "-\n" for i in range(120)) + " " * 120 + "x\n"
    with pytest.raises(LoadError, match="deeper than 200 levels"):
        loads(text)


def test_alias_bomb_is_refused_before_expansion() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    started = time.perf_counter()
    with pytest.raises(LoadError, match="once its aliases are expanded") as caught:
        loads("\n".join(lines) + "\n")
    assert caught.value.line == 6  # 10**6 values are reached within a5's node
    assert time.perf_counter() - started < 5


def test_syntax_errors_keep_their_cause() -> None:
    with pytest.raises(LoadError) as caught:
        loads("a: [1\n")
    assert isinstance(caught.value.__cause__, yaml.YAMLError)
