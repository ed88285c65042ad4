/**
 * `qingdan void ID --reason TEXT`: cancels an entry by appending a void line (src/recording/void-entry.ts);
 * `qingdan void --line FILE:LINE --reason TEXT` a line without an id (src/recording/void-line.ts).
 */
import { buildCatalog } from '../core/catalog.js';
import { isCalendarDate } from '../core/dates.js';
import type { Person } from '../core/model.js';
import { closest } from '../core/suggest.js';
import { QingdanError, speaking } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import type { GlobalOptions, Io } from '../io.js';
import { openRepo, soundDataset } from '../open/repo.js';
import { checkText, findPerson } from '../recording/lookup.js';
import { statusAfterWrite } from '../recording/status-after.js';
import { writeTarget } from '../recording/target.js';
import { findVoidTarget, voidEntry } from '../recording/void-entry.js';
import { parseLinePlace, voidLine, voidLineTarget } from '../recording/void-line.js';
import { loadRepo } from '../recording/write-line.js';
import { renderWritten, statusLine, writtenJson } from '../render/written.js';

export interface VoidOptions extends GlobalOptions {
  line?: string;
  reason?: string;
  date?: string;
  by?: string;
  commit?: boolean;
}

export async function runVoid(id: string | undefined, opts: VoidOptions, io: Io): Promise<number> {
  // the ledgers are searched for the id, under the lock and once before it
  const repo = await openRepo(opts, io, { writeCache: true, ledgers: false });
  return speaking(repo.lang, () => {
    const rm = recordCatalogue(repo.lang);
    const reason = opts.reason?.trim();
    if (!reason) throw new QingdanError('reason-needed');
    checkText(reason, '--reason');
    if (opts.date !== undefined && !isCalendarDate(opts.date)) throw new QingdanError('bad-date', { option: '--date', value: opts.date });
    if ((id === undefined) === (opts.line === undefined)) throw new QingdanError('void-what');
    const place = opts.line === undefined ? undefined : parseLinePlace(opts.line);
    if (opts.line !== undefined && !place) throw new QingdanError('bad-option', { option: '--line', value: opts.line, hint: 'ledgers/2026/office.ledger:12' });
    const ds = soundDataset(repo);
    const cat = buildCatalog(ds);
    // early, friendly refusal; checked again under the lock
    if (place) voidLineTarget(loadRepo(repo.root, repo), place);
    else findVoidTarget(loadRepo(repo.root, repo), id!);
    let by: Person | undefined;
    if (opts.by !== undefined) {
      by = findPerson(cat, opts.by);
      if (!by) throw new QingdanError('unknown-person', { name: opts.by, suggestion: closest(opts.by, cat.people.keys()) ?? '' });
    }
    const target = writeTarget(repo.root, repo.asOf, io, opts.commit !== false, by);
    const date = opts.date ?? repo.asOf;
    if (place) {
      const { written, voidedText } = voidLine(repo, target, { place, reason, date, ...(by ? { by } : {}) });
      if (opts.json) io.stdout(writtenJson(written, undefined, { voided: `${place.file}:${place.line}`, voidedText }));
      else io.stdout(renderWritten(written, undefined, repo.color, repo.messages, rm));
      return 0;
    }
    const { written, voided } = voidEntry(repo, target, { id: id!, reason, date, ...(by ? { by } : {}) });
    if (opts.json) {
      io.stdout(writtenJson(written, undefined, { voided: id }));
      return 0;
    }
    io.stdout(renderWritten(written, undefined, repo.color, repo.messages, rm));
    const st = statusAfterWrite(written, voided, repo.asOf);
    if (st) io.stdout(`${statusLine(st, repo.messages, rm)}\n`);
    return 0;
  });
}
