/**
 * Golden diagnostics: `qingdan check` on the tiny data repositories under test/fixtures/<case>/, run
 * in-process through main() from src/cli.ts. One case per diagnostic code, a clean case and a mixed
 * one. The exact output is pinned in expected.zh.txt, expected.en.txt and expected.json; the code and
 * position of each finding are also written out by hand below, independently of the golden files.
 *
 * UPDATE_GOLDEN=1 npx vitest run test/e2e/check-golden.test.ts   rewrites the golden files (then read them!).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/core/diagnostic.js';
import { SELF } from '../support/self.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const AS_OF = '2026-11-27';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], opts: { isTTY?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: tmpdir(),
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: opts.isTTY ?? false,
    self: SELF,
    today: AS_OF,
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}

const L = 'ledgers/2026/office.ledger';
const C = 'templates/checklist-2026.yaml';

/** Where each single-code case must report its one finding: [file, line, column], counted by hand. */
const SINGLE: Record<DiagnosticCode, [string, number, number]> = {
  // reading and syntax
  'invalid-utf8': [L, 12, 27], // the 0xFF after "7月集中学习
  'no-final-newline': [L, 12, 36], // just after the last character of the unterminated line
  'yaml-syntax': ['qingdan.yaml', 5, 1], // second `org:` key
  schema: ['qingdan.yaml', 4, 1], // unknown key due_soon
  'bad-date': [L, 12, 1], // 2026-02-30
  'bad-line': [L, 12, 14], // `2026-07-01 hr` ends before the item
  'bad-quantity': [L, 12, 20], // 2.h
  'bad-note': [L, 12, 20], // the opening quote that is never closed
  'bad-tag': [L, 12, 29], // evidnce:photo.jpg
  // references
  'unknown-unit': [L, 12, 12], // offce
  'unknown-item': [L, 12, 15], // T1.9
  'unknown-person': [L, 12, 32], // by:yangg → the value
  'subject-out-of-scope': [L, 12, 12], // hr on the org-only item T2.2
  // dates
  'date-out-of-year': [L, 12, 1], // 2025-12-30
  'future-date': [L, 12, 1], // 2026-11-28 > today, 2026-11-27
  'bad-period': [L, 12, 36], // period:2026-13 → the value
  // quantities
  'measure-mismatch': [L, 12, 20], // 2篇 on an item counted in 学时
  'attendance-over': [L, 12, 20], // 6/5
  // ids and voids
  'duplicate-id': [L, 12, 32], // id:k003 again → the value
  'void-unknown': [L, 12, 17], // void k099
  'void-twice': [L, 12, 17], // void k007, already voided on line 9
  // inspection findings
  'inspector-not-allowed': [L, 12, 44], // inspector:yang, a clerk → the value
  'finding-incomplete': [L, 12, 24], // -1 without inspector: → the points
  'rectifies-unknown': [L, 12, 40], // rectifies:k099 → the value
  // ratings
  'rating-invalid': [L, 12, 19], // T1.2 is not scored by raters → the item
  'exempt-without-reason': [L, 12, 20], // exempt without a note
  'control-character': [L, 12, 20], // ESC ] 0 ; … BEL in the note → the note
  'invisible-character': [L, 12, 32], // id:k011 and a zero-width space → the value
  'bad-evidence-hash': [L, 12, 60], // sha256:abc → the value
  'evidence-outside': [L, 12, 38], // evidence:../minutes/2026-07.pdf → the value
  // templates and organisation
  'weights-total': [C, 4, 8], // total: 21
  'area-points': [C, 8, 13], // points: 11 of A1
  'duplicate-template-id': [C, 31, 9], // the second area is also A1
  'deadline-outside-period': [C, 54, 19], // deadline: 2027-01-15 of a once item
  'members-over-headcount': ['templates/org.yaml', 11, 64], // hr: members: 6, headcount: 5
  'per-person-nobody': [C, 16, 9], // per_person: { role: chief }, and 办公室's chief has no unit: → the key
  'duplicate-checklist-year': [C, 2, 7], // year: 2026, second after checklist-2026-b.yaml
  // roll-up
  'bad-lock': ['members.lock', 6, 17], // east's commit, two hex digits short → the value
};

/** The mixed case: five problems across two ledger files, in output order. */
const MIXED: [DiagnosticCode, string, number, number][] = [
  ['bad-date', 'ledgers/2026/hr.ledger', 2, 1], // 2026-02-29: 2026 is not a leap year
  ['unknown-unit', 'ledgers/2026/hr.ledger', 4, 12], // renshi
  ['duplicate-id', L, 5, 35], // k004, first in hr.ledger (read first: files in path order)
  ['unknown-item', L, 12, 15], // T9.1
  ['void-unknown', L, 13, 17], // void k404
];

const CASES = ['clean', 'mixed', ...DIAGNOSTIC_CODES];

/** Codes found with severity warning: `check` exits 0 on them (a second void of one entry is harmless). */
const WARNINGS: ReadonlySet<string> = new Set(['void-twice']);
const exitOf = (name: string) => (name === 'clean' || WARNINGS.has(name) ? 0 : 1);

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

