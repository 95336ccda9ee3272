"""JSON configs: exact positions for any layout, and what the contract refuses, with positions."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embedding_contract.check import loader
from embedding_contract.check.document import Limits
from embedding_contract.check.json_source import scan_json
from embedding_contract.check.loader import loads
from embedding_contract.core.errors import LoadError

LIMITS = Limits(loader.MAX_DEPTH, loader.MAX_JSON_VALUES, loader.MAX_NUMBER_CHARS)


def test_json_positions() -> None:
    doc = loads('{\n  "tables": [\n    {"name": "a"}\n  ]\n}\n', as_json=True)
    assert doc.locate(("tables", 0, "name")) == (3, 6)


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
        assert scan_json(text, "<t>", LIMITS) is not None


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


def test_syntax_errors_keep_their_cause() -> None:
    with pytest.raises(LoadError) as caught:
        loads('{"a": 1', as_json=True)
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)
