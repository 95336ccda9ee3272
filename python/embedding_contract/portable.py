"""Run the portable rules declared anywhere in a schema document against an instance.

Standard validators (jsonschema-rs, or any other that ignores unknown keywords) check the standard
keywords; this walks the schema beside the instance and runs each ``x-contract-*`` keyword where
it applies, so the pair gives the contract's full verdict. The walk follows ``properties``,
``items``, ``prefixItems``, local ``$ref`` and every ``anyOf``/``oneOf``/``allOf`` branch; it visits
each instance value once per schema that applies to it, so its cost is linear in the instance.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .rules import Violation, get_member, rules_in
from .rules.violation import Path

_BRANCHES = ("anyOf", "oneOf", "allOf")


def violations(schema: Mapping[str, Any], instance: Any) -> list[Violation]:
    """Every portable-rule violation in ``instance``, with paths from the instance root."""
    seen: set[tuple[Path, str, str]] = set()
    found: list[Violation] = []
    for v in _walk(schema, schema, instance, ()):
        key = (v.path, v.rule, v.message)
        if key not in seen:
            seen.add(key)
            found.append(v)
    return found


def _resolve(root: Mapping[str, Any], ref: str) -> Mapping[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported here, not {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node  # type: ignore[no-any-return]


def _walk(root: Mapping[str, Any], schema: Any, instance: Any, path: Path) -> Iterator[Violation]:
    if not isinstance(schema, Mapping):
        return
    if "$ref" in schema:
        yield from _walk(root, _resolve(root, schema["$ref"]), instance, path)
    for rule in rules_in(schema):
        for v in rule.check(instance, get_member):
            yield Violation((*path, *v.path), v.rule, v.message, v.value)
    for keyword in _BRANCHES:
        for branch in schema.get(keyword, ()):
            yield from _walk(root, branch, instance, path)
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        for key, value in instance.items():
            if key in properties:
                yield from _walk(root, properties[key], value, (*path, key))
    elif isinstance(instance, list):
        prefix = schema.get("prefixItems", ())
        items = schema.get("items")
        for index, value in enumerate(instance):
            sub = prefix[index] if index < len(prefix) else items
            if sub is not None:
                yield from _walk(root, sub, value, (*path, index))
