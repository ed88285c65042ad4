/**
 * Accountability (责任追究): thresholds from the settings turn a low score or too many missed
 * obligations into a reminder (提醒), an admonishing talk (诫勉谈话) or the loss of award
 * eligibility (取消评先选优资格). The most severe level that applies wins.
 */
import type { Settings } from './model.js';

export const OUTCOMES = ['reminder', 'admonish', 'disqualify'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Trigger {
  /** Why: the score fell below a threshold, or too many obligations were missed. */
  kind: 'score' | 'overdue';
  threshold: number;
  value: number;
}

export interface Verdict {
  outcome: Outcome;
  triggers: Trigger[];
}

/**
 * The most severe outcome whose threshold is met, with every reason that applies: the lowest
 * score threshold crossed and the highest overdue threshold reached, whatever level they belong to.
 */
export function judge(thresholds: Settings['accountability'], percent: number, missed: number): Verdict | null {
  if (!thresholds) return null;
  let outcome: Outcome | undefined;
  let score: Trigger | undefined;
  let overdue: Trigger | undefined;
  for (const level of OUTCOMES) {
    const t = thresholds[level];
    if (!t) continue;
    let met = false;
    if (t.score_below !== undefined && percent < t.score_below) {
      met = true;
      if (!score || t.score_below < score.threshold) score = { kind: 'score', threshold: t.score_below, value: percent };
    }
    if (t.overdue_at_least !== undefined && missed >= t.overdue_at_least) {
      met = true;
      if (!overdue || t.overdue_at_least > overdue.threshold) overdue = { kind: 'overdue', threshold: t.overdue_at_least, value: missed };
    }
    if (met) outcome = level;
  }
  if (!outcome) return null;
  return { outcome, triggers: [score, overdue].filter((x): x is Trigger => x !== undefined) };
}

export function worse(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return OUTCOMES.indexOf(a) >= OUTCOMES.indexOf(b) ? a : b;
}
