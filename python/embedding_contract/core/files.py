"""File helpers shared by export, the schemas API and the fetch cache."""

from __future__ import annotations

import hashlib
import os
import tempfile
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
