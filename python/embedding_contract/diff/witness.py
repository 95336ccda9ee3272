"""Witnesses: a concrete config that proves a breaking finding, checked by a real validator.

For backward, the witness is valid under OLD (the writer) and rejected by NEW (the reader); for
forward, the reverse. Under the tolerant-reader policy the reader's schema is applied without
``additionalProperties``. A witness is built constructively from the finding first (for a lowered
``maxItems``, an array one longer than the new bound; for a removed enum value, that value), then
from boundary values of the writer's schema at that place, and embedded into a whole config (an
``examples`` entry of the schema, or a synthesized minimal or full config). When nothing is found
the finding says so and is reported as possibly breaking, never as proven.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any

from embedding_contract.diff.findings import ABSENT, Direction, Finding, Policy, Site, Witness
from embedding_contract.diff.keywords import canonical, is_number, json_atom, type_atoms
from embedding_contract.diff.local import Canonicals, Edits, LocalVerdict
from embedding_contract.diff.regex import example as regex_example
from embedding_contract.diff.rules.table import RULES
from embedding_contract.diff.synth import SchemaSource, Synth, lower_bound, resize, upper_bound
from embedding_contract.diff.walk import Seg, reader_view
from embedding_contract.vocabulary.contract_validator import ContractValidator, error_leaves

MAX_ATTEMPTS = 120
MAX_SECONDS = 5.0  # wall time of one witness search (one finding, one direction)
EXTRA_KEY = "x_unknown_key"
JUNK: tuple[Any, ...] = (None, True, 0, -1, 0.5, "", "a", [], {}, [None], {EXTRA_KEY: None},
                         2**53, -(2**53))


@dataclass(frozen=True)
class Action:
    """What to do at the finding's place: set the value, set or delete a key, or transform.

    ``key`` also names where below that place the reader should report the change."""

    kind: str
    key: Any = None
    value: Any = None
    fn: Callable[[Any], Any] | None = None


KEEP = Action("keep")


def set_value(value: Any) -> Action:
    return Action("set", value=value)


def set_key(key: str, value: Any) -> Action:
    return Action("set-key", key=key, value=value)


@dataclass
class Context:
    """Everything a witness builder may look at for one finding and one direction."""

    finding: Finding
    site: Site
    direction: Direction
    writer: Synth
    writer_here: Any
    writer_node: Mapping[str, Any]
    reader_node: Mapping[str, Any]

    @property
    def backward(self) -> bool:
        return self.direction is Direction.BACKWARD

    @property
    def hint(self) -> Mapping[str, Any]:
        return self.site.hint

    def writer_value(self) -> Any:
        """The finding's value on the writer's side (OLD for backward)."""
        return self.finding.old if self.backward else self.finding.new


Builder = Callable[[Context], Iterable[Action]]
BUILDERS: dict[str, Builder] = {}


def builds(*rule_ids: str) -> Callable[[Builder], Builder]:
    def register(fn: Builder) -> Builder:
        for rule_id in rule_ids:
            if rule_id not in RULES:
                raise ValueError(f"witness builder for unknown rule {rule_id}")
            BUILDERS[rule_id] = fn
        return fn

    return register


# -- builders, one per kind of change ------------------------------------------------------------

@builds("property-removed", "property-added")
def _property(ctx: Context) -> Iterator[Action]:
    key = ctx.hint["key"]
    yield Action("keep", key=key)  # a seed (an example) may carry the key already
    prop = ctx.writer_value()
    if prop is not ABSENT:
        for value in ctx.writer.valid_values(prop):
            yield set_key(key, value)
    extra = ctx.writer_node.get("additionalProperties", True)
    for value in [*ctx.writer.values(extra), *JUNK]:
        yield set_key(key, value)


@builds("required-added", "required-removed")
def _required(ctx: Context) -> Iterator[Action]:
    yield Action("delete-key", key=ctx.hint["key"])


@builds("additional-properties-allowed", "additional-properties-forbidden")
def _extra_key(ctx: Context) -> Iterator[Action]:
    extra = ctx.writer_node.get("additionalProperties", True)
    for value in [*ctx.writer.values(extra), *JUNK]:
        yield set_key(EXTRA_KEY, value)


_TYPICAL: dict[str, Any] = {"null": None, "boolean": True, "object": {}, "array": [], "string": "a",
            "integer": 1, "fraction": 0.5}


@builds("type-narrowed", "type-widened", "type-changed")
def _type(ctx: Context) -> Iterator[Action]:
    writer = type_atoms(ctx.writer_node) or frozenset(_TYPICAL)
    reader = type_atoms(ctx.reader_node) or frozenset(_TYPICAL)
    wanted = writer - reader
    for value in ctx.writer.values(ctx.writer_here):
        if json_atom(value) in wanted:
            yield set_value(value)
    for atom in sorted(wanted):
        yield set_value(_TYPICAL[atom])


@builds("null-added", "null-removed")
def _null(ctx: Context) -> Iterator[Action]:
    yield set_value(None)


@builds("enum-value-added", "enum-value-removed")
def _enum_values(ctx: Context) -> Iterator[Action]:
    for value in ctx.hint.get("values", []):
        yield set_value(value)


@builds("const-changed")
def _const(ctx: Context) -> Iterator[Action]:
    yield set_value(ctx.writer_value())


@builds("minimum-tightened", "minimum-loosened", "maximum-tightened", "maximum-loosened")
def _bounds(ctx: Context) -> Iterator[Action]:
    integral = type_atoms(ctx.writer_node) == frozenset({"integer"})
    values: list[float] = []
    reader = (lower_bound if ctx.hint["lower"] else upper_bound)(ctx.reader_node)
    writer = (lower_bound if ctx.hint["lower"] else upper_bound)(ctx.writer_node)
    for bound in (reader, writer):
        if bound is not None:
            b = bound[0]
            values += [b, b - 1, b + 1] if integral else [b, b - 1, b + 1, b - 0.5, b + 0.5]
    if reader is not None and writer is None:
        far = 10**6 + abs(reader[0])
        values += [reader[0] - far, reader[0] + far]
    for value in values:
        yield set_value(int(value) if integral or float(value).is_integer() else value)


@builds("multiple-of-tightened", "multiple-of-loosened", "multiple-of-changed")
def _multiple(ctx: Context) -> Iterator[Action]:
    for step in (ctx.writer_node.get("multipleOf"), ctx.reader_node.get("multipleOf"), 1):
        if is_number(step) and step > 0:
            for k in (1, 2, 3, 5, 7, 0.5, 1.5):
                value = step * k
                yield set_value(int(value) if float(value).is_integer() else value)


def _length_values(ctx: Context, text: bool) -> list[int]:
    keyword = ctx.hint["keyword"]
    lengths = []
    for node in (ctx.reader_node, ctx.writer_node):
        bound = node.get(keyword)
        if isinstance(bound, int):
            lengths += [bound - 1, bound, bound + 1]
    for other in ("minLength", "maxLength") if text else ("minItems", "maxItems"):
        bound = ctx.writer_node.get(other)
        if isinstance(bound, int):
            lengths.append(bound)
    return [n for n in dict.fromkeys(lengths) if 0 <= n <= 10_000]


@builds("min-length-tightened", "min-length-loosened", "max-length-tightened",
        "max-length-loosened")
def _string_length(ctx: Context) -> Iterator[Action]:
    for n in _length_values(ctx, text=True):
        yield set_value("a" * n)


@builds("min-items-tightened", "min-items-loosened", "max-items-tightened",
        "max-items-loosened")
def _array_length(ctx: Context) -> Iterator[Action]:
    for n in _length_values(ctx, text=False):
        if n <= 64:
            yield _resize_action(ctx, n)


def _resize_action(ctx: Context, n: int) -> Action:
    def fn(current: Any) -> Any:
        items = current if isinstance(current, list) else []
        return resize(ctx.writer, ctx.writer_here, copy.deepcopy(items), n)

    return Action("apply", fn=fn)


@builds("items-added", "items-removed", "prefix-item-added", "prefix-item-removed")
def _position(ctx: Context) -> Iterator[Action]:
    # The reader constrains a position the writer leaves free: put anything there.
    index = ctx.hint.get("index", 0)
    free = ctx.writer_node.get("items", True) if "index" in ctx.hint else True
    for value in [*ctx.writer.values(free), *JUNK]:
        yield Action("apply", fn=_put_at(ctx, index, value))


def _put_at(ctx: Context, index: int, value: Any) -> Callable[[Any], Any]:
    def fn(current: Any) -> Any:
        items = copy.deepcopy(current) if isinstance(current, list) else []
        items = resize(ctx.writer, ctx.writer_here, items, index)
        return [*items[:index], copy.deepcopy(value)]

    return fn


@builds("pattern-added", "pattern-removed", "pattern-changed")
def _pattern(ctx: Context) -> Iterator[Action]:
    writer, reader = ctx.writer_node.get("pattern"), ctx.reader_node.get("pattern")
    found = regex_example(writer if isinstance(writer, str) else None,
                          reader if isinstance(reader, str) else None)
    if found is not None:
        yield set_value(found)


def _duplicate(current: Any) -> Any:
    if isinstance(current, list) and current:
        return [current[0], copy.deepcopy(current[0]), *current[1:]]
    return current


@builds("unique-items-added", "unique-items-removed")
def _unique(ctx: Context) -> Iterator[Action]:
    yield _ensure_two(ctx, _duplicate)


def _ensure_two(ctx: Context, then: Callable[[Any], Any]) -> Action:
    def fn(current: Any) -> Any:
        items = copy.deepcopy(current) if isinstance(current, list) else []
        if len(items) < 2:
            items = resize(ctx.writer, ctx.writer_here, items, 2)
        return then(items)

    return Action("apply", fn=fn)


@builds("oneof-branch-added", "oneof-branch-removed", "anyof-branch-added",
        "anyof-branch-removed", "allof-branch-added", "allof-branch-removed")
def _branch(ctx: Context) -> Iterator[Action]:
    branch = ctx.writer_value()
    if branch is ABSENT:
        return
    rest = {k: v for k, v in ctx.writer_node.items() if k not in ("oneOf", "anyOf", "allOf")}
    for value in ctx.writer.values({"allOf": [rest, branch]}):
        yield set_value(value)


@builds("not-added", "not-removed")
def _negated(ctx: Context) -> Iterator[Action]:
    # Values the `not` subschema accepts are exactly the ones it rejects.
    inner = ctx.finding.new if ctx.backward else ctx.finding.old
    for value in ctx.writer.values(inner):
        yield set_value(value)


@builds("contract-rule-added", "contract-rule-removed", "contract-rule-changed")
def _contract(ctx: Context) -> Iterator[Action]:
    # The reader enforces the rules the writer does not: added ones for backward.
    rules = ctx.hint.get("added" if ctx.backward else "removed", [])
    source = SchemaSource(ctx.writer, ctx.writer_here, ctx.writer_node)
    for rule in rules:
        for way in rule.breaks(source):  # way.at: where the reader reports the violation
            yield Action("apply", key=way.at, fn=way.apply)


# -- search ---------------------------------------------------------------------------------------

class Searcher:
    """Finds witnesses for the findings of one pair of schema documents."""

    def __init__(self, old_root: Any, new_root: Any, policy: Policy, *,
                 local: bool = True) -> None:
        """``local``: decide most candidates from the edited path alone (see
        :mod:`~.local`), validating whole configs only for the one that may be a witness;
        False validates every candidate whole (the reference the fast path must agree with)."""
        self.roots = {Direction.BACKWARD: (old_root, new_root),
                      Direction.FORWARD: (new_root, old_root)}
        self.policy = policy
        self.local = local
        self._synth: dict[int, Synth] = {}
        self._readers: dict[int, Any] = {}
        self._seeds: dict[tuple[int, int], tuple[list[Any], int]] = {}
        self._verdicts: dict[int, LocalVerdict] = {}
        self._canonicals = Canonicals()
        self._seed_keys: dict[tuple[int, int], dict[str, int]] = {}

    def synth(self, root: Any) -> Synth:
        if id(root) not in self._synth:
            self._synth[id(root)] = Synth(root)
        return self._synth[id(root)]

    def reader(self, root: Any) -> Any:
        if id(root) not in self._readers:
            self._readers[id(root)] = ContractValidator(reader_view(root, self.policy))
        return self._readers[id(root)]

    def seeds(self, writer_root: Any, reader_root: Any) -> tuple[list[Any], int]:
        """Whole configs valid under the writer's schema (examples of either schema, then
        synthesized ones), and how many of them, at the front, the reader accepts too: those
        let a witness differ from an accepted config only at the finding's place."""
        key = (id(writer_root), id(reader_root))
        if key not in self._seeds:
            writer, reader = self.synth(writer_root), self.reader(reader_root)
            found: list[Any] = []
            for root in (writer_root, reader_root):
                examples = root.get("examples", []) if isinstance(root, Mapping) else []
                found += [e for e in examples if isinstance(examples, list)][:2]
            found += writer.valid_values(writer_root, limit=3)
            found += self.synth(reader_root).valid_values(reader_root, limit=3)
            unique = {canonical(v): v for v in found if writer.check(writer_root, v)}
            both = [v for v in unique.values() if reader.is_valid(v)]
            rest = [v for v in unique.values() if not reader.is_valid(v)]
            self._seeds[key] = (both + rest, len(both))
            keys = self._seed_keys[key] = {}
            for index, seed in enumerate(both + rest):  # candidates share their objects
                keys.setdefault(self._canonicals.remember(seed), index)
            for value in writer.shared_valid_values(writer_root, limit=12):
                self._canonicals.remember(value)  # what place(rebuild=True) puts at the top
        return self._seeds[key]

    def verdicts(self, validator: Any) -> LocalVerdict:
        if id(validator) not in self._verdicts:
            self._verdicts[id(validator)] = LocalVerdict(validator)
        return self._verdicts[id(validator)]

    def search(self, finding: Finding, direction: Direction) -> Witness:
        """A config valid under the writer's schema that the reader rejects *because of* the
        change: the rejection lies at the finding's place, or the same config without the
        change passes the reader (so another finding cannot be what breaks it)."""
        site = finding.site
        if site is None:
            return Witness("not-applicable", note="no config can show this change")
        writer_root, reader_root = self.roots[direction]
        writer, reader = self.synth(writer_root), self.reader(reader_root)
        backward = direction is Direction.BACKWARD
        trail = site.trail_old if backward else site.trail_new
        here = trail[-1][1] if trail else writer_root
        ctx = Context(finding, site, direction, writer, here,
                      site.here_old if backward else site.here_new,
                      site.here_new if backward else site.here_old)
        steps = trail[1:]
        seeds, common = self.seeds(writer_root, reader_root)
        share = self.local
        writer_near = self.verdicts(writer.validator)
        reader_near = self.verdicts(reader)
        bases: dict[tuple[int, bool], bool] = {}

        def base_passes(index: int, rebuild: bool) -> bool:
            if (index, rebuild) not in bases:
                made: Edits = {}
                placed = place(seeds[index], writer_root, steps, KEEP, writer, rebuild, share,
                               made)
                if placed is ABSENT:
                    bases[index, rebuild] = False
                elif share:
                    seed, (instance, location) = seeds[index], placed
                    bases[index, rebuild] = accepts(
                        reader, reader_near, index < common, seed, instance, location, made) \
                        and accepts(writer.validator, writer_near, True, seed, instance,
                                    location, made)
                else:
                    bases[index, rebuild] = reader.is_valid(placed[0]) \
                        and writer.check(writer_root, placed[0])
            return bases[index, rebuild]

        known = self._seed_keys[id(writer_root), id(reader_root)] if share else {}

        def proves(index: int, rebuild: bool, instance: Any, location: tuple[Any, ...],
                   key: str, edits: Edits) -> bool:
            if not share:
                return (writer.check(writer_root, instance) and not reader.is_valid(instance)
                        and ((bool(location) and _rejected_at(reader, instance, location))
                             or base_passes(index, rebuild)))
            # Exact verdicts from the edited path first (every seed is valid for the writer,
            # the first `common` for the reader too); the whole config, by both validators, only
            # where the path cannot tell.
            same = known.get(key)  # equal to a seed: the seed's verdicts
            seed = seeds[index]
            writes = None if same is not None else writer_near.verdict(seed, instance, location,
                                                                          edits)
            if writes is False:
                return False
            reads = reader_near.verdict(seed, instance, location, edits) \
                if same is None and index < common else None
            if (same is not None and same < common) or reads is True:
                return False
            if writes is True and reads is False and base_passes(index, rebuild):
                return True  # rejected, and the same config without the change is accepted
            if writes is None and not writer.validator.is_valid(instance):
                return False
            rejected, at_place = _rejections(reader, instance, location)
            return rejected and (at_place or base_passes(index, rebuild))

        attempts = 0
        deadline = time.monotonic() + MAX_SECONDS
        tried: set[str] = set()
        actions = list(self._actions(ctx))
        # Seeds the reader accepts too come first: their witnesses show only this change.
        tiers = (list(enumerate(seeds))[:common], list(enumerate(seeds))[common:])
        for tier, action in ((t, a) for t in tiers for a in actions):
            for (index, seed), rebuild in product(tier, (False, True)):
                edits: Edits = {}
                placed = place(seed, writer_root, steps, action, writer, rebuild, share, edits)
                if placed is ABSENT:
                    continue
                instance, location = placed
                key = self._canonicals.of(instance, edits) if share else canonical(instance)
                if key in tried:
                    continue
                tried.add(key)
                attempts += 1
                if proves(index, rebuild, instance, location, key, edits):
                    return Witness("found", instance)
                if attempts >= MAX_ATTEMPTS:
                    return Witness("not-found", note=f"no witness in {attempts} candidates")
                if time.monotonic() > deadline:
                    return Witness("not-found", note=f"unknown, over budget: no witness in "
                                   f"{attempts} candidates within {MAX_SECONDS:g} s")
        return Witness("not-found", note=f"no witness in {attempts} candidates")

    def _actions(self, ctx: Context) -> Iterator[Action]:
        builder = BUILDERS.get(ctx.finding.rule)
        if builder is not None:
            yield from builder(ctx)
        for value in [*ctx.writer.values(ctx.writer_here), *JUNK]:
            yield set_value(value)
        props = ctx.writer_node.get("properties", {})
        for key in props if isinstance(props, Mapping) else ():
            yield Action("delete-key", key=key)  # for keywords tying keys together


