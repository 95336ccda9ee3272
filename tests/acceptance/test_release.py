"""scripts/release tags v<version> in a clean clone, and refuses what would be a wrong tag."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from embedding_contract import __version__
from tests.support.paths import ROOT

RELEASE = ROOT / "scripts" / "release"
ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          timeout=60, env=ENV).stdout


def release(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RELEASE), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env=ENV)


@pytest.mark.slow
def test_release_tags_the_version_once(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(clone)], check=True,
                   capture_output=True, timeout=300)
    for tag in git("tag", "--list", cwd=clone).split():
        git("tag", "-d", tag, cwd=clone)
    tag = f"v{__version__}"
    checked = release("--check", cwd=clone)
    assert checked.returncode == 0 and f"can be tagged {tag}" in checked.stdout, checked.stderr
    done = release(cwd=clone)
    assert done.returncode == 0, done.stderr
    assert git("rev-parse", f"{tag}^{{commit}}", cwd=clone) == git("rev-parse", "HEAD", cwd=clone)
    again = release(cwd=clone)
    assert again.returncode == 1 and f"tag {tag} exists already" in again.stderr
    git("tag", "-d", tag, cwd=clone)
    (clone / "README.md").write_text("changed\n")
    dirty = release(cwd=clone)
    assert dirty.returncode == 1 and "uncommitted changes" in dirty.stderr
    git("checkout", "--", "README.md", cwd=clone)
    shutil.rmtree(clone / "schemas" / __version__)
    git("commit", "--quiet", "-am", "drop the schemas", cwd=clone)
    unexported = release(cwd=clone)
    assert unexported.returncode == 1 and "is not exported" in unexported.stderr
