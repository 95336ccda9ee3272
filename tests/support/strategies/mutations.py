"""Near-valid documents: a valid document changed by one or more named mutations.

Each kind is a predicate on *sites* (places in the model's shape: a field, an object, an array, an
item) and an edit of the value found there. A site is reached from the root of the document; on
the way, absent or null fields are filled with valid values (a ``one_of`` member that gets set
clears its siblings), so every kind applicable to a model can hit every site, not only the ones a
valid document happened to contain. Later mutations may undo earlier ones (a site filled in after
a ``drop-required``): a mutated case is nearly always, not always, invalid. The validators decide.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from hypothesis import assume
from hypothesis import strategies as st

from embedding_contract.vocabulary import (
    EqualAcross,
    GreaterThan,
    LengthRelation,
    References,
    StrictlyIncreasing,
    UniqueBy,
)
from tests.support.strategies import build, values
from tests.support.strategies.shapes import (
    Array,
    Choice,
    Integer,
    Number,
    Object,
    Shape,
    Slot,
    String,
    Tuple,
    model_shape,
)

T = TypeVar("T")


class Overflow(float):
    """A number beyond the 64-bit float range: ``1e400`` in JSON text, read as ±inf."""

    @property
    def text(self) -> str:
        return "-1e400" if self < 0 else "1e400"


Step = str | int | None  # a field name, a tuple position, or None for "some item of this array"


@dataclass(frozen=True)
class Site:
    """A place in a model's shape: the path pattern to it, its shape, and its field slot if any."""

    pattern: tuple[Step, ...]
    shape: Shape
    slot: Slot | None = None


def _sites(shape: Shape, pattern: tuple[Step, ...] = (), slot: Slot | None = None) -> list[Site]:
    found = [Site(pattern, shape, slot)]
    if isinstance(shape, Object):
        for name, sub in shape.fields.items():
            found += _sites(sub.shape, (*pattern, name), sub)
    elif isinstance(shape, Array):
        found += _sites(shape.item, (*pattern, None))
    elif isinstance(shape, Tuple):
        for index, item in enumerate(shape.items):
            found += _sites(item, (*pattern, index))
    return found


# --- which sites each kind applies to -------------------------------------------------------

def _is_number(shape: Shape) -> bool:
    return isinstance(shape, (Integer, Number))


def _rules(shape: Shape, kind: type) -> list[Any]:
    if isinstance(shape, (Array, Object)):
        return [r for r in shape.rules if isinstance(r, kind)]
    return []


def _one_of_groups(shape: Shape) -> list[Any]:
    if isinstance(shape, Object):
        return [g for g in shape.groups if g.kind == "one-of" and len(g.members) >= 2]
    return []


def _equal_key(key: str) -> Callable[[Site], bool]:
    return lambda s: any(key in r.keys for r in _rules(s.shape, EqualAcross))


Predicate = Callable[[Site], bool]

_APPLIES: dict[str, Predicate] = {
    "drop-required": lambda s: s.slot is not None and s.slot.required,
    "unknown-key": lambda s: isinstance(s.shape, Object),
    "wrong-type-string": lambda s: not isinstance(s.shape, (String, Choice)),
    "wrong-type-bool": lambda s: True,
    "wrong-type-float": lambda s: not isinstance(s.shape, Number),
    "wrong-type-null": lambda s: s.slot is None or not s.slot.nullable,
    "wrong-type-list": lambda s: not isinstance(s.shape, (Array, Tuple)),
    "wrong-type-object": lambda s: not isinstance(s.shape, Object),
    "integer-out-of-range": lambda s: isinstance(s.shape, Integer),
    "number-out-of-range": lambda s: isinstance(s.shape, Number) and (
        s.shape.minimum is not None or s.shape.maximum is not None),
    "non-finite-float": lambda s: _is_number(s.shape),
    "float-overflow": lambda s: _is_number(s.shape),
    "empty-string": lambda s: isinstance(s.shape, String) and s.shape.min_length > 0,
    "bad-enum-value": lambda s: isinstance(s.shape, Choice),
    "tuple-wrong-length": lambda s: isinstance(s.shape, Tuple),
    "lone-surrogate": lambda s: isinstance(s.shape, (String, Choice)),
    "one-of-none-set": lambda s: bool(_one_of_groups(s.shape)),
    "one-of-two-set": lambda s: bool(_one_of_groups(s.shape)),
    "empty-list": lambda s: isinstance(s.shape, Array) and s.shape.min_items > 0,
    "duplicate-name": lambda s: bool(_rules(s.shape, UniqueBy)),
    "dangling-reference": lambda s: bool(_rules(s.shape, References)),
    "length-mismatch": lambda s: bool(_rules(s.shape, LengthRelation)),
    "not-increasing": lambda s: bool(_rules(s.shape, StrictlyIncreasing)),
    "not-greater": lambda s: bool(_rules(s.shape, GreaterThan)),
    "mixed-embedding-dim": _equal_key("embedding_dim"),
    "mixed-data-type": _equal_key("data_type"),
}

