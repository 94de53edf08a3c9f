// Exports of the current selection, built in the browser from the full event JSON of
// /api/events (the same columns and rules as `sitrep export`, src/store/event_export.cc).

export const ACLED_COLUMNS = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type',
  'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2',
  'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags',
  'timestamp'];

export function csvField(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function disorderType(e) {
  if (e.sub_event_type === 'Excessive force against protesters' || e.sub_event_type === 'Mob violence') {
    return 'Political violence; Demonstrations';
  }
  if (e.event_type === 'Protests' || e.event_type === 'Riots') return 'Demonstrations';
  if (e.event_type === 'Strategic developments') return 'Strategic developments';
  return e.event_type ? 'Political violence' : '';
}

const join = (a) => (Array.isArray(a) ? a.join('; ') : a ?? '');
const num = (v) => (v === null || v === undefined ? '' : String(v));

export function acledRow(e) {
  const dis = disorderType(e);
  const civilian = e.event_type === 'Violence against civilians' ||
    ((e.inter1 === 7 || e.inter2 === 7) && dis.startsWith('Political'));
  return [e.event_id, e.event_date ?? '', (e.event_date ?? '').slice(0, 4), num(e.time_precision), dis,
    e.event_type ?? '', e.sub_event_type ?? '', e.actor1 ?? '', join(e.assoc_actor_1), num(e.inter1),
    e.actor2 ?? '', join(e.assoc_actor_2), num(e.inter2), num(e.interaction),
    civilian ? 'Civilian targeting' : '', '', '', e.country ?? '', e.admin1 ?? '', e.admin2 ?? '', '',
    e.location ?? '', num(e.latitude), num(e.longitude), num(e.geo_precision), join(e.doc_ids), '',
    e.notes ?? '', num(e.fatalities), '', ''];
}

// RFC 4180: CRLF line ends, fields quoted when needed.
export function toAcledCsv(events) {
  const lines = [ACLED_COLUMNS.join(',')];
  for (const e of events) lines.push(acledRow(e).map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

const SCALARS = ['event_id', 'event_type', 'sub_event_type', 'event_date', 'date_start', 'date_end',
  'time_precision', 'date_prec', 'actor1', 'actor2', 'inter1', 'inter2', 'interaction', 'side_a', 'side_b',
  'country', 'iso3', 'admin1', 'admin2', 'location', 'geo_precision', 'where_prec', 'fatalities',
  'deaths_best', 'deaths_low', 'deaths_high', 'injured', 'historical', 'confidence', 'notes'];

// RFC 7946 FeatureCollection; events without coordinates keep "geometry": null.
export function toGeoJson(events) {
  return {
    type: 'FeatureCollection',
    features: events.map((e) => {
      const props = { doc_ids: join(e.doc_ids), assoc_actor_1: join(e.assoc_actor_1),
        assoc_actor_2: join(e.assoc_actor_2) };
      for (const k of SCALARS) props[k] = e[k] ?? null;
      const has = typeof e.latitude === 'number' && typeof e.longitude === 'number';
      return { type: 'Feature', id: e.event_id,
        geometry: has ? { type: 'Point', coordinates: [e.longitude, e.latitude] } : null,
        properties: props };
    }),
  };
}