def place(seed: Any, root: Any, steps: tuple[tuple[Any, Any], ...], action: Action,
          synth: Synth, rebuild: bool, share: bool = False, edits: Edits | None = None) -> Any:
    """A copy of ``seed`` with ``action`` applied at the end of ``steps`` (segment, schema), and
    the concrete place it changed; or ABSENT. Values the seed lacks on the way are created:
    added into the seed's objects, or with ``rebuild``, by replacing such an object with a
    fresh one that has the key (which also switches a one-of group to the needed member).

    With ``share``, only the objects on the way are copied: the result shares every other
    object with ``seed`` and with the synthesizer's values (none may be changed afterwards);
    ``edits`` receives what each copy was made from."""
    holder: list[Any] = [seed if share else copy.deepcopy(seed)]
    made: Edits = {} if edits is None else edits

    def copied(value: Any, key: Any) -> Any:
        out = list(value) if isinstance(value, list) else dict(value)
        made[id(out)] = (value, {key}, out)
        return out

    parent: Any = holder
    key: Any = 0
    location: list[Any] = []
    schema_here: Any = root
    for seg, schema in steps:
        current = parent[key]
        if seg is Seg.ITEM or isinstance(seg, int):
            index = 0 if seg is Seg.ITEM else seg
            if not isinstance(current, list):
                current = []
                parent[key] = current
            elif share:
                current = parent[key] = copied(current, index)
            while len(current) <= index:
                value = synth.one(schema, salt=len(current))
                if value is ABSENT:
                    return ABSENT
                current.append(value)
            parent, key = current, index
        else:
            name = EXTRA_KEY if seg is Seg.OTHER else seg
            if not isinstance(current, dict):
                return ABSENT
            if share:
                current = parent[key] = copied(current, name)
            if not _fits(current.get(name, ABSENT), schema, synth):
                if rebuild and seg is not Seg.OTHER:
                    values = (synth.shared_valid_values if share else synth.valid_values)(
                        schema_here, limit=12)
                    fresh = next((v for v in values if isinstance(v, dict)
                                  and _fits(v.get(name, ABSENT), schema, synth)), None)
                    if fresh is not None:
                        parent[key] = current = copied(fresh, name) if share else fresh
                if not _fits(current.get(name, ABSENT), schema, synth):
                    value = synth.one(schema)
                    if value is ABSENT:
                        return ABSENT
                    current[name] = value
            parent, key = current, name
        location.append(key)
        schema_here = schema
    if share and action.kind in ("set-key", "delete-key") and isinstance(parent[key], dict):
        parent[key] = copied(parent[key], action.key)
    _apply(parent, key, action, synth)
    if action.key is not None:
        location.append(action.key)
    return holder[0], tuple(location)


