"""Schema lint: what every exported schema must be, beyond matching the models.

Pydantic can export a constraint as an inert key (pydantic#11576) or drop a pattern (#12417);
the contract's schemas must stay inside the subset every mainstream validator reads alike.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from jsonschema import Draft202012Validator
from pydantic.fields import FieldInfo
from referencing import Registry, Resource

from embedding_contract import __version__
from embedding_contract.models.registry import MODEL_NAMES, resolve
from embedding_contract.models.types import JsonInteger
from embedding_contract.vocabulary import VOCABULARY
from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.support.paths import SCHEMAS, schema_file

STANDARD = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "examples", "default", "type",
    "properties", "required", "additionalProperties", "items", "prefixItems", "minItems",
    "maxItems", "minLength", "minimum", "maximum", "exclusiveMaximum", "enum", "anyOf", "oneOf",
    "allOf", "not",
}
ALLOWED = STANDARD | set(VOCABULARY)
FORBIDDEN = {"format", "pattern", "patternProperties", "unevaluatedProperties", "unevaluatedItems",
             "multipleOf", "dependentRequired", "dependentSchemas"}
SCHEMA_FILES = sorted((SCHEMAS / __version__).rglob("*.json"))
MODEL_FILES = [f for f in SCHEMA_FILES if f.name != "vocabulary.json"]


def walk(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object, with its JSON pointer (data under examples/default is skipped)."""
    if not isinstance(node, dict):
        return
    yield path, node
    for key, value in node.items():
        if key in ("examples", "default", "enum", "required") or key in VOCABULARY:
            continue
        if key in ("properties", "$defs"):
            for name, sub in value.items():
                yield from walk(sub, f"{path}/{key}/{name}")
        elif isinstance(value, list):
            for i, sub in enumerate(value):
                yield from walk(sub, f"{path}/{key}/{i}")
        elif isinstance(value, dict):
            yield from walk(value, f"{path}/{key}")


def test_there_are_schemas() -> None:
    assert len(MODEL_FILES) == len(MODEL_NAMES)


@pytest.mark.parametrize("file", MODEL_FILES, ids=lambda p: p.stem)
def test_only_allowlisted_keywords(file: Path) -> None:
    for pointer, node in walk(json.loads(file.read_text())):
        unknown = set(node) - ALLOWED
        assert not unknown, f"{file.name}{pointer[1:]}: keywords outside the allowlist {unknown}"
        assert not set(node) & FORBIDDEN


@pytest.mark.parametrize("file", MODEL_FILES, ids=lambda p: p.stem)
def test_schema_is_valid_2020_12_and_closed(file: Path) -> None:
    doc = json.loads(file.read_text())
    Draft202012Validator.check_schema(doc)
    for pointer, node in walk(doc):
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, f"{file.name}{pointer}: open object"


@pytest.mark.parametrize("file", MODEL_FILES, ids=lambda p: p.stem)
def test_contract_keywords_follow_the_vocabulary_metaschema(file: Path) -> None:
    meta = json.loads((SCHEMAS / __version__ / "vocabulary.json").read_text())
    registry: Registry = Registry().with_resource(meta["$id"], Resource.from_contents(meta))
    validator = Draft202012Validator(meta, registry=registry)
    assert not list(validator.iter_errors(json.loads(file.read_text())))
    # and the meta-schema does reach nested subschemas: a malformed keyword deep down fails
    broken = json.loads(file.read_text())
    for _, node in walk(broken):
        if any(k in node for k in VOCABULARY):
            key = next(k for k in VOCABULARY if k in node)
            node[key] = 42
            assert list(validator.iter_errors(broken)), f"{key} with a bad argument passed"
            break


@pytest.mark.parametrize("file", MODEL_FILES, ids=lambda p: p.stem)
def test_defaults_and_examples_validate(file: Path) -> None:
    doc = json.loads(file.read_text())
    for pointer, node in walk(doc):
        if "default" in node:
            sub = {k: v for k, v in node.items() if k != "default"}
            sub["$defs"] = doc.get("$defs", {})
            assert ContractValidator(sub).is_valid(node["default"]), f"{pointer}: bad default"
        for example in node.get("examples", []):
            sub = {**node, "$defs": doc.get("$defs", {})}
            assert ContractValidator(sub).is_valid(example), f"{pointer}: bad example"


_KEYWORD_FOR = {Ge: "minimum", Gt: "exclusiveMinimum", Le: "maximum", Lt: "exclusiveMaximum",
                MinLen: "minLength", MaxLen: "maxLength"}


def _constraints(metadata: list[Any]) -> Iterator[tuple[str, Any]]:
    for item in metadata:
        if isinstance(item, FieldInfo):
            yield from _constraints(item.metadata)
        if isinstance(item, JsonInteger):
            yield "minimum", item.ge
            yield "maximum", item.le
        for cls, keyword in _KEYWORD_FOR.items():
            if isinstance(item, cls):
                yield keyword, getattr(item, dataclasses.fields(item)[0].name)


def _branch_with(prop: dict[str, Any], keyword: str, defs: dict[str, Any]) -> list[dict[str, Any]]:
    """The property's schema and its non-null branches (and array items), where a bound may sit."""
    out = [prop]
    for branch in prop.get("anyOf", []):
        out.append(branch)
    for node in list(out):
        if "items" in node:
            out.append(node["items"])
        for item in node.get("prefixItems", []):
            out.append(item)
    return out


@pytest.mark.parametrize("name", [n for n in MODEL_NAMES if n != "twhin.DataType"])
def test_every_field_constraint_is_in_the_schema(name: str) -> None:
    """Each bound Pydantic enforces on a field appears as a standard keyword in its schema."""
    model = resolve(name)
    doc = json.loads(schema_file(name).read_text())
    found = 0
    for field_name, info in model.model_fields.items():
        prop = doc["properties"][field_name]
        metadata = list(info.metadata)
        for arg in getattr(info.annotation, "__args__", ()) or ():
            metadata.extend(getattr(arg, "__metadata__", ()))
            for inner in getattr(arg, "__args__", ()) or ():
                metadata.extend(getattr(inner, "__metadata__", ()))
        for keyword, value in _constraints(metadata):
            # Pydantic's min_length is minLength on strings and minItems on arrays.
            names = {keyword, keyword.replace("Length", "Items")}
            places = _branch_with(prop, keyword, doc.get("$defs", {}))
            assert any(p.get(k) == value for p in places for k in names), (
                f"{name}.{field_name}: {keyword}={value} enforced by Pydantic, missing in schema")
            found += 1
    if name != "twhin.OptimizerConfig":  # its fields are all optional sub-objects
        assert found, f"{name}: no constraint found at all; the lint looked in the wrong place"
