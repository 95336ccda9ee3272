"""Rules about the contract's own vocabulary: ``x-contract-*`` portable rules added, removed or
changed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.keywords import canonical
from embedding_contract.diff.rules.rule import delta, get
from embedding_contract.diff.walk import Delta, Pair
from embedding_contract.vocabulary import VOCABULARY

KEYWORDS = tuple(VOCABULARY)


def _atoms(keyword: str, argument: Any) -> dict[str, Any] | None:
    """A vocabulary declaration as a set of independent rules (canonical -> rule), or None when
    its argument is malformed."""
    try:
        rules = VOCABULARY[keyword].from_argument(argument)
    except (KeyError, TypeError, ValueError):
        return None
    atoms: dict[str, Any] = {}
    for r in rules:
        for part in r.parts():
            atoms[canonical([part.RULE, part.argument()])] = part
    return atoms


_EFFECTS = {"added": Effects.NARROWING, "removed": Effects.WIDENING,
            "changed": Effects.BOTH_WAYS}


def _contract_change(p: Pair, which: str) -> Iterator[Delta]:
    for keyword in sorted(VOCABULARY):
        old, new = get(p.old, keyword), get(p.new, keyword)
        if canonical(old) == canonical(new):
            continue
        old_atoms = {} if old is ABSENT else _atoms(keyword, old)
        new_atoms = {} if new is ABSENT else _atoms(keyword, new)
        if old_atoms is None or new_atoms is None:
            if which == "changed":
                yield delta((keyword,), old, new, Effects.UNKNOWN, keyword=keyword, added=[],
                            removed=[])
            continue
        added = [new_atoms[k] for k in sorted(set(new_atoms) - set(old_atoms))]
        removed = [old_atoms[k] for k in sorted(set(old_atoms) - set(new_atoms))]
        kind = ("changed" if added and removed else "added" if added
                else "removed" if removed else None)
        if kind == which:
            yield delta((keyword,), old, new, _EFFECTS[kind], keyword=keyword, added=added,
                        removed=removed)


def contract_rule_added(p: Pair) -> Iterator[Delta]:
    yield from _contract_change(p, "added")


def contract_rule_removed(p: Pair) -> Iterator[Delta]:
    yield from _contract_change(p, "removed")


def contract_rule_changed(p: Pair) -> Iterator[Delta]:
    yield from _contract_change(p, "changed")
