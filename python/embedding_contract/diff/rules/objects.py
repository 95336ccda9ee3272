"""Rules about objects: properties added or removed, required, closed or open, key counts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from embedding_contract.diff.findings import ABSENT, Effect, Effects
from embedding_contract.diff.keywords import is_closed, is_trivial, properties_of, required_of
from embedding_contract.diff.rules.bounds import count_change
from embedding_contract.diff.rules.rule import delta, get
from embedding_contract.diff.walk import Delta, Pair

OBJECT = frozenset({"object"})
_OK, _BREAKS = Effect.COMPATIBLE, Effect.BREAKING


def _readers_ignore_unknown_keys(p: Pair) -> bool:
    return not p.strict


def property_added(p: Pair) -> Iterator[Delta]:
    old_props, new_props = properties_of(p.old), properties_of(p.new)
    tolerant = _readers_ignore_unknown_keys(p)
    for key in sorted(set(new_props) - set(old_props)):
        if is_closed(p.old):
            effects = Effects(_OK, _OK if tolerant else _BREAKS)
        else:
            old_extra = get(p.old, "additionalProperties")
            effects = Effects(_OK if is_trivial(new_props[key]) else _BREAKS,
                              _OK if tolerant or is_trivial(old_extra) else _BREAKS)
        yield delta(("properties", key), ABSENT, new_props[key], effects, key=key, child=key)


def property_removed(p: Pair) -> Iterator[Delta]:
    old_props, new_props = properties_of(p.old), properties_of(p.new)
    tolerant = _readers_ignore_unknown_keys(p)
    for key in sorted(set(old_props) - set(new_props)):
        if is_closed(p.new):
            effects = Effects(_OK if tolerant else _BREAKS, _OK)
        else:
            new_extra = get(p.new, "additionalProperties")
            effects = Effects(_OK if tolerant or is_trivial(new_extra) else _BREAKS,
                              _OK if is_trivial(old_props[key]) else _BREAKS)
        yield delta(("properties", key), old_props[key], ABSENT, effects, key=key, child=key)


def _unrequired(node: Any, key: str) -> str:
    """How a schema that does not require ``key`` treats it: declared or not."""
    return "optional" if key in properties_of(node) else "not declared"


def required_added(p: Pair) -> Iterator[Delta]:
    old = set(required_of(p.old))
    for key in sorted(set(required_of(p.new)) - old):
        yield delta(("properties", key), _unrequired(p.old, key), "required",
                    Effects.NARROWING, key=key, child=key)


def required_removed(p: Pair) -> Iterator[Delta]:
    new = set(required_of(p.new))
    for key in sorted(set(required_of(p.old)) - new):
        yield delta(("properties", key), "required", _unrequired(p.new, key),
                    Effects.WIDENING, key=key, child=key)


def additional_properties_forbidden(p: Pair) -> Iterator[Delta]:
    if is_closed(p.new) and not is_closed(p.old):
        effects = Effects.NEUTRAL if _readers_ignore_unknown_keys(p) else Effects.NARROWING
        yield delta(("additionalProperties",), get(p.old, "additionalProperties"),
                    p.new["additionalProperties"], effects)


def additional_properties_allowed(p: Pair) -> Iterator[Delta]:
    if is_closed(p.old) and not is_closed(p.new):
        effects = Effects.NEUTRAL if _readers_ignore_unknown_keys(p) else Effects.WIDENING
        yield delta(("additionalProperties",), p.old["additionalProperties"],
                    get(p.new, "additionalProperties"), effects)


def min_properties_tightened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "minProperties", True, OBJECT)


def min_properties_loosened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "minProperties", False, OBJECT)


def max_properties_tightened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "maxProperties", True, OBJECT)


def max_properties_loosened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "maxProperties", False, OBJECT)
