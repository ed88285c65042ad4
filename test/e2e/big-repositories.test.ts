/**
 * Big repositories (issue 11): `check` holds one ledger's lines at a time and keeps of the others
 * only where each id was, in typed arrays, so its memory hardly grows with the ledgers. Here 300 000
 * entries are checked by the built CLI in a JavaScript heap of 48 MiB, which the parsed entries
 * alone would overflow (docs/performance.md has the figures for five million lines; the 300 000
 * tiny ledger files are bench/many-files.mjs's, too slow for the suite).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, CLI } from '../support/cli.js';
import { ROOT } from '../support/example.js';

let dir: string;
const N = 300_000;
const UNITS = ['office', 'finance', 'hr', 'tech'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-big-'));
  cpSync(join(ROOT, 'qingdan.yaml'), join(dir, 'qingdan.yaml'));
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'ledgers', '2026'), { recursive: true });
  UNITS.forEach((unit, k) => {
    const lines: string[] = [];
    for (let i = k; i < N; i += UNITS.length) lines.push(`2026-03-${String(1 + (i % 28)).padStart(2, '0')} ${unit} T1.3 1次 id:${i.toString(36).padStart(6, '0')}\n`);
    writeFileSync(join(dir, 'ledgers', '2026', `${unit}.ledger`), lines.join(''));
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(args: string[]): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile(process.execPath, args, { encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } }, (e, stdout, stderr) =>
      res({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: (e as { signal?: string } | null)?.signal ?? null, stdout, stderr }),
    ),
  );
}

describe('check of 300 000 entries', () => {
  it('runs in a 48 MiB heap, with every entry counted, and still finds a repeated id', async () => {
    const r = await node(['--max-old-space-size=48', CLI, '-C', dir, '--as-of', AS_OF, 'check']);
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${N} 条登记`);

    writeFileSync(join(dir, 'ledgers', '2026', 'zz.ledger'), `2026-03-02 office T1.3 1次 id:${(N - 1).toString(36).padStart(6, '0')}\n`);
    const dup = await node(['--max-old-space-size=48', CLI, '-C', dir, '--as-of', AS_OF, 'check']);
    expect(dup.code).toBe(1);
    expect(dup.stdout).toMatch(/duplicate-id.*ledgers\/2026\/tech\.ledger:75000/);
  }, 180_000);
});
