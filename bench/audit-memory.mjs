#!/usr/bin/env node
// `qingdan audit` on a long history: a data repository (`qingdan init`) whose one ledger grows by
// appends, commit after commit, until it has N lines; prints audit's wall time and peak RSS
// (`/usr/bin/time -f %M`: the largest of node and the gits it runs; node's own beside it). Audit reads the versions of one commit at a time, so memory follows the
// largest ledger, not the length of the history (docs/audit.md, "Limits and cost").
//
//   node bench/audit-memory.mjs                        1 000 000 lines in 100 commits
//   node bench/audit-memory.mjs 5000000                the issue's goal
//   node bench/audit-memory.mjs 200000 --commits 400   another shape
//   node bench/audit-memory.mjs 1000000 --cli /other/dist/qingdan.js   another build, on the same history
//   --keep DIR: make the repository in DIR and leave it there (made once, reused when it exists)
//
// The history is written by `git fast-import` (one pack, each version a delta of the one before,
// as `git gc` would leave it): entries of 2026 in date order, each commit dated the evening of
// its last entry's day, so that nothing is late or back-dated and the report stays short.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const lines = Number(positional[0] ?? 1_000_000);
const commits = Number(option('commits', 100));
const cli = option('cli', join(root, 'dist/qingdan.js'));
const keep = option('keep', undefined);
if (!Number.isInteger(lines) || lines < commits || !Number.isInteger(commits) || commits < 1) {
  console.error('usage: node bench/audit-memory.mjs [LINES] [--commits N] [--cli FILE] [--keep DIR]');
  process.exit(2);
}
if (!existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.test',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.test',
  GIT_AUTHOR_DATE: '2026-12-31T12:00:00+08:00',
  GIT_COMMITTER_DATE: '2026-12-31T12:00:00+08:00',
  NO_COLOR: '1',
};
const git = (cwd, ...a) => execFileSync('git', a, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });

const ITEMS = [
  ['T1.1', '2h', '"理论学习中心组专题学习"'],
  ['T1.5', '', '"主题党日"'],
  ['T2.1', '', '"亮身份"'],
  ['T3.3', '', '"三会一课"'],
];
/** The day of line `i` (0-based): the lines are spread over 2026 in order. */
const dayOf = (i) => new Date(Date.UTC(2026, 0, 1 + Math.floor((i * 365) / lines))).toISOString().slice(0, 10);

/** Line `i` of the ledger: a dated entry of 2026 with an id of its own. */
function line(i) {
  const [item, qty, note] = ITEMS[i % ITEMS.length];
  return `${dayOf(i)} office ${item}${qty ? ` ${qty}` : ''} ${note} id:${i.toString(36).padStart(6, '0')}\n`;
}

async function makeRepository(dir) {
  const init = spawnSync(process.execPath, [cli, 'init', dir, '--year', '2026', '--as-of', '2026-01-01'], { env, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const header = '; 2026年 办公室 登记簿（完成一项，登记一项）：只追加、不修改，登记有误时追加 void 行作废\n';
  const branch = git(dir, 'symbolic-ref', 'HEAD').trim();
  const fi = spawn('git', ['fast-import', '--quiet', '--force'], { cwd: dir, env, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((res, rej) => fi.on('close', (code) => (code === 0 ? res() : rej(new Error(`fast-import: exit ${code}`)))));
  fi.stdin.on('error', () => undefined); // fast-import's exit says what went wrong
  const write = (chunk) => (fi.stdin.write(chunk) ? Promise.resolve() : new Promise((res) => fi.stdin.once('drain', res)));
  let text = Buffer.from(header);
  let made = 0;
  for (let c = 0; c < commits; c++) {
    const upTo = Math.round(((c + 1) * lines) / commits);
    const parts = [];
    for (; made < upTo; made++) parts.push(line(made));
    text = Buffer.concat([text, Buffer.from(parts.join(''))]);
    const message = `record ${upTo} lines\n`;
    // committed on the evening of the day of its last line: recorded as the work was done
    const when = Math.floor(Date.parse(`${dayOf(upTo - 1)}T20:00:00+08:00`) / 1000);
    await write(
      `commit ${branch}\ncommitter Bench <bench@example.test> ${when} +0800\ndata ${Buffer.byteLength(message)}\n${message}` +
        `${c === 0 ? `from ${branch}^0\n` : ''}M 100644 inline ledgers/2026/office.ledger\ndata ${text.length}\n`,
    );
    await write(text);
    await write('\n');
  }
  fi.stdin.end();
  await done;
  git(dir, 'reset', '-q', '--hard', branch);
  return text.length;
}

const dir = keep ?? join(mkdtempSync(join(tmpdir(), 'qd-audit-')), 'repo');
let bytes;
const t0 = Date.now();
if (keep && existsSync(join(keep, '.git'))) {
  bytes = Number(git(dir, 'cat-file', '-s', 'HEAD:ledgers/2026/office.ledger').trim());
  console.error(`reusing ${dir}`);
} else {
  bytes = await makeRepository(dir);
  console.error(`made ${dir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
const pack = git(dir, 'count-objects', '-vH').match(/size-pack: (.*)/)?.[1] ?? '?';

// /usr/bin/time's peak is the largest of the process and the gits it ran; node's own, from a preload
const preload = join(dirname(dir), 'peak.cjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nnode peak RSS ${process.resourceUsage().maxRSS}\\n`));\n");
const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--require', preload, cli, '--as-of', '2026-12-31', 'audit', '--json'], {
  cwd: dir,
  env,
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const last = run.stderr.trim().split('\n').pop().split(' ');
const nodePeak = Number(/node peak RSS (\d+)/.exec(run.stderr)?.[1] ?? NaN);
let summary = '';
try {
  const r = JSON.parse(run.stdout);
  summary = `${r.commits} commits, ${r.entries} entries, ${r.violations.length} violations`;
} catch {
  summary = `no report (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`;
}
const mib = (n) => `${Math.round(n / 1024)} MiB`;
console.log(`machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB (${Math.round(freemem() / 2 ** 30)} GiB free), Node.js ${process.version}`);
console.log(`history: ${lines.toLocaleString('en')} lines in ${commits} commits; last version ${(bytes / 2 ** 20).toFixed(0)} MiB; pack ${pack}`);
console.log(`audit: exit ${run.status}, ${last[0]} s, peak RSS ${mib(Number(last[1]))} (node alone ${mib(nodePeak)}) — ${summary}`);
if (!keep) rmSync(dirname(dir), { recursive: true, force: true });
// 0 or 1 is an audit that ran to its verdict; anything else (out of memory: 134) fails the bench
process.exitCode = run.status === 0 || run.status === 1 ? 0 : 1;
