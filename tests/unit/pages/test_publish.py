"""The pages of a published tree: every link and anchor resolves, every example is valid, the
output is byte-identical from run to run, and a release's page shows its changes."""

from __future__ import annotations

import html
import json
import os
import posixpath
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from embedding_contract.cli import main
from embedding_contract.core.jsonio import render
from embedding_contract.pages.publish import HTML_MEDIA_TYPE, with_pages
from embedding_contract.schemafiles.export import build_index
from embedding_contract.schemafiles.releases import read_release
from embedding_contract.schemafiles.site import Site, build_site
from embedding_contract.vocabulary.contract_validator import ContractValidator
from tests.support.paths import ROOT, SCHEMAS
from tests.support.schema_server import make_tree


class Page(HTMLParser):
    """The ids, links and the example block of one page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.example: str | None = None
        self.pres: list[str] = []
        self._pre: list[str] | None = None
        self._pre_id: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag in ("a", "link") and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "pre":
            self._pre, self._pre_id = [], found.get("id")

    def handle_data(self, data: str) -> None:
        if self._pre is not None:
            self._pre.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._pre is not None:
            text = "".join(self._pre)
            self.pres.append(text)
            if self._pre_id == "example-config":
                self.example = text
            self._pre = None


@pytest.fixture(scope="module")
def site() -> Site:
    return with_pages(build_site(SCHEMAS))


def pages_of(site: Site) -> dict[str, Page]:
    return {path: Page(item.content.decode("utf-8")) for path, item in site.files.items()
            if item.media_type == HTML_MEDIA_TYPE}


def test_every_link_and_anchor_resolves(site: Site) -> None:
    pages = pages_of(site)
    assert len(pages) == 1 + sum(1 + 1 + len(read_release(SCHEMAS, v)) - 1
                                 for v in site.versions)
    checked = 0
    for path, page in pages.items():
        assert len(page.ids) == len(set(page.ids)), f"{path}: duplicate ids"
        for href in page.links:
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, f"{path}: external link {href}"
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path)) \
                if parts.path else path
            assert target in site.files, f"{path}: broken link {href}"
            if parts.fragment:
                assert parts.fragment in pages[target].ids, f"{path}: missing anchor {href}"
            checked += 1
    assert checked > 500


def test_every_model_page_shows_a_valid_example(site: Site) -> None:
    pages = pages_of(site)
    models = [p for p in pages if p.count("/") == 2]
    assert len(models) == 40
    for path in models:
        example = pages[path].example
        assert example is not None, path
        schema = json.loads(site.files[path.removesuffix(".html") + ".json"].content)
        ContractValidator(schema).validate(json.loads(html.unescape(example)))


def test_a_model_page_shows_fields_bounds_groups_and_rules(site: Site) -> None:
    text = site.files["1.1.0/twhin/TwhinEmbeddingsConfig.html"].content.decode()
    assert "Exactly one of" in text
    for words in ("all items have the same <code>embedding_dim</code> and "
                  "<code>data_type</code>",
                  "no two items have the same <code>name</code>",
                  "each entry of <code>tables_to_log</code> must be the <code>name</code> of an "
                  "item of <code>tables</code>",
                  "at most 9007199254740991 (2^53 - 1",
                  'href="../../v1/twhin/TwhinEmbeddingsConfig.json"',
                  'href="../../1.0.0/twhin/TwhinEmbeddingsConfig.html"'):
        assert words in text, words
    digest = json.loads((SCHEMAS / "index.json").read_bytes())["versions"]["1.1.0"]["models"][
        "twhin.TwhinEmbeddingsConfig"]["sha256"]
    assert f'href="../../sha256/{digest}.json"' in text


def test_the_first_real_changelog(site: Site) -> None:
    text = site.files["1.1.0/changes.html"].content.decode()
    assert "against <a href=\"../1.0.0/changes.html\">1.0.0</a>" in text
    assert "<code>maximum-tightened</code>" in text
    assert "the same configs are valid before and after" in text
    assert "0 breaking" in text
    assert "1.0.0 is the first release" in site.files["1.0.0/changes.html"].content.decode()


def _breaking_tree(root: Path) -> Path:
    """Two releases; the second raises the smallest embedding_dim from 1 to 8."""
    tree = make_tree(root, ("1.0.0", "2.0.0"))
    path = tree / "2.0.0" / "recap" / "LargeEmbeddingsConfig.json"
    document = json.loads(path.read_bytes())
    document["$defs"]["EmbeddingBagConfig"]["properties"]["embedding_dim"]["minimum"] = 8
    path.write_bytes(render(document))
    (tree / "index.json").write_bytes(
        build_index({v: read_release(tree, v) for v in ("1.0.0", "2.0.0")}))
    return tree


def test_a_break_is_shown_with_its_rule_bump_and_a_witness(tmp_path: Path) -> None:
    tree = _breaking_tree(tmp_path / "tree")
    site = with_pages(build_site(tree))
    text = site.files["2.0.0/changes.html"].content.decode()
    page = Page(text)
    assert "<code>minimum-tightened</code>" in text and "1 breaking" in text
    assert '<span class="badge breaking">major</span>' in text
    witnesses = [json.loads(html.unescape(p)) for p in page.pres]
    assert witnesses, "no witness on the page"
    old = ContractValidator(json.loads((tree / "1.0.0/recap/LargeEmbeddingsConfig.json")
                                       .read_bytes()))
    new = ContractValidator(json.loads((tree / "2.0.0/recap/LargeEmbeddingsConfig.json")
                                       .read_bytes()))
    assert any(old.is_valid(w) and not new.is_valid(w) for w in witnesses)


@pytest.mark.parametrize(("change", "message"), [
    ({"$ref": "http://127.0.0.1:9/vocab.json"}, "unresolvable $ref 'http://127.0.0.1:9/vocab.json'"),
])
def test_a_release_that_cannot_be_diffed_gives_one_line(tmp_path: Path, change: object,
                                                        message: str) -> None:
    tree = make_tree(tmp_path / "tree", ("1.0.0", "2.0.0"))
    path = tree / "2.0.0" / "recap" / "LargeEmbeddingsConfig.json"
    document = json.loads(path.read_bytes())
    document["$defs"]["EmbeddingBagConfig"]["properties"]["vocab"] = change
    path.write_bytes(render(document))
    (tree / "index.json").write_bytes(
        build_index({v: read_release(tree, v) for v in ("1.0.0", "2.0.0")}))
    result = CliRunner().invoke(main, ["export", "--schemas", str(tree), "--site",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "the changes of 2.0.0 against 1.0.0" in lines[0], lines
    assert message in lines[0]
    assert not (tmp_path / "out").exists()


def _first_release(root: Path, edit: Any) -> Path:
    """A one-release tree whose LargeEmbeddingsConfig is changed by ``edit`` (no diff runs)."""
    tree = make_tree(root, ("1.0.0",))
    path = tree / "1.0.0" / "recap" / "LargeEmbeddingsConfig.json"
    document = json.loads(path.read_bytes())
    edit(document)
    path.write_bytes(render(document))
    (tree / "index.json").write_bytes(build_index({"1.0.0": read_release(tree, "1.0.0")}))
    return tree


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.__setitem__("required", 5), "required"),
    (lambda d: d.__setitem__("x-contract-references", [{"property": "tables"}]),
     "x-contract-references"),
    (lambda d: d["$defs"]["EmbeddingBagConfig"]["properties"].__setitem__(
        "vocab", {"$ref": "file:///etc/passwd"}), "file:///etc/passwd"),
    # a schema that is not one is refused before any diff (here in the only release)
    (lambda d: d["$defs"]["EmbeddingBagConfig"]["properties"].__setitem__("vocab", 5),
     "/properties/vocab is not a schema"),
])
def test_a_malformed_first_release_gives_one_line(tmp_path: Path, edit: Any,
                                                  message: str) -> None:
    tree = _first_release(tmp_path / "tree", edit)
    result = CliRunner().invoke(main, ["export", "--schemas", str(tree), "--site",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "1.0.0/recap/LargeEmbeddingsConfig.json" in lines[0], lines
    assert message in lines[0]


def test_a_backtracking_pattern_is_not_run_for_the_example(tmp_path: Path) -> None:
    """A pattern that can backtrack without bound (as the diff's witness search, the pages
    leave it alone): the page says no example could be made instead of matching one."""
    def edit(document: dict[str, Any]) -> None:
        name = document["$defs"]["EmbeddingBagConfig"]["properties"]["name"]
        name["pattern"] = "^(.*a){25}$"
        document["examples"] = [{"optimizer": {"init_learning_rate": 0.1}, "tables": [
            {"name": "a" * 40 + "b", "num_embeddings": 1, "embedding_dim": 1}]}]

    site = with_pages(build_site(_first_release(tmp_path / "tree", edit)))
    page = site.files["1.0.0/recap/LargeEmbeddingsConfig.html"].content.decode()
    assert "No example could be made for this schema." in page
    assert Page(page).example is None


def test_pages_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """Two fresh interpreters (different hash seeds) write the same bytes."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"site-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(ROOT / "python"), str(ROOT)])}
        done = subprocess.run([sys.executable, "-m", "embedding_contract.cli", "export",
                               "--schemas", str(SCHEMAS), "--site", str(out)],
                              capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes()
                        for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
    assert sum(1 for p in outputs[0] if p.endswith(".html")) > 40
