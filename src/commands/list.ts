/**
 * `qingdan list units|items|people`: the ids a clerk types, with the Chinese names and titles
 * they stand for. Columns are aligned by display width; `--json` gives the same as data.
 */
import { buildCatalog, measureOfItem, scopeOf } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import type { Item } from '../core/model.js';
import { QingdanError } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import type { RecordCatalogue } from '../i18n/record-catalogue.js';
import { padEnd, printable, truncate, width } from '../render/width.js';
import { checkSelection } from '../open/engine.js';
import { openRepo, soundDataset } from '../open/repo.js';
import { entryRows, type EntryRow } from '../core/reports/entries.js';
import { printQuantity } from '../parse/ledger-print.js';
import type { GlobalOptions, Io } from '../io.js';

export const LIST_KINDS = ['units', 'items', 'people', 'entries'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface ListOptions extends GlobalOptions {
  year?: string;
  /** For `list entries`. */
  unit?: string;
  item?: string;
  month?: string;
}

/** `list entries`: the ledgers' entries with their ids and places, for finding what to void. */
function listEntries(ds: Dataset, opts: ListOptions, io: Io, rm: RecordCatalogue): number {
  if (opts.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new QingdanError('bad-option', { option: '--month', value: opts.month, hint: 'YYYY-MM' });
  checkSelection(ds, { unit: opts.unit });
  const rows = entryRows(ds, buildCatalog(ds), {
    ...(opts.unit !== undefined ? { subject: opts.unit } : {}),
    ...(opts.item !== undefined ? { item: opts.item } : {}),
    ...(opts.month !== undefined ? { month: opts.month } : {}),
  });
  const qty = (r: EntryRow) => (r.exempt ? 'exempt' : r.quantity ? printQuantity(r.quantity) : '');
  if (opts.json) {
    const entries = rows.map(({ quantity, ...r }) => ({ ...r, ...(quantity ? { quantity: printQuantity(quantity) } : {}) }));
    io.stdout(JSON.stringify({ entries }, null, 2) + '\n');
    return 0;
  }
  const h = rm.entries;
  io.stdout(
    table(
      [h.id, h.date, h.subject, h.item, h.quantity, h.where, h.note],
      rows.map((r) => [r.id ?? '—', r.date, r.subjectName, r.item, qty(r), `${r.file}:${r.line}`, `${r.voided ? `${h.voided} ` : ''}${r.note ?? ''}`]),
      io.columns,
    ) + (rows.length === 0 ? `${h.none({})}\n` : ''),
  );
  return 0;
}

type Row = Record<string, string | number | undefined>;

/** A plain-text table: a header, a rule, rows (shown `printable`); columns padded by display width, the last one cut to fit. */
export function table(headers: string[], cells: string[][], columns?: number): string {
  // names and titles come from the templates, as anyone wrote them
  const rows = cells.map((r) => r.map(printable));
  const widths = headers.map((h, i) => rows.reduce((m, r) => Math.max(m, width(r[i] ?? '')), width(h)));
  const lastStart = widths.slice(0, -1).reduce((n, w) => n + w + 2, 0);
  const lastMax = columns ? Math.max(10, columns - lastStart - 1) : Infinity;
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? (width(c) > lastMax ? truncate(c, lastMax) : c) : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(headers), fmt(widths.map((w, i) => '─'.repeat(i === widths.length - 1 ? Math.min(w, lastMax) : w))), ...rows.map(fmt)].join('\n') + '\n';
}

function targetText(item: Item, rm: RecordCatalogue): string {
  const t = item.target;
  if (t === undefined || t === 'done') return rm.list.done({});
  const parts: string[] = [];
  const m = measureOfItem(item) ?? '次';
  if (t.count !== undefined) parts.push(`≥${t.count}${t.rate !== undefined ? '次' : m}`);
  if (t.sum !== undefined) parts.push(`≥${t.sum}${m}`);
  if (t.rate !== undefined) parts.push(`≥${Math.round(t.rate * 100)}%`);
  return parts.join(' ');
}

function scopeText(item: Item): string {
  const s = scopeOf(item);
  if (typeof s === 'string') return s;
  if ('units' in s) return s.units.join(',');
  if ('role' in s) return `role:${s.role}`;
  return `person:${s.person}`;
}

export function listRows(kind: ListKind, ds: Dataset, year: number): Row[] {
  const org = ds.org.value;
  const nameOf = (id: string) => org.people.find((p) => p.id === id)?.name ?? id;
  if (kind === 'units') {
    return org.units.map((u) => ({
      id: u.id,
      name: u.name,
      chief: u.chief,
      chiefName: nameOf(u.chief),
      supervisor: u.supervisor,
      supervisorName: nameOf(u.supervisor),
      members: u.members,
      headcount: u.headcount,
    }));
  }
  if (kind === 'people') {
    return org.people.map((p) => ({ id: p.id, name: p.name, role: p.role, title: p.title }));
  }
  const checklist = buildCatalog(ds).checklists.get(year);
  if (!checklist) return [];
  return checklist.source.value.areas.flatMap((a) =>
    a.items.map((i) => ({
      id: i.id,
      title: i.title,
      area: a.id,
      areaName: a.name,
      level: i.level,
      scope: scopeText(i),
      cadence: i.cadence,
      measure: measureOfItem(i),
      deadline: typeof i.deadline === 'string' ? i.deadline : i.deadline ? `+${i.deadline.days_after_period_end}d` : undefined,
      // a penalty-only condition shows what it takes off, a bonus item what it adds
      weight: i.weight ?? (i.penalty !== undefined ? -i.penalty : `+${i.bonus}`),
    })),
  );
}

export async function runList(kind: string, opts: ListOptions, io: Io): Promise<number> {
  const repo = await openRepo(opts, io, { asOfView: true });
  const rm = recordCatalogue(repo.lang);
  if (!(LIST_KINDS as readonly string[]).includes(kind)) {
    const e = new QingdanError('bad-list', { value: kind });
    e.lang = repo.lang;
    throw e;
  }
  const ds = soundDataset(repo);
  if (kind === 'entries') return listEntries(ds, opts, io, rm);
  let year = ds.settings.year ?? +repo.asOf.slice(0, 4);
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year)) throw new QingdanError('bad-option', { option: '--year', value: opts.year, hint: 'YYYY' });
    year = +opts.year;
  }
  const cat = buildCatalog(ds);
  if (kind === 'items' && !cat.checklists.has(year)) {
    throw new QingdanError('no-checklist-for-year', { year, years: [...cat.checklists.keys()].join(', ') });
  }
  const rows = listRows(kind as ListKind, ds, year);
  if (opts.json) {
    const clean = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    io.stdout(JSON.stringify(kind === 'items' ? { year, items: clean } : { [kind]: clean }, null, 2) + '\n');
    return 0;
  }
  const h = rm.list.headers;
  const s = (v: unknown) => (v === undefined ? '' : String(v));
  let out: string;
  if (kind === 'units') {
    out = table(
      [h.id, h.name, h.chief, h.supervisor, h.members, h.headcount],
      rows.map((r) => [s(r.id), s(r.name), `${s(r.chiefName)} ${s(r.chief)}`, `${s(r.supervisorName)} ${s(r.supervisor)}`, s(r.members), s(r.headcount)]),
      io.columns,
    );
  } else if (kind === 'people') {
    out = table(
      [h.id, h.name, h.role, h.title],
      rows.map((r) => [s(r.id), s(r.name), rm.list.role[s(r.role)] ?? s(r.role), s(r.title)]),
      io.columns,
    );
  } else {
    const items = cat.checklists.get(year)!.source.value.areas.flatMap((a) => a.items);
    out = table(
      [h.id, h.area, h.cadence, h.target, h.weight, h.due, h.name],
      rows.map((r, k) => [
        s(r.id),
        s(r.area),
        rm.prompt.cadence[s(r.cadence)] ?? s(r.cadence),
        targetText(items[k]!, rm),
        s(r.weight),
        s(r.deadline),
        s(r.title),
      ]),
      io.columns,
    );
  }
  io.stdout(out);
  return 0;
}
