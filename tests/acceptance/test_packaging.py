"""The packaged schemas: the `embedding_contract.schemas` API, and the built wheel and sdist
installed into a fresh virtual environment, away from the source tree."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from embedding_contract import __version__, schemas
from embedding_contract.core.errors import SchemaIntegrityError, UsageError
from embedding_contract.models.registry import MODEL_NAMES
from tests.support.paths import ROOT, SCHEMAS, VALID_LARGE

INDEX = json.loads((SCHEMAS / "index.json").read_bytes())
LARGE = "recap.LargeEmbeddingsConfig"


def released_files() -> dict[str, bytes]:
    return {p.relative_to(SCHEMAS).as_posix(): p.read_bytes()
            for p in sorted(SCHEMAS.rglob("*.json"))}


def test_versions_and_models() -> None:
    assert schemas.versions() == sorted(INDEX["versions"], key=schemas.version_key)
    assert __version__ in schemas.versions()
    assert schemas.models(__version__) == sorted(MODEL_NAMES)
    assert schemas.models("latest") == sorted(INDEX["versions"][INDEX["latest"]]["models"])
    assert schemas.index() == INDEX


@pytest.mark.parametrize(("spec", "version"), [
    ("1.0.0", "1.0.0"), ("1.0", "1.0.0"), ("1", INDEX["latest"]), ("latest", INDEX["latest"])])
def test_load_by_exact_version_line_or_latest(spec: str, version: str) -> None:
    """An exact version or a minor line keeps its release; "1" and "latest" give the newest."""
    expected = (SCHEMAS / version / "recap" / "LargeEmbeddingsConfig.json").read_bytes()
    assert schemas.load_bytes(LARGE, spec) == expected
    assert schemas.load(LARGE, spec) == json.loads(expected)


def test_load_every_model() -> None:
    for name in schemas.models():
        document = schemas.load(name)
        assert document["$id"] == INDEX["versions"][INDEX["latest"]]["models"][name]["$id"]
        assert document["title"] == name


@pytest.mark.parametrize(("name", "spec", "message"), [
    ("recap.Nope", "1.0.0", "unknown model 'recap.Nope' in version 1.0.0; known models: "),
    (LARGE, "9", "no released version matches '9'; released: 1.0.0"),
    (LARGE, "1.0.7", "no released version matches '1.0.7'"),
    (LARGE, "v1", "'v1' is not a version"),
    (LARGE, "", "'' is not a version"),
    (LARGE, "01", "'01' is not a version"),
])
def test_unknown_names_and_versions(name: str, spec: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        schemas.load(name, spec)
    assert str(info.value).startswith(message)


def test_validator_carries_the_contracts_rules() -> None:
    validator = schemas.validator(LARGE, "1")
    assert validator.is_valid(VALID_LARGE)
    duplicate = json.loads(json.dumps(VALID_LARGE))
    duplicate["tables"][1]["name"] = duplicate["tables"][0]["name"]  # a portable rule
    errors = list(validator.iter_errors(duplicate))
    assert [e.message.endswith("[unique-by]") for e in errors] == [True]
    assert not validator.is_valid({**VALID_LARGE, "tables": []})  # a standard keyword
    assert not validator.is_valid({**VALID_LARGE, "tables_to_log": [float("nan")]})


def test_damaged_files_are_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    tree = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, tree)
    target = tree / INDEX["latest"] / "recap" / "LargeEmbeddingsConfig.json"  # what load() reads
    target.write_bytes(target.read_bytes().replace(b'"minItems": 1', b'"minItems": 0'))
    from embedding_contract.schemafiles import packaged

    monkeypatch.setattr(packaged, "root", lambda: tree)
    packaged._index.cache_clear()
    try:
        with pytest.raises(SchemaIntegrityError, match="does not match its sha256"):
            schemas.load(LARGE)
        assert schemas.load("recap.StratifierConfig")["title"] == "recap.StratifierConfig"
        target.unlink()
        with pytest.raises(SchemaIntegrityError, match="cannot read packaged schema"):
            schemas.load(LARGE)
    finally:
        packaged._index.cache_clear()


def test_source_checkout_reads_the_top_level_schemas() -> None:
    """In this checkout (editable install) the API reads schemas/ itself, not a stale copy."""
    root = schemas.root()
    assert isinstance(root, Path)
    assert root.joinpath("index.json").read_bytes() == (SCHEMAS / "index.json").read_bytes()


def test_cheap_imports() -> None:
    """Importing the package, the schemas API and the CLI loads no server or client stack."""
    code = ("import sys, embedding_contract, embedding_contract.cli, embedding_contract.schemas,"
            " embedding_contract.schemafiles.site, embedding_contract.cli.serve,"
            " embedding_contract.cli.fetch, embedding_contract.cli.extras\n"
            "from embedding_contract.cli import main\n"
            "try:\n    main(['models'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('starlette', 'uvicorn', 'httpx', 'h11', 'anyio') "
            "if m in sys.modules))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               timeout=60, check=True)
    assert completed.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_wheel_and_sdist_in_a_fresh_venv(tmp_path: Path) -> None:
    """Build sdist and wheel (the wheel from the sdist), install the wheel with its pinned
    dependencies into a new venv, and use it from a directory outside the repository."""
    started = time.monotonic()
    dist = tmp_path / "dist"
    # With the build backend at hand, skip build's isolated environments (about 12 s of
    # downloads); otherwise build in isolation with the pinned hatchling.
    isolation = ["--no-isolation"] if importlib.util.find_spec("hatchling") else []
    subprocess.run([sys.executable, "-m", "build", *isolation, "--outdir", str(dist),
                    str(ROOT)], check=True, capture_output=True, timeout=600, cwd=tmp_path,
                   env={**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt")})
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    built = time.monotonic()

    expected = released_files()
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packaged = {n.removeprefix("embedding_contract/_schema_files/"): archive.read(n)
                    for n in names if n.startswith("embedding_contract/_schema_files/")}
    assert packaged == expected
    assert "embedding_contract/schemas.py" in names
    assert not any(n.startswith("embedding_contract/schemas/") for n in names)
    with tarfile.open(sdist) as archive:
        top = f"embedding_contract-{__version__}/schemas/"
        in_sdist = {m.name.removeprefix(top) for m in archive.getmembers()
                    if m.name.startswith(top) and m.isfile()}
        carried = {m.name.removeprefix(f"embedding_contract-{__version__}/")
                   for m in archive.getmembers() if m.isfile()}
    assert in_sdist == set(expected)
    assert {"LICENSE", "docs/validate.md", "examples/twhin-local.yaml",
            "tests/acceptance/test_packaging.py"} <= carried
    assert f"embedding_contract-{__version__}.dist-info/licenses/LICENSE" in names
    assert (ROOT / "LICENSE").read_bytes() == zipfile.ZipFile(wheel).read(
        f"embedding_contract-{__version__}.dist-info/licenses/LICENSE")
    # The wheel built from the sdist (what `build` does) is the wheel built from the tree.
    direct = tmp_path / "direct"
    subprocess.run([sys.executable, "-m", "build", *isolation, "--wheel", "--outdir",
                    str(direct), str(ROOT)], check=True, capture_output=True, timeout=600,
                   cwd=tmp_path,
                   env={**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt")})
    (direct_wheel,) = direct.glob("*.whl")
    assert direct_wheel.read_bytes() == wheel.read_bytes()
    twine = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(wheel),
                            str(sdist)], capture_output=True, text=True, timeout=120)
    assert twine.returncode == 0, twine.stdout + twine.stderr

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--quiet", "--disable-pip-version-check", "-c",
                    str(ROOT / "constraints.txt"), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    installed = time.monotonic()

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    probe = (
        "import json, sys, embedding_contract\n"
        "from embedding_contract import schemas\n"
        "v = schemas.validator('recap.LargeEmbeddingsConfig', '1')\n"
        f"config = {VALID_LARGE!r}\n"
        "print(json.dumps({'file': embedding_contract.__file__, 'root': str(schemas.root()),\n"
        "  'versions': schemas.versions(), 'models': schemas.models('latest'),\n"
        "  'id': schemas.load('recap.LargeEmbeddingsConfig', 'latest')['$id'],\n"
        "  'valid': v.is_valid(config), 'empty': v.is_valid({'tables': []}),\n"
        "  'heavy': [m for m in ('starlette', 'uvicorn', 'httpx') if m in sys.modules]}))\n")
    completed = subprocess.run([str(python), "-I", "-c", probe], cwd=outside, env=env,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    site_packages = str(venv / "lib")
    assert report["file"].startswith(site_packages), report["file"]
    assert report["root"].startswith(site_packages) and "_schema_files" in report["root"]
    assert not report["root"].startswith(str(ROOT))
    assert report["versions"] == sorted(INDEX["versions"], key=schemas.version_key)
    assert report["models"] == sorted(MODEL_NAMES)
    assert report["id"] == INDEX["versions"][INDEX["latest"]]["models"][LARGE]["$id"]
    assert report["valid"] is True and report["empty"] is False
    assert report["heavy"] == []

    cli = venv / "bin" / "embedding-contract"
    for command, extra in (("serve", "serve"), ("fetch", "fetch")):
        args = [str(cli), command] + (["--base-url", "http://127.0.0.1:9/", LARGE]
                                      if command == "fetch" else ["--port", "0"])
        result = subprocess.run(args, cwd=outside, env=env, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 2
        assert result.stderr.strip() == (
            f"embedding-contract: `embedding-contract {command}` needs the optional extra "
            f"'{extra}' (module {'uvicorn' if extra == 'serve' else 'httpx'!r} is not "
            f"installed): pip install 'embedding-contract[{extra}]'")
    site = subprocess.run([str(cli), "export", "--site", "public"], cwd=outside, env=env,
                          capture_output=True, text=True, timeout=60)
    assert site.returncode == 0, site.stderr
    assert (outside / "public" / "index.json").read_bytes() == (SCHEMAS / "index.json").read_bytes()
    # the pages' templates are in the wheel
    start = (outside / "public" / "index.html").read_text(encoding="utf-8")
    assert "<title>embedding-contract schemas" in start
    assert (outside / "public" / "site.css").is_file()
    # Outside a source checkout the gates say so in one line and write nothing.
    for gate in (["check"], ["export", "--check"], ["diff", "--against-release"]):
        result = subprocess.run([str(cli), *gate], cwd=outside, env=env, capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stderr == ("embedding-contract: schemas/: no schema tree here (run in a "
                                 "source checkout, or pass --schemas DIR)\n")
    assert sorted(p.name for p in outside.iterdir()) == ["public"]
    print(f"build {built - started:.1f}s, venv+install {installed - built:.1f}s, "
          f"checks {time.monotonic() - installed:.1f}s")
