// The timeline: events per day (or week) as bars, fatalities as a line on its own scale, and a
// brush: drag across the chart to set the date range; Escape clears it. Arrow keys move a
// keyboard cursor, Enter/Space starts and ends a brush from the keyboard.
import { dayString } from './data.js';

const PAD = { l: 40, r: 40, t: 8, b: 22 };

export function createTimeline(canvas, { onBrush }) {
  let h = null; // histogram
  let range = null; // [fromDay, toDay] or null
  let drag = null;
  let cursor = null; // bin index under keyboard control
  let keyAnchor = null;

  const binsToX = (b, w) => PAD.l + (b / Math.max(1, h.events.length)) * (w - PAD.l - PAD.r);
  const xToBin = (x, w) => {
    const f = (x - PAD.l) / (w - PAD.l - PAD.r);
    return Math.max(0, Math.min(h.events.length - 1, Math.floor(f * h.events.length)));
  };
  const binDay = (b) => h.start + b * h.step;

  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const ht = canvas.clientHeight;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(ht * dpr);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, ht);
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#44403c';
    if (!h || !h.events.length) {
      ctx.fillText('No dated events in this selection.', PAD.l, ht / 2);
      return;
    }
    const nb = h.events.length;
    let maxE = 1;
    let maxF = 1;
    for (let b = 0; b < nb; b++) {
      maxE = Math.max(maxE, h.events[b]);
      maxF = Math.max(maxF, h.fatalities[b]);
    }
    const y0 = ht - PAD.b;
    const plotH = y0 - PAD.t;
    const bw = (w - PAD.l - PAD.r) / nb;
    // Bars: events.
    ctx.fillStyle = '#5b7c99';
    for (let b = 0; b < nb; b++) {
      const bh = (h.events[b] / maxE) * plotH;
      ctx.fillRect(binsToX(b, w), y0 - bh, Math.max(1, bw - (bw > 3 ? 1 : 0)), bh);
    }
    // Line: fatalities.
    ctx.strokeStyle = '#b91c1c';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let b = 0; b < nb; b++) {
      const x = binsToX(b + 0.5, w);
      const y = y0 - (h.fatalities[b] / maxF) * plotH;
      if (b) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
    }
    ctx.stroke();
    // Axes.
    ctx.fillStyle = '#44403c';
    ctx.textAlign = 'right';
    ctx.fillText(String(maxE), PAD.l - 4, PAD.t + 9);
    ctx.fillText('0', PAD.l - 4, y0);
    ctx.textAlign = 'left';
    ctx.fillStyle = '#991b1b';
    ctx.fillText(String(maxF), w - PAD.r + 4, PAD.t + 9);
    ctx.fillStyle = '#44403c';
    ctx.strokeStyle = '#a8a29e';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(PAD.l, y0 + 0.5);
    ctx.lineTo(w - PAD.r, y0 + 0.5);
    ctx.stroke();
    const ticks = Math.max(2, Math.min(8, Math.floor((w - PAD.l - PAD.r) / 110)));
    ctx.textAlign = 'center';
    for (let k = 0; k <= ticks; k++) {
      const b = Math.round((k / ticks) * (nb - 1));
      ctx.fillText(dayString(binDay(b)), Math.min(w - PAD.r - 30, Math.max(PAD.l + 30, binsToX(b + 0.5, w))), ht - 6);
    }
    // Brush.
    const r = drag ? [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)] : rangeBins();
    if (r) {
      const xa = binsToX(r[0], w);
      const xb = binsToX(r[1] + 1, w);
      ctx.fillStyle = 'rgba(28,25,23,0.28)';
      ctx.fillRect(PAD.l, PAD.t, xa - PAD.l, plotH);
      ctx.fillRect(xb, PAD.t, w - PAD.r - xb, plotH);
      ctx.strokeStyle = '#1c1917';
      ctx.lineWidth = 2;
      ctx.strokeRect(xa, PAD.t + 1, xb - xa, plotH - 1);
    }
    if (cursor !== null && document.activeElement === canvas) {
      const x = binsToX(cursor + 0.5, w);
      ctx.strokeStyle = '#1d4ed8';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, PAD.t);
      ctx.lineTo(x, y0);
      ctx.stroke();
      ctx.fillStyle = '#1d4ed8';
      ctx.textAlign = 'left';
      const label = `${dayString(binDay(cursor))}: ${h.events[cursor]} events, ${h.fatalities[cursor]} killed`;
      ctx.fillText(label, Math.min(x + 4, w - 220), PAD.t + 22);
    }
  }

  function rangeBins() {
    if (!range || !h || !h.events.length) return null;
    const a = Math.max(0, Math.floor((range[0] - h.start) / h.step));
    const b = Math.min(h.events.length - 1, Math.floor((range[1] - h.start) / h.step));
    if (b < 0 || a > h.events.length - 1 || a > b) return null;
    return [a, b];
  }

  function commit(a, b) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    onBrush(dayString(binDay(lo)), dayString(binDay(hi) + h.step - 1));
  }

  const pos = (e) => {
    const r = canvas.getBoundingClientRect();
    return e.clientX - r.left;
  };
  canvas.addEventListener('pointerdown', (e) => {
    if (!h || !h.events.length) return;
    canvas.setPointerCapture(e.pointerId);
    const b = xToBin(pos(e), canvas.clientWidth);
    drag = { a: b, b, x: pos(e) };
    draw();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drag) return;
    drag.b = xToBin(pos(e), canvas.clientWidth);
    draw();
  });
  canvas.addEventListener('pointerup', (e) => {
    if (!drag) return;
    const moved = Math.abs(pos(e) - drag.x) > 3;
    const { a, b } = drag;
    drag = null;
    if (moved) commit(a, b);
    else if (range) onBrush('', ''); // a plain click clears the brush
    else draw();
  });
  canvas.addEventListener('keydown', (e) => {
    if (!h || !h.events.length) return;
    const nb = h.events.length;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = e.shiftKey ? 10 : 1;
      cursor = cursor === null ? 0 : Math.max(0, Math.min(nb - 1, cursor + (e.key === 'ArrowLeft' ? -step : step)));
      e.preventDefault();
      draw();
    } else if (e.key === 'Home' || e.key === 'End') {
      cursor = e.key === 'Home' ? 0 : nb - 1;
      e.preventDefault();
      draw();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (cursor === null) cursor = 0;
      if (keyAnchor === null) {
        keyAnchor = cursor;
      } else {
        const a = keyAnchor;
        keyAnchor = null;
        commit(a, cursor);
      }
    } else if (e.key === 'Escape' && range) {
      onBrush('', '');
    }
  });
  canvas.addEventListener('focus', draw);
  canvas.addEventListener('blur', draw);
  new ResizeObserver(() => draw()).observe(canvas);

  return {
    set(hist, fromDay, toDay) {
      h = hist;
      range = fromDay !== null || toDay !== null ? [fromDay ?? -Infinity, toDay ?? Infinity] : null;
      if (cursor !== null && h && cursor >= h.events.length) cursor = null;
      draw();
    },
  };
}
