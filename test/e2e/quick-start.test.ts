/**
 * The README's quick start, `npm ci && npm start`, shows the example's monthly report on any
 * date: `npm start` runs it as of the example's own day (the last day it has records for), so a
 * newcomer in January or years later sees the example's year, not an empty or failing one.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('npm start', () => {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const asOf = /--as-of (\d{4}-\d{2}-\d{2})/.exec(script)?.[1];

  it('runs the monthly report as of a fixed day of the example, not today', () => {
    expect(asOf).toBeDefined();
    expect(script).toContain('report monthly');
  });

  it('that day is the example’s last recorded day or after it, in the example’s year', () => {
    let newest = '';
    const dir = join(ROOT, 'ledgers');
    for (const year of readdirSync(dir)) {
      for (const f of readdirSync(join(dir, year))) {
        for (const line of readFileSync(join(dir, year, f), 'utf8').split('\n')) {
          const d = /^(\d{4}-\d{2}-\d{2}) /.exec(line)?.[1];
          if (d && d > newest) newest = d;
        }
      }
    }
    expect(asOf! >= newest).toBe(true);
    expect(asOf!.slice(0, 4)).toBe(newest.slice(0, 4));
  });

  it('the command it runs prints the example’s report (exit 0)', () => {
    const cmd = script.split('&&').pop()!.trim().split(/\s+/);
    expect(cmd[0]).toBe('node');
    const out = execFileSync(process.execPath, cmd.slice(1), { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(out).toContain(`截至 ${asOf}`);
  });
});
