"""``embedding_contract.load_config``: a config file read as the CLI reads it, as a model."""

from __future__ import annotations

from pathlib import Path

import pytest

from embedding_contract import load_config
from embedding_contract.core.errors import ConfigInvalid, LoadError
from embedding_contract.recap import LargeEmbeddingsConfig, LearningRate
from tests.support.paths import EXAMPLES

CONFIG = """\
tables:
  - {name: user, num_embeddings: 2_000, embedding_dim: 8}
optimizer:
  init_learning_rate: 1e-2
  learning_rate: {constant: 1e-3}
"""


def test_the_shipped_example_loads() -> None:
    config = load_config(EXAMPLES / "recap-large-embeddings.yaml")
    assert isinstance(config, LargeEmbeddingsConfig)
    assert config.optimizer.init_learning_rate == 0.01  # 1e-2: a float, as YAML 1.1 reads it


def test_yaml_1_1_numbers_and_an_explicit_model(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CONFIG)
    config = load_config(path, "recap.LargeEmbeddingsConfig")
    assert config.tables[0].num_embeddings == 2000
    assert config.optimizer.learning_rate == LearningRate(constant=0.001)


def test_every_error_located(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CONFIG.replace("2_000", '"2000"').replace(
        "{constant: 1e-3}", "{constant: 1e-3, linear_ramp_to_constant: "
                            "{learning_rate: 0.1, num_ramp_steps: 10}}")
        + "tables_to_log: [ghost]\n")
    with pytest.raises(ConfigInvalid) as caught:
        load_config(path, "recap.LargeEmbeddingsConfig")
    assert [e.split(": ")[0] for e in caught.value.errors] == [
        f"{path}:2:18", f"{path}:5:3", f"{path}:6:17"]
    assert str(caught.value).startswith(f"{path}: 3 errors:\n")


@pytest.mark.parametrize(("text", "message"), [
    ("a: 1\na: 2\n", "duplicate key 'a'"),
    ("a: 1\n", "it names no model"),
])
def test_unreadable_or_unnamed(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(text)
    with pytest.raises(LoadError, match=message):
        load_config(path)
