/**
 * The annual report value (docs/scoring.md §5–6): unit scores as the sum of their areas, ranks with
 * ties, grades at their boundaries, share of the annual assessment, roll-ups per supervisor, per
 * level, the organisation's and people's own items, and accountability with its triggers.
 */
import { describe, expect, it } from 'vitest';
import { judge, worse } from '../../../src/core/accountability.js';
import type { Organisation, Settings } from '../../../src/core/model.js';
import { annualReport, gradeOf } from '../../../src/core/reports/annual.js';
import { loadOrg, run, type ItemInput } from '../helpers.js';

/** The fixture organisation plus a fourth unit u4 (chief ch4) under the given supervisor. */
function org4(supervisor: string): Organisation {
  const org = loadOrg();
  return {
    ...org,
    people: [...org.people, { id: 'ch4', name: '科长四', role: 'chief' }],
    units: [...org.units, { id: 'u4', name: '四科', chief: 'ch4', supervisor, members: 3, headcount: 3 }],
  };
}

const THRESHOLDS: Settings['accountability'] = {
  reminder: { score_below: 85 },
  admonish: { overdue_at_least: 4 },
  disqualify: { score_below: 70 },
};

describe('grades', () => {
  it('A ≥ 90, B ≥ 80, C ≥ 70, D below', () => {
    expect([gradeOf(100), gradeOf(90), gradeOf(89.9), gradeOf(80), gradeOf(79.9), gradeOf(70), gradeOf(69.9), gradeOf(0)]).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
    ]);
  });
});

