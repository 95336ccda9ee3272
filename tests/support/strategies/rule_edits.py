"""The mutations that break the portable rules: near-misses tuned per rule, and for any rule
without one, the rule's own ``breaks``.

The tuned kinds came first and fixed the conformance vectors' draws (``duplicate-name``,
``mixed-embedding-dim``...); they pick their rule at a site by its ID. A registered rule no tuned
kind covers gets the kind ``break-<rule ID>``, which applies one of the ways its ``breaks``
proposes, so a new rule is mutated (and so checked by the differential tests) without an edit here.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from embedding_contract.vocabulary import VOCABULARY, PortableRule
from tests.support.strategies import build, values
from tests.support.strategies.shapes import Array, Choice, Integer, Object, Shape
from tests.support.strategies.sites import Edit, Kind, Predicate, pick


def rules_of(shape: Shape, rule_id: str) -> list[Any]:
    """The rules with ID ``rule_id`` that ``shape`` (an array or an object) declares."""
    if isinstance(shape, (Array, Object)):
        return [r for r in shape.rules if rule_id == r.RULE]
    return []


def _having(rule_id: str) -> Predicate:
    return lambda s: bool(rules_of(s.shape, rule_id))


def _equal_key(key: str) -> Predicate:
    return lambda s: any(key in r.keys for r in rules_of(s.shape, "equal-across"))


def _duplicate_name(e: Edit) -> bool:
    items = e.value
    rule = pick(e.draw, rules_of(e.site.shape, "unique-by"))
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
    rule = pick(e.draw, rules_of(e.site.shape, "references"))
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
    rule = pick(e.draw, rules_of(shape, "length-relation"))
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
    rule = pick(e.draw, rules_of(shape, "greater-than"))
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
            for rule in rules_of(shape, "unique-by"):
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


def _break(rule_id: str) -> Callable[[Edit], bool]:
    """Apply one of the ways the site's rule ``rule_id`` proposes to break it."""
    def edit(e: Edit) -> bool:
        shape = e.site.shape
        assert isinstance(shape, (Array, Object))
        rule: PortableRule = pick(e.draw, rules_of(shape, rule_id))
        way = pick(e.draw, list(rule.breaks(build.Drawn(e.draw, shape, e.flavour))))
        return e.replace(way.apply(copy.deepcopy(e.value)))

    return edit


# (the rule a kind breaks, the kind)
_TUNED: dict[str, tuple[str, Kind]] = {
    "duplicate-name": ("unique-by", Kind(_having("unique-by"), _duplicate_name)),
    "dangling-reference": ("references", Kind(_having("references"), _dangling)),
    "length-mismatch": ("length-relation", Kind(_having("length-relation"), _length_mismatch)),
    "not-increasing": ("strictly-increasing",
                       Kind(_having("strictly-increasing"), _not_increasing)),
    "not-greater": ("greater-than", Kind(_having("greater-than"), _not_greater)),
    "mixed-embedding-dim": ("equal-across",
                            Kind(_equal_key("embedding_dim"), _mixed("embedding_dim"))),
    "mixed-data-type": ("equal-across", Kind(_equal_key("data_type"), _mixed("data_type"))),
}


def generic_kind(rule_id: str) -> Kind:
    """The kind ``break-<rule_id>``: sites declaring the rule, broken by its ``breaks``."""
    return Kind(_having(rule_id), _break(rule_id))


KINDS: dict[str, Kind] = {kind: tuned for kind, (_, tuned) in _TUNED.items()}
_COVERED = {rule_id for rule_id, _ in _TUNED.values()}
KINDS.update({f"break-{cls.RULE}": generic_kind(cls.RULE) for cls in VOCABULARY.values()
              if cls.RULE not in _COVERED})
