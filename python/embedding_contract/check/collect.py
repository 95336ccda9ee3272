"""Every error of an invalid config in one run: the models', the schema's standard keywords' and
the portable rules', merged.

Pydantic stops at the first failing layer (a type error hides the model validators above it, so
a duplicate table name or two schedules at once go unseen); the schema's keywords and the
portable rules, computed on the raw data, do not. Pydantic's message wins where both name the
same place.

Time and memory stay bounded on hostile input (a list of two million wrong items): the schema is
walked lazily and stops after :data:`COUNT_LIMIT` errors, ``anyOf``/``oneOf`` keep at most
``COUNT_LIMIT`` errors of a failing branch, and Pydantic, whose errors cost about 2 kB each, runs
only when the schema found few errors.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from embedding_contract.check import validation
from embedding_contract.check.validation import Issue, show
from embedding_contract.vocabulary.walker import PortableRules

COUNT_LIMIT = 10_000
"""Errors counted per file; beyond it a report says "at least"."""


@dataclass(frozen=True)
class Collected:
    """The issues found and whether counting stopped at :data:`COUNT_LIMIT`."""

    issues: list[Issue]
    counting_stopped: bool = False


def collect(model_name: str, data: Any, cap: int) -> Collected:
    """Every issue in ``data`` for ``model_name``; Pydantic's too when the schema found at most
    ``cap`` (its messages are the clearer)."""
    from embedding_contract.vocabulary.contract_validator import error_leaves

    rules = _schema(model_name)[1]
    leaves = _leaves(_validator(model_name).iter_errors(data), error_leaves)
    standard = list(itertools.islice(leaves, COUNT_LIMIT))
    stopped = next(leaves, None) is not None
    portable = [Issue(v.path, v.rule, v.message, v.value) for v in rules.violations(data)]
    models = validation.validate(model_name, data) if len(standard) + len(portable) <= cap else []
    return Collected(_merge(models, standard, portable), stopped)


def _merge(models: list[Issue], standard: list[Issue], portable: list[Issue]) -> list[Issue]:
    """Pydantic's issues, then the portable rules' and the schema's at places it did not name."""
    named = {i.path for i in models}
    seen = {(i.path, i.rule) for i in models}
    out = list(models)
    for issue in portable:
        if (issue.path, issue.rule) not in seen:
            seen.add((issue.path, issue.rule))
            out.append(issue)
            named.add(issue.path)
    out.extend(i for i in standard if i.path not in named)
    return out


def _leaves(errors: Iterator[Any], error_leaves: Any) -> Iterator[Issue]:
    for error in errors:
        if str(error.validator).startswith("x-contract-"):
            continue  # the walker reports these, with the rule's own message
        for path, leaf in error_leaves(error):
            yield _issue(path, leaf)


def _issue(path: tuple[Any, ...], error: Any) -> Issue:
    keyword = str(error.validator)
    if keyword == "additionalProperties":
        message = f"unknown key {path[-1]!r} (not in the contract)"
    elif keyword == "required":
        message = f"required key {path[-1]!r} is missing"
    elif keyword == "type":
        message = f"expected {error.validator_value}, got {show(error.instance)}"
    elif keyword in ("anyOf", "oneOf"):
        message = error.message
    else:
        message = f"{keyword} {show(error.validator_value)} fails (got {show(error.instance)})"
    return Issue(path, keyword, message, None)


@functools.cache
def _schema(model_name: str) -> tuple[dict[str, Any], PortableRules]:
    from embedding_contract import __version__
    from embedding_contract.schemafiles.generate import model_schema

    schema = model_schema(model_name, __version__)
    return schema, PortableRules(schema)


@functools.cache
def _validator(model_name: str) -> Any:
    from jsonschema import ValidationError, validators

    from embedding_contract.vocabulary.contract_validator import EXTENDED_CLASS, closed_registry

    def branches(validator: Any, subschemas: Any, instance: Any) -> tuple[list[Any], int]:
        """Errors of each failing branch (at most COUNT_LIMIT each) and how many pass."""
        errors: list[Any] = []
        passing = 0
        for index, sub in enumerate(subschemas):
            found = list(itertools.islice(validator.descend(instance, sub, schema_path=index),
                                          COUNT_LIMIT))
            errors.extend(found)
            passing += not found
        return errors, passing

    def any_of(validator: Any, subschemas: Any, instance: Any, schema: Any) -> Iterator[Any]:
        errors, passing = branches(validator, subschemas, instance)
        if not passing:
            yield ValidationError("matches none of the allowed forms", context=errors)

    def one_of(validator: Any, subschemas: Any, instance: Any, schema: Any) -> Iterator[Any]:
        errors, passing = branches(validator, subschemas, instance)
        if passing != 1:
            why = "none" if not passing else f"{passing}"
            yield ValidationError(f"must match exactly one of the allowed forms; matches {why}",
                                  context=errors if not passing else [])

    capped = validators.extend(EXTENDED_CLASS, validators={"anyOf": any_of, "oneOf": one_of})
    return capped(_schema(model_name)[0], registry=closed_registry())
