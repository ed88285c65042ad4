/**
 * The validated templates of a data repository, kept in its `.git/qingdan/` folder so that
 * the next command need not parse YAML or load zod at all: found again only when the settings
 * and every template file have the same bytes, and this very build of qingdan made the entry.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist, Organisation, Settings } from '../core/model.js';
import type { RawFile } from './repo.js';

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

declare const QINGDAN_BUILD: string;

/** This build's id; undefined in a build without one (tests run from source), which never uses the cache. */
export const BUILD = typeof QINGDAN_BUILD === 'string' ? QINGDAN_BUILD : undefined;

/**
 * What the cache is keyed by: this build and the very bytes (as text) of the files it stands
 * for, so that a change of any of them is seen without a hash to compute at start. `record`
 * compares the templates key again under its lock.
 */
export function settingsKeyOf(settings: RawFile | undefined): string {
  return keyOf([BUILD ?? '', settings?.bytes ?? 'no settings']);
}

export function templatesKeyOf(settingsKey: string, org: RawFile, checklists: readonly RawFile[]): string {
  return keyOf([settingsKey, org.file, org.bytes, ...checklists.flatMap((c) => [c.file, c.bytes])]);
}

const keyOf = (parts: (string | Uint8Array)[]) =>
  parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('latin1'))).join('\0');
