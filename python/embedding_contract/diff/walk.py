"""Schema navigation for the diff: JSON pointers, local ``$ref`` resolution, keyword-aware maps.

A schema object is looked at through a :class:`View`: its own keywords merged with those of the
``$ref`` chain it points to (2020-12 applies both; the referencing object's annotations win), each
keyword remembering the pointer of the object that holds it. Nothing here knows about rules.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff.findings import ABSENT, Effect, Policy, Site

JSON = Any

ANNOTATIONS = frozenset({
    "title", "description", "examples", "$comment", "deprecated", "readOnly", "writeOnly",
    "contentMediaType", "contentEncoding", "contentSchema",
})
"""Keywords that never change which instances validate."""

_SUB_ONE = ("additionalProperties", "items", "not", "contains", "propertyNames", "if", "then",
            "else", "unevaluatedItems", "unevaluatedProperties")
_SUB_MAP = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUB_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")


class Seg(enum.Enum):
    """Instance-path steps that are not a property name or a tuple index."""

    ITEM = "[]"
    OTHER = "<other key>"


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer_join(base: str, *tokens: Any) -> str:
    return base + "".join("/" + escape(str(t)) for t in tokens)


def resolve(root: JSON, ref: str) -> JSON:
    """The target of a local ``$ref`` (``#`` or ``#/json/pointer``) inside ``root``."""
    if ref == "#":
        return root
    if not ref.startswith("#/"):
        raise DiffInputError(f"cannot resolve $ref {ref!r}: only local references are supported")
    node = root
    for raw in ref[2:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise DiffInputError(f"unresolvable $ref {ref!r}")
    return node


def is_local_ref(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and (value == "#" or value.startswith("#/"))


def as_object(schema: JSON) -> Mapping[str, Any]:
    """A schema as an object: ``true`` is ``{}``, ``false`` is ``{"not": {}}``."""
    if schema is True:
        return {}
    if schema is False:
        return {"not": {}}
    if isinstance(schema, Mapping):
        return schema
    raise DiffInputError(f"not a JSON Schema: {json.dumps(schema)[:80]}")


@dataclass(frozen=True)
class View:
    """The effective keywords of one schema object with its ``$ref`` chain merged in."""

    keywords: Mapping[str, Any]
    where: Mapping[str, str]
    pointer: str
    refs: tuple[str, ...]

    def at(self, *tokens: Any) -> str:
        """The pointer of keyword path ``tokens`` (the first token is a keyword of this view)."""
        if not tokens:
            return self.pointer
        return pointer_join(self.where.get(str(tokens[0]), self.pointer), *tokens)


_OUTER_WINS = ANNOTATIONS | {"default", "$id", "$schema", "$defs", "definitions", "$anchor",
                             "$dynamicAnchor"}


def deref(root: JSON, schema: JSON, pointer: str) -> View:
    """Merge ``schema`` with the local ``$ref`` chain it starts; cycles stop the chain."""
    keywords: dict[str, Any] = {}
    where: dict[str, str] = {}
    refs: list[str] = []
    node, ptr = as_object(schema), pointer
    while True:
        for key, value in node.items():
            if key == "$ref" and is_local_ref(value):
                continue
            if key not in keywords:
                keywords[key], where[key] = value, ptr
            elif key in _OUTER_WINS or canonical(keywords[key]) == canonical(value):
                continue
            elif key == "required" and isinstance(value, list):
                keywords[key] = [*keywords[key], *(v for v in value if v not in keywords[key])]
            elif key == "allOf" and isinstance(value, list):
                keywords[key] = [*keywords[key], *value]
            else:  # both layers assert the keyword: 2020-12 applies both
                keywords["allOf"] = [*keywords.get("allOf", []), {key: value}]
                where.setdefault("allOf", ptr)
        ref = node.get("$ref")
        if not is_local_ref(ref) or ref in refs:
            break
        refs.append(ref)
        ptr = "" if ref == "#" else ref[1:]
        node = as_object(resolve(root, ref))
    return View(keywords, where, ptr, tuple(refs))


def _normalize(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {str(k): _normalize(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalize(v) for v in value]
    return value


def canonical(value: Any) -> str:
    """One string per JSON value under JSON Schema equality (``1`` equals ``1.0``)."""
    if value is ABSENT:
        return "<absent>"
    return json.dumps(_normalize(value), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def expand(value: Any, root: JSON, stack: tuple[str, ...] = ()) -> Any:
    """``value`` with each local ``$ref`` inlined (a recursive one is marked, not followed)."""
    if isinstance(value, list):
        return [expand(v, root, stack) for v in value]
    if not isinstance(value, Mapping):
        return value
    ref = value.get("$ref")
    if is_local_ref(ref):
        rest = {k: expand(v, root, stack) for k, v in value.items() if k != "$ref"}
        if ref in stack:
            return {**rest, "$recursive-ref": len(stack) - stack.index(ref)}
        target = expand(resolve(root, ref), root, (*stack, ref))
        if isinstance(target, Mapping):
            return {**{k: v for k, v in target.items() if k not in ("$id", "$schema", "$defs")},
                    **rest}
        return {**rest, "$target": target}
    return {k: expand(v, root, stack) for k, v in value.items() if k != "$defs"}


def schema_map(schema: JSON, fn: Callable[[dict[str, Any]], JSON]) -> JSON:
    """Apply ``fn`` bottom-up to every schema object of ``schema`` (keyword-aware)."""
    if not isinstance(schema, Mapping):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SUB_ONE:
            out[key] = schema_map(value, fn)
        elif key in _SUB_MAP and isinstance(value, Mapping):
            out[key] = {name: schema_map(sub, fn) for name, sub in value.items()}
        elif key in _SUB_LIST and isinstance(value, list):
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


# -- types ------------------------------------------------------------------------------------

ATOMS = ("null", "boolean", "object", "array", "string", "integer", "fraction")
_TYPE_ATOMS = {"null": {"null"}, "boolean": {"boolean"}, "object": {"object"},
               "array": {"array"}, "string": {"string"}, "integer": {"integer"},
               "number": {"integer", "fraction"}}


def type_atoms(keywords: Mapping[str, Any]) -> frozenset[str] | None:
    """The kinds of JSON value ``type`` admits (numbers split into integer and fraction)."""
    declared = keywords.get("type", ABSENT)
    if declared is ABSENT:
        return None
    names = declared if isinstance(declared, list) else [declared]
    atoms: set[str] = set()
    for name in names:
        if name not in _TYPE_ATOMS:
            raise DiffInputError(f"unknown type {name!r}")
        atoms |= _TYPE_ATOMS[name]
    return frozenset(atoms)


def json_atom(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return "integer"
    return "fraction"


def is_closed(keywords: Mapping[str, Any]) -> bool:
    """Unknown keys are rejected (``additionalProperties: false``)."""
    extra = keywords.get("additionalProperties", ABSENT)
    return extra is False or (isinstance(extra, Mapping) and extra.get("not") == {}
                              and len(extra) == 1)


def is_trivial(schema: Any) -> bool:
    """Accepts everything (``true``, ``{}`` or annotations only)."""
    if schema is True or schema is ABSENT:
        return True
    return isinstance(schema, Mapping) and all(
        k in ANNOTATIONS or k == "default" for k in schema)


# -- branch matching ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Matching:
    pairs: tuple[tuple[int, int], ...]
    removed: tuple[int, ...]
    added: tuple[int, ...]


def _signature(root: JSON, branch: JSON) -> tuple[Any, ...]:
    keywords = deref(root, branch, "").keywords
    values: Any = None
    if "const" in keywords:
        values = (canonical(keywords["const"]),)
    elif isinstance(keywords.get("enum"), list):
        values = tuple(sorted(canonical(v) for v in keywords["enum"]))
    required = keywords.get("required")
    return (type_atoms(keywords), frozenset(required) if isinstance(required, list) else None,
            values)


def _ref_name(branch: JSON) -> str | None:
    if isinstance(branch, Mapping) and is_local_ref(branch.get("$ref")):
        return str(branch["$ref"]).rsplit("/", 1)[-1]
    return None


def match_branches(old: Sequence[JSON], new: Sequence[JSON], old_root: JSON,
                   new_root: JSON) -> Matching:
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

    def exact(root: JSON, branches: Sequence[JSON]) -> Callable[[int], Any]:
        return lambda i: canonical(strip_annotations(expand(branches[i], root)))

    osig = [_signature(old_root, b) for b in old]
    nsig = [_signature(new_root, b) for b in new]
    take(exact(old_root, old), exact(new_root, new))
    take(lambda i: _ref_name(old[i]), lambda j: _ref_name(new[j]))
    take(lambda i: osig[i] if any(x is not None for x in osig[i]) else None,
         lambda j: nsig[j])
    take(lambda i: osig[i][0], lambda j: nsig[j][0])
    if len(left) == 1 and len(right) == 1:
        a, b = osig[left[0]][0], nsig[right[0]][0]
        if a and b and a & b:
            pairs.append((left.pop(), right.pop()))
    return Matching(tuple(sorted(pairs)), tuple(left), tuple(right))


def is_null_branch(root: JSON, branch: JSON) -> bool:
    keywords = {k: v for k, v in deref(root, branch, "").keywords.items()
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

    def apply(self, backward: Effect, forward: Effect) -> tuple[Effect, Effect]:
        if self is Polarity.NEGATIVE:
            return forward, backward
        if self is Polarity.IGNORED:
            return tuple(Effect.COMPATIBLE if e.breaks else e  # type: ignore[return-value]
                         for e in (backward, forward))
        if self is Polarity.MIXED and (backward.breaks or forward.breaks):
            return Effect.POSSIBLY_BREAKING, Effect.POSSIBLY_BREAKING
        return backward, forward


@dataclass
class Delta:
    """What one rule found at one pair of nodes, before polarity is applied."""

    at: tuple[Any, ...]
    old: Any
    new: Any
    backward: Effect
    forward: Effect
    hint: dict[str, Any] = field(default_factory=dict)


Step = tuple[Any, Any]


@dataclass
class Pair:
    """Two schema objects at the same place of the old and the new document."""

    old: Mapping[str, Any]
    new: Mapping[str, Any]
    old_view: View
    new_view: View
    old_root: JSON
    new_root: JSON
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
                self._matchings[keyword] = match_branches(old, new, self.old_root, self.new_root)
        return self._matchings[keyword]

    def site(self, hint: Mapping[str, Any]) -> Site:
        return Site(self.path, self.trail_old, self.trail_new, self.old, self.new, dict(hint))


def format_path(path: Sequence[Any]) -> str:
    """``tables[].vocab``-style text for an instance path."""
    out = ""
    for seg in path:
        if seg is Seg.ITEM:
            out += "[]"
        elif isinstance(seg, int):
            out += f"[{seg}]"
        elif seg is Seg.OTHER:
            out += ("." if out else "") + "<other key>"
        else:
            out += ("." if out else "") + str(seg)
    return out or "(root)"
