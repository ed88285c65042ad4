/**
 * What every command starts from: the global options resolved (repository, language, "today",
 * colour) and the repository read and parsed: templates from the cache when their files are
 * unchanged, else parsed (YAML and zod are loaded only then), and the ledgers one file at a time.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { buildCatalog } from '../core/catalog.js';
import { isCalendarDate } from '../core/dates.js';
import { asOfView, ledgerAsOf, type Dataset, type Ledger } from '../core/dataset.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Settings } from '../core/model.js';
import { runChecks, TEMPLATE_CHECKS } from '../checks/index.js';
import { QingdanError } from '../errors.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { catalogue, resolveLang, type Lang } from '../i18n/index.js';
import type { GlobalOptions, Io } from '../io.js';
import { assemble, checkedTemplates, type Parsed, type Templates } from '../parse/dataset.js';
import { today } from '../read/clock.js';
import { findLedgers, findRoot, hasTemplateFiles, readLedgers, readSettingsFile, readTemplateFiles, refuseOutside, SETTINGS_FILE, type RawFile } from '../read/repo.js';
import { readTemplateCache, stampOf, templateStamps } from '../read/template-cache.js';
import { progress } from './progress.js';

export interface Opened extends Parsed {
  root: string;
  settings: Settings;
  settingsDiagnostics: Diagnostic[];
  lang: Lang;
  messages: Catalogue;
  asOf: string;
  color: ChalkInstance;
  fileCount: number;
  ledgersDir: string;
  /** The templates as loaded, and the stamp of the files they were loaded from: `record` reuses them under its lock. */
  templates: Templates;
  templatesKey: string;
  /** An umbrella with no templates or ledgers of its own (docs/rollup.md): there is no dataset, and only check, audit and rollup apply. */
  umbrellaOnly: boolean;
}

export interface OpenOptions {
  /** Sees each ledger file as it is read. */
  ledger?: (file: RawFile) => void;
  /** Whether templates parsed afresh may be written to the cache: only for commands that write anyway (record, void). */
  writeCache?: boolean;
  /** With `--as-of`, see the ledgers as they stood then (core/dataset.ts `asOfView`): for check, list, due and report. */
  asOfView?: boolean;
  /**
   * false: the ledgers are not read (the dataset has none). `record` and `void` read what they
   * need of them under the lock (src/recording/write-line.ts).
   */
  ledgers?: false;
  /**
   * Each ledger as it is parsed (as it stood at `--as-of` with `asOfView`) is handed to this and
   * not kept: the dataset then has no ledgers, and memory holds one ledger's lines at a time.
   * `base` is the dataset of the settings and templates (undefined when they did not load),
   * `asOf` the command's day. `check` checks each ledger so (checks/one-at-a-time.ts).
   */
  each?: (ledger: Ledger, base: Dataset | undefined, asOf: string) => void;
}

export function colorFor(opts: GlobalOptions, io: Io): ChalkInstance {
  const off = opts.color === false || io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '' || !io.isTTY;
  return new Chalk({ level: off ? 0 : 1 });
}

/**
 * The width output must fit: the terminal's (or $COLUMNS) on a TTY; unlimited when piped or
 * written to a file, so that files do not depend on the terminal they were made in.
 */
export function terminalWidth(io: Io): number {
  if (!io.isTTY) return Infinity;
  const env = Number(io.env.COLUMNS);
  return io.columns ?? (Number.isInteger(env) && env > 20 ? env : 80);
}

