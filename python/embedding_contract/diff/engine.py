"""Run the rule table over two schema documents (or two releases) and attach witnesses.

The walk pairs the old and the new schema object at each place: properties by name, tuple
positions by index, ``anyOf``/``oneOf``/``allOf`` branches by content, ``$ref`` resolved on both
sides (within each document: :mod:`~.references`). Each pair of ``$ref`` targets is compared once
per polarity, so recursive schemas terminate and a definition shared by many places yields one
finding.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from embedding_contract.core.paths import ROOT_PATH, format_path, pointer_join
from embedding_contract.core.versions import id_without_version
from embedding_contract.diff.findings import (
    ABSENT,
    Direction,
    Effect,
    Effects,
    Finding,
    Policy,
    Witness,
)
from embedding_contract.diff.keywords import (
    ANNOTATIONS,
    canonical,
    is_closed,
    is_trivial,
    position,
    prefix_length,
    properties_of,
)
from embedding_contract.diff.references import SchemaDocument, View, as_object, deref
from embedding_contract.diff.rules.rule import DiffRule
from embedding_contract.diff.rules.table import RULES
from embedding_contract.diff.semantic.patterns import hazard
from embedding_contract.diff.settle import settle, whole_witness
from embedding_contract.diff.walk import Delta, Pair, Polarity, Seg, Step
from embedding_contract.diff.wellformed import check_schema_document
from embedding_contract.diff.witness import Searcher
from embedding_contract.vocabulary.metaschema import KEYWORD_TABLE, VOCABULARY_FILE

# Wall time of all witness searches of one diff together; past it, the rest are not run (their
# findings stay possibly breaking), so many changes cost bounded time, not changes x schema.
MAX_TOTAL_SECONDS = 60.0

_KEEP_ON_LIFT = ANNOTATIONS | {"default", "$id", "$schema", "$defs", "definitions"}


@dataclass
class _Walker:
    old: SchemaDocument
    new: SchemaDocument
    file: str
    policy: Policy
    visited: set[tuple[str, str, Polarity]] = field(default_factory=set)
    found: dict[tuple[str, str, str], Finding] = field(default_factory=dict)

    def run(self) -> list[Finding]:
        self.visited.add(("", "", Polarity.POSITIVE))
        root_old: tuple[Step, ...] = ((None, self.old.root),)
        root_new: tuple[Step, ...] = ((None, self.new.root),)
        self.compare(self.old.root, "", self.new.root, "", (), root_old, root_new,
                     Polarity.POSITIVE)
        return list(self.found.values())

    def compare(self, old: Any, old_ptr: str, new: Any, new_ptr: str, path: tuple[Any, ...],
                trail_old: tuple[Step, ...], trail_new: tuple[Step, ...],
                polarity: Polarity) -> None:
        ov, nv = deref(self.old, old, old_ptr), deref(self.new, new, new_ptr)
        lifted_old = lifted_new = False
        if ("anyOf" in ov.keywords) != ("anyOf" in nv.keywords):
            # A nullable field is anyOf [X, null]: lift the other side to anyOf [itself] so
            # that X meets X and only the null branch differs.
            if "anyOf" in nv.keywords:
                ov, lifted_old = deref(self.old, _lift(old), old_ptr), True
            else:
                nv, lifted_new = deref(self.new, _lift(new), new_ptr), True
        if ov.refs or nv.refs:
            key = (ov.pointer, nv.pointer, polarity)
            if key in self.visited:
                return
            self.visited.add(key)
        pair = Pair(dict(ov.keywords), dict(nv.keywords), ov, nv, self.old, self.new, path,
                    trail_old, trail_new, polarity, self.policy)
        for rule in RULES.values():
            if rule.check is not None:
                for delta in rule.check(pair):
                    self.emit(rule, pair, delta)
        self.descend(pair, lifted_old, lifted_new)

    def emit(self, rule: DiffRule, pair: Pair, delta: Delta) -> None:
        effects = pair.polarity.apply(delta.effects)
        pointer, old_pointer = pair.new_view.at(*delta.at), pair.old_view.at(*delta.at)
        key = (rule.id, pointer, canonical(delta.hint.get("key")))
        if key in self.found:
            return
        path = (*pair.path, delta.hint["child"]) if "child" in delta.hint else pair.path
        self.found[key] = Finding(
            rule.id, rule.category, self.file, pointer, old_pointer, format_path(path),
            delta.old, delta.new, effects.backward, effects.forward, site=pair.site(delta.hint))

    def descend(self, p: Pair, lifted_old: bool, lifted_new: bool) -> None:
        ov, nv = p.old_view, p.new_view
        old_props, new_props = properties_of(p.old), properties_of(p.new)
        for name in sorted(set(old_props) & set(new_props)):
            self.child(p, name, old_props[name], ov.at("properties", name), new_props[name],
                       nv.at("properties", name))
        old_extra = p.old.get("additionalProperties", ABSENT)
        new_extra = p.new.get("additionalProperties", ABSENT)
        if (not is_closed(p.old) and not is_closed(p.new)
                and not (is_trivial(old_extra) and is_trivial(new_extra))):
            # A tolerant reader ignores unknown keys: changes to their schema break no one.
            self.child(p, Seg.OTHER, _or_true(old_extra), ov.at("additionalProperties"),
                       _or_true(new_extra), nv.at("additionalProperties"),
                       Polarity.POSITIVE if p.strict else Polarity.IGNORED)
        count = prefix_length(p.old, p.new)
        for i in range(count):
            old_i, new_i = position(p.old, i), position(p.new, i)
            if old_i is not ABSENT and new_i is not ABSENT:
                self.child(p, i, old_i, _position_ptr(ov, p.old, i), new_i,
                           _position_ptr(nv, p.new, i))
        old_items, new_items = p.old.get("items", ABSENT), p.new.get("items", ABSENT)
        if old_items is not ABSENT and new_items is not ABSENT:
            self.child(p, Seg.ITEM if count == 0 else count, old_items, ov.at("items"),
                       new_items, nv.at("items"))
        for keyword, inner in (("anyOf", Polarity.POSITIVE), ("allOf", Polarity.POSITIVE),
                               ("oneOf", Polarity.MIXED)):
            for i, j in p.branches(keyword).pairs:
                self.branch(p, keyword, i, j, inner, lifted_old and keyword == "anyOf",
                            lifted_new and keyword == "anyOf")
        if "not" in p.old and "not" in p.new:
            self.compare(p.old["not"], ov.at("not"), p.new["not"], nv.at("not"), p.path,
                         p.trail_old, p.trail_new, p.polarity.then(Polarity.NEGATIVE))

    def child(self, p: Pair, seg: Any, old: Any, old_ptr: str, new: Any, new_ptr: str,
              inner: Polarity = Polarity.POSITIVE) -> None:
        self.compare(old, old_ptr, new, new_ptr, (*p.path, seg), (*p.trail_old, (seg, old)),
                     (*p.trail_new, (seg, new)), p.polarity.then(inner))

    def branch(self, p: Pair, keyword: str, i: int, j: int, inner: Polarity, lifted_old: bool,
               lifted_new: bool) -> None:
        old, new = p.old[keyword][i], p.new[keyword][j]
        old_ptr = p.old_view.pointer if lifted_old else p.old_view.at(keyword, i)
        new_ptr = p.new_view.pointer if lifted_new else p.new_view.at(keyword, j)
        self.compare(old, old_ptr, new, new_ptr, p.path,
                     _narrow(p.trail_old, p.old, keyword, old),
                     _narrow(p.trail_new, p.new, keyword, new), p.polarity.then(inner))


def _lift(schema: Any) -> dict[str, Any]:
    """``schema`` as ``anyOf [schema]``, its own annotations kept outside (``$ref`` inside)."""
    node = as_object(schema)
    kept = {k: v for k, v in node.items() if k in _KEEP_ON_LIFT}
    core = {k: v for k, v in node.items() if k not in _KEEP_ON_LIFT}
    return {**kept, "anyOf": [core]}


def _narrow(trail: tuple[Step, ...], node: Mapping[str, Any], keyword: str,
            branch: Any) -> tuple[Step, ...]:
    """The trail with its last schema narrowed to one branch (siblings kept)."""
    rest = {k: v for k, v in node.items() if k not in (keyword, "$defs", "$id", "$schema")}
    seg = trail[-1][0]
    return (*trail[:-1], (seg, {"allOf": [rest, branch]} if rest else branch))


def _or_true(value: Any) -> Any:
    return True if value is ABSENT else value


def _position_ptr(view: View, node: Mapping[str, Any], index: int) -> str:
    prefix = node.get("prefixItems", [])
    if isinstance(prefix, list) and index < len(prefix):
        return view.at("prefixItems", index)
    return view.at("items")


def diff_documents(old: Any, new: Any, file: str,
                   policy: Policy = Policy.STRICT) -> list[Finding]:
    """Every finding between two schema documents, without witnesses, in a stable order."""
    if file.rsplit("/", 1)[-1] == VOCABULARY_FILE:
        return sorted(_diff_vocabulary(old, new, file), key=_order)
    walker = _Walker(SchemaDocument(old), SchemaDocument(new), file, policy)
    return sorted(walker.run(), key=_order)


def _order(f: Finding) -> tuple[str, str, str, str]:
    return (f.file, f.pointer, f.rule, f.instance_path)


def _document_finding(rule_id: str, file: str, pointer: str, old: Any, new: Any,
                      effects: Effects) -> Finding:
    rule = RULES[rule_id]
    return Finding(rule_id, rule.category, file, pointer, pointer, ROOT_PATH, old, new,
                   effects.backward, effects.forward)


def _diff_vocabulary(old: Any, new: Any, file: str) -> Iterable[Finding]:
    """The meta-schema of the vocabulary: keywords added, removed or changed."""
    old_props, new_props = properties_of(old), properties_of(new)
    for name in sorted(set(old_props) | set(new_props)):
        ptr = pointer_join("/properties", name)
        o, n = old_props.get(name, ABSENT), new_props.get(name, ABSENT)
        if o is ABSENT:
            yield _document_finding("vocabulary-keyword-added", file, ptr, o, n, Effects.NEUTRAL)
        elif n is ABSENT:
            yield _document_finding("vocabulary-keyword-removed", file, ptr, o, n,
                                    Effects.NEUTRAL)
        elif canonical(_bare(o)) != canonical(_bare(n)):
            yield _document_finding("vocabulary-keyword-changed", file, ptr, o, n,
                                    Effects.UNKNOWN)
        elif canonical(o) != canonical(n):
            yield _document_finding("description-changed", file, ptr, o, n, Effects.ANNOTATION)
    table_old, table_new = old.get(KEYWORD_TABLE, ABSENT), new.get(KEYWORD_TABLE, ABSENT)
    table_ptr = pointer_join("", KEYWORD_TABLE)
    if table_old is ABSENT and table_new is not ABSENT:
        yield _document_finding("vocabulary-table-added", file, table_ptr, table_old, table_new,
                                Effects.ANNOTATION)
    elif canonical(_bare(table_old)) != canonical(_bare(table_new)):
        yield _document_finding("vocabulary-table-changed", file, table_ptr, table_old,
                                table_new, Effects.UNKNOWN)
    skip = ("properties", "$id", KEYWORD_TABLE)
    rest_old = {k: v for k, v in old.items() if k not in skip}
    rest_new = {k: v for k, v in new.items() if k not in skip}
    if canonical(_bare(rest_old)) != canonical(_bare(rest_new)):
        yield _document_finding("vocabulary-changed", file, "", rest_old, rest_new,
                                Effects.UNKNOWN)
    elif canonical(rest_old) != canonical(rest_new):
        yield _document_finding("description-changed", file, "", rest_old, rest_new,
                                Effects.ANNOTATION)


def _bare(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _bare(v) for k, v in value.items() if k not in ("description", "title")}
    return value


def unchanged(old: Any, new: Any) -> bool:
    """Equal but for the version segment of ``$id`` (every release changes it)."""
    def key(doc: Any) -> str:
        if isinstance(doc, Mapping) and isinstance(doc.get("$id"), str):
            doc = {**doc, "$id": id_without_version(doc["$id"])}
        return canonical(doc)

    return key(old) == key(new)


def diff_files(old: Mapping[str, Any], new: Mapping[str, Any],
               policy: Policy = Policy.STRICT,
               where: Callable[[str, str], str] = lambda side, name: f"{side} {name}",
               ) -> list[Finding]:
    """Findings between two sets of documents matched by relative file name.

    Documents that differ must be well formed (keyword shapes, vocabulary arguments); an error
    names the document as ``where("OLD" or "NEW", name)`` says."""
    findings: list[Finding] = []
    for name in sorted(set(old) | set(new)):
        if name not in new:
            findings.append(_document_finding("schema-removed", name, "", old[name], ABSENT,
                                              Effects.NARROWING))
        elif name not in old:
            findings.append(_document_finding("schema-added", name, "", ABSENT, new[name],
                                              Effects.NEUTRAL))
        elif not unchanged(old[name], new[name]):
            check_schema_document(old[name], where("OLD", name))
            check_schema_document(new[name], where("NEW", name))
            findings.extend(diff_documents(old[name], new[name], name, policy))
    return settle(findings, old, new)


def attach_witnesses(findings: list[Finding], old: Mapping[str, Any], new: Mapping[str, Any],
                     policy: Policy, directions: tuple[Direction, ...]) -> list[Finding]:
    """Search a witness for each breaking (or possibly breaking) finding in ``directions``.

    Found: the finding is breaking, proven. Not found: it stays possibly breaking, and says so.
    """
    searchers: dict[str, Searcher] = {}
    hazards: dict[str, str | None] = {}
    out = []
    open_ = Counter((f.file, d) for f in findings for d in directions if f.effect(d).breaks)
    deadline = time.monotonic() + MAX_TOTAL_SECONDS
    for finding in findings:
        for direction in directions:
            if not finding.effect(direction).breaks:
                continue
            try:
                if time.monotonic() > deadline:
                    witness = Witness("not-found", note=(
                        f"unknown, over budget: the witness searches of this diff took more "
                        f"than {MAX_TOTAL_SECONDS:g} s in all; this one was not run"))
                else:
                    witness = _search(finding, direction, old, new, policy, searchers, hazards)
            except re.error as exc:  # Python's re cannot read some ECMA-262 patterns (\cC)
                witness = Witness("not-found", note=f"the contract validator cannot read a "
                                  f"pattern here ({exc})")
            if (witness.status == "not-found" and policy is Policy.STRICT
                    and not witness.note.startswith("unknown, over budget")
                    and open_[finding.file, direction] == 1 and finding.file in old
                    and finding.file in new):
                witness = whole_witness(old[finding.file], new[finding.file],
                                        direction) or witness
            if witness.status == "found":
                effect = Effect.BREAKING
            elif witness.status == "not-found":
                if finding.unknown:
                    witness = Witness("not-found", note=f"{witness.note}; the semantic core "
                                      f"cannot decide: {finding.unknown}")
                effect = Effect.POSSIBLY_BREAKING
            else:
                effect = finding.effect(direction)
            finding = finding.with_effect(direction, effect, witness)
        out.append(finding)
    return out


def document_hazard(*documents: Any) -> str | None:
    """Why running the witness search on these documents could take unbounded time or memory:
    the first pattern (``pattern`` or a ``patternProperties`` key) with a hazard, or None."""
    stack = list(documents)
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            found = node.get("pattern")
            texts = [found] if isinstance(found, str) else []
            keyed = node.get("patternProperties")
            texts += [k for k in keyed if isinstance(k, str)] if isinstance(keyed, Mapping) else []
            for text in texts:
                reason = hazard(text)
                if reason is not None:
                    return reason
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def _search(finding: Finding, direction: Direction, old: Mapping[str, Any],
            new: Mapping[str, Any], policy: Policy, searchers: dict[str, Searcher],
            hazards: dict[str, str | None]) -> Witness:
    name = finding.file
    if name not in hazards:
        hazards[name] = document_hazard(old.get(name), new.get(name))
    reason = hazards[name]
    if reason is not None:
        return Witness("not-found", note=f"unknown, over budget: {reason}; the witness search "
                       "does not run such a pattern")
    if finding.rule == "schema-removed" and direction is Direction.BACKWARD:
        return _removed_schema_witness(old[name])
    if name not in old or name not in new or finding.site is None:
        return Witness("not-applicable", note="no config can show this change")
    if name not in searchers:
        searchers[name] = Searcher(old[name], new[name], policy)
    return searchers[name].search(finding, direction)


def _removed_schema_witness(document: Any) -> Witness:
    searcher = Searcher(document, document, Policy.STRICT)
    seeds, _ = searcher.seeds(document, document)
    if seeds:
        return Witness("found", seeds[0], note="valid under OLD; NEW has no schema for it")
    return Witness("not-found", note="no valid config of the removed schema could be built")


