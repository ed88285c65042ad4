/**
 * Choosing a report's period through the CLI (main() in-process on a copy of the example): a bad
 * --month/--quarter/--year/--period, kind or format, or a year without a checklist, is exit 2. The
 * choice itself, option by option, is tested on selectPeriod in test/core/reports/select.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, run } from '../../support/example.js';

describe('option errors', () => {
  describe('through the CLI: exit 2, a message on stderr, nothing on stdout', () => {
    let dir: string;
    let cleanup: () => void;
    beforeAll(() => ({ dir, cleanup } = copyExample('qingdan-select-')));
    afterAll(() => cleanup?.());

    for (const argv of [
      ['report', 'annual', '--month', '2026-10'],
      ['report', 'monthly', '--month', '2026-13'],
      ['report', 'quarterly', '--quarter', '2026-Q5'],
      ['report', 'monthly', '--period', 'last'],
      ['report', 'weekly'],
      ['report', 'monthly', '--format', 'xlsx'],
    ]) {
      it(argv.join(' '), async () => {
        const r = await run(dir, [...argv, '--as-of', '2026-11-27']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^qingdan: /);
        expect(r.stderr).toContain(argv[argv.length - 1]!);
      });
    }

    it('a year without a checklist is an error, not an empty report', async () => {
      const r = await run(dir, ['report', 'annual', '--year', '2025', '--as-of', '2026-11-27']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('2025');
    });
  });
});
