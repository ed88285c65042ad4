/**
 * checks/one-at-a-time.ts: `check` runs the ledger checks one ledger at a time and lets each go;
 * it must find exactly what the checks find on the whole dataset at once — ids repeated across
 * ledgers, voids of unknown, voided or void lines, and every per-line finding.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import type { Dataset } from '../../src/core/dataset.js';
import { sortDiagnostics } from '../../src/core/diagnostic.js';
import { CHECKS, TEMPLATE_CHECKS, runChecks } from '../../src/checks/index.js';
import { LedgerChecks } from '../../src/checks/one-at-a-time.js';
import { openRepo } from '../../src/open/repo.js';
import { AS_OF, appendLedger, copyExample } from '../support/example.js';
import { SELF } from '../support/self.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyExample('qingdan-one-at-a-time-')));
afterEach(() => cleanup());

const io = () => ({ cwd: dir, stdout: () => {}, stderr: () => {}, isTTY: false, env: {}, self: SELF });

describe('LedgerChecks', () => {
  it('finds what the ledger checks find on the whole dataset, and keeps no ledger in it', async () => {
    appendLedger(dir, 'office.ledger', [
      '2026-11-20 office T1.3 1次 id:dup001',
      '2026-11-21 office T1.3 2.5学时 id:bad002',
      '2026-11-22 void zzzzzz "no such entry" id:vd0003',
      '2026-11-23 void dup001 "first void" id:vd0004',
    ]);
    appendLedger(dir, 'finance.ledger', [
      '2026-11-20 finance T1.3 1次 id:dup001',
      '2026-11-21 nowhere T1.3 1次 id:unk005',
      '2026-11-24 void dup001 "second void" id:vd0006',
      '2026-11-25 void vd0004 "a void of a void" id:vd0007',
      '2026-11-26 finance T1.3 1次 id:Hand-Written',
      '2026-11-26 finance T1.3 1次 id:Hand-Written',
      '2026-12-30 finance T1.3 1次 id:fut008',
    ]);
    const whole = await openRepo({ C: dir, asOf: AS_OF }, io());
    const ds = whole.dataset!;
    const expected = runChecks({ ds, cat: buildCatalog(ds), asOf: AS_OF }, CHECKS.filter((c) => !TEMPLATE_CHECKS.includes(c)));
    expect(expected.map((d) => d.code)).toEqual(expect.arrayContaining(['duplicate-id', 'void-unknown', 'void-twice', 'measure-mismatch', 'unknown-unit', 'future-date']));

    let checks: LedgerChecks | undefined;
    let handed = 0;
    const streamed = await openRepo({ C: dir, asOf: AS_OF }, io(), {
      each: (ledger, base, asOf) => {
        handed++;
        (checks ??= new LedgerChecks(base as Dataset, asOf)).add(ledger);
      },
    });
    expect(streamed.dataset!.ledgers).toEqual([]);
    expect(handed).toBe(ds.ledgers.length);
    expect(checks!.lines).toBe(ds.ledgers.reduce((n, l) => n + l.lines.length, 0));
    expect(sortDiagnostics(checks!.findings())).toEqual(sortDiagnostics(expected));
  });
});

describe('a voided entry', () => {
  it('is not reported for what is wrong with it, by check or by the checks of reports — wherever its void is', async () => {
    appendLedger(dir, 'office.ledger', [
      '2026-11-20 offfice T1.3 1次 id:typo01',
      '2026-11-21 office T1.3 2.5学时 id:meas02',
      '2026-11-22 nowhere T1.3 1次 id:kept03',
    ]);
    appendLedger(dir, 'finance.ledger', ['2026-11-23 void meas02 "wrong measure" id:vd0001']);
    appendLedger(dir, 'office.ledger', ['2026-11-23 void typo01 "unit misspelt" id:vd0002']);
    const whole = await openRepo({ C: dir, asOf: AS_OF }, io());
    const ds = whole.dataset!;
    const found = runChecks({ ds, cat: buildCatalog(ds), asOf: AS_OF }, CHECKS.filter((c) => !TEMPLATE_CHECKS.includes(c)));
    const wrong = (list: typeof found) => list.filter((d) => d.severity === 'error').map((d) => [d.code, d.params.unit ?? d.params.name ?? '']);
    // only the line nobody voided is still an error
    expect(wrong(found)).toEqual([['unknown-unit', 'nowhere']]);

    let checks: LedgerChecks | undefined;
    await openRepo({ C: dir, asOf: AS_OF }, io(), {
      each: (ledger, base, asOf) => (checks ??= new LedgerChecks(base as Dataset, asOf)).add(ledger),
    });
    expect(wrong(checks!.findings())).toEqual([['unknown-unit', 'nowhere']]);
  });
});
