"""The witness search's fast path (verdicts from the edited path, shared objects) against the
reference path that validates every candidate whole: same witnesses, same notes."""

from __future__ import annotations

import copy
import random
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff.engine import diff_files, document_hazard
from embedding_contract.diff.findings import Direction, Finding, Policy
from embedding_contract.diff.keywords import canonical
from embedding_contract.diff.local import Canonicals, LocalVerdict
from embedding_contract.diff.witness import Searcher
from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.support.json_paths import value_paths
from tests.unit.diff.test_diff_corpus import CASES, load_case
from tests.unit.diff.test_diff_property import EXAMPLES, draw_mutated_case

D = "https://json-schema.org/draft/2020-12/schema"

# Documents where a check of the edited place alone is not enough: a oneOf over the whole
# config, vocabulary rules tying members together, $ref chains, pattern and dependent keywords.
DOCUMENTS: dict[str, Any] = {
    "oneof-root": {
        "$schema": D, "type": "object",
        "properties": {"a": {"type": "integer", "minimum": 0}, "b": {"type": "string"},
                       "c": {"type": "integer"}},
        "oneOf": [{"required": ["a"]}, {"required": ["b"]}],
        "dependentRequired": {"c": ["a"]}, "maxProperties": 3,
    },
    "refs-and-rules": {
        "$schema": D, "type": "object", "additionalProperties": False,
        "$defs": {"dim": {"type": "integer", "minimum": 1, "maximum": 64},
                  "table": {"type": "object", "additionalProperties": False,
                            "required": ["name", "dim"],
                            "properties": {"name": {"type": "string", "minLength": 1},
                                           "dim": {"$ref": "#/$defs/dim"}}}},
        "properties": {
            "tables": {"type": "array", "items": {"$ref": "#/$defs/table"}, "minItems": 1,
                       "x-contract-unique-by": "name", "x-contract-equal-across": ["dim"]},
            "size": {"allOf": [{"$ref": "#/$defs/dim"}, {"multipleOf": 2}]},
            "mode": {"anyOf": [{"enum": ["a", "b"]}, {"type": "null"}]},
        },
        "required": ["tables"],
    },
    "patterns-and-tuples": {
        "$schema": D, "type": "object",
        "properties": {"pair": {"type": "array", "prefixItems": [{"type": "string"},
                                                                 {"type": "integer"}],
                                "items": False},
                       "tags": {"type": "array", "items": {"type": "string"},
                                "uniqueItems": True},
                       "extra": {"type": "object",
                                 "patternProperties": {"^x_": {"type": "integer"}},
                                 "additionalProperties": {"type": "boolean"},
                                 "unevaluatedProperties": False}},
    },
    "not-and-conditionals": {
        "$schema": D, "type": "object",
        "properties": {"kind": {"enum": ["a", "b"]},
                       "n": {"type": "integer", "not": {"const": 3}}},
        "if": {"properties": {"kind": {"const": "a"}}},
        "then": {"required": ["n"]},
        "required": ["kind"],
    },
}

EDITS: tuple[Any, ...] = (None, True, 0, -1, 1, 2, 3, 4, 65, 0.5, "", "a", "b", [], ["a"],
                          ["a", "a"], ["a", 1], ["a", 1, 2], {}, {"name": "t", "dim": 4},
                          {"name": "t", "dim": 8}, {"name": "", "dim": 4})


def _edited(seed: Any, path: tuple[Any, ...], edit: Any, delete: bool) -> Any:
    """``seed`` with the value at ``path`` set (or its key deleted), copying only the path."""
    if not path:
        return copy.deepcopy(edit)
    node = copy.copy(seed)
    head, rest = path[0], path[1:]
    if rest:
        node[head] = _edited(seed[head], rest, edit, delete)
    elif delete and isinstance(node, dict):
        node.pop(head, None)
    else:
        node[head] = copy.deepcopy(edit)
    return node


