"""Where things are on disk: the source checkout the package runs from, if any."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def source_checkout() -> Path | None:
    """The repository root when the package runs from a source checkout (``python/`` beside
    ``schemas/``), else None (an installed wheel)."""
    top = _PACKAGE.parent.parent
    if _PACKAGE.parent.name == "python" and (top / "schemas").is_dir():
        return top
    return None