describe('scores, areas, ranks, grades, share and roll-ups (all due: as of 2027-01-10)', () => {
  // unit maximum 80 + 20 = 100 (the organisation's O and the secretary's S are not the units')
  const items = [
    { id: 'P1', name: '政治建设', items: [{ id: 'X', title: '年度计划', level: 'direct', cadence: 'yearly', weight: 80 }] },
    {
      id: 'P2',
      name: '学习教育',
      items: [
        { id: 'Y', title: '学时', level: 'first', cadence: 'yearly', target: { sum: 100, measure: '学时' }, weight: 20 },
        { id: 'O', title: '全行大会', level: 'principal', scope: 'org', cadence: 'yearly', weight: 5 },
        { id: 'S', title: '书记党课', level: 'first', scope: { person: 'sec' }, cadence: 'yearly', weight: 5 },
      ],
    },
  ] satisfies { id: string; name: string; items: ItemInput[] }[];
  const lines = [
    ...['u1', 'u2', 'u3', 'u4'].map((u) => `2026-03-01 ${u} X "plan"`),
    '2026-06-01 u1 Y 100h "all"', // 20
    '2026-06-01 u2 Y 50h "half"', // 20 × 0.5 = 10
    '2026-06-01 u3 Y 49.5h "just under half"', // 20 × 0.495 = 9.9
    '2026-06-01 u4 Y 50h "half"', // 10
    '2026-06-01 org O "meeting"',
  ];
  const r = run({ items, lines, org: org4('c1'), settings: { assessment_share: 0.3 } }, '2027-01-10');
  const rep = annualReport(r.ds, r.ev);
  const unit = (id: string) => rep.units.find((u) => u.id === id)!;

  it('the header', () => {
    expect([rep.kind, rep.year, rep.asOf, rep.org, rep.title, rep.total, rep.assessmentShare]).toEqual([
      'annual',
      2026,
      '2027-01-10',
      '测试支行',
      '清单2026',
      110, // 80 + 20 + 5 + 5
      0.3,
    ]);
  });

  it('each unit: score, max, year-to-date max, percent, projected', () => {
    const pick = (id: string) => {
      const u = unit(id);
      return [u.score, u.max, u.ytdMax, u.percent, u.projected];
    };
    expect(pick('u1')).toEqual([100, 100, 100, 100, 100]); // 80 + 20
    expect(pick('u2')).toEqual([90, 100, 100, 90, 90]); // 80 + 10
    expect(pick('u3')).toEqual([89.9, 100, 100, 89.9, 89.9]); // 80 + 9.9
    expect(pick('u4')).toEqual([90, 100, 100, 90, 90]);
  });

  it('areas add up to the unit score', () => {
    expect(unit('u3').areas.map((a) => [a.id, a.name, a.score, a.max, a.percent])).toEqual([
      ['P1', '政治建设', 80, 80, 100],
      ['P2', '学习教育', 9.9, 20, 49.5], // 9.9 ÷ 20
    ]);
    for (const u of rep.units) expect(u.areas.reduce((s, a) => s + a.score, 0)).toBeCloseTo(u.score, 2);
  });

  it('ranks by percent, equal percent equal rank: 100 → 1; 90, 90 → 2; 89.9 → 4', () => {
    expect(rep.units.map((u) => [u.id, u.rank])).toEqual([
      ['u1', 1],
      ['u2', 2],
      ['u3', 4],
      ['u4', 2],
    ]);
  });

  it('grades at the boundary: 90 → A, 89.9 → B', () => {
    expect(rep.units.map((u) => u.grade)).toEqual(['A', 'A', 'B', 'A']);
  });

  it('share of the annual assessment = percent × 0.3: 30, 27, 26.97, 27', () => {
    expect(rep.units.map((u) => u.share)).toEqual([30, 27, 26.97, 27]); // 89.9 × 0.3 = 26.97
  });

  it('chief and supervisor names; overdue counts the partial Y', () => {
    expect(unit('u3')).toMatchObject({ chief: { id: 'ch3', name: '科长三' }, supervisor: { id: 'c2', name: '委员乙' }, overdue: 1 });
    expect(unit('u1').overdue).toBe(0);
    expect(unit('u2').missed).toEqual([{ item: 'Y', title: '学时', period: '2026', due: '2026-12-31', status: 'partial' }]);
  });

  it('supervisors: c1 oversees u1, u2, u4: 280 of 300 = 93.3%; c2 oversees u3: 89.9%', () => {
    expect(rep.supervisors).toEqual([
      { id: 'c1', name: '委员甲', units: ['u1', 'u2', 'u4'], score: 280, max: 300, ytdMax: 300, percent: 93.3, projected: 280 },
      { id: 'c2', name: '委员乙', units: ['u3'], score: 89.9, max: 100, ytdMax: 100, percent: 89.9, projected: 89.9 },
    ]);
  });

  it('levels over all subjects: principal O 5/5; first Y 20+10+9.9+10 + S 0 = 49.9 of 85 = 58.7%; direct X 320/320', () => {
    expect(rep.levels).toEqual([
      { level: 'principal', score: 5, max: 5, ytdMax: 5, percent: 100, projected: 5 },
      { level: 'first', score: 49.9, max: 85, ytdMax: 85, percent: 58.7, projected: 49.9 },
      { level: 'direct', score: 320, max: 320, ytdMax: 320, percent: 100, projected: 320 },
    ]);
  });

  it("the organisation's own items", () => {
    expect(rep.organisation).toEqual({
      id: 'org',
      name: '测试支行',
      score: 5,
      max: 5,
      ytdMax: 5,
      percent: 100,
      projected: 5,
      items: [{ item: 'O', title: '全行大会', done: 1, goal: 1, statuses: [{ period: '2026', status: 'met' }] }],
      overdue: 0,
    });
  });

  it("each person's own items (the secretary's lesson, not given: 0 of 5)", () => {
    expect(rep.people).toEqual([
      {
        id: 'sec',
        name: '王书记',
        role: 'secretary',
        score: 0,
        max: 5,
        ytdMax: 5,
        percent: 0,
        projected: 0,
        items: [{ item: 'S', title: '书记党课', done: 0, goal: 1, statuses: [{ period: '2026', status: 'overdue' }] }],
        overdue: 1,
      },
    ]);
  });

  it('no thresholds, no accountability', () => {
    expect(rep.units.map((u) => u.accountability)).toEqual([null, null, null, null]);
    expect(rep.accountability).toEqual([]);
  });

  it('without assessment_share there is no share', () => {
    const r2 = run({ items, lines, org: org4('c1') }, '2027-01-10');
    const rep2 = annualReport(r2.ds, r2.ev);
    expect(rep2.assessmentShare).toBeUndefined();
    expect(rep2.units.every((u) => u.share === undefined)).toBe(true);
  });
});

