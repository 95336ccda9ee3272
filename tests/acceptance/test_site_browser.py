"""The schema pages as a person sees them: every page `serve` publishes, rendered in headless
Chromium, with no console errors, broken links or anchors, phone-width overflow or serious
accessibility violations; screenshots of three pages are kept under test-output/browser/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from embedding_contract.pages.publish import HTML_MEDIA_TYPE, with_pages
from embedding_contract.schemafiles.site import build_site
from tests.support.browser import SCREENSHOTS, check_site
from tests.support.paths import ROOT, SCHEMAS
from tests.support.schema_server import running_server

OUTPUT = ROOT / "test-output" / "browser"


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("base_path", ["/", "/schemas/"])
def test_every_page_in_chromium(base_path: str) -> None:
    out = OUTPUT / ("root" if base_path == "/" else "prefixed")
    shutil.rmtree(out, ignore_errors=True)
    pages = sorted(p for p, f in with_pages(build_site(SCHEMAS)).files.items()
                   if f.media_type == HTML_MEDIA_TYPE)
    with running_server("--dir", str(SCHEMAS), "--no-access-log",
                        base_path=base_path) as server:
        origin = f"http://127.0.0.1:{server.port}"
        report = check_site(f"{origin}{base_path}", out,
                            {k: base_path + v.lstrip("/") for k, v in SCREENSHOTS.items()})
    assert report.problems == [], report.summary
    crawled = {url.removeprefix(origin + base_path) for url in report.pages}
    crawled = {"index.html" if p == "" else p for p in crawled}
    assert set(pages) <= crawled, sorted(set(pages) - crawled)
    for name in SCREENSHOTS:
        shot = report.screenshots[name]
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"{len(report.pages)} pages checked; screenshots in {out}")


def test_screenshot_list_matches_the_docs() -> None:
    """docs/serving.md links the screenshots that scripts/screenshots.py writes."""
    text = (ROOT / "docs" / "serving.md").read_text(encoding="utf-8")
    script = (ROOT / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    assert "SCREENSHOTS" in script  # the one list, in tests/support/browser.py
    for name in SCREENSHOTS:
        assert f"images/pages-{name}.png" in text
        assert Path(ROOT / "docs" / "images" / f"pages-{name}.png").is_file()
