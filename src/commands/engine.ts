/**
 * Opening a repository for the commands that evaluate it (due, report): templates must load;
 * problems in ledgers do not stop the command (bad lines are left out) but are announced on
 * stderr, with the advice to run `qingdan check`.
 */
import { buildCatalog, type Catalog } from '../core/catalog.js';
import type { Dataset } from '../core/dataset.js';
import { evaluate, type Evaluation } from '../core/evaluate.js';
import { runChecks } from '../checks/index.js';
import { ConfigError, UsageError } from '../errors.js';
import { openRepo, type GlobalOptions, type Io, type Opened } from './context.js';

export interface Engine {
  repo: Opened;
  ds: Dataset;
  cat: Catalog;
  ev: Evaluation;
}

export function openEngine(opts: GlobalOptions, io: Io, year?: number): Engine {
  const repo = openRepo(opts, io);
  const ds = repo.dataset;
  const templateProblems = [...repo.settingsDiagnostics, ...repo.diagnostics].filter((d) => !d.file.endsWith('.ledger'));
  if (!ds || templateProblems.some((d) => d.severity === 'error')) throw new ConfigError('bad-templates');
  const cat = buildCatalog(ds);
  const problems = repo.diagnostics.length + runChecks({ ds, cat, asOf: repo.asOf }).filter((d) => d.severity === 'error').length;
  if (problems > 0) io.stderr(`qingdan: ${repo.messages.ui.ledgerProblems({ count: problems })}\n`);
  const y = year ?? ds.settings.year ?? +repo.asOf.slice(0, 4);
  if (!cat.checklists.has(y)) throw new UsageError('no-checklist-for-year', { year: y, years: [...cat.checklists.keys()].join(', ') });
  return { repo, ds, cat, ev: evaluate(ds, cat, y, repo.asOf) };
}
