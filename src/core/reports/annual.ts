/**
 * The annual summary (一年一总结) as plain data: per unit its score, areas, rank, grade and share
 * of the annual assessment; roll-ups per supervisor and per responsibility level; the
 * organisation's and people's own items; accountability with its reasons. Renderers turn this
 * value into text, Markdown, JSON, CSV or HTML; nothing here formats for display.
 */
import { judge, worse, type Outcome, type Trigger } from '../accountability.js';
import type { Dataset } from '../dataset.js';
import { scoresOf, type Evaluation } from '../evaluate.js';
import { displayMeasure } from '../expand.js';
import type { Checklist, Person } from '../model.js';
import type { ItemScore } from '../score.js';
import { round, type Status } from '../status.js';
import { isMissed, obligationsOf, shortOf, selectUnits, trendOf, type Selection, type TrendPoint } from './common.js';
import { byId } from '../order.js';
import { areaSum, bonusOverCap } from '../rollup.js';
import { areaDeductions } from '../findings.js';
import { inspectionRows, type InspectionRow } from './inspections.js';

export interface Points {
  score: number;
  max: number;
  ytdMax: number;
  /** score ÷ ytdMax × 100: the share of what could be earned so far. */
  percent: number;
  projected: number;
}

export interface Missed {
  item: string;
  title: string;
  period: string;
  due: string;
  status: Status;
  /** A per-person item: the persons who fell short of their target. */
  short?: ShortPerson[];
}

export interface ShortPerson {
  id: string;
  name: string;
  done: number;
  goal: number;
}

export interface AccountabilityRow {
  kind: 'unit' | 'person';
  id: string;
  name: string;
  outcome: Outcome;
  triggers: Trigger[];
  /** For people: the units whose results they answer for. */
  units: string[];
  missed: Missed[];
}

export interface UnitRow extends Points {
  id: string;
  name: string;
  chief: { id: string; name: string };
  supervisor: { id: string; name: string };
  rank: number;
  grade: Grade;
  /** Points in the unit's annual assessment, when the settings give the share of party work. */
  share?: number;
  /** Bonus points in the score (加分), after the caps of the areas and of the checklist. */
  bonus?: number;
  areas: (Points & { id: string; name: string; bonus?: number })[];
  overdue: number;
  missed: Missed[];
  accountability: Outcome | null;
}

export interface SubjectRow extends Points {
  id: string;
  name: string;
  role?: Person['role'];
  items: { item: string; title: string; done: number; goal: number; rate?: number; measure?: string; statuses: { period: string; status: Status }[] }[];
  overdue: number;
}

export interface AnnualReport {
  kind: 'annual';
  year: number;
  asOf: string;
  org: string;
  title: string;
  total: number;
  assessmentShare?: number;
  units: UnitRow[];
  supervisors: (Points & { id: string; name: string; units: string[] })[];
  levels: (Points & { level: string })[];
  organisation: SubjectRow;
  people: SubjectRow[];
  accountability: AccountabilityRow[];
  /** Per unit item: of the obligations due so far across units, how many were done. */
  coverage: { item: string; title: string; due: number; met: number; rate: number }[];
  trend: TrendPoint[];
  /**
   * Areas with a rule of their own, present only when some area has one: points assessed
   * outside qingdan (`elsewhere`), a floor, a bonus cap; and the checklist's bonus cap per unit.
   */
  areaRules?: { id: string; points?: number; elsewhere?: number; floor?: number; bonusCap?: number }[];
  /** Inspection findings of the year (检查扣分) and their rectification, present when there are any. */
  inspections?: InspectionRow[];
  bonusCap?: number;
  /**
   * The organisation's and persons' items that count in units' scores (`counts_toward`), one row
   * per item and subject, present when there are any.
   */
  countedToward?: { item: string; title: string; from: { id: string; name: string }; units: string[]; score: number; ytdMax: number }[];
}