KINDS: tuple[str, ...] = tuple(_APPLIES)


@cache
def sites_by_kind(model_name: str) -> dict[str, tuple[Site, ...]]:
    """For each kind that applies to the model, the sites it applies to."""
    every = _sites(model_shape(model_name))
    found = {kind: tuple(s for s in every if applies(s)) for kind, applies in _APPLIES.items()}
    return {kind: found_sites for kind, found_sites in found.items() if found_sites}


# --- reaching a site in a document ----------------------------------------------------------

def pick(draw: st.DrawFn, options: Sequence[T]) -> T:
    """One of ``options``. Strategies are built once and reused; building one per draw (a new
    ``sampled_from`` for each list) would cost more than the draws themselves."""
    return options[draw(st.integers(0, len(options) - 1))] if len(options) > 1 else options[0]


def _memo(function: Callable[[Any], st.SearchStrategy[Any]]) -> Callable[[Any], Any]:
    """Cache a strategy per shape (by identity: shapes live as long as the process)."""
    made: dict[int, st.SearchStrategy[Any]] = {}

    def get(shape: Any) -> st.SearchStrategy[Any]:
        found = made.get(id(shape))
        if found is None:
            found = made[id(shape)] = function(shape)
        return found

    return get


def _get(box: list[Any], path: list[Any]) -> Any:
    node: Any = box
    for step in path:
        node = node[step]
    return node


def _locate(draw: st.DrawFn, box: list[Any], site: Site, flavour: build.Flavour,
            model_name: str) -> list[Any] | None:
    """The concrete path to ``site``, filling absent fields on the way; None if out of reach."""
    path: list[Any] = [0]
    shape = model_shape(model_name)
    for step in site.pattern:
        node = _get(box, path)
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


# --- the edits ------------------------------------------------------------------------------

class Edit:
    """What one mutation sees: the document box, the concrete path, the site and the flavour."""

    def __init__(self, draw: st.DrawFn, box: list[Any], path: list[Any], site: Site,
                 flavour: build.Flavour) -> None:
        self.draw, self.box, self.path, self.site, self.flavour = draw, box, path, site, flavour

    @property
    def value(self) -> Any:
        return _get(self.box, self.path)

    def replace(self, value: Any) -> bool:
        _get(self.box, self.path[:-1])[self.path[-1]] = value
        return True

    def valid(self, shape: Shape, name: str | None = None) -> Any:
        return self.draw(build.valid(shape, self.flavour, name))


def _drop_required(e: Edit) -> bool:
    del _get(e.box, e.path[:-1])[e.path[-1]]
    return True


@_memo
def _unknown_names(shape: Object) -> st.SearchStrategy[str]:
    known = set(shape.fields)
    # Near-misses of real field names (another case, camelCase: what an alias would accept),
    # and names from nowhere.
    near = [n.title() for n in known] + [_camel(n) for n in known] + [n + "s" for n in known]
    return st.one_of(st.sampled_from(sorted({*near, "$schema", "extra", "type"} - known)),
                     values.text(1).filter(lambda k: k not in known))


_ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), values.text(),
                       st.lists(st.integers(), max_size=2),
                       st.dictionaries(values.text(1), st.integers(), max_size=1))


def _unknown_key(e: Edit) -> bool:
    obj, shape = e.value, e.site.shape
    assert isinstance(shape, Object)
    if not isinstance(obj, dict):
        return False
    obj[e.draw(_unknown_names(shape))] = e.draw(_ANY_VALUE)
    return True


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


