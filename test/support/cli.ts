/**
 * Shared by the tests of recording and audit (test/e2e/record*.test.ts, test/e2e/audit*.ts, and a
 * few in test/read/ and test/write/): the built CLI (dist/qingdan.js, from `npm run build`)
 * spawned with execFile and an argument array, in temporary git repositories with a fixed
 * identity, fixed commit dates and no global git configuration, so that every run is the same.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/qingdan.js');
export const AS_OF = '2026-11-27';
export const NOW = '2026-11-27T10:00:00+08:00';

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);

const scratch = mkdtempSync(join(tmpdir(), 'qingdan-record-'));
const emptyConfig = join(scratch, 'gitconfig');
writeFileSync(emptyConfig, '');

/** An environment without the machine's git configuration or identity. */
export function bareEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of ['PATH', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP']) if (process.env[k]) env[k] = process.env[k]!;
  return {
    ...env,
    HOME: scratch,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: emptyConfig,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'init.defaultBranch',
    GIT_CONFIG_VALUE_0: 'main',
    GIT_AUTHOR_DATE: NOW,
    GIT_COMMITTER_DATE: NOW,
    NO_COLOR: '1',
    ...extra,
  };
}

/** The test identity: a clerk whose commits are reproducible. */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return bareEnv({
    GIT_AUTHOR_NAME: 'Test Clerk',
    GIT_AUTHOR_EMAIL: 'clerk@example.test',
    GIT_COMMITTER_NAME: 'Test Clerk',
    GIT_COMMITTER_EMAIL: 'clerk@example.test',
    ...extra,
  });
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Written to stdin, which is then closed; stdin is closed at once without it. */
  input?: string;
  timeout?: number;
  /** Test hooks (test/support/run-with-hooks.cjs): a crash after the append, a short lock wait. */
  hooks?: { crashAfterAppend?: boolean; lockTimeoutMs?: number };
}

const WITH_HOOKS = resolve(dirname(fileURLToPath(import.meta.url)), 'run-with-hooks.cjs');

/** Runs the built CLI. Resolves (never rejects) with the exit code or signal and the output. */
export function qd(args: string[], opts: RunOptions): Promise<Run> {
  const start = Date.now();
  return new Promise((res) => {
    const child = execFile(
      process.execPath,
      opts.hooks ? [WITH_HOOKS, JSON.stringify(opts.hooks), ...args] : [CLI, ...args],
      { cwd: opts.cwd, env: opts.env ?? gitEnv(), timeout: opts.timeout ?? 60_000, maxBuffer: 64 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; signal?: NodeJS.Signals }) | null;
        res({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          stdout,
          stderr,
          ms: Date.now() - start,
        });
      },
    );
    child.stdin?.end(opts.input ?? '');
  });
}

/** git in `cwd`, synchronously; returns stdout. */
export function g(cwd: string, args: string[], env: Record<string, string> = gitEnv()): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(name = 'repo'): string {
  return join(mkdtempSync(join(scratch, 't-')), name);
}

let template: string | undefined;

/** A fresh data repository made by `qingdan init` (made once, then copied). */
export async function freshRepo(): Promise<string> {
  if (!template) {
    const dir = tempDir('template');
    const r = await qd(['init', dir, '--year', '2026', '--start', '2026-01-01', '--as-of', AS_OF], { cwd: scratch });
    if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
    template = dir;
  }
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  return dir;
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

export function write(dir: string, file: string, text: string | Buffer): void {
  writeFileSync(join(dir, file), text);
}

/** `record` with the fixed "today". */
export function rec(dir: string, args: string[], env?: Record<string, string>, hooks?: RunOptions['hooks']): Promise<Run> {
  return qd(['--as-of', AS_OF, 'record', ...args], { cwd: dir, ...(env ? { env } : {}), ...(hooks ? { hooks } : {}) });
}

export function entryLines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '' && !l.startsWith(';') && !l.startsWith('#'));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
