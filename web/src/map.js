// The map: Leaflet over an offline basemap (world-atlas countries, Natural Earth provinces from
// public/admin1.geojson; no tile server), events drawn on one canvas. A Leaflet layer per event
// does not stay smooth at 100,000 events, so EventsLayer projects typed arrays itself
// (spherical Mercator, as Leaflet's EPSG:3857), draws one path per (radius, colour) bucket and
// hit-tests clicks by a linear scan over the drawn points (well under a millisecond at 100k).
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';
import { dateText } from './data.js';
import { EVENT_TYPES, TYPE_COLORS, OTHER_COLOR, radiusFor, typeColor } from './colors.js';

const TILE = 256;
const PAD = 0.3; // canvases extend this fraction of the view on each side, so a pan shows no gap

// Sizes and places |c| over the view plus padding; returns its context translated so that
// (0, 0) is the view's top-left corner.
function padCanvas(map, c, padFrac) {
  const size = map.getSize();
  const pad = { x: Math.round(size.x * padFrac), y: Math.round(size.y * padFrac) };
  const dpr = window.devicePixelRatio || 1;
  const w = size.x + 2 * pad.x;
  const h = size.y + 2 * pad.y;
  L.DomUtil.setPosition(c, map.containerPointToLayerPoint([-pad.x, -pad.y]));
  c.width = Math.round(w * dpr);
  c.height = Math.round(h * dpr);
  c.style.width = `${w}px`;
  c.style.height = `${h}px`;
  const ctx = c.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { ctx, size, pad };
}

// A basemap level: every ring of every feature as interleaved Mercator [0, 1] coordinates, with
// the feature's bounding box for culling.
function prepareShapes(geojson) {
  const out = [];
  for (const f of geojson.features) {
    if (f.id === '010' || f.properties?.name === 'Antarctica') continue;
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'MultiPolygon' ? g.coordinates : g.type === 'Polygon' ? [g.coordinates] : [];
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const rings = [];
    for (const poly of polys) {
      for (const ring of poly) {
        const a = new Float64Array(ring.length * 2);
        // Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180: unwrap them
        // so that no edge runs across the whole map.
        let shift = 0;
        let prev = ring[0][0];
        ring.forEach(([lon, lat], k) => {
          if (lon - prev > 180) shift -= 360;
          else if (prev - lon > 180) shift += 360;
          prev = lon;
          const la = Math.max(-85.05, Math.min(85.05, lat));
          const s = Math.sin((la * Math.PI) / 180);
          const x = (lon + shift + 180) / 360;
          const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
          a[2 * k] = x;
          a[2 * k + 1] = y;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        });
        rings.push(a);
      }
    }
    if (rings.length) out.push({ rings, x0, y0, x1, y1 });
  }
  return out;
}

// The offline basemap, drawn on one canvas: land and borders (world-atlas 110m when zoomed out,
// 50m from zoom 3.5) and province lines (Natural Earth admin1) from zoom 4. Vertices closer than
// half a pixel to the previous one are skipped, so a zoomed-out redraw stays cheap.
const BasemapLayer = L.Layer.extend({
  initialize(levels) {
    this._levels = levels; // {coarse, fine, provinces}
  },
  onAdd(map) {
    this._canvas = L.DomUtil.create('canvas', 'basemap-canvas leaflet-zoom-hide');
    map.getPane('basemap').appendChild(this._canvas);
    map.on('moveend resize viewreset', this.redraw, this);
    this.redraw();
  },
  onRemove(map) {
    this._canvas.remove();
    map.off('moveend resize viewreset', this.redraw, this);
  },
  _want(name, load) {
    this._loading ??= {};
    if (this._loading[name]) return;
    this._loading[name] = load().then((shapes) => {
      if (!shapes) return;
      this._levels[name] = shapes;
      this.redraw();
    }, () => {});
  },
  // Starts loading the finer levels in the background (after the first render).
  preload() {
    this._want('fine', this._levels.loadFine);
    this._want('provinces', this._levels.loadProvinces);
  },
  redraw() {
    const map = this._map;
    if (!map) return;
    const t0 = performance.now();
    const { ctx, size, pad } = padCanvas(map, this._canvas, PAD);
    const z = map.getZoom();
    const scale = TILE * 2 ** z;
    const o = map.getPixelBounds().min;
    ctx.translate(pad.x - o.x, pad.y - o.y);
    const vx0 = (o.x - pad.x) / scale, vy0 = (o.y - pad.y) / scale;
    const vx1 = (o.x + size.x + pad.x) / scale, vy1 = (o.y + size.y + pad.y) / scale;
    const path = (shapes) => {
      ctx.beginPath();
      for (const f of shapes) {
        if (f.x1 < vx0 || f.x0 > vx1 || f.y1 < vy0 || f.y0 > vy1) continue;
        for (const a of f.rings) {
          let px = a[0] * scale, py = a[1] * scale;
          ctx.moveTo(px, py);
          for (let k = 2; k < a.length; k += 2) {
            const x = a[k] * scale, y = a[k + 1] * scale;
            if (Math.abs(x - px) + Math.abs(y - py) < 0.7 && k < a.length - 2) continue;
            ctx.lineTo(x, y);
            px = x;
            py = y;
          }
          ctx.closePath();
        }
      }
    };
    const lv = this._levels;
    // The 50m land and the provinces are fetched on first use (they are most of the bytes); until
    // they arrive the coarse land stands in.
    if (z >= 3.5 && !lv.fine) this._want('fine', lv.loadFine);
    if (z >= 4 && !lv.provinces) this._want('provinces', lv.loadProvinces);
    const land = z >= 3.5 && lv.fine ? lv.fine : lv.coarse;
    path(land);
    ctx.fillStyle = '#f3efe6';
    ctx.fill();
    if (z >= 4 && this._levels.provinces) {
      path(this._levels.provinces);
      ctx.setLineDash([3, 3]);
      ctx.strokeStyle = '#a39a8a';
      ctx.lineWidth = 0.6;
      ctx.stroke();
      ctx.setLineDash([]);
    }
    path(land);
    ctx.strokeStyle = '#6f675c';
    ctx.lineWidth = 0.9;
    ctx.stroke();
    this.lastDrawMs = performance.now() - t0;
  },
});

