"""What a model accepts, read from its Pydantic declaration: the tree the generators walk.

Nothing here restates a model: bounds come from the ``annotated_types`` constraints of each field,
optional fields from their defaults, groups and rules from ``model_spec``. A new field or bound in a
model reaches the generators (and so the differential tests) without editing this package.
"""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Union

from pydantic.fields import FieldInfo

from embedding_contract.models.base import ContractModel, model_spec
from embedding_contract.models.groups import Group
from embedding_contract.models.registry import resolve
from embedding_contract.models.types import MAX_SAFE_INTEGER
from embedding_contract.vocabulary import PortableRule


@dataclass(frozen=True)
class Integer:
    """A JSON integer (``64`` or ``64.0``) within ``[minimum, maximum]``."""

    minimum: int
    maximum: int


@dataclass(frozen=True)
class Number:
    """A finite JSON number; ``exclusive_maximum`` when the bound is strict."""

    minimum: float | None = None
    maximum: float | None = None
    exclusive_maximum: bool = False


@dataclass(frozen=True)
class String:
    min_length: int = 0


@dataclass(frozen=True)
class Choice:
    """A string enum."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class Array:
    item: Shape
    min_items: int = 0
    rules: tuple[PortableRule, ...] = ()


@dataclass(frozen=True)
class Tuple:
    items: tuple[Shape, ...]


@dataclass(frozen=True)
class Slot:
    """One field of an object: its shape, whether it is required, and whether null is allowed."""

    shape: Shape
    required: bool
    nullable: bool
    group: Group | None = None


@dataclass(frozen=True)
class Object:
    """A closed object (a ``ContractModel``)."""

    name: str
    fields: dict[str, Slot] = field(hash=False, compare=False)
    groups: tuple[Group, ...] = ()
    rules: tuple[PortableRule, ...] = ()


Shape = Union[Integer, Number, String, Choice, Array, Tuple, Object]


@cache
def model_shape(model_name: str) -> Shape:
    """The shape of model ``family.ClassName`` (a class or an enum)."""
    return _of(resolve(model_name), [])


@cache
def _object(cls: type[ContractModel]) -> Object:
    spec = model_spec(cls)
    member_of = {m: g for g in spec.groups for m in g.members}
    slots: dict[str, Slot] = {}
    for name, info in cls.model_fields.items():
        nullable, annotation = _strip_optional(info.annotation)
        shape = _of(annotation, list(info.metadata))
        slots[name] = Slot(shape, info.is_required(), nullable and info.default is None,
                           member_of.get(name))
    return Object(cls.__name__, slots, spec.groups, spec.object_rules)


def _strip_optional(annotation: Any) -> tuple[bool, Any]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return True, args[0]
    return False, annotation


def _of(annotation: Any, metadata: list[Any]) -> Shape:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _of(base, [*metadata, *extra])
    flat: list[Any] = []
    for item in metadata:
        flat.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    origin = typing.get_origin(annotation)
    if origin is list:
        (item_type,) = typing.get_args(annotation)
        return Array(_of(item_type, []), _bound(flat, "min_length", 0),
                     tuple(m for m in flat if isinstance(m, PortableRule)))
    if origin is tuple:
        return Tuple(tuple(_of(a, []) for a in typing.get_args(annotation)))
    if isinstance(annotation, type) and issubclass(annotation, ContractModel):
        return _object(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return Choice(tuple(str(m.value) for m in annotation))
    if annotation is int:
        return Integer(_bound(flat, "ge", -MAX_SAFE_INTEGER),
                       _bound(flat, "le", MAX_SAFE_INTEGER))
    if annotation is float:
        lt = _bound(flat, "lt", None)
        return Number(_bound(flat, "ge", None),
                      lt if lt is not None else _bound(flat, "le", None), lt is not None)
    if annotation is str:
        return String(_bound(flat, "min_length", 0))
    raise TypeError(f"no shape for {annotation!r}: teach shapes.py about it")


def _bound(metadata: list[Any], attribute: str, default: Any) -> Any:
    """The first ``attribute`` (``ge``, ``le``, ``lt``, ``min_length``) any metadata item states:
    ``annotated_types`` constraints and the contract's own types (``JsonInteger``) alike."""
    for item in metadata:
        value = getattr(item, attribute, None)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
    return default
