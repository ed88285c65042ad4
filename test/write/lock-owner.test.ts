/**
 * Whose lock it is (src/write/lock.ts): a lock of another host is reported after a short wait,
 * not waited on for the whole timeout; a live pid that is not a qingdan (the owner died and its pid
 * was reused) makes the lock stale; a live qingdan, or a pid that cannot be told, is waited for.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Self } from '../../src/io.js';
import { acquireLock, LockTimeout } from '../../src/write/lock.js';
import { SELF } from '../support/self.js';
import { tempDir } from '../support/cli.js';

function lockFile(content: string): string {
  const dir = tempDir('lock');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'q.lock');
  writeFileSync(path, content);
  return path;
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('a lock held from another host', () => {
  it('is reported after foreignWaitMs, with its owner, well before the timeout', () => {
    const path = lockFile('4242\nclerk-laptop\n2026-11-27T01:02:03.000Z\n');
    const start = Date.now();
    const e = thrown(() => acquireLock(path, { self: SELF, timeoutMs: 60_000, foreignWaitMs: 200 }));
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(e).toBeInstanceOf(LockTimeout);
    expect(e).toMatchObject({ foreign: true, owner: { pid: 4242, host: 'clerk-laptop', since: '2026-11-27T01:02:03.000Z' } });
    expect(existsSync(path)).toBe(true);
  });
});

describe('a live pid on this host', () => {
  // this test process is alive: its pid stands for any live process
  const content = `${process.pid}\n${hostname()}\n2026-11-27T01:02:03.000Z\n`;

  it('that is not a qingdan: the lock is stale and taken', () => {
    const path = lockFile(content);
    const self: Self = { ...SELF, pid: 1, looksLikeQingdan: () => false };
    const l = acquireLock(path, { self, timeoutMs: 200 });
    l.release();
    expect(existsSync(path)).toBe(false);
  });

  it('that is a qingdan, or cannot be told: waited for, then a timeout that is not "foreign"', () => {
    for (const looks of [() => true, () => undefined, undefined]) {
      const path = lockFile(content);
      const self: Self = { ...SELF, pid: 1, ...(looks ? { looksLikeQingdan: looks } : {}) };
      const e = thrown(() => acquireLock(path, { self, timeoutMs: 100 }));
      expect(e).toBeInstanceOf(LockTimeout);
      expect(e).toMatchObject({ foreign: false });
      expect(existsSync(path)).toBe(true);
    }
  });
});
