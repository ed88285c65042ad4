/** `record` says when an entry is back-dated — recorded after its period was closed, yet dated on time — as audit would. */
import { describe, expect, it } from 'vitest';
import { freshRepo, qd } from '../support/cli.js';

describe('record and back-dating', () => {
  it('warns on stderr for a March entry recorded in May, still writes it (exit 0)', async () => {
    const dir = await freshRepo();
    const r = await qd(['--as-of', '2026-05-20', 'record', 'office', 'T1.5', '--date', '2026-03-20'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('补登');
    expect(r.stderr).toContain('截止 2026-03-31'); // March's monthly study is due at the month's end, closed 7 days later
    expect(r.stderr).toContain('2026-04-07');
  });

  it('is silent for an entry recorded in time, and for late work dated when it was done', async () => {
    const dir = await freshRepo();
    const inTime = await qd(['--as-of', '2026-03-22', 'record', 'office', 'T1.5', '--date', '2026-03-20'], { cwd: dir });
    expect([inTime.code, inTime.stderr]).toEqual([0, '']);
    const late = await qd(['--as-of', '2026-05-20', 'record', 'office', 'T1.5', '--date', '2026-05-19', '--period', '2026-04'], { cwd: dir });
    expect([late.code, late.stderr]).toEqual([0, '']);
  });
});
