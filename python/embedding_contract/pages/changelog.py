"""What changed in each release, as the schema diff sees it: every finding against the previous
release with its rule ID, the bump it demands and, for a break, the witness config.

The diff runs in full mode (readers and writers) so the page can say what a change does to each
side; the bump shown is the one the contract's gate demands (backward compatibility: services on
the new version read configs written for the old one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from embedding_contract.core.errors import DiffInputError, SiteError
from embedding_contract.core.versions import Bump, Version
from embedding_contract.diff.findings import ABSENT, Direction, Finding, Mode
from embedding_contract.diff.gate import Options, compare
from embedding_contract.diff.rules.table import RULES
from embedding_contract.diff.sources import Release
from embedding_contract.pages.view import json_text

GATE_MODE = Mode.BACKWARD
_SIDES = {Direction.BACKWARD: ("readers", "a service on the new version reading a config "
                                          "written for the old one"),
          Direction.FORWARD: ("writers", "a service on the old version reading a config "
                                         "written for the new one")}


@dataclass(frozen=True)
class SideView:
    """What a change does to one side (readers: backward; writers: forward)."""

    who: str
    meaning: str
    effect: str
    witness: str | None
    note: str


@dataclass(frozen=True)
class ChangeView:
    rule: str
    rule_doc: str
    category: str
    model: str
    file: str
    pointer: str
    config_path: str
    old: str | None
    new: str | None
    bump: Bump
    breaking: bool
    same_instances: bool
    sides: tuple[SideView, ...]
    anchor: str


@dataclass(frozen=True)
class RuleCount:
    """One line of a release's summary: how often a rule fired, and what it demanded."""

    rule: str
    count: int
    bump: Bump
    breaking: int


@dataclass(frozen=True)
class ReleaseChanges:
    """The changes of release ``version`` against ``previous`` (None for the first release)."""

    version: str
    previous: str | None
    changes: tuple[ChangeView, ...]
    required: Bump
    actual: Bump | None
    verdict: str
    added_models: tuple[str, ...]
    removed_models: tuple[str, ...]

    @property
    def breaking(self) -> int:
        return sum(1 for c in self.changes if c.breaking)

    def by_model(self) -> dict[str, list[ChangeView]]:
        found: dict[str, list[ChangeView]] = {}
        for change in self.changes:
            found.setdefault(change.model, []).append(change)
        return found

    def summary(self) -> list[RuleCount]:
        by_rule: dict[str, list[ChangeView]] = {}
        for change in self.changes:
            by_rule.setdefault(change.rule, []).append(change)
        return [RuleCount(rule, len(mine), max(c.bump for c in mine),
                          sum(1 for c in mine if c.breaking))
                for rule, mine in sorted(by_rule.items())]


def release_changes(version: str, documents: Mapping[str, Any],
                    previous: tuple[str, Mapping[str, Any]] | None) -> ReleaseChanges:
    """Diff release ``version`` (file name -> schema document) against ``previous``."""
    if previous is None:
        return ReleaseChanges(version, None, (), Bump.NONE, None, "the first release",
                              tuple(sorted(documents)), ())
    old_version, old_documents = previous
    try:
        comparison = compare(Release(old_version, old_version, old_documents),
                             Release(version, version, documents), Options(mode=Mode.FULL))
    except DiffInputError as exc:
        raise SiteError(f"the changes of {version} against {old_version}: {exc}") from exc
    changes = tuple(_change(f, n) for n, f in enumerate(comparison.findings, 1))
    directions = GATE_MODE.directions
    required = max((f.bump(directions) for f in comparison.findings), default=Bump.NONE)
    actual = Version.parse(old_version).bump_to(Version.parse(version))
    enough = actual is not None and actual >= required
    verdict = (f"needs at least a {required} bump; {old_version} -> {version} is a {actual} bump"
               if required is not Bump.NONE else "no change to any schema")
    if not enough:
        verdict += " (too small: this release broke the gate)"
    return ReleaseChanges(version, old_version, changes, required, actual, verdict,
                          tuple(sorted(set(documents) - set(old_documents))),
                          tuple(sorted(set(old_documents) - set(documents))))


def _change(f: Finding, number: int) -> ChangeView:
    sides = []
    for direction in (Direction.BACKWARD, Direction.FORWARD):
        who, meaning = _SIDES[direction]
        witness = f.witness(direction)
        found = json_text(witness.instance, indent=2) if witness.status == "found" else None
        note = witness.note
        if not note and f.same_instances:
            note = "the same configs are valid before and after"
        sides.append(SideView(who, meaning, f.effect(direction).value, found, note))
    rule = RULES.get(f.rule)
    return ChangeView(
        f.rule, rule.doc if rule is not None else "", f.category,
        f.file.removesuffix(".json").replace("/", "."), f.file, f.pointer,
        f.instance_path, _value(f.old), _value(f.new), f.bump(GATE_MODE.directions),
        f.breaks(GATE_MODE.directions), f.same_instances, tuple(sides), f"change-{number}")


def _value(value: Any) -> str | None:
    if value is ABSENT:
        return None
    text = json_text(value)
    return text if len(text) <= 400 else text[:397] + "..."
