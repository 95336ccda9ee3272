"""The inclusion prover: does every instance of schema A validate against schema B?

``sub`` answers True only with a proof; False means "not proved" (the witness search then looks
for an instance that shows the break); :class:`Undecided` means the question left what the core
decides. Recursion through the instance (a property or an item referring back) is coinductive: a
pair of schemas met again while being compared is assumed included, which is sound for the
greatest fixed point the validators compute over finite instances.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from embedding_contract.diff.semantic.arrays import array_included, lengths
from embedding_contract.diff.semantic.budget import Budget, Undecided
from embedding_contract.diff.semantic.normalise import Atom, Normaliser, json_type, meet_atom
from embedding_contract.diff.semantic.objects import ObjectCheck, key_schema, required
from embedding_contract.diff.semantic.scalars import (
    finite,
    interval,
    number_included,
    string_bounds,
    string_included,
)
from embedding_contract.diff.semantic.side import Side

MAX_DEPTH = 48


class Prover:
    def __init__(self, left: Side, right: Side, budget: Budget, formats: bool = False) -> None:
        self.left, self.right = left, right
        self.norm_left = Normaliser(left.document, budget, left.normal_forms)
        self.norm_right = Normaliser(right.document, budget, right.normal_forms)
        self.budget = budget
        self.formats = formats
        self.assumed: set[tuple[int, int]] = set()
        self.reasons: list[str] = []
        self._depth = 0
        self._objects = ObjectCheck(self.sub, self._key_ok)

    def sub(self, a: Any, b: Any) -> bool:
        self.budget.spend()
        if b is True or (isinstance(b, Mapping) and not _constraining(b)):
            return True
        if a is False:
            return True
        key = (id(a), id(b))
        if key in self.assumed:
            return True
        if self._depth > MAX_DEPTH:
            raise Undecided(f"schemas nest deeper than {MAX_DEPTH} levels")
        self.assumed.add(key)
        self._depth += 1
        try:
            left = self.norm_left.union(a)
            right = self.norm_right.union(b)
            return all(self._atom(atom, right, a, b) for atom in left)
        finally:
            self._depth -= 1
            self.assumed.discard(key)

    def _atom(self, a: Atom, right: tuple[Atom, ...], a_raw: Any, b_raw: Any) -> bool:
        values = finite(a)
        if values is not None:
            return self._values(values, a, right, a_raw, b_raw)
        undecided: Undecided | None = None
        for b in right:
            if b.type != a.type:
                continue
            try:
                if self._atom_atom(a, b):
                    return True
            except Undecided as exc:
                undecided = exc
        if undecided is not None:
            raise undecided
        return False

    def _values(self, values: list[Any], a: Atom, right: tuple[Atom, ...], a_raw: Any,
                b_raw: Any) -> bool:
        types = {b.type for b in right}
        free = {b.type for b in right if b.free}
        for v in values:
            if json_type(v) in free:
                continue  # the reader takes every value of this type
            if self.left.valid(v, a_raw) is False:
                continue
            if json_type(v) not in types:
                return False
            verdict = self.right.valid(v, b_raw)
            if verdict is None:
                raise Undecided("a validator does not terminate on this recursive schema")
            if not verdict:
                return False
        return True

    def _atom_atom(self, a: Atom, b: Atom) -> bool:
        if b.values is not None:
            return False  # A's atom is infinite here
        if not self._kind(a, b):
            return False
        return all(self._disjoint(a, union) for union in b.nots)

    def _kind(self, a: Atom, b: Atom) -> bool:
        if a.type == "number":
            return number_included(a, b)
        if a.type == "string":
            return string_included(a, b, self.formats)
        if a.type == "array":
            return array_included(a, b, self.sub)
        if a.type == "object":
            return self._objects.included(a, b)
        return True

    def _disjoint(self, a: Atom, union: tuple[Atom, ...]) -> bool:
        """Provably no instance in both ``a`` and ``union`` (which B excludes)."""
        for n in union:
            both = meet_atom(a, n)
            if both is not None and not self._empty(both):
                return False
        return True

    def _empty(self, atom: Atom) -> bool:
        """Provably no instance (False: maybe some)."""
        if atom.type == "number":
            x = interval(atom)
            return x.lo is not None and x.hi is not None and (
                x.lo > x.hi or (x.lo == x.hi and (x.lo_open or x.hi_open)))
        if atom.type == "string":
            lo, hi = string_bounds(atom)
            return hi is not None and lo > hi
        if atom.type == "array":
            lo, hi = lengths(atom)
            return hi is not None and lo > hi
        if atom.type == "object":
            req = required(atom)
            caps = [v for v in atom.keywords("maxProperties") if isinstance(v, int)]
            return (any(key_schema(atom, k) is False or self._key_ok(atom, k, True) is False
                        for k in req) or bool(caps and min(caps) < len(req)))
        return False

    def _key_ok(self, atom: Atom, key: str | None, left: bool) -> bool | None:
        side = self.left if left else self.right
        pns = atom.keywords("propertyNames")
        if not pns:
            return True
        if key is None:
            for pn in pns:
                if pn is False or (isinstance(pn, Mapping) and ("enum" in pn or "const" in pn)):
                    return False
            return None
        verdicts = [side.valid(key, pn) for pn in pns]
        if any(v is False for v in verdicts):
            return False
        return True if all(verdicts) else None


def _constraining(schema: Mapping[str, Any]) -> bool:
    return any(not (k in _FREE or k.startswith("x-")) for k in schema)


_FREE = frozenset({"title", "description", "examples", "$comment", "deprecated", "readOnly",
                   "writeOnly", "default", "$schema", "$id", "$defs", "definitions", "$anchor",
                   "format"})
