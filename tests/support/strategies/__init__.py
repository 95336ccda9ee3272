"""Hypothesis strategies for the contract's documents, derived from the models.

Public API (stable; other test suites import it):

``MUTATION_KINDS: tuple[str, ...]``
    Every named mutation, in a fixed order. ``applicable_kinds(model)`` is the subset that can
    apply to one model (``mixed-data-type`` only where tables share a data type, and so on).
``Case(model, instance, kinds)``
    A frozen dataclass: the model name (``family.ClassName``), the document as parsed JSON data,
    and the mutation kinds applied to it (empty: a generated valid document). ``case.text`` is
    its JSON text (see ``json_text``).
``documents(model_name, *, mutate=None) -> SearchStrategy[Case]``
    ``mutate=False``: valid documents only; ``True``: mutated only; ``None``: a mix of both.
``json_text(instance) -> str``
    The JSON text of an instance: RFC 8259 except where a mutation put a non-finite number in
    (``NaN``, ``Infinity``, ``-Infinity`` tokens, or ``1e400`` for an ``Overflow`` value) or a
    lone surrogate (written as a ``\\ud800`` escape). Such text is invalid for the contract:
    its strict parser (``embedding_contract.check.loader``) rejects it.

A mutated case is nearly always invalid but not always (a later mutation can undo an earlier
one): take the expected verdict from the validators, not from ``kinds``. Every generated case
records its kinds with ``hypothesis.event()``, so ``--hypothesis-show-statistics`` shows how
often each kind came up.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from hypothesis import event
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tests.support.strategies import build, mutations, recap, twhin
from tests.support.strategies.edits import Overflow
from tests.support.strategies.shapes import model_shape

MUTATION_KINDS: tuple[str, ...] = mutations.KINDS

_FLAVOURS = {"recap": recap.FLAVOUR, "twhin": twhin.FLAVOUR}


def json_text(instance: Any) -> str:
    """JSON text of ``instance`` (see the module docstring for the non-RFC 8259 cases)."""
    if isinstance(instance, Overflow):
        return instance.text
    if isinstance(instance, dict):
        return "{" + ", ".join(f"{_string(k)}: {json_text(v)}" for k, v in instance.items()) + "}"
    if isinstance(instance, (list, tuple)):
        return "[" + ", ".join(json_text(v) for v in instance) + "]"
    if isinstance(instance, str):
        return _string(instance)
    return json.dumps(instance)


def _string(value: str) -> str:
    # Raw UTF-8 where possible; escapes only when a lone surrogate forces them.
    lone = any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    return json.dumps(value, ensure_ascii=lone)


@dataclass(frozen=True)
class Case:
    """One generated input: a model name, a parsed JSON document, the mutations applied."""

    model: str
    instance: Any
    kinds: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return json_text(self.instance)


def applicable_kinds(model_name: str) -> tuple[str, ...]:
    """The mutation kinds that can apply to ``model_name``, in ``MUTATION_KINDS`` order."""
    found = mutations.sites_by_kind(model_name)
    return tuple(k for k in MUTATION_KINDS if k in found)


@cache
def valid_documents(model_name: str) -> st.SearchStrategy[Any]:
    """Valid parsed-JSON documents of ``model_name``."""
    return build.valid(model_shape(model_name), flavour_of(model_name))


def flavour_of(model_name: str) -> build.Flavour:
    """The family's tuning of the generators (realistic strings, list sizes)."""
    return _FLAVOURS[model_name.partition(".")[0]]


def _record(label: str) -> None:
    with contextlib.suppress(InvalidArgument):  # drawn outside a test, e.g. by .example()
        event(label)


def _valid_case(model_name: str, instance: Any) -> Case:
    _record("valid")
    return Case(model_name, instance, ())


def _mutated_case(model_name: str, drawn: tuple[Any, tuple[str, ...]]) -> Case:
    instance, kinds = drawn
    for kind in sorted(set(kinds)):
        _record(f"mutation: {kind}")
    return Case(model_name, instance, kinds)


@cache
def documents(model_name: str, *, mutate: bool | None = None) -> st.SearchStrategy[Case]:
    """Cases of ``model_name``: valid (``mutate=False``), mutated (``True``) or both (``None``)."""
    valid = valid_documents(model_name)
    valid_cases = valid.map(lambda d: _valid_case(model_name, d))
    if mutate is False:
        return valid_cases
    mutated_cases = mutations.mutated(model_name, valid, flavour_of(model_name)).map(
        lambda drawn: _mutated_case(model_name, drawn))
    return mutated_cases if mutate else st.one_of(valid_cases, mutated_cases)


__all__ = ["MUTATION_KINDS", "Case", "Overflow", "applicable_kinds", "documents", "flavour_of",
           "json_text", "valid_documents"]
