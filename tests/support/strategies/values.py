"""Leaf values: valid ones for each shape, and the near-misses people type for fields."""

from __future__ import annotations

import math

from hypothesis import strategies as st

from tests.support.strategies.shapes import Integer, Number, String

# Strings that other tools read as something else: numbers, booleans, null, YAML syntax,
# environment variables, whitespace and non-ASCII.
TRICKY_STRINGS = (
    "1e-3", "1_000", "007", "0x1F", "8", " 8 ", "-1", "inf", "nan", "NaN", "true", "yes", "no",
    "null", "~", "$USER", "${HOME}", "$$", "a: b", "#x", "- x", "[1]", "{}", "é", "名前",
    "١٢٣", "tab\there", "line\nbreak", "trailing\n", " ", "\u2028", "\x00", "\U0001f600",
)

# Strings that look like numbers, for number fields (fidelity rows 1 and 3: lax coercions).
NUMERIC_STRINGS = ("8", " 8 ", "1_000", "0.5", "1e3", "-1", "inf", "-inf", "nan", "Infinity",
                   "١٢٣", "0x10", "64.0", "")

# Characters of every category except surrogates, which no UTF-8 text can carry.
_CHARACTERS = st.characters(codec="utf-8")


def text(min_size: int = 0, hints: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    """Unicode text, tricky strings and ``hints`` (realistic values), all ``min_size`` or longer."""
    pools = [tuple(s for s in pool if len(s) >= min_size) for pool in (hints, TRICKY_STRINGS)]
    return st.one_of([st.sampled_from(pool) for pool in pools if pool]
                     + [st.text(_CHARACTERS, min_size=min_size, max_size=16)])


def integers(shape: Integer) -> st.SearchStrategy[int | float]:
    """Integers in bounds, often at a bound, also written as whole floats (``64.0``)."""
    lo, hi = shape.minimum, shape.maximum
    edges = st.sampled_from(sorted({v for v in (lo, lo + 1, hi - 1, hi) if lo <= v <= hi}))
    near, anywhere = st.integers(lo, min(hi, lo + 4096)), st.integers(lo, hi)
    # One layer of one_of (each layer of strategies costs time on every draw).
    return st.one_of(near, edges, anywhere, near.map(float), edges.map(float))


def numbers(shape: Number) -> st.SearchStrategy[int | float]:
    """Finite floats in bounds, and integers (a float field takes them)."""
    lo, hi = shape.minimum, shape.maximum
    floats = st.floats(min_value=lo, max_value=hi, exclude_max=shape.exclusive_maximum,
                       allow_nan=False, allow_infinity=False)
    # Integers for a float field stay in the I-JSON range: a bound such as the largest double
    # would otherwise draw 300-digit integers, which no config writes.
    safe = 2**53 - 1
    int_lo = max(-safe, math.ceil(lo)) if lo is not None else -safe
    int_hi = safe if hi is None else min(safe, math.ceil(hi) - 1 if shape.exclusive_maximum
                                         else math.floor(hi))
    edges = [v for v in (lo, hi) if v is not None and not (v == hi and shape.exclusive_maximum)]
    if hi is not None and shape.exclusive_maximum:
        edges.append(math.nextafter(hi, -math.inf))
    parts = [floats, st.integers(int_lo, int_hi)] if int_lo <= int_hi else [floats]
    if edges:
        parts.append(st.sampled_from(edges))
    return st.one_of(parts)


def strings(shape: String, hints: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    return text(shape.min_length, hints)
