"""``compare(old, new)``: the three answers, each with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from embedding_contract.core.errors import DiffInputError
from embedding_contract.diff.semantic.budget import Budget, Undecided
from embedding_contract.diff.semantic.drafts import Draft, draft_of
from embedding_contract.diff.semantic.include import Prover
from embedding_contract.diff.semantic.side import Side
from embedding_contract.diff.semantic.validity import check_valid
from embedding_contract.diff.semantic.witness import search


class Answer(Enum):
    COMPATIBLE = "compatible"
    BREAKING = "breaking"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    """One direction's answer: ``witness`` for a break (valid for the writer, rejected by the
    reader, by both validators), ``reason`` for unknown."""

    direction: str
    answer: Answer
    witness: Any = None
    has_witness: bool = False
    reason: str = ""


@dataclass(frozen=True)
class Report:
    mode: str
    verdicts: tuple[Verdict, ...] = field(default_factory=tuple)

    @property
    def answer(self) -> Answer:
        answers = {v.answer for v in self.verdicts}
        if Answer.BREAKING in answers:
            return Answer.BREAKING
        if Answer.UNKNOWN in answers:
            return Answer.UNKNOWN
        return Answer.COMPATIBLE

    def direction(self, name: str) -> Verdict:
        return next(v for v in self.verdicts if v.direction == name)


_MODES = {"backward": ("backward",), "forward": ("forward",), "full": ("backward", "forward")}


def compare(old: Any, new: Any, mode: str = "backward", *,
            default_draft: Draft = Draft.D2020_12, assert_format: bool = False,
            seconds: float = 2.0) -> Report:
    """Decide ``old`` against ``new``: backward asks L(old) ⊆ L(new), forward the converse.

    Raises :class:`DiffInputError` (one line) for a schema invalid under its draft."""
    if mode not in _MODES:
        raise DiffInputError(f"unknown mode {mode!r} (backward, forward, full)")
    sides = []
    for label, schema in (("OLD", old), ("NEW", new)):
        draft = draft_of(schema, default_draft)
        check_valid(schema, draft, label)
        sides.append(Side(schema, draft))
    old_side, new_side = sides
    verdicts = []
    for direction in _MODES[mode]:
        writer, reader = (old_side, new_side) if direction == "backward" else (new_side,
                                                                              old_side)
        verdicts.append(decide(writer, reader, direction, assert_format, seconds))
    return Report(mode, tuple(verdicts))


def decide(writer: Side, reader: Side, direction: str, assert_format: bool = False,
           seconds: float = 2.0) -> Verdict:
    budget = Budget(seconds=seconds)
    reason = "inclusion not proved and no witness found within the search budget"
    try:
        if Prover(writer, reader, budget, assert_format).sub(writer.root, reader.root):
            return Verdict(direction, Answer.COMPATIBLE)
    except Undecided as exc:
        reason = exc.reason
    except RecursionError:
        reason = "schemas nest too deeply"
    try:
        witness = search(writer, reader, Budget(seconds=seconds))
    except (LookupError, Undecided, RecursionError):
        return Verdict(direction, Answer.UNKNOWN, reason=reason)
    return Verdict(direction, Answer.BREAKING, witness, True)
