"""Normalise a schema into a union of typed atoms (the canonical form the core compares).

An :class:`Atom` is one JSON type (``number`` with an ``integer`` flag) and a conjunction: the
own keywords of the schema objects it came from (``parts``), an optional finite value set
(``const``/``enum``) and negated unions (``nots``). ``$ref`` is resolved in the document's
registry; a reference met again before the instance is descended (``{"allOf": [{"$ref": "#"},
...]}``) is read as ``true``, the greatest fixed point, which is how jsonschema-rs evaluates such
schemas. ``allOf`` meets, ``anyOf`` joins, ``oneOf`` joins when its branches are disjoint and
is otherwise each branch minus the others, ``not`` complements, ``if``/``then``/``else`` is
``(if and then) or (not if and else)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from embedding_contract.diff.keywords import ANNOTATIONS, canonical, is_number
from embedding_contract.diff.references import SchemaDocument
from embedding_contract.diff.semantic.budget import Budget, Undecided

TYPES = ("null", "boolean", "number", "string", "array", "object")
APPLICATORS = frozenset({"$ref", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
                         "enum", "const", "type", "$defs", "definitions", "$dynamicRef"})
MAX_ATOMS = 64
_IGNORED = frozenset({"$schema", "$id", "$anchor", "$dynamicAnchor", "$vocabulary", "default",
                      "$comment", "contentMediaType", "contentEncoding", "contentSchema"})


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def is_integral(value: Any) -> bool:
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


@dataclass(frozen=True)
class Atom:
    type: str
    integer: bool = False
    parts: tuple[Mapping[str, Any], ...] = ()
    values: tuple[Any, ...] | None = None
    nots: tuple[tuple[Atom, ...], ...] = ()

    def keywords(self, name: str) -> list[Any]:
        """Every value of keyword ``name`` among the parts."""
        return [p[name] for p in self.parts if name in p]

    def counts(self, name: str) -> list[int]:
        """The numeric values of count keyword ``name`` (``minItems``...) among the parts."""
        return [int(v) for v in self.keywords(name) if is_number(v)]

    @property
    def free(self) -> bool:
        """Every value of its type: no value set, negation, or keyword about its type."""
        if self.values is not None or self.nots or self.integer:
            return False
        relevant = _TYPED.get(self.type, frozenset())
        return not any(k in relevant for p in self.parts for k in p)


ALL = tuple(Atom(t) for t in TYPES)
_TYPED = {
    "number": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                         "multipleOf"}),
    "string": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "array": frozenset({"items", "prefixItems", "contains", "minContains", "maxContains",
                        "minItems", "maxItems", "uniqueItems", "unevaluatedItems"}),
    "object": frozenset({"properties", "patternProperties", "additionalProperties", "required",
                         "propertyNames", "dependentRequired", "dependentSchemas",
                         "minProperties", "maxProperties", "unevaluatedProperties"}),
}


def _meet_values(a: tuple[Any, ...] | None, b: tuple[Any, ...] | None) -> tuple[Any, ...] | None:
    if a is None:
        return b
    if b is None:
        return a
    keys = {canonical(v) for v in b}
    return tuple(v for v in a if canonical(v) in keys)


def meet_atom(a: Atom, b: Atom) -> Atom | None:
    if a.type != b.type:
        return None
    if a in ALL:
        return b
    if b in ALL:
        return a
    values = _meet_values(a.values, b.values)
    if values is not None and not values:
        return None
    return Atom(a.type, a.integer or b.integer, a.parts + b.parts, values, a.nots + b.nots)


class Normaliser:
    """Normal forms of the schemas of one document (translated to 2020-12)."""

    def __init__(self, document: SchemaDocument, budget: Budget,
                 memo: dict[int, tuple[Any, tuple[Atom, ...]]] | None = None) -> None:
        self.document = document
        self.budget = budget
        self._stack: list[str] = []
        self._memo = {} if memo is None else memo

    def union(self, schema: Any) -> tuple[Atom, ...]:
        """The normal form of ``schema``; kept per schema object when no reference cycle is
        being unfolded (then it does not depend on where it was reached from)."""
        self.budget.spend()
        if self._stack or not isinstance(schema, Mapping):
            return self._union(schema)
        hit = self._memo.get(id(schema))
        if hit is not None and hit[0] is schema:
            return hit[1]
        atoms = self._union(schema)
        self._memo[id(schema)] = (schema, atoms)
        return atoms

    def _union(self, schema: Any) -> tuple[Atom, ...]:
        if schema is True or schema == {}:
            return ALL
        if schema is False:
            return ()
        if not isinstance(schema, Mapping):
            raise Undecided(f"not a schema: {schema!r}")
        own = {k: v for k, v in schema.items() if k not in APPLICATORS and k not in ANNOTATIONS
               and k not in _IGNORED and not k.startswith("x-")}
        atoms = self._typed(schema, own)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            atoms = self.meet(atoms, self._ref(ref))
        if "$dynamicRef" in schema:
            raise Undecided("$dynamicRef is not supported")
        for branch in _list(schema, "allOf"):
            atoms = self.meet(atoms, self.union(branch))
        if "anyOf" in schema:
            atoms = self.meet(atoms, self.join(self.union(b) for b in _list(schema, "anyOf")))
        if "oneOf" in schema:
            atoms = self.meet(atoms, self._one_of(_list(schema, "oneOf")))
        if "not" in schema:
            atoms = self.meet(atoms, self.complement(self.union(schema["not"])))
        if "if" in schema:
            test = self.union(schema["if"])
            then = self.union(schema.get("then", True))
            other = self.union(schema.get("else", True))
            atoms = self.meet(atoms, self.join(
                [self.meet(test, then), self.meet(self.complement(test), other)]))
        return atoms

    def _typed(self, schema: Mapping[str, Any], own: Mapping[str, Any]) -> tuple[Atom, ...]:
        declared = schema.get("type", list(TYPES))
        names = [declared] if isinstance(declared, str) else list(declared)
        atoms = []
        for t in TYPES:
            if t in names:
                atoms.append(Atom(t, False, (own,)))
            elif t == "number" and "integer" in names:
                atoms.append(Atom(t, True, (own,)))
        values: list[Any] | None = None
        if "const" in schema:
            values = [schema["const"]]
        if isinstance(schema.get("enum"), list):
            enum = schema["enum"]
            values = enum if values is None else [v for v in values if _in(v, enum)]
        if values is None:
            return tuple(atoms)
        out = []
        for atom in atoms:
            kept = tuple(v for v in values if json_type(v) == atom.type
                         and (not atom.integer or is_integral(v)))
            if kept:
                out.append(Atom(atom.type, atom.integer, atom.parts, kept))
        return tuple(out)

    def _ref(self, ref: str) -> tuple[Atom, ...]:
        if ref in self._stack:
            return ALL  # unguarded recursion: the greatest fixed point
        try:
            target, _ = self.document.resolve(ref)
        except Exception as exc:
            raise Undecided(f"unresolvable $ref {ref!r}") from exc
        self._stack.append(ref)
        try:
            return self.union(target)
        finally:
            self._stack.pop()

    def meet(self, left: tuple[Atom, ...], right: tuple[Atom, ...]) -> tuple[Atom, ...]:
        out = []
        for a in left:
            for b in right:
                m = meet_atom(a, b)
                if m is not None:
                    out.append(m)
        return self._capped(out)

    def join(self, unions: Any) -> tuple[Atom, ...]:
        out: list[Atom] = []
        for u in unions:
            out.extend(u)
        return self._capped(out)

    def complement(self, union: tuple[Atom, ...]) -> tuple[Atom, ...]:
        result: tuple[Atom, ...] = ALL
        for atom in union:
            result = self.meet(result, _negate(atom))
        return result

    def _one_of(self, branches: list[Any]) -> tuple[Atom, ...]:
        unions = [self.union(b) for b in branches]
        if all(_disjoint(unions[i], unions[j])
               for i in range(len(unions)) for j in range(i + 1, len(unions))):
            return self.join(unions)
        out = []
        for i, u in enumerate(unions):
            part = u
            for j, other in enumerate(unions):
                if j != i:
                    part = self.meet(part, self.complement(other))
            out.append(part)
        return self.join(out)

    def _capped(self, atoms: list[Atom]) -> tuple[Atom, ...]:
        if len(atoms) > MAX_ATOMS:
            raise Undecided(f"more than {MAX_ATOMS} cases after normalising the composition")
        return tuple(atoms)


def _negate(atom: Atom) -> tuple[Atom, ...]:
    others = tuple(a for a in ALL if a.type != atom.type)
    if atom.free:
        return others
    return (*others, Atom(atom.type, False, (), None, ((atom,),)))


def _disjoint(left: tuple[Atom, ...], right: tuple[Atom, ...]) -> bool:
    """Surely disjoint: different types, or value sets with nothing in common."""
    for a in left:
        for b in right:
            if a.type != b.type:
                continue
            if a.values is not None and b.values is not None:
                if _meet_values(a.values, b.values):
                    return False
                continue
            return False
    return True


def _in(value: Any, values: list[Any]) -> bool:
    key = canonical(value)
    return any(canonical(v) == key for v in values)


def _list(schema: Mapping[str, Any], key: str) -> list[Any]:
    value = schema.get(key, [])
    return value if isinstance(value, list) else []
