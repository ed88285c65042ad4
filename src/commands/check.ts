/** `qingdan check`: every problem in the templates and ledgers, all at once. */
import { buildCatalog } from '../core/catalog.js';
import { sortDiagnostics } from '../core/diagnostic.js';
import { checksFor, runChecks, TEMPLATE_CHECKS } from '../checks/index.js';
import { LedgerChecks } from '../checks/one-at-a-time.js';
import { filesToRead, withSources } from '../parse/dataset.js';
import { LOCK_FILE, readLockText } from '../read/members-lock.js';
import { readRaw } from '../read/repo.js';
import { renderDiagnosticsJson, renderDiagnosticsText } from '../render/diagnostics.js';
import { openRepo } from '../open/repo.js';
import type { GlobalOptions, Io } from '../io.js';

export async function runCheck(opts: GlobalOptions, io: Io): Promise<number> {
  // each ledger is checked as it is parsed, then let go: five million lines are never held at once
  let ledgerChecks: LedgerChecks | undefined;
  const repo = await openRepo(opts, io, {
    asOfView: true,
    each: (ledger, base, asOf) => {
      if (base) (ledgerChecks ??= new LedgerChecks(base, asOf)).add(ledger);
    },
  });
  const found = [...repo.settingsDiagnostics, ...repo.diagnostics];
  // an umbrella's members.lock: corrupt or edited by hand, it would read as members never fetched
  const lockText = repo.settings.members?.length ? readLockText(repo.root) : undefined;
  if (lockText !== undefined) {
    const { membersLockDiagnostics } = await import('../checks/members-lock.js');
    found.push(...membersLockDiagnostics(LOCK_FILE, lockText, repo.settings.members!.map((m) => m.id)));
  }
  const ds = repo.dataset;
  if (ds) for (const d of runChecks({ ds, cat: buildCatalog(ds), asOf: repo.asOf }, checksFor(TEMPLATE_CHECKS, repo.templates))) found.push(d);
  if (ds && ledgerChecks) for (const d of ledgerChecks.findings()) found.push(d);
  const sorted = sortDiagnostics(found);
  // ledgers are not kept in memory after parsing: read again the few that findings point into
  for (const file of filesToRead(sorted, repo.texts)) repo.texts.set(file, readRaw(repo.root, file).bytes);
  const list = withSources(sorted, repo.texts);
  if (opts.json) {
    io.stdout(renderDiagnosticsJson(list, repo.messages));
  } else {
    const entries = ds ? ledgerChecks?.lines ?? 0 : 0;
    const items = ds ? ds.checklists.reduce((n, c) => n + c.value.areas.reduce((m, a) => m + a.items.length, 0), 0) : 0;
    const summary = { files: repo.fileCount + (lockText !== undefined ? 1 : 0), entries, items, units: ds?.org.value.units.length ?? 0, ...(repo.umbrellaOnly ? { members: repo.settings.members?.length ?? 0 } : {}) };
    io.stdout(renderDiagnosticsText(list, summary, repo.messages, repo.color));
  }
  return list.some((d) => d.severity === 'error') ? 1 : 0;
}
