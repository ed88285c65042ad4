/** `qingdan due`: what is due soon and what is overdue, per responsible person. */
import { dueReport } from '../core/reports/due.js';
import { QingdanError } from '../errors.js';
import { renderDueText } from '../render/due-text.js';
import { terminalWidth } from '../open/repo.js';
import type { GlobalOptions, Io } from '../io.js';
import { checkSelection, evaluateYear, openEngine } from '../open/engine.js';

export interface DueOptions extends GlobalOptions {
  within?: string;
  unit?: string;
  person?: string;
  fail?: boolean;
}

/** `14d`, `14`, `2w` → days. */
export function parseWithin(s: string): number {
  const m = /^(\d{1,3})([dw]?)$/.exec(s.trim());
  if (!m) throw new QingdanError('bad-option', { option: '--within', value: s, hint: '14d, 2w' });
  return +m[1]! * (m[2] === 'w' ? 7 : 1);
}

export async function runDue(opts: DueOptions, io: Io): Promise<number> {
  const engine = await openEngine(opts, io);
  const { repo, ds, cat } = engine;
  const ev = evaluateYear(engine);
  checkSelection(ds, { unit: opts.unit, person: opts.person });
  const within = opts.within !== undefined ? parseWithin(opts.within) : (ds.settings.due_soon_days ?? 14);
  const sel = {
    within,
    ...(opts.unit !== undefined ? { unit: opts.unit } : {}),
    ...(opts.person !== undefined ? { person: opts.person } : {}),
  };
  const report = dueReport(ds, ev, sel);
  // in January the old year's open work is still the clerk's: shown apart from the new year's
  const last = ev.year - 1;
  const inJanuary = repo.asOf.startsWith(`${ev.year}-01-`);
  const previous = inJanuary && cat.checklists.has(last) ? dueReport(ds, evaluateYear(engine, last), sel) : undefined;
  const shown = previous && previous.rows.length > 0 ? previous : undefined;
  if (opts.json) {
    const rows = (r: typeof report) =>
      r.rows.map((x) => ({
        unit: x.subject,
        item: x.item,
        title: x.title,
        period: x.period,
        due: x.due,
        status: x.status,
        daysLeft: x.daysLeft,
        done: x.done,
        goal: x.goal,
        responsible: x.responsible,
      }));
    io.stdout(JSON.stringify({ asOf: report.asOf, within, obligations: rows(report), ...(shown ? { previousYear: { year: last, obligations: rows(shown) } } : {}) }, null, 2) + '\n');
  } else {
    if (shown) io.stdout(`${renderDueText(shown, repo.messages, repo.color, terminalWidth(io), last)}\n`);
    io.stdout(renderDueText(report, repo.messages, repo.color, terminalWidth(io)));
  }
  return opts.fail && report.overdue + (shown?.overdue ?? 0) > 0 ? 1 : 0;
}
