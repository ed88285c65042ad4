/**
 * The roll-up report (`qingdan rollup monthly|quarterly|annual`) as plain data: the members that
 * count, ranked by the share of the points they could earn so far, with grades, areas, overdue
 * work and accountability; the members that do not count, apart, with the reason; the areas
 * members share, side by side; which checklists the members use (a comparison across checklists is
 * not like for like); and each member's provenance. Pure: the members' outcomes are its input.
 */
import { gradeOf, type Grade } from '../reports/annual.js';
import { byId } from '../order.js';
import { points, type MemberSummary, type RollupPoints } from './summary.js';

/** Why a member does not count. */
export type UnverifiedReason =
  | 'not-fetched'
  | 'missing-commit'
  | 'audit'
  | 'shallow'
  | 'check'
  | 'outside'
  | 'too-large'
  | 'no-templates'
  | 'no-checklist'
  | 'timeout'
  | 'failed';

export interface MemberProvenance {
  /** The commit evaluated (from members.lock). */
  commit?: string;
  /** When it was fetched (ISO 8601). */
  fetched?: string;
  /** The audit's verdict on the history up to the commit. */
  audit: 'clean' | 'violations' | 'not-run';
  /** Commits the audit walked, and its violations. */
  auditCommits?: number;
  violations?: number;
  /** The last fetch failed: the commit is what was fetched before (`since`), if anything. */
  stale?: { since?: string; failed: string; reason: string; detail: string };
}

export interface MemberOutcome {
  id: string;
  name: string;
  provenance: MemberProvenance;
  result: { ok: true; summary: MemberSummary } | { ok: false; reason: UnverifiedReason; detail: string };
  /** A member that is itself an umbrella: its own members, one level down. */
  children?: MemberOutcome[];
}

/** One section (unit) of a member, as the member's own annual report scores it. */
export interface SectionScore extends RollupPoints {
  id: string;
  name: string;
  grade: Grade;
  overdue: number;
}

export interface RankedMember extends RollupPoints {
  id: string;
  name: string;
  rank: number;
  grade: Grade;
  org: string;
  year: number;
  asOf: string;
  checklist: string;
  areas: MemberSummary['areas'];
  overdue: number;
  accountability: MemberSummary['accountability'];
  period?: MemberSummary['period'];
  units: number;
  /**
   * Its sections' scores, in its own order. An umbrella member's are those of its own checklist
   * (none when it has none): its members' sections are theirs, under `members`.
   */
  sections: SectionScore[];
  entries: number;
  /** An umbrella member: its own members ranked (drill-down one level), and those that do not count. */
  members?: RankedMember[];
  unverified?: UnverifiedRow[];
}

export interface UnverifiedRow {
  id: string;
  name: string;
  reason: UnverifiedReason;
  detail: string;
  commit?: string;
}

export interface RollupReport {
  kind: 'rollup';
  report: 'monthly' | 'quarterly' | 'annual';
  /** 2026-10, 2026-Q3 or 2026. */
  period: string;
  asOf: string;
  umbrella: string;
  /** The members that count, together; `percent` is null when no member counts (there is no rate to show). */
  totals: Omit<RollupPoints, 'percent'> & { percent: number | null; members: number; overdue: number };
  ranking: RankedMember[];
  unverified: UnverifiedRow[];
  /** Areas that at least two counted members share (by id): each member's percent, null where it has none. */
  areas: Array<{ id: string; name: string; members: Array<{ id: string; percent: number | null }> }>;
  /** The checklists in use: more than one means comparisons across them are not like for like. */
  checklists: Array<{ key: string; title: string; total: number; members: string[] }>;
  provenance: Array<{ id: string; name: string } & MemberProvenance>;
}

/** A member's outcome as a ranked row (rank filled in by `rank`), or undefined when it does not count. */
function rowOf(m: MemberOutcome): RankedMember | undefined {
  if (!m.result.ok) return undefined;
  const s = m.result.summary;
  const row: RankedMember = {
    id: m.id,
    name: m.name,
    rank: 0,
    grade: s.grade,
    org: s.org,
    year: s.year,
    asOf: s.asOf,
    checklist: s.checklist.key,
    score: s.score,
    ytdMax: s.ytdMax,
    max: s.max,
    projected: s.projected,
    percent: s.percent,
    areas: s.areas,
    overdue: s.overdue,
    accountability: s.accountability,
    ...(s.period ? { period: s.period } : {}),
    units: s.units.length,
    sections: s.units
      .filter((u) => u.member === undefined)
      .map((u) => ({ id: u.id, name: u.name, score: u.score, ytdMax: u.ytdMax, max: u.max, projected: u.projected, percent: u.percent, grade: u.grade, overdue: u.overdue })),
    entries: s.entries,
  };
  if (m.children) {
    const { ranking, unverified } = rankLevel(m.children);
    row.members = ranking;
    row.unverified = unverified;
  }
  return row;
}

