"""The headless-Chromium site check catches what a person would see: run on small fixture sites
written here and served by a threaded http.server on 127.0.0.1, with the site's CSP
(`default-src 'none'; style-src 'self'`) on every page but those under no-csp/ (inline scripts
that throw or log, an image).

A clean site gives no problems; a broken site has one page per defect, each giving exactly its
problem kind on that page and nothing elsewhere.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support.browser import BrowserCheckError, BrowserReport, check_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CSP = "default-src 'none'; style-src 'self'"
NO_CSP = "no-csp"  # pages under this folder are served without a CSP


class Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        if not self.path.startswith(f"/{NO_CSP}/"):
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class Site:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def page(self, path: str) -> str:
        return self.url + path


@contextmanager
def serve(root: Path) -> Iterator[Site]:
    site = Site(root)
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()
        site.thread.join(timeout=5)


def page(title: str, body: str, *, stylesheet: str = "/style.css") -> str:
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{title}</title>\n<link rel="stylesheet" href="{stylesheet}">\n'
            f"</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n")


def write(root: Path, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


LONG_LINE = '{"tables": [' + ", ".join(f'"table_{i}"' for i in range(60)) + "]}"

# pre scrolls inside itself, so a long schema line does not widen the page; a scrolling pre needs
# tabindex="0" to be reached from the keyboard (axe: scrollable-region-focusable, serious)
STYLE = "body { font-family: sans-serif; margin: 1rem; } pre { overflow-x: auto; }\n"

CLEAN: dict[str, str | bytes] = {
    "style.css": STYLE,
    "index.html": page("Schemas", """
<p><a href="models/recap.html">recap</a>, <a href="models/twhin.html#tables">twhin tables</a>,
<a href="releases/1.0.0.html">1.0.0</a>, <a href="schemas/recap.json">recap.json</a>,
<a href="https://example.invalid/elsewhere">another site</a>,
<a href="mailto:a@example.invalid">mail</a>.</p>
"""),
    "models/recap.html": page("recap", f"""
<p><a href="../index.html">start</a> <a href="#schema">schema</a>
<a href="twhin.html#legacy">old</a></p>
<h2 id="schema">Schema</h2>
<pre tabindex="0">{LONG_LINE}</pre>
<form><label for="q">Filter</label> <input id="q" type="search"></form>
"""),
    "models/twhin.html": page("twhin", """
