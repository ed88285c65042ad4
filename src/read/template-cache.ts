/**
 * The validated templates of a data repository, kept in its `.git/qingdan/` folder so that the
 * next command need not read YAML or load zod at all. An entry is found again only when this very
 * build made it and every file it stands for has the same path, size, modification time and inode
 * as then (beancount keys its cache the same way). The files are looked at before they are read,
 * so a file changed while it was being parsed is parsed again next time.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist, Organisation, Settings } from '../core/model.js';
import { findTemplateFiles, SETTINGS_FILE, type TemplateFiles } from './repo.js';

/** Templates as a cache keeps them: their values, without positions. */
export interface TemplateSources {
  org: { file: string; value: Organisation };
  checklists: { file: string; value: Checklist }[];
}

export interface CachedTemplates extends TemplateSources {
  settingsKey: string;
  settings: Settings;
  templatesKey: string;
}

/** Where the cache lives: only in a repository whose root holds its own `.git` folder. */
export function templateCacheFile(root: string): string | undefined {
  try {
    return statSync(join(root, '.git')).isDirectory() ? join(root, '.git', 'qingdan', 'templates.json') : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSource = (v: unknown, valid: (x: Record<string, unknown>) => boolean) => isObject(v) && typeof v.file === 'string' && isObject(v.value) && valid(v.value);
const isOrganisation = (o: Record<string, unknown>) => typeof o.name === 'string' && Array.isArray(o.units) && Array.isArray(o.people);
const isChecklist = (c: Record<string, unknown>) => typeof c.year === 'number' && Array.isArray(c.areas) && c.areas.every((a) => isObject(a) && Array.isArray(a.items));

/** Whether a value read back from a cache has the shape of kept settings: the folders they name are strings (a damaged or hand-edited file has not). */
export function isKeptSettings(v: unknown): v is Settings {
  if (!isObject(v)) return false;
  const paths = v.paths;
  return (paths === undefined || (isObject(paths) && Object.values(paths).every((p) => typeof p === 'string'))) && (v.members === undefined || Array.isArray(v.members)) && (v.lang === undefined || typeof v.lang === 'string');
}

/** Whether a value read back from a cache has the shape of kept templates (a damaged or hand-edited file has not). */
export function isTemplateSources(v: unknown): v is TemplateSources {
  return isObject(v) && isSource(v.org, isOrganisation) && Array.isArray(v.checklists) && v.checklists.every((c) => isSource(c, isChecklist));
}

/**
 * The cache's entry, when it has the shape this build writes: anything else (another build's
 * entry, a damaged or hand-edited file) is no entry, and the templates are parsed again.
 */
export function readTemplateCache(root: string): CachedTemplates | undefined {
  const file = templateCacheFile(root);
  if (!file || BUILD === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isObject(v) || typeof v.settingsKey !== 'string' || typeof v.templatesKey !== 'string' || !isKeptSettings(v.settings)) return undefined;
    return isTemplateSources(v) ? (v as unknown as CachedTemplates) : undefined;
  } catch {
    return undefined;
  }
}

declare const QINGDAN_BUILD: string;

/** This build's id; undefined when run from source (tests of the modules), which never uses the cache. */
export const BUILD = typeof QINGDAN_BUILD === 'string' ? QINGDAN_BUILD : undefined;

/** What stands for the files at `paths` (relative to `root`): path, size, modification time and inode of each; 'missing' for one that is not there. */
export function stampOf(root: string, paths: readonly string[]): string {
  const parts = [BUILD ?? ''];
  for (const p of paths) {
    try {
      const st = statSync(join(root, p), { bigint: true });
      parts.push(`${p}\0${st.size}\0${st.mtimeNs}\0${st.ino}`);
    } catch {
      parts.push(`${p}\0missing`);
    }
  }
  return parts.join('\0');
}

/** The stamps the cache is keyed by: the settings file's, and that with every template file's. */
export function templateStamps(root: string, templatesDir: string): { settingsKey: string; templatesKey: string; files: TemplateFiles } {
  const settingsKey = stampOf(root, [SETTINGS_FILE]);
  const files = findTemplateFiles(root, templatesDir);
  return { settingsKey, templatesKey: `${settingsKey}\0${stampOf(root, [files.org, ...files.checklists])}`, files };
}