// Mercator position of each event in [0, 1] world units.
function project(d) {
  const mx = new Float64Array(d.n);
  const my = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    const lat = Math.max(-85.05, Math.min(85.05, d.lat[i]));
    mx[i] = (d.lon[i] + 180) / 360;
    const s = Math.sin((lat * Math.PI) / 180);
    my[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }
  return { mx, my };
}

const EventsLayer = L.Layer.extend({
  initialize(onPick) {
    this._onPick = onPick;
    this._d = null;
    this._sel = null;
    this._drawn = { n: 0, x: new Float32Array(0), y: new Float32Array(0), r: new Float32Array(0), i: new Uint32Array(0) };
    this._highlight = null;
  },
  onAdd(map) {
    this._canvas = L.DomUtil.create('canvas', 'events-canvas leaflet-zoom-hide');
    map.getPane('overlayPane').appendChild(this._canvas);
    map.on('moveend resize viewreset', this.redraw, this);
    map.on('click', this._click, this);
    map.on('mousemove', this._hover, this);
    this.redraw();
  },
  onRemove(map) {
    this._canvas.remove();
    map.off('moveend resize viewreset', this.redraw, this);
    map.off('click', this._click, this);
    map.off('mousemove', this._hover, this);
  },
  setData(d) {
    this._d = d;
    const { mx, my } = project(d);
    this._mx = mx;
    this._my = my;
    // Colour of each type code, radius of each event: computed once per dataset.
    this._color = d.type.values.map((t) => typeColor(t));
    this._rad = new Float32Array(d.n);
    for (let i = 0; i < d.n; i++) this._rad[i] = radiusFor(d.fat[i]);
  },
  setSelection(idx, draw = true) {
    this._sel = idx;
    if (draw) this.redraw();
  },
  setHighlight(row) {
    this._highlight = row;
    this.redraw();
  },
  // Container pixel of row |i| (for tests and keyboard focus), or null when off screen.
  pointOf(i) {
    const map = this._map;
    if (!map || !this._d) return null;
    const scale = TILE * 2 ** map.getZoom();
    const o = map.getPixelBounds().min;
    return { x: this._mx[i] * scale - o.x, y: this._my[i] * scale - o.y };
  },
  redraw() {
    const map = this._map;
    if (!map) return;
    const t0 = performance.now();
    const { ctx, size, pad } = padCanvas(map, this._canvas, PAD);
    const d = this._d;
    const sel = this._sel;
    if (!d || !sel) return;
    const scale = TILE * 2 ** map.getZoom();
    const o = map.getPixelBounds().min;
    const n = sel.length;
    ctx.translate(pad.x, pad.y);
    if (this._drawn.x.length < n) {
      this._drawn = { n: 0, x: new Float32Array(n), y: new Float32Array(n), r: new Float32Array(n), i: new Uint32Array(n) };
    }
    const dr = this._drawn;
    // Bucket by (rounded radius, colour): big circles first so small ones stay visible on top.
    const ncol = this._color.length;
    const nb = 24 * ncol;
    const counts = new Uint32Array(nb + 1);
    const keys = new Uint32Array(n);
    let m = 0;
    for (let k = 0; k < n; k++) {
      const i = sel[k];
      const x = this._mx[i] * scale - o.x;
      const y = this._my[i] * scale - o.y;
      if (!(x > -pad.x - 22 && y > -pad.y - 22 && x < size.x + pad.x + 22 && y < size.y + pad.y + 22)) continue;
      const r = this._rad[i];
      dr.x[m] = x;
      dr.y[m] = y;
      dr.r[m] = r;
      dr.i[m] = i;
      const key = (23 - Math.min(23, Math.round(r))) * ncol + d.type.codes[i];
      keys[m] = key;
      counts[key + 1]++;
      m++;
    }
    dr.n = m;
    for (let b = 0; b < nb; b++) counts[b + 1] += counts[b];
    const order = new Uint32Array(m);
    const fill = counts.slice(0, nb);
    for (let k = 0; k < m; k++) order[fill[keys[k]]++] = k;
    ctx.lineWidth = 0.75;
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.globalAlpha = m < 5000 ? 0.8 : 0.6;
    // A circle of the same bucket on the same pixel as one already drawn adds nothing visible:
    // skip it (at world scale most of 100k events share pixels with others). grid[] holds, per
    // pixel of the padded canvas, the stamp of the last bucket drawn there.
    const gw = Math.ceil(size.x + 2 * pad.x + 46);
    const gh = Math.ceil(size.y + 2 * pad.y + 46);
    if (!this._grid || this._grid.length < gw * gh || this._stamp > 4e9) {
      this._grid = new Uint32Array(gw * gh);
      this._stamp = 0;
    }
    const grid = this._grid;
    const ox = pad.x + 22;
    const oy = pad.y + 22;
    for (let b = 0; b < nb; b++) {
      const from = counts[b];
      const to = counts[b + 1];
      if (from === to) continue;
      const stamp = ++this._stamp;
      ctx.fillStyle = this._color[b % ncol];
      ctx.beginPath();
      for (let k = from; k < to; k++) {
        const p = order[k];
        const g = ((dr.y[p] + oy) | 0) * gw + ((dr.x[p] + ox) | 0);
        if (grid[g] === stamp) continue;
        grid[g] = stamp;
        ctx.moveTo(dr.x[p] + dr.r[p], dr.y[p]);
        ctx.arc(dr.x[p], dr.y[p], dr.r[p], 0, 2 * Math.PI);
      }
      ctx.fill();
      if (m < 5000) ctx.stroke(); // outlines help when few; at world scale they only add noise
    }
    ctx.globalAlpha = 1;
    if (this._highlight !== null && this._highlight !== undefined) {
      const i = this._highlight;
      const x = this._mx[i] * scale - o.x;
      const y = this._my[i] * scale - o.y;
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#111';
      ctx.beginPath();
      ctx.arc(x, y, this._rad[i] + 4, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#fff';
      ctx.beginPath();
      ctx.arc(x, y, this._rad[i] + 6, 0, 2 * Math.PI);
      ctx.stroke();
    }
    this.lastDrawMs = performance.now() - t0;
  },
  // Row under container point p (the topmost, i.e. the smallest circle drawn last), or -1.
  rowAt(p) {
    const dr = this._drawn;
    let best = -1;
    let bestR = Infinity;
    let bestD = Infinity;
    for (let k = 0; k < dr.n; k++) {
      const dx = dr.x[k] - p.x;
      const dy = dr.y[k] - p.y;
      const d2 = dx * dx + dy * dy;
      const r = dr.r[k] + 3;
      if (d2 <= r * r && (dr.r[k] < bestR || (dr.r[k] === bestR && d2 < bestD))) {
        best = dr.i[k];
        bestR = dr.r[k];
        bestD = d2;
      }
    }
    return best;
  },
  _click(e) {
    const i = this.rowAt(e.containerPoint);
    if (i >= 0) this._onPick(i);
  },
  _hover(e) {
    if (this._hoverQueued) return;
    this._hoverQueued = true;
    requestAnimationFrame(() => {
      this._hoverQueued = false;
      const i = this.rowAt(e.containerPoint);
      this._map.getContainer().classList.toggle('pointing', i >= 0);
      const tip = this._map.getContainer().querySelector('.map-tip');
      if (!tip) return;
      if (i < 0) {
        tip.hidden = true;
        return;
      }
      const d = this._d;
      tip.textContent = `${dateText(d, i) || 'undated'} · ${d.type.values[d.type.codes[i]] || 'untyped'} · ` +
        `${d.admin1.values[d.admin1.codes[i]] || d.country.values[d.country.codes[i]]} · ${d.fat[i]} killed`;
      tip.style.transform = `translate(${e.containerPoint.x + 12}px, ${e.containerPoint.y + 12}px)`;
      tip.hidden = false;
    });
  },
});

function legendControl(onType) {
  const ctl = L.control({ position: 'bottomright' });
  ctl.onAdd = () => {
    // A <details>, folded on narrow screens so the legend does not hide the map.
    const div = L.DomUtil.create('details', 'legend');
    div.open = window.innerWidth > 700;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    const h = document.createElement('summary');
    h.textContent = 'Legend: event type, fatalities';
    div.append(h);
    const list = document.createElement('ul');
    for (const t of [...EVENT_TYPES, '']) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'legend-item';
      b.dataset.type = t;
      b.title = t ? `Show only ${t}` : 'Other or untyped';
      const sw = document.createElement('i');
      sw.style.background = t ? TYPE_COLORS[t] : OTHER_COLOR;
      b.append(sw, document.createTextNode(t || 'other'));
      if (t) b.addEventListener('click', () => onType(t));
      else b.disabled = true;
      li.append(b);
      list.append(li);
    }
    div.append(list);
    const sz = document.createElement('div');
    sz.className = 'legend-sizes';
    sz.setAttribute('aria-label', 'Circle size: fatalities');
    for (const f of [0, 10, 100]) {
      const r = radiusFor(f);
      const s = document.createElement('span');
      const dot = document.createElement('i');
      dot.style.width = dot.style.height = `${2 * r}px`;
      s.append(dot, document.createTextNode(f === 0 ? '0' : String(f)));
      sz.append(s);
    }
    const cap = document.createElement('span');
    cap.className = 'legend-cap';
    cap.textContent = 'fatalities';
    sz.append(cap);
    div.append(sz);
    return div;
  };
  return ctl;
}

