"""A schema tree on disk (``schemas/``): its released version folders and their files.

Layout under the root::

    index.json                           every version, file and sha256
    <version>/<family>/<ClassName>.json  one self-contained schema per model
    <version>/vocabulary.json            meta-schema of the portable rules
"""

from __future__ import annotations

from pathlib import Path

from embedding_contract.core.versions import sorted_versions

INDEX_FILE = "index.json"


def released_versions(root: Path) -> list[str]:
    """The version folders (``MAJOR.MINOR.PATCH``) under ``root``, oldest first."""
    if not root.is_dir():
        return []
    return sorted_versions([p.name for p in root.iterdir() if p.is_dir()])


def read_release(root: Path, version: str) -> dict[str, bytes]:
    """Every schema file of ``version`` under ``root``: path relative to ``root`` -> content."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / version).rglob("*.json")) if p.is_file()}
