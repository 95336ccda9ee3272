"""Every place inside a JSON value, as a path of keys and indices."""

from __future__ import annotations

from typing import Any


def value_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of ``value`` itself (``prefix``), then of each member and item, depth first."""
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += value_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += value_paths(item, (*prefix, index))
    return out
