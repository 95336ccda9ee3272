"""A model page's view of a schema: types, bounds, exclusive groups, rules, the example."""

from __future__ import annotations

import json

import pytest

from embedding_contract.pages.view import (
    exclusive_groups,
    field_view,
    model_view,
    object_view,
    type_parts,
)
from embedding_contract.vocabulary.contract_validator import ContractValidator


def text(schema: object) -> str:
    return "".join(p.text for p in type_parts(schema))


@pytest.mark.parametrize(("schema", "words"), [
    ({"type": "integer"}, "integer"),
    ({"type": ["string", "null"]}, "string or null"),
    ({"anyOf": [{"type": "number"}, {"type": "null"}]}, "number or null"),
    ({"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "null"}]},
     "array of string, or null"),
    ({"$ref": "#/$defs/Snapshot"}, "Snapshot"),
    ({"type": "object", "additionalProperties": {"type": "integer"}},
     "map of string to integer"),
    ({"enum": ["fp32", "fp16"]}, "string"),
    ({"const": 3}, "the value 3"),
    ({}, "anything"),
    (True, "anything"),
])
def test_types_in_words(schema: object, words: str) -> None:
    assert text(schema) == words


def test_a_reference_links_to_its_section() -> None:
    parts = type_parts({"type": "array", "items": {"$ref": "#/$defs/EmbeddingBagConfig"}})
    assert [(p.text, p.anchor) for p in parts] == [
        ("array of ", None), ("EmbeddingBagConfig", "def-EmbeddingBagConfig")]


def test_bounds_and_allowed_values_of_every_branch() -> None:
    field = field_view("rate", {
        "anyOf": [{"type": "number", "minimum": 0, "exclusiveMaximum": 1,
                   "maximum": 1.7976931348623157e308}, {"type": "null"}],
        "default": None, "description": "A `rate`."}, "model.rate", required=False)
    assert field.bounds == ("at least 0",
                            "at most 1.7976931348623157e+308 (the largest finite double: no "
                            "infinity)", "less than 1")
    assert field.default == "null" and not field.required
    listed = field_view("kind", {"enum": ["a", "b"], "minLength": 1}, "model.kind", True)
    assert listed.allowed == ('"a"', '"b"') and listed.bounds == ("at least 1 character",)
    items = field_view("names", {"type": "array", "minItems": 1, "uniqueItems": True,
                                 "items": {"type": "string", "maxLength": 3,
                                           "pattern": "^[a-z]+$"}}, "model.names", True)
    assert items.bounds == ("at least 1 item", "no two items equal",
                            "each item at most 3 characters",
                            "each item matches the pattern `^[a-z]+$`")


def test_exclusive_groups_come_from_a_one_of_of_required_fields() -> None:
    schema = {"oneOf": [{"required": ["adam"]}, {"required": ["sgd"]},
                        {"required": ["adagrad"]}]}
    assert exclusive_groups(schema) == (("adam", "sgd", "adagrad"),)
    assert exclusive_groups({"oneOf": [{"required": ["a"]}, {"type": "object"}]}) == ()
    assert exclusive_groups({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}) == ()


def test_rules_in_plain_words_on_objects_and_fields() -> None:
    view = object_view("PiecewiseConstant", {
        "type": "object", "additionalProperties": False, "required": ["values"],
        "properties": {"values": {"type": "array", "x-contract-strictly-increasing": True},
                       "boundaries": {"type": "array"}},
        "x-contract-length-relation": [{"property": "values", "other": "boundaries",
                                        "offset": 1}]}, "model")
    assert view.rules == ("`values` has exactly 1 more item than `boundaries` (when both are "
                          "set)",)
    assert view.closed and [f.name for f in view.fields] == ["values", "boundaries"]
    assert view.fields[0].rules == ("each number is greater than the one before it",)
    assert [f.required for f in view.fields] == [True, False]


def test_an_enum_model_shows_its_values() -> None:
    view = model_view("twhin.DataType", {"enum": ["fp32", "fp16"], "type": "string",
                                         "title": "DataType"})
    assert view.objects[0].value is not None
    assert view.objects[0].value.allowed == ('"fp32"', '"fp16"')
    assert view.example is not None and json.loads(view.example) in ("fp32", "fp16")


def test_the_example_is_one_the_schema_accepts() -> None:
    schema = {"type": "object", "required": ["n"], "additionalProperties": False,
              "properties": {"n": {"type": "integer", "minimum": 5}},
              "examples": [{"n": 1}, {"n": 7}]}
    view = model_view("x.Y", schema)
    assert view.example is not None and json.loads(view.example) == {"n": 7}
    # without usable examples one is made from the schema
    synthesized = model_view("x.Y", {**schema, "examples": [{"n": 1}]}).example
    assert synthesized is not None
    ContractValidator(schema).validate(json.loads(synthesized))
