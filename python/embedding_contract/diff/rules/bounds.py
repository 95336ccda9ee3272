"""How a bound moved: the comparison behind the number rules and the min/max count rules."""

from __future__ import annotations

from collections.abc import Iterator

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.rules.rule import delta, get, in_effect
from embedding_contract.diff.walk import Delta, Pair

Bound = tuple[float, bool]
"""A bound's value and whether it is exclusive."""


def tighter(new: Bound | None, old: Bound | None, lower: bool) -> bool:
    """Does ``new`` exclude some number ``old`` admits?"""
    if new is None:
        return False
    if old is None:
        return True
    if new[0] != old[0]:
        return new[0] > old[0] if lower else new[0] < old[0]
    return new[1] and not old[1]


def count_change(p: Pair, keyword: str, tightened: bool,
                 atoms: frozenset[str]) -> Iterator[Delta]:
    """A ``min*``/``max*`` count (length, items, properties) that ``tightened`` or loosened."""
    lower = keyword.startswith("min")
    old, new = get(p.old, keyword), get(p.new, keyword)
    old_b = None if old is ABSENT else (old, False)
    new_b = None if new is ABSENT else (new, False)
    if lower:  # minLength 0 is no bound at all
        old_b = None if old_b is not None and old_b[0] <= 0 else old_b
        new_b = None if new_b is not None and new_b[0] <= 0 else new_b
    hit = tighter(new_b, old_b, lower) if tightened else tighter(old_b, new_b, lower)
    if hit:
        effects = Effects.NARROWING if tightened else Effects.WIDENING
        yield delta((keyword,), old, new, in_effect(p, atoms, effects), keyword=keyword)
