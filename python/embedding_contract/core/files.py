"""File helpers shared by export, the schemas API, the static site and the fetch cache."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def sha256(content: bytes) -> str:
    """The hex digest that index.json records for a file."""
    return hashlib.sha256(content).hexdigest()


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` so readers see the old file or the new one, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(target: Path, files: Mapping[str, bytes]) -> None:
    """Create the folder ``target`` (absent or empty) holding ``files`` (relative POSIX path ->
    content) all at once: they are written into a staging folder beside it, then one rename."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        tree = staging / target.name  # made by mkdir, so it gets the usual (umask) permissions
        tree.mkdir()
        for rel, content in files.items():
            path = tree / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        os.replace(tree, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
