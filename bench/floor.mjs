// The floor: what a bare Node.js script takes to read the same ledgers, split them into lines and
// fields and sum the quantities. No validation, no model, no report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (name.endsWith('.ledger')) yield p;
  }
}

let sum = 0;
let lines = 0;
for (const f of files(join(process.argv[2], 'ledgers'))) {
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    const fields = line.split(' ');
    if (fields.length < 4) continue;
    lines++;
    const q = parseFloat(fields[3]);
    if (q === q) sum += q;
  }
}
console.log(lines, sum);
