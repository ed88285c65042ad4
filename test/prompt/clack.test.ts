/**
 * The terminal questions (src/prompt/clack.ts) driven through streams, as a terminal would: keys
 * in, the drawn prompt out. Labels from the templates reach the screen escaped; an answer that
 * fails its check is said and asked again; Enter on an empty line gives the fallback; Ctrl-C is
 * `cancelled` with exit code 130. The real terminal is test/e2e/record-prompts.test.ts (tmux).
 */
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { QingdanError } from '../../src/errors.js';
import type { Choice } from '../../src/io.js';
import { clackPrompter } from '../../src/prompt/clack.js';

function terminal() {
  const input = new PassThrough();
  let shown = '';
  const output = Object.assign(new Writable({ write: (c, _e, cb) => ((shown += String(c)), cb()) }), { columns: 100, rows: 30, isTTY: true });
  /** Types `keys`, one chunk after another, each once the prompt has drawn. */
  const type = (...keys: string[]) => {
    let t = 30;
    for (const k of keys) setTimeout(() => input.write(k), (t += 30));
  };
  return { p: clackPrompter(input, output, 'zh'), type, shown: () => shown };
}

const OSC = '\u001b]0;pwned\u0007';
const choices: Choice<string>[] = [
  { value: 'u1', label: `u1 一科${OSC}`, keys: ['u1', '一科'] },
  { value: 'u2', label: 'u2 二科\u202e', keys: ['u2', '二科'] },
  { value: 'office', label: 'office 办公室', keys: ['office', '办公室'] },
];

describe('clackPrompter', () => {
  it('picks by typing part of a key; labels are shown escaped, never raw', async () => {
    const t = terminal();
    t.type('二', '\r');
    expect(await t.p.pick('科室？', choices)).toBe('u2');
    expect(t.shown()).toContain('\\u{202e}');
    expect(t.shown()).not.toContain('\u202e');
    const u = terminal();
    u.type('\r');
    expect(await u.p.pick('科室？', choices)).toBe('u1');
    expect(u.shown()).toContain('一科\\u{1b}]0;pwned\\u{7}');
    expect(u.shown()).not.toContain(OSC);
  });

  it('offers the nearest choice for a typo, as the command line says "did you mean"', async () => {
    const t = terminal();
    t.type('offce', '\r');
    expect(await t.p.pick('科室？', choices)).toBe('office');
  });

  it('says what is wrong with an answer and asks again; Enter gives the fallback', async () => {
    const t = terminal();
    const check = (a: string) => (/^\d{4}-\d\d-\d\d$/.test(a) ? undefined : `日期“${a}”无效`);
    t.type('2026/11/01', '\r', '\x7f'.repeat(10), '2026-11-01', '\r');
    expect(await t.p.text('活动日期', { fallback: '2026-11-27', check })).toBe('2026-11-01');
    expect(t.shown()).toContain('日期“2026/11/01”无效');
    const u = terminal();
    u.type('\r');
    expect(await u.p.text('活动日期', { fallback: '2026-11-27', check })).toBe('2026-11-27');
  });

  it('Ctrl-C cancels: exit code 130', async () => {
    const t = terminal();
    t.type('半截', '\x03');
    const e = await t.p.text('备注').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QingdanError);
    expect((e as QingdanError).key).toBe('cancelled');
    expect((e as QingdanError).exitCode).toBe(130);
  });
});
