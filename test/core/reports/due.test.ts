/**
 * The due report (`qingdan due`): what is overdue or partial, and what falls due within N days,
 * nearest deadline first, grouped by the first person responsible; filters by unit and person.
 * Fixture: u1 (ch1, c1), u2 (ch2, c1), u3 (ch3, c2); secretary sec; committee c1, c2.
 */
import { describe, expect, it } from 'vitest';
import { dueReport } from '../../../src/core/reports/due.js';
import { run, type ItemInput } from '../helpers.js';

const ITEMS: ItemInput[] = [
  // responsible: chief, supervisor
  { id: 'M', title: '月度汇报', level: 'direct', cadence: 'monthly', deadline: { days_after_period_end: 5 }, weight: 1 },
  // responsible: chief, supervisor, secretary
  { id: 'Q', title: '季度两次', level: 'first', cadence: 'quarterly', target: { count: 2, measure: '次' }, weight: 1 },
  // responsible: secretary, c1, c2
  { id: 'O', title: '全行部署', level: 'principal', scope: 'org', cadence: 'once', deadline: '2026-05-10', weight: 1 },
];
const LINES = [
  // January and February reports of every unit, filed in the grace days
  ...['u1', 'u2', 'u3'].flatMap((u) => [`2026-02-03 ${u} M "Jan"`, `2026-03-03 ${u} M "Feb"`]),
  '2026-04-02 u1 M "u1 March"',
  '2026-02-01 u1 Q "u1 Q1 a"',
  '2026-03-01 u1 Q "u1 Q1 b"',
  '2026-03-01 u2 Q "u2 Q1 one of two"',
  '2026-04-03 u3 M "u3 March"',
  '2026-05-01 u3 M "u3 April, in the grace days"',
];
const r = run({ items: ITEMS, lines: LINES }, '2026-05-03');
const due = (f: Partial<Parameters<typeof dueReport>[2]> = {}) => dueReport(r.ds, r.ev, { within: 14, ...f });
const brief = (rows: ReturnType<typeof due>['rows']) => rows.map((x) => `${x.subject} ${x.item} ${x.period} ${x.due} ${x.daysLeft} ${x.status}`);

describe('due report as of 2026-05-03, within 14 days', () => {
  const rep = due();

  it('overdue and partial obligations, then those due within 14 days, nearest due date first', () => {
    expect(brief(rep.rows)).toEqual([
      'u2 Q 2026-Q1 2026-03-31 -33 partial', // 1 of 2
      'u3 Q 2026-Q1 2026-03-31 -33 overdue',
      'u2 M 2026-03 2026-04-05 -28 overdue',
      'u1 M 2026-04 2026-05-05 2 due-soon',
      'u2 M 2026-04 2026-05-05 2 due-soon',
      'org O 2026 2026-05-10 7 due-soon',
    ]);
  });

  it('counts: 3 overdue, 3 due soon', () => {
    expect([rep.asOf, rep.within, rep.overdue, rep.dueSoon]).toEqual(['2026-05-03', 14, 3, 3]);
  });

  it('met obligations and those due later are left out (u1 Q1 met; u3 April met in the grace days; May due 06-05)', () => {
    expect(rep.rows.some((x) => x.subject === 'u1' && x.item === 'Q')).toBe(false);
    expect(rep.rows.some((x) => x.subject === 'u3' && x.item === 'M')).toBe(false);
    expect(rep.rows.some((x) => x.period === '2026-05')).toBe(false);
  });

  it('rows carry done, goal and the people responsible', () => {
    expect(rep.rows[0]).toMatchObject({ subjectName: '二科', title: '季度两次', done: 1, goal: 2, responsible: ['ch2', 'c1', 'sec'] });
    expect(rep.rows[5]).toMatchObject({ subjectName: '测试支行', done: 0, goal: 1, responsible: ['sec', 'c1', 'c2'] });
  });

  it('grouped by the first person responsible, groups in the order they first appear', () => {
    expect(rep.groups.map((g) => [g.person.id, g.person.name, g.rows.map((x) => `${x.subject} ${x.item} ${x.period}`)])).toEqual([
      ['ch2', '科长二', ['u2 Q 2026-Q1', 'u2 M 2026-03', 'u2 M 2026-04']],
      ['ch3', '科长三', ['u3 Q 2026-Q1']],
      ['ch1', '科长一', ['u1 M 2026-04']],
      ['sec', '王书记', ['org O 2026']],
    ]);
    expect(rep.groups[3]!.person.title).toBe('党委书记');
  });
});

