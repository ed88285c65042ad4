/**
 * What the roll-up tests share: member repositories made from the example's ledgers (committed in
 * two appends, so that each has a history to audit), an umbrella listing them, and a real
 * `git daemon` on 127.0.0.1 (a free port, stopped by the test) serving a folder of members, and a
 * git that notes what it was asked to do.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshRepo, g, gitEnv, tempDir } from './cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE_LEDGERS = join(ROOT, 'ledgers/2026');

/**
 * A member made by `qingdan init`, then the example's ledgers of `units` (all when undefined)
 * committed in two appends: the lines up to June, then the rest. Moved to `dir` when given.
 */
export async function makeMember(opts: { units?: readonly string[]; org?: string; dir?: string } = {}): Promise<string> {
  const made = await freshRepo();
  const dir = opts.dir ?? made;
  if (opts.dir) {
    mkdirSync(dirname(opts.dir), { recursive: true });
    renameSync(made, opts.dir);
  }
  if (opts.org) {
    const yaml = readFileSync(join(dir, 'qingdan.yaml'), 'utf8');
    writeFileSync(join(dir, 'qingdan.yaml'), /^org:/m.test(yaml) ? yaml.replace(/^org:.*$/m, `org: ${opts.org}`) : `org: ${opts.org}\n${yaml}`);
    g(dir, ['commit', '-qam', 'org name']);
  }
  const files = readdirSync(EXAMPLE_LEDGERS).filter((f) => f.endsWith('.ledger') && (!opts.units || opts.units.includes(f.replace(/\.ledger$/, ''))));
  for (const half of [0, 1] as const) {
    for (const f of files) {
      const text = readFileSync(join(EXAMPLE_LEDGERS, f), 'utf8');
      const lines = text.split(/(?<=\n)/);
      const kept = half === 1 ? lines : lines.filter((l) => !/^\d{4}-\d\d-\d\d /.test(l) || l < '2026-07');
      writeFileSync(join(dir, 'ledgers/2026', f), kept.join(''));
    }
    g(dir, ['add', '-A']);
    g(dir, ['commit', '-qm', half === 0 ? 'records to June' : 'records to November']);
  }
  return dir;
}

/** An umbrella repository listing `members` (with nothing else: no checklist of its own). */
export function makeUmbrella(members: ReadonlyArray<{ id: string; name: string; url: string; branch?: string }>, org = '测试中心支行', dir = tempDir('umbrella')): string {
  mkdirSync(dir, { recursive: true });
  g(dir, ['init', '-q']);
  const list = members.map((m) => `  - id: ${m.id}\n    name: ${m.name}\n    url: ${JSON.stringify(m.url)}\n${m.branch ? `    branch: ${m.branch}\n` : ''}`).join('');
  writeFileSync(join(dir, 'qingdan.yaml'), `org: ${org}\nmembers:\n${list}`);
  g(dir, ['add', '-A']);
  g(dir, ['commit', '-qm', 'umbrella']);
  return dir;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export interface Daemon {
  url(name: string): string;
  port: number;
  stop(): Promise<void>;
}

/** `git daemon` serving every repository under `base` on 127.0.0.1, read-only, ready when this resolves. */
export async function startDaemon(base: string, ready: string): Promise<Daemon> {
  const port = await freePort();
  const child: ChildProcess = spawn('git', ['daemon', '--reuseaddr', '--export-all', `--base-path=${base}`, '--listen=127.0.0.1', `--port=${port}`, base], {
    env: gitEnv(),
    stdio: 'ignore',
  });
  const url = (name: string) => `git://127.0.0.1:${port}/${name}`;
  for (let i = 0; ; i++) {
    try {
      g(base, ['ls-remote', url(ready)]);
      break;
    } catch (e) {
      if (i > 100) {
        child.kill('SIGKILL');
        throw e;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    stop: () =>
      new Promise((res) => {
        if (child.exitCode !== null || child.signalCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

/** A copy of `dir` at `to`. */
export function copyRepo(dir: string, to: string): string {
  cpSync(dir, to, { recursive: true });
  return to;
}

/**
 * A `git` on PATH that notes each command line, then runs the real git: `ran()` gives the git
 * commands started since it was last called (the first argument after git's own options).
 */
export function loggingGit(): { env: Record<string, string>; ran: () => string[] } {
  const bin = join(tempDir('bin'), 'bin');
  mkdirSync(bin, { recursive: true });
  const log = join(bin, 'git.log');
  writeFileSync(log, '');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  const ran = () => {
    const lines = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
    writeFileSync(log, '');
    return lines.map((l) => l.split(' ').find((a) => !a.startsWith('-'))!);
  };
  return { env: gitEnv({ PATH: `${bin}:${process.env.PATH}` }), ran };
}
