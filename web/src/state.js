// The view's state and its URL form: every filter, the table's sort and page and the selected
// event live in the query string, so a view can be shared and is restored on load.

export const FILTER_KEYS = ['country', 'admin1', 'type', 'sub_type', 'actor', 'from', 'to',
  'min_fatalities', 'q'];
const VIEW_KEYS = ['sort', 'page', 'event'];

export function emptyState() {
  return { country: '', admin1: '', type: '', sub_type: '', actor: '', from: '', to: '',
    min_fatalities: '', q: '', sort: '-date', page: '1', event: '' };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SORTS = new Set(['date', '-date', 'fatalities', '-fatalities', 'id', '-id', 'country', '-country',
  'type', '-type', 'admin1', '-admin1', 'actor1', '-actor1']);

// Returns the state in |search| (a query string), ignoring malformed values.
export function parseState(search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const v = p.get(k);
    if (v !== null) s[k] = v.trim();
  }
  if (s.from && !DATE.test(s.from)) s.from = '';
  if (s.to && !DATE.test(s.to)) s.to = '';
  if (s.min_fatalities && !/^\d+$/.test(s.min_fatalities)) s.min_fatalities = '';
  if (!SORTS.has(s.sort)) s.sort = '-date';
  if (!/^[1-9]\d*$/.test(s.page)) s.page = '1';
  return s;
}

// Returns the query string of |s| (without '?'); defaults are left out so URLs stay short.
export function stateToQuery(s) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (s[k]) p.set(k, s[k]);
  if (s.sort && s.sort !== '-date') p.set('sort', s.sort);
  if (s.page && s.page !== '1') p.set('page', s.page);
  if (s.event) p.set('event', s.event);
  return p.toString();
}

// Returns the API query (URLSearchParams) of the filters in |s|, for /api/events and /api/stats.
export function apiFilters(s, keys = FILTER_KEYS) {
  const p = new URLSearchParams();
  for (const k of keys) if (s[k]) p.set(k, s[k]);
  return p;
}
