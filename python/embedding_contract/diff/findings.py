"""The values of a schema diff: effects, findings and witnesses."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from embedding_contract.core.versions import Bump


class _Absent:
    """Marks a keyword or property that one side does not have (distinct from JSON null)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT: Any = _Absent()


class Direction(str, enum.Enum):
    """Who reads whom: backward = a reader on NEW reads configs written for OLD."""

    BACKWARD = "backward"
    FORWARD = "forward"


class Mode(str, enum.Enum):
    BACKWARD = "backward"
    FORWARD = "forward"
    FULL = "full"

    @property
    def directions(self) -> tuple[Direction, ...]:
        if self is Mode.FULL:
            return (Direction.BACKWARD, Direction.FORWARD)
        return (Direction(self.value),)


class Policy(str, enum.Enum):
    """strict: readers reject unknown keys (closed objects); tolerant-reader: they ignore them."""

    STRICT = "strict"
    TOLERANT_READER = "tolerant-reader"


class Effect(str, enum.Enum):
    """What one change does to one direction, in decreasing severity."""

    BREAKING = "breaking"
    POSSIBLY_BREAKING = "possibly-breaking"
    COMPATIBLE = "compatible"
    ANNOTATION = "annotation"

    @property
    def breaks(self) -> bool:
        return self in (Effect.BREAKING, Effect.POSSIBLY_BREAKING)


@dataclass(frozen=True)
class Effects:
    """What one change does to each direction, as a rule sees it in a positive context."""

    backward: Effect
    forward: Effect

    NARROWING: ClassVar[Effects]
    """NEW accepts less: backward breaking, forward compatible."""
    WIDENING: ClassVar[Effects]
    """NEW accepts more: forward breaking, backward compatible."""
    BOTH_WAYS: ClassVar[Effects]
    """NEW accepts some values OLD rejects and rejects some OLD accepts."""
    NEUTRAL: ClassVar[Effects]
    """Validity unchanged, meaning changed (a default, say): compatible both ways."""
    ANNOTATION: ClassVar[Effects]
    """Documentation only."""
    UNKNOWN: ClassVar[Effects]
    """Not understood: possibly breaking both ways (the diff fails closed)."""


Effects.NARROWING = Effects(Effect.BREAKING, Effect.COMPATIBLE)
Effects.WIDENING = Effects(Effect.COMPATIBLE, Effect.BREAKING)
Effects.BOTH_WAYS = Effects(Effect.BREAKING, Effect.BREAKING)
Effects.NEUTRAL = Effects(Effect.COMPATIBLE, Effect.COMPATIBLE)
Effects.ANNOTATION = Effects(Effect.ANNOTATION, Effect.ANNOTATION)
Effects.UNKNOWN = Effects(Effect.POSSIBLY_BREAKING, Effect.POSSIBLY_BREAKING)


@dataclass(frozen=True)
class Witness:
    """The outcome of a witness search for one finding in one direction.

    ``status`` is ``found`` (``instance`` is valid under the writer's schema and rejected by the
    reader's, both checked by the contract's validator), ``not-found``, ``not-searched`` or
    ``not-applicable`` (no config can show it, e.g. a change of the vocabulary meta-schema).
    """

    status: str
    instance: Any = None
    note: str = ""


NOT_SEARCHED = Witness("not-searched")


@dataclass(frozen=True)
class Site:
    """Where a change sits, for building witnesses: never part of any output."""

    path: tuple[Any, ...]
    trail_old: tuple[tuple[Any, Any], ...]
    trail_new: tuple[tuple[Any, Any], ...]
    here_old: Any
    here_new: Any
    hint: Mapping[str, Any] = field(default_factory=dict)
    polarity: str = "positive"


@dataclass(frozen=True)
class Finding:
    """One change between two schema documents, classified per direction."""

    rule: str
    category: str
    file: str
    pointer: str
    old_pointer: str
    instance_path: str
    old: Any
    new: Any
    backward: Effect
    forward: Effect
    witnesses: Mapping[Direction, Witness] = field(default_factory=dict)
    waived: str | None = None
    site: Site | None = field(default=None, compare=False, repr=False)
    same_instances: bool = False
    """The semantic core proved both places accept the same instances: no bump needed."""
    unknown: str = ""
    """Why the semantic core could not decide this place (empty when it did)."""

    @property
    def location(self) -> str:
        return f"{self.file}#{self.pointer}"

    def effect(self, direction: Direction) -> Effect:
        return self.backward if direction is Direction.BACKWARD else self.forward

    def witness(self, direction: Direction) -> Witness:
        return self.witnesses.get(direction, NOT_SEARCHED)

    def with_effect(self, direction: Direction, effect: Effect, witness: Witness) -> Finding:
        witnesses = {**self.witnesses, direction: witness}
        if direction is Direction.BACKWARD:
            return replace(self, backward=effect, witnesses=witnesses)
        return replace(self, forward=effect, witnesses=witnesses)

    def breaks(self, directions: tuple[Direction, ...]) -> bool:
        return self.waived is None and any(self.effect(d).breaks for d in directions)

    def bump(self, directions: tuple[Direction, ...]) -> Bump:
        """The smallest version bump this change alone demands under ``directions``."""
        if self.breaks(directions):
            return Bump.MAJOR
        if self.same_instances:
            return Bump.PATCH
        if self.backward is Effect.ANNOTATION and self.forward is Effect.ANNOTATION:
            return Bump.PATCH
        return Bump.MINOR


