/**
 * `qingdan audit` as text: the heading, each violation with its commit, author, date, file:line
 * and the line before and after, the registration lag per subject, the back-dated entries, and
 * the verdict. (The report itself is made in src/commands/audit.ts; `--json` prints it as is.)
 */
import type { ChalkInstance } from 'chalk';
import { REPOSITORY_KINDS, type AuditReport } from '../core/audit/history.js';
import type { RecordCatalogue } from '../i18n/record-catalogue.js';
import { padEnd, padStart, printable, width } from './width.js';

/**
 * A line from the history as it can be shown: a carriage return as ␍, a tab as →, trailing spaces
 * as ·, any other control, bidirectional or invisible character (an escape sequence in a tampered line) as `\u{1b}` (`printable`).
 */
export const visible = (s: string) => printable(s.replace(/\r/g, '␍').replace(/\t/g, '→').replace(/ +$/, (m) => '·'.repeat(m.length)));

const MAX_LISTED = 20;

export function renderAudit(r: AuditReport, c: ChalkInstance, rm: RecordCatalogue): string {
  const out: string[] = [];
  out.push(c.bold(rm.audit.heading({ commits: r.commits, merges: r.merges, entries: r.entries, since: r.since ? r.since.slice(0, 7) : '' })));
  if (r.violations.length > 0) {
    out.push('', c.red.bold(rm.audit.violations({ n: r.violations.length })));
    for (const v of r.violations) {
      if (REPOSITORY_KINDS.includes(v.kind)) {
        // the repository itself: where git keeps what is wrong, and what to do
        out.push(`  ${c.yellow(printable(v.file))}  ${printable(rm.audit.kind(v))}`);
        continue;
      }
      const commit = v.commit ? v.commit.slice(0, 7) : rm.audit.workingTree({});
      // names and paths come from the history, as anyone wrote them
      const who = v.commit ? ` ${(v.date ?? '').slice(0, 10)} ${printable(v.author ?? '')} <${printable(v.email ?? '')}>` : '';
      const where = printable(`${v.file}${v.line ? `:${v.line}` : ''}`);
      const merge = v.parent ? ` ${rm.audit.againstParent({ parent: v.parent.slice(0, 7) })}` : '';
      out.push(`  ${c.yellow(commit)}${who}  ${where}  ${printable(rm.audit.kind(v))}${merge}`);
      if (v.before !== undefined) out.push(c.red(`    - ${visible(v.before)}`));
      if (v.after !== undefined) out.push(c.green(`    + ${visible(v.after)}`));
      if (v.changed) {
        const ch = v.changed;
        const by = ch.commit ? `${ch.commit.slice(0, 7)} ${(ch.date ?? '').slice(0, 10)} ${printable(ch.author ?? '')} <${printable(ch.email ?? '')}>` : rm.audit.workingTree({});
        out.push(`    ${rm.audit.evidenceChangedBy({ by })}`);
      }
    }
  }
  if (r.lag.length > 0) {
    out.push('', c.bold(rm.audit.lagHeading({})));
    const h = rm.audit.lagColumns;
    const rows = r.lag.map((l) => [printable(`${l.subject} ${l.name}`), String(l.entries), String(l.median), String(l.max)]);
    const width0 = rows.reduce((m, x) => Math.max(m, width(x[0]!)), width(h.subject));
    out.push(`  ${padEnd(h.subject, width0)}  ${padStart(h.entries, 6)}  ${padStart(h.median, 8)}  ${padStart(h.max, 6)}`);
    for (const row of rows) out.push(`  ${padEnd(row[0]!, width0)}  ${padStart(row[1]!, 6)}  ${padStart(row[2]!, 8)}  ${padStart(row[3]!, 6)}`);
  }
  if (r.backdated.length > 0) {
    out.push('', c.yellow.bold(rm.audit.backdatedHeading({ n: r.backdated.length, days: r.closeDays })));
    for (const b of r.backdated.slice(0, MAX_LISTED)) {
      out.push(`  ${b.commit.slice(0, 7)} ${b.committed}  ${printable(`${b.file}:${b.line}`)}  ${b.item} ${b.period}  ${rm.audit.dueClosed({ due: b.due, closed: b.closed })}`);
    }
    if (r.backdated.length > MAX_LISTED) out.push(`  ${rm.audit.more({ n: r.backdated.length - MAX_LISTED })}`);
  }
  out.push('', r.violations.length === 0 ? c.green(rm.audit.clean({})) : c.red.bold(rm.audit.dirty({ n: r.violations.length })));
  return out.join('\n') + '\n';
}
