/**
 * appendLine and undoAppend (src/write/append.ts): an append is taken back byte for byte — an old
 * file cut back to its size, a new one removed with the folders made for it — and never goes
 * through a link at the last step.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendLine, undoAppend } from '../../src/write/append.js';
import { tempDir } from '../support/cli.js';

describe('undoAppend', () => {
  it('cuts an old file back to its bytes before the append', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const abs = join(dir, 'office.ledger');
    writeFileSync(abs, '; header\n2026-01-05 office T1.1 id:aaaaaa\n');
    const before = readFileSync(abs);
    const a = appendLine(abs, '2026-01-07 office T1.1 id:cccccc');
    expect(a).toEqual({ created: false, offset: before.length, made: [] });
    expect(readFileSync(abs, 'utf8')).toContain('cccccc');
    undoAppend(abs, a);
    expect(readFileSync(abs).equals(before)).toBe(true);
  });

  it('removes a file it created and the folders made for it, not the ones that were there', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ledgers'), { recursive: true });
    const abs = join(dir, 'ledgers/2027/sub/org.ledger');
    const a = appendLine(abs, '2027-01-07 org T1.1 id:cccccc', '; 2027');
    expect(a.created).toBe(true);
    expect(a.made).toEqual([join(dir, 'ledgers/2027'), join(dir, 'ledgers/2027/sub')]);
    expect(readFileSync(abs, 'utf8')).toBe('; 2027\n2027-01-07 org T1.1 id:cccccc\n');
    undoAppend(abs, a);
    expect(existsSync(join(dir, 'ledgers/2027'))).toBe(false);
    expect(existsSync(join(dir, 'ledgers'))).toBe(true);
  });

  it('a folder that got other files meanwhile is kept', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const abs = join(dir, '2027/org.ledger');
    const a = appendLine(abs, '2027-01-07 org T1.1 id:cccccc');
    writeFileSync(join(dir, '2027/other.ledger'), '');
    undoAppend(abs, a);
    expect(existsSync(abs)).toBe(false);
    expect(existsSync(join(dir, '2027/other.ledger'))).toBe(true);
  });
});

describe('appendLine and links', () => {
  it('does not append through a symbolic link at the last step', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'x\n');
    symlinkSync(target, join(dir, 'office.ledger'));
    expect(() => appendLine(join(dir, 'office.ledger'), '2026-01-07 office T1.1 id:cccccc')).toThrow();
    expect(readFileSync(target, 'utf8')).toBe('x\n');
  });

  it('does not create a file through a dangling link', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 'nowhere.txt');
    symlinkSync(target, join(dir, 'office.ledger'));
    expect(() => appendLine(join(dir, 'office.ledger'), '2026-01-07 office T1.1 id:cccccc')).toThrow();
    expect(existsSync(target)).toBe(false);
  });
});
