/** `qingdan list entries`: the entries with their ids and places, filtered, so the clerk can find what to void. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshRepo, qd } from '../support/cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Listed {
  entries: Array<{ id?: string; date: string; subject: string; item: string; quantity?: string; file: string; line: number; voided: boolean }>;
}

describe('qingdan list entries', () => {
  it('on the example: filtered by unit (id or name), item and month, with ids and places', async () => {
    const r = await qd(['-C', ROOT, '--as-of', '2026-11-27', 'list', 'entries', '--unit', '办公室', '--month', '2026-03', '--item', 't1.1', '--json'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const { entries } = JSON.parse(r.stdout) as Listed;
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect([e.subject, e.item, e.date.slice(0, 7), e.file]).toEqual(['office', 'T1.1', '2026-03', 'ledgers/2026/office.ledger']);
      expect(e.id).toMatch(/^[0-9a-z]{6}$/);
      expect(e.quantity).toMatch(/学时|h$/);
    }
    const text = await qd(['-C', ROOT, '--as-of', '2026-11-27', 'list', 'entries', '--unit', 'office', '--month', '2026-03'], { cwd: ROOT });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`ledgers/2026/office.ledger:${entries[0]!.line}`);
    expect(text.stdout).toContain(entries[0]!.id!);
  });

  it('marks a voided entry, and takes what void needs', async () => {
    const dir = await freshRepo();
    const rec = await qd(['--as-of', '2026-03-10', 'record', 'office', 'T1.5', '--date', '2026-03-10', '--json'], { cwd: dir });
    const id = (JSON.parse(rec.stdout) as { id: string }).id;
    expect((await qd(['--as-of', '2026-03-11', 'void', id, '--reason', '重复登记'], { cwd: dir })).code).toBe(0);
    const r = await qd(['--as-of', '2026-03-31', 'list', 'entries', '--json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as Listed).entries.map((e) => [e.id, e.voided])).toEqual([[id, true]]);
    const text = await qd(['--as-of', '2026-03-31', 'list', 'entries'], { cwd: dir });
    expect(text.stdout).toContain('[已作废]');
  });

  it('a unit that does not exist, or a month that is not one: exit 2', async () => {
    expect((await qd(['-C', ROOT, 'list', 'entries', '--unit', 'nosuch'], { cwd: ROOT })).code).toBe(2);
    expect((await qd(['-C', ROOT, 'list', 'entries', '--month', '2026-13'], { cwd: ROOT })).code).toBe(2);
  });
});
