// Unit tests of the dashboard's pure modules (node --test; no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segments, byteSlice } from '../src/highlight.js';
import { parseState, stateToQuery, apiFilters } from '../src/state.js';
import { fromCompact, fromColumns, filterRows, histogram, sortRows, dayNumber, dayString, dateText } from '../src/data.js';
import { toAcledCsv, toGeoJson, ACLED_COLUMNS, csvField } from '../src/export.js';
import { explain } from '../src/precision.js';

test('evidence byte offsets are UTF-8 bytes, not UTF-16 indices', () => {
  const text = 'MÉNAKA — 12 people were killed in Ménaka 🙂 yesterday';
  const enc = new TextEncoder();
  const b = (s) => enc.encode(s).length;
  const start = b('MÉNAKA — 12 people were killed in ');
  const end = start + b('Ménaka');
  assert.equal(byteSlice(text, start, end), 'Ménaka');
  const segs = segments(text, [{ start, end }, { start: b('MÉNAKA — '), end: b('MÉNAKA — 12') }]);
  assert.equal(segs.map((s) => s.text).join(''), text, 'segments cover the text exactly');
  assert.deepEqual(segs.filter((s) => s.spans.length).map((s) => [s.text, s.spans]), [['12', [1]], ['Ménaka', [0]]]);
});

test('overlapping and malformed spans', () => {
  const segs = segments('abcdef', [{ start: 1, end: 4 }, { start: 2, end: 6 }, { start: 5, end: 2 }, { start: -3, end: 99 }]);
  assert.deepEqual(segs.map((s) => [s.text, s.spans]), [['a', [3]], ['b', [0, 3]], ['cd', [0, 1, 3]], ['ef', [1, 3]]]);
  // A boundary inside a multi-byte character moves to the character's start.
  assert.deepEqual(segments('é', [{ start: 1, end: 2 }]).map((s) => s.text), ['é']);
});

test('URL state round-trips and drops malformed values', () => {
  const s = parseState('?country=Mali&from=2024-01-01&to=bad&min_fatalities=5&sort=-fatalities&page=3&event=ev-1&x=1');
  assert.equal(s.country, 'Mali');
  assert.equal(s.to, '');
  assert.equal(s.page, '3');
  assert.equal(stateToQuery(s), 'country=Mali&from=2024-01-01&min_fatalities=5&sort=-fatalities&page=3&event=ev-1');
  assert.equal(parseState('?sort=drop+table').sort, '-date');
  assert.equal(apiFilters(s).toString(), 'country=Mali&from=2024-01-01&min_fatalities=5');
});

const compact = {
  total: 4,
  columns: ['event_id', 'event_date', 'latitude', 'longitude', 'fatalities', 'event_type', 'sub_event_type', 'country',
    'admin1', 'actor1', 'actor2'],
  rows: [
    ['a', '2024-01-01', 15, 2, 3, 'Battles', 'Armed clash', 'Mali', 'Gao', 'Military Forces of Mali', 'Islamic State Sahel Province'],
    ['b', '2024-01-02', 2, 45, 10, 'Explosions/Remote violence', 'Suicide bomb', 'Somalia', 'Banaadir', 'Al Shabaab', null],
    ['c', '2024-03-01', 16, 0, 0, 'Protests', 'Peaceful protest', 'mali', 'Gao', 'Protesters (Mali)', null],
    ['d', null, null, null, 1, 'Battles', 'Armed clash', '', null, null, null],
  ],
};

test('client-side filters match the API semantics', () => {
  const d = fromCompact(compact);
  const ids = (idx) => Array.from(idx, (i) => d.ids[i]);
  assert.deepEqual(ids(filterRows(d, { country: 'MALI' })), ['a', 'c'], 'country: case-insensitive');
  assert.deepEqual(ids(filterRows(d, { actor: 'islamic' })), ['a'], 'actor: substring of actor1 or actor2');
  assert.deepEqual(ids(filterRows(d, { from: '2024-01-02', to: '2024-02-01' })), ['b'], 'dates inclusive; undated excluded');
  assert.deepEqual(ids(filterRows(d, { min_fatalities: '3' })), ['a', 'b']);
  assert.deepEqual(ids(filterRows(d, { type: 'Battles', sub_type: 'Armed clash' })), ['a', 'd']);
  assert.deepEqual(ids(sortRows(d, filterRows(d, {}), '-fatalities')), ['b', 'a', 'd', 'c']);
});

