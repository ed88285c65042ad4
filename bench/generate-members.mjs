// `node bench/generate.mjs --members M --entries N --out DIR` (issue 12): M member data
// repositories DIR/members/mNNN, each with N entries of 2026 and a realistic history — a commit per
// recording day, as `qingdan record` makes them — an umbrella DIR/umbrella listing them (URLs
// git://127.0.0.1:PORT/mNNN, the port given by --port, default 9418, for a `git daemon
// --base-path=DIR/members`), and DIR/ledger-cli.journal with every member's entries.
//
// A member that records 20 000 entries a year keeps a ledger per section per month
// (ledgers/2026/u001-03.ledger): each day's commit then appends to a few small files, as the audit
// reads each changed version whole. Histories are written with `git fast-import` (one process a
// member), deterministic for a given seed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const M = Number(args.members);
const N = Number(args.entries ?? 20000);
const out = args.out;
const port = Number(args.port ?? 9418);
const unitCount = Number(args.units ?? 11);
let seed = Number(args.seed ?? 1) >>> 0 || 1;
if (!out || !Number.isInteger(M) || M < 1 || !Number.isInteger(N) || N < 1) {
  console.error('usage: node bench/generate.mjs --members M --entries N --out DIR [--port P] [--units U] [--seed S]');
  process.exit(2);
}

function rand() {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];

const year = 2026;
const checklistText = readFileSync(join(root, 'templates/checklist-2026.yaml'), 'utf8');
const checklist = parse(checklistText);
const unitItems = checklist.areas.flatMap((a) => a.items).filter((i) => i.scope === undefined || i.scope === 'units');
const SUFFIX = { 学时: 'h', 篇: '篇', 次: '次', 人次: '人次', 个: '个', 册: '册' };
const LEDGER_UNIT = { 学时: 'h', 篇: 'pc', 次: 'x', 人次: 'px', 个: 'n', 册: 'bk' };

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
const yamlList = (rows) => rows.map((r) => '  - ' + Object.entries(r).map(([k, v]) => `${k}: ${v}`).join('\n    ')).join('\n');
const orgText = (name) => `name: ${name}\npeople:\n${yamlList(people)}\nunits:\n${yamlList(units)}\n`;

if (existsSync(out)) rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'members'), { recursive: true });
const journal = createWriteStream(join(out, 'ledger-cli.journal'));
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

const data = (text) => {
  const b = Buffer.from(text, 'utf8');
  return `data ${b.length}\n${text}\n`;
};

async function member(k) {
  const id = `m${String(k).padStart(3, '0')}`;
  const dir = join(out, 'members', id);
  execFileSync('git', ['init', '-q', '--bare', dir], { env });
  const fi = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, env, stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise((res, rej) => fi.on('exit', (c) => (c === 0 ? res() : rej(new Error(`fast-import ${id}: ${c}`)))));
  const write = (s) => (fi.stdin.write(s) ? undefined : new Promise((r) => fi.stdin.once('drain', r)));
  const when = (date) => `${Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), 10) / 1000)} +0800`;
  const commit = async (date, message, files) => {
    let s = `commit refs/heads/main\ncommitter 干事 <ganshi@${id}.invalid> ${when(date)}\n${data(message)}`;
    for (const [path, text] of files) s += `M 100644 inline ${path}\n${data(text)}`;
    await write(s + '\n');
  };
  await commit(`${year}-01-01`, 'init', [
    ['qingdan.yaml', `org: 第${k}县支行\nyear: ${year}\nlang: zh\nstart: ${year}-01-01\n`],
    ['templates/org.yaml', orgText(`第${k}县支行`)],
    [`templates/checklist-${year}.yaml`, checklistText],
  ]);
  // entries by day: up to 15 December, each appended to its section's ledger of the month
  const days = new Uint16Array(N);
  for (let i = 0; i < N; i++) days[i] = 1 + Math.floor(rand() * 348);
  days.sort();
  const jan1 = Date.UTC(year, 0, 1);
  const files = new Map();
  const taken = new Set();
  const lines = [];
  for (let i = 0; i < N; i++) {
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
    // as `record` draws them (core/id.ts): 6 characters of [a-z0-9], none used twice in the member
    let eid;
    do eid = Array.from({ length: 6 }, () => ID_ALPHABET[Math.floor(rand() * 36)]).join('');
    while (taken.has(eid));
    taken.add(eid);
    lines.push({ date, file: `ledgers/${year}/${unit.id}-${date.slice(5, 7)}.ledger`, text: `${date} ${unit.id} ${item.id}${qty ? ' ' + qty : ''} "${item.title}" by:ganshi id:${eid}\n` });
    journal.write(`${date} ${id}:${unit.id} ${item.id}\n    (${id}:${unit.id}:${item.id})  ${amount} ${measure ? LEDGER_UNIT[measure] : 'n'}\n\n`);
  }
  for (let i = 0; i < lines.length; ) {
    const date = lines[i].date;
    const touched = new Set();
    for (; i < lines.length && lines[i].date === date; i++) {
      const l = lines[i];
      files.set(l.file, (files.get(l.file) ?? '') + l.text);
      touched.add(l.file);
    }
    await commit(date, `record: ${touched.size} ledgers ${date}`, [...touched].map((f) => [f, files.get(f)]));
  }
  await write('done\n');
  fi.stdin.end();
  await done;
  execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: dir, env });
  return id;
}

const ids = [];
for (let k = 1; k <= M; k++) {
  ids.push(await member(k));
  if (k % 10 === 0) console.error(`${k} / ${M} members`);
}
await new Promise((r) => journal.end(r));

const umbrella = join(out, 'umbrella');
mkdirSync(umbrella, { recursive: true });
writeFileSync(
  join(umbrella, 'qingdan.yaml'),
  `org: 基准测试中心支行\nmembers:\n${ids.map((id) => `  - id: ${id}\n    name: ${id}县支行\n    url: git://127.0.0.1:${port}/${id}\n`).join('')}`,
);
const git = (...a) => execFileSync('git', a, { cwd: umbrella, stdio: 'ignore', env });
git('init', '-q');
git('add', '-A');
git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'umbrella');
console.log(`wrote ${M} members of ${N} entries each to ${join(out, 'members')}, the umbrella ${umbrella} and ledger-cli.journal`);
