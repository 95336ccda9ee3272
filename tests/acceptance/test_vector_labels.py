"""The conformance vectors say what they test: each names the rules it breaks (``breaks``), and
switching exactly those rules off in its schema makes it pass, while leaving any one of them on
keeps it failing. Its ``rule`` label (a hand-written case's rule, or a drawn case's mutation
kinds) names only rules it breaks, and no model holds one instance twice."""

from __future__ import annotations

import json
from collections import Counter

from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.acceptance.test_conformance import load_vectors, schema, vector_name
from tests.support.rules_off import RULES, label_holds, switched_off


def test_each_vector_breaks_exactly_the_rules_it_names() -> None:
    kinds: Counter[str] = Counter()
    for vector in load_vectors():
        name, broken = vector_name(vector), vector["breaks"]
        model_schema, instance = schema(vector["model"]), vector["instance"]
        assert set(broken) <= set(RULES), name
        assert (broken == []) == vector["valid"], name
        if not broken:
            continue
        assert ContractValidator(switched_off(model_schema, set(broken))).is_valid(instance), name
        for rule in broken:
            rest = set(broken) - {rule}
            assert not ContractValidator(switched_off(model_schema, rest)).is_valid(instance), (
                f"{name}: passes with {rule} still on")
        kinds.update(broken)
    # every rule of the contract is shown broken alone or with others by some vector
    assert set(kinds) == set(RULES), set(RULES) - set(kinds)


def test_labels_name_rules_the_vector_breaks() -> None:
    wrong = [f"{vector_name(v)}: {v['rule']} but breaks {v['breaks']}" for v in load_vectors()
             if not label_holds(v["rule"], v["breaks"])]
    assert wrong == []


def test_no_instance_twice_in_a_model() -> None:
    seen: dict[tuple[str, str], str] = {}
    for vector in load_vectors():
        key = (vector["model"], json.dumps(vector["instance"], sort_keys=True))
        assert key not in seen, f"{vector_name(vector)} repeats {seen[key]}"
        seen[key] = vector_name(vector)


def test_switching_off_keeps_the_rules_that_build_others() -> None:
    """``type`` off leaves the null branch of a nullable field and the exactly-one branches;
    ``required`` off leaves the latter."""
    group = {"oneOf": [{"required": ["a"], "properties": {"a": {"not": {"type": "null"}}}}],
             "properties": {"b": {"anyOf": [{"type": "integer"}, {"type": "null"}]}},
             "required": ["b"], "type": "object"}
    off = switched_off(group, {"type", "required"})
    assert off["oneOf"] == group["oneOf"]
    assert off["properties"]["b"]["anyOf"] == [{}, {"type": "null"}]
    assert "required" not in off and "type" not in off
