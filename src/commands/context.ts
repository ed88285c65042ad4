/**
 * What every command starts from: global options resolved (repository, language, "today",
 * colour) and the repository read and parsed. Commands stay thin: open → core → render → write.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { isCalendarDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Settings } from '../core/model.js';
import { ConfigError, UsageError } from '../errors.js';
import type { Dataset } from '../core/dataset.js';
import { catalogue, resolveLang, type Lang } from '../i18n/index.js';

export { earlyLang, resolveLang } from '../i18n/index.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { assemble, type Parsed, type Templates } from '../parse/dataset.js';
import { buildCatalog } from '../core/catalog.js';
import { runChecks, TEMPLATE_CHECKS } from '../checks/index.js';
import { BUILD, readTemplateCache, settingsKeyOf, templatesKeyOf } from '../read/template-cache.js';
import { today } from '../read/clock.js';
import { findRoot, readRepo, readSettingsFile, SETTINGS_FILE, type RawFile } from '../read/repo.js';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Terminal width, when known. */
  columns?: number;
  env: Record<string, string | undefined>;
}

export interface GlobalOptions {
  C?: string;
  asOf?: string;
  lang?: string;
  color?: boolean;
  json?: boolean;
}

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
  /** The templates as loaded, and the key of the bytes they were loaded from: `record` reuses them under its lock. */
  templates: Templates;
  templatesKey: string;
}

/** What a command wants besides the dataset: `ledger` sees each ledger file as it is read. */
export interface OpenHooks {
  ledger?: (file: RawFile) => void;
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

/** Found again from the cache: clean templates have no positions to point at. */
const noPositions = () => {
  throw new Error('templates from the cache have no positions');
};

export async function openRepo(opts: GlobalOptions, io: Io, hooks: OpenHooks = {}): Promise<Opened> {
  const lang0 = resolveLang(opts.lang);
  if (opts.asOf !== undefined && !isCalendarDate(opts.asOf)) {
    throw new UsageError('bad-date-option', { option: '--as-of', value: opts.asOf });
  }
  const root = findRoot(opts.C ?? io.cwd);
  const rawSettings = readSettingsFile(root);
  const cache = BUILD ? readTemplateCache(root) : undefined;
  const settingsKey = settingsKeyOf(rawSettings);
  const parser = async () => import('../parse/templates.js');

  let settings: Settings;
  let settingsDiagnostics: Diagnostic[] = [];
  let settingsText: string | undefined;
  const settingsHit = cache?.settingsKey === settingsKey;
  if (cache && settingsHit) settings = cache.settings;
  else {
    const p = (await parser()).parseSettings(rawSettings);
    settings = p.settings ?? {};
    settingsDiagnostics = p.diagnostics;
    settingsText = p.text;
  }
  const ledgersDir = settings.paths?.ledgers ?? 'ledgers';
  const raw = readRepo(root, { templates: settings.paths?.templates ?? 'templates', ledgers: ledgersDir }, rawSettings);
  const templatesKey = templatesKeyOf(settingsKey, raw.org, raw.checklists);
  let templates: Templates;
  if (cache && settingsHit && cache.templatesKey === templatesKey) {
    templates = {
      org: { ...cache.org, locate: noPositions },
      checklists: cache.checklists.map((c) => ({ ...c, locate: noPositions })),
      complete: true,
      checked: true,
      diagnostics: [],
      texts: new Map(),
    };
  } else {
    templates = (await parser()).parseTemplates(raw.org, raw.checklists);
    const org = templates.org;
    const clean = BUILD && org && templates.complete && settingsDiagnostics.length === 0 && templates.diagnostics.length === 0;
    if (clean) {
      const ds = { settings, org, checklists: templates.checklists, ledgers: [] };
      if (runChecks({ ds, cat: buildCatalog(ds), asOf: '' }, TEMPLATE_CHECKS).length === 0) {
        // the writer (and the crypto its temporary file name takes) loads only on a miss
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
  const ledgers = raw.ledgers;
  const seen = hooks.ledger;
  // each ledger is shown to the hook as it is read and parsed, one file at a time
  const shown = seen
    ? {
        *[Symbol.iterator]() {
          for (const f of ledgers) {
            seen(f);
            yield f;
          }
        },
      }
    : ledgers;
  const parsed = assemble(templates, shown, settings);
  if (rawSettings && settingsText !== undefined) parsed.texts.set(rawSettings.file, settingsText);
  const lang = lang0 ?? settings.lang ?? 'zh';
  return {
    ...parsed,
    root,
    settings,
    settingsDiagnostics,
    lang,
    messages: catalogue(lang),
    asOf: opts.asOf ?? today(),
    color: colorFor(opts, io),
    fileCount: (rawSettings ? 1 : 0) + 1 + raw.checklists.length + raw.ledgerFiles.length,
    ledgersDir,
    templates,
    templatesKey,
  };
}

/**
 * The dataset of a repository whose settings and templates load without error: what every
 * command but `check` needs before it can count anything. Problems in ledgers do not stop it.
 */
export function soundDataset(repo: Opened): Dataset {
  if (repo.settingsDiagnostics.some((d) => d.severity === 'error')) throw new ConfigError('bad-settings', { file: SETTINGS_FILE });
  const templateErrors = repo.diagnostics.some((d) => d.severity === 'error' && !d.file.endsWith('.ledger'));
  if (!repo.dataset || templateErrors) throw new ConfigError('bad-templates');
  return repo.dataset;
}
