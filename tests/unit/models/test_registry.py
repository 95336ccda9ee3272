"""The registry's static table of models is the truth about the family modules: each module
exports exactly its registered models plus documented re-exports, and defines no model class the
table leaves out. The table stays static so that listing names imports no Pydantic."""

from __future__ import annotations

import enum
import importlib
import inspect
import subprocess
import sys
from types import ModuleType

import pytest

from embedding_contract.core.errors import UsageError
from embedding_contract.models.base import ContractModel
from embedding_contract.models.registry import FAMILIES, MODEL_NAMES, check_name, resolve

SHARED_MODULES = ("embedding_contract.models.snapshot", "embedding_contract.models.learning_rate")
"""Modules defining classes that families adopt (one class, a schema under each family)."""

REEXPORTS = {"recap": set(), "twhin": {"LearningRate"}}
"""Names a family module exports that are not its models (each commented in its ``__all__``)."""


def family(name: str) -> ModuleType:
    return importlib.import_module(f"embedding_contract.models.{name}")


def is_model(value: object) -> bool:
    return inspect.isclass(value) and (issubclass(value, ContractModel)
                                       or (issubclass(value, enum.Enum) and value is not enum.Enum))


def defined_in(module: ModuleType) -> set[str]:
    return {name for name, value in vars(module).items()
            if is_model(value) and value.__module__ == module.__name__}


def test_the_table_has_a_module_per_family_and_covers_the_families() -> None:
    assert set(REEXPORTS) == set(FAMILIES)
    assert len(MODEL_NAMES) == len(set(MODEL_NAMES)) == sum(map(len, FAMILIES.values()))


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_each_family_module_exports_its_models_and_documented_reexports(name: str) -> None:
    module = family(name)
    registered = set(FAMILIES[name])
    assert set(module.__all__) == registered | REEXPORTS[name]
    assert len(module.__all__) == len(set(module.__all__))
    for cls in module.__all__:
        assert is_model(getattr(module, cls)), f"{name}.{cls} is not a model class"
    # every model class the module itself defines is registered (a new one cannot be forgotten)
    assert defined_in(module) <= registered
    # the rest of its models are adopted from the shared modules, and re-exports are not models
    shared = {getattr(module, cls).__module__ for cls in registered - defined_in(module)}
    assert shared <= set(SHARED_MODULES)
    assert not REEXPORTS[name] & registered


def test_every_shared_class_is_released_by_some_family() -> None:
    released = {resolve(n) for n in MODEL_NAMES}
    for path in SHARED_MODULES:
        module = importlib.import_module(path)
        for cls in defined_in(module):
            assert getattr(module, cls) in released, f"{path}.{cls} is in no family"


def test_public_modules_re_export_the_family_modules() -> None:
    for name in FAMILIES:
        public = importlib.import_module(f"embedding_contract.{name}")
        assert public.__all__ == family(name).__all__
        assert all(getattr(public, cls) is getattr(family(name), cls) for cls in public.__all__)


def test_names_are_checked_and_resolved() -> None:
    assert check_name("twhin.DataType") == "twhin.DataType"
    assert resolve("recap.LearningRate") is resolve("recap.LearningRate")
    assert resolve("recap.EmbeddingSnapshot") is resolve("twhin.EmbeddingSnapshot")
    with pytest.raises(UsageError, match=r"unknown model 'twhin\.LearningRate'; known models: "):
        check_name("twhin.LearningRate")


def test_listing_names_imports_no_pydantic() -> None:
    code = ("import sys\nfrom embedding_contract.models.registry import MODEL_NAMES, check_name\n"
            "check_name(MODEL_NAMES[0])\nprint('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
