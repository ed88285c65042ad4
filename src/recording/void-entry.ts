/**
 * Cancelling an entry: a void line appended to the entry's own ledger, committed like a record.
 * An id that names no entry, a void line, an entry already voided, or an id on more than one
 * line (which of them is meant is unclear) is refused — checked again under the lock, against
 * the ledgers as they are then.
 */
import { dayOf } from '../core/dates.js';
import type { Dataset, Ledger } from '../core/dataset.js';
import type { Entry, Void } from '../core/entry.js';
import type { Person } from '../core/model.js';
import { closest } from '../core/suggest.js';
import { QingdanError } from '../errors.js';
import { filesContaining } from '../read/scan.js';
import { parseLedgers, writeLine, type Loaded, type OpenedWith, type WriteOptions, type Written } from './write-line.js';

/** The entry `id` names, or why it cannot be voided. */
export function voidTarget(ds: Dataset, id: string): Entry {
  let entry: Entry | undefined;
  let voidedAt: string | undefined;
  let isVoid = false;
  const ids: string[] = [];
  const places: string[] = [];
  for (const l of ds.ledgers) {
    for (const line of l.lines) {
      if (line.id !== undefined) ids.push(line.id);
      if (line.id === id) {
        places.push(`${line.file}:${line.line}`);
        if (line.kind === 'entry') entry ??= line;
        else isVoid = true;
      }
      if (line.kind === 'void' && line.target === id && voidedAt === undefined) voidedAt = `${line.file}:${line.line}`;
    }
  }
  if (places.length > 1) throw new QingdanError('void-ambiguous', { id, places: places.join(', ') });
  if (!entry) {
    if (isVoid) throw new QingdanError('void-void', { id });
    throw new QingdanError('void-unknown', { id, suggestion: closest(id, ids) ?? '' });
  }
  if (voidedAt) throw new QingdanError('void-twice', { id, first: voidedAt });
  return entry;
}

/**
 * The entry `id` names, found without parsing every ledger: only the ledgers whose bytes contain
 * the id (as an entry's `id:` or a void's target) are parsed, and every line that bears the id or
 * voids it is among them — what `voidTarget` needs. The ledgers that mention it are returned too,
 * to check the void line beside. An id found nowhere is looked for among all ledgers after all,
 * for the did-you-mean of the refusal.
 */
export function findVoidTarget(loaded: Loaded, id: string): { entry: Entry; context: Ledger[] } {
  const context = parseLedgers(loaded, filesContaining(loaded.root, loaded.files, id));
  try {
    return { entry: voidTarget({ ...loaded.base, ledgers: context }, id), context };
  } catch (e) {
    if (!(e instanceof QingdanError) || e.key !== 'void-unknown') throw e;
    return { entry: voidTarget({ ...loaded.base, ledgers: parseLedgers(loaded, loaded.files) }, id), context };
  }
}

export interface VoidInput {
  id: string;
  reason: string;
  date: string;
  by?: Person;
}

/** The void line naming `target` (an entry's id, or `line:…`), without its place and id. */
export function voidOf(target: string, input: { date: string; reason: string; by?: Person }): Void {
  const fields: Omit<Void, 'file' | 'line'> = { kind: 'void', date: input.date, day: dayOf(input.date), target, reason: input.reason };
  const line = fields as Void;
  if (input.by) line.by = input.by.id;
  return line;
}

/** Writes the void line; returns it with the entry it cancels. */
export function voidEntry(opened: OpenedWith, target: WriteOptions, input: VoidInput): { written: Written; voided: Entry } {
  let voided: Entry | undefined;
  const written = writeLine(opened, target, (loaded) => {
    const found = findVoidTarget(loaded, input.id);
    voided = found.entry;
    return { file: voided.file, context: found.context, line: voidOf(input.id, input), header: '', message: (newId) => `void: ${input.id} ${input.date} (id:${newId})` };
  });
  return { written, voided: voided! };
}