describe('the window and the filters', () => {
  it('within 0: only what is late', () => {
    expect(brief(due({ within: 0 }).rows)).toEqual([
      'u2 Q 2026-Q1 2026-03-31 -33 partial',
      'u3 Q 2026-Q1 2026-03-31 -33 overdue',
      'u2 M 2026-03 2026-04-05 -28 overdue',
    ]);
  });

  it('within 33 takes in May (due 06-05, 33 days away), shown as due soon although beyond due_soon_days', () => {
    const rows = due({ within: 33 }).rows.filter((x) => x.period === '2026-05');
    expect(brief(rows)).toEqual(['u1 M 2026-05 2026-06-05 33 due-soon', 'u2 M 2026-05 2026-06-05 33 due-soon', 'u3 M 2026-05 2026-06-05 33 due-soon']);
    expect(r.at('M', 'unit:u1', '2026-05').p.status).toBe('open');
    expect(due({ within: 32 }).rows.some((x) => x.period === '2026-05')).toBe(false);
  });

  it('filter by unit id or unit name', () => {
    const expected = ['u2 Q 2026-Q1 2026-03-31 -33 partial', 'u2 M 2026-03 2026-04-05 -28 overdue', 'u2 M 2026-04 2026-05-05 2 due-soon'];
    expect(brief(due({ unit: 'u2' }).rows)).toEqual(expected);
    expect(brief(due({ unit: '二科' }).rows)).toEqual(expected);
    expect(due({ unit: 'u2' }).groups.map((g) => g.person.id)).toEqual(['ch2']);
  });

  it('filter by person: anyone responsible, by id or name', () => {
    // c1 supervises u1 and u2 and is on the committee for the principal O
    expect(brief(due({ person: 'c1' }).rows)).toEqual([
      'u2 Q 2026-Q1 2026-03-31 -33 partial',
      'u2 M 2026-03 2026-04-05 -28 overdue',
      'u1 M 2026-04 2026-05-05 2 due-soon',
      'u2 M 2026-04 2026-05-05 2 due-soon',
      'org O 2026 2026-05-10 7 due-soon',
    ]);
    // c2 supervises u3
    expect(brief(due({ person: '委员乙' }).rows)).toEqual(['u3 Q 2026-Q1 2026-03-31 -33 overdue', 'org O 2026 2026-05-10 7 due-soon']);
    // the secretary answers for the first-level Q and the principal O
    expect(brief(due({ person: 'sec' }).rows)).toEqual([
      'u2 Q 2026-Q1 2026-03-31 -33 partial',
      'u3 Q 2026-Q1 2026-03-31 -33 overdue',
      'org O 2026 2026-05-10 7 due-soon',
    ]);
    expect(due({ person: 'ch1' }).rows.map((x) => `${x.subject} ${x.item} ${x.period}`)).toEqual(['u1 M 2026-04']);
    expect(due({ person: 'clerk' }).rows).toEqual([]);
  });

  it('unit and person filters together', () => {
    expect(brief(due({ unit: 'u2', person: 'sec' }).rows)).toEqual(['u2 Q 2026-Q1 2026-03-31 -33 partial']);
  });

  it('exempt obligations never appear', () => {
    const r2 = run({ items: ITEMS, lines: [...LINES, '2026-04-01 u2 M exempt "撤并" period:2026-03'] }, '2026-05-03');
    const rows = dueReport(r2.ds, r2.ev, { within: 14 }).rows;
    expect(rows.some((x) => x.subject === 'u2' && x.item === 'M' && x.period === '2026-03')).toBe(false);
  });

  it('pacing is shown for cumulative targets still running', () => {
    const r3 = run(
      { items: [{ id: 'H', title: '学时', level: 'direct', cadence: 'quarterly', target: { sum: 9, measure: '学时' }, weight: 1 }], lines: ['2026-04-10 u1 H 2h "a"'] },
      '2026-06-20',
    );
    const row = dueReport(r3.ds, r3.ev, { within: 14 }).rows.find((x) => x.subject === 'u1' && x.period === '2026-Q2')!;
    // Q2 has 91 days; 20 June is day 81: 9 × 81 ÷ 91 = 8.01, written 8
    expect(row).toMatchObject({ due: '2026-06-30', daysLeft: 10, status: 'due-soon', done: 2, goal: 9, measure: '学时' });
    expect(row.pace).toEqual({ expected: 8, done: 2, behind: true });
  });
});
