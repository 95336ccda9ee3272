"""Which model a config file names: through a ``$schema`` key or a yaml-language-server modeline."""

from __future__ import annotations

import re
from typing import Any

from embedding_contract.models.registry import FAMILIES, MODEL_NAMES

_SCHEMA_PATH = re.compile(
    r"(?:^|[/\\])(?:v?[0-9]+(?:\.[0-9]+){0,2}|latest)[/\\](?P<family>[a-z]+)[/\\]"
    r"(?P<cls>[A-Za-z]+)\.json$")
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(?P<ref>\S+)\s*$", re.MULTILINE)
# Any way a text can name a schema: a modeline, a YAML `$schema:` key, a JSON "$schema" member.
_ANY_REFERENCE = re.compile(r"""\$schema["']?\s*[:=]\s*["']?(?P<ref>[^\s"',}]+)""")


def _match(reference: str) -> re.Match[str] | None:
    return _SCHEMA_PATH.search(reference.split("#")[0].split("?")[0])


def model_from_reference(reference: str) -> str | None:
    """``.../1.0.0/recap/LargeEmbeddingsConfig.json`` (a URL or a path) -> its model name."""
    match = _match(reference)
    if not match:
        return None
    name = f"{match['family']}.{match['cls']}"
    return name if name in MODEL_NAMES else None


def names_contract_family(reference: str) -> bool:
    """Whether ``reference`` has the shape of a contract schema (``<version>/<family>/X.json``
    with a known family), so a wrong class name is a mistake rather than someone else's schema."""
    match = _match(reference)
    return bool(match and match["family"] in FAMILIES)


def declared_reference(text: str | None, data: Any) -> str | None:
    """The schema reference a file declares: its top-level ``$schema`` key, else its modeline."""
    if isinstance(data, dict) and isinstance(data.get("$schema"), str):
        return data["$schema"]  # type: ignore[no-any-return]
    if text:
        match = _MODELINE.search(text)
        if match:
            return match["ref"]
    return None


def mentions_contract(text: str) -> bool:
    """Whether ``text`` names a contract schema anywhere, read without parsing it (for a file
    that does not parse: is it a broken config or someone else's file?)."""
    return any(names_contract_family(m["ref"]) for m in _ANY_REFERENCE.finditer(text))
