"""The contract's models by name (``family.ClassName``), imported only when asked for.

:data:`FAMILIES` is a static table so that listing and checking names costs no Pydantic import
(the CLI's fast path relies on it). It is the one list of released models: a family module
(:mod:`embedding_contract.models.recap`, :mod:`embedding_contract.models.twhin`) exports exactly
its models plus documented re-exports, and ``tests/unit/models/test_registry.py`` proves that the
table names every model class each family module defines or adopts, and nothing else.
"""

from __future__ import annotations

import importlib
from typing import Any

from embedding_contract.core.errors import UsageError

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
"""Family -> the classes released as ``family.ClassName`` (one schema file each)."""

MODEL_NAMES: tuple[str, ...] = tuple(
    sorted(f"{family}.{cls}" for family, classes in FAMILIES.items() for cls in classes))


def check_name(name: str) -> str:
    """``name`` if it names a model (without importing any); UsageError listing them otherwise."""
    if name not in MODEL_NAMES:
        raise UsageError(f"unknown model {name!r}; known models: {', '.join(MODEL_NAMES)}")
    return name


def resolve(name: str) -> Any:
    """The class named ``family.ClassName``; raises UsageError with the valid names otherwise."""
    family, _, cls = check_name(name).partition(".")
    return getattr(importlib.import_module(f"embedding_contract.models.{family}"), cls)
