"""`export --site DIR`: the layout the server publishes, as files for any static host."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from embedding_contract.cli import main
from embedding_contract.core.errors import SchemaIntegrityError, SiteError
from embedding_contract.core.files import sha256
from embedding_contract.pages.publish import with_pages
from embedding_contract.schemafiles.site import build_site
from tests.support.paths import SCHEMAS
from tests.support.schema_server import get, make_tree, running_server

INDEX = json.loads((SCHEMAS / "index.json").read_bytes())


def tree_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_layout_of_the_released_tree() -> None:
    site = build_site(SCHEMAS)
    expected = {"index.json"}
    for version, entry in INDEX["versions"].items():
        for record in [*entry["models"].values(), entry["vocabulary"]]:
            rest = record["path"].partition("/")[2]
            expected |= {record["path"], f"sha256/{record['sha256']}.json"}
            if version == INDEX["latest"]:
                expected |= {f"latest/{rest}", f"v{version.split('.')[0]}/{rest}"}
            content = (SCHEMAS / record["path"]).read_bytes()
            assert site.files[record["path"]].content == content
            assert site.files[f"sha256/{record['sha256']}.json"].content == content
    assert set(site.files) == expected
    assert site.files["index.json"].content == (SCHEMAS / "index.json").read_bytes()
    for path, item in site.files.items():
        assert item.sha256 == sha256(item.content)
        assert item.immutable == (path.split("/")[0] not in {"index.json", "latest", "v1"})


def test_aliases_follow_the_newest_release_of_each_line(tmp_path: Path) -> None:
    site = build_site(make_tree(tmp_path, ("1.0.0", "1.2.0", "1.10.0", "2.0.0", "2.0.1")))
    assert site.versions == ("1.0.0", "1.2.0", "1.10.0", "2.0.0", "2.0.1")
    for alias, version in (("v1", "1.10.0"), ("v2", "2.0.1"), ("latest", "2.0.1")):
        item = site.files[f"{alias}/recap/LargeEmbeddingsConfig.json"]
        assert item.version == version
        assert item.content == site.files[f"{version}/recap/LargeEmbeddingsConfig.json"].content
        assert not item.immutable
    assert not any(p.startswith("v3/") for p in site.files)


def test_export_site_writes_exactly_what_the_server_serves(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree", ("1.0.0", "2.0.0"))
    out = tmp_path / "public" / "schemas"
    result = CliRunner().invoke(main, ["export", "--schemas", str(tree), "--site", str(out)])
    assert result.exit_code == 0, result.output
    written = tree_files(out)
    assert written == {p: f.content for p, f in with_pages(build_site(tree)).files.items()}
    assert {"index.html", "site.css", "2.0.0/changes.html",
            "2.0.0/recap/LargeEmbeddingsConfig.html"} <= set(written)
    with running_server("--dir", str(tree)) as server:
        for path, content in written.items():
            response = get(server.port, "/" + path)
            assert response.status == 200, path
            assert response.body == content, path
        # and nothing the server answers with 200 is missing from the site
        for extra in ("v2/vocabulary.json", "latest/twhin/SgdConfig.json"):
            assert extra in written


def test_export_site_defaults_to_the_packaged_schemas(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no schemas/ here
    result = CliRunner().invoke(main, ["export", "--site", "site"])
    assert result.exit_code == 0, result.output
    assert tree_files(tmp_path / "site")["index.json"] == (SCHEMAS / "index.json").read_bytes()


def test_export_site_refusals(tmp_path: Path) -> None:
    runner = CliRunner()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    result = runner.invoke(main, ["export", "--schemas", str(SCHEMAS), "--site", str(busy)])
    assert result.exit_code == 2 and "not an empty directory" in result.output
    assert tree_files(busy) == {"keep.txt": b"mine"}
    for extra in (["--check"], ["--base-url", "https://example.org/"]):
        result = runner.invoke(main, ["export", *extra, "--site", str(tmp_path / "x")])
        assert result.exit_code == 2 and "--site" in result.output
    assert not (tmp_path / "x").exists()

    damaged = tmp_path / "damaged"
    shutil.copytree(SCHEMAS, damaged)
    target = damaged / "1.0.0" / "twhin" / "SgdConfig.json"
    target.write_bytes(target.read_bytes() + b" ")
    out = tmp_path / "out"
    result = runner.invoke(main, ["export", "--schemas", str(damaged), "--site", str(out)])
    assert result.exit_code == 2
    assert "SgdConfig.json does not match its sha256" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.glob(".out-*"))

    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["export", "--schemas", str(SCHEMAS), "--site", str(empty)])
    assert result.exit_code == 0, result.output
    assert (empty / "index.json").is_file()


@pytest.mark.parametrize("path", [
    "../../etc/passwd", "/etc/passwd", "1.0.0/../index.json", "1.0.0/recap/X.yaml",
    "2.0.0/recap/X.json", "1.0.0\\recap\\X.json"])
def test_an_index_cannot_name_files_outside_its_tree(tmp_path: Path, path: str) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(SCHEMAS, tree)
    index = json.loads((tree / "index.json").read_bytes())
    index["versions"]["1.0.0"]["models"]["recap.StratifierConfig"]["path"] = path
    (tree / "index.json").write_text(json.dumps(index))
    with pytest.raises(SiteError, match=r"is not a schema path of version 1\.0\.0"):
        build_site(tree)


def test_an_unreadable_index_is_refused_with_its_cause(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(SCHEMAS, tree)
    (tree / "index.json").write_text('{"versions": {"1.0.0": {}, "1.0.0": {}}}')
    with pytest.raises(SiteError, match=r"duplicate key '1\.0\.0'") as info:
        build_site(tree)
    assert isinstance(info.value.__cause__, SchemaIntegrityError)


def test_a_listed_symlink_leaving_the_tree_is_refused(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(SCHEMAS, tree)
    target = tree / "1.0.0" / "vocabulary.json"
    outside = tmp_path / "vocabulary.json"
    shutil.move(target, outside)
    target.symlink_to(outside)
    with pytest.raises(SiteError, match="outside the schema tree"):
        build_site(tree)
    target.unlink()
    target.symlink_to(Path("..") / "1.0.0" / "recap" / ".." / ".." / ".." / "vocabulary.json")
    with pytest.raises(SiteError, match="outside the schema tree"):
        build_site(tree)
    target.unlink()
    shutil.move(outside, tree / "1.0.0" / "vocabulary-real.json")
    target.symlink_to("vocabulary-real.json")  # a link inside the tree is fine
    assert build_site(tree).files["1.0.0/vocabulary.json"].content == \
        (SCHEMAS / "1.0.0" / "vocabulary.json").read_bytes()
