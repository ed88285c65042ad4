/**
 * A small data repository written from inline files into a temporary folder outside git, for
 * tests whose arithmetic must be visible beside the data (test/e2e/reports/evaluation-day.test.ts,
 * test/e2e/sheets/): `smallRepo({ 'qingdan.yaml': …, 'templates/org.yaml': … })`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function smallRepo(files: Record<string, string>, prefix = 'qingdan-small-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
