"""Inclusion for arrays: lengths, positions (``prefixItems``/``items``/``unevaluatedItems``),
``contains`` with ``minContains``/``maxContains``, and ``uniqueItems``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from embedding_contract.diff.semantic.budget import Undecided
from embedding_contract.diff.semantic.normalise import Atom

Sub = Callable[[Any, Any], bool]



def prefix_length(atom: Atom) -> int:
    return max((len(p["prefixItems"]) for p in atom.parts
                if isinstance(p.get("prefixItems"), list)), default=0)


def position(atom: Atom, index: int) -> Any:
    """The schema every item at ``index`` must satisfy (a conjunction over the parts)."""
    schemas = []
    evaluated = False
    for part in atom.parts:
        raw = part.get("prefixItems")
        prefix: list[Any] = raw if isinstance(raw, list) else []
        if index < len(prefix):
            schemas.append(prefix[index])
            evaluated = True
        elif "items" in part:
            schemas.append(part["items"])
            evaluated = True
    if not evaluated:
        unevaluated = atom.keywords("unevaluatedItems")
        if unevaluated and atom.keywords("contains"):
            raise Undecided("unevaluatedItems next to contains")
        schemas.extend(unevaluated)
    if not schemas:
        return True
    if any(s is False for s in schemas):
        return False
    return schemas[0] if len(schemas) == 1 else {"allOf": schemas}


def lengths(atom: Atom) -> tuple[int, int | None]:
    lo = max(atom.counts("minItems"), default=0)
    highs = atom.counts("maxItems")
    hi = min(highs) if highs else None
    n = prefix_length(atom)
    for i in range(n + 1):
        if hi is not None and i >= hi:
            break
        if position(atom, i) is False:
            hi = i if hi is None else min(hi, i)
            break
    return lo, hi


def _contains(atom: Atom) -> list[tuple[Any, int, int | None]]:
    out = []
    for part in atom.parts:
        if "contains" in part:
            low = part.get("minContains", 1)
            high = part.get("maxContains")
            out.append((part["contains"], int(low) if isinstance(low, int) else 1,
                        int(high) if isinstance(high, int) else None))
    return out


def array_included(a: Atom, b: Atom, sub: Sub) -> bool:
    alo, ahi = lengths(a)
    blo, bhi = lengths(b)
    if ahi is not None and alo > ahi:
        return True  # A holds no array
    if alo < blo or (bhi is not None and (ahi is None or ahi > bhi)):
        return False
    n = max(prefix_length(a), prefix_length(b))
    for i in range(n + 1):
        if ahi is not None and i >= ahi:
            break
        if not sub(position(a, i), position(b, i)):
            return False
    if any(v is True for v in b.keywords("uniqueItems")) and not (
            any(v is True for v in a.keywords("uniqueItems")) or (ahi is not None and ahi <= 1)):
        return False
    for schema, low, high in _contains(b):
        if low > 0 and not _guaranteed(a, schema, low, alo, n, sub):
            return False
        if high is not None and not _bounded(a, schema, high, ahi, sub):
            return False
    return True


def _guaranteed(a: Atom, schema: Any, low: int, alo: int, n: int, sub: Sub) -> bool:
    """Does every array of A hold at least ``low`` items matching ``schema``?"""
    if any(m >= low and sub(s, schema) for s, m, _ in _contains(a)):
        return True
    count = 0
    for i in range(alo):
        if sub(position(a, min(i, n)), schema):
            count += 1
    return count >= low


def _bounded(a: Atom, schema: Any, high: int, ahi: int | None, sub: Sub) -> bool:
    """Does every array of A hold at most ``high`` items matching ``schema``?"""
    if ahi is not None and ahi <= high:
        return True
    return any(m is not None and m <= high and sub(schema, s) for s, _, m in _contains(a))
