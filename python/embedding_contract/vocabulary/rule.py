"""The base of every portable rule, and the one registry of them (schema keyword -> rule class).

A rule is a small frozen value with a stable rule ID, the scope it applies to (an array or an
object), one line of documentation, the JSON Schema of its argument, and three behaviours that
work on parsed JSON and on model instances alike:

- ``check``: the violations in an instance, in linear time (and with the same messages in every
  language); a rule ignores values of the wrong shape, the standard keywords beside it report those;
- ``satisfy``: a copy of a value adjusted so that the rule holds (the schema diff repairs the
  values it proposes with it, the test generators complete the documents they draw);
- ``breaks``: ways to change a value so that the rule fails (the diff's witnesses, the tests).

What a rule cannot decide alone (a fresh valid item, which of several names to use, whether a
number fits a field) it asks a ``Source``, which the caller provides for the place being changed.
Subclassing ``PortableRule`` registers the class under its keyword: ``VOCABULARY`` is that registry.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar, Literal, Protocol

from embedding_contract.vocabulary.violation import Getter, Violation

JSON = Any
Scope = Literal["array", "object"]
PREFIX = "x-contract-"

ErrorAt = Literal["item", "item/key", "property", "property/item"]
"""Where a rule's error points, relative to the value carrying the keyword: ``item`` the offending
array item (``[j]``); ``item/key`` a member of it named by the argument (``[j].name``);
``property`` the object member the argument's ``property`` names; ``property/item`` an item of that
member (``tables_to_log[j]``). Stated in ``vocabulary.json`` so every language reports alike."""


class Source(Protocol):
    """What a rule asks of the place it changes a value at. ``member`` names a member of the
    object being changed; None stands for the array being changed itself."""

    def resized(self, member: str | None, items: list[Any], n: int) -> list[Any]:
        """``items`` cut or grown to ``n`` items (new ones are fresh values valid there)."""

    def equal(self, value: Any) -> Any:
        """A value equal to ``value`` (a generator may spell it differently: ``64``, ``64.0``)."""

    def chosen(self, member: str, options: list[Any], current: list[Any]) -> list[Any]:
        """An array for ``member`` whose items are all among ``options`` (``current``: what the
        member holds now)."""

    def fits(self, member: str, value: Any) -> bool:
        """Whether ``member`` may hold ``value`` as far as its own schema goes."""

    def above(self, member: str, value: Any) -> Any:
        """A value for ``member`` greater than ``value``, or None when it has none."""

    def below(self, member: str, value: Any) -> Any:
        """A value for ``member`` less than ``value``, or None when it has none."""


@dataclass(frozen=True)
class Break:
    """One way to break a rule: ``apply`` makes a value that breaks it from one that may not;
    ``at`` is the member a validator then reports (None: the value itself)."""

    apply: Callable[[Any], Any]
    at: str | None = None


_REGISTRY: dict[str, type[PortableRule]] = {}

VOCABULARY: Mapping[str, type[PortableRule]] = MappingProxyType(_REGISTRY)
"""The one table of the vocabulary: schema keyword -> rule class, in registration order."""


class PortableRule(ABC):
    """A keyword of the vocabulary. A subclass sets ``RULE``, ``SCOPE``, ``DOC`` and
    ``ARGUMENT_SCHEMA`` and is registered under ``KEYWORD`` (``x-contract-`` + ``RULE``)."""

    KEYWORD: ClassVar[str]
    RULE: ClassVar[str]
    SCOPE: ClassVar[Scope]
    DOC: ClassVar[str]
    ARGUMENT_SCHEMA: ClassVar[JSON]
    ERROR_AT: ClassVar[ErrorAt]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        missing = [n for n in ("RULE", "SCOPE", "DOC", "ARGUMENT_SCHEMA", "ERROR_AT")
                   if n not in cls.__dict__]
        if missing:
            raise TypeError(f"portable rule {cls.__name__} does not set {', '.join(missing)}")
        cls.KEYWORD = PREFIX + cls.RULE
        if cls.KEYWORD in _REGISTRY:
            raise TypeError(f"{cls.KEYWORD} is already the keyword of "
                            f"{_REGISTRY[cls.KEYWORD].__name__}")
        _REGISTRY[cls.KEYWORD] = cls

    @classmethod
    @abstractmethod
    def from_argument(cls, argument: JSON) -> Sequence[PortableRule]:
        """The rules one keyword declares (an object-scope keyword holds a list of them)."""

    @abstractmethod
    def argument(self) -> JSON:
        """This rule's part of the keyword's argument."""

    @abstractmethod
    def check(self, instance: Any, get: Getter) -> Iterator[Violation]:
        """Every violation in ``instance``, paths relative to it; ``get`` reads a member."""

    @abstractmethod
    def describe(self) -> str:
        """This rule in plain words, for people reading the schema's pages (Markdown-style
        backticks around names)."""

    @abstractmethod
    def satisfy(self, value: Any, source: Source) -> Any:
        """A copy of ``value`` that meets this rule (``value`` itself is left alone)."""

    @abstractmethod
    def breaks(self, source: Source) -> Iterator[Break]:
        """Ways to make a value (of this rule's scope, otherwise valid) break this rule."""

    def parts(self) -> tuple[PortableRule, ...]:
        """This rule as independent rules, each checking one thing (a schema diff compares
        declarations part by part)."""
        return (self,)

    def distinct_by(self) -> Callable[[Any], Any] | None:
        """For an array rule that needs pairwise distinct items: the key they must differ by
        (a generator can draw distinct items rather than repair them)."""
        return None

    def derived_member(self) -> str | None:
        """For an object rule whose ``satisfy`` computes one member's whole value (an array)
        from the others: that member (a generator can leave it ``[]`` for ``satisfy`` to fill)."""
        return None


def at_least_two(value: Any, source: Source) -> list[Any]:
    """A copy of array ``value`` (of ``[]`` for anything else) grown to two items if shorter."""
    items = copy.deepcopy(value) if isinstance(value, list) else []
    return items if len(items) >= 2 else source.resized(None, items, 2)


def rules_in(schema: Mapping[str, Any]) -> list[PortableRule]:
    """Every rule declared directly in one schema object (not in its subschemas)."""
    found: list[PortableRule] = []
    for keyword, cls in VOCABULARY.items():
        if keyword in schema:
            found.extend(cls.from_argument(schema[keyword]))
    return found


def schema_fragment(rules: Sequence[PortableRule]) -> dict[str, Any]:
    """The keywords that declare ``rules`` in a schema object (object-scope ones as lists)."""
    out: dict[str, Any] = {}
    for rule in rules:
        if rule.SCOPE == "object":
            out.setdefault(rule.KEYWORD, []).append(rule.argument())
        else:
            out[rule.KEYWORD] = rule.argument()
    return out