_NUMERIC_STRING = st.sampled_from(values.NUMERIC_STRINGS)
_ANY_STRING = st.one_of(_NUMERIC_STRING, values.text())
# Built fractional rather than filtered: Hypothesis draws whole floats often, and a filter that
# keeps failing aborts the test case. Below 2**40 the float spacing keeps every fraction.
_FRACTION = st.tuples(st.integers(-(2**40), 2**40),
                      st.sampled_from((0.5, 0.25, 0.1, 0.001, -0.75))).map(lambda p: p[0] + p[1])
_FRACTION_FOR_INTEGER = st.one_of(st.sampled_from((0.5, 1.5, 64.5, -0.5, 1e-9)), _FRACTION)
_ANY_FLOAT = st.one_of(st.sampled_from((0.5, 1.0, 64.0)), _FRACTION)


def _wrong_string(e: Edit) -> bool:
    return e.replace(e.draw(_NUMERIC_STRING if _is_number(e.site.shape) else _ANY_STRING))


def _wrong_float(e: Edit) -> bool:
    return e.replace(e.draw(_FRACTION_FOR_INTEGER if isinstance(e.site.shape, Integer)
                            else _ANY_FLOAT))


def _wrong_list(e: Edit) -> bool:
    return e.replace([e.valid(e.site.shape) for _ in range(e.draw(st.integers(0, 2)))])


def _wrong_object(e: Edit) -> bool:
    return e.replace({"value": e.value} if e.draw(st.booleans()) else {})


_BEYOND = (-1, 0, 2**53, 2**53 + 1, 2**63, 2**64, 10**30, -(2**53), -(2**63), 1e19, -1e19,
           float(2**53), 1e300)


@_memo
def _outside_integer(shape: Integer) -> st.SearchStrategy[Any]:
    outside = [v for v in (*_BEYOND, shape.minimum - 1, shape.maximum + 1)
               if not shape.minimum <= v <= shape.maximum]
    return st.one_of(st.sampled_from(outside), st.integers(min_value=shape.maximum + 1),
                     st.integers(max_value=shape.minimum - 1))


@_memo
def _outside_number(shape: Number) -> st.SearchStrategy[Any]:
    options: list[st.SearchStrategy[Any]] = []
    if shape.minimum is not None:
        lo = shape.minimum
        options += [st.sampled_from((math.nextafter(lo, -math.inf), lo - 1, -1e308, -5e-324)),
                    st.floats(max_value=lo, allow_nan=False,
                              allow_infinity=False).filter(lambda f: f < lo)]
    if shape.maximum is not None:
        hi = shape.maximum
        above = [hi + 1, 1e308] + ([hi, int(hi)] if shape.exclusive_maximum
                                   and float(hi).is_integer()
                                   else [math.nextafter(hi, math.inf)])
        options += [st.sampled_from(above),
                    st.floats(min_value=hi, exclude_min=not shape.exclusive_maximum,
                              allow_nan=False, allow_infinity=False)]
    return st.one_of(options)


_NON_FINITE = st.sampled_from((math.nan, math.inf, -math.inf))
_OVERFLOW = st.sampled_from(
    (Overflow(math.inf), Overflow(-math.inf), 10**400, -(10**400), 2 * 10**308))


def _integer_out_of_range(e: Edit) -> bool:
    return e.replace(e.draw(_outside_integer(e.site.shape)))


def _number_out_of_range(e: Edit) -> bool:
    return e.replace(e.draw(_outside_number(e.site.shape)))


def _non_finite(e: Edit) -> bool:
    return e.replace(e.draw(_NON_FINITE))


def _overflow(e: Edit) -> bool:
    return e.replace(e.draw(_OVERFLOW))


@_memo
def _not_in_enum(shape: Choice) -> st.SearchStrategy[str]:
    near = [v.upper() for v in shape.values] + [f" {v}" for v in shape.values] + [
        v + "x" for v in shape.values] + ["", "fp64", "bf16"]
    return st.one_of(st.sampled_from(near), values.text()).filter(
        lambda v: v not in shape.values)


def _bad_enum(e: Edit) -> bool:
    return e.replace(e.draw(_not_in_enum(e.site.shape)))


