// The dashboard: loads the selection once as columns (/api/points), filters it in the browser on
// every interaction, and keeps the URL in step with the view. The first render paints the map
// first; the timeline, table and filter options follow in the next task.
import './style.css';
import { api } from './api.js';
import { parseState, stateToQuery, apiFilters, emptyState, FILTER_KEYS } from './state.js';
import { fromCompact, fromColumns, filterRows, histogram, countsBy, sortRows, sum, dayNumber, dateText } from './data.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { createTable, PAGE_SIZE } from './table.js';
import { createEventNav } from './nav.js';
import { renderEvent } from './detail.js';
import { createTryIt } from './tryit.js';
import { toAcledCsv, toGeoJson } from './export.js';
import { EVENT_TYPES, SUB_TYPES } from './colors.js';

const LIMIT = 100000;
const $ = (id) => document.getElementById(id);

let state = parseState(location.search);
let data = null; // columnar dataset
let loadedFor = null; // the server-side query the dataset answers
let complete = true; // the dataset holds every event of that query
let rows = new Uint32Array(0); // filtered row indices (all filters)
let sorted = [];
let selectedRow = null;
let articleCount = null;
const timings = { scriptStart: performance.now(), firstPaint: null, firstRender: null, lastFilter: null, lastLoad: null, fetchParse: null, renders: 0 };
let pointsRoute = null; // does the server have /api/points? (null: not asked yet)

// The dataset of server-side query |q|: /api/points, or the compact rows of /api/events on an
// older server.
async function fetchData(q) {
  const p = new URLSearchParams(q);
  p.set('limit', String(LIMIT));
  if (pointsRoute !== false) {
    try {
      const ans = await api.points(p);
      pointsRoute = true;
      return fromColumns(ans);
    } catch (err) {
      if (err.status !== 404) throw err;
      pointsRoute = false;
    }
  }
  return fromCompact(await api.eventsCompact(p));
}

// Ask for the events first: the answer is the long pole of the first render.
let prefetch = { query: apiFilters(state, ['q']).toString() };
prefetch.answer = fetchData(prefetch.query);
prefetch.answer.catch(() => {});

const filtersForm = $('filters');
const status = $('status');
const mapView = createMap($('map'), {
  onPick: (i) => openRow(i),
  onType: (t) => update({ type: state.type === t ? '' : t, sub_type: '' }),
});
const timeline = createTimeline($('timeline'), {
  onBrush: (from, to) => update({ from, to }),
});
const table = createTable($('events-table'), {
  onSort: (s) => update({ sort: s, page: '1' }, { keepView: true }),
  onOpen: (i) => openRow(i, { focus: true }),
});
createTryIt($('try-form'), $('try-result'));
// Keyboard (and screen-reader) access to the events on the map: step through them in the table's
// order; each step opens the event, shows its marker and its table row.
const nav = createEventNav({
  prev: $('prev-event'),
  next: $('next-event'),
  info: $('nav-info'),
  map: $('map'),
  order: () => sorted,
  current: () => selectedRow,
  describe: (i) => `${dateText(data, i) || 'undated'} · ${data.type.values[data.type.codes[i]] || 'untyped'} · ` +
    `${[data.admin1.values[data.admin1.codes[i]], data.country.values[data.country.codes[i]]].filter(Boolean).join(', ') || 'unplaced'} · ` +
    `${data.fat[i].toLocaleString()} fatalities`,
  go: async (pos) => {
    const page = Math.floor(pos / PAGE_SIZE) + 1;
    if (String(page) !== state.page) await update({ page: String(page) }, { keepView: true });
    await openRow(sorted[pos]);
  },
});

function setStatus(msg, kind = 'info') {
  status.hidden = !msg;
  status.className = `status ${kind}`;
  status.textContent = msg ?? '';
}

// Which filters the server must apply: free text always; everything when the selection would
// exceed what one compact answer holds.
function serverQuery(s) {
  const keys = complete ? ['q'] : FILTER_KEYS;
  return apiFilters(s, keys).toString();
}

