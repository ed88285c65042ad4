/**
 * Adding item scores up to an area and a unit, with the rules that apply to the sum rather than
 * to an item: an area's floor (扣完为止 across its items, penalties and findings), bonus points
 * capped per area (`bonus_cap` of the area) and per unit (`bonus_cap` of the checklist). Pure.
 */
import type { Area, Checklist } from './model.js';
import type { ItemScore } from './score.js';
import { round } from './status.js';

export interface AreaSum {
  score: number;
  max: number;
  ytdMax: number;
  projected: number;
  /** Bonus points in `score`, after the area's cap (0 without bonus items). */
  bonus: number;
}

/**
 * One area of one subject: the items' scores less `deducted` (inspection findings against the
 * area), never below the area's floor, plus its bonus points up to the area's cap.
 */
export function areaSum(area: Area, scores: readonly ItemScore[], deducted = 0): AreaSum {
  let score = 0;
  let projected = 0;
  let max = 0;
  let ytdMax = 0;
  let bonusRaw = 0;
  for (const s of scores) {
    if (s.kind === 'bonus') {
      bonusRaw += s.score;
      continue;
    }
    score += s.score;
    projected += s.projected;
    max += s.max;
    ytdMax += s.ytdMax;
  }
  score -= deducted;
  projected -= deducted;
  if (area.floor !== undefined) {
    score = Math.max(area.floor, score);
    projected = Math.max(area.floor, projected);
  }
  const bonus = round(Math.min(bonusRaw, area.bonus_cap ?? Infinity));
  return { score: round(score + bonus), max: round(max), ytdMax: round(ytdMax), projected: round(projected + bonus), bonus };
}

/** Bonus points of a unit's areas above the checklist's cap: taken off the unit's total. */
export function bonusOverCap(checklist: Checklist, areas: readonly { bonus: number }[]): number {
  const bonus = areas.reduce((s, a) => s + a.bonus, 0);
  return round(Math.max(0, bonus - (checklist.bonus_cap ?? Infinity)));
}
