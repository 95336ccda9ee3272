"""Rules for what the diff cannot judge: a new dialect, a changed keyword no rule understands.
Both fail closed (possibly breaking both ways)."""

from __future__ import annotations

from collections.abc import Iterator

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.keywords import canonical
from embedding_contract.diff.references import expand
from embedding_contract.diff.rules.rule import delta, get
from embedding_contract.diff.walk import Delta, Pair

STRUCTURAL = frozenset({"properties", "items", "prefixItems", "additionalProperties", "anyOf",
                        "oneOf", "allOf", "not", "$ref", "$defs", "definitions"})
"""Keywords the walk descends through itself (rules report their additions and removals)."""


def dialect_changed(p: Pair) -> Iterator[Delta]:
    old, new = get(p.old, "$schema"), get(p.new, "$schema")
    if old != new:
        yield delta(("$schema",), old, new, Effects.UNKNOWN)


def unknown_keyword_changed(p: Pair, understood: frozenset[str]) -> Iterator[Delta]:
    """Each keyword outside ``understood`` that changed, compared with its ``$ref``s expanded."""
    for keyword in sorted((set(p.old) | set(p.new)) - understood):
        old, new = get(p.old, keyword), get(p.new, keyword)
        old_x = old if old is ABSENT else expand(old, p.old_doc)
        new_x = new if new is ABSENT else expand(new, p.new_doc)
        if canonical(old_x) != canonical(new_x):
            yield delta((keyword,), old, new, Effects.UNKNOWN, keyword=keyword)
