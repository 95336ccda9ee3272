#!/usr/bin/env node
// Checks a static site as a person sees it, in headless Chromium (Debian's, never a downloaded one).
//
//   node check_site.mjs <start-url> <out-dir> [--screenshot NAME=URL-PATH ...]
//        [--chromium PATH] [--timeout MS] [--max-pages N] [--jobs N]
//
// Crawls every HTML page reachable from <start-url> by same-origin links, in sorted order, and
// records per page: console errors and uncaught exceptions (under the page's own CSP), every
// same-origin link target answering 200 (non-HTML targets fetched, not rendered), `#fragment`
// links naming an element of the target page, axe-core violations of impact serious or critical,
// and horizontal overflow at a phone width and on a printed A4 page. Writes <out-dir>/report.json, prints one line.
// Exit 0: no problems; 1: problems; 2: usage or launch error.

import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 740 };
const PRINT = { width: 794, height: 1123 }; // an A4 page at 96 px per inch
const MAX_SHOT_HEIGHT = 2000; // px of a screenshot, from the top of the page
const KEPT_IMPACTS = new Set(['serious', 'critical']);
const USAGE =
  'usage: check_site.mjs <start-url> <out-dir> [--screenshot NAME=URL-PATH ...] ' +
  '[--chromium PATH] [--timeout MS] [--max-pages N] [--jobs N]';

class UsageError extends Error {}

// A usage or launch error: one line on stderr, exit 2 (thrown, so the browser is closed first).
class Fatal extends Error {}

function fail(message) {
  throw new Fatal(message);
}

function positiveInt(flag, value) {
  if (!/^[1-9][0-9]*$/.test(value ?? '')) throw new UsageError(`${flag} needs a positive integer`);
  return Number(value);
}

function parseArgs(argv) {
  const options = {
    positional: [],
    screenshots: [],
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    timeout: 15000,
    maxPages: 2000,
    jobs: 2,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--screenshot') {
      const spec = value();
      const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(.+)$/.exec(spec);
      if (!match) throw new UsageError(`--screenshot wants NAME=URL-PATH, got ${JSON.stringify(spec)}`);
      const name = match[1].endsWith('.png') ? match[1] : `${match[1]}.png`;
      if (options.screenshots.some((s) => s.file === name)) {
        throw new UsageError(`--screenshot name given twice: ${match[1]}`);
      }
      options.screenshots.push({ name: match[1], file: name, target: match[2] });
    } else if (arg === '--chromium') options.chromium = value();
    else if (arg === '--timeout') options.timeout = positiveInt(arg, value());
    else if (arg === '--max-pages') options.maxPages = positiveInt(arg, value());
    else if (arg === '--jobs') options.jobs = positiveInt(arg, value());
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.positional.push(arg);
  }
  if (options.positional.length !== 2) throw new UsageError(USAGE);
  let start;
  try {
    start = new URL(options.positional[0]);
  } catch {
    throw new UsageError(`not a URL: ${options.positional[0]}`);
  }
  if (start.protocol !== 'http:' && start.protocol !== 'https:') {
    throw new UsageError(`the start URL must be http(s): ${options.positional[0]}`);
  }
  start.hash = '';
  return { ...options, start, outDir: options.positional[1] };
}

function withoutHash(url) {
  const copy = new URL(url);
  copy.hash = '';
  return copy.href;
}

function isHtml(contentType) {
  const type = (contentType || '').split(';')[0].trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
}

function oneLine(text, limit = 300) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

// Each same-origin target is fetched once (GET, redirects followed) and remembered.
class Targets {
  constructor(request, timeout) {
    this.request = request;
    this.timeout = timeout;
    this.known = new Map();
  }

  fetch(url) {
    if (!this.known.has(url)) {
      this.known.set(url, this.request
        .get(url, { timeout: this.timeout, failOnStatusCode: false })
        .then((response) => ({ status: response.status(), html: isHtml(response.headers()['content-type']) }))
        .catch((error) => ({ status: 0, html: false, error: oneLine(error.message.split('\n')[0]) })));
    }
    return this.known.get(url);
  }
}

async function visit(context, url, timeout) {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'load', timeout });
  return { page, response };
}

