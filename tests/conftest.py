"""Shared fixtures and the hypothesis profiles (dev by default; CI sets HYPOTHESIS_PROFILE=ci)."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.support.paths import VALID_LARGE, VALID_TWHIN

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=2000, deadline=None, derandomize=True, print_blob=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "deep", max_examples=100_000, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def large() -> dict[str, Any]:
    """A fresh valid recap.LargeEmbeddingsConfig document to mutate."""
    return copy.deepcopy(VALID_LARGE)


@pytest.fixture
def twhin_config() -> dict[str, Any]:
    """A fresh valid twhin.TwhinEmbeddingsConfig document to mutate."""
    return copy.deepcopy(VALID_TWHIN)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
