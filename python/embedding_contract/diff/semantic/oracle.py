"""The two validators a witness must convince: python-jsonschema and jsonschema-rs.

python-jsonschema matches ``pattern`` with Python's ``re``, which refuses ECMA-262 escapes such
as ``\\cC``; its ``pattern``, ``patternProperties`` and ``additionalProperties`` are extended here
to match through ``regress`` (ECMA-262), as the JSON Schema specification asks. ``format`` is an
annotation for both (jsonschema-rs would assert it for draft-07 by default). A validator that
fails on an instance (a schema that recurses without end) answers None: no verdict.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import jsonschema
import jsonschema_rs
from jsonschema import ValidationError
from jsonschema.protocols import Validator

from embedding_contract.diff.semantic.budget import Undecided
from embedding_contract.diff.semantic.drafts import Draft
from embedding_contract.diff.semantic.patterns import matches

_PY = {
    Draft.D2020_12: jsonschema.Draft202012Validator,
    Draft.D2019_09: jsonschema.Draft201909Validator,
    Draft.D7: jsonschema.Draft7Validator,
    Draft.D6: jsonschema.Draft6Validator,
    Draft.D4: jsonschema.Draft4Validator,
}
_RS = {
    Draft.D2020_12: jsonschema_rs.Draft202012Validator,
    Draft.D2019_09: jsonschema_rs.Draft201909Validator,
    Draft.D7: jsonschema_rs.Draft7Validator,
    Draft.D6: jsonschema_rs.Draft6Validator,
    Draft.D4: jsonschema_rs.Draft4Validator,
}


def _pattern(validator: Any, pattern: str, instance: Any, _: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not matches(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator: Any, patterns: Mapping[str, Any], instance: Any,
                        _: Any) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if matches(pattern, key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(validator: Any, extra: Any, instance: Any,
                           schema: Mapping[str, Any]) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    props = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    others = [k for k in instance if k not in props and not any(matches(p, k) for p in patterns)]
    if extra is False and others:
        yield ValidationError(f"additional properties are not allowed ({others!r})")
    elif isinstance(extra, (Mapping, bool)):
        for key in others:
            yield from validator.descend(instance[key], extra, path=key)


def _ecma(cls: Any) -> Any:
    return jsonschema.validators.extend(cls, {
        "pattern": _pattern, "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties})


_PY_ECMA = {draft: _ecma(cls) for draft, cls in _PY.items()}


class Oracle:
    """Both validators for one schema as written (its own draft)."""

    def __init__(self, schema: Any, draft: Draft) -> None:
        self.py: Validator = _PY_ECMA[draft](schema)
        try:
            self.rs: Any = _RS[draft](schema, validate_formats=False)
        except (ValueError, jsonschema_rs.ValidationError):
            self.rs = None

    def python(self, instance: Any) -> bool | None:
        try:
            return bool(self.py.is_valid(instance))
        except (RecursionError, Undecided, jsonschema.exceptions.SchemaError,
                jsonschema.exceptions._WrappedReferencingError):
            return None

    def rust(self, instance: Any) -> bool | None:
        if self.rs is None:
            return None
        try:
            return bool(self.rs.is_valid(instance))
        except (ValueError, OverflowError, RecursionError):
            return None
