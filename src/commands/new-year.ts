/**
 * `qingdan new-year YEAR [--from YEAR]`: the next year's checklist from this year's, every date
 * moved (core/years.ts), comments kept; an empty `ledgers/YEAR/`; the settings' `year:` moved on;
 * then one commit. Never overwrites a checklist. The new checklist is checked in memory, with the
 * organisation, before anything is written.
 */
import { basename, dirname, join } from 'node:path';
import { buildCatalog } from '../core/catalog.js';
import { moveToYear } from '../core/years.js';
import { runChecks, TEMPLATE_CHECKS } from '../checks/index.js';
import { QingdanError, speaking } from '../errors.js';
import { recordCatalogue } from '../i18n/index.js';
import type { GlobalOptions, Io } from '../io.js';
import { openRepo, soundDataset } from '../open/repo.js';
import { exists, readIfExists } from '../read/files.js';
import * as git from '../read/git.js';
import { readRaw, SETTINGS_FILE } from '../read/repo.js';
import { writeFileAtomic } from '../write/atomic-file.js';
import { writeNew } from '../write/files.js';

export interface NewYearOptions extends GlobalOptions {
  from?: string;
}

const yearOf = (text: string, option: string): number => {
  if (!/^\d{4}$/.test(text) || +text < 2000 || +text > 2100) throw new QingdanError('bad-year', { value: text, option });
  return +text;
};

export async function runNewYear(yearArg: string, opts: NewYearOptions, io: Io): Promise<number> {
  const repo = await openRepo(opts, io);
  return speaking(repo.lang, async () => {
    const rm = recordCatalogue(repo.lang);
    const year = yearOf(yearArg, 'YEAR');
    const ds = soundDataset(repo);
    const cat = buildCatalog(ds);
    const earlier = [...cat.checklists.keys()].filter((y) => y < year).sort((a, b) => b - a);
    const from = opts.from !== undefined ? yearOf(opts.from, '--from') : earlier[0];
    const source = from === undefined ? undefined : cat.checklists.get(from)?.source;
    if (from === undefined || !source) throw new QingdanError('no-checklist-for-year', { year: from ?? year - 1, years: [...cat.checklists.keys()].join(', ') });
    const file = join(dirname(source.file), basename(source.file).replace(String(from), String(year))).replace(/\\/g, '/');
    const existing = cat.checklists.get(year)?.source.file;
    if (existing !== undefined || exists(join(repo.root, file))) throw new QingdanError('new-year-exists', { year, file: existing ?? file });

    const text = moveToYear(Buffer.from(readRaw(repo.root, source.file).bytes).toString('utf8'), from, year);
    // the new checklist must load and pass the template checks before it is written
    const { parseTemplates } = await import('../parse/templates.js');
    const org = readRaw(repo.root, ds.org.file);
    const parsed = parseTemplates(org, [{ file, bytes: Buffer.from(text, 'utf8') }]);
    const moved = parsed.checklists[0];
    const problems = [...parsed.diagnostics];
    if (moved && parsed.org) {
      const next = { ...ds, org: parsed.org, checklists: [moved], ledgers: [] };
      for (const d of runChecks({ ds: next, cat: buildCatalog(next), asOf: '' }, TEMPLATE_CHECKS)) problems.push(d);
    }
    if (!moved || problems.some((d) => d.severity === 'error')) throw new QingdanError('bad-templates');

    const written: string[] = [];
    writeNew(join(repo.root, file), text);
    written.push(file);
    const settingsText = readIfExists(join(repo.root, SETTINGS_FILE))?.toString('utf8');
    let settingsMoved = false;
    if (settingsText !== undefined && /^year:[ \t]*\d{4}[ \t]*(#.*)?$/m.test(settingsText)) {
      const after = settingsText.replace(/^year:([ \t]*)\d{4}/m, `year:$1${year}`);
      if (after !== settingsText) {
        writeFileAtomic(join(repo.root, SETTINGS_FILE), after);
        written.push(SETTINGS_FILE);
        settingsMoved = true;
      }
    }
    const keep = `${repo.ledgersDir.replace(/\\/g, '/').replace(/\/+$/, '')}/${year}/.gitkeep`;
    if (!exists(join(repo.root, dirname(keep)))) {
      writeNew(join(repo.root, keep), '');
      written.push(keep);
    }

    const at = { cwd: repo.root, env: io.env };
    let how = '';
    const g = git.gitRepoOf(at, false);
    if (!g) how = rm.newYear.notCommitted({ reason: 'no git' });
    else if (!(git.identity(at, 'AUTHOR') && git.identity(at, 'COMMITTER'))) how = rm.newYear.notCommitted({ reason: 'git user.name / user.email' });
    else {
      git.add(at, written);
      const c = git.commit(at, { message: `new-year: ${year} checklist from ${from}`, paths: written });
      how = c.ok && c.sha ? rm.newYear.committed({ sha: c.sha.slice(0, 7) }) : rm.newYear.notCommitted({ reason: (c.stderr || c.stdout).trim() });
    }
    if (opts.json) {
      io.stdout(JSON.stringify({ year, from, checklist: file, files: written, settings: settingsMoved }, null, 2) + '\n');
      return 0;
    }
    const out = [rm.newYear.created({ year, from, years: year - from }), ...written.map((f) => `  ${f}`)];
    if (settingsMoved) out.push(rm.newYear.settings({ year }));
    out.push(how, '', rm.newYear.next({ file, from }));
    io.stdout(out.join('\n') + '\n');
    return 0;
  });
}
