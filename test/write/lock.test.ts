/** acquireLock (src/write/lock.ts) on its own: exclusive, with a timeout, and a stale lock broken. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockTimeout } from '../../src/write/lock.js';
import { SELF } from '../support/self.js';
import { tempDir } from '../support/cli.js';

describe('the lock itself', () => {
  it('is exclusive, times out, and breaks a lock whose owner is dead', () => {
    const dir = tempDir('lock');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'q.lock');
    const a = acquireLock(path, { self: SELF });
    expect(() => acquireLock(path, { self: SELF, timeoutMs: 50 })).toThrow(LockTimeout);
    a.release();
    const b = acquireLock(path, { self: SELF, timeoutMs: 50 });
    b.release();
    // a dead owner: a pid that cannot be alive on this host
    writeFileSync(path, `2147483646\n${hostname()}\n2026-01-01T00:00:00Z\n`);
    const c = acquireLock(path, { self: SELF, timeoutMs: 50 });
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(String(process.pid));
    c.release();
    expect(existsSync(path)).toBe(false);
  });

  it('treats an old lock from another host as stale only after staleMs', () => {
    const dir = tempDir('lock2');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'q.lock');
    writeFileSync(path, `1\nsome-other-host\n2026-01-01T00:00:00Z\n`);
    expect(() => acquireLock(path, { self: SELF, timeoutMs: 30 })).toThrow(LockTimeout);
    const later = Date.now() + 11 * 60_000;
    const l = acquireLock(path, { self: SELF, timeoutMs: 30, now: () => later });
    l.release();
  });
});
