// End-to-end tests of the dashboard in Debian's Chromium (headless, driven by playwright-core),
// against a running `sitrep serve`. scripts/test-browser.sh starts the servers and sets:
//   SITREP_URL        the server with the sample database (required)
//   SITREP_PERF_URL   a server with 100,000 synthetic events (optional: timings are printed)
//   SITREP_ARTIFACTS  where screenshots go (default build/browser-artifacts)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const URL0 = process.env.SITREP_URL;
const PERF_URL = process.env.SITREP_PERF_URL;
const ART = process.env.SITREP_ARTIFACTS ?? join(root, 'build', 'browser-artifacts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The server sends API JSON and scripts uncompressed (cpp-httplib's brotli runs at its slowest
// quality); SITREP_PERF_ENCODING=identity forces that from the client side too.
const PERF_ENCODING = process.env.SITREP_PERF_ENCODING ?? '';
const resourceTimings = [];
mkdirSync(ART, { recursive: true });

let browser;
let page;
const consoleErrors = [];

before(async () => {
  assert.ok(URL0, 'SITREP_URL is not set: run scripts/test-browser.sh');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: 60000,
  });
  page = await newPage(URL0);
});

after(async () => {
  await browser?.close();
});

async function newPage(base, { headers } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, baseURL: base });
  if (headers) await context.setExtraHTTPHeaders(headers);
  // Nothing may be fetched from outside the sitrep server at run time.
  await context.route((url) => !url.href.startsWith(base), (route) => {
    consoleErrors.push(`external request blocked: ${route.request().url()}`);
    return route.abort();
  });
  const p = await context.newPage();
  p.setDefaultTimeout(20000);
  p.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  p.on('console', (m) => {
    // The ingest-off test answers one request with 403 on purpose.
    if (m.type() === 'error' && !/status of 403/.test(m.text())) consoleErrors.push(`console: ${m.text()}`);
  });
  return p;
}

const shot = (p, name) => p.screenshot({ path: join(ART, name), fullPage: true });
const renders = (p) => p.evaluate(() => Number(document.body.dataset.renders || 0));
async function waitRender(p, since) {
  await p.waitForFunction((n) => Number(document.body.dataset.renders || 0) > n, since);
}
async function ready(p, path = '/') {
  await p.goto(path);
  await p.waitForSelector('body[data-ready=true]', { timeout: 60000 });
}

