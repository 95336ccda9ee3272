"""The value every portable rule yields when an instance breaks it, and how rules read members."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

PathItem = Union[str, int]
Path = tuple[PathItem, ...]
# Reads one member of an object: ``dict.get`` for parsed JSON, ``getattr`` for a model instance.
Getter = Callable[[Any, str], Any]


@dataclass(frozen=True)
class Violation:
    """One broken rule: where (relative to the value carrying the keyword), which rule, why."""

    path: Path
    rule: str
    message: str
    value: Any


def get_attribute(obj: Any, key: str) -> Any:
    """Getter for model instances: a missing attribute reads as None."""
    return getattr(obj, key, None)


def get_member(obj: Any, key: str) -> Any:
    """Getter for parsed JSON: a missing key, or a value that is not an object, reads as None."""
    return obj.get(key) if isinstance(obj, dict) else None
