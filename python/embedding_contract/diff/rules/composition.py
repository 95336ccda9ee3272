"""Rules about composition: ``anyOf``/``allOf``/``oneOf`` branches, ``not``, ``$ref`` targets."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from embedding_contract.diff.findings import ABSENT, Effect, Effects
from embedding_contract.diff.keywords import is_closed, properties_of, required_of, type_atoms
from embedding_contract.diff.references import SchemaDocument, deref
from embedding_contract.diff.rules.rule import delta
from embedding_contract.diff.walk import Delta, Pair, is_null_branch


def anyof_branch_added(p: Pair) -> Iterator[Delta]:
    new = p.new.get("anyOf", [])
    for j in p.branches("anyOf").added:
        if not is_null_branch(p.new_doc, new[j]):  # null-added reports that one
            yield delta(("anyOf", j), ABSENT, new[j], Effects.WIDENING, branch=j)


def anyof_branch_removed(p: Pair) -> Iterator[Delta]:
    old = p.old.get("anyOf", [])
    for i in p.branches("anyOf").removed:
        if not is_null_branch(p.old_doc, old[i]):  # null-removed reports that one
            yield delta(("anyOf", i), old[i], ABSENT, Effects.NARROWING, branch=i)


def allof_branch_added(p: Pair) -> Iterator[Delta]:
    new = p.new.get("allOf", [])
    for j in p.branches("allOf").added:
        yield delta(("allOf", j), ABSENT, new[j], Effects.NARROWING, branch=j)


def allof_branch_removed(p: Pair) -> Iterator[Delta]:
    old = p.old.get("allOf", [])
    for i in p.branches("allOf").removed:
        yield delta(("allOf", i), old[i], ABSENT, Effects.WIDENING, branch=i)


def _disjoint(document: SchemaDocument, branch: Any, other: Mapping[str, Any]) -> bool:
    """No instance valid under ``other`` satisfies ``branch``: it requires a key ``other``
    forbids, or admits no kind of value ``other`` admits."""
    keywords = deref(document, branch, "").keywords
    if is_closed(other):
        known = set(properties_of(other))
        if any(k not in known for k in required_of(keywords)):
            return True
    mine, theirs = type_atoms(keywords), type_atoms(other)
    return mine is not None and theirs is not None and not (mine & theirs)


def oneof_branch_added(p: Pair) -> Iterator[Delta]:
    new = p.new.get("oneOf", [])
    for j in p.branches("oneOf").added:
        if "oneOf" not in p.old:
            effects = Effects.NARROWING
        else:
            backward = (Effect.COMPATIBLE if _disjoint(p.new_doc, new[j], p.old)
                        else Effect.POSSIBLY_BREAKING)
            effects = Effects(backward, Effect.BREAKING)
        yield delta(("oneOf", j), ABSENT, new[j], effects, branch=j)


def oneof_branch_removed(p: Pair) -> Iterator[Delta]:
    old = p.old.get("oneOf", [])
    for i in p.branches("oneOf").removed:
        if "oneOf" not in p.new:
            effects = Effects.WIDENING
        else:
            forward = (Effect.COMPATIBLE if _disjoint(p.old_doc, old[i], p.new)
                       else Effect.POSSIBLY_BREAKING)
            effects = Effects(Effect.BREAKING, forward)
        yield delta(("oneOf", i), old[i], ABSENT, effects, branch=i)


def not_added(p: Pair) -> Iterator[Delta]:
    if "not" in p.new and "not" not in p.old:
        yield delta(("not",), ABSENT, p.new["not"], Effects.NARROWING)


def not_removed(p: Pair) -> Iterator[Delta]:
    if "not" in p.old and "not" not in p.new:
        yield delta(("not",), p.old["not"], ABSENT, Effects.WIDENING)


def ref_target_changed(p: Pair) -> Iterator[Delta]:
    old, new = p.old_view.refs, p.new_view.refs
    if old and new and old[-1].rsplit("/", 1)[-1] != new[-1].rsplit("/", 1)[-1]:
        yield delta(("$ref",), old[0], new[0], Effects.ANNOTATION)
