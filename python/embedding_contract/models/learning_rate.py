"""Learning-rate schedules (upstream `optimizers/config.py`), shared by both families."""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import ConfigDict, Field

from embedding_contract.models.base import ContractModel
from embedding_contract.models.groups import OneOf
from embedding_contract.models.types import NonNegativeFloat, NonNegativeInteger, PositiveInteger
from embedding_contract.vocabulary import GreaterThan, LengthRelation, StrictlyIncreasing


class PiecewiseConstant(ContractModel):
    """Constant learning rate between step boundaries: `values[i]` holds until `boundaries[i]`.

    Upstream defaults both lists to None, but no schedule can run without them, so both are
    required here: absent and null are rejected, as they would fail training.
    """

    contract_rules = (LengthRelation("learning_rate_values", "learning_rate_boundaries", 1),)

    learning_rate_boundaries: Annotated[list[NonNegativeInteger], StrictlyIncreasing()] = Field(
        description="Steps at which the learning rate changes, strictly increasing.")
    learning_rate_values: Annotated[list[NonNegativeFloat], Field(min_length=1)] = Field(
        description="Learning rates: one before the first boundary and one after each boundary.")


class LinearRampToConstant(ContractModel):
    """Ramp linearly from zero to `learning_rate` over `num_ramp_steps`, then hold it."""

    learning_rate: NonNegativeFloat = Field(description="Learning rate reached after the ramp.")
    num_ramp_steps: PositiveInteger = Field(description="Steps to ramp up from zero.")


class LinearRampToCosine(ContractModel):
    """Ramp linearly to `learning_rate`, then decay along a cosine to `final_learning_rate`."""

    contract_rules = (GreaterThan("final_num_steps", "num_ramp_steps"),)

    learning_rate: NonNegativeFloat = Field(description="Learning rate reached after the ramp.")
    final_learning_rate: NonNegativeFloat = Field(description="Learning rate when decay stops.")
    num_ramp_steps: PositiveInteger = Field(description="Steps to ramp up from zero.")
    final_num_steps: PositiveInteger = Field(
        description="Final step where decay stops; after the ramp (> num_ramp_steps).")


class LearningRate(ContractModel):
    """A learning-rate schedule: exactly one of the four kinds is set."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"constant": 0.01},
        {"piecewise_constant": {"learning_rate_boundaries": [1000, 5000],
                                "learning_rate_values": [0.01, 0.005, 0.001]}},
    ]})

    constant: Annotated[Optional[NonNegativeFloat], OneOf("lr")] = Field(
        default=None, description="A constant learning rate.")
    linear_ramp_to_cosine: Annotated[Optional[LinearRampToCosine], OneOf("lr")] = Field(
        default=None, description="Linear ramp, then cosine decay.")
    linear_ramp_to_constant: Annotated[Optional[LinearRampToConstant], OneOf("lr")] = Field(
        default=None, description="Linear ramp, then constant.")
    piecewise_constant: Annotated[Optional[PiecewiseConstant], OneOf("lr")] = Field(
        default=None, description="Piecewise-constant schedule.")


__all__ = ["LearningRate", "LinearRampToConstant", "LinearRampToCosine", "PiecewiseConstant"]
