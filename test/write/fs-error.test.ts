/**
 * fsFailure (src/write/fs-error.ts): a full disk, a read-only file system, no permission — each
 * the user's error naming the path, with a message in both languages; anything else stays a bug.
 * (EACCES and EPERM cannot be made real here: the tests run as root, whom permissions do not stop;
 * ENOSPC and EROFS are also made real in test/e2e/record-hardening.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { QingdanError } from '../../src/errors.js';
import { errorsEn } from '../../src/i18n/errors-en.js';
import { errorsZh } from '../../src/i18n/errors-zh.js';
import { fsFailure, mapFsErrors } from '../../src/write/fs-error.js';

function errno(code: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: something, write`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

describe('fsFailure', () => {
  it.each([
    ['ENOSPC', 'disk-full', '磁盘空间已满', 'the disk is full'],
    ['EDQUOT', 'disk-full', '超出磁盘配额', 'disk quota'],
    ['EROFS', 'read-only', '只读', 'read-only'],
    ['EACCES', 'no-permission', '没有写入权限', 'permission denied'],
    ['EPERM', 'no-permission', '没有写入权限', 'permission denied'],
  ])('%s → %s, naming the path, in zh and en', (code, key, zh, en) => {
    const e = fsFailure(errno(code), 'ledgers/2026/office.ledger');
    expect(e).toBeInstanceOf(QingdanError);
    const q = e as QingdanError;
    expect(q.key).toBe(key);
    expect(q.exitCode).toBe(2);
    expect(q.details).toContain(code);
    const zhText = errorsZh[q.key](q.params);
    const enText = errorsEn[q.key](q.params);
    expect(zhText).toContain('ledgers/2026/office.ledger');
    expect(zhText).toContain(zh);
    expect(zhText).toContain('未写入任何内容');
    expect(enText).toContain('ledgers/2026/office.ledger');
    expect(enText).toContain(en);
    expect(enText).toContain('nothing was written');
  });

  it('leaves anything else as it is (a bug, shown as an internal error), and a QingdanError too', () => {
    const odd = errno('EISDIR');
    expect(fsFailure(odd, 'x')).toBe(odd);
    const plain = new TypeError('boom');
    expect(fsFailure(plain, 'x')).toBe(plain);
    const q = new QingdanError('cut-off', { file: 'f', line: 1, text: '' });
    expect(fsFailure(q, 'x')).toBe(q);
  });

  it('mapFsErrors maps what its function throws', () => {
    expect(() =>
      mapFsErrors('reports/a.md', () => {
        throw errno('EROFS');
      }),
    ).toThrow(expect.objectContaining({ key: 'read-only', params: { path: 'reports/a.md', code: 'EROFS' } }));
    expect(mapFsErrors('x', () => 7)).toBe(7);
  });
});
