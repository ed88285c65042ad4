/** ledgerFileFor (src/recording/record-entry.ts): the ledger a record goes to. */
import { describe, expect, it } from 'vitest';
import type { Subject } from '../../src/core/catalog.js';
import { ledgerFileFor } from '../../src/recording/record-entry.js';

describe('ledgerFileFor', () => {
  it('ledgerFileFor: one file per unit and year, org.ledger for the organisation and people', () => {
    const unit = { kind: 'unit', unit: { id: 'office' } } as Subject;
    expect(ledgerFileFor('ledgers', 2026, unit)).toBe('ledgers/2026/office.ledger');
    expect(ledgerFileFor('data/ledgers/', 2026, { kind: 'org' })).toBe('data/ledgers/2026/org.ledger');
    expect(ledgerFileFor('ledgers', 2026, { kind: 'person', person: { id: 'wangjianguo' } } as Subject)).toBe('ledgers/2026/org.ledger');
  });
});
