"""Which model a config file names: through a ``$schema`` key or a yaml-language-server modeline."""

from __future__ import annotations

import re
from typing import Any

from .registry import MODEL_NAMES

_SCHEMA_PATH = re.compile(
    r"(?:^|/)(?:v?[0-9]+(?:\.[0-9]+){0,2}|latest)/(?P<family>[a-z]+)/(?P<cls>[A-Za-z]+)\.json$")
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(?P<ref>\S+)\s*$", re.MULTILINE)


def model_from_reference(reference: str) -> str | None:
    """``.../1.0.0/recap/LargeEmbeddingsConfig.json`` (a URL or a path) -> its model name."""
    match = _SCHEMA_PATH.search(reference.split("#")[0].split("?")[0])
    if not match:
        return None
    name = f"{match['family']}.{match['cls']}"
    return name if name in MODEL_NAMES else None


def declared_reference(text: str | None, data: Any) -> str | None:
    """The schema reference a file declares: its top-level ``$schema`` key, else its modeline."""
    if isinstance(data, dict) and isinstance(data.get("$schema"), str):
        return data["$schema"]  # type: ignore[no-any-return]
    if text:
        match = _MODELINE.search(text)
        if match:
            return match["ref"]
    return None
