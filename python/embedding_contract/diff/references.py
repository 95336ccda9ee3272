"""``$ref`` inside one schema document, resolved by ``referencing`` and merged into views.

Each document gets a :class:`referencing.Registry` that holds that document alone (its embedded
``$id`` resources included), under its own ``$id``: references resolve against that base URI, and
one to another document or URL is a :class:`DiffInputError` naming it, never a file or network
read. A schema object is looked at through a :class:`View`: its own keywords merged with those of
the ``$ref`` chain it starts (2020-12 applies both; the referencing object's annotations win),
each keyword remembering the pointer of the object that holds it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin

from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from embedding_contract.core.errors import DiffInputError
from embedding_contract.core.paths import pointer_join
from embedding_contract.diff.keywords import ANNOTATIONS, canonical

JSON = Any


def _pointers(value: JSON, pointer: str, out: dict[int, str]) -> dict[int, str]:
    """The JSON Pointer of every object and array in ``value`` (by identity)."""
    if isinstance(value, (Mapping, list)):
        out.setdefault(id(value), pointer)
        items = value.items() if isinstance(value, Mapping) else enumerate(value)
        for key, sub in items:
            _pointers(sub, pointer_join(pointer, key), out)
    return out


class SchemaDocument:
    """One schema document and the targets of the references in it."""

    def __init__(self, root: JSON) -> None:
        self.root = root
        schema_id = root.get("$id") if isinstance(root, Mapping) else None
        self._base = schema_id if isinstance(schema_id, str) else ""
        self._registry = Registry().with_resource(
            self._base, DRAFT202012.create_resource(root)).crawl()
        self._resolver = self._registry.resolver(self._base)
        self._pointer_map: dict[int, str] | None = None
        self._targets: dict[str, tuple[JSON, str]] = {}

    def resolve(self, ref: str) -> tuple[JSON, str]:
        """The target of ``ref`` and its pointer in the document."""
        if ref not in self._targets:
            try:
                target = self._resolver.lookup(ref).contents
            except Unresolvable as exc:
                if urldefrag(urljoin(self._base, ref)).url not in self._registry:
                    raise DiffInputError(f"unresolvable $ref {ref!r}: the diff follows "
                                         "references within a document only") from exc
                raise DiffInputError(f"unresolvable $ref {ref!r}") from exc
            fragment = urldefrag(ref).fragment
            if self._pointer_map is None:  # built on the first reference followed
                self._pointer_map = _pointers(self.root, "", {})
            pointer = self._pointer_map.get(id(target),
                                            fragment if fragment[:1] == "/" else "")
            self._targets[ref] = (target, pointer)
        return self._targets[ref]


def ref_of(node: Mapping[str, Any]) -> str | None:
    """The ``$ref`` of a schema object, if it has one to follow."""
    ref = node.get("$ref")
    return ref if isinstance(ref, str) else None


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


def deref(document: SchemaDocument, schema: JSON, pointer: str) -> View:
    """Merge ``schema`` with the ``$ref`` chain it starts; cycles stop the chain."""
    keywords: dict[str, Any] = {}
    where: dict[str, str] = {}
    refs: list[str] = []
    node, ptr = as_object(schema), pointer
    while True:
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
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
        ref = ref_of(node)
        if ref is None or ref in refs:
            break
        refs.append(ref)
        target, ptr = document.resolve(ref)
        node = as_object(target)
    return View(keywords, where, ptr, tuple(refs))


def expand(value: Any, document: SchemaDocument, stack: tuple[str, ...] = ()) -> Any:
    """``value`` with each ``$ref`` inlined (a recursive one is marked, not followed)."""
    if isinstance(value, list):
        return [expand(v, document, stack) for v in value]
    if not isinstance(value, Mapping):
        return value
    ref = ref_of(value)
    if ref is not None:
        rest = {k: expand(v, document, stack) for k, v in value.items() if k != "$ref"}
        if ref in stack:
            return {**rest, "$recursive-ref": len(stack) - stack.index(ref)}
        target = expand(document.resolve(ref)[0], document, (*stack, ref))
        if isinstance(target, Mapping):
            return {**{k: v for k, v in target.items() if k not in ("$id", "$schema", "$defs")},
                    **rest}
        return {**rest, "$target": target}
    return {k: expand(v, document, stack) for k, v in value.items() if k != "$defs"}
