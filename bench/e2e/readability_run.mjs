// Runs readability.js (on a linkedom DOM) over a JSON Lines file of {"html": ...} rows and prints
// one line: "<pages> <html bytes> <seconds>". Parse + extraction are timed; file reading is not.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let bytes = 0;
let chars = 0;
const start = process.hrtime.bigint();
for (const row of rows) {
  bytes += Buffer.byteLength(row.html, 'utf8');
  try {
    const { document } = parseHTML(row.html);
    const article = new Readability(document).parse();
    chars += article && article.textContent ? article.textContent.length : 0;
  } catch (e) {
    // A page readability cannot handle still counts as processed.
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${rows.length} ${bytes} ${seconds} ${chars}`);
