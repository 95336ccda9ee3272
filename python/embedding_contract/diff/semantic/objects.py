"""Inclusion for objects: named keys, the keys no property names (split by which patterns they
match), ``required``, ``dependentRequired``/``dependentSchemas``, ``propertyNames``, counts and
``unevaluatedProperties``."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from embedding_contract.diff.semantic import patterns as rx
from embedding_contract.diff.semantic.budget import Undecided
from embedding_contract.diff.semantic.normalise import Atom

Sub = Callable[[Any, Any], bool]
MAX_PATTERNS = 6


def _map(part: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = part.get(key)
    return value if isinstance(value, Mapping) else {}


def names(atom: Atom) -> set[str]:
    out: set[str] = set()
    for part in atom.parts:
        out |= set(_map(part, "properties")) | set(_map(part, "dependentRequired"))
        out |= set(_map(part, "dependentSchemas"))
        pn = part.get("propertyNames")
        if isinstance(pn, Mapping):
            finite = pn.get("enum", []) + ([pn["const"]] if "const" in pn else [])
            out |= {k for k in finite if isinstance(k, str)}
        req = part.get("required")
        if isinstance(req, list):
            out |= {r for r in req if isinstance(r, str)}
    return out


def all_patterns(atom: Atom) -> set[str]:
    return {p for part in atom.parts for p in _map(part, "patternProperties")}


def key_schema(atom: Atom, key: str, matched: set[str] | None = None) -> Any:
    """The schema the value at ``key`` must satisfy; ``matched`` (the patterns ``key`` matches)
    stands for an unnamed key of that class."""
    schemas: list[Any] = []
    evaluated = False
    for part in atom.parts:
        props = _map(part, "properties")
        hits = [s for p, s in _map(part, "patternProperties").items()
                if (p in matched if matched is not None else rx.matches(p, key))]
        if matched is None and key in props:
            schemas.append(props[key])
            evaluated = True
        if hits:
            schemas.extend(hits)
            evaluated = True
        elif (matched is not None or key not in props) and "additionalProperties" in part:
            schemas.append(part["additionalProperties"])
            evaluated = True
    if not evaluated:
        schemas.extend(atom.keywords("unevaluatedProperties"))
    if any(s is False for s in schemas):
        return False
    if not schemas:
        return True
    return schemas[0] if len(schemas) == 1 else {"allOf": schemas}


def required(atom: Atom) -> set[str]:
    out: set[str] = set()
    for req in atom.keywords("required"):
        if isinstance(req, list):
            out |= {r for r in req if isinstance(r, str)}
    return out



class ObjectCheck:
    def __init__(self, sub: Sub, key_ok: Callable[[Atom, str | None, bool], bool | None]) -> None:
        self.sub = sub
        self.key_ok = key_ok  # does propertyNames of the atom accept this key?

    def possible(self, atom: Atom, key: str, left: bool = True) -> bool:
        return self.key_ok(atom, key, left) is not False and key_schema(atom, key) is not False

    def included(self, a: Atom, b: Atom) -> bool:
        req_a = required(a)
        if any(not self.possible(a, k) for k in req_a):
            return True  # A holds no object
        named = sorted(names(a) | names(b))
        for key in named:
            if not self.possible(a, key):
                continue
            if self.key_ok(b, key, False) is False:
                return False
            if not self.sub(key_schema(a, key), key_schema(b, key)):
                return False
        if not required(b) <= req_a:
            return False
        if not self._dependencies(a, b, req_a):
            return False
        others_open = self._others(a, b, set(named))
        if others_open is None:
            return False
        return self._counts(a, b, req_a, named, others_open)

    def _others(self, a: Atom, b: Atom, named: set[str]) -> bool | None:
        """Compare the unnamed keys, class by class; None when one breaks, else whether A
        accepts any unnamed key at all."""
        pats = sorted(all_patterns(a) | all_patterns(b))
        if len(pats) > MAX_PATTERNS:
            raise Undecided(f"more than {MAX_PATTERNS} patternProperties to partition")
        open_ = False
        for mask in itertools.product((True, False), repeat=len(pats)):
            matched = {p for p, m in zip(pats, mask, strict=True) if m}
            if not self._inhabited(pats, mask, named):
                continue
            sa = key_schema(a, "", matched)
            if sa is False:
                continue
            if self.key_ok(a, None, True) is False:
                continue
            open_ = True
            if not self.key_names_fit(a, b):
                return None
            if not self.sub(sa, key_schema(b, "", matched)):
                return None
        return open_

    def key_names_fit(self, a: Atom, b: Atom) -> bool:
        pa, pb = a.keywords("propertyNames"), b.keywords("propertyNames")
        if not pb:
            return True
        left: Any = {"allOf": [{"type": "string"}, *pa]}
        return all(self.sub(left, s) for s in pb)

    @staticmethod
    def _inhabited(pats: list[str], mask: tuple[bool, ...], named: set[str]) -> bool:
        if not pats:
            return True
        try:
            return ObjectCheck._language_inhabited(pats, mask, named)
        except Undecided:
            return True  # an empty class compared too costs completeness, never soundness

    @staticmethod
    def _language_inhabited(pats: list[str], mask: tuple[bool, ...], named: set[str]) -> bool:
        fsm = rx.language("")
        for p, m in zip(pats, mask, strict=True):
            lang = rx.language(p)
            fsm = fsm & lang if m else fsm - lang
        for key in named:
            if fsm.accepts(key):
                fsm = fsm - rx.literal(key)
        return not fsm.empty()

    def _dependencies(self, a: Atom, b: Atom, req_a: set[str]) -> bool:
        deps_a: dict[str, set[str]] = {}
        for dr in a.keywords("dependentRequired"):
            if isinstance(dr, Mapping):
                for k, v in dr.items():
                    deps_a.setdefault(k, set()).update(x for x in v if isinstance(x, str))
        for dr in b.keywords("dependentRequired"):
            if not isinstance(dr, Mapping):
                continue
            for key, needs in dr.items():
                if key in req_a or not self.possible(a, key):
                    if key in req_a and not set(needs) <= req_a | deps_a.get(key, set()):
                        return False
                    continue
                if not set(needs) <= req_a | deps_a.get(key, set()):
                    return False
        for ds in b.keywords("dependentSchemas"):
            if not isinstance(ds, Mapping):
                continue
            for key, schema in ds.items():
                if not self.possible(a, key):
                    continue
                if any(isinstance(x, Mapping) and key in x and x[key] == schema
                       for x in a.keywords("dependentSchemas")):
                    continue
                whole = {"allOf": [*a.parts, {"type": "object", "required": [key]}]}
                if not self.sub(whole, schema):
                    return False
        return True

    def _counts(self, a: Atom, b: Atom, req_a: set[str], named: list[str],
                others_open: bool) -> bool:
        bmin, bmax = max(b.counts("minProperties"), default=0), b.counts("maxProperties")
        amin = max([*a.counts("minProperties"), len(req_a)])
        if amin < bmin:
            return False
        if bmax:
            amax = a.counts("maxProperties")
            cap = None if others_open else sum(1 for k in named if self.possible(a, k))
            limits = [*amax, *([cap] if cap is not None else [])]
            if not limits or min(limits) > min(bmax):
                return False
        return True
