// The sitrep HTTP API (docs/dashboard.md lists the endpoints). Every call rejects with an
// ApiError carrying the server's {"error": {"status", "message"}} when there is one.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(path, init) {
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `cannot reach the sitrep server (${e.message})`);
  }
  let body = null;
  const text = await res.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const msg = body?.error?.message ?? (text.slice(0, 200) || res.statusText);
    throw new ApiError(res.status, msg);
  }
  if (body === null) throw new ApiError(res.status, 'the server answered with no JSON');
  return body;
}

export const api = {
  // The selection as columns (GET /api/points); 404 on servers older than the route.
  points: (params, signal) => call(`api/points?${new URLSearchParams(params)}`, { signal }),
  eventsCompact: (params, signal) => {
    const p = new URLSearchParams(params);
    p.set('format', 'compact');
    if (!p.has('limit')) p.set('limit', '100000');
    return call(`api/events?${p}`, { signal });
  },
  eventsFull: (params, signal) => {
    const p = new URLSearchParams(params);
    p.set('format', 'full');
    return call(`api/events?${p}`, { signal });
  },
  event: (id) => call(`api/events/${encodeURIComponent(id)}`),
  article: (id) => call(`api/articles/${encodeURIComponent(id)}`),
  stats: (params) => call(`api/stats?${new URLSearchParams(params)}`),
  extract: (body) => call('api/extract', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }),
};
