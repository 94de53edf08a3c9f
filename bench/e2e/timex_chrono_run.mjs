// chrono-node over timex-dev documents: prints
// "docs cpu_seconds wall_seconds passes gold predicted value_tp relaxed_tp".
// Usage: node timex_chrono_run.mjs <timex-dev.jsonl> [min_seconds]
//
// Timing: one untimed warm-up pass over all documents (JIT), then whole passes of the
// chrono.parse loop until at least `min_seconds` (default 1) of process CPU time have been
// spent (and at least 3 passes); docs = documents × passes. CPU time (process.cpuUsage) is the
// primary number because the machine is shared; wall time is printed too. File reading and
// scoring are outside the timed loop. Scoring (first pass) is sitrep's timex metric
// (../shared/eval/README.md): a gold span is matched
// by an overlapping predicted span, value F1 counts matches with an equal value; F1 =
// 2·TP/(gold + predicted). Offsets: chrono reports UTF-16 indices, gold uses code points.
//
// Mapping chrono results to TIMEX3 values, at the precision chrono knows:
//   the day is known (or a weekday, which fixes the day)  → "YYYY-MM-DD", plus "THH:MM" when the
//                                                            hour is known too (a TIME);
//   else the month is known                                → "YYYY-MM";
//   else the year is known                                 → "YYYY";
//   else (only a time of day)                              → the reference day with "THH:MM".
// Implied (defaulted) parts are filled from the reference date, which is the gold `dct`.
// chrono has no durations, sets or PAST_REF/PRESENT_REF values; its spans count as predictions
// like any other.
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const [file, minArg] = process.argv.slice(2);
const minSeconds = Number(minArg || 1);
const docs = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

function refDate(dct) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(dct || "");
  if (!m) return new Date();
  return new Date(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 12, m[5] ? +m[5] : 0);
}

const pad = (n, w = 2) => String(n).padStart(w, "0");
function timexValue(c) {
  const y = c.get("year"), mo = c.get("month"), d = c.get("day");
  const dayKnown = c.isCertain("day") || c.isCertain("weekday");
  const hour = c.isCertain("hour") ? `T${pad(c.get("hour"))}:${pad(c.get("minute") || 0)}` : "";
  if (dayKnown) return `${pad(y, 4)}-${pad(mo)}-${pad(d)}${hour}`;
  if (c.isCertain("month")) return `${pad(y, 4)}-${pad(mo)}`;
  if (c.isCertain("year")) return pad(y, 4);
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}${hour}`;
}

// UTF-16 index → code point index.
function cpIndex(text) {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) map[++i] = cp;
    cp++;
  }
  map[text.length] = cp;
  return map;
}

// Reference dates are computed once, outside the timed loop, as sitrep's side gets its anchor
// string ready-made.
const refs = docs.map((doc) => refDate(doc.dct));
const results = docs.map((doc, k) => chrono.parse(doc.text, refs[k]));  // warm-up + scoring
let passes = 0, cpu = 0, wall = 0;
while (passes < 3 || cpu < minSeconds) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < docs.length; k++) chrono.parse(docs[k].text, refs[k]);
  wall += Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  cpu += (c.user + c.system) / 1e6;
  passes++;
}

let gold = 0, predicted = 0, valueTp = 0, relaxedTp = 0;
docs.forEach((doc, k) => {
  const map = cpIndex(doc.text);
  const preds = results[k].map((p) => ({
    start: map[p.index], end: map[p.index + p.text.length], value: timexValue(p.start),
  }));
  predicted += preds.length;
  for (const g of doc.gold || []) {
    gold++;
    const over = preds.filter((p) => p.start < g.end && g.start < p.end);
    if (over.length) relaxedTp++;
    if (over.some((p) => p.value === g.value)) valueTp++;
  }
});
console.log(`${docs.length * passes} ${cpu} ${wall} ${passes} ${gold} ${predicted} ${valueTp} ${relaxedTp}`);
