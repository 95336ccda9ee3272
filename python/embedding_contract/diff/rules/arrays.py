"""Rules about arrays: item counts, ``uniqueItems``, ``items`` and tuple positions."""

from __future__ import annotations

from collections.abc import Iterator

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.keywords import is_trivial, position, prefix_length
from embedding_contract.diff.rules.bounds import count_change
from embedding_contract.diff.rules.rule import delta, get
from embedding_contract.diff.walk import Delta, Pair

ARRAY = frozenset({"array"})


def min_items_tightened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "minItems", True, ARRAY)


def min_items_loosened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "minItems", False, ARRAY)


def max_items_tightened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "maxItems", True, ARRAY)


def max_items_loosened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "maxItems", False, ARRAY)


def unique_items_added(p: Pair) -> Iterator[Delta]:
    if p.new.get("uniqueItems") is True and p.old.get("uniqueItems") is not True:
        yield delta(("uniqueItems",), get(p.old, "uniqueItems"), True, Effects.NARROWING)


def unique_items_removed(p: Pair) -> Iterator[Delta]:
    if p.old.get("uniqueItems") is True and p.new.get("uniqueItems") is not True:
        yield delta(("uniqueItems",), True, get(p.new, "uniqueItems"), Effects.WIDENING)


def items_added(p: Pair) -> Iterator[Delta]:
    old, new = get(p.old, "items"), get(p.new, "items")
    if old is ABSENT and new is not ABSENT and not is_trivial(new):
        yield delta(("items",), ABSENT, new, Effects.NARROWING)


def items_removed(p: Pair) -> Iterator[Delta]:
    old, new = get(p.old, "items"), get(p.new, "items")
    if new is ABSENT and old is not ABSENT and not is_trivial(old):
        yield delta(("items",), old, ABSENT, Effects.WIDENING)


def prefix_item_added(p: Pair) -> Iterator[Delta]:
    for i in range(prefix_length(p.old, p.new)):
        old, new = position(p.old, i), position(p.new, i)
        if old is ABSENT and new is not ABSENT and not is_trivial(new):
            yield delta(("prefixItems", i), ABSENT, new, Effects.NARROWING, index=i)


def prefix_item_removed(p: Pair) -> Iterator[Delta]:
    for i in range(prefix_length(p.old, p.new)):
        old, new = position(p.old, i), position(p.new, i)
        if new is ABSENT and old is not ABSENT and not is_trivial(old):
            yield delta(("prefixItems", i), old, ABSENT, Effects.WIDENING, index=i)
