"""A validator's exact verdict on a config that differs from an accepted one along one path.

The witness search edits one place of a whole config (a seed the validator accepts). Validating the
whole config again costs as much as the schema is large (python-jsonschema walks every declared
property), so the search first asks :class:`LocalVerdict`: walking down the edited path, each
object or array on the way equals the seed's but for the child on the path, so only that child's
subschemas (``properties``, ``additionalProperties``, ``items``, ``prefixItems``, through
``allOf`` and local ``$ref``) and the node's other keywords (``required``, ``oneOf``, the
vocabulary's rules ...) evaluated on the node itself can change their verdict. The first node that
differs otherwise is validated whole against every subschema that applies to it.

Where this reasoning could be wrong the answer is None (unknown) and the caller validates the
whole config: dynamic references, embedded ``$id`` resources (they move the base URI), a ``$ref``
that is not a plain pointer into the document, ``patternProperties`` and ``unevaluated*`` (their
verdicts depend on other keywords), or the edited node being the config itself.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping
from typing import Any

from embedding_contract.diff.findings import ABSENT
from embedding_contract.diff.keywords import canonical

# Applicators to the members of a node: followed structurally, never evaluated on the node.
_STRUCTURAL = frozenset({"properties", "additionalProperties", "items", "prefixItems", "allOf",
                         "$ref"})
_INERT = frozenset({"$defs", "definitions", "$schema", "$id", "$anchor", "$comment", "title",
                    "description", "default", "examples", "deprecated", "readOnly", "writeOnly"})
# A node whose schema has one of these is validated whole.
_WHOLE = frozenset({"patternProperties", "unevaluatedProperties", "unevaluatedItems"})
Edits = dict[int, tuple[Any, set[Any], Any]]
"""Objects copied from others: id of the copy -> (the original, keys where they may differ, the
copy itself: it stays alive, so its id is not reused while the record lives)."""

_DYNAMIC = frozenset({"$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor"})


def _plain(root: Any) -> bool:
    """No dynamic references and no embedded resources anywhere in the document."""
    stack: list[tuple[Any, bool]] = [(root, True)]
    while stack:
        node, top = stack.pop()
        if isinstance(node, Mapping):
            if _DYNAMIC & node.keys() or ("$id" in node and not top):
                return False
            stack.extend((v, False) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, False) for v in node)
    return True


def _one_child(seed: Any, node: Any, key: Any, made: tuple[Any, set[Any], Any] | None) -> bool:
    """``node`` equals ``seed`` (same objects) but for the member ``key``, which it has.
    ``made``: what ``node`` was copied from and where it may differ, if known."""
    if (made is not None and made[2] is node and made[0] is seed and made[1] == {key}
            and isinstance(node, dict)):
        return key in node
    if isinstance(seed, dict) and isinstance(node, dict):
        if key not in node or len(node) != len(seed) + (key not in seed):
            return False
        missing = object()
        return all(k == key or node.get(k, missing) is v for k, v in seed.items())
    if isinstance(seed, list) and isinstance(node, list):
        if (not isinstance(key, int) or isinstance(key, bool) or len(node) != len(seed)
                or not 0 <= key < len(node)):
            return False
        return all(i == key or a is b for i, (a, b) in enumerate(zip(seed, node, strict=True)))
    return False


class LocalVerdict:
    """Verdicts of one validator (a ContractValidator) on configs near ones it accepts."""

    def __init__(self, validator: Any) -> None:
        self.validator = validator
        self.root = validator.schema
        self.enabled = _plain(self.root)
        self._isolated: dict[int, tuple[Any, Any]] = {}
        self._rest: dict[int, tuple[Any, Any]] = {}

    def verdict(self, seed: Any, instance: Any, path: tuple[Any, ...],
                edits: Edits | None = None) -> bool | None:
        """Whether the validator accepts ``instance``, given that it accepts ``seed`` and the
        two differ only along ``path``; None when that cannot be told without the whole.
        ``edits`` (optional) says which objects of ``instance`` copy which of ``seed``."""
        if not self.enabled:
            return None
        try:
            return self._verdict(seed, instance, path, edits or {})
        except Exception:  # an unreadable subschema or pattern: the whole validation decides
            return None

    def _verdict(self, seed: Any, node: Any, path: tuple[Any, ...],
                 edits: Edits) -> bool | None:
        schemas = self._expand([self.root])
        for depth in range(len(path) + 1):
            if schemas is None:
                return None
            if node is seed:
                return True
            key = path[depth] if depth < len(path) else ABSENT
            objects = [s for s in schemas if isinstance(s, Mapping)]
            if (depth == len(path) or not _one_child(seed, node, key, edits.get(id(node)))
                    or any(_WHOLE & s.keys() for s in objects)):
                if depth == 0:
                    return None  # the config itself: validated whole by the caller
                return all(self._valid(s, node) for s in schemas)
            if any(s is False for s in schemas):
                return False
            if not all(self._rest_valid(s, node) for s in objects):
                return False
            schemas = self._expand(self._children(objects, node, key))
            seed = seed.get(key, ABSENT) if isinstance(seed, dict) else seed[key]
            node = node[key]
        return None

    @staticmethod
    def _children(schemas: list[Mapping[str, Any]], node: Any, key: Any) -> list[Any] | None:
        """The subschemas that apply to ``node[key]`` through the node's structural keywords."""
        out: list[Any] = []
        for schema in schemas:
            if isinstance(node, dict):
                props = schema.get("properties", {})
                if not isinstance(props, Mapping):
                    return None
                if key in props:
                    out.append(props[key])
                elif "additionalProperties" in schema:
                    out.append(schema["additionalProperties"])
            else:
                prefix = schema.get("prefixItems", [])
                if not isinstance(prefix, list):
                    return None
                if key < len(prefix):
                    out.append(prefix[key])
                elif "items" in schema:
                    out.append(schema["items"])
        return out

    def _expand(self, schemas: list[Any] | None) -> list[Any] | None:
        """``schemas`` with every ``allOf`` branch and ``$ref`` target they apply, recursively;
        None when a reference is not a plain pointer into the document."""
        if schemas is None:
            return None
        out: list[Any] = []
        seen: set[int] = set()
        stack = list(reversed(schemas))
        while stack:
            schema = stack.pop()
            if schema is True or id(schema) in seen:
                continue
            if schema is not False and not isinstance(schema, Mapping):
                return None
            seen.add(id(schema))
            out.append(schema)
            if schema is False:
                continue
            branches = schema.get("allOf", [])
            if not isinstance(branches, list):
                return None
            stack.extend(reversed(branches))
            if "$ref" in schema:
                target = self._resolve(schema["$ref"])
                if target is ABSENT:
                    return None
                stack.append(target)
        return out

    def _resolve(self, ref: Any) -> Any:
        if not isinstance(ref, str) or not ref.startswith("#") or "%" in ref:
            return ABSENT
        node = self.root
        if ref in ("#", "#/"):
            return node if ref == "#" else ABSENT
        if not ref.startswith("#/"):
            return ABSENT  # an anchor
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return ABSENT
        return node

    def _valid(self, schema: Any, value: Any) -> bool:
        if schema is False:
            return False
        hit = self._isolated.get(id(schema))
        if hit is None or hit[0] is not schema:
            self._isolated[id(schema)] = hit = (schema, self._evolve(schema))
        return bool(hit[1].is_valid(value))

    def _rest_valid(self, schema: Mapping[str, Any], value: Any) -> bool:
        """The node's own keywords (all but the structural ones) accept it."""
        hit = self._rest.get(id(schema))
        if hit is None or hit[0] is not schema:
            rest = {k: v for k, v in schema.items() if k not in _STRUCTURAL and k not in _INERT}
            validator = self._evolve(rest) if rest else None
            self._rest[id(schema)] = hit = (schema, validator)
        return hit[1] is None or bool(hit[1].is_valid(value))

    def _evolve(self, schema: Any) -> Any:
        if isinstance(schema, Mapping) and "$schema" in schema:
            # evolve() would pick the plain validator class that $schema names
            schema = {k: v for k, v in schema.items() if k != "$schema"}
        return self.validator.evolve(schema=schema)


