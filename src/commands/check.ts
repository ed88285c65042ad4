/** `qingdan check`: every problem in the templates and ledgers, all at once. */
import { buildCatalog } from '../core/catalog.js';
import { sortDiagnostics } from '../core/diagnostic.js';
import { CHECKS, checksFor, runChecks } from '../checks/index.js';
import { filesToRead, withSources } from '../parse/dataset.js';
import { readRaw } from '../read/repo.js';
import { renderDiagnosticsJson, renderDiagnosticsText } from '../render/diagnostics.js';
import { openRepo } from '../open/repo.js';
import type { GlobalOptions, Io } from '../io.js';

export async function runCheck(opts: GlobalOptions, io: Io): Promise<number> {
  const repo = await openRepo(opts, io, { asOfView: true });
  const found = [...repo.settingsDiagnostics, ...repo.diagnostics];
  const ds = repo.dataset;
  if (ds) for (const d of runChecks({ ds, cat: buildCatalog(ds), asOf: repo.asOf }, checksFor(CHECKS, repo.templates))) found.push(d);
  const sorted = sortDiagnostics(found);
  // ledgers are not kept in memory after parsing: read again the few that findings point into
  for (const file of filesToRead(sorted, repo.texts)) repo.texts.set(file, readRaw(repo.root, file).bytes);
  const list = withSources(sorted, repo.texts);
  if (opts.json) {
    io.stdout(renderDiagnosticsJson(list, repo.messages));
  } else {
    const entries = ds ? ds.ledgers.reduce((n, l) => n + l.lines.length, 0) : 0;
    const items = ds ? ds.checklists.reduce((n, c) => n + c.value.areas.reduce((m, a) => m + a.items.length, 0), 0) : 0;
    const summary = { files: repo.fileCount, entries, items, units: ds?.org.value.units.length ?? 0 };
    io.stdout(renderDiagnosticsText(list, summary, repo.messages, repo.color));
  }
  return list.some((d) => d.severity === 'error') ? 1 : 0;
}
