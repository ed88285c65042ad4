/** What `record` and `void` print after writing: where the line went, the line, and the obligation's status. */
import type { ChalkInstance } from 'chalk';
import type { Catalogue } from '../i18n/catalogue.js';
import type { RecordCatalogue } from '../i18n/record-catalogue.js';
import type { ObligationStatus } from '../recording/status-after.js';
import type { Written } from '../recording/write-line.js';
import { formatPeriod } from '../core/periods.js';
import { printable } from './width.js';

/** “T3.4 主题党日 · 办公室 · 三月：已完成”. */
export function statusLine(st: ObligationStatus, messages: Catalogue, rm: RecordCatalogue): string {
  return rm.record.status({
    item: st.item,
    title: printable(st.title),
    subject: printable(st.subjectName),
    period: rm.period(st.period.kind, st.period.index, st.period.year),
    status: messages.status[st.status],
    amount: st.amount,
    due: st.due,
  });
}

export function statusJson(st: ObligationStatus): Record<string, unknown> {
  return { item: st.item, subject: st.subject, period: formatPeriod(st.period), due: st.due, status: st.status, done: st.done, goal: st.goal };
}

export function renderWritten(w: Written, st: ObligationStatus | undefined, c: ChalkInstance, messages: Catalogue, rm: RecordCatalogue): string {
  const line = w.line;
  const where = printable(`${w.file}:${w.lineNo}`);
  const how = w.sha ? rm.record.committed({ sha: w.sha.slice(0, 7) }) : w.staged ? rm.record.staged({}) : rm.record.notInGit({});
  const out = [`${c.green('✓')} ${line.kind === 'void' ? rm.void.done({ id: line.target, where, how }) : rm.record.done({ where, how })}`, `  ${c.dim(printable(w.text))}`];
  if (st) out.push(statusLine(st, messages, rm));
  return out.join('\n') + '\n';
}

export function writtenJson(w: Written, st: ObligationStatus | undefined, extra: Record<string, unknown>): string {
  return JSON.stringify({ file: w.file, line: w.lineNo, id: w.id, text: w.text, commit: w.sha ?? null, staged: w.staged, ...extra, ...(st ? { obligation: statusJson(st) } : {}) }, null, 2) + '\n';
}
