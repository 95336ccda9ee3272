"""python-jsonschema extended with the contract's vocabulary: the exported schema files plus this
class give exactly the verdicts of the Pydantic models.

Beyond the portable-rule keywords, numbers are finite: JSON text cannot carry NaN or Infinity, but
Python's ``json`` module reads them, and Pydantic rejects them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema._types import TypeChecker

from embedding_contract.vocabulary import VOCABULARY, PortableRule, get_member


def _is_number(checker: TypeChecker, instance: Any) -> bool:
    return (isinstance(instance, (int, float)) and not isinstance(instance, bool)
            and (not isinstance(instance, float) or math.isfinite(instance)))


def _is_integer(checker: TypeChecker, instance: Any) -> bool:
    if isinstance(instance, float):
        return math.isfinite(instance) and instance.is_integer()
    return isinstance(instance, int) and not isinstance(instance, bool)


def _keyword(rule_class: type[PortableRule]) -> Callable[..., Iterator[ValidationError]]:
    def check(
        validator: Any, argument: Any, instance: Any, schema: Any
    ) -> Iterator[ValidationError]:
        for rule in rule_class.from_argument(argument):
            for v in rule.check(instance, get_member):
                yield ValidationError(f"{v.message} [{v.rule}]", path=list(v.path),
                                      instance=v.value)

    check.__name__ = rule_class.RULE.replace("-", "_")
    return check


_TYPES = Draft202012Validator.TYPE_CHECKER.redefine_many(
    {"number": _is_number, "integer": _is_integer})

ContractValidator: Any = validators.extend(
    Draft202012Validator,
    validators={keyword: _keyword(cls) for keyword, cls in VOCABULARY.items()},
    type_checker=_TYPES,
)
"""``Draft202012Validator`` plus the contract's vocabulary and finite numbers."""


def error_leaves(error: ValidationError) -> Iterator[tuple[tuple[Any, ...], ValidationError]]:
    """The precise places behind one python-jsonschema error, as Pydantic would name them.

    ``additionalProperties`` names each unknown key, ``required`` each missing one; an
    ``anyOf``/``oneOf`` over a value and null (an optional field) is replaced by the errors of
    the non-null branch.
    """
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        for key in error.instance:
            if key not in known:
                yield (*path, key), error
        return
    if error.validator == "required" and isinstance(error.instance, dict):
        for key in error.validator_value:
            if key not in error.instance:
                yield (*path, key), error
        return
    null = {"type": "null"}
    if (error.validator in ("anyOf", "oneOf") and error.context
            and null in error.validator_value):
        branches = error.validator_value
        real = [c for c in error.context if branches[c.schema_path[0]] != null]
        deeper = [c for c in real if len(c.absolute_path) > len(path)
                  or c.validator in ("anyOf", "oneOf", "additionalProperties", "required")]
        if deeper and len(real) == len(deeper):
            for child in deeper:
                yield from error_leaves(child)
            return
    yield path, error


def error_paths(validator: Any, instance: Any) -> set[tuple[Any, ...]]:
    """Every precise error path that ``validator`` finds in ``instance``."""
    return {p for e in validator.iter_errors(instance) for p, _ in error_leaves(e)}
