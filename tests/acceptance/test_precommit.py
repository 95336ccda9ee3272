"""The pre-commit hook (.pre-commit-hooks.yaml) runs in a scratch repository.

`pre-commit try-repo` installs the hook's environment from a copy of this package (pip, from
PyPI for the dependencies) into a fresh store each time: the slow part, so it runs once, on a
repository with a valid config, an invalid one and a YAML file that is no config.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.support.paths import EXAMPLES, ROOT

HOOK = "embedding-contract-validate"
# What building the package needs (pyproject.toml's readme, sources, schemas) and the hook file.
PACKAGE_FILES = ["pyproject.toml", "README.md", "constraints.txt", ".pre-commit-hooks.yaml",
                 "python", "schemas"]


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=cwd, check=True, capture_output=True)


def test_hook_definition() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == HOOK and hook["language"] == "python"
    assert hook["entry"] == "embedding-contract validate"
    assert hook["types_or"] == ["yaml", "json"] and hook["args"] == ["--skip-unnamed"]


@pytest.mark.slow
def test_hook_runs_in_a_scratch_repository(tmp_path: Path) -> None:
    hook_repo = tmp_path / "hook"
    hook_repo.mkdir()
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hook_repo / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, hook_repo / name)
    git("init", "-q", cwd=hook_repo)
    git("add", "-A", cwd=hook_repo)
    git("commit", "-qm", "hook", cwd=hook_repo)

    repo = tmp_path / "configs"
    repo.mkdir()
    good = (EXAMPLES / "twhin-local.yaml").read_text()
    (repo / "good.yaml").write_text(good)
    (repo / "bad.yaml").write_text(good.replace("embedding_dim: 4", "embedding_dim: 0", 1))
    (repo / "workflow.yaml").write_text("on: push\njobs: {}\n")  # not a contract config
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)

    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert pre_commit, "pre-commit is installed beside the interpreter"
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    command = [pre_commit, "try-repo", str(hook_repo), HOOK, "--all-files", "--color", "never"]

    started = time.monotonic()
    first = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True,
                           timeout=900)
    install_seconds = time.monotonic() - started
    assert first.returncode == 1, first.stdout + first.stderr
    assert "embedding-contract validate" in first.stdout and "Failed" in first.stdout
    assert ("bad.yaml:6:5: tables[0].embedding_dim: Input should be greater than or equal to 1 "
            "(got 0) [greater_than_equal]") in first.stdout
    assert "good.yaml:" not in first.stdout and "workflow.yaml:" not in first.stdout
    assert "1 of 2 files valid (1 naming no model skipped)" in first.stdout

    print(f"pre-commit try-repo (installs the hook's environment): {install_seconds:.1f} s")
