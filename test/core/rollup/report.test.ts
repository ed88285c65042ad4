import { describe, expect, it } from 'vitest';
import { rankLevel, rollupReport, umbrellaSummary, type MemberOutcome } from '../../../src/core/rollup/report.js';
import type { MemberSummary } from '../../../src/core/rollup/summary.js';
import { parseSettings } from '../../../src/parse/templates.js';

function summary(score: number, ytdMax: number, key = 'k1', areas: Array<[string, number, number]> = [['A1', score, ytdMax]]): MemberSummary {
  const percent = Math.round((score / ytdMax) * 1000) / 10;
  return {
    org: 'x',
    year: 2026,
    asOf: '2026-11-27',
    checklist: { title: `checklist ${key}`, total: 100, key },
    score,
    ytdMax,
    max: 100,
    projected: 90,
    percent,
    grade: percent >= 90 ? 'A' : 'D',
    areas: areas.map(([id, s, m]) => ({ id, name: id, score: s, ytdMax: m, max: m, projected: m, percent: Math.round((s / m) * 1000) / 10 })),
    units: [],
    overdue: 1,
    accountability: { reminder: 0, admonish: 0, disqualify: 0 },
    entries: 10,
  };
}
const counted = (id: string, s: MemberSummary): MemberOutcome => ({ id, name: id, provenance: { audit: 'clean' }, result: { ok: true, summary: s } });

describe('roll-up ranking', () => {
  it('ranks counted members by rate, equal rates sharing a rank, and keeps the others apart with their reason', () => {
    const { ranking, unverified } = rankLevel([
      counted('b', summary(45, 50)),
      counted('a', summary(90, 100)),
      counted('c', summary(60, 100)),
      { id: 'd', name: 'd', provenance: { audit: 'violations' }, result: { ok: false, reason: 'audit', detail: '1: edited' } },
    ]);
    expect(ranking.map((r) => [r.id, r.rank])).toEqual([['a', 1], ['b', 1], ['c', 3]]);
    expect(unverified).toEqual([{ id: 'd', name: 'd', reason: 'audit', detail: '1: edited' }]);
  });

  it('an umbrella sums its counted members (and its own checklist), not the others', () => {
    const s = umbrellaSummary('p', 2026, '2026-11-27', [
      counted('a', summary(90, 100)),
      counted('b', summary(30, 50)),
      { id: 'x', name: 'x', provenance: { audit: 'not-run' }, result: { ok: false, reason: 'not-fetched', detail: '' } },
    ])!;
    expect([s.score, s.ytdMax, s.percent, s.overdue]).toEqual([120, 150, 80, 2]);
    expect(umbrellaSummary('p', 2026, '2026-11-27', [])).toBeUndefined();
  });

  it('compares areas members share, and says when their checklists differ', () => {
    const v = rollupReport({ report: 'annual', period: '2026', asOf: '2026-11-27', umbrella: 'u' }, [
      counted('a', summary(9, 10, 'k1', [['A1', 4, 5], ['A2', 5, 5]])),
      counted('b', summary(8, 10, 'k2', [['A1', 5, 5], ['B9', 3, 5]])),
    ]);
    expect(v.areas).toEqual([{ id: 'A1', name: 'A1', members: [{ id: 'a', percent: 80 }, { id: 'b', percent: 100 }] }]);
    expect(v.checklists.map((c) => c.members)).toEqual([['a'], ['b']]);
    expect(v.totals).toMatchObject({ score: 17, ytdMax: 20, percent: 85, members: 2 });
  });

  it("keeps each member's units; an umbrella member's are its own checklist's, its members' stay theirs", () => {
    const unit = (id: string, score: number) => ({ id, name: id, score, ytdMax: 10, max: 20, projected: 15, percent: score * 10, grade: 'A' as const, overdue: 0 });
    const a = { ...summary(9, 10), units: [unit('office', 9)] };
    const b = { ...summary(5, 10), units: [unit('office', 5), unit('hr', 0)] };
    const own = { ...summary(3, 10), units: [unit('party', 3)] };
    const up = umbrellaSummary('p', 2026, '2026-11-27', [counted('a', a), counted('b', b)], own)!;
    expect(up.units.map((u) => [u.member, u.id])).toEqual([[undefined, 'party'], ['a', 'office'], ['b', 'office'], ['b', 'hr']]);
    const v = rollupReport({ report: 'annual', period: '2026', asOf: '2026-11-27', umbrella: 'u' }, [{ ...counted('p', up), children: [counted('a', a), counted('b', b)] }]);
    const p = v.ranking[0]!;
    expect(p.units).toBe(4);
    expect(p.sections.map((s) => s.id)).toEqual(['party']);
    expect(p.members!.map((m) => m.sections.map((s) => [s.id, s.score]))).toEqual([[['office', 9]], [['office', 5], ['hr', 0]]]);
  });

  it('with no member counted, the totals have no rate', () => {
    const v = rollupReport({ report: 'annual', period: '2026', asOf: '2026-11-27', umbrella: 'u' }, [
      { id: 'x', name: 'x', provenance: { audit: 'not-run' }, result: { ok: false, reason: 'not-fetched', detail: '' } },
    ]);
    expect(v.totals).toEqual({ score: 0, ytdMax: 0, max: 0, projected: 0, percent: null, members: 0, overdue: 0 });
  });
});

describe('members: in the settings', () => {
  const settings = (text: string) => parseSettings({ file: 'qingdan.yaml', bytes: Buffer.from(text) });
  it('accepts a path, git://, ssh and https URLs, with an optional branch', () => {
    const p = settings('members:\n  - { id: a, name: 甲, url: /srv/a }\n  - { id: b, name: 乙, url: "git@host:b.git", branch: main }\n  - { id: c, name: 丙, url: "https://h/c.git" }\n');
    expect(p.diagnostics).toEqual([]);
    expect(p.settings?.members?.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });
  it('refuses transports that run programs, URLs and branches git could take for options, and ids twice', () => {
    const p = settings('members:\n  - { id: a, name: 甲, url: "ext::sh -c touch% /tmp/x" }\n  - { id: b, name: 乙, url: "--upload-pack=touch" }\n  - { id: c, name: 丙, url: /srv/c, branch: "-f" }\n  - { id: c, name: 丁, url: /srv/d }\n');
    expect(p.diagnostics.map((d) => [d.code, d.params?.detail])).toEqual([
      ['schema', 'member-url'],
      ['schema', 'member-url'],
      ['schema', 'member-branch'],
      ['schema', 'duplicate-member'],
    ]);
  });
});
