/**
 * Inspection findings (检查扣分, issue 14 rule 2) on the county fixture (test/fixtures/sheets/county):
 * ledger lines that take points off a unit's item or a whole area, name their inspector, and may
 * give a rectification deadline; a later line records the rectification. The lines are added here,
 * beside the hand arithmetic. `report annual --year 2026` is evaluated on 2027-01-01.
 *
 * Without findings (template-rules.test.ts): 甲乡 3 of 3 (Z1.1 2, Z1.4 1), 乙镇 0.5 of 3 (Z1.1 1,
 * Z1.2 −1, Z1.4 0.5).
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../../support/example.js';

type Json = Record<string, any>;
const dir = mkdtempSync(join(tmpdir(), 'qingdan-findings-'));
cpSync(join(ROOT, 'test', 'fixtures', 'sheets', 'county'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

appendFileSync(
  join(dir, 'ledgers', '2026', 'townships.ledger'),
  [
    '; 检查发现的问题：甲乡专题会记录不规范（对清单项 Z1.1 扣0.5分，5月31日前整改，5月20日已整改）',
    '2026-04-15 jia Z1.1 -0.5 "专题会议记录不规范" inspector:fubuzhang rectify-by:2026-05-31 id:f00001',
    '2026-05-20 jia Z1.1 "已补齐会议记录" rectifies:f00001 id:r00001',
    '; 甲乡资料不规范（对整个方面 Z1 扣1分，10月31日前整改，未整改）',
    '2026-10-10 jia Z1 -1分 "党建资料不规范" inspector:buzhang rectify-by:2026-10-31 id:f00002',
    '; 乙镇考评资料缺失（对 Z1.4 扣1分，没有整改期限）',
    '2026-12-01 yi Z1.4 -1 "半年考评资料缺失" inspector:fubuzhang id:f00003',
    '',
  ].join('\n'),
);

async function json(argv: string[]): Promise<Json> {
  const r = await run(dir, [...argv, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const unit = (r: Json, id: string) => r.units.find((u: Json) => u.id === id);

describe('inspection findings', () => {
  it('check is clean: the inspectors are the secretary and a committee member (the default roles)', async () => {
    const r = await run(dir, ['check', '--as-of', '2027-01-20']);
    expect(r.code).toBe(0);
  });

  it('annual 2026 by hand: the points come off the item, then the area', async () => {
    const a = await json(['report', 'annual', '--year', '2026', '--as-of', '2027-01-20']);
    // 甲乡: Z1.1 2 − 0.5 = 1.5; Z1.4 1; area 1.5 + 1 = 2.5, less the area's finding 1 = 1.5 of 3 → 50 %
    expect(unit(a, 'jia')).toMatchObject({ score: 1.5, ytdMax: 3, percent: 50 });
    // 乙镇: Z1.4 0.5 − 1 stops at the item's floor 0; area 1 − 1 + 0 + 0 = 0 of 3
    expect(unit(a, 'yi')).toMatchObject({ score: 0, ytdMax: 3, percent: 0 });
    // rectified by its deadline; overdue (deadline passed, no rectification); open (no deadline)
    expect(a.inspections.map((f: Json) => `${f.date} ${f.subject} ${f.item} -${f.points} ${f.inspector.name} ${f.status}${f.rectifiedOn ? ` ${f.rectifiedOn}` : ''}`)).toEqual([
      '2026-04-15 jia Z1.1 -0.5 吴副部长 rectified 2026-05-20',
      '2026-10-10 jia Z1 -1 周部长 overdue',
      '2026-12-01 yi Z1.4 -1 吴副部长 open',
    ]);
  });

  it('as of 2026-05-25 the first finding is rectified, the second not yet made', async () => {
    const a = await json(['report', 'annual', '--year', '2026', '--as-of', '2026-05-25']);
    expect(a.inspections.map((f: Json) => `${f.id} ${f.item} ${f.status}`)).toEqual(['f00001 Z1.1 rectified']);
  });

  it('as of 2026-05-10 it is open: not rectified, its deadline not passed', async () => {
    const a = await json(['report', 'annual', '--year', '2026', '--as-of', '2026-05-10']);
    expect(a.inspections.map((f: Json) => `${f.item} ${f.status}`)).toEqual(['Z1.1 open']);
  });

  it('quarterly 2026-Q4 lists the findings made in the quarter; the table shows them', async () => {
    const q = await json(['report', 'quarterly', '--quarter', '2026-Q4', '--as-of', '2027-01-20']);
    expect(q.inspections.map((f: Json) => `${f.subject} ${f.item} ${f.status}`)).toEqual(['jia Z1 overdue', 'yi Z1.4 open']);
    const table = await run(dir, ['report', 'quarterly', '--quarter', '2026-Q4', '--as-of', '2027-01-20', '--no-color']);
    expect(table.stdout).toContain('检查发现的问题（2）');
    expect(table.stdout).toMatch(/甲乡.*Z1 .*-1.*党建资料不规范.*周部长.*2026-10-31.*逾期未整改/);
  });

  it('the findings are not completions: Z1.1 of 甲乡 still counts 4 meetings', async () => {
    const a = await json(['report', 'annual', '--year', '2026', '--as-of', '2027-01-20']);
    expect(unit(a, 'jia').missed).toEqual([]);
  });
});

describe('a finding named by a clerk, or without an inspector, is a check error', () => {
  const bad = mkdtempSync(join(tmpdir(), 'qingdan-findings-bad-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'sheets', 'county'), bad, { recursive: true });
  afterAll(() => rmSync(bad, { recursive: true, force: true }));
  appendFileSync(
    join(bad, 'ledgers', '2026', 'townships.ledger'),
    ['2026-04-15 jia Z1.1 -0.5 "记录不规范" inspector:jiashuji id:f00001', '2026-04-16 jia Z1.1 -0.5 "记录不规范" id:f00002', '2026-04-17 jia Z1.1 "整改" rectifies:f00009 id:r00001', ''].join('\n'),
  );
  it('inspector-not-allowed (a chief), finding-incomplete, rectifies-unknown', async () => {
    const r = await run(bad, ['check', '--as-of', '2027-01-20', '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout).diagnostics as Json[]).map((d) => d.code)).toEqual(['inspector-not-allowed', 'finding-incomplete', 'rectifies-unknown']);
  });
  it('with inspection.roles in the settings the chief may inspect', async () => {
    appendFileSync(join(bad, 'qingdan.yaml'), 'inspection:\n  roles: [secretary, committee, chief]\n');
    const r = await run(bad, ['check', '--as-of', '2027-01-20', '--json']);
    expect((JSON.parse(r.stdout).diagnostics as Json[]).map((d) => d.code)).toEqual(['finding-incomplete', 'rectifies-unknown']);
  });
});