export type Grade = 'A' | 'B' | 'C' | 'D';
export function gradeOf(percent: number): Grade {
  return percent >= 90 ? 'A' : percent >= 80 ? 'B' : percent >= 70 ? 'C' : 'D';
}

/** score ÷ what could be earned so far, as printed (one decimal); 100 while nothing is due. */
export function percentOf(score: number, ytdMax: number): number {
  return ytdMax > 0 ? round((score / ytdMax) * 100, 1) : 100;
}

/** Points of items, areas or units added up. */
function sumPoints(list: readonly Omit<Points, 'percent'>[]): Points {
  const score = round(list.reduce((s, x) => s + x.score, 0));
  const ytdMax = round(list.reduce((s, x) => s + x.ytdMax, 0));
  return {
    score,
    max: round(list.reduce((s, x) => s + x.max, 0)),
    ytdMax,
    percent: percentOf(score, ytdMax),
    projected: round(list.reduce((s, x) => s + x.projected, 0)),
  };
}

export function missedOf(ev: Evaluation, subjectKey: string): Missed[] {
  const out: Missed[] = [];
  for (const i of obligationsOf(ev, subjectKey)) {
    const o = ev.obligations[i]!;
    const p = ev.progress[i]!;
    if (isMissed(p)) out.push({ item: o.item.id, title: o.item.title, period: o.periodKey, due: o.due, status: p.status, ...shortOf(p) });
  }
  return out;
}

/**
 * With a selection (`--unit`, `--supervisor`) the report keeps the selected units, their
 * supervisors, the selected supervisor's own items and the accountability rows that concern them;
 * ranks stay those within the whole organisation.
 */