const unverifiedOf = (m: MemberOutcome): UnverifiedRow | undefined =>
  m.result.ok ? undefined : { id: m.id, name: m.name, reason: m.result.reason, detail: m.result.detail, ...(m.provenance.commit ? { commit: m.provenance.commit } : {}) };

/** Counted members ranked by percent (equal percents share a rank, then by id), and the others. */
export function rankLevel(members: readonly MemberOutcome[]): { ranking: RankedMember[]; unverified: UnverifiedRow[] } {
  const rows = members.map(rowOf).filter((r): r is RankedMember => r !== undefined);
  rows.sort((a, b) => b.percent - a.percent || byId(a.id, b.id));
  for (const r of rows) r.rank = 1 + rows.filter((o) => o.percent > r.percent).length;
  return { ranking: rows, unverified: members.map(unverifiedOf).filter((u): u is UnverifiedRow => u !== undefined) };
}

/**
 * The totals of an umbrella over its counted members (and its own checklist's, when it has one):
 * what a higher umbrella ranks it by. An umbrella with no counted member has nothing to be ranked by.
 */
export function umbrellaSummary(org: string, year: number, asOf: string, members: readonly MemberOutcome[], own?: MemberSummary): MemberSummary | undefined {
  const countedMembers = members.filter((m) => m.result.ok).map((m) => ({ id: m.id, summary: (m.result as { summary: MemberSummary }).summary }));
  const counted = countedMembers.map((m) => m.summary);
  const all = own ? [own, ...counted] : counted;
  if (all.length === 0) return undefined;
  const total = points(all);
  const areaIds = new Map<string, string>();
  for (const s of all) for (const a of s.areas) if (!areaIds.has(a.id)) areaIds.set(a.id, a.name);
  const sum = (f: (s: MemberSummary) => number) => all.reduce((n, s) => n + f(s), 0);
  const period = all.every((s) => s.period)
    ? (() => {
        const due = sum((s) => s.period!.due);
        const met = sum((s) => s.period!.met);
        return { due, met, rate: due > 0 ? Math.round((met / due) * 1000) / 10 : 100 };
      })()
    : undefined;
  const keys = [...new Set(all.map((s) => s.checklist.key))];
  return {
    org,
    year,
    asOf,
    checklist: { title: all[0]!.checklist.title, total: all[0]!.checklist.total, key: keys.length === 1 ? keys[0]! : 'mixed' },
    ...total,
    grade: gradeOf(total.percent),
    areas: [...areaIds].map(([id, name]) => ({ id, name, ...points(all.flatMap((s) => s.areas.filter((a) => a.id === id))) })),
    // its own sections as they are; its members' marked with the member they belong to
    units: [...(own?.units ?? []), ...countedMembers.flatMap((m) => m.summary.units.map((x) => ({ ...x, member: m.id })))],
    overdue: sum((s) => s.overdue),
    accountability: { reminder: sum((s) => s.accountability.reminder), admonish: sum((s) => s.accountability.admonish), disqualify: sum((s) => s.accountability.disqualify) },
    ...(period ? { period } : {}),
    entries: sum((s) => s.entries),
  };
}

export function rollupReport(
  spec: { report: RollupReport['report']; period: string; asOf: string; umbrella: string },
  members: readonly MemberOutcome[],
): RollupReport {
  const { ranking, unverified } = rankLevel(members);
  const total = points(ranking);
  const areaNames = new Map<string, { name: string; count: number }>();
  for (const r of ranking) {
    for (const a of r.areas) {
      const seen = areaNames.get(a.id);
      if (seen) seen.count++;
      else areaNames.set(a.id, { name: a.name, count: 1 });
    }
  }
  const areas = [...areaNames]
    .filter(([, v]) => v.count >= 2)
    .map(([id, v]) => ({ id, name: v.name, members: ranking.map((r) => ({ id: r.id, percent: r.areas.find((a) => a.id === id)?.percent ?? null })) }));
  const byKey = new Map<string, { key: string; title: string; total: number; members: string[] }>();
  for (const m of members) {
    if (!m.result.ok) continue;
    const c = m.result.summary.checklist;
    const k = byKey.get(c.key) ?? { key: c.key, title: c.title, total: c.total, members: [] };
    k.members.push(m.id);
    byKey.set(c.key, k);
  }
  return {
    kind: 'rollup',
    ...spec,
    // with no member counted, 0 of 0 is no rate (points() would say 100 %)
    totals: { ...total, percent: ranking.length > 0 ? total.percent : null, members: ranking.length, overdue: ranking.reduce((n, r) => n + r.overdue, 0) },
    ranking,
    unverified,
    areas,
    checklists: [...byKey.values()],
    provenance: members.map((m) => ({ id: m.id, name: m.name, ...m.provenance })),
  };
}
