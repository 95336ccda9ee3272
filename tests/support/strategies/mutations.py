"""Near-valid documents: a valid document changed by one or more named mutations.

Each kind is a predicate on *sites* (places in the model's shape, see ``sites``) and an edit of the
value found there: those that break standard keywords are in ``edits``, those that break the
portable rules in ``rule_edits``. Later mutations may undo earlier ones (a site filled in after a
``drop-required``): a mutated case is nearly always, not always, invalid. The validators decide.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from tests.support.strategies import build, edits, rule_edits
from tests.support.strategies.shapes import model_shape
from tests.support.strategies.sites import Edit, Site, locate, pick, sites

# The order is part of the draws (a kind is picked by its index): new kinds go last.
_KINDS = {**edits.KINDS, **rule_edits.KINDS}

KINDS: tuple[str, ...] = tuple(_KINDS)


@cache
def sites_by_kind(model_name: str) -> dict[str, tuple[Site, ...]]:
    """For each kind that applies to the model, the sites it applies to."""
    every = sites(model_shape(model_name))
    found = {name: tuple(s for s in every if kind.applies(s)) for name, kind in _KINDS.items()}
    return {name: found_sites for name, found_sites in found.items() if found_sites}


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
            path = locate(draw, box, site, flavour, model_name)
            if path is not None and _KINDS[kind].edit(Edit(draw, box, path, site, flavour)):
                applied.append(kind)
                if len(applied) == wanted:
                    break
        assume(applied)
        return box[0], tuple(applied)

    return draw_mutated()
