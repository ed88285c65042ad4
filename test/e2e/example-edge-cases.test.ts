/**
 * Edge cases of the commands on the example, found by the code review (each failed before its
 * fix): the year boundary (the annual report in January, a January void of last year's entry, a
 * report year without one in the settings), --unit/--person selections, a relative --out with -C,
 * scoring rules the schema refuses, and control characters in a note. They run `main()` in-process
 * on a copy of the example outside git.
 */
import { mkdtempSync, readFileSync, existsSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLedger, copyExample, run } from '../support/example.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const example = () => {
  const c = copyExample('qingdan-review-');
  cleanups.push(c.cleanup);
  return c.dir;
};

interface Annual {
  units: { id: string; missed: { item: string; period: string }[] }[];
  supervisors: { id: string }[];
  provenance: { asOf: string };
}

describe('the annual report after the year', () => {
  it('counts work due in January: the December report filed on 4 January is met, a missing one is missed', async () => {
    const dir = example();
    const before = JSON.parse((await run(dir, ['--as-of', '2027-01-10', 'report', 'annual', '--year', '2026', '--format', 'json'])).stdout) as Annual;
    // evaluated as of 10 January, not 31 December
    expect(before.provenance.asOf).toBe('2027-01-10');
    const office = (r: Annual) => r.units.find((u) => u.id === 'office')!.missed.map((m) => `${m.item} ${m.period}`);
    // T5.5 (一月一汇报) for December was due on 5 January and is not there
    expect(office(before)).toContain('T5.5 2026-12');
    appendLedger(dir, 'office.ledger', ['2027-01-04 office T5.5 "12月汇报" period:2026-12 id:dec001']);
    const after = JSON.parse((await run(dir, ['--as-of', '2027-01-10', 'report', 'annual', '--year', '2026', '--format', 'json'])).stdout) as Annual;
    expect(office(after)).not.toContain('T5.5 2026-12');
  });
});

describe('the year of a report', () => {
  it('report annual --year 2026 in January 2027 works without a year in the settings (and evaluates once)', async () => {
    const dir = example();
    const settings = join(dir, 'qingdan.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^year: 2026$/m, ''));
    const r = await run(dir, ['--as-of', '2027-01-10', 'report', 'annual', '--year', '2026', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).year).toBe(2026);
  });
});

describe('selections', () => {
  it('report annual --unit office keeps that unit and its supervisor only', async () => {
    const dir = example();
    const r = await run(dir, ['--as-of', '2026-11-27', 'report', 'annual', '--unit', 'office', '--format', 'json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as Annual;
    expect(rep.units.map((u) => u.id)).toEqual(['office']);
    expect(rep.supervisors.map((s) => s.id)).toEqual(['chenxiaoyan']);
  });

  it('due --unit and --person must name a unit and a person: a typo is exit 2, not "nothing due"', async () => {
    const dir = example();
    for (const argv of [['due', '--unit', 'ofice'], ['due', '--person', 'nobody'], ['due', '--fail', '--unit', 'ofice']]) {
      const r = await run(dir, ['--as-of', '2026-11-27', ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(argv[argv.length - 1]!);
    }
  });
});

describe('voids and years', () => {
  it("a void dated in January cancels last year's entry without a checklist for the new year", async () => {
    const dir = example();
    appendLedger(dir, 'office.ledger', ['2027-01-08 void ad18ij "登记错误" id:vv0001']);
    const r = await run(dir, ['--as-of', '2027-01-10', 'check', '--json']);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('--out with -C', () => {
  it('a relative --out is taken from the -C folder, as git does', async () => {
    const dir = example();
    const elsewhere = mkdtempSync(join(tmpdir(), 'qingdan-cwd-'));
    cleanups.push(() => rmSync(elsewhere, { recursive: true, force: true }));
    const r = await run(elsewhere, ['-C', dir, '--as-of', '2026-11-27', 'report', 'monthly', '--month', '2026-10', '--out', 'out/']);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'monthly-2026-10.txt'))).toBe(true);
    expect(existsSync(join(elsewhere, 'out'))).toBe(false);
  });
});

describe('scoring rules in templates', () => {
  const checklist = (dir: string) => join(dir, 'templates', 'checklist-2026.yaml');
  it('deduct without per_miss, and a floor above the weight, are schema errors at the key', async () => {
    const dir = example();
    const text = readFileSync(checklist(dir), 'utf8');
    const rule = 'scoring: { rule: deduct, per_miss: 0.5, floor: 0 }';
    const first = text.indexOf(rule);
    const second = text.indexOf(rule, first + 1);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    const changed =
      text.slice(0, first) + 'scoring: { rule: deduct, floor: 0 }' + text.slice(first + rule.length, second) + 'scoring: { rule: deduct, per_miss: 0.5, floor: 99 }' + text.slice(second + rule.length);
    writeFileSync(checklist(dir), changed);
    const r = await run(dir, ['--as-of', '2026-11-27', '--lang', 'en', 'check', '--json']);
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout).diagnostics as { code: string; message: string }[]).map((d) => `${d.code}: ${d.message}`);
    expect(messages.some((m) => m.startsWith('schema:') && m.includes('per_miss'))).toBe(true);
    expect(messages.some((m) => m.startsWith('schema:') && m.includes('floor cannot be above'))).toBe(true);
  });
});

describe('text that reaches a terminal', () => {
  it('a control sequence in a hand-edited note is a check error and never printed raw by reports', async () => {
    const dir = example();
    appendFileSync(join(dir, 'ledgers', '2026', 'office.ledger'), '2026-11-25 office T1.5 "学习\u001b]0;pwned\u0007" id:esc001\n');
    const c = await run(dir, ['--as-of', '2026-11-27', 'check']);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('control-character');
    expect(c.stdout).not.toContain('\u001b');
    const m = await run(dir, ['--as-of', '2026-11-27', 'report', 'monthly', '--unit', 'office', '--detail']);
    expect(m.stdout).toContain('学习\\u{1b}]0;pwned\\u{7}');
    expect(m.stdout).not.toMatch(/[\u0007\u001b]/);
  });
});
