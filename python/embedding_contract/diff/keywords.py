"""What 2020-12 keywords mean, as far as the diff needs it: which hold subschemas, which only
annotate, the kinds of value ``type`` admits, bounds, tuple positions, and JSON Schema equality.

Nothing here looks at two schemas at once or knows about rules.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator, Mapping
from typing import Any

import jsonschema_specifications  # type: ignore[import-untyped]
from referencing.jsonschema import DRAFT202012

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff.findings import ABSENT
from embedding_contract.vocabulary.values import is_number as is_number

ANNOTATIONS = frozenset({
    "title", "description", "examples", "$comment", "deprecated", "readOnly", "writeOnly",
    "contentMediaType", "contentEncoding", "contentSchema",
})
"""Keywords that never change which instances validate."""


class Holds(enum.Enum):
    """How a keyword holds its subschemas: one, a list of them, or a map of names to them."""

    ONE = "one"
    LIST = "list"
    MAP = "map"


def _metaschema_keywords() -> Iterator[str]:
    """Every keyword the 2020-12 meta-schemas declare."""
    registry = jsonschema_specifications.REGISTRY
    for uri in registry:
        if uri.startswith("https://json-schema.org/draft/2020-12/"):
            yield from registry.contents(uri).get("properties", {})


def _holds(keyword: str) -> Holds | None:
    """Ask ``referencing`` where ``keyword`` keeps subschemas: it keeps its 2020-12 table
    private, but ``subresources_of`` yields the probe only from a place that holds one."""
    probe: dict[str, Any] = {}
    for holds, value in ((Holds.ONE, probe), (Holds.LIST, [probe]), (Holds.MAP, {"k": probe})):
        try:
            if any(sub is probe for sub in DRAFT202012.subresources_of({keyword: value})):
                return holds
        except (AttributeError, TypeError):  # the value has the wrong shape for this keyword
            continue
    return None


SUBSCHEMAS: Mapping[str, Holds] = {
    keyword: holds for keyword in sorted(set(_metaschema_keywords()))
    if (holds := _holds(keyword)) is not None
}
"""The keywords that hold subschemas (``properties``, ``items``, ``allOf``...), and how."""


# -- equality ------------------------------------------------------------------------------------

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


# -- types and objects ---------------------------------------------------------------------------

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
    """The kind of a JSON value, in the terms of :func:`type_atoms`."""
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


def properties_of(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """The subschemas of ``properties`` by name (none if malformed)."""
    props = node.get("properties", {})
    return props if isinstance(props, Mapping) else {}


def required_of(node: Mapping[str, Any]) -> list[str]:
    """The names ``required`` lists (none if malformed)."""
    req = node.get("required", [])
    return [r for r in req if isinstance(r, str)] if isinstance(req, list) else []


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


# -- numbers, bounds and positions ---------------------------------------------------------------

def numeric_bound(node: Mapping[str, Any], inclusive: str, exclusive: str,
                  lower: bool) -> tuple[float, bool] | None:
    """The tightest of an inclusive and an exclusive bound: (value, exclusive?)."""
    found: list[tuple[float, bool]] = []
    for key, excl in ((inclusive, False), (exclusive, True)):
        value = node.get(key)
        if is_number(value):
            found.append((value, excl))
    if not found:
        return None
    if lower:
        return max(found, key=lambda b: (b[0], b[1]))
    return min(found, key=lambda b: (b[0], not b[1]))


def position(node: Mapping[str, Any], index: int) -> Any:
    """The schema that applies to array position ``index`` (ABSENT: anything goes)."""
    prefix = node.get("prefixItems", [])
    if isinstance(prefix, list) and index < len(prefix):
        return prefix[index]
    return node.get("items", ABSENT)


def prefix_length(*nodes: Mapping[str, Any]) -> int:
    """The longest ``prefixItems`` among ``nodes``."""
    lengths = [len(n.get("prefixItems", [])) for n in nodes
               if isinstance(n.get("prefixItems", []), list)]
    return max(lengths, default=0)
