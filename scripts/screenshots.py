#!/usr/bin/env python3
"""Regenerate the screenshots of the schema pages linked from docs/serving.md.

Starts `embedding-contract serve` on 127.0.0.1 (a free port) over schemas/, runs the browser
check (tests/browser/check_site.mjs, Debian's Chromium) and copies the start page, one model
page and one changelog page to docs/images/pages-<name>.png. The check must find no problem.
Needs `scripts/setup` (Chromium and tests/browser/node_modules).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "python")]

from tests.support.browser import SCREENSHOTS, BrowserCheckError, check_site  # noqa: E402
from tests.support.schema_server import running_server  # noqa: E402


def main() -> int:
    images = ROOT / "docs" / "images"
    with tempfile.TemporaryDirectory() as tmp, \
            running_server("--dir", str(ROOT / "schemas"), "--no-access-log") as server:
        try:
            report = check_site(f"http://127.0.0.1:{server.port}/", Path(tmp), SCREENSHOTS)
        except BrowserCheckError as exc:
            print(f"screenshots: {exc}", file=sys.stderr)
            return 2
        if report.problems:
            print(f"screenshots: the pages have problems: {report.summary}", file=sys.stderr)
            for problem in report.problems[:20]:
                print(f"  {problem['kind']} {problem['page']}: {problem['detail']}",
                      file=sys.stderr)
            return 1
        images.mkdir(parents=True, exist_ok=True)
        for name in sorted(SCREENSHOTS):
            target = images / f"pages-{name}.png"
            shutil.copyfile(report.screenshots[name], target)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