// Desktop width, the page's own CSP: what the console shows, the links, the ids and names.
async function inspect(context, url, timeout) {
  const found = { console: [], links: [], ids: [] };
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location();
    const at = where && where.url ? ` (${where.url}:${where.lineNumber})` : '';
    found.console.push(`console.error: ${oneLine(message.text())}${at}`);
  });
  page.on('pageerror', (error) => found.console.push(`uncaught: ${oneLine(error.message)}`));
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout });
    found.status = response ? response.status() : 0;
    const dom = await page.evaluate(() => ({
      links: Array.from(document.querySelectorAll('a[href], area[href]'), (a) => a.href),
      ids: [
        ...Array.from(document.querySelectorAll('[id]'), (e) => e.id),
        ...Array.from(document.querySelectorAll('a[name]'), (e) => e.getAttribute('name')),
      ],
    }));
    found.links = dom.links;
    found.ids = dom.ids;
  } finally {
    await page.close();
  }
  return found;
}

// Phone width (and a printed page): the page must not scroll sideways. Names a few of the
// elements that stick out.
async function overflow(context, url, timeout, media = 'screen') {
  const { page } = await visit(context, url, timeout);
  try {
    await page.emulateMedia({ media });
    return await page.evaluate((allowed) => {
      const width = window.innerWidth;
      const scroll = document.scrollingElement.scrollWidth;
      if (scroll <= width + allowed) return null;
      const describe = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') +
        (typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : '');
      // An element sticks out with its box or, when it lets its content spill (overflow-x
      // visible), with its content; the deepest such elements are the culprits.
      const out = [];
      for (const e of document.body ? document.body.querySelectorAll('*') : []) {
        const box = e.getBoundingClientRect();
        const spills = getComputedStyle(e).overflowX === 'visible' && box.left + e.scrollWidth > width + allowed;
        if (box.right > width + allowed || spills) out.push(e);
      }
      const wide = out.filter((e) => !out.some((o) => o !== e && e.contains(o)))
        .slice(0, 3)
        .map((e) => `${describe(e)} (${Math.round(e.getBoundingClientRect().left + e.scrollWidth)}px)`);
      return `scroll width ${scroll}px at a ${width}px viewport` + (wide.length ? `: ${wide.join(', ')}` : '');
    }, 1);
  } finally {
    await page.close();
  }
}

