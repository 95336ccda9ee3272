"""Where the schemas of a diff come from: a file, a version folder, a schema root, a git revision,
or the current models (exported in memory).

A source is read into a :class:`Release`: documents keyed by their name inside a version folder
(``recap/LargeEmbeddingsConfig.json``, ``vocabulary.json``). ``git:REF`` reads ``schemas/`` at
that revision with ``git ls-tree`` and ``git cat-file``, never touching the work tree.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from embedding_contract.core.errors import DiffInputError, JsonError
from embedding_contract.core.jsonio import parse
from embedding_contract.core.versions import Version, version_key
from embedding_contract.schemafiles.releases import released_versions


@dataclass(frozen=True)
class Release:
    """Schema documents of one side of a diff."""

    label: str
    version: str | None
    documents: Mapping[str, Any]
    origin: str | None = None
    single: bool = False

    def path_of(self, name: str) -> str:
        """Where document ``name`` lives (for CI annotations)."""
        return f"{self.origin}{name}" if self.origin is not None else name


def _parse(content: bytes, origin: str) -> Any:
    """Strict JSON (:func:`embedding_contract.core.jsonio.parse`), as an input error of the
    diff."""
    try:
        return parse(content, origin)
    except JsonError as exc:
        raise DiffInputError(str(exc)) from exc


def _documents_from(files: Mapping[str, bytes], where: str) -> dict[str, Any]:
    docs = {name: _parse(content, f"{where}/{name}") for name, content in sorted(files.items())}
    for name, doc in docs.items():
        if not isinstance(doc, (dict, bool)):
            raise DiffInputError(f"{where}/{name}: a schema must be an object or a boolean")
    return docs


def release_from_export(files: Mapping[str, bytes], version: str, label: str,
                        origin: str | None = None) -> Release:
    """A release from :func:`embedding_contract.schemafiles.export.build_release` output."""
    prefix = f"{version}/"
    inner = {k.removeprefix(prefix): v for k, v in files.items() if k.startswith(prefix)}
    return Release(label, version, _documents_from(inner, label), origin)


def read_version(root: Path, version: str) -> Release:
    folder = root / version
    return _read_folder(folder, version, f"{root.as_posix().rstrip('/')}/{version}")


def _read_folder(folder: Path, version: str | None, label: str) -> Release:
    files = {p.relative_to(folder).as_posix(): p.read_bytes()
             for p in sorted(folder.rglob("*.json")) if p.is_file()}
    if not files:
        raise DiffInputError(f"{label}: no schema files (*.json) in this folder")
    return Release(label, version, _documents_from(files, label), f"{label}/")


def load_source(spec: str, schemas_dir: Path = Path("schemas")) -> Release:
    """Read OLD or NEW of ``embedding-contract diff``."""
    if spec.startswith("git:"):
        return _load_git(spec[4:], schemas_dir)
    path = Path(spec)
    if path.is_file():
        return _load_file(path)
    if path.is_dir():
        versions = released_versions(path)
        if versions:  # a schema root: its newest version
            return read_version(path, versions[-1])
        name = path.resolve().name
        return _read_folder(path, name if Version.is_valid(name) else None,
                            path.as_posix().rstrip("/"))
    raise DiffInputError(f"{spec}: no such file or folder (or use git:REF)")


def _load_file(path: Path) -> Release:
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise DiffInputError(f"{path}: cannot read: {exc.strerror}") from exc
    parts = path.resolve().parts
    version = None
    name = path.name
    if len(parts) >= 3 and Version.is_valid(parts[-3]):
        version, name = parts[-3], f"{parts[-2]}/{parts[-1]}"
    elif len(parts) >= 2 and Version.is_valid(parts[-2]):
        version = parts[-2]
    return Release(path.as_posix(), version, {name: _parse(content, path.as_posix())},
                   path.as_posix()[: -len(name)], single=True)


def match_single(old: Release, new: Release) -> tuple[Release, Release]:
    """When one side is a single file, keep only its counterpart on the other side."""
    if not old.single and not new.single:
        return old, new
    if old.single and new.single:
        (_, old_doc), (new_name, new_doc) = (next(iter(old.documents.items())),
                                                    next(iter(new.documents.items())))
        return (Release(old.label, old.version, {new_name: old_doc}, old.origin, True),
                Release(new.label, new.version, {new_name: new_doc}, new.origin, True))
    one, many = (old, new) if old.single else (new, old)
    name = next(iter(one.documents))
    if name in many.documents:
        chosen = name
    else:
        base = PurePosixPath(name).name
        candidates = [n for n in many.documents if PurePosixPath(n).name == base]
        if len(candidates) != 1:
            raise DiffInputError(
                f"cannot match {one.label} in {many.label}: "
                + (f"{len(candidates)} files are named {base}" if candidates
                   else f"no file named {base}"))
        chosen = candidates[0]
    narrowed = Release(many.label, many.version, {chosen: many.documents[chosen]}, many.origin,
                       True)
    renamed = Release(one.label, one.version, {chosen: one.documents[name]}, one.origin, True)
    return (renamed, narrowed) if old.single else (narrowed, renamed)


# -- git ------------------------------------------------------------------------------------------

def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True,
                              check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiffInputError(f"cannot run git: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise DiffInputError(f"git {args[0]} failed: {message[0] if message else done.returncode}")
    return done.stdout


def _load_git(spec: str, schemas_dir: Path) -> Release:
    ref, version = spec, None
    head, _, tail = spec.rpartition(":")
    if head and Version.is_valid(tail):
        ref, version = head, tail
    if not ref or ref.startswith("-") or any(c.isspace() for c in ref):
        raise DiffInputError(f"git:{spec}: not a revision")
    start = schemas_dir if schemas_dir.is_dir() else Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], start).decode().strip())
    prefix = Path(os.path.relpath(schemas_dir.resolve(), top.resolve())).as_posix()
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    listing = _git(["ls-tree", "-r", "--name-only", ref, "--", f"{prefix}/"], top).decode()
    by_version: dict[str, list[str]] = {}
    for line in listing.splitlines():
        rest = line[len(prefix) + 1:].split("/", 1)
        if len(rest) == 2 and Version.is_valid(rest[0]) and rest[1].endswith(".json"):
            by_version.setdefault(rest[0], []).append(rest[1])
    if not by_version:
        raise DiffInputError(f"git:{spec}: no released schemas under {prefix}/ at {ref}")
    chosen = version or max(by_version, key=version_key)
    if chosen not in by_version:
        raise DiffInputError(f"git:{spec}: version {chosen} is not under {prefix}/ at {ref} "
                             f"(there: {', '.join(sorted(by_version, key=version_key))})")
    names = sorted(by_version[chosen])
    blobs = _cat_files(top, [f"{ref}:{prefix}/{chosen}/{n}" for n in names])
    label = f"git:{ref}:{prefix}/{chosen}"
    return Release(label, chosen, _documents_from(dict(zip(names, blobs, strict=True)), label),
                   f"{prefix}/{chosen}/")


def _cat_files(top: Path, objects: list[str]) -> list[bytes]:
    out = _git(["cat-file", "--batch"], top, ("\n".join(objects) + "\n").encode())
    blobs, pos = [], 0
    for name in objects:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode().split()
        if len(header) != 3:
            raise DiffInputError(f"git: cannot read {name}")
        size = int(header[2])
        blobs.append(out[end + 1:end + 1 + size])
        pos = end + 1 + size + 1
    return blobs
