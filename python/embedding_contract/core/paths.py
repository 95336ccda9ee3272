"""Where things are on disk: the source checkout the package runs from, if any."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def source_checkout() -> Path | None:
    """The repository root when the package runs from a source checkout (``python/`` beside
    ``schemas/``), else None (an installed wheel)."""
    top = _PACKAGE.parent.parent
    if _PACKAGE.parent.name == "python" and (top / "schemas").is_dir():
        return top
    return None


ROOT_PATH = "<root>"
"""How every report spells the path of the whole document."""

ANY_ITEM = "[]"
"""A path step meaning "every item of the array" (a diff's config path, say)."""

OTHER_KEY = "<other key>"
"""A path step meaning "a key the schema does not name"."""


def format_path(path: Sequence[object]) -> str:
    """An instance path as people read it: ``("tables", 3, "embedding_dim")`` ->
    ``tables[3].embedding_dim``; ``ANY_ITEM`` steps print as ``[]``; the root is ``<root>``."""
    out = ""
    for step in path:
        if isinstance(step, int) and not isinstance(step, bool):
            out += f"[{step}]"
        elif step == ANY_ITEM or getattr(step, "value", None) == ANY_ITEM:
            out += ANY_ITEM
        else:
            text = str(getattr(step, "value", step)) if not isinstance(step, str) else step
            text = shorten(text)
            out += f".{text}" if out else text
    return out or ROOT_PATH


MAX_SHOWN_CHARS = 80


def shorten(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """``text`` cut to ``limit`` characters for a message, saying how long it was: a key or
    value of megabytes is not echoed whole."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}...({len(text)} characters)"


def pointer_escape(token: str) -> str:
    """One JSON Pointer reference token (RFC 6901): ``~`` -> ``~0``, ``/`` -> ``~1``."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer_unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_join(base: str, *tokens: object) -> str:
    """``base`` extended by each token: ``pointer_join("/a", "b/c", 0)`` -> ``/a/b~1c/0``."""
    return base + "".join("/" + pointer_escape(str(t)) for t in tokens)