function golden(dir: string, name: string, actual: string) {
  const path = join(dir, name);
  if (UPDATE) writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('fixtures', () => {
  it('there is one fixture per diagnostic code, plus clean and mixed', () => {
    // (other fixture folders, used by other tests, may sit beside them)
    const dirs = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const c of CASES) expect(dirs, `test/fixtures/${c}`).toContain(c);
    expect(Object.keys(SINGLE).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });
});

describe.each(CASES)('golden: %s', (name) => {
  const dir = join(FIXTURES, name);
  const base = ['-C', dir, 'check', '--no-color'];

  it('zh text output', async () => {
    const r = await run(base);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(exitOf(name));
    golden(dir, 'expected.zh.txt', r.stdout);
  });

  it('en text output', async () => {
    const r = await run([...base, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(exitOf(name));
    golden(dir, 'expected.en.txt', r.stdout);
  });

  it('json output, with the findings expected by hand', async () => {
    const r = await run([...base, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(exitOf(name));
    golden(dir, 'expected.json', r.stdout);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
    const got = diagnostics.map((d) => [d.code, d.file, d.line, d.column]);
    if (name === 'clean') expect(got).toEqual([]);
    else if (name === 'mixed') expect(got).toEqual(MIXED);
    else expect(got).toEqual([[name, ...SINGLE[name as DiagnosticCode]]]);
    for (const d of diagnostics) {
      expect(d.severity).toBe(WARNINGS.has(name) ? 'warning' : 'error');
      expect(d.message.length).toBeGreaterThan(0);
    }
  });
});

describe('golden: the text header of each finding matches the hand-written position', () => {
  it.each(DIAGNOSTIC_CODES.map((c) => [c]))('%s', async (code) => {
    const r = await run(['-C', join(FIXTURES, code), 'check', '--no-color', '--lang', 'en']);
    const [file, line, column] = SINGLE[code];
    const first = r.stdout.split('\n')[0];
    const severity = WARNINGS.has(code) ? 'warning' : 'error';
    expect(first?.startsWith(`${file}:${line}:${column}: ${severity} ${code}: `)).toBe(true);
    // the excerpt shows that line, and the caret line is under it
    expect(r.stdout.split('\n')[1]).toMatch(new RegExp(`^ ${line} \\| `));
    expect(r.stdout.split('\n')[2]).toMatch(/^ +\| +\^+$/);
    expect(r.stdout).toContain(WARNINGS.has(code) ? '1 warning' : '1 error (');
  });
});

describe('check: messages in both languages say what is wrong', () => {
  it('names the offending text and the suggestion', async () => {
    const zh = await run(['-C', join(FIXTURES, 'unknown-unit'), 'check', '--no-color']);
    expect(zh.stdout).toContain('未知的科室或人员“offce”；是否想写“office”？');
    const en = await run(['-C', join(FIXTURES, 'unknown-unit'), 'check', '--no-color', '--lang', 'en']);
    expect(en.stdout).toContain('unknown unit or person "offce"; did you mean "office"?');
  });

  it('the caret sits under the offending text by display width (CJK characters are two columns)', async () => {
    const r = await run(['-C', join(FIXTURES, 'bad-tag'), 'check', '--no-color']);
    const [, source, caret] = r.stdout.split('\n');
    expect(source).toBe(' 12 | 2026-07-03 hr T1.2 "7月集中学习" evidnce:photo.jpg id:k011');
    // `2026-07-03 hr T1.2 "7月集中学习" ` is 28 characters but 33 columns wide (5 CJK characters)
    expect(caret).toBe('    | ' + ' '.repeat(33) + '^'.repeat('evidnce:photo.jpg'.length));
  });

  it('the clean case summarises what it checked', async () => {
    const zh = await run(['-C', join(FIXTURES, 'clean'), 'check', '--no-color']);
    expect(zh.stdout).toBe('✓ 未发现问题：4 个文件，10 条登记，6 个清单项，2 个科室\n');
  });
});

describe('check: colour', () => {
  const dir = join(FIXTURES, 'mixed');
  const argv = ['-C', dir, 'check'];
  const ESC = '\u001b[';

  it('colours a TTY', async () => {
    const r = await run(argv, { isTTY: true });
    expect(r.stdout).toContain(ESC);
  });

  it('no colour when stdout is not a TTY', async () => {
    const r = await run(argv, { isTTY: false });
    expect(r.stdout).not.toContain(ESC);
  });

  it('no colour on a TTY with NO_COLOR set, or with --no-color', async () => {
    expect((await run(argv, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await run([...argv, '--no-color'], { isTTY: true })).stdout).not.toContain(ESC);
  });

  it('without colour, the output is the golden text exactly', async () => {
    const r = await run(argv, { isTTY: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).toBe(readFileSync(join(dir, 'expected.zh.txt'), 'utf8'));
  });

  it('JSON never has colour', async () => {
    const r = await run([...argv, '--json'], { isTTY: true });
    expect(r.stdout).not.toContain(ESC);
  });
});
