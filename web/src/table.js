// The event table: sortable by its column headers (buttons, aria-sort), paged, one real button
// per row that opens the event.
import { typeColor } from './colors.js';
import { dateText } from './data.js';

export const PAGE_SIZE = 25;

const COLS = [
  { key: 'date', label: 'Date', get: (d, i) => dateText(d, i) },
  { key: 'fatalities', label: 'Fatalities', get: (d, i) => d.fat[i], num: true },
  { key: 'country', label: 'Country', get: (d, i) => d.country.values[d.country.codes[i]] },
  { key: 'admin1', label: 'Province', get: (d, i) => d.admin1.values[d.admin1.codes[i]] },
  { key: 'type', label: 'Type', get: (d, i) => d.type.values[d.type.codes[i]] },
  { key: null, label: 'Sub-type', get: (d, i) => d.sub.values[d.sub.codes[i]] },
  { key: 'actor1', label: 'Actor 1', get: (d, i) => d.actor1.values[d.actor1.codes[i]] },
  { key: null, label: 'Actor 2', get: (d, i) => d.actor2.values[d.actor2.codes[i]] },
];

export function createTable(table, { onSort, onOpen }) {
  const thead = table.querySelector('thead');
  const tbody = table.querySelector('tbody');
  let sort = '-date';

  function header() {
    const tr = document.createElement('tr');
    const th0 = document.createElement('th');
    th0.scope = 'col';
    th0.textContent = 'Event';
    tr.append(th0);
    for (const c of COLS) {
      const th = document.createElement('th');
      th.scope = 'col';
      if (c.num) th.className = 'num';
      if (!c.key) {
        th.textContent = c.label;
      } else {
        const active = sort === c.key || sort === `-${c.key}`;
        const desc = sort === `-${c.key}`;
        th.setAttribute('aria-sort', active ? (desc ? 'descending' : 'ascending') : 'none');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'sort';
        b.textContent = c.label;
        const arrow = document.createElement('span');
        arrow.setAttribute('aria-hidden', 'true');
        arrow.textContent = active ? (desc ? ' ▼' : ' ▲') : ' ↕';
        b.append(arrow);
        b.addEventListener('click', () => {
          // First click sorts numbers and dates descending, text ascending; the next click flips.
          const first = c.num || c.key === 'date' ? `-${c.key}` : c.key;
          const flip = sort.startsWith('-') ? sort.slice(1) : `-${sort}`;
          onSort(active ? flip : first);
        });
        th.append(b);
      }
      tr.append(th);
    }
    thead.replaceChildren(tr);
  }

  return {
    render(d, rows, page, selectedRow) {
      header();
      const frag = document.createDocumentFragment();
      const start = (page - 1) * PAGE_SIZE;
      for (const i of rows.slice(start, start + PAGE_SIZE)) {
        const tr = document.createElement('tr');
        tr.dataset.row = String(i);
        tr.dataset.eventId = d.ids[i];
        if (i === selectedRow) tr.className = 'selected';
        const td0 = document.createElement('td');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'open';
        b.textContent = d.ids[i];
        b.setAttribute('aria-label', `Open event ${d.ids[i]}`);
        b.addEventListener('click', () => onOpen(i));
        td0.append(b);
        tr.append(td0);
        for (const c of COLS) {
          const td = document.createElement('td');
          const v = c.get(d, i);
          if (c.num) td.className = 'num';
          if (c.key === 'type' && v) {
            const sw = document.createElement('i');
            sw.className = 'swatch';
            sw.style.background = typeColor(v);
            td.append(sw);
          }
          td.append(v === '' || v === undefined ? '—' : String(v));
          tr.append(td);
        }
        tr.addEventListener('click', (e) => {
          if (e.target.closest('button')) return;
          onOpen(i);
        });
        frag.append(tr);
      }
      if (!rows.length) {
        const tr = document.createElement('tr');
        const td = document.createElement('td');
        td.colSpan = COLS.length + 1;
        td.className = 'empty';
        td.textContent = 'No events match these filters.';
        tr.append(td);
        frag.append(tr);
      }
      tbody.replaceChildren(frag);
    },
    setSort(s) {
      sort = s;
    },
  };
}
