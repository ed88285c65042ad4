#!/usr/bin/env node
// The roll-up benchmark (issue 12): M generated members (bench/generate.mjs --members) served by a
// `git daemon` on 127.0.0.1, an umbrella listing them; times and peak memory of
//   cold   — fetch every member, audit every history, evaluate (nothing cached)
//   warm   — the report again, nothing changed
//   one    — one member adds a commit: `rollup fetch`, then the report; and again (another commit)
//            as the cron line runs it, `rollup annual --fetch`, which judges the member that moved
//            while the others are still being asked
//   warm --fetch — `rollup annual --fetch` when nothing changed: what asking 100 servers costs
//   eval   — the report with audits cached but no result cached: the evaluation step alone
//            (templates that passed their checks stay kept, as they are in an office's daily run)
// and, when ledger-cli is installed, `ledger bal --monthly` on the same entries; and git alone
// reading every version of every member's files (what the audit did before it hashed them).
//
//   node bench/rollup.mjs [--members 100] [--entries 20000] [--dir /tmp/qd-rollup] [--eval-only]
// --eval-only, after a whole run over the same DIR: the evaluation step three times, and ledger-cli.
// The generated members are kept in DIR and reused when their count and size match.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/qingdan.js');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const M = Number(args.members ?? 100);
const N = Number(args.entries ?? 20000);
const dir = args.dir ?? join(tmpdir(), `qd-rollup-${M}x${N}`);
const asOf = '2026-12-31';
const hasTime = existsSync('/usr/bin/time');
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid', NO_COLOR: '1' };

