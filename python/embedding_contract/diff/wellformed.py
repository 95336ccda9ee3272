"""Is a schema document well formed enough to diff? A fast check of keyword argument shapes.

The 2020-12 meta-schema says the same, but python-jsonschema takes about 30 ms per document on
it (``$dynamicRef``), more than the whole diff; this checks the keywords the diff and the
validators rely on, and the ``x-contract-*`` arguments against the vocabulary, in microseconds.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from typing import Any

from embedding_contract.core.errors import DiffInputError
from embedding_contract.core.paths import ROOT_PATH, pointer_join
from embedding_contract.diff.keywords import SUBSCHEMAS, Holds, is_number

_TYPES = frozenset({"null", "boolean", "object", "array", "string", "integer", "number"})


def _finite(v: Any) -> bool:
    """A JSON number that reads as a finite double (1e999 and 10**4000 do not)."""
    if not is_number(v):
        return False
    try:
        return math.isfinite(float(v))
    except OverflowError:
        return False


def _count(v: Any) -> bool:
    return _finite(v) and v >= 0 and float(v).is_integer()


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(s, str) for s in v) and len(set(v)) == len(v)


def _type(v: Any) -> bool:
    if isinstance(v, str):
        return v in _TYPES
    return isinstance(v, list) and bool(v) and all(t in _TYPES for t in v) and _strings(v)


def _pattern(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    from embedding_contract.diff.semantic.patterns import valid

    return valid(v)


_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "type": (_type, "a type name or a list of distinct type names"),
    "enum": (lambda v: isinstance(v, list), "an array"),
    "multipleOf": (lambda v: _finite(v) and v > 0, "a number > 0 (a finite double)"),
    **{k: (_finite, "a number (a finite double)") for k in (
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")},
    **{k: (_count, "a non-negative integer (a finite double)") for k in (
        "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
        "minContains", "maxContains")},
    "pattern": (_pattern, "a regular expression"),
    "uniqueItems": (lambda v: isinstance(v, bool), "a boolean"),
    "required": (_strings, "an array of distinct strings"),
    "dependentRequired": (lambda v: isinstance(v, Mapping) and all(
        _strings(x) for x in v.values()), "an object of string arrays"),
    **{k: (lambda v: isinstance(v, str), "a string") for k in (
        "$ref", "$id", "$schema", "$anchor", "$dynamicRef", "$dynamicAnchor", "$comment",
        "format", "title", "description", "contentMediaType", "contentEncoding")},
    **{k: (lambda v: isinstance(v, bool), "a boolean") for k in (
        "deprecated", "readOnly", "writeOnly")},
    "examples": (lambda v: isinstance(v, list), "an array"),
}


@functools.cache
def _vocabulary_validators() -> dict[str, Any]:
    from jsonschema import Draft202012Validator

    from embedding_contract.vocabulary import VOCABULARY

    return {k: Draft202012Validator(cls.ARGUMENT_SCHEMA) for k, cls in VOCABULARY.items()}


def check_schema_document(document: Any, label: str) -> None:
    """Raise DiffInputError naming the first malformed keyword of ``document``."""
    _check(document, label, "")


def _check(schema: Any, label: str, where: str) -> None:
    here = where or ROOT_PATH
    if isinstance(schema, bool):
        return
    if not isinstance(schema, Mapping):
        raise DiffInputError(f"{label}: {here} is not a schema (an object or a boolean)")
    vocabulary = _vocabulary_validators()
    for key, value in schema.items():
        at = pointer_join(where, key)
        check = _CHECKS.get(key)
        if check is not None and not check[0](value):
            raise DiffInputError(f"{label}: {key} at {here} must be {check[1]}")
        if key in vocabulary:
            errors = sorted(vocabulary[key].iter_errors(value), key=lambda e: list(e.path))
            if errors:
                raise DiffInputError(f"{label}: malformed {key} at {here}: {errors[0].message}")
        if key == "patternProperties" and isinstance(value, Mapping):
            bad = [p for p in value if not _pattern(p)]
            if bad:
                raise DiffInputError(f"{label}: patternProperties at {here} has a key that is "
                                     f"not a regular expression: {bad[0]!r}")
        holds = SUBSCHEMAS.get(key)
        if holds is Holds.ONE:
            _check(value, label, at)
        elif holds is Holds.MAP:
            if not isinstance(value, Mapping):
                raise DiffInputError(f"{label}: {key} at {here} must be an object")
            for name, sub in value.items():
                _check(sub, label, pointer_join(at, name))
        elif holds is Holds.LIST:
            if not isinstance(value, list) or not value:
                raise DiffInputError(f"{label}: {key} at {here} must be a non-empty array")
            for i, sub in enumerate(value):
                _check(sub, label, pointer_join(at, i))
