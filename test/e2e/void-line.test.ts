/**
 * Correcting a committed mistake, append-only (docs/recording.md, "Correcting a mistake"): a
 * wrong entry voided by its id, a line without an id voided by its file and line; after either,
 * `check` is clean and the pre-commit hook lets the next record through. A void of a line names
 * its text, so it still holds after a union merge of two clones. The built CLI on real git
 * repositories, with the sample hook of `init` switched on.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, CLI, freshRepo, g, gitEnv, qd, rec, tempDir } from '../support/cli.js';

const OFFICE = 'ledgers/2026/office.ledger';

/** The repository's sample pre-commit hook on, with `qingdan` on PATH at the tests' fixed today. */
function withHook(dir: string): Record<string, string> {
  g(dir, ['config', 'core.hooksPath', '.githooks']);
  const bin = tempDir('bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'qingdan'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" --as-of ${AS_OF} "$@"\n`);
  chmodSync(join(bin, 'qingdan'), 0o755);
  const env = gitEnv();
  return { ...env, PATH: `${bin}:${env.PATH}` };
}

/** Lines typed by hand into the office's ledger and committed past the hook, as happens. */
function commitByHand(dir: string, lines: string[], env: Record<string, string>): void {
  mkdirSync(join(dir, 'ledgers/2026'), { recursive: true });
  writeFileSync(join(dir, OFFICE), `; 2026 办公室 登记簿\n${lines.join('\n')}\n`);
  g(dir, ['add', '--', OFFICE], env);
  g(dir, ['commit', '-q', '--no-verify', '-m', 'typed by hand'], env);
}

const check = (dir: string, env: Record<string, string>) => qd(['--as-of', AS_OF, 'check'], { cwd: dir, env });

describe('correcting a committed mistake', () => {
  it('a line without an id: void --line FILE:LINE (as check prints it); check is clean and the hook lets the next record through', async () => {
    const dir = await freshRepo();
    const env = withHook(dir);
    commitByHand(dir, ['2026-03-02 offfice T1.3 1次', '2026-03-03 office T1.3 1次 id:good01'], env);
    const found = await check(dir, env);
    expect(found.code).toBe(1);
    const at = /ledgers\/2026\/office\.ledger:\d+:\d+/.exec(found.stdout)![0];
    expect(at).toBe(`${OFFICE}:2:12`);

    // the hook refuses the next record while the error stands; nothing is left behind
    const before = readFileSync(join(dir, OFFICE));
    const refused = await rec(dir, ['office', 'T1.3', '1次', '--date', '2026-11-20'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('git commit');
    expect(readFileSync(join(dir, OFFICE)).equals(before)).toBe(true);

    const voided = await qd(['--as-of', AS_OF, 'void', '--line', at, '--reason', '科室名写错', '--json'], { cwd: dir, env });
    expect(voided.code, voided.stderr).toBe(0);
    const out = JSON.parse(voided.stdout) as { text: string; voided: string; voidedText: string; commit: string };
    expect(out.voided).toBe(`${OFFICE}:2`);
    expect(out.voidedText).toBe('2026-03-02 offfice T1.3 1次');
    expect(out.text).toMatch(/^2026-11-27 void line:[0-9a-f]{12} "科室名写错" id:[a-z0-9]{6}$/);
    expect(g(dir, ['log', '-1', '--format=%s'], env)).toContain(`void: ${OFFICE}:2 2026-11-27`);

    expect((await check(dir, env)).code).toBe(0);
    const next = await rec(dir, ['office', 'T1.3', '1次', '--date', '2026-11-20'], env);
    expect(next.code, next.stderr).toBe(0);
    // the voided line counts for nothing: one completion besides good01, not two
    const listed = await qd(['--as-of', AS_OF, 'list', 'entries', '--unit', 'office', '--json'], { cwd: dir, env });
    expect((JSON.parse(listed.stdout) as { entries: unknown[] }).entries.map((e) => (e as { line: number }).line)).toEqual([3, 5]);
  });

  it('an entry with an id that is wrong: void ID; check no longer reports it', async () => {
    const dir = await freshRepo();
    const env = withHook(dir);
    commitByHand(dir, ['2026-03-02 offfice T1.3 1次 id:typo01'], env);
    expect((await check(dir, env)).code).toBe(1);
    const byLine = await qd(['--as-of', AS_OF, 'void', '--line', `${OFFICE}:2`, '--reason', 'x'], { cwd: dir, env });
    expect(byLine.code).toBe(2);
    expect(byLine.stderr).toContain('qingdan void typo01');
    const voided = await qd(['--as-of', AS_OF, 'void', 'typo01', '--reason', '科室名写错'], { cwd: dir, env });
    expect(voided.code, voided.stderr).toBe(0);
    expect((await check(dir, env)).code).toBe(0);
  });

  it('refuses what it cannot void: a blank line or a comment, no such line, a file that is no ledger, a text on two lines, both or neither of ID and --line', async () => {
    const dir = await freshRepo();
    const env = withHook(dir);
    commitByHand(dir, ['2026-03-02 offfice T1.3 1次', '', '2026-03-02 offfice T1.3 1次'], env);
    const v = (...args: string[]) => qd(['--as-of', AS_OF, '--lang', 'en', 'void', ...args, '--reason', 'x'], { cwd: dir, env });
    const cases: [string[], RegExp][] = [
      [['--line', `${OFFICE}:1`], /blank or a comment/],
      [['--line', `${OFFICE}:3`], /blank or a comment/],
      [['--line', `${OFFICE}:9`], /the file has 4 lines/],
      [['--line', 'qingdan.yaml:1'], /not a ledger of this repository/],
      [['--line', `${OFFICE}:2`], /more than once \(ledgers\/2026\/office\.ledger:2, ledgers\/2026\/office\.ledger:4\)/],
      [['--line', OFFICE], /invalid value/],
      [['abc123', '--line', `${OFFICE}:2`], /one of the two/],
      [[], /one of the two/],
    ];
    const before = g(dir, ['rev-parse', 'HEAD'], env);
    for (const [args, said] of cases) {
      const r = await v(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(said);
    }
    expect(g(dir, ['rev-parse', 'HEAD'], env)).toBe(before);
    expect(g(dir, ['status', '--porcelain'], env)).toBe('');
  });

  it('a void of a line still holds after a union merge of two clones, and a second void of it is refused', async () => {
    const dir = await freshRepo();
    const env = gitEnv();
    commitByHand(dir, ['2026-03-02 offfice T1.3 1次'], env);
    const other = tempDir('clone');
    g(dir, ['clone', '-q', dir, other], env);
    const mine = await qd(['--as-of', AS_OF, 'void', '--line', `${OFFICE}:2`, '--reason', '科室名写错'], { cwd: dir, env });
    expect(mine.code, mine.stderr).toBe(0);
    expect((await rec(other, ['office', 'T1.3', '1次', '--date', '2026-11-21'], env)).code).toBe(0);
    g(dir, ['pull', '-q', '--no-rebase', '--no-edit', other, 'main'], env);
    expect(readFileSync(join(dir, OFFICE), 'utf8').split('\n').filter(Boolean)).toHaveLength(4);
    expect((await check(dir, env)).code).toBe(0);
    const again = await qd(['--as-of', AS_OF, 'void', '--line', `${OFFICE}:2`, '--reason', 'again'], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('作废过');
  });
});
