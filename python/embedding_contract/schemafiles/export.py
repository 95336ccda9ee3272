"""Export the models as versioned, byte-stable schema files, and check the tree for drift.

The tree's layout is described in :mod:`embedding_contract.schemafiles.releases`. A version folder
is immutable once written: exporting different content into it fails.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from embedding_contract.core.errors import (
    DriftError,
    ExportError,
    JsonError,
    SchemaTreeError,
    VersionError,
)
from embedding_contract.core.files import remove_debris, sha256, write_atomic, write_tree
from embedding_contract.core.jsonio import parse, render
from embedding_contract.core.versions import Version, version_key
from embedding_contract.schemafiles.releases import INDEX_FILE, read_release, released_versions


def build_release(version: str, base_url: str) -> dict[str, bytes]:
    """Every file of ``version`` as the models export it now: relative path -> content."""
    from embedding_contract.models.registry import MODEL_NAMES
    from embedding_contract.schemafiles.generate import model_schema, schema_path
    from embedding_contract.vocabulary.metaschema import VOCABULARY_FILE, vocabulary_schema

    try:
        Version.parse(version)
    except VersionError as exc:
        raise ExportError(str(exc)) from exc
    files = {schema_path(name, version): render(model_schema(name, version, base_url))
             for name in MODEL_NAMES}
    files[f"{version}/{VOCABULARY_FILE}"] = render(vocabulary_schema(version, base_url))
    return dict(sorted(files.items()))


def build_index(releases: Mapping[str, Mapping[str, bytes]]) -> bytes:
    """``index.json`` for the given releases (version -> files)."""
    versions: dict[str, Any] = {}
    for version, files in releases.items():
        models: dict[str, Any] = {}
        entry: dict[str, Any] = {"models": models}
        for rel, content in files.items():
            doc = parse(content, rel)
            record = {"path": rel, "sha256": sha256(content), "$id": doc.get("$id")}
            parts = rel.split("/")
            if len(parts) == 3:
                models[f"{parts[1]}.{parts[2].removesuffix('.json')}"] = record
            else:
                entry["vocabulary"] = record
        versions[version] = entry
    ordered = sorted(versions, key=version_key)
    return render({"latest": ordered[-1] if ordered else None,
                   "versions": {v: versions[v] for v in ordered}})


@dataclass(frozen=True)
class ExportResult:
    version: str
    written: bool
    files: int


def export(root: Path, version: str, base_url: str) -> ExportResult:
    """Write ``version`` under ``root`` (refusing to change a released one) and the index."""
    files = build_release(version, base_url)
    existing = read_release(root, version) if (root / version).is_dir() else None
    if existing is not None and existing != files:
        changed = sorted(set(existing) ^ set(files) | {
            k for k in set(existing) & set(files) if existing[k] != files[k]})
        raise ExportError(
            f"version {version} is released and its schemas would change "
            f"({', '.join(changed[:5])}{' ...' if len(changed) > 5 else ''}); released schemas "
            "are immutable: bump __version__ in python/embedding_contract/__init__.py "
            "(run `embedding-contract diff --against-release` to see which bump is needed)")
    root.mkdir(parents=True, exist_ok=True)
    remove_debris(root)  # temporaries of a run that was killed
    if existing is None:
        write_tree(root / version, {rel.removeprefix(f"{version}/"): content
                                    for rel, content in files.items()})
    releases = {v: read_release(root, v) for v in released_versions(root)}
    write_atomic(root / INDEX_FILE, build_index(releases))
    return ExportResult(version, existing is None, len(files))


NO_TREE_HINT = "run in a source checkout, or pass --schemas DIR"


def require_tree(root: Path, exported: str | None = None) -> list[str]:
    """The released versions of the schema tree at ``root``, oldest first; SchemaTreeError when
    there is no tree, its index is not JSON, or a version the index names has no folder (but
    ``exported``, whose absence is drift). A gate judges nothing without its inputs, so it must
    never pass for want of them."""
    if not root.is_dir():
        raise SchemaTreeError(f"{root}/: no schema tree here ({NO_TREE_HINT})")
    released = released_versions(root)
    index_path = root / INDEX_FILE
    if not index_path.is_file():
        return released
    try:
        index = parse(index_path.read_bytes(), str(index_path))
    except (OSError, JsonError) as exc:
        raise SchemaTreeError(f"{index_path}: cannot read the index: {exc}") from exc
    named = index.get("versions") if isinstance(index, dict) else None
    if isinstance(named, dict):  # a malformed index is drift, which the check reports
        absent = sorted(set(named) - set(released) - {exported}, key=version_key)
        if absent:
            raise SchemaTreeError(f"{root}/: version {absent[0]} is named in {INDEX_FILE} but "
                                  "its folder is absent")
    return released


def check(root: Path, version: str, base_url: str) -> None:
    """Raise DriftError with a readable diff if the committed tree differs from a fresh export;
    SchemaTreeError (see :func:`require_tree`) if there is no tree to compare."""
    require_tree(root, exported=version)
    files = build_release(version, base_url)
    committed = read_release(root, version) if (root / version).is_dir() else {}
    diffs: list[str] = []
    if not committed:
        diffs.append(f"schemas for version {version} are not exported: run `embedding-contract "
                     "export`\n")
    else:
        for rel in sorted(set(files) | set(committed)):
            diffs.extend(_diff(rel, committed.get(rel), files.get(rel)))
    releases = {v: read_release(root, v) for v in released_versions(root)}
    releases[version] = files
    index_path = root / INDEX_FILE
    current_index = index_path.read_bytes() if index_path.is_file() else None
    diffs.extend(_diff(INDEX_FILE, current_index, build_index(releases)))
    if diffs:
        raise DriftError(f"{root}/ drifts from the models (version {version})", "".join(diffs))


def _diff(rel: str, old: bytes | None, new: bytes | None, limit: int = 60) -> list[str]:
    if old == new:
        return []
    lines = list(difflib.unified_diff(
        (old or b"").decode().splitlines(keepends=True),
        (new or b"").decode().splitlines(keepends=True),
        fromfile=f"committed/{rel}" if old is not None else "/dev/null",
        tofile=f"exported/{rel}" if new is not None else "/dev/null"))
    if len(lines) > limit:
        lines = [*lines[:limit], f"... ({len(lines) - limit} more diff lines)\n"]
    return lines

