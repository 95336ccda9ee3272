"""Where mutations happen: sites in a model's shape, reaching one in a document, and the edit.

A site is a place in a model's shape (a field, an object, an array, an item). It is reached from
the root of the document; on the way, absent or null fields are filled with valid values (a
``one_of`` member that gets set clears its siblings), so a kind can hit every site it applies to,
not only the ones a valid document happened to contain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from hypothesis import strategies as st

from tests.support.strategies import build
from tests.support.strategies.shapes import Array, Object, Shape, Slot, Tuple, model_shape

T = TypeVar("T")

Step = str | int | None  # a field name, a tuple position, or None for "some item of this array"


@dataclass(frozen=True)
class Site:
    """A place in a model's shape: the path pattern to it, its shape, and its field slot if any."""

    pattern: tuple[Step, ...]
    shape: Shape
    slot: Slot | None = None


def sites(shape: Shape, pattern: tuple[Step, ...] = (), slot: Slot | None = None) -> list[Site]:
    found = [Site(pattern, shape, slot)]
    if isinstance(shape, Object):
        for name, sub in shape.fields.items():
            found += sites(sub.shape, (*pattern, name), sub)
    elif isinstance(shape, Array):
        found += sites(shape.item, (*pattern, None))
    elif isinstance(shape, Tuple):
        for index, item in enumerate(shape.items):
            found += sites(item, (*pattern, index))
    return found


Predicate = Callable[[Site], bool]


def pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options``. Strategies are built once and reused; building one per draw (a new
    ``sampled_from`` for each list) would cost more than the draws themselves."""
    return options[draw(st.integers(0, len(options) - 1))] if len(options) > 1 else options[0]


def memo(function: Callable[[Any], st.SearchStrategy[Any]]) -> Callable[[Any], Any]:
    """Cache a strategy per shape (by identity: shapes live as long as the process)."""
    made: dict[int, st.SearchStrategy[Any]] = {}

    def cached(shape: Any) -> st.SearchStrategy[Any]:
        found = made.get(id(shape))
        if found is None:
            found = made[id(shape)] = function(shape)
        return found

    return cached


def get(box: list[Any], path: list[Any]) -> Any:
    """The value at ``path`` in ``box`` (a one-item list holding the document)."""
    node: Any = box
    for step in path:
        node = node[step]
    return node


def locate(draw: st.DrawFn, box: list[Any], site: Site, flavour: build.Flavour,
           model_name: str) -> list[Any] | None:
    """The concrete path to ``site``, filling absent fields on the way; None if out of reach."""
    path: list[Any] = [0]
    shape = model_shape(model_name)
    for step in site.pattern:
        node = get(box, path)
        if step is None:
            if not isinstance(node, list) or not node or not isinstance(shape, Array):
                return None
            path.append(draw(st.integers(0, len(node) - 1)))
            shape = shape.item
        elif isinstance(step, int):
            if not isinstance(node, list) or len(node) <= step or not isinstance(shape, Tuple):
                return None
            path.append(step)
            shape = shape.items[step]
        else:
            if not isinstance(node, dict) or not isinstance(shape, Object):
                return None
            slot = shape.fields[step]
            if node.get(step) is None:
                node[step] = draw(build.valid(slot.shape, flavour, step))
                if slot.group is not None:
                    for member in slot.group.members:
                        if member != step:
                            node.pop(member, None)
            path.append(step)
            shape = slot.shape
    return path


class Edit:
    """What one mutation sees: the document box, the concrete path, the site and the flavour."""

    def __init__(self, draw: st.DrawFn, box: list[Any], path: list[Any], site: Site,
                 flavour: build.Flavour) -> None:
        self.draw, self.box, self.path, self.site, self.flavour = draw, box, path, site, flavour

    @property
    def value(self) -> Any:
        return get(self.box, self.path)

    def replace(self, value: Any) -> bool:
        get(self.box, self.path[:-1])[self.path[-1]] = value
        return True

    def valid(self, shape: Shape, name: str | None = None) -> Any:
        return self.draw(build.valid(shape, self.flavour, name))


@dataclass(frozen=True)
class Kind:
    """A named mutation: the sites it applies to, and the edit (False when it cannot apply)."""

    applies: Predicate
    edit: Callable[[Edit], bool]