test('loads the dashboard with the sample database', async () => {
  await ready(page);
  const summary = await page.textContent('#summary');
  assert.match(summary, /\d[\d,]* of \d[\d,]* events/);
  const rows = await page.locator('#events-table tbody tr[data-row]').count();
  assert.ok(rows > 0, 'the table lists events');
  assert.equal(await page.locator('.leaflet-container').count(), 1, 'the map is there');
  assert.ok(await page.locator('.legend-item').count() >= 6, 'the legend lists the event types');
  await page.waitForTimeout(300); // province lines load after first paint
  resourceTimings.push(...await page.evaluate(() => performance.getEntriesByType('resource')
    .map((r) => ({ name: new URL(r.name).pathname, ms: r.responseEnd - r.startTime, bytes: r.encodedBodySize, raw: r.decodedBodySize }))));
  await shot(page, '01-loaded.png');
  // Narrow screens: one column, nothing wider than the viewport but the table's own scroller.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal page scroll on a phone (${overflow}px)`);
  await page.screenshot({ path: join(ART, '01b-phone.png') });
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('filters by country, reflected in the URL and restored from it', async () => {
  const countries = await page.locator('select[name=country] option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
  assert.ok(countries.length > 1, `several countries to choose from: ${countries}`);
  const country = countries.includes('Mali') ? 'Mali' : countries[0];
  const n0 = await renders(page);
  await page.selectOption('select[name=country]', country);
  await waitRender(page, n0);
  assert.equal(new URL(page.url()).searchParams.get('country'), country);
  const cells = await page.locator('#events-table tbody tr[data-row] td:nth-child(4)').allTextContents();
  assert.ok(cells.length > 0, 'events remain');
  assert.ok(cells.every((c) => c === country), `every row is in ${country}: ${cells.slice(0, 5)}`);
  await shot(page, '02-filter-country.png');
  // A shared link restores the view.
  await ready(page, `/?country=${encodeURIComponent(country)}&sort=-fatalities`);
  assert.equal(await page.inputValue('select[name=country]'), country);
  const fat = (await page.locator('#events-table tbody tr[data-row] td.num').allTextContents()).map(Number);
  assert.deepEqual(fat, [...fat].sort((a, b) => b - a), 'sorted by fatalities, descending');
  assert.equal(await page.getAttribute('th[aria-sort=descending] button', 'class'), 'sort');
});

async function expectDetailWithEvidence(p, id) {
  await p.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, id);
  await p.waitForSelector('#panel-detail .article-text mark');
  const marks = await p.locator('#panel-detail .article-text mark').count();
  assert.ok(marks > 0, 'evidence spans are highlighted in the source text');
  const explained = await p.locator('#panel-detail .explain').allTextContents();
  assert.ok(explained.some((t) => /^geo_precision \d: /.test(t)), `geo_precision in words: ${explained}`);
  assert.ok(explained.some((t) => /^time_precision \d: /.test(t)), 'time_precision in words');
  // Hovering a field lights its span; the span's text is the evidence text at its byte offsets.
  const preferred = p.locator('#panel-detail .field.has-evidence[data-field=fatalities]');
  const field = (await preferred.count()) ? preferred.first() : p.locator('#panel-detail .field.has-evidence').first();
  const name = await field.getAttribute('data-field');
  await field.locator('dt').hover();
  const lit = p.locator('#panel-detail mark.lit');
  assert.ok(await lit.count() > 0, `hovering ${name} lights its evidence`);
  const ev = await p.evaluate((x) => fetch(`api/events/${encodeURIComponent(x)}`).then((r) => r.json()), id);
  const want = ev.evidence.filter((e) => e.field === name).map((e) => e.text);
  const got = (await lit.allTextContents()).join('');
  assert.ok(want.some((w) => got.includes(w)), `lit text ${JSON.stringify(got)} holds one of ${JSON.stringify(want)}`);
  return name;
}

test('clicking a marker opens the event with its evidence highlighted', async () => {
  const id = await page.getAttribute('#events-table tbody tr[data-row] >> nth=0', 'data-event-id');
  const pt = await page.evaluate((x) => window.__sitrep.markerPoint(x), id);
  assert.ok(pt, `marker of ${id} is on screen`);
  await page.mouse.click(pt.x, pt.y);
  // The topmost circle under the point may be another event near it; either way one opens.
  await page.waitForFunction(() => document.getElementById('panel-detail').dataset.eventId);
  const opened = await page.getAttribute('#panel-detail', 'data-event-id');
  const field = await expectDetailWithEvidence(page, opened);
  assert.equal(new URL(page.url()).searchParams.get('event'), opened, 'the open event is in the URL');
  await page.locator(`#panel-detail .field[data-field="${field}"] dt`).hover();
  await shot(page, '03-marker-detail.png');
});

test('clicking a table row opens the event', async () => {
  const row = page.locator('#events-table tbody tr[data-row]').nth(1);
  const id = await row.getAttribute('data-event-id');
  await row.locator('button.open').click();
  await expectDetailWithEvidence(page, id);
  assert.equal(await page.locator('#events-table tbody tr.selected').getAttribute('data-event-id'), id);
  // Keyboard: focusing an evidence field lights its span too.
  await page.locator('#panel-detail .field.has-evidence dt').first().focus();
  assert.ok(await page.locator('#panel-detail mark.lit').count() > 0, 'focus lights evidence');
  await shot(page, '04-table-row-detail.png');
});

test('an event extracted by sitrep itself shows its evidence', async (t) => {
  const ans = await page.evaluate(() => fetch('api/events?limit=50&sort=id').then((r) => r.json()));
  const real = ans.events.find((e) => !String(e.event_id).startsWith('syn-') && e.evidence?.length);
  if (!real) {
    t.skip('the sample database holds no extracted event with evidence');
    return;
  }
  await ready(page, `/?event=${encodeURIComponent(real.event_id)}`);
  await page.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, real.event_id);
  await page.waitForSelector('#panel-detail .article-text mark');
  assert.equal(await page.locator('#panel-detail .warn').count(), 0, 'every evidence span matches the text at its byte offsets');
  await shot(page, '05-extracted-event.png');
});

test('Try it: pasting an article shows its events', async () => {
  await ready(page);
  await page.click('#open-try');
  const text = readFileSync(join(root, 'examples', 'articles', 'kaduna-village-attack.txt'), 'utf8');
  await page.fill('#try-form input[name=published]', '2024-09-14');
  await page.fill('#try-form textarea[name=body]', text);
  await page.click('#try-form button[type=submit]');
  const notice = page.locator('#try-result .notice');
  await notice.waitFor({ timeout: 60000 });
  const cls = await notice.getAttribute('class');
  if (cls.includes('ingest-off')) {
    assert.match(await notice.textContent(), /--allow-ingest/);
  } else {
    assert.ok(cls.includes('ok'), `extraction answered: ${await notice.textContent()}`);
    const m = (await notice.textContent()).match(/(\d+) events? found/);
    assert.ok(m, 'the number of events is shown');
    const n = Number(m[1]);
    assert.equal(await page.locator('#try-result .try-event').count(), n);
    if (n > 0) {
      await page.waitForSelector('#try-result .try-detail .article-text mark');
      assert.ok(await page.locator('#try-result .try-detail mark').count() > 0, 'the new events show their evidence');
    }
  }
  await shot(page, '06-try-it.png');
});

test('Try it: a server without --allow-ingest gets a clear message', async () => {
  // The server under test allows ingest; answer this one request as one that does not.
  await page.route('**/api/extract', (route) => route.fulfill({ status: 403, contentType: 'application/json',
    body: JSON.stringify({ error: { status: 403, message: 'ingest is disabled' } }) }));
  await page.click('#try-form button[type=submit]');
  const off = page.locator('#try-result .ingest-off');
  await off.waitFor();
  assert.match(await off.textContent(), /Ingest is off.*--allow-ingest/s);
  await page.unroute('**/api/extract');
  await shot(page, '07-ingest-off.png');
});

// Counts the records of a CSV text (quoted fields may hold newlines).
function csvRecords(text) {
  let n = 0;
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) n++;
  }
  return text.endsWith('\n') ? n : n + 1;
}

