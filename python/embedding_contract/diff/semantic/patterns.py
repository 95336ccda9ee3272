"""ECMA-262 patterns: matching through ``regress``, languages through ``interegular`` automata.

Matching (is this string accepted?) is exact: ``regress`` implements ECMA-262. Inclusion between
patterns needs automata: ``interegular`` builds a DFA from Python-style syntax without anchors,
so a pattern is translated first (``\\cX`` and ``\\d`` to explicit classes, ``^``/``$`` at the
ends of each top-level alternative to a full match, an unanchored end to ``[\\s\\S]*``). A
pattern outside that subset (back-references, look-arounds, inner anchors) raises
:class:`Undecided` with the reason; every automaton operation is bounded by a state budget.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import interegular
import regress

from embedding_contract.diff.semantic.budget import Undecided

MAX_STATES = 2000
MAX_REPEAT = 200
MAX_LENGTH = 1000
ANY = r"[\s\S]*"
_REPEAT = re.compile(r"(?<!\\)\{(\d+)(?:,(\d*))?\}")


@functools.lru_cache(maxsize=512)
def compiled(pattern: str) -> Any:
    """The ECMA-262 regex (unicode mode, as JSON Schema asks); None when it does not compile."""
    try:
        return regress.Regex(pattern, "u")
    except Exception:
        try:
            return regress.Regex(pattern)
        except Exception:
            return None


_NESTED = re.compile(r"\([^()]*[*+}][^()]*\)[*+{]")
RISKY_LENGTH = 24


def matches(pattern: str, text: str) -> bool:
    """Does ``pattern`` (ECMA-262, unanchored search) accept ``text``? A nested quantifier
    (``(a+)+``) against a longer text would backtrack exponentially: Undecided instead."""
    if len(text) > RISKY_LENGTH and _NESTED.search(pattern):
        raise Undecided(f"pattern {pattern!r} may backtrack without bound on a long string")
    regex = compiled(pattern)
    return regex is not None and regex.find(text) is not None


def hazard(pattern: str) -> str | None:
    """Why running ``pattern`` (Python ``re``, ``regress``) or building strings for it could take
    unbounded time or memory, or None: a repetition count above MAX_REPEAT, a nested quantifier
    (exponential backtracking), or more than MAX_LENGTH characters. Neither engine can be
    interrupted, so such a pattern is never run on generated strings: unknown, over budget."""
    if len(pattern) > MAX_LENGTH:
        return f"pattern longer than {MAX_LENGTH} characters"
    if any(int(m.group(1)) > MAX_REPEAT or int(m.group(2) or 0) > MAX_REPEAT
           for m in _REPEAT.finditer(pattern)):
        return f"pattern {pattern[:80]!r} repeats more than {MAX_REPEAT} times"
    if _NESTED.search(pattern):
        return f"pattern {pattern[:80]!r} has a nested quantifier (may backtrack without bound)"
    return None


def valid(pattern: str) -> bool:
    return compiled(pattern) is not None


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (outside groups and classes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _translate_escapes(body: str) -> str:
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt == "c" and i + 2 < len(body) and body[i + 2].isalpha():
                out.append(f"\\x{ord(body[i + 2]) % 32:02x}")
                i += 3
                continue
            if nxt in "123456789" or nxt in "bBk":
                raise Undecided(f"pattern {body!r} uses a back-reference or word boundary")
            if nxt == "d":
                out.append("[0-9]")
            elif nxt == "D":
                out.append("[^0-9]")
            else:
                out.append(body[i:i + 2])
            i += 2
            continue
        if c in "^$":
            raise Undecided(f"pattern {body!r} has an anchor inside")
        if c == "(" and body[i + 1:i + 3] in ("?=", "?!", "?<"):
            raise Undecided(f"pattern {body!r} uses a look-around")
        out.append(c)
        i += 1
    return "".join(out)


def _alternative(alt: str) -> str:
    start = alt.startswith("^")
    body = alt[1:] if start else alt
    end = body.endswith("$") and not body.endswith("\\$")
    body = body[:-1] if end else body
    body = _translate_escapes(body)
    return ("" if start else ANY) + f"(?:{body})" + ("" if end else ANY)


@functools.lru_cache(maxsize=256)
def language(pattern: str) -> Any:
    """The DFA of the strings ``pattern`` accepts (search semantics)."""
    if len(pattern) > MAX_LENGTH:
        raise Undecided(f"a pattern longer than {MAX_LENGTH} characters")
    if any(int(m.group(1)) > MAX_REPEAT or ((m.group(2) or "0").isdigit()
           and int(m.group(2) or 0) > MAX_REPEAT) for m in _REPEAT.finditer(pattern)):
        raise Undecided(f"pattern {pattern!r} repeats more than {MAX_REPEAT} times")
    if compiled(pattern) is None:
        raise Undecided(f"pattern {pattern!r} is not an ECMA-262 regex")
    python = "|".join(_alternative(a) for a in _split_top(pattern))
    try:
        fsm = interegular.parse_pattern(python).to_fsm()
    except Exception as exc:
        raise Undecided(f"pattern {pattern!r} is outside the automaton subset ({exc})") from exc
    if len(fsm.states) > MAX_STATES:
        raise Undecided(f"pattern {pattern!r} needs more than {MAX_STATES} automaton states")
    return fsm


def conjunction(patterns: tuple[str, ...]) -> Any:
    fsm = language(ANY_PATTERN)
    for p in patterns:
        fsm = fsm & language(p)
        if len(fsm.states) > MAX_STATES:
            raise Undecided("pattern intersection over the automaton budget")
    return fsm


ANY_PATTERN = ""


def included(left: tuple[str, ...], right: str) -> bool:
    """Does every string all of ``left`` accept also match ``right``?"""
    if right in left or right == "":
        return True
    return bool(conjunction(left).issubset(language(right)))


def samples(patterns: tuple[str, ...], limit: int = 8) -> list[str]:
    """A few strings that every pattern accepts (shortest first), checked with regress."""
    try:
        fsm = conjunction(patterns)
    except Undecided:
        return []
    out: list[str] = []
    try:
        for n, chars in enumerate(fsm.strings()):
            if n > 200 or len(out) >= limit:
                break
            text = "".join(c if isinstance(c, str) else "a" for c in chars)
            if all(matches(p, text) for p in patterns):
                out.append(text)
    except Exception:
        return out
    return out


def literal(text: str) -> Any:
    """The automaton of exactly ``text``."""
    escaped = "".join(f"\\x{ord(c):02x}" if ord(c) < 256 else c for c in text)
    return interegular.parse_pattern(escaped).to_fsm()
