"""The contract's version numbers: ``MAJOR.MINOR.PATCH``, ordered, bumped, and read from ``$id``."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from embedding_contract.core.errors import VersionError

MAX_COMPONENT_DIGITS = 9
"""A component longer than this is refused (no version of this contract needs one)."""

_COMPONENT = rf"(0|[1-9][0-9]{{0,{MAX_COMPONENT_DIGITS - 1}}})"
_EXACT = re.compile(rf"{_COMPONENT}\.{_COMPONENT}\.{_COMPONENT}")
_ID_SEGMENT = re.compile(rf"/{_COMPONENT}\.{_COMPONENT}\.{_COMPONENT}/")


class Bump(enum.IntEnum):
    """How far apart two versions are, and the bump a change needs."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Version:
    """A semantic version of the contract (no pre-release or build parts)."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        """``"1.2.3"`` -> ``Version(1, 2, 3)``; :class:`VersionError` for anything else."""
        match = _EXACT.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            shown = text if isinstance(text, str) and len(text) <= 40 else f"{str(text)[:37]}..."
            raise VersionError(f"{shown!r} is not a version of the form MAJOR.MINOR.PATCH",
                               text=str(text)[:100])
        return cls(int(match[1]), int(match[2]), int(match[3]))

    @staticmethod
    def is_valid(text: object) -> bool:
        return isinstance(text, str) and _EXACT.fullmatch(text) is not None

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def bumped(self, bump: Bump) -> Version:
        """The smallest version that is ``bump`` away from this one."""
        if bump is Bump.MAJOR:
            return Version(self.major + 1, 0, 0)
        if bump is Bump.MINOR:
            return Version(self.major, self.minor + 1, 0)
        if bump is Bump.PATCH:
            return Version(self.major, self.minor, self.patch + 1)
        return self

    def bump_to(self, newer: Version) -> Bump | None:
        """The bump from this version to ``newer``; None when ``newer`` is older."""
        if newer < self:
            return None
        if newer.major > self.major:
            return Bump.MAJOR
        if newer.minor > self.minor:
            return Bump.MINOR
        return Bump.PATCH if newer.patch > self.patch else Bump.NONE


def version_key(text: str) -> Version:
    """Sort key for version strings (raises :class:`VersionError` on a malformed one)."""
    return Version.parse(text)


def sorted_versions(texts: list[str] | set[str] | tuple[str, ...]) -> list[str]:
    """The well-formed versions among ``texts``, oldest first (others are left out)."""
    return sorted((t for t in texts if Version.is_valid(t)), key=Version.parse)


def id_without_version(schema_id: str) -> str:
    """An ``$id`` with its ``/MAJOR.MINOR.PATCH/`` segment replaced by ``/V/``, so two releases'
    ids compare equal when only the version differs."""
    return _ID_SEGMENT.sub("/V/", schema_id)


def version_in_id(schema_id: str) -> Version | None:
    """The version segment of a schema ``$id`` (``.../1.0.0/recap/X.json``), if it has one."""
    match = _ID_SEGMENT.search(schema_id)
    return Version(int(match[1]), int(match[2]), int(match[3])) if match else None
