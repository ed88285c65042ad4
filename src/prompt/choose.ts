/**
 * What `record` asks from: the subjects and items as choices found by typing part of an id, name
 * or title, and the hint of what an item's target asks for.
 */
import { inScope, type ItemRef, type Subject } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import type { Item } from '../core/model.js';
import { closest } from '../core/suggest.js';
import type { RecordCatalogue } from '../i18n/record-catalogue.js';
import type { Choice } from '../io.js';
import { padEnd, truncate } from '../render/width.js';

/** Choices with a key (id, name, title) containing `query`, case-insensitive; an exact key wins alone. */
export function search<T>(choices: readonly Choice<T>[], query: string): Choice<T>[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...choices];
  const exact = choices.filter((c) => c.keys.some((k) => k.toLowerCase() === q));
  if (exact.length > 0) return exact;
  return choices.filter((c) => c.keys.some((k) => k.toLowerCase().includes(q)));
}

/**
 * What a list shows for `query`: the choices `search` finds, or — when none contains it (a typo,
 * `offce`) — the one whose key is nearest, as the command line's did-you-mean would name it.
 */
export function matching<T>(choices: readonly Choice<T>[], query: string): Choice<T>[] {
  const found = search(choices, query);
  if (found.length > 0) return found;
  const near = closest(query.trim(), choices.flatMap((c) => c.keys));
  return near === undefined ? [] : choices.filter((c) => c.keys.includes(near));
}

export function subjectChoices(ds: Dataset): Choice<Subject>[] {
  const out: Choice<Subject>[] = ds.org.value.units.map((u) => ({
    value: { kind: 'unit', unit: u },
    label: `${padEnd(u.id, 12)} ${u.name}`,
    keys: [u.id, u.name],
  }));
  out.push({ value: { kind: 'org' }, label: `${padEnd('org', 12)} ${ds.org.value.name}`, keys: ['org', '全行', '党委'] });
  for (const p of ds.org.value.people) {
    out.push({ value: { kind: 'person', person: p }, label: `${padEnd(p.id, 12)} ${p.name}${p.title ? `（${p.title}）` : ''}`, keys: [p.id, p.name] });
  }
  return out;
}

export function targetHint(item: Item, rm: RecordCatalogue): string {
  const t = item.target;
  if (t === undefined || t === 'done') return rm.prompt.hintDone({});
  if (t.rate !== undefined) return rm.prompt.hintRate({ rate: Math.round(t.rate * 100) });
  const m = t.measure ?? '次';
  if (t.sum !== undefined) return rm.prompt.hintSum({ sum: t.sum, measure: m });
  return rm.prompt.hintCount({ count: t.count ?? 1, measure: m });
}

export function itemChoices(items: Iterable<ItemRef>, subject: Subject | undefined, rm: RecordCatalogue): Choice<ItemRef>[] {
  const seen = new Set<string>();
  const out: Choice<ItemRef>[] = [];
  for (const ref of items) {
    if (seen.has(ref.item.id)) continue;
    seen.add(ref.item.id);
    if (subject && !inScope(ref.item, subject)) continue;
    out.push({
      value: ref,
      label: `${padEnd(ref.item.id, 6)} ${padEnd(truncate(ref.item.title, 28), 28)}  ${rm.prompt.cadence[ref.item.cadence] ?? ref.item.cadence} · ${targetHint(ref.item, rm)}`,
      keys: [ref.item.id, ref.item.title],
    });
  }
  return out;
}
