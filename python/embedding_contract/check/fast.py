"""The fast verdict: jsonschema-rs on the released schema plus the compiled portable rules.

It gives the Pydantic models' verdict (the differential tests hold the two to it) at about the cost
of parsing, and without importing Pydantic, which dominates a short command's start-up. It only
says valid or invalid; the messages of an invalid config come from the models.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from embedding_contract import __version__
from embedding_contract.vocabulary.walker import PortableRules


class FastValidator:
    """One schema document, compiled once: jsonschema-rs for standard keywords, then the rules."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        import jsonschema_rs

        self._standard = jsonschema_rs.validator_for(dict(schema))
        self._rules = PortableRules(schema)

    def is_valid(self, instance: Any) -> bool:
        """The verdict for parsed RFC 8259 JSON (no NaN or Infinity: parse with the loader)."""
        return bool(self._standard.is_valid(instance)) and not self._rules.violations(instance)


@functools.cache
def validator(name: str, version: str = __version__) -> FastValidator:
    """The fast validator of model ``name`` as released in ``version`` (the models' own)."""
    from embedding_contract.schemafiles.packaged import load

    return FastValidator(load(name, version))


def verdict(name: str, data: Any) -> bool | None:
    """True or False from the fast path; None when it cannot judge (jsonschema-rs missing, the
    released schema unreadable, or a value it cannot take), so the caller asks the models."""
    try:
        return validator(name).is_valid(data)
    except Exception:  # any failure of the shortcut falls back to the source of truth
        return None
