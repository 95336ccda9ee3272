"""python-jsonschema extended with the contract's vocabulary: the exported schema files plus this
class give exactly the verdicts of the Pydantic models.

Beyond the portable-rule keywords, numbers are finite: JSON text cannot carry NaN or Infinity, but
Python's ``json`` module reads them, and Pydantic rejects them.

No implicit I/O: a validator resolves ``$ref`` only inside the schema document it was given (and
the resources passed with it); any other reference (``http://``, ``file://``, an unknown URI) is
an :class:`~embedding_contract.core.errors.ExternalReferenceError`, never a request or a file read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema._types import TypeChecker
from jsonschema_specifications import REGISTRY as SPECIFICATIONS  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable

from embedding_contract.core.errors import ExternalReferenceError
from embedding_contract.vocabulary import VOCABULARY, PortableRule, get_member
from embedding_contract.vocabulary.values import is_number


def _is_number(checker: TypeChecker, instance: Any) -> bool:
    return is_number(instance) and (not isinstance(instance, float) or math.isfinite(instance))


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

# The python-jsonschema class behind ContractValidator, for callers that extend it further
# (construct it with ``registry=closed_registry()`` to keep references closed).
EXTENDED_CLASS: Any = validators.extend(
    Draft202012Validator,
    validators={keyword: _keyword(cls) for keyword, cls in VOCABULARY.items()},
    type_checker=_TYPES,
)


def _refuse(uri: str) -> Resource[Any]:
    raise ExternalReferenceError(
        f"$ref {_shown(uri)} is outside the schema documents given; references are not "
        "retrieved (no network or file access)", ref=uri)


def _shown(ref: str) -> str:
    return repr(ref if len(ref) <= 200 else ref[:200] + "...")


def closed_registry(resources: Iterable[tuple[str, Resource[Any]]] = ()) -> Registry[Any]:
    """A registry holding only ``resources`` and the JSON Schema meta-schemas bundled with
    python-jsonschema; retrieving anything else raises ExternalReferenceError."""
    closed: Registry[Any] = Registry(retrieve=_refuse)  # type: ignore[call-arg]
    specifications: Registry[Any] = SPECIFICATIONS
    return specifications.combine(closed).with_resources(resources)


class ContractValidator:
    """``Draft202012Validator`` plus the contract's vocabulary and finite numbers, resolving
    ``$ref`` only within the documents given (``registry`` adds more, still closed)."""

    def __init__(self, schema: Any, *, registry: Registry[Any] | None = None,
                 **options: Any) -> None:
        self.schema = schema
        self._validator = EXTENDED_CLASS(schema, registry=registry or closed_registry(), **options)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        try:
            yield from self._validator.iter_errors(instance)
        except Unresolvable as exc:
            raise _reference_error(exc) from exc

    def is_valid(self, instance: Any) -> bool:
        try:
            return bool(self._validator.is_valid(instance))
        except Unresolvable as exc:
            raise _reference_error(exc) from exc

    def validate(self, instance: Any) -> None:
        try:
            self._validator.validate(instance)
        except Unresolvable as exc:
            raise _reference_error(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._validator, name)


def _reference_error(exc: Unresolvable) -> ExternalReferenceError:
    seen: BaseException | None = exc
    for _ in range(8):  # python-jsonschema wraps referencing's error, which wraps ours
        if seen is None:
            break
        if isinstance(seen, ExternalReferenceError):
            return ExternalReferenceError(str(seen), ref=seen.ref)
        seen = getattr(seen, "_wrapped", None) or seen.__cause__ or seen.__context__
    ref = str(getattr(exc, "ref", exc))
    return ExternalReferenceError(f"$ref {_shown(ref)} cannot be resolved within the schema "
                                  "documents given", ref=ref)


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
