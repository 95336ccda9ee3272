"""Every registered portable rule keeps its promises: ``satisfy`` makes a value the rule accepts,
and every way ``breaks`` proposes makes one it rejects.

The samples are small and deterministic: wherever an exported schema declares a rule, the schema
diff's synthesizer proposes a valid value, and its ``SchemaSource`` answers what the rule asks.
The test generators' ``Drawn`` source is checked too, through the generic mutation kind a rule
gets when no tuned one covers it. A rule no model declares has no sample: declare it first.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embedding_contract import __version__
from embedding_contract.diff.findings import ABSENT
from embedding_contract.diff.synth import SchemaSource, Synth
from embedding_contract.models.registry import MODEL_NAMES
from embedding_contract.vocabulary import VOCABULARY, PortableRule, get_member, rules_in
from tests.support.paths import SCHEMAS
from tests.support.strategies import flavour_of, rule_edits, valid_documents
from tests.support.strategies.shapes import model_shape
from tests.support.strategies.sites import Edit, Site, get, locate, sites

RULE_IDS = sorted(cls.RULE for cls in VOCABULARY.values())
Sample = tuple[PortableRule, Any, SchemaSource]


def _schema_objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += _schema_objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _schema_objects(value)
    return found


@cache
def samples() -> dict[str, list[Sample]]:
    """Per rule ID: (rule, a valid value where it is declared, the source for that place)."""
    found: dict[str, list[Sample]] = {rule_id: [] for rule_id in RULE_IDS}
    for path in sorted((SCHEMAS / __version__).glob("*/*.json")):
        root = json.loads(path.read_text(encoding="utf-8"))
        synth = Synth(root)
        for node in _schema_objects(root):
            rules = rules_in(node)
            value = synth.one(node) if rules else ABSENT
            for rule in rules if value is not ABSENT else ():
                found[rule.RULE].append((rule, value, SchemaSource(synth, node, node)))
    return found


def broken(rule: PortableRule, value: Any) -> bool:
    return bool(list(rule.check(value, get_member)))


def test_every_registered_rule_has_samples() -> None:
    assert [rule_id for rule_id, found in samples().items() if not found] == []


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_satisfy_and_breaks_keep_their_promise(rule_id: str) -> None:
    for rule, value, source in samples()[rule_id]:
        assert not broken(rule, value)
        kept = copy.deepcopy(value)
        assert not broken(rule, rule.satisfy(value, source))
        assert value == kept  # satisfy returns a copy
        ways = list(rule.breaks(source))
        assert ways
        for way in ways:
            bad = way.apply(copy.deepcopy(value))
            assert broken(rule, bad), (rule, value, bad)
            assert not broken(rule, rule.satisfy(bad, source)), (rule, bad)


@cache
def _site_of(rule_id: str) -> tuple[str, Site]:
    """The first model, and the place in it, that declares rule ``rule_id``."""
    for model in MODEL_NAMES:
        for site in sites(model_shape(model)):
            if rule_edits.rules_of(site.shape, rule_id):
                return model, site
    raise AssertionError(f"no model declares {rule_id}")


@pytest.mark.parametrize("rule_id", RULE_IDS)
@settings(max_examples=20)
@given(data=st.data())
def test_the_generic_mutation_kind_breaks_the_rule(rule_id: str, data: st.DataObject) -> None:
    model, site = _site_of(rule_id)
    flavour = flavour_of(model)
    box = [data.draw(valid_documents(model))]
    path = locate(data.draw, box, site, flavour, model)
    assert path is not None
    kind = rule_edits.generic_kind(rule_id)
    assert kind.applies(site)
    assert kind.edit(Edit(data.draw, box, path, site, flavour))
    value = get(box, path)
    assert any(broken(rule, value) for rule in rule_edits.rules_of(site.shape, rule_id))


def test_a_rule_class_is_registered_once_and_complete() -> None:
    with pytest.raises(TypeError, match="does not set DOC, ERROR_AT"):
        type("NoDoc", (PortableRule,), {"RULE": "no-doc", "SCOPE": "array",
                                         "ARGUMENT_SCHEMA": {}})
    with pytest.raises(TypeError, match="already the keyword of UniqueBy"):
        type("Again", (PortableRule,), {"RULE": "unique-by", "SCOPE": "array", "DOC": "again",
                                        "ARGUMENT_SCHEMA": {}, "ERROR_AT": "item"})
    assert VOCABULARY["x-contract-unique-by"].__name__ == "UniqueBy"
