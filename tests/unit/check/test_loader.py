"""The config loader: upstream's behaviour where it was right, clear errors where it was not."""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embedding_contract.check import loader
from embedding_contract.check.loader import _scan_json, load_file, loads
from embedding_contract.core.errors import LoadError


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


@pytest.mark.parametrize("text,message", [
    ('{"a": 1, "a": 2}', "duplicate key 'a'"),
    ('{"a": NaN}', "NaN is not a JSON number"),
    ('{"a": -Infinity}', "-Infinity is not a JSON number"),
    ('{"a": 1e400}', "too large"),
    ('{"a": "\\ud800"}', "surrogate"),
    ('{"a": 1', "invalid JSON"),
    ('{"a": ' + "1" * 5000 + "}", "number of 5000 characters"),
    ("[" * 100_000 + "]" * 100_000, "deeper than 200 levels"),
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


# --- exact JSON positions ---------------------------------------------------------------------

def test_json_positions_are_exact_where_yaml_would_fail() -> None:
    # Tabs in indentation and escapes that YAML reads differently: positions still exact.
    text = ('{\r\n\t"a\\"\\u00e9\\/": [\r\n\t\t1,\t"x\\ty",\r\n\t\t{"k": null}\r\n\t],\r\n'
            '\t"é€😀": {"n": -0.5e-3}\r\n}')
    doc = loads(text, as_json=True)
    assert doc.data == {'a"é/': [1, "x\ty", {"k": None}], "é€😀": {"n": -0.0005}}
    assert doc.locate(()) == (1, 1)
    assert doc.locate(('a"é/',)) == (2, 2)
    assert doc.locate(('a"é/', 0)) == (3, 3)
    assert doc.locate(('a"é/', 1)) == (3, 6)
    assert doc.locate(('a"é/', 2, "k")) == (4, 4)
    assert doc.locate(("é€😀", "n")) == (6, 10)  # columns count characters, not bytes


def test_json_lone_carriage_returns_end_lines() -> None:
    doc = loads('{"a":\r1,\r\r"b": 2}', as_json=True)
    assert doc.locate(("b",)) == (4, 1)


def _first_token(value: Any, ascii_only: bool) -> str:
    if isinstance(value, dict):
        return "{"
    if isinstance(value, list):
        return "["
    return json.dumps(value, ensure_ascii=ascii_only)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=10)


@settings(max_examples=max(settings().max_examples // 8, 25))  # generation is the slow part
@given(value=json_values, indent=st.sampled_from([None, 0, 1, 2, "\t", "\r\n "]),
       ascii_only=st.booleans())
def test_json_positions_point_at_the_value(value: Any, indent: Any, ascii_only: bool) -> None:
    """Every recorded position points at the key of a member or at the first token of an item,
    whatever the layout."""
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    doc = loads(text, as_json=True)
    lines = re.split(r"\r\n|\r|\n", text)

    def at(pos: tuple[int, int]) -> str:
        return lines[pos[0] - 1][pos[1] - 1:]

    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    while stack:
        path, item = stack.pop()
        pos = doc.positions[path]
        if path and isinstance(path[-1], str):
            assert at(pos).startswith(json.dumps(path[-1], ensure_ascii=ascii_only))
        else:
            assert at(pos).startswith(_first_token(item, ascii_only))
        children = item.items() if isinstance(item, dict) else enumerate(item) \
            if isinstance(item, list) else ()
        stack.extend(((*path, k), v) for k, v in children)


@settings(max_examples=max(settings().max_examples // 4, 25))
@given(st.text(alphabet='{}[]:,"\\ \t\n\r0123456789.eE+-aflnrstuNIy\u00e9', max_size=40))
def test_json_scan_agrees_with_the_parser(text: str) -> None:
    """The position scan never gives up on text json.loads accepts."""
    try:
        json.loads(text)
    except ValueError:
        return
    with contextlib.suppress(LoadError):  # refused on purpose (NaN, duplicate key, ...)
        assert _scan_json(text, "<t>") is not None


# --- limits -----------------------------------------------------------------------------------

def test_deep_block_nesting_is_bounded() -> None:
    with pytest.raises(LoadError, match="deeper than 200 levels") as caught:
        loads("a:\n" + "- " * 100_000 + "x\n")
    assert (caught.value.line, caught.value.column) == (2, 2 * 200 - 1)
    # Indentless sequences under mappings nest two levels per indentation step.
    text = "".join(" " * i + f"k{i}:\n" + " " * i + "-\n" for i in range(120)) + " " * 120 + "x\n"
    with pytest.raises(LoadError, match="deeper than 200 levels"):
        loads(text)


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


def test_alias_bomb_is_refused_before_expansion() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    started = time.perf_counter()
    with pytest.raises(LoadError, match="once its aliases are expanded") as caught:
        loads("\n".join(lines) + "\n")
    assert caught.value.line == 6  # 10**6 values are reached within a5's node
    assert time.perf_counter() - started < 5


def test_numbers_up_to_the_limit_are_read() -> None:
    digits = "9" * 100
    assert loads(f"a: {digits}\n").data == {"a": int(digits)}
    assert loads(f'{{"a": {digits}}}', as_json=True).data == {"a": int(digits)}
    with pytest.raises(LoadError, match="number of 101 characters") as caught:
        loads(f'{{"a":\n  {digits}9}}', as_json=True)
    assert (caught.value.line, caught.value.column) == (2, 3)


def test_json_errors_have_positions() -> None:
    cases = {
        '{"a": 1,\n "a": 2}': (2, 2, "duplicate key 'a'"),
        '{"a": [1,\n  NaN]}': (2, 3, "NaN is not a JSON number"),
        '{"a":\n 1e999}': (2, 2, "too large for a 64-bit float"),
        '{"a": 1,\n  }': (2, 3, "invalid JSON"),
        '{"a": 1}\n{"b": 2}': (2, 1, "invalid JSON: Extra data"),
    }
    for text, (line, column, message) in cases.items():
        with pytest.raises(LoadError, match=message) as caught:
            loads(text, as_json=True)
        assert (caught.value.line, caught.value.column) == (line, column), text


def test_invalid_utf8_has_line_and_column() -> None:
    with pytest.raises(LoadError, match="not valid UTF-8") as caught:
        loads("a: 1\r\nbé: \xff\n".encode("latin-1").replace(b"\xe9", "é".encode()))
    assert (caught.value.line, caught.value.column) == (2, 5)


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        load_file(fifo)  # would block forever if opened for a blocking read
    with pytest.raises(LoadError, match="not a regular file"):
        load_file("/dev/zero")  # would never end if read
