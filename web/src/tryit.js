// "Try it": POST /api/extract with a pasted article; shows the events found, each openable with
// its evidence highlighted in the returned clean text. A 403 means ingest is off.
import { api } from './api.js';
import { renderEvent, el } from './detail.js';
import { typeColor } from './colors.js';

export function looksLikeHtml(s) {
  return /^\s*</.test(s) && /<\/?[a-z][^>]*>/i.test(s);
}

export function createTryIt(form, out) {
  const today = new Date().toISOString().slice(0, 10);
  if (!form.published.value) form.published.value = today;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = form.body.value;
    const kind = form.kind.value;
    const html = kind === 'html' || (kind === 'auto' && looksLikeHtml(body));
    const req = { published: form.published.value };
    if (html) req.html = body;
    else req.text = body;
    if (form.store.checked) req.store = true;
    const btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    out.replaceChildren(el('p', { class: 'hint' }, 'Extracting…'));
    try {
      const res = await api.extract(req);
      show(res);
    } catch (err) {
      if (err.status === 403) {
        out.replaceChildren(el('div', { class: 'notice ingest-off', role: 'alert' },
          el('strong', {}, 'Ingest is off on this server. '),
          'Extraction from pasted articles works only when sitrep runs with ',
          el('code', {}, 'sitrep serve --allow-ingest'), `. (${err.message})`));
      } else {
        out.replaceChildren(el('div', { class: 'notice error', role: 'alert' },
          el('strong', {}, 'Extraction failed: '), err.message));
      }
    } finally {
      btn.disabled = false;
    }
  });

  function show(res) {
    const events = res.events ?? [];
    const texts = { [String(res.id)]: res.text ?? '' };
    const head = el('div', { class: 'notice ok' },
      el('strong', {}, `${events.length} event${events.length === 1 ? '' : 's'} found`),
      res.title ? ` in “${res.title}”` : '', res.published ? ` (published ${res.published})` : '');
    const list = el('ul', { class: 'try-events' });
    const detail = el('div', { class: 'try-detail' });
    events.forEach((ev, k) => {
      const open = () => {
        // Evidence of an extracted event points into this document's clean text.
        const e2 = { ...ev, doc_ids: ev.doc_ids?.length ? ev.doc_ids : [res.id] };
        for (const x of e2.evidence ?? []) if (x.doc_id === undefined || x.doc_id === null) x.doc_id = res.id;
        const t = { ...texts };
        for (const x of e2.evidence ?? []) if (t[String(x.doc_id)] === undefined) t[String(x.doc_id)] = res.text ?? '';
        renderEvent(detail, e2, { texts: t });
        for (const b of list.querySelectorAll('button')) b.setAttribute('aria-pressed', 'false');
        list.children[k].querySelector('button').setAttribute('aria-pressed', 'true');
      };
      list.append(el('li', {}, el('button', { type: 'button', class: 'try-event', 'aria-pressed': 'false', onclick: open },
        el('i', { class: 'swatch', style: `background:${typeColor(ev.event_type)}` }),
        `${ev.event_date ?? 'undated'} · ${ev.sub_event_type || ev.event_type || 'event'} · ${ev.location || ev.country || 'unplaced'} · ${ev.fatalities ?? 0} killed`)));
    });
    if (!events.length) {
      list.append(el('li', { class: 'hint' }, 'No events in this article (the text was cleaned and read; nothing matched an event).'));
    }
    out.replaceChildren(head, list, detail);
    if (events.length) list.querySelector('button').click();
  }
}
