"""The contract's vocabulary of portable rules: the checks standard JSON Schema cannot state.

Each keyword is a small frozen value with a stable rule ID, the scope it applies to (an array or an
object), one line of documentation, the JSON Schema of its argument, and a linear-time ``check``
that works on parsed JSON and on model instances alike (through a getter). Keywords ignore values
of the wrong shape: the standard keywords beside them report those.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar, Literal

from embedding_contract.vocabulary.violation import Getter, Violation, get_attribute, get_member

JSON = Any
Scope = Literal["array", "object"]
PREFIX = "x-contract-"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_array(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def _key(value: Any) -> Any:
    """A hashable identity for a scalar JSON value (numbers compare mathematically), else None."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (str, int, float)):
        return value
    return None


def _show(value: Any) -> str:
    """A value as the config wrote it: an enum member (from a model instance) by its value."""
    return repr(value.value if isinstance(value, Enum) else value)


def _values(items: Any, key: str, get: Getter) -> list[Any]:
    """The value at ``key`` of each item (None where absent), without a call per item for JSON."""
    if get is get_member:
        return [item.get(key) if isinstance(item, dict) else None for item in items]
    if get is get_attribute:
        return [getattr(item, key, None) for item in items]
    return [get(item, key) for item in items]


@dataclass(frozen=True)
class UniqueBy:
    """Array items are objects whose values at ``key`` are pairwise distinct."""

    key: str

    KEYWORD: ClassVar[str] = PREFIX + "unique-by"
    RULE: ClassVar[str] = "unique-by"
    SCOPE: ClassVar[Scope] = "array"
    DOC: ClassVar[str] = "array items must have distinct values at the named key"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {"type": "string", "minLength": 1}

    def argument(self) -> JSON:
        return self.key

    @classmethod
    def from_argument(cls, argument: JSON) -> list[UniqueBy]:
        return [cls(argument)]

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        if not _is_array(instance):
            return
        first: dict[Any, int] = {}
        for index, value in enumerate(_values(instance, self.key, get)):
            key = value if value.__class__ is str else _key(value)
            if key is None:
                continue
            seen = first.setdefault(key, index)
            if seen != index:
                yield Violation(
                    (index, self.key), self.RULE,
                    f"duplicate {self.key} {_show(value)}: already used by item [{seen}]", value)


@dataclass(frozen=True)
class EqualAcross:
    """Array items are objects that all share one value at each of ``keys``."""

    keys: tuple[str, ...]

    KEYWORD: ClassVar[str] = PREFIX + "equal-across"
    RULE: ClassVar[str] = "equal-across"
    SCOPE: ClassVar[Scope] = "array"
    DOC: ClassVar[str] = "array items must all have the same value at each named key"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1,
        "uniqueItems": True,
    }

    def argument(self) -> JSON:
        return list(self.keys)

    @classmethod
    def from_argument(cls, argument: JSON) -> list[EqualAcross]:
        return [cls(tuple(argument))]

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        if not _is_array(instance) or not instance:
            return
        for key in self.keys:
            values = _values(instance, key, get)
            expected = _key(values[0])
            if expected is None:
                continue
            for index, value in enumerate(values):
                found = _key(value)
                if found is not None and found != expected:
                    yield Violation(
                        (index, key), self.RULE,
                        f"{key} is {_show(value)} here but {_show(values[0])} in item [0]; "
                        f"all items must share one {key}", value)


@dataclass(frozen=True)
class StrictlyIncreasing:
    """An array of numbers in strictly increasing order."""

    KEYWORD: ClassVar[str] = PREFIX + "strictly-increasing"
    RULE: ClassVar[str] = "strictly-increasing"
    SCOPE: ClassVar[Scope] = "array"
    DOC: ClassVar[str] = "each number in the array must be greater than the one before it"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {"const": True}

    def argument(self) -> JSON:
        return True

    @classmethod
    def from_argument(cls, argument: JSON) -> list[StrictlyIncreasing]:
        return [cls()] if argument is True else []

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        if not _is_array(instance):
            return
        for index in range(1, len(instance)):
            before, value = instance[index - 1], instance[index]
            if _is_number(before) and _is_number(value) and not value > before:
                yield Violation(
                    (index,), self.RULE,
                    f"{value!r} is not greater than the item before it ({before!r})", value)


