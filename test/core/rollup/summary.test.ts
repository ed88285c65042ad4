/**
 * A member's summary in a roll-up adds its units up as its own annual report does: an area's
 * floor (扣完为止) and the bonus caps apply, not the raw sum of item scores (issue 14). Numbers by
 * hand below.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/core/catalog.js';
import type { Dataset } from '../../../src/core/dataset.js';
import { evaluate } from '../../../src/core/evaluate.js';
import { Checklist } from '../../../src/core/model.js';
import { annualReport } from '../../../src/core/reports/annual.js';
import { memberSummary } from '../../../src/core/rollup/summary.js';
import { ledger, loadOrg, locate } from '../helpers.js';

const only = { units: ['u1'] };
const checklist = Checklist.parse({
  year: 2026,
  title: '清单2026',
  total: 2,
  areas: [
    {
      id: 'A',
      name: '责任制',
      floor: 0,
      items: [
        { id: 'A.1', title: '年度计划', level: 'direct', scope: only, cadence: 'yearly', weight: 1 },
        { id: 'A.2', title: '领导小组', level: 'direct', scope: only, cadence: 'once', deadline: '2026-03-31', penalty: 2 },
      ],
    },
    {
      id: 'B',
      name: '创先争优',
      bonus_cap: 1,
      items: [
        { id: 'B.1', title: '主题党日', level: 'direct', scope: only, cadence: 'yearly', weight: 1 },
        { id: 'B.2', title: '表彰', level: 'direct', scope: only, cadence: 'yearly', bonus: 1 },
      ],
    },
  ],
});
const ds: Dataset = {
  settings: {},
  org: { file: 'templates/org.yaml', value: loadOrg(), locate },
  checklists: [{ file: 'templates/checklist-2026.yaml', value: checklist, locate }],
  ledgers: [ledger(['2026-02-01 u1 A.1', '2026-05-01 u1 B.1', '2026-06-01 u1 B.2 3次'])],
};

describe('a roll-up member summary', () => {
  it('applies the area floor and the bonus cap, as the member\'s own report does', () => {
    const ev = evaluate(ds, buildCatalog(ds), 2026, '2027-01-01');
    // 一科: A = A.1 1 − A.2 2 (no leading group) = −1, floored at 0, of 1;
    // B = B.1 1 + three commendations 3 × 1 capped at 1 = 2, of 1. The unit: 0 + 2 = 2 of 2.
    // The raw sum of item scores would say 1 − 2 + 1 + 3 = 3.
    const u1 = annualReport(ds, ev).units.find((u) => u.id === 'u1')!;
    expect([u1.score, u1.ytdMax]).toEqual([2, 2]);
    const s = memberSummary(ds, ev);
    expect([s.score, s.ytdMax, s.percent]).toEqual([2, 2, 100]);
    expect(s.areas.map((a) => [a.id, a.score, a.ytdMax])).toEqual([
      ['A', 0, 1],
      ['B', 2, 1],
    ]);
  });
});
