"""Field types of the contract: JSON Schema semantics, enforced the same way by Pydantic.

- Integers are JSON numbers with zero fraction (``64`` and ``64.0``), never strings or booleans,
  and lie within +-(2**53 - 1), the I-JSON range every JSON implementation holds exactly.
- Floats are finite JSON numbers (integers allowed), never strings or booleans.
- Strings are strings, never numbers.

Every bound is stated where the JSON Schema is made: Pydantic exports a constraint placed after a
validator as an inert key (pydantic#11576), which no other validator would enforce.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler, Strict
from pydantic_core import core_schema

MAX_SAFE_INTEGER = 2**53 - 1
MAX_DOUBLE = 1.7976931348623157e308
"""The largest finite double. Stated as a float field's ``maximum`` it changes no verdict on a
finite JSON number, but makes every plain validator reject ``1e400``, which JSON parsers in
several languages read as Infinity."""


@dataclass(frozen=True)
class JsonInteger:
    """An integer as JSON Schema means it, validated entirely inside pydantic-core.

    Step one takes a strict int or a strict finite float (never a string or a boolean, which lax
    mode would coerce); step two is a lax int with the bounds, which turns ``64.0`` into ``64`` and
    rejects ``64.5``. The JSON Schema is stated here, since Pydantic would export the chain's first
    step only.
    """

    ge: int
    le: int = MAX_SAFE_INTEGER

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        number = core_schema.union_schema(
            [core_schema.int_schema(strict=True),
             core_schema.float_schema(strict=True, allow_inf_nan=False)],
            custom_error_type="int_type")
        return core_schema.chain_schema([number, core_schema.int_schema(ge=self.ge, le=self.le)])

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> Any:
        return {"type": "integer", "minimum": self.ge, "maximum": self.le}


def _integer(ge: int, le: int = MAX_SAFE_INTEGER) -> Any:
    return Annotated[int, JsonInteger(ge, le)]


Integer = _integer(-MAX_SAFE_INTEGER)
"""Any integer in the I-JSON range."""
NonNegativeInteger = _integer(0)
"""An index or a step number: 0 or more."""
PositiveInteger = _integer(1)
"""A count or a size: 1 or more."""

NonNegativeFloat = Annotated[float, Strict(), Field(ge=0, le=MAX_DOUBLE, allow_inf_nan=False)]
"""A learning rate, an epsilon, a momentum: finite and >= 0."""
UnitIntervalFloat = Annotated[float, Strict(), Field(ge=0, lt=1, allow_inf_nan=False)]
"""An Adam beta: in [0, 1)."""

NonEmptyString = Annotated[str, Strict(), Field(min_length=1)]
"""A name or a URI: a string of at least one character."""
