/**
 * loadRepo (src/recording/write-line.ts): under its lock, `record` lists the ledgers afresh but
 * reuses the templates it opened the repository with (no YAML there): only when their bytes are
 * still the same. A template or the settings changed in between is refused, and nothing is written.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepo } from '../../src/open/repo.js';
import { loadRepo } from '../../src/recording/write-line.js';
import { findVoidTarget } from '../../src/recording/void-entry.js';
import { QingdanError } from '../../src/errors.js';
import { SELF } from '../support/self.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qingdan-reload-'));
  for (const f of ['qingdan.yaml', 'templates', 'ledgers']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => openRepo({ C: dir, asOf: '2026-11-27' }, { cwd: dir, stdout: () => {}, stderr: () => {}, isTTY: false, env: {}, self: SELF });

describe('loadRepo under the lock', () => {
  it('sees a line appended since the repository was opened, with the templates it was opened with', async () => {
    const opened = await open();
    const ledger = join(dir, 'ledgers', '2026', 'office.ledger');
    appendFileSync(ledger, '2026-11-26 office T1.3 1次 "交流学习心得" by:wangjianguo id:zz9zz9\n');
    const loaded = loadRepo(dir, opened);
    expect(loaded.templates).toBe(opened.templates);
    expect(loaded.files).toContain('ledgers/2026/office.ledger');
    const { entry, context } = findVoidTarget(loaded, 'zz9zz9');
    expect(entry).toMatchObject({ id: 'zz9zz9', item: 'T1.3', file: 'ledgers/2026/office.ledger' });
    expect(context.map((l) => l.file)).toEqual(['ledgers/2026/office.ledger']);
  });

  for (const file of ['templates/org.yaml', 'templates/checklist-2026.yaml', 'qingdan.yaml']) {
    it(`refuses when ${file} changed since the repository was opened`, async () => {
      const opened = await open();
      appendFileSync(join(dir, file), '# edited\n');
      expect(() => loadRepo(dir, opened)).toThrow(QingdanError);
      try {
        loadRepo(dir, opened);
      } catch (e) {
        expect((e as QingdanError).key).toBe('templates-changed');
      }
      expect(readFileSync(join(dir, file), 'utf8')).toMatch(/# edited\n$/);
    });
  }
});
