/**
 * Scoring: an item's weight × credit, for one subject over the item's periods of the year.
 * Rules (docs/scoring.md): proportional (credit = share of the target reached), all-or-nothing,
 * deduct (weight − per_miss × misses, or per_missing × what is missing of the target, never below
 * the floor), each with an optional late credit
 * and cap. Exempt obligations leave the denominator. Year-to-date: only obligations that are due
 * or already done count; `projected` is the score if everything still open were done on time.
 */
import type { Obligation } from './expand.js';
import type { Area, Item, Scoring } from './model.js';
import { weightOf } from './terms.js';
import { round, type Progress } from './status.js';

/** weight: an item with points; penalty: a penalty-only condition; bonus: a bonus item (加分项). */
export type ItemKind = 'weight' | 'penalty' | 'bonus';

export const kindOf = (item: Item): ItemKind => (item.penalty !== undefined ? 'penalty' : item.bonus !== undefined ? 'bonus' : 'weight');

export interface ItemScore {
  item: Item;
  kind: ItemKind;
  area: Area;
  subjectKey: string;
  /** Points this subject can earn on the item in the year (0 when every period is exempt). */
  max: number;
  /** Points earned on the obligations that count so far. */
  score: number;
  /** Points that could have been earned so far. */
  ytdMax: number;
  /** The score if every obligation still open were done on time. */
  projected: number;
  periods: number;
  exempt: number;
  /** Obligations past due and not met (overdue or partial). */
  missed: number;
  /** Points of inspection findings against the item taken off `score`. */
  deducted?: number;
  /**
   * The organisation's or a person's item counted in a unit's score (`counts_toward`): whose
   * score it is (`person:zhou`, `org`); `subjectKey` is then the unit's. Absent on a subject's own.
   */
  from?: string;
}

export interface Rule {
  rule: 'proportional' | 'all-or-nothing' | 'deduct';
  lateCredit: number;
  perMiss: number;
  /** Points per missing unit of a count or sum target (0: per_miss applies). */
  perMissing: number;
  floor: number;
  cap: number;
}

export function ruleOf(s: Scoring | undefined, weight: number): Rule {
  const o = typeof s === 'object' ? s : { rule: s ?? 'proportional' };
  return {
    rule: o.rule ?? 'proportional',
    lateCredit: o.late_credit ?? 1,
    perMiss: o.per_miss ?? 0,
    perMissing: o.per_missing ?? 0,
    floor: o.floor ?? 0,
    cap: o.cap ?? weight,
  };
}

function creditOf(p: Progress, r: Rule): number {
  if (r.rule !== 'all-or-nothing') return p.credit;
  return p.status === 'met' ? 1 : p.status === 'met-late' ? r.lateCredit : 0;
}

export function scoreItem(obligations: readonly Obligation[], progress: readonly Progress[]): ItemScore {
  const o = obligations[0]!;
  const kind = kindOf(o.item);
  if (kind !== 'weight') return extraScore(o, kind, progress);
  const weight = weightOf(o.item);
  const r = ruleOf(o.item.scoring, weight);
  const live = progress.filter((p) => p.status !== 'exempt');
  const counted = live.filter((p) => p.counted);
  const n = live.length;
  const base = {
    item: o.item,
    kind,
    area: o.area,
    subjectKey: o.subjectKey,
    periods: progress.length,
    exempt: progress.length - n,
    missed: live.filter((p) => p.status === 'overdue' || p.status === 'partial').length,
  };
  if (n === 0) return { ...base, max: 0, score: 0, ytdMax: 0, projected: 0 };
  const credits = counted.map((p) => creditOf(p, r));
  let score: number;
  let ytdMax: number;
  if (r.rule === 'deduct') {
    // per_missing: what is missing of the target, in its own units (4 meetings asked, 1 held: 3);
    // per_miss: missed periods, each weighted by the share not done
    const lost =
      r.perMissing > 0
        ? r.perMissing * counted.reduce((s, p, i) => s + p.goal * (1 - credits[i]!), 0)
        : r.perMiss * credits.reduce((s, c) => s + (1 - c), 0);
    ytdMax = counted.length > 0 ? weight : 0;
    score = counted.length > 0 ? Math.min(weight, Math.max(r.floor, weight - lost)) : 0;
  } else {
    ytdMax = (weight * counted.length) / n;
    score = (weight * credits.reduce((s, c) => s + c, 0)) / n;
  }
  const projected = score + (weight - ytdMax);
  const cap = (x: number) => round(Math.min(x, r.cap));
  return { ...base, max: cap(weight), score: cap(score), ytdMax: cap(ytdMax), projected: cap(projected) };
}

/**
 * A penalty-only condition takes `penalty` off per missed period (weighted by the share not
 * done, like deduct) and raises no maximum; a bonus item adds `bonus` per occurrence recorded by
 * "as of" (its area's and the checklist's bonus_cap apply in the roll-up, core/rollup.ts).
 */
function extraScore(o: Obligation, kind: 'penalty' | 'bonus', progress: readonly Progress[]): ItemScore {
  const live = progress.filter((p) => p.status !== 'exempt');
  const base = {
    item: o.item,
    kind,
    area: o.area,
    subjectKey: o.subjectKey,
    periods: progress.length,
    exempt: progress.length - live.length,
    missed: live.filter((p) => p.status === 'overdue' || p.status === 'partial').length,
    max: 0,
    ytdMax: 0,
  };
  if (kind === 'bonus') {
    const score = round(o.item.bonus! * live.reduce((s, p) => s + p.done, 0));
    return { ...base, score, projected: score };
  }
  const lost = live.filter((p) => p.counted).reduce((s, p) => s + (1 - p.credit), 0);
  const score = round(-o.item.penalty! * lost);
  return { ...base, score, projected: score };
}

/**
 * An item's score less the points of inspection findings against it: never below the item's
 * floor (0 unless the scoring says), nor raised by it.
 */
export function deduct(s: ItemScore, points: number): ItemScore {
  const floor = Math.min(ruleOf(s.item.scoring, weightOf(s.item)).floor, s.score);
  return { ...s, score: round(Math.max(floor, s.score - points)), projected: round(Math.max(Math.min(floor, s.projected), s.projected - points)), deducted: points };
}