async function accessibility(context, url, timeout) {
  const { page } = await visit(context, url, timeout);
  try {
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    });
    return violations
      .filter((v) => KEPT_IMPACTS.has(v.impact))
      .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.targets.length} element(s): ` +
        `${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ', …' : ''}`);
  } finally {
    await page.close();
  }
}

async function pool(items, jobs, work) {
  let next = 0;
  const runners = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(runners);
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(error.message);
    throw error;
  }
  const { start, timeout } = options;
  const outDir = path.resolve(options.outDir);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    fail(`cannot create ${outDir}: ${error.message}`);
  }

  let browser;
  try {
    browser = await chromium.launch({ executablePath: options.chromium, timeout: 60000 });
  } catch (error) {
    fail(`cannot launch Chromium at ${options.chromium}: ${oneLine(error.message.split('\n')[0], 200)}`);
  }
  try {
    const desktop = await browser.newContext({ viewport: DESKTOP });
    const phone = await browser.newContext({ viewport: PHONE });
    const paper = await browser.newContext({ viewport: PRINT });
    // axe is injected with a <script> element, which the site's CSP (`default-src 'none'`)
    // refuses; this context alone bypasses the CSP so axe can run. The other two keep it, so a
    // page that breaks its own CSP still shows as console errors and renders as it really does.
    const axeContext = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
    const targets = new Targets(desktop.request, timeout);
    const problems = [];
    const problem = (kind, page, detail) => problems.push({ kind, page, detail });

    const first = await targets.fetch(start.href);
    if (first.status === 0) fail(`cannot fetch the start URL ${start.href}: ${first.error}`);
    if (first.status !== 200 || !first.html) {
      fail(`the start URL ${start.href} answered ${first.status}${first.html ? '' : ' (not HTML)'}`);
    }

    const seen = new Set([start.href]);
    const pages = new Map(); // url -> { ids, links }
    let frontier = [start.href];
    let limited = false;
    while (frontier.length) {
      frontier.sort();
      const found = new Map();
      await pool(frontier, options.jobs, async (url) => {
        const record = { ids: new Set(), links: [], loaded: false };
        try {
          const seenThere = await inspect(desktop, url, timeout);
          record.loaded = true;
          record.ids = new Set(seenThere.ids);
          record.links = seenThere.links;
          for (const text of seenThere.console) problem('console', url, text);
          if (seenThere.status !== 200) problem('link', url, `the page answered ${seenThere.status}`);
          const wide = await overflow(phone, url, timeout);
          if (wide) problem('overflow', url, wide);
          const cut = await overflow(paper, url, timeout, 'print');
          if (cut) problem('overflow', url, `in print: ${cut}`);
          for (const text of await accessibility(axeContext, url, timeout)) problem('axe', url, text);
        } catch (error) {
          problem('load', url, oneLine(error.message.split('\n')[0]));
        }
        pages.set(url, record);
        found.set(url, record.links);
      });
      // The targets of this level, checked in sorted order; new HTML pages form the next level.
      const next = new Set();
      const linked = new Set();
      for (const url of frontier) {
        for (const href of found.get(url) || []) {
          const target = new URL(href);
          if (target.origin !== start.origin) continue;
          linked.add(withoutHash(target));
        }
      }
      const answers = new Map();
      await pool([...linked].sort(), options.jobs, async (url) => answers.set(url, await targets.fetch(url)));
      for (const url of [...linked].sort()) {
        const answer = answers.get(url);
        if (answer.status === 200 && answer.html && !seen.has(url)) {
          if (seen.size >= options.maxPages) {
            limited = true;
            continue;
          }
          seen.add(url);
          next.add(url);
        }
      }
      frontier = [...next];
    }
    if (limited) problem('limit', start.href, `more than ${options.maxPages} pages: the crawl stopped there`);

    // Every link of every page: its target answers 200, its fragment names an element there.
    for (const [url, record] of [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      for (const href of [...new Set(record.links)].sort()) {
        const target = new URL(href);
        if (target.origin !== start.origin) continue;
        const bare = withoutHash(target);
        const answer = await targets.fetch(bare);
        if (answer.status !== 200) {
          problem('link', url, `${href} answered ${answer.status === 0 ? answer.error : answer.status}`);
          continue;
        }
        const fragment = target.hash.slice(1);
        if (!fragment || !answer.html || fragment.toLowerCase() === 'top') continue;
        const there = pages.get(bare);
        if (!there || !there.loaded) continue; // past the page limit or not loaded: reported
        let id = fragment;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          // a malformed escape is looked up as written
        }
        if (!there.ids.has(id)) problem('anchor', url, `${href}: no element with id or name "${id}" in ${bare}`);
      }
    }

    const screenshots = {};
    for (const shot of options.screenshots) {
      const url = new URL(shot.target, start).href;
      const file = path.join(outDir, shot.file);
      try {
        const { page, response } = await visit(desktop, url, timeout);
        try {
          if (!response || response.status() !== 200) {
            problem('screenshot', url, `${shot.name}: the page answered ${response ? response.status() : 0}`);
          } else {
            // The top of the page, at most MAX_SHOT_HEIGHT px: a long changelog stays a picture.
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            const { width } = page.viewportSize();
            await page.screenshot({
              path: file, fullPage: true,
              clip: { x: 0, y: 0, width, height: Math.min(height, MAX_SHOT_HEIGHT) },
            });
            screenshots[shot.name] = shot.file;
          }
        } finally {
          await page.close();
        }
      } catch (error) {
        problem('screenshot', url, `${shot.name}: ${oneLine(error.message.split('\n')[0])}`);
      }
    }

    const key = (p) => `${p.page}\u0000${p.kind}\u0000${p.detail}`;
    problems.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const report = {
      start_url: start.href,
      chromium: browser.version(),
      viewports: { desktop: DESKTOP, phone: PHONE, print: PRINT },
      pages: [...pages.keys()].sort(),
      problems,
      screenshots,
    };
    await writeFile(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    const counts = {};
    for (const p of problems) counts[p.kind] = (counts[p.kind] || 0) + 1;
    const byKind = Object.keys(counts).sort().map((k) => `${k} ${counts[k]}`).join(', ');
    const reportPath = path.join(outDir, 'report.json');
    if (problems.length) {
      process.stdout.write(`check_site: ${report.pages.length} pages, ${problems.length} problems ` +
        `(${byKind}); see ${reportPath}\n`);
    } else {
      process.stdout.write(`check_site: ${report.pages.length} pages, no problems; report in ${reportPath}\n`);
    }
    return problems.length ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const text = error && error.message ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`check_site: ${error instanceof Fatal ? text : `failed: ${oneLine(text)}`}\n`);
    process.exit(2);
  },
);
