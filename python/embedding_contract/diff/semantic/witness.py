"""Witnesses: instances valid under the writer's schema and rejected by the reader's.

Candidates are built from the normal form of either schema (bounds and their neighbours, pattern
samples, required keys, each optional key, an unnamed key, tuple positions, duplicates), at most
:data:`MAX_CANDIDATES` and :data:`MAX_DEPTH` levels deep; each is checked by python-jsonschema and
jsonschema-rs on the schemas as written. A validator that cannot tell (a reference cycle it does
not end) does not veto the other's verdict; one that disagrees does.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from embedding_contract.diff.semantic import arrays, objects
from embedding_contract.diff.semantic.budget import Budget, Undecided
from embedding_contract.diff.semantic.normalise import Atom, Normaliser, json_type
from embedding_contract.diff.semantic.patterns import samples
from embedding_contract.diff.semantic.scalars import (
    finite,
    interval,
    patterns_of,
    string_bounds,
)
from embedding_contract.diff.semantic.side import Side

MAX_CANDIDATES = 400
MAX_DEPTH = 4
PER_NODE = 12
_BASICS: list[Any] = [None, True, False, 0, 1, -1, 0.5, "", "a", [], {}]
_PLAIN: dict[str, tuple[Any, ...]] = {"number": (0, 1, -1, 0.5), "string": ("", "a"),
                                      "array": ([], [0]), "object": ({}, {"x": 0})}


@dataclass
class Hints:
    """Keys and scalars either schema mentions anywhere: candidates built from one schema
    try the other's keys and values too."""

    keys: list[str] = field(default_factory=list)
    scalars: list[Any] = field(default_factory=list)

    def collect(self, node: Any) -> Hints:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key in ("properties", "dependentRequired", "dependentSchemas"):
                    self.keys += [k for k in value if isinstance(k, str)] \
                        if isinstance(value, Mapping) else []
                elif key == "patternProperties" and isinstance(value, Mapping):
                    for p in value:
                        self.keys += samples((p,), 2)
                elif key == "required" and isinstance(value, list):
                    self.keys += [k for k in value if isinstance(k, str)]
                elif key == "const":
                    self.scalars.append(value)
                elif key == "enum" and isinstance(value, list):
                    self.scalars += value
                elif key in _BOUNDS and isinstance(value, (int, float)):
                    self.scalars += [value, value + 1, value - 1]
                self.collect(value)
        elif isinstance(node, list):
            for item in node:
                self.collect(item)
        return self


_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


class Generator:
    def __init__(self, side: Side, budget: Budget, hints: Hints | None = None) -> None:
        self.norm = Normaliser(side.document, budget, side.normal_forms)
        self.budget = budget
        self.hints = hints or Hints()
        self._memo: dict[tuple[int, int], list[Any]] = {}
        self._keep: list[Any] = []

    def values(self, schema: Any, depth: int = 0) -> list[Any]:
        key = (id(schema), depth)
        if key not in self._memo:
            self._keep.append(schema)
            self._memo[key] = self._values(schema, depth)
        return self._memo[key]

    def _values(self, schema: Any, depth: int) -> list[Any]:
        out: list[Any] = []
        try:
            union = self.norm.union(schema)
        except Undecided:
            return list(_BASICS)
        for atom in union:
            out.extend(self._atom(atom, depth))
        return _dedupe(out)[:PER_NODE * 4 if depth == 0 else PER_NODE]

    def _atom(self, atom: Atom, depth: int) -> list[Any]:
        small = finite(atom)
        if small is not None:
            return small[:PER_NODE]
        if depth > 0 and atom.free:
            return list(_PLAIN[atom.type])  # an unconstrained value: a few of its type
        hinted = [v for v in self.hints.scalars if json_type(v) == atom.type][:PER_NODE]
        if atom.type == "number":
            return _numbers(atom) + hinted
        if atom.type == "string":
            return _strings(atom) + hinted
        if depth >= MAX_DEPTH:
            return [[]] if atom.type == "array" else [{}]
        if atom.type == "array":
            return self._arrays(atom, depth)
        return self._objects(atom, depth)

    def _arrays(self, atom: Atom, depth: int) -> list[Any]:
        lo, hi = arrays.lengths(atom)
        n = arrays.prefix_length(atom)
        slots = [self.values(arrays.position(atom, i), depth + 1) or [None]
                 for i in range(max(n, lo) + 2)]
        base = [slots[i][0] for i in range(lo)]
        out: list[Any] = [base, [*base, slots[lo][0]]]
        for i in range(min(len(slots), lo + 2)):
            for alt in slots[i][:4]:
                arr = [slots[j][0] for j in range(max(lo, i + 1))]
                arr[i] = alt
                out.append(arr)
        if slots[0]:
            out.append([slots[0][0]] * max(2, lo))
        for part in atom.parts:
            if "contains" in part:
                for c in self.values(part["contains"], depth + 1)[:3]:
                    out += [[*base, c], [c, *base], [*base, c, c]]
        if hi is not None:
            out = [a for a in out if len(a) <= hi] + [base[:hi]]
        return out

    def _objects(self, atom: Atom, depth: int) -> list[Any]:
        req = sorted(objects.required(atom))
        base = {k: self._first(objects.key_schema(atom, k), depth) for k in req}
        out: list[Any] = [base]
        keys = sorted(objects.names(atom) - set(req))
        for pattern in sorted(objects.all_patterns(atom)):
            keys.extend(samples((pattern,), 2))
        keys += [*self.hints.keys[:16], "extra", "x"]
        for key in keys:
            schema = objects.key_schema(atom, key)
            if schema is False:
                continue
            for v in self.values(schema, depth + 1)[:4]:
                out.append({**base, key: v})
        for key in req:
            for v in self.values(objects.key_schema(atom, key), depth + 1)[1:5]:
                out.append({**base, key: v})
        return out

    def _first(self, schema: Any, depth: int) -> Any:
        found = self.values(schema, depth + 1)
        return found[0] if found else None