async function load() {
  const t0 = performance.now();
  let q = serverQuery(state);
  setStatus('Loading events…');
  try {
    const early = prefetch && prefetch.query === q ? prefetch.answer : null;
    prefetch = null;
    let d = await (early ?? fetchData(q));
    if (d.total > d.n && complete) {
      // More events than one answer holds: let the server filter and reload.
      complete = false;
      q = serverQuery(state);
      d = await fetchData(q);
    }
    data = d;
    timings.fetchParse = performance.now() - t0;
    loadedFor = q;
    mapView.setData(data);
    timings.lastLoad = performance.now() - t0;
    if (data.total > data.n) {
      setStatus(`Showing ${data.n.toLocaleString()} of ${data.total.toLocaleString()} events: narrow the filters to see the rest.`, 'warn');
    } else setStatus('');
  } catch (err) {
    setStatus(`Could not load events: ${err.message}`, 'error');
    data = fromCompact({ total: 0, rows: [] });
    mapView.setData(data);
  }
}

function fillSelect(sel, items, current, allLabel) {
  const opts = [new Option(allLabel, '')];
  for (const { key, n } of items) opts.push(new Option(n === undefined ? key : `${key} (${n.toLocaleString()})`, key));
  if (current && !items.some((x) => x.key.toLowerCase() === current.toLowerCase())) opts.push(new Option(`${current} (0)`, current));
  sel.replaceChildren(...opts);
  sel.value = items.find((x) => x.key.toLowerCase() === current.toLowerCase())?.key ?? current;
}

// Options of each select count the events that the other filters leave.
function refreshOptions() {
  const f = filtersForm.elements;
  const without = (...keys) => {
    const s = { ...state };
    for (const k of keys) s[k] = '';
    return filterRows(data, s);
  };
  fillSelect(f.country, countsBy(data, 'country', without('country', 'admin1')), state.country, 'All countries');
  fillSelect(f.admin1, countsBy(data, 'admin1', without('admin1')), state.admin1, 'All provinces');
  const types = countsBy(data, 'type', without('type', 'sub_type'));
  for (const t of EVENT_TYPES) if (!types.some((x) => x.key === t)) types.push({ key: t, n: 0 });
  fillSelect(f.type, types, state.type, 'All types');
  const subs = countsBy(data, 'sub', without('sub_type'));
  for (const s of SUB_TYPES[state.type] ?? []) if (!subs.some((x) => x.key === s)) subs.push({ key: s, n: 0 });
  fillSelect(f.sub_type, subs, state.sub_type, 'All sub-types');
  const actors = [...countsBy(data, 'actor1', rows), ...countsBy(data, 'actor2', rows)];
  const names = [...new Set(actors.map((a) => a.key))].slice(0, 300);
  $('actor-list').replaceChildren(...names.map((a) => new Option(a)));
  for (const k of ['actor', 'from', 'to', 'min_fatalities', 'q']) if (f[k].value !== state[k]) f[k].value = state[k];
}

// The map's part of a render: the filtered rows, the events canvas, the view and the counts.
function renderMap({ fit = false } = {}) {
  rows = filterRows(data, state);
  mapView.setSelection(rows, { draw: !fit });
  if (fit) mapView.fit(data, rows.length ? rows : filterRows(data, emptyState()));
  renderCounts();
}

function renderCounts() {
  const fat = sum(data, rows);
  $('table-count').textContent = `${rows.length.toLocaleString()} events · ${fat.toLocaleString()} fatalities`;
  $('summary').textContent = `${rows.length.toLocaleString()} of ${data.total.toLocaleString()} events · ` +
    `${fat.toLocaleString()} fatalities${articleCount !== null ? ` · ${articleCount.toLocaleString()} articles stored` : ''}`;
}