@dataclass(frozen=True)
class References:
    """Each string in array ``property`` equals the ``key`` of some item of array ``target``."""

    property: str
    target: str
    key: str

    KEYWORD: ClassVar[str] = PREFIX + "references"
    RULE: ClassVar[str] = "references"
    SCOPE: ClassVar[Scope] = "object"
    DOC: ClassVar[str] = "each entry of one array property must name an item of another by key"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "minItems": 1,
        "items": {
            "type": "object", "additionalProperties": False,
            "required": ["property", "target", "key"],
            "properties": {
                "property": {"type": "string", "minLength": 1},
                "target": {"type": "string", "minLength": 1},
                "key": {"type": "string", "minLength": 1},
            },
        },
    }

    def argument(self) -> JSON:
        return {"property": self.property, "target": self.target, "key": self.key}

    @classmethod
    def from_argument(cls, argument: JSON) -> list[References]:
        return [cls(a["property"], a["target"], a["key"]) for a in argument]

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        names, targets = get(instance, self.property), get(instance, self.target)
        if not _is_array(names) or not _is_array(targets):
            return
        known = {v if v.__class__ is str else _key(v) for v in _values(targets, self.key, get)}
        for index, name in enumerate(names):
            if isinstance(name, str) and name not in known:
                yield Violation(
                    (self.property, index), self.RULE,
                    f"{name!r} names no item of {self.target} (by {self.key})", name)


@dataclass(frozen=True)
class LengthRelation:
    """Arrays ``property`` and ``other``, when both present: len(property) = len(other) + offset."""

    property: str
    other: str
    offset: int

    KEYWORD: ClassVar[str] = PREFIX + "length-relation"
    RULE: ClassVar[str] = "length-relation"
    SCOPE: ClassVar[Scope] = "object"
    DOC: ClassVar[str] = "one array property must be exactly `offset` items longer than another"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "minItems": 1,
        "items": {
            "type": "object", "additionalProperties": False,
            "required": ["property", "other", "offset"],
            "properties": {
                "property": {"type": "string", "minLength": 1},
                "other": {"type": "string", "minLength": 1},
                "offset": {"type": "integer"},
            },
        },
    }

    def argument(self) -> JSON:
        return {"property": self.property, "other": self.other, "offset": self.offset}

    @classmethod
    def from_argument(cls, argument: JSON) -> list[LengthRelation]:
        return [cls(a["property"], a["other"], a["offset"]) for a in argument]

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        value, other = get(instance, self.property), get(instance, self.other)
        if not _is_array(value) or not _is_array(other):
            return
        expected = len(other) + self.offset
        if len(value) != expected:
            yield Violation(
                (self.property,), self.RULE,
                f"{self.property} has {len(value)} items but needs len({self.other}) "
                f"{'+' if self.offset >= 0 else '-'} {abs(self.offset)} = {expected}", value)


@dataclass(frozen=True)
class GreaterThan:
    """Number ``property`` is greater than number ``than`` of the same object, when both present."""

    property: str
    than: str

    KEYWORD: ClassVar[str] = PREFIX + "greater-than"
    RULE: ClassVar[str] = "greater-than"
    SCOPE: ClassVar[Scope] = "object"
    DOC: ClassVar[str] = "one number property must be greater than another of the same object"
    ARGUMENT_SCHEMA: ClassVar[JSON] = {
        "type": "array", "minItems": 1,
        "items": {
            "type": "object", "additionalProperties": False, "required": ["property", "than"],
            "properties": {
                "property": {"type": "string", "minLength": 1},
                "than": {"type": "string", "minLength": 1},
            },
        },
    }

    def argument(self) -> JSON:
        return {"property": self.property, "than": self.than}

    @classmethod
    def from_argument(cls, argument: JSON) -> list[GreaterThan]:
        return [cls(a["property"], a["than"]) for a in argument]

    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        value, than = get(instance, self.property), get(instance, self.than)
        if _is_number(value) and _is_number(than) and not value > than:
            yield Violation(
                (self.property,), self.RULE,
                f"{self.property} ({value!r}) must be greater than {self.than} ({than!r})", value)


Rule = UniqueBy | EqualAcross | StrictlyIncreasing | References | LengthRelation | GreaterThan
RuleType = (
    type[UniqueBy] | type[EqualAcross] | type[StrictlyIncreasing] | type[References]
    | type[LengthRelation] | type[GreaterThan]
)

RULE_CLASSES = (UniqueBy, EqualAcross, StrictlyIncreasing, References, LengthRelation, GreaterThan)

# The one table of the vocabulary: schema keyword -> rule class.
VOCABULARY: Mapping[str, RuleType] = {cls.KEYWORD: cls for cls in RULE_CLASSES}


def rules_in(schema: Mapping[str, Any]) -> list[Rule]:
    """Every rule declared directly in one schema object (not in its subschemas)."""
    found: list[Rule] = []
    for keyword, cls in VOCABULARY.items():
        if keyword in schema:
            found.extend(cls.from_argument(schema[keyword]))
    return found


def schema_fragment(rules: list[Rule]) -> dict[str, Any]:
    """The keywords that declare ``rules`` in a schema object (object-scope ones as lists)."""
    out: dict[str, Any] = {}
    for rule in rules:
        if rule.SCOPE == "object":
            out.setdefault(rule.KEYWORD, []).append(rule.argument())
        else:
            out[rule.KEYWORD] = rule.argument()
    return out
