"""Every validator of the contract, reduced to a verdict (valid or not) and its errors.

For one model and one input (its parsed data and its JSON text):
- ``pydantic-python``: ``Model.model_validate`` on the data (NaN, ±inf, lone surrogates and
  integers of any size reach it as Python's ``json`` module would produce them);
- ``pydantic-json``: ``Model.model_validate_json`` on the text;
- ``jsonschema``: the text through the contract's strict JSON parser
  (``embedding_contract.check.loader``:
  no NaN/Infinity tokens, no overflow to inf, no lone surrogates, no duplicate keys), then
  python-jsonschema's ``ContractValidator`` (Draft 2020-12 + vocabulary) on the schema *file*;
- ``jsonschema-rs``: the same parsed data, jsonschema-rs on the same file, plus
  ``embedding_contract.vocabulary.walker`` for the contract's rules;
- ``jsonschema-rs-keywords``: jsonschema-rs on the same file with the vocabulary registered as
  custom keywords of its Python binding (no separate walker).
Text the strict parser rejects is invalid for the three schema validators, with the parser's
message as the error. Each validator is built once per schema file and model.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import hypothesis
import jsonschema_rs
from pydantic import BaseModel, TypeAdapter, ValidationError

from embedding_contract import __version__
from embedding_contract.check.loader import loads
from embedding_contract.core.errors import LoadError
from embedding_contract.core.paths import format_path
from embedding_contract.models.registry import resolve
from embedding_contract.vocabulary import VOCABULARY, PortableRule, get_member
from embedding_contract.vocabulary.contract_validator import ContractValidator
from embedding_contract.vocabulary.walker import PortableRules
from tests.support.paths import ROOT
from tests.support.strategies import Case, documents

SCHEMA_DIR = ROOT / "schemas" / __version__

VALIDATORS = ("pydantic-python", "pydantic-json", "jsonschema", "jsonschema-rs",
              "jsonschema-rs-keywords")


@dataclass(frozen=True)
class Verdict:
    validator: str
    valid: bool
    errors: tuple[str, ...] = ()


class _Unparsable:
    """Marks text the strict parser rejected."""

    def __init__(self, message: str) -> None:
        self.message = message


def _rs_keyword(rule_class: type[PortableRule]) -> type:
    """A jsonschema-rs custom keyword running one rule of the vocabulary."""

    class Keyword:
        def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
            self.rules = rule_class.from_argument(value)

        def validate(self, instance: Any) -> None:
            for rule in self.rules:
                for v in rule.check(instance, get_member):
                    raise ValueError(f"{format_path(v.path)}: {v.message} [{v.rule}]")

    Keyword.__name__ = rule_class.__name__ + "Keyword"
    return Keyword


_RS_KEYWORDS = {keyword: _rs_keyword(cls) for keyword, cls in VOCABULARY.items()}


@dataclass
class _Compiled:
    """The validators of one model against one schema file."""

    model: Any
    python: Callable[[Any], Any]
    json: Callable[[str], Any]
    jsonschema: Any
    rs: Any
    rs_keywords: Any
    portable: PortableRules


class Harness:
    """The validators of every model against the schema files below ``schema_dir``."""

    def __init__(self, schema_dir: Path = SCHEMA_DIR) -> None:
        self.schema_dir = schema_dir
        self._compiled: dict[str, _Compiled] = {}
        self.counts: Counter[str] = Counter()

    def schema_file(self, model: str) -> Path:
        family, _, cls = model.partition(".")
        return self.schema_dir / family / f"{cls}.json"

    def _get(self, model: str) -> _Compiled:
        found = self._compiled.get(model)
        if found is None:
            target = resolve(model)
            python: Callable[[Any], Any]
            from_json: Callable[[str], Any]
            if isinstance(target, type) and issubclass(target, BaseModel):
                python, from_json = target.model_validate, target.model_validate_json
            else:
                adapter = TypeAdapter(target)
                python, from_json = adapter.validate_python, adapter.validate_json
            schema = json.loads(self.schema_file(model).read_text(encoding="utf-8"))
            found = _Compiled(
                target, python, from_json, ContractValidator(schema),
                jsonschema_rs.validator_for(schema),
                jsonschema_rs.validator_for(schema, keywords=_RS_KEYWORDS),
                PortableRules(schema))
            self._compiled[model] = found
        return found

    def verdicts(self, model: str, instance: Any, text: str,
                 explain: bool = True) -> list[Verdict]:
        """Each validator's verdict on one input (``instance`` is ``text`` parsed leniently).

        ``explain=False`` asks the schema validators for a yes or no only (``is_valid`` stops at
        the first error); the errors are then worth collecting only when the verdicts differ.
        """
        c = self._get(model)
        parsed = _parse(text)
        out = [_pydantic("pydantic-python", c.python, instance),
               _pydantic("pydantic-json", c.json, text)]
        if isinstance(parsed, _Unparsable):
            error = (f"parser: {parsed.message}",)
            out += [Verdict(name, False, error) for name in VALIDATORS[2:]]
        elif not explain:
            out += [
                Verdict("jsonschema", c.jsonschema.is_valid(parsed)),
                Verdict("jsonschema-rs",
                        c.rs.is_valid(parsed) and not c.portable.violations(parsed)),
                Verdict("jsonschema-rs-keywords", c.rs_keywords.is_valid(parsed)),
            ]
        else:
            out.append(_listed("jsonschema", (
                f"{format_path(e.absolute_path)}: {e.message}"
                for e in c.jsonschema.iter_errors(parsed))))
            standard = [f"{format_path(e.instance_path)}: {e.message}"
                        for e in c.rs.iter_errors(parsed)]
            rules = [f"{format_path(v.path)}: {v.message} [{v.rule}]"
                     for v in c.portable.violations(parsed)]
            out.append(_listed("jsonschema-rs", iter(standard + rules)))
            out.append(_listed("jsonschema-rs-keywords", (
                f"{format_path(e.instance_path)}: {e.message}"
                for e in c.rs_keywords.iter_errors(parsed))))
        self.counts.update(v.validator for v in out)
        return out

    def disagreement(self, model: str, instance: Any, text: str,
                     kinds: tuple[str, ...] = ()) -> str | None:
        """None when every validator gives the same verdict; else a report to print."""
        verdicts = self.verdicts(model, instance, text, explain=False)
        if len({v.valid for v in verdicts}) == 1:
            return None
        return report(model, text, kinds, self.verdicts(model, instance, text))


def report(model: str, text: str, kinds: tuple[str, ...], verdicts: list[Verdict]) -> str:
    """The minimal input as JSON, each validator's verdict and its errors."""
    lines = [f"validators disagree on {model}"
             + (f" (mutations: {', '.join(kinds)})" if kinds else " (generated valid)"),
             f"input: {text}"]
    width = max(len(v.validator) for v in verdicts)
    for v in verdicts:
        lines.append(f"  {v.validator:<{width}}  {'valid' if v.valid else 'invalid'}")
        lines.extend(f"  {'':<{width}}    {e}" for e in v.errors[:6])
        if len(v.errors) > 6:
            lines.append(f"  {'':<{width}}    ... {len(v.errors) - 6} more")
    return "\n".join(lines)


