// Stepping through the events from the keyboard: "Previous event" / "Next event" buttons under the
// map (and N / P while the map has focus) walk the filtered events in the table's order. Each step
// opens the event, rings its marker and selects its table row; a polite live region says which
// event it is, so the map's canvas markers need no focusable element each.

export function createEventNav({ prev, next, info, map, order, current, describe, go }) {
  let busy = false;

  function position() {
    const i = current();
    if (i === null || i === undefined) return -1;
    return order().indexOf(i);
  }

  async function step(delta) {
    const list = order();
    if (busy || !list.length) return;
    const at = position();
    const pos = at < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, at + delta));
    if (pos === at) return;
    busy = true;
    try {
      await go(pos);
    } finally {
      busy = false;
    }
    sync();
  }

  function sync() {
    const list = order();
    const at = position();
    prev.disabled = !list.length || at === 0;
    next.disabled = !list.length || at === list.length - 1;
    info.textContent = at < 0
      ? (list.length ? `${list.length.toLocaleString()} events: step through them from the first.` : 'No events to step through.')
      : `Event ${(at + 1).toLocaleString()} of ${list.length.toLocaleString()}: ${describe(list[at])}`;
  }

  prev.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  map.addEventListener('keydown', (e) => {
    if (e.target !== map || e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key.toLowerCase();
    if (k === 'n' || k === 'p') {
      e.preventDefault();
      step(k === 'n' ? 1 : -1);
    }
  });
  return { sync, step };
}