class Canonicals:
    """``canonical(value)`` for values that share most of their objects with a few remembered
    ones (configs edited along one path): a remembered object's form is reused, not rebuilt."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, str]] = {}
        self._scalars: dict[tuple[type, Any], str] = {}
        self._keys: dict[str, str] = {}
        self._parts: dict[int, tuple[dict[str, Any], list[str], list[str]]] = {}

    def remember(self, value: Any) -> str:
        """The canonical form of ``value``; it and every object in it must not change later."""
        hit = self._known.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        if isinstance(value, (dict, list)):
            for member in value.values() if isinstance(value, dict) else value:
                self.remember(member)
            form = self.of(value)
            self._known[id(value)] = (value, form)
            return form
        return self.of(value)

    def of(self, value: Any, edits: Edits | None = None) -> str:
        """``canonical(value)``; ``edits`` says which of its objects copy which others."""
        if isinstance(value, dict):
            hit = self._known.get(id(value))
            if hit is not None and hit[0] is value:
                return hit[1]
            made = edits.get(id(value)) if edits else None
            if (made is not None and made[2] is value and len(made[1]) == 1
                    and isinstance(made[0], dict)):
                patched = self._patched(value, made[0], next(iter(made[1])), edits)
                if patched is not None:
                    return patched
            if not all(isinstance(k, str) for k in value):
                return canonical(value)
            return "{" + ",".join([self._key(k) + self.of(value[k], edits)
                                   for k in sorted(value)]) + "}"
        if isinstance(value, list):
            hit = self._known.get(id(value))
            if hit is not None and hit[0] is value:
                return hit[1]
            return "[" + ",".join([self.of(v, edits) for v in value]) + "]"
        if isinstance(value, (str, int, float, bool)) or value is None:
            scalar = (type(value), value)
            form = self._scalars.get(scalar)
            if form is None:
                form = self._scalars[scalar] = canonical(value)
            return form
        return canonical(value)

    def _patched(self, value: dict[str, Any], source: dict[str, Any], key: Any,
                 edits: Edits | None) -> str | None:
        """The form of ``value``, a copy of ``source`` that differs at most at ``key``: the
        source's member forms with that one replaced, inserted or removed."""
        hit = self._parts.get(id(source))
        if hit is None or hit[0] is not source:
            known = self._known.get(id(source))
            if known is None or known[0] is not source or not all(
                    isinstance(k, str) for k in source):
                return None  # only remembered objects stay unchanged (and alive)
            keys = sorted(source)
            hit = (source, keys, [self._key(k) + self.of(source[k]) for k in keys])
            self._parts[id(source)] = hit
        if not isinstance(key, str):
            return None
        _, keys, parts = hit
        at = bisect.bisect_left(keys, key)
        had = at < len(keys) and keys[at] == key
        parts = list(parts)
        if key in value:
            part = self._key(key) + self.of(value[key], edits)
            if had:
                parts[at] = part
            else:
                parts.insert(at, part)
        elif had:
            del parts[at]
        return "{" + ",".join(parts) + "}"

    def _key(self, key: str) -> str:
        form = self._keys.get(key)
        if form is None:
            form = self._keys[key] = json.dumps(key, ensure_ascii=False) + ":"
        return form
