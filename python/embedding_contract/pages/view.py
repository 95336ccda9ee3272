"""What a model page shows, read off one released schema document: its objects, their fields,
the groups of fields that exclude each other and the portable rules, in plain words.

The page is built from the published JSON Schema, not from the Python models, so it shows exactly
what every other language reads (a bound the export writes for all languages, such as the largest
exact integer, appears on the page too).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from embedding_contract.diff.engine import document_hazard
from embedding_contract.diff.keywords import json_atom
from embedding_contract.diff.synth import Synth
from embedding_contract.vocabulary import rules_in
from embedding_contract.vocabulary.contract_validator import ContractValidator
from embedding_contract.vocabulary.values import is_number

DEFS_PREFIX = "#/$defs/"

# Bounds the export writes on every number field so that all languages agree; named on the page.
_KNOWN_NUMBERS = {
    9007199254740991: "2^53 - 1, the largest integer every language reads exactly",
    1.7976931348623157e308: "the largest finite double: no infinity",
}


@dataclass(frozen=True)
class TypePart:
    """One piece of a rendered type: text, and the anchor of the object it names (if any)."""

    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class FieldView:
    name: str
    anchor: str
    type: tuple[TypePart, ...]
    required: bool
    default: str | None
    bounds: tuple[str, ...]
    allowed: tuple[str, ...]
    rules: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class ObjectView:
    """An object of the schema (the root or one of its ``$defs``), or a root that is no object
    (an enum model): then ``fields`` is empty and ``value`` says what it is."""

    name: str
    anchor: str
    description: str
    fields: tuple[FieldView, ...]
    closed: bool
    exclusive: tuple[tuple[str, ...], ...]
    rules: tuple[str, ...]
    value: FieldView | None = None


@dataclass(frozen=True)
class ModelView:
    name: str
    title: str
    description: str
    objects: tuple[ObjectView, ...]
    example: str | None


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON as the pages print it: sorted keys, no ASCII escaping."""
    separators = (",", ": ") if indent else (", ", ": ")
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=indent,
                      separators=separators)


def def_anchor(name: str) -> str:
    return f"def-{name}"


def model_view(name: str, document: Mapping[str, Any]) -> ModelView:
    """The page of model ``name`` (``recap.LargeEmbeddingsConfig``) from its schema document."""
    root_name = name.rpartition(".")[2]
    objects = [object_view(root_name, document, "model")]
    defs = document.get("$defs", {})
    for def_name in sorted(defs) if isinstance(defs, Mapping) else ():
        if isinstance(defs[def_name], Mapping):
            objects.append(object_view(def_name, defs[def_name], def_anchor(def_name)))
    return ModelView(name, root_name, _text(document.get("description")), tuple(objects),
                     example(document))


def object_view(name: str, schema: Mapping[str, Any], anchor: str) -> ObjectView:
    props = schema.get("properties")
    required = schema.get("required", [])
    rules = tuple(rule.describe() for rule in rules_in(schema))
    if not isinstance(props, Mapping):
        value = field_view("value", schema, anchor, required=True)
        return ObjectView(name, anchor, _text(schema.get("description")), (), False, (), rules,
                          value)
    fields = tuple(field_view(key, sub, f"{anchor}.{key}", required=key in required)
                   for key, sub in props.items() if isinstance(sub, Mapping))
    return ObjectView(name, anchor, _text(schema.get("description")), fields,
                      schema.get("additionalProperties") is False, exclusive_groups(schema),
                      rules)


def field_view(name: str, schema: Mapping[str, Any], anchor: str, required: bool) -> FieldView:
    branches = [b for b in _branches(schema) if b.get("type") != "null"]
    bounds: list[str] = []
    allowed: list[str] = []
    rules: list[str] = []
    for branch in [schema, *branches] if branches != [schema] else [schema]:
        bounds += _bounds(branch)
        allowed += _allowed(branch)
        rules += [rule.describe() for rule in rules_in(branch)]
        items = branch.get("items")
        if isinstance(items, Mapping):
            bounds += [f"each item {b}" for b in _bounds(items)]
            allowed += _allowed(items)
    default = json_text(schema["default"]) if "default" in schema else None
    return FieldView(name, anchor, type_parts(schema), required, default,
                     tuple(dict.fromkeys(bounds)), tuple(dict.fromkeys(allowed)),
                     tuple(dict.fromkeys(rules)), _text(schema.get("description")))