export function annualReport(ds: Dataset, ev: Evaluation, sel: Selection = {}): AnnualReport {
  const org = ds.org.value;
  const settings = ds.settings;
  const checklist = ds.checklists.find((c) => c.value.year === ev.year)!.value;
  const people = new Map(org.people.map((p) => [p.id, p]));
  const who = (id: string) => ({ id, name: people.get(id)?.name ?? id });
  const byKey = new Map<string, ItemScore[]>();
  const allScores = scoresOf(ev);
  for (const s of allScores) {
    const list = byKey.get(s.subjectKey);
    if (list) list.push(s);
    else byKey.set(s.subjectKey, [s]);
  }

  const units: UnitRow[] = org.units.map((u) => {
    const key = `unit:${u.id}`;
    const scores = byKey.get(key) ?? [];
    const all = checklist.areas.map((a) => {
      const mine = scores.filter((s) => s.area === a);
      const sum = areaSum(a, mine, areaDeductions(ev.findings, key, a));
      const shown = sum.max > 0 || mine.some((s) => s.kind !== 'weight');
      const { bonus, score, max, ytdMax, projected } = sum;
      const row = { id: a.id, name: a.name, score, max, ytdMax, percent: percentOf(score, ytdMax), projected, ...(bonus !== 0 ? { bonus } : {}) };
      return { shown, bonus, row };
    });
    const areas = all.filter((a) => a.shown).map((a) => a.row);
    // the unit's total is the sum of its areas, exactly as printed, less bonus points above the
    // checklist's cap
    const cut = bonusOverCap(checklist, all);
    const score = round(areas.reduce((s, a) => s + a.score, 0) - cut);
    const ytdMax = round(areas.reduce((s, a) => s + a.ytdMax, 0));
    const totals: Points = {
      score,
      max: round(areas.reduce((s, a) => s + a.max, 0)),
      ytdMax,
      percent: percentOf(score, ytdMax),
      projected: round(areas.reduce((s, a) => s + a.projected, 0) - cut),
    };
    const bonus = round(all.reduce((s, a) => s + a.bonus, 0) - cut);
    const missed = missedOf(ev, key);
    const verdict = judge(settings.accountability, totals.percent, missed.length);
    return {
      id: u.id,
      name: u.name,
      chief: who(u.chief),
      supervisor: who(u.supervisor),
      ...totals,
      ...(bonus !== 0 ? { bonus } : {}),
      rank: 0,
      grade: gradeOf(totals.percent),
      ...(settings.assessment_share !== undefined ? { share: round(totals.percent * settings.assessment_share, 2) } : {}),
      areas,
      overdue: missed.length,
      missed,
      accountability: verdict?.outcome ?? null,
    };
  });
  const order = [...units].sort((a, b) => b.percent - a.percent || byId(a.id, b.id));
  for (const u of units) u.rank = 1 + order.filter((o) => o.percent > u.percent).length;

  const supervisors = org.people
    .filter((p) => org.units.some((u) => u.supervisor === p.id))
    .map((p) => {
      const mine = units.filter((u) => u.supervisor.id === p.id);
      return { id: p.id, name: p.name, units: mine.map((u) => u.id), ...sumPoints(mine) };
    });

  const levels = (['principal', 'first', 'supervisory', 'direct'] as const)
    .map((level) => ({ level, ...sumPoints(allScores.filter((s) => s.item.level === level && s.from === undefined)) }))
    .filter((l) => l.max > 0);

  const subjectRow = (key: string, id: string, name: string, role?: Person['role']): SubjectRow => {
    const scores = byKey.get(key) ?? [];
    const mine = obligationsOf(ev, key);
    const items = scores.map((s) => {
      const idx = mine.filter((i) => ev.obligations[i]!.item === s.item);
      const progress = idx.map((i) => ev.progress[i]!);
      const measure = displayMeasure(ev.obligations[idx[0]!]!.target);
      const rates = progress.filter((p) => p.rate !== undefined).map((p) => p.rate!);
      return {
        item: s.item.id,
        title: s.item.title,
        done: round(progress.reduce((n, p) => n + p.done, 0)),
        goal: round(progress.reduce((n, p) => n + p.goal, 0)),
        ...(rates.length ? { rate: round(rates.reduce((a, b) => a + b, 0) / rates.length, 4) } : {}),
        ...(measure ? { measure } : {}),
        statuses: idx.map((i) => ({ period: ev.obligations[i]!.periodKey, status: ev.progress[i]!.status })),
      };
    });
    return { id, name, ...(role ? { role } : {}), ...sumPoints(scores), items, overdue: missedOf(ev, key).length };
  };
  const organisation = subjectRow('org', 'org', settings.org ?? org.name);
  const personRows = org.people
    .filter((p) => byKey.has(`person:${p.id}`))
    .map((p) => subjectRow(`person:${p.id}`, p.id, p.name, p.role));

  // accountability: units, then the people who answer for them (chief: their unit; supervisor: the
  // worst of their units) and for their own items
  const accountability: AccountabilityRow[] = [];
  for (const u of units) {
    if (!u.accountability) continue;
    const verdict = judge(settings.accountability, u.percent, u.overdue)!;
    accountability.push({ kind: 'unit', id: u.id, name: u.name, outcome: verdict.outcome, triggers: verdict.triggers, units: [u.id], missed: u.missed });
  }
  for (const p of org.people) {
    const asChief = units.filter((u) => u.chief.id === p.id && u.accountability);
    const asSupervisor = units.filter((u) => u.supervisor.id === p.id && u.accountability);
    const own = personRows.find((r) => r.id === p.id);
    const ownVerdict = own ? judge(settings.accountability, own.percent, own.overdue) : null;
    let outcome: Outcome | undefined = ownVerdict?.outcome;
    for (const u of [...asChief, ...asSupervisor]) outcome = worse(outcome, u.accountability ?? undefined);
    if (!outcome) continue;
    accountability.push({
      kind: 'person',
      id: p.id,
      name: p.name,
      outcome,
      triggers: ownVerdict?.triggers ?? [],
      units: [...new Set([...asChief, ...asSupervisor].map((u) => u.id))],
      missed: ownVerdict ? missedOf(ev, `person:${p.id}`) : [],
    });
  }

  const coverage = checklist.areas.flatMap((a) =>
    a.items.flatMap((item) => {
      let due = 0;
      let met = 0;
      ev.obligations.forEach((o, i) => {
        const p = ev.progress[i]!;
        if (o.item !== item || o.subject.kind !== 'unit' || !p.counted) return;
        due++;
        if (p.status === 'met' || p.status === 'met-late') met++;
      });
      return due > 0 ? [{ item: item.id, title: item.title, due, met, rate: round((met / due) * 100, 1) }] : [];
    }),
  );

  const selected = sel.unit !== undefined || sel.supervisor !== undefined;
  const keep = new Set(selectUnits(ds, sel).map((u) => u.id));
  const supervisor = sel.supervisor === undefined ? undefined : org.people.find((p) => p.id === sel.supervisor || p.name === sel.supervisor)?.id;
  const concerns = (a: AccountabilityRow) => a.units.some((id) => keep.has(id)) || a.id === supervisor;
  return {
    kind: 'annual',
    year: ev.year,
    asOf: ev.asOf,
    org: settings.org ?? org.name,
    title: checklist.title,
    total: checklist.total,
    ...(settings.assessment_share !== undefined ? { assessmentShare: settings.assessment_share } : {}),
    units: selected ? units.filter((u) => keep.has(u.id)) : units,
    supervisors: selected ? supervisors.filter((s) => s.units.some((id) => keep.has(id))) : supervisors,
    levels,
    organisation,
    people: selected ? personRows.filter((p) => p.id === supervisor) : personRows,
    accountability: selected ? accountability.filter(concerns) : accountability,
    coverage,
    trend: trendOf(ev),
    ...areaRulesOf(checklist),
    ...countedTowardOf(allScores, (key) => (key === 'org' ? { id: 'org', name: settings.org ?? org.name } : who(key.slice(7))), selected ? keep : undefined),
    ...withInspections(inspectionRows(ds, ev.findings, (k) => !selected || (k.startsWith('unit:') && keep.has(k.slice(5))))),
  };
}

