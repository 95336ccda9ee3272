#!/usr/bin/env python3
"""Write the conformance vectors: tests/conformance/<family>.<Class>.json.

Each vector is {model, description, instance, valid, rule}; ``valid`` is the Pydantic model's
verdict. Sources: hand-written edge cases (below, each with the verdict its author meant, checked
against Pydantic), the valid examples of examples/, and documents drawn from the hypothesis
strategies of tests/support/strategies (a fixed number per model and mutation kind).

Byte-stable: hypothesis runs derandomized with a fixed seed, no database and the generate phase
only, and without the literals it otherwise collects from the source of the loaded modules, so the
same strategies, models and pinned hypothesis give the same draws; files are sorted JSON.

Usage: scripts/generate_vectors.py [--check]   (--check: exit 1 if the committed files differ)
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve() and VENV_PYTHON.exists() \
        and not os.environ.get("EMBEDDING_CONTRACT_NO_REEXEC"):
    os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), __file__, *sys.argv[1:]])
sys.path.insert(0, str(ROOT))

OUT = ROOT / "tests" / "conformance"
MAX = 2**53 - 1

# Strategy draws per model and per mutation kind; the hand cases come on top.
PER_VALID = 2
PER_KIND = 1
VALID_DRAWS = 10
MUTATED_DRAWS = 80
# JSON text (RFC 8259) cannot carry NaN, Infinity, 1e400 read as infinity, or a lone surrogate:
# those kinds are tested in Python against the loader, and left out of the vectors.
SKIPPED_KINDS = frozenset({"non-finite-float", "float-overflow", "lone-surrogate"})



class Raw(str):
    """A number literal written as is into the vector file (``1e400``, ``1e-400``): Python's
    ``json`` would read it back as ``inf`` or ``0.0`` and could not write it again. The verdict
    is Pydantic's on what Python reads."""

    def read(self) -> Any:
        return json.loads(self)


RAW_MARK = "\u0000raw:"


def _marked(value: Any) -> Any:
    """``value`` with each Raw literal as a placeholder string JSON can carry."""
    if isinstance(value, Raw):
        return RAW_MARK + value
    if isinstance(value, dict):
        return {k: _marked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_marked(v) for v in value]
    return value


def _read(value: Any) -> Any:
    """``value`` as a JSON parser of Python's reads it (Raw literals parsed)."""
    if isinstance(value, Raw):
        return value.read()
    if isinstance(value, dict):
        return {k: _read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_read(v) for v in value]
    return value


def _unmark(text: str) -> str:
    """JSON text with each placeholder replaced by its literal."""
    return re.sub(r'"\\u0000raw:([-+.0-9eE]+)"', r"\1", text)


LARGE = "recap.LargeEmbeddingsConfig"
SMALL = "recap.SmallEmbeddingsConfig"
TWHIN = "twhin.TwhinEmbeddingsConfig"
TWHIN_LARGE = "twhin.LargeEmbeddingsConfig"

BASE_LARGE: dict[str, Any] = {
    "tables": [
        {"name": "user", "num_embeddings": 1000, "embedding_dim": 64,
         "pretrained": {"emb_name": "user", "embedding_snapshot_uri": "/snap/user"},
         "vocab": "/vocab/user"},
        {"name": "tweet", "num_embeddings": 500, "embedding_dim": 32},
    ],
    "optimizer": {"init_learning_rate": 0.01, "learning_rate": {"constant": 0.01}},
    "tables_to_log": ["user"],
}
SGD = {"sgd": {"lr": 0.01}, "learning_rate": {"constant": 0.01}}
BASE_TWHIN: dict[str, Any] = {
    "tables": [
        {"name": "user", "num_embeddings": 424241, "embedding_dim": 4, "data_type": "fp32",
         "optimizer": SGD},
        {"name": "tweet", "num_embeddings": 72543, "embedding_dim": 4, "data_type": "fp32",
         "optimizer": SGD},
    ],
}
BASE_SMALL: dict[str, Any] = {
    "tables": [
        {"name": "country", "num_embeddings": 256, "embedding_dim": 8, "index": 0},
        {"name": "client_app", "num_embeddings": 64, "embedding_dim": 4, "index": 1},
    ],
}
RAMP = {"learning_rate": 0.1, "num_ramp_steps": 10}
COSINE = {"learning_rate": 0.1, "final_learning_rate": 0.0, "num_ramp_steps": 10,
          "final_num_steps": 100}
PIECEWISE = {"learning_rate_boundaries": [100, 200], "learning_rate_values": [0.1, 0.01, 0.001]}
LR = ("optimizer", "learning_rate")


