"""Drafts: which one a schema uses, and its translation into 2020-12 keywords.

The core reasons about 2020-12 only; older drafts are translated first: tuple ``items: [...]``
and ``additionalItems`` to ``prefixItems``/``items``, ``dependencies`` to ``dependentRequired``/
``dependentSchemas``, draft-04 boolean ``exclusiveMinimum``/``exclusiveMaximum`` to numbers,
``$ref`` siblings dropped (before 2019-09 ``$ref`` replaces its object), 2019-09
``$recursiveRef`` read as ``$ref: "#"``. Witnesses are still checked against the schemas as
written, each with its own draft's validator.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any


class Draft(Enum):
    D2020_12 = "2020-12"
    D2019_09 = "2019-09"
    D7 = "draft-07"
    D6 = "draft-06"
    D4 = "draft-04"


_URIS = {
    "json-schema.org/draft/2020-12/schema": Draft.D2020_12,
    "json-schema.org/draft/2019-09/schema": Draft.D2019_09,
    "json-schema.org/draft-07/schema": Draft.D7,
    "json-schema.org/draft-06/schema": Draft.D6,
    "json-schema.org/draft-04/schema": Draft.D4,
}

# Keywords whose value is a schema, a list of schemas, or a map of schemas.
ONE = ("additionalProperties", "propertyNames", "contains", "not", "if", "then", "else",
       "unevaluatedItems", "unevaluatedProperties", "additionalItems", "items")
MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs", "definitions")


def parse_draft(name: str) -> Draft:
    """``2020-12``, ``2019-09``, ``draft-07``/``7``, ... as a :class:`Draft`."""
    key = name.strip().lower().removeprefix("draft").strip("-")
    for draft in Draft:
        if key in (draft.value, draft.value.removeprefix("draft-"),
                   draft.value.removeprefix("draft-0")):
            return draft
    raise ValueError(f"unknown draft {name!r} (2020-12, 2019-09, draft-07, draft-06, draft-04)")


def draft_of(schema: Any, default: Draft = Draft.D2020_12) -> Draft:
    """The draft ``$schema`` names, else ``default``."""
    if isinstance(schema, Mapping) and isinstance(schema.get("$schema"), str):
        uri = schema["$schema"].split("://", 1)[-1].rstrip("#")
        return _URIS.get(uri, default)
    return default


def translate(schema: Any, draft: Draft) -> Any:
    """``schema`` with the keywords of ``draft`` rewritten as 2020-12 ones (a new value)."""
    if draft is Draft.D2020_12:
        return schema
    return _walk(schema, draft)


def _walk(node: Any, draft: Draft) -> Any:
    if not isinstance(node, Mapping):
        return node
    old = draft in (Draft.D7, Draft.D6, Draft.D4)
    if old and isinstance(node.get("$ref"), str):
        keep = {k: node[k] for k in ("definitions", "$defs") if k in node}
        return {"$ref": node["$ref"], **{k: _walk_map(v, draft) for k, v in keep.items()}}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in MAPS:
            out[key] = _walk_map(value, draft)
        elif key in MANY and isinstance(value, list):
            out[key] = [_walk(v, draft) for v in value]
        elif key in ONE:
            out[key] = value if isinstance(value, list) else _walk(value, draft)
        else:
            out[key] = value
    items = out.get("items")
    if isinstance(items, list):
        out["prefixItems"] = [_walk(v, draft) for v in items]
        if "additionalItems" in out:
            out["items"] = out.pop("additionalItems")
        else:
            del out["items"]
    else:
        out.pop("additionalItems", None)
    if draft is Draft.D2019_09 and "$recursiveRef" in out:
        out["$ref"] = "#"
        del out["$recursiveRef"]
    deps = out.pop("dependencies", None) if old or draft is Draft.D2019_09 else None
    if isinstance(deps, Mapping):
        required = {k: v for k, v in deps.items() if isinstance(v, list)}
        schemas = {k: _walk(v, draft) for k, v in deps.items() if not isinstance(v, list)}
        if required:
            out["dependentRequired"] = {**required, **out.get("dependentRequired", {})}
        if schemas:
            out["dependentSchemas"] = {**schemas, **out.get("dependentSchemas", {})}
    if draft is Draft.D4:
        for flag, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if out.get(flag) is True and bound in out:
                out[flag] = out.pop(bound)
            elif isinstance(out.get(flag), bool):
                del out[flag]
    return out


def _walk_map(value: Any, draft: Draft) -> Any:
    if not isinstance(value, Mapping):
        return value
    return {k: _walk(v, draft) for k, v in value.items()}
