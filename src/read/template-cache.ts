/**
 * The validated templates of a data repository, kept in its `.git/qingdan/` folder so that
 * the next command need not parse YAML or load zod at all: found again only when the settings
 * and every template file have the same bytes, and this very build of qingdan made the entry.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist, Organisation, Settings } from '../core/model.js';

export interface CachedTemplates {
  settingsKey: string;
  settings: Settings;
  templatesKey: string;
  org: { file: string; value: Organisation };
  checklists: { file: string; value: Checklist }[];
}

/** Where the cache lives: only in a repository whose root holds its own `.git` folder. */
export function templateCacheFile(root: string): string | undefined {
  try {
    return statSync(join(root, '.git')).isDirectory() ? join(root, '.git', 'qingdan', 'templates.json') : undefined;
  } catch {
    return undefined;
  }
}

export function readTemplateCache(root: string): CachedTemplates | undefined {
  const file = templateCacheFile(root);
  if (!file) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as CachedTemplates;
    return typeof value.settingsKey === 'string' && typeof value.templatesKey === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