export async function openRepo(opts: GlobalOptions, io: Io, open: OpenOptions = {}): Promise<Opened> {
  const lang0 = resolveLang(opts.lang);
  if (opts.asOf !== undefined && !isCalendarDate(opts.asOf)) {
    throw new QingdanError('bad-date-option', { option: '--as-of', value: opts.asOf });
  }
  const root = findRoot(opts.C ?? io.cwd);
  const cache = readTemplateCache(root);
  const parser = async () => import('../parse/templates.js');

  // the settings first: they say where the templates and ledgers are
  const settingsKey = stampOf(root, [SETTINGS_FILE]);
  let settings: Settings;
  let settingsDiagnostics: Diagnostic[] = [];
  let settingsText: string | undefined;
  const rawSettings = cache?.settingsKey === settingsKey ? undefined : readSettingsFile(root);
  if (cache && cache.settingsKey === settingsKey) settings = cache.settings;
  else {
    const p = (await parser()).parseSettings(rawSettings);
    settings = p.settings ?? {};
    settingsDiagnostics = p.diagnostics;
    settingsText = p.text;
  }
  const ledgersDir = settings.paths?.ledgers ?? 'ledgers';
  const templatesDir = settings.paths?.templates ?? 'templates';
  // ledgers and templates are files of this repository, whatever command reads them
  try {
    refuseOutside(root, ledgersDir, 'paths.ledgers');
    refuseOutside(root, templatesDir, 'paths.templates');
  } catch (e) {
    if (e instanceof QingdanError) e.lang ??= lang0 ?? settings.lang;
    throw e;
  }
  // an umbrella (docs/rollup.md) may keep no checklist of its own: settings with members:, no templates, no ledgers
  const ledgerFiles = open.ledgers === false ? [] : findLedgers(root, ledgersDir);
  // (settings with errors have no value: a members: key in their text is enough to know)
  const listsMembers = (settings.members?.length ?? 0) > 0 || (settingsText !== undefined && /^members[ \t]*:/m.test(settingsText));
  const umbrellaOnly = listsMembers && !hasTemplateFiles(root, templatesDir) && (open.ledgers === false ? findLedgers(root, ledgersDir) : ledgerFiles).length === 0;
  const stamps = umbrellaOnly ? { settingsKey, templatesKey: `${settingsKey}\0umbrella`, files: { org: '', checklists: [] } } : templateStamps(root, templatesDir);
  const templatesKey = stamps.templatesKey;
  let templates: Templates;
  if (umbrellaOnly) {
    templates = { checklists: [], complete: true, diagnostics: [], texts: new Map() };
  } else if (cache && cache.templatesKey === templatesKey) {
    templates = checkedTemplates(cache.org, cache.checklists);
  } else {
    const raw = readTemplateFiles(root, stamps.files);
    templates = (await parser()).parseTemplates(raw.org, raw.checklists);
    const org = templates.org;
    if (open.writeCache && org && templates.complete && settingsDiagnostics.length === 0 && templates.diagnostics.length === 0) {
      const ds = { settings, org, checklists: templates.checklists, ledgers: [] };
      if (runChecks({ ds, cat: buildCatalog(ds), asOf: '' }, TEMPLATE_CHECKS).length === 0) {
        const { writeTemplateCache } = await import('../write/template-cache.js');
        writeTemplateCache(root, {
          settingsKey,
          settings,
          templatesKey,
          org: { file: org.file, value: org.value },
          checklists: templates.checklists.map((c) => ({ file: c.file, value: c.value })),
        });
      }
    }
  }
  const ledgers = readLedgers(root, ledgerFiles);
  const lang = lang0 ?? settings.lang ?? 'zh';
  const messages = catalogue(lang);
  const seen = open.ledger;
  // a read that takes more than a second says how far it has got, on a terminal's stderr
  const bar = progress(io, (done, total) => messages.ui.readingLedgers({ done, total }));
  // each ledger is shown to the hook as it is read and parsed, one file at a time
  const shown = {
    *[Symbol.iterator]() {
      let done = 0;
      for (const f of ledgers) {
        seen?.(f);
        yield f;
        bar.step(++done, ledgerFiles.length);
      }
    },
  };
  const asOf = opts.asOf ?? io.today ?? today();
  const each = open.each;
  const base = templates.org && templates.complete ? { settings, org: templates.org, checklists: templates.checklists, ledgers: [] } : undefined;
  const handOver = each && ((l: Ledger) => each(open.asOfView && opts.asOf !== undefined ? ledgerAsOf(l, opts.asOf) : l, base, asOf));
  let parsed: Parsed;
  try {
    parsed = assemble(templates, shown, settings, handOver);
  } finally {
    bar.end();
  }
  if (open.asOfView && opts.asOf !== undefined && parsed.dataset) parsed.dataset = asOfView(parsed.dataset, opts.asOf);
  if (rawSettings && settingsText !== undefined) parsed.texts.set(rawSettings.file, settingsText);
  return {
    ...parsed,
    root,
    settings,
    settingsDiagnostics,
    lang,
    messages,
    asOf,
    color: colorFor(opts, io),
    fileCount: (settingsKey.endsWith('\0missing') ? 0 : 1) + (umbrellaOnly ? 0 : 1) + stamps.files.checklists.length + ledgerFiles.length,
    ledgersDir,
    templates,
    templatesKey,
    umbrellaOnly,
  };
}

/**
 * The dataset of a repository whose settings and templates load without error: what every
 * command but `check` needs before it can count anything. Problems in ledgers do not stop it.
 */
export function soundDataset(repo: Opened): Dataset {
  if (repo.settingsDiagnostics.some((d) => d.severity === 'error')) throw new QingdanError('bad-settings', { file: SETTINGS_FILE });
  if (repo.umbrellaOnly) throw new QingdanError('umbrella-no-checklist');
  const templateErrors = repo.diagnostics.some((d) => d.severity === 'error' && !d.file.endsWith('.ledger'));
  if (!repo.dataset || templateErrors) throw new QingdanError('bad-templates');
  return repo.dataset;
}
