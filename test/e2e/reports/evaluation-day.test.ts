/**
 * The evaluation day of a closed period (issue 14): a report on a year, a quarter or a month that
 * has ended is evaluated on the day after its last deadline (its last day plus the checklist's
 * longest grace, plus one), capped by --as-of; every view (scores, coverage, trend, findings,
 * accountability) uses that day. On the deadline itself an obligation due that day is still
 * "due soon"; a miss due on 31 December counts from 1 January, as `due` says.
 *
 * The repository: two units, a yearly item Y (6 points, due 31 December) and a quarterly item Q
 * (4 points, due at the quarter's end), 10 points in all. `good` does everything; `late` does Q in
 * Q1–Q3 only and never Y.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallRepo } from '../../support/small-repo.js';
import { run } from '../../support/example.js';

const ORG = `name: 测试支行
people:
  - { id: wang, name: 王建国, role: secretary }
  - { id: li, name: 李明华, role: committee }
  - { id: ma, name: 马秀兰, role: chief }
  - { id: zhou, name: 周德明, role: chief }
units:
  - { id: good, name: 办公室, chief: ma, supervisor: li, members: 5, headcount: 6 }
  - { id: late, name: 人事科, chief: zhou, supervisor: li, members: 5, headcount: 6 }
`;
const SETTINGS = `org: 测试支行
year: 2025
accountability:
  disqualify: { score_below: 70 }
`;
const checklist = (qDeadline: string) => `year: 2025
title: 测试清单
total: 10
areas:
  - id: A
    name: 甲
    items:
      - { id: Y, title: 年度总结, level: direct, cadence: yearly, weight: 6 }
      - { id: Q, title: 季度检查, level: direct, cadence: quarterly, weight: 4${qDeadline} }
`;
const LEDGER = `2025-06-01 good Y id:g0y001
2025-03-10 good Q id:g0q001
2025-06-10 good Q id:g0q002
2025-09-10 good Q id:g0q003
2025-12-10 good Q id:g0q004
2025-03-10 late Q id:l0q001
2025-06-10 late Q id:l0q002
2025-09-10 late Q id:l0q003
`;

type Json = Record<string, any>;

describe('no grace: the year 2025 is evaluated on 2026-01-01', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = smallRepo({
      'qingdan.yaml': SETTINGS,
      'templates/org.yaml': ORG,
      'templates/checklist-2025.yaml': checklist(''),
      'ledgers/2025/all.ledger': LEDGER,
    }));
  });
  afterAll(() => cleanup?.());
  const json = async (argv: string[]): Promise<Json> => {
    const r = await run(dir, [...argv, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('annual --year 2025 as of 2026-01-01, 2026-01-31 or later: the same report, as of 2026-01-01', async () => {
    const a = await json(['report', 'annual', '--year', '2025', '--as-of', '2026-01-01']);
    expect(a.asOf).toBe('2026-01-01');
    expect(a.provenance.asOf).toBe('2026-01-01');
    for (const asOf of ['2026-01-31', '2026-11-27']) {
      const b = await json(['report', 'annual', '--year', '2025', '--as-of', asOf]);
      expect(b.asOf, asOf).toBe('2026-01-01');
      expect(b.units, asOf).toEqual(a.units);
    }
  });

  it('the misses due on 31 December count: scores, accountability, coverage, trend', async () => {
    const a = await json(['report', 'annual', '--year', '2025', '--as-of', '2026-01-31']);
    const late = a.units.find((u: Json) => u.id === 'late');
    const good = a.units.find((u: Json) => u.id === 'good');
    // good: Y 6 + Q 4 × 4/4 = 10 of 10
    expect([good.score, good.ytdMax, good.percent]).toEqual([10, 10, 100]);
    // late: Y 0 (overdue) + Q 4 × 3/4 = 3, of 10 → 30 %; before the fix Y and Q4 were "due soon"
    // on 31 December and left the maximum: 3 of 7 would have been… 3 of 3 = 100 %
    expect([late.score, late.ytdMax, late.percent]).toEqual([3, 10, 30]);
    expect(late.missed.map((m: Json) => `${m.item} ${m.period} ${m.status}`)).toEqual(['Y 2025 overdue', 'Q 2025-Q4 overdue']);
    expect(late.accountability).toBe('disqualify');
    expect(a.accountability.map((r: Json) => `${r.kind}:${r.id}:${r.outcome}`)).toContain('unit:late:disqualify');
    // coverage: Y due for 2 units, 1 met; Q due 8 times, 7 met
    expect(a.coverage.map((c: Json) => `${c.item} ${c.met}/${c.due}`)).toEqual(['Y 1/2', 'Q 7/8']);
    // trend, December: Y × 2 and Q4 × 2 fell due, 2 met → 50 %
    expect(a.trend.at(-1)).toEqual({ month: '2025-12', due: 4, met: 2, rate: 50 });
  });

  it('as of 31 December itself, the obligations due that day are still due soon (nothing changed there)', async () => {
    const a = await json(['report', 'annual', '--year', '2025', '--as-of', '2025-12-31']);
    const late = a.units.find((u: Json) => u.id === 'late');
    expect(a.asOf).toBe('2025-12-31');
    expect([late.score, late.ytdMax]).toEqual([3, 3]);
  });

  it('quarterly --quarter 2025-Q4: evaluated on 2026-01-01, the two misses are findings, scores as the annual', async () => {
    const q = await json(['report', 'quarterly', '--quarter', '2025-Q4', '--as-of', '2026-01-31']);
    expect(q.asOf).toBe('2026-01-01');
    expect(q.findings.map((f: Json) => `${f.unit} ${f.item} ${f.period} ${f.status}`)).toEqual(['late Q 2025-Q4 overdue', 'late Y 2025 overdue']);
    expect(q.units.find((u: Json) => u.id === 'late')).toMatchObject({ score: 3, ytdMax: 10, percent: 30 });
  });

  it('quarterly --quarter 2025-Q3: evaluated on 2025-10-01, nothing missed', async () => {
    const q = await json(['report', 'quarterly', '--quarter', '2025-Q3', '--as-of', '2026-01-31']);
    expect(q.asOf).toBe('2025-10-01');
    expect(q.findings).toEqual([]);
    expect(q.units.find((u: Json) => u.id === 'late')).toMatchObject({ score: 3, ytdMax: 3, percent: 100 });
  });

  it('monthly --month 2025-12 lists both as overdue, as `due --as-of 2026-01-01` does', async () => {
    const m = await json(['report', 'monthly', '--month', '2025-12', '--as-of', '2026-01-31']);
    expect(m.asOf).toBe('2026-01-01');
    const late = m.subjects.find((s: Json) => s.id === 'late');
    expect(late.overdue.map((o: Json) => `${o.item} ${o.period}`)).toEqual(['Y 2025', 'Q 2025-Q4']);
    const due = await run(dir, ['due', '--as-of', '2026-01-01', '--json']);
    expect(due.stdout).toMatch(/"item":\s*"Y"[\s\S]*"status":\s*"overdue"/);
  });
});

describe('with grace: Q due 10 days after its quarter, the year is evaluated on 2026-01-11', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = smallRepo({
      'qingdan.yaml': SETTINGS,
      'templates/org.yaml': ORG,
      'templates/checklist-2025.yaml': checklist(', deadline: { days_after_period_end: 10 }'),
      // good files the Q4 report on 8 January, naming its period
      'ledgers/2025/all.ledger': LEDGER.replace('2025-12-10 good Q id:g0q004', '2026-01-08 good Q period:2025-Q4 id:g0q004'),
    }));
  });
  afterAll(() => cleanup?.());
  const annual = async (asOf: string): Promise<Json> => {
    const r = await run(dir, ['report', 'annual', '--year', '2025', '--as-of', asOf, '--format', 'json']);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  };

  it('as of 2026-01-10 (the last deadline) Q4 is still due soon for late: 3 of 9 (Y 0 of 6, Q 3 of 3)', async () => {
    const a = await annual('2026-01-10');
    expect(a.asOf).toBe('2026-01-10');
    expect(a.units.find((u: Json) => u.id === 'late')).toMatchObject({ score: 3, ytdMax: 9, percent: 33.3 });
  });

  it('from 2026-01-11 on, evaluated on 2026-01-11: 3 of 10; good filed on time, 10 of 10', async () => {
    for (const asOf of ['2026-01-11', '2026-03-01']) {
      const a = await annual(asOf);
      expect(a.asOf).toBe('2026-01-11');
      expect(a.units.find((u: Json) => u.id === 'late')).toMatchObject({ score: 3, ytdMax: 10, percent: 30 });
      expect(a.units.find((u: Json) => u.id === 'good')).toMatchObject({ score: 10, ytdMax: 10, percent: 100 });
    }
  });

  it('quarterly --quarter 2025-Q4 is evaluated on the same day, with the Q4 miss as a finding', async () => {
    const r = await run(dir, ['report', 'quarterly', '--quarter', '2025-Q4', '--as-of', '2026-03-01', '--format', 'json']);
    const q = JSON.parse(r.stdout);
    expect(q.asOf).toBe('2026-01-11');
    expect(q.findings.map((f: Json) => `${f.unit} ${f.item} ${f.period} ${f.due}`)).toEqual(['late Y 2025 2025-12-31', 'late Q 2025-Q4 2026-01-10']);
  });
});
