"""Validate parsed config data against a model; every error as a path, a rule and a message."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from embedding_contract.core.paths import format_path, shorten
from embedding_contract.models.registry import resolve
from embedding_contract.vocabulary import VOCABULARY, Path


@dataclass(frozen=True)
class Issue:
    """One reason a config is invalid."""

    path: Path
    rule: str
    message: str
    value: Any = None

    @property
    def location(self) -> str:
        return format_path(self.path)


def validate(model_name: str, data: Any) -> list[Issue]:
    """Every issue Pydantic finds in ``data`` for model ``model_name`` (empty when valid)."""
    from pydantic import TypeAdapter, ValidationError

    target = resolve(model_name)
    try:
        if hasattr(target, "model_validate"):
            target.model_validate(data)
        else:
            TypeAdapter(target).validate_python(data)
    except ValidationError as exc:
        return [_issue(error) for error in exc.errors(include_url=False)]
    return []


def _issue(error: Any) -> Issue:
    loc = tuple(error["loc"])
    rule = error["type"]
    message = error["msg"]
    if rule == "extra_forbidden":
        message = f"unknown key {shorten(str(loc[-1]))!r} (not in the contract)"
    elif rule == "missing":
        message = f"required key {loc[-1]!r} is missing"
    elif rule not in _NAMES_ITS_VALUE:
        message = f"{message} (got {show(error.get('input'))})"
    return Issue(loc, rule, message, error.get("input"))


# The contract's own checks already name the offending value in their message.
_NAMES_ITS_VALUE = {"one-of", "at-most-one-of", *(c.RULE for c in VOCABULARY.values())}


def show(value: Any) -> str:
    """``value`` as short JSON for a message."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