def _parse(text: str) -> Any:
    try:
        return loads(text, file="<generated>", as_json=True).data
    except LoadError as exc:
        return _Unparsable(str(exc))


def _pydantic(name: str, validate: Callable[[Any], Any], value: Any) -> Verdict:
    try:
        validate(value)
    except ValidationError as exc:
        return Verdict(name, False, tuple(
            f"{format_path(e['loc'])}: {e['msg']}" for e in exc.errors(include_url=False)))
    return Verdict(name, True)


def _listed(name: str, errors: Iterator[str]) -> Verdict:
    found = tuple(errors)
    return Verdict(name, not found, found)


@cache
def harness(schema_dir: Path = SCHEMA_DIR) -> Harness:
    """The shared harness for ``schema_dir`` (validators compiled once per process)."""
    return Harness(schema_dir)


@dataclass
class Figures:
    """What one run of the property saw: examples, kinds, validator runs, disagreements."""

    model: str
    examples: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)
    disagreement: str | None = None
    seconds: float = 0.0


def run_property(model: str, *, harness: Harness | None = None,
                 settings: hypothesis.settings | None = None,
                 mutate: bool | None = None, seed: int | None = None) -> Figures:
    """Run the differential property for ``model``; raise AssertionError on a disagreement.

    The figures are filled in as the run goes, so a caller that catches the failure still has
    them (``figures.disagreement`` then holds the report of the minimal input).
    """
    checker = harness or globals()["harness"]()
    figures = Figures(model)
    started = time.monotonic()

    def prop(case: Case) -> None:
        figures.examples += 1
        figures.kinds.update(case.kinds or ("valid",))
        text = case.text
        verdicts = checker.verdicts(model, case.instance, text, explain=False)
        figures.verdicts["valid" if verdicts[0].valid else "invalid"] += 1
        if len({v.valid for v in verdicts}) > 1:
            figures.disagreement = report(model, text, case.kinds,
                                          checker.verdicts(model, case.instance, text))
            raise AssertionError(figures.disagreement)

    test = hypothesis.given(documents(model, mutate=mutate))(prop)
    if settings is not None:
        test = settings(test)
    if seed is not None:
        test = hypothesis.seed(seed)(test)
    try:
        test()
    finally:
        figures.seconds = time.monotonic() - started
    return figures


