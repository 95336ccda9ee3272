"""A schema's ``$ref`` never makes the validators read the network or a file: a reference
outside the documents given is an ExternalReferenceError naming it."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from embedding_contract.check.fast import FastValidator
from embedding_contract.core.errors import ExternalReferenceError
from embedding_contract.vocabulary.contract_validator import ContractValidator


@pytest.fixture()
def listener() -> Iterator[tuple[socket.socket, str]]:
    """A loopback listener that counts connections (it never answers)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    sock.setblocking(False)
    try:
        yield sock, f"http://127.0.0.1:{sock.getsockname()[1]}/other.json"
    finally:
        sock.close()


def _connections(sock: socket.socket) -> int:
    count = 0
    while True:
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


@pytest.mark.parametrize("how", ["is_valid", "iter_errors", "validate"])
def test_an_http_ref_is_refused_without_a_request(
        listener: tuple[socket.socket, str], how: str) -> None:
    sock, url = listener
    schema = {"type": "object", "properties": {"a": {"$ref": url}}}
    validator = ContractValidator(schema)
    with pytest.raises(ExternalReferenceError) as caught:
        result = getattr(validator, how)({"a": 1})
        if how == "iter_errors":
            list(result)
    assert caught.value.ref == url
    assert url in str(caught.value)
    assert _connections(sock) == 0


def test_a_file_ref_is_not_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", spy)
    validator = ContractValidator({"$ref": "file:///etc/passwd"})
    with pytest.raises(ExternalReferenceError, match="file:///etc/passwd"):
        validator.is_valid(1)
    assert not [path for path in opened if "passwd" in path]


def test_references_within_the_document_and_to_the_metaschema_still_resolve() -> None:
    schema = {"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n"}
    assert ContractValidator(schema).is_valid(1)
    assert not ContractValidator(schema).is_valid("x")
    meta = {"$ref": "https://json-schema.org/draft/2020-12/schema"}
    assert ContractValidator(meta).is_valid({"type": "object"})
    with pytest.raises(ExternalReferenceError, match="cannot be resolved"):
        ContractValidator({"$ref": "#/$defs/missing"}).is_valid(1)


def test_the_fast_validator_retrieves_nothing(listener: tuple[socket.socket, str]) -> None:
    sock, url = listener
    with pytest.raises(Exception, match="not retrieved"):
        FastValidator({"$ref": url})
    with pytest.raises(Exception, match="not retrieved"):
        FastValidator({"$ref": "file:///etc/passwd"})
    assert _connections(sock) == 0
