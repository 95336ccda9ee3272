"""What a diff rule is, and the small readers every rule module shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from embedding_contract.diff.findings import ABSENT, Effects
from embedding_contract.diff.keywords import type_atoms
from embedding_contract.diff.walk import Delta, Pair

Check = Callable[[Pair], Iterable[Delta]]


@dataclass(frozen=True)
class DiffRule:
    """One rule of the diff. ``keywords`` are those it understands (a change to any other is
    ``unknown-keyword-changed``); ``check`` is None for a document-level rule, which the engine
    emits itself (a schema file added or removed, the vocabulary meta-schema)."""

    id: str
    category: str
    doc: str
    keywords: tuple[str, ...]
    check: Check | None


def delta(at: tuple[Any, ...], old: Any, new: Any, effects: Effects, **hint: Any) -> Delta:
    """A change at keyword path ``at``; ``hint`` guides the witness search (and ``child`` names
    the property the change concerns, ``key`` tells two changes at one place apart)."""
    return Delta(at, old, new, effects, hint)


def get(node: Mapping[str, Any], key: str) -> Any:
    """The value of ``key``, or ABSENT."""
    return node.get(key, ABSENT)


ANY_KIND = frozenset({"null", "boolean", "object", "array", "string", "integer", "fraction"})
NUMBERS = frozenset({"integer", "fraction"})


def kinds(p: Pair) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds of value OLD and NEW admit here (every kind when ``type`` is absent)."""
    old, new = type_atoms(p.old), type_atoms(p.new)
    return (ANY_KIND if old is None else old), (ANY_KIND if new is None else new)


def applies(p: Pair, atoms: frozenset[str]) -> bool:
    """Can a keyword about ``atoms`` (strings, say) matter here on either side?"""
    old, new = kinds(p)
    return bool((old | new) & atoms)


def in_effect(p: Pair, atoms: frozenset[str], effects: Effects) -> Effects:
    """``effects`` where the keyword applies, else neutral (a string bound on a number)."""
    return effects if applies(p, atoms) else Effects.NEUTRAL
