/**
 * Shared by the report tests (test/e2e/reports/) and test/e2e/example-edge-cases.test.ts: a copy
 * of the example data repository (the project root's qingdan.yaml, templates/ and ledgers/) in a
 * temporary folder that is not a git repository, so that the provenance footer says "not in git"
 * instead of a commit that changes with every commit; and `run`, which calls main() from
 * src/cli.ts in-process with a fake io.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';
import { SELF } from './self.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const AS_OF = '2026-11-27';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  isTTY?: boolean;
  columns?: number;
  env?: Record<string, string | undefined>;
}

/** Runs `qingdan ARGV` in-process in `cwd`; isTTY false (a pipe) unless told otherwise. */
export async function run(cwd: string, argv: string[], opts: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: opts.isTTY ?? false,
    self: SELF,
    ...(opts.columns !== undefined ? { columns: opts.columns } : {}),
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}

/** True when `dir` is inside a git work tree (the copy must not be). */
export function inGit(dir: string): boolean {
  try {
    execFileSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'] });
    return true;
  } catch {
    return false;
  }
}

/** Copies the example into a fresh temporary folder outside git; returns it and a clean-up. */
export function copyExample(prefix = 'qingdan-report-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, 'qingdan.yaml'), join(dir, 'qingdan.yaml'));
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  cpSync(join(ROOT, 'ledgers'), join(dir, 'ledgers'), { recursive: true });
  if (inGit(dir)) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the temporary copy ${dir} is inside a git work tree; the golden reports need a folder outside git`);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Appends ledger lines (each ends with a newline) to a ledger of the copy. */
export function appendLedger(dir: string, file: string, lines: string[]): void {
  appendFileSync(join(dir, 'ledgers', '2026', file), lines.map((l) => `${l}\n`).join(''));
}

/** Lines of drawn tables (those starting with a box-drawing character), grouped per table. */
export function drawnTables(text: string): string[][] {
  const tables: string[][] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (/^[┌│├└]/.test(line)) {
      if (line.startsWith('┌') || !current) tables.push((current = []));
      current.push(line);
      if (line.startsWith('└')) current = undefined;
    } else {
      current = undefined;
    }
  }
  return tables;
}
