"""Field types of the contract: JSON Schema semantics, enforced the same way by Pydantic.

- Integers are JSON numbers with zero fraction (``64`` and ``64.0``), never strings or booleans,
  and lie within +-(2**53 - 1), the I-JSON range every JSON implementation holds exactly.
- Floats are finite JSON numbers (integers allowed), never strings or booleans.
- Strings are strings, never numbers.

Bounds are declared before the validator on purpose: Pydantic exports a constraint placed after a
validator as an inert key (pydantic#11576), which no other validator would enforce.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict
from pydantic_core import PydanticCustomError

MAX_SAFE_INTEGER = 2**53 - 1


def _json_integer(value: Any) -> Any:
    """Accept what JSON Schema calls an integer; refuse Pydantic's lax coercions."""
    if type(value) is int:
        return value
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be an integer, not a boolean")
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise PydanticCustomError("int_from_float", "Input should be an integer, got {value}",
                                  {"value": value})
    if isinstance(value, int):
        return int(value)
    raise PydanticCustomError("int_type", "Input should be an integer")


def _integer(ge: int, le: int = MAX_SAFE_INTEGER) -> Any:
    return Annotated[int, Field(ge=ge, le=le), BeforeValidator(_json_integer)]


Integer = _integer(-MAX_SAFE_INTEGER)
"""Any integer in the I-JSON range."""
NonNegativeInteger = _integer(0)
"""An index or a step number: 0 or more."""
PositiveInteger = _integer(1)
"""A count or a size: 1 or more."""

Float = Annotated[float, Strict(), Field(allow_inf_nan=False)]
"""Any finite number."""
NonNegativeFloat = Annotated[float, Strict(), Field(ge=0, allow_inf_nan=False)]
"""A learning rate, an epsilon, a momentum: finite and >= 0."""
UnitIntervalFloat = Annotated[float, Strict(), Field(ge=0, lt=1, allow_inf_nan=False)]
"""An Adam beta: in [0, 1)."""

NonEmptyString = Annotated[str, Strict(), Field(min_length=1)]
"""A name or a URI: a string of at least one character."""
