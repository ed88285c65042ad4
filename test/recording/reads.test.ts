/**
 * What `record` and `void` read (src/recording/write-line.ts): the ledger they write to, and of
 * the others only their bytes, searched for ids — never parsed. A repository of a million
 * entries costs a record hardly more than an office's year, and a broken ledger elsewhere does
 * not stop it (check reports that one). The parser is wrapped to see which files it is given.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import { openRepo } from '../../src/open/repo.js';
import { recordEntry } from '../../src/recording/record-entry.js';
import { AS_OF, copyExample, run } from '../support/example.js';
import { SELF } from '../support/self.js';

const parsed = vi.hoisted(() => [] as string[]);

vi.mock('../../src/parse/ledger.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/parse/ledger.js')>();
  return {
    ...m,
    parseLedgerBytes: (...args: Parameters<typeof m.parseLedgerBytes>) => {
      parsed.push(args[0]);
      return m.parseLedgerBytes(...args);
    },
    parseLedger: (...args: Parameters<typeof m.parseLedger>) => {
      parsed.push(args[0]);
      return m.parseLedger(...args);
    },
  };
});

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = copyExample('qingdan-reads-'));
  parsed.length = 0;
});
afterEach(() => cleanup());

const OFFICE = 'ledgers/2026/office.ledger';
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

describe('record and void parse only the ledger they write to', () => {
  it('record office parses office.ledger alone, and the line lands there', async () => {
    const r = await run(dir, ['--as-of', AS_OF, 'record', 'office', 'T1.3', '1次', '--note', '交流学习心得', '--no-commit']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(OFFICE)).toMatch(/\n2026-11-27 office T1\.3 1次 "交流学习心得" id:[a-z0-9]{6}\n$/);
    expect(r.stdout).toContain('T1.3');
    expect(new Set(parsed)).toEqual(new Set([OFFICE]));
  });

  it('void parses only the ledgers that hold the id', async () => {
    const r = await run(dir, ['--as-of', AS_OF, 'void', 'zsn9wq', '--reason', '重复登记', '--no-commit']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(OFFICE)).toMatch(/\n2026-11-27 void zsn9wq "重复登记" id:[a-z0-9]{6}\n$/);
    expect(new Set(parsed)).toEqual(new Set([OFFICE]));
  });

  it('a broken ledger of another unit does not stop a record of office; check still reports it', async () => {
    const party = join(dir, 'ledgers', '2026', 'finance.ledger');
    const broken = Buffer.concat([readFileSync(party), Buffer.from('2026-13-45 nobody ??? garbage\n\xff\xfe not utf-8\n', 'latin1'), Buffer.from('2026-11-20 finance T1.3 1次 "cut off')]);
    writeFileSync(party, broken);
    const r = await run(dir, ['--as-of', AS_OF, 'record', 'office', 'T1.3', '1次', '--no-commit']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(party)).toEqual(broken);
    const check = await run(dir, ['--as-of', AS_OF, 'check']);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain('finance.ledger');
  });

  it("the new line's own errors still refuse it, with nothing written", async () => {
    const before = read(OFFICE);
    const r = await run(dir, ['--as-of', AS_OF, 'record', 'office', 'T1.3', '2.5学时', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/T1\.3/);
    expect(read(OFFICE)).toBe(before);
  });

  it('an id in use in any other ledger is never drawn: the next one is', async () => {
    // the first id drawn is aaaaaa, the second bbbbbb
    writeFileSync(join(dir, 'ledgers', '2026', 'hr.ledger'), `${read('ledgers/2026/hr.ledger')}2026-11-20 hr T1.3 1次 id:aaaaaa\n`);
    const opened = await openRepo({ C: dir, asOf: AS_OF }, { cwd: dir, stdout: () => {}, stderr: () => {}, isTTY: false, env: {}, self: SELF }, { ledgers: false });
    parsed.length = 0;
    const cat = buildCatalog(opened.dataset!);
    let draws = 0;
    const random = (n: number) => new Uint8Array(n).fill(draws++ === 0 ? 0 : 1);
    const written = recordEntry(
      opened,
      { root: dir, asOf: AS_OF, commit: false, env: {}, self: SELF, random },
      { subject: { kind: 'unit', unit: cat.units.get('office')! }, item: cat.checklists.get(2026)!.items.get('T1.3')!.item, date: AS_OF, exempt: false },
      () => '',
    );
    expect(written.id).toBe('bbbbbb');
    expect(read(OFFICE).endsWith(`id:bbbbbb\n`)).toBe(true);
    expect(parsed).toEqual([]);
  });
});
