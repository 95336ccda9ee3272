"""The contract's models by name (``family.ClassName``), imported only when asked for."""

from __future__ import annotations

import importlib
from typing import Any

FAMILIES: dict[str, tuple[str, ...]] = {
    "recap": (
        "EmbeddingSnapshot", "EmbeddingBagConfig", "EmbeddingOptimizerConfig",
        "LargeEmbeddingsConfig", "StratifierConfig", "SmallEmbeddingBagConfig",
        "SmallEmbeddingsConfig", "LearningRate", "PiecewiseConstant", "LinearRampToConstant",
        "LinearRampToCosine",
    ),
    "twhin": (
        "EmbeddingSnapshot", "EmbeddingBagConfig", "LargeEmbeddingsConfig", "OptimizerConfig",
        "AdamConfig", "SgdConfig", "AdagradConfig", "DataType", "TwhinEmbeddingsConfig",
    ),
}

MODEL_NAMES: tuple[str, ...] = tuple(
    sorted(f"{family}.{cls}" for family, classes in FAMILIES.items() for cls in classes))


def check_name(name: str) -> str:
    """``name`` if it names a model (without importing any); UsageError listing them otherwise."""
    from embedding_contract.core.errors import UsageError

    if name not in MODEL_NAMES:
        raise UsageError(f"unknown model {name!r}; known models: {', '.join(MODEL_NAMES)}")
    return name


def resolve(name: str) -> Any:
    """The class named ``family.ClassName``; raises UsageError with the valid names otherwise."""
    family, _, cls = check_name(name).partition(".")
    return getattr(importlib.import_module(f"embedding_contract.models.{family}"), cls)