def _tuple_length(e: Edit) -> bool:
    shape = e.site.shape
    assert isinstance(shape, Tuple)
    items = [e.valid(s) for s in shape.items]
    size = pick(e.draw, [n for n in (0, 1, len(items) + 1) if n != len(items)])
    return e.replace((items + items)[:size])


def _lone_surrogate(e: Edit) -> bool:
    text = e.value if isinstance(e.value, str) else ""
    at = e.draw(st.integers(0, len(text)))
    lone = pick(e.draw, ("\ud800", "\udbff", "\udc00", "\udfff"))
    changed = text[:at] + lone + text[at:]
    # Two halves side by side make a pair, which JSON text would read back as one character.
    if json.loads(json.dumps(changed)) != changed:
        return False
    return e.replace(changed)


def _two_set(e: Edit) -> bool:
    obj = e.value
    if not isinstance(obj, dict):
        return False
    group = pick(e.draw, _one_of_groups(e.site.shape))
    first = e.draw(st.integers(0, len(group.members) - 2))
    two = (group.members[first], group.members[e.draw(st.integers(first + 1,
                                                                   len(group.members) - 1))])
    shape = e.site.shape
    assert isinstance(shape, Object)
    for member in two:
        if obj.get(member) is None:
            obj[member] = e.valid(shape.fields[member].shape, member)
    return True


def _none_set(e: Edit) -> bool:
    obj, shape = e.value, e.site.shape
    if not isinstance(obj, dict):
        return False
    assert isinstance(shape, Object)
    group = pick(e.draw, _one_of_groups(shape))
    for member in group.members:
        if shape.fields[member].nullable and e.draw(st.booleans()):
            obj[member] = None
        else:
            obj.pop(member, None)
    return True


def _duplicate_name(e: Edit) -> bool:
    items = e.value
    rule = pick(e.draw, _rules(e.site.shape, UniqueBy))
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        return False
    if len(items) == 1:
        items.append(copy.deepcopy(items[0]))
        return True
    first = e.draw(st.integers(0, len(items) - 2))
    second = e.draw(st.integers(first + 1, len(items) - 1))
    if rule.key not in items[first]:
        return False
    items[second][rule.key] = copy.deepcopy(items[first][rule.key])
    return True


_GHOST = st.one_of(st.sampled_from(("ghost", "User_Id", "user ", "")), values.text(1))


def _dangling(e: Edit) -> bool:
    obj = e.value
    rule = pick(e.draw, _rules(e.site.shape, References))
    if not isinstance(obj, dict):
        return False
    targets = obj.get(rule.target)
    names = {t.get(rule.key) for t in targets
             if isinstance(t, dict) and isinstance(t.get(rule.key), str)} \
        if isinstance(targets, list) else set()
    ghost = e.draw(_GHOST)
    while ghost in names:
        ghost += "~"
    entries = obj.get(rule.property)
    entries = list(entries) if isinstance(entries, list) else []
    entries.insert(e.draw(st.integers(0, len(entries))), ghost)
    obj[rule.property] = entries
    return True


def _length_mismatch(e: Edit) -> bool:
    obj, shape = e.value, e.site.shape
    rule = pick(e.draw, _rules(shape, LengthRelation))
    if not isinstance(obj, dict) or not isinstance(shape, Object):
        return False
    items = obj.get(rule.property)
    if not isinstance(items, list):
        return False
    if len(items) > 1 and e.draw(st.booleans()):
        items.pop()
    else:
        item_shape = shape.fields[rule.property].shape
        assert isinstance(item_shape, Array)
        items.append(e.valid(item_shape.item))
    return True


def _not_increasing(e: Edit) -> bool:
    items = e.value
    if not isinstance(items, list):
        return False
    if len(items) < 2:
        shape = e.site.shape
        assert isinstance(shape, Array)
        items[:] = (items or [e.valid(shape.item)]) * 2
        return True
    at = e.draw(st.integers(1, len(items) - 1))
    if e.draw(st.booleans()):
        items[at] = items[at - 1]
    else:
        items[at - 1], items[at] = items[at], items[at - 1]
    return True


