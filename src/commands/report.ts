/** `qingdan report monthly|quarterly|annual`: a report value, rendered in one format. */
import { annualReport } from '../core/reports/annual.js';
import { UsageError } from '../errors.js';
import type { GlobalOptions, Io } from './context.js';
import { openEngine } from './engine.js';

export interface ReportOptions extends GlobalOptions {
  year?: string;
  format?: string;
}

export const REPORT_KINDS = ['annual'] as const;

export function runReport(kind: string, opts: ReportOptions, io: Io): number {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError('bad-option', { option: 'report', value: kind, hint: REPORT_KINDS.join(', ') });
  }
  const format = opts.format ?? 'json';
  if (format !== 'json') throw new UsageError('bad-option', { option: '--format', value: format, hint: 'json' });
  let year: number | undefined;
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year)) throw new UsageError('bad-option', { option: '--year', value: opts.year, hint: 'YYYY' });
    year = +opts.year;
  }
  const { ds, ev } = openEngine(opts, io, year);
  io.stdout(JSON.stringify(annualReport(ds, ev), null, 2) + '\n');
  return 0;
}
