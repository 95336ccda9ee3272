"""Strings for a regular expression, to build witnesses for ``pattern`` changes.

A small, deterministic enumeration over Python's parse of the pattern: each literal, both ends of
each character range, zero, one or the minimum repetitions, every alternative. Candidates are
kept only when ``re.search`` agrees, so look-arounds and back-references at worst yield fewer
candidates, never wrong ones.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as const  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as const  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

LIMIT = 48
MAX_TEXT = 1000  # no candidate is longer: a repetition is never materialised beyond it
GENERIC = ("", "a", "A", "0", "_", "-", ".", " ", "a0", "aa", "Z9", "a-b", "a_v1", "0_v0")
_POOL = "aA0_-. z9"
_CATEGORIES = {"CATEGORY_DIGIT": "09", "CATEGORY_NOT_DIGIT": "a_", "CATEGORY_WORD": "a_0",
               "CATEGORY_NOT_WORD": "-.", "CATEGORY_SPACE": " ", "CATEGORY_NOT_SPACE": "a0"}


def _cap(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))[:LIMIT]


def _charset(items: Any) -> list[str]:
    chars: list[str] = []
    negate = False
    for op, arg in items:
        name = str(op)
        if op is const.NEGATE:
            negate = True
        elif op is const.LITERAL:
            chars.append(chr(arg))
        elif op is const.RANGE:
            chars += [chr(arg[0]), chr(arg[1])]
        elif name == "CATEGORY":
            chars += list(_CATEGORIES.get(str(arg), ""))
    if negate:
        excluded = set(chars)
        return [c for c in _POOL if c not in excluded] + [c for c in "bB1" if c not in excluded]
    return chars


def _sequence(nodes: Any) -> list[str]:
    out = [""]
    for op, arg in nodes:
        options = _node(op, arg)
        if not options:
            return []
        out = _cap([a + b for a, b in itertools.product(out, options)
                    if len(a) + len(b) <= MAX_TEXT])
    return out


def _node(op: Any, arg: Any) -> list[str]:
    if op is const.LITERAL:
        return [chr(arg)]
    if op is const.NOT_LITERAL:
        return [c for c in "ab" if ord(c) != arg][:1]
    if op is const.ANY:
        return ["a", "0"]
    if op is const.IN:
        return _charset(arg)
    if op in (const.MAX_REPEAT, const.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
        low, high, sub = arg
        inner = _sequence(sub)
        counts = sorted({low, min(low + 1, high), min(max(low, 2), high)})
        return _cap([s * n for n in counts for s in (inner or [""])[:4]
                     if len(s) * n <= MAX_TEXT])
    if op is const.SUBPATTERN:
        return _sequence(arg[-1])
    if op is const.BRANCH:
        return _cap([s for branch in arg[1] for s in _sequence(branch)])
    if op is const.AT:
        return [""]
    return [""]  # look-arounds, back-references: let re.search decide


@functools.lru_cache(maxsize=256)
def examples(pattern: str) -> tuple[str, ...]:
    """Strings ``re.search(pattern, s)`` accepts (possibly none); none for a pattern with a
    hazard (``patterns.hazard``), which is never run on generated strings."""
    from embedding_contract.diff.semantic.patterns import hazard

    if hazard(pattern) is not None:
        return ()
    try:
        compiled = re.compile(pattern)
        proposed = _sequence(parser.parse(pattern))
    except (re.error, RecursionError, TypeError, ValueError):
        return ()
    return tuple(s for s in _cap([*proposed, *GENERIC]) if compiled.search(s))


def example(pattern: str | None, avoid: str | None) -> str | None:
    """A string matching ``pattern`` (anything if None) but not ``avoid`` (nothing if None)."""
    candidates = examples(pattern) if pattern is not None else GENERIC
    try:
        other = re.compile(avoid) if avoid is not None else None
    except re.error:
        return None
    return next((s for s in candidates if other is None or other.search(s) is None), None)