def deep_main(argv: list[str] | None = None) -> int:
    """``scripts/deep_fuzz``: the differential property under the ``deep`` profile, with figures."""
    import argparse
    import os

    os.environ.setdefault("HYPOTHESIS_PROFILE", "deep")
    import tests.conftest  # noqa: F401  (registers the profiles)
    from embedding_contract.models.registry import MODEL_NAMES

    deep = hypothesis.settings.get_profile("deep")
    parser = argparse.ArgumentParser(prog="scripts/deep_fuzz", description=deep_main.__doc__)
    parser.add_argument("--examples", type=int, default=deep.max_examples,
                        help="examples per model (default: the deep profile's %(default)s)")
    parser.add_argument("--minutes", type=float, default=None,
                        help="stop each model after its share of this many minutes")
    parser.add_argument("--chunk", type=int, default=10_000,
                        help="examples per Hypothesis run (each run gets its own seed)")
    parser.add_argument("models", nargs="*", default=list(MODEL_NAMES))
    args = parser.parse_args(argv)
    unknown = sorted(set(args.models) - set(MODEL_NAMES))
    if unknown:
        parser.error(f"unknown model(s): {', '.join(unknown)}")
    share = args.minutes * 60 / len(args.models) if args.minutes else None
    checker = harness()
    failed = 0
    totals: Counter[str] = Counter()
    print(f"deep differential run: {args.examples} examples per model, {len(args.models)} models"
          + (f", at most {share:.0f}s per model" if share else ""), flush=True)
    for model in args.models:
        done, seconds, kinds, disagreement, runs = 0, 0.0, Counter[str](), None, 0
        before = Counter(checker.counts)
        while done < args.examples and (share is None or seconds < share):
            size = min(args.chunk, args.examples - done)
            run = hypothesis.settings(deep, max_examples=size, derandomize=False)
            try:
                figures = run_property(model, harness=checker, settings=run, seed=runs)
            except AssertionError as exc:
                disagreement = str(exc).split("\n\n")[0]
                failed += 1
                break
            except Exception as exc:  # a bug in the generators: report it, go on
                disagreement = f"error, not a disagreement: {type(exc).__name__}: {exc}"
                failed += 1
                break
            finally:
                runs += 1
            done += figures.examples
            seconds += figures.seconds
            kinds.update(figures.kinds)
        per_validator = checker.counts - before
        totals.update(per_validator)
        rate = done / seconds if seconds else 0.0
        print(f"{model}: {done} examples in {seconds:.0f}s ({rate:.0f}/s; the full "
              f"{args.examples} would take {args.examples / rate / 60 if rate else 0:.0f} min); "
              f"valid {kinds['valid']}, mutated {done - kinds['valid']}; "
              f"validator runs {min(per_validator.values(), default=0)} each; "
              f"disagreements {1 if disagreement else 0}", flush=True)
        if disagreement:
            print(disagreement, flush=True)
    print("total validator runs: " + ", ".join(f"{k}={v}" for k, v in sorted(totals.items())))
    print(f"disagreements: {failed}")
    return 1 if failed else 0
