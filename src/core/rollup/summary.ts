/**
 * One member of a roll-up, summed up from its own evaluation: what the umbrella ranks it by (the
 * share of the points that could be earned so far), its areas, its sections, its overdue work and
 * its accountability list. Pure: the annual report value of the member (core/reports/annual.ts)
 * is the source, so that a member's figures in a roll-up are the figures of its own report.
 */
import type { Dataset } from '../dataset.js';
import type { Evaluation } from '../evaluate.js';
import { annualReport, gradeOf, percentOf, type Grade } from '../reports/annual.js';
import { trendOf } from '../reports/common.js';
import { scoresOf } from '../evaluate.js';
import { round } from '../status.js';

export interface RollupPoints {
  score: number;
  ytdMax: number;
  max: number;
  projected: number;
  /** score ÷ ytdMax × 100, one decimal; 100 while nothing is due. */
  percent: number;
}

export interface MemberSummary extends RollupPoints {
  org: string;
  year: number;
  /** The day the member was evaluated as of (the day after the period's last deadline, or as-of before it). */
  asOf: string;
  checklist: { title: string; total: number; key: string };
  grade: Grade;
  areas: Array<RollupPoints & { id: string; name: string }>;
  /**
   * Its sections (units) as its own annual report scores them, in its own order. An umbrella's are
   * its own checklist's, then its counted members' with `member` set to the member they belong to.
   */
  units: Array<RollupPoints & { id: string; name: string; grade: Grade; overdue: number; member?: string }>;
  /** Obligations past due and not met, every subject. */
  overdue: number;
  accountability: { reminder: number; admonish: number; disqualify: number };
  /** Obligations due in the period's months and how many were met (the monthly and quarterly roll-ups). */
  period?: { due: number; met: number; rate: number };
  entries: number;
}

export function points(list: readonly { score: number; ytdMax: number; max: number; projected: number }[]): RollupPoints {
  const score = round(list.reduce((s, x) => s + x.score, 0));
  const ytdMax = round(list.reduce((s, x) => s + x.ytdMax, 0));
  return {
    score,
    ytdMax,
    max: round(list.reduce((s, x) => s + x.max, 0)),
    projected: round(list.reduce((s, x) => s + x.projected, 0)),
    percent: percentOf(score, ytdMax),
  };
}

/**
 * What identifies a checklist for comparison: its areas, items, weights, targets, cadences and
 * scoring, not its title or notes. Two members with one key are compared like for like.
 */
export function checklistKey(checklist: Dataset['checklists'][number]['value']): string {
  const shape = checklist.areas.map((a) => [a.id, a.points ?? null, a.items.map((i) => [i.id, i.weight, i.cadence, i.target ?? 'done', i.scope ?? 'units', i.scoring ?? null, i.deadline ?? null])]);
  return hash53(JSON.stringify([checklist.total, shape]));
}

/** A 53-bit string hash (cyrb53), in hex: enough to tell checklists apart, and pure. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The summary of a member evaluated for one year as of a day. `months` are the months (YYYY-MM)
 * of the period a monthly or quarterly roll-up is about.
 */
export function memberSummary(ds: Dataset, ev: Evaluation, months?: readonly string[]): MemberSummary {
  const checklist = ds.checklists.find((c) => c.value.year === ev.year)!.value;
  const report = annualReport(ds, ev);
  const all = scoresOf(ev);
  // each subject's own scores once (not again where they count toward a unit)
  const scores = all.filter((s) => s.from === undefined);
  // the units as their own report adds them up — an area's floor, bonus caps, findings against an
  // area —, then the organisation's and people's own items as they are, but for those already
  // counted in units (counts_toward)
  const inUnits = new Set(all.filter((s) => s.from !== undefined).map((s) => `${s.item.id}\u0000${s.from}`));
  const own = scores.filter((s) => !s.subjectKey.startsWith('unit:') && !inUnits.has(`${s.item.id}\u0000${s.subjectKey}`));
  const total = points([...report.units, ...own]);
  const areas = checklist.areas
    .map((a) => ({ id: a.id, name: a.name, ...points([...report.units.flatMap((u) => u.areas.filter((x) => x.id === a.id)), ...own.filter((s) => s.area === a)]) }))
    .filter((a) => a.max > 0);
  const accountability = { reminder: 0, admonish: 0, disqualify: 0 };
  for (const a of report.accountability) accountability[a.outcome]++;
  let overdue = 0;
  for (const s of scores) overdue += s.missed;
  let period: MemberSummary['period'];
  if (months) {
    const inPeriod = trendOf(ev).filter((t) => months.includes(t.month));
    const due = inPeriod.reduce((n, t) => n + t.due, 0);
    const met = inPeriod.reduce((n, t) => n + t.met, 0);
    period = { due, met, rate: due > 0 ? round((met / due) * 100, 1) : 100 };
  }
  return {
    org: report.org,
    year: ev.year,
    asOf: ev.asOf,
    checklist: { title: checklist.title, total: checklist.total, key: checklistKey(checklist) },
    ...total,
    grade: gradeOf(total.percent),
    areas,
    units: report.units.map((u) => ({ id: u.id, name: u.name, score: u.score, ytdMax: u.ytdMax, max: u.max, projected: u.projected, percent: u.percent, grade: u.grade, overdue: u.overdue })),
    overdue,
    accountability,
    ...(period ? { period } : {}),
    entries: ds.ledgers.reduce((n, l) => n + l.lines.length, 0),
  };
}
