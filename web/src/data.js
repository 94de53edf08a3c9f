// The loaded selection as columns (from /api/points, or /api/events?format=compact on a server
// without it), filtered in the browser so that filter and brush interactions need no round trip.
// Free text (q) is always the server's.

const COLUMNS = ['event_id', 'event_date', 'latitude', 'longitude', 'fatalities', 'event_type',
  'sub_event_type', 'country', 'admin1', 'actor1', 'actor2'];

// Days since 1970-01-01 of 'YYYY-MM-DD', or NaN.
export function dayNumber(date) {
  if (!date || date.length < 10) return NaN;
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  return Math.floor(t / 86400000);
}

export function dayString(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

// 'YYYY-MM-DD' of row |i|, or '' when undated.
export function dateText(d, i) {
  return Number.isNaN(d.day[i]) ? '' : dayString(d.day[i]);
}

// Interns strings: returns {codes: Uint16Array|Uint32Array, values: [string]} (code 0 is '').
function intern(rows, col) {
  const map = new Map([['', 0]]);
  const values = [''];
  const codes = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][col] ?? '';
    let c = map.get(v);
    if (c === undefined) {
      c = values.length;
      values.push(v);
      map.set(v, c);
    }
    codes[i] = c;
  }
  return { codes, values };
}

// Builds the columnar dataset from a compact API answer.
export function fromCompact(answer) {
  const cols = answer.columns ?? COLUMNS;
  const at = Object.fromEntries(cols.map((c, i) => [c, i]));
  for (const c of COLUMNS) if (!(c in at)) throw new Error(`compact answer lacks column ${c}`);
  const rows = answer.rows ?? [];
  const n = rows.length;
  const d = {
    n,
    total: answer.total ?? n,
    ids: new Array(n),
    day: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    fat: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    d.ids[i] = String(r[at.event_id]);
    d.day[i] = dayNumber(r[at.event_date]);
    d.lat[i] = r[at.latitude] ?? NaN;
    d.lon[i] = r[at.longitude] ?? NaN;
    d.fat[i] = r[at.fatalities] ?? 0;
  }
  d.type = intern(rows, at.event_type);
  d.sub = intern(rows, at.sub_event_type);
  d.country = intern(rows, at.country);
  d.admin1 = intern(rows, at.admin1);
  d.actor1 = intern(rows, at.actor1);
  d.actor2 = intern(rows, at.actor2);
  return d;
}

// Builds the dataset from a /api/points answer: one array per field, text fields already
// dictionary-coded ({values, codes}, code 0 = ''), days since 1970, coordinates in 1e-5 degrees.
export function fromColumns(answer) {
  const n = answer.count ?? answer.event_id.length;
  const d = {
    n,
    total: answer.total ?? n,
    ids: answer.event_id,
    day: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    fat: Float64Array.from(answer.fatalities),
  };
  const { day, lat_e5: la, lon_e5: lo } = answer;
  for (let i = 0; i < n; i++) {
    d.day[i] = day[i] ?? NaN;
    d.lat[i] = la[i] === null ? NaN : la[i] / 1e5;
    d.lon[i] = lo[i] === null ? NaN : lo[i] / 1e5;
  }
  const dict = (c) => ({ values: c.values, codes: Uint32Array.from(c.codes) });
  d.type = dict(answer.event_type);
  d.sub = dict(answer.sub_event_type);
  d.country = dict(answer.country);
  d.admin1 = dict(answer.admin1);
  d.actor1 = dict(answer.actor1);
  d.actor2 = dict(answer.actor2);
  return d;
}

const lower = (s) => (s || '').toLowerCase();

// Code set of |col| whose value matches |want| case-insensitively (exact), or null for "any".
function codesEqual(col, want) {
  if (!want) return null;
  const w = lower(want);
  const set = new Uint8Array(col.values.length);
  col.values.forEach((v, c) => { if (lower(v) === w) set[c] = 1; });
  return set;
}

function codesContain(col, want) {
  const w = lower(want);
  const set = new Uint8Array(col.values.length);
  col.values.forEach((v, c) => { if (v && lower(v).includes(w)) set[c] = 1; });
  return set;
}

