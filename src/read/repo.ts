/**
 * The only code that touches the file system for reading a data repository: it finds the
 * repository (walking up as git does), then reads the settings, templates and ledgers as bytes.
 * Everything after this is a pure function of what it returns.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { ledgerBytesRead } from './workload.js';

export interface RawFile {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  bytes: Uint8Array;
}

export interface RawRepo {
  root: string;
  settings?: RawFile;
  org: RawFile;
  checklists: RawFile[];
  /** Ledger paths, relative to the root, in the order they are read. */
  ledgerFiles: string[];
  /**
   * The ledgers' bytes, read one file at a time as the iteration asks for them, so that a large
   * repository never holds every ledger's bytes at once.
   */
  ledgers: Iterable<RawFile>;
}

export const SETTINGS_FILE = 'qingdan.yaml';

export function findRoot(start: string): string {
  let dir = resolve(start);
  if (!existsSync(dir)) throw new UsageError('unreadable', { file: start, reason: 'ENOENT' });
  for (;;) {
    if (existsSync(join(dir, SETTINGS_FILE)) || existsSync(join(dir, 'templates', 'org.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new ConfigError('not-a-repository', { dir: resolve(start) });
    dir = parent;
  }
}

export function readRaw(root: string, file: string): RawFile {
  try {
    return { file: toPosix(relative(root, join(root, file))), bytes: readFileSync(join(root, file)) };
  } catch (e) {
    throw new ConfigError('unreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

export function readSettingsFile(root: string): RawFile | undefined {
  return existsSync(join(root, SETTINGS_FILE)) ? readRaw(root, SETTINGS_FILE) : undefined;
}

export function readRepo(root: string, paths: { templates: string; ledgers: string }, settings?: RawFile): RawRepo {
  const orgPath = join(paths.templates, 'org.yaml');
  if (!existsSync(join(root, orgPath))) throw new ConfigError('missing-org', { file: toPosix(orgPath) });
  const templateDir = join(root, paths.templates);
  const checklistNames = readdirSync(templateDir)
    .filter((f) => /^checklist-.*\.ya?ml$/.test(f))
    .sort();
  if (checklistNames.length === 0) throw new ConfigError('missing-checklist', { dir: toPosix(paths.templates) });
  const ledgerFiles = existsSync(join(root, paths.ledgers)) ? walk(join(root, paths.ledgers), '.ledger').map((abs) => toPosix(relative(root, abs))) : [];
  return {
    root,
    ...(settings ? { settings } : {}),
    org: readRaw(root, orgPath),
    checklists: checklistNames.map((f) => readRaw(root, join(paths.templates, f))),
    ledgerFiles,
    ledgers: {
      *[Symbol.iterator]() {
        for (const f of ledgerFiles) {
          const raw = readRaw(root, f);
          ledgerBytesRead(raw.file, raw.bytes.length);
          yield raw;
        }
      },
    },
  };
}

/** Files ending in `suffix` under `dir`, sorted by path so that every run reads them in one order. */
function walk(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    // links are not followed: a ledger is a file of this repository, whose history git keeps
    const st = lstatSync(path);
    if (st.isDirectory()) for (const p of walk(path, suffix)) out.push(p);
    else if (st.isFile() && name.endsWith(suffix)) out.push(path);
  }
  return out.sort();
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
