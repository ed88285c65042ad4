/**
 * Shared fixtures for the tests of src/core (test/core/): the tiny organisation of test/fixtures/engine-org/org.yaml,
 * checklists built in code and validated by the zod schema, ledgers parsed from text.
 * Nothing here computes an expectation; the tests write their numbers out by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { buildCatalog, type Catalog } from '../../src/core/catalog.js';
import type { Dataset } from '../../src/core/dataset.js';
import type { Entry } from '../../src/core/entry.js';
import { evaluate, scoresOf, type Evaluation } from '../../src/core/evaluate.js';
import type { Obligation } from '../../src/core/expand.js';
import { Checklist, Item, Organisation, type Settings } from '../../src/core/model.js';
import type { ItemScore } from '../../src/core/score.js';
import type { Progress } from '../../src/core/status.js';
import { parseLedger } from '../../src/parse/ledger.js';
import { parseYaml } from '../../src/parse/yaml.js';

export const ORG_FILE = fileURLToPath(new URL('../fixtures/engine-org/org.yaml', import.meta.url));

export const locate = () => ({ file: 'stub', line: 1, column: 1, length: 1 });

export function loadOrg(): Organisation {
  const r = parseYaml('templates/org.yaml', readFileSync(ORG_FILE, 'utf8'), Organisation);
  if (!r.value) throw new Error(`org fixture does not load: ${JSON.stringify(r.diagnostics)}`);
  return r.value;
}

export type ItemInput = z.input<typeof Item>;

/** A checklist of one area `A` (or of the given areas), checked against the schema. */
export function checklist(items: ItemInput[] | { id: string; name: string; items: ItemInput[] }[], year = 2026): Checklist {
  const areas =
    items.length > 0 && 'items' in items[0]!
      ? (items as { id: string; name: string; items: ItemInput[] }[])
      : [{ id: 'A', name: '区域A', items: items as ItemInput[] }];
  const total = areas.reduce((s, a) => s + a.items.reduce((t, i) => t + (i.weight ?? 0), 0), 0);
  return Checklist.parse({ year, title: `清单${year}`, total, areas });
}

/** Ledger text from lines; a parse problem fails the test at once. */
export function ledger(lines: string[], file = 'ledgers/2026/test.ledger') {
  const content = lines.map((l) => `${l}\n`).join('');
  const parsed = parseLedger(file, content);
  if (parsed.diagnostics.length > 0) throw new Error(`bad ledger line: ${JSON.stringify(parsed.diagnostics)}`);
  return { file, lines: parsed.lines, content };
}

export interface Setup {
  items: ItemInput[] | { id: string; name: string; items: ItemInput[] }[];
  lines?: string[];
  settings?: Settings;
  org?: Organisation;
  year?: number;
}

export function dataset(s: Setup): Dataset {
  return {
    settings: s.settings ?? {},
    org: { file: 'templates/org.yaml', value: s.org ?? loadOrg(), locate },
    checklists: [{ file: `templates/checklist-${s.year ?? 2026}.yaml`, value: checklist(s.items, s.year), locate }],
    ledgers: [ledger(s.lines ?? [])],
  };
}

export interface Run {
  ds: Dataset;
  cat: Catalog;
  ev: Evaluation;
  /** The obligation and its progress for an item, a subject key (`unit:u1`, `org`, `person:sec`) and a period key. */
  at(item: string, subject: string, period: string): { o: Obligation; p: Progress };
  /** Shortcut: the status of one obligation. */
  status(item: string, subject: string, period: string): Progress['status'];
  score(item: string, subject: string): ItemScore;
}

export function run(s: Setup | Dataset, asOf: string): Run {
  const ds = 'items' in s ? dataset(s) : s;
  const cat = buildCatalog(ds);
  const year = ds.checklists[0]!.value.year;
  const ev = evaluate(ds, cat, year, asOf);
  const at = (item: string, subject: string, period: string) => {
    const i = ev.obligations.findIndex((o) => o.item.id === item && o.subjectKey === subject && o.periodKey === period);
    if (i < 0) throw new Error(`no obligation ${item} ${subject} ${period}`);
    return { o: ev.obligations[i]!, p: ev.progress[i]! };
  };
  return {
    ds,
    cat,
    ev,
    at,
    status: (item, subject, period) => at(item, subject, period).p.status,
    score: (item, subject) => {
      const sc = scoresOf(ev).find((x) => x.item.id === item && x.subjectKey === subject);
      if (!sc) throw new Error(`no score ${item} ${subject}`);
      return sc;
    },
  };
}

/** The notes of entries, to tell which entries went where. */
export const notes = (entries: readonly Entry[]) => entries.map((e) => e.note);
