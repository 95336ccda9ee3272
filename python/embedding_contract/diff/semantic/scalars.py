"""Inclusion for numbers and strings, and the finite sets small atoms stand for.

Numbers are I-JSON doubles: finite, so a bound at or past the largest double excludes nothing
(``maximum: 1.7976931348623157e308`` is no bound). Bounds and ``multipleOf`` are exact fractions
of their decimal text. Strings compare lengths and patterns (automata, :mod:`.patterns`);
``format`` is an annotation unless the comparison asserts formats, then a format the writer does
not already have is a difference.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from embedding_contract.diff.keywords import is_number
from embedding_contract.diff.semantic.normalise import Atom, is_integral
from embedding_contract.diff.semantic.patterns import included

DOUBLE_MAX = Fraction(repr(sys.float_info.max))  # as exact() reads the bound
SMALL = 32


def exact(value: Any) -> Fraction:
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


@dataclass(frozen=True)
class Interval:
    """Bounds of a number atom; None is unbounded; ``*_open`` marks exclusive bounds."""

    lo: Fraction | None
    lo_open: bool
    hi: Fraction | None
    hi_open: bool
    integer: bool
    multiples: tuple[Fraction, ...]


def interval(atom: Atom) -> Interval:
    lo: Fraction | None = None
    hi: Fraction | None = None
    lo_open = hi_open = False
    for part in atom.parts:
        for key, is_open in (("minimum", False), ("exclusiveMinimum", True)):
            if is_number(part.get(key)):
                v = exact(part[key])
                if lo is None or v > lo or (v == lo and is_open):
                    lo, lo_open = v, is_open
        for key, is_open in (("maximum", False), ("exclusiveMaximum", True)):
            if is_number(part.get(key)):
                v = exact(part[key])
                if hi is None or v < hi or (v == hi and is_open):
                    hi, hi_open = v, is_open
    if lo is not None and (lo < -DOUBLE_MAX or (lo == -DOUBLE_MAX and not lo_open)):
        lo, lo_open = None, False
    if hi is not None and (hi > DOUBLE_MAX or (hi == DOUBLE_MAX and not hi_open)):
        hi, hi_open = None, False
    multiples = tuple(exact(m) for m in atom.keywords("multipleOf") if is_number(m) and m > 0)
    integer = atom.integer or any(m.denominator == 1 for m in multiples)
    if integer:
        if lo is not None:
            lo, lo_open = Fraction(math.floor(lo) + 1 if lo_open else math.ceil(lo)), False
        if hi is not None:
            hi, hi_open = Fraction(math.ceil(hi) - 1 if hi_open else math.floor(hi)), False
    return Interval(lo, lo_open, hi, hi_open, integer, multiples)


def number_included(a: Atom, b: Atom) -> bool:
    x, y = interval(a), interval(b)
    if y.lo is not None and (x.lo is None or x.lo < y.lo or (x.lo == y.lo and y.lo_open
                                                               and not x.lo_open)):
        return False
    if y.hi is not None and (x.hi is None or x.hi > y.hi or (x.hi == y.hi and y.hi_open
                                                               and not x.hi_open)):
        return False
    if y.integer and not x.integer:
        return False
    for m in y.multiples:
        if not (any((k / m).denominator == 1 for k in x.multiples)
                or (x.integer and (1 / m).denominator == 1)):
            return False
    return True


def string_bounds(atom: Atom) -> tuple[int, int | None]:
    lo = max([int(v) for v in atom.keywords("minLength") if is_number(v)], default=0)
    highs = [int(v) for v in atom.keywords("maxLength") if is_number(v)]
    return lo, (min(highs) if highs else None)


def patterns_of(atom: Atom) -> tuple[str, ...]:
    return tuple(sorted({p for p in atom.keywords("pattern") if isinstance(p, str)}))


def string_included(a: Atom, b: Atom, formats: bool) -> bool:
    (alo, ahi), (blo, bhi) = string_bounds(a), string_bounds(b)
    if alo < blo or (bhi is not None and (ahi is None or ahi > bhi)):
        return False
    if formats and not set(b.keywords("format")) <= set(a.keywords("format")):
        return False
    left = patterns_of(a)
    return all(included(left, p) for p in patterns_of(b))


def finite(atom: Atom) -> list[Any] | None:
    """The values of an atom that can hold only a few (a superset, to be validated), or None."""
    if atom.values is not None:
        return list(atom.values)
    if atom.type == "null":
        return [None]
    if atom.type == "boolean":
        return [True, False]
    if atom.type == "number":
        x = interval(atom)
        if x.lo is not None and x.hi is not None:
            if x.lo == x.hi and not x.lo_open and not x.hi_open:
                return [_plain(x.lo)]
            if x.integer and x.hi - x.lo <= SMALL:
                return [int(x.lo) + i for i in range(int(x.hi - x.lo) + 1)]
        return None
    if atom.type == "string":
        return [""] if string_bounds(atom)[1] == 0 else None
    if atom.type == "array":
        return [[]] if any(is_number(v) and v == 0 for v in atom.keywords("maxItems")) else None
    if any(is_number(v) and v == 0 for v in atom.keywords("maxProperties")):
        return [{}]
    return None


def _plain(value: Fraction) -> Any:
    return int(value) if value.denominator == 1 else float(value)


def integral_values(values: list[Any]) -> bool:
    return all(is_integral(v) for v in values)
