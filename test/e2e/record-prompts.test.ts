/**
 * `record` asking for what is missing, on a real terminal: the built CLI in a tmux pane, keys
 * typed as a clerk types them, the screen read back. Each answer is checked when it is given (a
 * typo in the unit finds the nearest unit, a date in the future and a wrong measure are said at
 * once and asked again), Enter skips an optional question, and Ctrl-C exits 130 with nothing
 * written and the answers so far given back as a command.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, CLI, entryLines, freshRepo, g, gitEnv } from '../support/cli.js';
import { closeTerminals, Pane } from '../support/tmux.js';

afterAll(closeTerminals);

const record = (dir: string, ...args: string[]) => new Pane(dir, gitEnv(), [process.execPath, CLI, '--as-of', AS_OF, 'record', ...args]);

describe('record asks on a terminal', () => {
  it('checks each answer as it is given, and records what was picked', async () => {
    const dir = await freshRepo();
    const t = record(dir);
    await t.until('科室或人员');
    t.type('offce');
    await t.until(/办公室/);
    t.press('Enter');

    await t.until('活动日期');
    t.type('2026-12-31');
    t.press('Enter');
    await t.until('晚于今天');
    t.press(...Array<string>(10).fill('BSpace'));
    t.type('2026-11-02');
    t.press('Enter');

    await t.until('清单项');
    t.type('T1.1');
    await t.until('远程教育平台专家课程学习');
    t.press('Enter');

    await t.until('数量');
    t.type('3篇');
    t.press('Enter');
    await t.until('以“学时”计');
    t.press('BSpace', 'BSpace');
    t.type('1.5h');
    t.press('Enter');

    await t.until('备注');
    t.press('Enter');
    expect(await t.exit()).toBe(0);
    const shown = await t.until('已登记');
    expect(shown).toContain('2026-11-02 office T1.1 1.5h id:');
    expect(entryLines(readFileSync(join(dir, 'ledgers/2026/office.ledger'), 'utf8'))).toEqual([expect.stringMatching(/^2026-11-02 office T1\.1 1\.5h id:[a-z0-9]{6}$/)]);
  });

  it('Ctrl-C: exit 130, nothing written, and the answers so far given back as a command', async () => {
    const dir = await freshRepo();
    const head = g(dir, ['rev-parse', 'HEAD']);
    const t = record(dir, '--note', '集中学习');
    await t.until('科室或人员');
    t.type('hr');
    t.press('Enter');
    await t.until('活动日期');
    t.press('Enter');
    await t.until('清单项');
    t.press('C-c');
    expect(await t.exit()).toBe(130);
    const shown = await t.until('已取消');
    expect(shown).toContain(`qingdan record hr ITEM --date ${AS_OF} --note 集中学习`.replace('集中学习', "'集中学习'"));
    expect(existsSync(join(dir, 'ledgers/2026/hr.ledger'))).toBe(false);
    expect(g(dir, ['rev-parse', 'HEAD'])).toBe(head);
  });
});
