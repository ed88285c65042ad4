/**
 * Text that reaches a terminal, and ledgers outside the repository, end to end (built CLI, real
 * temporary repositories): a control sequence or a bidirectional override in a template, a
 * zero-width look-alike or an evidence path leading out in a ledger are `check` errors at their
 * line and column, and no command prints them as they are; `paths.ledgers` and `paths.templates`
 * leading out of the repository (absolute, `..`, a symbolic link) are refused by every command.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, freshRepo, gitEnv, qd, tempDir } from '../support/cli.js';

const OSC = '\u001b]0;pwned\u0007';
// every character of the rule (src/core/characters.ts), as it must never reach a terminal
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** The example with an OSC sequence in the title of T1.1 (line 16) and a right-to-left override in the name of office (line 32). */
async function tampered(): Promise<string> {
  const dir = await freshRepo();
  edit(dir, 'templates/checklist-2026.yaml', 'title: 远程教育平台专家课程学习', 'title: "远程教育平台专家课程学习\\e]0;pwned\\a"');
  edit(dir, 'templates/org.yaml', 'name: 办公室,', 'name: "办公\\u202e室",');
  writeFileSync(
    join(dir, 'ledgers/2026/office.ledger'),
    [
      '; 办公室',
      '2026-03-15 office\u200b T1.1 3.5h "学习" id:a1b2c3',
      '2026-03-16 office T1.1 2h "学习" evidence:../outside/minutes.pdf id:a1b2c4',
      `2026-03-17 office T1.1 2h "学习${OSC}" id:a1b2c5`,
      '',
    ].join('\n'),
  );
  return dir;
}

describe('text that reaches a terminal', () => {
  it('check: each finding at the line and column of the YAML value or ledger token, naming the character', async () => {
    const dir = await tampered();
    const r = await qd(['--as-of', AS_OF, 'check', '--json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout).diagnostics as { file: string; line: number; column: number; code: string; message: string }[]).map((d) => [d.code, `${d.file}:${d.line}:${d.column}`, d.message]);
    expect(found.map(([code, at]) => [code, at])).toEqual([
      ['invisible-character', 'ledgers/2026/office.ledger:2:12'],
      ['unknown-unit', 'ledgers/2026/office.ledger:2:12'],
      ['evidence-outside', 'ledgers/2026/office.ledger:3:41'],
      ['control-character', 'ledgers/2026/office.ledger:4:27'],
      ['control-character', 'templates/checklist-2026.yaml:16:16'],
      ['control-character', 'templates/org.yaml:32:25'],
    ]);
    expect(found[0]![2]).toContain('U+200B (ZERO WIDTH SPACE) at character 7');
    expect(found[4]![2]).toContain('U+001B (ESCAPE)');
    expect(found[5]![2]).toContain('U+202E (RIGHT-TO-LEFT OVERRIDE)');
  });

  it('check, report monthly (table and md), due and list print them escaped, never raw — on a terminal too', async () => {
    const dir = await tampered();
    const runs: [string[], string][] = [
      [['check'], 'office\\u{200b}'],
      [['report', 'monthly', '--unit', 'office'], '办公\\u{202e}室'],
      [['report', 'monthly', '--unit', 'office', '--format', 'md'], '办公\\\\u{202e}室'],
      [['due', '--within', '60d', '--unit', 'office'], '办公\\u{202e}室'],
      [['list', 'items'], '远程教育平台专家课程学习\\u{1b}]0;pwned\\u{7}'],
      [['list', 'units'], '办公\\u{202e}室'],
    ];
    for (const [args, shown] of runs) {
      for (const env of [{}, { COLUMNS: '100' }] as Record<string, string>[]) {
        const r = await qd(['--as-of', AS_OF, ...args], { cwd: dir, env: gitEnv(env) });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(1);
        expect(r.stdout, args.join(' ')).toContain(shown);
        expect(r.stdout, args.join(' ')).not.toMatch(RAW);
        expect(r.stderr, args.join(' ')).not.toMatch(RAW);
      }
    }
  });
});

describe('ledgers and templates outside the repository', () => {
  const COMMANDS: string[][] = [
    ['check'],
    ['due'],
    ['report', 'monthly'],
    ['list', 'units'],
    ['record', 'office', 'T1.1', '2h', '--note', '学习'],
    ['void', 'a1b2c3', '--reason', '错误'],
    ['audit'],
  ];

  /** A repository whose qingdan.yaml sets `setting` (paths.ledgers or paths.templates) to `value`. */
  async function withPath(key: 'ledgers' | 'templates', value: (dir: string, outside: string) => string): Promise<{ dir: string; value: string }> {
    const dir = await freshRepo();
    const outside = tempDir('outside');
    mkdirSync(join(outside, '2026'), { recursive: true });
    writeFileSync(join(outside, '2026', 'office.ledger'), '2026-03-15 office T1.1 3.5h "外部" id:a1b2c3\n');
    const v = value(dir, outside);
    writeFileSync(join(dir, 'qingdan.yaml'), `${readFileSync(join(dir, 'qingdan.yaml'), 'utf8')}\npaths:\n  ${key}: ${JSON.stringify(v)}\n`);
    return { dir, value: v };
  }

  const CASES: [string, 'ledgers' | 'templates', (dir: string, outside: string) => string, RegExp][] = [
    ['an absolute path', 'ledgers', (_dir, outside) => outside, /is an absolute path/],
    ['a .. path', 'ledgers', () => '../outside', /leads out of the data repository/],
    ['a symbolic link leading out', 'ledgers', (dir, outside) => (symlinkSync(outside, join(dir, 'data')), 'data'), /through a symbolic link/],
    ['a folder under a symbolic link leading out, not there yet', 'ledgers', (dir, outside) => (symlinkSync(outside, join(dir, 'data')), 'data/new'), /through a symbolic link/],
    ['templates by ..', 'templates', () => 'templates/../../t', /leads out of the data repository/],
    ['templates through a symbolic link', 'templates', (dir, outside) => (cpSync(join(dir, 'templates'), join(outside, 't'), { recursive: true }), symlinkSync(join(outside, 't'), join(dir, 't')), 't'), /through a symbolic link/],
  ];

  it.each(CASES)('%s: every command refuses it (exit 2), naming the setting', async (_name, key, value, reason) => {
    const { dir, value: v } = await withPath(key, value);
    for (const args of COMMANDS) {
      const r = await qd(['--as-of', AS_OF, '--lang', 'en', ...args], { cwd: dir });
      expect(r.code, `${args[0]}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr, args[0]).toContain(`paths.${key} in qingdan.yaml is ${JSON.stringify(v)}`);
      expect(r.stderr, args[0]).toMatch(reason);
      expect(r.stdout, args[0]).toBe('');
    }
    // and in Chinese, the language of the settings
    const zh = await qd(['--as-of', AS_OF, 'check'], { cwd: dir });
    expect(zh.stderr).toContain(`qingdan.yaml 中 paths.${key} 设为`);
  });

  it('a folder inside, through a link that stays inside, and a name that starts with two dots are read as before', async () => {
    const { dir } = await withPath('ledgers', (d) => (symlinkSync(join(d, 'ledgers'), join(d, 'data')), 'data'));
    const r = await qd(['--as-of', AS_OF, 'check'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dotted = await withPath('ledgers', () => '..ledgers');
    expect((await qd(['--as-of', AS_OF, 'check'], { cwd: dotted.dir })).code).toBe(0);
  });
});
