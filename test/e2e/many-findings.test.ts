/**
 * End to end: a ledger of 300 000 bad lines. Spreading an array of that size into a call
 * (`xs.push(...ys)`, `Math.max(...xs)`) throws RangeError "Maximum call stack size exceeded" on
 * Node 20 above about 125 000 elements, which made `qingdan check` die with an internal error
 * instead of listing the findings. The built CLI (`dist/qingdan.js`, from `npm run build`) is
 * spawned with an argument array on a temporary data repository made from the project's own
 * `qingdan.yaml` and `templates/`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'qingdan.js');
const LINES = 300_000;
const TIMEOUT = 180_000;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** No colour, no debug: output as a cron job would get it. */
const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['FORCE_COLOR', 'QINGDAN_DEBUG', 'CI']) delete e[k];
  return e;
};

function qingdan(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: tmpdir(), env: env(), encoding: 'utf8', maxBuffer: 1 << 30, timeout: TIMEOUT - 5_000 },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'qingdan-many-'));
  cpSync(join(ROOT, 'qingdan.yaml'), join(dir, 'qingdan.yaml'));
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'ledgers', '2026'), { recursive: true });
  // 30 February is not a date: one bad-date error per line, and parsing goes on with the next
  writeFileSync(join(dir, 'ledgers', '2026', 'bad.ledger'), '2026-02-30 office T1.1 1h\n'.repeat(LINES));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`check on a ledger of ${LINES} bad lines`, () => {
  it(
    'lists every finding as JSON and exits 1',
    async () => {
      const r = await qingdan(['-C', dir, '--as-of', '2026-11-27', '--lang', 'en', 'check', '--json']);
      expect(r.stderr).not.toMatch(/internal error|内部错误|Maximum call stack/);
      expect(r.code).toBe(1);
      const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; code: string; severity: string }[] };
      const bad = diagnostics.filter((d) => d.file === 'ledgers/2026/bad.ledger' && d.code === 'bad-date' && d.severity === 'error');
      expect(bad.length).toBe(LINES);
      expect(diagnostics.length).toBeGreaterThanOrEqual(LINES);
      expect(bad[0]!.line).toBe(1);
      expect(bad[LINES - 1]!.line).toBe(LINES);
    },
    TIMEOUT,
  );

  it(
    'lists every finding as text and exits 1',
    async () => {
      const r = await qingdan(['-C', dir, '--as-of', '2026-11-27', '--lang', 'en', '--no-color', 'check']);
      expect(r.stderr).not.toMatch(/internal error|内部错误|Maximum call stack/);
      expect(r.code).toBe(1);
      const headers = r.stdout.split('\n').filter((l) => /^ledgers\/2026\/bad\.ledger:\d+:1: error bad-date: /.test(l));
      expect(headers.length).toBe(LINES);
    },
    TIMEOUT,
  );
});
