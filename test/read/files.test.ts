/**
 * src/read/files.ts: what counts as a file inside the repository (also through `record --evidence`
 * with the built CLI), and folder paths as written in the settings.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInside, folderPath } from '../../src/read/files.js';
import { AS_OF, entryLines, freshRepo, qd, read, rec, tempDir } from '../support/cli.js';

describe('fileInside (B7)', () => {
  const root = tempDir();
  mkdirSync(join(root, '..notes'), { recursive: true });
  writeFileSync(join(root, '..notes', 'x.pdf'), 'x');
  writeFileSync(join(root, '..x.pdf'), 'x');
  writeFileSync(join(root, '..', 'outside.pdf'), 'x');
  symlinkSync(join(root, '..', 'outside.pdf'), join(root, 'link.pdf'));

  it('a name that only starts with two dots is inside', () => {
    expect(fileInside(root, root, '..notes/x.pdf')).toMatchObject({ ok: true, rel: '..notes/x.pdf' });
    expect(fileInside(root, root, '..x.pdf')).toMatchObject({ ok: true, rel: '..x.pdf' });
  });

  it('the parent, a path through it, an absolute path or a link leading out are outside', () => {
    expect(fileInside(root, root, '../outside.pdf')).toEqual({ ok: false, reason: 'outside' });
    expect(fileInside(root, join(root, '..notes'), '../../outside.pdf')).toEqual({ ok: false, reason: 'outside' });
    expect(fileInside(root, root, join(root, '..', 'outside.pdf'))).toEqual({ ok: false, reason: 'outside' });
    expect(fileInside(root, root, 'link.pdf')).toEqual({ ok: false, reason: 'outside' });
    expect(fileInside(root, root, '..')).toEqual({ ok: false, reason: 'outside' });
    expect(fileInside(root, root, '..notes')).toEqual({ ok: false, reason: 'not-a-file' });
  });

  it('record --evidence takes a file in a folder named ..notes', async () => {
    const dir = await freshRepo();
    mkdirSync(join(dir, '..notes'));
    writeFileSync(join(dir, '..notes', 'x.pdf'), 'minutes');
    const r = await rec(dir, ['office', 'T1.5', '--date', '2026-11-02', '--evidence', '..notes/x.pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(entryLines(read(dir, 'ledgers/2026/office.ledger'))[0]).toMatch(/ evidence:\.\.notes\/x\.pdf sha256:[0-9a-f]{12} id:/);
    const a = await qd(['--as-of', AS_OF, 'audit', '--json'], { cwd: dir });
    expect(JSON.parse(a.stdout).violations).toEqual([]);
  });
});

describe('folderPath (D2)', () => {
  it('forward slashes, no trailing slash', () => {
    expect(folderPath('ledgers')).toBe('ledgers');
    expect(folderPath('data\\ledgers\\')).toBe('data/ledgers');
    expect(folderPath('data/ledgers//')).toBe('data/ledgers');
  });
});
