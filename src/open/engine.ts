/**
 * Opening a repository for the commands that evaluate it (due, report): templates must load;
 * problems in ledgers do not stop the command (bad lines are left out) but are announced on
 * stderr, with the advice to run `qingdan check`.
 */
import { buildCatalog, type Catalog } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import { evaluate, type Evaluation } from '../core/evaluate.js';
import { COUNTING_CHECKS, checksFor, runChecks } from '../checks/index.js';
import { QingdanError } from '../errors.js';
import { openRepo, soundDataset, type Opened, type OpenOptions } from './repo.js';
import type { GlobalOptions, Io } from '../io.js';

export interface Engine {
  repo: Opened;
  ds: Dataset;
  cat: Catalog;
}

export async function openEngine(opts: GlobalOptions, io: Io, hooks?: OpenOptions): Promise<Engine> {
  const repo = await openRepo(opts, io, { ...hooks, asOfView: true });
  const ds = soundDataset(repo);
  const cat = buildCatalog(ds);
  const problems = repo.diagnostics.length + runChecks({ ds, cat, asOf: repo.asOf }, checksFor(COUNTING_CHECKS, repo.templates)).filter((d) => d.severity === 'error').length;
  if (problems > 0) io.stderr(`qingdan: ${repo.messages.ui.ledgerProblems({ count: problems })}\n`);
  return { repo, ds, cat };
}

/** The evaluation of one checklist year (default: the settings' year, else the year of as-of). */
export function evaluateYear({ repo, ds, cat }: Engine, year?: number, asOf = repo.asOf): Evaluation {
  const y = year ?? ds.settings.year ?? +repo.asOf.slice(0, 4);
  if (!cat.checklists.has(y)) throw new QingdanError('no-checklist-for-year', { year: y, years: [...cat.checklists.keys()].join(', ') });
  return evaluate(ds, cat, y, asOf);
}

/** `--unit` and `--person`/`--supervisor` must name a unit or a person (id or name): a typo is an error, not an empty report. */
export function checkSelection(ds: Dataset, sel: { unit?: string | undefined; person?: string | undefined; supervisor?: string | undefined }): void {
  const org = ds.org.value;
  if (sel.unit !== undefined && !org.units.some((u) => u.id === sel.unit || u.name === sel.unit)) {
    throw new QingdanError('bad-option', { option: '--unit', value: sel.unit, hint: 'qingdan list units' });
  }
  for (const [option, value] of [['--person', sel.person], ['--supervisor', sel.supervisor]] as const) {
    if (value !== undefined && !org.people.some((p) => p.id === value || p.name === value)) {
      throw new QingdanError('bad-option', { option, value, hint: 'qingdan list people' });
    }
  }
  // a supervisor's report of no unit would be empty: say so instead
  const supervisor = sel.supervisor === undefined ? undefined : org.people.find((p) => p.id === sel.supervisor || p.name === sel.supervisor);
  if (supervisor && !org.units.some((u) => u.supervisor === supervisor.id)) {
    throw new QingdanError('supervises-nothing', { id: supervisor.id, name: supervisor.name });
  }
}
