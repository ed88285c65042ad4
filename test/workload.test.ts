/** Optimising compiles come back on once a megabyte of distinct ledgers has been read, and only once. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));

beforeEach(() => {
  vi.resetModules();
  setFlagsFromString.mockClear();
});

describe('ledgerBytesRead', () => {
  it('leaves V8 alone below a megabyte', async () => {
    const { ledgerBytesRead } = await import('../src/read/workload.js');
    for (let i = 0; i < 15; i++) ledgerBytesRead(`l${i}`, 65_536);
    ledgerBytesRead('last', 65_535);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('turns optimisation on at the byte that makes a megabyte, once', async () => {
    const { ledgerBytesRead } = await import('../src/read/workload.js');
    for (let i = 0; i < 16; i++) ledgerBytesRead(`l${i}`, 65_536);
    expect(setFlagsFromString.mock.calls).toEqual([['--opt']]);
    ledgerBytesRead('big', 10_000_000);
    expect(setFlagsFromString).toHaveBeenCalledTimes(1);
  });

  it('counts a ledger read again (record reads them once more under its lock) only once', async () => {
    const { ledgerBytesRead } = await import('../src/read/workload.js');
    for (let pass = 0; pass < 3; pass++) for (let i = 0; i < 8; i++) ledgerBytesRead(`ledgers/2026/u${i}.ledger`, 100_000);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
