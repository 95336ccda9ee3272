"""The paired walk's vocabulary: where it stands (:class:`Pair`), how a change inside a subschema
acts on the whole (:class:`Polarity`), what a rule reports (:class:`Delta`), how branches of
``anyOf``/``oneOf``/``allOf`` are paired, and keyword-aware rewrites of a schema.

Nothing here knows about rules.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from embedding_contract.core.paths import ANY_ITEM, OTHER_KEY
from embedding_contract.diff.findings import Effect, Effects, Policy, Site
from embedding_contract.diff.keywords import (
    ANNOTATIONS,
    SUBSCHEMAS,
    Holds,
    canonical,
    type_atoms,
)
from embedding_contract.diff.references import SchemaDocument, View, deref, expand, ref_of

JSON = Any


class Seg(enum.Enum):
    """Instance-path steps that are not a property name or a tuple index."""

    ITEM = ANY_ITEM
    OTHER = OTHER_KEY


def schema_map(schema: JSON, fn: Callable[[dict[str, Any]], JSON]) -> JSON:
    """Apply ``fn`` bottom-up to every schema object of ``schema`` (keyword-aware)."""
    if not isinstance(schema, Mapping):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        holds = SUBSCHEMAS.get(key)
        if holds is Holds.ONE:
            out[key] = schema_map(value, fn)
        elif holds is Holds.MAP and isinstance(value, Mapping):
            out[key] = {name: schema_map(sub, fn) for name, sub in value.items()}
        elif holds is Holds.LIST and isinstance(value, list):
            out[key] = [schema_map(sub, fn) for sub in value]
        else:
            out[key] = value
    return fn(out)


def strip_annotations(schema: JSON) -> JSON:
    return schema_map(schema, lambda s: {k: v for k, v in s.items()
                                         if k not in ANNOTATIONS and k != "default"})


def reader_view(schema: JSON, policy: Policy) -> JSON:
    """The schema as a reader applies it: a tolerant reader ignores keys it does not declare."""
    if policy is Policy.STRICT:
        return schema
    return schema_map(schema, lambda s: {k: v for k, v in s.items()
                                         if k != "additionalProperties"})


# -- branch matching ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Matching:
    pairs: tuple[tuple[int, int], ...]
    removed: tuple[int, ...]
    added: tuple[int, ...]


def _signature(document: SchemaDocument, branch: JSON) -> tuple[Any, ...]:
    keywords = deref(document, branch, "").keywords
    values: Any = None
    if "const" in keywords:
        values = (canonical(keywords["const"]),)
    elif isinstance(keywords.get("enum"), list):
        values = tuple(sorted(canonical(v) for v in keywords["enum"]))
    required = keywords.get("required")
    return (type_atoms(keywords), frozenset(required) if isinstance(required, list) else None,
            values)


def _ref_name(branch: JSON) -> str | None:
    ref = ref_of(branch) if isinstance(branch, Mapping) else None
    return None if ref is None else ref.rsplit("/", 1)[-1]


def match_branches(old: Sequence[JSON], new: Sequence[JSON], old_doc: SchemaDocument,
                   new_doc: SchemaDocument) -> Matching:
    """Pair the branches of ``anyOf``/``oneOf``/``allOf`` lists by content, not by position."""
    left, right = list(range(len(old))), list(range(len(new)))
    pairs: list[tuple[int, int]] = []

    def take(key_old: Callable[[int], Any], key_new: Callable[[int], Any]) -> None:
        for i in list(left):
            k = key_old(i)
            if k is None:
                continue
            for j in right:
                if key_new(j) == k:
                    pairs.append((i, j))
                    left.remove(i)
                    right.remove(j)
                    break

    def exact(document: SchemaDocument, branches: Sequence[JSON]) -> Callable[[int], Any]:
        return lambda i: canonical(strip_annotations(expand(branches[i], document)))

    osig = [_signature(old_doc, b) for b in old]
    nsig = [_signature(new_doc, b) for b in new]
    take(exact(old_doc, old), exact(new_doc, new))
    take(lambda i: _ref_name(old[i]), lambda j: _ref_name(new[j]))
    take(lambda i: osig[i] if any(x is not None for x in osig[i]) else None,
         lambda j: nsig[j])
    take(lambda i: osig[i][0], lambda j: nsig[j][0])
    if len(left) == 1 and len(right) == 1:
        a, b = osig[left[0]][0], nsig[right[0]][0]
        if a and b and a & b:
            pairs.append((left.pop(), right.pop()))
    return Matching(tuple(sorted(pairs)), tuple(left), tuple(right))


def is_null_branch(document: SchemaDocument, branch: JSON) -> bool:
    keywords = {k: v for k, v in deref(document, branch, "").keywords.items()
                if k not in ANNOTATIONS and k != "default"}
    return keywords in ({"type": "null"}, {"const": None}, {"enum": [None]})


# -- the pair of nodes the rules look at --------------------------------------------------------

class Polarity(enum.Enum):
    """How a change inside a subschema acts on the whole: as is, inverted (``not``), unknown
    (inside ``oneOf``, where narrowing a branch can also let instances through), or not at all
    (the schema of unknown keys, which a tolerant reader ignores)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    MIXED = "mixed"
    IGNORED = "ignored"

    def then(self, inner: Polarity) -> Polarity:
        if Polarity.IGNORED in (self, inner):
            return Polarity.IGNORED
        if Polarity.MIXED in (self, inner):
            return Polarity.MIXED
        return Polarity.POSITIVE if self is inner else Polarity.NEGATIVE

    def apply(self, effects: Effects) -> Effects:
        backward, forward = effects.backward, effects.forward
        if self is Polarity.NEGATIVE:
            return Effects(forward, backward)
        if self is Polarity.IGNORED:
            return Effects(*(Effect.COMPATIBLE if e.breaks else e for e in (backward, forward)))
        if self is Polarity.MIXED and (backward.breaks or forward.breaks):
            return Effects.UNKNOWN
        return effects


@dataclass(frozen=True)
class Delta:
    """What one rule found at one pair of nodes, before polarity is applied."""

    at: tuple[Any, ...]
    old: Any
    new: Any
    effects: Effects
    hint: Mapping[str, Any] = field(default_factory=dict)


Step = tuple[Any, Any]


@dataclass
class Pair:
    """Two schema objects at the same place of the old and the new document."""

    old: Mapping[str, Any]
    new: Mapping[str, Any]
    old_view: View
    new_view: View
    old_doc: SchemaDocument
    new_doc: SchemaDocument
    path: tuple[Any, ...]
    trail_old: tuple[Step, ...]
    trail_new: tuple[Step, ...]
    polarity: Polarity
    policy: Policy
    _matchings: dict[str, Matching] = field(default_factory=dict)

    @property
    def strict(self) -> bool:
        return self.policy is Policy.STRICT

    def branches(self, keyword: str) -> Matching:
        if keyword not in self._matchings:
            old, new = self.old.get(keyword, []), self.new.get(keyword, [])
            if not isinstance(old, list) or not isinstance(new, list):
                self._matchings[keyword] = Matching((), (), ())
            else:
                self._matchings[keyword] = match_branches(old, new, self.old_doc, self.new_doc)
        return self._matchings[keyword]

    def site(self, hint: Mapping[str, Any]) -> Site:
        return Site(self.path, self.trail_old, self.trail_new, self.old, self.new, dict(hint),
                    self.polarity.value)