def _numbers(atom: Atom) -> list[Any]:
    x = interval(atom)
    points: list[Fraction] = [Fraction(0), Fraction(1), Fraction(-1), Fraction(1, 2)]
    for bound in (x.lo, x.hi):
        if bound is not None:
            points += [bound, bound + 1, bound - 1, bound + Fraction(1, 2), bound - Fraction(1, 2)]
    points += [m * k for m in x.multiples for k in (1, 2, 3)]
    if x.lo is not None and x.hi is not None:
        points.append((x.lo + x.hi) / 2)
    points += [Fraction(10**6), Fraction(-10**6)]
    out: list[Any] = []
    for p in points:
        if x.integer and p.denominator != 1:
            continue
        out.append(int(p) if p.denominator == 1 and abs(p) < 2**53 else float(p))
    return out


def _strings(atom: Atom) -> list[Any]:
    lo, hi = string_bounds(atom)
    pats = patterns_of(atom)
    out: list[str] = list(samples(pats, 6)) if pats else []
    lengths = [lo, lo + 1, max(lo - 1, 0)] + ([hi, hi + 1] if hi is not None else [lo + 8])
    for n in lengths:
        out.append("a" * n)
        out += [(s * (n // max(len(s), 1) + 1))[:n] for s in out[:2] if s]
    return [s for s in out if isinstance(s, str)]


def _dedupe(values: list[Any]) -> list[Any]:
    from embedding_contract.diff.keywords import canonical

    seen: dict[str, Any] = {}
    for v in values:
        seen.setdefault(canonical(v) + type(v).__name__, v)
    return list(seen.values())


def agree(writer: Side, reader: Side, instance: Any) -> bool:
    """Valid for the writer and rejected by the reader, by both validators (one may abstain)."""
    w, r = writer.oracle, reader.oracle
    fast_w, fast_r = w.rust(instance), r.rust(instance)  # the cheap validator first
    if fast_w is False or fast_r is True:
        return False
    verdicts_w = [w.python(instance), fast_w]
    verdicts_r = [r.python(instance), fast_r]
    if False in verdicts_w or True in verdicts_r:
        return False
    return True in verdicts_w and False in verdicts_r


def search(writer: Side, reader: Side, budget: Budget) -> Any:
    """A witness, or raise LookupError when none is found within the budget."""
    pool: list[Any] = []
    hints = Hints().collect(writer.root).collect(reader.root)
    hints.keys = _dedupe(hints.keys)
    hints.scalars = _dedupe(hints.scalars)
    for side in (writer, reader):
        gen = Generator(side, budget, hints)
        try:
            pool.extend(gen.values(side.root))
        except Undecided:
            continue
    for candidate in itertools.islice(_dedupe([*pool, *_BASICS]), MAX_CANDIDATES):
        budget.spend()
        if agree(writer, reader, candidate):
            return candidate
    raise LookupError("no witness")