export function createMap(el, { onPick, onType }) {
  const map = L.map(el, {
    preferCanvas: true,
    worldCopyJump: false,
    minZoom: 1,
    maxZoom: 12,
    zoomSnap: 0.5,
    zoomAnimation: false, // both canvases redraw at the new zoom at once
    maxBounds: [[-85, -220], [85, 220]],
    attributionControl: true,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Boundaries: Natural Earth (public domain)');
  map.createPane('basemap').style.zIndex = 250;
  const basemap = new BasemapLayer({
    coarse: prepareShapes(feature(countries110m, countries110m.objects.countries)),
    // (Antarctica is left out: its ring along the pole draws a line across the map's foot.)
    fine: null,
    provinces: null,
    // A separate chunk of the bundle, so that it does not delay the first render.
    loadFine: () => import('world-atlas/countries-50m.json')
      .then((m) => m.default ?? m)
      .then((t) => prepareShapes(feature(t, t.objects.countries))),
    loadProvinces: () => fetch('admin1.geojson')
      .then((r) => (r.ok ? r.json() : null))
      .then((g) => g && prepareShapes(g)),
  });
  basemap.addTo(map);
  map.setView([20, 20], 2);
  const tip = document.createElement('div');
  tip.className = 'map-tip';
  tip.hidden = true;
  el.append(tip);
  const events = new EventsLayer(onPick);
  events.addTo(map);
  legendControl(onType).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  return {
    map,
    events,
    basemap,
    setData(d) {
      events.setData(d);
    },
    setSelection(idx, { draw = true } = {}) {
      events.setSelection(idx, draw);
    },
    highlight(row) {
      events.setHighlight(row);
    },
    // Fits the view to the rows |idx| (a few hundred sampled rows suffice for the bounds).
    fit(d, idx) {
      if (!idx.length) return;
      let s = 90;
      let w = 180;
      let n = -90;
      let e = -180;
      const stride = Math.max(1, Math.floor(idx.length / 5000));
      for (let k = 0; k < idx.length; k += stride) {
        const i = idx[k];
        if (Number.isNaN(d.lat[i])) continue;
        s = Math.min(s, d.lat[i]);
        n = Math.max(n, d.lat[i]);
        w = Math.min(w, d.lon[i]);
        e = Math.max(e, d.lon[i]);
      }
      if (s > n) return;
      map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 7, animate: false });
    },
    pointOf(i) {
      return events.pointOf(i);
    },
    // Called once the first render is done: fetch the finer basemap when the browser is idle.
    idle() {
      (window.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(() => basemap.preload());
    },
    // Pans to row |i| when its marker is outside the view.
    reveal(d, i) {
      if (Number.isNaN(d.lat[i])) return;
      if (!map.getBounds().pad(-0.05).contains([d.lat[i], d.lon[i]])) map.panTo([d.lat[i], d.lon[i]], { animate: false });
    },
  };
}
