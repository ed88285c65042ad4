/**
 * Scoring: an item's weight × credit, for one subject over the item's periods of the year.
 * Rules (docs/scoring.md): proportional (credit = share of the target reached), all-or-nothing,
 * deduct (weight − per_miss × misses, never below the floor), each with an optional late credit
 * and cap. Exempt obligations leave the denominator. Year-to-date: only obligations that are due
 * or already done count; `projected` is the score if everything still open were done on time.
 */
import type { Obligation } from './expand.js';
import type { Area, Item, Scoring } from './model.js';
import { round, type Progress } from './status.js';

export interface ItemScore {
  item: Item;
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
}

export interface Rule {
  rule: 'proportional' | 'all-or-nothing' | 'deduct';
  lateCredit: number;
  perMiss: number;
  floor: number;
  cap: number;
}

export function ruleOf(s: Scoring | undefined, weight: number): Rule {
  const o = typeof s === 'object' ? s : { rule: s ?? 'proportional' };
  return {
    rule: o.rule ?? 'proportional',
    lateCredit: o.late_credit ?? 1,
    perMiss: o.per_miss ?? 0,
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
  const weight = o.item.weight;
  const r = ruleOf(o.item.scoring, weight);
  const live = progress.filter((p) => p.status !== 'exempt');
  const counted = live.filter((p) => p.counted);
  const n = live.length;
  const base = {
    item: o.item,
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
    const misses = credits.reduce((s, c) => s + (1 - c), 0);
    ytdMax = counted.length > 0 ? weight : 0;
    score = counted.length > 0 ? Math.min(weight, Math.max(r.floor, weight - r.perMiss * misses)) : 0;
  } else {
    ytdMax = (weight * counted.length) / n;
    score = (weight * credits.reduce((s, c) => s + c, 0)) / n;
  }
  const projected = score + (weight - ytdMax);
  const cap = (x: number) => round(Math.min(x, r.cap));
  return { ...base, max: cap(weight), score: cap(score), ytdMax: cap(ytdMax), projected: cap(projected) };
}
