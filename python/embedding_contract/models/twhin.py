"""TwHIN embedding configs: upstream ``common/modules/embedding/config.py`` and the optimizer
choice of ``optimizers/config.py``, plus ``TwhinEmbeddingsConfig`` (all tables share one
``embedding_dim`` and one ``data_type``)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from pydantic import ConfigDict, Field

from embedding_contract.models.base import ContractModel
from embedding_contract.models.groups import OneOf
from embedding_contract.models.learning_rate import LearningRate
from embedding_contract.models.snapshot import EmbeddingSnapshot
from embedding_contract.models.types import (
    NonEmptyString,
    NonNegativeFloat,
    PositiveInteger,
    UnitIntervalFloat,
)
from embedding_contract.vocabulary import EqualAcross, References, UniqueBy


class DataType(str, Enum):
    """Storage type of a table's weights."""

    FP32 = "fp32"
    FP16 = "fp16"


class AdamConfig(ContractModel):
    """Adam."""

    lr: NonNegativeFloat = Field(description="Learning rate.")
    betas: tuple[UnitIntervalFloat, UnitIntervalFloat] = Field(
        default=(0.9, 0.999), description="Coefficients of the running averages, each in [0, 1).")
    eps: NonNegativeFloat = Field(default=1e-7, description="Term added for numerical stability.")


class SgdConfig(ContractModel):
    """Stochastic gradient descent."""

    lr: NonNegativeFloat = Field(description="Learning rate.")
    momentum: NonNegativeFloat = Field(default=0.0, description="Momentum factor.")


class AdagradConfig(ContractModel):
    """Adagrad."""

    lr: NonNegativeFloat = Field(description="Learning rate.")
    eps: NonNegativeFloat = Field(default=0.0, description="Term added for numerical stability.")


class OptimizerConfig(ContractModel):
    """An optimizer: exactly one of adam, sgd and adagrad is set."""

    learning_rate: Optional[LearningRate] = Field(
        default=None, description="Learning-rate schedule.")
    adam: Annotated[Optional[AdamConfig], OneOf("optimizer")] = Field(
        default=None, description="Adam.")
    sgd: Annotated[Optional[SgdConfig], OneOf("optimizer")] = Field(
        default=None, description="Stochastic gradient descent.")
    adagrad: Annotated[Optional[AdagradConfig], OneOf("optimizer")] = Field(
        default=None, description="Adagrad.")


class EmbeddingBagConfig(ContractModel):
    """One embedding table with its own optimizer and data type."""

    name: NonEmptyString = Field(description="Name of the embedding bag (table).")
    num_embeddings: PositiveInteger = Field(description="Size of the embedding dictionary (rows).")
    embedding_dim: PositiveInteger = Field(description="Size of each embedding vector.")
    pretrained: Optional[EmbeddingSnapshot] = Field(
        default=None, description="Snapshot to initialise the table from.")
    vocab: Optional[NonEmptyString] = Field(
        default=None, description="Directory of parquet files mapping entity id to table row.")
    optimizer: OptimizerConfig = Field(description="Optimizer of this table.")
    data_type: DataType = Field(description="Storage type of the weights.")


class LargeEmbeddingsConfig(ContractModel):
    """A collection of embedding tables."""

    contract_rules = (References("tables_to_log", "tables", "name"),)

    tables: Annotated[list[EmbeddingBagConfig], Field(min_length=1), UniqueBy("name")] = Field(
        description="The tables; names are unique.")
    tables_to_log: Optional[list[NonEmptyString]] = Field(
        default=None, description="Names of tables whose weights are logged during training.")


class TwhinEmbeddingsConfig(LargeEmbeddingsConfig):
    """TwHIN's tables: all share one embedding_dim and one data_type."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "tables": [
            {"name": "user", "num_embeddings": 424241, "embedding_dim": 4, "data_type": "fp32",
             "optimizer": {"sgd": {"lr": 0.01}, "learning_rate": {"constant": 0.01}}},
            {"name": "tweet", "num_embeddings": 72543, "embedding_dim": 4, "data_type": "fp32",
             "optimizer": {"sgd": {"lr": 0.005}, "learning_rate": {"constant": 0.005}}},
        ],
    }]})

    tables: Annotated[
        list[EmbeddingBagConfig], Field(min_length=1), UniqueBy("name"),
        EqualAcross(("embedding_dim", "data_type")),
    ] = Field(description="The tables; names are unique; all share embedding_dim and data_type.")


# LearningRate is re-exported to build an OptimizerConfig's schedule; its schema is released as
# recap.LearningRate only (see FAMILIES in embedding_contract.models.registry).
__all__ = [
    "AdagradConfig", "AdamConfig", "DataType", "EmbeddingBagConfig", "EmbeddingSnapshot",
    "LargeEmbeddingsConfig", "LearningRate", "OptimizerConfig", "SgdConfig",
    "TwhinEmbeddingsConfig",
]
