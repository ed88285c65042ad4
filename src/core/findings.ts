/**
 * Inspection findings (检查扣分, 一季一检查 by the leading group) as of a date: a ledger line
 * `2026-04-10 office T1.6 -1 "三会一课记录不全" inspector:liminghua rectify-by:2026-05-10 id:f1a2b3`
 * takes points off a unit's item (or a whole area, when it names the area), and a later line
 * `2026-05-02 office T1.6 "已补齐记录" rectifies:f1a2b3 id:r9x8y7` records its rectification.
 * The points stay off once rectified; the status says whether it was: open (no rectification, the
 * deadline not passed or none), rectified (by "as of"), overdue (the deadline passed without one).
 * Pure.
 */
import { resolveSubject, type Catalog } from './catalog.js';
import type { Dataset } from './dataset.js';
import { checklistYearOf, type Entry } from './entry.js';
import { subjectKeyOf } from './expand.js';
import { voidedIds } from './match.js';
import type { Area, Item } from './model.js';

export type FindingStatus = 'open' | 'rectified' | 'overdue';

export interface Finding {
  id?: string;
  date: string;
  subjectKey: string;
  /** The item the finding is against, or undefined when it is against `area` as a whole. */
  item?: Item;
  area: Area;
  points: number;
  reason?: string;
  inspector: string;
  rectifyBy?: string;
  status: FindingStatus;
  rectifiedOn?: string;
}

export function findingsOf(ds: Dataset, cat: Catalog, year: number, asOf: string): Finding[] {
  const checklist = cat.checklists.get(year);
  if (!checklist) return [];
  const voided = voidedIds(ds);
  const live = (e: Entry) => e.date <= asOf && (e.id === undefined || !voided.has(e.id));
  const rectified = new Map<string, string>();
  const found: Entry[] = [];
  for (const l of ds.ledgers) {
    for (const e of l.lines) {
      if (e.kind !== 'entry' || e.extra === undefined || !live(e)) continue;
      if (e.extra.rectifies !== undefined) {
        const before = rectified.get(e.extra.rectifies);
        if (before === undefined || e.date < before) rectified.set(e.extra.rectifies, e.date);
      } else if (e.extra.points !== undefined && e.extra.inspector !== undefined && checklistYearOf(e) === year) {
        found.push(e);
      }
    }
  }
  const out: Finding[] = [];
  for (const e of found) {
    const subject = resolveSubject(cat, e.subject);
    if (!subject) continue;
    const ref = checklist.items.get(e.item);
    const area = ref?.area ?? checklist.source.value.areas.find((a) => a.id === e.item || a.name === e.item);
    if (!area) continue;
    const on = e.id === undefined ? undefined : rectified.get(e.id);
    const rectifyBy = e.extra!.rectifyBy;
    const status: FindingStatus = on !== undefined ? 'rectified' : rectifyBy !== undefined && asOf > rectifyBy ? 'overdue' : 'open';
    out.push({
      ...(e.id !== undefined ? { id: e.id } : {}),
      date: e.date,
      subjectKey: subjectKeyOf(subject),
      ...(ref ? { item: ref.item } : {}),
      area,
      points: e.extra!.points!,
      ...(e.note !== undefined ? { reason: e.note } : {}),
      inspector: e.extra!.inspector!,
      ...(rectifyBy !== undefined ? { rectifyBy } : {}),
      status,
      ...(on !== undefined ? { rectifiedOn: on } : {}),
    });
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** Points taken off by findings against an area as a whole, for one subject. */
export function areaDeductions(findings: readonly Finding[], subjectKey: string, area: Area): number {
  return findings.reduce((s, f) => s + (f.subjectKey === subjectKey && f.item === undefined && f.area === area ? f.points : 0), 0);
}
