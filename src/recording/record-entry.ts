/**
 * Recording one completion (“完成一项，登记一项”): the entry built from what the clerk gave, written
 * as one line of its subject's ledger for the year and committed on its own.
 */
import type { Subject } from '../core/catalog.js';
import { dayOf } from '../core/dates.js';
import type { Entry, Extra, Quantity } from '../core/entry.js';
import { subjectId } from '../core/expand.js';
import type { Item, Person } from '../core/model.js';
import { checklistYearOf } from '../core/entry.js';
import { printQuantity } from '../parse/ledger-print.js';
import { folderPath } from '../read/files.js';
import { parseLedgers, writeLine, type OpenedWith, type WriteOptions, type Written } from './write-line.js';
import { filesContaining } from '../read/scan.js';

export interface EntryInput {
  subject: Subject;
  /** The item, or an area for a finding or rectification against a whole area. */
  item: Pick<Item, 'id'>;
  date: string;
  quantity?: Quantity;
  exempt: boolean;
  note?: string;
  by?: Person;
  /** The period it counts for, as written (`2026-03`), when not the date's own. */
  period?: string;
  /** The evidence file, relative to the repository, and the start of its SHA-256. */
  evidence?: { rel: string; sha: string };
  /** An inspection finding, a rectification or a rating (their tags); absent on a completion. */
  extra?: Extra;
}

/** Whose ledger an entry goes to: a unit's own, or `org` for the organisation and persons. */
export function ledgerOwner(subject: Subject): string {
  return subject.kind === 'unit' ? subject.unit.id : 'org';
}

/** `ledgers/2026/office.ledger`: a unit's own ledger, or `org.ledger` for the organisation and persons. */
export function ledgerFileFor(ledgersDir: string, year: number, subject: Subject): string {
  return `${folderPath(ledgersDir)}/${year}/${ledgerOwner(subject)}.ledger`;
}

/** The entry as a ledger line holds it, without its place (which comes from parsing the written text back). */
export function entryOf(input: EntryInput): Entry {
  const fields: Omit<Entry, 'file' | 'line'> = { kind: 'entry', date: input.date, day: dayOf(input.date), subject: subjectId(input.subject), item: input.item.id, exempt: input.exempt };
  const entry = fields as Entry;
  if (input.quantity) entry.quantity = input.quantity;
  if (input.note !== undefined) entry.note = input.note;
  if (input.by) entry.by = input.by.id;
  if (input.period !== undefined) entry.period = input.period;
  if (input.evidence) {
    entry.evidence = input.evidence.rel;
    entry.sha256 = input.evidence.sha;
  }
  if (input.extra) entry.extra = input.extra;
  return entry;
}

/** Writes the entry; `header` is the comment line a new ledger of `year` starts with. */
export function recordEntry(opened: OpenedWith, target: WriteOptions, input: EntryInput, header: (year: number) => string): Written {
  const entry = entryOf(input);
  const year = checklistYearOf(entry);
  const x = input.extra;
  const qtyText =
    x?.points !== undefined ? `-${x.points}` : x?.score !== undefined ? String(x.score) : x?.grade !== undefined ? x.grade : input.exempt ? 'exempt' : input.quantity ? printQuantity(input.quantity) : '';
  return writeLine(opened, target, (loaded) => ({
    file: ledgerFileFor(loaded.ledgersDir, year, input.subject),
    // a rectification is checked beside the ledgers that hold the finding it names
    ...(x?.rectifies !== undefined ? { context: parseLedgers(loaded, filesContaining(loaded.root, loaded.files, x.rectifies)) } : {}),
    line: entry,
    header: header(year),
    message: (id) => `record: ${entry.subject} ${input.item.id}${qtyText ? ` ${qtyText}` : ''} ${input.date} (id:${id})`,
    ...(input.evidence ? { with: [input.evidence.rel] } : {}),
  }));
}
