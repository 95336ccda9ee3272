"""What the rules need to know of JSON values: numbers, arrays, when two scalars are equal."""

from __future__ import annotations

import copy
from enum import Enum
from typing import Any, TypeGuard

from embedding_contract.vocabulary.violation import Getter, get_attribute, get_member


def is_number(value: Any) -> TypeGuard[int | float]:
    """A JSON number (``true`` is not one, though Python says it is an int)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_array(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def scalar_key(value: Any) -> Any:
    """A hashable identity for a scalar JSON value (numbers compare mathematically), else None."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (str, int, float)):
        return value
    return None


def show(value: Any) -> str:
    """A value as the config wrote it: an enum member (from a model instance) by its value."""
    return repr(value.value if isinstance(value, Enum) else value)


def values_at(items: Any, key: str, get: Getter) -> list[Any]:
    """The value at ``key`` of each item (None where absent), without a call per item for JSON."""
    if get is get_member:
        return [item.get(key) if isinstance(item, dict) else None for item in items]
    if get is get_attribute:
        return [getattr(item, key, None) for item in items]
    return [get(item, key) for item in items]


def replaced(obj: Any, key: str, value: Any) -> Any:
    """A copy of object ``obj`` with ``key`` set to ``value``; anything else unchanged."""
    return {**obj, key: value} if isinstance(obj, dict) else obj


def member_copy(obj: Any, key: str) -> Any:
    """A copy of the value at ``key`` of object ``obj`` (None when absent or not an object)."""
    return copy.deepcopy(obj.get(key)) if isinstance(obj, dict) else None
