#!/usr/bin/env node
// `npm run bench`: times qingdan on generated data repositories of 2 000, 100 000 and 1 000 000
// entries, its start-up against `node -e 0`, and ledger-cli and a bare read-split-sum on the same
// entries; prints a table and writes docs/performance.md. Medians of several runs and peak RSS
// (from /usr/bin/time when present). Ratios are taken within one run, since the machines are
// shared and absolute times drift.
//
//   npm run bench                          all sizes
//   BENCH_SIZES=2000,100000 npm run bench  some sizes
//   BENCH_NO_WRITE=1 npm run bench         do not rewrite docs/performance.md
//   BENCH_AUDIT=0, BENCH_ROLLUP=0          skip the audit of 5 million lines, the roll-up of 100 members
//
// `node bench/structures.mjs` (not run here) measures the hand-rolled structures against built-ins.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/qingdan.js');
const sizes = (process.env.BENCH_SIZES ?? '2000,100000,1000000').split(',').filter(Boolean).map(Number);
const asOf = '2026-12-31';
const hasTime = existsSync('/usr/bin/time');
const hasLedger = spawnSync('ledger', ['--version'], { stdio: 'ignore' }).status === 0;

if (!existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

/** One run: wall seconds and peak RSS in MiB (null without /usr/bin/time). */
function once(cmd, args) {
  if (hasTime) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
    const last = r.stderr.trim().split('\n').pop().split(' ');
    return { wall: Number(last[0]), rss: Number(last[1]) / 1024, status: r.status };
  }
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return { wall: Number(process.hrtime.bigint() - t) / 1e9, rss: null, status: r.status };
}

/** Precise wall time for short commands (start-up), without the `time` wrapper. */
function wall(cmd, args) {
  const t = process.hrtime.bigint();
  spawnSync(cmd, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(cmd, args, runs) {
  const results = Array.from({ length: runs }, () => once(cmd, args));
  return {
    wall: median(results.map((r) => r.wall)),
    rss: results[0].rss === null ? null : Math.max(...results.map((r) => r.rss)),
    ok: results.every((r) => r.status === 0 || r.status === 1),
  };
}

/** A copy of the example in a git repository of its own, for `record` to append to. */
function recordRepo() {
  const dir = join(tmpdir(), 'qingdan-bench', 'record');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['qingdan.yaml', 'templates', 'ledgers']) cpSync(join(root, f), join(dir, f), { recursive: true });
  const git = (...a) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...a], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the example');
  return dir;
}

const rows = [];
const log = (s) => process.stderr.write(s + '\n');

// start-up: every command a clerk or cron runs on the example, each run paired with a run of
// `node -e 0` just before it, so that drift hits both sides alike. They run in a copy of the
// example that is a git repository where a record has been made, as in an office: the template
// cache is written by record and void only (docs/performance.md).
const repo = recordRepo();
{
  const runs = 15;
  const example = ['-C', repo, '--as-of', '2026-11-27'];
  execFileSync('node', [cli, ...example, 'record', 'office', 'T1.3', '1次', '--date', '2026-11-26', '--by', 'wangjianguo'], { stdio: 'ignore' });
  const commands = [
    ['qingdan --version', ['--version']],
    ['qingdan check', [...example, 'check'], 1.8],
    ['qingdan list items', [...example, 'list', 'items'], 1.8],
    ['qingdan due', [...example, 'due'], 1.8],
  ];
  for (const kind of ['monthly', 'quarterly', 'annual']) {
    for (const format of ['table', 'md', 'json', 'csv', 'html']) commands.push([`qingdan report ${kind} --format ${format}`, [...example, 'report', kind, '--format', format], 2.2]);
  }
  // each run appends and commits a line
  commands.push(['qingdan record', [...example, 'record', 'office', 'T1.3', '1次', '--date', '2026-11-26', '--note', '交流学习心得', '--by', 'wangjianguo'], 2.5]);
  const base = [];
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(([, args], k) => {
      base.push(wall('node', ['-e', '0']));
      times[k].push(wall('node', [cli, ...args]));
    });
  }
  const b = median(base);
  rows.push({ what: 'node -e 0', n: '', wall: b, rss: null, ratio: '1.00× node' });
  commands.forEach(([label, , goal], k) => {
    const m = median(times[k]);
    const ratio = m / b;
    const verdict = goal === undefined ? '' : ` (goal ≤ ${goal.toFixed(1)}×: ${ratio <= goal ? 'met' : 'NOT met'})`;
    rows.push({ what: `${label}${k === 0 ? '' : ' (the example)'}`, n: k === 0 ? '' : '1 538', wall: m, rss: null, ratio: `${ratio.toFixed(2)}× node${verdict}` });
  });
  log(`start-up done: node ${b.toFixed(3)} s`);
}

