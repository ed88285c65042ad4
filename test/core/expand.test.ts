/**
 * Expansion (docs/scoring.md §2): item × subjects of its scope × periods of its cadence, and the
 * people responsible — for a unit its chief then its supervisor; for a person's item the person;
 * + the secretary for `first`; + the secretary and the whole committee for `principal`; the
 * committee for an organisation item at `supervisory` level.
 * Fixture: u1 (chief ch1, supervisor c1), u2 (ch2, c1), u3 (ch3, c2); secretary sec; committee c1, c2.
 */
import { describe, expect, it } from 'vitest';
import { expand } from '../../src/core/expand.js';
import { checklist, loadOrg, type ItemInput } from './helpers.js';

const org = loadOrg();
const obligations = (items: ItemInput[]) => expand(checklist(items), org);
/** subject × period pairs, as `subjectKey period`. */
const pairs = (items: ItemInput[]) => obligations(items).map((o) => `${o.subjectKey} ${o.periodKey}`);

describe('subjects × periods per scope', () => {
  it('units (the default): every unit × 12 months = 3 × 12 = 36 obligations', () => {
    const list = pairs([{ id: 'M', title: 'm', level: 'direct', cadence: 'monthly', weight: 12 }]);
    expect(list).toHaveLength(36);
    expect(list.slice(0, 2)).toEqual(['unit:u1 2026-01', 'unit:u1 2026-02']);
    expect(new Set(list.map((x) => x.split(' ')[0]))).toEqual(new Set(['unit:u1', 'unit:u2', 'unit:u3']));
  });

  it('scope "units" written out is the same as the default', () => {
    expect(pairs([{ id: 'Y', title: 'y', level: 'direct', scope: 'units', cadence: 'yearly', weight: 1 }])).toEqual([
      'unit:u1 2026',
      'unit:u2 2026',
      'unit:u3 2026',
    ]);
  });

  it('listed units: only those, × 4 quarters = 2 × 4 = 8', () => {
    const list = pairs([{ id: 'Q', title: 'q', level: 'direct', scope: { units: ['u3', 'u1'] }, cadence: 'quarterly', weight: 1 }]);
    expect([...list].sort()).toEqual([
      'unit:u1 2026-Q1',
      'unit:u1 2026-Q2',
      'unit:u1 2026-Q3',
      'unit:u1 2026-Q4',
      'unit:u3 2026-Q1',
      'unit:u3 2026-Q2',
      'unit:u3 2026-Q3',
      'unit:u3 2026-Q4',
    ]);
  });

  it('org: the organisation once per period (half-yearly → 2)', () => {
    expect(pairs([{ id: 'O', title: 'o', level: 'principal', scope: 'org', cadence: 'half-yearly', weight: 1 }])).toEqual([
      'org 2026-H1',
      'org 2026-H2',
    ]);
  });

  it('role: every person of the role (2 committee members × 1 year)', () => {
    expect(pairs([{ id: 'R', title: 'r', level: 'supervisory', scope: { role: 'committee' }, cadence: 'yearly', weight: 1 }])).toEqual([
      'person:c1 2026',
      'person:c2 2026',
    ]);
  });

  it('role chief: the three chiefs', () => {
    expect(pairs([{ id: 'R', title: 'r', level: 'direct', scope: { role: 'chief' }, cadence: 'once', weight: 1 }])).toEqual([
      'person:ch1 2026',
      'person:ch2 2026',
      'person:ch3 2026',
    ]);
  });

  it('person: that one person', () => {
    expect(pairs([{ id: 'P', title: 'p', level: 'first', scope: { person: 'sec' }, cadence: 'once', weight: 1 }])).toEqual([
      'person:sec 2026',
    ]);
  });

  it('a whole checklist: 36 + 8 + 2 + 2 + 1 = 49 obligations, items in template order', () => {
    const list = obligations([
      { id: 'M', title: 'm', level: 'direct', cadence: 'monthly', weight: 1 },
      { id: 'Q', title: 'q', level: 'direct', scope: { units: ['u1', 'u3'] }, cadence: 'quarterly', weight: 1 },
      { id: 'O', title: 'o', level: 'principal', scope: 'org', cadence: 'half-yearly', weight: 1 },
      { id: 'R', title: 'r', level: 'supervisory', scope: { role: 'committee' }, cadence: 'yearly', weight: 1 },
      { id: 'P', title: 'p', level: 'first', scope: { person: 'sec' }, cadence: 'once', weight: 1 },
    ]);
    expect(list).toHaveLength(49);
    expect([...new Set(list.map((o) => o.item.id))]).toEqual(['M', 'Q', 'O', 'R', 'P']);
  });

  it('the default target is one occurrence (done); count/sum/rate are carried over', () => {
    const [done, sum] = [
      obligations([{ id: 'D', title: 'd', level: 'direct', cadence: 'yearly', weight: 1 }])[0]!,
      obligations([{ id: 'S', title: 's', level: 'direct', cadence: 'yearly', weight: 1, target: { sum: 40, measure: '学时' } }])[0]!,
    ];
    expect(done.target).toEqual({ count: 1 });
    expect(sum.target).toEqual({ sum: 40, measure: '学时' });
  });
});

