/** What every report layout shares: labels, status cells and the provenance footer. */
import type { Provenance } from '../../core/reports/common.js';
import type { Status } from '../../core/status.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { ReportLabels } from '../../i18n/report-labels.js';
import { cell, fmtNumber, type Cell, type Tone } from '../doc.js';

export interface LayoutContext {
  L: ReportLabels;
  messages: Catalogue;
  lang: 'zh' | 'en';
  provenance: Provenance;
}

const TONE: Record<Status | 'behind', Tone | undefined> = {
  met: 'good',
  'met-late': 'warn',
  partial: 'bad',
  overdue: 'bad',
  'due-soon': 'warn',
  open: undefined,
  exempt: 'muted',
  behind: 'warn',
};

export function statusCell(ctx: LayoutContext, s: Status | 'behind'): Cell {
  const text = s === 'behind' ? ctx.L.behindMark : ctx.messages.status[s];
  const tone = TONE[s];
  return tone ? { text, tone } : { text };
}

export const SYMBOL: Record<Status, string> = {
  met: '✓',
  'met-late': '◐',
  partial: '△',
  overdue: '✗',
  open: '…',
  'due-soon': '!',
  exempt: '–',
};

export function toneOf(s: Status): Tone | undefined {
  return TONE[s];
}

export function progressText(done: number, goal: number, measure?: string): string {
  return `${fmtNumber(done)}/${fmtNumber(goal)}${measure ?? ''}`;
}

export function percentCell(p: number): Cell {
  return cell(p, p >= 90 ? 'good' : p >= 70 ? 'warn' : 'bad');
}

export function footer(ctx: LayoutContext, version: string): string[] {
  const p = ctx.provenance;
  const commit = p.commit === undefined ? ctx.L.noGit : `${p.commit.slice(0, 12)}${p.dirty ? ctx.L.dirty : ''}`;
  return [ctx.L.provenance({ asOf: p.asOf, commit, checksum: p.ledgerChecksum.slice(0, 16), entries: p.entries, version })];
}

export function withCount(ctx: LayoutContext, heading: string, n: number): string {
  return ctx.lang === 'zh' ? `${heading}（${n}）` : `${heading} (${n})`;
}