def _rejected_at(reader: Any, instance: Any, location: tuple[Any, ...]) -> bool:
    """The reader reports an error at or below ``location``."""
    size = len(location)
    return any(path[:size] == location for error in reader.iter_errors(instance)
               for path, _ in error_leaves(error))


def _rejections(reader: Any, instance: Any, location: tuple[Any, ...]) -> tuple[bool, bool]:
    """Whether the reader rejects ``instance``, and (for a non-empty ``location``) whether at or
    below it: ``not is_valid`` and :func:`_rejected_at` in one pass over the errors."""
    size = len(location)
    rejected = False
    for error in reader.iter_errors(instance):
        rejected = True
        if not location:
            break
        if any(path[:size] == location for path, _ in error_leaves(error)):
            return True, True
    return rejected, False


def accepts(validator: Any, near: LocalVerdict, seed_valid: bool, seed: Any, instance: Any,
            location: tuple[Any, ...], edits: Edits) -> bool:
    """The validator's verdict on ``instance`` (``seed`` edited at ``location``): from the edited
    path when the validator accepts ``seed`` and that tells, else from the whole config."""
    verdict = near.verdict(seed, instance, location, edits) if seed_valid else None
    return bool(validator.is_valid(instance)) if verdict is None else verdict


def _fits(value: Any, schema: Any, synth: Synth) -> bool:
    return value is not ABSENT and value is not None and synth.check(schema, value)


def _apply(parent: Any, key: Any, action: Action, synth: Synth) -> None:
    if action.kind == "set":
        parent[key] = copy.deepcopy(action.value)
    elif action.kind == "apply" and action.fn is not None:
        parent[key] = action.fn(copy.deepcopy(parent[key]))
    elif isinstance(parent[key], dict):
        if action.kind == "set-key":
            parent[key][action.key] = copy.deepcopy(action.value)
        elif action.kind == "delete-key":
            parent[key].pop(action.key, None)