def _branches(schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    for keyword in ("anyOf", "oneOf"):
        branches = schema.get(keyword)
        if isinstance(branches, list):
            return [b for b in branches if isinstance(b, Mapping)]
    return [schema]


def type_parts(schema: Any) -> tuple[TypePart, ...]:
    """The type of a subschema in words: ``integer``, ``array of EmbeddingBagConfig``,
    ``LearningRate or null``; named objects carry the anchor of their section."""
    if not isinstance(schema, Mapping):
        return (TypePart("anything" if schema is not False else "nothing"),)
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref.startswith(DEFS_PREFIX):
            target = ref[len(DEFS_PREFIX):]
            return (TypePart(target, def_anchor(target)),)
        if ref == "#":
            return (TypePart("this model", "model"),)
        return (TypePart(ref),)
    for keyword in ("anyOf", "oneOf"):
        branches = schema.get(keyword)
        if isinstance(branches, list) and "properties" not in schema:
            rendered = [type_parts(branch) for branch in branches]
            # "array of string, or null": a comma when a branch is itself several words
            joiner = ", or " if any(len(r) > 1 for r in rendered) else " or "
            parts: list[TypePart] = []
            for branch_parts in rendered:
                if parts:
                    parts.append(TypePart(joiner))
                parts.extend(branch_parts)
            return tuple(parts)
    if "const" in schema:
        return (TypePart(f"the value {json_text(schema['const'])}"),)
    types = schema.get("type")
    names = [types] if isinstance(types, str) else list(types) if isinstance(types, list) else []
    if "enum" in schema and not names:
        names = sorted({"number" if (atom := json_atom(v)) == "fraction" else atom
                        for v in schema["enum"]})
    if not names:
        return (TypePart("anything"),)
    parts = []
    for type_name in names:
        if parts:
            parts.append(TypePart(" or "))
        if type_name == "array" and "items" in schema:
            parts.append(TypePart("array of "))
            parts.extend(type_parts(schema["items"]))
        elif type_name == "object" and isinstance(schema.get("additionalProperties"), Mapping):
            parts.append(TypePart("map of string to "))
            parts.extend(type_parts(schema["additionalProperties"]))
        else:
            parts.append(TypePart(str(type_name)))
    return tuple(parts)


def _number(value: Any) -> str:
    text = json_text(value)
    label = _KNOWN_NUMBERS.get(value) if is_number(value) else None
    return f"{text} ({label})" if label else text


def _plural(n: Any, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _bounds(schema: Mapping[str, Any]) -> list[str]:
    found = []
    for keyword, words in (("minimum", "at least"), ("exclusiveMinimum", "greater than"),
                           ("maximum", "at most"), ("exclusiveMaximum", "less than"),
                           ("multipleOf", "a multiple of")):
        if is_number(schema.get(keyword)):
            found.append(f"{words} {_number(schema[keyword])}")
    for keyword, words, unit in (("minLength", "at least", "character"),
                                 ("maxLength", "at most", "character"),
                                 ("minItems", "at least", "item"),
                                 ("maxItems", "at most", "item"),
                                 ("minProperties", "at least", "key"),
                                 ("maxProperties", "at most", "key")):
        if isinstance(schema.get(keyword), int):
            found.append(f"{words} {_plural(schema[keyword], unit)}")
    if isinstance(schema.get("pattern"), str):
        found.append(f"matches the pattern `{schema['pattern']}`")
    if schema.get("uniqueItems") is True:
        found.append("no two items equal")
    return found


def _allowed(schema: Mapping[str, Any]) -> list[str]:
    if isinstance(schema.get("enum"), list):
        return [json_text(v) for v in schema["enum"]]
    return []


def exclusive_groups(schema: Mapping[str, Any]) -> tuple[tuple[str, ...], ...]:
    """Groups of fields of which exactly one is set: a ``oneOf`` whose every branch requires its
    own field(s) (the form the export writes for "exactly one of")."""
    groups = []
    branches = schema.get("oneOf")
    if isinstance(branches, list):
        names: list[str] = []
        for branch in branches:
            needed = branch.get("required") if isinstance(branch, Mapping) else None
            if not isinstance(needed, list) or not needed:
                break
            names += [str(n) for n in needed]
        else:
            if len(names) > 1:
                groups.append(tuple(names))
    return tuple(groups)


def example(document: Mapping[str, Any]) -> str | None:
    """A config the schema accepts, as pretty JSON: the document's first example that the
    contract's validator accepts, else a synthesized one; None when neither is found, or when a
    pattern of the document could backtrack without bound (as the diff's witness search, the
    page does not run such a pattern)."""
    if document_hazard(document) is not None:
        return None
    validator = ContractValidator(document)
    candidates = [e for e in document.get("examples", []) if validator.is_valid(e)] \
        if isinstance(document.get("examples"), list) else []
    if not candidates:
        candidates = [v for v in Synth(document).valid_values(document, limit=3)
                      if validator.is_valid(v)]
    if not candidates:
        return None
    # The richest candidate shows the most fields.
    best = max(candidates, key=lambda v: len(json_text(v)))
    return json_text(best, indent=2)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
