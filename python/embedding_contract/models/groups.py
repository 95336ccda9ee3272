"""Field groups: ``one_of`` (exactly one member set) and ``at_most_one_of`` (zero or one set).

A field joins a group with a marker in its ``Annotated`` metadata, as upstream tagged fields with
``one_of="lr"``. "Set" means present and not null, as upstream counted ``value is not None``. The
same declaration drives the Pydantic check and the standard JSON Schema keywords, in the portable
form every validator reads alike: per member ``S(n) = {required: [n], properties: {n: not null}}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

GroupKind = Literal["one-of", "at-most-one-of"]


@dataclass(frozen=True)
class OneOf:
    """Marker: exactly one field of group ``name`` is set."""

    name: str
    kind: GroupKind = "one-of"


@dataclass(frozen=True)
class AtMostOneOf:
    """Marker: at most one field of group ``name`` is set."""

    name: str
    kind: GroupKind = "at-most-one-of"


@dataclass(frozen=True)
class Group:
    """A group as the model declares it: its kind, name and member fields in declaration order."""

    kind: GroupKind
    name: str
    members: tuple[str, ...]

    def problem(self, is_set: Sequence[str]) -> str | None:
        """Why the set members ``is_set`` break the group, or None when they keep it."""
        listed = ", ".join(self.members)
        if self.kind == "one-of" and len(is_set) != 1:
            got = f"{len(is_set)} ({', '.join(is_set)})" if is_set else "none"
            return f"exactly one of {listed} must be set (group '{self.name}'); got {got}"
        if self.kind == "at-most-one-of" and len(is_set) > 1:
            return (f"at most one of {listed} may be set (group '{self.name}'); "
                    f"got {len(is_set)} ({', '.join(is_set)})")
        return None

    def json_schema(self) -> dict[str, Any]:
        """The standard keywords stating this group."""
        branches = [_is_set(m) for m in self.members]
        if self.kind == "one-of":
            return {"oneOf": branches}
        return {"oneOf": [*branches, {"not": {"anyOf": [_is_set(m) for m in self.members]}}]}


def _is_set(member: str) -> dict[str, Any]:
    return {"required": [member], "properties": {member: {"not": {"type": "null"}}}}


def collect(fields: Iterable[tuple[str, Iterable[object]]]) -> tuple[Group, ...]:
    """Groups from ``(field name, metadata)`` pairs, in the order their first member appears."""
    members: dict[tuple[GroupKind, str], list[str]] = {}
    for field_name, metadata in fields:
        for marker in metadata:
            if isinstance(marker, (OneOf, AtMostOneOf)):
                members.setdefault((marker.kind, marker.name), []).append(field_name)
    return tuple(Group(kind, name, tuple(names)) for (kind, name), names in members.items())
