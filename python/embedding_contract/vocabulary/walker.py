"""Run the portable rules declared anywhere in a schema document against an instance.

Standard validators (jsonschema-rs, or any other that ignores unknown keywords) check the standard
keywords; this walks the schema beside the instance and runs each ``x-contract-*`` keyword where
it applies, so the pair gives the contract's full verdict. The walk follows ``properties``,
``items``, ``prefixItems``, local ``$ref`` and every ``anyOf``/``oneOf``/``allOf`` branch.

The schema is compiled once into a plan that keeps only the subschemas on a path to some rule, so
the walk never enters values (a table, say) whose schema declares no rule below it: the cost is
that of the rules themselves, each linear in the value it checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from embedding_contract.vocabulary import Path, PortableRule, Violation, get_member, rules_in

_BRANCHES = ("anyOf", "oneOf", "allOf")


@dataclass
class _Node:
    """A subschema reduced to what can reach a rule."""

    rules: list[PortableRule] = field(default_factory=list)
    branches: list[_Node] = field(default_factory=list)
    properties: dict[str, _Node] = field(default_factory=dict)
    prefix_items: list[_Node | None] = field(default_factory=list)
    items: _Node | None = None

    def empty(self) -> bool:
        return not (self.rules or self.branches or self.properties or self.items
                    or any(self.prefix_items))


class PortableRules:
    """The portable rules of one schema document, compiled for repeated use."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self._root = schema
        self._memo: dict[int, _Node | None] = {}
        self._plan = self._compile(schema)

    def violations(self, instance: Any) -> list[Violation]:
        """Every portable-rule violation in ``instance``, with paths from the instance root."""
        found: list[Violation] = []
        if self._plan is not None:
            self._walk(self._plan, instance, (), found)
        seen: set[tuple[Path, str, str]] = set()
        unique = []
        for v in found:  # the same rule can be reached through two branches
            key = (v.path, v.rule, v.message)
            if key not in seen:
                seen.add(key)
                unique.append(v)
        return unique

    def _resolve(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported here, not {ref!r}")
        node: Any = self._root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node  # type: ignore[no-any-return]

    def _compile(self, schema: Any) -> _Node | None:
        if not isinstance(schema, Mapping):
            return None
        key = id(schema)
        if key in self._memo:  # a recursive $ref: the first visit decides
            return self._memo[key]
        node = _Node()
        self._memo[key] = node
        node.rules = rules_in(schema)
        if "$ref" in schema:
            target = self._compile(self._resolve(schema["$ref"]))
            if target is not None:
                node.branches.append(target)
        for keyword in _BRANCHES:
            for branch in schema.get(keyword, ()):
                compiled = self._compile(branch)
                if compiled is not None:
                    node.branches.append(compiled)
        for name, sub in schema.get("properties", {}).items():
            compiled = self._compile(sub)
            if compiled is not None:
                node.properties[name] = compiled
        node.prefix_items = [self._compile(s) for s in schema.get("prefixItems", ())]
        node.items = self._compile(schema.get("items"))
        result = None if node.empty() else node
        self._memo[key] = result
        return result

    def _walk(self, node: _Node, instance: Any, path: Path, found: list[Violation]) -> None:
        for rule in node.rules:
            for v in rule.check(instance, get_member):
                found.append(Violation((*path, *v.path), v.rule, v.message, v.value))
        for branch in node.branches:
            self._walk(branch, instance, path, found)
        if node.properties and isinstance(instance, dict):
            for key, sub in node.properties.items():
                if key in instance:
                    self._walk(sub, instance[key], (*path, key), found)
        elif isinstance(instance, list) and (node.items is not None or node.prefix_items):
            prefix = node.prefix_items
            for index, value in enumerate(instance):
                item = prefix[index] if index < len(prefix) else node.items
                if item is not None:
                    self._walk(item, value, (*path, index), found)


def violations(schema: Mapping[str, Any], instance: Any) -> list[Violation]:
    """Every portable-rule violation in ``instance`` (compiles ``schema`` each call)."""
    return PortableRules(schema).violations(instance)