const stamp = join(dir, '.generated');
// members made by another version of the generator are made again
const made = `${M} ${N} ${createHash('sha256').update(readFileSync(join(root, 'bench/generate-members.mjs'))).digest('hex').slice(0, 12)}\n`;
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== made) {
  const t = Date.now();
  execFileSync('node', [join(root, 'bench/generate.mjs'), '--members', String(M), '--entries', String(N), '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(stamp, made);
  console.error(`generated in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
const umbrella = join(dir, 'umbrella');
const members = join(dir, 'members');

const port = await new Promise((res) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => res(p));
  });
});
// git-daemon itself, not through `git`: its pid is the server's, whose children's CPU the bench reads
const gitDaemon = join(execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(), 'git-daemon');
const daemon = spawn(gitDaemon, ['--reuseaddr', '--export-all', `--base-path=${members}`, '--listen=127.0.0.1', `--port=${port}`, members], { stdio: 'ignore', env });
/** CPU seconds the server's ended children used (Linux: /proc), or undefined. */
const serverCpu = () => {
  try {
    const f = readFileSync(`/proc/${daemon.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // fields 16 and 17 of stat (cutime, cstime), in clock ticks: 100 a second on Linux
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return undefined;
  }
};
for (let i = 0; ; i++) {
  if (spawnSync('git', ['ls-remote', `git://127.0.0.1:${port}/m001`], { stdio: 'ignore' }).status === 0) break;
  if (i > 100) throw new Error('git daemon did not start');
  await new Promise((r) => setTimeout(r, 100));
}

try {
  const run = (...a) => {
    const cmd = hasTime ? '/usr/bin/time' : 'node';
    const argv = hasTime ? ['-f', '%e %M', 'node', cli, ...a] : [cli, ...a];
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { cwd: umbrella, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.status !== 0) throw new Error(`qingdan ${a.join(' ')}: exit ${r.status}\n${r.stderr}`);
    const rss = hasTime ? Number(r.stderr.trim().split('\n').pop().split(' ')[1]) / 1024 : null;
    return { wall, rss, stdout: r.stdout };
  };
  const report = (label) => {
    const r = run('--as-of', asOf, 'rollup', 'annual', '--json');
    return { label, fetch: 0, report: r.wall, total: r.wall, rss: r.rss };
  };
  const cache = join(umbrella, '.git/qingdan/cache');
  // the evaluation step alone: audits (and clean templates) cached, results not (a result's JSON starts with "ok"; an audit verdict's with "commits")
  const evaluation = () => {
    for (const f of readdirSync(cache)) if (readFileSync(join(cache, f), 'utf8').startsWith('{"ok"')) rmSync(join(cache, f));
    return report('evaluation alone (audits cached)');
  };
  // ledger-cli on the same entries (one journal of every member's), the yardstick of the evaluation step
  const ledgerCli = () => {
    if (spawnSync('ledger', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
    const argv = ['-f', join(dir, 'ledger-cli.journal'), 'bal', '--monthly'];
    const t = process.hrtime.bigint();
    const r = hasTime ? spawnSync('/usr/bin/time', ['-f', '%e %M', 'ledger', ...argv], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] }) : spawnSync('ledger', argv, { stdio: 'ignore' });
    const wall = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.status !== 0) throw new Error(`ledger ${argv.join(' ')}: exit ${r.status}\n${r.stderr ?? ''}`);
    return { label: 'ledger-cli bal --monthly, same entries', fetch: 0, report: 0, total: wall, rss: hasTime ? Number(r.stderr.trim().split('\n').pop().split(' ')[1]) / 1024 : null };
  };
  const ratioLine = (evalAlone, ledger) =>
    ledger
      ? `evaluation alone ÷ ledger-cli bal --monthly = ${evalAlone.total.toFixed(2)} s ÷ ${ledger.total.toFixed(2)} s = ${(evalAlone.total / ledger.total).toFixed(2)}× (goal ≤ 0.5×) ${verdict(evalAlone.total / ledger.total <= 0.5)}`
      : 'ledger-cli is not installed (Debian: apt-get install ledger): the evaluation-vs-ledger ratio is skipped';

  if ('eval-only' in args) {
    if (!existsSync(join(umbrella, 'members.lock')) || !existsSync(cache)) throw new Error(`--eval-only needs a whole run over ${dir} first`);
    const times = [evaluation(), evaluation(), evaluation()].sort((a, b) => a.total - b.total);
    console.log(`evaluation alone (audits cached) of ${M} members × ${N} entries, 3 runs: ${times.map((t) => t.total.toFixed(2)).join(' s, ')} s; peak ${Math.max(...times.map((t) => t.rss ?? 0)).toFixed(0)} MiB`);
    console.log(`median: ${ratioLine(times[1], ledgerCli())}`);
  } else {
    // the umbrella, as generated, with this run's port; nothing fetched yet
    const settings = join(umbrella, 'qingdan.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/git:\/\/127\.0\.0\.1:\d+\//g, `git://127.0.0.1:${port}/`));
    rmSync(join(umbrella, '.git/qingdan'), { recursive: true, force: true });
    rmSync(join(umbrella, 'members.lock'), { force: true });
    const git = (cwd, ...a) => execFileSync('git', a, { cwd, env, stdio: 'ignore' });
    git(umbrella, 'add', '-A');
    spawnSync('git', ['commit', '-qm', 'bench port'], { cwd: umbrella, env, stdio: 'ignore' });

    const both = (label) => {
      const f = run('rollup', 'fetch', '--no-commit');
      const r = run('--as-of', asOf, 'rollup', 'annual', '--json');
      const v = JSON.parse(r.stdout);
      if (v.ranking.length !== M) throw new Error(`${label}: ${v.ranking.length} of ${M} ranked: ${JSON.stringify(v.unverified.slice(0, 3))}`);
      return { label, fetch: f.wall, report: r.wall, total: f.wall + r.wall, rss: Math.max(f.rss ?? 0, r.rss ?? 0) };
    };
    // the cron line's command: fetch and report at once
    const fetchAndReport = (label) => {
      const r = run('--as-of', asOf, 'rollup', 'annual', '--fetch', '--no-commit', '--json');
      const v = JSON.parse(r.stdout);
      if (v.ranking.length !== M) throw new Error(`${label}: ${v.ranking.length} of ${M} ranked`);
      return { label, fetch: NaN, report: NaN, total: r.wall, rss: r.rss };
    };
    const cold = both('cold: fetch, audit, evaluate');
    const warm = report('warm: nothing changed (report)');
    const cpu0 = serverCpu();
    const warmFetch = fetchAndReport('warm: nothing changed (`rollup annual --fetch`)');
    // the children end just after the last answer: given a moment to be counted
    await new Promise((r) => setTimeout(r, 500));
    const asked = cpu0 === undefined ? undefined : serverCpu() - cpu0;
    // one member records one more day
    const clone = join(dir, 'work-m001');
    rmSync(clone, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', join(members, 'm001'), clone], { env });
    const ledgers = readdirSync(join(clone, 'ledgers/2026')).sort();
    const last = join(clone, 'ledgers/2026', ledgers[ledgers.length - 1]);
    const oneMore = (hour) => {
      writeFileSync(last, `${readFileSync(last, 'utf8')}2026-12-16 u001 T1.1 1h "bench" by:ganshi id:${(Date.now() + hour).toString(36).slice(-6)}\n`);
      execFileSync('git', ['commit', '-qam', 'one more day'], { cwd: clone, env: { ...env, GIT_AUTHOR_DATE: `2026-12-16T${hour}:00:00+08:00`, GIT_COMMITTER_DATE: `2026-12-16T${hour}:00:00+08:00` }, stdio: 'ignore' });
      git(clone, 'push', '-q', 'origin', 'HEAD:main');
    };
    oneMore(18);
    const one = both('one member added a commit: `rollup fetch`, then the report');
    oneMore(19);
    const oneFetch = fetchAndReport('one member added a commit: `rollup annual --fetch`');
    const evalAlone = evaluation();
    const ledger = ledgerCli();
    const floor = await gitAlone();
    const rows = [cold, warm, warmFetch, one, oneFetch, evalAlone, ...(ledger ? [ledger] : []), { label: "git alone: every version of every member's files read (git cat-file --batch), which the audit hashes instead", fetch: 0, report: 0, total: floor, rss: null }];
    console.log(`roll-up of ${M} members × ${N} entries (git daemon on 127.0.0.1), as of ${asOf}`);
    console.log('| step | fetch s | report s | total s | peak MiB |');
    console.log('|---|---:|---:|---:|---:|');
    const secs = (x) => (Number.isNaN(x) ? '–' : x.toFixed(2));
    for (const r of rows) console.log(`| ${r.label} | ${secs(r.fetch)} | ${secs(r.report)} | ${r.total.toFixed(2)} | ${r.rss === null ? '–' : r.rss.toFixed(0)} |`);
    const peak = Math.max(...[cold, warm, warmFetch, one, oneFetch, evalAlone].map((r) => r.rss ?? 0));
    console.log('');
    console.log(`git's fetch: ${cold.fetch.toFixed(1)} s of the cold step; reading every version, which the audit no longer does, would take ${floor.toFixed(1)} s more`);
    console.log(`goals (issue 12): cold ${cold.total.toFixed(1)} s ≤ 60 s ${verdict(cold.total <= 60)}; warm ${warm.total.toFixed(2)} s ≤ 1 s ${verdict(warm.total <= 1)} (${warmFetch.total.toFixed(2)} s with --fetch); one commit ${oneFetch.total.toFixed(2)} s with --fetch ≤ 3 s ${verdict(oneFetch.total <= 3)} (${one.total.toFixed(2)} s as two commands); peak ${hasTime ? `${peak.toFixed(0)} MiB ≤ 600 MiB ${verdict(peak <= 600)}` : 'not measured (/usr/bin/time missing)'}`);
    console.log(ratioLine(evalAlone, ledger));
    if (asked !== undefined) console.log(`the server's CPU for the ${M} members asked when nothing changed: ${asked.toFixed(2)} s (${((asked / M) * 1000).toFixed(0)} ms a member), ${(asked / availableParallelism()).toFixed(2)} s of this machine's ${availableParallelism()} cores`);
  }
} finally {
  daemon.kill('SIGTERM');
}

function verdict(ok) {
  return ok ? 'met' : 'MISSED';
}

/**
 * git's own share of a cold roll-up, no qingdan at all: every version of every member's files read
 * with `git cat-file --batch` (what an audit must read), as many members at a time as cores.
 */
async function gitAlone() {
  const t = process.hrtime.bigint();
  const ids = readdirSync(members).filter((m) => !m.startsWith('.'));
  const readAll = (m) =>
    new Promise((res, rej) => {
      const blobs = execFileSync('git', ['log', '--raw', '--no-abbrev', '--format=', '-z'], { cwd: join(members, m), env, maxBuffer: 1 << 28 })
        .toString('latin1')
        .split('\0')
        .filter((x) => x.startsWith(':'))
        .map((x) => x.split(' ')[3]);
      const c = spawn('git', ['cat-file', '--batch'], { cwd: join(members, m), env, stdio: ['pipe', 'ignore', 'inherit'] });
      c.on('close', (code) => (code === 0 ? res() : rej(new Error(`git cat-file in ${m}: exit ${code}`))));
      c.stdin.end(`${blobs.join('\n')}\n`);
    });
  let next = 0;
  await Promise.all(Array.from({ length: availableParallelism() }, async () => { while (next < ids.length) await readAll(ids[next++]); }));
  return Number(process.hrtime.bigint() - t) / 1e9;
}