const bySize = {};
for (const n of sizes) {
  const dir = join(tmpdir(), 'qingdan-bench', String(n));
  const made = join(dir, '.entries');
  if (!existsSync(made) || readFileSync(made, 'utf8').trim() !== String(n) || !existsSync(join(dir, '.git'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('node', [join(root, 'bench/generate.mjs'), '--entries', String(n), '--out', dir], { stdio: 'ignore' });
    writeFileSync(join(dir, '.entries'), String(n));
  }
  const runs = n >= 1_000_000 ? 3 : n >= 100_000 ? 5 : 7;
  const r = {};
  r.check = measure('node', [cli, '-C', dir, 'check', '--as-of', asOf], runs);
  r.annual = measure('node', [cli, '-C', dir, 'report', 'annual', '--format', 'json', '--as-of', asOf], runs);
  r.due = measure('node', [cli, '-C', dir, 'due', '--as-of', asOf], runs);
  r.floor = measure('node', [join(root, 'bench/floor.mjs'), dir], runs);
  if (hasLedger) r.ledger = measure('ledger', ['-f', join(dir, 'ledger-cli.journal'), 'bal', '--monthly'], runs);
  // record appends and commits a line each run, paired with a record on the example just before
  // it (the goal of issue 11: ≤ 2×); the generated repository's commits are taken back after
  const record = (at, unit) => [cli, '-C', at, '--as-of', '2026-11-27', 'record', unit, 'T1.3', '1次', '--date', '2026-11-26', '--note', '交流学习心得', '--by', 'wangjianguo'];
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  const [here, example] = [[], []];
  for (let i = 0; i < 7; i++) {
    example.push(wall('node', record(repo, 'office')));
    here.push(wall('node', record(dir, 'u001')));
  }
  execFileSync('git', ['reset', '-q', '--hard', head], { cwd: dir, stdio: 'ignore' });
  r.record = { wall: median(here), rss: null, vsExample: median(here) / median(example) };
  bySize[n] = r;
  const fmtN = n.toLocaleString('en').replace(/,/g, ' ');
  for (const [key, label] of [['check', 'qingdan check'], ['annual', 'qingdan report annual --format json'], ['due', 'qingdan due'], ['record', 'qingdan record'], ['floor', 'read-split-sum floor (node)'], ['ledger', 'ledger-cli bal --monthly']]) {
    const m = r[key];
    if (!m) continue;
    const ratios = [];
    if (key === 'record') ratios.push(`${m.vsExample.toFixed(2)}× record on the example (goal ≤ 2.0×: ${m.vsExample <= 2 ? 'met' : 'NOT met'})`);
    else if (key !== 'floor') {
      ratios.push(`${(m.wall / r.floor.wall).toFixed(2)}× floor`);
      if (r.ledger && key !== 'ledger') ratios.push(`${(m.wall / r.ledger.wall).toFixed(2)}× ledger`);
    }
    rows.push({ what: label, n: fmtN, wall: m.wall, rss: m.rss, ratio: ratios.join(', ') });
  }
  log(`${n} done`);
}

const pad = (s, w) => String(s) + ' '.repeat(Math.max(0, w - String(s).length));
const table = [
  '| command | entries | median wall | peak RSS | ratio |',
  '|---|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.what} | ${r.n} | ${r.wall.toFixed(3)} s | ${r.rss === null ? '—' : `${r.rss.toFixed(0)} MiB`} | ${r.ratio} |`),
];

const growth = [];
if (bySize[100000] && bySize[1000000]) {
  for (const key of ['check', 'annual', 'due']) {
    const a = bySize[100000][key];
    const b = bySize[1000000][key];
    growth.push(
      `| ${key === 'annual' ? 'report annual' : key} | ${(b.wall / a.wall).toFixed(2)}× | ${a.rss && b.rss ? `${(b.rss / a.rss).toFixed(2)}×` : '—'} |`,
    );
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node.js ${process.version}, ${hasLedger ? execFileSync('ledger', ['--version'], { encoding: 'utf8' }).split('\n')[0] : 'ledger-cli not installed'}`;
console.log(`\n${machine}\n`);
for (const r of rows) console.log(`${pad(r.what, 38)} ${pad(r.n, 10)} ${pad(r.wall.toFixed(3) + ' s', 10)} ${pad(r.rss === null ? '—' : r.rss.toFixed(0) + ' MiB', 9)} ${r.ratio}`);

if (!process.env.BENCH_NO_WRITE) {
  const doc = `# Performance

Measured by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}:
${machine}.

The data repositories come from \`bench/generate.mjs --entries N\`: 11 units, the example's
checklist, one dated quantity per entry spread over the year, and the same entries as a
ledger-cli journal (\`(unit:item)  3.5 h\` postings). qingdan runs with \`--as-of ${asOf}\`;
ledger-cli runs \`bal --monthly\` (totals per account and month: the same work). The floor is a bare
Node.js read-split-sum of the same ledger files (bench/floor.mjs). Medians of 3 (1 000 000), 5
(100 000) or 7 runs; peak RSS is the largest of the runs (\`/usr/bin/time -f %M\`). Start-up is the
median of 15 runs of each command on a copy of the example where a record has been made (so the
template cache is there, as in an office), each paired with a run of \`node -e 0\` just before it;
the goals are those of issue 10: check, list and due ≤ 1.8×, every report in every format ≤ 2.2×,
record (which commits) ≤ 2.5×. \`record\` on a generated repository (7 runs, each appending and committing a
line to \`u001\`) is paired with a record on the example just before it; the goal of issue 11 is ≤ 2×.

${table.join('\n')}
${growth.length ? `\nGrowth from 100 000 to 1 000 000 entries (10× the entries):\n\n| command | time | peak RSS |\n|---|---:|---:|\n${growth.join('\n')}\n` : ''}
The machine is shared and noisy: compare the ratios, which were taken within one run, more than the
absolute times.
`;
  // the hand-written notes after the figures are kept
  const previous = existsSync(join(root, 'docs/performance.md')) ? readFileSync(join(root, 'docs/performance.md'), 'utf8') : '';
  const notes = previous.indexOf('\n## What is left');
  writeFileSync(join(root, 'docs/performance.md'), notes === -1 ? doc : doc + previous.slice(notes));
  log('wrote docs/performance.md');
}

// audit on a long history (issue 11: 5 million lines must not run out of memory), with V8's heap
// capped at 1 GiB as on a small office machine; BENCH_AUDIT_LINES sets the size, BENCH_AUDIT=0 skips it
if (process.env.BENCH_AUDIT !== '0') {
  const lines = process.env.BENCH_AUDIT_LINES ?? '5000000';
  const r = spawnSync('node', [join(root, 'bench/audit-memory.mjs'), lines, '--commits', '20'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=1024`.trim() },
  });
  log(`audit of ${lines} lines with a 1 GiB heap: ${r.status === 0 ? 'completed' : `FAILED (exit ${r.status})`}`);
}

// the roll-up (issue 12): members served by a git daemon, cold, warm, one change, evaluation alone;
// BENCH_ROLLUP=0 skips it, BENCH_ROLLUP_MEMBERS sets how many (default 100, of 20 000 entries each)
if (process.env.BENCH_ROLLUP !== '0') {
  const members = process.env.BENCH_ROLLUP_MEMBERS ?? '100';
  execFileSync('node', [join(root, 'bench/rollup.mjs'), '--members', members, '--entries', '20000'], { stdio: 'inherit' });
}
