"""$VAR substitution in YAML scalars: upstream's rules, without letting a variable inject YAML."""

from __future__ import annotations

import getpass
import os

import pytest

from embedding_contract.check import env
from embedding_contract.check.loader import loads


def test_environment_substitution_like_upstream() -> None:
    env = {"ROOT": "/data", "DIM": "8", "USER": "alice"}
    doc = loads('path: $ROOT/x\nbraced: "${ROOT}y"\ndim: $DIM\nquoted: "$DIM"\n'
                "unknown: $NOPE\nescaped: $$ROOT\nuser: $USER\n", env=env)
    assert doc.data == {"path": "/data/x", "braced": "/datay", "dim": 8, "quoted": "8",
                        "unknown": "$NOPE", "escaped": "$ROOT", "user": "alice"}


def test_substitution_cannot_inject_yaml() -> None:
    doc = loads("name: $EVIL\n", env={"EVIL": "x\nextra: 1"})
    assert doc.data == {"name": "x\nextra: 1"}


def test_substitution_can_be_turned_off() -> None:
    os.environ["EMBEDDING_CONTRACT_TEST_VAR"] = "set"
    try:
        assert loads("a: $EMBEDDING_CONTRACT_TEST_VAR\n", substitute_env=False).data == {
            "a": "$EMBEDDING_CONTRACT_TEST_VAR"}
        assert loads("a: $EMBEDDING_CONTRACT_TEST_VAR\n").data == {"a": "set"}
    finally:
        del os.environ["EMBEDDING_CONTRACT_TEST_VAR"]


def test_substitute_leaves_unknown_names_and_reads_double_dollar() -> None:
    assert env.substitute("$A/${A}b/$B/$$A", {"A": "x"}) == "x/xb/$B/$A"


def test_environment_names_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "alice")
    assert env.environment()["USER"] == "alice"
    monkeypatch.setenv("USER", "bob")
    assert env.environment()["USER"] == "bob"


def test_no_user_name_leaves_user_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_user() -> str:
        raise OSError("no user name")

    monkeypatch.delenv("USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", no_user)
    assert env.environment()["USER"] == "$USER"
    assert loads("who: $USER\n").data == {"who": "$USER"}