function render({ fit = false, map = true } = {}) {
  const parts = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    parts[name] = +(now - t).toFixed(1);
    t = now;
  };
  rows = filterRows(data, state);
  lap('filter');
  sorted = sortRows(data, rows, state.sort);
  lap('sort');
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(Number(state.page) || 1, pages);
  state.page = String(page);
  if (map) {
    // fit() moves the map, and the move redraws the events.
    mapView.setSelection(rows, { draw: !fit });
    if (fit) mapView.fit(data, rows.length ? rows : filterRows(data, emptyState()));
  }
  lap('map');
  parts.eventsDraw = +(mapView.events.lastDrawMs ?? 0).toFixed(1); // the latest redraws, for diagnosis
  parts.basemapDraw = +(mapView.basemap.lastDrawMs ?? 0).toFixed(1);
  const noDates = filterRows(data, state, { skipDates: true });
  timeline.set(histogram(data, noDates), state.from ? dayNumber(state.from) : null, state.to ? dayNumber(state.to) : null);
  $('clear-brush').hidden = !(state.from || state.to);
  lap('timeline');
  table.setSort(state.sort);
  table.render(data, sorted, page, selectedRow);
  $('page-info').textContent = `Page ${page} of ${pages}`;
  $('prev-page').disabled = page <= 1;
  $('next-page').disabled = page >= pages;
  renderCounts();
  nav.sync();
  lap('table');
  refreshOptions();
  lap('options');
  timings.parts = parts;
  document.body.dataset.renders = String(++timings.renders);
}

function writeUrl(push) {
  const q = stateToQuery(state);
  const url = `${location.pathname}${q ? `?${q}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

// Applies a change of state: reloads from the server only when the server-side query changed.
async function update(change, { keepView = false, push = true } = {}) {
  const t0 = performance.now();
  const before = state;
  state = { ...state, ...change };
  if (!('page' in change)) state.page = '1';
  if ('country' in change && change.country !== before.country && !('admin1' in change)) state.admin1 = '';
  if ('type' in change && change.type !== before.type && !('sub_type' in change)) state.sub_type = '';
  writeUrl(push);
  if (serverQuery(state) !== loadedFor) await load();
  const fit = !keepView && (state.country !== before.country || state.admin1 !== before.admin1);
  render({ fit });
  timings.lastFilter = performance.now() - t0;
  return timings.lastFilter;
}

async function openRow(i, { focus = false } = {}) {
  selectedRow = i;
  mapView.reveal(data, i);
  mapView.highlight(i);
  for (const tr of document.querySelectorAll('#events-table tbody tr')) tr.classList.toggle('selected', tr.dataset.row === String(i));
  nav.sync();
  await openEvent(data.ids[i], { focus });
}

async function openEvent(id, { focus = false } = {}) {
  state.event = id;
  writeUrl(false);
  selectTab('detail');
  const panel = $('panel-detail');
  panel.replaceChildren(Object.assign(document.createElement('p'), { className: 'hint', textContent: `Loading event ${id}…` }));
  try {
    const ev = await api.event(id);
    if (state.event !== id) return;
    renderEvent(panel, ev, { loadArticle: (a) => api.article(a), onClose: closeEvent });
    panel.dataset.eventId = id;
    if (focus) panel.querySelector('.detail-title')?.focus();
  } catch (err) {
    panel.replaceChildren(Object.assign(document.createElement('p'), { className: 'notice error', textContent: `Could not load event ${id}: ${err.message}` }));
  }
}

function closeEvent() {
  state.event = '';
  selectedRow = null;
  mapView.highlight(null);
  writeUrl(false);
  $('panel-detail').replaceChildren(Object.assign(document.createElement('p'), { className: 'empty',
    textContent: 'Select an event on the map or in the table to see every field, its sources, and the evidence behind it.' }));
  for (const tr of document.querySelectorAll('#events-table tr.selected')) tr.classList.remove('selected');
  nav.sync();
}

function selectTab(which) {
  for (const [tab, panel] of [['tab-detail', 'panel-detail'], ['tab-try', 'panel-try']]) {
    const on = tab === `tab-${which}`;
    $(tab).setAttribute('aria-selected', String(on));
    $(tab).tabIndex = on ? 0 : -1;
    $(panel).hidden = !on;
  }
}

// Filter form: selects apply at once; text fields on Enter / Apply or after a pause.
filtersForm.addEventListener('change', (e) => {
  const name = e.target.name;
  if (!name || !(name in state)) return;
  update({ [name]: e.target.value.trim() });
});
let typing = null;
filtersForm.addEventListener('input', (e) => {
  const name = e.target.name;
  if (!['actor', 'q', 'min_fatalities'].includes(name)) return;
  clearTimeout(typing);
  typing = setTimeout(() => {
    if (e.target.value.trim() !== state[name]) update({ [name]: e.target.value.trim() });
  }, 400);
});
filtersForm.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(typing);
  const f = filtersForm.elements;
  const change = {};
  for (const k of FILTER_KEYS) change[k] = (f[k].value ?? '').trim();
  update(change);
});
$('clear-filters').addEventListener('click', () => {
  const change = {};
  for (const k of FILTER_KEYS) change[k] = '';
  update(change);
});
$('clear-brush').addEventListener('click', () => update({ from: '', to: '' }));
$('prev-page').addEventListener('click', () => update({ page: String(Number(state.page) - 1) }, { keepView: true }));
$('next-page').addEventListener('click', () => update({ page: String(Number(state.page) + 1) }, { keepView: true }));
$('open-try').addEventListener('click', () => {
  selectTab('try');
  $('try-form').body.focus();
});
$('tab-detail').addEventListener('click', () => selectTab('detail'));
$('tab-try').addEventListener('click', () => selectTab('try'));
document.querySelector('.tabs').addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const next = document.activeElement === $('tab-detail') ? 'try' : 'detail';
  selectTab(next);
  $(`tab-${next}`).focus();
});
window.addEventListener('popstate', async () => {
  const s = parseState(location.search);
  await update(s, { push: false });
  if (s.event && s.event !== $('panel-detail').dataset.eventId) openEvent(s.event);
});

