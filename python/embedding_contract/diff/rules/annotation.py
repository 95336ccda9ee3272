"""Rules about what never changes validity: defaults, annotations and the document's ``$id``."""

from __future__ import annotations

from collections.abc import Iterator

from embedding_contract.core.versions import id_without_version
from embedding_contract.diff.findings import Effects
from embedding_contract.diff.keywords import ANNOTATIONS, canonical
from embedding_contract.diff.rules.rule import delta, get
from embedding_contract.diff.walk import Delta, Pair

OTHER_ANNOTATIONS = tuple(sorted(ANNOTATIONS - {"title", "description", "examples"}))
"""The annotations without a rule of their own."""


def default_changed(p: Pair) -> Iterator[Delta]:
    old, new = get(p.old, "default"), get(p.new, "default")
    if canonical(old) != canonical(new):
        yield delta(("default",), old, new, Effects.NEUTRAL)


def _annotation_change(p: Pair, keyword: str) -> Iterator[Delta]:
    old, new = get(p.old, keyword), get(p.new, keyword)
    if canonical(old) != canonical(new):
        yield delta((keyword,), old, new, Effects.ANNOTATION)


def title_changed(p: Pair) -> Iterator[Delta]:
    yield from _annotation_change(p, "title")


def description_changed(p: Pair) -> Iterator[Delta]:
    yield from _annotation_change(p, "description")


def examples_changed(p: Pair) -> Iterator[Delta]:
    yield from _annotation_change(p, "examples")


def annotation_changed(p: Pair) -> Iterator[Delta]:
    for keyword in OTHER_ANNOTATIONS:
        yield from _annotation_change(p, keyword)


def id_changed(p: Pair) -> Iterator[Delta]:
    old, new = get(p.old, "$id"), get(p.new, "$id")
    if isinstance(old, str) and isinstance(new, str):
        if id_without_version(old) != id_without_version(new):
            yield delta(("$id",), old, new, Effects.ANNOTATION)
    elif old != new:
        yield delta(("$id",), old, new, Effects.ANNOTATION)
