"""A schema's ``$ref`` never makes the validators read the network or a file: a reference
outside the documents given is an ExternalReferenceError naming it."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from embedding_contract.check.fast import FastValidator
from embedding_contract.core.errors import ExternalReferenceError
from embedding_contract.vocabulary.contract_validator import ContractValidator


class Listener:
    """A loopback listener that counts connections and closes each at once (so a client that
    does connect fails fast instead of waiting)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/other.json"
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> int:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()
        return self.connections


@pytest.fixture()
def listener() -> Iterator[Listener]:
    found = Listener()
    try:
        yield found
    finally:
        found.close()


@pytest.mark.parametrize("how", ["is_valid", "iter_errors", "validate"])
def test_an_http_ref_is_refused_without_a_request(listener: Listener, how: str) -> None:
    url = listener.url
    schema = {"type": "object", "properties": {"a": {"$ref": url}}}
    validator = ContractValidator(schema)
    with pytest.raises(ExternalReferenceError) as caught:
        result = getattr(validator, how)({"a": 1})
        if how == "iter_errors":
            list(result)
    assert caught.value.ref == url
    assert url in str(caught.value)
    assert listener.close() == 0


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


def test_the_fast_validator_retrieves_nothing(listener: Listener) -> None:
    url = listener.url
    with pytest.raises(Exception, match="not retrieved"):
        FastValidator({"$ref": url})
    with pytest.raises(Exception, match="not retrieved"):
        FastValidator({"$ref": "file:///etc/passwd"})
    assert listener.close() == 0