function areaRulesOf(checklist: Checklist): Pick<AnnualReport, 'areaRules' | 'bonusCap'> {
  const rules = checklist.areas
    .filter((a) => a.elsewhere !== undefined || a.floor !== undefined || a.bonus_cap !== undefined)
    .map((a) => ({
      id: a.id,
      ...(a.points !== undefined ? { points: a.points } : {}),
      ...(a.elsewhere !== undefined ? { elsewhere: a.elsewhere } : {}),
      ...(a.floor !== undefined ? { floor: a.floor } : {}),
      ...(a.bonus_cap !== undefined ? { bonusCap: a.bonus_cap } : {}),
    }));
  return { ...(rules.length > 0 ? { areaRules: rules } : {}), ...(checklist.bonus_cap !== undefined ? { bonusCap: checklist.bonus_cap } : {}) };
}

function countedTowardOf(scores: readonly ItemScore[], whose: (key: string) => { id: string; name: string }, keep?: ReadonlySet<string>): Pick<AnnualReport, 'countedToward'> {
  const rows = new Map<string, NonNullable<AnnualReport['countedToward']>[number]>();
  for (const s of scores) {
    if (s.from === undefined) continue;
    const unit = s.subjectKey.slice(5);
    if (keep && !keep.has(unit)) continue;
    const key = `${s.item.id}\u0000${s.from}`;
    const row = rows.get(key);
    if (row) row.units.push(unit);
    else rows.set(key, { item: s.item.id, title: s.item.title, from: whose(s.from), units: [unit], score: s.score, ytdMax: s.ytdMax });
  }
  return rows.size > 0 ? { countedToward: [...rows.values()] } : {};
}

const withInspections = (rows: InspectionRow[]) => (rows.length > 0 ? { inspections: rows } : {});
