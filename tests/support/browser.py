"""Run the headless-Chromium site check (`tests/browser/check_site.mjs`) and read its report.

    report = check_site("http://127.0.0.1:8000/", tmp_path / "browser", {"index": "/"})
    assert report.problems == [], report.summary

Each problem is a dict with `kind` (console, link, anchor, axe, overflow, load, screenshot,
limit), `page` (the URL it was found on) and `detail`. The checker's Node dependencies are
installed by `scripts/setup` (`npm ci` in tests/browser); Chromium is Debian's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.paths import ROOT

PROJECT = ROOT / "tests" / "browser"
SCRIPT = PROJECT / "check_site.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
DEADLINE = 600.0
# The pages whose screenshots docs/serving.md shows (scripts/screenshots.py writes them to
# docs/images/pages-<name>.png): name -> URL path below the base path.
SCREENSHOTS = {
    "start": "/",
    "model": "/1.1.0/recap/LargeEmbeddingsConfig.html",
    "changes": "/1.1.0/changes.html",
}


class BrowserCheckError(RuntimeError):
    """The check could not run: no node, node_modules or Chromium, a usage error, the deadline."""


@dataclass(frozen=True)
class BrowserReport:
    pages: list[str]
    problems: list[dict[str, str]]
    screenshots: dict[str, Path]
    summary: str
    raw: dict[str, Any]

    def kinds(self, page: str | None = None) -> set[str]:
        """The problem kinds, on one page (its URL) or on all."""
        return {p["kind"] for p in self.problems if page is None or p["page"] == page}

    def on(self, page: str) -> list[dict[str, str]]:
        return [p for p in self.problems if p["page"] == page]


def check_site(
    start_url: str,
    out_dir: Path,
    screenshots: Mapping[str, str] | None = None,
    *,
    deadline: float = DEADLINE,
    page_timeout_ms: int = 15000,
    max_pages: int | None = None,
    chromium: Path | None = None,
    project: Path = PROJECT,
) -> BrowserReport:
    """Crawl the site from `start_url` in Chromium; screenshots maps a name to a URL path."""
    node = shutil.which("node")
    if node is None:
        raise BrowserCheckError("node not found on PATH: the browser check needs Node.js 20")
    if not (project / "node_modules" / "playwright-core").is_dir():
        raise BrowserCheckError(
            f"{project / 'node_modules'} is missing: run scripts/setup (npm ci in {project})")
    browser = chromium or CHROMIUM
    if not browser.is_file():
        raise BrowserCheckError(f"Chromium not found at {browser}: run scripts/setup")
    out_dir.mkdir(parents=True, exist_ok=True)
    report_path = out_dir / "report.json"
    report_path.unlink(missing_ok=True)
    command = [node, str(project / SCRIPT.name), start_url, str(out_dir),
               "--chromium", str(browser), "--timeout", str(page_timeout_ms)]
    if max_pages is not None:
        command += ["--max-pages", str(max_pages)]
    for name, url_path in sorted((screenshots or {}).items()):
        command += ["--screenshot", f"{name}={url_path}"]
    env = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=deadline,
                                cwd=project, env=env, check=False)
    except subprocess.TimeoutExpired as error:
        raise BrowserCheckError(
            f"the browser check of {start_url} took over {deadline:.0f} s") from error
    lines = (result.stdout.strip() or result.stderr.strip()).splitlines()
    if result.returncode not in (0, 1) or not report_path.is_file():
        last = result.stderr.strip().splitlines()[-1:] or lines[-1:] or ["(no output)"]
        raise BrowserCheckError(f"the browser check failed (exit {result.returncode}): {last[0]}")
    raw = json.loads(report_path.read_text(encoding="utf-8"))
    problems: list[dict[str, str]] = raw["problems"]
    if (result.returncode == 1) != bool(problems):
        raise BrowserCheckError(
            f"the browser check exited {result.returncode} with {len(problems)} problems")
    return BrowserReport(
        pages=list(raw["pages"]),
        problems=problems,
        screenshots={name: out_dir / file for name, file in raw["screenshots"].items()},
        summary=lines[-1] if lines else "",
        raw=raw,
    )
