/** `qingdan due` for a person at a terminal: one block per responsible person, nearest first. */
import type { ChalkInstance } from 'chalk';
import type { DueReport, DueRow } from '../core/reports/due.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { padEnd, padStart, printable, truncate, width } from './width.js';

/**
 * `previousYear`: this report is the old year's open work, shown in January apart from the new
 * year's (late completions are still recorded, dated in the old year): its own heading, no footer.
 */
export function renderDueText(r: DueReport, cat: Catalogue, color: ChalkInstance, columns = 100, previousYear?: number): string {
  const L = cat.due;
  const out: string[] = [];
  out.push(
    color.bold(
      previousYear === undefined
        ? L.heading({ asOf: r.asOf, weekday: weekday(r.asOf, cat), overdue: r.overdue, soon: r.dueSoon, within: r.within })
        : L.previousYear({ year: previousYear, overdue: r.overdue, soon: r.dueSoon }),
    ),
  );
  if (r.rows.length === 0) {
    if (previousYear === undefined) out.push('', color.green(L.nothing({ within: r.within })));
    return out.join('\n') + '\n';
  }
  const titleWidth = Math.max(12, Math.min(28, columns - 62));
  const subjectWidth = Math.min(14, r.rows.reduce((m, x) => Math.max(m, width(printable(x.subjectName))), 0));
  for (const g of r.groups) {
    const late = g.rows.filter((x) => x.daysLeft < 0).length;
    out.push('');
    const counts = [late ? color.red(L.countOverdue({ n: late })) : '', g.rows.length - late ? color.yellow(L.countSoon({ n: g.rows.length - late })) : '']
      .filter(Boolean)
      .join(' · ');
    out.push(`${color.bold(printable(g.person.name))}${g.person.title ? color.dim(` ${printable(g.person.title)}`) : ''}  ${counts}`);
    for (const row of g.rows) out.push(line(row, cat, color, titleWidth, subjectWidth));
  }
  if (previousYear === undefined) out.push('', color.dim(L.footer({})));
  return out.join('\n') + '\n';
}

function line(r: DueRow, cat: Catalogue, color: ChalkInstance, titleWidth: number, subjectWidth: number): string {
  const L = cat.due;
  const when = r.daysLeft < 0 ? L.overdueBy({ n: -r.daysLeft }) : r.daysLeft === 0 ? L.today({}) : L.left({ n: r.daysLeft });
  const paint = r.daysLeft < 0 ? color.red : r.daysLeft <= 3 ? color.yellow : (s: string) => s;
  const mark = r.daysLeft < 0 ? '✗' : '●';
  const progress =
    r.goal > 1 || r.done > 0
      ? `${fmt(r.done)}/${fmt(r.goal)}${printable(r.measure ?? '')}${r.pace?.behind ? color.yellow(` ${L.behind({ expected: fmt(r.pace.expected) })}`) : ''}`
      : '';
  return [
    ' ',
    paint(`${mark} ${padEnd(when, 10)}`),
    r.due,
    padEnd(printable(r.item), 5),
    padEnd(truncate(printable(r.title), titleWidth), titleWidth),
    padEnd(truncate(printable(r.subjectName), subjectWidth), subjectWidth),
    padStart(printable(r.period), 7),
    progress,
  ]
    .join(' ')
    .trimEnd();
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function weekday(date: string, cat: Catalogue): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  return cat.weekdays[d.getUTCDay()]!;
}