describe('accountability', () => {
  describe('judge: thresholds, most severe first', () => {
    it('score_below compares the percent, strictly', () => {
      expect(judge(THRESHOLDS, 85, 0)).toBeNull();
      expect(judge(THRESHOLDS, 84.9, 0)).toEqual({ outcome: 'reminder', triggers: [{ kind: 'score', threshold: 85, value: 84.9 }] });
      expect(judge(THRESHOLDS, 70, 0)?.outcome).toBe('reminder');
      expect(judge(THRESHOLDS, 69.9, 0)).toEqual({ outcome: 'disqualify', triggers: [{ kind: 'score', threshold: 70, value: 69.9 }] });
    });

    it('overdue_at_least: 3 → nothing, 4 → admonish', () => {
      expect(judge(THRESHOLDS, 95, 3)).toBeNull();
      expect(judge(THRESHOLDS, 95, 4)).toEqual({ outcome: 'admonish', triggers: [{ kind: 'overdue', threshold: 4, value: 4 }] });
    });

    it('the most severe level wins: 80% and 5 overdue → admonish; 60% and 5 overdue → disqualify', () => {
      expect(judge(THRESHOLDS, 80, 5)?.outcome).toBe('admonish');
      // every reason is given, not only the deciding one: 60 < 70 (the lowest score threshold crossed) and 5 ≥ 4
      expect(judge(THRESHOLDS, 60, 5)).toEqual({
        outcome: 'disqualify',
        triggers: [
          { kind: 'score', threshold: 70, value: 60 },
          { kind: 'overdue', threshold: 4, value: 5 },
        ],
      });
    });

    it('both triggers of one level are given as reasons', () => {
      expect(judge({ admonish: { score_below: 80, overdue_at_least: 2 } }, 75, 3)).toEqual({
        outcome: 'admonish',
        triggers: [
          { kind: 'score', threshold: 80, value: 75 },
          { kind: 'overdue', threshold: 2, value: 3 },
        ],
      });
    });

    it('no thresholds: no verdict', () => {
      expect(judge(undefined, 0, 99)).toBeNull();
    });

    it('worse: the more severe of two outcomes', () => {
      expect([worse('reminder', 'disqualify'), worse('admonish', 'reminder'), worse(undefined, 'admonish'), worse('reminder', undefined)]).toEqual([
        'disqualify',
        'admonish',
        'admonish',
        'reminder',
      ]);
    });
  });

  describe('in the report (as of 2026-07-15: January–June due)', () => {
    // K1: Big 88 (yearly, counts once done); K2: M 12 (monthly, 1 a month); the secretary's S 4 (quarterly)
    const items = [
      { id: 'K1', name: '重点', items: [{ id: 'B', title: '重点任务', level: 'direct', cadence: 'yearly', weight: 88 }] },
      {
        id: 'K2',
        name: '日常',
        items: [
          { id: 'M', title: '月度学习', level: 'direct', cadence: 'monthly', weight: 12 },
          { id: 'S', title: '书记讲党课', level: 'first', scope: { person: 'sec' }, cadence: 'quarterly', weight: 4 },
        ],
      },
    ] satisfies { id: string; name: string; items: ItemInput[] }[];
    const months = (u: string, n: number) => Array.from({ length: n }, (_, i) => `2026-0${i + 1}-10 ${u} M "m${i + 1}"`);
    const lines = [
      '2026-02-01 u1 B "big"',
      ...months('u1', 6),
      ...months('u2', 5),
      ...months('u3', 2),
      '2026-02-01 u4 B "big"',
      ...months('u4', 2),
      '2026-03-01 sec S "Q1 lesson"',
    ];
    const r = run({ items, lines, org: org4('c2'), settings: { accountability: THRESHOLDS } }, '2026-07-15');
    const rep = annualReport(r.ds, r.ev);

    it('unit percents and overdue counts', () => {
      expect(rep.units.map((u) => [u.id, u.score, u.ytdMax, u.percent, u.overdue, u.rank, u.grade])).toEqual([
        ['u1', 94, 94, 100, 0, 1, 'A'], // 88 + 6
        ['u2', 5, 6, 83.3, 1, 3, 'B'], // B not due and not done: not counted; 5 of 6 months
        ['u3', 2, 6, 33.3, 4, 4, 'D'], // 2 of 6 months, March–June overdue
        ['u4', 90, 94, 95.7, 4, 2, 'A'], // (88 + 2) ÷ (88 + 6) = 95.74
      ]);
    });

    it('each unit gets the most severe level it meets', () => {
      expect(rep.units.map((u) => u.accountability)).toEqual([null, 'reminder', 'disqualify', 'admonish']);
    });

    it('the missed obligations of a unit', () => {
      expect(rep.units[2]!.missed).toEqual([
        { item: 'M', title: '月度学习', period: '2026-03', due: '2026-03-31', status: 'overdue' },
        { item: 'M', title: '月度学习', period: '2026-04', due: '2026-04-30', status: 'overdue' },
        { item: 'M', title: '月度学习', period: '2026-05', due: '2026-05-31', status: 'overdue' },
        { item: 'M', title: '月度学习', period: '2026-06', due: '2026-06-30', status: 'overdue' },
      ]);
    });

    it('rows: units with their triggers, then people — chiefs get their unit, supervisors the worst of theirs, everyone their own items', () => {
      expect(rep.accountability.map((a) => [a.kind, a.id, a.outcome, a.triggers, a.units])).toEqual([
        ['unit', 'u2', 'reminder', [{ kind: 'score', threshold: 85, value: 83.3 }], ['u2']],
        // u3 also missed 4 obligations: both reasons are listed
        ['unit', 'u3', 'disqualify', [{ kind: 'score', threshold: 70, value: 33.3 }, { kind: 'overdue', threshold: 4, value: 4 }], ['u3']],
        ['unit', 'u4', 'admonish', [{ kind: 'overdue', threshold: 4, value: 4 }], ['u4']],
        // the secretary's own S: Q1 met, Q2 overdue → 1 of 2 = 50% < 70
        ['person', 'sec', 'disqualify', [{ kind: 'score', threshold: 70, value: 50 }], []],
        ['person', 'c1', 'reminder', [], ['u2']], // u1 none, u2 reminder
        ['person', 'c2', 'disqualify', [], ['u3', 'u4']], // worst of disqualify and admonish
        ['person', 'ch2', 'reminder', [], ['u2']],
        ['person', 'ch3', 'disqualify', [], ['u3']],
        ['person', 'ch4', 'admonish', [], ['u4']],
      ]);
      expect(rep.accountability.find((a) => a.id === 'sec')!.missed).toEqual([
        { item: 'S', title: '书记讲党课', period: '2026-Q2', due: '2026-06-30', status: 'overdue' },
      ]);
    });

    // docs/scoring.md §5: "a unit that has done everything due so far stands at 100" — so before
    // anything is due, nobody is below a score threshold (0 ÷ 0 once counted as 0 % and
    // disqualified every unit and the secretary on 10 January).
    it('as of 2026-01-10 nothing is due: no unit and no person is held accountable', () => {
      const early = run({ items, lines: [], org: org4('c2'), settings: { accountability: THRESHOLDS } }, '2026-01-10');
      const rep0 = annualReport(early.ds, early.ev);
      expect(rep0.units.map((u) => u.accountability)).toEqual([null, null, null, null]);
      expect(rep0.accountability).toEqual([]);
    });
  });
});
