// Evidence spans are UTF-8 byte offsets into an article's clean text (event-schema.md §2).
// segments() cuts the text at every span boundary and tells which spans cover each piece, so
// overlapping spans stay visible; the offsets never pass through JS string indices.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

// Returns [{text, spans: [index into |spans|...]}] covering the whole text in order. Spans out
// of range are clamped; empty or inverted spans are ignored. A boundary that falls inside a
// multi-byte character is moved back to the character's first byte.
export function segments(text, spans) {
  const bytes = encoder.encode(text);
  const n = bytes.length;
  const fix = (b) => {
    let x = Math.max(0, Math.min(n, b | 0));
    while (x > 0 && x < n && (bytes[x] & 0xc0) === 0x80) x--;
    return x;
  };
  const live = [];
  spans.forEach((s, i) => {
    const a = fix(s.start);
    const b = fix(s.end);
    if (b > a) live.push({ i, a, b });
  });
  const cuts = new Set([0, n]);
  for (const s of live) {
    cuts.add(s.a);
    cuts.add(s.b);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const cover = live.filter((s) => s.a <= a && s.b >= b).map((s) => s.i);
    out.push({ text: decoder.decode(bytes.subarray(a, b)), spans: cover });
  }
  return out;
}

// Returns the text of bytes [start, end) of |text|.
export function byteSlice(text, start, end) {
  const bytes = encoder.encode(text);
  return decoder.decode(bytes.subarray(Math.max(0, start), Math.min(bytes.length, end)));
}