def put(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A deep copy of ``doc`` with ``value`` at ``path``."""
    out = copy.deepcopy(doc)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = copy.deepcopy(value)
    return out


def drop(doc: Any, path: tuple[Any, ...]) -> Any:
    out = copy.deepcopy(doc)
    target = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


def schedule(value: Any) -> Any:
    return put(BASE_LARGE, LR, value)


def twhin_tables(*tables: dict[str, Any]) -> dict[str, Any]:
    base = BASE_TWHIN["tables"][0]
    return {"tables": [{**base, **t} for t in tables]}


# (model, description, instance, rule, meant to be valid)
HAND: list[tuple[str, str, Any, str, bool]] = [
    # closed objects
    (LARGE, "unknown key at the root", put(BASE_LARGE, ("surprise",), 1), "closed-object", False),
    (LARGE, "unknown key in a table", put(BASE_LARGE, ("tables", 1, "dim"), 8), "closed-object",
     False),
    (LARGE, "unknown key in the optimizer", put(BASE_LARGE, ("optimizer", "lr"), 0.1),
     "closed-object", False),
    (LARGE, "unknown key in a schedule",
     schedule({"linear_ramp_to_constant": {**RAMP, "extra": 0}}), "closed-object", False),
    (LARGE, "unknown key in a snapshot",
     put(BASE_LARGE, ("tables", 0, "pretrained", "uri"), "/x"), "closed-object", False),
    (TWHIN, "unknown key in adam",
     put(BASE_TWHIN, ("tables", 0, "optimizer"), {"adam": {"lr": 0.1, "amsgrad": True}}),
     "closed-object", False),
    (LARGE, "upstream key spelled with a dash", put(BASE_LARGE, ("tables_to-log",), []),
     "closed-object", False),
    # required keys
    (LARGE, "table without num_embeddings", drop(BASE_LARGE, ("tables", 1, "num_embeddings")),
     "required", False),
    (LARGE, "no optimizer", drop(BASE_LARGE, ("optimizer",)), "required", False),
    (TWHIN, "table without data_type", drop(BASE_TWHIN, ("tables", 0, "data_type")), "required",
     False),
    ("recap.PiecewiseConstant", "boundaries missing", {"learning_rate_values": [0.1]},
     "required", False),
    ("recap.PiecewiseConstant", "values null", {"learning_rate_boundaries": [],
                                                "learning_rate_values": None}, "nullable", False),
    ("recap.LinearRampToCosine", "final_num_steps missing", drop(COSINE, ("final_num_steps",)),
     "required", False),
    # optional means nullable; other defaults reject null
    (LARGE, "pretrained null counts as unset", put(BASE_LARGE, ("tables", 0, "pretrained"), None),
     "nullable", True),
    (LARGE, "vocab null counts as unset", put(BASE_LARGE, ("tables", 0, "vocab"), None),
     "nullable", True),
    (LARGE, "tables_to_log null", put(BASE_LARGE, ("tables_to_log",), None), "nullable", True),
    (LARGE, "tables_to_log absent", drop(BASE_LARGE, ("tables_to_log",)), "nullable", True),
    (LARGE, "learning_rate null", put(BASE_LARGE, LR, None), "nullable", True),
    (TWHIN, "sgd momentum null rejected",
     put(BASE_TWHIN, ("tables", 0, "optimizer"), {"sgd": {"lr": 0.1, "momentum": None}}),
     "nullable", False),
    ("twhin.AdamConfig", "adam eps null rejected", {"lr": 0.1, "eps": None}, "nullable", False),
    ("twhin.AdamConfig", "adam betas null rejected", {"lr": 0.1, "betas": None}, "nullable",
     False),
    ("twhin.AdagradConfig", "adagrad eps null rejected", {"lr": 0.1, "eps": None}, "nullable",
     False),
    ("twhin.AdagradConfig", "adagrad eps zero", {"lr": 0.1, "eps": 0}, "nullable", True),
    # one-of groups
    (LARGE, "schedule with no member set", schedule({}), "one-of", False),
    (LARGE, "schedule with every member null",
     schedule({"constant": None, "linear_ramp_to_cosine": None,
               "linear_ramp_to_constant": None, "piecewise_constant": None}), "one-of", False),
    (LARGE, "schedule with two members set",
     schedule({"constant": 0.1, "linear_ramp_to_constant": RAMP}), "one-of", False),
    (LARGE, "schedule with all four members set",
     schedule({"constant": 0.1, "linear_ramp_to_constant": RAMP, "linear_ramp_to_cosine": COSINE,
               "piecewise_constant": PIECEWISE}), "one-of", False),
    (LARGE, "schedule constant with the others null",
     schedule({"constant": 0.1, "linear_ramp_to_constant": None, "piecewise_constant": None}),
     "one-of", True),
    (LARGE, "schedule constant zero is set", schedule({"constant": 0}), "one-of", True),
    (LARGE, "schedule linear ramp to constant", schedule({"linear_ramp_to_constant": RAMP}),
     "one-of", True),
    (LARGE, "schedule linear ramp to cosine", schedule({"linear_ramp_to_cosine": COSINE}),
     "one-of", True),
    (LARGE, "schedule piecewise constant", schedule({"piecewise_constant": PIECEWISE}),
     "one-of", True),
    ("recap.LearningRate", "empty schedule", {}, "one-of", False),
    ("twhin.OptimizerConfig", "no optimizer member", {"learning_rate": {"constant": 0.1}},
     "one-of", False),
    ("twhin.OptimizerConfig", "adam and sgd both set",
     {"adam": {"lr": 0.1}, "sgd": {"lr": 0.1}}, "one-of", False),
    ("twhin.OptimizerConfig", "adagrad with adam null", {"adagrad": {"lr": 0.1}, "adam": None},
     "one-of", True),
    ("twhin.OptimizerConfig", "adam alone", {"adam": {"lr": 0.001}}, "one-of", True),
    ("twhin.OptimizerConfig", "sgd null only", {"sgd": None}, "one-of", False),
    # integers
    (LARGE, "integer written as 64.0", put(BASE_LARGE, ("tables", 0, "embedding_dim"), 64.0),
     "integer", True),
    (LARGE, "integer with a fraction", put(BASE_LARGE, ("tables", 0, "embedding_dim"), 64.5),
     "integer", False),
    (LARGE, "integer as a string", put(BASE_LARGE, ("tables", 0, "embedding_dim"), "64"),
     "integer", False),
    (LARGE, "integer as true", put(BASE_LARGE, ("tables", 0, "embedding_dim"), True), "integer",
     False),
    (LARGE, "integer as false", put(BASE_LARGE, ("tables", 0, "num_embeddings"), False),
     "integer", False),
    (LARGE, "num_embeddings zero", put(BASE_LARGE, ("tables", 0, "num_embeddings"), 0),
     "minimum", False),
    (LARGE, "embedding_dim negative", put(BASE_LARGE, ("tables", 0, "embedding_dim"), -8),
     "minimum", False),
    (LARGE, "num_embeddings at 2^53-1", put(BASE_LARGE, ("tables", 0, "num_embeddings"), MAX),
     "maximum", True),
    (LARGE, "num_embeddings at 2^53", put(BASE_LARGE, ("tables", 0, "num_embeddings"), MAX + 1),
     "maximum", False),
    (LARGE, "num_embeddings at 2^53+1 (rounds to 2^53 as a double)",
     put(BASE_LARGE, ("tables", 0, "num_embeddings"), MAX + 2), "maximum", False),
    (LARGE, "num_embeddings 10^30", put(BASE_LARGE, ("tables", 0, "num_embeddings"), 10**30),
     "maximum", False),
    (LARGE, "num_embeddings 1e19 as a float",
     put(BASE_LARGE, ("tables", 0, "num_embeddings"), 1e19), "maximum", False),
    (LARGE, "num_embeddings 1000.0 as a float",
     put(BASE_LARGE, ("tables", 0, "num_embeddings"), 1000.0), "integer", True),
    (SMALL, "index zero", BASE_SMALL, "minimum", True),
    (SMALL, "index negative", put(BASE_SMALL, ("tables", 0, "index"), -1), "minimum", False),
    ("recap.StratifierConfig", "stratifier value at -(2^53-1)",
     {"name": "s", "index": 0, "value": -MAX}, "minimum", True),
    ("recap.StratifierConfig", "stratifier value at -2^53",
     {"name": "s", "index": 0, "value": -MAX - 1}, "minimum", False),
    ("recap.StratifierConfig", "stratifier value as a string",
     {"name": "s", "index": 0, "value": "3"}, "integer", False),
    # floats
    (LARGE, "learning rate zero", put(BASE_LARGE, ("optimizer", "init_learning_rate"), 0),
     "minimum", True),
    (LARGE, "learning rate negative", put(BASE_LARGE, ("optimizer", "init_learning_rate"), -0.1),
     "minimum", False),
    (LARGE, "learning rate minus zero", put(BASE_LARGE, ("optimizer", "init_learning_rate"), -0.0),
     "minimum", True),
    (LARGE, "learning rate as a string",
     put(BASE_LARGE, ("optimizer", "init_learning_rate"), "0.01"), "number", False),
    (LARGE, "learning rate as true", put(BASE_LARGE, ("optimizer", "init_learning_rate"), True),
     "number", False),
    (LARGE, "learning rate 1e308", put(BASE_LARGE, ("optimizer", "init_learning_rate"), 1e308),
     "number", True),
    (LARGE, "learning rate smallest subnormal",
     put(BASE_LARGE, ("optimizer", "init_learning_rate"), 5e-324), "number", True),
    (LARGE, "constant schedule as a string", schedule({"constant": "0.1"}), "number", False),
    ("twhin.AdamConfig", "betas at the edge", {"lr": 0.1, "betas": [0, 0.9999999999999999]},
     "maximum", True),
    ("twhin.AdamConfig", "beta of 1 rejected", {"lr": 0.1, "betas": [0.9, 1]}, "maximum", False),
    ("twhin.AdamConfig", "beta negative", {"lr": 0.1, "betas": [-0.1, 0.9]}, "minimum", False),
    ("twhin.AdamConfig", "three betas", {"lr": 0.1, "betas": [0.9, 0.99, 0.999]}, "tuple", False),
    ("twhin.AdamConfig", "one beta", {"lr": 0.1, "betas": [0.9]}, "tuple", False),
    ("twhin.AdamConfig", "betas as an object", {"lr": 0.1, "betas": {"0": 0.9, "1": 0.99}},
     "tuple", False),
    ("twhin.AdamConfig", "betas as integers", {"lr": 0.1, "betas": [0, 0]}, "tuple", True),
    ("twhin.SgdConfig", "sgd momentum integer", {"lr": 1, "momentum": 0}, "number", True),
    # strings and enums
    (LARGE, "empty table name", put(BASE_LARGE, ("tables", 0, "name"), ""), "string", False),
    (LARGE, "table name a number", put(BASE_LARGE, ("tables", 0, "name"), 5), "string", False),
    (LARGE, "table name null", put(BASE_LARGE, ("tables", 0, "name"), None), "string", False),
    (LARGE, "empty vocab", put(BASE_LARGE, ("tables", 0, "vocab"), ""), "string", False),
    (LARGE, "one-space table name", put(put(BASE_LARGE, ("tables", 0, "name"), " "),
                                         ("tables_to_log",), [" "]), "string", True),
    (LARGE, "non-ASCII table names", put(put(BASE_LARGE, ("tables", 0, "name"), "名前"),
                                          ("tables_to_log",), ["名前"]), "string", True),
    (TWHIN, "data_type fp64", put(BASE_TWHIN, ("tables", 0, "data_type"), "fp64"), "enum", False),
    (TWHIN, "data_type in upper case",
     put(put(BASE_TWHIN, ("tables", 0, "data_type"), "FP32"), ("tables", 1, "data_type"), "FP32"),
     "enum", False),
    ("twhin.DataType", "fp16", "fp16", "enum", True),
    ("twhin.DataType", "bfloat16", "bf16", "enum", False),
    ("twhin.DataType", "null", None, "enum", False),
    # lists
    (LARGE, "no tables", put(put(BASE_LARGE, ("tables",), []), ("tables_to_log",), None),
     "min-items", False),
    (LARGE, "tables an object", put(BASE_LARGE, ("tables",), {"user": BASE_LARGE["tables"][0]}),
     "array", False),
    (LARGE, "tables null", put(BASE_LARGE, ("tables",), None), "array", False),
    (LARGE, "tables_to_log empty", put(BASE_LARGE, ("tables_to_log",), []), "array", True),
    (LARGE, "tables_to_log a string", put(BASE_LARGE, ("tables_to_log",), "user"), "array",
     False),
    (LARGE, "tables_to_log entry empty", put(BASE_LARGE, ("tables_to_log",), [""]), "string",
     False),
    (LARGE, "tables_to_log entry a number", put(BASE_LARGE, ("tables_to_log",), [1]), "string",
     False),
    ("recap.PiecewiseConstant", "no values", {"learning_rate_boundaries": [],
                                              "learning_rate_values": []}, "min-items", False),
    # wrong root shapes
    (LARGE, "root null", None, "object", False),
    (LARGE, "root a list", [BASE_LARGE], "object", False),
    (LARGE, "root a string", "tables: []", "object", False),
    (LARGE, "root empty object", {}, "required", False),
    # unique-by
    (LARGE, "duplicate table names", put(BASE_LARGE, ("tables", 1, "name"), "user"), "unique-by",
     False),
    (LARGE, "names differing in case", put(BASE_LARGE, ("tables", 1, "name"), "User"),
     "unique-by", True),
    (LARGE, "names differing by a trailing space", put(BASE_LARGE, ("tables", 1, "name"), "user "),
     "unique-by", True),
    (LARGE, "three tables, first and last share a name",
     put(BASE_LARGE, ("tables",), [*BASE_LARGE["tables"], {**BASE_LARGE["tables"][1],
                                                           "name": "user"}]), "unique-by", False),
    (LARGE, "a duplicate name and a bad type elsewhere",
     put(put(BASE_LARGE, ("tables", 1, "name"), "user"), ("tables", 0, "embedding_dim"), "8"),
     "unique-by", False),
    (SMALL, "small tables with duplicate names", put(BASE_SMALL, ("tables", 1, "name"), "country"),
     "unique-by", False),
    (TWHIN, "twhin tables with duplicate names", put(BASE_TWHIN, ("tables", 1, "name"), "user"),
     "unique-by", False),
    (TWHIN_LARGE, "twhin large tables with duplicate names",
     {"tables": [BASE_TWHIN["tables"][0], BASE_TWHIN["tables"][0]]}, "unique-by", False),
    (TWHIN_LARGE, "twhin large tables, different dims allowed",
     {"tables": [BASE_TWHIN["tables"][0], {**BASE_TWHIN["tables"][1], "embedding_dim": 8,
                                            "data_type": "fp16"}]}, "unique-by", True),
    # references
    (LARGE, "tables_to_log names a missing table", put(BASE_LARGE, ("tables_to_log",), ["ghost"]),
     "references", False),
    (LARGE, "tables_to_log with one good and one missing name",
     put(BASE_LARGE, ("tables_to_log",), ["user", "ghost"]), "references", False),
    (LARGE, "tables_to_log names every table", put(BASE_LARGE, ("tables_to_log",),
                                                   ["tweet", "user"]), "references", True),
    (LARGE, "tables_to_log names a table twice", put(BASE_LARGE, ("tables_to_log",),
                                                     ["user", "user"]), "references", True),
    (LARGE, "tables_to_log differs in case", put(BASE_LARGE, ("tables_to_log",), ["USER"]),
     "references", False),
    (TWHIN, "twhin tables_to_log names a missing table",
     put(BASE_TWHIN, ("tables_to_log",), ["item"]), "references", False),
    (TWHIN, "twhin tables_to_log", put(BASE_TWHIN, ("tables_to_log",), ["tweet"]), "references",
     True),
    # strictly-increasing
    ("recap.PiecewiseConstant", "boundaries equal",
     {"learning_rate_boundaries": [5, 5], "learning_rate_values": [0.1, 0.2, 0.3]},
     "strictly-increasing", False),
    ("recap.PiecewiseConstant", "boundaries equal as 4 and 4.0",
     {"learning_rate_boundaries": [4, 4.0], "learning_rate_values": [0.1, 0.2, 0.3]},
     "strictly-increasing", False),
    ("recap.PiecewiseConstant", "boundaries decreasing",
     {"learning_rate_boundaries": [10, 20, 15], "learning_rate_values": [1, 2, 3, 4]},
     "strictly-increasing", False),
    ("recap.PiecewiseConstant", "boundaries increasing by one",
     {"learning_rate_boundaries": [0, 1, 2], "learning_rate_values": [1, 2, 3, 4]},
     "strictly-increasing", True),
    ("recap.PiecewiseConstant", "no boundaries, one value",
     {"learning_rate_boundaries": [], "learning_rate_values": [0.5]}, "strictly-increasing",
     True),
    ("recap.PiecewiseConstant", "boundaries near 2^53",
     {"learning_rate_boundaries": [MAX - 1, MAX], "learning_rate_values": [1, 2, 3]},
     "strictly-increasing", True),
    (LARGE, "piecewise boundaries equal inside a config",
     schedule({"piecewise_constant": {"learning_rate_boundaries": [5, 5],
                                      "learning_rate_values": [0.1, 0.2, 0.3]}}),
     "strictly-increasing", False),
    # length-relation
    ("recap.PiecewiseConstant", "as many values as boundaries",
     {"learning_rate_boundaries": [10, 20], "learning_rate_values": [0.1, 0.2]},
     "length-relation", False),
    ("recap.PiecewiseConstant", "two values too many",
     {"learning_rate_boundaries": [10], "learning_rate_values": [0.1, 0.2, 0.3, 0.4]},
     "length-relation", False),
    ("recap.PiecewiseConstant", "one value more than boundaries",
     {"learning_rate_boundaries": [10], "learning_rate_values": [0.1, 0.2]}, "length-relation",
     True),
    (LARGE, "piecewise lengths wrong inside a config",
     schedule({"piecewise_constant": {"learning_rate_boundaries": [10],
                                      "learning_rate_values": [0.1]}}), "length-relation", False),
    (TWHIN, "piecewise lengths wrong in a twhin table",
     put(BASE_TWHIN, ("tables", 1, "optimizer", "learning_rate"),
         {"piecewise_constant": {"learning_rate_boundaries": [1, 2],
                                 "learning_rate_values": [0.1]}}), "length-relation", False),
    # greater-than
    ("recap.LinearRampToCosine", "final steps equal to ramp steps",
     {**COSINE, "final_num_steps": 10}, "greater-than", False),
    ("recap.LinearRampToCosine", "final steps before the ramp ends",
     {**COSINE, "final_num_steps": 9}, "greater-than", False),
    ("recap.LinearRampToCosine", "final steps 10 and ramp 10.0",
     {**COSINE, "final_num_steps": 10, "num_ramp_steps": 10.0}, "greater-than", False),
    ("recap.LinearRampToCosine", "final steps one past the ramp",
     {**COSINE, "final_num_steps": 11}, "greater-than", True),
    ("recap.LinearRampToCosine", "final steps 11.0 after ramp 10",
     {**COSINE, "final_num_steps": 11.0}, "greater-than", True),
    ("recap.LinearRampToCosine", "steps near 2^53",
     {**COSINE, "num_ramp_steps": MAX - 1, "final_num_steps": MAX}, "greater-than", True),
    (TWHIN, "cosine ramp too long in a twhin table",
     put(BASE_TWHIN, ("tables", 0, "optimizer", "learning_rate"),
         {"linear_ramp_to_cosine": {**COSINE, "final_num_steps": 5}}), "greater-than", False),
    # equal-across
    (TWHIN, "embedding_dim differs", put(BASE_TWHIN, ("tables", 1, "embedding_dim"), 8),
     "equal-across", False),
    (TWHIN, "embedding_dim 4 and 4.0 are equal", put(BASE_TWHIN, ("tables", 1, "embedding_dim"),
                                                    4.0), "equal-across", True),
    (TWHIN, "data_type differs", put(BASE_TWHIN, ("tables", 1, "data_type"), "fp16"),
     "equal-across", False),
    (TWHIN, "both data_types fp16", twhin_tables({"name": "a", "data_type": "fp16"},
                                                 {"name": "b", "data_type": "fp16"}),
     "equal-across", True),
    (TWHIN, "third table differs in embedding_dim",
     twhin_tables({"name": "a"}, {"name": "b"}, {"name": "c", "embedding_dim": 16}),
     "equal-across", False),
    (TWHIN, "one table only", twhin_tables({"name": "solo", "embedding_dim": 128}),
     "equal-across", True),
    (TWHIN, "embedding_dim and data_type both differ",
     twhin_tables({"name": "a"}, {"name": "b", "embedding_dim": 2, "data_type": "fp16"}),
     "equal-across", False),
    (TWHIN, "embedding_dim differs and a name is duplicated",
     twhin_tables({"name": "a"}, {"name": "a", "embedding_dim": 2}), "equal-across", False),
    # equal-across compares with item 0's value: absent there, it holds; only required fails
    (TWHIN, "first table missing embedding_dim, second differs",
     {"tables": [drop(BASE_TWHIN["tables"][0], ("embedding_dim",)),
                 {**BASE_TWHIN["tables"][1], "embedding_dim": 8}]}, "required", False),
]

# Number edge cases, each on an integer field (StratifierConfig.index, 0 <= n <= 2^53-1) and a
# float field (AdamConfig.lr, 0 <= x <= the largest double): what each language's JSON parser
# makes of them differs (Infinity, rounding, -0, BigInteger), the verdict must not.
NUMBER_EDGES: list[tuple[str, Any, bool, bool]] = [
    # (literal, value, valid on the integer field, valid on the float field)
    ("64.0", 64.0, True, True),
    ("-0.0", -0.0, True, True),
    ("1e400", Raw("1e400"), False, False),
    ("2^53-1", MAX, True, True),
    ("2^53+1", MAX + 2, False, True),
    ("1.0000000000000001", Raw("1.0000000000000001"), True, True),
    ("1e-400", Raw("1e-400"), True, True),
]
HAND += [
    ("recap.StratifierConfig", f"number edge: index {literal}",
     {"name": "s", "index": value, "value": 1}, "number-edge", on_integer)
    for literal, value, on_integer, _ in NUMBER_EDGES
] + [
    ("twhin.AdamConfig", f"number edge: lr {literal}", {"lr": value}, "number-edge", on_float)
    for literal, value, _, on_float in NUMBER_EDGES
]


def hand_cases() -> list[dict[str, Any]]:
    from tests.support.rules_off import label_holds

    from embedding_contract.check.validation import validate

    out = []
    for model, description, instance, rule, meant in HAND:
        valid = not validate(model, _read(instance))
        if valid != meant:
            raise SystemExit(f"generate_vectors: hand case {model}: {description!r} was meant to "
                             f"be {'valid' if meant else 'invalid'} but Pydantic says otherwise")
        made = vector(model, description, instance, rule, valid)
        if not label_holds(rule, made["breaks"]):
            raise SystemExit(f"generate_vectors: hand case {model}: {description!r} is labelled "
                             f"{rule!r} but breaks {made['breaks']}")
        out.append(made)
    return out


@cache
def _schema(model: str) -> Any:
    index = json.loads((ROOT / "schemas" / "index.json").read_text(encoding="utf-8"))
    path = index["versions"][index["latest"]]["models"][model]["path"]
    return json.loads((ROOT / "schemas" / path).read_text(encoding="utf-8"))


def _breaks(model: str, instance: Any) -> list[str]:
    """The rules ``instance`` breaks (tests/support/rules_off.py): a test switches them off."""
    from tests.support.rules_off import breaks

    return breaks(_schema(model), _read(instance))


def example_cases() -> list[dict[str, Any]]:
    from embedding_contract.check.loader import load_file
    from embedding_contract.check.validation import validate

    out = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        document = load_file(path, substitute_env=False)
        model = _modeline_model(path)
        valid = not validate(model, document.data)
        out.append(vector(model, f"example {path.name}", document.data, "example", valid))
    return out


def _modeline_model(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    family, cls = first.rstrip().split("/")[-2:]
    return f"{family}.{cls.removesuffix('.json')}"


def strategy_cases(used: dict[str, set[str]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Draws from tests/support/strategies; ([], note) when that package is not there yet.

    Per model: PER_VALID valid documents, and up to PER_KIND mutated documents for each mutation
    kind that applies, preferring documents mutated by that kind alone. Kinds whose documents JSON
    cannot carry are left out (SKIPPED_KINDS). ``used``: per model, the instances (canonical
    text) already in a vector; a drawn document is never one of them, nor used twice.
    """
    try:
        from tests.support.strategies import MUTATION_KINDS, applicable_kinds, documents
    except ImportError as exc:
        return [], [f"tests.support.strategies not importable ({exc}): strategy vectors left out"]
    from embedding_contract.models.registry import MODEL_NAMES

    out: list[dict[str, Any]] = []
    notes: list[str] = []
    for model in MODEL_NAMES:
        seen = used.setdefault(model, set())
        valid = [c for c in _unique(_draw(documents(model, mutate=False), VALID_DRAWS))
                 if _dumps(c.instance) not in seen]
        for n, case in enumerate(valid[:PER_VALID]):
            seen.add(str(_dumps(case.instance)))
            out.append(_drawn_vector(model, f"drawn valid #{n + 1}", case.instance,
                                     "valid-document"))
        wanted = [k for k in applicable_kinds(model) if k not in SKIPPED_KINDS]
        out.extend(_mutated_vectors(model, wanted, MUTATED_DRAWS, seen))
    # A kind no model's first draws reached: draw more for the models it applies to.
    for kind in sorted(set(MUTATION_KINDS) - SKIPPED_KINDS - _covered(out)):
        for model in MODEL_NAMES:
            if kind in applicable_kinds(model):
                out.extend(_mutated_vectors(model, [kind], MUTATED_DRAWS * 4, used[model],
                                            extra=True))
                if kind in _covered(out):
                    break
    missing = sorted(set(MUTATION_KINDS) - SKIPPED_KINDS - _covered(out))
    if missing:
        raise SystemExit(f"generate_vectors: no vector for mutation kinds {', '.join(missing)}; "
                         "draw more (MUTATED_DRAWS)")
    notes.append(f"mutation kinds left out (JSON cannot carry them): "
                 f"{', '.join(sorted(SKIPPED_KINDS))}")
    return out, notes


def _covered(vectors: list[dict[str, Any]]) -> set[str]:
    return {k for v in vectors for k in v["rule"].split("+")}


def _mutated_vectors(model: str, kinds: list[str], draws: int, seen: set[str],
                     extra: bool = False) -> list[dict[str, Any]]:
    from tests.support.strategies import documents

    picked, mixed = _pick(model, _draw(documents(model, mutate=True), draws), kinds, seen)
    out = []
    for kind in kinds:
        for n, case in enumerate((picked[kind] + mixed[kind])[:PER_KIND]):
            rule = "+".join(_truthful(model, case))
            label = f"drawn {kind} (extra draws) #{n + 1}" if extra else f"drawn {kind} #{n + 1}"
            out.append(_drawn_vector(model, label, case.instance, rule))
    return out


def _truthful(model: str, case: Any) -> list[str]:
    """The mutation kinds applied to ``case`` that it shows: each breaks a rule the kind is
    about (a later mutation can undo an earlier one, or a mutated value still fit)."""
    from tests.support.rules_off import LABEL_RULES

    broken = set(_breaks(model, case.instance))
    return [k for k in sorted(set(case.kinds)) if LABEL_RULES.get(k, frozenset()) & broken]


def _pick(model: str, cases: list[Any], kinds: list[str], seen: set[str]
          ) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """Up to PER_KIND cases per kind: showing that kind alone, and mixed with others; each
    case for one kind at most, none already in ``seen`` (which the picks join), and only for a
    kind it shows (``_truthful``)."""
    picked: dict[str, list[Any]] = {k: [] for k in kinds}
    mixed: dict[str, list[Any]] = {k: [] for k in kinds}
    for case in _unique(cases):
        text = str(_dumps(case.instance))
        if any(k in SKIPPED_KINDS for k in case.kinds) or text in seen:
            continue
        applied = _truthful(model, case)
        if not applied:
            continue
        target = picked if len(applied) == 1 else mixed
        for kind in applied:
            if kind in target and len(target[kind]) < PER_KIND:
                target[kind].append(case)
                seen.add(text)
                break
    return picked, mixed


def _draw(strategy: Any, count: int) -> list[Any]:
    """``count`` draws of ``strategy``, the same ones on every run (see the module docstring)."""
    from hypothesis import HealthCheck, Phase, given, settings

    _without_source_literals()
    drawn: list[Any] = []

    @settings(derandomize=True, database=None, phases=[Phase.generate], deadline=None,
              max_examples=count, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(case: Any) -> None:
        drawn.append(case)

    collect()
    return drawn


def _without_source_literals() -> None:
    """Hypothesis also draws strings and numbers found in the source of loaded non-test modules,
    so rewording any message of the package would change the vectors: empty that pool. (An
    internal of the pinned hypothesis; another version changes the draws anyway.)"""
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import Constants

    providers._get_local_constants = Constants


def _unique(cases: list[Any]) -> list[Any]:
    """Cases JSON can carry, first of each distinct document."""
    seen: set[str] = set()
    out = []
    for case in cases:
        text = _dumps(case.instance)
        if text is not None and text not in seen:
            seen.add(text)
            out.append(case)
    return out


def _drawn_vector(model: str, description: str, instance: Any, rule: str) -> dict[str, Any]:
    from embedding_contract.check.validation import validate

    return vector(model, description, instance, rule, not validate(model, instance))


def _dumps(instance: Any) -> str | None:
    """Canonical JSON text, or None when JSON cannot carry the value (NaN, Infinity, surrogates)."""
    try:
        text = json.dumps(_marked(instance), sort_keys=True, allow_nan=False, ensure_ascii=False)
        text.encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return None
    return text


def vector(model: str, description: str, instance: Any, rule: str, valid: bool) -> dict[str, Any]:
    return {"model": model, "description": description, "instance": instance, "valid": valid,
            "rule": rule, "breaks": _breaks(model, instance)}


def render() -> tuple[dict[str, str], list[str]]:
    """File name -> text of every vector file, and notes for the console."""
    fixed = [*hand_cases(), *example_cases()]
    used: dict[str, set[str]] = {}
    for v in fixed:
        used.setdefault(v["model"], set()).add(str(_dumps(_read(v["instance"]))))
    drawn, notes = strategy_cases(used)
    by_model: dict[str, list[dict[str, Any]]] = {}
    for v in [*fixed, *drawn]:
        if _dumps(v["instance"]) is None:
            raise SystemExit(f"generate_vectors: {v['model']}: {v['description']}: not JSON")
        by_model.setdefault(v["model"], []).append(v)
    files = {}
    for model, vectors in sorted(by_model.items()):
        vectors.sort(key=lambda v: v["description"])
        names = [v["description"] for v in vectors]
        if len(set(names)) != len(names):
            raise SystemExit(f"generate_vectors: {model}: duplicate descriptions")
        instances = [_dumps(_read(v["instance"])) for v in vectors]
        if len(set(instances)) != len(instances):
            raise SystemExit(f"generate_vectors: {model}: one instance under two descriptions")
        text = json.dumps([{**v, "instance": _marked(v["instance"])} for v in vectors],
                          indent=1, sort_keys=True, ensure_ascii=False, allow_nan=False)
        files[f"{model}.json"] = _unmark(text) + "\n"
    return files, notes


def main(argv: list[str]) -> int:
    if argv not in ([], ["--check"]):
        print("usage: scripts/generate_vectors.py [--check]", file=sys.stderr)
        return 2
    files, notes = render()
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    existing = {p.name for p in OUT.glob("*.json")}
    if argv == ["--check"]:
        stale = sorted(name for name, text in files.items()
                       if not (OUT / name).exists()
                       or (OUT / name).read_text(encoding="utf-8") != text)
        stale += sorted(existing - set(files))
        if stale:
            print("conformance vectors are out of date (run scripts/generate_vectors.py): "
                  + ", ".join(stale), file=sys.stderr)
            return 1
        count = sum(len(json.loads(t)) for t in files.values())
        print(f"vectors up to date: {count} vectors in {len(files)} files")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name in sorted(existing - set(files)):
        (OUT / name).unlink()
    for name, text in files.items():
        tmp = OUT / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(OUT / name)
    count = sum(len(json.loads(t)) for t in files.values())
    print(f"wrote {count} vectors in {len(files)} files to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

