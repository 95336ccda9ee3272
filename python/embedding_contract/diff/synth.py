"""Build concrete JSON values for a schema: boundary-biased candidates, checked by the validator.

``Synth(root).values(schema)`` proposes a handful of values for a subschema of ``root`` (the
bounds themselves, the shortest strings and arrays, each ``anyOf``/``oneOf`` branch, minimal and
full objects), repaired to satisfy the contract's portable rules; ``one``/``valid_values`` keep
those the contract's validator (python-jsonschema plus the vocabulary) accepts. Witnesses are
built from these values, so every claim they support is checked by a real validator.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from embedding_contract.diff.findings import ABSENT
from embedding_contract.diff.keywords import (
    canonical,
    is_number,
    numeric_bound,
    position,
    properties_of,
    required_of,
    type_atoms,
)
from embedding_contract.diff.references import SchemaDocument, deref
from embedding_contract.diff.regex import example as regex_example
from embedding_contract.vocabulary import rules_in
from embedding_contract.vocabulary.contract_validator import ContractValidator

MAX_DEPTH = 12
MAX_VARIANTS = 16
MAX_VALUES = 24
_ORDER = ("object", "array", "string", "integer", "fraction", "boolean", "null")


def _merge(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    """A rough conjunction of two keyword sets, good enough to propose values (they are
    validated against the real schema afterwards)."""
    out = dict(a)
    for key, value in b.items():
        if key not in out:
            out[key] = value
        elif key == "properties" and isinstance(value, Mapping):
            props = dict(out[key])
            for name, sub in value.items():
                props[name] = {"allOf": [props[name], sub]} if name in props else sub
            out[key] = props
        elif key == "required" and isinstance(value, list):
            out[key] = [*out[key], *(v for v in value if v not in out[key])]
        elif key == "type":
            mine, theirs = type_atoms(out), type_atoms({"type": value})
            if mine is not None and theirs is not None:
                both = mine & theirs
                names: list[str] = [n for n in ("null", "boolean", "object", "array", "string")
                                    if n in both]
                if "fraction" in both:
                    names.append("number")
                elif "integer" in both:
                    names.append("integer")
                out[key] = names
    return out


class Synth:
    """Values for the subschemas of one schema document."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.document = SchemaDocument(root)
        self.validator = ContractValidator(root)
        self._one: dict[tuple[int, int], Any] = {}
        self._valid: dict[tuple[int, int], list[Any]] = {}
        self._checked: dict[tuple[int, str], bool] = {}
        self._keep: list[Any] = []

    # -- validation -----------------------------------------------------------------------------

    def check(self, schema: Any, value: Any) -> bool:
        key = (id(schema), canonical(value))
        if key not in self._checked:
            self._keep.append(schema)
            self._checked[key] = self._check(schema, value)
        return self._checked[key]

    def _check(self, schema: Any, value: Any) -> bool:
        if schema is self.root:
            return bool(self.validator.is_valid(value))
        if isinstance(schema, Mapping) and "$schema" in schema:
            # evolve() would pick the plain validator class that $schema names
            schema = {k: v for k, v in schema.items() if k != "$schema"}
        try:
            return bool(self.validator.evolve(schema=schema).is_valid(value))
        except Exception:  # an unresolvable or malformed subschema validates nothing
            return False

    def one(self, schema: Any, salt: int = 0, depth: int = 0) -> Any:
        """The first proposed value ``schema`` accepts, or ABSENT."""
        key = (id(schema), salt)
        if key not in self._one:
            self._keep.append(schema)  # ids stay unique while cached
            self._one[key] = ABSENT  # a recursive request sees "none yet"
            found = next((v for v in self.values(schema, salt, depth) if self.check(schema, v)),
                         ABSENT)
            self._one[key] = found
        return copy.deepcopy(self._one[key])

    def valid_values(self, schema: Any, limit: int = 6, salt: int = 0) -> list[Any]:
        return copy.deepcopy(self.shared_valid_values(schema, limit, salt))

    def shared_valid_values(self, schema: Any, limit: int = 6, salt: int = 0) -> list[Any]:
        """``valid_values`` without copies: the caller must not change them."""
        key = (id(schema), salt)
        if key not in self._valid:
            self._keep.append(schema)
            self._valid[key] = [v for v in self.values(schema, salt) if self.check(schema, v)]
        return self._valid[key][:limit]

    # -- proposals ------------------------------------------------------------------------------

    def flatten(self, schema: Any, depth: int = 0) -> list[dict[str, Any]]:
        """``schema`` as alternatives without allOf/anyOf/oneOf (one per branch choice)."""
        try:
            keywords = dict(deref(self.document, schema, "").keywords)
        except Exception:
            return []
        combos = {c: keywords.pop(c) for c in ("allOf", "anyOf", "oneOf") if c in keywords}
        variants = [keywords]
        if depth > MAX_DEPTH:
            return variants
        for branch in combos.get("allOf", []):
            variants = [_merge(v, f) for v in variants for f in self.flatten(branch, depth + 1)]
        for combo in ("anyOf", "oneOf"):
            if isinstance(combos.get(combo), list):
                variants = [_merge(v, f) for v in variants for b in combos[combo]
                            for f in self.flatten(b, depth + 1)]
        return variants[:MAX_VARIANTS]

    def values(self, schema: Any, salt: int = 0, depth: int = 0) -> list[Any]:
        if depth > MAX_DEPTH or schema is False:
            return []
        out: list[Any] = []
        for node in self.flatten(schema):
            out.extend(self._by_type(node, salt, depth))
        seen: set[str] = set()
        unique = []
        for value in out:
            key = canonical(value)
            if key not in seen:
                seen.add(key)
                unique.append(value)
        return unique[:MAX_VALUES]

    def _by_type(self, node: Mapping[str, Any], salt: int, depth: int) -> list[Any]:
        if "const" in node:  # copies: proposals get edited, the schema must not
            return [copy.deepcopy(node["const"])]
        if isinstance(node.get("enum"), list):
            return copy.deepcopy(list(node["enum"]))
        atoms = type_atoms(node)
        if atoms is None:
            atoms = frozenset(self._infer(node))
        out: list[Any] = []
        for atom in _ORDER:
            if atom not in atoms:
                continue
            if atom == "object":
                out.extend(self._objects(node, salt, depth))
            elif atom == "array":
                out.extend(self._arrays(node, salt, depth))
            elif atom == "string":
                out.extend(self._strings(node, salt))
            elif atom in ("integer", "fraction"):
                out.extend(numbers(node, integral=atom == "integer"))
            elif atom == "boolean":
                out.extend([True, False])
            else:
                out.append(None)
        return out

    @staticmethod
    def _infer(node: Mapping[str, Any]) -> tuple[str, ...]:
        if any(k in node for k in ("properties", "required", "additionalProperties")):
            return ("object",)
        if any(k in node for k in ("items", "prefixItems", "minItems", "maxItems")):
            return ("array",)
        if any(k in node for k in ("minLength", "maxLength", "pattern")):
            return ("string",)
        if any(k in node for k in ("minimum", "maximum", "exclusiveMinimum",
                                   "exclusiveMaximum", "multipleOf")):
            return ("integer", "fraction")
        return _ORDER

    def _strings(self, node: Mapping[str, Any], salt: int) -> list[str]:
        low = node.get("minLength", 0)
        high = node.get("maxLength")
        low = low if isinstance(low, int) else 0
        high = high if isinstance(high, int) else None
        out: list[str] = []
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            found = regex_example(pattern, None)
            if found is not None:
                out.append(found)
        base = "a" if salt == 0 else f"a{salt}"
        text = base + "a" * max(0, low - len(base))
        if high is not None and len(text) > high:
            text = chr(ord("a") + salt % 26) * max(low, min(high, 1))
        out.append(text)
        out.append("a" * low)
        if high is not None and high <= 4096:
            out.append("a" * high)
        return out

    def _arrays(self, node: Mapping[str, Any], salt: int, depth: int) -> list[Any]:
        low = node.get("minItems", 0)
        high = node.get("maxItems")
        low = low if isinstance(low, int) else 0
        high = high if isinstance(high, int) else None
        lengths = [max(low, 1), low]
        if high is not None and high <= 8:
            lengths.append(high)
        out = []
        for n in dict.fromkeys(lengths):
            if high is not None and n > high:
                continue
            items = self.items(node, n, depth)
            if items is not None:
                out.append(repair(node, items, self))
        return out

    def items(self, node: Mapping[str, Any], n: int, depth: int = 0,
              start: int = 0) -> list[Any] | None:
        """``n`` fresh items for positions ``start``.. of the array schema ``node``."""
        items = []
        for i in range(start, start + n):
            schema = position(node, i)
            value = 0 if schema is ABSENT else self.one(schema, salt=i, depth=depth + 1)
            if value is ABSENT:
                return None
            items.append(value)
        return items

    def _objects(self, node: Mapping[str, Any], salt: int, depth: int) -> list[Any]:
        props = properties_of(node)
        required = required_of(node)
        extra = node.get("additionalProperties", True)
        minimal: dict[str, Any] = {}
        for key in required:
            schema = props.get(key, extra if extra is not False else True)
            value = self.one(schema, salt, depth + 1)
            if value is ABSENT:
                return []
            minimal[key] = value
        full = dict(minimal)
        for key in props:
            if key not in full:
                value = self.one(props[key], salt, depth + 1)
                if value is not ABSENT:
                    full[key] = value
        return [repair(node, minimal, self), repair(node, full, self)]