// The same four events as /api/points answers them.
const columns = {
  total: 4, count: 4,
  event_id: ['a', 'b', 'c', 'd'],
  day: [19723, 19724, 19783, null],
  lat_e5: [1500000, 200000, 1600000, null],
  lon_e5: [200000, 4500000, 0, null],
  fatalities: [3, 10, 0, 1],
  event_type: { values: ['', 'Battles', 'Explosions/Remote violence', 'Protests'], codes: [1, 2, 3, 1] },
  sub_event_type: { values: ['', 'Armed clash', 'Suicide bomb', 'Peaceful protest'], codes: [1, 2, 3, 1] },
  country: { values: ['', 'Mali', 'Somalia', 'mali'], codes: [1, 2, 3, 0] },
  admin1: { values: ['', 'Gao', 'Banaadir'], codes: [1, 2, 1, 0] },
  actor1: { values: ['', 'Military Forces of Mali', 'Al Shabaab', 'Protesters (Mali)'], codes: [1, 2, 3, 0] },
  actor2: { values: ['', 'Islamic State Sahel Province'], codes: [1, 0, 0, 0] },
};

test('/api/points columns give the same dataset as compact rows', () => {
  const a = fromCompact(compact);
  const b = fromColumns(columns);
  assert.equal(b.n, 4);
  assert.deepEqual(Array.from(b.ids), a.ids);
  for (const k of ['day', 'lat', 'lon', 'fat']) assert.deepEqual(Array.from(b[k]), Array.from(a[k]), k);
  for (const k of ['type', 'sub', 'country', 'admin1', 'actor1', 'actor2']) {
    for (let i = 0; i < 4; i++) assert.equal(b[k].values[b[k].codes[i]], a[k].values[a[k].codes[i]], `${k}[${i}]`);
  }
  assert.equal(dateText(b, 0), '2024-01-01');
  assert.equal(dateText(b, 3), '');
  const ids = (d, f) => Array.from(filterRows(d, f), (i) => d.ids[i]);
  for (const f of [{ country: 'MALI' }, { actor: 'islamic' }, { from: '2024-01-02', to: '2024-02-01' }, { min_fatalities: '3' }]) {
    assert.deepEqual(ids(b, f), ids(a, f), JSON.stringify(f));
  }
});

test('histogram bins per day, or per week (from Monday) on long spans', () => {
  const d = fromCompact(compact);
  const h = histogram(d, filterRows(d, {}));
  assert.equal(h.step, 1);
  assert.equal(dayString(h.start), '2024-01-01');
  assert.equal(h.events.reduce((a, b) => a + b), 3);
  const w = histogram(d, filterRows(d, {}), { maxBins: 10 });
  assert.equal(w.step, 7);
  assert.equal(new Date(w.start * 864e5).getUTCDay(), 1, 'weeks start on Monday');
  assert.equal(dayNumber('1970-01-02'), 1);
});

test('ACLED CSV has ACLED columns in order and RFC 4180 quoting', () => {
  const ev = { event_id: 'ev-1', event_date: '2024-09-14', time_precision: 1, event_type: 'Violence against civilians',
    sub_event_type: 'Attack', actor1: 'Unidentified Armed Group (Nigeria)', assoc_actor_1: [], inter1: 3,
    actor2: 'Civilians (Nigeria)', assoc_actor_2: ['Farmers (Nigeria)'], inter2: 7, interaction: 37, country: 'Nigeria',
    admin1: 'Kaduna', admin2: null, location: 'Kurmin Masara', latitude: 9.9, longitude: 8.3, geo_precision: 1,
    doc_ids: ['a-1', 'a-2'], notes: 'Gunmen killed 11 villagers, "officials" said', fatalities: 11 };
  const csv = toAcledCsv([ev]);
  const [head, row] = csv.split('\r\n');
  assert.equal(head.split(',').length, 31);
  assert.equal(head, ACLED_COLUMNS.join(','));
  assert.ok(row.includes('Political violence'));
  assert.ok(row.includes('Civilian targeting'));
  assert.ok(row.includes('"Gunmen killed 11 villagers, ""officials"" said"'));
  assert.ok(row.includes(',a-1; a-2,'));
  assert.equal(csvField('a\nb'), '"a\nb"');
  const g = toGeoJson([ev, { ...ev, event_id: 'ev-2', latitude: null }]);
  assert.deepEqual(g.features[0].geometry.coordinates, [8.3, 9.9]);
  assert.equal(g.features[1].geometry, null);
});

test('precision codes in words', () => {
  assert.match(explain('geo_precision', 3), /province/);
  assert.match(explain('where_prec', 6), /country/);
  assert.match(explain('time_precision', 3), /month/);
  assert.match(explain('date_prec', 2), /2–6 days/);
  assert.equal(explain('interaction', 37), 'Political militias with Civilians');
  assert.equal(explain('notes', 'x'), '');
});