test('exports the selection as ACLED CSV and GeoJSON', async () => {
  await ready(page, '/?country=Mali');
  const shown = await page.evaluate(() => window.__sitrep.rowsShown());
  assert.ok(shown > 0, 'events in Mali');
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.match(csvDl.suggestedFilename(), /^sitrep-events-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await csvDl.path(), 'utf8');
  const header = csv.slice(0, csv.indexOf('\r\n')).split(',');
  assert.equal(header[0], 'event_id_cnty');
  assert.equal(header.length, 31, 'ACLED columns');
  assert.equal(csvRecords(csv) - 1, shown, 'one CSV row per event of the selection');
  const countryCol = header.indexOf('country');
  const firstRow = csv.split('\r\n')[1].split(',');
  assert.equal(firstRow[countryCol], 'Mali');
  const [geoDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-geojson')]);
  const geo = JSON.parse(readFileSync(await geoDl.path(), 'utf8'));
  assert.equal(geo.type, 'FeatureCollection');
  assert.equal(geo.features.length, shown, 'one feature per event of the selection');
  assert.ok(geo.features.every((f) => f.properties.country === 'Mali'));
  await page.waitForSelector('#status:not([hidden])');
  assert.match(await page.textContent('#status'), /Exported [\d,]+ events/);
  await shot(page, '08-export.png');
});

// Which element has focus, in words the assertions can read.
const focused = (p) => p.evaluate(() => {
  const a = document.activeElement;
  const style = getComputedStyle(a);
  return { id: a.id, tag: a.tagName, cls: String(a.className), text: (a.textContent || '').trim().slice(0, 60),
    label: a.getAttribute('aria-label') ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}`,
    inTable: !!a.closest('#events-table'), inEvidence: !!a.closest('.field.has-evidence'), inFilters: !!a.closest('#filters'), inMap: !!a.closest('#map') };
});

async function tabTo(p, want, max = 80) {
  const seen = [];
  for (let k = 0; k < max; k++) {
    await p.keyboard.press('Tab');
    const f = await focused(p);
    seen.push(f);
    if (want(f)) return seen;
  }
  assert.fail(`not reached with Tab in ${max} presses: ${seen.map((f) => f.id || f.label || f.text || f.tag).join(' → ')}`);
}

test('keyboard: every event is reachable, with visible focus, in a sensible order', async () => {
  await ready(page);
  await page.evaluate(() => document.activeElement?.blur());
  // The first Tab stops are the skip links, visible when focused.
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.match(f.text, /Skip to the map/);
  const box = await page.locator('a.skip:focus').boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen');
  // Filters, then the map, then the event stepper; the table after them.
  const path = await tabTo(page, (x) => x.id === 'next-event');
  const order = (pred) => path.findIndex(pred);
  assert.ok(order((x) => x.inFilters) >= 0 && order((x) => x.id === 'map') > order((x) => x.inFilters), 'filters before the map');
  assert.ok(order((x) => x.id === 'map') >= 0, 'the map itself takes focus (arrow keys pan it)');
  assert.ok(!path.some((x) => x.inTable), 'the table comes after the map');
  f = await focused(page);
  assert.match(f.outline, /^solid [2-9]/, `focus is visible on the stepper (${f.outline})`);
  // Enter on "Next event" opens the first event of the table's order, then the second.
  const ids = await page.locator('#events-table tbody tr[data-row]').evaluateAll((r) => r.map((x) => x.dataset.eventId));
  await page.keyboard.press('Enter');
  await page.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, ids[0]);
  assert.match(await page.textContent('#nav-info'), /^Event 1 of [\d,]+: /);
  await page.keyboard.press('Enter');
  await page.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, ids[1]);
  assert.equal(await page.getAttribute('#events-table tbody tr.selected', 'data-event-id'), ids[1], 'its table row is selected');
  assert.ok(await page.evaluate((x) => window.__sitrep.markerPoint(x), ids[1]), 'its marker is in view');
  assert.equal((await focused(page)).id, 'next-event', 'focus stays on the stepper');
  // Shift+Tab back to "Previous event".
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).id, 'prev-event');
  await page.keyboard.press('Enter');
  await page.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, ids[0]);
  // On the map, N steps too.
  await page.focus('#map');
  await page.keyboard.press('n');
  await page.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, ids[1]);
  await shot(page, '09-keyboard-stepper.png');
  // The table: Tab reaches a row's button; Enter opens that event and focuses the detail title.
  await tabTo(page, (x) => x.inTable && x.cls.includes('open') && x.text === ids[2], 200);
  assert.match((await focused(page)).outline, /^solid [2-9]/, 'focus is visible on the row button');
  await page.keyboard.press('Enter');
  await page.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, ids[2]);
  await page.waitForFunction(() => document.activeElement?.classList.contains('detail-title'));
  // Into the detail: a focused evidence field lights its span.
  const fields = page.locator('#panel-detail .field.has-evidence');
  if (await fields.count()) {
    await tabTo(page, (x) => x.inEvidence, 60);
    assert.match((await focused(page)).outline, /^solid [2-9]/, 'focus is visible on the field');
    await page.waitForSelector('#panel-detail .article-text mark');
    assert.ok(await page.locator('#panel-detail mark.lit').count() > 0, 'the focused field lights its evidence');
  }
  await shot(page, '10-keyboard-detail.png');
  // Narrow screen: the stepper and the table stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.focus('#next-event');
  await page.keyboard.press('Enter');
  await page.waitForFunction((x) => document.getElementById('panel-detail').dataset.eventId === x, ids[3]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal page scroll on a phone (${overflow}px)`);
  await page.screenshot({ path: join(ART, '11-keyboard-phone.png') });
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('the page asks nothing of the outside world and logs no errors', () => {
  assert.deepEqual(consoleErrors, []);
});

test('100,000 events: first render and filter timings', { skip: !PERF_URL && 'SITREP_PERF_URL not set' }, async () => {
  const p = await newPage(PERF_URL, PERF_ENCODING ? { headers: { 'Accept-Encoding': PERF_ENCODING } } : {});
  const t0 = Date.now();
  await ready(p);
  const wall = Date.now() - t0;
  const m = await p.evaluate(() => ({ ...window.__sitrep.timings, shown: window.__sitrep.rowsShown() }));
  assert.ok(m.shown >= 100000, `all events loaded: ${m.shown}`);
  await shot(p, '12-perf-100k.png');
  const ops = [
    ['country = Mali', { country: 'Mali' }],
    ['type = Battles', { type: 'Battles' }],
    ['date range (brush) 2024-03-01..2024-06-30', { from: '2024-03-01', to: '2024-06-30' }],
    ['min fatalities 5', { min_fatalities: '5' }],
    ['actor contains "Islamic"', { actor: 'Islamic' }],
    ['sort by fatalities', { sort: '-fatalities' }],
    ['clear all filters', { country: '', type: '', from: '', to: '', min_fatalities: '', actor: '', sort: '-date' }],
  ];
  const out = [];
  for (const [name, change] of ops) {
    const ms = await p.evaluate((c) => window.__sitrep.update(c), change);
    // Let the frame paint before the next one.
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    out.push([name, ms, await p.evaluate(() => window.__sitrep.timings.parts)]);
  }
  // The same through the UI: a select change, timed in the page from event to rendered.
  const n0 = await renders(p);
  await p.selectOption('select[name=country]', 'Sudan');
  await waitRender(p, n0);
  out.push(['UI: select country = Sudan', await p.evaluate(() => window.__sitrep.timings.lastFilter)]);
  const n1 = await renders(p);
  const box = await p.locator('#timeline').boundingBox();
  await p.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await p.mouse.down();
  await p.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 4 });
  await p.mouse.up();
  await waitRender(p, n1);
  out.push(['UI: brush on the timeline', await p.evaluate(() => window.__sitrep.timings.lastFilter)]);
  await shot(p, '13-perf-100k-filtered.png');
  const fetches = await p.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => /\/api\/(events|points)/.test(r.name))
    .map((r) => `${(r.responseEnd - r.startTime).toFixed(0)} ms for ${(r.decodedBodySize / 1e6).toFixed(1)} MB`));
  console.log('\n# 100,000 events (synthetic), headless Chromium on this machine');
  console.log(`# Accept-Encoding: ${PERF_ENCODING || 'browser default'}; events fetch: ${fetches.join(', ')}`);
  for (const r of resourceTimings.filter((x) => /\.js$|geojson|api\/(events|points)/.test(x.name))) {
    console.log(`# sample page, browser default encoding: ${r.name} ${r.ms.toFixed(0)} ms (${r.bytes} bytes on the wire, ${r.raw} decoded)`);
  }
  console.log(`# first render: map painted ${m.firstPaint.toFixed(0)} ms, everything ${m.firstRender.toFixed(0)} ms after navigation start ` +
    `(script started ${m.scriptStart.toFixed(0)} ms; data fetch + parse ${m.fetchParse.toFixed(0)} ms); goto→ready ${wall} ms`);
  for (const [name, ms, parts] of out) console.log(`# filter: ${name.padEnd(45)} ${ms.toFixed(1)} ms  ${JSON.stringify(parts)}`);
  await p.context().close();
});
