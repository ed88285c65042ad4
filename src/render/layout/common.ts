/** What every report layout shares: labels, status cells and the provenance footer. */
import type { Provenance } from '../../core/reports/common.js';
import type { Status } from '../../core/status.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { ReportLabels } from '../../i18n/report-labels.js';
import { cell, fmtNumber, type Cell, type Section, type Tone } from '../doc.js';
import type { InspectionRow } from '../../core/reports/inspections.js';

export interface LayoutContext {
  L: ReportLabels;
  messages: Catalogue;
  lang: 'zh' | 'en';
  provenance: Provenance;
  /** The monthly report's every table (--detail) rather than its digest. */
  detail?: boolean;
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

/** The persons of a per-person item who fell short, after its progress: `（未达标：乙委员 2/4）`. */
export function shortText(ctx: LayoutContext, short: readonly { name: string; done: number; goal: number }[] | undefined): string {
  if (!short?.length) return '';
  const zh = ctx.lang === 'zh';
  const names = short.map((x) => `${x.name} ${fmtNumber(x.done)}/${fmtNumber(x.goal)}`).join(zh ? '、' : ', ');
  return zh ? `（${ctx.L.short({ names })}）` : ` (${ctx.L.short({ names })})`;
}

export function percentCell(p: number): Cell {
  return { ...cell(p, p >= 90 ? 'good' : p >= 70 ? 'warn' : 'bad'), percent: true };
}

export function footer(ctx: LayoutContext, version: string): string[] {
  const p = ctx.provenance;
  const commit = p.commit === undefined ? ctx.L.noGit : `${p.commit.slice(0, 12)}${p.dirty ? ctx.L.dirty : ''}`;
  return [ctx.L.provenance({ asOf: p.asOf, commit, checksum: p.ledgerChecksum.slice(0, 16), entries: p.entries, version })];
}

export function withCount(ctx: LayoutContext, heading: string, n: number): string {
  return ctx.lang === 'zh' ? `${heading}（${n}）` : `${heading} (${n})`;
}

/** Inspection findings (检查扣分) and their rectification, as one section; undefined when there are none. */
export function inspectionsSection(ctx: LayoutContext, rows: readonly InspectionRow[] | undefined): Section | undefined {
  if (!rows || rows.length === 0) return undefined;
  const { L } = ctx;
  return {
    heading: withCount(ctx, L.inspections.heading, rows.length),
    level: 2,
    table: {
      columns: [
        { label: L.col.date },
        { label: L.col.subject },
        { label: L.col.item },
        { label: L.col.title },
        { label: L.inspections.points, align: 'right' },
        { label: L.inspections.reason },
        { label: L.inspections.inspector },
        { label: L.inspections.rectifyBy },
        { label: L.col.status },
      ],
      rows: rows.map((f) => [
        cell(f.date),
        cell(f.subjectName),
        cell(f.item),
        cell(f.title),
        { text: `-${fmtNumber(f.points)}`, value: -f.points },
        cell(f.reason ?? L.none),
        cell(f.inspector.name),
        cell(f.rectifyBy ?? L.none),
        cell(f.status === 'rectified' ? `${L.inspections.status.rectified} ${f.rectifiedOn}` : L.inspections.status[f.status], f.status === 'overdue' ? 'bad' : f.status === 'open' ? 'warn' : 'good'),
      ]),
      keyColumns: 2,
    },
  };
}
