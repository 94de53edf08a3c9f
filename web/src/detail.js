// Event detail: every field (precision codes in words), the merged sources, and each source's
// text with the evidence spans highlighted. Hovering or focusing a field lights up its spans;
// hovering a span lights up its field.
import { explain } from './precision.js';
import { segments, byteSlice } from './highlight.js';
import { typeColor } from './colors.js';

const el = (tag, props = {}, ...kids) => {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') n.className = v;
    else if (k === 'dataset') Object.assign(n.dataset, v);
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) n.setAttribute(k, v === true ? '' : v);
  }
  for (const c of kids.flat()) if (c !== null && c !== undefined) n.append(c);
  return n;
};
export { el };

// Field groups in reading order; every other field of the event follows under "More".
const GROUPS = [
  ['What', ['event_type', 'sub_event_type', 'notes', 'historical', 'confidence']],
  ['When', ['event_date', 'date_start', 'date_end', 'time_precision', 'date_prec']],
  ['Where', ['country', 'iso3', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geonameid',
    'geo_precision', 'where_prec']],
  ['Who', ['actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
    'side_a', 'side_b', 'named_persons']],
  ['Casualties', ['fatalities', 'deaths_best', 'deaths_low', 'deaths_high', 'deaths_side_a',
    'deaths_side_b', 'deaths_civilians', 'deaths_unknown', 'injured']],
];
const SKIP = new Set(['evidence', 'articles', 'doc_ids', 'event_id']);

// Evidence field names that stand for a displayed field (e.g. "date" evidence backs event_date).
const ALIAS = { date: 'event_date', place: 'location', actor: 'actor1', type: 'event_type',
  sub_type: 'sub_event_type', deaths: 'fatalities', killed: 'fatalities' };
const fieldOf = (f) => ALIAS[f] ?? f;

function fmt(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) {
    if (!v.length) return '—';
    return v.map((x) => (typeof x === 'object' ? Object.values(x).filter(Boolean).join(', ') : String(x))).join('; ');
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function fieldRow(name, value, hasEvidence) {
  const words = explain(name, value);
  // The dt takes focus: the row is display: contents, which leaves it out of the Tab order.
  const row = el('div', { class: `field${hasEvidence ? ' has-evidence' : ''}`, dataset: { field: name },
    title: hasEvidence ? 'Hover or focus to highlight the evidence in the source text' : null },
  el('dt', { tabindex: hasEvidence ? '0' : null }, name),
  el('dd', {}, el('span', { class: 'value' }, fmt(value)),
    words ? el('span', { class: 'explain' }, `${name} ${value}: ${words}`) : null,
    hasEvidence ? el('span', { class: 'ev-badge', 'aria-hidden': 'true' }, 'evidence') : null));
  return row;
}

// Renders |text| with the |evidence| items (of doc |docId|) as <mark>s.
export function highlightedText(text, evidence) {
  const spans = evidence.map((e) => ({ start: e.start, end: e.end }));
  const pre = el('div', { class: 'article-text' });
  for (const seg of segments(text, spans)) {
    if (!seg.spans.length) {
      pre.append(seg.text);
      continue;
    }
    const fields = [...new Set(seg.spans.map((k) => fieldOf(evidence[k].field)))];
    pre.append(el('mark', { dataset: { fields: fields.join(' ') }, title: `evidence for ${fields.join(', ')}` }, seg.text));
  }
  return pre;
}

function evidenceCheck(text, ev) {
  if (typeof ev.text !== 'string' || !ev.text) return true;
  return byteSlice(text, ev.start, ev.end) === ev.text;
}

// Wires hover/focus between field rows and marks inside |root|; |preview(field)| fills the
// panel's sticky evidence preview (so the span is visible next to the field, wherever the
// article text is scrolled).
function wireHighlight(root, preview) {
  const light = (field, on) => {
    preview(on ? field : null);
    for (const m of root.querySelectorAll('mark[data-fields]')) {
      if (m.dataset.fields.split(' ').includes(field)) m.classList.toggle('lit', on);
    }
    for (const f of root.querySelectorAll(`.field[data-field="${CSS.escape(field)}"]`)) f.classList.toggle('lit', on);
  };
  const enter = (e) => {
    const row = e.target.closest?.('.field.has-evidence');
    if (!row) return;
    light(row.dataset.field, true);
    // Scroll each article's own box to its first lit span; never the panel, which would move
    // the field away from under the pointer.
    for (const box of root.querySelectorAll('.article-text')) {
      const m = box.querySelector('mark.lit');
      if (!m) continue;
      const top = m.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 20) box.scrollTop = Math.max(0, top - 40);
    }
  };
  const leave = (e) => {
    const row = e.target.closest?.('.field.has-evidence');
    if (row) light(row.dataset.field, false);
  };
  root.addEventListener('mouseover', enter);
  root.addEventListener('mouseout', leave);
  root.addEventListener('focusin', enter);
  root.addEventListener('focusout', leave);
  root.addEventListener('mouseover', (e) => {
    const m = e.target.closest?.('mark[data-fields]');
    if (m) m.dataset.fields.split(' ').forEach((f) => light(f, true));
  });
  root.addEventListener('mouseout', (e) => {
    const m = e.target.closest?.('mark[data-fields]');
    if (m) m.dataset.fields.split(' ').forEach((f) => light(f, false));
  });
}

