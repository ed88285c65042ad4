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
  const { repo, ds } = engine;
  const ev = evaluateYear(engine);
  checkSelection(ds, { unit: opts.unit, person: opts.person });
  const within = opts.within !== undefined ? parseWithin(opts.within) : (ds.settings.due_soon_days ?? 14);
  const report = dueReport(ds, ev, {
    within,
    ...(opts.unit !== undefined ? { unit: opts.unit } : {}),
    ...(opts.person !== undefined ? { person: opts.person } : {}),
  });
  if (opts.json) {
    const obligations = report.rows.map((r) => ({
      unit: r.subject,
      item: r.item,
      title: r.title,
      period: r.period,
      due: r.due,
      status: r.status,
      daysLeft: r.daysLeft,
      done: r.done,
      goal: r.goal,
      responsible: r.responsible,
    }));
    io.stdout(JSON.stringify({ asOf: report.asOf, within, obligations }, null, 2) + '\n');
  } else {
    io.stdout(renderDueText(report, repo.messages, repo.color, terminalWidth(io)));
  }
  return opts.fail && report.overdue > 0 ? 1 : 0;
}