describe('responsible people', () => {
  const resp = (item: ItemInput) => {
    const out: Record<string, string[]> = {};
    for (const o of expand(checklist([item]), org)) out[o.subjectKey] = o.responsible;
    return out;
  };
  const base = { id: 'X', title: 'x', cadence: 'yearly', weight: 1 } as const;

  it('unit, direct: its chief, then its supervisor', () => {
    expect(resp({ ...base, level: 'direct' })).toEqual({ 'unit:u1': ['ch1', 'c1'], 'unit:u2': ['ch2', 'c1'], 'unit:u3': ['ch3', 'c2'] });
  });

  it('unit, supervisory: still chief then supervisor', () => {
    expect(resp({ ...base, level: 'supervisory' })['unit:u3']).toEqual(['ch3', 'c2']);
  });

  it('unit, first: chief, supervisor + the secretary', () => {
    expect(resp({ ...base, level: 'first' })).toEqual({
      'unit:u1': ['ch1', 'c1', 'sec'],
      'unit:u2': ['ch2', 'c1', 'sec'],
      'unit:u3': ['ch3', 'c2', 'sec'],
    });
  });

  it('unit, principal: chief, supervisor + secretary + the whole committee (each person once)', () => {
    expect(resp({ ...base, level: 'principal' })).toEqual({
      'unit:u1': ['ch1', 'c1', 'sec', 'c2'],
      'unit:u2': ['ch2', 'c1', 'sec', 'c2'],
      'unit:u3': ['ch3', 'c2', 'sec', 'c1'],
    });
  });

  it('person: the person; the secretary is not repeated for their own first item', () => {
    expect(resp({ ...base, level: 'first', scope: { person: 'sec' } })).toEqual({ 'person:sec': ['sec'] });
    expect(resp({ ...base, level: 'direct', scope: { role: 'committee' } })).toEqual({ 'person:c1': ['c1'], 'person:c2': ['c2'] });
    expect(resp({ ...base, level: 'first', scope: { role: 'committee' } })).toEqual({ 'person:c1': ['c1', 'sec'], 'person:c2': ['c2', 'sec'] });
    expect(resp({ ...base, level: 'principal', scope: { person: 'c2' } })).toEqual({ 'person:c2': ['c2', 'sec', 'c1'] });
  });

  it('org: first → the secretary; principal → secretary + committee; supervisory → the committee', () => {
    expect(resp({ ...base, level: 'first', scope: 'org' })).toEqual({ org: ['sec'] });
    expect(resp({ ...base, level: 'principal', scope: 'org' })).toEqual({ org: ['sec', 'c1', 'c2'] });
    expect(resp({ ...base, level: 'supervisory', scope: 'org' })).toEqual({ org: ['c1', 'c2'] });
  });
});