// Returns a Uint32Array of the row indices matching |f| (filters of state.js; q is not applied
// here). |skipDates| leaves the date range out (the timeline shows what the brush would select).
export function filterRows(d, f, { skipDates = false } = {}) {
  const country = codesEqual(d.country, f.country);
  const admin1 = codesEqual(d.admin1, f.admin1);
  const type = codesEqual(d.type, f.type);
  const sub = codesEqual(d.sub, f.sub_type);
  const a1 = f.actor ? codesContain(d.actor1, f.actor) : null;
  const a2 = f.actor ? codesContain(d.actor2, f.actor) : null;
  const from = !skipDates && f.from ? dayNumber(f.from) : -Infinity;
  const to = !skipDates && f.to ? dayNumber(f.to) : Infinity;
  const minF = f.min_fatalities ? Number(f.min_fatalities) : 0;
  const out = new Uint32Array(d.n);
  let k = 0;
  for (let i = 0; i < d.n; i++) {
    if (country && !country[d.country.codes[i]]) continue;
    if (admin1 && !admin1[d.admin1.codes[i]]) continue;
    if (type && !type[d.type.codes[i]]) continue;
    if (sub && !sub[d.sub.codes[i]]) continue;
    if (a1 && !a1[d.actor1.codes[i]] && !a2[d.actor2.codes[i]]) continue;
    if (from !== -Infinity || to !== Infinity) {
      const day = d.day[i];
      if (!(day >= from && day <= to)) continue;
    }
    if (d.fat[i] < minF) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
}

// Returns {start, step, events: Float64Array, fatalities: Float64Array} binned per day, or per
// week (step 7, weeks start on Monday) when the span is long.
export function histogram(d, idx, { maxBins = 200 } = {}) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of idx) {
    const day = d.day[i];
    if (day < lo) lo = day;
    if (day > hi) hi = day;
  }
  if (lo === Infinity) return { start: 0, step: 1, events: new Float64Array(0), fatalities: new Float64Array(0) };
  let step = 1;
  if (hi - lo + 1 > maxBins) {
    step = 7;
    lo -= (lo + 3) % 7; // 1970-01-01 was a Thursday: (day + 3) % 7 == 0 on Mondays
  }
  const bins = Math.floor((hi - lo) / step) + 1;
  const events = new Float64Array(bins);
  const fatalities = new Float64Array(bins);
  for (const i of idx) {
    const day = d.day[i];
    if (Number.isNaN(day)) continue;
    const b = Math.floor((day - lo) / step);
    events[b] += 1;
    fatalities[b] += d.fat[i];
  }
  return { start: lo, step, events, fatalities };
}

// Distinct values of a column among |idx| with counts, most frequent first.
export function countsBy(d, col, idx) {
  const c = d[col];
  const counts = new Float64Array(c.values.length);
  for (const i of idx) counts[c.codes[i]] += 1;
  const out = [];
  counts.forEach((n, code) => { if (n && c.values[code]) out.push({ key: c.values[code], n }); });
  return out.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

const SORT_COLS = {
  date: (d) => (i, j) => d.day[i] - d.day[j] || (d.ids[i] < d.ids[j] ? -1 : d.ids[i] > d.ids[j] ? 1 : 0),
  fatalities: (d) => (i, j) => d.fat[i] - d.fat[j],
  id: (d) => (i, j) => (d.ids[i] < d.ids[j] ? -1 : d.ids[i] > d.ids[j] ? 1 : 0),
  country: (d) => byString(d.country),
  admin1: (d) => byString(d.admin1),
  type: (d) => byString(d.type),
  actor1: (d) => byString(d.actor1),
};

function byString(col) {
  // Rank the interned values once; rows then compare by integer rank.
  const order = col.values.map((v, c) => c).sort((a, b) => col.values[a].localeCompare(col.values[b]));
  const rank = new Uint32Array(col.values.length);
  order.forEach((c, r) => { rank[c] = r; });
  return (i, j) => rank[col.codes[i]] - rank[col.codes[j]];
}

// Returns a sorted copy of |idx| by |sort| ('date', '-fatalities', ...). Ties keep date order.
export function sortRows(d, idx, sort) {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const cmp = (SORT_COLS[key] ?? SORT_COLS.date)(d);
  const out = Array.from(idx);
  out.sort(desc ? (i, j) => cmp(j, i) : cmp);
  return out;
}

export function sum(d, idx) {
  let f = 0;
  for (const i of idx) f += d.fat[i];
  return f;
}
