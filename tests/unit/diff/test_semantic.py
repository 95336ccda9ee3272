"""The semantic core: the project's own corpus of schema pairs, each verdict under instance
semantics per direction, each break with a witness both validators confirm."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff import Answer, compare
from embedding_contract.diff.semantic import Draft, parse_draft
from embedding_contract.diff.semantic.drafts import draft_of
from embedding_contract.diff.semantic.oracle import Oracle

CASES = json.loads((Path(__file__).parents[2] / "semantic_corpus" / "cases.json").read_text())


def _oracle(schema: Any) -> Oracle:
    return Oracle(schema, draft_of(schema))


def _confirmed(writer: Any, reader: Any, instance: Any) -> bool:
    w, r = _oracle(writer), _oracle(reader)
    return (w.python(instance), w.rust(instance), r.python(instance), r.rust(instance)) == (
        True, True, False, False)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_corpus_case(case: dict[str, Any]) -> None:
    report = compare(case["old"], case["new"], mode="full")
    for direction in ("backward", "forward"):
        verdict = report.direction(direction)
        assert verdict.answer.value == case[direction], (direction, verdict)
        writer, reader = ((case["old"], case["new"]) if direction == "backward"
                          else (case["new"], case["old"]))
        if case[direction] == "breaking":
            assert verdict.has_witness
            assert _confirmed(writer, reader, verdict.witness)
            assert _confirmed(writer, reader, case["witness"][direction])


def test_corpus_covers_both_answers_and_every_listed_cause() -> None:
    answers = {c[d] for c in CASES for d in ("backward", "forward")}
    assert answers == {"compatible", "breaking"}
    names = {c["name"] for c in CASES}
    for needed in ("oneof-to-anyof-disjoint", "duplicated-branch", "oneof-disjoint-branch-added",
                   "contains-min-raised", "dependent-required-added",
                   "pattern-properties-added-open", "property-names-narrowed",
                   "additional-items-draft07", "property-removed-additional-decides",
                   "const-pins-bound", "format-changed", "items-false-tuple",
                   "not-excludes-nothing", "prefix-dropped-unevaluated",
                   "recursive-optional-added", "ecma-control-escape", "finite-double-bound"):
        assert needed in names


def test_unknown_says_why() -> None:
    old = {"type": "string", "pattern": "^(a)\\1$"}
    new = {"type": "string", "pattern": "^a"}
    verdict = compare(old, new).direction("backward")
    assert verdict.answer is Answer.UNKNOWN
    assert "back-reference" in verdict.reason


def test_equal_sets_are_compatible_both_ways() -> None:
    report = compare({"type": "number"}, {"type": "number", "maximum": 1.7976931348623157e308},
                     mode="full")
    assert report.answer is Answer.COMPATIBLE


def test_an_exclusive_bound_at_the_largest_double_still_excludes_it() -> None:
    verdict = compare({"type": "number"},
                      {"type": "number", "exclusiveMaximum": 1.7976931348623157e308})
    assert verdict.answer is not Answer.COMPATIBLE


def test_invalid_schema_is_an_input_error() -> None:
    with pytest.raises(DiffInputError, match="minLength"):
        compare({"type": "string", "minLength": -1}, {"type": "string"})


def test_draft07_tuple_items_and_default_draft() -> None:
    old = {"type": "array", "items": [{"type": "string"}], "additionalItems": False}
    new = {"type": "array", "items": [{"type": "string"}, {"type": "integer"}],
           "additionalItems": False}
    report = compare(old, new, mode="full", default_draft=parse_draft("draft-07"))
    assert report.direction("backward").answer is Answer.COMPATIBLE
    assert report.direction("forward").answer is Answer.BREAKING
    with pytest.raises(DiffInputError):
        compare(old, new)  # as 2020-12, tuple items are not a schema


def test_parse_draft_names() -> None:
    assert parse_draft("7") is Draft.D7
    assert parse_draft("2019-09") is Draft.D2019_09
    with pytest.raises(ValueError, match="unknown draft"):
        parse_draft("draft-99")


def test_unguarded_recursion_is_the_greatest_fixed_point() -> None:
    defs = {"V": {"allOf": [{"$ref": "#/$defs/V"}, {"type": "string"}]}}
    old = {"$defs": defs, "type": "object", "properties": {"v": {"$ref": "#/$defs/V"}}}
    new = {"type": "object", "properties": {"v": {"type": "string"}}}
    assert compare(old, new, mode="full").answer is Answer.COMPATIBLE


def test_unknown_mode_is_an_input_error() -> None:
    with pytest.raises(DiffInputError, match="mode"):
        compare({}, {}, mode="sideways")


def test_regex_work_is_bounded() -> None:
    huge = compare({"type": "string", "pattern": "^a{5000}$"}, {"type": "string",
                                                                "pattern": "^a*$"})
    assert huge.direction("backward").answer is Answer.UNKNOWN
    assert "repeats more than" in huge.direction("backward").reason
    redos = compare({"type": "string", "pattern": "^(a+)+$", "minLength": 30},
                    {"type": "string", "pattern": "^(a+)+$", "minLength": 30}, mode="full")
    assert redos.answer is Answer.COMPATIBLE  # the same pattern: no matching needed
