"""The fast verdict: jsonschema-rs on the released schema plus the compiled portable rules.

It gives the Pydantic models' verdict (the differential tests hold the two to it) at about the cost
of parsing, and without importing Pydantic, which dominates a short command's start-up. It only
says valid or invalid; the messages of an invalid config come from the models.

Where it cannot judge it says so (None) and the caller asks the models; it declines only for the
reasons listed here, so a bug in the fast path surfaces instead of hiding behind the fallback.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from embedding_contract import __version__
from embedding_contract.core.errors import SchemaIntegrityError, UsageError
from embedding_contract.vocabulary.walker import PortableRules

# jsonschema-rs converts the value to its own JSON before validating and refuses what it cannot
# hold: a lone surrogate in a string (from an environment variable, say), or, in some releases,
# an integer beyond 64 bits.
_VALUE_REFUSED = (ValueError, OverflowError)
# No released schema to compile: the packaged file is unreadable or damaged, or this version or
# model was never released (a source checkout before `embedding-contract export`).
_NO_SCHEMA = (SchemaIntegrityError, UsageError)


def _no_retrieval(uri: str) -> Any:
    raise ValueError(f"$ref {uri!r} is not retrieved (no network or file access)")


class FastValidator:
    """One schema document, compiled once: jsonschema-rs for standard keywords, then the rules."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        import jsonschema_rs

        # The released schemas are self-contained: never retrieve a $ref (no network or file).
        self._standard = jsonschema_rs.validator_for(dict(schema), retriever=_no_retrieval)
        self._rules = PortableRules(schema)

    def verdict(self, instance: Any) -> bool | None:
        """The verdict for parsed RFC 8259 JSON (no NaN or Infinity: parse with the loader);
        None when jsonschema-rs cannot take the value."""
        try:
            standard = bool(self._standard.is_valid(instance))
        except _VALUE_REFUSED:
            return None
        return standard and not self._rules.violations(instance)


@functools.cache
def validator(name: str, version: str = __version__) -> FastValidator:
    """The fast validator of model ``name`` as released in ``version`` (the models' own)."""
    from embedding_contract.schemafiles.packaged import load

    return FastValidator(load(name, version))


def verdict(name: str, data: Any) -> bool | None:
    """True or False from the fast path; None when it cannot judge (jsonschema-rs missing, no
    readable released schema, or a value jsonschema-rs cannot take), so the caller asks the
    models. Any other exception is a bug and propagates."""
    try:
        fast = validator(name)
    except _NO_SCHEMA:
        return None
    except ModuleNotFoundError as exc:
        if exc.name != "jsonschema_rs":
            raise
        return None
    return fast.verdict(data)