def numbers(node: Mapping[str, Any], integral: bool) -> list[float]:
    """In-range numbers at and near the bounds of ``node`` (integers or fractions)."""
    low, high = lower_bound(node), upper_bound(node)
    step = node.get("multipleOf")
    step = step if is_number(step) and step > 0 else None
    if integral:
        first = None if low is None else (math.floor(low[0]) + 1 if low[1] and float(low[0])
                                       .is_integer() else math.ceil(low[0]))
        last = None if high is None else (math.ceil(high[0]) - 1 if high[1] and float(high[0])
                                        .is_integer() else math.floor(high[0]))
        raw: list[float] = [1, 0]
        for end in (first, last):
            if end is not None:
                raw += [end, end + 1, end - 1]
        if first is not None and last is not None:
            raw.append((first + last) // 2)
        if step is not None:
            multiples = [_multiple(v, step) for v in raw]
            raw = [int(v) if float(v).is_integer() else v for v in multiples if v is not None]
    else:
        raw = [0.5, 1.5, -0.5]
        for bound in (low, high):
            if bound is not None:
                raw += [bound[0] + 0.5, bound[0] - 0.5, bound[0] + 0.25, bound[0] - 0.25]
        if low is not None and high is not None:
            raw.append((low[0] + high[0]) / 2)
        raw = [float(v) for v in raw if not float(v).is_integer()]
    return [v for v in dict.fromkeys(raw) if within(v, low, high)]


def _multiple(value: float, step: float) -> float | None:
    """The least multiple of ``step`` at or above ``value``; None when it is not a finite double
    (a tiny step such as 5e-324 overflows the quotient)."""
    quotient = value / step
    if not math.isfinite(quotient):
        return None
    multiple = math.ceil(quotient) * step
    try:
        return multiple if math.isfinite(float(multiple)) else None
    except OverflowError:
        return None


def lower_bound(node: Mapping[str, Any]) -> tuple[float, bool] | None:
    return numeric_bound(node, "minimum", "exclusiveMinimum", True)


def upper_bound(node: Mapping[str, Any]) -> tuple[float, bool] | None:
    return numeric_bound(node, "maximum", "exclusiveMaximum", False)


def within(value: float, low: tuple[float, bool] | None, high: tuple[float, bool] | None) -> bool:
    if low is not None and (value < low[0] or (low[1] and value == low[0])):
        return False
    return not (high is not None and (value > high[0] or (high[1] and value == high[0])))


def repair(node: Mapping[str, Any], value: Any, synth: Synth) -> Any:
    """Adjust a proposed value so the portable rules declared on ``node`` hold."""
    source = SchemaSource(synth, node, node)
    for rule in rules_in(node):
        value = rule.satisfy(value, source)
    return value


@dataclass(frozen=True)
class SchemaSource:
    """A rule's ``Source`` at one place of a schema: ``here`` is the schema of the value being
    changed, ``node`` its keywords (whose ``properties`` give each member's schema)."""

    synth: Synth
    here: Any
    node: Mapping[str, Any]

    def _member(self, member: str, absent: Any) -> Any:
        props = self.node.get("properties", {})
        return props.get(member, absent) if isinstance(props, Mapping) else absent

    def resized(self, member: str | None, items: list[Any], n: int) -> list[Any]:
        schema = self.here if member is None else self._member(member, {})
        return resize(self.synth, schema, items, n)

    def equal(self, value: Any) -> Any:
        return copy.deepcopy(value)

    def chosen(self, member: str, options: list[Any], current: list[Any]) -> list[Any]:
        return options[:len(current)]

    def fits(self, member: str, value: Any) -> bool:
        return self.synth.check(self._member(member, True), value)

    def above(self, member: str, value: Any) -> Any:
        return value + 1

    def below(self, member: str, value: Any) -> Any:
        return value - 1


def resize(synth: Synth, schema: Any, items: list[Any], n: int) -> list[Any]:
    """``items`` cut or grown to ``n`` (new items are fresh values of the array's schema)."""
    if len(items) >= n:
        return items[:n]
    nodes = synth.flatten(schema)
    for node in nodes:
        extra = synth.items(node, n - len(items), start=len(items))
        if extra is not None:
            return [*items, *extra]
    return [*items, *(copy.deepcopy(items[-1:]) * (n - len(items)))] if items else items
