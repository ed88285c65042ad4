/**
 * What a ledger line becomes once parsed. A million of these are held at once, so an entry keeps
 * only what the engine reads; the columns of its tokens are found again from the line's text when
 * a diagnostic needs them (parse/ledger.ts `spansOf`). Every field is present on every entry
 * (`undefined` when absent), so all entries share one shape.
 */
import { parsePeriod } from './periods.js';

export interface Quantity {
  value: number;
  /** The measure suffix as typed (`h`, `学时`, `篇`), if any. */
  unit?: string;
  /** For attendance `present/expected`: the expected count. */
  expected?: number;
}

/** A quantity as the ledger writes it: `3.5h`, `2篇`, `23/25`. */
export function printQuantity(q: Quantity): string {
  if (q.expected !== undefined) return `${q.value}/${q.expected}`;
  return `${q.value}${q.unit ?? ''}`;
}

interface LineBase {
  file: string;
  line: number;
  date: string;
  /** The date as the number YYYYMMDD: comparing numbers is what the engine does a million times. */
  day: number;
  id?: string | undefined;
  by?: string | undefined;
  evidence?: string | undefined;
  sha256?: string | undefined;
  period?: string | undefined;
}

/**
 * What an inspection finding (检查扣分) or its rectification (整改) adds to a line; absent on
 * ordinary entries, so that a million entries pay one empty slot for it. Such lines are not
 * completions: matching leaves them out; core/findings.ts reads them.
 */
export interface Extra {
  /** A finding: the points taken off (positive; written `-1` or `-0.5分`). */
  points?: number;
  /** A finding: who found it (a person whose role the settings allow). */
  inspector?: string;
  /** A finding: the rectification deadline (整改期限), `rectify-by:2026-05-10`. */
  rectifyBy?: string;
  /** A rectification: the id of the finding it closes, `rectifies:f1a2b3`. */
  rectifies?: string;
  /** A rating (评议): the rater group, `group:leaders`. */
  group?: string;
  /** A rating: the named rater (a person id), `rater:liminghua`. */
  rater?: string;
  /** A rating of an anonymous group: the ballot number, `ballot:12`. */
  ballot?: string;
  /** A rating: the score 0–100 (written as the quantity, `90`) or the grade (好, 较好, 一般, 差). */
  score?: number;
  grade?: string;
}

export interface Entry extends LineBase {
  kind: 'entry';
  subject: string;
  item: string;
  /** Shared between entries with the same quantity text: never modify one. */
  quantity?: Quantity | undefined;
  /** `exempt` in place of a quantity: the obligation is waived; the note gives the reason. */
  exempt: boolean;
  note?: string | undefined;
  /** Inspection finding or rectification tags; undefined on ordinary entries. */
  extra?: Extra | undefined;
}

export interface Void extends LineBase {
  kind: 'void';
  /** The id of the entry cancelled. */
  target: string;
  reason?: string | undefined;
}

export type LedgerLine = Entry | Void;

/**
 * The checklist year an entry belongs to: its period's year when it names one (the December
 * report filed on 3 January), else the year of its date.
 */
export function checklistYearOf(l: LedgerLine): number {
  const p = l.period === undefined ? undefined : parsePeriod(l.period);
  return p ? p.year : Math.floor(l.day / 10000);
}
