/**
 * What the audit tests share: a repository with three recorded lines (made once per test file),
 * copies of it to tamper with, and `qingdan audit --json` on a copy.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AS_OF, freshRepo, g, gitEnv, qd, rec, tempDir } from '../support/cli.js';

export const OFFICE = 'ledgers/2026/office.ledger';

/** A violation as `audit --json` reports it. */
export interface V {
  kind: string;
  commit: string | null;
  parent?: string;
  author?: string;
  file: string;
  line?: number;
  afterLine?: number;
  count?: number;
  before?: string;
  after?: string;
  to?: string;
  id?: string;
  expected?: string;
}

export interface AuditJson {
  clean: boolean;
  commits: number;
  merges: number;
  entries: number;
  violations: V[];
  lag: unknown[];
  backdated: unknown[];
}

/** init, then three records of the office: 10 September, 10 October, 20 November. */
export async function threeRecords(): Promise<string> {
  const base = await freshRepo();
  for (const args of [
    ['office', 'T1.5', '--date', '2026-09-10'],
    ['office', 'T1.5', '--date', '2026-10-10'],
    ['office', 'T1.1', '2h', '--date', '2026-11-20'],
  ]) {
    const r = await rec(base, args);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return base;
}

export function copyOf(base: string): string {
  const dir = tempDir();
  cpSync(base, dir, { recursive: true });
  return dir;
}

export const lines = (dir: string, file = OFFICE) => readFileSync(join(dir, file), 'utf8').split(/(?<=\n)/);
export const put = (dir: string, ls: string[], file = OFFICE) => writeFileSync(join(dir, file), ls.join(''));

/** Commits everything as Mallory; returns the commit. */
export function commitAll(dir: string, message = 'tamper', env = gitEnv({ GIT_AUTHOR_NAME: 'Mallory', GIT_AUTHOR_EMAIL: 'm@example.test' })): string {
  g(dir, ['add', '-A'], env);
  g(dir, ['commit', '-qm', message], env);
  return g(dir, ['rev-parse', 'HEAD']).trim();
}

export async function audit(dir: string, args: string[] = []): Promise<{ code: number; report: AuditJson; stderr: string }> {
  const r = await qd(['--as-of', AS_OF, 'audit', '--json', ...args], { cwd: dir });
  if (r.stdout === '') throw new Error(`audit printed nothing (exit ${r.code}): ${r.stderr}`);
  return { code: r.code ?? -1, report: JSON.parse(r.stdout) as AuditJson, stderr: r.stderr };
}