def _not_greater(e: Edit) -> bool:
    obj, shape = e.value, e.site.shape
    rule = pick(e.draw, _rules(shape, GreaterThan))
    if not isinstance(obj, dict) or not isinstance(shape, Object):
        return False
    than = obj.get(rule.than)
    target = shape.fields[rule.property].shape
    if (not isinstance(than, (int, float)) or isinstance(than, bool)
            or (isinstance(than, float) and not math.isfinite(than))):
        return False
    if isinstance(target, Integer) and than >= target.minimum:
        obj[rule.property] = e.draw(st.integers(target.minimum, math.floor(than)))
    else:
        obj[rule.property] = than
    return True


def _mixed(key: str) -> Callable[[Edit], bool]:
    def edit(e: Edit) -> bool:
        items, shape = e.value, e.site.shape
        if (not isinstance(items, list) or not items or not isinstance(shape, Array)
                or not all(isinstance(i, dict) for i in items)
                or not isinstance(shape.item, Object)):
            return False
        if len(items) == 1:
            twin = copy.deepcopy(items[0])
            for rule in _rules(shape, UniqueBy):
                used = {str(i.get(rule.key)) for i in items}
                twin[rule.key] = _fresh(str(twin.get(rule.key, "")), used)
            items.append(twin)
        index = e.draw(st.integers(1, len(items) - 1))
        current = items[0].get(key)
        field = shape.item.fields[key].shape
        if isinstance(field, Integer) and isinstance(current, (int, float)):
            items[index][key] = current + 1 if current < field.maximum else current - 1
        elif isinstance(field, Choice):
            items[index][key] = pick(e.draw, [v for v in field.values if v != current]
                                     or list(field.values))
        else:
            items[index][key] = e.draw(build.valid(field, e.flavour, key).filter(
                lambda v: v != current))
        return True

    return edit


def _fresh(base: str, used: set[str]) -> str:
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def _constant(strategy: st.SearchStrategy[Any]) -> Callable[[Edit], bool]:
    return lambda e: e.replace(e.draw(strategy))


_EDITS: dict[str, Callable[[Edit], bool]] = {
    "drop-required": _drop_required,
    "unknown-key": _unknown_key,
    "wrong-type-string": _wrong_string,
    "wrong-type-bool": _constant(st.booleans()),
    "wrong-type-float": _wrong_float,
    "wrong-type-null": lambda e: e.replace(None),
    "wrong-type-list": _wrong_list,
    "wrong-type-object": _wrong_object,
    "integer-out-of-range": _integer_out_of_range,
    "number-out-of-range": _number_out_of_range,
    "non-finite-float": _non_finite,
    "float-overflow": _overflow,
    "empty-string": lambda e: e.replace(""),
    "bad-enum-value": _bad_enum,
    "tuple-wrong-length": _tuple_length,
    "lone-surrogate": _lone_surrogate,
    "one-of-none-set": _none_set,
    "one-of-two-set": _two_set,
    "empty-list": lambda e: e.replace([]),
    "duplicate-name": _duplicate_name,
    "dangling-reference": _dangling,
    "length-mismatch": _length_mismatch,
    "not-increasing": _not_increasing,
    "not-greater": _not_greater,
    "mixed-embedding-dim": _mixed("embedding_dim"),
    "mixed-data-type": _mixed("data_type"),
}
assert set(_EDITS) == set(_APPLIES)


def mutated(model_name: str, valid_documents: st.SearchStrategy[Any],
            flavour: build.Flavour) -> st.SearchStrategy[tuple[Any, tuple[str, ...]]]:
    """(document, kinds applied): a valid document with one to three mutations."""
    by_kind = sites_by_kind(model_name)
    kinds = sorted(by_kind, key=KINDS.index)
    counts = st.sampled_from((1, 1, 1, 2, 3))

    @st.composite
    def draw_mutated(draw: st.DrawFn) -> tuple[Any, tuple[str, ...]]:
        box = [draw(valid_documents)]
        applied: list[str] = []
        wanted = draw(counts)
        # A mutation can miss (its site lies below an empty list, or a value an earlier
        # mutation changed): try a few more rather than throw the whole example away.
        for _ in range(wanted + 3):
            kind = pick(draw, kinds)
            site = pick(draw, by_kind[kind])
            path = _locate(draw, box, site, flavour, model_name)
            if path is not None and _EDITS[kind](Edit(draw, box, path, site, flavour)):
                applied.append(kind)
                if len(applied) == wanted:
                    break
        assume(applied)
        return box[0], tuple(applied)

    return draw_mutated()
