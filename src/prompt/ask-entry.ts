/**
 * `record`'s questions, for what the command line left out: the unit, the date, the item, the
 * quantity and a note, in that order (the date picks the year whose checklist the items come
 * from: a late record of December's work in January). Each answer is checked as it is given,
 * with the same checks as the command line (recording/answer.ts), and asked again until it
 * passes; Enter skips an optional question.
 */
import type { Catalog, ItemRef, Subject } from '../core/catalog.js';
import { isCalendarDate } from '../core/dates.js';
import type { Dataset } from '../core/dataset.js';
import type { Quantity } from '../core/entry.js';
import type { Item } from '../core/model.js';
import { QingdanError } from '../errors.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { RecordCatalogue } from '../i18n/record-catalogue.js';
import type { Prompter } from '../io.js';
import { problemWith } from '../recording/answer.js';
import { asksQuantity, needsQuantity, parseQty } from '../recording/lookup.js';
import { messageOf } from '../render/diagnostics.js';
import { itemChoices, subjectChoices, targetHint } from './choose.js';

export interface AskContext {
  ds: Dataset;
  cat: Catalog;
  asOf: string;
  rm: RecordCatalogue;
  messages: Catalogue;
  /** The checklist year `--period` names, which wins over the date's. */
  periodYear?: number;
}

/** What is known of the entry: given on the command line, or answered. */
export interface Answers {
  subject?: Subject;
  date?: string;
  ref?: ItemRef;
  quantity?: Quantity;
  exempt: boolean;
  note?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Asks for each of `ask` that `a` lacks, filling `a` in as the answers come (so that what was
 * answered is still there when a later question is cancelled).
 */
export async function askEntry(p: Prompter, ctx: AskContext, a: Answers, ask: { quantity: boolean; date: boolean; note: boolean }): Promise<void> {
  const { rm } = ctx;
  a.subject ??= await p.pick(rm.prompt.unit({}), subjectChoices(ctx.ds));
  const subject = a.subject;
  if (ask.date && a.date === undefined) {
    a.date = await p.text(rm.prompt.date({ today: ctx.asOf }), {
      fallback: ctx.asOf,
      check: (t) => (isCalendarDate(t) ? said(ctx, problemWith(ctx.ds, ctx.cat, ctx.asOf, { subject, item: NO_ITEM, date: t, exempt: false }, 'date')) : rm.prompt.badDate({ text: t })),
    });
  }
  const date = a.date ?? ctx.asOf;
  if (!a.ref) {
    const year = ctx.periodYear ?? +date.slice(0, 4);
    const checklist = ctx.cat.checklists.get(year);
    if (!checklist) throw new QingdanError('no-checklist-for-year', { year, years: [...ctx.cat.checklists.keys()].join(', ') });
    a.ref = await p.pick(rm.prompt.item({}), itemChoices(checklist.items.values(), subject, rm));
  }
  const item = a.ref.item;
  if (ask.quantity && a.quantity === undefined && !a.exempt && asksQuantity(item)) {
    const t = await p.text(rm.prompt.quantity({ hint: targetHint(item, rm) }), { check: (t) => quantityProblem(ctx, subject, item, date, t) });
    if (t !== '') Object.assign(a, parseQty(t));
  }
  if (ask.note && a.note === undefined) {
    const t = await p.text(a.exempt ? rm.prompt.noteExempt({}) : rm.prompt.note({}), {
      check: (t) => (CONTROL.test(t) ? rm.prompt.badNote({}) : a.exempt && t === '' ? rm.prompt.noteNeeded({}) : undefined),
    });
    if (t !== '') a.note = t;
  }
}

/** The date's checks look at no item. */
const NO_ITEM = { id: '' } as Item;

function quantityProblem(ctx: AskContext, subject: Subject, item: Item, date: string, t: string): string | undefined {
  if (t === '') return needsQuantity(item) ? ctx.rm.prompt.quantityNeeded({ hint: targetHint(item, ctx.rm) }) : undefined;
  let parsed: ReturnType<typeof parseQty>;
  try {
    parsed = parseQty(t);
  } catch {
    return ctx.rm.prompt.badQuantity({ text: t });
  }
  return said(ctx, problemWith(ctx.ds, ctx.cat, ctx.asOf, { subject, item, date, ...parsed }, 'qty'));
}

const said = (ctx: AskContext, d: ReturnType<typeof problemWith>) => (d ? messageOf(d, ctx.messages) : undefined);
