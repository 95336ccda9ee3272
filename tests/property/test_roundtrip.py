"""Round trips of valid configs: dump and validate again, dump against the schema, nulls, YAML.

For every generated valid document of every model:
- ``validate(json.loads(json.dumps(dump(m))))`` equals ``m`` (dump in JSON mode);
- the dump is valid for every validator of the differential harness (so every default Pydantic
  writes into a dump validates against the exported schema);
- explicit ``null`` and absence are the same config: the models, and their dumps, are equal. The
  one difference is ``model_dump(exclude_unset=True)``, which keeps the explicit nulls (they were
  set); this is tested as such;
- YAML written from the dump, read back by the contract's loader (environment substitution on),
  gives an equal model. Plain ``yaml.safe_dump`` is not enough for that, see ``dump_yaml``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter

from embedding_contract.check import loader
from embedding_contract.check.yaml_source import FLOAT_WITH_EXPONENT
from embedding_contract.models.registry import MODEL_NAMES, resolve
from tests.support.differential import harness
from tests.support.strategies import json_text, valid_documents
from tests.support.strategies.shapes import Array, Object, Shape, Tuple, model_shape


class _ContractDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, made to write what the contract's loader reads back unchanged."""


# The loader reads ``1e-3`` as a number where PyYAML reads a string: quote such strings.
_ContractDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float", FLOAT_WITH_EXPONENT, list("-+0123456789"))


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # ``$`` starts a variable for the loader: write ``$$``. PyYAML writes NEL (U+0085) raw inside
    # single quotes and then reads it as a line break: use double quotes, which escape it.
    style = '"' if "\x85" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value.replace("$", "$$"), style=style)


_ContractDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML of parsed-JSON ``data`` that the loader reads back as ``data``."""
    return yaml.dump(data, Dumper=_ContractDumper, allow_unicode=True, sort_keys=False)


@dataclass(frozen=True)
class _Model:
    validate: Callable[[Any], Any]
    dump: Callable[..., Any]


@cache
def _model(name: str) -> _Model:
    target = resolve(name)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return _Model(target.model_validate,
                      lambda m, **kw: m.model_dump(mode="json", **kw))
    adapter = TypeAdapter(target)
    return _Model(adapter.validate_python,
                  lambda m, **kw: adapter.dump_python(m, mode="json"))


def _nulls(value: Any, shape: Shape, fill: bool) -> Any:
    """``value`` with every absent nullable field set to null (``fill``) or every null removed."""
    if isinstance(shape, Object) and isinstance(value, dict):
        out = {}
        for name, slot in shape.fields.items():
            if name in value and value[name] is not None:
                out[name] = _nulls(value[name], slot.shape, fill)
            elif slot.nullable and fill:
                out[name] = None
        return out
    if isinstance(shape, Array) and isinstance(value, list):
        return [_nulls(v, shape.item, fill) for v in value]
    if isinstance(shape, Tuple) and isinstance(value, list):
        return [_nulls(v, s, fill) for v, s in zip(value, shape.items, strict=True)]
    return value


def _documents() -> st.SearchStrategy[tuple[str, Any]]:
    return st.sampled_from(MODEL_NAMES).flatmap(
        lambda name: valid_documents(name).map(lambda doc: (name, doc)))


@given(_documents())
def test_valid_configs_survive_every_round_trip(drawn: tuple[str, Any]) -> None:
    name, doc = drawn
    model, shape = _model(name), model_shape(name)
    built = model.validate(doc)
    dumped = model.dump(built)

    assert model.validate(json.loads(json.dumps(dumped))) == built

    verdicts = harness().verdicts(name, dumped, json_text(dumped))
    assert all(v.valid for v in verdicts), [v for v in verdicts if not v.valid]

    with_nulls = model.validate(_nulls(doc, shape, fill=True))
    without = model.validate(_nulls(doc, shape, fill=False))
    assert with_nulls == without == built
    assert model.dump(with_nulls) == model.dump(without) == dumped
    set_with, set_without = (model.dump(m, exclude_unset=True) for m in (with_nulls, without))
    assert _nulls(set_with, shape, fill=False) == set_without
    assert model.dump(with_nulls, exclude_none=True) == model.dump(without, exclude_none=True)

    text = dump_yaml(dumped)
    assert model.validate(loader.loads(text, file="<dump>", env={}).data) == built, text


def test_plain_safe_dump_is_not_enough_for_the_loader() -> None:
    """Why ``dump_yaml`` quotes: the loader reads these plain PyYAML outputs differently."""
    for value, plain_reads in (("1e-3", 0.001), ("a\x85b", "a b"), ("$HOME", "/nowhere")):
        plain = yaml.safe_dump({"name": value}, allow_unicode=True)
        env = {"HOME": "/nowhere"}
        assert loader.loads(plain, env=env).data == {"name": plain_reads}
        assert loader.loads(dump_yaml({"name": value}), env=env).data == {"name": value}
