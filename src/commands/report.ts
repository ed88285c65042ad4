/**
 * `qingdan report monthly|quarterly|annual`: evaluate as of the day after the period's last deadline (or today,
 * before it), build the report value, lay it out, render it in one format, print it or write it
 * atomically with --out.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Chalk } from 'chalk';
import { annualReport } from '../core/reports/annual.js';
import type { Provenance, Selection } from '../core/reports/common.js';
import { monthlyReport } from '../core/reports/monthly.js';
import { quarterlyReport } from '../core/reports/quarterly.js';
import { longestGrace, REPORT_KINDS, selectPeriod, type ReportKind } from '../core/reports/select.js';
import { formatPeriod } from '../core/periods.js';
import { QingdanError } from '../errors.js';
import { reportEn, reportZh } from '../i18n/report-labels.js';
import { renderCsv } from '../render/csv.js';
import type { Doc } from '../render/doc.js';
import { renderHtml } from '../render/html.js';
import { layoutAnnual } from '../render/layout/annual.js';
import type { LayoutContext } from '../render/layout/common.js';
import { layoutMonthly } from '../render/layout/monthly.js';
import { layoutQuarterly } from '../render/layout/quarterly.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTable } from '../render/table.js';
import { gitState } from '../read/git.js';
import { ledgerChecksum } from '../read/checksum.js';
import { isWithin, kindOf, realPathOf } from '../read/files.js';
import { writeFileAtomic } from '../write/atomic-file.js';
import { terminalWidth } from '../open/repo.js';
import type { GlobalOptions, Io } from '../io.js';
import { checkSelection, evaluateYear, openEngine } from '../open/engine.js';

declare const QINGDAN_VERSION: string;

export const FORMATS = ['table', 'md', 'json', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<string, Format> = { '.md': 'md', '.json': 'json', '.csv': 'csv', '.html': 'html', '.htm': 'html', '.txt': 'table' };

export interface ReportOptions extends GlobalOptions {
  month?: string;
  quarter?: string;
  year?: string;
  period?: string;
  unit?: string;
  supervisor?: string;
  format?: string;
  out?: string;
}

function formatOf(opts: ReportOptions): Format {
  if (opts.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(opts.format)) throw new QingdanError('bad-option', { option: '--format', value: opts.format, hint: FORMATS.join(', ') });
    return opts.format as Format;
  }
  if (opts.json) return 'json';
  const ext = opts.out?.match(/\.[a-z]+$/i)?.[0]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || 'table';
}

export async function runReport(kind: string, opts: ReportOptions, io: Io): Promise<number> {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new QingdanError('bad-option', { option: 'report', value: kind, hint: REPORT_KINDS.join(', ') });
  }
  const k = kind as ReportKind;
  const format = formatOf(opts);
  // the period depends on "as of", which openEngine validates; read it first, evaluate after
  const checksum = ledgerChecksum();
  const engine = await openEngine(opts, io, { ledger: checksum.add });
  const { repo, ds, cat } = engine;
  const chosen = selectPeriod(k, opts, repo.asOf);
  if ('error' in chosen) throw new QingdanError('bad-option', chosen.error);
  // evaluated on the day after the period's last deadline (its end plus the longest grace, plus one)
  const grace = longestGrace(cat.checklists.get(chosen.period.year)?.source.value);
  const { period, evalDate } = selectPeriod(k, opts, repo.asOf, grace) as typeof chosen;
  // git answers in the background while the year is evaluated
  const gitPending = gitState({ cwd: repo.root, env: io.env }, repo.ledgersDir, [repo.settings.paths?.templates ?? 'templates', 'qingdan.yaml']);
  const ev = evaluateYear(engine, period.year, evalDate);
  const sel: Selection = {
    ...(opts.unit !== undefined ? { unit: opts.unit } : {}),
    ...(opts.supervisor !== undefined ? { supervisor: opts.supervisor } : {}),
  };
  checkSelection(ds, sel);

  const value =
    k === 'monthly' ? monthlyReport(ds, ev, formatPeriod(period), sel) : k === 'quarterly' ? quarterlyReport(ds, ev, period, sel) : annualReport(ds, ev, sel);
  const provenance: Provenance = {
    asOf: evalDate,
    ...(await gitPending),
    ledgerChecksum: checksum.hex(),
    entries: ds.ledgers.reduce((n, l) => n + l.lines.length, 0),
    ...(ds.settings.start !== undefined ? { trackedFrom: ds.settings.start } : {}),
    generator: typeof QINGDAN_VERSION === 'string' ? QINGDAN_VERSION : 'dev',
  };

  let text: string;
  if (format === 'json') {
    text = JSON.stringify({ ...value, provenance }, null, 2) + '\n';
  } else {
    const ctx: LayoutContext = { L: repo.lang === 'en' ? reportEn : reportZh, messages: repo.messages, lang: repo.lang, provenance };
    const doc: Doc =
      value.kind === 'monthly' ? layoutMonthly(value, ctx) : value.kind === 'quarterly' ? layoutQuarterly(value, ctx) : layoutAnnual(value, ctx);
    const color = opts.out !== undefined ? new Chalk({ level: 0 }) : repo.color;
    text =
      format === 'md' ? renderMarkdown(doc) : format === 'csv' ? renderCsv(doc) : format === 'html' ? renderHtml(doc) : renderTable(doc, color, opts.out !== undefined ? Infinity : terminalWidth(io));
  }

  if (opts.out === undefined) {
    io.stdout(text);
    return 0;
  }
  // like git, -C DIR means "as if started in DIR": a relative --out is taken from there
  const base = opts.C !== undefined ? resolve(io.cwd, opts.C) : io.cwd;
  const target = outPath(opts.out, base, `${k}-${formatPeriod(period)}.${format === 'table' ? 'txt' : format}`);
  refuseOut(target, opts.out, repo.root, [repo.ledgersDir, repo.settings.paths?.templates ?? 'templates']);
  writeFileAtomic(target, text);
  const shown = relative(io.cwd, target);
  io.stderr(`${repo.messages.ui.wrote({ file: shown.startsWith('..') || isAbsolute(shown) ? target : shown })}\n`);
  return 0;
}

/**
 * `--out reports/` — or `--out reports`, an existing folder — names the file after the report;
 * anything else is the file itself.
 */
function outPath(out: string, cwd: string, name: string): string {
  const abs = resolve(cwd, out);
  return out.endsWith('/') || out.endsWith('\\') || kindOf(abs) === 'directory' ? join(abs, name) : abs;
}

/**
 * A report is written only to a regular file (new or old), never to a device, a FIFO or a socket
 * (the atomic rename would replace it), and never among the ledgers or the templates, where it
 * would be read as data or overwrite it — links resolved.
 */
function refuseOut(target: string, out: string, root: string, dataDirs: readonly string[]): void {
  const kind = kindOf(target);
  if (kind !== 'missing' && kind !== 'file') throw new QingdanError('out-special', { path: out, kind });
  const real = realPathOf(target);
  for (const d of dataDirs) {
    if (isWithin(real, realPathOf(resolve(root, d)))) throw new QingdanError('out-inside-data', { path: out, dir: d });
  }
}