SEEDS: dict[str, list[Any]] = {
    "oneof-root": [{"a": 1}, {"b": "x"}, {"a": 0, "c": 1}],
    "refs-and-rules": [{"tables": [{"name": "t", "dim": 4}], "size": 4, "mode": None},
                       {"tables": [{"name": "t", "dim": 4}, {"name": "u", "dim": 4}]}],
    "patterns-and-tuples": [{"pair": ["a", 1], "tags": ["a"], "extra": {"x_1": 1, "other": True}}],
    "not-and-conditionals": [{"kind": "a", "n": 1}, {"kind": "b"}],
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_local_verdicts_agree_with_the_whole_validator(name: str) -> None:
    """Every verdict the edited path gives equals the whole validator's; and it gives some."""
    validator = ContractValidator(DOCUMENTS[name])
    near = LocalVerdict(validator)
    rng = random.Random(name)
    told = 0
    for seed in SEEDS[name]:
        assert validator.is_valid(seed), seed
        for path in value_paths(seed):
            node = seed
            for key in path:
                node = node[key]
            added = [(*path, k) for k in ("a", "b", "name", "x_2", "zz")
                     if isinstance(node, dict) and k not in node]
            for target in [path, *added]:
                for edit in rng.sample(EDITS, 8):
                    for delete in (False, True):
                        try:
                            instance = _edited(seed, target, edit, delete)
                        except (KeyError, IndexError, TypeError):
                            continue
                        got = near.verdict(seed, instance, target)
                        if got is not None:
                            told += 1
                            assert got == validator.is_valid(instance), (target, instance)
    assert told > 20


def test_nested_ids_and_dynamic_references_are_left_to_the_whole_validator() -> None:
    for doc in ({"$schema": D, "properties": {"a": {"$id": "https://x.test/a",
                                                       "type": "integer"}}},
                {"$schema": D, "$dynamicAnchor": "n", "properties": {"a": {"type": "integer"}}}):
        near = LocalVerdict(ContractValidator(doc))
        assert near.verdict({"a": 1}, {"a": "x"}, ("a",)) is None


def test_canonicals_equal_canonical_on_shared_values() -> None:
    forms = Canonicals()
    seeds = [seed for seeds in SEEDS.values() for seed in seeds]
    for seed in seeds:
        assert forms.remember(seed) == canonical(seed)
    for seed in seeds:
        for path in value_paths(seed):
            for edit in EDITS:
                instance = _edited(seed, path, edit, False)
                assert forms.of(instance) == canonical(instance)
    value = {"k": 1.0, "j": [2.0, {"é": None}]}
    assert forms.of(value) == canonical({"k": 1, "j": [2, {"é": None}]})


def _outcome(searcher: Searcher, finding: Finding, direction: Direction) -> Any:
    try:
        witness = searcher.search(finding, direction)
    except re.error as exc:
        return ("re.error", str(exc))
    return (witness.status, canonical(witness.instance), witness.note)


def _tightened(doc: Any) -> Any:
    """``doc`` with raised integer minimums, arrays of at most one item, one more required."""
    edited = copy.deepcopy(doc)
    props = edited["properties"]
    for sub in props.values():
        if isinstance(sub, dict) and sub.get("type") == "integer":
            sub["minimum"] = sub.get("minimum", 0) + 2
        elif isinstance(sub, dict) and sub.get("type") == "array":
            sub["maxItems"] = 1
    required = edited.setdefault("required", [])
    required.append(min(set(props) - set(required)))
    return edited


def _pairs() -> list[tuple[str, Any, Any]]:
    out = [(p.stem, *load_case(p)[:2]) for p in CASES]
    return out + [(name, doc, _tightened(doc)) for name, doc in DOCUMENTS.items()]


PAIRS = _pairs()


@pytest.mark.parametrize("pair", PAIRS, ids=[p[0] for p in PAIRS])
def test_fast_search_finds_what_the_reference_search_finds(pair: tuple[str, Any, Any]) -> None:
    """Each finding's witness, or its absence and note, is the same on both paths."""
    _, old, new = pair
    if document_hazard(old, new) is not None:
        return  # such documents are not searched at all (see engine._search)
    compared = 0
    for policy in Policy:
        findings = diff_files({"s.json": old}, {"s.json": new}, policy)
        fast, reference = Searcher(old, new, policy), Searcher(old, new, policy, local=False)
        for finding in findings:
            for direction in Direction:
                if finding.site is None or not finding.effect(direction).breaks:
                    continue
                got, want = (_outcome(fast, finding, direction),
                             _outcome(reference, finding, direction))
                if "over budget" in str(got[-1]) or "over budget" in str(want[-1]):
                    continue  # a time budget, not a verdict
                assert got == want, (finding.rule, direction, policy)
                compared += 1
    assert compared or not any(f.effect(d).breaks for f in diff_files(
        {"s.json": old}, {"s.json": new}, Policy.STRICT) for d in Direction)


def test_witnesses_hold_on_the_whole_config() -> None:
    """A witness the fast path returns is valid for the writer and rejected by the reader."""
    old = DOCUMENTS["refs-and-rules"]
    new = _tightened(old)
    findings = diff_files({"s.json": old}, {"s.json": new}, Policy.STRICT)
    searcher = Searcher(old, new, Policy.STRICT)
    found = [w for f in findings if f.site is not None and f.backward.breaks
             for w in [searcher.search(f, Direction.BACKWARD)] if w.status == "found"]
    assert found
    for witness in found:
        assert ContractValidator(old).is_valid(witness.instance)
        assert not ContractValidator(new).is_valid(witness.instance)


def test_the_search_leaves_its_seeds_alone() -> None:
    old = DOCUMENTS["refs-and-rules"]
    new = _tightened(old)
    searcher = Searcher(old, new, Policy.STRICT)
    seeds, _ = searcher.seeds(old, new)
    before = copy.deepcopy(seeds)
    for finding in diff_files({"s.json": old}, {"s.json": new}, Policy.STRICT):
        for direction in Direction:
            if finding.site is not None and finding.effect(direction).breaks:
                searcher.search(finding, direction)
    assert seeds == before


@settings(max_examples=EXAMPLES * 2, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_fast_search_agrees_on_mutated_schemas(data: st.DataObject) -> None:
    """Random edits of corpus schemas (the keywords of the diff's property test): the fast path
    and the reference path return the same outcome for every breaking finding."""
    old, new, policy = draw_mutated_case(data)
    try:
        findings = diff_files({"s.json": old}, {"s.json": new}, policy)
    except DiffInputError:
        return
    if document_hazard(old, new) is not None:
        return
    fast, reference = Searcher(old, new, policy), Searcher(old, new, policy, local=False)
    for finding in findings:
        for direction in Direction:
            if finding.site is not None and finding.effect(direction).breaks:
                got = _outcome(fast, finding, direction)
                want = _outcome(reference, finding, direction)
                if "over budget" not in str(got[-1]) + str(want[-1]):
                    assert got == want, (finding.rule, direction, policy)
