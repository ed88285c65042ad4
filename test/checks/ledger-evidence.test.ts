/** ledger-evidence: an evidence path that leaves the repository by what it says, and a hash too short to prove anything. */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/catalog.js';
import type { Dataset } from '../../src/core/dataset.js';
import { ledgerEvidence, leavesRepository } from '../../src/checks/ledger-evidence.js';
import { withSources } from '../../src/parse/dataset.js';
import { dataset, ledger } from '../core/helpers.js';

const ITEMS = [{ id: 'T1', title: '学习', level: 'direct' as const, cadence: 'monthly' as const, weight: 10 }];

function findings(lines: string[]) {
  const l = ledger(lines);
  const ds: Dataset = { ...dataset({ items: ITEMS }), ledgers: [{ file: l.file, lines: l.lines }] };
  const list = ledgerEvidence({ ds, cat: buildCatalog(ds), asOf: '2026-12-31' });
  return withSources(list, new Map([[l.file, l.content]])).map((d) => [d.code, `${d.line}:${d.column}`, d.params.path ?? d.params.text]);
}

describe('leavesRepository', () => {
  it.each(['../x.pdf', '..', 'a/../../x.pdf', 'a\\..\\..\\x.pdf', '/etc/passwd', '\\\\server\\share\\x', 'C:\\x.pdf', 'c:x.pdf', './../x'])('%s leaves', (p) => {
    expect(leavesRepository(p)).toBe(true);
  });
  it.each(['minutes/3.pdf', 'a/../b.pdf', './x.pdf', '..notes/x.pdf', 'a/..b/x', 'x..pdf'])('%s stays inside', (p) => {
    expect(leavesRepository(p)).toBe(false);
  });
});

describe('ledger-evidence', () => {
  it('evidence-outside at the evidence value, for a parent path and an absolute one', () => {
    expect(
      findings([
        '2026-03-15 u1 T1 evidence:minutes/3.pdf sha256:0123456789ab id:a1',
        '2026-03-15 u1 T1 evidence:../secret.pdf id:a2',
        '2026-03-15 u1 T1 evidence:/etc/passwd id:a3',
      ]),
    ).toEqual([
      ['evidence-outside', '2:27', '../secret.pdf'],
      ['evidence-outside', '3:27', '/etc/passwd'],
    ]);
  });

  it('a hash that is not 12 to 64 hex digits is still bad-evidence-hash', () => {
    expect(findings(['2026-03-15 u1 T1 evidence:m.pdf sha256:abc id:a1'])).toEqual([['bad-evidence-hash', '1:40', 'abc']]);
  });
});