<p><a href="/">start</a> <a href="recap.html?version=1#schema">recap</a></p>
<h2 id="tables">Tables</h2><p><a name="legacy">legacy anchor</a></p>
"""),
    "releases/1.0.0.html": page("Release 1.0.0", '<p><a href="../index.html#top">top</a></p>'),
    "schemas/recap.json": '{"type": "object"}\n',
}

BROKEN_PAGES: dict[str, str | bytes] = {
    "broken-link.html": page("Broken link", '<p><a href="missing.html">gone</a></p>'),
    "missing-anchor.html": page("Missing anchor", '<p><a href="target.html#nowhere">x</a></p>'),
    "target.html": page("Target", '<h2 id="somewhere">Somewhere</h2>'),
    "no-csp/console.html": page("Console", "<script>console.error('logged by a script');</script>"),
    "unlabeled-input.html": page("Unlabeled", '<form><input type="text"></form>'),
    "overflow.html": page("Wide", f"<pre class=\"raw\">{LONG_LINE}</pre>", stylesheet="/plain.css"),
    "print-overflow.html": page("Wide on paper", '<p class="sheet">a table</p>',
                                stylesheet="/print.css"),
    "csp.html": page("CSP", "<script>document.title = 'changed';</script>"),
    "no-csp/throws.html": page("Throws", "<script>throw new Error('boom from an inline script');"
                               "</script>"),
    "no-csp/image.html": page("Image", '<img src="/no-csp/pixel.png">'),
    "no-csp/pixel.png": bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a5e0a2bf"
        "0000000049454e44ae426082"),
    "style.css": STYLE,
    "plain.css": "body { font-family: sans-serif; }\n",
    "print.css": "body { font-family: sans-serif; }\n@media print { .sheet { width: 1200px; } }\n",
}

# page -> (kind, a piece of the detail)
EXPECTED = {
    "broken-link.html": ("link", "missing.html answered 404"),
    "missing-anchor.html": ("anchor", 'no element with id or name "nowhere"'),
    "no-csp/console.html": ("console", "logged by a script"),
    "csp.html": ("console", "Content Security Policy"),
    "no-csp/throws.html": ("console", "boom from an inline script"),
    "no-csp/image.html": ("axe", "image-alt (critical)"),
    "unlabeled-input.html": ("axe", "label (critical)"),
    "overflow.html": ("overflow", "pre.raw"),
    "print-overflow.html": ("overflow", "in print: scroll width"),
}


def broken_site() -> dict[str, str | bytes]:
    links = "".join(f'<li><a href="{name}">{name}</a></li>' for name in sorted(EXPECTED))
    return {**BROKEN_PAGES, "index.html": page("Broken pages", f"<ul>{links}</ul>")}


def in_order(report: BrowserReport) -> bool:
    keys = [(p["page"], p["kind"], p["detail"]) for p in report.problems]
    return report.pages == sorted(report.pages) and keys == sorted(keys)


# One crawl per site (each starts Chromium): the clean site's assertions share a test, and so do
# the broken site's, which name every page whose problems differ from the expected ones.


def test_a_clean_site_has_no_problems_and_its_screenshots(tmp_path: Path) -> None:
    write(tmp_path / "site", CLEAN)
    with serve(tmp_path / "site") as site:
        report = check_site(site.url, tmp_path / "out",
                            {"start": "/", "recap": "models/recap.html"})
    assert report.problems == [], report.summary
    assert "no problems" in report.summary
    assert report.pages == sorted(site.page(p) for p in (
        "", "index.html", "models/recap.html", "models/twhin.html", "models/recap.html?version=1",
        "releases/1.0.0.html"))
    assert in_order(report)
    assert sorted(report.screenshots) == ["recap", "start"]
    for path in report.screenshots.values():
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert width == 1280 and height >= 200  # the desktop width, the whole page


def test_each_defect_gives_its_kind_on_its_page(tmp_path: Path) -> None:
    write(tmp_path / "site", broken_site())
    with serve(tmp_path / "site") as site:
        report = check_site(site.url, tmp_path / "out")
    wrong = {}
    for name, (kind, detail) in sorted(EXPECTED.items()):
        found = report.on(site.page(name))
        if {p["kind"] for p in found} != {kind} or not any(detail in p["detail"] for p in found):
            wrong[name] = found
    assert wrong == {}, f"expected {EXPECTED}"
    assert {p["page"] for p in report.problems} == {site.page(n) for n in EXPECTED}
    assert site.page("target.html") in report.pages  # crawled, and clean
    assert site.page("missing.html") not in report.pages
    assert f"{len(report.problems)} problems" in report.summary
    assert in_order(report)


def test_the_crawl_is_bounded(tmp_path: Path) -> None:
    write(tmp_path / "site", CLEAN)
    with serve(tmp_path / "site") as site:
        report = check_site(site.url, tmp_path / "out", max_pages=2)
    # the start page, then the first of its links in sorted order
    assert report.pages == [site.page(""), site.page("models/recap.html")]
    assert report.kinds() == {"limit"}


def test_usage_errors_raise_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(BrowserCheckError, match=r"exit 2\): check_site: the start URL must be"):
        check_site("file:///etc/passwd", tmp_path)
    with pytest.raises(BrowserCheckError, match="cannot fetch the start URL"):
        check_site("http://127.0.0.1:9/", tmp_path)  # the discard port: nothing listens


def test_a_missing_install_is_named(tmp_path: Path) -> None:
    with pytest.raises(BrowserCheckError, match="node_modules is missing: run scripts/setup"):
        check_site("http://127.0.0.1:9/", tmp_path / "out", project=tmp_path)
    with pytest.raises(BrowserCheckError, match="Chromium not found at"):
        check_site("http://127.0.0.1:9/", tmp_path / "out", chromium=tmp_path / "chromium")
