"""Rules about numbers: lower and upper bounds, ``multipleOf``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.keywords import canonical, is_number, numeric_bound
from embedding_contract.diff.rules.bounds import tighter
from embedding_contract.diff.rules.rule import NUMBERS, delta, get, in_effect
from embedding_contract.diff.walk import Delta, Pair

_LOWER = ("minimum", "exclusiveMinimum")
_UPPER = ("maximum", "exclusiveMaximum")


def _bound_change(p: Pair, lower: bool, tightened: bool) -> Iterator[Delta]:
    keys = _LOWER if lower else _UPPER
    old, new = numeric_bound(p.old, *keys, lower), numeric_bound(p.new, *keys, lower)
    if not (tighter(new, old, lower) if tightened else tighter(old, new, lower)):
        return
    effects = in_effect(p, NUMBERS, Effects.NARROWING if tightened else Effects.WIDENING)
    at = next((k for k in keys if k in p.new), None) or next(k for k in keys if k in p.old)
    yield delta((at,), {k: p.old[k] for k in keys if k in p.old} or ABSENT,
                {k: p.new[k] for k in keys if k in p.new} or ABSENT, effects,
                old_bound=old, new_bound=new, lower=lower)


def minimum_tightened(p: Pair) -> Iterator[Delta]:
    yield from _bound_change(p, lower=True, tightened=True)


def minimum_loosened(p: Pair) -> Iterator[Delta]:
    yield from _bound_change(p, lower=True, tightened=False)


def maximum_tightened(p: Pair) -> Iterator[Delta]:
    yield from _bound_change(p, lower=False, tightened=True)


def maximum_loosened(p: Pair) -> Iterator[Delta]:
    yield from _bound_change(p, lower=False, tightened=False)


def _multiple_relation(old: Any, new: Any) -> Effects | None:
    """How the multiples of ``new`` relate to those of ``old`` (None: the same)."""
    def positive(x: Any) -> bool:
        return is_number(x) and x > 0

    if old is ABSENT and new is ABSENT:
        return None
    if old is ABSENT:
        return Effects.NARROWING
    if new is ABSENT:
        return Effects.WIDENING
    if canonical(old) == canonical(new):
        return None
    if not (positive(old) and positive(new)):
        return Effects.UNKNOWN
    if (old / new).is_integer():
        return Effects.WIDENING  # every multiple of old is a multiple of new
    if (new / old).is_integer():
        return Effects.NARROWING
    return Effects.BOTH_WAYS


def _multiple_change(p: Pair, wanted: Effects) -> Iterator[Delta]:
    old, new = get(p.old, "multipleOf"), get(p.new, "multipleOf")
    found = _multiple_relation(old, new)
    if found is None:
        return
    if found == wanted or (wanted == Effects.BOTH_WAYS and found == Effects.UNKNOWN):
        yield delta(("multipleOf",), old, new, in_effect(p, NUMBERS, found))


def multiple_of_tightened(p: Pair) -> Iterator[Delta]:
    yield from _multiple_change(p, Effects.NARROWING)


def multiple_of_loosened(p: Pair) -> Iterator[Delta]:
    yield from _multiple_change(p, Effects.WIDENING)


def multiple_of_changed(p: Pair) -> Iterator[Delta]:
    yield from _multiple_change(p, Effects.BOTH_WAYS)
