/**
 * `qingdan report monthly|quarterly|annual`: evaluate as of the day after the period's last deadline (or today,
 * before it), build the report value, lay it out, render it in one format, print it or write it
 * atomically with --out.
 */
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { Chalk } from 'chalk';
import { annualReport, type AnnualReport } from '../core/reports/annual.js';
import type { Provenance, Selection } from '../core/reports/common.js';
import { monthlyReport, type MonthlyReport } from '../core/reports/monthly.js';
import { quarterlyReport, type QuarterlyReport } from '../core/reports/quarterly.js';
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
import { withAbout, type TidyTable } from '../render/tidy/table.js';
import { tidyAnnual } from '../render/tidy/annual.js';
import { tidyMonthly } from '../render/tidy/monthly.js';
import { tidyQuarterly } from '../render/tidy/quarterly.js';
import { renderTable } from '../render/table.js';
import { gitState } from '../read/git.js';
import { ledgerChecksum } from '../read/checksum.js';
import { isWithin, kindOf, realPathOf } from '../read/files.js';
import { writeFileAtomic } from '../write/atomic-file.js';
import { terminalWidth } from '../open/repo.js';
import type { GlobalOptions, Io } from '../io.js';
import { checkSelection, evaluateYear, openEngine } from '../open/engine.js';

declare const QINGDAN_VERSION: string;

export const FORMATS = ['table', 'md', 'json', 'csv', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<string, Format> = { '.md': 'md', '.json': 'json', '.csv': 'csv', '.html': 'html', '.htm': 'html', '.txt': 'table', '.xlsx': 'xlsx' };

export interface ReportOptions extends GlobalOptions {
  month?: string;
  quarter?: string;
  year?: string;
  period?: string;
  unit?: string;
  supervisor?: string;
  format?: string;
  out?: string;
  /** The monthly report in full, every section's tables, instead of the digest. */
  detail?: boolean;
}

/** The format asked for; an --out extension that is not a format is an error told once the target is known safe. */
function formatOf(opts: ReportOptions): Format | QingdanError {
  if (opts.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(opts.format)) throw new QingdanError('bad-option', { option: '--format', value: opts.format, hint: FORMATS.join(', ') });
    return opts.format as Format;
  }
  if (opts.json) return 'json';
  if (opts.out === undefined) return 'table';
  // `report.pdf` is not written as a table under a misleading name; a folder or a bare name is
  const ext = extname(opts.out.replace(/[\\/]+$/, '')).toLowerCase();
  if (ext === '' || opts.out.endsWith('/') || opts.out.endsWith('\\')) return 'table';
  const format = EXTENSIONS[ext];
  if (format === undefined) {
    return new QingdanError('out-extension', { path: opts.out, ext, extensions: Object.keys(EXTENSIONS).join(' '), formats: FORMATS.join('|') });
  }
  return format;
}

export async function runReport(kind: string, opts: ReportOptions, io: Io): Promise<number> {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new QingdanError('bad-option', { option: 'report', value: kind, hint: REPORT_KINDS.join(', ') });
  }
  const k = kind as ReportKind;
  const format = formatOf(opts);
  // a workbook is a file, never bytes on a terminal
  if (format === 'xlsx' && opts.out === undefined) throw new QingdanError('xlsx-needs-out', {});
  // the period depends on "as of", which openEngine validates; read it first, evaluate after
  const checksum = ledgerChecksum();
  const engine = await openEngine(opts, io, { ledger: checksum.add });
  const { repo, ds, cat } = engine;
  const chosen = selectPeriod(k, opts, repo.asOf);
  if ('error' in chosen) throw new QingdanError('bad-option', chosen.error);
  // evaluated on the day after the period's last deadline (its end plus the longest grace, plus one)
  const grace = longestGrace(cat.checklists.get(chosen.period.year)?.source.value);
  const { period, evalDate } = selectPeriod(k, opts, repo.asOf, grace) as typeof chosen;
  // like git, -C DIR means "as if started in DIR": a relative --out is taken from there
  const base = opts.C !== undefined ? resolve(io.cwd, opts.C) : io.cwd;
  const target = opts.out === undefined ? undefined : outPath(opts.out, base, `${k}-${formatPeriod(period)}.${format === 'table' ? 'txt' : format}`);
  // a target among the data is refused first: that is what matters most about `--out ledgers/x.ledger`
  if (target !== undefined) refuseOut(target, opts.out!, repo.root, [repo.ledgersDir, repo.settings.paths?.templates ?? 'templates']);
  if (format instanceof QingdanError) throw format;
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

  let text: string | Uint8Array;
  if (format === 'json') {
    text = JSON.stringify({ ...value, provenance }, null, 2) + '\n';
  } else {
    const ctx: LayoutContext = { L: repo.lang === 'en' ? reportEn : reportZh, messages: repo.messages, lang: repo.lang, provenance, detail: opts.detail === true };
    const doc: Doc =
      value.kind === 'monthly' ? layoutMonthly(value, ctx) : value.kind === 'quarterly' ? layoutQuarterly(value, ctx) : layoutAnnual(value, ctx);
    const color = opts.out !== undefined ? new Chalk({ level: 0 }) : repo.color;
    text =
      format === 'xlsx'
        ? await xlsxOf(doc, tidyOf(value, ctx), ctx)
        : format === 'md'
        ? renderMarkdown(doc)
        : format === 'csv'
          ? renderCsv(withAbout(tidyOf(value, ctx), ctx.L, [doc.title, doc.subtitle, ...doc.footer]))
          : format === 'html'
            ? renderHtml(doc)
            : renderTable(doc, color, opts.out !== undefined ? Infinity : terminalWidth(io));
  }

  if (target === undefined) {
    io.stdout(text as string);
    return 0;
  }
  writeFileAtomic(target, text);
  const shown = relative(io.cwd, target);
  io.stderr(`${repo.messages.ui.wrote({ file: shown.startsWith('..') || isAbsolute(shown) ? target : shown })}\n`);
  return 0;
}

/** The workbook, with exceljs loaded now: no other format or command pays for it. */
async function xlsxOf(doc: Doc, tidy: TidyTable, ctx: LayoutContext): Promise<Uint8Array> {
  const [{ renderXlsx }, excel] = await Promise.all([import('../render/xlsx.js'), import('exceljs')]);
  return renderXlsx(doc, tidy, excel.default.Workbook, { data: ctx.L.tidy.data, about: ctx.L.tidy.about });
}

function tidyOf(value: MonthlyReport | QuarterlyReport | AnnualReport, ctx: LayoutContext): TidyTable {
  return value.kind === 'monthly' ? tidyMonthly(value, ctx) : value.kind === 'quarterly' ? tidyQuarterly(value, ctx) : tidyAnnual(value, ctx);
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
