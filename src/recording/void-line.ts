/**
 * Cancelling a line that has no id to void it by — one that does not parse, or an entry written
 * by hand without `id:` — named by its file and line number (`void --line FILE:LINE`). The void
 * line appended to that file names the line by a hash of its text (parse/ledger.ts
 * `lineTarget`), which a union merge cannot move, and the parser then reads the file as if the
 * line were not there. A line with an id is voided by its id; a blank line or comment, a line
 * whose text is in the file more than once, or one voided already is refused.
 */
import type { Void } from '../core/entry.js';
import type { Person } from '../core/model.js';
import { QingdanError } from '../errors.js';
import { lineTarget, nameable, parseLineAt } from '../parse/ledger.js';
import { readIfExists } from '../read/files.js';
import { join } from 'node:path';
import { voidOf } from './void-entry.js';
import { writeLine, type Loaded, type OpenedWith, type WriteOptions, type Written } from './write-line.js';

export interface LinePlace {
  /** Relative to the data repository, forward slashes. */
  file: string;
  line: number;
}

/**
 * `FILE:LINE` as typed — or `FILE:LINE:COLUMN` as `check` prints it, copied whole. Null when it
 * is neither.
 */
export function parseLinePlace(text: string): LinePlace | null {
  const m = /^(.+?):(\d+)(?::\d+)?$/.exec(text.trim());
  if (!m || Number(m[2]) < 1) return null;
  return { file: m[1]!.replace(/\\/g, '/').replace(/^\.\//, ''), line: Number(m[2]) };
}

/** The line at `place` and the target a void of it names, or why it cannot be voided. */
export function voidLineTarget(loaded: Loaded, place: LinePlace): { text: string; target: string } {
  const where = `${place.file}:${place.line}`;
  if (!loaded.files.includes(place.file)) throw new QingdanError('void-line-no-ledger', { file: place.file });
  const bytes = readIfExists(join(loaded.root, place.file)) ?? Buffer.alloc(0);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lines = bytes.toString('utf8', bom).split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  const text = lines[place.line - 1];
  if (text === undefined) throw new QingdanError('void-line-none', { where, count: lines.length });
  if (!nameable(text)) throw new QingdanError('void-line-blank', { where });
  const parsed = parseLineAt(place.file, text, place.line).lines[0];
  if (parsed?.kind === 'void') throw new QingdanError('void-void', { id: where });
  if (parsed?.id !== undefined) throw new QingdanError('void-line-has-id', { where, id: parsed.id });
  const target = lineTarget(text);
  const same = lines.flatMap((l, i) => (l === text ? [`${place.file}:${i + 1}`] : []));
  if (same.length > 1) throw new QingdanError('void-line-ambiguous', { where, places: same.join(', ') });
  const earlier = lines.findIndex((l) => l.includes(target) && (parseLineAt(place.file, l, 1).lines[0] as Void | undefined)?.target === target);
  if (earlier !== -1) throw new QingdanError('void-twice', { id: where, first: `${place.file}:${earlier + 1}` });
  return { text, target };
}

export interface VoidLineInput {
  place: LinePlace;
  reason: string;
  date: string;
  by?: Person;
}

/** Writes the void line at the end of the line's own file. */
export function voidLine(opened: OpenedWith, target: WriteOptions, input: VoidLineInput): { written: Written; voidedText: string } {
  let voidedText = '';
  const written = writeLine(opened, target, (loaded) => {
    const found = voidLineTarget(loaded, input.place);
    voidedText = found.text;
    const where = `${input.place.file}:${input.place.line}`;
    return { file: input.place.file, line: voidOf(found.target, input), header: '', message: (newId) => `void: ${where} ${input.date} (${found.target}, id:${newId})` };
  });
  return { written, voidedText };
}