// Renders event |ev| into |root|. |loadArticle(id)| returns a promise of the article JSON, or
// |texts| maps doc id → text when the articles are at hand (Try it).
export function renderEvent(root, ev, { loadArticle, texts, onClose } = {}) {
  root.replaceChildren();
  const evidence = Array.isArray(ev.evidence) ? ev.evidence : [];
  const withEv = new Set(evidence.map((e) => fieldOf(e.field)));
  const head = el('div', { class: 'detail-head' },
    el('span', { class: 'type-dot', style: `background:${typeColor(ev.event_type)}`, 'aria-hidden': 'true' }),
    el('div', {},
      el('h2', { class: 'detail-title', tabindex: '-1' }, `${ev.sub_event_type || ev.event_type || 'Event'}${ev.location ? ` in ${ev.location}` : ''}`),
      el('p', { class: 'hint' }, `${ev.event_date ?? 'date unknown'} · ${ev.country ?? ''}${ev.admin1 ? `, ${ev.admin1}` : ''} · `,
        el('strong', {}, `${ev.fatalities ?? 0} fatalities`), ` · id ${ev.event_id}`)),
    onClose ? el('button', { type: 'button', class: 'btn small secondary close', onclick: onClose, 'aria-label': 'Close the event' }, 'Close') : null);
  root.append(head);
  if (evidence.length) {
    root.append(el('p', { class: 'hint' }, 'Fields marked ', el('span', { class: 'ev-badge' }, 'evidence'),
      ' have a source span: hover or focus them (Tab) to light it up in the article text below.'));
  }
  const shown = new Set();
  const fields = el('div', { class: 'fields' });
  for (const [title, names] of GROUPS) {
    const dl = el('dl', {});
    for (const n of names) {
      if (!(n in ev)) continue;
      shown.add(n);
      dl.append(fieldRow(n, ev[n], withEv.has(n)));
    }
    if (dl.childElementCount) fields.append(el('section', { class: 'group' }, el('h3', {}, title), dl));
  }
  const rest = Object.keys(ev).filter((k) => !shown.has(k) && !SKIP.has(k));
  if (rest.length) {
    const dl = el('dl', {});
    for (const n of rest) dl.append(fieldRow(n, ev[n], withEv.has(n)));
    fields.append(el('section', { class: 'group' }, el('h3', {}, 'More'), dl));
  }
  // Evidence for fields not shown above still gets a row to hover.
  const orphan = [...withEv].filter((f) => !(f in ev));
  if (orphan.length) {
    const dl = el('dl', {});
    for (const n of orphan) dl.append(fieldRow(n, evidence.filter((e) => fieldOf(e.field) === n).map((e) => e.text).join(' | '), true));
    fields.append(el('section', { class: 'group' }, el('h3', {}, 'Other evidence'), dl));
  }
  root.append(fields);

  // Sources.
  const articleText = {}; // doc id → text, as loaded
  const docIds = [...new Set([...(ev.doc_ids ?? []), ...evidence.map((e) => e.doc_id)])].map(String);
  const meta = new Map((ev.articles ?? []).map((a) => [String(a.id), a]));
  const sources = el('section', { class: 'sources' }, el('h3', {}, `Sources (${docIds.length})`));
  if (docIds.length > 1) sources.append(el('p', { class: 'hint' }, `This event merges ${docIds.length} reports.`));
  for (const id of docIds) {
    const a = meta.get(id) ?? { id };
    const evs = evidence.filter((e) => String(e.doc_id) === id);
    const box = el('article', { class: 'source', dataset: { doc: id } },
      el('h4', {}, a.title || `Article ${id}`),
      el('p', { class: 'hint' }, [a.published ? `published ${a.published}` : null, `id ${id}`,
        `${evs.length} evidence span${evs.length === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
      a.url ? el('span', {}, ' · ', el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')) : null));
    const body = el('div', { class: 'article-body' }, el('p', { class: 'hint' }, 'Loading the article text…'));
    box.append(body);
    sources.append(box);
    const show = (text) => {
      articleText[id] = text;
      body.replaceChildren(highlightedText(text, evs));
      const bad = evs.filter((e) => !evidenceCheck(text, e));
      if (bad.length) {
        body.prepend(el('p', { class: 'warn' }, `${bad.length} evidence span(s) do not match the text at their offsets.`));
      }
    };
    if (texts && texts[id] !== undefined) show(texts[id]);
    else if (loadArticle) {
      loadArticle(id).then((art) => show(art.text ?? ''), (err) => {
        // Fall back to the snippets the event carries.
        body.replaceChildren(el('p', { class: 'warn' }, `Article text unavailable (${err.message}); evidence snippets:`),
          ...evs.map((e) => el('p', { class: 'snippet' }, e.before ?? '', el('mark', { dataset: { fields: fieldOf(e.field) } }, e.text ?? ''), e.after ?? '')));
      });
    } else body.replaceChildren(el('p', { class: 'hint' }, 'No text for this source.'));
  }
  root.append(sources);
  const box = el('div', { class: 'ev-preview', hidden: true, 'aria-live': 'polite' });
  root.append(box);
  const contextOf = (e) => {
    if (typeof e.before === 'string' || typeof e.after === 'string') return [e.before ?? '', e.after ?? ''];
    const t = (texts && texts[String(e.doc_id)]) ?? articleText[String(e.doc_id)];
    if (typeof t !== 'string') return ['', ''];
    return [byteSlice(t, Math.max(0, e.start - 160), e.start), byteSlice(t, e.end, e.end + 160)];
  };
  wireHighlight(root, (field) => {
    const items = field ? evidence.filter((e) => fieldOf(e.field) === field) : [];
    if (!items.length) {
      box.hidden = true;
      return;
    }
    const e = items[0];
    const [before, after] = contextOf(e);
    const trim = (x, tail) => (x.length > 90 ? (tail ? `…${x.slice(-90)}` : `${x.slice(0, 90)}…`) : x);
    box.replaceChildren(el('strong', {}, `${field}`), ` — ${items.length} span${items.length === 1 ? '' : 's'}` +
      `${docIds.length > 1 ? `, first in ${e.doc_id}` : ''}: `,
    el('q', {}, trim(before.replace(/\s+/g, ' '), true), el('mark', { class: 'lit' }, e.text ?? ''), trim(after.replace(/\s+/g, ' '), false)));
    box.hidden = false;
  });
  return root;
}
