"""The outcome of a file and its three reports: text, GitHub workflow commands, JSON."""

from __future__ import annotations

import json

from embedding_contract.check.reports import (
    Line,
    gate_lines,
    github_lines,
    json_entries,
    render,
    text_lines,
)
from embedding_contract.check.result import FileReport, Located, worst
from embedding_contract.check.validation import Issue
from embedding_contract.core.errors import LoadError
from embedding_contract.core.exitcodes import ExitCode

ISSUE = Located(Issue(("tables", 0, "name"), "string_too_short", 'too short (got "")'), 4, 7)
INVALID = FileReport("a, b:c.yaml", "recap.LargeEmbeddingsConfig", (ISSUE,))
VALID = FileReport("ok.yaml", "recap.LearningRate")
UNREADABLE = FileReport("x.yaml", None, error=LoadError("it names no model", file="x.yaml"),
                        hint="pass --model")
SKIPPED = FileReport("w.yaml", None, skipped=True)


def test_exit_codes() -> None:
    assert (VALID.exit_code, INVALID.exit_code, UNREADABLE.exit_code) == (
        ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE)
    assert worst([VALID, INVALID, UNREADABLE]) is ExitCode.USAGE
    assert worst([VALID, INVALID]) is ExitCode.FAILED
    assert worst([]) is ExitCode.OK


def test_text_lines() -> None:
    assert text_lines(INVALID) == [
        'a, b:c.yaml:4:7: tables[0].name: too short (got "") [string_too_short]']
    assert text_lines(UNREADABLE) == ["x.yaml: it names no model (pass --model)"]
    assert text_lines(VALID) == []


def test_github_lines_escape_properties_and_messages() -> None:
    assert github_lines(INVALID) == [
        "::error file=a%2C b%3Ac.yaml,line=4,col=7,title=string_too_short::"
        'tables[0].name: too short (got "")']
    assert github_lines(UNREADABLE) == [
        "::error file=x.yaml,line=1,col=1,title=unreadable config::"
        "it names no model (pass --model)"]
    odd = FileReport("n\nm.yaml", None,
                     (Located(Issue(("k",), "r", "100%\r\nnext\x1b\u2028"), None, None),))
    assert github_lines(odd) == [
        "::error file=n%0Am.yaml,line=1,col=1,title=r::k: 100%25%0D%0Anext\\x1b\\u2028"]


def test_json_entries() -> None:
    assert json_entries(UNREADABLE) == [
        {"file": "x.yaml", "model": None, "line": None, "column": None, "path": None,
         "rule": "load-error", "message": "it names no model (pass --model)"}]
    surrogate = FileReport("\udcff.yaml", "m", (ISSUE,))
    assert json_entries(surrogate)[0]["file"] == "\\udcff.yaml"
    json.dumps(json_entries(surrogate)).encode("utf-8")  # no lone surrogate left


def test_render_text_summary_and_streams() -> None:
    assert render([INVALID], "text") == [Line(text_lines(INVALID)[0])]  # one file: no summary
    assert render([VALID], "text") == [Line("1 of 1 files valid", to_stderr=True)]
    lines = render([INVALID, UNREADABLE, VALID, SKIPPED], "text")
    assert [line.to_stderr for line in lines] == [False, True, True]
    assert lines[-1].text == "1 of 3 files valid (1 naming no model skipped)"


def test_render_json_and_github() -> None:
    [block] = render([INVALID, UNREADABLE], "json")
    assert len(json.loads(block.text)) == 2 and not block.to_stderr
    assert [line.text for line in render([INVALID, VALID], "github")] == github_lines(INVALID)


def test_gate_lines() -> None:
    assert gate_lines(VALID) == ["ok   ok.yaml (recap.LearningRate)"]
    assert gate_lines(INVALID) == ["FAIL " + text_lines(INVALID)[0]]
