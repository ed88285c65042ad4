#!/usr/bin/env node
// Generates a data repository with N realistic entries for benchmarks, and beside it
// DIR/ledger-cli.journal holding the same entries for ledger-cli, so that both tools do the same
// work: one dated quantity per entry, totalled per unit, item and month.
//
//   node bench/generate.mjs --entries 1000000 --out /tmp/qd-1m [--years 1] [--units 11] [--seed 1]
//
// The organisation has U units; the checklist of each year is the example's (templates/); entries
// fall on unit items, spread over the year up to 15 December, with quantities in each item's
// measure. Deterministic for a given seed. Committed in a git repository of its own, as a real
// data repository is (the journal is left out of it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
// --members M: M member repositories and an umbrella (issue 12), bench/generate-members.mjs
if (args.members !== undefined) {
  await import('./generate-members.mjs');
  process.exit(0);
}
const N = Number(args.entries ?? 2000);
const out = args.out;
const years = Number(args.years ?? 1);
const unitCount = Number(args.units ?? 11);
let seed = Number(args.seed ?? 1) >>> 0 || 1;
if (!out || !Number.isInteger(N) || N < 1) {
  console.error('usage: node bench/generate.mjs --entries N --out DIR [--years Y] [--units U] [--seed S]');
  process.exit(2);
}

// xorshift32: small, fast, reproducible
function rand() {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];

const lastYear = 2026;
const firstYear = lastYear - years + 1;
const checklistText = readFileSync(join(root, 'templates/checklist-2026.yaml'), 'utf8');
const checklist = parse(checklistText);
const unitItems = checklist.areas
  .flatMap((a) => a.items)
  .filter((i) => i.scope === undefined || i.scope === 'units');

if (existsSync(out)) rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'templates'), { recursive: true });

// organisation
const committee = ['weiyuan1', 'weiyuan2', 'weiyuan3', 'weiyuan4'];
const people = [
  { id: 'wangjianguo', name: '书记', role: 'secretary' },
  ...committee.map((id, i) => ({ id, name: `委员${i + 1}`, role: 'committee' })),
  { id: 'ganshi', name: '干事', role: 'clerk' },
];
const units = [];
for (let u = 1; u <= unitCount; u++) {
  const id = `u${String(u).padStart(3, '0')}`;
  people.push({ id: `k${id}`, name: `科长${u}`, role: 'chief' });
  units.push({ id, name: `第${u}科`, chief: `k${id}`, supervisor: committee[u % committee.length], members: 6, headcount: 8 });
}
const yamlList = (rows) =>
  rows.map((r) => '  - ' + Object.entries(r).map(([k, v]) => `${k}: ${v}`).join('\n    ')).join('\n');
writeFileSync(join(out, 'templates/org.yaml'), `name: 基准测试组织\npeople:\n${yamlList(people)}\nunits:\n${yamlList(units)}\n`);
for (let y = firstYear; y <= lastYear; y++) {
  writeFileSync(
    join(out, `templates/checklist-${y}.yaml`),
    checklistText.replace(/^year: 2026$/m, `year: ${y}`).replace(/2026-(\d\d-\d\d)/g, `${y}-$1`),
  );
}
writeFileSync(join(out, 'qingdan.yaml'), `org: 基准测试组织\nyear: ${lastYear}\nlang: zh\n`);

// entries, in date order per file, as a clerk appends them
const SUFFIX = { 学时: 'h', 篇: '篇', 次: '次', 人次: '人次', 个: '个', 册: '册' };
const LEDGER_UNIT = { 学时: 'h', 篇: 'pc', 次: 'x', 人次: 'px', 个: 'n', 册: 'bk' };
const perYear = Math.ceil(N / years);
const files = new Map();
const journal = [];
let made = 0;
let idCounter = 0;
for (let y = firstYear; y <= lastYear && made < N; y++) {
  const count = Math.min(perYear, N - made);
  // day of year for each entry, sorted so that files are in date order
  const days = new Uint16Array(count);
  for (let i = 0; i < count; i++) days[i] = Math.floor(rand() * 349); // up to 15 December
  days.sort();
  const jan1 = Date.UTC(y, 0, 1);
  for (let i = 0; i < count; i++) {
    const date = new Date(jan1 + days[i] * 86400000).toISOString().slice(0, 10);
    const unit = pick(units);
    const item = pick(unitItems);
    const measure = typeof item.target === 'object' ? item.target.measure : undefined;
    let qty = '';
    let amount = 1;
    if (measure === '学时') {
      amount = (1 + Math.floor(rand() * 8)) / 2;
      qty = `${amount}h`;
    } else if (measure) {
      amount = 1 + Math.floor(rand() * 3);
      qty = `${amount}${SUFFIX[measure]}`;
    }
    const id = (idCounter++).toString(36).padStart(6, '0');
    const line = `${date} ${unit.id} ${item.id}${qty ? ' ' + qty : ''} "${item.title}" by:ganshi id:${id}\n`;
    const file = `ledgers/${y}/${unit.id}.ledger`;
    let chunks = files.get(file);
    if (!chunks) files.set(file, (chunks = []));
    chunks.push(line);
    journal.push(`${date} ${unit.id} ${item.id}\n    (${unit.id}:${item.id})  ${amount} ${measure ? LEDGER_UNIT[measure] : 'n'}\n\n`);
    made++;
  }
}
for (const [file, chunks] of files) {
  mkdirSync(join(out, dirname(file)), { recursive: true });
  writeFileSync(join(out, file), chunks.join(''));
}
writeFileSync(join(out, 'ledger-cli.journal'), journal.join(''));
writeFileSync(join(out, '.gitignore'), 'ledger-cli.journal\n.entries\n');
const git = (...a) => execFileSync('git', a, { cwd: out, stdio: 'ignore' });
git('init', '-q');
git('add', '-A');
git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', `${made} generated entries`);
console.log(`wrote ${made} entries in ${files.size} ledgers to ${out} (and ledger-cli.journal)`);
