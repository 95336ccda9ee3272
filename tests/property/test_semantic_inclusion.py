"""The semantic core over random schema pairs drawn from the keywords it supports: a
"compatible" answer is never contradicted by a witness search, every "breaking" answer carries
a witness both validators confirm, and "unknown" always says why."""

from __future__ import annotations

from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

from embedding_contract.diff import Answer, compare
from embedding_contract.diff.semantic.budget import Budget
from embedding_contract.diff.semantic.drafts import Draft
from embedding_contract.diff.semantic.side import Side
from embedding_contract.diff.semantic.witness import Generator, agree

SMALL = st.integers(-3, 3)
PATTERNS = st.sampled_from(["^a", "b$", "^[ab]*$", "^\\cC", "a|b", "^[0-9]+$"])
SCALARS = st.one_of(st.none(), st.booleans(), SMALL, st.sampled_from([0.5, "", "a", "ab"]))
JSON = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["a", "b", "c", "\u0003"]), inner, max_size=3)),
    max_leaves=6)

NUMBER = st.fixed_dictionaries({"type": st.sampled_from(["integer", "number"])}, optional={
    "minimum": SMALL, "maximum": SMALL, "exclusiveMinimum": SMALL, "exclusiveMaximum": SMALL,
    "multipleOf": st.sampled_from([1, 2, 0.5])})
STRING = st.fixed_dictionaries({"type": st.just("string")}, optional={
    "minLength": st.integers(0, 3), "maxLength": st.integers(0, 3), "pattern": PATTERNS})
VALUES = st.one_of(st.builds(lambda v: {"const": v}, SCALARS),
                   st.builds(lambda vs: {"enum": vs}, st.lists(SCALARS, min_size=1, max_size=3)))
LEAF = st.one_of(NUMBER, STRING, VALUES, st.sampled_from(
    [True, False, {}, {"type": "null"}, {"type": "boolean"}]))


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    array = st.fixed_dictionaries({"type": st.just("array")}, optional={
        "items": inner, "prefixItems": st.lists(inner, min_size=1, max_size=2),
        "minItems": st.integers(0, 2), "maxItems": st.integers(0, 3),
        "uniqueItems": st.booleans(), "contains": inner, "minContains": st.integers(0, 2),
        "maxContains": st.integers(1, 2)})
    obj = st.fixed_dictionaries({"type": st.just("object")}, optional={
        "properties": st.dictionaries(st.sampled_from(["a", "b"]), inner, max_size=2),
        "required": st.lists(st.sampled_from(["a", "b"]), max_size=2, unique=True),
        "additionalProperties": inner,
        "patternProperties": st.dictionaries(PATTERNS, inner, max_size=1),
        "propertyNames": st.sampled_from([{"enum": ["a", "b"]}, {"maxLength": 1}]),
        "dependentRequired": st.just({"a": ["b"]}), "maxProperties": st.integers(0, 2),
        "minProperties": st.integers(0, 2)})
    logic = st.one_of(
        st.builds(lambda bs: {"anyOf": bs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda bs: {"allOf": bs}, st.lists(inner, min_size=1, max_size=2)),
        st.builds(lambda bs: {"oneOf": bs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda b: {"not": b}, inner))
    return st.one_of(array, obj, logic)


SCHEMAS = st.recursive(LEAF, _containers, max_leaves=5)


_MAPS = ("properties", "patternProperties", "dependentRequired")


def _classes(schema: Any, out: set[str]) -> set[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            out.add(key)
            if key in _MAPS and isinstance(value, dict):
                _classes(list(value.values()), out)
            elif key not in ("enum", "const"):
                _classes(value, out)
    elif isinstance(schema, list):
        for item in schema:
            _classes(item, out)
    return out


@given(SCHEMAS, SCHEMAS, st.lists(JSON, max_size=12))
def test_answers_hold_against_a_witness_search(old: Any, new: Any, extra: list[Any]) -> None:
    for keyword in sorted(_classes(old, set()) | _classes(new, set())):
        event(f"keyword {keyword}")
    verdict = compare(old, new, seconds=0.5).direction("backward")
    event(f"answer {verdict.answer.value}")
    writer, reader = Side(old, Draft.D2020_12), Side(new, Draft.D2020_12)
    if verdict.answer is Answer.BREAKING:
        assert verdict.has_witness and agree(writer, reader, verdict.witness)
    elif verdict.answer is Answer.UNKNOWN:
        assert verdict.reason
    else:
        pool = Generator(writer, Budget()).values(old) + Generator(reader, Budget()).values(new)
        for instance in [*pool, *extra]:
            assert not agree(writer, reader, instance), instance
