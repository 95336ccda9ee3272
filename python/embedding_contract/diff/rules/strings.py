"""Rules about strings: length bounds, ``pattern``, ``format``."""

from __future__ import annotations

from collections.abc import Iterator

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.rules.bounds import count_change
from embedding_contract.diff.rules.rule import delta, get, in_effect
from embedding_contract.diff.walk import Delta, Pair

STRING = frozenset({"string"})


def min_length_tightened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "minLength", True, STRING)


def min_length_loosened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "minLength", False, STRING)


def max_length_tightened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "maxLength", True, STRING)


def max_length_loosened(p: Pair) -> Iterator[Delta]:
    yield from count_change(p, "maxLength", False, STRING)


def _pattern_change(p: Pair, wanted: Effects) -> Iterator[Delta]:
    old, new = get(p.old, "pattern"), get(p.new, "pattern")
    if old == new:
        return
    found = (Effects.NARROWING if old is ABSENT else Effects.WIDENING if new is ABSENT
             else Effects.BOTH_WAYS)
    if found == wanted:
        yield delta(("pattern",), old, new, in_effect(p, STRING, found))


def pattern_added(p: Pair) -> Iterator[Delta]:
    yield from _pattern_change(p, Effects.NARROWING)


def pattern_removed(p: Pair) -> Iterator[Delta]:
    yield from _pattern_change(p, Effects.WIDENING)


def pattern_changed(p: Pair) -> Iterator[Delta]:
    yield from _pattern_change(p, Effects.BOTH_WAYS)


def format_changed(p: Pair) -> Iterator[Delta]:
    old, new = get(p.old, "format"), get(p.new, "format")
    if old != new:
        yield delta(("format",), old, new, Effects.UNKNOWN)
