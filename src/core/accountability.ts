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

export function judge(thresholds: Settings['accountability'], percent: number, missed: number): Verdict | null {
  if (!thresholds) return null;
  for (const outcome of [...OUTCOMES].reverse()) {
    const t = thresholds[outcome];
    if (!t) continue;
    const triggers: Trigger[] = [];
    if (t.score_below !== undefined && percent < t.score_below) triggers.push({ kind: 'score', threshold: t.score_below, value: percent });
    if (t.overdue_at_least !== undefined && missed >= t.overdue_at_least) {
      triggers.push({ kind: 'overdue', threshold: t.overdue_at_least, value: missed });
    }
    if (triggers.length > 0) return { outcome, triggers };
  }
  return null;
}

export function worse(a: Outcome | undefined, b: Outcome | undefined): Outcome | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return OUTCOMES.indexOf(a) >= OUTCOMES.indexOf(b) ? a : b;
}
