/**
 * The members of an umbrella repository, as git keeps them (docs/rollup.md): each member is a bare
 * repository of its own inside the umbrella's `.git` (`.git/qingdan/members/<id>.git`), holding
 * what `qingdan rollup fetch` fetched under one ref. Nothing of a member is ever checked out: its
 * files are read as git objects (read/member-tree.ts), so nothing in them can run or be written.
 *
 * One repository per member, not one shared object store: a shallow member must not make the
 * umbrella's own history shallow (its own `qingdan audit` would fail), fetches run side by side
 * without sharing a lock, and whatever one member holds never mixes with another's.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Member } from '../core/model.js';
import { readIfExists } from './files.js';
import { daemonCommit } from './git-daemon.js';
import type { Env } from './git.js';

/** How long a member's git:// server is given to say which commit it has, before git fetches anyway. */
const ASK_MS = 10_000;

/** The ref a member's fetched commit is kept under, in its own repository. */
export const FETCHED_REF = 'refs/qingdan/fetched';

/** Transports git may use for a member: never `ext::` or `fd::`, which run programs. */
const ALLOWED_PROTOCOLS = 'file:git:http:https:ssh';

export interface GitRun {
  ok: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * The environment git runs with for a member: the command's own (credentials, ssh set-up), with
 * no prompt, only the allowed transports, no replace objects, no hooks, and objects checked as
 * they arrive (a tree that names `..` or `.git` is refused).
 */
export function memberEnv(env: Env): NodeJS.ProcessEnv {
  const n = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  const config: Array<[string, string]> = [
    ['transfer.fsckObjects', 'true'],
    ['core.hooksPath', '/dev/null'],
    ['core.fsmonitor', 'false'],
    ['gc.auto', '0'],
    // nor does a fetch start git's background maintenance in a member's repository
    ['maintenance.auto', 'false'],
  ];
  const out: NodeJS.ProcessEnv = { ...env, GIT_TERMINAL_PROMPT: '0', GIT_NO_REPLACE_OBJECTS: '1', GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS, GIT_CONFIG_COUNT: String(n + config.length) };
  config.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${n + i}`] = k;
    out[`GIT_CONFIG_VALUE_${n + i}`] = v;
  });
  return out;
}

/** git in `cwd`, in the background, ended after `timeoutMs`. Never rejects. */
export function runGit(args: readonly string[], cwd: string, env: Env, timeoutMs: number, maxBuffer = 64 << 20): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['--no-replace-objects', ...args],
      { cwd, env: memberEnv(env), encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer, windowsHide: true },
      (e, stdout, stderr) => {
        const err = e as (NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string }) | null;
        if (!err) return resolve({ ok: true, code: 0, stdout, stderr, timedOut: false });
        const timedOut = err.killed === true || err.signal === 'SIGKILL';
        resolve({ ok: false, code: typeof err.code === 'number' ? err.code : null, stdout: String(stdout ?? ''), stderr: String(stderr ?? err.message), timedOut });
      },
    );
  });
}

/** Where a member's repository is, inside the umbrella's git dir. Nested members (levels) have a path of ids. */
export function memberRepo(gitDir: string, path: readonly string[]): string {
  return join(gitDir, 'qingdan', 'members', ...path.slice(0, -1), `${path[path.length - 1]}.git`);
}

export type FetchResult = { ok: true; commit: string } | { ok: false; reason: 'timeout' | 'unreachable'; detail: string };

/**
 * Fetches a member's branch (or what its HEAD names) into its repository, making the repository
 * first; `known` is the commit the last fetch found. Tags and submodules are not fetched; a shallow member is fetched as it is (its
 * shallowness is kept, and the audit refuses it).
 */
export async function fetchMember(repo: string, member: Member, env: Env, timeoutMs: number, opts: { known?: string; ask: boolean }): Promise<FetchResult> {
  const { known } = opts;
  if (!existsSync(join(repo, 'HEAD'))) {
    mkdirSync(repo, { recursive: true });
    const init = await runGit(['init', '--bare', '--quiet', repo], repo, env, timeoutMs);
    if (!init.ok) return { ok: false, reason: 'unreachable', detail: init.stderr.trim() };
  }
  const source = member.branch !== undefined ? `refs/heads/${member.branch}` : 'HEAD';
  // the ref's own file names the commit fetched last, which git confirmed a commit then
  const fetched = () => (known !== undefined ? readIfExists(join(repo, FETCHED_REF))?.toString('latin1') : undefined);
  // a git:// server that still names that commit has nothing to fetch: asked without starting git
  if (opts.ask && fetched() === `${known}\n` && (await daemonCommit(member.url, source, Math.min(timeoutMs, ASK_MS))) === known) return { ok: true, commit: known! };
  const r = await runGit(
    ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--update-shallow', '--no-write-fetch-head', '--end-of-options', member.url, `+${source}:${FETCHED_REF}`],
    repo,
    env,
    timeoutMs,
  );
  if (!r.ok) return { ok: false, reason: r.timedOut ? 'timeout' : 'unreachable', detail: r.stderr.trim().split('\n').slice(-3).join('\n') };
  // unchanged since the last fetch: one git process fewer per member; anything else, git says what it names
  if (fetched() === `${known}\n`) return { ok: true, commit: known! };
  const sha = await runGit(['rev-parse', '--verify', '--quiet', `${FETCHED_REF}^{commit}`], repo, env, timeoutMs);
  if (!sha.ok) return { ok: false, reason: 'unreachable', detail: sha.stderr.trim() };
  return { ok: true, commit: sha.stdout.trim() };
}

/**
 * Whether git, as configured for the members' fetches, would reach a git:// URL some other way
 * than it reads: a `url.<base>.insteadOf` rule or a proxy (`core.gitProxy`, GIT_PROXY_COMMAND).
 * Asked once per fetch, in the umbrella (whose own settings are a superset of a member's).
 */
export async function rewritesUrls(cwd: string, env: Env): Promise<boolean> {
  if (env.GIT_PROXY_COMMAND) return true;
  const r = await runGit(['config', '--get-regexp', '^url\\..*\\.insteadof$|^core\\.gitproxy$'], cwd, env, 30_000);
  return r.stdout.trim() !== '';
}

/** Whether `commit` is a commit the member's repository holds. */
export async function hasCommit(repo: string, commit: string, env: Env): Promise<boolean> {
  if (!existsSync(join(repo, 'HEAD'))) return false;
  const r = await runGit(['cat-file', '-e', '--end-of-options', `${commit}^{commit}`], repo, env, 30_000);
  return r.ok;
}