// Export: the full event JSON of the current selection, page by page, through /api/events.
async function fetchSelection() {
  const p = apiFilters(state);
  const out = [];
  const page = 2000;
  for (let offset = 0; ; offset += page) {
    p.set('limit', String(page));
    p.set('offset', String(offset));
    p.set('sort', 'date');
    const ans = await api.eventsFull(p);
    out.push(...ans.events);
    setStatus(`Preparing the export: ${out.length.toLocaleString()} of ${ans.total.toLocaleString()} events…`);
    if (!ans.events.length || out.length >= ans.total) break;
  }
  return out;
}

function download(name, type, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

async function exportAs(kind) {
  try {
    const events = await fetchSelection();
    const stamp = new Date().toISOString().slice(0, 10);
    if (kind === 'csv') download(`sitrep-events-${stamp}.csv`, 'text/csv', toAcledCsv(events));
    else download(`sitrep-events-${stamp}.geojson`, 'application/geo+json', JSON.stringify(toGeoJson(events)));
    setStatus(`Exported ${events.length.toLocaleString()} events.`);
    setTimeout(() => setStatus(''), 4000);
  } catch (err) {
    setStatus(`Export failed: ${err.message}`, 'error');
  }
}
$('export-csv').addEventListener('click', () => exportAs('csv'));
$('export-geojson').addEventListener('click', () => exportAs('geojson'));

// Hooks for the browser tests (and the console): timings and marker positions.
window.__sitrep = {
  timings,
  state: () => ({ ...state }),
  rowsShown: () => rows.length,
  update,
  rowOf: (id) => (data ? data.ids.indexOf(id) : -1),
  // Page coordinates of event |id|'s marker, or null when it is not on screen.
  markerPoint(id) {
    const i = data ? data.ids.indexOf(id) : -1;
    if (i < 0) return null;
    const p = mapView.pointOf(i);
    const r = $('map').getBoundingClientRect();
    if (!p || p.x < 0 || p.y < 0 || p.x > r.width || p.y > r.height) return null;
    return { x: r.left + p.x, y: r.top + p.y };
  },
};

async function start() {
  api.stats(new URLSearchParams()).then((s) => {
    articleCount = s.articles ?? null;
    if (data) render();
  }, () => {});
  await load();
  // The map first; the rest once it is on screen.
  renderMap({ fit: true });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  timings.firstPaint = performance.now();
  render({ map: false });
  timings.firstRender = performance.now();
  document.body.dataset.ready = 'true';
  mapView.idle();
  if (state.event) {
    const i = data.ids.indexOf(state.event);
    if (i >= 0) openRow(i);
    else openEvent(state.event);
  }
}
start();
