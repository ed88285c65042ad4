#!/usr/bin/env node
// A data repository of 300 000 tiny ledger files (ledgers/2026/u<i>.ledger, one entry each), and
// every command a clerk or cron runs on it, once: each must finish without a crash — no EMFILE,
// no stack overflow, no argument list too long — and this prints its time and peak memory. Too
// slow for the test suite (writing the files alone takes about 15 s); docs/performance.md has
// the figures.
//
//   node bench/many-files.mjs [--files 300000]    (the repository is kept in /tmp/qingdan-bench)
//
// The repository is a git repository, committed and packed once (`git gc`): a first commit of
// 300 000 files leaves as many loose objects, and the next commit (record's) would run git's
// automatic gc, packing them all, for minutes — git's doing, once, not qingdan's.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/qingdan.js');
const i = process.argv.indexOf('--files');
const n = i === -1 ? 300_000 : Number(process.argv[i + 1]);
const dir = join(tmpdir(), 'qingdan-bench', `files-${n}`);
const made = join(dir, '.files');
const git = (...a) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...a], { cwd: dir, stdio: 'ignore' });

if (!existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (!existsSync(made) || readFileSync(made, 'utf8').trim() !== String(n)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'ledgers', '2026'), { recursive: true });
  for (const f of ['qingdan.yaml', 'templates']) cpSync(join(root, f), join(dir, f), { recursive: true });
  const t = Date.now();
  for (let k = 0; k < n; k++) writeFileSync(join(dir, 'ledgers', '2026', `u${k}.ledger`), `2026-03-02 office T1.3 1次 id:${k.toString(36).padStart(6, '0')}\n`);
  process.stderr.write(`wrote ${n} ledgers in ${((Date.now() - t) / 1000).toFixed(1)} s; committing…\n`);
  writeFileSync(join(dir, '.gitignore'), '.files\n');
  git('init', '-q');
  git('add', '-A');
  git('-c', 'gc.auto=0', '-c', 'maintenance.auto=false', 'commit', '-q', '-m', `${n} tiny ledgers`);
  git('gc', '-q');
  writeFileSync(made, String(n));
}

// the bench's own scratch repository: whatever a run that was killed left (a lock, a staged line) goes
for (const f of ['index.lock', 'qingdan.lock']) rmSync(join(dir, '.git', f), { force: true });
git('reset', '-q', '--hard');

const asOf = ['-C', dir, '--as-of', '2026-11-27'];
const commands = [
  ['check', [...asOf, 'check']],
  ['due', [...asOf, 'due']],
  ['report monthly', [...asOf, 'report', 'monthly']],
  ['report annual --format json', [...asOf, 'report', 'annual', '--format', 'json']],
  ['list entries --unit office', [...asOf, 'list', 'entries', '--unit', 'office']],
  ['record (commits)', [...asOf, 'record', 'office', 'T1.3', '1次', '--by', 'wangjianguo', '--json']],
];
const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
let failed = false;
const rows = [];
const run = (label, args) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', 'node', cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const [wall, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  const said = r.stderr.split('\n').slice(0, -2).join('\n');
  // exit 0 or 1 (findings) and no internal error: anything else is a crash
  const crashed = r.signal !== null || (r.status !== 0 && r.status !== 1) || /internal|RangeError|EMFILE|E2BIG|Maximum call stack/i.test(said);
  failed ||= crashed;
  rows.push(`| ${label} | ${wall.toFixed(1)} s | ${(kb / 1024).toFixed(0)} MiB | ${r.status}${crashed ? ' CRASHED' : ''} |`);
  if (crashed) process.stderr.write(`${label}: ${said.slice(0, 2000)}\n`);
  return r.stdout;
};
for (const [label, args] of commands) {
  const out = run(label, args);
  const id = label.startsWith('record') && /"id": "(\w+)"/.exec(out)?.[1];
  if (id) run('void (commits)', [...asOf, 'void', id, '--reason', 'bench', '--by', 'wangjianguo']);
}
execFileSync('git', ['reset', '-q', '--hard', head], { cwd: dir, stdio: 'ignore' });
console.log(`${n.toLocaleString('en').replace(/,/g, ' ')} tiny ledger files, node ${process.version}\n\n| command | wall | peak RSS | exit |\n|---|---:|---:|---|\n${rows.join('\n')}`);
process.exitCode = failed ? 1 : 0;
