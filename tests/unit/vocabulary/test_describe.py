"""Every portable rule says what it demands in plain words, naming each member it ties."""

from __future__ import annotations

from typing import Any

import pytest

from embedding_contract.vocabulary import VOCABULARY

ARGUMENTS: dict[str, Any] = {
    "x-contract-greater-than": [{"property": "high", "than": "low"}],
    "x-contract-length-relation": [{"property": "values", "other": "bounds", "offset": 2}],
    "x-contract-references": [{"property": "logged", "target": "tables", "key": "id"}],
    "x-contract-strictly-increasing": True,
    "x-contract-unique-by": "id",
    "x-contract-equal-across": ["dim", "dtype"],
}


def test_every_rule_has_an_argument_here() -> None:
    assert set(ARGUMENTS) == set(VOCABULARY)


@pytest.mark.parametrize("keyword", sorted(ARGUMENTS))
def test_describe_names_every_member(keyword: str) -> None:
    (rule,) = VOCABULARY[keyword].from_argument(ARGUMENTS[keyword])
    words = rule.describe()
    names = [str(v) for v in _strings(ARGUMENTS[keyword])]
    for name in names:
        assert f"`{name}`" in words, (keyword, words)
    assert words[0].islower() or words[0] == "`"


@pytest.mark.parametrize(("offset", "words"), [
    (1, "`a` has exactly 1 more item than `b` (when both are set)"),
    (3, "`a` has exactly 3 more items than `b` (when both are set)"),
    (0, "`a` has exactly as many items as `b` (when both are set)"),
    (-1, "`a` has exactly 1 fewer item than `b` (when both are set)"),
])
def test_length_relation_counts(offset: int, words: str) -> None:
    (rule,) = VOCABULARY["x-contract-length-relation"].from_argument(
        [{"property": "a", "other": "b", "offset": offset}])
    assert rule.describe() == words


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "offset" for s in _strings(v)]
    return []
